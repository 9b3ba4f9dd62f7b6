import Foundation
import GRDB
import TallerCore

/// What an import did.
public struct ImportResult: Equatable, Sendable {
  public var newChanges = 0
  public var duplicates = 0
  /// Changes waiting for earlier ones, per replica: the first and last missing sequence numbers.
  public var waiting: [String: ClosedRange<Int64>] = [:]
  public var replicas: Set<String> = []
  /// The latest clock reading among the new changes (to warn about laptop clocks running ahead).
  public var latest: HLC?
  /// New changes kept in quarantine (their writer may not change what they touch).
  public var quarantined = 0

  public init() {}
}

/// One conflicting field: where, and every current value with who wrote it.
public struct Conflict: Equatable, Sendable {
  public struct Value: Equatable, Sendable {
    public var op: String
    public var value: JSONValue
    public var author: String
    public var replica: String
    public var hlc: HLC
  }

  public var entity: String
  public var field: String
  /// Winner first.
  public var values: [Value]

  /// A short id that every replica computes the same way: `c` and four hex digits.
  public var id: String { "c" + String(StableID.make("conflict", entity, field).prefix(4)) }
}

extension TallerStore {
  /// For each replica, the highest sequence number applied here (sequence numbers are applied
  /// densely, so everything below it is here too).
  public func versionVector() throws(TallerError) -> [String: Int64] {
    try read { db in
      var v: [String: Int64] = [:]
      for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT replica, max(seq) AS s FROM change_log GROUP BY replica")) {
        v[row["replica"]] = row["s"]
      }
      return v
    }
  }

  /// The stored bodies of every change above `vector`, in (replica, seq) order.
  public func changeBodies(after vector: [String: Int64]) throws(TallerError) -> [(replica: String, seq: Int64, body: String)] {
    try read { db in
      try Row.fetchAll(db.cachedStatement(sql: "SELECT replica, seq, body FROM change_log ORDER BY replica, seq")).compactMap { row in
        let r: String = row["replica"]
        let s: Int64 = row["seq"]
        return s > (vector[r] ?? 0) ? (r, s, row["body"]) : nil
      }
    }
  }

  /// Applies received change bodies, all or nothing. Already-known changes are skipped; a change
  /// whose predecessor is missing waits in `pending_change` until it arrives; a change that
  /// claims a (replica, seq) already held with other content is a fork and refuses the whole
  /// import, leaving the database as it was.
  public func importChanges(_ bodies: [String]) throws(TallerError) -> ImportResult {
    var result = ImportResult()
    defer { writers.reset() }
    do {
      try writer.write { db in try Self.importCore(db, bodies, verifyWaiting: false, into: &result) }
    } catch let e as TallerError {
      throw e
    } catch {
      throw Self.map(error, file: path)
    }
    return result
  }

  static func importCore(_ db: Database, _ bodies: [String], verifyWaiting: Bool = true, into result: inout ImportResult) throws {
    var importer = try Importer(db)
    importer.verifyWaiting = verifyWaiting
    // In (replica, seq) order, so a replica's run applies in one pass.
    var parsed: [(change: Change, body: String, digest: String)] = []
    var hashes: [String: String] = [:]  // "replica:seq" → hash, to catch a fork inside the file
    for body in bodies {
      let digest = Change.hash(ofBody: body)
      // A change already held (a relay hands over whole logs again and again) is known by its
      // replica, sequence number and hash, read without parsing the rest of it.
      if let (r, seq) = Change.key(ofCanonical: body), seq <= (try importer.head(r)).seq {
        guard try importer.hashAt.text(.text(r), .int(seq)) == digest else {
          throw TallerError.refused(Message.syncFork(replica: String(r.prefix(8)), seq: String(seq)))
        }
        result.duplicates += 1
        continue
      }
      guard let change = try? Change(body: body) else {
        throw TallerError.refused(Message.syncBadChange(reason: .reasonNotAChange))
      }
      let key = "\(change.replica):\(change.seq)"
      if let other = hashes[key], other != digest {
        throw TallerError.refused(Message.syncFork(replica: String(change.replica.prefix(8)), seq: String(change.seq)))
      }
      if hashes[key] != nil { continue }
      hashes[key] = digest
      parsed.append((change, body, digest))
    }
    parsed.sort { ($0.change.replica, $0.change.seq) < ($1.change.replica, $1.change.seq) }
    for p in parsed { try importer.add(p.change, body: p.body, digest: p.digest, into: &result) }
    try importer.finish(into: &result)
  }

  /// Applies received changes one at a time (a bundle of any size streams through it): known ones
  /// are skipped, a fork or a broken chain refuses the whole import (the caller's transaction
  /// rolls back), a change before its predecessor waits in `pending_change`, and a change that
  /// completes a run pulls the waiting ones after it.
  struct Importer {
    let db: Database
    let hashAt: Statement
    let statements: LogStatements
    let writers = Trust.Writers()
    var arrived: [(String, Int64)] = []
    /// Each replica's last change in the log, read once and then kept up to date: a run of
    /// changes applies without asking the database where its chain stands.
    var heads: [String: (seq: Int64, hash: String)] = [:]
    /// Replicas with changes waiting in `pending_change`.
    var pendingReplicas: Set<String>
    /// Whether this import applied a change (so quarantined ones may have become allowed).
    var appliedAny = false
    /// Whether this import logged a fact that may take a right away (every change is then
    /// judged again).
    var restricted = false
    /// Whether waiting changes must be covered by their writer's signature before they apply
    /// (files); not for changes handed over in process (tests, tools).
    var verifyWaiting = true

    init(_ db: Database) throws {
      self.db = db
      hashAt = try db.cachedStatement(sql: "SELECT hash FROM change_log WHERE replica = ? AND seq = ?")
      statements = try LogStatements(db)
      pendingReplicas = Set(try String.fetchAll(db.cachedStatement(sql: "SELECT DISTINCT replica FROM pending_change")))
    }

    mutating func head(_ r: String) throws -> (seq: Int64, hash: String) {
      if let h = heads[r] { return h }
      let row = try Row.fetchOne(
        db.cachedStatement(sql: "SELECT seq, hash FROM change_log WHERE replica = ? ORDER BY seq DESC LIMIT 1"), arguments: [r])
      let h = row.map { (seq: $0["seq"] as Int64, hash: $0["hash"] as String) } ?? (0, "")
      heads[r] = h
      return h
    }

    /// Adds a received change (`stored`: its text as `change_row` keeps it, when the caller
    /// packed it already).
    mutating func add(
      _ first: Change, body firstBody: String, digest firstDigest: String, stored firstStored: Raw? = nil,
      into result: inout ImportResult
    ) throws {
      var next: (Change, String, String)? = (first, firstBody, firstDigest)
      var stored = firstStored
      while let (c, body, digest) = next {
        next = nil
        defer { stored = nil }
        // Numbers from outside stay within the protocol's bounds (a clock at the end of time
        // would make every later local write overflow).
        if let what = c.outOfRange {
          throw TallerError.refused(
            Message.syncOutOfRange(replica: String(c.replica.prefix(8)), seq: String(c.seq), what: what))
        }
        let h = try head(c.replica)
        if c.seq <= h.seq {
          // Already held (the log is dense below its head): the same change, or a fork.
          if try hashAt.text(.text(c.replica), .int(c.seq)) != digest {
            throw TallerError.refused(Message.syncFork(replica: String(c.replica.prefix(8)), seq: String(c.seq)))
          }
          result.duplicates += 1
          return
        }
        if c.seq > h.seq + 1 {
          try db.cachedStatement(sql: "INSERT OR IGNORE INTO pending_change(replica, seq, hash, body) VALUES(?, ?, ?, ?)")
            .execute(arguments: [c.replica, c.seq, digest, body])
          pendingReplicas.insert(c.replica)
          return
        }
        if c.seq > 1 ? c.prev != h.hash : c.prev != nil {
          throw TallerError.refused(Message.syncBrokenChain(replica: String(c.replica.prefix(8)), seq: String(c.seq)))
        }
        if let reason = try Trust.refusal(db, replica: c.replica, seq: c.seq, ops: c.ops, cache: writers) {
          // Kept (the chain goes on through it, relays pass it on) but not applied.
          if try TallerStore.insertLog(db, change: c, body: body, hash: digest, stored: stored, using: statements) { restrict() }
          try db.cachedStatement(sql: "INSERT OR IGNORE INTO quarantine(replica, seq, reason) VALUES(?, ?, ?)")
            .execute(arguments: [c.replica, c.seq, reason])
          arrived.append((c.replica, c.seq))
        } else {
          if try TallerStore.insertLog(db, change: c, body: body, hash: digest, stored: stored, using: statements) { restrict() }
          try TallerStore.applyChange(db, change: c, using: statements)
          appliedAny = true
        }
        heads[c.replica] = (c.seq, digest)
        result.latest = max(result.latest ?? c.hlc, c.hlc)
        result.newChanges += 1
        result.replicas.insert(c.replica)
        // The next change of this replica may have been waiting for this one.
        guard pendingReplicas.contains(c.replica) else { continue }
        try db.cachedStatement(sql: "DELETE FROM pending_change WHERE replica = ? AND seq <= ?").execute(arguments: [c.replica, c.seq])
        guard
          let row = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT hash, body FROM pending_change WHERE replica = ? AND seq = ?"),
            arguments: [c.replica, c.seq + 1])
        else { continue }
        // A waiting change that does not continue the chain as it now stands, or that no
        // signature by the writer's key covers, was a fork or a forgery: it and those after it
        // are dropped (the genuine ones can come again), instead of refusing this file.
        if let nc = try? Change(body: row["body"] as String), nc.prev == digest, try waitingIsSigned(nc.replica, from: nc.seq) {
          next = (nc, row["body"], row["hash"])
        } else {
          try db.cachedStatement(sql: "DELETE FROM pending_change WHERE replica = ? AND seq > ?").execute(arguments: [c.replica, c.seq])
        }
      }
    }

    /// Whether the waiting changes of `r` from `seq` on are covered by a signature its key
    /// verifies: its head signature of some later waiting change, checked with the key known now
    /// (a run that waited may have arrived before anything told who `r` is). Laptops whose id is
    /// bound to their key had their runs checked when their files were read; laptops that never
    /// had a key have nothing to check.
    func waitingIsSigned(_ r: String, from seq: Int64) throws -> Bool {
      guard verifyWaiting, !ReplicaID.isSelfCertifying(r) else { return true }
      let declared = try Trust.value(db, r, TrustField.key)?.stringValue
      let pinned = try String.fetchOne(db.cachedStatement(sql: "SELECT key FROM replica_key WHERE replica = ?"), arguments: [r])
      guard let key = declared ?? pinned else { return true }
      for sig in try Row.fetchAll(
        db.cachedStatement(
          sql: """
            SELECT s.seq, s.hash, s.sig FROM head_signature s JOIN pending_change p
            ON p.replica = s.replica AND p.seq = s.seq AND p.hash = s.hash
            WHERE s.replica = ? AND s.seq >= ? ORDER BY s.seq DESC
            """), arguments: [r, seq])
      {
        let h = HeadSignature(replica: r, seq: sig["seq"], hash: sig["hash"], signature: sig["sig"])
        if h.verify(publicKey: key) { return true }
      }
      return false
    }

    /// A fact that may take a right away entered the log: what was cached about who may write
    /// is forgotten, and everything is judged again at the end.
    mutating func restrict() {
      restricted = true
      writers.reset()
    }

    mutating func finish(into result: inout ImportResult) throws {
      // Authority only grows from applied data: with nothing new applied, what waits in
      // quarantine is still refused.
      if restricted {
        try TrustFacts.reevaluate(db)
      } else if appliedAny {
        try TallerStore.release(db, cache: writers)
      }
      result.waiting = try TallerStore.waiting(db)
      for (r, seq) in arrived {
        if try Bool.fetchOne(
          db.cachedStatement(sql: "SELECT EXISTS(SELECT 1 FROM quarantine WHERE replica = ? AND seq = ?)"), arguments: [r, seq]) == true
        {
          result.quarantined += 1
        }
      }
    }
  }

  /// Applies every quarantined change that its writer may now make (an invitation or a join that
  /// arrived later), until nothing more changes. `byClock`: in clock order (a whole log judged
  /// again applies mostly in one pass), and what stays quarantined gets its reason.
  static func release(_ db: Database, cache: Trust.Writers? = nil, byClock: Bool = false) throws {
    var progress = true
    var reasons: [String: (String, Int64, String)] = [:]
    while progress {
      progress = false
      reasons = [:]
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT c.replica, c.seq, c.body FROM quarantine q JOIN change_log c ON c.replica = q.replica AND c.seq = q.seq
          ORDER BY \(byClock ? "c.hlc_ms, c.hlc_c, c.replica, c.seq" : "c.replica, c.seq")
          """)
      for row in rows {
        let change = try Change(body: row["body"] as String)
        if let reason = try Trust.refusal(db, replica: change.replica, seq: change.seq, ops: change.ops, cache: cache) {
          if byClock { reasons["\(change.replica):\(change.seq)"] = (change.replica, change.seq, reason) }
          continue
        }
        try applyChange(db, change: change)
        try db.execute(sql: "DELETE FROM quarantine WHERE replica = ? AND seq = ?", arguments: [change.replica, change.seq])
        progress = true
      }
    }
    for (_, (r, seq, reason)) in reasons {
      try db.execute(sql: "UPDATE quarantine SET reason = ? WHERE replica = ? AND seq = ?", arguments: [reason, r, seq])
    }
  }

  /// Missing ranges per replica that pending changes wait for.
  static func waiting(_ db: Database) throws -> [String: ClosedRange<Int64>] {
    var out: [String: ClosedRange<Int64>] = [:]
    for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT replica, min(seq) AS s FROM pending_change GROUP BY replica")) {
      let r: String = row["replica"]
      let first: Int64 = row["s"]
      let have = try Int64.fetchOne(db.cachedStatement(sql: "SELECT max(seq) FROM change_log WHERE replica = ?"), arguments: [r]) ?? 0
      out[r] = (have + 1)...(first - 1)
    }
    return out
  }

  /// Each known replica's label, taken from the author of its latest change.
  public func replicaLabels() throws(TallerError) -> [String: String] {
    try read { db in
      var out: [String: String] = [:]
      for row in try Row.fetchAll(
        db.cachedStatement(
          sql: "SELECT replica, author FROM change_log c WHERE seq = (SELECT max(seq) FROM change_log WHERE replica = c.replica)"))
      {
        out[row["replica"]] = row["author"]
      }
      // Laptops known only by changes still waiting.
      for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT replica, body FROM pending_change ORDER BY seq DESC")) {
        let r: String = row["replica"]
        if out[r] == nil, let c = try? Change(body: row["body"] as String) { out[r] = c.author }
      }
      return out
    }
  }

  /// Pending changes' missing ranges, per replica.
  public func waiting() throws(TallerError) -> [String: ClosedRange<Int64>] {
    try read { db in try Self.waiting(db) }
  }

  /// Every field that holds more than one distinct current value.
  public func conflicts() throws(TallerError) -> [Conflict] {
    // The teams, when this snapshot has read them already.
    let teams = batch.value(.teams, as: [Team].self)
    return try readOnce(.conflicts) { db in
      let groups = try Row.fetchAll(
        db,
        sql: """
          SELECT entity, field FROM field_value GROUP BY entity, field
          HAVING min(value) <> max(value) ORDER BY entity, field
          """)
      return try groups.compactMap { g -> Conflict? in
        // Long text whose concurrent edits merge cleanly is not a conflict.
        if try Self.mergedText(db, entity: g["entity"], field: g["field"]) != nil { return nil }
        return Conflict(entity: g["entity"], field: g["field"], values: try Self.conflictValues(db, entity: g["entity"], field: g["field"]))
      } + (try Self.memberConflicts(db, teams: teams))
    }
  }

  /// One field's conflict, if it holds one (looked up by key, not by scanning every field).
  public func conflict(entity: String, field: String) throws(TallerError) -> Conflict? {
    // Inside a snapshot that already found every conflict, this one is among them (or is none).
    if let all = batch.value(.conflicts, as: [Conflict].self) {
      return all.first { $0.entity == entity && $0.field == field && $0.field != Field.members }
    }
    return try read { db in
      let distinct =
        try Int.fetchOne(
          db.cachedStatement(sql: "SELECT count(DISTINCT value) FROM field_value WHERE entity = ? AND field = ?"),
          arguments: [entity, field]) ?? 0
      guard distinct > 1, try Self.mergedText(db, entity: entity, field: field) == nil else { return nil }
      return Conflict(entity: entity, field: field, values: try Self.conflictValues(db, entity: entity, field: field))
    }
  }

  /// A conflicting field's distinct values, the winner first, each with who wrote it.
  static func conflictValues(_ db: Database, entity: String, field: String) throws -> [Conflict.Value] {
    // Each value's author from its change (the op id names it): a lookup by key per value.
    let rows = try Row.fetchAll(
      db.cachedStatement(
        sql: """
          SELECT op, value, hlc_ms, hlc_c FROM field_value
          WHERE entity = ? AND field = ? ORDER BY hlc_ms DESC, hlc_c DESC, op DESC
          """), arguments: [entity, field])
    var seen = Set<String>()
    var values: [Conflict.Value] = []
    for r in rows {
      let text: String = r["value"]
      if seen.contains(text) { continue }
      seen.insert(text)
      guard let id = OpID(r["op"] as String) else { continue }
      let author =
        try String.fetchOne(
          db.cachedStatement(sql: "SELECT author FROM change_log WHERE replica = ? AND seq = ?"), arguments: [id.replica, id.seq]) ?? ""
      values.append(
        Conflict.Value(
          op: r["op"], value: try StrictJSONParser.parse(text), author: author, replica: id.replica,
          hlc: HLC(millis: r["hlc_ms"], counter: r["hlc_c"])))
    }
    return values
  }

  /// The value a conflict's values all replaced (their common base), when there is one.
  public func base(of conflict: Conflict) throws(TallerError) -> JSONValue? {
    try read { db in
      var common: Set<String>?
      for v in conflict.values {
        guard let id = OpID(v.op) else { return nil }
        let preds = Set(try Self.loggedOp(db, id)?.pred.map(\.description) ?? [])
        common = common.map { $0.intersection(preds) } ?? preds
      }
      guard let baseOp = common?.sorted().first, let id = OpID(baseOp) else { return nil }
      return try Self.loggedOp(db, id)?.value
    }
  }

  /// The winning value of one field of an entity.
  public func value(entity: String, field: String) throws(TallerError) -> JSONValue? {
    try read { db in try Trust.value(db, entity, field) }
  }

  /// The entity's type and parent (to say where a conflict is).
  public func entityInfo(_ id: String) throws(TallerError) -> (type: String, parent: String?)? {
    try read { db in
      try Row.fetchOne(db.cachedStatement(sql: "SELECT type, parent FROM entity WHERE id = ?"), arguments: [id]).map {
        ($0["type"], $0["parent"])
      }
    }
  }
}

extension TallerStore {
  /// Ids of every value currently shown or kept as a conflicting value.
  public func currentOpIDs() throws(TallerError) -> [OpID] {
    try read { db in try String.fetchAll(db.cachedStatement(sql: "SELECT op FROM field_value")).compactMap(OpID.init) }
  }
}

extension TallerStore {
  /// Every current value of one entity: its field and op id.
  public func currentOps(entity: String) throws(TallerError) -> [(field: String, op: OpID)] {
    try read { db in
      try Row.fetchAll(db.cachedStatement(sql: "SELECT field, op FROM field_value WHERE entity = ?"), arguments: [entity]).compactMap {
        row in
        OpID(row["op"] as String).map { (row["field"], $0) }
      }
    }
  }

  /// One change of the log, parsed from its stored body.
  public func change(replica: String, seq: Int64) throws(TallerError) -> Change? {
    try read { db in
      try String.fetchOne(db.cachedStatement(sql: "SELECT body FROM change_log WHERE replica = ? AND seq = ?"), arguments: [replica, seq])
        .map { try Change(body: $0) }
    }
  }
}
