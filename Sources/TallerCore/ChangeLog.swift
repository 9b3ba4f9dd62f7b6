import Crypto
import Foundation

/// A hybrid logical clock reading: wall-clock milliseconds plus a counter.
///
/// Used for display order and deterministic tie-breaks only, never for causality: laptop clocks
/// are wrong more often than not.
public struct HLC: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// Milliseconds since 1970 (as the writer's clock and the clocks it had seen said).
  public var millis: Int64
  /// Breaks ties between readings in the same millisecond.
  public var counter: Int64

  public init(millis: Int64, counter: Int64) {
    self.millis = millis
    self.counter = counter
  }

  /// The latest reading a change may carry: 9999-12-31 23:59:59.999 UTC (sync/PROTOCOL.md §1).
  public static let maximumMillis: Int64 = 253_402_300_799_999
  /// The largest counter a change may carry.
  public static let maximumCounter: Int64 = (1 << 31) - 1

  /// Whether the reading is within the bounds every change must respect.
  public var isInRange: Bool {
    (0...Self.maximumMillis).contains(millis) && (0...Self.maximumCounter).contains(counter)
  }

  /// The next reading after `last`, given the local wall clock `now`. It never leaves the bounds
  /// (a clock far in the future that arrived in another laptop's change keeps its place in the
  /// order, and local writes after it tick on from it without overflowing): past the largest
  /// counter the milliseconds go up, and at the very end the reading stays where it is.
  public static func tick(last: HLC?, now: Int64) -> HLC {
    let now = min(max(now, 0), maximumMillis)
    guard let last else { return HLC(millis: now, counter: 0) }
    if now > last.millis { return HLC(millis: now, counter: 0) }
    if last.counter < maximumCounter { return HLC(millis: last.millis, counter: max(last.counter, -1) + 1) }
    if last.millis < maximumMillis { return HLC(millis: last.millis + 1, counter: 0) }
    return HLC(millis: maximumMillis, counter: maximumCounter)
  }

  public static func < (a: HLC, b: HLC) -> Bool {
    (a.millis, a.counter) < (b.millis, b.counter)
  }

  /// The reading as a date (the counter is dropped).
  public var date: Date { Date(timeIntervalSince1970: Double(millis) / 1000) }

  public var description: String { "\(millis).\(counter)" }
}

/// The identity of one operation: the change it belongs to (replica and sequence number) and
/// its index inside that change.
public struct OpID: Hashable, Comparable, Sendable, CustomStringConvertible {
  public var replica: String
  public var seq: Int64
  public var index: Int

  public init(replica: String, seq: Int64, index: Int) {
    self.replica = replica
    self.seq = seq
    self.index = index
  }

  /// Parses the text form `replica:seq:index`.
  public init?(_ text: String) {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 3, !parts[0].isEmpty, let s = Int64(parts[1]), s > 0, let i = Int(parts[2]), i >= 0 else {
      return nil
    }
    self.init(replica: String(parts[0]), seq: s, index: i)
  }

  /// The text form `replica:seq:index`, as stored and exchanged.
  public var description: String { replica + ":" + String(seq) + ":" + String(index) }

  public static func < (a: OpID, b: OpID) -> Bool {
    (a.replica, a.seq, a.index) < (b.replica, b.seq, b.index)
  }
}

/// One operation of a change.
public enum Op: Hashable, Sendable {
  /// Brings an entity into existence with its type and (for items of a list or members of a team)
  /// its parent. Creating an entity twice with the same id is harmless.
  case create(entity: String, type: String, parent: String?)
  /// Writes a field. `pred` lists the operations whose values this write replaced (the values the
  /// writer saw); values written concurrently are not in it and stay as conflicting values.
  /// `seen` is used by deletions: every current value of the entity that the deleter had seen.
  case set(entity: String, field: String, value: JSONValue, pred: [OpID], seen: [OpID])

  /// The entity the operation applies to.
  public var entity: String {
    switch self {
    case .create(let e, _, _): return e
    case .set(let e, _, _, _, _): return e
    }
  }

  /// The value a `set` writes (`nil` for a create).
  public var value: JSONValue? {
    if case .set(_, _, let v, _, _) = self { return v }
    return nil
  }

  /// The values a `set` replaced (none for a create).
  public var pred: [OpID] {
    if case .set(_, _, _, let p, _) = self { return p }
    return []
  }

  /// The values of the entity a `set` of `deleted` had seen (none otherwise).
  public var seen: [OpID] {
    if case .set(_, _, _, _, let s) = self { return s }
    return []
  }

  /// The operation as canonical JSON.
  public var json: JSONValue {
    switch self {
    case .create(let e, let t, let p):
      var o: [String: JSONValue] = ["k": "create", "e": .string(e), "t": .string(t)]
      if let p { o["p"] = .string(p) }
      return .object(o)
    case .set(let e, let f, let v, let pred, let seen):
      var o: [String: JSONValue] = [
        "k": "set", "e": .string(e), "f": .string(f), "v": v,
        "pred": .array(pred.sorted().map { .string($0.description) }),
      ]
      if !seen.isEmpty { o["seen"] = .array(seen.sorted().map { .string($0.description) }) }
      return .object(o)
    }
  }

  /// Reads an operation back from JSON; `nil` if it is not a well-formed operation.
  public init?(json: JSONValue) {
    guard let kind = json["k"]?.stringValue, let e = json["e"]?.stringValue, !e.isEmpty else { return nil }
    switch kind {
    case "create":
      guard let t = json["t"]?.stringValue else { return nil }
      let p = json["p"]?.stringValue
      self = .create(entity: e, type: t, parent: p)
    case "set":
      guard let f = json["f"]?.stringValue, let v = json["v"], let predJSON = json["pred"]?.arrayValue else {
        return nil
      }
      var pred: [OpID] = []
      for p in predJSON {
        guard let s = p.stringValue, let id = OpID(s) else { return nil }
        pred.append(id)
      }
      var seen: [OpID] = []
      for p in json["seen"]?.arrayValue ?? [] {
        guard let s = p.stringValue, let id = OpID(s) else { return nil }
        seen.append(id)
      }
      self = .set(entity: e, field: f, value: v, pred: pred, seen: seen)
    default:
      return nil
    }
  }
}

/// One user action: an atomic group of operations written by one replica.
///
/// A change is immutable once written. Its canonical JSON text (``body``) is what gets hashed,
/// stored and exchanged, byte for byte.
public struct Change: Hashable, Sendable {
  /// Version of the change grammar.
  public static let formatVersion: Int64 = 1

  public var replica: String
  public var seq: Int64
  public var hlc: HLC
  /// Who typed it (a member's name or the laptop's label), for display and participation.
  public var author: String
  /// Hash of the previous change of the same replica (`nil` for its first).
  public var prev: String?
  public var ops: [Op]

  public init(replica: String, seq: Int64, hlc: HLC, author: String, prev: String?, ops: [Op]) {
    self.replica = replica
    self.seq = seq
    self.hlc = hlc
    self.author = author
    self.prev = prev
    self.ops = ops
  }

  /// The largest sequence number a change may carry (2^53: exact in every JSON reader).
  public static let maximumSeq: Int64 = 1 << 53
  /// The most operations one change may carry (one user action writes a few dozen at most).
  public static let maximumOps = 10_000

  /// What is out of bounds in a change that came from outside, if anything: its clock, its
  /// sequence number, its number of operations (sync/PROTOCOL.md §1).
  public var outOfRange: String? {
    if !hlc.isInRange { return "hlc" }
    if seq < 1 || seq > Self.maximumSeq { return "seq" }
    if ops.count > Self.maximumOps { return "ops" }
    return nil
  }

  /// The ids of this change's operations, in order.
  public var opIDs: [OpID] {
    ops.indices.map { OpID(replica: replica, seq: seq, index: $0) }
  }

  /// The canonical JSON text of the change: what is hashed, stored and exchanged.
  public var body: String {
    var o: [String: JSONValue] = [
      "v": .int(Self.formatVersion),
      "replica": .string(replica),
      "seq": .int(seq),
      "hlc": .array([.int(hlc.millis), .int(hlc.counter)]),
      "author": .string(author),
      "ops": .array(ops.map(\.json)),
    ]
    if let prev { o["prev"] = .string(prev) }
    return CanonicalJSON.encode(.object(o))
  }

  /// The replica and sequence number of a change's canonical text, read from its end
  /// (`…,"replica":"R","seq":N,"v":V}`: keys are sorted) without parsing the rest; `nil` when the
  /// text does not end that way (then it must be parsed).
  public static func key(ofCanonical body: String) -> (replica: String, seq: Int64)? {
    let u = Array(body.utf8.suffix(160))
    guard u.last == UInt8(ascii: "}") else { return nil }
    var i = u.count - 2
    while i >= 0, u[i] >= UInt8(ascii: "0"), u[i] <= UInt8(ascii: "9") { i -= 1 }
    let vTag = Array(#","v":"#.utf8)
    guard i + 1 < u.count - 1, i - vTag.count + 1 >= 0, Array(u[(i - vTag.count + 1)...i]) == vTag else { return nil }
    var j = i - vTag.count
    let seqEnd = j
    while j >= 0, u[j] >= UInt8(ascii: "0"), u[j] <= UInt8(ascii: "9") { j -= 1 }
    let seqTag = Array(#","seq":"#.utf8)
    guard j < seqEnd, j - seqTag.count + 1 >= 0, Array(u[(j - seqTag.count + 1)...j]) == seqTag,
      let seq = Int64(String(decoding: u[(j + 1)...seqEnd], as: UTF8.self)), seq > 0
    else { return nil }
    var k = j - seqTag.count
    guard k >= 0, u[k] == UInt8(ascii: "\"") else { return nil }
    let idEnd = k - 1
    k -= 1
    while k >= 0, u[k] != UInt8(ascii: "\""), u[k] != UInt8(ascii: "\\") { k -= 1 }
    let repTag = Array(#","replica":"#.utf8)
    guard k >= 0, u[k] == UInt8(ascii: "\""), k < idEnd + 1, k - repTag.count + 1 >= 0,
      Array(u[(k - repTag.count + 1)...k]) == repTag
    else { return nil }
    let replica = String(decoding: u[(k + 1)...idEnd], as: UTF8.self)
    return replica.isEmpty ? nil : (replica, seq)
  }

  /// SHA-256 of a change's body, in lowercase hex.
  public static func hash(ofBody body: String) -> String {
    Hex.encode(SHA256.hash(data: Data(body.utf8)))
  }

  /// The same hash, of the body's bytes as read from a file.
  public static func hash(ofBytes bytes: [UInt8]) -> String {
    Hex.encode(SHA256.hash(data: bytes))
  }

  /// Reads a change back from its body text.
  public init(body: String) throws(JSONParseError) {
    self = try StrictJSONParser.change(Array(body.utf8))
  }

  /// A change from its body's UTF-8 bytes (what a file reader holds).
  public init(bytes: [UInt8]) throws(JSONParseError) {
    self = try StrictJSONParser.change(bytes)
  }

  /// The same, through the general parser's tree: the reference the direct decoder is tested
  /// and fuzzed against.
  public static func viaTree(_ bytes: [UInt8]) throws(JSONParseError) -> Change {
    try Change(json: try StrictJSONParser.parse(bytes))
  }

  init(json: JSONValue) throws(JSONParseError) {
    guard json["v"]?.intValue == Self.formatVersion,
      let replica = json["replica"]?.stringValue, !replica.isEmpty,
      let seq = json["seq"]?.intValue, seq > 0,
      let hlcArr = json["hlc"]?.arrayValue, hlcArr.count == 2,
      let ms = hlcArr[0].intValue, let c = hlcArr[1].intValue,
      let author = json["author"]?.stringValue,
      let opsJSON = json["ops"]?.arrayValue
    else { throw JSONParseError(offset: 0, reason: "not a change") }
    var ops: [Op] = []
    for oj in opsJSON {
      guard let op = Op(json: oj) else { throw JSONParseError(offset: 0, reason: "bad operation") }
      ops.append(op)
    }
    self.init(
      replica: replica, seq: seq, hlc: HLC(millis: ms, counter: c), author: author,
      prev: json["prev"]?.stringValue, ops: ops)
  }
}
