import Foundation
import GRDB
import TallerCore

extension TallerStore {
  /// Copies the write-ahead log into the main file, so the `.sqlite` file alone holds everything
  /// (someone may copy just that file to a USB stick). Called when the shell exits cleanly and
  /// after large imports. A small log file is reset, not emptied: an empty one makes the next
  /// open write to the database (GRDB recreates it), and a run that changes nothing must leave
  /// the file as it was. A log file grown past ``walLimit`` (an import of thousands of changes)
  /// is truncated, so no large `-wal` file stays beside the database. A run that changed
  /// nothing folds nothing: what its log holds is already in the file (a checkpoint after a
  /// fresh open would copy it again, with three disk flushes, at every command that only reads).
  /// What a run that was killed left in the log is folded by the next run that writes.
  public func checkpoint() throws(TallerError) {
    do {
      let large = walBytes() > Self.walLimit
      _ = try writer.writeWithoutTransaction { db in
        guard large || db.totalChangesCount > 0 else { return }
        if large {
          try db.checkpoint(.truncate)
          // GRDB writes to the database when it opens one whose log file is empty (it creates
          // and drops a table, so that readers can open): done here, once, the next command
          // that changes nothing leaves the file as it was.
          try db.execute(sql: "CREATE TABLE taller_wal (id INTEGER PRIMARY KEY); DROP TABLE taller_wal;")
        }
        try db.checkpoint(.restart)
      }
    } catch {
      throw Self.map(error, file: path)
    }
  }

  /// The largest write-ahead log left beside a database after a command (4 MiB).
  public static let walLimit: Int64 = 4 << 20

  /// The size of the write-ahead log file (0 when there is none, or in memory).
  public func walBytes() -> Int64 {
    Self.fileSize(path + "-wal")
  }

  /// The size of a file in bytes (0 when there is none).
  static func fileSize(_ path: String) -> Int64 {
    var info = stat()
    return stat(path, &info) == 0 ? Int64(info.st_size) : 0
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
