import Foundation
import GRDB
import GRDBSQLite
import Synchronization
import TallerCore

extension TallerStore {
  // MARK: Reads

  /// Every team that is not removed, sorted by name, with its current members.
  public func teams() throws(TallerError) -> [Team] {
    try readOnce(.teams) { db in try Self.teams(db) }
  }

  /// One team by id.
  public func team(id: String) throws(TallerError) -> Team? {
    if batch.current() != nil { return try read { db in try Self.team(db, id: id) } }
    // Every command reads its team, most right after writing an answer, which leaves the team
    // as it was: the last team read on the writer is kept while nothing else has written. No
    // transaction: a commit between the state and the team makes the state old, not wrong.
    return try read(together: false) { db in
      // Inside a write (which may yet roll back) the team is read and not kept.
      guard let state = try TeamCache.State(db) else { return try Self.team(db, id: id) }
      if let known = teamCache.team(id: id, at: state) { return known }
      let team = try Self.team(db, id: id)
      teamCache.remember(team, id: id, at: state)
      return team
    }
  }

  /// One team, read through the indexes (every command asks for the current team: reading
  /// every team's names for it would grow with the class).
  static func team(_ db: Database, id: String) throws -> Team? {
    // The team and its members with their winning name and deletion mark, in one statement
    // (every command of a script reads its team).
    let rows = try Row.fetchAll(db.cachedStatement(sql: Self.teamSQL), arguments: [id])
    var team: Team?
    var members: [Member] = []
    for row in rows {
      let entity: String = row[0]
      if let deleted: String = row[2], try StrictJSONParser.parse(deleted).boolValue == true,
        try deletion(db, entity: entity) == .deleted
      {
        if entity == id { return nil }
        continue
      }
      let name = try (row[1] as String?).map { try StrictJSONParser.parse($0).stringValue ?? "" } ?? ""
      if entity == id {
        team = Team(id: id, name: name, members: [])
      } else {
        members.append(Member(id: entity, name: name))
      }
    }
    guard var team else { return nil }
    team.members = members.sorted { ($0.name.lowercased(), $0.id) < ($1.name.lowercased(), $1.id) }
    return team
  }

  /// A team (`?1`) and its members: id, winning name and winning deletion mark.
  private static let teamSQL = """
    SELECT e.id,
      (SELECT v.value FROM field_value v WHERE v.entity = e.id AND v.field = '\(Field.name)'
        ORDER BY v.hlc_ms DESC, v.hlc_c DESC, v.op DESC LIMIT 1),
      (SELECT v.value FROM field_value v WHERE v.entity = e.id AND v.field = '\(Field.deleted)'
        ORDER BY v.hlc_ms DESC, v.hlc_c DESC, v.op DESC LIMIT 1)
    FROM entity e
    WHERE (e.id = ?1 AND e.type = '\(EntityType.team.rawValue)') OR (e.parent = ?1 AND e.type = '\(EntityType.member.rawValue)')
    """

  static func teams(_ db: Database) throws -> [Team] {
    let winners = try Self.winningValues(db, fields: [Field.name, Field.deleted])
    let rows = try Row.fetchAll(db.cachedStatement(sql: "SELECT id, type, parent FROM entity WHERE type IN ('team', 'member')"))
    var teams: [String: Team] = [:]
    var members: [(parent: String, member: Member)] = []
    for row in rows {
      let id: String = row["id"]
      let w = winners[id] ?? [:]
      if w[Field.deleted]?.boolValue == true, try deletion(db, entity: id) == .deleted { continue }
      let name = w[Field.name]?.stringValue ?? ""
      if row["type"] == EntityType.team.rawValue {
        teams[id] = Team(id: id, name: name, members: [])
      } else if let parent: String = row["parent"] {
        members.append((parent, Member(id: id, name: name)))
      }
    }
    for (parent, m) in members { teams[parent]?.members.append(m) }
    return teams.values.map { t in
      var t = t
      t.members.sort { ($0.name.lowercased(), $0.id) < ($1.name.lowercased(), $1.id) }
      return t
    }.sorted { Text.naturallyBefore(($0.name, $0.id), ($1.name, $1.id)) }
  }

  /// The winning value of the given fields for every entity: entity → field → value.
  static func winningValues(_ db: Database, fields: [String]) throws -> [String: [String: JSONValue]] {
    var out: [String: [String: JSONValue]] = [:]
    let placeholders = fields.map { _ in "?" }.joined(separator: ",")
    let rows = try Row.fetchAll(
      db,
      sql: """
        SELECT entity, field, value FROM field_value WHERE field IN (\(placeholders))
        ORDER BY entity, field, hlc_ms DESC, hlc_c DESC, op DESC
        """, arguments: StatementArguments(fields))
    for row in rows {
      let e: String = row["entity"]
      let f: String = row["field"]
      if out[e]?[f] != nil { continue }
      out[e, default: [:]][f] = try StrictJSONParser.parse(row["value"] as String)
    }
    return out
  }

  // MARK: Writes (each one a user action)

  /// Creates a team of at most `size` members (the agenda's team size). Names are unique,
  /// ignoring case and accents.
  public func createTeam(name raw: String, size: Int = Course.defaultTeamSize, author: String? = nil) throws(TallerError) -> Team {
    let name = try Names.validate(raw)
    return try act(author: author) { db, draft in
      if let existing = try Self.teams(db).first(where: { Names.same($0.name, name) }) {
        throw TallerError.refused(Message.teamExists(team: existing.name))
      }
      // The id binds the team to this laptop, its founder: nobody else can claim to have created it.
      let nonce = newID()
      let id = FoundedID.make("team", replica: replica.id, nonce: nonce)
      draft.ops.append(.create(entity: id, type: EntityType.team.rawValue, parent: nil))
      try draft.set(id, TrustField.founder, .object(["replica": .string(replica.id), "nonce": .string(nonce)]))
      try draft.set(id, Field.name, .string(name))
      try draft.set(id, Field.size, .int(Int64(size)))
      return Team(id: id, name: name, members: [])
    }
  }

  /// Renames a team; the new name must not be another team's.
  public func renameTeam(id: String, to raw: String, author: String? = nil) throws(TallerError) -> (old: String, new: String) {
    let name = try Names.validate(raw)
    return try act(author: author) { db, draft in
      let all = try Self.teams(db)
      guard let team = all.first(where: { $0.id == id }) else {
        throw TallerError.refused(Message.teamNotFound(team: id))
      }
      if let other = all.first(where: { $0.id != id && Names.same($0.name, name) }) {
        throw TallerError.refused(Message.teamExists(team: other.name))
      }
      if team.name != name { try draft.set(id, Field.name, .string(name)) }
      return (team.name, name)
    }
  }

  /// How many members a team may have, the same on every replica: the least team size of the
  /// classes it is enrolled in, else its own (set when it was created), else the course's.
  public func memberLimit(teamID: String) throws(TallerError) -> Int {
    try read { db in try Self.memberLimit(db, team: teamID) }
  }

  static func memberLimit(_ db: Database, team: String) throws -> Int {
    var limits: [Int64] = []
    for e in try String.fetchAll(db.cachedStatement(sql: "SELECT id FROM entity WHERE parent = ? AND type = 'enroll'"), arguments: [team]) {
      guard let klass = try Trust.value(db, e, TrustField.klass)?.stringValue, let founder = try Trust.founder(db, klass),
        try Trust.instructor(db, replica: founder, team: team), let n = try Trust.value(db, klass, Field.teamSize)?.intValue
      else { continue }
      limits.append(n)
    }
    if let least = limits.min() { return Int(max(1, least)) }
    if let own = try Trust.value(db, team, Field.size)?.intValue { return Int(max(1, own)) }
    return Course.defaultTeamSize
  }

  /// Teams with more members than they may have (members added on several laptops at once, or
  /// by a crafted change): every member is kept, and the team shows a conflict until members
  /// are removed (sync/PROTOCOL.md §2, "Course limits").
  static func memberConflicts(_ db: Database, teams known: [Team]? = nil) throws -> [Conflict] {
    var out: [Conflict] = []
    for team in try known ?? teams(db) {
      guard team.members.count > (try memberLimit(db, team: team.id)) else { continue }
      var values: [Conflict.Value] = []
      for m in team.members {
        guard
          let row = try Row.fetchOne(
            db.cachedStatement(
              sql:
                "SELECT op, hlc_ms, hlc_c FROM field_value WHERE entity = ? AND field = ? ORDER BY hlc_ms DESC, hlc_c DESC, op DESC LIMIT 1"
            ),
            arguments: [m.id, Field.name]), let id = OpID(row["op"] as String)
        else { continue }
        let author =
          try String.fetchOne(
            db.cachedStatement(sql: "SELECT author FROM change_log WHERE replica = ? AND seq = ?"), arguments: [id.replica, id.seq]) ?? ""
        values.append(
          Conflict.Value(
            op: id.description, value: .string(m.name), author: author, replica: id.replica,
            hlc: HLC(millis: row["hlc_ms"], counter: row["hlc_c"])))
      }
      out.append(Conflict(entity: team.id, field: Field.members, values: values))
    }
    return out
  }

  /// Adds members to a team, all or none: a name already in the team or a team that would grow
  /// past `limit` refuses the whole action.
  public func addMembers(teamID: String, names raw: [String], limit: Int, author: String? = nil) throws(TallerError) -> Team {
    var names: [String] = []
    for r in raw {
      let n = try Names.validate(r)
      if names.contains(where: { Names.same($0, n) }) { continue }
      names.append(n)
    }
    if names.isEmpty { throw .refused(Message.nameEmpty) }
    return try act(author: author) { db, draft in
      guard var team = try Self.teams(db).first(where: { $0.id == teamID }) else {
        throw TallerError.refused(Message.teamNotFound(team: teamID))
      }
      for n in names {
        if let m = team.members.first(where: { Names.same($0.name, n) }) {
          throw TallerError.refused(Message.memberExists(name: m.name, team: team.name))
        }
      }
      if team.members.count + names.count > limit {
        throw TallerError.refused(
          Message.teamFull(count: String(team.members.count), limit: String(limit), names: names.joined(separator: ", "), team: team.name))
      }
      for n in names {
        let id = draft.create(.member, parent: teamID)
        try draft.set(id, Field.name, .string(n))
        team.members.append(Member(id: id, name: n))
      }
      return team
    }
  }

  /// Removes a member found by name (exact, or unambiguous ignoring case and accents). The member's
  /// data stays in the log and can be restored.
  public func removeMember(teamID: String, name raw: String, author: String? = nil) throws(TallerError) -> Member {
    let name = Text.clean(raw)
    if name.isEmpty { throw .refused(Message.nameEmpty) }
    return try act(author: author) { db, draft in
      guard let team = try Self.teams(db).first(where: { $0.id == teamID }) else {
        throw TallerError.refused(Message.teamNotFound(team: teamID))
      }
      let member = try Self.resolve(name, in: team)
      try draft.remove(member.id)
      return member
    }
  }

  /// A member found by name: exact, or unambiguous ignoring case and accents, or by a unique prefix.
  public static func findMember(_ name: String, in team: Team) throws(TallerError) -> Member {
    do { return try resolve(Text.clean(name), in: team) } catch let e as TallerError { throw e } catch {
      throw .refused(Message.nameEmpty)
    }
  }

  static func resolve(_ name: String, in team: Team) throws -> Member {
    if let exact = team.members.first(where: { $0.name == name }) { return exact }
    let folded = team.members.filter { Names.same($0.name, name) }
    if folded.count == 1 { return folded[0] }
    let prefix = team.members.filter { Text.fold($0.name).hasPrefix(Text.fold(name)) }
    if prefix.count == 1 { return prefix[0] }
    let list = team.members.map(\.name)
    if prefix.count > 1 {
      throw TallerError.refused(
        Message.memberAmbiguous(members: prefix.map(\.name).joined(separator: ", "), name: name))
    }
    throw TallerError.refused(
      Message.memberNotFound(members: list.isEmpty ? "—" : list.joined(separator: ", "), name: name, team: team.name))
  }
}

/// The team last read on the writer's connection, kept while the database is as it was then
/// but for this store's own changes that touch none of the team's entities (answers).
///
/// What the database was is told by two counters SQLite keeps for the writer's connection:
/// `PRAGMA data_version` moves when another connection (another process) commits, and the
/// connection's total of changed rows moves with every write of its own. A change of this store
/// that leaves the team alone carries the entry to the new total (``carry(from:to:ops:)``); any
/// other write, whatever path it takes, leaves the entry behind.
final class TeamCache: Sendable {
  struct State: Equatable {
    var dataVersion: Int64
    var totalChanges: Int

    /// What the database is now, or `nil` inside a write transaction.
    init?(_ db: Database) throws {
      if sqlite3_txn_state(db.sqliteConnection, "main") == SQLITE_TXN_WRITE { return nil }
      dataVersion = try Int64.fetchOne(db.cachedStatement(sql: "PRAGMA data_version")) ?? 0
      totalChanges = db.totalChangesCount
    }
  }

  private struct Entry {
    var id: String
    var team: Team?
    var state: State
  }

  private let entry = Mutex<Entry?>(nil)

  /// The team kept for `id` if the database is still as it was when it was read: `.some(nil)`
  /// for a team known not to exist, `nil` when it must be read.
  func team(id: String, at state: State) -> Team?? {
    entry.withLock { e in
      guard let e, e.id == id, e.state == state else { return nil }
      return .some(e.team)
    }
  }

  func remember(_ team: Team?, id: String, at state: State) {
    entry.withLock { $0 = Entry(id: id, team: team, state: state) }
  }

  /// After this store's own committed change, which moved the connection's total of changed
  /// rows from `before` to `after`: the entry stays if it was current before the change and no
  /// operation touches the team, one of its members, or gives the team a new member.
  func carry(from before: Int, to after: Int, ops: [Op]) {
    entry.withLock { e in
      guard var kept = e, kept.state.totalChanges == before else { return }
      let members = kept.team?.members ?? []
      func isTeams(_ entity: String) -> Bool { entity == kept.id || members.contains { $0.id == entity } }
      let touches = ops.contains { op in
        if case .create(_, _, let parent?) = op, isTeams(parent) { return true }
        return isTeams(op.entity)
      }
      if touches { return }
      kept.state.totalChanges = after
      e = kept
    }
  }
}
