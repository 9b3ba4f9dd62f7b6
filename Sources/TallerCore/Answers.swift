import Crypto
import Foundation

/// Ids that every replica computes the same way (a team's sheet for an exercise, the default
/// items of a list), so two laptops that start the same exercise create the same entities.
public enum StableID {
  /// A UUID-shaped id derived from the parts (version nibble 5).
  public static func make(_ parts: String...) -> String { make(version: "5", parts) }

  /// The same shape with another version nibble (`8`: ids bound to the operation that creates
  /// them, see ``EntityID``).
  static func make(version: Character, _ parts: [String]) -> String {
    let digest = Array(SHA256.hash(data: Data(parts.joined(separator: "\u{1F}").utf8)))
    // The first 16 bytes in hexadecimal, dashed as a UUID, with the version nibble and the
    // variant `8` in place of the 13th and 17th digits (built as bytes: every answer makes one).
    var c = Array(Hex.encode(digest.prefix(16)).utf8)
    c[12] = version.asciiValue ?? 0x35
    c[16] = 0x38
    for dash in [20, 16, 12, 8] { c.insert(0x2D, at: dash) }
    return String(decoding: c, as: UTF8.self)
  }

  /// The version nibble of a UUID-shaped id (`nil` for any other shape).
  public static func version(_ id: String) -> Character? {
    let u = Array(id.utf8)
    guard u.count == 36, u[8] == 0x2D, u[13] == 0x2D, u[18] == 0x2D, u[23] == 0x2D else { return nil }
    return Character(UnicodeScalar(u[14]))
  }
}

/// Ids of entities created by a change that are bound to the operation creating them (a
/// member, a list item, a sitting, an invitation): version-8 UUIDs of the writer, the change's
/// sequence number and the operation's index. Nobody else can create one, so no change of
/// another laptop can claim it with another parent (sync/PROTOCOL.md §2, "Who creates what").
public enum EntityID {
  public static func bound(replica: String, seq: Int64, index: Int) -> String {
    StableID.make(version: "8", ["entity", replica, String(seq), String(index)])
  }

  /// Whether an id has the shape of an operation-bound id (whatever operation it names).
  public static func isOpBound(_ id: String) -> Bool { StableID.version(id) == "8" }
}

/// Replica ids that certify their key: laptops minted by this release take the id
/// `StableID("replica", public key)`, so a file that claims a laptop's id with another key is
/// refused by name, whatever arrived first. Ids of older laptops (random, version 4) are
/// bound to their key as before: declared in their own log, or pinned on first sight.
public enum ReplicaID {
  public static func make(publicKey: String) -> String { StableID.make("replica", publicKey) }

  /// Whether the id claims to be bound to a key (version 5).
  public static func isSelfCertifying(_ id: String) -> Bool { StableID.version(id) == "5" }

  /// Whether `publicKey` is the key the id is bound to.
  public static func certifies(_ id: String, publicKey: String) -> Bool { make(publicKey: publicKey) == id }
}

/// The order of list items and the positions (`@pos`) that keep it (sync/PROTOCOL.md §2,
/// "Positions").
///
/// Items are ordered by their position, compared as UTF-8 bytes, and items with equal positions
/// by their ids, compared the same way: a total order, the same on every replica, whatever the
/// positions hold. A writer places an item between two neighbours with a key made of base-36
/// digits (`0-9a-z`) strictly between theirs, followed by its own tag (a few digits derived from
/// its replica id), so two laptops placing items in one gap at once write different keys. Equal
/// positions still happen (data written before this rule, crafted files); placing an item between
/// two of them re-keys the items of the tie after the gap, so a gap is always found.
public enum ListOrder {
  /// The digits keys are written with, in byte order.
  static let digits: [UInt8] = Array("0123456789abcdefghijklmnopqrstuvwxyz".utf8)
  static let zero = UInt8(ascii: "0")
  static let middle = UInt8(ascii: "i")

  /// Whether the item at (`pos`, `id`) comes before the item at (`otherPos`, `otherID`).
  public static func precedes(_ pos: String, _ id: String, _ otherPos: String, _ otherID: String) -> Bool {
    let a = pos.utf8
    let b = otherPos.utf8
    if !a.elementsEqual(b) { return a.lexicographicallyPrecedes(b) }
    return id.utf8.lexicographicallyPrecedes(otherID.utf8)
  }

  /// Items sorted into list order.
  public static func sorted(_ items: [Item]) -> [Item] {
    items.sorted { precedes($0.position, $0.id, $1.position, $1.id) }
  }

  /// The tag a replica appends to the keys it writes: five base-36 digits of the SHA-256 of its
  /// id, the last one never `0`.
  public static func tag(replica: String) -> String {
    let digest = Array(SHA256.hash(data: Data(replica.utf8)))
    var out: [UInt8] = []
    for i in 0..<5 {
      let d = Int(digest[i]) % digits.count
      out.append(i == 4 && d == 0 ? middle : digits[d])
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// A key of base-36 digits strictly between `lo` and `hi` (`nil`: the start, the end of the
  /// list) that does not end in `0` and is not a prefix of `hi` (so anything may be appended to
  /// it and it stays below `hi`); `nil` when there is none: `lo` is not below `hi`, or `hi` is
  /// `lo` followed only by zeros or by bytes below `0`.
  ///
  /// It always ends: each turn of the loop looks at one more byte of `lo` or `hi` and returns as
  /// soon as it is past the end of both, so it turns at most `max(lo, hi) + 2` times; no turn
  /// depends on the two keys being different.
  public static func between(_ lo: String?, _ hi: String?) -> String? {
    let a = Array((lo ?? "").utf8)
    let b = hi.map { Array($0.utf8) }
    var out: [UInt8] = []
    // Whether `out` is still equal to the start of `a` (of `b`): its next byte must then be at or
    // above `a`'s (at or below `b`'s).
    var tightLow = true
    var tightHigh = b != nil
    for i in 0..<(max(a.count, b?.count ?? 0) + 2) {
      if tightLow && i >= a.count { tightLow = false }  // `out` is all of `a`: whatever follows is above it
      let low: UInt8? = tightLow ? a[i] : nil
      var high: UInt8?
      if tightHigh {
        guard let b, i < b.count else { return nil }  // `out` is all of `b`: nothing after it is below `b`
        high = b[i]
      }
      if let low, let high, low >= high {
        if low > high { return nil }  // `lo` is not below `hi`
        out.append(low)
        continue
      }
      if let d = midpoint(above: low, below: high) {
        out.append(d)
        if d != zero { return finish(out) }
        // "0" is strictly inside both bounds: any digit after it fits.
        tightLow = false
        tightHigh = false
        continue
      }
      if let low {
        // No digit between `low` and `high` (or above `low`): keep `a`'s byte, which leaves `out`
        // below `b`, and look further along `a`.
        out.append(low)
        tightHigh = false
        continue
      }
      guard high == zero else { return nil }  // `hi` goes below every digit here
      out.append(zero)
    }
    return nil
  }

  /// The middle digit strictly above `low` and strictly below `high` (each when given).
  static func midpoint(above low: UInt8?, below high: UInt8?) -> UInt8? {
    let candidates = digits.filter { d in (low.map { d > $0 } ?? true) && (high.map { d < $0 } ?? true) }
    return candidates.isEmpty ? nil : candidates[candidates.count / 2]
  }

  private static func finish(_ out: [UInt8]) -> String? {
    guard let last = out.last, last != zero else { return nil }
    return String(validating: out, as: UTF8.self)
  }

  /// Keys for `count` items placed at `index` of a list in order (`ordered`: the ids and
  /// positions of its items, without the ones being placed), and the new keys of the items after
  /// the gap that must move with them when the gap has no room (a tie). No key is one of `taken`
  /// (every position the list's items hold, conflicting and removed ones included): a key this
  /// laptop wrote before and that came back, through a conflict that kept it, is never written
  /// for a second item.
  ///
  /// It always ends: each turn either finds room or takes in the next item after the gap, and
  /// past the last item there is always room (`between(x, nil)` exists for every `x`).
  public static func place(
    count: Int, at index: Int, in ordered: [(id: String, position: String)], tag: String, taken: Set<String> = []
  ) -> (keys: [String], rekeyed: [(id: String, position: String)]) {
    let index = min(max(index, 0), ordered.count)
    let lo = index > 0 ? ordered[index - 1].position : nil
    let used = taken
    var taken: [String] = []
    var next = index
    while true {
      let hi = next < ordered.count ? ordered[next].position : nil
      if let keys = spread(count + taken.count, between: lo, and: hi, tag: tag, avoiding: used) {
        return (Array(keys.prefix(count)), Array(zip(taken, keys.dropFirst(count))).map { (id: $0.0, position: $0.1) })
      }
      if next >= ordered.count {
        // Not reached (past the last item there is always room); keys above `lo` keep the order.
        var keys: [String] = []
        for _ in 0..<(count + taken.count) { keys.append((keys.last ?? lo ?? "") + "i" + tag) }
        return (Array(keys.prefix(count)), Array(zip(taken, keys.dropFirst(count))).map { (id: $0.0, position: $0.1) })
      }
      taken.append(ordered[next].id)
      next += 1
    }
  }

  /// The positions of a list's default items (created with the sheet, the same on every replica
  /// and in every release): "i", "r", "v", "x", "y", "z", "zi", … — each the midpoint between
  /// the one before and the end of the list, as the first releases computed it.
  public static func defaultKeys(_ n: Int) -> [String] {
    var keys: [String] = []
    var last: [UInt8] = []
    for _ in 0..<n {
      // The first digit of `last` that leaves room above it is raised to the midpoint between it
      // and the end; "z"s before it are kept.
      var next: [UInt8] = []
      var i = 0
      while true {
        let d = i < last.count ? (digits.firstIndex(of: last[i]) ?? 0) : 0
        if digits.count - d > 1 {
          next.append(digits[(d + digits.count) / 2])
          break
        }
        next.append(digits[d])
        i += 1
      }
      last = next
      keys.append(String(decoding: next, as: UTF8.self))
    }
    return keys
  }

  /// `n` increasing keys strictly between `lo` and `hi`, each followed by `tag` and none of them
  /// in `used`; `nil` when there is no room. (A key in `used` is passed over for the next one up:
  /// at most `used.count` times, since each key found is above the one before.)
  static func spread(_ n: Int, between lo: String?, and hi: String?, tag: String, avoiding used: Set<String> = []) -> [String]? {
    var keys: [String] = []
    var low = lo
    var skips = 0
    while keys.count < n {
      guard let m = between(low, hi) else { return nil }
      let key = m + tag
      low = key
      if used.contains(key) && skips <= used.count {
        skips += 1
        continue
      }
      keys.append(key)
    }
    return keys
  }
}

/// One item of a list field, as stored.
public struct Item: Hashable, Sendable {
  public var id: String
  public var list: String
  public var position: String
  /// Winning value per field.
  public var values: [String: JSONValue]
  /// Fields with more than one current value (a sync conflict).
  public var conflicts: Set<String>

  public init(id: String, list: String, position: String, values: [String: JSONValue], conflicts: Set<String> = []) {
    self.id = id
    self.list = list
    self.position = position
    self.values = values
    self.conflicts = conflicts
  }
}

/// A team's answers to one exercise.
public struct Sheet: Hashable, Sendable {
  public var id: String
  public var teamID: String
  public var exercise: String
  /// The definition version the answers were first given against.
  public var version: Int?
  /// Winning value of each top-level field.
  public var values: [String: JSONValue]
  public var conflicts: Set<String>
  /// Items per list field, in list order.
  public var lists: [String: [Item]]
  /// Whether anyone has written anything yet.
  public var exists: Bool

  public init(
    id: String, teamID: String, exercise: String, version: Int? = nil, values: [String: JSONValue] = [:],
    conflicts: Set<String> = [], lists: [String: [Item]] = [:], exists: Bool = false
  ) {
    self.id = id
    self.teamID = teamID
    self.exercise = exercise
    self.version = version
    self.values = values
    self.conflicts = conflicts
    self.lists = lists
    self.exists = exists
  }

  /// The id of a team's sheet for an exercise.
  public static func id(team: String, exercise: String) -> String { StableID.make("sheet", team, exercise) }

  /// Items of a list.
  public func items(_ list: String) -> [Item] { lists[list] ?? [] }

  /// Whether a value counts as an answer (not null, not empty).
  public static func isFilled(_ v: JSONValue?) -> Bool {
    switch v {
    case nil, .null?: return false
    case .string(let s)?: return !s.isEmpty
    case .array(let a)?: return !a.isEmpty
    default: return true
    }
  }

  /// Whether a field has an answer.
  public func isAnswered(_ field: FieldDef) -> Bool {
    switch field.kind {
    case .list: return items(field.id).count >= max(1, field.minItems ?? 1)
    default:
      guard let v = values[field.id] else { return false }
      switch v {
      case .null: return false
      case .string(let s): return !s.isEmpty
      case .array(let a): return !a.isEmpty
      default: return true
      }
    }
  }
}
