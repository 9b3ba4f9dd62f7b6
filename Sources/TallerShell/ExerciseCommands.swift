import Foundation
import TallerCore
import TallerStore

// MARK: - Resolving names people type

/// The exercise a word names (id, number in the agenda, or a unique prefix of its title).
func findExercise(_ ctx: ShellContext, _ raw: String, lang: Lang) throws(TallerError) -> ExerciseDef {
  if let e = ctx.content.exercise(raw) { return e }
  throw .refused(
    Message(.unknownExercise, ["name": raw, "exercises": ctx.content.ordered.map(\.id).joined(separator: ", ")]))
}

/// `exercise.field` → the exercise and its top-level field.
func findField(_ ctx: ShellContext, _ path: String, lang: Lang) throws(TallerError) -> (ExerciseDef, FieldDef) {
  let parts = path.split(separator: ".", maxSplits: 1).map(String.init)
  let def = try findExercise(ctx, parts.first ?? "", lang: lang)
  let names = def.fields.map(\.id).joined(separator: ", ")
  guard parts.count == 2 else {
    throw .refused(Message(.unknownField, ["field": "", "exercise": def.id, "fields": names]))
  }
  let t = Text.fold(parts[1])
  guard let f = def.fields.first(where: { Text.fold($0.id) == t }) ?? uniquePrefix(def.fields, t) else {
    throw .refused(Message(.unknownField, ["field": parts[1], "exercise": def.id, "fields": names]))
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
    throw .refused(Message(.notAList, ["field": field.id, "exercise": def.id, "lists": lists.isEmpty ? "—" : lists]))
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
    if let s = item.values[f.id]?.stringValue, !s.isEmpty { return s }
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
      throw .refused(Message(.badAssignment, ["text": t, "fields": names]))
    }
    let key = Text.fold(String(t[..<eq]))
    guard let f = list.fields.first(where: { Text.fold($0.id) == key }) ?? uniquePrefix(list.fields, key) else {
      throw .refused(Message(.unknownField, ["field": String(t[..<eq]), "exercise": list.id, "fields": names]))
    }
    values[f.id] = try parseAnswer(ctx, teamID: teamID, field: f, raw: String(t[t.index(after: eq)...]), lang: lang)
  }
  return values
}

/// The item at a 1-based position of a list.
func itemAt(_ items: [Item], _ raw: String?, list: FieldDef, lang: Lang) throws(TallerError) -> (Int, Item) {
  let name = list.prompt.text(lang)
  guard let raw, let n = Int(raw.hasPrefix("#") ? String(raw.dropFirst()) : raw), n >= 1, n <= items.count else {
    throw .refused(Message(.noSuchItem, ["list": name, "number": raw ?? "?", "count": String(items.count)]))
  }
  return (n, items[n - 1])
}

// MARK: - Commands

private let exerciseParam = Param(.argExercise, .exercise)

extension CommandTable {
  /// The exercise commands: list, answer directly, draw, walk through, reset.
  static let exerciseCommands: [CommandSpec] = [
    CommandSpec(
      [Word("exercises", ["ejercicios"])], summary: .cmdExercises,
      run: { ctx, session, _ throws(TallerError) in
        let lang = session.lang
        var lines: [Line] = [.heading(Message(.exercisesHeader, ["agenda": ctx.content.agenda.title.text(lang)]).text(lang))]
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
      [Word("start", ["empezar", "comenzar"])], summary: .cmdStart, params: [exerciseParam],
      sitting: .always,
      run: { ctx, session, args throws(TallerError) in
        let team = try currentTeam(ctx, &session)
        let def = try findExercise(ctx, args[0] ?? "", lang: session.lang)
        return try Guide.start(ctx, &session, team: team, def: def, at: nil)
      }),
    CommandSpec(
      [Word("resume", ["continuar", "seguir"])], summary: .cmdResume, detail: .detailResume,
      params: [Param(.argSession, .text, optional: true)],
      sitting: .always,
      run: { ctx, session, args throws(TallerError) in
        let team = try currentTeam(ctx, &session)
        return try Guide.resume(ctx, &session, team: team, number: args[0])
      }),
    CommandSpec(
      [Word("show", ["ver", "mostrar"])], summary: .cmdShow, params: [Param(.argExercise, .exercise, optional: true)],
      run: { ctx, session, args throws(TallerError) in
        let team = try currentTeam(ctx, &session)
        let def: ExerciseDef
        if let raw = args[0] {
          def = try findExercise(ctx, raw, lang: session.lang)
        } else if let g = session.guided, let d = ctx.content.exercise(g.exercise) {
          def = d
        } else {
          def = try findExercise(ctx, "", lang: session.lang)
        }
        return Reply(lines: Drawings.draw(ctx, team: team, def: def, lang: session.lang))
      }),
    CommandSpec(
      [Word("set", ["poner", "responder"])], summary: .cmdSet, detail: .detailSet,
      params: [Param(.argField, .field), Param(.argValue, .text, optional: true, rest: true)],
      sitting: .ifSaved,
      run: { ctx, session, args throws(TallerError) in
        let team = try currentTeam(ctx, &session)
        let (def, field) = try findField(ctx, args[0] ?? "", lang: session.lang)
        if field.kind == .list { throw .refused(Message(.answerIsList, ["field": field.id])) }
        let value = try parseAnswer(ctx, teamID: team.id, field: field, raw: args[1] ?? "", lang: session.lang)
        try ctx.store.setAnswers(teamID: team.id, def: def, values: [field.id: value])
        return .ok(Message(value == .null ? .answerCleared : .answerSaved).text(session.lang))
      }),
    CommandSpec(
      [Word("add", ["añadir", "agregar"])], summary: .cmdAdd, detail: .detailAdd,
      params: [Param(.argList, .list), Param(.argAssignments, .assignment, rest: true)],
      sitting: .ifSaved,
      run: { ctx, session, args throws(TallerError) in
        let team = try currentTeam(ctx, &session)
        let (def, list) = try findList(ctx, args[0] ?? "", lang: session.lang)
        let values = try parseAssignments(ctx, teamID: team.id, list: list, tokens: Array(args.tokens.dropFirst()), lang: session.lang)
        for f in list.fields where f.required && (values[f.id] ?? .null) == .null {
          throw .refused(Message(.missingRequired, ["field": f.id]))
        }
        let count = try ctx.store.itemCount(teamID: team.id, exercise: def.id, list: list.id)
        if let max = list.maxItems, count >= max {
          throw .refused(Message(.listFull, ["list": list.prompt.text(session.lang), "max": String(max)]))
        }
        _ = try ctx.store.addItem(teamID: team.id, def: def, list: list.id, values: values)
        let n = try ctx.store.itemCount(teamID: team.id, exercise: def.id, list: list.id)
        return .ok(Message(.itemAdded, ["list": list.prompt.text(session.lang), "number": String(n)]).text(session.lang))
      }),
    CommandSpec(
      [Word("edit", ["editar", "cambiar"])], summary: .cmdEdit,
      params: [Param(.argList, .list), Param(.argNumber, .text), Param(.argAssignments, .assignment, rest: true)],
      sitting: .ifSaved,
      run: { ctx, session, args throws(TallerError) in
        let team = try currentTeam(ctx, &session)
        let (def, list) = try findList(ctx, args[0] ?? "", lang: session.lang)
        let items = try ctx.store.sheet(teamID: team.id, exercise: def.id).items(list.id)
        let (n, item) = try itemAt(items, args[1], list: list, lang: session.lang)
        let values = try parseAssignments(ctx, teamID: team.id, list: list, tokens: Array(args.tokens.dropFirst(2)), lang: session.lang)
        for f in list.fields where f.required && values[f.id] == .null {
          throw .refused(Message(.missingRequired, ["field": f.id]))
        }
        try ctx.store.editItem(itemID: item.id, values: values)
        return .ok(Message(.itemEdited, ["list": list.prompt.text(session.lang), "number": String(n)]).text(session.lang))
      }),
    CommandSpec(
      [Word("remove", ["borrar", "eliminar"])], summary: .cmdRemove,
      params: [Param(.argList, .list), Param(.argNumber, .text)],
      sitting: .ifSaved,
      run: { ctx, session, args throws(TallerError) in
        let team = try currentTeam(ctx, &session)
        let (def, list) = try findList(ctx, args[0] ?? "", lang: session.lang)
        let items = try ctx.store.sheet(teamID: team.id, exercise: def.id).items(list.id)
        let (n, item) = try itemAt(items, args[1], list: list, lang: session.lang)
        try ctx.store.removeItem(itemID: item.id)
        return .ok(Message(.itemRemoved, ["list": list.prompt.text(session.lang), "number": String(n)]).text(session.lang))
      }),
    CommandSpec(
      [Word("move", ["mover"])], summary: .cmdMove,
      params: [Param(.argList, .list), Param(.argNumber, .text), Param(.argPosition, .text)],
      sitting: .ifSaved,
      run: { ctx, session, args throws(TallerError) in
        let team = try currentTeam(ctx, &session)
        let (def, list) = try findList(ctx, args[0] ?? "", lang: session.lang)
        let items = try ctx.store.sheet(teamID: team.id, exercise: def.id).items(list.id)
        let (from, item) = try itemAt(items, args[1], list: list, lang: session.lang)
        let (to, _) = try itemAt(items, args[2], list: list, lang: session.lang)
        if from != to { try ctx.store.moveItem(itemID: item.id, toIndex: to - 1) }
        return .ok(
          Message(.itemMoved, ["list": list.prompt.text(session.lang), "from": String(from), "to": String(to)]).text(session.lang))
      }),
    CommandSpec(
      [Word("reset", ["reiniciar"])], summary: .cmdReset, params: [exerciseParam], flags: [Flag("yes", .flagYes)],
      sitting: .ifSaved,
      run: { ctx, session, args throws(TallerError) in
        let team = try currentTeam(ctx, &session)
        let def = try findExercise(ctx, args[0] ?? "", lang: session.lang)
        let title = def.title.text(session.lang)
        guard args.has("yes") else {
          guard ctx.interactive else { throw .refused(Message(.resetNeedsYes, ["exercise": title])) }
          var r = Reply()
          r.confirm = Confirmation(
            question: Message(.resetConfirm, ["exercise": title]).text(session.lang),
            line: "reset \(def.id) --yes", cancelled: Message(.resetCancelled).text(session.lang))
          return r
        }
        try ctx.store.resetSheet(teamID: team.id, def: def)
        if session.guided?.exercise == def.id { session.guided = nil }
        return .ok(Message(.resetDone, ["exercise": title]).text(session.lang))
      }),
    CommandSpec(
      [Word("timer", ["reloj", "tiempo"])], summary: .cmdTimer,
      params: [Param(.argTimerAction, .choice(["pause", "resume", "pausa", "sigue"]), optional: true)],
      run: { ctx, session, args throws(TallerError) in
        try Guide.timerCommand(ctx, &session, action: args[0])
      }),
    CommandSpec(
      [Word("lint", ["revisar"])], summary: .cmdLint, params: [Param(.argDir, .file, optional: true)],
      run: { ctx, session, args throws(TallerError) in
        let dir = args[0] ?? "."
        switch ContentLoader.load(directory: dir) {
        case .success(let c):
          return .ok(
            Message(.lintOK, ["dir": dir, "count": String(c.exercises.count), "agenda": c.agenda.id]).text(session.lang))
        case .failure(let f):
          throw .lint(f.issues, Message(.lintFailed, ["count": String(f.issues.count)]))
        }
      }),
  ]
}

/// `sin empezar` / `en curso: 3/6` / `✓ completo`.
func progressText(_ p: ExerciseProgress, _ lang: Lang) -> String {
  if p.done { return Message(.progressDone).text(lang) }
  if !p.started { return Message(.progressNotStarted).text(lang) }
  return Message(.progressInProgress, ["answered": String(p.answered), "total": String(p.total)]).text(lang)
}
