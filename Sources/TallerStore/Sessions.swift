import Foundation
import GRDB
import TallerCore

extension TallerStore {
  // MARK: Reads

  /// A team's sittings, oldest first, numbered 1, 2, …, each with the changes it made. A sitting
  /// owns the changes its laptop made to the team's data after it began and before it ended (or,
  /// while open, before the laptop's next sitting of the team began).
  public func sessions(teamID: String) throws(TallerError) -> [WorkSession] {
    try read { db in try Self.sessions(db, teamID: teamID) }
  }

  /// Sittings of every team, by team id.
  public func allSessions() throws(TallerError) -> [String: [WorkSession]] {
    try read { db in
      var out: [String: [WorkSession]] = [:]
      for team in try String.fetchAll(db.cachedStatement(sql: "SELECT DISTINCT parent FROM entity WHERE type = 'session'")) {
        out[team] = try Self.sessions(db, teamID: team)
      }
      return out
    }
  }

  static func sessions(_ db: Database, teamID: String) throws -> [WorkSession] {
    struct Raw {
      var id: String, replica: String, laptop: String, started: Int64, ended: Int64?, end: SessionEnd?
      var present: [String], stopped: StopPoint?, since: Int64, endSeq: Int64?
    }
    var raws: [Raw] = []
    let ids = try String.fetchAll(
      db.cachedStatement(sql: "SELECT id FROM entity WHERE type = 'session' AND parent = ?"), arguments: [teamID])
    for id in ids {
      guard
        let created = try Row.fetchOne(
          db.cachedStatement(sql: "SELECT creator AS replica, creator_seq AS seq FROM entity WHERE id = ?"),
          arguments: [id])
      else { continue }
      let (v, _) = try fieldValues(db, entity: id)
      let endOp = try String.fetchOne(
        db,
        sql: """
          SELECT op FROM field_value WHERE entity = ? AND field = ?
          ORDER BY hlc_ms DESC, hlc_c DESC, op DESC LIMIT 1
          """, arguments: [id, SessionField.ended]
      ).flatMap(OpID.init)
      raws.append(
        Raw(
          id: id, replica: v[SessionField.replica]?.stringValue ?? created["replica"],
          laptop: v[SessionField.laptop]?.stringValue ?? "", started: v[SessionField.started]?.intValue ?? 0,
          ended: v[SessionField.ended]?.intValue, end: v[SessionField.end]?.stringValue.flatMap(SessionEnd.init),
          present: (v[SessionField.present]?.arrayValue ?? []).compactMap(\.stringValue),
          stopped: StopPoint(json: v[SessionField.stopped]),
          since: v[SessionField.since]?.intValue ?? ((created["seq"] as Int64) + 1),
          endSeq: v[SessionField.ended] == nil ? nil : endOp?.seq))
    }
    raws.sort { ($0.started, $0.id) < ($1.started, $1.id) }
    let work = try teamWork(db, teamID: teamID)
    // Numbers per laptop, in the order of its own log: every replica that has a sitting has the
    // laptop's earlier ones too (a log arrives in order), so a merge never renumbers one.
    var numbers: [String: Int] = [:]
    for r in raws.sorted(by: { ($0.replica, $0.since, $0.id) < ($1.replica, $1.since, $1.id) }) {
      numbers[r.id] = raws.filter { $0.replica == r.replica && ($0.since, $0.id) < (r.since, r.id) }.count + 1
    }
    // With several laptops, each is named by its label (and the start of its id where two
    // laptops share a label: a copied database keeps its label).
    let replicas = Set(raws.map(\.replica))
    var laptopTags: [String: String] = [:]
    if replicas.count > 1 {
      let labels = Dictionary(raws.map { ($0.replica, $0.laptop) }, uniquingKeysWith: { a, _ in a })
      for r in replicas {
        let label = labels[r] ?? ""
        let shared = replicas.contains { other in other != r && labels[other] == label }
        laptopTags[r] = shared || label.isEmpty ? (label.isEmpty ? "" : label + "·") + String(r.prefix(4)) : label
      }
    }
    var out: [WorkSession] = []
    for r in raws {
      // The end of the sitting's stretch of its laptop's log: its end, or the laptop's next
      // sitting of the team.
      var upper = r.endSeq ?? Int64.max
      if let next = raws.filter({ $0.replica == r.replica && $0.since > r.since }).map(\.since).min() {
        upper = min(upper, next)
      }
      let events = try Self.events(db, replica: r.replica, from: r.since, before: upper, work: work)
      out.append(
        WorkSession(
          id: r.id, teamID: teamID, number: numbers[r.id] ?? 1, replica: r.replica, laptop: r.laptop, started: r.started,
          ended: r.ended, end: r.end, present: r.present, stopped: r.stopped, events: events, laptopTag: laptopTags[r.replica]))
    }
    return out
  }

  /// What an entity of a team's work is: the exercise (and list) it belongs to, or the team itself.
  struct WorkEntity {
    var exercise: String?
    var list: String?
    var isItem: Bool
  }

  static func teamWork(_ db: Database, teamID: String) throws -> [String: WorkEntity] {
    var out: [String: WorkEntity] = [teamID: WorkEntity(exercise: nil, list: nil, isItem: false)]
    let rows = try Row.fetchAll(
      db,
      sql: """
        SELECT e.id, e.type, f.value AS exercise FROM entity e
        LEFT JOIN field_value f ON f.entity = e.id AND f.field = ?
        WHERE e.parent = ? AND e.type IN ('member', 'sheet')
        """, arguments: [Meta.exercise, teamID])
    var sheets: [String: String] = [:]
    for row in rows {
      let id: String = row["id"]
      if row["type"] == "member" {
        out[id] = WorkEntity(exercise: nil, list: nil, isItem: false)
      } else if let text: String = row["exercise"], let ex = (try? StrictJSONParser.parse(text))?.stringValue {
        sheets[id] = ex
        out[id] = WorkEntity(exercise: ex, list: nil, isItem: false)
      }
    }
    for (sheet, ex) in sheets {
      let items = try Row.fetchAll(
        db,
        sql: """
          SELECT e.id, f.value AS list FROM entity e
          LEFT JOIN field_value f ON f.entity = e.id AND f.field = ?
          WHERE e.parent = ? AND e.type = 'item'
          """, arguments: [Meta.list, sheet])
      for row in items {
        let list = (row["list"] as String?).flatMap { try? StrictJSONParser.parse($0) }?.stringValue
        out[row["id"]] = WorkEntity(exercise: ex, list: list, isItem: true)
      }
    }
    return out
  }

  static func events(
    _ db: Database, replica: String, from: Int64, before: Int64, work: [String: WorkEntity]
  ) throws -> [SessionEvent] {
    // The operations of the applied changes in the stretch, read from their bodies.
    let changes = try Row.fetchAll(
      db.cachedStatement(
        sql: """
          SELECT seq, hlc_ms, author, body FROM change_log c
          WHERE replica = ? AND seq >= ? AND seq < ?
            AND NOT EXISTS(SELECT 1 FROM quarantine q WHERE q.replica = c.replica AND q.seq = c.seq)
          ORDER BY seq
          """), arguments: [replica, from, before])
    var out: [SessionEvent] = []
    var created: Set<String> = []
    for row in changes {
      let seq: Int64 = row["seq"]
      for op in try Change(body: row["body"] as String).ops {
        let entity = op.entity
        guard let w = work[entity] else { continue }
        if out.last?.seq != seq {
          out.append(SessionEvent(seq: seq, at: row["hlc_ms"], author: row["author"], edits: [], exercise: nil))
          created = []
        }
        if out[out.count - 1].exercise == nil { out[out.count - 1].exercise = w.exercise }
        var field: String?
        var isCreate = false
        switch op {
        case .create: isCreate = true
        case .set(_, let f, _, _, _): field = f
        }
        var edit: SessionEdit?
        if let ex = w.exercise {
          if w.isItem {
            let list = w.list ?? ""
            if isCreate {
              created.insert(entity)
              edit = .itemAdded(exercise: ex, list: list, item: entity)
            } else if created.contains(entity) {
              edit = nil
            } else if field == Field.deleted {
              let removed = op.value == .bool(true)
              edit = removed ? .itemRemoved(exercise: ex, list: list, item: entity) : .itemEdited(exercise: ex, list: list, item: entity)
            } else if field == Meta.position {
              edit = .itemMoved(exercise: ex, list: list, item: entity)
            } else if let field, !field.hasPrefix("@") {
              edit = .itemEdited(exercise: ex, list: list, item: entity)
            }
          } else if !isCreate, let field, !field.hasPrefix("@"), field != Field.deleted {
            edit = .field(exercise: ex, field: field, value: op.value ?? .null)
          }
        } else {
          edit = .team
        }
        if let edit {
          var edits = out[out.count - 1].edits
          // One entry per item and kind, and the last value per field.
          if case .field(let e, let f, _) = edit,
            let i = edits.firstIndex(where: { if case .field(e, f, _) = $0 { return true } else { return false } })
          {
            edits[i] = edit
          } else if !edits.contains(edit) {
            edits.append(edit)
          }
          out[out.count - 1].edits = edits
        }
      }
    }
    return out
  }

  // MARK: Writes

  /// The sequence number of this replica's last change (0 before the first).
  public func lastSeq() throws(TallerError) -> Int64 {
    try read { db in
      try Int64.fetchOne(db.cachedStatement(sql: "SELECT max(seq) FROM change_log WHERE replica = ?"), arguments: [replica.id]) ?? 0
    }
  }

  /// Begins a sitting of a team on this laptop, owning this laptop's changes from `since` on.
  public func startSession(
    teamID: String, present: [String], at: Int64, since: Int64, author: String? = nil
  ) throws(TallerError) -> String {
    try act(author: author) { db, draft in
      guard try Self.teams(db).contains(where: { $0.id == teamID }) else {
        throw TallerError.refused(Message.teamNotFound(team: teamID))
      }
      let id = draft.create(.session, parent: teamID)
      try draft.set(id, SessionField.started, .int(at))
      try draft.set(id, SessionField.replica, .string(replica.id))
      try draft.set(id, SessionField.laptop, .string(replica.label))
      try draft.set(id, SessionField.present, .array(present.map(JSONValue.string)))
      try draft.set(id, SessionField.since, .int(since))
      return id
    }
  }

  /// Arms a sitting to begin inside the next change this store writes (the command's own), so
  /// that no crash can leave the command's work outside every sitting. `close`, if given, is
  /// closed in that same change.
  public func armSitting(_ start: SittingStart) { sittingSlot.arm(start) }

  /// Disarms it; the id of the sitting begun, if a change took it.
  public func disarmSitting() -> String? { sittingSlot.disarm() }

  /// The armed sitting's operations, appended to a change being written (its `since` is that
  /// change: the sitting owns it).
  func beginArmedSitting(_ db: Database, _ draft: inout ChangeDraft) throws -> String? {
    guard let p = sittingSlot.pending else { return nil }
    if let c = p.close {
      try draft.set(c.session, SessionField.ended, .int(c.at))
      try draft.set(c.session, SessionField.end, .string(c.reason.rawValue))
      if let stopped = c.stopped { try draft.set(c.session, SessionField.stopped, stopped.json) }
    }
    let id = draft.create(.session, parent: p.teamID)
    try draft.set(id, SessionField.started, .int(p.at))
    try draft.set(id, SessionField.replica, .string(replica.id))
    try draft.set(id, SessionField.laptop, .string(replica.label))
    try draft.set(id, SessionField.present, .array(p.present.map(JSONValue.string)))
    try draft.set(id, SessionField.since, .int(draft.seq))
    return id
  }

  /// Records who is present in a sitting.
  public func setPresent(sessionID: String, memberIDs: [String], author: String? = nil) throws(TallerError) {
    try act(author: author) { _, draft in
      try draft.set(sessionID, SessionField.present, .array(memberIDs.map(JSONValue.string)))
    }
  }

  /// Ends a sitting at a moment, for a reason, remembering where the team stopped.
  public func endSession(
    sessionID: String, at: Int64, reason: SessionEnd, stopped: StopPoint?, author: String? = nil
  ) throws(TallerError) {
    try act(author: author) { _, draft in
      try draft.set(sessionID, SessionField.ended, .int(at))
      try draft.set(sessionID, SessionField.end, .string(reason.rawValue))
      if let stopped { try draft.set(sessionID, SessionField.stopped, stopped.json) }
    }
  }
}
