import Foundation
import GRDB
import TallerCore

/// Why a bundle's signatures were refused.
public enum SignatureRefusal: Error, Equatable, Sendable {
  /// A replica's changes with no signature of their head, or a signature that does not verify.
  case unsigned(replica: String)
  case invalid(replica: String)
  /// The bundle gives a replica another key than the one already known for it.
  case keyChanged(replica: String)
  /// A replica's changes in the bundle do not form one unbroken run of its chain.
  case brokenRun(replica: String)
  /// A key that is not the one the replica's id is bound to.
  case impostor(replica: String)
  /// An unsigned (format 1) file carrying changes of a replica that signs what it writes.
  case unsignedKnown(replica: String)
}

extension TallerStore {
  // MARK: Export

  /// A bundle of every change above `vector`: each replica's run of changes with its signature
  /// of the run's head (this replica signs its own now; others' signatures are passed on as
  /// received, and a replica's changes past its last signature stay behind). `nil` when there is
  /// nothing to send. `only`: the replicas whose changes it carries (all, when `nil`).
  /// `through`: for the replicas it names, changes up to that sequence number only (a prefix of
  /// the chain, signed at its last change).
  public func exportBundle(
    after vector: [String: Int64], only: Set<String>? = nil, through: [String: Int64] = [:]
  ) throws(TallerError) -> SyncBundle? {
    do {
      return try writer.write { db -> SyncBundle? in
        var rows: [(replica: String, seq: Int64, body: String, hash: String)] = []
        for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT replica, seq, body, hash FROM change_log ORDER BY replica, seq")) {
          let r: String = row["replica"]
          let seq: Int64 = row["seq"]
          if seq > (vector[r] ?? 0), seq <= (through[r] ?? .max), only?.contains(r) ?? true {
            rows.append((r, seq, row["body"], row["hash"]))
          }
        }
        var keep: [(replica: String, seq: Int64, body: String, hash: String)] = []
        var signatures: [HeadSignature] = []
        var keys: [String: String] = [:]
        for (r, group) in Dictionary(grouping: rows, by: \.replica).sorted(by: { $0.key < $1.key }) {
          let run = group.sorted { $0.seq < $1.seq }
          guard let head = run.last else { continue }
          if r == replica.id {
            guard let sig = Signing.sign(Signing.headMessage(replica: r, seq: head.seq, hash: head.hash), privateKey: replica.signingKey)
            else { continue }
            let s = HeadSignature(replica: r, seq: head.seq, hash: head.hash, signature: sig)
            try Self.storeSignature(db, s)
            signatures.append(s)
            keys[r] = replica.publicKey
            keep += run
            continue
          }
          // The highest signature held for this replica within the run.
          guard let key = try Trust.replicaKey(db, r),
            let sigRow = try Row.fetchOne(
              db.cachedStatement(
                sql: "SELECT seq, hash, sig FROM head_signature WHERE replica = ? AND seq <= ? AND seq > ? ORDER BY seq DESC LIMIT 1"),
              arguments: [r, head.seq, vector[r] ?? 0])
          else { continue }
          let s = HeadSignature(replica: r, seq: sigRow["seq"], hash: sigRow["hash"], signature: sigRow["sig"])
          signatures.append(s)
          keys[r] = key
          keep += run.filter { $0.seq <= s.seq }
        }
        if keep.isEmpty { return nil }
        var prereq: [String: Int64] = [:]
        for r in keep where prereq[r.replica] == nil { prereq[r.replica] = r.seq - 1 }
        var bundle = SyncBundle(
          writer: replica.id, writerLabel: replica.label, prerequisites: prereq.filter { $0.value > 0 },
          bodies: keep.map(\.body), keys: keys, signatures: signatures)
        // Which teams and classes the file is about, for people sorting files.
        var teams = Set<String>()
        for r in keep {
          guard let c = try? Change(body: r.body) else { continue }
          for op in c.ops { if let t = try Trust.teamOf(db, op.entity) { teams.insert(t) } }
        }
        var classes = Set(
          try String.fetchAll(db.cachedStatement(sql: "SELECT id FROM entity WHERE type = 'class'")).filter {
            try Trust.classAuthority(db, replica: replica.id, $0)
          })
        for t in teams {
          for e in try String.fetchAll(
            db.cachedStatement(sql: "SELECT id FROM entity WHERE parent = ? AND type = 'enroll'"), arguments: [t])
          {
            if let k = try Trust.value(db, e, TrustField.klass)?.stringValue { classes.insert(k) }
          }
        }
        bundle.teams = Array(teams)
        bundle.classes = Array(classes)
        return bundle
      }
    } catch let e as TallerError {
      throw e
    } catch {
      throw Self.map(error, file: path)
    }
  }

  static func storeSignature(_ db: Database, _ s: HeadSignature) throws {
    try db.execute(
      sql: "INSERT OR IGNORE INTO head_signature(replica, seq, hash, sig) VALUES(?, ?, ?, ?)",
      arguments: [s.replica, s.seq, s.hash, s.signature])
  }

  // MARK: Import

  /// Imports a bundle after checking its signatures: every replica's run of changes must be one
  /// unbroken stretch of its chain whose head carries that replica's valid signature, by the key
  /// known for it (pinned the first time it is seen). Signatures and keys are kept, so this
  /// database can pass the changes on. All or nothing. Bundles from before signatures (format 1)
  /// are imported as they were then.
  public func importBundle(_ bundle: SyncBundle) throws(TallerError) -> ImportResult {
    var result = ImportResult()
    defer { writers.reset() }
    do {
      try writer.write { db in
        var firsts: [String: Int64] = [:]
        if bundle.version >= 2 {
          firsts = try self.verify(db, bundle)
        } else {
          for body in bundle.bodies {
            guard let c = try? Change(body: body) else { continue }
            try self.checkUnsignedAllowed(db, c.replica)
          }
        }
        try Self.importCore(db, bundle.bodies, into: &result)
        if bundle.version >= 2 { try keepKeysAndSignatures(db, bundle, runs: firsts) }
      }
    } catch let e as TallerError {
      throw e
    } catch let e as SignatureRefusal {
      throw .refused(Self.message(e))
    } catch {
      throw Self.map(error, file: path)
    }
    return result
  }

  /// Called inside an import's transaction after each change read from the file, with their
  /// count: the fault tests stop a process there to kill it mid-import. Set once at start-up.
  nonisolated(unsafe) public static var importProbe: ((Int) -> Void)?

  /// Imports a bundle file in one streamed pass, in flat memory whatever its size: changes are
  /// applied as they are read, inside one transaction that rolls back if anything in the file —
  /// grammar, count, hash, a run, a signature, a key — turns out wrong. The same checks and the
  /// same all-or-nothing as ``importBundle(_:)``.
  public func importFile(path file: String) throws(TallerError) -> ImportResult {
    // Only regular files (a symbolic link to one is followed): a pipe named like a bundle would
    // block the read forever, a device would never end.
    guard FileKind.isRegular(file) else { throw .file(Message.syncNotRegular) }
    // A compressed bundle (PROTOCOL.md §3.1) is inflated as it is read: its first two bytes
    // tell. Either way the same handle reads it from the start.
    guard let h = FileHandle(forReadingAtPath: file) else { throw .refused(SyncBundle.Refusal.notABundle.message) }
    defer { try? h.close() }
    let head = (try? h.read(upToCount: 2)) ?? Data()
    guard (try? h.seek(toOffset: 0)) != nil else { throw .refused(SyncBundle.Refusal.notABundle.message) }
    let read = { (try? h.read(upToCount: 1 << 20)) ?? nil }
    guard BundleCompression.isCompressed(head) else { return try importLines(BundleScan.Lines(pieces: read)) }
    var failure: BundleCompression.Failure?
    let lines = BundleScan.Lines(pieces: Self.inflated(read, failed: { failure = $0 }))
    do throws(TallerError) {
      return try importLines(lines)
    } catch {
      // Cut short is said as for a plain file; bytes that do not inflate are not a bundle.
      switch failure {
      case .truncated?: throw .refused(SyncBundle.Refusal.truncated.message)
      case .damaged?, .trailing?: throw .refused(SyncBundle.Refusal.notABundle.message)
      case nil: throw error
      }
    }
  }

  /// The bytes of a compressed bundle read from `source`, a piece at a time. Bytes that do not
  /// inflate end them with a line that is no line, so the scan refuses the bundle and the
  /// import rolls back even when the damage comes after the end line; `failed` is told why.
  static func inflated(_ source: @escaping () -> Data?, failed: @escaping (BundleCompression.Failure) -> Void) -> () -> Data? {
    let inflater = BundleCompression.Inflater(source: source)
    var done = false
    return {
      if done { return nil }
      do throws(BundleCompression.Failure) { return try inflater.next() } catch {
        done = true
        failed(error)
        return Data([0x0A, 0x00])
      }
    }
  }

  /// The streamed import of a bundle's lines, from a file or a sealed bundle's payload.
  func importLines(_ lines: BundleScan.Lines) throws(TallerError) -> ImportResult {
    var result = ImportResult()
    defer { writers.reset() }
    do {
      try writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA cache_size = -32768") }
      defer { try? writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA cache_size = -2000") } }
      try writer.write { db in
        var header: SyncBundle?
        // Each replica's key as known before this file (its changes may declare one).
        var knownKeys: [String: String?] = [:]
        var importer = try Importer(db)
        var seen = 0
        var unsignedChecked: Set<String> = []
        // The file is read, parsed and hashed on another thread meanwhile (ScanAhead).
        let ahead = ScanAhead(lines: lines)
        defer { ahead.stop() }
        var scanned: BundleScan?
        while scanned == nil {
          switch ahead.next() {
          case .header(let b): header = b
          case .failed(let error): throw error
          case .end(let scan): scanned = scan
          case .changes(let items):
            guard let b = header else { continue }
            for item in items {
              let c = item.change
              if b.version >= 2 {
                if knownKeys[c.replica] == nil { knownKeys[c.replica] = try knownKey(db, c.replica) }
                try Self.checkDeclaredKey(c, b)
              } else if unsignedChecked.insert(c.replica).inserted {
                try checkUnsignedAllowed(db, c.replica)
              }
              try importer.add(c, body: item.text, digest: item.digest, stored: item.stored, into: &result)
              seen += 1
              Self.importProbe?(seen)
            }
            ahead.done(items)
          }
        }
        guard let scan = scanned else { return }
        let b = scan.bundle
        if b.version >= 2 {
          for (r, run) in scan.runs {
            try checkHead(b, replica: r, seq: run.last, hash: run.lastHash, known: knownKeys[r] ?? nil)
          }
        }
        try importer.finish(into: &result)
        if b.version >= 2 { try keepKeysAndSignatures(db, b, runs: scan.runs.mapValues(\.first)) }
      }
      // A large import leaves its pages in the write-ahead log: folded into the file now, and
      // the log cut back, so a shell that goes on does not keep them twice on disk.
      if walBytes() > Self.walLimit { try? checkpoint() }
    } catch let e as TallerError {
      throw e
    } catch let e as SignatureRefusal {
      throw .refused(Self.message(e))
    } catch let e as SyncBundle.Refusal {
      throw .refused(e.message)
    } catch {
      throw Self.map(error, file: path)
    }
    return result
  }

  /// Checks every replica's run and its signature; returns where each run starts.
  private func verify(_ db: Database, _ bundle: SyncBundle) throws -> [String: Int64] {
    var runs: [String: [Change]] = [:]
    var hashes: [String: [Int64: String]] = [:]
    for body in bundle.bodies {
      guard let c = try? Change(body: body) else {
        throw TallerError.refused(Message.syncBadChange(reason: .reasonNotAChange))
      }
      runs[c.replica, default: []].append(c)
      hashes[c.replica, default: [:]][c.seq] = Change.hash(ofBody: body)
    }
    for (r, run) in runs {
      let sorted = run.sorted { $0.seq < $1.seq }
      for (a, b) in zip(sorted, sorted.dropFirst()) where b.seq != a.seq + 1 || b.prev != hashes[r]?[a.seq] {
        throw SignatureRefusal.brokenRun(replica: r)
      }
      guard let head = sorted.last else { continue }
      try checkHead(bundle, replica: r, seq: head.seq, hash: hashes[r]?[head.seq] ?? "", known: try knownKey(db, r))
      for c in sorted { try Self.checkDeclaredKey(c, bundle) }
    }
    return runs.compactMapValues { $0.map(\.seq).min() }
  }

  /// The run of replica `r` ends at (`seq`, `hash`): the bundle must carry that replica's valid
  /// signature of it, by the key its id is bound to (laptops of this release) or the key known
  /// for it (older laptops: declared in its log, or pinned when first seen).
  private func checkHead(_ bundle: SyncBundle, replica r: String, seq: Int64, hash: String, known: String?) throws {
    guard let sig = bundle.signatures.first(where: { $0.replica == r }), sig.seq == seq, sig.hash == hash,
      let key = bundle.keys[r]
    else { throw SignatureRefusal.unsigned(replica: r) }
    if ReplicaID.isSelfCertifying(r) {
      guard ReplicaID.certifies(r, publicKey: key) else { throw SignatureRefusal.impostor(replica: r) }
    } else if let known, known != key {
      throw SignatureRefusal.keyChanged(replica: r)
    }
    guard sig.verify(publicKey: key) else { throw SignatureRefusal.invalid(replica: r) }
  }

  /// An unsigned file (format 1) may only carry changes of a laptop that never had a key: not
  /// of one whose id is bound to a key, nor of one whose key is known here (this laptop's own
  /// included). Such files are from before signatures; anything newer that arrives unsigned is
  /// a downgrade.
  private func checkUnsignedAllowed(_ db: Database, _ r: String) throws {
    let known = try knownKey(db, r)
    if ReplicaID.isSelfCertifying(r) || known != nil { throw SignatureRefusal.unsignedKnown(replica: r) }
  }

  /// The key this database knows for a replica: declared in its log, else pinned when its
  /// changes first joined the chain here (sync/PROTOCOL.md §4, "Which key").
  private func knownKey(_ db: Database, _ r: String) throws -> String? {
    if r == replica.id { return replica.publicKey }
    if let declared = try Trust.value(db, r, TrustField.key)?.stringValue { return declared }
    return try String.fetchOne(db.cachedStatement(sql: "SELECT key FROM replica_key WHERE replica = ?"), arguments: [r])
  }

  /// A key declared inside a run must be the one that signs it.
  static func checkDeclaredKey(_ c: Change, _ bundle: SyncBundle) throws {
    for op in c.ops {
      if case .set(let e, let f, let v, _, _) = op, e == c.replica, f == TrustField.key, v.stringValue != bundle.keys[c.replica] {
        throw SignatureRefusal.keyChanged(replica: c.replica)
      }
    }
  }

  /// Keeps the signatures of an accepted bundle, so this database can relay it, and pins the
  /// key of an older laptop (a random id, bound to no key) that declared none in its log — only
  /// once some of its changes in the file joined its chain here: a run that waits for earlier
  /// changes pins nothing, so a file signed by an impostor cannot lock the real laptop out.
  private func keepKeysAndSignatures(_ db: Database, _ bundle: SyncBundle, runs: [String: Int64]) throws {
    let replicas = Set(runs.keys)
    for (r, first) in runs where r != replica.id && !ReplicaID.isSelfCertifying(r) {
      guard let key = bundle.keys[r], try Trust.value(db, r, TrustField.key) == nil,
        let head = try Int64.fetchOne(db.cachedStatement(sql: "SELECT max(seq) FROM change_log WHERE replica = ?"), arguments: [r]),
        head >= first
      else { continue }
      try db.execute(sql: "INSERT OR IGNORE INTO replica_key(replica, key) VALUES(?, ?)", arguments: [r, key])
    }
    for s in bundle.signatures where replicas.contains(s.replica) { try Self.storeSignature(db, s) }
  }

  static func message(_ e: SignatureRefusal) -> Message {
    switch e {
    case .unsigned(let r): return Message.syncUnsigned(replica: String(r.prefix(8)))
    case .invalid(let r): return Message.syncBadSignature(replica: String(r.prefix(8)))
    case .keyChanged(let r): return Message.syncKeyChanged(replica: String(r.prefix(8)))
    case .brokenRun(let r): return Message.syncBrokenRun(replica: String(r.prefix(8)))
    case .impostor(let r): return Message.syncImpostor(replica: String(r.prefix(8)))
    case .unsignedKnown(let r): return Message.syncUnsignedKnown(replica: String(r.prefix(8)))
    }
  }

  // MARK: Quarantine

  /// A change kept out of the state, and why.
  public struct Quarantined: Equatable, Sendable {
    public var replica: String
    public var seq: Int64
    public var author: String
    public var reason: String
  }

  /// Every quarantined change.
  public func quarantined() throws(TallerError) -> [Quarantined] {
    try read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT q.replica, q.seq, q.reason, c.author FROM quarantine q
          JOIN change_log c ON c.replica = q.replica AND c.seq = q.seq ORDER BY q.replica, q.seq
          """
      ).map { Quarantined(replica: $0["replica"], seq: $0["seq"], author: $0["author"], reason: $0["reason"]) }
    }
  }
}
