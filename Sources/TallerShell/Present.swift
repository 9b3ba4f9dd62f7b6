import Foundation
import TallerCore
import TallerStore

extension CommandTable {
  /// Presentation mode and the comparison of journeys.
  static let presentCommands: [CommandSpec] = [
    CommandSpec(
      [Word("present", ["presentar"])], summary: .cmdPresent, arguments: PresentationArgs.self,
      run: { ctx, session, args throws(TallerError) in try Presentation.run(ctx, session, args) }),
    CommandSpec(
      [Word("compare", ["comparar"])], summary: .cmdCompare, arguments: CompareArgs.self,
      run: { ctx, session, args throws(TallerError) in try Presentation.compare(ctx, session, args) }),
  ]
}

/// `presentar [EQUIPO] [--ejercicio ID]`.
struct PresentationArgs: CommandArguments {
  static let teamParam = Param(.argTeam, .team, optional: true, rest: true)
  static let exerciseFlag = Flag("exercise", .flagExercisePresent, value: .argExercise, spanish: "ejercicio")
  static let parameters = [teamParam]
  static let flags = [exerciseFlag]
  let team: String?
  let exercise: String?
  init(_ b: BoundArguments) {
    team = b[optional: Self.teamParam]
    exercise = b.value(Self.exerciseFlag)
  }
}

/// `comparar EJERCICIO`.
struct CompareArgs: CommandArguments {
  static let exerciseParam = Param(.argExercise, .exercise)
  static let parameters = [exerciseParam]
  let exercise: String
  init(_ b: BoundArguments) { exercise = b[Self.exerciseParam] }
}

/// The teams' work, one after the other, full screen at the projector: each with a five-minute
/// story timer (the brand dynamic's «Historia: 5 min»), its answers hidden until the instructor
/// reveals them.
enum Presentation {
  static let storyMinutes = 5

  final class State: @unchecked Sendable {
    let lock = NSLock()
    var index: Int
    var shownAt: Int64
    var revealed = false
    init(index: Int, now: Int64) {
      self.index = index
      shownAt = now
    }
  }

  static func run(_ ctx: ShellContext, _ session: Session, _ args: PresentationArgs) throws(TallerError) -> Reply {
    let lang = session.lang
    let def = try args.exercise.map { e throws(TallerError) in try findExercise(ctx, e, lang: lang) } ?? ctx.content.ordered[0]
    var teams = try Desk.classTeams(ctx).sorted { Text.naturallyBefore(($0.name, $0.id), ($1.name, $1.id)) }
    if teams.isEmpty { return .text(Message.presentNone.text(lang)) }
    var start = 0
    if let name = args.team {
      let t = try findTeam(ctx, named: name)
      if let i = teams.firstIndex(where: { $0.id == t.id }) { start = i } else { teams.insert(t, at: 0) }
    }
    guard let show = ctx.board else {
      // A script: every team's work, revealed, one after the other.
      var lines: [Line] = []
      for t in teams.dropFirst(start) + teams.prefix(start) { lines += Drawings.draw(ctx, team: t, def: def, lang: lang) }
      return Reply(lines: lines)
    }
    let state = State(index: start, now: ctx.now())
    let all = teams
    let unicode = ctx.unicode
    show(
      BoardRequest(
        frame: { columns, rows in
          let (index, shownAt, revealed) = state.lock.withLock { (state.index, state.shownAt, state.revealed) }
          return frame(
            ctx, teams: all, def: def, index: index, shownAt: shownAt, revealed: revealed, width: columns, height: rows, lang: lang,
            unicode: unicode)
        },
        key: { key in
          state.lock.withLock {
            switch key {
            case .next, .previous:
              state.index = (state.index + (key == .next ? 1 : all.count - 1)) % all.count
              state.shownAt = ctx.now()
              state.revealed = false
            case .reveal: state.revealed = true
            }
          }
        }))
    return .text(Message.presentClosed.text(lang))
  }

  /// One team's page.
  static func frame(
    _ ctx: ShellContext, teams: [Team], def: ExerciseDef, index: Int, shownAt: Int64, revealed: Bool, width rawWidth: Int, height: Int,
    lang: Lang, unicode: Bool
  ) -> [String] {
    let width = max(30, rawWidth)
    let now = ctx.now()
    let team = teams[index]
    var lines: [String] = []
    let wall = Clock.time(now, zone: ctx.timeZone)
    let title = " " + Message.presentTitle(count: String(teams.count), exercise: def.title.text(lang), index: String(index + 1)).text(lang)
    lines.append(Board.fit(title, width - wall.count - 1) + wall + " ")
    lines.append(String(repeating: unicode ? "─" : "-", count: width))
    lines.append(Board.centered(team.name.uppercased(), width))
    let left = Int64(storyMinutes) * 60_000 - (now - shownAt)
    let story =
      left > 0
      ? Message.presentStory(left: Guide.clock(left), minutes: String(storyMinutes)) : Message.presentTimeUp(minutes: String(storyMinutes))
    let footer = Board.fit(" " + Message.presentKeys.text(lang), width)
    if !revealed {
      // Hidden: the story timer large, and how to reveal.
      lines.append(String(repeating: " ", count: width))
      if height - lines.count >= 10 {
        for row in Board.large(
          left > 0 ? Guide.clock(left) : "00:00", scale: height >= 40 && width >= 120 ? 2 : 1, ink: unicode ? "█" : "#")
        {
          lines.append(Board.centered(row, width))
        }
      }
      lines.append(Board.centered(story.text(lang).uppercased(), width))
      lines.append(String(repeating: " ", count: width))
      lines.append(Board.centered(Message.presentHidden.text(lang), width))
    } else {
      lines.append(Board.centered(story.text(lang).uppercased(), width))
      let drawing = Renderer(style: Style(color: false, unicode: unicode, width: width)).render(
        Reply(lines: Array(Drawings.draw(ctx, team: team, def: def, lang: lang).dropFirst())))
      var body = drawing.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      while body.last?.isEmpty == true { body.removeLast() }
      let room = max(1, height - lines.count - 1)
      if body.count > room {
        let more = body.count - room + 1
        body = Array(body.prefix(room - 1)) + [Message.presentMore(count: String(more)).text(lang)]
      }
      lines += body.map { Board.fit($0, width) }
    }
    while lines.count < height - 1 { lines.append(String(repeating: " ", count: width)) }
    lines = Array(lines.prefix(height - 1))
    lines.append(footer)
    return lines.map { Board.fit($0, width) }
  }

  /// The teams' emotion curves, stage by stage, in one table: a row per emotion (+2 … −2), a
  /// column per stage, each team a letter; the mean of each stage below.
  static func compare(_ ctx: ShellContext, _ session: Session, _ args: CompareArgs) throws(TallerError) -> Reply {
    let lang = session.lang
    let def = try findExercise(ctx, args.exercise, lang: lang)
    let journeys = ctx.content.ordered.filter { $0.drawing == .journey }
    guard def.drawing == .journey, let list = def.fields.first(where: { $0.kind == .list }) else {
      throw .refused(Message.compareOnlyJourney(exercises: journeys.map(\.id).joined(separator: ", ")))
    }
    let teams = try Desk.classTeams(ctx).sorted { Text.naturallyBefore(($0.name, $0.id), ($1.name, $1.id)) }
    var curves: [(letter: String, team: Team, emotions: [Int?], names: [String])] = []
    let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ").map(String.init)
    for t in teams {
      let items = try ctx.store.sheet(teamID: t.id, exercise: def.id).items(list.id)
      let emotions = items.map { $0.values["emocion"]?.intValue.map(Int.init) }
      guard emotions.contains(where: { $0 != nil }) else { continue }
      let i = curves.count
      curves.append(
        (
          i < letters.count ? letters[i] : "\(letters[i % letters.count])\(i / letters.count)", t, emotions,
          items.map { $0.values["nombre"]?.stringValue ?? "" }
        ))
    }
    if curves.isEmpty { return .text(Message.compareNone.text(lang)) }
    // The stages some team gave an emotion, by position; named when every such team names it alike.
    let stages = (0..<(curves.map(\.emotions.count).max() ?? 0)).filter { s in
      curves.contains { s < $0.emotions.count && $0.emotions[s] != nil }
    }
    var rows: [[String]] = []
    for level in stride(from: 2, through: -2, by: -1) {
      var row = [level > 0 ? "+\(level)" : String(level)]
      for s in stages {
        row.append(curves.filter { s < $0.emotions.count && $0.emotions[s] == level }.map(\.letter).joined())
      }
      rows.append(row)
    }
    var mean = [Message.compareMean.text(lang)]
    for s in stages {
      let values = curves.compactMap { s < $0.emotions.count ? $0.emotions[s] : nil }
      mean.append(values.isEmpty ? "—" : String(format: "%+.1f", Double(values.reduce(0, +)) / Double(values.count)))
    }
    rows.append(mean)
    let nameField = list.fields.first { $0.id == "nombre" }
    let header =
      [""]
      + stages.map { s in
        let names = Set(curves.filter { s < $0.emotions.count && $0.emotions[s] != nil }.map { Text.fold($0.names[s]) })
        let name = names.count == 1 ? curves.first { s < $0.names.count && $0.emotions[s] != nil }?.names[s] ?? "" : ""
        return "\(s + 1)" + (name.isEmpty ? "" : " " + (nameField?.shown(name, lang) ?? name))
      }
    return Reply(lines: [
      .heading(Message.compareTitle(count: String(curves.count)).text(lang)),
      .table(TableSpec(header: header, rows: rows)),
      .dim(Message.compareLegend(teams: curves.map { "\($0.letter) \($0.team.name)" }.joined(separator: " · ")).text(lang)),
    ])
  }
}
