import Foundation
import TallerCore
import TallerStore

private let classWord = Word("class", ["clase"])
private let metricsWord = Word("metrics", ["métricas", "metricas"])

extension CommandTable {
  /// The instructor's desk (class view, grading), CX metrics and exports.
  static let deskCommands: [CommandSpec] = [
    CommandSpec(
      [classWord, Word("status", ["estado"])], summary: .cmdClassStatus, detail: .detailClassStatus,
      arguments: ClassStatusArgs.self,
      run: { ctx, session, args throws(TallerError) in try Desk.status(ctx, session, args) }),
    CommandSpec(
      [classWord, Word("show", ["ver", "mostrar"])], summary: .cmdClassShow,
      arguments: ClassShowArgs.self,
      run: { ctx, session, args throws(TallerError) in
        let (team, rest) = try Desk.leadingTeam(ctx, args.words)
        let def = try findExercise(ctx, rest.joined(separator: " "), lang: session.lang)
        return Reply(lines: Drawings.draw(ctx, team: team, def: def, lang: session.lang))
      }),
    CommandSpec(
      [Word("grade", ["calificar", "nota"])], summary: .cmdGrade, detail: .detailGrade,
      arguments: GradeArgs.self,
      run: { ctx, session, args throws(TallerError) in try Desk.grade(ctx, session, args) }),
    CommandSpec(
      [Word("grades", ["notas", "calificaciones"]), Word("publish", ["publicar"])], summary: .cmdGradesPublish,
      arguments: TeamArgs.self,
      run: { ctx, session, args throws(TallerError) in
        let team = try findTeam(ctx, named: args.team)
        try ctx.store.publishGrades(teamID: team.id)
        return .ok(Message.gradesPublishedTo(team: team.name).text(session.lang))
      }),
    CommandSpec(
      [Word("grades", ["notas", "calificaciones"])], summary: .cmdGrades, detail: .detailGrades,
      arguments: GradesArgs.self,
      run: { ctx, session, args throws(TallerError) in try Desk.grades(ctx, &session, args) }),
    CommandSpec(
      [metricsWord, Word("import", ["importar"])], summary: .cmdMetricsImport, detail: .detailMetricsImport,
      arguments: MetricsImportArgs.self,
      sitting: .ifSaved,
      run: { ctx, session, args throws(TallerError) in try Desk.importMetrics(ctx, &session, args) }),
    CommandSpec(
      [metricsWord, Word("show", ["ver", "mostrar"])], summary: .cmdMetrics, detail: .detailMetrics,
      run: { ctx, session, _ throws(TallerError) in try Desk.metrics(ctx, &session) }),
    CommandSpec(
      [Word("export", ["exportar"])], summary: .cmdExport, detail: .detailExport,
      arguments: ExportFileArgs.self,
      run: { ctx, session, args throws(TallerError) in try Desk.export(ctx, &session, args) }),
  ]
}

enum Desk {
  /// The teams a class command covers: the class this laptop teaches (if any), else every team.
  static func classTeams(_ ctx: ShellContext) throws(TallerError) -> [Team] {
    let teams = try ctx.store.teams()
    guard let mine = try ctx.store.classes().first(where: { $0.mine }) else { return teams }
    return teams.filter { mine.teams.contains($0.id) }
  }

  static func status(_ ctx: ShellContext, _ session: Session, _ args: ClassStatusArgs) throws(TallerError) -> Reply {
    try ctx.store.inOneRead { () throws(TallerError) -> Reply in try statusInOneRead(ctx, session, args) }
  }

  static func statusInOneRead(_ ctx: ShellContext, _ session: Session, _ args: ClassStatusArgs) throws(TallerError) -> Reply {
    let lang = session.lang
    var teams = try classTeams(ctx)
    if let name = args.team {
      let t = try findTeam(ctx, named: name)
      teams = [t]
    }
    var defs = ctx.content.ordered
    if let ex = args.exercise { defs = [try findExercise(ctx, ex, lang: lang)] }
    if teams.isEmpty { return .text(Message.teamNone.text(lang)) }
    let conflicts = try ctx.store.conflicts()
    var perTeam: [String: Int] = [:]
    for c in conflicts { if let t = try ctx.store.team(of: c.entity) { perTeam[t, default: 0] += 1 } }
    let waiting = try ctx.store.waiting().count
    var header = [Message.reportTeam.text(lang)]
    header += defs.map { d in
      let i = (ctx.content.ordered.firstIndex { $0.id == d.id } ?? 0) + 1
      return defs.count == 1 ? d.title.text(lang) : String(i)
    }
    header += [Message.statusLast.text(lang), Message.statusConflicts.text(lang)]
    var rows: [[String]] = []
    // Sorted by name (default), by progress (most done first) or by last activity (latest first).
    var progress: [String: Int] = [:]
    let lastChange = try ctx.store.lastChanges()
    // Each team's progress in each exercise, worked out once for the sort and the table.
    var cells: [String: [ExerciseProgress]] = [:]
    for t in teams {
      let each = try defs.map { d throws(TallerError) in ExerciseProgress(sheet: try ctx.store.sheet(teamID: t.id, exercise: d.id), def: d)
      }
      cells[t.id] = each
      progress[t.id] = each.reduce(0) { $0 + $1.answered }
    }
    switch args.sort.map(Text.fold) {
    case nil, "name"?, "nombre"?: break
    case "progress"?, "progreso"?, "avance"?:
      teams.sort {
        (progress[$0.id] ?? 0) != (progress[$1.id] ?? 0)
          ? (progress[$0.id] ?? 0) > (progress[$1.id] ?? 0) : Text.naturallyBefore(($0.name, $0.id), ($1.name, $1.id))
      }
    case "activity"?, "actividad"?, "last"?, "ultimo"?: teams.sort { (lastChange[$0.id] ?? 0) > (lastChange[$1.id] ?? 0) }
    case let other?: throw .refused(Message.sortUnknown(key: other, keys: "name, progress, activity"))
    }
    for t in teams {
      var row = [t.name]
      for p in cells[t.id] ?? [] { row.append(p.done ? "✓" : !p.started ? "—" : "\(p.answered)/\(p.total)") }
      let last = lastChange[t.id].flatMap { $0 == 0 ? nil : $0 }
      row.append(last.map { SessionView.weekdayDate($0, ctx, lang) + "\n" + Clock.time($0, zone: ctx.timeZone) } ?? "—")
      row.append(String(perTeam[t.id] ?? 0))
      rows.append(row)
    }
    var lines: [Line] = [
      .heading(Message.classStatusTitle(count: String(teams.count)).text(lang)),
      .table(TableSpec(header: header, rows: rows)),
    ]
    if defs.count > 1 {
      let legend = defs.enumerated().map { "\($0.offset + 1) \($0.element.title.text(lang))" }.joined(separator: " · ")
      lines.append(.dim(legend))
    }
    lines.append(.dim(Message.classStatusLegend(waiting: String(waiting)).text(lang)))
    return Reply(lines: lines)
  }

  /// What counts toward the course's grade, for messages: `participacion (20%), journey (15%:
  /// mapa-viaje), …`.
  static func countingItems(_ ctx: ShellContext) -> String {
    ctx.content.agenda.grading.map { item in
      item.exercises.isEmpty ? "\(item.id) (\(item.weight)%)" : "\(item.id) (\(item.weight)%: \(item.exercises.joined(separator: ", ")))"
    }.joined(separator: "; ")
  }

  /// A grade key: a grading item of the agenda, or an exercise that one of them is made of. An
  /// exercise that counts toward no item (the brand dynamic) is refused with what counts.
  static func gradeKey(_ ctx: ShellContext, _ raw: String, lang: Lang) throws(TallerError) -> (
    key: String, title: String, rubric: [Localized]
  ) {
    let agenda = ctx.content.agenda
    if let item = agenda.grading.first(where: { Text.fold($0.id) == Text.fold(raw) }) {
      let rubric = item.exercises.flatMap { e in agenda.exercises.first { $0.exercise == e }?.rubric ?? [] }
      return (item.id, item.title.text(lang), rubric)
    }
    if let def = ctx.content.exercise(raw) {
      guard agenda.grading.contains(where: { $0.exercises.contains(def.id) }) else {
        throw .refused(Message.gradeNoWeight(items: countingItems(ctx), key: def.id))
      }
      return (def.id, def.title.text(lang), agenda.exercises.first { $0.exercise == def.id }?.rubric ?? [])
    }
    let keys = agenda.grading.map(\.id) + agenda.grading.flatMap(\.exercises)
    let close = Text.suggestions(for: raw, among: keys)
    if !close.isEmpty {
      throw .refused(Message.gradeUnknownSuggest(items: countingItems(ctx), key: raw, suggestions: close.joined(separator: ", ")))
    }
    throw .refused(Message.gradeUnknownKey(key: raw, keys: keys.joined(separator: ", ")))
  }

  /// A team named by the first words of `tokens` (names with spaces need no quotes), and the
  /// words after it. A name that is no team's, but close to one (a typo), is refused with the
  /// teams it may have meant — never taken for one.
  static func leadingTeam(_ ctx: ShellContext, _ tokens: [String]) throws(TallerError) -> (Team, [String]) {
    let teams = try ctx.store.teams()
    if let found = leading(tokens, among: teams, name: \.name) { return found }
    for k in stride(from: min(tokens.count, 6), through: 1, by: -1) {
      let name = tokens[0..<k].joined(separator: " ")
      if let suggestion = teamSuggestion(name, among: teams) { throw .refused(suggestion) }
    }
    return (try findTeam(ctx, named: tokens.first ?? ""), Array(tokens.dropFirst()))
  }

  /// The one of `items` named by the first words of `tokens` (the longest run of words that is
  /// a name, ignoring case and accents; else a unique prefix of one word: `calificar Incas …`),
  /// and the words after it.
  static func leading<T>(_ tokens: [String], among items: [T], name: (T) -> String) -> (T, [String])? {
    for k in stride(from: tokens.count, through: 1, by: -1) {
      let typed = tokens[0..<k].joined(separator: " ")
      if let found = items.first(where: { Names.same(name($0), typed) }) { return (found, Array(tokens[k...])) }
    }
    if let first = tokens.first {
      let prefix = items.filter { Text.fold(name($0)).hasPrefix(Text.fold(first)) }
      if prefix.count == 1 { return (prefix[0], Array(tokens.dropFirst())) }
    }
    return nil
  }

  /// Each member's participation: their own grade, or the proposal from attendance.
  static func studentParticipation(_ ctx: ShellContext, team: Team, grades: [String: Grade], sessions: [WorkSession]) -> [(
    member: Member, attendance: Attendance?, tenths: Int?, proposed: Bool, own: Bool
  )] {
    guard let item = GradeMath.participationItem(ctx.content.agenda) else { return [] }
    let attendance = Attendance.of(team: team, sessions: sessions)
    return team.members.map { m in
      let a = attendance.first { $0.memberID == m.id }
      let own = grades[GradeMath.studentKey(item.id, member: m.id)]?.tenths
      let (t, proposed) = GradeMath.studentParticipation(
        team: grades[item.id]?.tenths, own: own, attended: a?.attended ?? 0, total: a?.total ?? 0, max: ctx.content.agenda.scaleMax)
      return (m, a, t, proposed, own != nil)
    }
  }

  static func grade(_ ctx: ShellContext, _ session: Session, _ args: GradeArgs) throws(TallerError) -> Reply {
    let lang = session.lang
    // The words before `--alumno`/`--student`, and those after it (a member's name, then
    // perhaps the score and a comment).
    var words = args.words
    var studentWords: [String]?
    if let i = words.firstIndex(where: { ["--alumno", "--student"].contains(Text.fold($0)) }) {
      studentWords = Array(words[(i + 1)...])
      words = Array(words[..<i])
    }
    let (team, before) = try leadingTeam(ctx, words)
    var rest = before
    let usage = lang == .es ? "calificar EQUIPO RUBRO [NOTA] [COMENTARIO]" : "grade TEAM ITEM [SCORE] [COMMENT]"
    guard let keyWord = rest.first else {
      throw .refused(Message.missingArgument(argument: Message.argGradeKey.text(lang), usage: usage))
    }
    let (key, title, rubric) = try gradeKey(ctx, keyWord, lang: lang)
    let max = ctx.content.agenda.scaleMax
    var student: Member?
    if let studentWords {
      guard let item = GradeMath.participationItem(ctx.content.agenda), item.id == key else {
        throw .refused(Message.gradeStudentOnlyParticipation(item: GradeMath.participationItem(ctx.content.agenda)?.id ?? "—"))
      }
      guard let (m, after) = leading(studentWords, among: team.members, name: \.name) else {
        // The name typed: the words before the score.
        let typed = studentWords.prefix { GradeMath.parse($0, max: max) == nil }.joined(separator: " ")
        throw .refused(
          Message.gradeStudentNotFound(members: team.members.map(\.name).joined(separator: ", "), student: typed, team: team.name))
      }
      student = m
      rest += after
    }
    let comment = rest.count > 2 ? rest[2...].joined(separator: " ") : nil
    guard let raw = rest.dropFirst().first else {
      // No score: what the grade is judged by, and what it is now.
      var lines: [Line] = [.heading("\(team.name) · \(title)")]
      if rubric.isEmpty { lines.append(.dim(Message.gradeNoRubric.text(lang))) }
      for r in rubric { lines.append(.item(r.text(lang), note: nil)) }
      let grades = try ctx.store.grades(teamID: team.id)
      if let g = grades[key] {
        lines.append(
          .text(Message.gradeNow(comment: g.comment ?? "", max: String(max), score: GradeMath.text(g.tenths)).text(lang)))
      }
      // Participation: each student's, proposed from attendance unless given.
      if GradeMath.participationItem(ctx.content.agenda)?.id == key, !team.members.isEmpty {
        let sessions = try ctx.store.allSessions()[team.id] ?? []
        let rows = studentParticipation(ctx, team: team, grades: grades, sessions: sessions)
        let total = rows.first?.attendance?.total ?? 0
        lines.append(.heading(Message.gradeStudentsHeader(total: String(total)).text(lang)))
        let header = Message.gradeStudentsColumns.text(lang).split(separator: ";").map(String.init)
        lines.append(
          .table(
            TableSpec(
              header: header,
              rows: rows.map { r in
                [
                  r.member.name, r.attendance.map { "\($0.attended)/\($0.total)" } ?? "—", r.tenths.map(GradeMath.text) ?? "—",
                  (r.own ? Message.gradeFromOwn : r.proposed ? Message.gradeFromProposed : Message.gradeFromTeam).text(lang),
                ]
              })))
        lines.append(.dim(Message.gradeStudentsHint(item: key, team: team.name).text(lang)))
      }
      return Reply(lines: lines)
    }
    guard let tenths = GradeMath.parse(raw, max: max) else {
      throw .refused(Message.gradeBadScore(max: String(max), score: raw))
    }
    if let student {
      try ctx.store.setGrade(teamID: team.id, key: GradeMath.studentKey(key, member: student.id), tenths: tenths, comment: comment)
      return .ok(
        Message.gradeSavedStudent(item: title, max: String(max), score: GradeMath.text(tenths), student: student.name, team: team.name)
          .text(lang))
    }
    try ctx.store.setGrade(teamID: team.id, key: key, tenths: tenths, comment: comment)
    return .ok(Message.gradeSaved(item: title, max: String(max), score: GradeMath.text(tenths), team: team.name).text(lang))
  }

  static func grades(_ ctx: ShellContext, _ session: inout Session, _ args: GradesArgs) throws(TallerError) -> Reply {
    let lang = session.lang
    // The instructor sees the class; a team sees its own grades (read-only feedback).
    var teams = try classTeams(ctx)
    let teaches = try ctx.store.classes().contains { $0.mine }
    if !teaches, let id = session.teamID, let t = try ctx.store.team(id: id) { teams = [t] }
    if args.csv {
      let text = try Reports.gradesCSV(ctx, teams: teams, lang: lang)
      guard let file = args.file, file != "-" else { return Reply(raw: text) }
      try FileOutput.write(text, to: file, force: args.force)
      return .ok(Message.exportWritten(file: file).text(lang))
    }
    // A team laptop whose instructor has published nothing yet: no empty table, just the word.
    if !teaches, teams.count == 1, try ctx.store.grades(teamID: teams[0].id).isEmpty {
      return .text(Message.gradesNoneYet.text(lang))
    }
    let agenda = ctx.content.agenda
    var header = [Message.reportTeam.text(lang)]
    header += agenda.grading.map { "\($0.id)\n\($0.weight)%" }
    header.append(Message.reportFinal.text(lang))
    var rows: [[String]] = []
    var comments: [Line] = []
    for t in teams {
      let g = try ctx.store.grades(teamID: t.id)
      let tenths = g.mapValues(\.tenths)
      let items = GradeMath.items(agenda, grades: tenths)
      let final = GradeMath.final(agenda, grades: tenths)
      var row = [t.name] + agenda.grading.map { (items[$0.id] ?? nil).map(GradeMath.text) ?? "—" }
      row.append(final.complete ? GradeMath.text(final.tenths) : Message.gradePartial(score: GradeMath.text(final.tenths)).text(lang))
      rows.append(row)
      for (k, grade) in g.sorted(by: { $0.key < $1.key }) where grade.comment != nil && !k.contains("@") {
        comments.append(.item("\(t.name) · \(k): \(grade.comment ?? "")", note: nil))
      }
    }
    var lines: [Line] = [
      .heading(Message.gradesTitle(max: String(agenda.scaleMax)).text(lang)), .table(TableSpec(header: header, rows: rows)),
    ]
    lines.append(.dim(agenda.grading.map { "\($0.id): \($0.title.text(lang))" }.joined(separator: " · ")))
    lines.append(.dim(Message.gradesLegend.text(lang)))
    lines += comments
    // A team laptop: the grades its instructor published, or word that none came yet.
    if !teaches, teams.count == 1 {
      if let at = try ctx.store.gradesPublished(teamID: teams[0].id) {
        lines.append(.dim(Message.gradesReceived(date: SyncFiles.when(at)).text(lang)))
      }
    }
    return Reply(lines: lines)
  }

  // MARK: Metrics

  static func importMetrics(_ ctx: ShellContext, _ session: inout Session, _ args: MetricsImportArgs) throws(TallerError) -> Reply {
    let lang = session.lang
    let team = try currentTeam(ctx, &session)
    let path = args.file
    let data = try FileInput.read(path, lang: lang)
    guard let text = String(data: data, encoding: .utf8) ?? String(data: data, encoding: .isoLatin1) else {
      throw .file(Message.metricsNotText(file: path))
    }
    var scale = 5
    if let s = args.cesScale {
      guard let n = Int(s), n == 5 || n == 7 else { throw .refused(Message.metricsBadScale(scale: s)) }
      scale = n
    }
    let rows = CSV.parse(text)
    guard let header = rows.first else { throw .refused(Message.metricsEmpty(file: path)) }
    func column(_ names: [String]) -> Int? {
      header.cells.firstIndex { cell in names.contains { Text.fold(cell).contains($0) } }
    }
    let nps = column(["nps", "recomend"])
    let ces = column(["ces", "esfuerzo", "effort"])
    let csat = column(["csat", "satisfac"])
    let point = column(["punto", "touchpoint", "etapa", "stage", "canal", "channel"])
    guard nps != nil || ces != nil || csat != nil else {
      throw .refused(Message.metricsNoColumns(columns: header.cells.joined(separator: ", "), file: path))
    }
    var good: [(String, Int, SurveyResponse)] = []
    var problems: [String] = []
    let source = (path as NSString).lastPathComponent
    for row in rows.dropFirst() {
      func number(_ i: Int?, _ range: ClosedRange<Int>, _ name: String) -> (Int?, String?) {
        guard let i, i < row.cells.count else { return (nil, nil) }
        let raw = row.cells[i].trimmingCharacters(in: .whitespaces)
        if raw.isEmpty { return (nil, nil) }
        guard let n = Int(raw), range.contains(n) else {
          return (
            nil,
            Message.metricsBadValue(column: name, max: String(range.upperBound), min: String(range.lowerBound), value: raw)
              .text(lang)
          )
        }
        return (n, nil)
      }
      let (n, e1) = number(nps, 0...10, "NPS")
      let (c, e2) = number(ces, 1...scale, "CES")
      let (s, e3) = number(csat, 1...5, "CSAT")
      if let e = e1 ?? e2 ?? e3 {
        problems.append(Message.lineError(line: String(row.line), message: e).text(lang))
        continue
      }
      if n == nil && c == nil && s == nil { continue }
      let p = point.flatMap { $0 < row.cells.count ? Text.clean(row.cells[$0]) : nil }.flatMap { $0.isEmpty ? nil : $0 }
      good.append((source, row.line, SurveyResponse(nps: n, ces: c, cesScale: scale, csat: s, point: p)))
    }
    let added = try ctx.store.addResponses(teamID: team.id, good)
    var reply = Reply(lines: [
      .success(
        Message.metricsImported(bad: String(problems.count), count: String(added), skipped: String(good.count - added)).text(lang)
      )
    ])
    reply.errors = problems.map { source + ": " + $0 }
    return reply
  }

  static func metrics(_ ctx: ShellContext, _ session: inout Session) throws(TallerError) -> Reply {
    let lang = session.lang
    let team = try currentTeam(ctx, &session)
    let all = try ctx.store.responses(teamID: team.id)
    var lines: [Line] = [.heading(Message.metricsTitle(team: team.name).text(lang))]
    if all.isEmpty {
      lines.append(.text(Message.metricsNone.text(lang)))
    } else {
      var groups: [(String, [SurveyResponse])] = [(Message.metricsOverall.text(lang), all)]
      let points = Array(Set(all.compactMap(\.point))).sorted { Text.fold($0) < Text.fold($1) }
      for p in points { groups.append((p, all.filter { $0.point == p })) }
      let header = [Message.metricsWhere.text(lang), Message.metricsCount.text(lang), "NPS", "CES", "CSAT %"]
      let rows = groups.map { name, rs -> [String] in
        let m = MetricsSummary(rs)
        let nps = m.nps.map { "\($0 > 0 ? "+" : "")\($0)\n(\(m.promoters)·\(m.passives)·\(m.detractors))" } ?? "—"
        let ces = m.cesTenths.sorted { $0.key < $1.key }.map { "\(GradeMath.text($0.value)) / 1–\($0.key)" }.joined(separator: "\n")
        let csat = m.csat.map { "\($0)% (\(m.csatCount))" } ?? "—"
        return [name, String(m.responses), nps, ces.isEmpty ? "—" : ces, csat]
      }
      lines.append(.table(TableSpec(header: header, rows: rows)))
    }
    // S = R − E from the moments of truth.
    if let mot = ctx.content.ordered.first(where: { $0.drawing == .mot }), let list = mot.fields.first(where: { $0.kind == .list }) {
      let items = try ctx.store.sheet(teamID: team.id, exercise: mot.id).items(list.id)
      let scored = items.compactMap { i -> Int? in
        guard let e = i.values["expectativa"]?.intValue, let r = i.values["desempeno"]?.intValue else { return nil }
        return Int(r - e)
      }
      if !scored.isEmpty {
        let mean = MetricsSummary.rounded(Double(scored.reduce(0, +) * 10) / Double(scored.count))
        let text = (mean > 0 ? "+" : mean < 0 ? "−" : "") + GradeMath.text(abs(mean))
        lines.append(.text(Message.metricsSatisfaction(count: String(scored.count), mean: text).text(lang)))
      }
    }
    lines.append(.dim(Message.metricsFormulas.text(lang)))
    return Reply(lines: lines)
  }

  // MARK: Exports

  static func export(_ ctx: ShellContext, _ session: inout Session, _ args: ExportFileArgs) throws(TallerError) -> Reply {
    let lang = session.lang
    let format = args.format.lowercased()
    guard Reports.formats.contains(format) else {
      throw .refused(Message.exportFormatUnknown(format: args.format, formats: Reports.formats.joined(separator: ", ")))
    }
    // The teams, the class and every sheet read in one snapshot.
    return try ctx.store.inOneRead { () throws(TallerError) -> Reply in
      var teams: [Team]?
      if args.wholeClass {
        teams = try classTeams(ctx)
      } else if let name = args.team {
        teams = [try findTeam(ctx, named: name)]
      } else if format != "json" || session.teamID != nil {
        teams = [try currentTeam(ctx, &session)]
      }
      return try write(ctx, session, format: format, teams: teams, chosen: teams ?? [], args: args, lang: lang)
    }
  }

  /// What a class report opens with: what the instructor's `class status` and `grades` show.
  static func classFront(_ ctx: ShellContext, _ session: Session, _ args: ExportFileArgs, lang: Lang) throws(TallerError)
    -> Reports.ClassFront?
  {
    guard args.wholeClass else { return nil }
    var session = session
    session.teamID = nil  // every team of the class, not the one this laptop works on
    let status = try statusInOneRead(ctx, session, ClassStatusArgs(team: nil, exercise: nil, sort: nil))
    let grades = try grades(ctx, &session, GradesArgs(file: nil, csv: false, force: false))
    let name = try ctx.store.classes().first { $0.mine }?.name
    return Reports.ClassFront(
      title: name ?? ctx.content.agenda.title.text(lang),
      chapters: [
        .init(id: "estado", name: Message.reportClassStatus.text(lang), reply: status.lines, keepName: true),
        .init(id: "notas", name: Message.reportGrades.text(lang), reply: grades.lines),
      ])
  }

  static func write(
    _ ctx: ShellContext, _ session: Session, format: String, teams: [Team]?, chosen: [Team], args: ExportFileArgs, lang: Lang
  ) throws(TallerError) -> Reply {
    let text: String
    switch format {
    case "md": text = Reports.markdown(ctx, teams: chosen, lang: lang, front: try classFront(ctx, session, args, lang: lang))
    case "html": text = Reports.html(ctx, teams: chosen, lang: lang, front: try classFront(ctx, session, args, lang: lang))
    case "mermaid":
      guard chosen.count == 1 else { throw .refused(Message.exportOneTeam) }
      text = try Reports.mermaid(ctx, team: chosen[0], lang: lang)
    case "json": text = try Reports.json(ctx, teams: args.wholeClass || teams == nil ? nil : teams)
    default:
      // CSV: one file per list, into a folder.
      let dir = args.file ?? (chosen.count == 1 ? "taller-" + SafeName.slug(chosen[0].name) : "taller-clase")
      try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
      var written: [String] = []
      for (name, body) in try Reports.csv(ctx, teams: chosen, lang: lang) {
        let path = (dir as NSString).appendingPathComponent(name)
        try FileOutput.write(body, to: path, force: args.force)
        written.append(path)
      }
      return .ok(Message.exportWrittenMany(count: String(written.count), dir: dir).text(lang))
    }
    // A page of HTML is a file, never a screenful of markup: without a name it goes to
    // TEAM.html in the current folder (`-` writes it to the output).
    var target = args.file
    if format == "html" && target == nil { target = (chosen.count == 1 ? SafeName.slug(chosen[0].name) : "taller-clase") + ".html" }
    guard let file = target, file != "-" else { return Reply(raw: text) }
    try FileOutput.write(text, to: file, force: args.force)
    return .ok(Message.exportWritten(file: file).text(lang))
  }
}

struct ClassStatusArgs: CommandArguments {
  static let teamFlag = Flag("team", .flagTeamName, value: .argName)
  static let exerciseFlag = Flag("exercise", .flagExercise, value: .argExercise)
  static let sortFlag = Flag("sort", .flagSort, value: .argSortKey)
  static let flags = [teamFlag, exerciseFlag, sortFlag]
  let team: String?
  let exercise: String?
  let sort: String?
  init(team: String?, exercise: String?, sort: String?) {
    self.team = team
    self.exercise = exercise
    self.sort = sort
  }
  init(_ b: BoundArguments) {
    team = b.value(Self.teamFlag)
    exercise = b.value(Self.exerciseFlag)
    sort = b.value(Self.sortFlag)
  }
}

struct ClassShowArgs: CommandArguments {
  static let teamParam = Param(.argName, .team)
  static let exerciseParam = Param(.argExercise, .exercise, rest: true)
  static let parameters = [teamParam, exerciseParam]
  /// The team's name (which may hold spaces) and the exercise, as typed.
  let words: [String]
  init(_ b: BoundArguments) { words = b.tokens }
}

struct GradeArgs: CommandArguments {
  static let teamParam = Param(.argTeam, .team)
  static let keyParam = Param(.argGradeKey, .text)
  static let scoreParam = Param(.argScore, .text, optional: true)
  static let commentParam = Param(.argComment, .text, optional: true, rest: true)
  static let parameters = [teamParam, keyParam, scoreParam, commentParam]
  static let studentFlag = Flag("student", .flagStudent, value: .argStudent, spanish: "alumno")
  static let flags = [studentFlag]
  /// The team's name (which may hold spaces), the grading item, the score and a comment (and,
  /// after `--alumno`, a student's name: the handler splits the words itself).
  let words: [String]
  init(_ b: BoundArguments) { words = b.tokens }
}

struct GradesArgs: CommandArguments {
  static let fileParam = Param(.argFile, .file, optional: true)
  static let csvFlag = Flag("csv", .flagCSV)
  static let forceFlag = Flag("force", .flagForce)
  static let parameters = [fileParam]
  static let flags = [csvFlag, forceFlag]
  let file: String?
  let csv: Bool
  let force: Bool
  init(file: String?, csv: Bool, force: Bool) {
    self.file = file
    self.csv = csv
    self.force = force
  }
  init(_ b: BoundArguments) {
    file = b[optional: Self.fileParam]
    csv = b.has(Self.csvFlag)
    force = b.has(Self.forceFlag)
  }
}

struct MetricsImportArgs: CommandArguments {
  static let fileParam = Param(.argFile, .file)
  static let cesFlag = Flag("ces", .flagCESScale, value: .argScale)
  static let parameters = [fileParam]
  static let flags = [cesFlag]
  let file: String
  let cesScale: String?
  init(_ b: BoundArguments) {
    file = b[Self.fileParam]
    cesScale = b.value(Self.cesFlag)
  }
}

struct ExportFileArgs: CommandArguments {
  static let formatParam = Param(.argFormat, .choice(Reports.formats))
  static let fileParam = Param(.argFile, .file, optional: true)
  static let teamFlag = Flag("team", .flagTeamName, value: .argName)
  static let classFlag = Flag("class", .flagClass)
  static let forceFlag = Flag("force", .flagForce)
  static let parameters = [formatParam, fileParam]
  static let flags = [teamFlag, classFlag, forceFlag]
  let format: String
  let file: String?
  let team: String?
  let wholeClass: Bool
  let force: Bool
  init(_ b: BoundArguments) {
    format = b[Self.formatParam]
    file = b[optional: Self.fileParam]
    team = b.value(Self.teamFlag)
    wholeClass = b.has(Self.classFlag)
    force = b.has(Self.forceFlag)
  }
}
