import Foundation
import GRDB
import TallerCore

/// What this laptop remembers for itself and never syncs (TallerCore/LocalState.swift), each in
/// a typed table of its own.
extension TallerStore {
  /// Runs a write that is not a change (local state), mapping errors as every write does.
  func local<T>(_ body: (Database) throws -> T) throws(TallerError) -> T {
    do {
      return try writer.write(body)
    } catch let e as TallerError {
      throw e
    } catch {
      throw Self.map(error, file: path)
    }
  }

  // MARK: Current team and language

  /// The team this laptop works with now.
  public func currentTeam() throws(TallerError) -> String? {
    try read { db in try String.fetchOne(db, sql: "SELECT team FROM local_choice WHERE id = 1") }
  }

  public func setCurrentTeam(_ team: String?) throws(TallerError) {
    try local { db in
      try db.execute(
        sql: "INSERT INTO local_choice(id, team) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET team = excluded.team", arguments: [team])
    }
  }

  /// The language last chosen with `lang` on this laptop.
  public func language() throws(TallerError) -> Lang? {
    try read { db in try String.fetchOne(db, sql: "SELECT lang FROM local_choice WHERE id = 1").flatMap(Lang.init(rawValue:)) }
  }

  public func setLanguage(_ lang: Lang?) throws(TallerError) {
    try local { db in
      try db.execute(
        sql: "INSERT INTO local_choice(id, lang) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET lang = excluded.lang",
        arguments: [lang?.rawValue])
    }
  }

  // MARK: Walks

  /// Where the team's walk stands on this laptop.
  public func walk(team: String) throws(TallerError) -> WalkPosition? {
    try read { db in
      guard let row = try Row.fetchOne(db, sql: "SELECT * FROM local_walk WHERE team = ?", arguments: [team]) else { return nil }
      return WalkPosition(
        exercise: row["exercise"], field: row["field"], item: row["item"], sub: row["sub"],
        mode: EntryMode(rawValue: row["mode"]) ?? .line, offering: row["offering"] as Bool, details: row["details"] as Bool)
    }
  }

  /// Remembers (or, with nil, forgets) where the team's walk stands.
  public func setWalk(team: String, _ walk: WalkPosition?) throws(TallerError) {
    try local { db in
      guard let w = walk else {
        try db.execute(sql: "DELETE FROM local_walk WHERE team = ?", arguments: [team])
        return
      }
      try db.execute(
        sql: """
          INSERT OR REPLACE INTO local_walk(team, exercise, field, item, sub, mode, offering, details)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [team, w.exercise, max(0, w.field), w.item, w.sub.map { max(0, $0) }, w.mode.rawValue, w.offering, w.details])
    }
  }

  // MARK: Time boxes

  public func timeBox(team: String, exercise: String, step: String) throws(TallerError) -> TimeBox? {
    try read { db in
      try Row.fetchOne(
        db, sql: "SELECT * FROM local_timebox WHERE team = ? AND exercise = ? AND step = ?", arguments: [team, exercise, step]
      ).map(Self.timeBox)
    }
  }

  /// Every time box of a team on this laptop.
  public func timeBoxes(team: String) throws(TallerError) -> [TimeBox] {
    try read { db in
      try Row.fetchAll(db, sql: "SELECT * FROM local_timebox WHERE team = ? ORDER BY exercise, step", arguments: [team]).map(Self.timeBox)
    }
  }

  static func timeBox(_ row: Row) -> TimeBox {
    TimeBox(
      team: row["team"], exercise: row["exercise"], step: row["step"], minutes: row["minutes"], deadline: row["deadline"],
      remaining: row["remaining"], warned: row["warned"] as Bool, rang: row["rang"] as Bool)
  }

  public func setTimeBox(_ t: TimeBox) throws(TallerError) {
    try local { db in
      try db.execute(
        sql: """
          INSERT OR REPLACE INTO local_timebox(team, exercise, step, minutes, deadline, remaining, warned, rang)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          t.team, t.exercise, t.step, max(1, t.minutes), t.deadline, t.deadline == nil ? (t.remaining ?? 0) : nil, t.warned, t.rang,
        ])
    }
  }

  // MARK: Open sittings

  /// The sitting a run keeps open for the team on this laptop.
  public func openSitting(team: String) throws(TallerError) -> OpenSitting? {
    try read { db in
      try Row.fetchOne(db, sql: "SELECT * FROM local_sitting WHERE team = ?", arguments: [team]).map {
        OpenSitting(session: $0["session"], pid: $0["pid"], detached: $0["detached"] as Bool)
      }
    }
  }

  public func setOpenSitting(team: String, _ open: OpenSitting?) throws(TallerError) {
    try local { db in
      if let o = open {
        try db.execute(
          sql: "INSERT OR REPLACE INTO local_sitting(team, session, pid, detached) VALUES (?, ?, ?, ?)",
          arguments: [team, o.session, o.pid, o.detached])
      } else {
        try db.execute(sql: "DELETE FROM local_sitting WHERE team = ?", arguments: [team])
      }
    }
  }

  // MARK: What was sent where

  /// The last change of each replica already sent to a destination.
  public func sent(to destination: Destination) throws(TallerError) -> [String: Int64] {
    try read { db in
      var out: [String: Int64] = [:]
      for row in try Row.fetchAll(
        db, sql: "SELECT replica, seq FROM local_sent WHERE kind = ? AND destination = ?",
        arguments: [destination.kind, destination.location])
      {
        out[row["replica"]] = row["seq"]
      }
      return out
    }
  }

  /// Records what a destination now holds (replaces what was recorded).
  public func setSent(to destination: Destination, _ vector: [String: Int64]) throws(TallerError) {
    try local { db in
      try db.execute(
        sql: "DELETE FROM local_sent WHERE kind = ? AND destination = ?", arguments: [destination.kind, destination.location])
      for (replica, seq) in vector {
        try db.execute(
          sql: "INSERT INTO local_sent(kind, destination, replica, seq) VALUES (?, ?, ?, ?)",
          arguments: [destination.kind, destination.location, replica, max(0, seq)])
      }
    }
  }
}
