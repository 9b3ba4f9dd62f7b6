import Foundation

/// A text in every language taller speaks.
public struct Localized: Hashable, Sendable, Codable {
  public var es: String
  public var en: String

  public init(es: String, en: String) {
    self.es = es
    self.en = en
  }

  public func text(_ lang: Lang) -> String { lang == .es ? es : en }
}

/// What a field holds.
public enum FieldKind: String, Sendable, CaseIterable, Codable {
  /// One line of text.
  case text
  /// Several lines; merged line by line when laptops sync.
  case longtext
  /// A list of items, each with its own fields.
  case list
  /// One (or several, with `multiple`) of a fixed set of options.
  case choice
  /// An integer between bounds.
  case scale
  /// Items of another list of the same team (by id).
  case ref
}

/// One option of a choice field.
public struct Option: Hashable, Sendable, Codable {
  public var id: String
  public var label: Localized
  public var help: Localized?

  public init(id: String, label: Localized, help: Localized? = nil) {
    self.id = id
    self.label = label
    self.help = help
  }
}

/// Where a reference field points: a list field of an exercise (`touchpoints.points`).
public struct RefTarget: Hashable, Sendable, Codable {
  public var exercise: String
  public var list: String
}

/// A field of an exercise, or of the items of a list field.
public struct FieldDef: Hashable, Sendable, Codable {
  public var id: String
  public var kind: FieldKind
  public var prompt: Localized
  public var help: Localized
  public var hint: Localized
  public var example: Localized
  public var required: Bool
  /// Choice: the options; `multiple` allows several; `other` accepts the team's own words.
  public var options: [Option]
  public var multiple: Bool
  public var other: Bool
  /// Scale bounds, and labels for some values (for emotions).
  public var min: Int?
  public var max: Int?
  /// List: bounds on the number of items, the items' fields, and items every new sheet starts with.
  public var minItems: Int?
  public var maxItems: Int?
  public var fields: [FieldDef]
  public var defaults: [[String: String]]
  /// Ref: the list it points to.
  public var ref: RefTarget?
  /// A field of an earlier exercise whose answer is offered as this one's starting value
  /// (`marca-peruana.story`), so nothing is typed twice.
  public var prefill: String?
  /// A short name in each language, for `key=value` and the order of a one-line item
  /// (defaults to the id).
  public var name: Localized?
  /// List: the item fields a one-line entry takes, in order (`Cajero; durante; humano; 2`).
  public var quick: [String]
  /// Scale: digits allowed after the decimal point (0: whole numbers).
  public var decimals: Int
  /// Suggested answers (a list's default items) in English, by their stored Spanish text: shown
  /// in English while nobody has changed them.
  public var translations: [String: String] = [:]

  public init(
    id: String, kind: FieldKind, prompt: Localized, help: Localized, hint: Localized, example: Localized,
    required: Bool = false, options: [Option] = [], multiple: Bool = false, other: Bool = false, min: Int? = nil,
    max: Int? = nil, minItems: Int? = nil, maxItems: Int? = nil, fields: [FieldDef] = [],
    defaults: [[String: String]] = [], ref: RefTarget? = nil, prefill: String? = nil, name: Localized? = nil,
    quick: [String] = [], decimals: Int = 0
  ) {
    self.id = id
    self.kind = kind
    self.prompt = prompt
    self.help = help
    self.hint = hint
    self.example = example
    self.required = required
    self.options = options
    self.multiple = multiple
    self.other = other
    self.min = min
    self.max = max
    self.minItems = minItems
    self.maxItems = maxItems
    self.fields = fields
    self.defaults = defaults
    self.ref = ref
    self.prefill = prefill
    self.name = name
    self.quick = quick
    self.decimals = decimals
  }

  /// A stored text as shown in a language (a suggested answer in English).
  public func shown(_ text: String, _ lang: Lang) -> String { lang == .en ? translations[text] ?? text : text }

  /// The short name people type in `key=value`, in a language.
  public func shortName(_ lang: Lang) -> String { name?.text(lang) ?? id }

  /// The option a typed word names: its number (1-based), its id or label in either language,
  /// or what students naturally type for it — accents or not, another gender or number
  /// (`humana`, `primero` for «primer momento»), a distinguishing word (`cero`), a unique prefix.
  public func option(matching raw: String) -> Option? {
    let t = Text.fold(raw)
    if let n = Int(t), n >= 1, n <= options.count { return options[n - 1] }
    if let exact = options.first(where: { Text.fold($0.id) == t || Text.fold($0.label.es) == t || Text.fold($0.label.en) == t }) {
      return exact
    }
    guard !t.isEmpty else { return nil }
    func unique(_ test: (Option) -> Bool) -> Option? {
      let found = options.filter(test)
      return found.count == 1 ? found[0] : nil
    }
    let typed = Self.words(t).map(Self.stem)
    func labels(_ o: Option) -> [[String]] { [o.label.es, o.label.en, o.id].map { Self.words(Text.fold($0)).map(Self.stem) } }
    // The same words but for endings ("humana", "clientes dificiles" for "clientes difíciles").
    if let o = unique({ labels($0).contains(typed) }) { return o }
    // Every typed word is a word of the label ("cero", "primero", "zero"); a word every option
    // has ("momento") names none.
    let containing = options.filter { o in labels(o).contains { words in typed.allSatisfy(words.contains) } }
    if containing.count == 1 { return containing[0] }
    if containing.count > 1 { return nil }
    // A unique prefix of a label ("dif", "recup").
    return unique { Text.fold($0.label.es).hasPrefix(t) || Text.fold($0.label.en).hasPrefix(t) || Text.fold($0.id).hasPrefix(t) }
  }

  static func words(_ s: String) -> [String] {
    s.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
  }

  /// A word without its gender or number ending (Spanish and English): `humanas` → `human`,
  /// `primero` → `primer`, `difficult` stays.
  static func stem(_ w: String) -> String {
    var w = w
    for suffix in ["es", "s"] where w.count > 4 && w.hasSuffix(suffix) {
      w.removeLast(suffix.count)
      break
    }
    if w.count > 3, let last = w.last, "oa".contains(last) { w.removeLast() }
    return w
  }
}

/// A step of an exercise: a group of fields, possibly time-boxed by the agenda.
public struct StepDef: Hashable, Sendable, Codable {
  public var id: String
  public var title: Localized
  public var fields: [FieldDef]
}

/// How `show` draws an exercise.
public enum Drawing: String, Sendable, CaseIterable, Codable {
  case sheet
  case matrix
  case mot
  case canvas
  case journey
}

/// An exercise definition, loaded from a file in `exercises/`.
public struct ExerciseDef: Hashable, Sendable, Codable {
  /// The newest definition format this taller reads.
  public static let formatVersion = 1

  public var version: Int
  public var id: String
  public var title: Localized
  public var intro: Localized
  public var drawing: Drawing
  public var steps: [StepDef]
  /// What "complete" means (`complete:`); empty: derived from required fields.
  public var complete: [CompletionRule] = []
  /// The course's criteria as checks (`checks:`).
  public var checks: [RubricCheck] = []

  /// Every top-level field, in order.
  public var fields: [FieldDef] { steps.flatMap(\.fields) }

  /// A top-level field by id.
  public func field(_ id: String) -> FieldDef? { fields.first { $0.id == id } }

  /// The step a field belongs to.
  public func step(of field: String) -> StepDef? { steps.first { $0.fields.contains { $0.id == field } } }
}

/// One exercise as the agenda schedules it.
public struct AgendaItem: Hashable, Sendable, Codable {
  public var exercise: String
  /// Minutes per step id.
  public var timeboxes: [String: Int]
  /// Criteria the instructor grades the exercise by.
  public var rubric: [Localized] = []
}

/// A line of the grade: a weight and the exercises it covers (none for participation).
public struct GradeItem: Hashable, Sendable, Codable {
  public var id: String
  public var title: Localized
  public var weight: Int
  public var exercises: [String]
}

/// A workshop agenda, loaded from a file in `workshops/`.
public struct Agenda: Hashable, Sendable, Codable {
  public static let formatVersion = 1

  public var version: Int
  public var id: String
  public var title: Localized
  public var teamSize: Int
  public var scaleMax: Int
  public var exercises: [AgendaItem]
  public var grading: [GradeItem]
}

/// Everything a class runs on: the agenda and the exercise definitions it uses.
public struct Content: Sendable, Codable {
  public var agenda: Agenda
  public var exercises: [ExerciseDef]

  /// The exercises in agenda order.
  public var ordered: [ExerciseDef] {
    agenda.exercises.compactMap { item in exercises.first { $0.id == item.exercise } }
  }

  /// An exercise by id, or by a lenient spelling of its id or title.
  public func exercise(_ raw: String) -> ExerciseDef? {
    let t = Text.fold(raw)
    if let e = exercises.first(where: { $0.id == raw || Text.fold($0.id) == t }) { return e }
    if let n = Int(t), n >= 1, n <= ordered.count { return ordered[n - 1] }
    guard !t.isEmpty else { return nil }
    let byTitle = exercises.filter {
      Text.fold($0.title.es).hasPrefix(t) || Text.fold($0.title.en).hasPrefix(t) || Text.fold($0.id).hasPrefix(t)
    }
    if byTitle.count == 1 { return byTitle[0] }
    // A word of the title or id ("touchpoints", "empathy", "journey", "viaje").
    let stem = t.hasSuffix("s") ? String(t.dropLast()) : t
    let byWord = exercises.filter { e in
      let words = [e.title.es, e.title.en, e.id.replacingOccurrences(of: "-", with: " ")].flatMap {
        Text.fold($0).split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
      }
      return words.contains { $0.count >= 3 && ($0.hasPrefix(stem) || stem.hasPrefix($0)) }
    }
    return byWord.count == 1 ? byWord[0] : nil
  }

  /// Minutes of a step's time box, if the agenda sets one.
  public func timebox(exercise: String, step: String) -> Int? {
    agenda.exercises.first { $0.exercise == exercise }?.timeboxes[step]
  }
}

/// Limits content files must keep (checked by `taller lint`).
public enum ContentLimits {
  /// Most default items a list may have: replicas recognise a default item's id by trying each
  /// index up to this one (sync/PROTOCOL.md §2, "Who creates what").
  public static let maximumDefaults = 64
}
