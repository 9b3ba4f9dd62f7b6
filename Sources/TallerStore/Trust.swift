import Foundation
import GRDB
import TallerCore

/// Who may change what. A change is applied only if its writer may make every one of its
/// operations; otherwise it is kept in the log (so chains stay whole and relays pass it on) but
/// quarantined. The rules read only applied data, and applying more data only ever grants more,
/// so every replica that holds the same changes applies the same ones, in any order.
///
/// - A replica may write its own key (`replica` entity whose id is its replica id).
/// - Anyone may found a team or a class; its id binds it to the founder (`FoundedID`), and the
///   `founder` field can only be written by the change that creates it.
/// - A team's data (members, answers, sessions, invitations, enrollments) may be changed by its
///   founder, by a replica that joined it with a valid invitation, and by the instructor of a class
///   it is enrolled in.
/// - A class's data and invitations, and grades, only by the class's founder (the instructor).
enum Trust {
  struct Info {
    var type: String
    var parent: String?
  }

  /// Writers already found allowed during one import (allowance only grows, so a yes stays a yes).
  /// What trust checks learned, kept for a run of checks: who may write which team (rights only
  /// ever grow), and — within one transaction only — the team of entities already stored.
  final class Writers: @unchecked Sendable {
    private let lock = NSLock()
    private var _allowed: Set<String> = []
    private var _teams: [String: String] = [:]
    /// Each `replica|team`'s removal pin (``TrustFacts/removalPin(_:team:replica:founders:)``),
    /// `nil` inside when it has none. Forgotten with the rest whenever a fact that may take a
    /// right away enters the log.
    private var _pins: [String: Int64?] = [:]
    /// `false` for the store's long-lived cache: entities of a transaction that rolls back must
    /// not be remembered.
    let remembersEntities: Bool

    init(remembersEntities: Bool = true) { self.remembersEntities = remembersEntities }

    func isAllowed(_ key: String) -> Bool { lock.withLock { _allowed.contains(key) } }
    /// Forgets everything (after an import: another laptop may have changed who may write what).
    func reset() {
      lock.withLock {
        _allowed = []
        _teams = [:]
        _pins = [:]
      }
    }
    func pin(_ key: String) -> Int64?? { lock.withLock { _pins[key] } }
    func remember(_ key: String, pin: Int64?) { lock.withLock { _pins[key] = .some(pin) } }
    func allow(_ key: String) { lock.withLock { _ = _allowed.insert(key) } }
    func team(of entity: String) -> String? { remembersEntities ? lock.withLock { _teams[entity] } : nil }
    func remember(_ entity: String, team: String) {
      if remembersEntities { lock.withLock { _teams[entity] = team } }
    }
  }

  /// Why `replica` may not make `ops` (the operations of its change number `seq`), or `nil`
  /// when it may. Every operation is judged by what is held: an entity already held keeps the
  /// type and parent of its first create, whatever a change claims about it (a create of it that
  /// disagrees refuses the change); only entities the change brings into existence are judged by
  /// the change's own creates, and those must be bound to their parent or their writer as their
  /// type requires (``creationRefusal``).
  static func refusal(_ db: Database, replica r: String, seq: Int64, ops: [Op], cache: Writers? = nil) throws -> String? {
    // What the change writes, by entity and field (derived ids are checked against it).
    var sets: [String: [String: JSONValue]] = [:]
    for op in ops {
      if case .set(let e, let f, let v, _, _) = op { sets[e, default: [:]][f] = v }
    }
    // Entities this change brings into existence, checked.
    var created: [String: Info] = [:]
    for (i, op) in ops.enumerated() {
      guard case .create(let e, let t, let p) = op else { continue }
      if let held = try lookup(db, e) {
        if held.type != t || held.parent != p { return "\(e) already exists as another \(held.type)" }
        continue
      }
      if let earlier = created[e], earlier.type != t || earlier.parent != p { return "two creates of \(e) disagree" }
      if let reason = try creationRefusal(db, id: e, type: t, parent: p, replica: r, seq: seq, index: i, sets: sets[e] ?? [:]) {
        return reason
      }
      created[e] = Info(type: t, parent: p)
    }
    var founders: [String: JSONValue] = [:]
    for (e, info) in created where info.type == EntityType.team.rawValue || info.type == EntityType.class.rawValue {
      if let f = sets[e]?[TrustField.founder] { founders[e] = f }
    }
    var local: [String: Bool] = [:]
    func mayWriteTeam(_ team: String) throws -> Bool {
      if let known = local[team] { return known }
      // Removed by the team's founder: nothing after the last change the founder held counts.
      // (Read once per team and writer in an import: a new removal makes the import judge
      // everything again, with the cache emptied.)
      let key = r + "|" + team
      let pin: Int64?
      if founders[team] == nil, let held = cache?.pin(key) {
        pin = held
      } else {
        pin = try TrustFacts.removalPin(db, team: team, replica: r, founders: founders)
        if founders[team] == nil { cache?.remember(key, pin: pin) }
      }
      if let pin, seq > pin {
        local[team] = false
        return false
      }
      if cache?.isAllowed(key) == true { return true }
      let ok = try authority(db, replica: r, team: team, creating: created, founders: founders)
      local[team] = ok
      if ok, created[team] == nil { cache?.allow(key) }
      return ok
    }
    // Entities of a team already found writable in this change (a change writes several
    // fields of one item: its team is looked up once).
    var writable: Set<String> = []
    for op in ops {
      let entity = op.entity
      let known = writable.contains(entity)
      // An entity this change creates is not held (a create of a held one is not kept in
      // `created`): no need to ask the database.
      let info = known ? nil : try created[entity] ?? lookup(db, entity)
      if !known && info == nil { return "unknown entity \(entity)" }
      if case .set(_, let f, _, _, _) = op, f == TrustField.founder, created[entity] == nil {
        return "founder of \(entity) rewritten"
      }
      guard let info else { continue }
      switch info.type {
      case EntityType.replica.rawValue:
        if entity != r { return "key of another replica" }
      case EntityType.team.rawValue:
        // Founded by this change (checked above), or written by one of its writers.
        if created[entity] == nil, !(try mayWriteTeam(entity)) { return "not a writer of team \(entity)" }
        // Only the founder (or the instructor) removes a laptop from the team.
        if case .set(_, let f, _, _, _) = op, f.hasPrefix(TrustField.removedPrefix),
          try founder(db, entity, founders: founders) != r, try !instructor(db, replica: r, team: entity)
        {
          return "only the team's founder removes a laptop"
        }
      case EntityType.class.rawValue:
        if created[entity] == nil, try !classAuthority(db, replica: r, entity, founders: founders) {
          return "not the instructor of class \(entity)"
        }
      case EntityType.join.rawValue:
        // A replica writes its own join (its proof is checked when the join is used).
        if entity != StableID.make("join", info.parent ?? "", r) { return "join for another replica" }
      case EntityType.grade.rawValue:
        guard let team = try teamOf(db, entity, created: created, cache: cache), try instructor(db, replica: r, team: team) else {
          return "grades are the instructor's"
        }
      case EntityType.invite.rawValue:
        // One use is said when the invitation is made, never later (it would take rights away).
        if case .set(_, let f, _, _, _) = op, f == TrustField.once, created[entity] == nil {
          return "an invitation's uses are set when it is made"
        }
        // Only the team's founder revokes a team's invitation.
        if case .set(_, let f, _, _, _) = op, f == TrustField.revoked, let team = info.parent,
          try founder(db, team, founders: founders) != r
        {
          return "only the team's founder revokes an invitation"
        }
        if let p = info.parent, let pinfo = try lookup(db, p) ?? created[p], pinfo.type == EntityType.class.rawValue {
          if try !classAuthority(db, replica: r, p, founders: founders) { return "not the instructor of class \(p)" }
        } else if let team = try teamOf(db, entity, created: created, cache: cache) {
          if !(try mayWriteTeam(team)) { return "not a writer of team \(team)" }
        } else {
          return "invitation for nothing"
        }
      default:
        guard let team = try teamOf(db, entity, created: created, cache: cache) else { return "outside any team: \(entity)" }
        if !(try mayWriteTeam(team)) { return "not a writer of team \(team)" }
        writable.insert(entity)
      }
    }
    return nil
  }

  /// Why a create of an entity not held yet may not stand, or `nil`. Ids that say what they are
  /// bound to must be bound to it (sync/PROTOCOL.md §2, "Who creates what"): a team or class to
  /// its founder; a replica to itself; a join to its parent and writer; a sheet, a default list
  /// item, a grade, an enrollment to their parent and the values the same change gives them; an
  /// operation-bound id (version 8) to the very operation that creates it. Random ids of earlier
  /// releases (version 4) are bound to nothing: the first create held defines them.
  static func creationRefusal(
    _ db: Database, id: String, type: String, parent p: String?, replica r: String, seq: Int64, index: Int,
    sets: [String: JSONValue]
  ) throws -> String? {
    if EntityID.isOpBound(id), id != EntityID.bound(replica: r, seq: seq, index: index) {
      return "\(id) is bound to another laptop's operation"
    }
    func derived(_ expected: String?) -> String? { expected == id ? nil : "\(type) id \(id) not derived from its parent" }
    switch type {
    case EntityType.team.rawValue, EntityType.class.rawValue:
      if p != nil { return "\(type) with a parent" }
      return try foundingRefusal(db, id, kind: type, replica: r, founder: sets[TrustField.founder])
    case EntityType.replica.rawValue:
      return id == r ? nil : "key of another replica"
    case EntityType.join.rawValue:
      return derived(p.map { StableID.make("join", $0, r) })
    case EntityType.sheet.rawValue:
      return derived(p.flatMap { team in sets[Meta.exercise]?.stringValue.map { Sheet.id(team: team, exercise: $0) } })
    case EntityType.grade.rawValue:
      return derived(p.flatMap { team in sets["key"]?.stringValue.map { StableID.make("grade", team, $0) } })
    case EntityType.enroll.rawValue:
      return derived(p.flatMap { team in sets[TrustField.klass]?.stringValue.map { StableID.make("enroll", $0, team) } })
    case EntityType.item.rawValue where StableID.version(id) == "5":
      // A default item of a list: created with its sheet, the same on every replica.
      guard let sheet = p, let list = sets[Meta.list]?.stringValue,
        (0..<ContentLimits.maximumDefaults).contains(where: { StableID.make("default", sheet, list, String($0)) == id })
      else { return "item id \(id) not derived from its list" }
      return nil
    case EntityType.response.rawValue:
      // Derived from the survey file's row (not kept whole): checked for shape only.
      return nil
    default:
      // Derived ids (version 5) belong to the kinds above: another kind may not take one.
      return StableID.version(id) == "5" ? "\(type) with the id of a derived entity" : nil
    }
  }

  static func lookup(_ db: Database, _ id: String) throws -> Info? {
    // Through SQLite's C API: a lookup per create of every imported change.
    guard let row = try db.cachedStatement(sql: "SELECT type, parent FROM entity WHERE id = ?").texts(.text(id)) else { return nil }
    return Info(type: row[0] ?? "", parent: row[1])
  }

  /// The team an entity belongs to (itself, for a team).
  static func teamOf(_ db: Database, _ id: String, created: [String: Info] = [:], cache: Writers? = nil) throws -> String? {
    var current: String? = id
    var stored: [String] = []  // entities on the way that are in the database, not being created
    for _ in 0..<6 {
      guard let c = current else { return nil }
      if let team = cache?.team(of: c) {
        for s in stored { cache?.remember(s, team: team) }
        return team
      }
      // What the change creates is not held (no need to ask the database).
      guard let info = try created[c] ?? lookup(db, c) else { return nil }
      if created[c] == nil { stored.append(c) }
      if info.type == EntityType.team.rawValue {
        for s in stored { cache?.remember(s, team: c) }
        return c
      }
      current = info.parent
    }
    return nil
  }

  /// A create of a team or class: its id must be bound to its founder, and nobody else may
  /// create it again.
  static func foundingRefusal(_ db: Database, _ id: String, kind: String, replica r: String, founder: JSONValue?) throws -> String? {
    if let f = founder {
      guard f["replica"]?.stringValue == r, let nonce = f["nonce"]?.stringValue,
        FoundedID.verify(id, kind: kind, replica: r, nonce: nonce)
      else { return "\(kind) id not founded by its writer" }
      return nil
    }
    // A founded id (version 5) is bound to a founder, which the create must name.
    if StableID.version(id) == "5" { return "\(kind) id without its founder" }
    // Written before founded ids existed (a random id): the first writer to create it.
    if let existing = try String.fetchOne(db.cachedStatement(sql: "SELECT creator FROM entity WHERE id = ?"), arguments: [id]),
      existing != r
    {
      return "\(kind) created by another replica"
    }
    return nil
  }

  /// The replica that founded a team or class.
  static func founder(_ db: Database, _ id: String, founders: [String: JSONValue] = [:]) throws -> String? {
    if let f = founders[id]?["replica"]?.stringValue { return f }
    if let text = try String.fetchOne(
      db.cachedStatement(sql: "SELECT value FROM field_value WHERE entity = ? AND field = ? ORDER BY op LIMIT 1"),
      arguments: [id, TrustField.founder]), let r = (try StrictJSONParser.parse(text))["replica"]?.stringValue
    {
      return r
    }
    return try String.fetchOne(
      db.cachedStatement(sql: "SELECT creator FROM entity WHERE id = ?"),
      arguments: [id])
  }

  static func classFounder(_ db: Database, _ id: String, founders: [String: JSONValue] = [:]) throws -> String? {
    try founder(db, id, founders: founders)
  }

  static func value(_ db: Database, _ entity: String, _ field: String) throws -> JSONValue? {
    try String.fetchOne(
      db.cachedStatement(
        sql: "SELECT value FROM field_value WHERE entity = ? AND field = ? ORDER BY hlc_ms DESC, hlc_c DESC, op DESC LIMIT 1"),
      arguments: [entity, field]
    ).map { try StrictJSONParser.parse($0) }
  }

  /// Whether an applied invitation (of a team or class) holds this public key... and its key.
  static func inviteKey(_ db: Database, _ invite: String, parent: String) throws -> String? {
    guard let info = try lookup(db, invite), info.type == EntityType.invite.rawValue, info.parent == parent else { return nil }
    return try value(db, invite, TrustField.key)?.stringValue
  }

  /// Whether replica `r` may change team `team`'s data.
  static func authority(
    _ db: Database, replica r: String, team: String, creating: [String: Info] = [:], founders: [String: JSONValue] = [:],
    depth: Int = 0
  ) throws -> Bool {
    // A team from before founded ids (format 1) carries no founder: it stays open to every
    // laptop, as it was then.
    if founders[team] == nil, try value(db, team, TrustField.founder) == nil,
      try creating[team] != nil || lookup(db, team) != nil
    {
      return true
    }
    if try founder(db, team, founders: founders) == r { return true }
    // Joined with an invitation of the team.
    let joinID = StableID.make("join", team, r)
    if try lookup(db, joinID) != nil, let invite = try value(db, joinID, TrustField.invite)?.stringValue,
      let proof = try value(db, joinID, TrustField.proof)?.stringValue, let key = try inviteKey(db, invite, parent: team),
      Signing.verify(Signing.joinMessage(team: team, replica: r), signature: proof, publicKey: key),
      try joinedInTime(db, joinID, invite: invite), try joinCounts(db, team: team, invite: invite, key: key, replica: r)
    {
      return true
    }
    // A copy of a writer's database (it inherits its origin's rights, proven with its key) —
    // not of a laptop the team's founder removed.
    if try successor(
      db, replica: r, of: team, depth: depth,
      isAuthority: { p, d in
        try TrustFacts.removalPin(db, team: team, replica: p) == nil && authority(db, replica: p, team: team, depth: d)
      })
    {
      return true
    }
    return try instructor(db, replica: r, team: team)
  }

  /// Whether a join was made before its invitation expired: the clock reading of the change that
  /// wrote its proof is not past the invitation's `expires` (an invitation without one, from an
  /// earlier release, does not expire). Both are in the log, so every laptop decides the same.
  static func joinedInTime(_ db: Database, _ joinID: String, invite: String) throws -> Bool {
    guard let expires = try value(db, invite, TrustField.expires)?.intValue else { return true }
    let at = try Int64.fetchOne(
      db.cachedStatement(
        sql: "SELECT hlc_ms FROM field_value WHERE entity = ? AND field = ? ORDER BY hlc_ms DESC, hlc_c DESC, op DESC LIMIT 1"),
      arguments: [joinID, TrustField.proof])
    return at.map { $0 <= expires } ?? false
  }

  /// Whether a join through a team's invitation still counts, judged from the log's facts: not
  /// made after the team's founder revoked the invitation, and, for a one-use invitation, the
  /// first join through it (by clock, then laptop id) among those whose proof holds.
  static func joinCounts(_ db: Database, team: String, invite: String, key: String, replica r: String) throws -> Bool {
    guard let at = try TrustFacts.joined(db, invite: invite, replica: r) else { return true }
    let revoked = try TrustFacts.revoked(db, invite: invite, team: team)
    let expires = try value(db, invite, TrustField.expires)?.intValue
    // A join counts in itself if it came before the revocation and in time.
    func inTime(_ t: TrustFacts.Clock) -> Bool {
      if let revoked, (revoked.ms, revoked.c) <= (t.ms, t.c) { return false }
      return expires.map { t.ms <= $0 } ?? true
    }
    guard inTime(at) else { return false }
    guard try value(db, invite, TrustField.once) == .bool(true) else { return true }
    for other in try TrustFacts.joins(db, invite: invite) where other.replica != r {
      if (other.at.ms, other.at.c, other.replica) < (at.ms, at.c, r), inTime(other.at),
        Signing.verify(Signing.joinMessage(team: team, replica: other.replica), signature: other.proof, publicKey: key)
      {
        return false
      }
    }
    return true
  }

  /// Whether `r` is a copy of a replica that is an authority over `parent` (a team or a class):
  /// a join of `r` under `parent` naming that replica in `from`, signed with its key.
  static func successor(
    _ db: Database, replica r: String, of parent: String, depth: Int, isAuthority: (String, Int) throws -> Bool
  ) throws -> Bool {
    guard depth < 8 else { return false }
    let joinID = StableID.make("join", parent, r)
    guard try lookup(db, joinID) != nil, let from = try value(db, joinID, TrustField.from)?.stringValue, from != r,
      let proof = try value(db, joinID, TrustField.proof)?.stringValue, let key = try replicaKey(db, from),
      Signing.verify(Signing.joinMessage(team: parent, replica: r), signature: proof, publicKey: key)
    else { return false }
    return try isAuthority(from, depth + 1)
  }

  /// A replica's public key: declared in its log, or pinned when first seen.
  static func replicaKey(_ db: Database, _ r: String) throws -> String? {
    if let declared = try value(db, r, TrustField.key)?.stringValue { return declared }
    return try String.fetchOne(db.cachedStatement(sql: "SELECT key FROM replica_key WHERE replica = ?"), arguments: [r])
  }

  /// Whether `r` is the instructor of a class: its founder, or a copy of the founder's database.
  static func classAuthority(_ db: Database, replica r: String, _ klass: String, founders: [String: JSONValue] = [:], depth: Int = 0) throws
    -> Bool
  {
    if try founder(db, klass, founders: founders) == r { return true }
    return try successor(
      db, replica: r, of: klass, depth: depth, isAuthority: { p, d in try classAuthority(db, replica: p, klass, depth: d) })
  }

  /// Whether replica `r` founded a class that team `team` is enrolled in.
  static func instructor(_ db: Database, replica r: String, team: String) throws -> Bool {
    for id in try String.fetchAll(
      db.cachedStatement(sql: "SELECT id FROM entity WHERE parent = ? AND type = 'enroll'"), arguments: [team])
    {
      guard let klass = try value(db, id, TrustField.klass)?.stringValue, try classAuthority(db, replica: r, klass),
        let invite = try value(db, id, TrustField.invite)?.stringValue,
        let proof = try value(db, id, TrustField.proof)?.stringValue, let key = try inviteKey(db, invite, parent: klass),
        Signing.verify(Signing.enrollMessage(classID: klass, team: team), signature: proof, publicKey: key)
      else { continue }
      return true
    }
    return false
  }
}

extension TallerStore {
  /// A laptop's public key as this database knows it (declared in its log, or pinned), for
  /// checking files it signed.
  var replicaKeys: (String) -> String? { { [self] r in try? self.read { db in try Trust.replicaKey(db, r) } } }
}
