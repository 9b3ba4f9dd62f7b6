import Foundation
import TallerCore
import TallerStore

// The walk through an exercise: what it asks and in which order. It asks first what the
// exercise's completion rules need (required first), one line per list item by default, and
// offers the rest at the end of each step ("¿Más detalles? s/N"), so a team finishes the core
// inside its time box and comes back for the details.
//
// A position (WalkPosition) is one of:
// - a top-level field: `field`, no item, no sub;
// - a list, one line per item (`mode == .line`): `field`, `item` (nil: a new item);
// - a list, field by field (`mode == .fields`): `field`, `item`, `sub` (index into the list's fields);
// - the offer of a step's details: `offering`, `field` = the step's last field;
// - the details: `details`, a top-level field, or a list item's optional field (`item`, `sub`);
// - the end: `field` past the last field.
extension Guide {
  // MARK: What the walk asks

  /// The index of the step a top-level field belongs to.
  static func stepIndex(_ def: ExerciseDef, _ i: Int) -> Int {
    var n = 0
    for (s, step) in def.steps.enumerated() {
      n += step.fields.count
      if i < n { return s }
    }
    return def.steps.count
  }

  /// Whether the main pass asks top-level field `i`: it is needed for completion, or its step
  /// needs nothing (then all of it is asked).
  static func isMain(_ def: ExerciseDef, _ i: Int) -> Bool {
    let s = stepIndex(def, i)
    guard s < def.steps.count else { return false }
    let step = def.steps[s]
    return def.isNeeded(def.fields[i]) || !step.fields.contains(where: def.isNeeded)
  }

  /// The item fields a one-line entry takes (and a field-by-field walk asks), in order.
  static func quickFields(_ def: ExerciseDef, _ list: FieldDef) -> [FieldDef] {
    let ids = !list.quick.isEmpty ? list.quick : def.neededItemFields(list)
    let fields = ids.compactMap { id in list.fields.first { $0.id == id } }
    return fields.isEmpty ? list.fields : fields
  }

  /// Where the quick fields and the optional (details) fields of a list sit in its fields.
  static func quickIndices(_ def: ExerciseDef, _ list: FieldDef) -> [Int] {
    quickFields(def, list).compactMap { q in list.fields.firstIndex { $0.id == q.id } }
  }

  static func extraIndices(_ def: ExerciseDef, _ list: FieldDef) -> [Int] {
    extraFields(def, list).compactMap { e in list.fields.firstIndex { $0.id == e.id } }
  }

  /// The item fields left for the details.
  static func extraFields(_ def: ExerciseDef, _ list: FieldDef) -> [FieldDef] {
    let quick = Set(quickFields(def, list).map(\.id))
    return list.fields.filter { !quick.contains($0.id) }
  }

  /// The fields a line takes for an item: all quick fields for a new item; for an item whose
  /// first field already has its answer (a suggested journey stage), the others.
  static func lineOrder(_ def: ExerciseDef, _ list: FieldDef, item: Item?) -> [FieldDef] {
    let order = quickFields(def, list)
    guard let item, let first = order.first, Sheet.isFilled(item.values[first.id]) else { return order }
    return Array(order.dropFirst())
  }

  /// What the details of step `s` hold that is still empty, by name: optional top-level fields,
  /// and optional fields of the step's list items.
  static func offer(_ def: ExerciseDef, _ sheet: Sheet, step s: Int, lang: Lang) -> [String] {
    guard s < def.steps.count else { return [] }
    var names: [String] = []
    let first = def.steps[..<s].reduce(0) { $0 + $1.fields.count }
    for (k, f) in def.steps[s].fields.enumerated() where !isMain(def, first + k) || f.kind == .list {
      if f.kind == .list {
        let items = sheet.items(f.id)
        let extras = extraFields(def, f).filter { e in items.contains { !Sheet.isFilled($0.values[e.id]) } }
        names += extras.map { $0.shortName(lang) }
      } else if !sheet.isAnswered(f) {
        names.append(f.prompt.text(lang))
      }
    }
    return names
  }

  /// The first question of top-level field `i`, or nil when it has nothing to ask (details of
  /// a list whose items have all their optional fields).
  static func entry(_ def: ExerciseDef, _ sheet: Sheet, _ i: Int, details: Bool, mode: EntryMode) -> WalkPosition? {
    let f = def.fields[i]
    var g = WalkPosition(exercise: def.id, field: i, mode: mode, details: details)
    guard f.kind == .list else { return g }
    let items = sheet.items(f.id)
    if details && isMain(def, i) {
      // An item's optional fields, item by item.
      guard let sub = extraIndices(def, f).first, let item = items.first else { return nil }
      g.item = item.id
      g.sub = sub
      return g
    }
    // Lists that start with suggested items (journey stages) walk those first.
    g.item = f.defaults.isEmpty ? nil : items.first?.id
    if mode == .fields { g.sub = quickIndices(def, f).first }
    return g
  }

  /// The question after top-level field `i` (its list finished): the next field the pass asks
  /// in the step, the offer of the step's details when it ends with some empty, or the next step.
  static func after(_ def: ExerciseDef, _ sheet: Sheet, field i: Int, details: Bool, mode: EntryMode, lang: Lang) -> WalkPosition {
    let s = stepIndex(def, i)
    var j = i + 1
    while j < def.fields.count && stepIndex(def, j) == s {
      if details ? isDetail(def, j) : isMain(def, j), let g = entry(def, sheet, j, details: details, mode: mode) { return g }
      j += 1
    }
    if !details && !offer(def, sheet, step: s, lang: lang).isEmpty {
      return WalkPosition(exercise: def.id, field: j - 1, mode: mode, offering: true)
    }
    return stepStart(def, sheet, field: j, details: false, mode: mode, lang: lang)
  }

  /// Whether the details ask top-level field `j` (an optional field, or a list's optional item fields).
  static func isDetail(_ def: ExerciseDef, _ j: Int) -> Bool { !isMain(def, j) || def.fields[j].kind == .list }

  /// The first question of the step that begins at top-level field `j` (the end past the last).
  static func stepStart(_ def: ExerciseDef, _ sheet: Sheet, field j: Int, details: Bool, mode: EntryMode, lang: Lang) -> WalkPosition {
    guard j < def.fields.count else { return WalkPosition(exercise: def.id, field: def.fields.count, mode: mode) }
    if details ? isDetail(def, j) : isMain(def, j), let g = entry(def, sheet, j, details: details, mode: mode) { return g }
    return after(def, sheet, field: j, details: details, mode: mode, lang: lang)
  }

  /// The first field of the step holding top-level field `i`.
  static func stepFirstField(_ def: ExerciseDef, _ i: Int) -> Int {
    def.steps[..<min(stepIndex(def, i), def.steps.count)].reduce(0) { $0 + $1.fields.count }
  }

  /// The question after the current one, once it is answered or skipped.
  static func next(_ def: ExerciseDef, _ sheet: Sheet, from g: WalkPosition, lang: Lang) -> WalkPosition {
    guard g.field < def.fields.count else { return g }
    let f = def.fields[g.field]
    if g.offering {
      return after(def, sheet, field: g.field, details: true, mode: g.mode, lang: lang)
    }
    guard f.kind == .list else { return after(def, sheet, field: g.field, details: g.details, mode: g.mode, lang: lang) }
    let items = sheet.items(f.id)
    var n = g
    if g.details && isMain(def, g.field) {
      // The next optional field of this item, else the next item's first.
      let extras = extraIndices(def, f)
      if let sub = g.sub, let k = extras.firstIndex(of: sub), k + 1 < extras.count {
        n.sub = extras[k + 1]
        return n
      }
      if let i = items.firstIndex(where: { $0.id == g.item }), i + 1 < items.count, let first = extras.first {
        n.item = items[i + 1].id
        n.sub = first
        return n
      }
      return after(def, sheet, field: g.field, details: true, mode: g.mode, lang: lang)
    }
    if g.mode == .fields, let sub = g.sub {
      let quick = quickIndices(def, f)
      if let k = quick.firstIndex(of: sub), k + 1 < quick.count, g.item != nil {
        n.sub = quick[k + 1]
        return n
      }
      n.sub = quick.first
    }
    // The item after this one (suggested items are walked in order), else a new one.
    if let current = g.item, !f.defaults.isEmpty, let i = items.firstIndex(where: { $0.id == current }), i + 1 < items.count {
      n.item = items[i + 1].id
    } else {
      n.item = nil
    }
    return n
  }

  /// The question before the current one (`atrás`).
  static func previous(_ def: ExerciseDef, _ sheet: Sheet, from g: WalkPosition) -> WalkPosition {
    guard g.field < def.fields.count, !g.offering else {
      // From the end or the offer: the last field of the step.
      let i = min(g.field, def.fields.count - 1)
      return entry(def, sheet, i, details: false, mode: g.mode) ?? WalkPosition(exercise: def.id, field: i, mode: g.mode)
    }
    let f = def.fields[g.field]
    if g.details {
      // Inside the details: the optional field before, else the offer of the step's details.
      var p = g
      if f.kind == .list, isMain(def, g.field) {
        let extras = extraIndices(def, f)
        let items = sheet.items(f.id)
        if let sub = g.sub, let k = extras.firstIndex(of: sub), k > 0 {
          p.sub = extras[k - 1]
          return p
        }
        if let i = items.firstIndex(where: { $0.id == g.item }), i > 0, let last = extras.last {
          p.item = items[i - 1].id
          p.sub = last
          return p
        }
      }
      let first = stepFirstField(def, g.field)
      var j = g.field - 1
      while j >= first {
        if isDetail(def, j), let e = entry(def, sheet, j, details: true, mode: g.mode) { return e }
        j -= 1
      }
      let last = first + def.steps[stepIndex(def, g.field)].fields.count - 1
      return WalkPosition(exercise: def.id, field: last, mode: g.mode, offering: true)
    }
    if f.kind == .list {
      let items = sheet.items(f.id)
      if g.mode == .fields, let sub = g.sub {
        let quick = quickIndices(def, f)
        if let k = quick.firstIndex(of: sub), k > 0 {
          var p = g
          p.sub = quick[k - 1]
          return p
        }
      }
      let i = g.item.flatMap { id in items.firstIndex { $0.id == id } } ?? items.count
      if i > 0 {
        var p = g
        p.item = items[i - 1].id
        if g.mode == .fields { p.sub = quickIndices(def, f).first }
        return p
      }
    }
    var j = g.field - 1
    while j >= 0 {
      if isMain(def, j) || g.details, let p = entry(def, sheet, j, details: g.details && !isMain(def, j), mode: g.mode) {
        return p
      }
      j -= 1
    }
    return entry(def, sheet, 0, details: false, mode: g.mode) ?? WalkPosition(exercise: def.id, field: 0, mode: g.mode)
  }

  /// Where to begin an exercise: its first missing part by the completion rules, else the start.
  static func firstMissing(_ def: ExerciseDef, _ sheet: Sheet, mode: EntryMode) -> WalkPosition? {
    let p = ExerciseProgress(sheet: sheet, def: def)
    for m in p.missing {
      switch m {
      case .field(let id):
        if let i = def.fields.firstIndex(where: { $0.id == id }) { return entry(def, sheet, i, details: false, mode: mode) }
      case .items(let list, _, _):
        if let i = def.fields.firstIndex(where: { $0.id == list }) {
          var g = entry(def, sheet, i, details: false, mode: mode)
          if def.fields[i].defaults.isEmpty || sheet.items(list).isEmpty { g?.item = nil }
          return g
        }
      case .itemFields(let list, _, let item, _):
        if let i = def.fields.firstIndex(where: { $0.id == list }) {
          var g = entry(def, sheet, i, details: false, mode: mode)
          g?.item = item
          return g
        }
      }
    }
    return nil
  }
}
