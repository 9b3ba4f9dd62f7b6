import Foundation

/// A JSON value without floating-point numbers: the only kind of value taller stores and exchanges.
///
/// Floats are left out on purpose: their text form is not canonical across implementations, and
/// every hashed byte must be reproducible.
public enum JSONValue: Hashable, Sendable {
  case null
  case bool(Bool)
  case int(Int64)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  /// The string payload, if this is a string.
  public var stringValue: String? {
    if case .string(let s) = self { return s }
    return nil
  }

  /// The integer payload, if this is an integer.
  public var intValue: Int64? {
    if case .int(let i) = self { return i }
    return nil
  }

  /// The boolean payload, if this is a boolean.
  public var boolValue: Bool? {
    if case .bool(let b) = self { return b }
    return nil
  }

  /// The elements, if this is an array.
  public var arrayValue: [JSONValue]? {
    if case .array(let a) = self { return a }
    return nil
  }

  /// The members, if this is an object.
  public var objectValue: [String: JSONValue]? {
    if case .object(let o) = self { return o }
    return nil
  }

  /// Member lookup for objects; `nil` for anything else.
  public subscript(key: String) -> JSONValue? {
    objectValue?[key]
  }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
  ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
  public init(stringLiteral value: String) { self = .string(value) }
  public init(integerLiteral value: Int64) { self = .int(value) }
  public init(booleanLiteral value: Bool) { self = .bool(value) }
  public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
  public init(dictionaryLiteral elements: (String, JSONValue)...) {
    self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
  }
  public init(nilLiteral: ()) { self = .null }
}

// MARK: - Canonical encoding

/// Canonical JSON text: object keys sorted by their UTF-8 bytes, no insignificant white space,
/// strings escaped minimally (`"`, `\`, and control characters), everything else as raw UTF-8.
///
/// The same value always gives the same bytes, on every machine; hashes and the `export json`
/// output rely on it.
public enum CanonicalJSON {
  /// Encodes a value on one line.
  public static func encode(_ value: JSONValue) -> String {
    var out = ""
    out.reserveCapacity(64)
    write(value, into: &out)
    return out
  }

  /// Encodes a value indented by two spaces per level, keys sorted, with a final newline.
  ///
  /// Used for human-readable dumps; still deterministic.
  public static func encodePretty(_ value: JSONValue) -> String {
    var out = ""
    writePretty(value, indent: 0, into: &out)
    out.append("\n")
    return out
  }

  /// Sorts keys by their UTF-8 bytes, independent of locale or Unicode collation.
  public static func sortedKeys(_ object: [String: JSONValue]) -> [String] {
    object.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
  }

  static func write(_ value: JSONValue, into out: inout String) {
    switch value {
    case .null: out.append("null")
    case .bool(let b): out.append(b ? "true" : "false")
    case .int(let i): out.append(String(i))
    case .string(let s): writeString(s, into: &out)
    case .array(let a):
      out.append("[")
      for (i, v) in a.enumerated() {
        if i > 0 { out.append(",") }
        write(v, into: &out)
      }
      out.append("]")
    case .object(let o):
      out.append("{")
      for (i, k) in sortedKeys(o).enumerated() {
        if i > 0 { out.append(",") }
        writeString(k, into: &out)
        out.append(":")
        write(o[k] ?? .null, into: &out)
      }
      out.append("}")
    }
  }

  static func writePretty(_ value: JSONValue, indent: Int, into out: inout String) {
    let pad = String(repeating: "  ", count: indent + 1)
    let closePad = String(repeating: "  ", count: indent)
    switch value {
    case .array(let a) where !a.isEmpty:
      out.append("[\n")
      for (i, v) in a.enumerated() {
        out.append(pad)
        writePretty(v, indent: indent + 1, into: &out)
        out.append(i == a.count - 1 ? "\n" : ",\n")
      }
      out.append(closePad + "]")
    case .object(let o) where !o.isEmpty:
      out.append("{\n")
      let keys = sortedKeys(o)
      for (i, k) in keys.enumerated() {
        out.append(pad)
        writeString(k, into: &out)
        out.append(": ")
        writePretty(o[k] ?? .null, indent: indent + 1, into: &out)
        out.append(i == keys.count - 1 ? "\n" : ",\n")
      }
      out.append(closePad + "}")
    default:
      write(value, into: &out)
    }
  }

  static func writeString(_ s: String, into out: inout String) {
    out.append("\"")
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out.append("\\\"")
      case "\\": out.append("\\\\")
      case "\n": out.append("\\n")
      case "\r": out.append("\\r")
      case "\t": out.append("\\t")
      case "\u{08}": out.append("\\b")
      case "\u{0C}": out.append("\\f")
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          out.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    out.append("\"")
  }
}

// MARK: - Strict parsing

/// Why a JSON text was refused.
public struct JSONParseError: Error, Equatable, Sendable {
  /// Byte offset where the problem was found.
  public var offset: Int
  /// A short English reason, for logs and tests; the shell shows a catalog message instead.
  public var reason: String
}

/// A strict JSON parser: UTF-8 only, no floats, no duplicate keys, bounded depth.
///
/// Strictness is a feature: bundles are hashed as written, and anything ambiguous is refused
/// rather than guessed at.
public struct StrictJSONParser {
  /// Deepest nesting accepted.
  public static let maximumDepth = 64

  private let bytes: [UInt8]
  private var pos = 0

  private init(_ bytes: [UInt8]) { self.bytes = bytes }

  /// Parses a complete JSON text.
  public static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
    try parse(Array(text.utf8))
  }

  /// Parses complete JSON bytes.
  public static func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
    var p = StrictJSONParser(bytes)
    p.skipSpace()
    let v = try p.value(depth: 0)
    p.skipSpace()
    if p.pos != bytes.count { throw p.fail("trailing characters") }
    return v
  }

  private func fail(_ reason: String) -> JSONParseError { JSONParseError(offset: pos, reason: reason) }

  private mutating func skipSpace() {
    while pos < bytes.count, bytes[pos] == 0x20 || bytes[pos] == 0x0A || bytes[pos] == 0x0D || bytes[pos] == 0x09 {
      pos += 1
    }
  }

  private mutating func literal(_ word: String, _ v: JSONValue) throws(JSONParseError) -> JSONValue {
    let w = Array(word.utf8)
    guard pos + w.count <= bytes.count, Array(bytes[pos..<pos + w.count]) == w else { throw fail("invalid literal") }
    pos += w.count
    return v
  }

  private mutating func value(depth: Int) throws(JSONParseError) -> JSONValue {
    guard depth < Self.maximumDepth else { throw fail("nested too deeply") }
    guard pos < bytes.count else { throw fail("unexpected end") }
    switch bytes[pos] {
    case UInt8(ascii: "{"): return try object(depth: depth)
    case UInt8(ascii: "["): return try array(depth: depth)
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "t"): return try literal("true", .bool(true))
    case UInt8(ascii: "f"): return try literal("false", .bool(false))
    case UInt8(ascii: "n"): return try literal("null", .null)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .int(try number())
    default: throw fail("unexpected character")
    }
  }

  private mutating func number() throws(JSONParseError) -> Int64 {
    let start = pos
    if bytes[pos] == UInt8(ascii: "-") { pos += 1 }
    let digitsStart = pos
    while pos < bytes.count, bytes[pos] >= UInt8(ascii: "0"), bytes[pos] <= UInt8(ascii: "9") { pos += 1 }
    if pos == digitsStart { throw fail("invalid number") }
    if bytes[digitsStart] == UInt8(ascii: "0"), pos - digitsStart > 1 { throw fail("leading zero") }
    if pos < bytes.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[pos]) {
      throw fail("floating-point numbers are not accepted")
    }
    // Accumulated as a negative number, so Int64.min fits.
    var n: Int64 = 0
    for i in digitsStart..<pos {
      let (m, o1) = n.multipliedReportingOverflow(by: 10)
      let (r, o2) = m.subtractingReportingOverflow(Int64(bytes[i] - UInt8(ascii: "0")))
      if o1 || o2 { throw fail("number out of range") }
      n = r
    }
    if digitsStart == start {
      guard n != .min else { throw fail("number out of range") }
      return -n
    }
    return n
  }

  private mutating func hex4() throws(JSONParseError) -> UInt32 {
    guard pos + 4 <= bytes.count else { throw fail("bad \\u escape") }
    var v: UInt32 = 0
    for _ in 0..<4 {
      let c = bytes[pos]
      let d: UInt32
      switch c {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - UInt8(ascii: "a") + 10)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - UInt8(ascii: "A") + 10)
      default: throw fail("bad \\u escape")
      }
      v = v * 16 + d
      pos += 1
    }
    return v
  }

  private mutating func string() throws(JSONParseError) -> String {
    pos += 1  // opening quote
    let start = pos
    // Fast path: no escapes, so the string is the bytes between the quotes.
    while pos < bytes.count {
      let c = bytes[pos]
      if c == UInt8(ascii: "\"") {
        guard let s = bytes.withUnsafeBufferPointer({ String(validating: UnsafeBufferPointer(rebasing: $0[start..<pos]), as: UTF8.self) })
        else { throw JSONParseError(offset: start, reason: "invalid UTF-8") }
        pos += 1
        return s
      }
      if c == UInt8(ascii: "\\") || c < 0x20 { break }
      pos += 1
    }
    // Slow path: copy the bytes, decoding escapes as UTF-8, and validate the whole at the end
    // (an escape always yields complete sequences, so validity is the same as the raw runs').
    var out = Array(bytes[start..<pos])
    while true {
      guard pos < bytes.count else { throw fail("unterminated string") }
      let c = bytes[pos]
      if c == UInt8(ascii: "\"") {
        pos += 1
        guard let s = String(validating: out, as: UTF8.self) else { throw JSONParseError(offset: start, reason: "invalid UTF-8") }
        return s
      }
      if c < 0x20 { throw fail("control character in string") }
      if c != UInt8(ascii: "\\") {
        out.append(c)
        pos += 1
        continue
      }
      pos += 1
      guard pos < bytes.count else { throw fail("unterminated string") }
      let e = bytes[pos]
      pos += 1
      switch e {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
      case UInt8(ascii: "b"): out.append(0x08)
      case UInt8(ascii: "f"): out.append(0x0C)
      case UInt8(ascii: "n"): out.append(0x0A)
      case UInt8(ascii: "r"): out.append(0x0D)
      case UInt8(ascii: "t"): out.append(0x09)
      case UInt8(ascii: "u"):
        var code = try hex4()
        if (0xD800..<0xDC00).contains(code) {
          guard pos + 2 <= bytes.count, bytes[pos] == UInt8(ascii: "\\"), bytes[pos + 1] == UInt8(ascii: "u") else {
            throw fail("lone surrogate")
          }
          pos += 2
          let low = try hex4()
          guard (0xDC00..<0xE000).contains(low) else { throw fail("lone surrogate") }
          code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
        } else if (0xDC00..<0xE000).contains(code) {
          throw fail("lone surrogate")
        }
        guard let scalar = Unicode.Scalar(code) else { throw fail("bad \\u escape") }
        out.append(contentsOf: UTF8.encode(scalar)!)
      default: throw fail("bad escape")
      }
    }
  }

  private mutating func array(depth: Int) throws(JSONParseError) -> JSONValue {
    pos += 1
    var items: [JSONValue] = []
    skipSpace()
    if pos < bytes.count, bytes[pos] == UInt8(ascii: "]") {
      pos += 1
      return .array(items)
    }
    while true {
      skipSpace()
      items.append(try value(depth: depth + 1))
      skipSpace()
      guard pos < bytes.count else { throw fail("unterminated array") }
      if bytes[pos] == UInt8(ascii: ",") {
        pos += 1
        continue
      }
      if bytes[pos] == UInt8(ascii: "]") {
        pos += 1
        return .array(items)
      }
      throw fail("expected , or ]")
    }
  }

  private mutating func object(depth: Int) throws(JSONParseError) -> JSONValue {
    pos += 1
    var members: [String: JSONValue] = [:]
    members.reserveCapacity(8)
    skipSpace()
    if pos < bytes.count, bytes[pos] == UInt8(ascii: "}") {
      pos += 1
      return .object(members)
    }
    while true {
      skipSpace()
      guard pos < bytes.count, bytes[pos] == UInt8(ascii: "\"") else { throw fail("expected a key") }
      let key = try string()
      skipSpace()
      guard pos < bytes.count, bytes[pos] == UInt8(ascii: ":") else { throw fail("expected :") }
      pos += 1
      skipSpace()
      let v = try value(depth: depth + 1)
      if members.updateValue(v, forKey: key) != nil { throw fail("duplicate key \(key)") }
      skipSpace()
      guard pos < bytes.count else { throw fail("unterminated object") }
      if bytes[pos] == UInt8(ascii: ",") {
        pos += 1
        continue
      }
      if bytes[pos] == UInt8(ascii: "}") {
        pos += 1
        return .object(members)
      }
      throw fail("expected , or }")
    }
  }
}
