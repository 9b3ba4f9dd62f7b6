import Foundation
import GRDB
import TallerCore

/// Facts about who may write that are read from the log, not from the state: revocations of
/// invitations, removals of laptops, and joins. A right that can be taken away cannot be judged
/// from the applied state alone (what is applied depends on it, and a revocation may arrive after
/// what it revokes); judged from every logged change, applied or quarantined, every laptop that
/// holds the same changes decides the same, whatever order they came in. The facts are written
/// only by a team's founder (revocations, removals) or are each laptop's own (joins), and a
/// founder's right never depends on anything, so the rules stay well founded (PROTOCOL.md §7.4).
enum TrustFacts {
  static let join = "join"

  /// Records the facts a change entering the log carries. Returns whether one of them may take
  /// away a right already used, so that what was applied must be judged again.
  @discardableResult
  static func record(_ db: Database, _ change: Change) throws -> Bool {
    var restricts = false
    var joins: [String: (invite: String?, proof: String?, isJoin: Bool)] = [:]
    // Most changes carry no fact: the statement is looked up only for those that do (this runs
    // for every change an import logs).
    func add(_ e: String, _ f: String, _ v: String) throws {
      try db.cachedStatement(
        sql: "INSERT OR IGNORE INTO trust_fact(entity, field, value, replica, seq, hlc_ms, hlc_c) VALUES(?, ?, ?, ?, ?, ?, ?)"
      ).execute(arguments: [e, f, v, change.replica, change.seq, change.hlc.millis, change.hlc.counter])
    }
    for op in change.ops {
      guard case .set(let e, let f, let v, _, _) = op else { continue }
      switch f {
      case TrustField.revoked:
        try add(e, f, CanonicalJSON.encode(v))
        restricts = true
      case _ where f.hasPrefix(TrustField.removedPrefix):
        try add(e, f, CanonicalJSON.encode(v))
        if v.intValue != nil { restricts = true }
      case TrustField.invite: joins[e, default: (nil, nil, false)].invite = v.stringValue
      case TrustField.proof: joins[e, default: (nil, nil, false)].proof = v.stringValue
      case TrustField.replica: joins[e, default: (nil, nil, false)].isJoin = true
      default: break
      }
    }
    for (_, j) in joins where j.isJoin {
      guard let invite = j.invite, let proof = j.proof else { continue }
      // Another laptop's join through the same invitation: one of them may no longer count.
      if try Bool.fetchOne(
        db.cachedStatement(sql: "SELECT EXISTS(SELECT 1 FROM trust_fact WHERE entity = ? AND field = ? AND replica <> ?)"),
        arguments: [invite, join, change.replica]) == true
      {
        restricts = true
      }
      try add(invite, join, proof)
    }
    return restricts
  }

  /// Records the facts of every change already logged (a database from before facts).
  static func backfill(_ db: Database) throws {
    let rows = try Row.fetchCursor(
      db,
      sql: """
        SELECT body FROM change_log
        WHERE body LIKE '%"proof"%' OR body LIKE '%"revoked"%' OR body LIKE '%"removed:%'
        """)
    while let row = try rows.next() {
      if let c = try? Change(body: row["body"] as String) { try record(db, c) }
    }
  }

  typealias Clock = (ms: Int64, c: Int64)

  /// When `replica` first joined through `invite` (the clock of its first join change).
  static func joined(_ db: Database, invite: String, replica: String) throws -> Clock? {
    try Row.fetchOne(
      db.cachedStatement(
        sql: "SELECT hlc_ms, hlc_c FROM trust_fact WHERE entity = ? AND field = ? AND replica = ? ORDER BY hlc_ms, hlc_c LIMIT 1"),
      arguments: [invite, join, replica]
    ).map { ($0["hlc_ms"], $0["hlc_c"]) }
  }

  /// When the founder of `team` first revoked its invitation `invite`, if it did.
  static func revoked(_ db: Database, invite: String, team: String) throws -> Clock? {
    guard let founder = try Trust.founder(db, team) else { return nil }
    return try Row.fetchOne(
      db.cachedStatement(
        sql: """
          SELECT hlc_ms, hlc_c FROM trust_fact WHERE entity = ? AND field = ? AND replica = ? AND value = 'true'
          ORDER BY hlc_ms, hlc_c LIMIT 1
          """),
      arguments: [invite, TrustField.revoked, founder]
    ).map { ($0["hlc_ms"], $0["hlc_c"]) }
  }

  /// Other laptops' joins through `invite`: who, when, and their proof (to be checked).
  static func joins(_ db: Database, invite: String) throws -> [(replica: String, at: Clock, proof: String)] {
    try Row.fetchAll(
      db.cachedStatement(sql: "SELECT replica, hlc_ms, hlc_c, value FROM trust_fact WHERE entity = ? AND field = ?"),
      arguments: [invite, join]
    ).map { ($0["replica"], ($0["hlc_ms"], $0["hlc_c"]), $0["value"]) }
  }

  /// The last change of `replica` that still counts for `team`, when the team's founder removed
  /// it (its latest word on the matter, by clock); `nil` for the founder itself. `founders`: those
  /// of teams the change being judged creates.
  static func removalPin(_ db: Database, team: String, replica: String, founders: [String: JSONValue] = [:]) throws -> Int64? {
    guard let founder = try Trust.founder(db, team, founders: founders), founder != replica,
      let text = try String.fetchOne(
        db.cachedStatement(
          sql: "SELECT value FROM trust_fact WHERE entity = ? AND field = ? AND replica = ? ORDER BY hlc_ms DESC, hlc_c DESC LIMIT 1"),
        arguments: [team, TrustField.removed(replica), founder])
    else { return nil }
    return (try? StrictJSONParser.parse(text))?.intValue
  }

  /// Judges every logged change again, from an empty state: after a fact that takes a right away
  /// (a revocation, a removal, an earlier join through a one-use invitation) arrived. What is no
  /// longer allowed stays in the log, quarantined; nothing is deleted from the log.
  static func reevaluate(_ db: Database) throws {
    try db.execute(
      sql: """
        DELETE FROM entity; DELETE FROM field_value; DELETE FROM superseded;
        INSERT OR REPLACE INTO quarantine(replica, seq, reason) SELECT replica, seq, 'judged again' FROM change_log;
        """)
    try TallerStore.release(db, byClock: true)
  }
}
