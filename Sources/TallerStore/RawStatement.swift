import GRDB
import GRDBSQLite

/// A value bound to a statement without going through GRDB's `StatementArguments` (boxed
/// existentials: most of an import's time went there).
enum Raw {
  case text(String)
  case int(Int64)
  case null
}

private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)


extension Statement {
  /// Binds `values` in order and steps the statement to its end (an insert, a delete).
  func run(_ values: Raw...) throws {
    try bind(values)
    defer { reset() }
    let code = sqlite3_step(sqliteStatement)
    guard code == SQLITE_DONE || code == SQLITE_ROW else { throw failure(code) }
  }

  /// Binds `values` and reads the first row's first column as text (nil when there is no row).
  func text(_ values: Raw...) throws -> String? {
    try bind(values)
    defer { reset() }
    let code = sqlite3_step(sqliteStatement)
    if code == SQLITE_DONE { return nil }
    guard code == SQLITE_ROW else { throw failure(code) }
    guard let p = sqlite3_column_text(sqliteStatement, 0) else { return nil }
    return String(cString: p)
  }

  /// Binds `values` and tells whether the statement gives a first row whose first column is non-zero.
  func flag(_ values: Raw...) throws -> Bool {
    try bind(values)
    defer { reset() }
    let code = sqlite3_step(sqliteStatement)
    if code == SQLITE_DONE { return false }
    guard code == SQLITE_ROW else { throw failure(code) }
    return sqlite3_column_int64(sqliteStatement, 0) != 0
  }

  private func bind(_ values: [Raw]) throws {
    for (i, v) in values.enumerated() {
      let n = Int32(i + 1)
      let code: Int32
      switch v {
      case .text(let s):
        var s = s
        // With its length: a text may hold a NUL.
        code = s.withUTF8 { buf in
          buf.withMemoryRebound(to: CChar.self) { b in
            guard let base = b.baseAddress else { return sqlite3_bind_text(sqliteStatement, n, "", 0, transient) }
            return sqlite3_bind_text(sqliteStatement, n, base, Int32(b.count), transient)
          }
        }
      case .int(let x): code = sqlite3_bind_int64(sqliteStatement, n, x)
      case .null: code = sqlite3_bind_null(sqliteStatement, n)
      }
      guard code == SQLITE_OK else { throw failure(code) }
    }
  }

  private func reset() {
    sqlite3_reset(sqliteStatement)
    sqlite3_clear_bindings(sqliteStatement)
  }

  private func failure(_ code: Int32) -> DatabaseError {
    let message = sqlite3_db_handle(sqliteStatement).flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
    return DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: sql)
  }
}

extension Optional where Wrapped == String {
  var raw: Raw { map(Raw.text) ?? .null }
}
