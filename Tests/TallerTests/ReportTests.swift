import Foundation
import TallerTestSupport
import Testing

@testable import TallerCore
@testable import TallerShell
@testable import TallerStore

/// A team that has done every exercise (the answers of the exercises transcript).
func filledShell(_ lang: Lang) throws -> (Shell, TestClock) {
  let clock = TestClock()
  let shell = try makeShell(lang: lang, clock: clock)
  let url = packageRoot.appendingPathComponent("Tests/TallerTests/Golden/exercises-\(lang.rawValue).transcript")
  let inputs = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
    .filter { $0.hasPrefix("> ") }.map { String($0.dropFirst(2)) }
    .filter { !["reset", "reiniciar"].contains($0.split(separator: " ").first.map(String.init) ?? "") }
  for line in inputs {
    clock.advance(20_000)
    _ = shell.execute(line, renderer: Renderer(style: .plain))
  }
  return (shell, clock)
}

/// Every text the current team typed: its answers and its list items' fields.
func answerTexts(_ shell: Shell) throws -> [String] {
  let id = try #require(shell.session.teamID)
  var texts: [String] = []
  for def in shell.context.content.ordered {
    let sheet = try shell.context.store.sheet(teamID: id, exercise: def.id)
    var values = Array(sheet.values.values)
    for items in sheet.lists.values { for it in items { values += it.values.values } }
    for case .string(let s) in values { texts.append(s) }
  }
  return texts
}

/// Runs a program with arguments and standard input; its output, error and status.
func runTool(_ tool: String, _ args: [String], input: String = "") throws -> RunResult {
  let p = Process()
  // Debian's python3 is the one its packages (python3-html5lib) install into.
  if tool == "python3", FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") {
    p.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
    p.arguments = args
  } else {
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = [tool] + args
  }
  let i = Pipe()
  let o = Pipe()
  let e = Pipe()
  p.standardInput = i
  p.standardOutput = o
  p.standardError = e
  try p.run()
  i.fileHandleForWriting.write(Data(input.utf8))
  try i.fileHandleForWriting.close()
  let out = o.fileHandleForReading.readDataToEndOfFile()
  let err = e.fileHandleForReading.readDataToEndOfFile()
  p.waitUntilExit()
  return RunResult(stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self), status: p.terminationStatus)
}

/// Optional checking tools: a test that needs one is skipped, with its reason shown, where the
/// tool is not installed (`.ci/run` installs them all).
enum OptionalTool {
  /// Debian's python3 with html5lib (`python3-html5lib`).
  static let html5lib: Bool = (try? runTool("python3", ["-c", "import html5lib"]))?.status == 0
  /// mandoc, the man page checker (`mandoc`).
  static let mandoc: Bool = FileManager.default.isExecutableFile(atPath: "/usr/bin/mandoc")
  /// bash, for the process-level completion script.
  static let bash: Bool = FileManager.default.isExecutableFile(atPath: "/bin/bash")
}

@Suite("Exports")
struct ExportTests {
  func export(_ shell: Shell, _ format: String) -> String {
    let r = shell.execute("export \(format) -", renderer: Renderer(style: .plain))
    return r.output
  }

  @Test("the touchpoint matrix marks and counts red zones, gives means by row and column; --detalle shows every field")
  func matrixHeatAndDetail() throws {
    let shell = try makeShell()
    for line in [
      "team create X",
      "add puntos-contacto.puntos nombre=Cajero momento=durante tipo=humano valoracion=2 canal=cajas area=Tienda nota=\"colas\"",
      "add puntos-contacto.puntos nombre=Web momento=antes tipo=digital valoracion=1",
      "add puntos-contacto.puntos nombre=Envase momento=durante tipo=estático valoracion=5",
    ] {
      #expect(!shell.execute(line, renderer: Renderer(style: .plain)).failed, "\(line)")
    }
    let wide = Renderer(style: Style(color: false, unicode: true, width: 120))
    let out = shell.execute("ver puntos-contacto", renderer: wide).output
    #expect(out.contains("1. Cajero (2✖)") && out.contains("2. Web (1✖)") && out.contains("3. Envase (5)"), "\(out)")
    #expect(out.contains("Zonas rojas: 2 de 3 (Cajero, Web)."), "\(out)")
    #expect(out.contains("Media"), "\(out)")
    // Durante: (2 + 5) / 2 = 3,5; all: 8 / 3 = 2,7.
    #expect(out.contains("3,5") && out.contains("2,7"), "\(out)")
    #expect(shell.execute("ver puntos-contacto", renderer: Renderer(style: .plain)).output.contains("1. Cajero (2X)"))
    for flag in ["--detalle", "--detail"] {
      let d = shell.execute("ver puntos-contacto \(flag)", renderer: wide).output
      #expect(d.contains("cajas") && d.contains("Tienda") && d.contains("colas"), "\(flag): \(d)")
    }
    #expect(CommandTable.standard.commands.first { $0.words[0].name == "show" }?.usage(.es).contains("--detalle") == true)
  }

  @Test("a report never tells its reader to start an exercise (the terminal does)")
  func noInstructionsInReports() throws {
    let shell = try makeShell()
    _ = shell.execute("team create X", renderer: Renderer(style: .plain))
    for format in ["md", "html"] {
      let text = export(shell, format)
      #expect(text.contains("(sin respuestas todavía)") && !text.contains("empezar "), "\(format)")
    }
    #expect(shell.execute("ver marca-peruana", renderer: Renderer(style: .plain)).output.contains("empezar marca-peruana"))
  }

  @Test("export html without a file name writes TEAM.html in the current folder, and does not overwrite it")
  func htmlToAFile() throws {
    let dir = try TempDir()
    let env = ["XDG_DATA_HOME": dir.file("xdg")]
    _ = try runTaller(["--db", dir.file("t.sqlite"), "-c", "team create Los Incas"], env: env)
    let r = try runTaller(["--db", dir.file("t.sqlite"), "--lang", "en", "-c", "export html"], env: env, cwd: dir.path)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(!r.stdout.contains("<html"), "no markup on the terminal")
    #expect(FileManager.default.fileExists(atPath: dir.file("los-incas.html")), "\(r.stdout)")
    let again = try runTaller(["--db", dir.file("t.sqlite"), "--lang", "en", "-c", "export html"], env: env, cwd: dir.path)
    #expect(again.status == 1 && again.stderr.contains("--force"), "\(again.stderr)")
  }

  @Test("Markdown, HTML and Mermaid of a team's whole work match their golden files", arguments: [Lang.es, .en])
  func goldens(lang: Lang) throws {
    let (shell, _) = try filledShell(lang)
    try assertGolden(export(shell, "md"), "export-\(lang.rawValue).md")
    try assertGolden(export(shell, "html"), "export-\(lang.rawValue).html")
    try assertGolden(export(shell, "mermaid"), "export-\(lang.rawValue).mmd")
    let dir = try TempDir()
    _ = shell.execute("export csv \(dir.path)", renderer: Renderer(style: .plain))
    let text = try String(contentsOfFile: dir.path + "/mapa-viaje-etapas.csv", encoding: .utf8)
    try assertGolden(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text, "export-\(lang.rawValue)-etapas.csv")
  }

  @Test("the class's HTML, Markdown and JSON match their golden files: cover, contents, status, grades, teams in natural order")
  func classGoldens() throws {
    let (shell, clock) = try filledShell(.es)
    for name in ["Equipo 10", "Equipo 2"] {
      clock.advance(60_000)
      _ = shell.execute("equipo crear \(name)", renderer: Renderer(style: .plain))
    }
    clock.advance(60_000)
    _ = shell.execute("set marca-peruana.marca Sublime", renderer: Renderer(style: .plain))
    let html = export(shell, "html --class")
    let order = ["<h1>", "Contenido", "Estado de la clase", "Notas", "Equipo 2", "Equipo 10", "Los Incas"].map {
      html.range(of: $0)?.lowerBound
    }
    #expect(order.allSatisfy { $0 != nil } && order.compactMap { $0 } == order.compactMap { $0 }.sorted(), "\(order)")
    try assertGolden(html, "export-class-es.html")
    let md = export(shell, "md --class")
    #expect(md.hasPrefix("# Customer Experience Management (CEM)\n\n_3 equipos"), "\(md.prefix(200))")
    try assertGolden(md, "export-class-es.md")
    try assertGolden(export(shell, "json --team \"Los Incas\""), "export-es.json")
  }

  @Test("an answer of several lines keeps its line breaks on screen, in Markdown and in HTML, in lists and in tables")
  func lineBreaks() throws {
    let shell = try makeShell(lang: .es)
    let plain = Renderer(style: Style(color: false, unicode: true, width: 80))
    _ = shell.execute("equipo crear Kusi", renderer: plain)
    #expect(!shell.execute("set marca-peruana.de-que-trata Línea uno\\nLínea dos", renderer: plain).failed)
    #expect(!shell.execute("set mapa-empatia.meta \"Comer rico\\nGastar poco\"", renderer: plain).failed)
    let screen = shell.execute("ver marca-peruana", renderer: plain).output
    #expect(screen.contains("  ¿De qué se trata?: Línea uno\n    Línea dos\n"), "\(screen)")
    let canvas = shell.execute("ver mapa-empatia", renderer: plain).output
    #expect(canvas.contains("│ Comer rico ") && canvas.contains("│ Gastar poco "), "\(canvas)")
    let md = export(shell, "md")
    #expect(md.contains("- ¿De qué se trata?: Línea uno\\\n  Línea dos\n"), "a hard break inside the list item")
    #expect(md.contains("Comer rico\\\nGastar poco"), "a hard break inside a canvas box")
    let html = export(shell, "html")
    #expect(html.contains("<li>¿De qué se trata?: Línea uno<br>\nLínea dos</li>"))
    #expect(html.contains("<p>Comer rico<br>\nGastar poco</p>"))
  }

  @Test(
    "the HTML is valid HTML5 (html5lib, strict) with the matrix, the canvas, the journey and its curve, and no external assets",
    .enabled(if: OptionalTool.html5lib, "skipped: python3 with html5lib is not installed (apt-get install python3-html5lib)"))
  func htmlParses() throws {
    let (shell, _) = try filledShell(.es)
    let html = export(shell, "html")
    let check = """
      import sys, html5lib
      doc = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(sys.stdin.read())
      svg = doc.findall('.//{http://www.w3.org/2000/svg}svg')
      curves = [s for s in svg if s.get('role') == 'img' and s.find('{http://www.w3.org/2000/svg}title') is not None and s.find('{http://www.w3.org/2000/svg}desc') is not None]
      print(len(doc.findall('.//table')), len(curves), len(doc.findall('.//h2')), doc.find('.//title').text, len(doc.findall('.//main')), len(doc.findall('.//div[@class="canvas-grid"]')))
      for tag, attr in (('script', 'src'), ('link', 'href'), ('img', 'src')):
          assert not doc.findall('.//' + tag), tag
      """
    let r = try runTool("python3", ["-c", check], input: html)
    #expect(r.status == 0, "\(r.stderr)")
    let parts = r.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: " ")
    #expect(parts.count >= 4)
    #expect(Int(parts[0]) ?? 0 >= 3, "matrix, MOT table, journey")
    #expect(parts[1] == "1", "one emotion curve, with its title and description")
    #expect(parts[2] == "6", "one section per exercise")
    #expect(parts.suffix(2) == ["1", "1"], "one <main>, one canvas")
    #expect(html.contains("<!DOCTYPE html>") && html.contains("@media print"))
  }

  /// Answers a student may type that Mermaid's lexer would take for syntax.
  static let hostile = [
    "section Compra", "Title: hola", "journeys", "%% nada", "accTitle: x", "a # b", "uno; dos", "a: 5: b", "Sección, coma",
    "  section con espacios",
  ]

  @Test("Mermaid: hostile answers parse (a parser written from journey.jison) and read back as typed; no emotion, no score")
  func mermaidGrammar() throws {
    let shell = try makeShell()
    let run = { (line: String) in _ = shell.execute(line, renderer: Renderer(style: .plain)) }
    run("team create X")
    run("set mapa-viaje.escenario Comprar: 1; #2")
    run("set mapa-viaje.persona Rosa; #1, 34")
    for (i, h) in Self.hostile.enumerated() {
      let emotion = i == 3 ? "" : " emocion=\((i % 5) - 2)"
      run("add mapa-viaje.etapas nombre=\"\(h)\" acciones=\"\(h) \(i)\"" + emotion)
    }
    let text = export(shell, "mermaid")
    let parsed = try MermaidJourneyParser.parse(text)
    #expect(parsed.title == "Comprar: 1; #2")
    let sheet = try shell.context.store.sheet(teamID: try #require(shell.session.teamID), exercise: "mapa-viaje")
    let stages = sheet.items("etapas")
    #expect(
      parsed.sections == stages.map { Text.clean($0.values["nombre"]?.stringValue ?? "") }.map { $0 == "Conocer el producto" ? $0 : $0 })
    // The suggested stages have no actions or emotion: no task, a comment instead.
    let scored = stages.filter { $0.values["emocion"]?.intValue != nil }
    #expect(parsed.tasks.count == scored.count, "\(text)")
    for (task, stage) in zip(parsed.tasks, scored) {
      #expect(task.name == Text.clean(stage.values["acciones"]?.stringValue ?? ""), "\(text)")
      #expect(task.score == Int(stage.values["emocion"]?.intValue ?? 0) + 3)
      #expect(task.actors == ["Rosa; #1"], "commas inside the actor are not a second actor")
    }
    #expect(text.contains("%% "), "a stage without emotion is a comment")
  }

  @Test("Markdown: an answer stays text — list markers, rules, strike-through and pipes are escaped")
  func markdownEscapes() throws {
    for (typed, written) in [
      ("- no es lista", "\\- no es lista"), ("+ tampoco", "\\+ tampoco"), ("1. ni esta", "1\\. ni esta"), ("2) ni esta", "2\\) ni esta"),
      ("---", "\\---"), ("===", "\\==="), ("~~tachado~~", "\\~\\~tachado\\~\\~"), ("a | b", "a \\| b"), ("# título", "\\# título"),
      ("normal, 2 + 2", "normal, 2 + 2"),
    ] {
      #expect(Reports.md(typed, block: true) == written, "\(typed)")
    }
    // In a table cell, only inline markers.
    #expect(Reports.md("3. Envase") == "3. Envase")
    // Several lines: each one escaped as a line start.
    #expect(Reports.mdLines("uno\n- dos", indent: "  ") == "uno\\\n  \\- dos")
  }

  @Test("teams are listed in natural order: Equipo 2 before Equipo 10, accents and case aside")
  func naturalOrder() throws {
    let shell = try makeShell()
    for name in ["Equipo 10", "equipo 2", "Équipo 1", "Equipo 1b", "Alfa"] {
      _ = shell.execute("team create \(name)", renderer: Renderer(style: .plain))
    }
    #expect(try shell.context.store.teams().map(\.name) == ["Alfa", "Équipo 1", "Equipo 1b", "equipo 2", "Equipo 10"])
  }

  @Test("CSV: an answer a spreadsheet would run as a formula is neutralised; numbers stay numbers")
  func csvInjection() throws {
    for (typed, written) in [
      ("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""), ("@SUM(A1)", "'@SUM(A1)"), ("+1+1", "'+1+1"), ("-2+3", "'-2+3"),
      ("\tx", "'\tx"), ("-2", "-2"), ("+2", "+2"), ("4.5", "4.5"), ("a=b", "a=b"),
    ] {
      #expect(CSV.row([typed]) == written + "\r\n", "\(typed)")
    }
    let shell = try makeShell()
    _ = shell.execute("team create X", renderer: Renderer(style: .plain))
    _ = shell.execute("add mapa-viaje.etapas nombre=Uno acciones==1+1 emocion=-2", renderer: Renderer(style: .plain))
    let dir = try TempDir()
    _ = shell.execute("export csv \(dir.path)/out", renderer: Renderer(style: .plain))
    let text = try String(contentsOfFile: dir.path + "/out/mapa-viaje-etapas.csv", encoding: .utf8)
    #expect(text.contains(",'=1+1,") && text.contains(",-2,"), "\(text)")
  }

  @Test("CSV files: one per list and one of grades, UTF-8 with a BOM, read back by a CSV parser with accents intact")
  func csvFiles() throws {
    let (shell, _) = try filledShell(.es)
    let dir = try TempDir()
    let r = shell.execute("export csv \(dir.path)/out", renderer: Renderer(style: .plain))
    #expect(r.errors.isEmpty, "\(r.errors)")
    let names = try FileManager.default.contentsOfDirectory(atPath: dir.path + "/out").sorted()
    #expect(names.contains("puntos-contacto-puntos.csv") && names.contains("momentos-verdad-momentos.csv"))
    #expect(names.contains("mapa-viaje-etapas.csv") && names.contains("notas.csv"))
    let data = try Data(contentsOf: URL(fileURLWithPath: dir.path + "/out/puntos-contacto-puntos.csv"))
    #expect(data.prefix(3) == Data([0xEF, 0xBB, 0xBF]))
    let text = String(decoding: data, as: UTF8.self)
    try assertGolden(String(text.dropFirst()), "export-es-puntos.csv")
    let rows = CSV.parse(text)
    #expect(rows.count == 5 && rows[0].cells.first == "#")
    #expect(rows.contains { $0.cells.contains("Call center") })
    // Python's csv module reads the same cells.
    let py = try runTool(
      "python3",
      [
        "-c", "import csv,sys; r=list(csv.reader(open(sys.argv[1], encoding='utf-8-sig'))); print(len(r), r[1][1])",
        dir.path + "/out/puntos-contacto-puntos.csv",
      ])
    #expect(py.stdout == "5 \(rows[1].cells[1])\n", "\(py.stderr)")
    // An existing file is not overwritten without --force.
    #expect(shell.execute("export csv \(dir.path)/out", renderer: Renderer(style: .plain)).failed)
    #expect(!shell.execute("export csv \(dir.path)/out --force", renderer: Renderer(style: .plain)).failed)
  }
}

@Suite("Metrics")
struct MetricsTests {
  @Test(
    "NPS, CES and CSAT by hand",
    arguments: [
      // 3 promoters, 1 passive, 2 detractors of 6: 50 − 33.3 = 16.7 → 17
      ([10, 9, 9, 8, 3, 6], 17, 3, 1, 2),
      // all passives: 0
      ([7, 8, 7], 0, 0, 3, 0),
      // all detractors: −100
      ([0, 1, 6], -100, 0, 0, 3),
      // 1 promoter, 2 detractors of 8 (5 passives): 12.5 − 25 = −12.5 → −13 (half away from zero)
      ([10, 0, 5, 7, 7, 8, 8, 7], -13, 1, 5, 2),
    ])
  func nps(values: [Int], nps: Int, promoters: Int, passives: Int, detractors: Int) {
    let m = MetricsSummary(values.map { SurveyResponse(nps: $0) })
    #expect(m.nps == nps)
    #expect(m.promoters == promoters && m.passives == passives && m.detractors == detractors)
  }

  @Test("CES is a mean on its named scale; CSAT % is the share of 4s and 5s; no responses gives none")
  func cesCsat() {
    let m = MetricsSummary([
      SurveyResponse(ces: 2, csat: 5), SurveyResponse(ces: 3, csat: 4), SurveyResponse(ces: 2, csat: 2),
      SurveyResponse(ces: 6, cesScale: 7),
    ])
    #expect(m.cesTenths == [5: 23, 7: 60])
    #expect(m.csat == 67)
    let none = MetricsSummary([])
    #expect(none.nps == nil && none.csat == nil && none.cesTenths.isEmpty)
  }

  @Test("metrics import keeps raw responses, reports bad rows by line, imports the rest, and adds nothing twice")
  func importFile() throws {
    let shell = try makeShell(lang: .en)
    _ = shell.execute("team create A", renderer: Renderer(style: .plain))
    let dir = try TempDir()
    let csv = "\u{FEFF}Respondent;NPS;CES;CSAT;Touchpoint\n1;10;2;5;Cajero\n2;6;4;2;Cajero\n3;11;1;5;Web\n4;9;;4;Web\n5;;;3;\n"
    try csv.write(toFile: dir.file("survey.csv"), atomically: true, encoding: .utf8)
    let r = shell.execute("metrics import \(dir.file("survey.csv"))", renderer: Renderer(style: .plain))
    #expect(r.output.contains("4 new response(s) (0 already there, 1 with errors)"), "\(r.output)")
    #expect(r.errors == ["survey.csv: line 4: NPS \"11\" out of range (0-10); the row was not imported"])
    let again = shell.execute("metrics import \(dir.file("survey.csv"))", renderer: Renderer(style: .plain))
    #expect(again.output.contains("0 new response(s) (4 already there"))
    let shown = shell.execute("metrics show", renderer: Renderer(style: .plain)).output
    // Overall: NPS 10, 6, 9 → 2 promoters, 1 detractor of 3 = +33; CSAT 5,2,4,3 → 50%.
    #expect(shown.contains("+33") && shown.contains("50% (4)"), "\(shown)")
    #expect(shown.contains("Cajero") && shown.contains("Web"))
    let empty = try makeShell(lang: .en)
    _ = empty.execute("team create B", renderer: Renderer(style: .plain))
    #expect(empty.execute("metrics show", renderer: Renderer(style: .plain)).output.contains("No responses yet"))
  }
}

@Suite("Instructor's desk")
struct DeskTests {
  @Test("a class merged from real bundle files: status at a glance, grades with the course weights, CSV for the registrar")
  func mergedClass() throws {
    let dir = try TempDir()
    func run(_ db: String, _ script: String) throws -> RunResult {
      try runTaller(["--db", dir.file(db), "--lang", "en"], input: script, env: ["TZ": "UTC", "COLUMNS": "120"])
    }
    var r = try run("prof.sqlite", "class create CEM\nclass invite \(dir.file("hand"))\n")
    #expect(r.status == 0, "\(r.stderr)")
    let invite = try #require(try FileManager.default.contentsOfDirectory(atPath: dir.file("hand")).first)
    let teams = [("a.sqlite", "Los Incas", "Ana, José"), ("b.sqlite", "Los Andes", "Rosa, Juan, Luz"), ("c.sqlite", "Los Mochicas", "Eva")]
    for (db, name, members) in teams {
      r = try run(
        db,
        "team create \(name)\nmember add \(members)\nset marca-peruana.marca X\nclass join \(dir.file("hand"))/\(invite)\nsync export \(dir.file("in"))\n"
      )
      #expect(r.status == 0, "\(r.stderr)")
    }
    _ = try run(
      "a.sqlite", "add puntos-contacto.puntos nombre=Caja momento=durante tipo=humano valoracion=3\nsync export \(dir.file("in"))\n")
    r = try run("prof.sqlite", "class merge \(dir.file("in"))\nclass status --sort activity\n")
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("Class: 3 team(s)"))
    let status = String(r.stdout[(r.stdout.range(of: "Class: 3 team(s)")?.lowerBound ?? r.stdout.startIndex)...])
    let order = ["Los Incas", "Los Andes", "Los Mochicas"].map { status.range(of: "| " + $0)?.lowerBound }
    #expect(order[0] != nil && order[1] != nil && order[0]! < order[1]!, "latest activity first")
    #expect(try run("prof.sqlite", "class status --sort shoe size\n").status == 1)
    for (_, name, _) in teams { #expect(r.stdout.contains(name)) }
    r = try run(
      "prof.sqlite",
      "grade Los Incas puntos-contacto 18\ngrade Los Incas momentos-verdad 15\ngrade Los Incas participacion 20\ngrade Los Incas empatia 12\ngrade Los Incas journey 16\ngrade Los Incas final 17.5 Very good\ngrades --csv \(dir.file("grades.csv"))\ngrades\n"
    )
    #expect(r.status == 0, "\(r.stderr)")
    // (16.5·15 + 20·20 + 12·10 + 16·15 + 17.5·40) / 100 = 17.075 → 17.1
    #expect(r.stdout.contains("17.1"), "\(r.stdout)")
    let rows = CSV.parse(try String(contentsOfFile: dir.file("grades.csv"), encoding: .utf8))
    #expect(rows.count == 1 + 2 + 3 + 1, "one row per student")
    #expect(rows.first { $0.cells.first == "Los Incas" }?.cells.last == "17.1")
    // The return folder gives a team its own work, never its grades (sealed for the instructor)
    // nor another team's; and a team laptop cannot grade.
    _ = try run("prof.sqlite", "sync export \(dir.file("back"))\n")
    r = try run("a.sqlite", "sync import \(dir.file("in"))\nsync import \(dir.file("back"))\ngrades\ngrade Los Incas final 20\n")
    #expect(!r.stdout.contains("17.1"), "\(r.stdout)")
    let other = try run("a.sqlite", "team use Los Andes\n")
    #expect(other.status == 1 && other.stderr.contains("Other teams' work arrives sealed for their laptops"), "\(other.stderr)")
    #expect(r.stdout.contains("sealed for other laptops"), "\(r.stdout)")
    #expect(r.status == 1 && r.stderr.contains("Only the instructor grades"))
    for file in ["a.sqlite", "a.sqlite-wal"] {
      let bytes = (try? Data(contentsOf: URL(fileURLWithPath: dir.file(file)))) ?? Data()
      for secret in ["Los Andes", "Rosa", "Los Mochicas", "Very good"] {
        #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(secret) is in \(file)")
      }
    }
    // Published, a team's grades reach that team's laptops only.
    r = try run("prof.sqlite", "grades publish Los Incas\nsync export \(dir.file("back"))\nsync export \(dir.file("back"))\n")
    #expect(r.status == 0 && r.stdout.contains("grades of \"Los Incas\""), "\(r.stdout) \(r.stderr)")
    #expect(r.stdout.components(separatedBy: "grades of \"Los Incas\"").count == 2, "the same grades are written once")
    r = try run("a.sqlite", "sync import \(dir.file("back"))\ngrades\n")
    #expect(r.stdout.contains("17.1") && r.stdout.contains("Very good") && r.stdout.contains("published by the instructor"), "\(r.stdout)")
    r = try run("b.sqlite", "sync import \(dir.file("back"))\ngrades\n")
    #expect(!r.stdout.contains("17.1") && r.stdout.contains("has not published"), "\(r.stdout)")
    for file in ["b.sqlite", "b.sqlite-wal"] {
      let bytes = (try? Data(contentsOf: URL(fileURLWithPath: dir.file(file)))) ?? Data()
      #expect(bytes.range(of: Data("Very good".utf8)) == nil, "Los Incas' grade comment is in \(file)")
    }
  }
}

@Suite("Grading slips and fair participation")
struct GradingSlipTests {
  @Test("participation per student from attendance, overridable; typos and items that count toward nothing refused with help")
  func perStudent() throws {
    let dir = try TempDir()
    func run(_ db: String, _ script: String, lang: String = "en") throws -> RunResult {
      try runTaller(["--db", dir.file(db), "--lang", lang], input: script, env: ["TZ": "UTC", "COLUMNS": "200"])
    }
    #expect(try run("prof.sqlite", "class create CEM\nclass invite \(dir.file("hand"))\n").status == 0)
    let invite = try #require(try FileManager.default.contentsOfDirectory(atPath: dir.file("hand")).first)
    // Three sessions: Ana at all three, José at two, Luz at one.
    let team = try run(
      "a.sqlite",
      """
      team create Los Incas
      member add Ana Muñoz, José Pérez, Luz Quispe
      class join \(dir.file("hand"))/\(invite)
      session present Ana Muñoz, José Pérez, Luz Quispe
      set marca-peruana.marca Inca Kola
      session end
      session start
      session present Ana Muñoz, José Pérez
      set marca-peruana.de-que-trata Gaseosa
      session end
      session start
      session present Ana Muñoz
      set marca-peruana.historia Una historia
      session end
      sync export \(dir.file("in"))

      """)
    #expect(team.status == 0, "\(team.stderr)")
    _ = try run("b.sqlite", "team create Los Ñandúes\nclass join \(dir.file("hand"))/\(invite)\nsync export \(dir.file("in"))\n")
    #expect(try run("prof.sqlite", "class merge \(dir.file("in"))\n").status == 0)
    // Slips: a typo in a team's name, an ambiguous prefix, an exercise that counts toward no
    // grade, a misspelt item; nothing is saved.
    let slips = try run(
      "prof.sqlite",
      "grade Los Incaz participacion 18\ngrade Los participacion 18\ngrade Los Incas marca-peruana 18\ngrade Los Incas participasion 18\ngrade Los Incas empatia --student Luz 12\ngrade Los Incas participacion --student Pedro 12\n"
    )
    let errors = slips.stderr.split(separator: "\n").map(String.init)
    #expect(errors.count == 6, "\(slips.stderr)")
    #expect(errors[0].contains("There is no team \"Los Incaz\" on this laptop. Did you mean one of these? Los Incas."))
    #expect(errors[1].contains("Los Incas, Los Ñandúes"))
    #expect(
      errors[2].contains(
        "\"marca-peruana\" counts toward no grade of the course. What counts: puntos-mot (15%: puntos-contacto, momentos-verdad)"))
    #expect(errors[3].contains("Did you mean participacion?"))
    #expect(errors[4].contains("\"--student\" goes with participacion only"))
    #expect(errors[5].contains("\"Pedro\" is not a member of \"Los Incas\". Members: Ana Muñoz, José Pérez, Luz Quispe"))
    #expect(try run("prof.sqlite", "grades --csv\n").stdout.split(separator: "\n").allSatisfy { !$0.contains(",18,") })
    // The team's participation, shared out by attendance; one student's set by hand.
    let graded = try run(
      "prof.sqlite",
      "grade Los Incas participacion 18\ngrade Los Incas participacion --student José 19 always there\ngrade Los Incas participacion\ngrades\ngrades --csv \(dir.file("notas.csv"))\n"
    )
    #expect(graded.status == 0, "\(graded.stderr)")
    #expect(graded.stdout.contains("Per student (attendance at 3 session(s))"), "\(graded.stdout)")
    for row in [
      "| Ana Muñoz  | 3/3        | 18    | proposal", "| José Pérez | 2/3        | 19    | the instructor's",
      "| Luz Quispe | 1/3        | 6     | proposal",
    ] {
      #expect(graded.stdout.contains(row), "\(row)\n\(graded.stdout)")
    }
    // An incomplete final reads the same in `grades` and in the CSV.
    #expect(graded.stdout.contains("3.6 (partial)"), "\(graded.stdout)")
    let rows = CSV.parse(try String(contentsOfFile: dir.file("notas.csv"), encoding: .utf8)).map(\.cells)
    let byName = Dictionary(uniqueKeysWithValues: rows.dropFirst().map { ($0[1], $0) })
    #expect(byName["Ana Muñoz"]?[3] == "18" && byName["Ana Muñoz"]?.last == "3.6 (partial)")
    #expect(byName["José Pérez"]?[3] == "19" && byName["José Pérez"]?.last == "3.8 (partial)")
    #expect(byName["Luz Quispe"]?[3] == "6" && byName["Luz Quispe"]?.last == "1.2 (partial)")
    // Feedback per team: each team's grades in its own folder, sealed for it alone.
    let back = try run("prof.sqlite", "feedback \(dir.file("back"))\n")
    #expect(back.status == 0 && back.stdout.contains("grades of \"Los Incas\""), "\(back.stdout) \(back.stderr)")
    #expect(!back.stdout.contains("Los Ñandúes"), "a team without grades gets nothing")
    let received = try run("a.sqlite", "sync import \(dir.file("back"))\ngrades\n")
    #expect(received.stdout.contains("published by the instructor") && received.stdout.contains("| 18 "), "\(received.stdout)")
    let other = try run("b.sqlite", "sync import \(dir.file("back"))\ngrades\n")
    #expect(other.stdout.contains("has not published"), "\(other.stdout)")
    // `help grade`: one usage line.
    let help = try run("prof.sqlite", "help grade\n")
    #expect(help.stdout.components(separatedBy: "grade TEAM ITEM").count == 2, "\(help.stdout)")
    let ayuda = try run("prof.sqlite", "ayuda calificar\n", lang: "es")
    #expect(
      ayuda.stdout.components(separatedBy: "calificar EQUIPO RUBRO").count == 2 && ayuda.stdout.contains("--alumno"), "\(ayuda.stdout)")
  }
}

/// Every drawing, help text and message at the widths a classroom's terminals and projectors
/// have: nothing wider than the window, no word broken.
@Suite("Any width")
struct WidthTests {
  static let widths = [60, 80, 120]

  /// The words of a drawing's lines, and whether a word of the answers was cut across lines.
  static func widest(_ text: String) -> Int {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { DisplayWidth.of(String($0)) }.max() ?? 0
  }

  @Test(
    "every exercise's drawing at 60, 80 and 120 columns, in both languages, matches its golden file and fits", arguments: [Lang.es, .en])
  func drawings(lang: Lang) throws {
    let (shell, _) = try filledShell(lang)
    for w in Self.widths {
      var out = ""
      let teamID = try #require(shell.session.teamID)
      let team = try #require(try shell.context.store.team(id: teamID))
      for def in shell.context.content.ordered {
        let lines = Drawings.draw(shell.context, team: team, def: def, lang: lang)
        let text = Renderer(style: Style(color: false, unicode: true, width: w)).render(Reply(lines: lines))
        #expect(Self.widest(text) <= w, "\(def.id) at \(w): \(Self.widest(text)) columns")
        out += text + "\n"
      }
      try assertGolden(out, "drawings-\(lang.rawValue)-\(w).txt")
    }
  }

  @Test("words are never broken: every word of every answer is whole on some line, at every width", arguments: [Lang.es, .en])
  func noBrokenWords(lang: Lang) throws {
    let (shell, _) = try filledShell(lang)
    let teamID = try #require(shell.session.teamID)
    let team = try #require(try shell.context.store.team(id: teamID))
    var words = Set<String>()
    for s in try answerTexts(shell) {
      for w in s.split(whereSeparator: { $0.isWhitespace }) where w.count > 2 && w.count < 20 { words.insert(String(w)) }
    }
    // The words the drawings show at all (at a width where nothing is wrapped).
    var wide = ""
    for def in shell.context.content.ordered {
      wide += Renderer(style: Style(color: false, unicode: true, width: 400)).render(
        Reply(lines: Drawings.draw(shell.context, team: team, def: def, lang: lang)))
    }
    let wideTokens = Set(wide.split(whereSeparator: { $0.isWhitespace }).map(String.init))
    words = words.filter { w in wideTokens.contains { $0.contains(w) } }
    #expect(words.count > 10)
    for w in Self.widths {
      var shown = ""
      for def in shell.context.content.ordered {
        let text = Renderer(style: Style(color: false, unicode: true, width: w))
          .render(Reply(lines: Drawings.draw(shell.context, team: team, def: def, lang: lang)))
        shown += text
      }
      let tokens = Set(
        shown.split(whereSeparator: { $0.isWhitespace || "│|┃".contains($0) }).map {
          $0.trimmingCharacters(in: CharacterSet(charactersIn: "(),:;.·\"«»"))
        })
      for word in words {
        let core = word.trimmingCharacters(in: CharacterSet(charactersIn: "(),:;.·\"«»!¡?¿"))
        #expect(tokens.contains(core) || shown.contains(word), "\"\(word)\" broken at \(w) columns")
      }
    }
  }

  @Test("help, hints and errors wrap at word boundaries at 60 columns")
  func textWraps() throws {
    let shell = try makeShell(lang: .es)
    let renderer = Renderer(style: Style(color: false, unicode: true, width: 60))
    for line in ["ayuda", "ayuda add", "equipo crear", "set marca-peruana.experiencia mágica", "start nada"] {
      let r = shell.execute(line, renderer: renderer)
      let text = r.output + r.errors.map(renderer.renderError).joined()
      #expect(WidthTests.widest(text) <= 60, "\(line): \(text.split(separator: "\n").filter { DisplayWidth.of(String($0)) > 60 })")
    }
    // A long message breaks between words, with the rest indented under it.
    let wrapped = Renderer.wrap("✗ " + String(repeating: "palabra ", count: 20), 60, hanging: 2)
    #expect(wrapped.allSatisfy { $0.count <= 60 } && wrapped.dropFirst().allSatisfy { $0.hasPrefix("  palabra") })
  }
}

@Suite("Class clock")
struct ClassClockTests {
  @Test("the clock's states: running, +1, paused, resumed, ended (held at 0:00 for a while), stopped")
  func states() {
    let t0: Int64 = 1_795_000_000_000
    let c = ClassClock.start(klass: "k", writer: "w", minutes: 15, now: t0)
    #expect(c.state(now: t0 + 60_000) == .running(ends: t0 + 15 * 60_000, left: 14 * 60_000))
    let more = c.plusMinute(now: t0 + 60_000)
    #expect(more.ends == t0 + 16 * 60_000 && more.at > c.at)
    let paused = more.paused(now: t0 + 120_000)
    #expect(paused.state(now: t0 + 999_999) == .paused(left: 14 * 60_000))
    let resumed = paused.resumed(now: t0 + 600_000)
    #expect(resumed.ends == t0 + 600_000 + 14 * 60_000)
    #expect(resumed.state(now: resumed.ends! + 1000) == .ended(at: resumed.ends!))
    #expect(resumed.state(now: resumed.ends! + ClassClock.holdAfterEnd + 1) == .stopped)
    #expect(resumed.stopped(now: t0 + 700_000).state(now: t0 + 700_000) == .stopped)
    // Signed: a changed end is refused.
    let key = Signing.newPrivateKey()
    let pub = Signing.publicKey(ofPrivate: key)
    let line = try! #require(c.encode(signingKey: key))
    #expect(ClassClock.decode(Data(line.utf8), key: { _ in pub }) == c)
    let forged = line.replacingOccurrences(of: String(t0 + 15 * 60_000), with: String(t0 + 25 * 60_000))
    #expect(ClassClock.decode(Data(forged.utf8), key: { _ in pub }) == nil)
  }

  @Test("two team laptops that receive the class clock at different times show the same end; a team cannot set it")
  func sameEnd() throws {
    let dir = try TempDir()
    let t0: Int64 = 1_795_000_000_000
    func run(_ db: String, _ script: String, at: Int64, lang: String = "en") throws -> RunResult {
      try runTaller(
        ["--db", dir.file(db), "--lang", lang], input: script,
        env: ["TZ": "America/Lima", "COLUMNS": "200", "TALLER_NOW": String(at), "XDG_DATA_HOME": dir.file("data-" + db)])
    }
    #expect(try run("prof.sqlite", "class create CEM\nclass invite \(dir.file("hand"))\n", at: t0).status == 0)
    let invite = try #require(try FileManager.default.contentsOfDirectory(atPath: dir.file("hand")).first)
    for (db, name) in [("a.sqlite", "Los Incas"), ("b.sqlite", "Los Andes")] {
      #expect(try run(db, "team create \(name)\nclass join \(dir.file("hand"))/\(invite)\n", at: t0).status == 0)
    }
    let set = try run("prof.sqlite", "timer class 15\nsync export \(dir.file("share"))\n", at: t0, lang: "es")
    #expect(set.status == 0 && set.stdout.contains("15 min, termina a las 06:21"), "\(set.stdout) \(set.stderr)")
    let early = try run("a.sqlite", "sync import \(dir.file("share"))\n", at: t0 + 60_000)
    let late = try run("b.sqlite", "sync import \(dir.file("share"))\n", at: t0 + 9 * 60_000)
    #expect(early.stdout.contains("Instructor's clock: ends at 06:21 (14:00 left)"), "\(early.stdout)")
    #expect(late.stdout.contains("Instructor's clock: ends at 06:21 (06:00 left)"), "\(late.stdout)")
    // Kept: a later run shows it too, and «¡Tiempo!» after the end.
    #expect(try run("b.sqlite", "timer class\n", at: t0 + 10 * 60_000).stdout.contains("ends at 06:21 (05:00 left)"))
    #expect(
      try run("b.sqlite", "timer class\n", at: t0 + 16 * 60_000).stdout.contains("Time! The instructor's clock reached 0:00 at 06:21"))
    // +1 and pause travel the same way (a clock file straight into the folder).
    let plus = try run("prof.sqlite", "timer class +1 \(dir.file("now"))\n", at: t0 + 2 * 60_000)
    #expect(plus.status == 0 && plus.stdout.contains("ends at 06:22"), "\(plus.stdout) \(plus.stderr)")
    #expect(try run("a.sqlite", "sync import \(dir.file("now"))\n", at: t0 + 3 * 60_000).stdout.contains("ends at 06:22 (13:00 left)"))
    // A team laptop cannot set the class's clock; a forged file is refused by name.
    let team = try run("a.sqlite", "timer class 30\n", at: t0)
    #expect(team.status == 1 && team.stderr.contains("Only the instructor sets the class clock"))
    let clockFile = try #require(try FileManager.default.contentsOfDirectory(atPath: dir.file("now")).first)
    let text = try String(contentsOfFile: dir.file("now/" + clockFile), encoding: .utf8)
    try FileManager.default.createDirectory(atPath: dir.file("forged"), withIntermediateDirectories: true)
    try text.replacingOccurrences(of: "\"minutes\":15", with: "\"minutes\":45").write(
      toFile: dir.file("forged/" + clockFile), atomically: true, encoding: .utf8)
    let forged = try run("b.sqlite", "sync import \(dir.file("forged"))\n", at: t0 + 3 * 60_000)
    #expect(forged.status == 1 && forged.stderr.contains("signature does not match"), "\(forged.stderr)")
  }
}

@Suite("Projector board")
struct BoardTests {
  /// A class of three teams with work in different states, and a running class clock.
  static func snapshot(now t0: Int64) -> Board.Snapshot {
    Board.Snapshot(
      title: "CEM 2026-2",
      clock: ClassClock.start(klass: "k", writer: "w", minutes: 15, now: t0 - 3 * 60_000 - 29_000),
      exercises: ["Dinámica", "Puntos de contacto", "Momentos de la verdad", "Mapa de empatía", "Customer journey map", "Trabajo final"],
      exerciseIDs: ["marca-peruana", "puntos-contacto", "momentos-verdad", "mapa-empatia", "mapa-viaje", "proyecto-final"],
      rows: [
        Board.TeamRow(
          name: "Los Incas", marks: [.done, .working, .none, .none, .none, .none], last: t0 - 2 * 60_000, conflicts: 1, answered: 9),
        Board.TeamRow(
          name: "Los Andes", marks: [.done, .none, .none, .none, .none, .none], last: t0 - 25 * 60_000, conflicts: 0, answered: 6),
        Board.TeamRow(name: "Los Mochicas", marks: [.none, .none, .none, .none, .none, .none], last: nil, conflicts: 0, answered: 0),
        // Started, with nothing that counts yet (a list item half filled): not "nothing saved".
        Board.TeamRow(
          name: "Los Nascas", marks: [.none, .none, .none, .none, .working, .none], last: t0 - 60_000, conflicts: 0, answered: 0),
      ])
  }

  @Test(
    "the board fills 80×24 and 160×48 exactly, large digits, marks with letters, who needs help most behind first",
    arguments: [(80, 24), (160, 48)])
  func frames(size: (Int, Int)) throws {
    let t0: Int64 = 1_795_000_000_000
    for (lang, unicode) in [(Lang.es, true), (.en, false)] {
      let lines = Board.frame(
        Self.snapshot(now: t0), width: size.0, height: size.1, now: t0, zone: TimeZone(identifier: "UTC")!, lang: lang, unicode: unicode,
        idleMinutes: 10)
      #expect(lines.count == size.1)
      #expect(lines.allSatisfy { $0.count == size.0 })
      try assertGolden(lines.joined(separator: "\n") + "\n", "board-\(lang.rawValue)-\(size.0)x\(size.1).txt")
    }
    let help = Board.needsHelp(Self.snapshot(now: t0), now: t0, idleMinutes: 10, lang: .en)
    #expect(help.map(\.name) == ["Los Mochicas", "Los Andes"])
    #expect(help.map(\.why) == ["nothing saved", "no change for 25 min"])
  }

  @Test("a scripted class of 40 teams: the board names exactly the idle teams as needing help")
  func fortyTeams() throws {
    let clock = TestClock()
    let shell = try makeShell(lang: .en, clock: clock)
    _ = try ClassFixture.build(
      into: shell.context.store, content: shell.context.content, teams: 40, laptopsPerTeam: 1, conflictsPerTeam: 0, clock: clock.now)
    clock.advance(30 * 60_000)
    // Every team but three moves on in the last minutes; the instructor writes for them.
    for t in 1...40 where ![7, 23, 38].contains(t) {
      #expect(shell.execute("team use Equipo \(t)", renderer: Renderer(style: .plain)).errors.isEmpty)
      #expect(shell.execute("set marca-peruana.marca Nueva \(t)", renderer: Renderer(style: .plain)).errors.isEmpty)
    }
    clock.advance(60_000)
    let out = shell.execute("board", renderer: Renderer(style: .plain)).output
    let help = String(try #require(out.range(of: "Need help").map { out[$0.lowerBound...] }))
    #expect(help.hasPrefix("Need help (3):"), "\(help)")
    for t in 1...40 { #expect(help.contains("Equipo \(t) (no change for 31 min)") == [7, 23, 38].contains(t), "\(t): \(help)") }
    // Every team has its row.
    for t in 1...40 { #expect(out.contains(" Equipo \(t) ")) }
  }
}

@Suite("Presentation")
struct PresentationTests {
  @Test("keys: arrows, Page Up/Down, n, p, space, r; q and Ctrl-C leave")
  func keys() {
    #expect(BoardKey.parse(Array("\u{1B}[C\u{1B}[Dnp r".utf8)).keys == [.next, .previous, .next, .previous, .next, .reveal])
    #expect(BoardKey.parse(Array("\u{1B}[6~\u{1B}[5~".utf8)).keys == [.next, .previous])
    #expect(BoardKey.parse(Array("nq".utf8)) == ([.next], true))
    #expect(BoardKey.parse([0x03]).leave)
  }

  @Test("a team's page: answers hidden behind the story timer until revealed; compare overlays the journeys' emotion curves")
  func pages() throws {
    let clock = TestClock()
    let shell = try makeShell(lang: .en, clock: clock)
    let plain = Renderer(style: .plain)
    for line in [
      "team create Los Incas", "set marca-peruana.marca Inca Kola",
      "add mapa-viaje.etapas nombre=Buscar acciones=Busca emocion=2", "add mapa-viaje.etapas nombre=Pagar acciones=Paga emocion=-1",
      "team create Los Andes", "add mapa-viaje.etapas nombre=Buscar acciones=Mira emocion=1",
    ] {
      #expect(shell.execute(line, renderer: plain).errors.isEmpty, "\(line)")
    }
    let ctx = shell.context
    let teams = try ctx.store.teams().sorted { $0.name > $1.name }
    let def = try #require(ctx.content.exercise("marca-peruana"))
    let t0 = ctx.now()
    clock.advance(61_000)
    let hidden = Presentation.frame(
      ctx, teams: teams, def: def, index: 0, shownAt: t0, revealed: false, width: 80, height: 24, lang: .en, unicode: false)
    #expect(hidden.count == 24 && hidden.allSatisfy { $0.count == 80 })
    #expect(hidden.joined().contains("STORY 03:59 OF 5:00") && hidden.joined().contains("The answers are hidden"))
    #expect(!hidden.joined().contains("Inca Kola"))
    let shown = Presentation.frame(
      ctx, teams: teams, def: def, index: 0, shownAt: t0, revealed: true, width: 80, height: 24, lang: .en, unicode: false)
    #expect(shown.joined().contains("Inca Kola") && shown[0].contains("team 1 of 2"))
    clock.advance(5 * 60_000)
    #expect(
      Presentation.frame(
        ctx, teams: teams, def: def, index: 0, shownAt: t0, revealed: true, width: 80, height: 24, lang: .en, unicode: false
      )
      .joined().contains("TIME! (5 MIN)"))
    // Compare: one column per stage, a letter per team, the mean below.
    let out = shell.execute("compare mapa-viaje", renderer: plain).output
    #expect(out.contains("Emotion curves of 2 team(s)"), "\(out)")
    let top = try #require(out.split(separator: "\n").first { $0.hasPrefix("| +2") })
    let one = try #require(out.split(separator: "\n").first { $0.hasPrefix("| +1") })
    #expect(top.contains("| B ") && one.contains("| A "), "\(out)")
    #expect(out.contains("A Los Andes · B Los Incas") || out.contains("A Los Andes - B Los Incas"), "\(out)")
    #expect(shell.execute("compare marca-peruana", renderer: plain).errors.first?.contains("works with mapa-viaje only") == true)
  }
}
