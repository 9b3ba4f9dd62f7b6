import Foundation
import Testing

@testable import TallerCore
@testable import TallerShell
@testable import TallerStore

@Suite("Exercises")
struct ExerciseTests {
  func run(_ shell: Shell, _ lines: [String]) -> [LineResult] {
    lines.map { shell.execute($0, renderer: Renderer(style: .plain)) }
  }

  @Test("the direct path and the guided path store the same answers")
  func bothPathsAgree() throws {
    let a = try makeShell()
    let b = try makeShell()
    _ = run(a, ["team create X", "set marca-peruana.marca Inca Kola", "set marca-peruana.experiencia humana, digital"])
    _ = run(b, ["team create X", "start marca-peruana", "Inca Kola", "saltar", "saltar", "2, 3"])
    let sa = try a.context.store.sheet(teamID: try #require(a.session.teamID), exercise: "marca-peruana")
    let sb = try b.context.store.sheet(teamID: try #require(b.session.teamID), exercise: "marca-peruana")
    #expect(sa.values == sb.values)
    #expect(sa.values["experiencia"] == .array(["humana", "digital"]))
  }

  @Test("answers record the exercise's id and definition version")
  func answersCarryVersion() throws {
    let shell = try makeShell()
    _ = run(shell, ["team create X", "set puntos-contacto.puntos x"])
    _ = run(shell, ["add puntos-contacto.puntos nombre=Cajero momento=durante tipo=humano valoracion=3"])
    let sheet = try shell.context.store.sheet(teamID: try #require(shell.session.teamID), exercise: "puntos-contacto")
    #expect(sheet.version == 1)
    #expect(sheet.items("puntos").count == 1)
  }

  @Test("invalid answers are refused with what is accepted, and nothing is half-saved")
  func refusals() throws {
    let shell = try makeShell()
    _ = run(shell, ["team create X"])
    let before = try shell.context.store.changeCount()
    let results = run(
      shell,
      [
        "set marca-peruana.experiencia humana, mágica",
        "add puntos-contacto.puntos nombre=A momento=durante tipo=humano valoracion=7",
        "add puntos-contacto.puntos momento=durante",
        "add momentos-verdad.momentos punto=1",
        "set proyecto-final.nps 101",
        "set marca-peruana.nada x",
        "set nada.marca x",
      ])
    let allFailed = results.allSatisfy { $0.failed }
    #expect(allFailed)
    #expect(results[0].errors[0].contains("estática, humana, digital"))
    #expect(results[1].errors[0].contains("1 a 5"))
    #expect(try shell.context.store.changeCount() == before)
  }

  @Test("quitting mid-exercise and starting again resumes at the same step")
  func resumeAfterRestart() throws {
    let clock = TestClock()
    let store = try TallerStore.inMemory(now: clock.now)
    let content = try BuiltinContent.content.get()
    let ctx = ShellContext(store: store, version: "t", content: content, interactive: false, now: clock.now)
    let first = Shell(context: ctx, session: Session())
    _ = run(first, ["team create X", "start marca-peruana", "Inca Kola", "Bebida"])
    #expect(first.session.guided?.field == 2)
    // A new process on the same database.
    let second = Shell(context: ctx, session: Shell.restoredSession(store: store, forcedLang: nil))
    #expect(second.session.guided == nil)
    let r = second.execute("resume", renderer: Renderer(style: .plain))
    #expect(r.output.contains("[3/6] ¿En qué se diferencia?"))
    #expect(second.session.guided?.field == 2)
  }

  @Test("time boxes: remaining time in the prompt, a warning at one minute, the bell at the end, pause and resume")
  func timeBoxes() throws {
    let clock = TestClock()
    let store = try TallerStore.inMemory(now: clock.now)
    let ctx = ShellContext(store: store, version: "t", content: try BuiltinContent.content.get(), interactive: false, now: clock.now)
    let shell = Shell(context: ctx, session: Session())
    _ = run(shell, ["team create X", "start marca-peruana"])
    #expect(shell.prompt(style: .plain).hasSuffix("marca-peruana 1/6 15:00> "))
    clock.advance(14 * 60_000 + 1_000)
    #expect(shell.prompt(style: .plain).contains("00:59"))
    var notices = Guide.timerNotices(ctx, shell.session)
    #expect(notices == [.text("⏱ Queda 1 minuto para «Planeación».")])
    #expect(Guide.timerNotices(ctx, shell.session).isEmpty, "warned once")
    _ = run(shell, ["/timer pause"])
    clock.advance(10 * 60_000)
    #expect(shell.prompt(style: .plain).contains("00:59‖"))
    _ = run(shell, ["/timer resume"])
    clock.advance(60_000)
    notices = Guide.timerNotices(ctx, shell.session)
    #expect(notices.count == 1)
    #expect(
      notices.first.map { if case .text(let s) = $0 { return s.hasPrefix("\u{07}⏱ Se acabó el tiempo") } else { return false } } == true)
    // Typing goes on after the end; the time box survives a restart.
    _ = run(shell, ["Inca Kola"])
    let again = Shell(context: ctx, session: Shell.restoredSession(store: store, forcedLang: nil))
    _ = run(again, ["resume"])
    #expect(again.prompt(style: .plain).contains("-00:01"))
  }

  @Test("while walking an exercise every line is an answer, but the walk's own words alone and /commands")
  func commandsInsideTheGuidedFlow() throws {
    let shell = try makeShell()
    _ = run(shell, ["team create X", "start marca-peruana", "Estado de cuenta"])
    let team = try #require(shell.session.teamID)
    var sheet = try shell.context.store.sheet(teamID: team, exercise: "marca-peruana")
    #expect(sheet.values["marca"] == "Estado de cuenta")
    // An answer that starts like a command is an answer (it used to run `ayuda …` and be lost).
    var r = run(shell, ["Ayuda a los clientes a pagar rápido"])[0]
    #expect(r.errors.isEmpty && r.output.contains("guardado"), "\(r)")
    sheet = try shell.context.store.sheet(teamID: team, exercise: "marca-peruana")
    #expect(sheet.values["de-que-trata"] == "Ayuda a los clientes a pagar rápido")
    // A whole command is an answer too, unless it starts with "/".
    _ = run(shell, ["estado"])
    sheet = try shell.context.store.sheet(teamID: team, exercise: "marca-peruana")
    #expect(sheet.values["diferenciacion"] == "estado")
    #expect(shell.session.guided?.field == 3)
    r = run(shell, ["/estado"])[0]
    #expect(r.output.contains("Equipo: X"), "a /command runs")
    #expect(shell.session.guided?.field == 3, "and the walk stays where it was")
    // The walk's words, alone, in either language: they act and save nothing.
    for word in ["pista", "hint", "ejemplo", "?", "ayuda"] {
      let out = run(shell, [word])[0]
      #expect(out.errors.isEmpty && !out.output.contains("guardado"), "\(word): \(out)")
    }
    _ = run(shell, ["atrás"])
    #expect(shell.session.guided?.field == 2)
    _ = run(shell, ["saltar"])
    #expect(shell.session.guided?.field == 3)
    _ = run(shell, ["/start mapa-viaje"])
    #expect(shell.session.guided?.exercise == "mapa-viaje")
    _ = run(shell, ["listo"])
    #expect(shell.session.guided == nil)
    // Outside a walk, its words say what they are for.
    let outside = run(shell, ["pista"])[0]
    #expect(outside.errors.first?.contains("sirve mientras recorren un ejercicio") == true)
  }

  @Test("a script walking an exercise answers the same way: a line that looks like a command is saved, and the script exits 0")
  func scriptedAnswersByDefault() throws {
    let dir = try TempDir()
    let r = try runTaller(
      ["--db", dir.file("t.sqlite"), "--lang", "es"],
      input: "equipo crear X\nempezar marca-peruana\nInca Kola\nAyuda a los clientes a pagar rápido\n/estado\n",
      env: ["XDG_DATA_HOME": dir.file("xdg")])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(!r.stderr.contains("No hay ayuda"), "\(r.stderr)")
    let store = try TallerStore.open(path: dir.file("t.sqlite"))
    let team = try #require(try store.teams().first).id
    #expect(try store.sheet(teamID: team, exercise: "marca-peruana").values["de-que-trata"] == "Ayuda a los clientes a pagar rápido")
  }

  @Test("a script can walk an exercise: empty lines answer (keep, end a list), journey stages are walked in order")
  func scriptedWalk() throws {
    let shell = try makeShell()
    var lines: [String] = []
    let status = shell.runScript(
      lines: { () -> () -> String? in
        var it = ["team create X", "set mapa-empatia.quien Rosa", "start mapa-viaje", "", "Comprar", "", "Ve el anuncio"].makeIterator()
        return { it.next() }
      }(), renderer: Renderer(style: .plain), output: { lines.append($0) }, error: { lines.append("ERR " + $0) }, bail: false)
    #expect(status == 0, "\(lines)")
    let sheet = try shell.context.store.sheet(teamID: try #require(shell.session.teamID), exercise: "mapa-viaje")
    #expect(sheet.values["persona"] == "Rosa", "Enter took the prefilled persona")
    #expect(sheet.items("etapas").count == 6)
    // Enter at the offer of the step's details goes on; a line answers the first suggested stage.
    #expect(sheet.items("etapas").first?.values["acciones"] == "Ve el anuncio", "the first suggested stage was walked")
  }
}

@Suite("Content folders")
struct ContentFolderTests {
  func folder(editing: (inout [String: String]) -> Void) throws -> TempDir {
    let dir = try TempDir()
    var files: [String: String] = [:]
    for (name, text) in try contentFiles("workshops") + contentFiles("exercises") { files[name] = text }
    editing(&files)
    for (name, text) in files {
      let url = dir.url.appendingPathComponent(name)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try text.write(to: url, atomically: true, encoding: .utf8)
    }
    return dir
  }

  @Test(
    "a broken file is reported as file:line: reason, and nothing is loaded",
    arguments: [
      ("exercises/marca-peruana.yaml", "drawing: sheet", "drawing: sheet\ncolour: red", "exercises/marca-peruana.yaml:5:", "colour"),
      (
        "exercises/marca-peruana.yaml", "        required: true\n        prompt: {es: \"¿Cuál es la marca?\", en: \"What is the brand?\"}",
        "        required: maybe\n        prompt: {es: \"¿Cuál es la marca?\", en: \"What is the brand?\"}",
        "exercises/marca-peruana.yaml:", "required"
      ),
      (
        "exercises/mapa-empatia.yaml", "prompt: {es: \"¿Qué ve?\", en: \"What do they see?\"}", "prompt: {es: \"¿Qué ve?\"}",
        "exercises/mapa-empatia.yaml:", "\"en\""
      ),
      (
        "exercises/momentos-verdad.yaml", "ref: puntos-contacto.puntos", "ref: puntos-contacto.nada", "exercises/momentos-verdad.yaml:",
        "puntos-contacto.nada"
      ),
      ("workshops/cem.yaml", "weight: 40", "weight: 45", "workshops/cem.yaml:", "105"),
      ("exercises/marca-peruana.yaml", "version: 1", "version: 7", "exercises/marca-peruana.yaml:2:", "7"),
      ("exercises/marca-peruana.yaml", "kind: longtext", "kind: essay", "exercises/marca-peruana.yaml:", "essay"),
    ])
  func lintReports(file: String, from: String, to: String, location: String, mentions: String) throws {
    let dir = try folder { files in files[file] = files[file]?.replacingOccurrences(of: from, with: to) }
    guard case .failure(let f) = ContentLoader.load(directory: dir.path) else {
      Issue.record("a broken folder loaded")
      return
    }
    let texts = f.issues.map { $0.text(.en) }
    #expect(texts.contains { $0.hasPrefix(location) && $0.contains(mentions) }, "\(texts)")
  }

  @Test("an instructor's own folder loads and is used, end to end")
  func ownFolder() throws {
    let dir = try folder { files in
      files["exercises/marca-peruana.yaml"] = files["exercises/marca-peruana.yaml"]?
        .replacingOccurrences(of: "\"¿Cuál es la marca?\"", with: "\"¿Qué marca eligieron?\"")
      files["workshops/cem.yaml"] = files["workshops/cem.yaml"]?.replacingOccurrences(of: "team_size: 3", with: "team_size: 4")
    }
    let db = try TempDir()
    let r = try runTaller(
      ["--db", db.file("x.sqlite"), "--content", dir.path],
      input: "team create A\nmember add W, X, Y, Z\nstart marca-peruana\n")
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("¿Qué marca eligieron?"))
    #expect(r.stdout.contains("(4/4)"))
    let lint = try runTaller(["--db", db.file("x.sqlite"), "lint", dir.path])
    #expect(lint.status == 0)
    let bad = try folder { files in files["exercises/mapa-viaje.yaml"] = "version: 1\nid: [\n" }
    let refused = try runTaller(["--db", db.file("x.sqlite"), "--content", bad.path, "-c", "status"])
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("exercises/mapa-viaje.yaml:"))
  }
}
