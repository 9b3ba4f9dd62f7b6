import Foundation
import GRDB
import Synchronization
import TallerCore

/// How the log's changes are kept: rows of `change_row`, each change's text packed
/// (``PackedText``) and its hash as its 32 bytes. Every reader reads the view `change_log`,
/// which gives the columns as they always were (the text, the hash in lowercase hex) through the
/// SQL function `change_text`, registered on every connection. A change's text is packed with
/// its replica as context (the text names it once, and its 36 characters do not pack).
enum StoredChanges {
  /// Registers `change_text(body, replica)`: a packed text unpacked, a plain one as it is.
  static func prepare(_ db: Database) {
    let unpacker = PackedText.Unpacker()
    db.add(
      function: DatabaseFunction("change_text", argumentCount: 2, pure: true) { values in
        switch values[0].storage {
        case .blob(let data):
          do {
            return try unpacker.unpack(data, context: String.fromDatabaseValue(values[1]) ?? "")
          } catch {
            throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "a change's packed text is damaged (\(error))")
          }
        case .string(let text): return text
        default: return nil
        }
      })
  }

  /// The values of one change's row in `change_row`, in its columns' order.
  static func row(of change: Change, body: String, hash: String, stored: Raw? = nil) -> [Raw] {
    row(
      change.replica, change.seq, change.hlc.millis, change.hlc.counter, change.author, hash: hash,
      body: stored ?? value(of: body, replica: change.replica))
  }

  /// One deflate stream for the process's writes (one at a time; starting a stream costs more
  /// than packing a text).
  private static let packer = Mutex(PackedText.Packer())

  /// What `change_row.body` holds for a text: packed, or as it is when it packs no smaller.
  /// `packer` is the caller's own (an import packs on the thread that reads the file).
  static func value(of body: String, replica: String, packer own: PackedText.Packer? = nil) -> Raw {
    let packed = own.map { $0.pack(body, context: replica) } ?? packer.withLock { $0.pack(body, context: replica) }
    return packed.map(Raw.bytes) ?? .text(body)
  }

  private static func row(
    _ replica: String, _ seq: Int64, _ millis: Int64, _ counter: Int64, _ author: String, hash: String, body: Raw
  ) -> [Raw] {
    // A hash that is not hex (never written by taller) is kept as it is.
    let digest = Hex.bytes(hash).map(Raw.bytes) ?? .text(hash)
    return [.text(replica), .int(seq), .int(millis), .int(counter), .text(author), digest, body]
  }

  /// The migration from a table of plain texts and hex hashes (`change_log`) to `change_row`
  /// and the view.
  static func migrate(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE change_row(
          replica TEXT NOT NULL,
          seq INTEGER NOT NULL,
          hlc_ms INTEGER NOT NULL,
          hlc_c INTEGER NOT NULL,
          author TEXT NOT NULL,
          hash BLOB NOT NULL,
          body NOT NULL,
          PRIMARY KEY(replica, seq)
        ) WITHOUT ROWID;
        """)
    let insert = try db.makeStatement(sql: insertSQL)
    let rows = try Row.fetchCursor(db, sql: "SELECT replica, seq, hlc_ms, hlc_c, author, hash, body FROM change_log")
    while let r = try rows.next() {
      try insert.run(
        values: row(
          r["replica"], r["seq"], r["hlc_ms"], r["hlc_c"], r["author"], hash: r["hash"], body: value(of: r["body"], replica: r["replica"])))
    }
    try db.execute(
      sql: """
        DROP TRIGGER change_log_no_update;
        DROP TRIGGER change_log_no_delete;
        DROP TABLE change_log;
        CREATE VIEW change_log(replica, seq, hlc_ms, hlc_c, author, hash, body) AS
          SELECT replica, seq, hlc_ms, hlc_c, author,
            CASE typeof(hash) WHEN 'blob' THEN lower(hex(hash)) ELSE hash END, change_text(body, replica)
          FROM change_row;
        CREATE TRIGGER change_row_no_update BEFORE UPDATE ON change_row
          BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END;
        CREATE TRIGGER change_row_no_delete BEFORE DELETE ON change_row
          BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END;
        """)
  }

  static let insertSQL = "INSERT INTO change_row(replica, seq, hlc_ms, hlc_c, author, hash, body) VALUES(?, ?, ?, ?, ?, ?, ?)"
}
