import Foundation
import TallerCore
import TallerStore

/// A question the shell must ask before running a line (`reset` on a terminal).
public struct Confirmation: Equatable, Sendable {
  public var question: String
  /// The line to run when the answer is yes.
  public var line: String
  public var cancelled: String
}

/// The guided flow: one field at a time, with help, hints, examples, back/skip, time boxes.
enum Guide {
  // MARK: Entering

  /// Begins (or goes back to) an exercise: at `state`, else at its first missing part, else at
  /// its start. Lists are entered the way this laptop last chose (one line per item by default).
  static func start(_ ctx: ShellContext, _ session: inout Session, team: Team, def: ExerciseDef, at state: WalkPosition?)
    throws(TallerError)
    -> Reply
  {
    let lang = session.lang
    let sheet = try ctx.store.openSheet(teamID: team.id, def: def)
    let stored = try ctx.store.walk(team: team.id)
    let mode = session.guided?.mode ?? stored?.mode ?? .line
    let first = entry(def, sheet, 0, details: false, mode: mode) ?? WalkPosition(exercise: def.id, field: 0, mode: mode)
    var g = state ?? firstMissing(def, sheet, mode: mode) ?? first
    if g.field >= def.fields.count { g = first }
    g.mode = mode
    session.guided = g
    var lines: [Line] = [.heading(def.title.text(lang)), .dim(def.intro.text(lang))]
    lines += try ask(ctx, &session, team: team, def: def, from: nil)
    return Reply(lines: lines)
  }

  /// The exercises this one draws on whose lists are still empty (`momentos-verdad` needs the
  /// touchpoints of `puntos-contacto`).
  static func missingSources(_ ctx: ShellContext, team: Team, def: ExerciseDef) -> [ExerciseDef] {
    var out: [ExerciseDef] = []
    for (i, f) in def.fields.enumerated() where isMain(def, i) {
      let refs = f.kind == .list ? quickFields(def, f).compactMap(\.ref) : [f.ref].compactMap { $0 }
      for r in refs where r.exercise != def.id {
        guard let source = ctx.content.exercise(r.exercise), !out.contains(where: { $0.id == source.id }) else { continue }
        if ((try? ctx.store.sheet(teamID: team.id, exercise: source.id))?.items(r.list) ?? []).isEmpty { out.append(source) }
      }
    }
    return out
  }

  /// Carries on where the team stopped: in its last sitting (on this laptop, exactly where the
  /// walk stood; on another laptop, where that sitting stopped), or where sitting `number` stopped.
  static func resume(_ ctx: ShellContext, _ session: inout Session, team: Team, number: String? = nil) throws(TallerError) -> Reply {
    let lang = session.lang
    let sitting = session.sitting
    func from(_ s: WorkSession, _ reply: Reply) -> Reply {
      if s.id == sitting { return reply }
      var r = reply
      let note = Message.resumeFromSession(date: SessionView.weekdayDate(s.started, ctx, lang), number: s.tag)
      r.lines.insert(.dim(note.text(lang)), at: 0)
      return r
    }
    let cursor = try ctx.store.walk(team: team.id)
    // Where sitting `s` stopped: the question it stopped at; on this laptop, the walk's exact
    // place when it was in that exercise; otherwise the exercise's first unanswered question.
    func at(_ s: WorkSession) throws(TallerError) -> Reply? {
      guard let c = s.context, let def = ctx.content.exercise(c.exercise) else { return nil }
      var state: WalkPosition? = s.stopped.map { WalkPosition(exercise: def.id, field: $0.field) }
      if let g = cursor, g.exercise == def.id, s.replica == ctx.store.replica.id, state == nil || state?.field == g.field {
        state = g
      }
      return from(s, try start(ctx, &session, team: team, def: def, at: state))
    }
    if let number {
      let (_, _, s) = try Sittings.pick(ctx, &session, number: number)
      if let r = try at(s) { return r }
      return from(s, try resumeFirstGap(ctx, &session, team: team))
    }
    let last = try Sittings.current(ctx, session, teamID: team.id).last { $0.id != sitting || $0.context != nil }
    if let last, let r = try at(last) { return r }
    if let g = cursor, let def = ctx.content.exercise(g.exercise) {
      let r = try start(ctx, &session, team: team, def: def, at: g)
      return last.map { from($0, r) } ?? r
    }
    return try resumeFirstGap(ctx, &session, team: team)
  }

  static func resumeFirstGap(_ ctx: ShellContext, _ session: inout Session, team: Team) throws(TallerError) -> Reply {
    // Another laptop, or never started here: the first exercise not complete, at its first gap.
    for def in ctx.content.ordered {
      let sheet = try ctx.store.sheet(teamID: team.id, exercise: def.id)
      if !ExerciseProgress(sheet: sheet, def: def).done { return try start(ctx, &session, team: team, def: def, at: nil) }
    }
    return .ok(Message.allDone.text(session.lang))
  }

  static func save(_ ctx: ShellContext, _ session: Session, team: Team) throws(TallerError) {
    try ctx.store.setWalk(team: team.id, session.guided)
  }

  // MARK: Asking

  /// Lines that ask the question where the walk stands; `from` is where it stood before (for
  /// the step header, the list's introduction and its order of fields).
  static func ask(_ ctx: ShellContext, _ session: inout Session, team: Team, def: ExerciseDef, from old: WalkPosition?) throws(TallerError)
    -> [Line]
  {
    guard let g = session.guided else { return [] }
    let lang = session.lang
    session.editable = nil
    var lines: [Line] = []
    guard g.field < def.fields.count else { return finish(ctx, &session, team: team, def: def) }
    let sheet = try ctx.store.sheet(teamID: team.id, exercise: def.id)
    if g.offering {
      let names = offer(def, sheet, step: stepIndex(def, g.field), lang: lang)
      lines.append(.text(Message.guideOffer(fields: names.joined(separator: ", ")).text(lang)))
      try save(ctx, session, team: team)
      return lines
    }
    let field = def.fields[g.field]
    let newStep = old.map { $0.field >= def.fields.count || stepIndex(def, $0.field) != stepIndex(def, g.field) || $0.offering } ?? true
    if newStep, let step = def.step(of: field.id) {
      var header = step.title.text(lang)
      if let minutes = ctx.content.timebox(exercise: def.id, step: step.id) {
        let timer = try startTimer(ctx, team: team, def: def, step: step.id, minutes: minutes)
        header += " · " + clock(timer.left(now: ctx.now())) + " ⏱"
      }
      if g.details { header += " · " + Message.guideDetails.text(lang) }
      lines.append(.heading(header))
    }
    let enteringField = old.map { $0.field != g.field || $0.details != g.details || $0.offering } ?? true
    if field.kind == .list {
      lines += askList(ctx, session, team: team, def: def, list: field, sheet: sheet, entering: enteringField, old: old)
    } else {
      var q = "[\(g.field + 1)/\(def.fields.count)] " + field.prompt.text(lang) + choicesSuffix(ctx, team: team, field: field, lang: lang)
      if let v = sheet.values[field.id] {
        q += "  " + Message.guideCurrent(value: display(ctx, team: team, field: field, value: v, lang: lang)).text(lang)
      } else if let p = field.prefill, let pv = prefillValue(ctx, team: team, path: p) {
        q += "  " + Message.guidePrefillEdit.text(lang)
        session.editable = pv
      }
      lines.append(.text(q))
      if field.kind == .longtext { lines.append(.dim(Message.guideLongText.text(lang))) }
      if old == nil || newStep { lines.append(.dim(Message.guideKeys.text(lang))) }
    }
    try save(ctx, session, team: team)
    return lines
  }

  /// The question inside a list: a line for an item, or one of its fields.
  static func askList(
    _ ctx: ShellContext, _ session: Session, team: Team, def: ExerciseDef, list: FieldDef, sheet: Sheet, entering: Bool,
    old: WalkPosition?
  ) -> [Line] {
    guard let g = session.guided else { return [] }
    let lang = session.lang
    let items = sheet.items(list.id)
    var lines: [Line] = []
    let index = g.item.flatMap { id in items.firstIndex { $0.id == id } }
    let item = index.map { items[$0] }
    let number = (index ?? items.count) + 1
    let total = list.defaults.isEmpty || item == nil ? "" : "/\(items.count)"
    if entering {
      lines.append(.text("[\(g.field + 1)/\(def.fields.count)] " + list.prompt.text(lang) + " (\(items.count))"))
      if !g.details {
        let count = String(items.count)
        let help =
          quickFields(def, list).count == 1
          ? Message.guideListOne(count: count) : g.mode == .line ? Message.guideListLine(count: count) : Message.guideListHelp(count: count)
        lines.append(.dim(help.text(lang)))
      }
    }
    let label = item.map { itemLabel(ctx, teamID: team.id, item: $0, fields: list.fields, lang: lang) }
    let heading = "   \(list.shortName(lang)) \(number)\(total)" + (label.map { " · " + $0 } ?? "")
    if g.mode == .line && !g.details {
      let order = lineOrder(def, list, item: item)
      let previous = old.flatMap { o in o.field == g.field && !o.details ? (o.item.flatMap { id in items.first { $0.id == id } }) : nil }
      let shown = entering || lineOrder(def, list, item: previous).map(\.id) != order.map(\.id) || (old?.item == nil) != (g.item == nil)
      // A new item after the first is named by the prompt (`punto 3`); an existing one, here.
      if item != nil || shown { lines.append(.heading(heading)) }
      if shown && order.count > 1 {
        let names = order.map {
          $0.shortName(lang)
            + ($0.kind == .choice || $0.kind == .scale || $0.kind == .ref ? choiceHint(ctx, team: team, field: $0, lang: lang) : "")
        }
        lines.append(.dim(Message.guideLineOrder(order: names.joined(separator: "; ")).text(lang)))
      }
      if let item {
        let current = order.compactMap { f in item.values[f.id].map { display(ctx, team: team, field: f, value: $0, lang: lang) } }
          .filter { !$0.isEmpty }
        if !current.isEmpty { lines.append(.dim("   " + Message.guideCurrent(value: current.joined(separator: " · ")).text(lang))) }
      }
      return lines
    }
    let sub = min(g.sub ?? 0, list.fields.count - 1)
    let sf = list.fields[sub]
    let firstAsked = old.map { $0.item != g.item || $0.field != g.field || $0.details != g.details } ?? true
    if firstAsked || entering { lines.append(.heading(heading)) }
    var q = "   " + sf.prompt.text(lang) + choicesSuffix(ctx, team: team, field: sf, lang: lang)
    if let v = item?.values[sf.id] {
      q += "  " + Message.guideCurrent(value: display(ctx, team: team, field: sf, value: v, lang: lang)).text(lang)
    }
    lines.append(.text(q))
    if sf.kind == .longtext { lines.append(.dim(Message.guideLongText.text(lang))) }
    return lines
  }

  /// A field's accepted values in brief, for the order of a line: `momento (antes/durante/después)`.
  static func choiceHint(_ ctx: ShellContext, team: Team, field: FieldDef, lang: Lang) -> String {
    switch field.kind {
    case .choice where field.options.count <= 4: return " (" + field.options.map { $0.label.text(lang) }.joined(separator: "/") + ")"
    case .scale: return " (\(field.min ?? 0)…\(field.max ?? 0))"
    default: return ""
    }
  }

  static func choicesSuffix(_ ctx: ShellContext, team: Team, field: FieldDef, lang: Lang) -> String {
    switch field.kind {
    case .choice:
      let opts = field.options.enumerated().map { "\($0.offset + 1) \($0.element.label.text(lang))" }.joined(separator: ", ")
      return " — " + opts + (field.multiple ? " " + Message.guideSeveral.text(lang) : "")
    case .scale:
      return " (\(field.min ?? 0)…\(field.max ?? 0))"
    case .ref:
      guard let ref = field.ref else { return "" }
      let choices = refChoices(ctx, teamID: team.id, target: ref, lang: lang)
      let list = choices.enumerated().map { "\($0.offset + 1) \($0.element.label)" }.joined(separator: ", ")
      return " — " + (list.isEmpty ? "—" : list) + (field.multiple ? " " + Message.guideSeveral.text(lang) : "")
    default:
      return ""
    }
  }

  static func display(_ ctx: ShellContext, team: Team, field: FieldDef, value: JSONValue, lang: Lang) -> String {
    let refs = field.ref.map { refChoices(ctx, teamID: team.id, target: $0, lang: lang) } ?? []
    return AnswerParser.display(value, field: field, lang: lang) { id in refs.first { $0.id == id }?.label }
  }

  /// The answer of `exercise.field` for the team, as text (for prefilled fields).
  static func prefillValue(_ ctx: ShellContext, team: Team, path: String) -> String? {
    let p = path.split(separator: ".").map(String.init)
    guard p.count == 2, let sheet = try? ctx.store.sheet(teamID: team.id, exercise: p[0]) else { return nil }
    return sheet.values[p[1]]?.stringValue
  }

  static func finish(_ ctx: ShellContext, _ session: inout Session, team: Team, def: ExerciseDef) -> [Line] {
    let lang = session.lang
    session.guided = nil
    session.editable = nil
    try? ctx.store.setWalk(team: team.id, nil)
    var lines: [Line] = [.success(Message.guideFinished(exercise: def.title.text(lang)).text(lang))]
    if let sheet = try? ctx.store.sheet(teamID: team.id, exercise: def.id) {
      let p = ExerciseProgress(sheet: sheet, def: def)
      if !p.done { lines += missingLines(ctx, team: team, def: def, progress: p, lang: lang) }
    }
    if let next = ctx.content.ordered.drop(while: { $0.id != def.id }).dropFirst().first {
      lines.append(.dim(Message.guideNext(exercise: next.id).text(lang)))
    }
    return lines
  }

  /// What is missing for an exercise to be complete, one line each.
  static func missingLines(_ ctx: ShellContext, team: Team, def: ExerciseDef, progress p: ExerciseProgress, lang: Lang) -> [Line] {
    guard !p.missing.isEmpty else { return [] }
    var lines: [Line] = [.text(Message.guideIncomplete(exercise: def.title.text(lang)).text(lang))]
    let sheet = try? ctx.store.sheet(teamID: team.id, exercise: def.id)
    for m in p.missing.prefix(8) {
      switch m {
      case .field(let id):
        lines.append(.item(def.field(id)?.prompt.text(lang) ?? id, note: Message.missingAnswer.text(lang)))
      case .items(let list, let have, let need):
        let name = def.field(list)?.prompt.text(lang) ?? list
        lines.append(.item(name, note: Message.missingItems(have: String(have), need: String(need)).text(lang)))
      case .itemFields(let list, let index, let id, let fields):
        guard let lf = def.field(list) else { continue }
        let item = sheet?.items(list).first { $0.id == id }
        let label = item.map { itemLabel(ctx, teamID: team.id, item: $0, fields: lf.fields, lang: lang) } ?? "?"
        let names = fields.map { f in lf.fields.first { $0.id == f }?.shortName(lang) ?? f }.joined(separator: ", ")
        lines.append(.item("\(lf.shortName(lang)) \(index) · \(label)", note: Message.missingFields(fields: names).text(lang)))
      }
    }
    if p.missing.count > 8 { lines.append(.dim(Message.missingMore(count: String(p.missing.count - 8)).text(lang))) }
    return lines
  }

  // MARK: Answering

  /// Handles a line typed while walking an exercise: it is an answer to the question (the walk's
  /// own words and `/commands` never reach here).
  static func input(_ ctx: ShellContext, _ session: inout Session, line: String) throws(TallerError) -> Reply {
    guard let g = session.guided, let def = ctx.content.exercise(g.exercise), g.field < def.fields.count else {
      session.guided = nil
      return Reply()
    }
    let team = try currentTeam(ctx, &session)
    let lang = session.lang
    let text = line.trimmingCharacters(in: .whitespaces)
    if g.offering {
      switch Text.fold(text) {
      case "", "n", "no":
        return try go(ctx, &session, team: team, def: def, to: next(def, try sheet(ctx, team, def), from: g, lang: lang))
      case "s", "si", "y", "yes":
        let sh = try sheet(ctx, team, def)
        let to = stepStart(def, sh, field: stepFirstField(def, g.field), details: true, mode: g.mode, lang: lang)
        return try go(ctx, &session, team: team, def: def, to: to)
      default:
        return Reply(lines: [.dim(Message.guideYesNo.text(lang))])
      }
    }
    let field = def.fields[g.field]
    if field.kind == .list { return try listInput(ctx, &session, team: team, def: def, list: field, line: text) }
    let sh = try sheet(ctx, team, def)
    if text.isEmpty {
      // Enter on an offered answer takes it (a script has no line to edit).
      if sh.values[field.id] == nil, let p = field.prefill, let pv = prefillValue(ctx, team: team, path: p) {
        try remember(ctx, &session, team: team, def: def, values: [field.id: .string(pv)], sheet: sh)
        try ctx.store.setAnswers(teamID: team.id, def: def, values: [field.id: .string(pv)])
        return try go(ctx, &session, team: team, def: def, to: next(def, try sheet(ctx, team, def), from: g, lang: lang), saved: true)
      }
      if field.required && sh.values[field.id] == nil && !g.details {
        return Reply(lines: [.dim(Message.guideRequired.text(lang))])
      }
      return try go(ctx, &session, team: team, def: def, to: next(def, sh, from: g, lang: lang))
    }
    let value = try parseAnswer(ctx, teamID: team.id, field: field, raw: text, lang: lang)
    try remember(ctx, &session, team: team, def: def, values: [field.id: value], sheet: sh)
    try ctx.store.setAnswers(teamID: team.id, def: def, values: [field.id: value])
    return try go(ctx, &session, team: team, def: def, to: next(def, try sheet(ctx, team, def), from: g, lang: lang), saved: true)
  }

  static func sheet(_ ctx: ShellContext, _ team: Team, _ def: ExerciseDef) throws(TallerError) -> Sheet {
    try ctx.store.sheet(teamID: team.id, exercise: def.id)
  }

  /// Moves the walk and asks the next question.
  static func go(
    _ ctx: ShellContext, _ session: inout Session, team: Team, def: ExerciseDef, to g: WalkPosition, saved: Bool = false,
    before: [Line] = []
  ) throws(TallerError) -> Reply {
    let old = session.guided
    session.guided = g
    var lines = before
    if saved && before.isEmpty { lines.append(.success(Message.answerSaved.text(session.lang))) }
    lines += try ask(ctx, &session, team: team, def: def, from: old)
    return Reply(lines: lines)
  }

  /// An answer inside a list: a whole item in one line, or one field of an item.
  static func listInput(
    _ ctx: ShellContext, _ session: inout Session, team: Team, def: ExerciseDef, list: FieldDef, line text: String
  ) throws(TallerError) -> Reply {
    guard let g = session.guided else { return Reply() }
    let lang = session.lang
    let sh = try sheet(ctx, team, def)
    let items = sh.items(list.id)
    let item = g.item.flatMap { id in items.first { $0.id == id } }
    if text.isEmpty {
      if item == nil && !g.details {
        // Enter on a new item: the list is finished.
        if let min = list.minItems, items.count < min {
          return Reply(lines: [.dim(Message.guideListMin(min: String(min)).text(lang))])
        }
        return try go(ctx, &session, team: team, def: def, to: after(def, sh, field: g.field, details: false, mode: g.mode, lang: lang))
      }
      return try go(ctx, &session, team: team, def: def, to: next(def, sh, from: g, lang: lang))
    }
    var values: [String: JSONValue] = [:]
    if g.mode == .line && !g.details {
      let order = lineOrder(def, list, item: item)
      for part in try QuickEntry.split(text, order: order, fields: list.fields, lang: lang) {
        do {
          values[part.field.id] = try parseAnswer(ctx, teamID: team.id, field: part.field, raw: part.text, lang: lang)
        } catch {
          throw .refused(Message.quickFieldError(field: part.field.shortName(lang), problem: error.lines(lang).joined(separator: " ")))
        }
      }
      if item == nil, let first = order.first, first.required, values[first.id] == nil {
        throw .refused(
          Message.quickFirstMissing(field: first.shortName(lang), order: order.map { $0.shortName(lang) }.joined(separator: "; ")))
      }
    } else {
      let sf = list.fields[min(g.sub ?? 0, list.fields.count - 1)]
      values[sf.id] = try parseAnswer(ctx, teamID: team.id, field: sf, raw: text, lang: lang)
    }
    var n = g
    var saved: Item
    if let item {
      try remember(ctx, &session, team: team, def: def, item: item, values: values)
      try ctx.store.editItem(itemID: item.id, values: values)
      saved = item
      for (k, v) in values { saved.values[k] = v }
    } else {
      if let max = list.maxItems, items.count >= max {
        throw .refused(Message.listFull(list: list.prompt.text(lang), max: String(max)))
      }
      saved = try ctx.store.addItem(teamID: team.id, def: def, list: list.id, values: values)
      session.undo.append(.removeItem(team: team.id, item: saved.id))
      n.item = saved.id
    }
    let after = try sheet(ctx, team, def)
    let index = (after.items(list.id).firstIndex { $0.id == saved.id } ?? items.count) + 1
    var lines: [Line] = []
    if g.mode == .line && !g.details {
      // The item read back in one line, and what it still lacks.
      let current = after.items(list.id).first { $0.id == saved.id } ?? saved
      let summary = quickFields(def, list).compactMap { f in
        current.values[f.id].map { display(ctx, team: team, field: f, value: $0, lang: lang) }
      }
      .filter { !$0.isEmpty }.joined(separator: " · ")
      lines.append(.success(Message.guideItemSaved(number: "\(list.shortName(lang)) \(index)", summary: summary).text(lang)))
      let lacking = def.neededItemFields(list).filter { !Sheet.isFilled(current.values[$0]) }
      if !lacking.isEmpty {
        let names = lacking.map { f in list.fields.first { $0.id == f }?.shortName(lang) ?? f }.joined(separator: ", ")
        lines.append(.dim("   " + Message.missingFields(fields: names).text(lang)))
      }
      if item == nil { n.item = nil }
    } else {
      lines.append(.success(Message.answerSaved.text(lang)))
    }
    return try go(ctx, &session, team: team, def: def, to: next(def, after, from: n, lang: lang), before: lines)
  }

  // MARK: The walk's own words

  /// The walk in progress, or a refusal naming the word that needs one.
  static func walking(_ ctx: ShellContext, _ session: inout Session, word: (es: String, en: String)) throws(TallerError) -> (
    team: Team, def: ExerciseDef, state: WalkPosition
  ) {
    guard let g = session.guided, let def = ctx.content.exercise(g.exercise), g.field < def.fields.count else {
      throw .refused(Message.walkOnly(word: session.lang == .es ? word.es : word.en))
    }
    return (try currentTeam(ctx, &session), def, g)
  }

  /// The question being asked: a top-level field, a list (one line per item), or a field of the
  /// list item being filled.
  static func activeField(_ def: ExerciseDef, _ g: WalkPosition) -> FieldDef {
    let field = def.fields[min(g.field, def.fields.count - 1)]
    guard field.kind == .list, g.mode == .fields || g.details else { return field }
    return field.fields[min(g.sub ?? 0, field.fields.count - 1)]
  }

  /// `ayuda` while walking: what the question asks, and what each option means.
  static func help(_ ctx: ShellContext, _ session: inout Session) throws(TallerError) -> Reply {
    let (team, def, g) = try walking(ctx, &session, word: ("ayuda", "help"))
    let active = activeField(def, g)
    let lang = session.lang
    var lines: [Line] = [.text(active.help.text(lang))]
    if active.kind == .list && !g.offering {
      // One line per item: what each part of the line is.
      for f in lineOrder(def, active, item: try sheet(ctx, team, def).items(active.id).first { $0.id == g.item }) {
        lines.append(.item(f.shortName(lang), note: f.prompt.text(lang) + choicesSuffix(ctx, team: team, field: f, lang: lang)))
      }
      lines.append(.dim(Message.guideLineHelp.text(lang)))
    }
    for o in active.options { if let h = o.help { lines.append(.item(o.label.text(lang), note: h.text(lang))) } }
    return Reply(lines: lines)
  }

  static func hint(_ ctx: ShellContext, _ session: inout Session) throws(TallerError) -> Reply {
    let (_, def, g) = try walking(ctx, &session, word: ("pista", "hint"))
    return Reply(lines: [.text("  " + activeField(def, g).hint.text(session.lang))])
  }

  static func example(_ ctx: ShellContext, _ session: inout Session) throws(TallerError) -> Reply {
    let (team, def, g) = try walking(ctx, &session, word: ("ejemplo", "example"))
    let lang = session.lang
    let active = activeField(def, g)
    var example = active.example.text(lang)
    if active.kind == .list {
      // A whole line, from the examples of its parts.
      let item = try sheet(ctx, team, def).items(active.id).first { $0.id == g.item }
      example = lineOrder(def, active, item: item).map { $0.example.text(lang) }.joined(separator: "; ")
    }
    return Reply(lines: [.text("  " + Message.guideExample(example: example).text(lang))])
  }

  /// `atrás` (-1) and `saltar` (+1).
  static func step(_ ctx: ShellContext, _ session: inout Session, by delta: Int) throws(TallerError) -> Reply {
    let (team, def, g) = try walking(ctx, &session, word: delta < 0 ? ("atrás", "back") : ("saltar", "skip"))
    let sh = try sheet(ctx, team, def)
    let lang = session.lang
    if delta < 0 { return try go(ctx, &session, team: team, def: def, to: previous(def, sh, from: g)) }
    let field = def.fields[g.field]
    if field.kind == .list && g.item == nil && !g.details && !g.offering {
      // Skipping a new item leaves the list, however many it has.
      return try go(ctx, &session, team: team, def: def, to: after(def, sh, field: g.field, details: false, mode: g.mode, lang: lang))
    }
    return try go(ctx, &session, team: team, def: def, to: next(def, sh, from: g, lang: lang))
  }

  /// `campos` / `rápido`: lists one field at a time, or one line per item.
  static func mode(_ ctx: ShellContext, _ session: inout Session, _ mode: EntryMode) throws(TallerError) -> Reply {
    let (team, def, g) = try walking(ctx, &session, word: mode == .fields ? ("campos", "fields") : ("rápido", "quick"))
    let lang = session.lang
    var n = g
    n.mode = mode
    let field = def.fields[g.field]
    if field.kind == .list && !g.details {
      n.sub = mode == .fields ? quickIndices(def, field).first : nil
    }
    let note = Message(mode == .fields ? .guideModeFields : .guideModeLine).text(lang)
    var old = g
    old.field = -1  // ask afresh: the list's introduction and order again
    session.guided = n
    return Reply(lines: [.dim(note)] + (try ask(ctx, &session, team: team, def: def, from: field.kind == .list ? old : g)))
  }

  /// `listo`: done with the exercise for now; when it is not complete, what is missing, and an
  /// offer to go there.
  static func done(_ ctx: ShellContext, _ session: inout Session) throws(TallerError) -> Reply {
    let (team, def, _) = try walking(ctx, &session, word: ("listo", "done"))
    var r = Reply(lines: finish(ctx, &session, team: team, def: def))
    if !ExerciseProgress(sheet: try sheet(ctx, team, def), def: def).done {
      let lang = session.lang
      r.confirm = Confirmation(
        question: Message.guideGoThere.text(lang), line: (lang == .es ? "empezar " : "start ") + def.id,
        cancelled: Message.guideGoThereLater.text(lang))
    }
    return r
  }

  /// `editor`: the answer to a text question written in the person's editor.
  static func editAnswer(_ ctx: ShellContext, _ session: inout Session) throws(TallerError) -> Reply {
    let (team, def, g) = try walking(ctx, &session, word: ("editor", "editor"))
    let active = activeField(def, g)
    guard active.kind == .text || active.kind == .longtext else { throw .refused(Message.editorNotText) }
    guard let processes = ctx.processes, processes.hasEditor, ctx.interactive else { throw .refused(Message.editorNone) }
    let field = def.fields[min(g.field, def.fields.count - 1)]
    var current = ""
    let sheet = try ctx.store.sheet(teamID: team.id, exercise: def.id)
    if field.kind == .list, let item = g.item, let it = sheet.items(field.id).first(where: { $0.id == item }) {
      current = it.values[active.id]?.stringValue ?? ""
    } else {
      current = sheet.values[active.id]?.stringValue ?? ""
    }
    guard let edited = processes.edit(current, name: active.id) else { throw .refused(Message.editorNone) }
    var text = edited
    while text.hasSuffix("\n") { text.removeLast() }
    // What was written goes in as the answer, as if typed.
    return try input(ctx, &session, line: text.isEmpty ? "" : text)
  }

  // MARK: Time boxes

  /// The step's time box, started now if it never ran on this laptop. Its deadline is an
  /// absolute time: it runs on while taller is closed, and only `reloj pausar` stops it.
  static func startTimer(_ ctx: ShellContext, team: Team, def: ExerciseDef, step: String, minutes: Int) throws(TallerError) -> TimeBox {
    if let t = try ctx.store.timeBox(team: team.id, exercise: def.id, step: step) { return t }
    let t = TimeBox(team: team.id, exercise: def.id, step: step, minutes: minutes, startingAt: ctx.now())
    try ctx.store.setTimeBox(t)
    return t
  }

  /// The time box of where the walk stands, if its step has one and it has started.
  static func currentTimer(_ ctx: ShellContext, _ session: Session) -> (timer: TimeBox, step: StepDef)? {
    // Not walking in this run: where this laptop's walk of the team last stood.
    guard let team = session.teamID, let g = session.guided ?? ((try? ctx.store.walk(team: team)) ?? nil),
      let def = ctx.content.exercise(g.exercise), g.field < def.fields.count, let step = def.step(of: def.fields[g.field].id),
      let t = (try? ctx.store.timeBox(team: team, exercise: def.id, step: step.id)) ?? nil
    else { return nil }
    return (t, step)
  }

  /// `14:31`, or `-01:05` when over.
  static func clock(_ ms: Int64) -> String {
    let total = Int((abs(ms) + 999) / 1000)
    let s =
      total >= 3600
      ? String(format: "%d:%02d:%02d", total / 3600, total / 60 % 60, total % 60)
      : String(format: "%02d:%02d", total / 60, total % 60)
    return ms < 0 ? "-" + s : s
  }

  /// Warnings due before the next prompt: one minute left, and the end (with the bell).
  static func timerNotices(_ ctx: ShellContext, _ session: Session) -> [Line] {
    guard let (t, step) = currentTimer(ctx, session), !t.paused else { return [] }
    var t2 = t
    let left = t.left(now: ctx.now())
    var lines: [Line] = []
    let title = step.title.text(session.lang)
    if left <= 0 && !t.rang {
      t2.rang = true
      t2.warned = true
      lines.append(.text("\u{07}⏱ " + Message.timerEnded(step: title).text(session.lang)))
    } else if left <= 60_000 && left > 0 && !t.warned {
      t2.warned = true
      lines.append(.text("⏱ " + Message.timerOneMinute(step: title).text(session.lang)))
    }
    if t2 != t { try? ctx.store.setTimeBox(t2) }
    return lines
  }

  static func timerCommand(_ ctx: ShellContext, _ session: inout Session, action: String?) throws(TallerError) -> Reply {
    let lang = session.lang
    guard let (t, step) = currentTimer(ctx, session) else {
      return .text(Message.timerNone.text(lang))
    }
    var t2 = t
    let now = ctx.now()
    switch action.map(Text.fold) {
    case "pause"?, "pausa"?, "pausar"?: t2.pause(now: now)
    case "resume"?, "sigue"?, "seguir"?, "reanudar"?, "continuar"?: t2.resume(now: now)
    case "restart"?, "reiniciar"?, "reinicia"?: t2.restart(now: now)
    default: break
    }
    if t2 != t { try ctx.store.setTimeBox(t2) }
    let state = t2.paused ? Message.timerPaused.text(lang) : ""
    return .text(
      Message.timerShow(left: clock(t2.left(now: now)), minutes: String(t2.minutes), step: step.title.text(lang))
        .text(lang) + state)
  }

  /// The prompt's label while walking: `marca 2/6 14:31`, inside a list the item
  /// (`puntos-contacto punto 3 14:31`), and `‖` when the time box is paused.
  static func promptLabel(_ ctx: ShellContext, _ session: Session) -> String? {
    guard let g = session.guided, let def = ctx.content.exercise(g.exercise) else { return nil }
    var label = def.id
    if g.field < def.fields.count {
      let field = def.fields[g.field]
      if field.kind == .list && !g.offering, let team = session.teamID,
        let items = try? ctx.store.sheet(teamID: team, exercise: def.id).items(field.id)
      {
        let n = (g.item.flatMap { id in items.firstIndex { $0.id == id } } ?? items.count) + 1
        label += " \(field.shortName(session.lang)) \(n)" + (field.defaults.isEmpty ? "" : "/\(max(n, items.count))")
      } else {
        label += " \(g.field + 1)/\(def.fields.count)"
      }
    }
    if let (t, _) = currentTimer(ctx, session) {
      label += " " + clock(t.left(now: ctx.now())) + (t.paused ? "‖" : "")
    }
    return label
  }

}
