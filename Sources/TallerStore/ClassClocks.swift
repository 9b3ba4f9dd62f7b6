import Foundation
import GRDB
import TallerCore

extension TallerStore {
  /// Sets this laptop's class clock (the instructor's: it must teach the class) and returns
  /// the signed file that carries it to the teams' laptops.
  public func setClassClock(_ clock: ClassClock) throws(TallerError) -> String {
    guard let line = clock.encode(signingKey: replica.signingKey) else {
      throw .refused(Message.notAllowed(reason: .reasonSigningKey))
    }
    try local { db in
      guard try Trust.classAuthority(db, replica: replica.id, clock.klass) else { throw TallerError.refused(Message.clockNotInstructor) }
      try Self.keepClock(db, clock, line)
    }
    return line
  }

  /// Keeps a class clock received in a file if it comes from the class's instructor and is
  /// newer than the one held. Returns it when kept; `nil` when an older or the same one.
  @discardableResult
  public func receiveClassClock(_ data: Data) throws(TallerError) -> ClassClock? {
    guard let clock = ClassClock.decode(data, key: replicaKeys) else { throw .refused(Message.clockDamaged) }
    return try local { db in
      guard try Trust.classAuthority(db, replica: clock.writer, clock.klass) else {
        throw TallerError.refused(Message.clockNotFromInstructor)
      }
      return try Self.keepClock(db, clock, String(decoding: data, as: UTF8.self)) ? clock : nil
    }
  }

  /// Stores a clock if it is newer than the class's held one.
  @discardableResult
  static func keepClock(_ db: Database, _ clock: ClassClock, _ line: String) throws -> Bool {
    let held = try Int64.fetchOne(db, sql: "SELECT at FROM class_clock WHERE class = ?", arguments: [clock.klass])
    if let held, held >= clock.at { return false }
    try db.execute(
      sql: "INSERT OR REPLACE INTO class_clock(class, writer, at, document) VALUES (?, ?, ?, ?)",
      arguments: [clock.klass, clock.writer, clock.at, line.trimmingCharacters(in: .whitespacesAndNewlines)])
    return true
  }

  /// The clock of a class, as its signed line, if this laptop holds one.
  public func classClockLine(classID: String) throws(TallerError) -> String? {
    try read { db in try String.fetchOne(db, sql: "SELECT document FROM class_clock WHERE class = ?", arguments: [classID]) }
  }

  /// The clock of a class, if this laptop holds one (checked when it was kept).
  public func classClock(classID: String) throws(TallerError) -> ClassClock? {
    try classClockLine(classID: classID).flatMap(ClassClock.decodeKept)
  }

  /// The newest clock of the classes a team is enrolled in.
  public func classClock(teamID: String) throws(TallerError) -> ClassClock? {
    let classes = try read { db in try Self.classes(db, of: teamID) }
    var best: ClassClock?
    for k in classes {
      if let c = try classClock(classID: k), best.map({ $0.at < c.at }) ?? true { best = c }
    }
    return best
  }
}
