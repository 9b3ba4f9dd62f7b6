import Foundation
import GRDB
import Synchronization
import TallerCore

/// How the log's changes are kept: rows of `change_row`, each change's text packed
/// (``PackedText``) and its hash as its 32 bytes. Every reader reads the view `change_log`,
/// which gives the columns as they always were (the text, the hash in lowercase hex) through the
/// SQL function `change_text`, registered on every connection. A change's text is packed with
/// what its row already holds as context (``PackedText/Context``): its replica, and the hash of
/// the replica's change before it, which the text's `prev` repeats (the log is dense below each
/// replica's head, and a change is logged only when its `prev` is that row's hash).
enum StoredChanges {
  /// Registers `change_text(body, replica, previous hash)`: a packed text unpacked, a plain one
  /// as it is.
  static func prepare(_ db: Database) {
    let unpacker = PackedText.Unpacker()
    db.add(
      function: DatabaseFunction("change_text", argumentCount: 3, pure: true) { values in
        switch values[0].storage {
        case .blob(let data):
          let prev: String? =
            switch values[2].storage {
            case .blob(let hash): Hex.encode(hash)
            case .string(let hash): hash
            default: nil
            }
          do {
            return try unpacker.unpack(data, context: .init(replica: String.fromDatabaseValue(values[1]) ?? "", prev: prev))
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
      body: stored ?? value(of: body, context: .init(replica: change.replica, prev: change.prev)))
  }

  /// One deflate stream for the process's writes (one at a time; starting a stream costs more
  /// than packing a text).
  private static let packer = Mutex(PackedText.Packer())

  /// What `change_row.body` holds for a text: packed, or as it is when it packs no smaller.
  /// `packer` is the caller's own (an import packs on the thread that reads the file).
  static func value(of body: String, context: PackedText.Context, packer own: PackedText.Packer? = nil) -> Raw {
    let packed = own.map { $0.pack(body, context: context) } ?? packer.withLock { $0.pack(body, context: context) }
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
    let rows = try Row.fetchCursor(
      db, sql: "SELECT replica, seq, hlc_ms, hlc_c, author, hash, body FROM change_log ORDER BY replica, seq")
    // The row before, for the context of each text.
    var before: (replica: String, seq: Int64, hash: String)?
    while let r = try rows.next() {
      let (replica, seq, hash): (String, Int64, String) = (r["replica"], r["seq"], r["hash"])
      let prev = before.flatMap { $0.replica == replica && $0.seq == seq - 1 ? $0.hash : nil }
      try insert.run(
        values: row(
          replica, seq, r["hlc_ms"], r["hlc_c"], r["author"], hash: hash,
          body: value(of: r["body"], context: .init(replica: replica, prev: prev))))
      before = (replica, seq, hash)
    }
    try db.execute(
      sql: """
        DROP TRIGGER change_log_no_update;
        DROP TRIGGER change_log_no_delete;
        DROP TABLE change_log;
        CREATE VIEW change_log(replica, seq, hlc_ms, hlc_c, author, hash, body) AS
          SELECT replica, seq, hlc_ms, hlc_c, author,
            CASE typeof(hash) WHEN 'blob' THEN lower(hex(hash)) ELSE hash END,
            change_text(body, replica, (SELECT p.hash FROM change_row p WHERE p.replica = c.replica AND p.seq = c.seq - 1))
          FROM change_row c;
        CREATE TRIGGER change_row_no_update BEFORE UPDATE ON change_row
          BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END;
        CREATE TRIGGER change_row_no_delete BEFORE DELETE ON change_row
          BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END;
        """)
  }

  static let insertSQL = "INSERT INTO change_row(replica, seq, hlc_ms, hlc_c, author, hash, body) VALUES(?, ?, ?, ?, ?, ?, ?)"
}
