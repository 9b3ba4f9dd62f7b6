import Foundation
import GRDB
import TallerCore

/// A draft of one user action, built inside a write transaction. Writes compute their `pred`
/// from the values current at that moment, inside the same transaction.
struct ChangeDraft {
  let db: Database
  /// The writer and the sequence number the change will have.
  let replica: String
  let seq: Int64
  var ops: [Op] = []

  /// Creates a new entity, its id bound to the operation that creates it (``EntityID``).
  /// Operations are only ever appended to a draft or replaced in place, so the index stays the
  /// operation's index in the change.
  mutating func create(_ type: EntityType, parent: String?) -> String {
    let id = EntityID.bound(replica: replica, seq: seq, index: ops.count)
    ops.append(.create(entity: id, type: type.rawValue, parent: parent))
    return id
  }

  /// Writes a field, overwriting every value currently shown for it (including conflicting ones,
  /// which the writer has now seen). Writing `deleted = true` removes the entity: the write lists
  /// in `seen` every current value of the entity's other fields, whoever wrote them and however
  /// they arrived (sync/PROTOCOL.md §2, "Removal"); ``finished(replica:seq:)`` adds the values the
  /// same change writes.
  mutating func set(_ entity: String, _ field: String, _ value: JSONValue) throws {
    let pred = try String.fetchAll(
      db.cachedStatement(sql: "SELECT op FROM field_value WHERE entity = ? AND field = ?"), arguments: [entity, field]
    ).compactMap(OpID.init)
    var seen: [OpID] = []
    if field == Field.deleted, value == .bool(true) {
      seen = try String.fetchAll(
        db.cachedStatement(sql: "SELECT op FROM field_value WHERE entity = ? AND field <> ?"), arguments: [entity, Field.deleted]
      ).compactMap(OpID.init)
    }
    // A second write to the same field in one change replaces the first.
    if let i = ops.firstIndex(where: {
      if case .set(let e, let f, _, _, _) = $0 { return e == entity && f == field }
      return false
    }) {
      ops[i] = .set(entity: entity, field: field, value: value, pred: pred, seen: seen)
      return
    }
    ops.append(.set(entity: entity, field: field, value: value, pred: pred, seen: seen))
  }

  /// Removes an entity (`deleted = true`, covering every current value of it; a value written
  /// concurrently, which its writer had not seen, keeps the entity alive).
  mutating func remove(_ entity: String) throws {
    try set(entity, Field.deleted, .bool(true))
  }

  /// The operations as they go into change `seq` of `replica`: a removal also covers the values
  /// this same change writes to the entity before or after it.
  func finished(replica: String, seq: Int64) -> [Op] {
    var out = ops
    for (i, op) in ops.enumerated() {
      guard case .set(let e, Field.deleted, .bool(true), let pred, var seen) = op else { continue }
      for (j, other) in ops.enumerated() where j != i {
        if case .set(e, let f, _, _, _) = other, f != Field.deleted { seen.append(OpID(replica: replica, seq: seq, index: j)) }
      }
      out[i] = .set(entity: e, field: Field.deleted, value: .bool(true), pred: pred, seen: seen)
    }
    return out
  }
}

extension TallerStore {
  /// Runs one user action: `body` validates against the current state and drafts operations; if
  /// it drafted any, they are appended to the log as one change and applied to the state, all in
  /// one immediate transaction.
  func act<T>(author: String?, _ body: (Database, inout ChangeDraft) throws -> T) throws(TallerError) -> T {
    // The connection's total of changed rows around the change, for the team kept in
    // ``TeamCache``; `carried` stays nil unless the change may carry it.
    var carried: (before: Int, after: Int, ops: [Op])?
    do {
      let result = try writer.write { db in
        let before = db.totalChangesCount
        let last = try LastChange(db, replica: replica.id)
        var draft = ChangeDraft(db: db, replica: replica.id, seq: (last?.seq ?? 0) + 1)
        let result = try body(db, &draft)
        var began: String?
        if !draft.ops.isEmpty { began = try beginArmedSitting(db, &draft) }
        defer { if let began { sittingSlot.took(began) } }
        if !draft.ops.isEmpty {
          // This laptop may only change what it is a writer of; the others would quarantine it.
          if let reason = try Trust.refusal(db, replica: replica.id, seq: draft.seq, ops: draft.ops, cache: writers) {
            throw TallerError.refused(Self.refusalMessage(db, reason: reason, ops: draft.ops, replica: replica.id))
          }
          try declareKey(db, &draft)
          // A revocation or a removal: what was applied is judged again.
          if try appendLocal(db, draft: draft, after: last, author: author ?? replica.label) {
            try TrustFacts.reevaluate(db)
            writers.reset()
            return result
          }
        }
        carried = (before, db.totalChangesCount, draft.ops)
        return result
      }
      if let carried { teamCache.carry(from: carried.before, to: carried.after, ops: carried.ops) }
      return result
    } catch let e as TallerError {
      throw e
    } catch {
      throw Self.map(error, file: path)
    }
  }

  /// The first change this replica writes (since it has a key) declares its public key, so
  /// every replica can check its signatures against its own log. Its operations go after the
  /// action's (the indexes of the action's creates are part of their ids).
  private func declareKey(_ db: Database, _ draft: inout ChangeDraft) throws {
    if keysDeclared.load(ordering: .relaxed) { return }
    let declared = try Trust.value(db, replica.id, TrustField.key)?.stringValue
    let sealing = try Trust.value(db, replica.id, TrustField.sealingKey)?.stringValue
    if declared == replica.publicKey && sealing == replica.encryptionPublicKey {
      keysDeclared.store(true, ordering: .relaxed)
      return
    }
    if try Trust.lookup(db, replica.id) == nil {
      draft.ops.append(.create(entity: replica.id, type: EntityType.replica.rawValue, parent: nil))
    }
    if declared != replica.publicKey {
      try draft.set(replica.id, TrustField.key, .string(replica.publicKey))
      try draft.set(replica.id, TrustField.label, .string(replica.label))
    }
    // The key others seal this laptop's bundles to (a laptop of an older release declares it
    // with its next change).
    try draft.set(replica.id, TrustField.sealingKey, .string(replica.encryptionPublicKey))
  }

  /// The X25519 key a laptop declared in its log (what bundles for it are sealed to).
  public func sealingKey(of replica: String) throws(TallerError) -> String? {
    try read { db in try Trust.value(db, replica, TrustField.sealingKey)?.stringValue }
  }

  /// What to tell a person whose laptop may not change a team's data.
  static func refusalMessage(_ db: Database, reason: String, ops: [Op], replica: String) -> Message {
    for op in ops {
      if let team = try? Trust.teamOf(db, op.entity) {
        let name = (try? Trust.value(db, team, Field.name))??.stringValue ?? team
        if (try? isRemoved(db, teamID: team, replica)) == true { return Message.laptopWasRemoved(team: name) }
        return Message.notTeamWriter(team: name)
      }
    }
    return Message.notAllowed(reason: reason)
  }

  /// Returns whether the change carries a fact that may take a right away.
  private func appendLocal(_ db: Database, draft: ChangeDraft, after last: LastChange?, author: String) throws -> Bool {
    // The latest clock in the log is the latest of each replica's last change (a replica's clock
    // only moves forward along its chain): one probe per other replica, walking the replicas
    // through the key, instead of an index on the clock that every import would have to write.
    var lastHLC = last?.hlc
    var next = try String.fetchOne(db.cachedStatement(sql: "SELECT min(replica) FROM change_log"))
    while let r = next {
      if r != replica.id, let other = try LastChange(db, replica: r), lastHLC.map({ $0 < other.hlc }) ?? true {
        lastHLC = other.hlc
      }
      next = try String.fetchOne(db.cachedStatement(sql: "SELECT min(replica) FROM change_log WHERE replica > ?"), arguments: [r])
    }
    // The same transaction drafted the change: its sequence number follows `last`.
    let seq = draft.seq
    let change = Change(
      replica: replica.id, seq: seq, hlc: HLC.tick(last: lastHLC, now: now()), author: author,
      prev: last?.hash, ops: draft.finished(replica: replica.id, seq: seq))
    return try Self.insert(db, change: change, body: change.body)
  }

  /// A replica's last change in the log: what the next change of its chain follows.
  struct LastChange {
    var seq: Int64
    var hash: String
    var hlc: HLC

    init?(_ db: Database, replica: String) throws {
      guard
        let row = try Row.fetchOne(
          db.cachedStatement(sql: "SELECT seq, hash, hlc_ms, hlc_c FROM change_log WHERE replica = ? ORDER BY seq DESC LIMIT 1"),
          arguments: [replica])
      else { return nil }
      seq = row[0]
      hash = row[1]
      hlc = HLC(millis: row[2], counter: row[3])
    }
  }

  /// Appends a change to the log and applies its operations to the state. Returns whether it
  /// carries a fact that may take a right away (``TrustFacts/record(_:_:)``).
  @discardableResult
  static func insert(_ db: Database, change: Change, body: String) throws -> Bool {
    let restricts = try insertLog(db, change: change, body: body)
    try applyChange(db, change: change)
    return restricts
  }

  /// Appends a change to the log only (a quarantined change: kept, passed on, not applied), with
  /// the trust facts it carries. Returns whether one of them may take a right away.
  @discardableResult
  static func insertLog(
    _ db: Database, change: Change, body: String, hash: String? = nil, stored: Raw? = nil, using st: LogStatements? = nil
  ) throws -> Bool {
    let st = try st ?? LogStatements(db)
    try st.changeInsert.run(values: StoredChanges.row(of: change, body: body, hash: hash ?? Change.hash(ofBody: body), stored: stored))
    return try TrustFacts.record(db, change)
  }

  /// Applies a logged change's operations to the state (the log keeps them in the body only).
  ///
  /// The same as applying each operation with ``apply(op:id:hlc:using:)``, in fewer statements:
  /// the change's values are inserted together (up to eight per statement), after the values
  /// each one overwrites are dropped (the state does not depend on the order operations are
  /// applied in, nor on their grouping).
  static func applyChange(_ db: Database, change: Change, using st: LogStatements? = nil) throws {
    let st = try st ?? LogStatements(db)
    var rows: [Raw] = [.int(change.hlc.millis), .int(change.hlc.counter)]
    var count = 0
    // Op ids are `replica:seq:index`: the prefix is the same for every op of the change.
    let prefix = change.replica + ":" + String(change.seq) + ":"
    for (i, op) in change.ops.enumerated() {
      switch op {
      case .create(let e, let t, let p):
        try st.entityInsert.run(.text(e), .text(t), p.raw, .text(change.replica), .int(change.seq))
      case .set(let e, let f, let v, let pred, _):
        try overwrite(e, f, pred, using: st)
        rows += [.text(e), .text(f), .text(prefix + String(i)), .text(CanonicalJSON.encode(v))]
        count += 1
        if count == LogStatements.rowsPerInsert {
          try st.valueInsert(rows: count).run(values: rows)
          rows.removeLast(4 * count)
          count = 0
        }
      }
    }
    if count > 0 { try st.valueInsert(rows: count).run(values: rows) }
  }

  /// The statements that write the log and the state, prepared once per transaction.
  final class LogStatements {
    let db: Database
    let changeInsert: Statement
    let entityInsert: Statement
    let supersede: Statement
    let dropValue: Statement
    let valueInsert: Statement
    static let rowsPerInsert = 8
    /// Inserts of 1…8 values, prepared when first needed.
    private var valueInserts: [Statement?] = Array(repeating: nil, count: rowsPerInsert)
    /// `valueInsertSQL[n - 1]` inserts n values of one change (its HLC, then entity, field, op
    /// and value of each), each unless a write already seen here overwrote it.
    private static let valueInsertSQL: [String] = (1...rowsPerInsert).map { n in
      let rows = (0..<n).map { i in "(?\(3 + 4 * i), ?\(4 + 4 * i), ?\(5 + 4 * i), ?\(6 + 4 * i))" }.joined(separator: ", ")
      return """
        INSERT OR IGNORE INTO field_value(entity, field, op, value, hlc_ms, hlc_c)
        SELECT v.column1, v.column2, v.column3, v.column4, ?1, ?2 FROM (VALUES \(rows)) v
        WHERE NOT EXISTS(SELECT 1 FROM superseded s WHERE s.entity = v.column1 AND s.field = v.column2 AND s.op = v.column3)
        """
    }

    /// The insert of `n` values of one change.
    func valueInsert(rows n: Int) throws -> Statement {
      if let st = valueInserts[n - 1] { return st }
      let st = try db.cachedStatement(sql: Self.valueInsertSQL[n - 1])
      valueInserts[n - 1] = st
      return st
    }

    init(_ db: Database) throws {
      self.db = db
      changeInsert = try db.cachedStatement(sql: StoredChanges.insertSQL)
      // Several creates of one id (a sheet two laptops started): they agree on its type and
      // parent (a create that disagrees is never applied), and the least (replica, seq) is its
      // creator, whatever the order they arrive in. Type and parent never change.
      entityInsert = try db.cachedStatement(
        sql: """
          INSERT INTO entity(id, type, parent, creator, creator_seq) VALUES(?1, ?2, ?3, ?4, ?5)
          ON CONFLICT(id) DO UPDATE SET creator = ?4, creator_seq = ?5
          WHERE (?4, ?5) < (entity.creator, entity.creator_seq) AND entity.type = ?2 AND entity.parent IS ?3
          """)
      supersede = try db.cachedStatement(sql: "INSERT OR IGNORE INTO superseded(entity, field, op) VALUES(?, ?, ?)")
      dropValue = try db.cachedStatement(sql: "DELETE FROM field_value WHERE entity = ? AND field = ? AND op = ?")
      valueInsert = try db.cachedStatement(
        sql: """
          INSERT OR IGNORE INTO field_value(entity, field, op, value, hlc_ms, hlc_c)
          SELECT ?1, ?2, ?3, ?4, ?5, ?6 WHERE NOT EXISTS(SELECT 1 FROM superseded WHERE entity = ?1 AND field = ?2 AND op = ?3)
          """)
    }
  }

  /// Applies one operation to the state tables. The result does not depend on the order in which
  /// operations are applied (each table is a set, and overwriting is by explicit `pred`), so
  /// merging logs is a set union and a rebuild may replay them in any order.
  static func apply(op: Op, id: OpID, hlc: HLC, using st: LogStatements) throws {
    switch op {
    case .create(let e, let t, let p):
      try st.entityInsert.run(.text(e), .text(t), p.raw, .text(id.replica), .int(id.seq))
    case .set(let e, let f, let v, let pred, _):
      try overwrite(e, f, pred, using: st)
      // Unless a write already seen here overwrote it.
      try st.valueInsert.run(.text(e), .text(f), .text(id.description), .text(CanonicalJSON.encode(v)), .int(hlc.millis), .int(hlc.counter))
    }
  }

  /// A write of field `f` of `e` overwrites the values of that field named in `pred`: they are
  /// dropped, and remembered so that one arriving later is not shown.
  private static func overwrite(_ e: String, _ f: String, _ pred: [OpID], using st: LogStatements) throws {
    for p in pred {
      let text = p.description
      try st.supersede.run(.text(e), .text(f), .text(text))
      try st.dropValue.run(.text(e), .text(f), .text(text))
    }
  }

  /// One operation of the log, read from its change's body (the only place the log keeps it);
  /// `nil` when no such change or operation is held.
  static func loggedOp(_ db: Database, _ id: OpID) throws -> Op? {
    guard
      let body = try String.fetchOne(
        db.cachedStatement(sql: "SELECT body FROM change_log WHERE replica = ? AND seq = ?"), arguments: [id.replica, id.seq])
    else { return nil }
    let ops = try Change(body: body).ops
    return ops.indices.contains(id.index) ? ops[id.index] : nil
  }

  // MARK: Rebuild and inspection

  /// Rebuilds the state tables from the log alone, replaying the changes in the given order
  /// (any order gives the same state). Used by tests and by repair.
  public func rebuildState(order: ((Change, Change) -> Bool)? = nil) throws(TallerError) {
    do {
      try writer.write { db in
        try db.execute(sql: "DELETE FROM entity; DELETE FROM field_value; DELETE FROM superseded;")
        let st = try LogStatements(db)
        var changes: [Change] = []
        for body in try String.fetchAll(
          db,
          sql: """
            SELECT body FROM change_log c WHERE NOT EXISTS
            (SELECT 1 FROM quarantine q WHERE q.replica = c.replica AND q.seq = c.seq)
            """)
        {
          changes.append(try Change(body: body))
        }
        if let order { changes.sort(by: order) }
        for c in changes {
          for (i, op) in c.ops.enumerated() {
            try Self.apply(op: op, id: OpID(replica: c.replica, seq: c.seq, index: i), hlc: c.hlc, using: st)
          }
        }
      }
    } catch {
      throw Self.map(error, file: path)
    }
  }

  /// Every change in the log, in (replica, seq) order, parsed from its stored body.
  public func changes() throws(TallerError) -> [Change] {
    try read { db in
      try String.fetchAll(db.cachedStatement(sql: "SELECT body FROM change_log ORDER BY replica, seq")).map { try Change(body: $0) }
    }
  }

  /// Number of changes in the log.
  public func changeCount() throws(TallerError) -> Int {
    try read { db in try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM change_log")) ?? 0 }
  }

  /// The live state, as the log defines it.
  public func snapshot() throws(TallerError) -> Snapshot {
    try read { db in try Self.snapshot(db) }
  }

  static func snapshot(_ db: Database) throws -> Snapshot {
    var fields: [String: [String: [JSONValue]]] = [:]
    let rows = try Row.fetchAll(
      db.cachedStatement(sql: "SELECT entity, field, value FROM field_value ORDER BY entity, field, hlc_ms DESC, hlc_c DESC, op DESC"))
    for row in rows {
      let e: String = row["entity"]
      let f: String = row["field"]
      let v = try StrictJSONParser.parse(row["value"] as String)
      // Identical concurrent values are one value, not a conflict.
      if fields[e]?[f]?.contains(v) == true { continue }
      fields[e, default: [:]][f, default: []].append(v)
    }
    for (e, fs) in fields {
      for (f, values) in fs where values.count > 1 {
        if let merged = try mergedText(db, entity: e, field: f) { fields[e]?[f] = [.string(merged)] }
      }
    }
    let entities = try Row.fetchAll(db.cachedStatement(sql: "SELECT id, type, parent FROM entity")).map { row in
      Snapshot.Entity(id: row["id"], type: row["type"], parent: row["parent"], fields: fields[row["id"]] ?? [:])
    }
    return Snapshot(entities: entities)
  }
}
