import Foundation
import GRDB
import TallerCore

extension TallerStore {
  /// Copies the write-ahead log into the main file, so the `.sqlite` file alone holds everything
  /// (someone may copy just that file to a USB stick). Called when the shell exits cleanly. The
  /// log file is reset, not emptied: an empty one makes the next open write to the database
  /// (GRDB recreates it), and a run that changes nothing must leave the file as it was.
  public func checkpoint() throws(TallerError) {
    do {
      _ = try writer.writeWithoutTransaction { db in
        try db.checkpoint(.restart)
      }
    } catch {
      throw Self.map(error, file: path)
    }
  }

  /// The writer's `PRAGMA synchronous` (2 = FULL).
  public func synchronousLevel() throws(TallerError) -> Int {
    do {
      return try writer.writeWithoutTransaction { try Int.fetchOne($0, sql: "PRAGMA synchronous") ?? -1 }
    } catch {
      throw Self.map(error, file: path)
    }
  }

  /// Writes a plain SQLite file that is not a taller database (for tests of refusals).
  package static func makePlainSQLite(path: String, sql: String) throws {
    let queue = try DatabaseQueue(path: path)
    try queue.write { try $0.execute(sql: sql) }
    try queue.close()
  }
}

extension TallerStore {
  /// `PRAGMA integrity_check`: "ok" when the file is sound.
  public func integrityCheck() throws(TallerError) -> String {
    try read { db in try String.fetchAll(db.cachedStatement(sql: "PRAGMA integrity_check")).joined(separator: "\n") }
  }
}
