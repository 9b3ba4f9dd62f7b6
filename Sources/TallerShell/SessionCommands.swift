import Foundation
import TallerCore
import TallerStore

#if canImport(Glibc)
  import Glibc
#endif

/// Asks a person a question at the terminal: prints `question`, reads one line after `prompt`
/// (`nil` when the person pressed Ctrl-C or Ctrl-D).
public final class Asker: @unchecked Sendable {
  let body: (_ question: String, _ prompt: String) -> String?
  public init(_ body: @escaping (_ question: String, _ prompt: String) -> String?) { self.body = body }
  func callAsFunction(_ question: String, _ prompt: String) -> String? { body(question, prompt) }
}

/// Sittings (sessions) of teams: when they open and close, and who is present.
///
/// The open sitting of a team on this laptop is remembered in the store (``OpenSitting``): its
/// id, the process that keeps it, and whether that run ended without quitting (a script), so the
/// next run may carry on with it.
enum Sittings {
  static func record(_ ctx: ShellContext, team: String) -> OpenSitting? {
    (try? ctx.store.openSitting(team: team)) ?? nil
  }

  static func remember(_ ctx: ShellContext, team: String, id: String?, detached: Bool = false) throws(TallerError) {
    try ctx.store.setOpenSitting(team: team, id.map { OpenSitting(session: $0, pid: ctx.processID, detached: detached) })
  }

  static func isAlive(_ pid: Int32) -> Bool {
    pid > 0 && (kill(pid, 0) == 0 || errno == EPERM)
  }

  static func stopPoint(_ session: Session) -> StopPoint? {
    session.guided.map { StopPoint(exercise: $0.exercise, field: $0.field) }
  }

  /// What has to happen for the current team to have an open sitting: nothing (carry on with
  /// the one this run keeps, or one a script or another live taller left a moment ago), or close
  /// one left idle or interrupted and start a new one. Nothing is written yet: the plan is
  /// carried out by ``commit`` once the command it comes with has saved something, so a refused
  /// command leaves every stored byte as it was.
  struct Plan {
    var teamID: String
    var close: (session: WorkSession, at: Int64, reason: SessionEnd, stopped: StopPoint?)?
    var present: [String]
    var members: Set<String>
    var at: Int64
  }

  static func prepare(_ ctx: ShellContext, _ session: inout Session, askAttendance: Bool = true) throws(TallerError) -> Plan? {
    let now = ctx.now()
    guard let teamID = session.teamID else { return nil }
    if session.sitting != nil, session.sittingTeam == teamID, let last = session.lastCommand,
      now - last <= SessionRules.idleGap
    {
      return nil
    }
    guard let team = try ctx.store.team(id: teamID) else { return nil }
    let all = try ctx.store.sessions(teamID: teamID)
    var close: (WorkSession, Int64, SessionEnd, StopPoint?)?
    if let id = session.sitting ?? record(ctx, team: teamID)?.session, let s = all.first(where: { $0.id == id }), s.isOpen {
      let rec = record(ctx, team: teamID)
      let mine = session.sitting == s.id && session.sittingTeam == teamID
      let otherLive = !mine && rec.map { $0.pid != ctx.processID && isAlive($0.pid) } == true
      let detached = !mine && rec?.detached == true
      let last = max(s.lastActivity, mine ? (session.lastCommand ?? 0) : 0)
      if (mine || otherLive || detached) && now - last <= SessionRules.idleGap {
        session.sitting = s.id
        session.sittingTeam = teamID
        session.sittingShared = otherLive
        return nil
      }
      let idle = mine || otherLive || detached
      close = (s, idle ? last : s.lastActivity, idle ? .idle : .interrupted, mine ? stopPoint(session) : nil)
    }
    var present: [String]
    if let pending = session.pendingAttendance, pending.team == teamID {
      present = pending.present
    } else {
      let (defaults, asLast) = defaultPresent(all, team: team)
      present = defaults
      if askAttendance, ctx.interactive, let ask = ctx.asker, !team.members.isEmpty {
        // Ctrl-C (or Ctrl-D) at the question cancels the command: nothing is saved.
        guard let answer = attendance(ctx, team: team, defaults: defaults, asLast: asLast, lang: session.lang, ask: ask) else {
          throw .refused(Message.attendanceCancelled)
        }
        present = answer
        session.pendingAttendance = PendingAttendance(team: teamID, present: present)
      }
    }
    return Plan(teamID: teamID, close: close, present: present, members: Set(team.members.map(\.id)), at: now)
  }

  /// Carries out a plan: closes the sitting it closes, starts the new one (owning this laptop's
  /// changes from `since` on; members added meanwhile are present). Returns what to tell.
  static func commit(_ ctx: ShellContext, _ session: inout Session, _ plan: Plan, since: Int64) throws(TallerError) -> [Line] {
    let lang = session.lang
    var lines: [Line] = []
    // The laptop moved on to another team: that team's sitting ends.
    if session.sitting != nil, session.sittingTeam != plan.teamID { lines += try leave(ctx, &session, reason: .ended) }
    if let c = plan.close {
      try ctx.store.endSession(sessionID: c.session.id, at: c.at, reason: c.reason, stopped: c.stopped)
      lines.append(.dim(closedText(ctx, c.session, c.at, c.reason, lang)))
    }
    guard let team = try ctx.store.team(id: plan.teamID) else { return lines }
    let present = plan.present + team.members.map(\.id).filter { !plan.members.contains($0) && !plan.present.contains($0) }
    let id = try ctx.store.startSession(teamID: team.id, present: present, at: plan.at, since: since)
    try remember(ctx, team: team.id, id: id)
    session.sitting = id
    session.sittingTeam = team.id
    session.sittingShared = false
    session.pendingAttendance = nil
    let number = try ctx.store.sessions(teamID: team.id).first { $0.id == id }?.tag ?? "?"
    lines += startedLines(ctx, team: team, number: number, present: present, at: plan.at, lang: lang)
    return lines
  }

  /// Runs a command that is the team's work inside a sitting: plans one before; when the command
  /// saves something, the sitting begins inside that same change (so a crash can never leave
  /// work outside every sitting), and nothing begins when it saves nothing.
  static func around<T>(
    _ ctx: ShellContext, _ session: inout Session, askAttendance: Bool = true,
    _ body: (inout Session) throws(TallerError) -> T
  ) throws(TallerError) -> (opened: [Line], result: T) {
    guard let plan = try prepare(ctx, &session, askAttendance: askAttendance) else { return ([], try body(&session)) }
    var lines: [Line] = []
    // The laptop moved on to another team: that team's sitting ends.
    if session.sitting != nil, session.sittingTeam != plan.teamID { lines += try leave(ctx, &session, reason: .ended) }
    // The sitting begins inside the command's own change (and the one it replaces ends there).
    let close = plan.close.map { SittingStart.Close(session: $0.session.id, at: $0.at, reason: $0.reason, stopped: $0.stopped) }
    ctx.store.armSitting(SittingStart(teamID: plan.teamID, present: plan.present, at: plan.at, close: close))
    let result: T
    do {
      result = try body(&session)
    } catch {
      _ = ctx.store.disarmSitting()
      throw error
    }
    if let id = ctx.store.disarmSitting() {
      return (lines + (try begun(ctx, &session, plan, id: id)), result)
    }
    return (lines, result)
  }

  /// What to tell, and to remember, once a sitting began inside a command's change.
  static func begun(_ ctx: ShellContext, _ session: inout Session, _ plan: Plan, id: String) throws(TallerError) -> [Line] {
    let lang = session.lang
    var lines: [Line] = []
    if let c = plan.close { lines.append(.dim(closedText(ctx, c.session, c.at, c.reason, lang))) }
    guard let team = try ctx.store.team(id: plan.teamID) else { return lines }
    // Members the command added are present too.
    let added = team.members.map(\.id).filter { !plan.members.contains($0) && !plan.present.contains($0) }
    if !added.isEmpty { try ctx.store.setPresent(sessionID: id, memberIDs: plan.present + added) }
    try remember(ctx, team: team.id, id: id)
    session.sitting = id
    session.sittingTeam = team.id
    session.sittingShared = false
    session.pendingAttendance = nil
    let tag = try ctx.store.sessions(teamID: team.id).first { $0.id == id }?.tag ?? "?"
    return lines + startedLines(ctx, team: team, number: tag, present: plan.present + added, at: plan.at, lang: lang)
  }

  static func closedText(_ ctx: ShellContext, _ s: WorkSession, _ at: Int64, _ reason: SessionEnd, _ lang: Lang) -> String {
    let time = Clock.time(at, zone: ctx.timeZone)
    return
      (reason == .idle
      ? Message.sittingIdle(minutes: String(SessionRules.idleGap / 60_000), number: s.tag, time: time)
      : Message.sittingInterrupted(number: s.tag, time: time)).text(lang)
  }

  static func startedLines(_ ctx: ShellContext, team: Team, number: String, present: [String], at: Int64, lang: Lang) -> [Line] {
    let names = team.members.filter { present.contains($0.id) }.map(\.name)
    let absent = team.members.filter { !present.contains($0.id) }.map(\.name)
    let time = Clock.time(at, zone: ctx.timeZone)
    var text =
      (team.members.isEmpty
      ? Message.sittingStartedBare(number: number, team: team.name, time: time)
      : Message.sittingStarted(
        number: number, present: names.isEmpty ? Message.sittingNobody.text(lang) : names.joined(separator: ", "), team: team.name,
        time: time)).text(lang)
    if !absent.isEmpty { text += " · " + Message.sittingAbsentNote(names: absent.joined(separator: ", ")).text(lang) }
    var lines: [Line] = [.dim(text)]
    if !team.members.isEmpty && !ctx.interactive { lines.append(.dim(Message.sittingPresentHint.text(lang))) }
    return lines
  }

  /// Who is present by default: the team's last attendance (members still in the team), or the
  /// whole team the first time.
  static func defaultPresent(_ sessions: [WorkSession], team: Team) -> ([String], Bool) {
    let ids = team.members.map(\.id)
    if let last = sessions.last(where: { !$0.present.isEmpty }) {
      let kept = ids.filter { last.present.contains($0) }
      if !kept.isEmpty { return (kept, true) }
    }
    return (ids, false)
  }

  /// Asks who is present until the answer names members of the team (Enter keeps the defaults).
  static func attendance(
    _ ctx: ShellContext, team: Team, defaults: [String], asLast: Bool, lang: Lang, ask: Asker
  ) -> [String]? {
    let names = team.members.filter { defaults.contains($0.id) }.map(\.name).joined(separator: ", ")
    var question = Message.attendanceQuestion(names: names, note: asLast ? Message.attendanceAsLast.text(lang) : "").text(lang)
    for _ in 0..<5 {
      guard let answer = ask(question, Message.attendancePrompt.text(lang)) else { return nil }
      do {
        return try parsePresent(answer, team: team, lang: lang) ?? defaults
      } catch {
        question = error.lines(lang).joined(separator: " ")
      }
    }
    return defaults
  }

  /// Member ids named in `Ana, José` (or «todos»/«all»); `nil` for an empty answer.
  static func parsePresent(_ raw: String, team: Team, lang: Lang) throws(TallerError) -> [String]? {
    let text = Text.clean(raw)
    if text.isEmpty { return nil }
    if ["todos", "all", "todas", "everyone"].contains(Text.fold(text)) { return team.members.map(\.id) }
    var ids: [String] = []
    for name in Names.splitList(text) {
      let m = try TallerStore.findMember(name, in: team)
      if !ids.contains(m.id) { ids.append(m.id) }
    }
    // In the team's order.
    return team.members.map(\.id).filter { ids.contains($0) }
  }

  /// A team's sittings as they stand for people right now: one left open on this laptop by a
  /// taller that is gone (or left idle too long) shows as it will be closed by the next start.
  static func current(_ ctx: ShellContext, _ session: Session, teamID: String) throws(TallerError) -> [WorkSession] {
    let rec = record(ctx, team: teamID)
    let now = ctx.now()
    return try ctx.store.sessions(teamID: teamID).map { s in
      guard s.isOpen, s.replica == ctx.store.replica.id else { return s }
      var v = s
      let mine = session.sitting == s.id
      let last = max(s.lastActivity, mine ? (session.lastCommand ?? 0) : 0)
      let live = mine || (rec?.session == s.id && (rec!.detached || (rec!.pid != ctx.processID && isAlive(rec!.pid))))
      if !live {
        v.ended = s.lastActivity
        v.end = .interrupted
      } else if now - last > SessionRules.idleGap {
        v.ended = last
        v.end = .idle
      }
      return v
    }
  }

  /// Ends (quitting, `session end`, switching team) or, for a script that simply ran out of
  /// lines, leaves open for the next run the sitting this run keeps.
  static func leave(_ ctx: ShellContext, _ session: inout Session, reason: SessionEnd?) throws(TallerError) -> [Line] {
    guard let id = session.sitting, let teamID = session.sittingTeam else { return [] }
    defer {
      session.sitting = nil
      session.sittingTeam = nil
      session.sittingShared = false
    }
    guard let reason else {
      if !session.sittingShared { try remember(ctx, team: teamID, id: id, detached: true) }
      return []
    }
    // Another live taller carries on with it.
    if session.sittingShared { return [] }
    let before = try ctx.store.sessions(teamID: teamID).first { $0.id == id }
    guard let s = before, s.isOpen else {
      try remember(ctx, team: teamID, id: nil)
      return []
    }
    let stopped = session.teamID == teamID ? stopPoint(session) : nil
    try ctx.store.endSession(sessionID: id, at: ctx.now(), reason: reason, stopped: stopped)
    try remember(ctx, team: teamID, id: nil)
    let after = try ctx.store.sessions(teamID: teamID).first { $0.id == id } ?? s
    return [
      .success(
        Message.sittingEnded(changes: String(after.events.count), duration: Clock.duration(after.duration), number: after.tag)
          .text(session.lang))
    ]
  }

  /// Members added during a sitting are present in it.
  static func addPresent(_ ctx: ShellContext, _ session: Session, teamID: String, memberIDs: [String]) throws(TallerError) {
    guard let id = session.sitting, session.sittingTeam == teamID,
      let s = try ctx.store.sessions(teamID: teamID).first(where: { $0.id == id })
    else { return }
    let updated = s.present + memberIDs.filter { !s.present.contains($0) }
    if updated != s.present { try ctx.store.setPresent(sessionID: id, memberIDs: updated) }
  }

  /// The sitting a command means: `N`, or (no number) the open one or the last one.
  static func pick(_ ctx: ShellContext, _ session: inout Session, number raw: String?) throws(TallerError) -> (
    Team, [WorkSession], WorkSession
  ) {
    let team = try currentTeam(ctx, &session)
    let all = try current(ctx, session, teamID: team.id)
    if all.isEmpty { throw .refused(Message.sessionsNone(team: team.name)) }
    guard let raw else {
      if let id = session.sitting, let s = all.first(where: { $0.id == id }) { return (team, all, s) }
      return (team, all, all[all.count - 1])
    }
    let text = raw.trimmingCharacters(in: .whitespaces)
    // `3·ana@lenovo` exactly; or `3`: this laptop's sitting 3, else the only sitting 3.
    // (ASCII output shows `3-ana@lenovo`: either is accepted.)
    let norm = { (t: String) in Text.fold(t.replacingOccurrences(of: "·", with: "-")) }
    if let s = all.first(where: { norm($0.tag) == norm(text) }) { return (team, all, s) }
    guard let n = Int(text) else { throw .refused(Message.sessionNotNumber(value: raw)) }
    // This laptop's first, else the earliest begun (the list is in order of start).
    let numbered = all.filter { $0.number == n }
    if let s = numbered.first(where: { $0.replica == ctx.store.replica.id }) ?? numbered.first { return (team, all, s) }
    throw .refused(
      Message.sessionNotFound(
        number: text, sessions: (numbered.isEmpty ? all : numbered).map(\.tag).joined(separator: ", "), team: team.name))
  }
}

// MARK: Commands

private let sessionWord = Word("session", ["sesión", "sesion"])

extension CommandTable {
  static let sessionCommands: [CommandSpec] = [
    CommandSpec(
      [Word("sessions", ["sesiones"])], summary: .cmdSessions, detail: .detailSessions,
      run: { ctx, session, _ throws(TallerError) in
        let team = try currentTeam(ctx, &session)
        let all = try Sittings.current(ctx, session, teamID: team.id)
        let lang = session.lang
        if all.isEmpty { return .text(Message.sessionsNone(team: team.name).text(lang)) }
        let header = Message.sessionsColumns.text(lang).split(separator: ";").map(String.init)
        let rows = all.map { s in
          [
            s.tag,
            [SessionView.weekdayDate(s.started, ctx, lang), SessionView.span(s, ctx), Clock.duration(s.duration)]
              .joined(separator: "\n") + (SessionView.stateNote(s, session, lang).map { "\n" + $0 } ?? ""),
            SessionView.presentNames(s, team, short: true), s.exercises.joined(separator: "\n"), String(s.events.count),
          ]
        }
        return Reply(lines: [
          .heading(Message.sessionsHeader(team: team.name).text(lang)), .table(TableSpec(header: header, rows: rows)),
        ])
      }),
    CommandSpec(
      [sessionWord, Word("start", ["iniciar", "empezar"])], summary: .cmdSessionStart,
      run: { ctx, session, _ throws(TallerError) in
        let team = try currentTeam(ctx, &session)
        if let plan = try Sittings.prepare(ctx, &session) {
          return Reply(lines: try Sittings.commit(ctx, &session, plan, since: try ctx.store.lastSeq() + 1))
        }
        let s = try ctx.store.sessions(teamID: team.id).first { $0.id == session.sitting }
        return .text(
          Message.sittingAlreadyOpen(number: s?.tag ?? "?", team: team.name, time: Clock.time(s?.started ?? 0, zone: ctx.timeZone))
            .text(session.lang))
      }),
    CommandSpec(
      [sessionWord, Word("end", ["terminar", "cerrar"])], summary: .cmdSessionEnd,
      run: { ctx, session, _ throws(TallerError) in
        let team = try currentTeam(ctx, &session)
        if session.sitting == nil || session.sittingTeam != team.id {
          // A sitting another run left open on this laptop.
          if let rec = Sittings.record(ctx, team: team.id),
            try ctx.store.sessions(teamID: team.id).contains(where: { $0.id == rec.session && $0.isOpen })
          {
            session.sitting = rec.session
            session.sittingTeam = team.id
          } else {
            throw .refused(Message.sittingNone(team: team.name))
          }
        }
        return Reply(lines: try Sittings.leave(ctx, &session, reason: .ended))
      }),
    CommandSpec(
      [sessionWord, Word("present", ["presentes", "asistencia"])], summary: .cmdSessionPresent,
      detail: .detailSessionPresent, arguments: PresentArgs.self,
      run: { ctx, session, args throws(TallerError) in
        let team = try currentTeam(ctx, &session)
        let lang = session.lang
        if let raw = args.names, let ids = try Sittings.parsePresent(raw, team: team, lang: lang) {
          var lines: [Line] = []
          if var plan = try Sittings.prepare(ctx, &session, askAttendance: false) {
            plan.present = ids
            lines = try Sittings.commit(ctx, &session, plan, since: try ctx.store.lastSeq() + 1)
          }
          guard let id = session.sitting else { throw .refused(Message.sittingNone(team: team.name)) }
          try ctx.store.setPresent(sessionID: id, memberIDs: ids)
          let number = try ctx.store.sessions(teamID: team.id).first { $0.id == id }?.tag ?? "?"
          let names = team.members.filter { ids.contains($0.id) }.map(\.name).joined(separator: ", ")
          // The names are given: no need for the hint on how to give them.
          let hint = Line.dim(Message.sittingPresentHint.text(lang))
          lines.removeAll { $0 == hint }
          lines.append(.success(Message.sittingPresentSet(number: String(number), present: names).text(lang)))
          return Reply(lines: lines)
        }
        guard let id = session.sitting ?? Sittings.record(ctx, team: team.id)?.session,
          let s = try ctx.store.sessions(teamID: team.id).first(where: { $0.id == id && $0.isOpen })
        else { throw .refused(Message.sittingNone(team: team.name)) }
        let names = SessionView.presentNames(s, team)
        return .text(Message.sittingPresentNow(number: s.tag, present: names).text(lang))
      }),
    CommandSpec(
      [sessionWord, Word("show", ["ver", "mostrar"])], summary: .cmdSessionShow, detail: .detailSessionShow,
      arguments: SessionShowArgs.self,
      run: { ctx, session, args throws(TallerError) in
        let (team, _, s) = try Sittings.pick(ctx, &session, number: args.number)
        let summary = try SessionView.summary(ctx, session, team: team, s)
        if args.markdown { return Reply(raw: SessionView.markdown(summary)) }
        return Reply(lines: SessionView.lines(summary))
      }),
    CommandSpec(
      [Word("attendance", ["asistencia", "participación", "participacion"])], summary: .cmdAttendance,
      arguments: AllTeamsArgs.self,
      run: { ctx, session, args throws(TallerError) in
        let lang = session.lang
        let teams = args.all ? try ctx.store.teams() : [try currentTeam(ctx, &session)]
        let sessions = try ctx.store.allSessions()
        var lines: [Line] = []
        for team in teams {
          let list = sessions[team.id] ?? []
          if list.isEmpty {
            lines.append(.text(Message.attendanceNone(team: team.name).text(lang)))
            continue
          }
          // Sittings in which nothing was saved do not count (Attendance.of leaves them out too).
          let counted = list.filter { !$0.events.isEmpty }.count
          lines.append(.heading(Message.attendanceHeader(count: String(counted), team: team.name).text(lang)))
          let header = Message.attendanceColumns.text(lang).split(separator: ";").map(String.init)
          let rows = Attendance.of(team: team, sessions: list).map {
            [$0.name, "\($0.attended)/\($0.total)", Clock.duration($0.time), String($0.changes), String($0.exercises)]
          }
          lines.append(.table(TableSpec(header: header, rows: rows)))
        }
        if lines.isEmpty { lines.append(.text(Message.teamNone.text(lang))) }
        return Reply(lines: lines)
      }),
  ]
}

// MARK: Showing sittings

/// A sitting told for people: the facts `session show` prints, as plain values.
struct SessionSummary {
  struct ExerciseWork {
    var title: String
    var time: Int64
    /// Time box of the exercise (minutes), when the agenda gives one.
    var box: Int?
    var details: [String]
  }

  var title: String
  var when: String
  var present: String
  var absent: String?
  var work: [ExerciseWork]
  var teamChanges: Int
  var stoppedAt: String?
  var conflicts: Int
  var left: [String]
  var lang: Lang
}

enum SessionView {
  static func weekdayDate(_ ms: Int64, _ ctx: ShellContext, _ lang: Lang) -> String {
    let names = Message.weekdays.text(lang).split(separator: ",").map(String.init)
    let p = Clock.parts(ms, zone: ctx.timeZone)
    let day = names.indices.contains(p.weekday - 1) ? names[p.weekday - 1] + " " : ""
    return day + Clock.date(ms, zone: ctx.timeZone)
  }

  static func span(_ s: WorkSession, _ ctx: ShellContext) -> String {
    Clock.time(s.started, zone: ctx.timeZone) + "–" + Clock.time(s.finish, zone: ctx.timeZone)
  }

  static func stateNote(_ s: WorkSession, _ session: Session, _ lang: Lang) -> String? {
    switch s.end {
    case nil: return Message.sessionStateOpen.text(lang)
    case .idle?: return Message.sessionStateIdle.text(lang)
    case .interrupted?: return Message.sessionStateInterruptedShort.text(lang)
    default: return nil
    }
  }

  static func state(_ s: WorkSession, _ lang: Lang) -> String {
    switch s.end {
    case nil: return Message.sessionStateOpen.text(lang)
    case .quit?: return Message.sessionStateQuit.text(lang)
    case .ended?: return Message.sessionStateEnded.text(lang)
    case .idle?: return Message.sessionStateIdle.text(lang)
    case .interrupted?: return Message.sessionStateInterrupted.text(lang)
    }
  }

  /// `Ana Muñoz, José Pérez (2/3)`; `short`: first names, one per line.
  static func presentNames(_ s: WorkSession, _ team: Team, short: Bool = false) -> String {
    let names = team.members.filter { s.present.contains($0.id) }.map(\.name)
    if names.isEmpty { return "—" }
    let count = "(\(names.count)/\(team.members.count))"
    if short {
      return names.map { String($0.split(separator: " ").first ?? Substring($0)) }.joined(separator: ", ") + "\n" + count
    }
    return names.joined(separator: ", ") + " " + count
  }

  static func clip(_ s: String, _ n: Int = 60) -> String {
    let one = Text.replacing("\n", in: s, with: " ")
    return one.count <= n ? one : String(one.prefix(n - 1)) + "…"
  }

  static func summary(_ ctx: ShellContext, _ session: Session, team: Team, _ s: WorkSession) throws(TallerError) -> SessionSummary {
    let lang = session.lang
    let when = Message.sessionShowWhen(
      date: Clock.date(s.started, zone: ctx.timeZone), duration: Clock.duration(s.duration), end: Clock.time(s.finish, zone: ctx.timeZone),
      laptop: s.laptop, start: Clock.time(s.started, zone: ctx.timeZone), state: state(s, lang),
      weekday: weekdayDate(s.started, ctx, lang).split(separator: " ").first.map(String.init) ?? ""
    ).text(lang)
    let present = team.members.filter { s.present.contains($0.id) }.map(\.name)
    let absent = team.members.filter { !s.present.contains($0.id) }.map(\.name)
    let times = s.timeByExercise
    var work: [SessionSummary.ExerciseWork] = []
    for exID in s.exercises {
      guard let def = ctx.content.exercise(exID) else { continue }
      let sheet = try ctx.store.sheet(teamID: team.id, exercise: def.id)
      var details: [String] = []
      var fieldsDone: [String] = []
      var added: [String: [String]] = [:]
      var counts: [String: [String: Set<String>]] = [:]
      var listOrder: [String] = []
      for e in s.events where e.exercise == def.id {
        for edit in e.edits {
          switch edit {
          case .field(_, let f, let value):
            if !fieldsDone.contains(f) { fieldsDone.append(f) }
            _ = value
          case .itemAdded(_, let list, let item):
            if !listOrder.contains(list) { listOrder.append(list) }
            added[list, default: []].append(item)
          case .itemEdited(_, let list, let item):
            if !listOrder.contains(list) { listOrder.append(list) }
            counts[list, default: [:]]["edited", default: []].insert(item)
          case .itemMoved(_, let list, let item):
            if !listOrder.contains(list) { listOrder.append(list) }
            counts[list, default: [:]]["moved", default: []].insert(item)
          case .itemRemoved(_, let list, let item):
            if !listOrder.contains(list) { listOrder.append(list) }
            counts[list, default: [:]]["removed", default: []].insert(item)
          case .team: break
          }
        }
      }
      for f in fieldsDone {
        guard let fd = def.fields.first(where: { $0.id == f }) else { continue }
        // The value the sitting left (the last one it wrote).
        let last = s.events.reversed().lazy.compactMap { e in
          e.edits.lazy.compactMap { edit -> JSONValue? in
            if case .field(def.id, f, let v) = edit { return v }
            return nil
          }.first
        }.first
        let value = last.map { Guide.display(ctx, team: team, field: fd, value: $0, lang: lang) } ?? "—"
        details.append(fd.prompt.text(lang) + ": " + clip(value))
      }
      for list in listOrder {
        guard let fd = def.fields.first(where: { $0.id == list }) else { continue }
        let name = fd.prompt.text(lang)
        let items = sheet.items(list)
        if let ids = added[list], !ids.isEmpty {
          let labels = ids.compactMap { id in items.first { $0.id == id } }.map {
            clip(itemLabel(ctx, teamID: team.id, item: $0, fields: fd.fields, lang: lang), 30)
          }
          let shown = labels.prefix(6).joined(separator: ", ") + (labels.count > 6 ? ", …" : "")
          details.append(
            Message.sessionItemsAdded(count: String(ids.count), labels: shown.isEmpty ? "—" : shown, list: name).text(lang))
        }
        let addedSet = Set(added[list] ?? [])
        let kinds: [(String, (String, Int) -> Message)] = [
          ("edited", { Message.sessionItemsEdited(count: $1, list: $0) }), ("moved", { Message.sessionItemsMoved(count: $1, list: $0) }),
          ("removed", { Message.sessionItemsRemoved(count: $1, list: $0) }),
        ]
        for (key, msg) in kinds {
          let ids = (counts[list]?[key] ?? []).subtracting(key == "removed" ? [] : addedSet)
          if !ids.isEmpty { details.append(msg(name, ids.count).text(lang)) }
        }
      }
      if details.isEmpty { details.append(Message.sessionOpenedOnly.text(lang)) }
      let boxes = def.steps.compactMap { ctx.content.timebox(exercise: def.id, step: $0.id) }
      work.append(
        SessionSummary.ExerciseWork(
          title: def.title.text(lang), time: times[def.id] ?? 0, box: boxes.isEmpty ? nil : boxes.reduce(0, +),
          details: details))
    }
    var stoppedAt: String?
    if let c = s.context, let def = ctx.content.exercise(c.exercise), s.stopped != nil {
      stoppedAt = Message.sessionStoppedAt(
        exercise: def.title.text(lang), field: String(min(c.field, def.fields.count - 1) + 1), total: String(def.fields.count)
      ).text(lang)
    }
    var left: [String] = []
    for def in ctx.content.ordered {
      let p = ExerciseProgress(sheet: try ctx.store.sheet(teamID: team.id, exercise: def.id), def: def)
      if !p.done {
        left.append(Message.sessionLeftItem(exercise: def.title.text(lang), state: progressText(p, lang)).text(lang))
      }
    }
    let conflicts = try teamConflicts(ctx, teamID: team.id)
    return SessionSummary(
      title: Message.sessionShowTitle(number: s.tag, team: team.name).text(lang), when: when,
      present: present.isEmpty ? Message.sittingNobody.text(lang) : present.joined(separator: ", "),
      absent: absent.isEmpty ? nil : absent.joined(separator: ", "), work: work,
      teamChanges: s.events.filter { $0.exercise == nil && !$0.edits.isEmpty }.count, stoppedAt: stoppedAt,
      conflicts: conflicts, left: left, lang: lang)
  }

  /// Open conflicts in a team's data.
  static func teamConflicts(_ ctx: ShellContext, teamID: String) throws(TallerError) -> Int {
    let conflicts = try ctx.store.conflicts()
    if conflicts.isEmpty { return 0 }
    var count = 0
    for c in conflicts {
      var id: String? = c.entity
      var hops = 0
      while let current = id, hops < 4 {
        if current == teamID {
          count += 1
          break
        }
        id = try ctx.store.entityInfo(current)?.parent
        hops += 1
      }
    }
    return count
  }

  static func timeText(_ w: SessionSummary.ExerciseWork, _ lang: Lang) -> String {
    var text = Clock.duration(w.time)
    guard let box = w.box else { return text }
    let minutes = Clock.minutes(w.time)
    text +=
      " ("
      + (minutes <= box
      ? Message.sessionTimeboxMet(box: String(box))
      : Message.sessionTimeboxOver(box: String(box), over: String(minutes - box))).text(lang) + ")"
    return text
  }

  static func lines(_ s: SessionSummary) -> [Line] {
    let lang = s.lang
    var lines: [Line] = [.heading(s.title), .dim(s.when), .text(Message.sessionShowPresent(names: s.present).text(lang))]
    if let a = s.absent { lines.append(.text(Message.sessionShowAbsent(names: a).text(lang))) }
    lines.append(.heading(Message.sessionShowDone.text(lang)))
    if s.work.isEmpty && s.teamChanges == 0 { lines.append(.text("  " + Message.sessionNothing.text(lang))) }
    for w in s.work {
      lines.append(.item(w.title, note: timeText(w, lang)))
      for d in w.details { lines.append(.text("     · " + d)) }
    }
    if s.teamChanges > 0 { lines.append(.item(Message.sessionTeamChanges(count: String(s.teamChanges)).text(lang), note: nil)) }
    if let st = s.stoppedAt { lines.append(.text(st)) }
    lines.append(
      .text(
        s.conflicts > 0
          ? Message.sessionConflicts(count: String(s.conflicts)).text(lang) : Message.sessionNoConflicts.text(lang)))
    lines.append(.heading(Message.sessionLeft.text(lang)))
    if s.left.isEmpty { lines.append(.text("  " + Message.sessionLeftNone.text(lang))) }
    for l in s.left { lines.append(.text("  · " + l)) }
    return lines
  }

  /// Markdown that pastes well into a forum: people's text escaped so it is shown as typed.
  static func markdown(_ s: SessionSummary) -> String {
    let lang = s.lang
    let md = { (s: String) in Reports.md(s) }
    var out = "## \(md(s.title))\n\n\(md(s.when))\n\n"
    out += boldLabel(md(Message.sessionShowPresent(names: s.present).text(lang)))
    if let a = s.absent { out += "  \n" + boldLabel(md(Message.sessionShowAbsent(names: a).text(lang))) }
    out += "\n\n### \(md(Message.sessionShowDone.text(lang)))\n\n"
    if s.work.isEmpty && s.teamChanges == 0 { out += md(Message.sessionNothing.text(lang)) + "\n" }
    for w in s.work {
      out += "- **\(md(w.title))** · \(md(timeText(w, lang)))\n"
      for d in w.details { out += "  - \(md(d))\n" }
    }
    if s.teamChanges > 0 { out += "- " + md(Message.sessionTeamChanges(count: String(s.teamChanges)).text(lang)) + "\n" }
    out += "\n"
    if let st = s.stoppedAt { out += md(st) + "\n\n" }
    out +=
      md(
        s.conflicts > 0
          ? Message.sessionConflicts(count: String(s.conflicts)).text(lang) : Message.sessionNoConflicts.text(lang)) + "\n\n"
    out += "### \(md(Message.sessionLeft.text(lang)))\n\n"
    if s.left.isEmpty { out += md(Message.sessionLeftNone.text(lang)) + "\n" }
    for l in s.left { out += "- \(md(l))\n" }
    return out
  }

  /// `Presentes: Ana` → `**Presentes:** Ana`.
  static func boldLabel(_ line: String) -> String {
    guard let r = line.range(of: ": ") else { return line }
    return "**" + line[..<r.lowerBound] + ":** " + line[r.upperBound...]
  }
}

struct PresentArgs: CommandArguments {
  static let namesParam = Param(.argNames, .member, optional: true, rest: true)
  static let parameters = [namesParam]
  let names: String?
  init(_ b: BoundArguments) { names = b[optional: Self.namesParam] }
}

struct SessionShowArgs: CommandArguments {
  static let numberParam = Param(.argSession, .text, optional: true)
  static let markdownFlag = Flag("md", .flagMarkdown)
  static let parameters = [numberParam]
  static let flags = [markdownFlag]
  let number: String?
  let markdown: Bool
  init(_ b: BoundArguments) {
    number = b[optional: Self.numberParam]
    markdown = b.has(Self.markdownFlag)
  }
}

struct AllTeamsArgs: CommandArguments {
  static let allFlag = Flag("all", .flagAllTeams)
  static let flags = [allFlag]
  let all: Bool
  init(_ b: BoundArguments) { all = b.has(Self.allFlag) }
}
