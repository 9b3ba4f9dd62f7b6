import Foundation
import Testing

@testable import TallerCore
@testable import TallerStore

#if canImport(Glibc)
  import Glibc
#endif

/// The built binary, driven through pipes as a script or an instructor's automation would.
@Suite("End to end", .serialized)
struct EndToEndTests {
  @Test("a piped script runs with no prompt, results on stdout, errors on stderr, exit 1 on failure")
  func pipedScript() throws {
    let dir = try TempDir()
    let db = dir.file("class.sqlite")
    let script = """
      # a comment, then a blank line

      equipo crear "Los Incas"
      miembro agregar Ana Muñoz, José Pérez
      comando-inventado
      estado
      """
    let r = try runTaller(["--db", db], input: script, env: ["TZ": "UTC"])
    #expect(r.status == 1)
    let lines = r.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first == "Equipo \"Los Incas\" creado; es el equipo actual.")
    // Adding members is the team's first work: a session begins (time shown in the laptop's zone).
    #expect(lines.count > 5 && lines[1].hasPrefix("Sesión 1 de Los Incas - "))
    #expect(lines.count > 5 && lines[1].hasSuffix(" - presentes: Ana Muñoz, José Pérez"))
    #expect(lines.count > 5 && lines[2] == "(¿falta alguien? \"sesión presentes NOMBRE, NOMBRE...\")")
    #expect(
      Array(lines.dropFirst(3).prefix(3)) == [
        "\"Ana Muñoz\" y \"José Pérez\" en el equipo \"Los Incas\" (2/3).", "Equipo: Los Incas",
        "Integrantes (2/3): Ana Muñoz, José Pérez",
      ])
    #expect(r.stderr == "línea 5: \"comando-inventado\" no es un comando. Escribe \"ayuda\" para ver los comandos.\n")
    #expect(!r.stdout.contains("\u{1B}["), "no colors in a pipe")
    let store = try TallerStore.open(path: db)
    #expect(try store.teams().first?.members.map(\.name) == ["Ana Muñoz", "José Pérez"])
  }

  @Test("--bail stops at the first failing command")
  func bail() throws {
    let dir = try TempDir()
    let r = try runTaller(
      ["--db", dir.file("x.sqlite"), "--bail", "--lang", "en"], input: "team create A\nxyzzy\nteam create B\n")
    #expect(r.status == 1)
    #expect(r.stderr == "line 2: \"xyzzy\" is not a command. Type \"help\" for the commands.\n")
    #expect(try TallerStore.open(path: dir.file("x.sqlite")).teams().map(\.name) == ["A"])
  }

  @Test("a clean script exits 0; -c and trailing words run one command")
  func oneCommand() throws {
    let dir = try TempDir()
    let db = dir.file("x.sqlite")
    #expect(try runTaller(["--db", db], input: "team create Los Incas\nteam list\n").status == 0)
    let c = try runTaller(["--db", db, "-c", "team list"], env: ["TALLER_LANG": "en"])
    #expect(c.status == 0)
    #expect(c.stdout == "Teams:\n  Los Incas  0 member(s) (current)\n")
    let words = try runTaller(["--db", db, "--lang", "en", "team", "create", "Los Andes"])
    #expect(words.status == 0)
    #expect(words.stdout == "Team \"Los Andes\" created; it is the current team.\n")
    let failed = try runTaller(["--db", db, "-c", "team use Nobody"], env: ["TALLER_LANG": "en"])
    #expect(failed.status == 1)
    #expect(failed.stderr.contains("There is no team \"Nobody\""))
  }

  @Test("usage errors exit 2 with a message in the user's language")
  func usageErrors() throws {
    let dir = try TempDir()
    let r = try runTaller(["--db", dir.file("x.sqlite"), "--no-such-flag"])
    #expect(r.status == 2)
    #expect(r.stderr.contains("Uso incorrecto"))
    let en = try runTaller(["--lang", "fr"])
    #expect(en.status == 2)
    #expect(en.stderr.contains("fr"))
    let missing = try runTaller(["--db", dir.file("x.sqlite"), "-f", dir.file("missing.txt")])
    #expect(missing.status == 2)
    #expect(try runTaller(["--version"]).stdout == "taller 0.1.0\n")
  }

  @Test("a script file runs with -f; a last line without newline and CRLF endings are fine")
  func scriptFile() throws {
    let dir = try TempDir()
    let script = dir.file("clase.taller")
    try "equipo crear Los Incas\r\nmiembro agregar Ana\r\nestado".write(toFile: script, atomically: true, encoding: .utf8)
    let r = try runTaller(["--db", dir.file("x.sqlite"), "-f", script])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("Integrantes (1/3): Ana"))
  }

  @Test("a foreign or broken database file is refused untouched, exit 1")
  func refusesForeignFile() throws {
    let dir = try TempDir()
    let path = dir.file("tarea.docx")
    let content = Data("PK\u{03}\u{04} esto es un documento".utf8)
    try content.write(to: URL(fileURLWithPath: path))
    let r = try runTaller(["--db", path, "-c", "team list"])
    #expect(r.status == 1)
    #expect(r.stderr == "\(path): no es una base de datos de taller (no es un archivo SQLite). No se modificó nada.\n")
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == content)
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["tarea.docx"])
  }

  @Test("the language comes from --lang, $TALLER_LANG, or the last `lang` chosen")
  func languageChoice() throws {
    let dir = try TempDir()
    let db = dir.file("x.sqlite")
    #expect(try runTaller(["--db", db, "-c", "lang"]).stdout.hasPrefix("Idioma: español"))
    #expect(try runTaller(["--db", db, "-c", "lang en"]).status == 0)
    #expect(try runTaller(["--db", db, "-c", "lang"]).stdout.hasPrefix("Language: English"))
    #expect(try runTaller(["--db", db, "-c", "lang"], env: ["TALLER_LANG": "es"]).stdout.hasPrefix("Idioma"))
  }

  @Test("kill -9 right after an answer is acknowledged loses nothing", arguments: 0..<3)
  func killAfterAcknowledgement(trial: Int) throws {
    let dir = try TempDir()
    let db = dir.file("x.sqlite")
    let p = Process()
    p.executableURL = try tallerBinary()
    p.arguments = ["--db", db]
    let inPipe = Pipe()
    let outPipe = Pipe()
    p.standardInput = inPipe
    p.standardOutput = outPipe
    p.standardError = Pipe()
    try p.run()
    let names = (0...trial).map { "Equipo \($0) ñ" }
    var acknowledged = 0
    var received = ""
    for name in names {
      inPipe.fileHandleForWriting.write(Data("team create \(name)\n".utf8))
      // Wait for the acknowledgement line of this command.
      while received.components(separatedBy: "\n").count - 1 <= acknowledged {
        let chunk = outPipe.fileHandleForReading.availableData
        if chunk.isEmpty { break }
        received += String(decoding: chunk, as: UTF8.self)
      }
      acknowledged += 1
    }
    kill(p.processIdentifier, SIGKILL)
    p.waitUntilExit()
    #expect(p.terminationReason == .uncaughtSignal)
    let store = try TallerStore.open(path: db)
    #expect(try store.teams().map(\.name).sorted() == names.sorted())
    #expect(try store.integrityCheck() == "ok")
  }

  @Test("a session whose taller was killed shows as interrupted, and the next work closes it at its last change")
  func killedSession() throws {
    let dir = try TempDir()
    let db = dir.file("x.sqlite")
    let env = ["TZ": "UTC"]
    #expect(try runTaller(["--db", db, "--lang", "en"], input: "team create A\nmember add Ana, José\nquit\n", env: env).status == 0)
    let p = Process()
    p.executableURL = try tallerBinary()
    p.arguments = ["--db", db, "--lang", "en"]
    p.environment = ProcessInfo.processInfo.environment.merging(env) { $1 }
    let inPipe = Pipe()
    let outPipe = Pipe()
    p.standardInput = inPipe
    p.standardOutput = outPipe
    p.standardError = Pipe()
    try p.run()
    inPipe.fileHandleForWriting.write(Data("session present José\nset marca-peruana.marca Inca Kola\n".utf8))
    var received = ""
    while !received.contains("saved") {
      let chunk = outPipe.fileHandleForReading.availableData
      if chunk.isEmpty { break }
      received += String(decoding: chunk, as: UTF8.self)
    }
    kill(p.processIdentifier, SIGKILL)
    p.waitUntilExit()
    let listed = try runTaller(["--db", db, "--lang", "en", "-c", "sessions"], env: env)
    #expect(listed.status == 0)
    #expect(listed.stdout.contains("interrupted"), "\(listed.stdout)")
    let next = try runTaller(["--db", db, "--lang", "en"], input: "set marca-peruana.de-que-trata Soda\nsession show 2\n", env: env)
    #expect(next.stdout.contains("Session 2 was left open"), "\(next.stdout)")
    #expect(next.stdout.contains("Session 3 of A"))
    #expect(next.stdout.contains("Present: José"))
    #expect(next.stdout.contains("What is the brand?: Inca Kola"))
    #expect(try TallerStore.open(path: db).integrityCheck() == "ok")
  }
}
