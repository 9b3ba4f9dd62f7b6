import Crypto
import Foundation

/// Ids that every replica computes the same way (a team's sheet for an exercise, the default
/// items of a list), so two laptops that start the same exercise create the same entities.
public enum StableID {
  /// A UUID-shaped id derived from the parts.
  public static func make(_ parts: String...) -> String {
    let digest = Array(SHA256.hash(data: Data(parts.joined(separator: "\u{1F}").utf8)))
    let hex = Hex.encode(digest.prefix(16))
    let c = Array(hex)
    return String(c[0..<8]) + "-" + String(c[8..<12]) + "-5" + String(c[13..<16]) + "-8" + String(c[17..<20]) + "-"
      + String(c[20..<32])
  }
}

/// Positions of list items as strings that sort in list order; there is always room between two.
public enum FractionalIndex {
  static let digits = Array("0123456789abcdefghijklmnopqrstuvwxyz")

  static func value(_ c: Character) -> Int { digits.firstIndex(of: c) ?? 0 }

  /// A position strictly between `a` and `b` (`nil` = the start / the end of the list).
  /// Requires `a < b`. Results never end in "0", so there is always room below them too.
  public static func between(_ a: String?, _ b: String?) -> String {
    let lower = Array(a ?? "")
    let upper = b.map(Array.init)
    var prefix = ""
    var i = 0
    while true {
      let da = i < lower.count ? value(lower[i]) : 0
      let db = upper.map { i < $0.count ? value($0[i]) : 0 } ?? digits.count
      if db - da > 1 { return prefix + String(digits[(da + db) / 2]) }
      prefix.append(digits[da])
      if db - da == 1 {
        let rest = i + 1 < lower.count ? String(lower[(i + 1)...]) : nil
        return prefix + between(rest, nil)
      }
      i += 1
    }
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

/// How far a team is in an exercise.
public struct ExerciseProgress: Hashable, Sendable {
  public var answered: Int
  public var total: Int
  public var started: Bool

  public var done: Bool { total > 0 && answered == total }

  /// ExerciseProgress of a sheet against its definition: required fields answered (all fields when
  /// none is marked required).
  public init(sheet: Sheet, def: ExerciseDef) {
    let required = def.fields.filter(\.required)
    let counted = required.isEmpty ? def.fields : required
    total = counted.count
    answered = counted.filter { sheet.isAnswered($0) }.count
    started = sheet.exists && (!sheet.values.isEmpty || !sheet.lists.isEmpty)
  }
}
