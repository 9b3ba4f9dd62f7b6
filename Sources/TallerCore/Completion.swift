import Foundation

// What "complete" means for an exercise, and the course's criteria as checks: both are data in
// the exercise files (`complete:` and `checks:`), read by the loader, linted, and evaluated here
// against a team's sheets. Nothing here prints: findings carry their sentence in both languages.

/// One part of an exercise that must be there for it to be complete: a top-level field answered,
/// or a list with at least `min` items, each with `fields` answered.
public struct CompletionRule: Hashable, Sendable, Codable {
  public var field: String
  /// Lists: the fewest items.
  public var min: Int?
  /// Lists: the fields every item needs.
  public var fields: [String]

  public init(field: String, min: Int? = nil, fields: [String] = []) {
    self.field = field
    self.min = min
    self.fields = fields
  }
}

/// What is still missing for an exercise to be complete.
public enum Missing: Hashable, Sendable {
  /// A top-level field has no answer.
  case field(String)
  /// A list has fewer items than it needs.
  case items(list: String, have: Int, need: Int)
  /// Item `index` (1-based) of a list lacks some of its fields.
  case itemFields(list: String, index: Int, item: String, fields: [String])
}

/// How far a team is in an exercise, by its completion rules.
public struct ExerciseProgress: Hashable, Sendable {
  /// Parts done, of all parts: each field rule is one part, each needed item of a list another.
  public var answered: Int
  public var total: Int
  public var started: Bool
  /// What is missing, in the exercise's order.
  public var missing: [Missing]

  public var done: Bool { total > 0 && missing.isEmpty }

  public init(sheet: Sheet, def: ExerciseDef) {
    var answered = 0
    var total = 0
    var missing: [Missing] = []
    for rule in def.completion {
      guard let field = def.field(rule.field) else { continue }
      if field.kind != .list {
        total += 1
        if sheet.isAnswered(field) { answered += 1 } else { missing.append(.field(field.id)) }
        continue
      }
      let items = sheet.items(field.id)
      let need = rule.min ?? Swift.max(1, field.minItems ?? 1)
      total += Swift.max(need, items.count)
      for (i, item) in items.enumerated() {
        let lacking = rule.fields.filter { !Sheet.isFilled(item.values[$0]) }
        if lacking.isEmpty {
          answered += 1
        } else {
          missing.append(.itemFields(list: field.id, index: i + 1, item: item.id, fields: lacking))
        }
      }
      if items.count < need { missing.append(.items(list: field.id, have: items.count, need: need)) }
    }
    self.answered = answered
    self.total = total
    self.missing = missing
    started = sheet.exists && (!sheet.values.isEmpty || !sheet.lists.isEmpty)
  }
}

extension ExerciseDef {
  /// The completion rules: the exercise's own (`complete:`), or else every required top-level
  /// field (every field when none is), lists with their least items and required item fields.
  public var completion: [CompletionRule] {
    if !complete.isEmpty { return complete }
    let required = fields.filter(\.required)
    return (required.isEmpty ? fields : required).map { f in
      f.kind == .list
        ? CompletionRule(field: f.id, min: Swift.max(1, f.minItems ?? 1), fields: f.fields.filter(\.required).map(\.id))
        : CompletionRule(field: f.id)
    }
  }

  /// Whether a top-level field is needed for completion (the walk asks those first).
  public func isNeeded(_ field: FieldDef) -> Bool { completion.contains { $0.field == field.id } }

  /// Item fields a list's completion needs.
  public func neededItemFields(_ list: FieldDef) -> [String] {
    completion.first { $0.field == list.id }?.fields ?? list.fields.filter(\.required).map(\.id)
  }
}

// MARK: Checks

/// A condition on an item (or on the sheet): `valoracion <= 2`, `desempeno < expectativa`,
/// `estrategia` (answered), `not estrategia` (empty).
public enum CheckCondition: Hashable, Sendable, Codable {
  case atMost(field: String, value: Int64)
  case atLeast(field: String, value: Int64)
  case less(field: String, than: String)
  case filled(String)
  case empty(String)

  /// A part of a condition that does not parse.
  public struct Unparsed: Error, Equatable {
    public var part: String
  }

  /// Parses `a <= 2 and b < c and not d`, or names the part that does not parse.
  public static func parse(_ text: String) -> Result<[CheckCondition], Unparsed> {
    var out: [CheckCondition] = []
    for part in text.components(separatedBy: " and ") {
      let w = part.split(separator: " ").map(String.init)
      switch w.count {
      case 1: out.append(.filled(w[0]))
      case 2 where w[0] == "not": out.append(.empty(w[1]))
      case 3:
        if let n = Int64(w[2]), w[1] == "<=" {
          out.append(.atMost(field: w[0], value: n))
        } else if let n = Int64(w[2]), w[1] == ">=" {
          out.append(.atLeast(field: w[0], value: n))
        } else if w[1] == "<", Int64(w[2]) == nil {
          out.append(.less(field: w[0], than: w[2]))
        } else {
          return .failure(Unparsed(part: part))
        }
      default: return .failure(Unparsed(part: part))
      }
    }
    return .success(out)
  }

  /// The fields it reads.
  public var fields: [String] {
    switch self {
    case .atMost(let f, _), .atLeast(let f, _), .filled(let f), .empty(let f): return [f]
    case .less(let a, let b): return [a, b]
    }
  }

  func holds(_ values: [String: JSONValue], lists: [String: [Item]]) -> Bool {
    func filled(_ f: String) -> Bool { lists[f].map { !$0.isEmpty } ?? Sheet.isFilled(values[f]) }
    switch self {
    case .atMost(let f, let n): return values[f]?.intValue.map { $0 <= n } ?? false
    case .atLeast(let f, let n): return values[f]?.intValue.map { $0 >= n } ?? false
    case .less(let a, let b):
      guard let x = values[a]?.intValue, let y = values[b]?.intValue else { return false }
      return x < y
    case .filled(let f): return filled(f)
    case .empty(let f): return !filled(f)
    }
  }
}

/// What a check requires where its condition holds.
public enum CheckRequirement: Hashable, Sendable, Codable {
  /// The field is answered (a list: has an item).
  case filled(String)
  /// Some item of `exercise.list` points at this item through its field `field`.
  case referencedBy(exercise: String, list: String, field: String)
  /// Every item this reference field points at still exists.
  case refsExist(String)
}

/// One of the course's criteria, as a check with its sentence in both languages.
public struct RubricCheck: Hashable, Sendable, Codable {
  public var id: String
  /// The list whose items are checked one by one; nil checks the sheet.
  public var each: String?
  public var when: [CheckCondition]
  public var require: CheckRequirement
  /// The sentence: `{n}` is the item's number, `{FIELD}` a field's answer as people read it.
  public var message: Localized

  public init(id: String, each: String?, when: [CheckCondition], require: CheckRequirement, message: Localized) {
    self.id = id
    self.each = each
    self.when = when
    self.require = require
    self.message = message
  }
}

/// A check that does not hold, with its sentence filled in.
public struct Finding: Hashable, Sendable {
  public var check: String
  /// The item it is about (1-based number and id), if any.
  public var index: Int?
  public var item: String?
  public var message: Localized
}

/// Evaluates checks. `sheets` gives the team's sheet of another exercise; `display` renders a
/// stored value of a field in a language (option labels, item labels).
public enum Rubric {
  public static func findings(
    def: ExerciseDef, sheet: Sheet, sheets: (String) -> Sheet?, display: (FieldDef, JSONValue, Lang) -> String
  ) -> [Finding] {
    var out: [Finding] = []
    for check in def.checks {
      if let each = check.each, let list = def.field(each) {
        for (i, item) in sheet.items(each).enumerated()
        where check.when.allSatisfy({ $0.holds(item.values, lists: [:]) })
          && !satisfied(check.require, values: item.values, lists: [:], item: item.id, fields: list.fields, sheets: sheets)
        {
          let message = fill(check.message, index: i + 1, values: item.values, fields: list.fields, display: display)
          out.append(Finding(check: check.id, index: i + 1, item: item.id, message: message))
        }
      } else if check.when.allSatisfy({ $0.holds(sheet.values, lists: sheet.lists) })
        && !satisfied(check.require, values: sheet.values, lists: sheet.lists, item: nil, fields: def.fields, sheets: sheets)
      {
        out.append(
          Finding(
            check: check.id, index: nil, item: nil,
            message: fill(check.message, index: nil, values: sheet.values, fields: def.fields, display: display)))
      }
    }
    return out
  }

  static func satisfied(
    _ r: CheckRequirement, values: [String: JSONValue], lists: [String: [Item]], item: String?, fields: [FieldDef],
    sheets: (String) -> Sheet?
  ) -> Bool {
    switch r {
    case .filled(let f): return lists[f].map { !$0.isEmpty } ?? Sheet.isFilled(values[f])
    case .referencedBy(let exercise, let list, let field):
      guard let item, let other = sheets(exercise) else { return false }
      return other.items(list).contains { ids($0.values[field]).contains(item) }
    case .refsExist(let f):
      guard let target = fields.first(where: { $0.id == f })?.ref else { return true }
      let present = Set((sheets(target.exercise)?.items(target.list) ?? []).map(\.id))
      return ids(values[f]).allSatisfy(present.contains)
    }
  }

  static func ids(_ v: JSONValue?) -> [String] {
    switch v {
    case .string(let s)?: return [s]
    case .array(let a)?: return a.compactMap(\.stringValue)
    default: return []
    }
  }

  static func fill(
    _ m: Localized, index: Int?, values: [String: JSONValue], fields: [FieldDef], display: (FieldDef, JSONValue, Lang) -> String
  ) -> Localized {
    func one(_ text: String, _ lang: Lang) -> String {
      var t = text.replacingOccurrences(of: "{n}", with: index.map(String.init) ?? "")
      for f in fields where t.contains("{\(f.id)}") {
        t = t.replacingOccurrences(of: "{\(f.id)}", with: values[f.id].map { display(f, $0, lang) } ?? "—")
      }
      return t
    }
    return Localized(es: one(m.es, .es), en: one(m.en, .en))
  }
}
