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
    // Most strings need no escape: appended whole.
    if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
      out.append(s)
      out.append("\"")
      return
    }
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
    if pos < bytes.count, bytes[pos] == UInt8(ascii: ".") || bytes[pos] == UInt8(ascii: "e") || bytes[pos] == UInt8(ascii: "E") {
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
    var ascii = true
    while pos < bytes.count {
      let c = bytes[pos]
      if c == UInt8(ascii: "\"") {
        let s: String?
        if ascii {
          // ASCII is valid UTF-8 as it stands: copied, not validated (the generic validation
          // was a tenth of an import's time).
          let n = pos - start
          s = bytes.withUnsafeBufferPointer { b in
            String(unsafeUninitializedCapacity: n) { out in
              _ = out.initialize(from: UnsafeBufferPointer(rebasing: b[start..<start + n]))
              return n
            }
          }
        } else {
          s = bytes.withUnsafeBufferPointer { String(validating: UnsafeBufferPointer(rebasing: $0[start..<pos]), as: UTF8.self) }
        }
        guard let s else { throw JSONParseError(offset: start, reason: "invalid UTF-8") }
        pos += 1
        return s
      }
      if c == UInt8(ascii: "\\") || c < 0x20 { break }
      if c >= 0x80 { ascii = false }
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
    var items: [JSONValue] = []
    _ = try self.items(depth: depth) { (p: inout StrictJSONParser) throws(JSONParseError) in items.append(try p.value(depth: depth + 1)) }
    return .array(items)
  }

  private mutating func object(depth: Int) throws(JSONParseError) -> JSONValue {
    var members: [String: JSONValue] = [:]
    _ = try self.members(depth: depth) { (p: inout StrictJSONParser, key: String) throws(JSONParseError) in
      members[key] = try p.value(depth: depth + 1)
    }
    return .object(members)
  }
}

// MARK: - Changes, decoded without building a tree

extension StrictJSONParser {
  /// A change's body decoded straight into a ``Change``, without the intermediate `JSONValue`
  /// tree (an import decodes a million of them). Accepts and refuses exactly what
  /// `Change(json: parse(bytes))` does — the same strict grammar, duplicate keys refused, unknown
  /// keys ignored, the same checks of each field — and a test holds the two to that.
  static func change(_ bytes: [UInt8]) throws(JSONParseError) -> Change {
    var p = StrictJSONParser(bytes)
    p.skipSpace()
    let c = try p.changeObject()
    p.skipSpace()
    // The grammar first, as the tree parser does: a text that is not JSON is refused as such
    // before anything is said about what it means.
    if p.pos != bytes.count { throw p.fail("trailing characters") }
    return try c.get()
  }

  private static let notAChange = JSONParseError(offset: 0, reason: "not a change")
  private static let badOperation = JSONParseError(offset: 0, reason: "bad operation")

  /// Walks an object's members, calling `member` with each key (the value is the caller's to
  /// read); refuses duplicate keys. Any other value is parsed whole and gives false. The grammar
  /// of objects for the tree parser and the change decoder alike.
  private mutating func members(depth: Int, _ member: (inout StrictJSONParser, String) throws(JSONParseError) -> Void)
    throws(JSONParseError) -> Bool
  {
    guard depth < Self.maximumDepth else { throw fail("nested too deeply") }
    guard pos < bytes.count, bytes[pos] == UInt8(ascii: "{") else {
      _ = try value(depth: depth)
      return false
    }
    pos += 1
    // The keys seen: a short list (a change's objects have a handful), a set past sixteen.
    var keys: [String] = []
    var manyKeys: Set<String> = []
    skipSpace()
    if pos < bytes.count, bytes[pos] == UInt8(ascii: "}") {
      pos += 1
      return true
    }
    while true {
      skipSpace()
      guard pos < bytes.count, bytes[pos] == UInt8(ascii: "\"") else { throw fail("expected a key") }
      let key = try string()
      skipSpace()
      guard pos < bytes.count, bytes[pos] == UInt8(ascii: ":") else { throw fail("expected :") }
      pos += 1
      skipSpace()
      if keys.count < 16 ? keys.contains(key) : manyKeys.contains(key) {
        // Reported where the tree parser always reported it: after the value.
        _ = try value(depth: depth + 1)
        throw JSONParseError(offset: pos, reason: "duplicate key \(key)")
      }
      if keys.count < 16 {
        keys.append(key)
        if keys.count == 16 { manyKeys = Set(keys) }
      } else {
        manyKeys.insert(key)
      }
      try member(&self, key)
      skipSpace()
      guard pos < bytes.count else { throw fail("unterminated object") }
      if bytes[pos] == UInt8(ascii: ",") {
        pos += 1
        continue
      }
      if bytes[pos] == UInt8(ascii: "}") {
        pos += 1
        return true
      }
      throw fail("expected , or }")
    }
  }

  /// Walks an array's items, calling `item` for each (the item is the caller's to read); any
  /// other value gives false, unread. The grammar of arrays for both readers.
  private mutating func items(depth: Int, _ item: (inout StrictJSONParser) throws(JSONParseError) -> Void) throws(JSONParseError) -> Bool {
    guard depth < Self.maximumDepth else { throw fail("nested too deeply") }
    guard pos < bytes.count, bytes[pos] == UInt8(ascii: "[") else { return false }
    pos += 1
    skipSpace()
    if pos < bytes.count, bytes[pos] == UInt8(ascii: "]") {
      pos += 1
      return true
    }
    while true {
      skipSpace()
      try item(&self)
      skipSpace()
      guard pos < bytes.count else { throw fail("unterminated array") }
      if bytes[pos] == UInt8(ascii: ",") {
        pos += 1
        continue
      }
      if bytes[pos] == UInt8(ascii: "]") {
        pos += 1
        return true
      }
      throw fail("expected , or ]")
    }
  }

  /// A string if the value is one; any other value is parsed (and must be valid) and gives nil.
  private mutating func stringOrNil(depth: Int) throws(JSONParseError) -> String? {
    if pos < bytes.count, bytes[pos] == UInt8(ascii: "\"") { return try string() }
    _ = try value(depth: depth)
    return nil
  }

  private mutating func intOrNil(depth: Int) throws(JSONParseError) -> Int64? {
    if pos < bytes.count, bytes[pos] == UInt8(ascii: "-") || (bytes[pos] >= UInt8(ascii: "0") && bytes[pos] <= UInt8(ascii: "9")) {
      return try number()
    }
    _ = try value(depth: depth)
    return nil
  }

  /// An array of op ids: nil when the value is not an array of strings that are all op ids
  /// (`bad` tells that the value was an array holding something else).
  private mutating func opIDs(depth: Int) throws(JSONParseError) -> (ids: [OpID]?, bad: Bool) {
    guard pos < bytes.count, bytes[pos] == UInt8(ascii: "[") else {
      _ = try value(depth: depth)
      return (nil, false)
    }
    var ids: [OpID] = []
    var bad = false
    _ = try items(depth: depth) { (p: inout StrictJSONParser) throws(JSONParseError) in
      if let s = try p.stringOrNil(depth: depth + 1), let id = OpID(s) { ids.append(id) } else { bad = true }
    }
    return (bad ? nil : ids, bad)
  }

  /// The change, or why the (well-formed) JSON is not one.
  private mutating func changeObject() throws(JSONParseError) -> Result<Change, JSONParseError> {
    var v: Int64?
    var replica: String?
    var seq: Int64?
    var author: String?
    var prev: String?
    var hlc: [Int64?]?
    var ops: [Op]?
    var badOp = false
    _ = try members(depth: 0) { (p: inout StrictJSONParser, key: String) throws(JSONParseError) in
      switch key {
      case "v": v = try p.intOrNil(depth: 1)
      case "replica": replica = try p.stringOrNil(depth: 1)
      case "seq": seq = try p.intOrNil(depth: 1)
      case "author": author = try p.stringOrNil(depth: 1)
      case "prev": prev = try p.stringOrNil(depth: 1)
      case "hlc":
        var parts: [Int64?] = []
        if try p.items(depth: 1, { (q: inout StrictJSONParser) throws(JSONParseError) in parts.append(try q.intOrNil(depth: 2)) }) {
          hlc = parts
        } else {
          _ = try p.value(depth: 1)
        }
      case "ops":
        var list: [Op] = []
        if try p.items(
          depth: 1,
          { (q: inout StrictJSONParser) throws(JSONParseError) in
            if let op = try q.operation(depth: 2) { list.append(op) } else { badOp = true }
          })
        {
          ops = list
        } else {
          _ = try p.value(depth: 1)
        }
      default: _ = try p.value(depth: 1)
      }
    }
    guard v == Change.formatVersion, let replica, !replica.isEmpty, let seq, seq > 0,
      let hlc, hlc.count == 2, let ms = hlc[0], let c = hlc[1], let author, let ops
    else { return .failure(Self.notAChange) }
    if badOp { return .failure(Self.badOperation) }
    return .success(Change(replica: replica, seq: seq, hlc: HLC(millis: ms, counter: c), author: author, prev: prev, ops: ops))
  }

  /// One operation, or nil when the value is not a well-formed operation (as `Op(json:)`).
  private mutating func operation(depth: Int) throws(JSONParseError) -> Op? {
    var k: String?
    var e: String?
    var t: String?
    var parent: String?
    var f: String?
    var v: JSONValue?
    var pred: (ids: [OpID]?, bad: Bool) = (nil, false)
    var seen: (ids: [OpID]?, bad: Bool) = (nil, false)
    let isObject = try members(depth: depth) { (p: inout StrictJSONParser, key: String) throws(JSONParseError) in
      switch key {
      case "k": k = try p.stringOrNil(depth: depth + 1)
      case "e": e = try p.stringOrNil(depth: depth + 1)
      case "t": t = try p.stringOrNil(depth: depth + 1)
      case "p": parent = try p.stringOrNil(depth: depth + 1)
      case "f": f = try p.stringOrNil(depth: depth + 1)
      case "v": v = try p.value(depth: depth + 1)
      case "pred": pred = try p.opIDs(depth: depth + 1)
      case "seen": seen = try p.opIDs(depth: depth + 1)
      default: _ = try p.value(depth: depth + 1)
      }
    }
    guard isObject, let k, let e, !e.isEmpty else { return nil }
    switch k {
    case "create":
      guard let t else { return nil }
      return .create(entity: e, type: t, parent: parent)
    case "set":
      guard let f, let v, let predIDs = pred.ids else { return nil }
      if seen.bad { return nil }
      return .set(entity: e, field: f, value: v, pred: predIDs, seen: seen.ids ?? [])
    default:
      return nil
    }
  }
}
