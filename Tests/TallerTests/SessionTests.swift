import Foundation
import Testing

@testable import TallerCore
@testable import TallerShell
@testable import TallerStore

/// One laptop: a database that outlives the runs of taller on it (each run a new shell), with a
/// clock the test moves.
final class Laptop {
  let store: TallerStore
  let clock: TestClock
  var lang: Lang

  init(_ n: Int = 1, clock: TestClock, lang: Lang = .es, label: String? = nil) throws {
    self.clock = clock
    self.lang = lang
    store = try TallerStore.inMemory(
      replicaID: String(format: "%08d-0000-4000-8000-000000000000", n), label: label ?? "laptop-\(n)", now: clock.now,
      newID: { () -> @Sendable () -> String in
        let c = Counter()
        return { String(format: "%08d-0000-4000-8000-%012d", n, c.next()) }
      }())
  }

  /// A new run of taller on this laptop (the remembered team, as the real program restores it).
  func run(interactive: Bool = false, asker: Asker? = nil) throws -> Shell {
    var context = ShellContext(
      store: store, version: "t", content: try BuiltinContent.content.get(), interactive: interactive, now: clock.now)
    context.timeZone = TimeZone(identifier: "UTC")!
    context.asker = asker
    return Shell(context: context, session: Shell.restoredSession(store: store, forcedLang: lang))
  }
}

/// Runs lines, each `minutes` after the one before, and gives the transcript.
func play(_ shell: Shell, _ clock: TestClock, _ lines: [(String, Int)]) -> String {
  var out = ""
  for (line, minutes) in lines {
    clock.advance(Int64(minutes) * 60_000)
    out += "> \(line)\n"
    let r = shell.execute(line, renderer: Renderer(style: .plain))
    out += r.output
    for e in r.errors { out += "! \(e)\n" }
  }
  return out
}

@Suite("Sessions")
struct SessionTests {
  /// Monday 2026-11-23, 10:00 UTC.
  static let monday10: Int64 = 1_795_428_000_000
  static let day: Int64 = 24 * 60 * 60 * 1000

  /// The story of the issue: a team works in two sittings a day apart, one member absent the
  /// second time, and taller dies in the middle of the second.
  static func story(_ lang: Lang) throws -> String {
    let clock = TestClock(monday10)
    let laptop = try Laptop(clock: clock, lang: lang)
    let es = lang == .es
    var out = "# Monday: first sitting, everyone present\n"
    let first = try laptop.run()
    out += play(
      first, clock,
      [
        (es ? "equipo crear Los Ñandúes" : "team create Los Ñandúes", 0),
        (es ? "miembro agregar Ana Muñoz, José Pérez, Begoña Ñique" : "member add Ana Muñoz, José Pérez, Begoña Ñique", 1),
        ("start marca-peruana", 2),
        ("Inca Kola", 3),
        (es ? "Gaseosa peruana de sabor único" : "A Peruvian soda with a unique taste", 4),
        (es ? "Conecta con la identidad nacional" : "It connects with national identity", 6),
        ("humana", 4),
        (es ? "salir" : "quit", 2),
      ])
    out += "# Tuesday: second sitting, Begoña is absent; taller dies half-way\n"
    clock.advance(day - 22 * 60_000)
    let second = try laptop.run()
    out += play(
      second, clock,
      [
        (es ? "sesión presentes Ana, José" : "session present Ana, José", 0),
        ("add puntos-contacto.puntos nombre=Cajero momento=durante tipo=humano canal=cajas valoracion=2", 3),
        ("add puntos-contacto.puntos nombre=Instagram momento=antes tipo=digital canal=web valoracion=4", 5),
        ("add puntos-contacto.puntos nombre=Envase momento=durante tipo=estático canal=productos valoracion=5", 4),
        ("set marca-peruana.base imagen, producto", 9),
        ("move puntos-contacto.puntos 3 1", 3),
        ("remove puntos-contacto.puntos 3", 2),
      ])
    // No quit: the process is gone (kill -9, a flat battery).
    out += "# Tuesday, later: taller again on the same laptop\n"
    clock.advance(40 * 60_000)
    let third = try laptop.run()
    out += play(
      third, clock,
      [
        (es ? "sesiones" : "sessions", 0),
        (es ? "sesión ver 2" : "session show 2", 0),
        (es ? "sesión ver 1" : "session show 1", 0),
        ("resume", 1),
        // While the walk goes on, commands start with "/".
        (es ? "/sesiones" : "/sessions", 0),
        (es ? "/asistencia" : "/attendance", 0),
        (es ? "/sesión ver 2 --md" : "/session show 2 --md", 0),
      ])
    return out
  }

  @Test("two sittings a day apart, one member absent, a crash in the second: the story, in both languages", arguments: [Lang.es, .en])
  func story(lang: Lang) throws {
    try assertGolden(try Self.story(lang), "sessions-\(lang.rawValue).transcript")
  }

  @Test("a crashed sitting is closed at its last change by the next start; the story is the same on every laptop")
  func crashAndSync() throws {
    let clock = TestClock(Self.monday10)
    let laptop = try Laptop(clock: clock)
    let a = try laptop.run()
    _ = play(a, clock, [("team create A", 0), ("member add Ana, José", 1), ("set marca-peruana.marca X", 5)])
    let lastChange = clock.now()
    clock.advance(50 * 60_000)
    let b = try laptop.run()
    _ = play(b, clock, [("set marca-peruana.marca Y", 0)])
    let teamID = try #require(b.session.teamID)
    let s = try laptop.store.sessions(teamID: teamID)
    #expect(s.count == 2)
    #expect(s[0].end == .interrupted && s[0].ended == lastChange)
    #expect(s[0].events.count == 2, "members and the answer belong to the first sitting")
    #expect(s[1].isOpen && s[1].events.count == 1)
    #expect(s[1].present == s[0].present, "attendance defaults to the last one")
    // Another laptop that imports the log tells the same story.
    let other = try Laptop(2, clock: clock)
    _ = try other.store.importChanges(try laptop.store.changeBodies(after: [:]).map(\.body))
    #expect(try other.store.sessions(teamID: teamID) == s)
    try laptop.store.rebuildState()
    #expect(try laptop.store.sessions(teamID: teamID) == s)
  }

  @Test("a script that runs out of lines leaves its sitting open for the next run; a long gap closes it as idle")
  func scriptsAndIdle() throws {
    let clock = TestClock(Self.monday10)
    let laptop = try Laptop(clock: clock)
    func script(_ lines: [(String, Int)]) throws {
      let shell = try laptop.run()
      _ = play(shell, clock, lines)
      shell.detach()
    }
    try script([("team create A", 0), ("member add Ana", 0), ("set marca-peruana.marca X", 2)])
    try script([("set marca-peruana.marca Y", 5)])
    try script([("set marca-peruana.de-que-trata Z", 10)])
    let teamID = try #require(try laptop.store.teams().first?.id)
    var s = try laptop.store.sessions(teamID: teamID)
    #expect(s.count == 1 && s[0].isOpen && s[0].events.count == 4)
    try script([("set marca-peruana.diferenciacion W", 45)])
    s = try laptop.store.sessions(teamID: teamID)
    #expect(s.count == 2)
    #expect(s[0].end == .idle && s[0].ended == Self.monday10 + 17 * 60_000)
    #expect(s[1].isOpen && s[1].events.count == 1)
    // An idle gap inside one run ends the sitting too.
    let shell = try laptop.run()
    _ = play(shell, clock, [("set marca-peruana.marca V", 1), ("set marca-peruana.marca U", 31)])
    s = try laptop.store.sessions(teamID: teamID)
    #expect(s.map(\.end) == [.idle, .idle, nil])
  }

  @Test("attendance: asked once on a terminal with the last attendance as default; refused commands save nothing")
  func attendance() throws {
    let clock = TestClock(Self.monday10)
    let laptop = try Laptop(clock: clock)
    let setup = try laptop.run()
    _ = play(setup, clock, [("team create A", 0), ("member add Ana Muñoz, José Pérez, Luz Quispe", 0), ("quit", 1)])
    nonisolated(unsafe) var asked: [String] = []
    nonisolated(unsafe) var answers = ["Ana, Pepe", "ana, luz"]
    let asker = Asker { question, _ in
      asked.append(question)
      return answers.isEmpty ? nil : answers.removeFirst()
    }
    let shell = try laptop.run(interactive: true, asker: asker)
    let before = try laptop.store.changeCount()
    let refused = play(shell, clock, [("set marca-peruana.experiencia volando", 1)])
    #expect(refused.contains("! "), "a bad value is refused")
    #expect(try laptop.store.changeCount() == before, "no sitting begins for a refused command")
    #expect(asked.count == 2, "a name not in the team asks again: \(asked)")
    #expect(asked[0].contains("Ana Muñoz, José Pérez, Luz Quispe"))
    #expect(asked[1].contains("Pepe"))
    _ = play(shell, clock, [("set marca-peruana.marca Inca Kola", 1), ("set marca-peruana.de-que-trata Gaseosa", 1)])
    #expect(asked.count == 2, "asked once per sitting")
    let teamID = try #require(shell.session.teamID)
    let team = try #require(try laptop.store.team(id: teamID))
    var s = try laptop.store.sessions(teamID: teamID)
    #expect(s.last?.present == team.members.filter { ["Ana Muñoz", "Luz Quispe"].contains($0.name) }.map(\.id))
    // The next sitting proposes the last attendance.
    _ = play(shell, clock, [("session end", 1)])
    answers = [""]
    _ = play(shell, clock, [("set marca-peruana.marca Inca Kola Zero", 1)])
    #expect(asked.count == 3 && asked[2].contains("Ana Muñoz, Luz Quispe"))
    s = try laptop.store.sessions(teamID: teamID)
    #expect(s.count == 3 && s[2].present == s[1].present)
    // A member added during a sitting is present in it.
    _ = play(shell, clock, [("member remove José Pérez", 1), ("member add Rosa", 1)])
    s = try laptop.store.sessions(teamID: teamID)
    let rosa = try #require(try laptop.store.team(id: teamID)?.members.first { $0.name == "Rosa" })
    #expect(s[2].present.contains(rosa.id))
  }

  @Test("working alone at home is its own sitting; merged with the classroom's of the same day, both stay whole")
  func homeAndClassroom() throws {
    let clock = TestClock(Self.monday10)
    let classroom = try Laptop(1, clock: clock)
    let home = try Laptop(2, clock: clock)
    let c = try classroom.run()
    _ = play(c, clock, [("team create A", 0), ("member add Ana, José", 0), ("set marca-peruana.marca X", 10), ("quit", 5)])
    let founded = try #require(try classroom.store.teams().first)
    let (invite, secret) = try classroom.store.createInvite(for: founded.id)
    _ = try home.store.importBundle(try #require(try classroom.store.exportBundle(after: [:])))
    try home.store.joinTeam(teamID: founded.id, invite: invite, secret: secret)
    let h = try home.run()
    _ = play(h, clock, [("team use A", 0), ("session present Ana", 60), ("set marca-peruana.de-que-trata Y", 20), ("quit", 5)])
    _ = play(c, clock, [("set marca-peruana.diferenciacion Z", 1)])
    // Both ways.
    _ = try classroom.store.importBundle(try #require(try home.store.exportBundle(after: [:])))
    _ = try home.store.importBundle(try #require(try classroom.store.exportBundle(after: [:])))
    let teamID = try #require(c.session.teamID)
    let s = try classroom.store.sessions(teamID: teamID)
    #expect(try home.store.sessions(teamID: teamID) == s)
    #expect(s.count == 3)
    #expect(s.map(\.laptop) == ["laptop-1", "laptop-2", "laptop-1"])
    #expect(s.map { $0.events.count } == [2, 1, 1])
    #expect(try classroom.store.conflicts().isEmpty)
    // The participation the instructor sees.
    let team = try #require(try classroom.store.team(id: teamID))
    let a = Attendance.of(team: team, sessions: s)
    #expect(a.map(\.attended) == [3, 2])
    #expect(a.map(\.total) == [3, 3])
  }

  @Test("sitting numbers are per laptop and never change when laptops merge; either laptop's sitting can be named")
  func stableNumbers() throws {
    let clock = TestClock(Self.monday10)
    let classroom = try Laptop(1, clock: clock)
    let home = try Laptop(2, clock: clock)
    let c = try classroom.run()
    _ = play(c, clock, [("team create A", 0), ("set marca-peruana.marca X", 10), ("quit", 5)])
    let team = try #require(try classroom.store.teams().first)
    let (invite, secret) = try classroom.store.createInvite(for: team.id)
    _ = try home.store.importBundle(try #require(try classroom.store.exportBundle(after: [:])))
    try home.store.joinTeam(teamID: team.id, invite: invite, secret: secret)
    // Home works earlier in the day than the classroom's second sitting, but is merged later.
    _ = play(try home.run(), clock, [("team use A", 60), ("set marca-peruana.de-que-trata Y", 1), ("quit", 1)])
    _ = play(try classroom.run(), clock, [("set marca-peruana.diferenciacion Z", 60), ("quit", 1)])
    let before = try classroom.store.sessions(teamID: team.id).map { [$0.id: $0.number] }
    #expect(before.count == 2)
    _ = try classroom.store.importBundle(try #require(try home.store.exportBundle(after: [:])))
    let after = try classroom.store.sessions(teamID: team.id)
    #expect(after.count == 3)
    for b in before { #expect(after.first { $0.id == b.keys.first }?.number == b.values.first, "a merge renumbered a sitting") }
    #expect(after.map(\.tag) == ["1·laptop-1", "1·laptop-2", "2·laptop-1"])
    // "2" is this laptop's; "1" is ambiguous between laptops... this laptop's first.
    // As shown in ASCII (`1-laptop-2`) or with its dot.
    let out = play(
      try classroom.run(), clock,
      [("session show 1·laptop-2", 0), ("session show 1-laptop-2", 0), ("session show 2", 0), ("session show 3", 0)])
    #expect(out.components(separatedBy: "Sesión 1-laptop-2 de A").count == 3, "\(out)")
    #expect(out.contains("Sesión 2-laptop-1 de A"), "\(out)")
    #expect(out.contains("! A no tiene una sesión 3. Sesiones: 1-laptop-1, 1-laptop-2, 2-laptop-1."), "\(out)")
  }

  @Test("a sitting begins inside the command's own change; reading, starting or resuming begins none")
  func sittingInsideTheChange() throws {
    let clock = TestClock(Self.monday10)
    let laptop = try Laptop(clock: clock)
    _ = play(try laptop.run(), clock, [("team create A", 0), ("member add Ana", 0), ("set marca-peruana.marca X", 0), ("quit", 1)])
    let teamID = try #require(try laptop.store.teams().first?.id)
    let shell = try laptop.run()
    let before = try laptop.store.sessions(teamID: teamID).count
    _ = play(shell, clock, [("start marca-peruana", 40), ("/ejercicios", 0), ("ver", 0), ("/revisar", 0), ("/continuar", 0)])
    #expect(try laptop.store.sessions(teamID: teamID).count == before, "no sitting for reading, starting or resuming")
    #expect(shell.session.guided?.field == 1, "the walk is at the first missing answer")
    let seq = try laptop.store.lastSeq()
    _ = play(shell, clock, [("Kola Real", 0)])
    #expect(try laptop.store.lastSeq() == seq + 1, "the answer and its sitting are one change")
    let sittings = try laptop.store.sessions(teamID: teamID)
    #expect(sittings.count == before + 1)
    #expect(sittings.last?.events.count == 1, "the sitting owns the answer that began it")
    // The earlier sitting, left 40 minutes ago, was closed in that same change.
    #expect(sittings.dropLast().allSatisfy { !$0.isOpen })
  }

  @Test("Ctrl-C at the attendance question cancels the command: nothing is saved")
  func attendanceCancelled() throws {
    let clock = TestClock(Self.monday10)
    let laptop = try Laptop(clock: clock)
    _ = play(try laptop.run(), clock, [("team create A", 0), ("member add Ana, José", 0), ("quit", 1)])
    let seq = try laptop.store.lastSeq()
    var asked = 0
    let shell = try laptop.run(
      interactive: true,
      asker: Asker { _, _ in
        asked += 1
        return nil
      })
    let out = play(shell, clock, [("set marca-peruana.marca Inca Kola", 60)])
    #expect(asked == 1)
    #expect(out.contains("! Cancelado: no se guardó nada"), "\(out)")
    #expect(try laptop.store.lastSeq() == seq, "nothing was written")
    // Answered, it goes on.
    let yes = try laptop.run(interactive: true, asker: Asker { _, _ in "Ana" })
    _ = play(yes, clock, [("set marca-peruana.marca Inca Kola", 0)])
    let teamID = try #require(try laptop.store.teams().first?.id)
    let team = try #require(try laptop.store.team(id: teamID))
    #expect(try laptop.store.sessions(teamID: teamID).last?.present == [team.members[0].id])
  }

  @Test("a sitting in which nothing was saved does not count as attendance")
  func emptySittingsDoNotCount() throws {
    let clock = TestClock(Self.monday10)
    let laptop = try Laptop(clock: clock)
    let shell = try laptop.run()
    _ = play(shell, clock, [("team create A", 0), ("member add Ana", 0), ("session end", 1), ("session start", 1), ("session end", 1)])
    let teamID = try #require(try laptop.store.teams().first?.id)
    let all = try laptop.store.sessions(teamID: teamID)
    #expect(all.count == 2 && all[1].events.isEmpty)
    let team = try #require(try laptop.store.team(id: teamID))
    #expect(Attendance.of(team: team, sessions: all).map(\.total) == [1])
    #expect(play(shell, clock, [("asistencia", 0)]).contains("(1 sesión(es))"))
  }

  @Test("resume N goes back to where sitting N stopped; bad numbers are refused with the range")
  func resumeN() throws {
    let clock = TestClock(Self.monday10)
    let laptop = try Laptop(clock: clock, lang: .en)
    let shell = try laptop.run()
    _ = play(shell, clock, [("team create A", 0), ("start mapa-empatia", 1), ("Rosa, 34", 1), ("quit", 1)])
    let again = try laptop.run()
    _ = play(again, clock, [("start puntos-contacto", 60), ("quit", 5)])
    let out = play(try laptop.run(), clock, [("resume 1", 60)])
    #expect(out.contains("Carrying on where session 1 (Mon 2026-11-23) stopped."))
    #expect(out.contains("Empathy map"))
    let bad = play(try laptop.run(), clock, [("resume 9", 1), ("session show x", 0)])
    #expect(bad.contains("! A has no session 9. Sessions: 1, 2."), "\(bad)")
    #expect(bad.contains("! «x» is not a session number") || bad.contains("! \"x\" is not a session number"))
  }

  @Test("time per exercise: each stretch counts for the exercise of the change that ends it")
  func timeByExercise() {
    let s = WorkSession(
      id: "s", teamID: "t", number: 1, replica: "r", laptop: "l", started: 0, ended: 100, end: .quit, present: [],
      stopped: nil,
      events: [
        SessionEvent(seq: 1, at: 10, author: "a", edits: [], exercise: "x"),
        SessionEvent(seq: 2, at: 30, author: "a", edits: [.team], exercise: nil),
        SessionEvent(seq: 3, at: 60, author: "a", edits: [], exercise: "y"),
      ])
    #expect(s.timeByExercise == ["x": 30, "y": 70])
    #expect(s.exercises == ["x", "y"])
    #expect(s.duration == 100)
  }
}
