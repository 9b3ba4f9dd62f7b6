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

  static func start(_ ctx: ShellContext, _ session: inout Session, team: Team, def: ExerciseDef, at state: WalkPosition?)
    throws(TallerError)
    -> Reply
  {
    let lang = session.lang
    let sheet = try ctx.store.openSheet(teamID: team.id, def: def)
    var g = state ?? WalkPosition(exercise: def.id, field: firstUnanswered(def, sheet) ?? 0)
    if g.field >= def.fields.count { g = WalkPosition(exercise: def.id, field: 0) }
    session.guided = g
    try save(ctx, session, team: team)
    var lines: [Line] = [.heading(def.title.text(lang)), .dim(def.intro.text(lang))]
    lines += try ask(ctx, &session, team: team, def: def, announceStep: true)
    return Reply(lines: lines)
  }

  /// Carries on where the team stopped: in its last sitting (on this laptop, exactly where the
  /// walk stood; on another laptop, where that sitting stopped), or where sitting `number` stopped.
  static func resume(_ ctx: ShellContext, _ session: inout Session, team: Team, number: String? = nil) throws(TallerError) -> Reply {
    let lang = session.lang
    let sitting = session.sitting
    func from(_ s: WorkSession, _ reply: Reply) -> Reply {
      if s.id == sitting { return reply }
      var r = reply
      let note = Message.resumeFromSession(date: SessionView.weekdayDate(s.started, ctx, lang), number: String(s.number))
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

  static func firstUnanswered(_ def: ExerciseDef, _ sheet: Sheet) -> Int? {
    def.fields.firstIndex { !sheet.isAnswered($0) }
  }

  static func save(_ ctx: ShellContext, _ session: Session, team: Team) throws(TallerError) {
    try ctx.store.setWalk(team: team.id, session.guided)
  }

  // MARK: Asking

  /// The question for where the walk stands (and the step header when a step begins).
  static func ask(_ ctx: ShellContext, _ session: inout Session, team: Team, def: ExerciseDef, announceStep: Bool) throws(TallerError)
    -> [Line]
  {
    guard let g = session.guided else { return [] }
    let lang = session.lang
    var lines: [Line] = []
    guard g.field < def.fields.count else { return finish(ctx, &session, team: team, def: def) }
    let field = def.fields[g.field]
    if announceStep, let step = def.step(of: field.id) {
      var header = step.title.text(lang)
      if let minutes = ctx.content.timebox(exercise: def.id, step: step.id) {
        let timer = try startTimer(ctx, team: team, def: def, step: step.id, minutes: minutes)
        header += " · " + clock(timer.left(now: ctx.now())) + " ⏱"
      }
      lines.append(.heading(header))
    }
    let sheet = try ctx.store.sheet(teamID: team.id, exercise: def.id)
    let number = "[\(g.field + 1)/\(def.fields.count)] "
    if field.kind == .list {
      let items = sheet.items(field.id)
      if g.sub == nil {
        lines.append(.text(number + field.prompt.text(lang) + " (\(items.count))"))
        lines.append(.dim(Message.guideListHelp(count: String(items.count)).text(lang)))
        session.guided?.sub = 0
        // Lists that start with suggested items (journey stages) walk those items first.
        session.guided?.item = field.defaults.isEmpty ? nil : items.first?.id
      }
      let sub = session.guided?.sub ?? 0
      if sub == 0, let itemID = session.guided?.item, let i = items.firstIndex(where: { $0.id == itemID }) {
        let label = itemLabel(ctx, teamID: team.id, item: items[i], fields: field.fields, lang: lang)
        lines.append(.heading("   \(i + 1)/\(items.count) · \(label)"))
      }
      let sf = field.fields[sub]
      var q = "   " + sf.prompt.text(lang) + choicesSuffix(ctx, team: team, field: sf, lang: lang)
      if let itemID = session.guided?.item, let item = items.first(where: { $0.id == itemID }), let v = item.values[sf.id] {
        q += "  " + Message.guideCurrent(value: display(ctx, team: team, field: sf, value: v, lang: lang)).text(lang)
      }
      lines.append(.text(q))
      if sf.kind == .longtext { lines.append(.dim(Message.guideLongText.text(lang))) }
    } else {
      var q = number + field.prompt.text(lang) + choicesSuffix(ctx, team: team, field: field, lang: lang)
      if let v = sheet.values[field.id] {
        q += "  " + Message.guideCurrent(value: display(ctx, team: team, field: field, value: v, lang: lang)).text(lang)
      } else if let p = field.prefill, let pv = prefillValue(ctx, team: team, path: p) {
        q += "  " + Message.guidePrefill(value: pv).text(lang)
      }
      lines.append(.text(q))
      if field.kind == .longtext { lines.append(.dim(Message.guideLongText.text(lang))) }
      if g.field == 0 || announceStep { lines.append(.dim(Message.guideKeys.text(lang))) }
    }
    try save(ctx, session, team: team)
    return lines
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
    try? ctx.store.setWalk(team: team.id, nil)
    let p = (try? ctx.store.sheet(teamID: team.id, exercise: def.id)).map { ExerciseProgress(sheet: $0, def: def) }
    var lines: [Line] = [.success(Message.guideFinished(exercise: def.title.text(lang)).text(lang))]
    if let p, !p.done {
      lines.append(.text(Message.guideMissing(answered: String(p.answered), total: String(p.total)).text(lang)))
    }
    if let next = ctx.content.ordered.drop(while: { $0.id != def.id }).dropFirst().first {
      lines.append(.dim(Message.guideNext(exercise: next.id).text(lang)))
    }
    return lines
  }

  // MARK: Answering

  /// Handles a line typed while walking an exercise: it is an answer to the question (the walk's
  /// own words and `/commands` never reach here).
  static func input(_ ctx: ShellContext, _ session: inout Session, line: String) throws(TallerError) -> Reply {
    guard let g = session.guided, let def = ctx.content.exercise(g.exercise) else {
      session.guided = nil
      return Reply()
    }
    let team = try currentTeam(ctx, &session)
    let lang = session.lang
    let field = def.fields[min(g.field, def.fields.count - 1)]
    if field.kind == .list { return try listInput(ctx, &session, team: team, def: def, list: field, line: line) }
    let text = line.trimmingCharacters(in: .whitespaces)
    let sheet = try ctx.store.sheet(teamID: team.id, exercise: def.id)
    if text.isEmpty {
      // Enter: keep the current answer, or take the prefilled one.
      if sheet.values[field.id] == nil, let p = field.prefill, let pv = prefillValue(ctx, team: team, path: p) {
        try ctx.store.setAnswers(teamID: team.id, def: def, values: [field.id: .string(pv)])
        var lines: [Line] = [.success(Message.answerSaved.text(lang))]
        session.guided?.field += 1
        lines += try ask(ctx, &session, team: team, def: def, announceStep: stepChanges(def, g.field))
        return Reply(lines: lines)
      }
      if field.required && sheet.values[field.id] == nil {
        return Reply(lines: [.dim(Message.guideRequired.text(lang))])
      }
      return try move(ctx, &session, team: team, def: def, by: 1)
    }
    let value = try parseAnswer(ctx, teamID: team.id, field: field, raw: text, lang: lang)
    try ctx.store.setAnswers(teamID: team.id, def: def, values: [field.id: value])
    var lines: [Line] = [.success(Message.answerSaved.text(lang))]
    session.guided?.field += 1
    lines += try ask(ctx, &session, team: team, def: def, announceStep: stepChanges(def, g.field))
    return Reply(lines: lines)
  }

  // MARK: The walk's own words

  /// The walk in progress, or a refusal naming the word that needs one.
  static func walking(_ ctx: ShellContext, _ session: inout Session, word: (es: String, en: String)) throws(TallerError) -> (
    team: Team, def: ExerciseDef, state: WalkPosition
  ) {
    guard let g = session.guided, let def = ctx.content.exercise(g.exercise) else {
      throw .refused(Message.walkOnly(word: session.lang == .es ? word.es : word.en))
    }
    return (try currentTeam(ctx, &session), def, g)
  }

  /// The question being asked: a top-level field, or a field of the list item being filled.
  static func activeField(_ def: ExerciseDef, _ g: WalkPosition) -> FieldDef {
    let field = def.fields[min(g.field, def.fields.count - 1)]
    return field.kind == .list ? field.fields[min(g.sub ?? 0, field.fields.count - 1)] : field
  }

  /// `ayuda` while walking: what the question asks, and what each option means.
  static func help(_ ctx: ShellContext, _ session: inout Session) throws(TallerError) -> Reply {
    let (_, def, g) = try walking(ctx, &session, word: ("ayuda", "help"))
    let active = activeField(def, g)
    let lang = session.lang
    var lines: [Line] = [.text(active.help.text(lang))]
    for o in active.options { if let h = o.help { lines.append(.item(o.label.text(lang), note: h.text(lang))) } }
    return Reply(lines: lines)
  }

  static func hint(_ ctx: ShellContext, _ session: inout Session) throws(TallerError) -> Reply {
    let (_, def, g) = try walking(ctx, &session, word: ("pista", "hint"))
    return Reply(lines: [.text("  " + activeField(def, g).hint.text(session.lang))])
  }

  static func example(_ ctx: ShellContext, _ session: inout Session) throws(TallerError) -> Reply {
    let (_, def, g) = try walking(ctx, &session, word: ("ejemplo", "example"))
    let lang = session.lang
    return Reply(lines: [.text("  " + Message.guideExample(example: activeField(def, g).example.text(lang)).text(lang))])
  }

  /// `atrás` (-1) and `saltar` (+1).
  static func step(_ ctx: ShellContext, _ session: inout Session, by delta: Int) throws(TallerError) -> Reply {
    let (team, def, _) = try walking(ctx, &session, word: delta < 0 ? ("atrás", "back") : ("saltar", "skip"))
    return try move(ctx, &session, team: team, def: def, by: delta)
  }

  /// `listo`: done with the exercise for now.
  static func done(_ ctx: ShellContext, _ session: inout Session) throws(TallerError) -> Reply {
    let (team, def, _) = try walking(ctx, &session, word: ("listo", "done"))
    return Reply(lines: finish(ctx, &session, team: team, def: def))
  }

  /// `editor`: the answer to a text question written in the person's editor.
  static func editAnswer(_ ctx: ShellContext, _ session: inout Session) throws(TallerError) -> Reply {
    let (team, def, g) = try walking(ctx, &session, word: ("editor", "editor"))
    let lang = session.lang
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

  static func stepChanges(_ def: ExerciseDef, _ from: Int) -> Bool {
    guard from + 1 < def.fields.count else { return false }
    return def.step(of: def.fields[from].id)?.id != def.step(of: def.fields[from + 1].id)?.id
  }

  static func move(_ ctx: ShellContext, _ session: inout Session, team: Team, def: ExerciseDef, by delta: Int) throws(TallerError) -> Reply
  {
    guard var g = session.guided else { return Reply() }
    let field = def.fields[g.field]
    if field.kind == .list, let sub = g.sub {
      // Inside a list: step between the item's fields; past its last field, a new item.
      let next = sub + delta
      if next < 0 {
        g.sub = nil
        g.item = nil
        g.field = max(0, g.field - 1)
      } else if next >= field.fields.count || (g.item == nil && delta > 0) {
        if g.item == nil {
          g.sub = nil
          g.field += 1
        } else {
          let items = try ctx.store.sheet(teamID: team.id, exercise: def.id).items(field.id)
          g.item = nextItem(after: g.item, in: items, list: field)
          g.sub = 0
        }
      } else {
        g.sub = next
      }
    } else {
      g.field = max(0, g.field + delta)
      g.sub = nil
      g.item = nil
    }
    let old = session.guided?.field ?? 0
    let stepOf = { (i: Int) in i < def.fields.count ? def.step(of: def.fields[i].id)?.id : nil }
    let announce = stepOf(g.field) != stepOf(old)
    session.guided = g
    return Reply(lines: try ask(ctx, &session, team: team, def: def, announceStep: announce && g.field < def.fields.count))
  }

  /// In lists that walk their items, the item after `current`; otherwise (or at the end) none,
  /// which means "a new item".
  static func nextItem(after current: String?, in items: [Item], list: FieldDef) -> String? {
    guard !list.defaults.isEmpty, let current, let i = items.firstIndex(where: { $0.id == current }) else { return nil }
    return i + 1 < items.count ? items[i + 1].id : nil
  }

  static func listInput(
    _ ctx: ShellContext, _ session: inout Session, team: Team, def: ExerciseDef, list: FieldDef, line: String
  ) throws(TallerError) -> Reply {
    guard let g = session.guided else { return Reply() }
    let lang = session.lang
    let sub = g.sub ?? 0
    let sf = list.fields[sub]
    let text = line.trimmingCharacters(in: .whitespaces)
    if text.isEmpty {
      if g.item == nil {
        // Enter on a new item's first field: the list is finished.
        let count = try ctx.store.sheet(teamID: team.id, exercise: def.id).items(list.id).count
        if let min = list.minItems, count < min {
          return Reply(lines: [.dim(Message.guideListMin(min: String(min)).text(lang))])
        }
        session.guided?.sub = nil
        session.guided?.field += 1
        return Reply(lines: try ask(ctx, &session, team: team, def: def, announceStep: stepChanges(def, g.field)))
      }
      return try move(ctx, &session, team: team, def: def, by: 1)
    }
    let value = try parseAnswer(ctx, teamID: team.id, field: sf, raw: text, lang: lang)
    if let itemID = g.item {
      try ctx.store.editItem(itemID: itemID, values: [sf.id: value])
    } else {
      let count = try ctx.store.sheet(teamID: team.id, exercise: def.id).items(list.id).count
      if let max = list.maxItems, count >= max {
        throw .refused(Message.listFull(list: list.prompt.text(lang), max: String(max)))
      }
      let item = try ctx.store.addItem(teamID: team.id, def: def, list: list.id, values: [sf.id: value])
      session.guided?.item = item.id
    }
    var lines: [Line] = [.success(Message.answerSaved.text(lang))]
    if sub + 1 < list.fields.count {
      session.guided?.sub = sub + 1
    } else {
      let items = try ctx.store.sheet(teamID: team.id, exercise: def.id).items(list.id)
      let done = items.firstIndex { $0.id == session.guided?.item }.map { $0 + 1 } ?? items.count
      lines.append(.dim(Message.guideItemDone(number: String(done)).text(lang)))
      let current = session.guided?.item
      session.guided?.sub = 0
      session.guided?.item = nextItem(after: current, in: items, list: list)
    }
    lines += try ask(ctx, &session, team: team, def: def, announceStep: false)
    return Reply(lines: lines)
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

  /// The prompt's label while walking: `marca 14:31`.
  static func promptLabel(_ ctx: ShellContext, _ session: Session) -> String? {
    guard let g = session.guided, let def = ctx.content.exercise(g.exercise) else { return nil }
    var label = def.id
    if g.field < def.fields.count { label += " \(g.field + 1)/\(def.fields.count)" }
    if let (t, _) = currentTimer(ctx, session) {
      label += " " + clock(t.left(now: ctx.now())) + (t.paused ? "‖" : "")
    }
    return label
  }
}
