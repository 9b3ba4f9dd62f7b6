import Foundation
import TallerCore
import TallerStore

// MARK: - Resolving names people type

/// The exercise a word names (id, number in the agenda, or a unique prefix of its title).
func findExercise(_ ctx: ShellContext, _ raw: String, lang: Lang) throws(TallerError) -> ExerciseDef {
  if let e = ctx.content.exercise(raw) { return e }
  throw .refused(
    Message.unknownExercise(exercises: ctx.content.ordered.map(\.id).joined(separator: ", "), name: raw))
}

/// `exercise.field` → the exercise and its top-level field.
func findField(_ ctx: ShellContext, _ path: String, lang: Lang) throws(TallerError) -> (ExerciseDef, FieldDef) {
  let parts = path.split(separator: ".", maxSplits: 1).map(String.init)
  let def = try findExercise(ctx, parts.first ?? "", lang: lang)
  let fields = def.fields
  guard parts.count == 2 else {
    throw .refused(Message.unknownField(exercise: def.id, field: "", fields: fields.map(\.id).joined(separator: ", ")))
  }
  let t = Text.fold(parts[1])
  guard let f = fields.first(where: { $0.id == parts[1] || Text.fold($0.id) == t }) ?? uniquePrefix(fields, t) else {
    throw .refused(Message.unknownField(exercise: def.id, field: parts[1], fields: fields.map(\.id).joined(separator: ", ")))
  }
  return (def, f)
}

private func uniquePrefix(_ fields: [FieldDef], _ t: String) -> FieldDef? {
  let m = fields.filter { Text.fold($0.id).hasPrefix(t) }
  return m.count == 1 ? m[0] : nil
}

/// `exercise.list` → the exercise and its list field.
func findList(_ ctx: ShellContext, _ path: String, lang: Lang) throws(TallerError) -> (ExerciseDef, FieldDef) {
  let (def, field) = try findField(ctx, path, lang: lang)
  guard field.kind == .list else {
    let lists = def.fields.filter { $0.kind == .list }.map(\.id).joined(separator: ", ")
    throw .refused(Message.notAList(exercise: def.id, field: field.id, lists: lists.isEmpty ? "—" : lists))
  }
  return (def, field)
}

/// What an item is called: its first text answer, else the item it refers to, else its number.
func itemLabel(_ ctx: ShellContext, teamID: String, item: Item, fields: [FieldDef], lang: Lang) -> String {
  for f in fields.prefix(1) where f.kind == .ref {
    if let id = item.values[f.id]?.stringValue, let ref = f.ref,
      let label = refChoices(ctx, teamID: teamID, target: ref, lang: lang).first(where: { $0.id == id })?.label
    {
      return label
    }
  }
  for f in fields where f.kind == .text {
    if let s = item.values[f.id]?.stringValue, !s.isEmpty { return f.shown(s, lang) }
  }
  for f in fields where f.kind == .ref {
    if let id = item.values[f.id]?.stringValue, let ref = f.ref,
      let label = refChoices(ctx, teamID: teamID, target: ref, lang: lang).first(where: { $0.id == id })?.label
    {
      return label
    }
  }
  return "—"
}

/// The items a reference field can point to, with their labels.
func refChoices(_ ctx: ShellContext, teamID: String, target: RefTarget, lang: Lang) -> AnswerParser.RefChoices {
  guard let def = ctx.content.exercise(target.exercise), let list = def.field(target.list),
    let sheet = try? ctx.store.sheet(teamID: teamID, exercise: def.id)
  else { return [] }
  return sheet.items(list.id).map { item in
    (item.id, itemLabel(ctx, teamID: teamID, item: item, fields: list.fields, lang: lang))
  }
}

/// Parses one answer for a field of a team.
func parseAnswer(_ ctx: ShellContext, teamID: String, field: FieldDef, raw: String, lang: Lang) throws(TallerError) -> JSONValue {
  let refs = field.ref.map { refChoices(ctx, teamID: teamID, target: $0, lang: lang) } ?? []
  return try AnswerParser.parse(raw, field: field, lang: lang, refs: refs)
}

/// Parses `field=value` tokens for the items of a list.
func parseAssignments(
  _ ctx: ShellContext, teamID: String, list: FieldDef, tokens: [String], lang: Lang
) throws(TallerError) -> [String: JSONValue] {
  var values: [String: JSONValue] = [:]
  let names = list.fields.map(\.id).joined(separator: ", ")
  for t in tokens {
    guard let eq = t.firstIndex(of: "="), eq != t.startIndex else {
      throw .refused(Message.badAssignment(fields: names, text: t))
    }
    let key = Text.fold(String(t[..<eq]))
    guard let f = list.fields.first(where: { Text.fold($0.id) == key }) ?? uniquePrefix(list.fields, key) else {
      throw .refused(Message.unknownField(exercise: list.id, field: String(t[..<eq]), fields: names))
    }
    values[f.id] = try parseAnswer(ctx, teamID: teamID, field: f, raw: String(t[t.index(after: eq)...]), lang: lang)
  }
  return values
}

/// The item at a 1-based position of a list.
func itemAt(_ items: [Item], _ raw: String?, list: FieldDef, lang: Lang) throws(TallerError) -> (Int, Item) {
  let name = list.prompt.text(lang)
  guard let raw, let n = Int(raw.hasPrefix("#") ? String(raw.dropFirst()) : raw), n >= 1, n <= items.count else {
    throw .refused(Message.noSuchItem(count: String(items.count), list: name, number: raw ?? "?"))
  }
  return (n, items[n - 1])
}

// MARK: - Commands

extension CommandTable {
  /// The exercise commands: list, answer directly, draw, walk through, reset.
  static let exerciseCommands: [CommandSpec] = [
    CommandSpec(
      [Word("exercises", ["ejercicios"])], summary: .cmdExercises,
      run: { ctx, session, _ throws(TallerError) in
        let lang = session.lang
        var lines: [Line] = [.heading(Message.exercisesHeader(agenda: ctx.content.agenda.title.text(lang)).text(lang))]
        let team = try? currentTeam(ctx, &session)
        for (i, def) in ctx.content.ordered.enumerated() {
          var note = def.id
          if let team {
            note += " · " + progressText(ExerciseProgress(sheet: try ctx.store.sheet(teamID: team.id, exercise: def.id), def: def), lang)
          }
          lines.append(.item("\(i + 1). " + def.title.text(lang), note: note))
        }
        return Reply(lines: lines)
      }),
    CommandSpec(
      [Word("start", ["empezar", "comenzar"])], summary: .cmdStart, arguments: ExerciseArgs.self,
      sitting: .ifSaved,
      run: { ctx, session, args throws(TallerError) in
        let team = try currentTeam(ctx, &session)
        let def = try findExercise(ctx, args.exercise, lang: session.lang)
        let lang = session.lang
        var r = try Guide.start(ctx, &session, team: team, def: def, at: nil)
        // Started before the exercise it draws on: say so, and offer to go there first.
        if let source = Guide.missingSources(ctx, team: team, def: def).first {
          r.lines.insert(.text(Message.startNeeds(exercise: source.title.text(lang)).text(lang)), at: 2)
          r.confirm = Confirmation(
            question: Message.startNeedsQuestion(exercise: source.id).text(lang), line: (lang == .es ? "empezar " : "start ") + source.id,
            cancelled: Message.startNeedsLater.text(lang))
        }
        return r
      }),
    CommandSpec(
      [Word("resume", ["continuar", "seguir"])], summary: .cmdResume, detail: .detailResume,
      arguments: SessionNumberArgs.self,
      sitting: .ifSaved,
      run: { ctx, session, args throws(TallerError) in
        let team = try currentTeam(ctx, &session)
        return try Guide.resume(ctx, &session, team: team, number: args.number)
      }),
    CommandSpec(
      [Word("show", ["ver", "mostrar"])], summary: .cmdShow, arguments: ShowArgs.self, walk: true,
      run: { ctx, session, args throws(TallerError) in
        let team = try currentTeam(ctx, &session)
        let def: ExerciseDef
        if let raw = args.exercise {
          def = try findExercise(ctx, raw, lang: session.lang)
        } else if let g = session.guided, let d = ctx.content.exercise(g.exercise) {
          def = d
        } else {
          def = try findExercise(ctx, "", lang: session.lang)
        }
        if args.detail { return Reply(lines: Drawings.detail(ctx, team: team, def: def, lang: session.lang)) }
        return Reply(lines: Drawings.draw(ctx, team: team, def: def, lang: session.lang))
      }),
    CommandSpec(
      [Word("set", ["poner", "responder"])], summary: .cmdSet, detail: .detailSet,
      arguments: SetArgs.self,
      sitting: .ifSaved,
      run: { ctx, session, args throws(TallerError) in
        let team = try currentTeam(ctx, &session)
        let (def, field) = try findField(ctx, args.field, lang: session.lang)
        if field.kind == .list { throw .refused(Message.answerIsList(field: field.id)) }
        let value = try parseAnswer(ctx, teamID: team.id, field: field, raw: args.value ?? "", lang: session.lang)
        try ctx.store.setAnswers(teamID: team.id, def: def, values: [field.id: value])
        return .ok(Message(value == .null ? .answerCleared : .answerSaved).text(session.lang))
      }),
    CommandSpec(
      [Word("add", ["añadir", "agregar"])], summary: .cmdAdd, detail: .detailAdd,
      arguments: AddArgs.self,
      sitting: .ifSaved,
      run: { ctx, session, args throws(TallerError) in
        let team = try currentTeam(ctx, &session)
        let (def, list) = try findList(ctx, args.list, lang: session.lang)
        let values = try parseAssignments(ctx, teamID: team.id, list: list, tokens: args.assignments, lang: session.lang)
        for f in list.fields where f.required && (values[f.id] ?? .null) == .null {
          throw .refused(Message.missingRequired(field: f.id))
        }
        let count = try ctx.store.itemCount(teamID: team.id, exercise: def.id, list: list.id)
        if let max = list.maxItems, count >= max {
          throw .refused(Message.listFull(list: list.prompt.text(session.lang), max: String(max)))
        }
        _ = try ctx.store.addItem(teamID: team.id, def: def, list: list.id, values: values)
        let n = try ctx.store.itemCount(teamID: team.id, exercise: def.id, list: list.id)
        return .ok(Message.itemAdded(list: list.prompt.text(session.lang), number: String(n)).text(session.lang))
      }),
    CommandSpec(
      [Word("edit", ["editar", "cambiar"])], summary: .cmdEdit,
      arguments: EditArgs.self,
      sitting: .ifSaved,
      run: { ctx, session, args throws(TallerError) in
        let team = try currentTeam(ctx, &session)
        let (def, list) = try findList(ctx, args.list, lang: session.lang)
        let items = try ctx.store.sheet(teamID: team.id, exercise: def.id).items(list.id)
        let (n, item) = try itemAt(items, args.number, list: list, lang: session.lang)
        let values = try parseAssignments(ctx, teamID: team.id, list: list, tokens: args.assignments, lang: session.lang)
        for f in list.fields where f.required && values[f.id] == .null {
          throw .refused(Message.missingRequired(field: f.id))
        }
        try ctx.store.editItem(itemID: item.id, values: values)
        return .ok(Message.itemEdited(list: list.prompt.text(session.lang), number: String(n)).text(session.lang))
      }),
    CommandSpec(
      [Word("remove", ["borrar", "eliminar"])], summary: .cmdRemove,
      arguments: ItemArgs.self,
      sitting: .ifSaved,
      run: { ctx, session, args throws(TallerError) in
        let team = try currentTeam(ctx, &session)
        let (def, list) = try findList(ctx, args.list, lang: session.lang)
        let items = try ctx.store.sheet(teamID: team.id, exercise: def.id).items(list.id)
        let (n, item) = try itemAt(items, args.number, list: list, lang: session.lang)
        try ctx.store.removeItem(itemID: item.id)
        return .ok(Message.itemRemoved(list: list.prompt.text(session.lang), number: String(n)).text(session.lang))
      }),
    CommandSpec(
      [Word("move", ["mover"])], summary: .cmdMove,
      arguments: MoveArgs.self,
      sitting: .ifSaved,
      run: { ctx, session, args throws(TallerError) in
        let team = try currentTeam(ctx, &session)
        let (def, list) = try findList(ctx, args.list, lang: session.lang)
        let items = try ctx.store.sheet(teamID: team.id, exercise: def.id).items(list.id)
        let (from, item) = try itemAt(items, args.number, list: list, lang: session.lang)
        let (to, _) = try itemAt(items, args.position, list: list, lang: session.lang)
        if from != to { try ctx.store.moveItem(itemID: item.id, toIndex: to - 1) }
        return .ok(
          Message.itemMoved(from: String(from), list: list.prompt.text(session.lang), to: String(to)).text(session.lang))
      }),
    CommandSpec(
      [Word("reset", ["reiniciar"])], summary: .cmdReset, arguments: ResetArgs.self,
      sitting: .ifSaved,
      run: { ctx, session, args throws(TallerError) in
        let team = try currentTeam(ctx, &session)
        let def = try findExercise(ctx, args.exercise, lang: session.lang)
        let title = def.title.text(session.lang)
        guard args.yes else {
          guard ctx.interactive else { throw .refused(Message.resetNeedsYes(exercise: title)) }
          var r = Reply()
          r.confirm = Confirmation(
            question: Message.resetConfirm(exercise: title).text(session.lang),
            line: "reset \(def.id) --yes", cancelled: Message.resetCancelled.text(session.lang))
          return r
        }
        try ctx.store.resetSheet(teamID: team.id, def: def)
        if session.guided?.exercise == def.id { session.guided = nil }
        return .ok(Message.resetDone(exercise: title).text(session.lang))
      }),
    CommandSpec(
      [Word("timer", ["reloj", "tiempo"])], summary: .cmdTimer,
      arguments: TimerArgs.self,
      run: { ctx, session, args throws(TallerError) in
        try Guide.timerCommand(ctx, &session, action: args.action)
      }),
    CommandSpec(
      [Word("hint", ["pista"])], summary: .cmdHint, walk: true,
      run: { ctx, session, _ throws(TallerError) in try Guide.hint(ctx, &session) }),
    CommandSpec(
      [Word("example", ["ejemplo"])], summary: .cmdExample, walk: true,
      run: { ctx, session, _ throws(TallerError) in try Guide.example(ctx, &session) }),
    CommandSpec(
      [Word("back", ["atrás", "atras"])], summary: .cmdBack, walk: true,
      run: { ctx, session, _ throws(TallerError) in try Guide.step(ctx, &session, by: -1) }),
    CommandSpec(
      [Word("skip", ["saltar"])], summary: .cmdSkip, walk: true,
      run: { ctx, session, _ throws(TallerError) in try Guide.step(ctx, &session, by: 1) }),
    CommandSpec(
      [Word("done", ["listo", "terminar"])], summary: .cmdDone, walk: true,
      run: { ctx, session, _ throws(TallerError) in try Guide.done(ctx, &session) }),
    CommandSpec(
      [Word("fields", ["campos"])], summary: .cmdFields, walk: true,
      run: { ctx, session, _ throws(TallerError) in try Guide.mode(ctx, &session, .fields) }),
    CommandSpec(
      [Word("quick", ["rápido", "rapido"])], summary: .cmdQuick, walk: true,
      run: { ctx, session, _ throws(TallerError) in try Guide.mode(ctx, &session, .line) }),
    CommandSpec(
      [Word("undo", ["deshacer"])], summary: .cmdUndo, sitting: .ifSaved, walk: true,
      run: { ctx, session, _ throws(TallerError) in try Guide.undo(ctx, &session) }),
    CommandSpec(
      [Word("check", ["revisar"])], summary: .cmdCheck, arguments: OptionalExerciseArgs.self,
      run: { ctx, session, args throws(TallerError) in
        let team = try currentTeam(ctx, &session)
        let defs =
          try args.exercise.map { raw throws(TallerError) in [try findExercise(ctx, raw, lang: session.lang)] } ?? ctx.content.ordered
        return try Review.check(ctx, team: team, defs: defs, lang: session.lang)
      }),
    CommandSpec(
      [Word("editor")], summary: .cmdEditor, detail: .detailEditor, sitting: .ifSaved, walk: true,
      run: { ctx, session, _ throws(TallerError) in try Guide.editAnswer(ctx, &session) }),
    CommandSpec(
      [Word("lint", ["validar"])], summary: .cmdLint, arguments: OptionalDirArgs.self,
      run: { ctx, session, args throws(TallerError) in
        let dir = args.dir ?? "."
        switch ContentLoader.load(directory: dir) {
        case .success(let c):
          return .ok(
            Message.lintOK(agenda: c.agenda.id, count: String(c.exercises.count), dir: dir).text(session.lang))
        case .failure(let f):
          throw .lint(f.issues, Message.lintFailed(count: String(f.issues.count)))
        }
      }),
  ]
}

// MARK: - Arguments

struct ExerciseArgs: CommandArguments {
  static let exerciseParam = Param(.argExercise, .exercise)
  static let parameters = [exerciseParam]
  let exercise: String
  init(_ b: BoundArguments) { exercise = b[Self.exerciseParam] }
}

struct OptionalExerciseArgs: CommandArguments {
  static let exerciseParam = Param(.argExercise, .exercise, optional: true)
  static let parameters = [exerciseParam]
  let exercise: String?
  init(_ b: BoundArguments) { exercise = b[optional: Self.exerciseParam] }
}

struct ShowArgs: CommandArguments {
  static let exerciseParam = Param(.argExercise, .exercise, optional: true)
  static let detailFlag = Flag("detail", .flagDetail, spanish: "detalle")
  static let parameters = [exerciseParam]
  static let flags = [detailFlag]
  let exercise: String?
  let detail: Bool
  init(_ b: BoundArguments) {
    exercise = b[optional: Self.exerciseParam]
    detail = b.has(Self.detailFlag)
  }
}

struct SessionNumberArgs: CommandArguments {
  static let numberParam = Param(.argSession, .text, optional: true)
  static let parameters = [numberParam]
  let number: String?
  init(_ b: BoundArguments) { number = b[optional: Self.numberParam] }
}

struct SetArgs: CommandArguments {
  static let fieldParam = Param(.argField, .field)
  static let valueParam = Param(.argValue, .text, optional: true, rest: true)
  static let parameters = [fieldParam, valueParam]
  let field: String
  let value: String?
  init(_ b: BoundArguments) {
    field = b[Self.fieldParam]
    value = b[optional: Self.valueParam]
  }
}

struct AddArgs: CommandArguments {
  static let listParam = Param(.argList, .list)
  static let assignmentsParam = Param(.argAssignments, .assignment, rest: true)
  static let parameters = [listParam, assignmentsParam]
  let list: String
  /// `field=value` words, as split.
  let assignments: [String]
  init(_ b: BoundArguments) {
    list = b[Self.listParam]
    assignments = Array(b.tokens.dropFirst())
  }
}

struct EditArgs: CommandArguments {
  static let listParam = Param(.argList, .list)
  static let numberParam = Param(.argNumber, .text)
  static let assignmentsParam = Param(.argAssignments, .assignment, rest: true)
  static let parameters = [listParam, numberParam, assignmentsParam]
  let list: String
  let number: String
  let assignments: [String]
  init(_ b: BoundArguments) {
    list = b[Self.listParam]
    number = b[Self.numberParam]
    assignments = Array(b.tokens.dropFirst(2))
  }
}

struct ItemArgs: CommandArguments {
  static let listParam = Param(.argList, .list)
  static let numberParam = Param(.argNumber, .text)
  static let parameters = [listParam, numberParam]
  let list: String
  let number: String
  init(_ b: BoundArguments) {
    list = b[Self.listParam]
    number = b[Self.numberParam]
  }
}

struct MoveArgs: CommandArguments {
  static let listParam = Param(.argList, .list)
  static let numberParam = Param(.argNumber, .text)
  static let positionParam = Param(.argPosition, .text)
  static let parameters = [listParam, numberParam, positionParam]
  let list: String
  let number: String
  let position: String
  init(_ b: BoundArguments) {
    list = b[Self.listParam]
    number = b[Self.numberParam]
    position = b[Self.positionParam]
  }
}

struct ResetArgs: CommandArguments {
  static let exerciseParam = Param(.argExercise, .exercise)
  static let yesFlag = Flag("yes", .flagYes)
  static let parameters = [exerciseParam]
  static let flags = [yesFlag]
  let exercise: String
  let yes: Bool
  init(_ b: BoundArguments) {
    exercise = b[Self.exerciseParam]
    yes = b.has(Self.yesFlag)
  }
}

struct TimerArgs: CommandArguments {
  static let actionParam = Param(
    .argTimerAction, .choice(["pause", "resume", "restart", "pausar", "pausa", "seguir", "sigue", "reanudar", "reiniciar"]), optional: true)
  static let parameters = [actionParam]
  let action: String?
  init(_ b: BoundArguments) { action = b[optional: Self.actionParam] }
}

struct OptionalDirArgs: CommandArguments {
  static let dirParam = Param(.argDir, .file, optional: true)
  static let parameters = [dirParam]
  let dir: String?
  init(_ b: BoundArguments) { dir = b[optional: Self.dirParam] }
}

/// `sin empezar` / `en curso: 3/6` / `✓ completo`.
func progressText(_ p: ExerciseProgress, _ lang: Lang) -> String {
  if p.done { return Message.progressDone.text(lang) }
  if !p.started { return Message.progressNotStarted.text(lang) }
  return Message.progressInProgress(answered: String(p.answered), total: String(p.total)).text(lang)
}
