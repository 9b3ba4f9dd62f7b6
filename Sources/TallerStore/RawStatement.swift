import GRDB
import GRDBSQLite

/// A value bound to a statement without going through GRDB's `StatementArguments` (boxed
/// existentials: most of an import's time went there).
package enum Raw {
  case text(String)
  case int(Int64)
  case bytes([UInt8])
  case null
}

/// What an empty text is bound to (a non-null pointer: a null one would bind NULL).
nonisolated(unsafe) private let empty: UnsafePointer<CChar> = {
  let p = UnsafeMutablePointer<CChar>.allocate(capacity: 1)
  p.initialize(to: 0)
  return UnsafePointer(p)
}()

extension Statement {
  /// Binds `values` in order and steps the statement to its end (an insert, a delete).
  package func run(_ values: Raw...) throws {
    try run(values: values)
  }

  /// The same, with the values in an array.
  package func run(values: [Raw]) throws {
    try withBindings(values[...], at: 1) {
      defer { reset() }
      let code = sqlite3_step(sqliteStatement)
      guard code == SQLITE_DONE || code == SQLITE_ROW else { throw failure(code) }
    }
  }

  /// Binds `values` and reads the first row's first column as text (nil when there is no row).
  func text(_ values: Raw...) throws -> String? {
    try withBindings(values[...], at: 1) {
      defer { reset() }
      let code = sqlite3_step(sqliteStatement)
      if code == SQLITE_DONE { return nil }
      guard code == SQLITE_ROW else { throw failure(code) }
      guard let p = sqlite3_column_text(sqliteStatement, 0) else { return nil }
      return String(cString: p)
    }
  }

  /// Binds `values` and reads the first row's columns as texts (nil for the row when there is
  /// none; nil for a column that is NULL).
  func texts(_ values: Raw...) throws -> [String?]? {
    try withBindings(values[...], at: 1) {
      defer { reset() }
      let code = sqlite3_step(sqliteStatement)
      if code == SQLITE_DONE { return nil }
      guard code == SQLITE_ROW else { throw failure(code) }
      return (0..<sqlite3_column_count(sqliteStatement)).map { i in
        sqlite3_column_text(sqliteStatement, i).map { String(cString: $0) }
      }
    }
  }

  /// Binds `values` and tells whether the statement gives a first row whose first column is non-zero.
  func flag(_ values: Raw...) throws -> Bool {
    try withBindings(values[...], at: 1) {
      defer { reset() }
      let code = sqlite3_step(sqliteStatement)
      if code == SQLITE_DONE { return false }
      guard code == SQLITE_ROW else { throw failure(code) }
      return sqlite3_column_int64(sqliteStatement, 0) != 0
    }
  }

  /// Binds `values` from parameter `n` on and runs `body` (which steps and resets the statement)
  /// while they are bound. Texts are bound without a copy (`SQLITE_STATIC`): each one's UTF-8
  /// stays in place until `body` is done, since `body` runs inside all their `withUTF8`.
  private func withBindings<R>(_ values: ArraySlice<Raw>, at n: Int32, _ body: () throws -> R) throws -> R {
    guard let v = values.first else { return try body() }
    switch v {
    case .text(var s):
      // With its length: a text may hold a NUL.
      return try s.withUTF8 { buf in
        let code = buf.withMemoryRebound(to: CChar.self) { b in
          sqlite3_bind_text(sqliteStatement, n, b.baseAddress ?? empty, Int32(b.count), nil)
        }
        guard code == SQLITE_OK else { throw failure(code) }
        return try withBindings(values.dropFirst(), at: n + 1, body)
      }
    case .int(let x):
      let code = sqlite3_bind_int64(sqliteStatement, n, x)
      guard code == SQLITE_OK else { throw failure(code) }
    case .bytes(let b):
      return try b.withUnsafeBytes { buf in
        let code = sqlite3_bind_blob(sqliteStatement, n, buf.baseAddress ?? UnsafeRawPointer(empty), Int32(buf.count), nil)
        guard code == SQLITE_OK else { throw failure(code) }
        return try withBindings(values.dropFirst(), at: n + 1, body)
      }
    case .null:
      let code = sqlite3_bind_null(sqliteStatement, n)
      guard code == SQLITE_OK else { throw failure(code) }
    }
    return try withBindings(values.dropFirst(), at: n + 1, body)
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
