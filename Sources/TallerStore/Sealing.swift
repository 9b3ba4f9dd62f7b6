import Foundation
import GRDB
import TallerCore

/// What a change's entity belongs to, for deciding who may read it (sync/PROTOCOL.md §7.1).
enum ReadScope: Hashable, Comparable {
  /// A team's data: its laptops and its instructors read it.
  case team(String)
  /// A team's grades: its instructors alone.
  case grades(String)
  /// A class's own data (the class, its invitations): its instructors alone.
  case klass(String)
}

/// One sealed file an export writes: the chains (replicas) whose changes belong to one team or
/// class, sealed for the laptops that may read every one of them.
public struct SealedGroup: Equatable, Sendable {
  /// The team or class whose folder the file goes into (the envelope's `team`).
  public var scope: String
  /// The chains it carries.
  public var replicas: Set<String>
  public var readers: SealingRecipients
  /// Whether `scope` is a class (the instructor's own chain) rather than a team.
  public var isClass: Bool

  /// Names the reader set, so a folder that was sent to other readers is sent everything again
  /// (a newcomer reads the team's history).
  public var readersTag: String { String(StableID.make("readers", readers.recipients.map(\.id).joined(separator: ",")).prefix(12)) }
}

/// A sealed payload read a chunk at a time by an import, and why it stopped early, if it did.
final class PayloadChunks {
  var payload: Sealed.Payload
  var failure: TallerError?
  init(_ payload: Sealed.Payload) { self.payload = payload }
}

/// What importing a sealed file did.
public enum SealedImport: Equatable, Sendable {
  /// `removed`: laptops the file was also sealed for that were removed from the team (its
  /// writer had not seen the removal yet): they can read it.
  case imported(ImportResult, team: String, removed: [String] = [])
  /// Verified (whole, signed by its writer) but sealed for other laptops: nothing of it is
  /// readable here, and nothing was stored.
  case notForMe(team: String)
  /// The team's grades, published by its instructor (kept on this laptop, replacing older ones).
  case grades(team: String)
}

extension TallerStore {
  /// The sealed files an export writes (sync/PROTOCOL.md §7.1): every chain held here goes to
  /// the team (or class) its changes belong to, sealed for the readers common to everything it
  /// touches. A team laptop's chain belongs to its team; the instructor's, which touches the
  /// class and every team's grades, is sealed for the instructors alone. A chain that touches
  /// nothing private (a laptop that never wrote for a team) is not exported.
  public func sealedGroups() throws(TallerError) -> [SealedGroup] {
    try read { db in
      var scopeCache: [String: ReadScope?] = [:]
      func scope(_ entity: String) throws -> ReadScope? {
        if let s = scopeCache[entity] { return s }
        var current: String? = entity
        var grade = false
        var found: ReadScope?
        for _ in 0..<8 {
          guard let c = current, let info = try Trust.lookup(db, c) else { break }
          if info.type == EntityType.grade.rawValue { grade = true }
          if info.type == EntityType.team.rawValue {
            found = grade ? .grades(c) : .team(c)
            break
          }
          if info.type == EntityType.class.rawValue {
            found = .klass(c)
            break
          }
          current = info.parent
        }
        scopeCache[entity] = found
        return found
      }
      var scopes: [String: Set<ReadScope>] = [:]
      for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT replica, body FROM change_log ORDER BY replica, seq")) {
        let r: String = row["replica"]
        guard let c = try? Change(body: row["body"] as String) else { continue }
        for op in c.ops { if let s = try scope(op.entity) { scopes[r, default: []].insert(s) } }
      }
      var readerCache: [ReadScope: Set<String>] = [:]
      func readers(_ s: ReadScope) throws -> Set<String> {
        if let r = readerCache[s] { return r }
        let out: Set<String>
        switch s {
        case .team(let t): out = try Self.readerIDs(db, teamID: t, grades: false)
        case .grades(let t): out = try Self.readerIDs(db, teamID: t, grades: true)
        case .klass(let k):
          out = Set(
            try String.fetchAll(db.cachedStatement(sql: "SELECT id FROM entity WHERE type = 'replica'")).filter {
              try Trust.classAuthority(db, replica: $0, k)
            })
        }
        readerCache[s] = out
        return out
      }
      var groups: [String: SealedGroup] = [:]
      for (r, set) in scopes {
        let sorted = set.sorted()
        var common = try readers(sorted[0])
        for s in sorted.dropFirst() { common.formIntersection(try readers(s)) }
        // The folder: the team, for a chain of one team; else the class its instructor's data
        // belongs to; else (a laptop writing for two teams) the first of its teams.
        var folder: (id: String, isClass: Bool)
        if sorted.count == 1, case .team(let t) = sorted[0] {
          folder = (t, false)
        } else {
          var classes: [String] = []
          var teams: [String] = []
          for s in sorted {
            switch s {
            case .klass(let k): classes.append(k)
            case .team(let t): teams.append(t)
            case .grades(let t):
              teams.append(t)
              if let k = try Self.classes(db, of: t).first { classes.append(k) }
            }
          }
          folder = classes.min().map { ($0, true) } ?? (teams.min() ?? r, false)
        }
        let recipients = try Self.recipients(db, common)
        let key = folder.id + "|" + recipients.recipients.map(\.id).joined(separator: ",")
        groups[key, default: SealedGroup(scope: folder.id, replicas: [], readers: recipients, isClass: folder.isClass)].replicas.insert(r)
      }
      return groups.values.sorted { ($0.scope, $0.readersTag) < ($1.scope, $1.readersTag) }
    }
  }

  /// Seals a bundle for a group's readers, signed by this laptop.
  public func seal(_ bundle: SyncBundle, for group: SealedGroup) throws(TallerError) -> Data {
    // Compressed before it is sealed (sealed bytes do not compress): PROTOCOL.md §3.1.
    let payload: Data
    do { payload = try BundleCompression.compress(Data(bundle.encode().utf8)) } catch {
      throw .refused(Message.sealedDamaged(.gzip))
    }
    return try seal(payload, scope: group.scope, for: group.readers.recipients)
  }

  /// Seals bytes (a bundle's, or a grades document's) for readers, signed by this laptop.
  public func seal(_ payload: Data, scope: String, for readers: [Sealed.Recipient]) throws(TallerError) -> Data {
    try Sealed.seal(
      payload, writer: replica.id, team: scope, recipients: readers, signingKey: replica.signingKey, writerKey: replica.publicKey)
  }

  /// Imports a sealed file: checks that it is whole and signed by its writer, that it was found
  /// in its own team's folder (`folder`, when it was found in one), then opens it with this
  /// laptop's key and imports the bundle inside like any other. A file sealed for other laptops
  /// is verified and passed over, and nothing of it is stored.
  /// A file this laptop imported that was still sealed for laptops removed from its team.
  public struct SealedForRemoved: Equatable, Sendable {
    public var file: String
    public var team: String
    public var writer: String
    public var laptops: [String]
  }

  /// The files imported here that were still sealed for a removed laptop (`sync status`).
  public func sealedForRemoved() throws(TallerError) -> [SealedForRemoved] {
    try read { db in
      try Row.fetchAll(db, sql: "SELECT file, team, writer, laptops FROM sealed_for_removed ORDER BY at, file").map {
        SealedForRemoved(
          file: $0["file"], team: $0["team"], writer: $0["writer"],
          laptops: ($0["laptops"] as String).split(separator: ",").map(String.init))
      }
    }
  }

  /// `name`: the file's name, remembered if it was still sealed for a removed laptop.
  public func importSealed(_ data: Data, folder: String?, name: String? = nil) throws(TallerError) -> SealedImport {
    let keyOf = replicaKeys
    let checked = try Sealed.check(data, writerKey: keyOf)
    let header = checked.header
    if let folder, folder != header.team { throw .refused(Message.sealedWrongTeam(expected: folder, found: header.team)) }
    guard header.recipients.contains(replica.id) else { return .notForMe(team: header.team) }
    let chunks = PayloadChunks(try Sealed.openPayload(checked, me: replica.id, privateKey: replica.encryptionKey, team: folder))
    // The payload a piece at a time: its chunks as they open, inflated when the writer
    // compressed it (§3.1). A chunk that does not open, or bytes that do not inflate, end the
    // pieces early and leave the reason in `chunks.failure`.
    var firstChunk: Data? = try chunks.payload.next() ?? Data()
    let compressed = firstChunk.map(BundleCompression.isCompressed) ?? false
    let opened: () -> Data? = {
      if let c = firstChunk {
        firstChunk = nil
        return c
      }
      do throws(TallerError) { return try chunks.payload.next() } catch {
        chunks.failure = error
        return nil
      }
    }
    var pieces = opened
    if compressed {
      // A chunk that did not open keeps its own reason (the member then looks cut short).
      pieces = Self.inflated(opened) { _ in
        if chunks.failure == nil { chunks.failure = .refused(Message.sealedDamaged(.gzip)) }
      }
    }
    let first = pieces() ?? Data()
    if let failure = chunks.failure { throw failure }
    if GradesDocument.isGrades(first) {
      var whole = first
      while let c = pieces() { whole += c }
      if let failure = chunks.failure { throw failure }
      try keepGrades(whole, header: header)
      return .grades(team: header.team)
    }
    // The bundle inside streams through the same import as a file, a piece at a time.
    var pending: Data? = first
    let lines = BundleScan.Lines(pieces: {
      if let p = pending {
        pending = nil
        return p
      }
      return pieces()
    })
    do throws(TallerError) {
      let result = try importLines(lines)
      if let failure = chunks.failure { throw failure }
      let removed = try read { db in
        try header.recipients.filter { try Self.isRemoved(db, teamID: header.team, $0) }
      }
      if !removed.isEmpty, let name {
        try local { db in
          try db.execute(
            sql: "INSERT OR IGNORE INTO sealed_for_removed(file, team, writer, laptops, at) VALUES (?, ?, ?, ?, ?)",
            arguments: [name, header.team, header.writer, removed.joined(separator: ","), now()])
        }
      }
      return .imported(result, team: header.team, removed: removed)
    } catch {
      // A chunk that did not open ends the payload early: the bundle reads as cut short, but
      // the reason is the envelope's.
      throw chunks.failure ?? error
    }
  }

  /// Keeps a team's published grades if they come from its instructor and are newer than those
  /// held.
  func keepGrades(_ payload: Data, header: Sealed.Header) throws(TallerError) {
    guard let doc = GradesDocument(payload), doc.team == header.team, doc.writer == header.writer else {
      throw .refused(Message.sealedDamaged(.grades))
    }
    try local { db in
      guard try Trust.instructor(db, replica: doc.writer, team: doc.team) else {
        throw TallerError.refused(Message.gradesNotFromInstructor)
      }
      let held = try Int64.fetchOne(db, sql: "SELECT at FROM local_grades WHERE team = ?", arguments: [doc.team])
      if let held, held >= doc.at { return }
      try db.execute(
        sql: "INSERT OR REPLACE INTO local_grades(team, writer, at, document) VALUES (?, ?, ?, ?)",
        arguments: [doc.team, doc.writer, doc.at, String(decoding: doc.encode(), as: UTF8.self)])
    }
  }

  /// A team's published grades, sealed for the team's readers; `nil` when it has none. The file
  /// name depends only on the grades and the readers.
  public func sealedGrades(teamID: String) throws(TallerError) -> (data: Data, name: String, readers: SealingRecipients)? {
    let (grades, readers) = try read { db in
      (try Self.loggedGrades(db, teamID), try Self.recipients(db, Self.readerIDs(db, teamID: teamID, grades: false)))
    }
    if grades.isEmpty || readers.recipients.isEmpty { return nil }
    let doc = GradesDocument(team: teamID, writer: replica.id, at: now(), grades: grades)
    let data = try Sealed.seal(
      doc.encode(), writer: replica.id, team: teamID, recipients: readers.recipients, signingKey: replica.signingKey,
      writerKey: replica.publicKey)
    let name = Sealed.fileName(
      writer: replica.id, content: "grades\n" + doc.gradesJSON + readers.recipients.map(\.id).joined(separator: ","))
    return (data, name, readers)
  }

  /// The classes a team is enrolled in (by its enrollments' `class`).
  static func classes(_ db: Database, of team: String) throws -> [String] {
    var out: [String] = []
    for e in try String.fetchAll(db.cachedStatement(sql: "SELECT id FROM entity WHERE parent = ? AND type = 'enroll'"), arguments: [team]) {
      if let k = try Trust.value(db, e, TrustField.klass)?.stringValue { out.append(k) }
    }
    return out.sorted()
  }

  /// The laptops that may read a team's data (or its grades), by id: see
  /// ``sealingRecipients(teamID:grades:)``.
  static func readerIDs(_ db: Database, teamID: String, grades: Bool) throws -> Set<String> {
    var readers: Set<String> = grades ? [] : Set(try teamLaptops(db, teamID: teamID))
    for r in try String.fetchAll(db.cachedStatement(sql: "SELECT id FROM entity WHERE type = 'replica' ORDER BY id"))
    where !readers.contains(r) {
      if try Trust.instructor(db, replica: r, team: teamID) { readers.insert(r) }
    }
    return readers
  }

  /// Readers with the sealing key each declared; those without one listed apart.
  static func recipients(_ db: Database, _ ids: Set<String>) throws -> SealingRecipients {
    var out = SealingRecipients(recipients: [], missing: [])
    for r in ids.sorted() {
      if let key = try Trust.value(db, r, TrustField.sealingKey)?.stringValue, key.count == 64, key.allSatisfy(\.isHexDigit) {
        out.recipients.append(Sealed.Recipient(id: r, publicKey: key))
      } else {
        out.missing.append(r)
      }
    }
    return out
  }
}
