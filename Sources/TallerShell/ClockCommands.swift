import Foundation
import TallerCore
import TallerStore

extension CommandTable {
  /// The class clock: the instructor's phase time box for the whole class.
  static let clockCommands: [CommandSpec] = [
    CommandSpec(
      [Word("timer", ["reloj", "tiempo"]), Word("class", ["clase"])], summary: .cmdTimerClass, arguments: ClockArgs.self,
      run: { ctx, session, args throws(TallerError) in try ClassClocks.command(ctx, &session, args) })
  ]
}

/// `reloj clase [MINUTOS|+1|pausa|seguir|parar] [CARPETA]`.
struct ClockArgs: CommandArguments {
  static let actionParam = Param(.argClockAction, .text, optional: true)
  static let dirParam = Param(.argDir, .file, optional: true)
  static let parameters = [actionParam, dirParam]
  let action: String?
  let dir: String?
  init(_ b: BoundArguments) {
    action = b[optional: Self.actionParam]
    dir = b[optional: Self.dirParam]
  }
}

enum ClassClocks {
  /// The clock that concerns this laptop: the class it teaches, else the current team's class.
  static func current(_ ctx: ShellContext, _ session: Session) -> ClassClock? {
    if let mine = (try? ctx.store.classes())?.first(where: { $0.mine }) { return (try? ctx.store.classClock(classID: mine.id)) ?? nil }
    guard let team = session.teamID else { return nil }
    return (try? ctx.store.classClock(teamID: team)) ?? nil
  }

  /// What the clock shows, in a sentence.
  static func describe(_ ctx: ShellContext, _ clock: ClassClock?, lang: Lang) -> String {
    let now = ctx.now()
    switch clock?.state(now: now) ?? .stopped {
    case .running(let ends, let left):
      return Message.clockRunning(left: Guide.clock(left), time: Clock.time(ends, zone: ctx.timeZone)).text(lang)
    case .paused(let left): return Message.clockPausedState(left: Guide.clock(left)).text(lang)
    case .ended(let at): return Message.clockEnded(time: Clock.time(at, zone: ctx.timeZone)).text(lang)
    case .stopped: return clock == nil ? Message.clockNone.text(lang) : Message.clockStoppedState.text(lang)
    }
  }

  /// The prompt's part: `termina 10:45 (reloj del docente)`, or nothing.
  static func promptLabel(_ ctx: ShellContext, _ session: Session) -> String? {
    guard let clock = current(ctx, session) else { return nil }
    switch clock.state(now: ctx.now()) {
    case .running(let ends, _): return Message.promptClock(time: Clock.time(ends, zone: ctx.timeZone)).text(session.lang)
    case .paused(let left): return Message.promptClockPaused(left: Guide.clock(left)).text(session.lang)
    case .ended: return Message.promptClockEnded.text(session.lang)
    case .stopped: return nil
    }
  }

  /// Clocks whose end this process already announced (once each).
  nonisolated(unsafe) static var rang: Set<Int64> = []
  static let lock = NSLock()

  /// «¡Tiempo!» once, with the bell, when the class clock reaches zero.
  static func notices(_ ctx: ShellContext, _ session: Session) -> [Line] {
    guard let clock = current(ctx, session), case .ended(let at) = clock.state(now: ctx.now()) else { return [] }
    let first = lock.withLock { rang.insert(at).inserted }
    return first ? [.text("\u{07}⏱ " + Message.clockTimeUp.text(session.lang))] : []
  }

  static func command(_ ctx: ShellContext, _ session: inout Session, _ args: ClockArgs) throws(TallerError) -> Reply {
    let lang = session.lang
    let now = ctx.now()
    guard let action = args.action else { return .text(describe(ctx, current(ctx, session), lang: lang)) }
    let mine = try ctx.store.classes().first { $0.mine }
    guard let klass = mine else { throw .refused(Message.clockNotInstructor) }
    let held = try ctx.store.classClock(classID: klass.id)
    let writer = ctx.store.replica.id
    var next: ClassClock
    switch Text.fold(action) {
    case "+1", "mas1", "+1min":
      next = (held ?? ClassClock(klass: klass.id, writer: writer, at: now, minutes: 1, ends: now, pausedLeft: nil)).plusMinute(now: now)
    case "pause", "pausa", "pausar":
      guard let held else { return .text(Message.clockNone.text(lang)) }
      next = held.paused(now: now)
    case "resume", "seguir", "sigue", "reanudar", "continuar":
      guard let held else { return .text(Message.clockNone.text(lang)) }
      next = held.resumed(now: now)
    case "stop", "parar", "para", "detener":
      guard let held else { return .text(Message.clockNone.text(lang)) }
      next = held.stopped(now: now)
    default:
      guard let minutes = Int(action), (1...180).contains(minutes) else { throw .refused(Message.clockBadAction(action: action)) }
      next = ClassClock.start(klass: klass.id, writer: writer, minutes: minutes, now: now)
      if let held { next.at = max(next.at, held.at + 1) }
    }
    next.writer = writer
    let line = try ctx.store.setClassClock(next)
    var lines: [Line] = []
    if case .running(let ends, _) = next.state(now: now), Int(action) != nil {
      lines.append(.success(Message.clockStarted(minutes: String(next.minutes), time: Clock.time(ends, zone: ctx.timeZone)).text(lang)))
    } else {
      lines.append(.text(describe(ctx, next, lang: lang)))
    }
    if let dir = args.dir {
      let path = try SyncFiles.write(line, named: next.fileName, in: dir)
      lines.append(.dim(Message.clockWritten(file: path).text(lang)))
    } else {
      lines.append(.dim(Message.clockTravels(action: action).text(lang)))
    }
    return Reply(lines: lines)
  }
}

extension CommandTable {
  /// The projector board.
  static let boardCommands: [CommandSpec] = [
    CommandSpec(
      [Word("board", ["tablero"])], summary: .cmdBoard, arguments: BoardArgs.self,
      run: { ctx, session, args throws(TallerError) in try BoardCommand.run(ctx, session, args) })
  ]
}

/// `tablero [CARPETA] [--minutos N]`.
struct BoardArgs: CommandArguments {
  static let dirParam = Param(.argDir, .file, optional: true)
  static let idleFlag = Flag("minutes", .flagIdle, value: .argMinutes, spanish: "minutos")
  static let parameters = [dirParam]
  static let flags = [idleFlag]
  let dir: String?
  let minutes: String?
  init(_ b: BoundArguments) {
    dir = b[optional: Self.dirParam]
    minutes = b.value(Self.idleFlag)
  }
}

enum BoardCommand {
  /// What a watched folder holds, to notice new files: names, sizes and times.
  static func signature(_ dir: String) -> String {
    SyncFiles.files([dir]).map { f in
      let a = try? FileManager.default.attributesOfItem(atPath: f.path)
      return "\(f.path)|\((a?[.size] as? Int) ?? 0)|\((a?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)"
    }.joined(separator: "\n")
  }

  final class Watch: @unchecked Sendable {
    let lock = NSLock()
    var seen = ""
  }

  static func run(_ ctx: ShellContext, _ session: Session, _ args: BoardArgs) throws(TallerError) -> Reply {
    let lang = session.lang
    var minutes = 10
    if let raw = args.minutes {
      guard let n = Int(raw), (1...240).contains(n) else { throw .refused(Message.boardBadMinutes(minutes: raw)) }
      minutes = n
    }
    let idle = minutes
    let watched = args.dir
    if let dir = watched { _ = try SyncFiles.importPaths(ctx, [dir], lang: lang) }
    let unicode = ctx.unicode
    guard let show = ctx.board else {
      // A script: one frame, as tall as it needs.
      let s = try Board.snapshot(ctx, lang: lang)
      let lines = Board.frame(
        s, width: ctx.width, height: nil, now: ctx.now(), zone: ctx.timeZone, lang: lang, unicode: false, idleMinutes: idle)
      return Reply(
        raw: lines.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }.joined(separator: "\n") + "\n")
    }
    let watch = Watch()
    if let dir = watched { watch.seen = signature(dir) }
    show(
      BoardRequest(
        frame: { columns, rows in
          guard let s = try? Board.snapshot(ctx, lang: lang) else { return [] }
          return Board.frame(
            s, width: columns, height: rows, now: ctx.now(), zone: ctx.timeZone, lang: lang, unicode: unicode, idleMinutes: idle)
        },
        tick: {
          // New files in the watched folder: imported, and the next frame shows them.
          guard let dir = watched else { return }
          let now = signature(dir)
          let changed = watch.lock.withLock {
            defer { watch.seen = now }
            return watch.seen != now
          }
          if changed { _ = try? SyncFiles.importPaths(ctx, [dir], lang: lang) }
        }))
    return .text(Message.boardClosed.text(lang))
  }
}

extension CommandTable {
  /// Feedback per team.
  static let feedbackCommands: [CommandSpec] = [
    CommandSpec(
      [Word("feedback", ["devolver", "devolución", "devolucion"])], summary: .cmdFeedback, arguments: FeedbackArgs.self,
      run: { ctx, session, args throws(TallerError) in try Feedback.run(ctx, session, args) })
  ]
}

/// `devolver CARPETA [EQUIPO]`.
struct FeedbackArgs: CommandArguments {
  static let dirParam = Param(.argDir, .file)
  static let teamParam = Param(.argTeam, .team, optional: true, rest: true)
  static let parameters = [dirParam, teamParam]
  let dir: String
  let team: String?
  init(_ b: BoundArguments) {
    dir = b[Self.dirParam]
    team = b[optional: Self.teamParam]
  }
}

enum Feedback {
  /// Publishes the grades of a team (or of every graded team of the class) and writes each
  /// team's, sealed for its laptops alone, into the team's folder.
  static func run(_ ctx: ShellContext, _ session: Session, _ args: FeedbackArgs) throws(TallerError) -> Reply {
    let lang = session.lang
    guard try ctx.store.classes().contains(where: { $0.mine }) else { throw .refused(Message.gradeNotInstructor) }
    var teams = try Desk.classTeams(ctx)
    if let name = args.team { teams = [try findTeam(ctx, named: name)] }
    var graded: [Team] = []
    for t in teams where !(try ctx.store.grades(teamID: t.id)).isEmpty { graded.append(t) }
    teams = graded
    if teams.isEmpty { return .text(Message.feedbackNone.text(lang)) }
    var lines: [Line] = []
    for team in teams {
      try ctx.store.publishGrades(teamID: team.id)
      guard let sent = try SyncFiles.writeGrades(ctx, team: team.id, into: args.dir) else {
        lines.append(.text("⚠ " + Message.feedbackNoReaders(team: team.name).text(lang)))
        continue
      }
      lines.append(.success(Message.gradesSent(file: sent.path, readers: String(sent.readers), team: team.name).text(lang)))
    }
    lines.append(.dim(Message.feedbackDone(dir: args.dir).text(lang)))
    return Reply(lines: lines)
  }
}
