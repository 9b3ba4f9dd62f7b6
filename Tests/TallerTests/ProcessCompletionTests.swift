import Foundation
import Testing

@testable import TallerCore
@testable import TallerShell

/// The completion script bash users install, and the man pages: both made from the command table.
@Suite("Completion scripts and man pages", .serialized)
struct ProcessCompletionTests {
  /// What bash offers for a command line whose last word is being typed, with the script
  /// `taller --generate-completion-script bash` loaded (run in `dir`).
  func complete(_ words: [String], in dir: TempDir) throws -> [String] {
    let binary = try tallerBinary()
    let quoted = words.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
    let script = """
      source <(taller --generate-completion-script bash) || exit 3
      COMP_WORDS=(taller \(quoted)); COMP_CWORD=$((${#COMP_WORDS[@]}-1))
      COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}; COMPREPLY=()
      _taller taller "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
      printf '%s\\n' "${COMPREPLY[@]}"
      """
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/bin/bash")
    p.arguments = ["-c", script]
    p.currentDirectoryURL = dir.url
    var env = ProcessInfo.processInfo.environment
    env["PATH"] = binary.deletingLastPathComponent().path + ":" + (env["PATH"] ?? "/usr/bin:/bin")
    env["TALLER_DB"] = dir.file("db.sqlite")
    p.environment = env
    let out = Pipe()
    p.standardOutput = out
    p.standardError = FileHandle.nullDevice
    try p.run()
    let reader = PipeReader(out.fileHandleForReading)
    p.waitUntilExit()
    #expect(p.terminationStatus == 0, "the script loads and runs")
    return reader.text().split(separator: "\n").map(String.init)
  }

  @Test(
    "bash completes --lang to es and en, commands, exercise ids and fields, and file names after --db and -f",
    .enabled(if: OptionalTool.bash, "skipped: bash is not installed"))
  func bashCompletion() throws {
    let dir = try TempDir()
    _ = FileManager.default.createFile(atPath: dir.file("clase.sqlite"), contents: Data())
    _ = FileManager.default.createFile(atPath: dir.file("guion.txt"), contents: Data())
    #expect(try complete(["--lang", ""], in: dir) == ["es", "en"])
    let commands = try complete(["te"], in: dir)
    #expect(commands.contains("team") && commands.contains("terminar"), "\(commands)")
    #expect(commands.allSatisfy { $0.hasPrefix("te") })
    #expect(try complete(["--db", "cla"], in: dir) == ["clase.sqlite"])
    #expect(try complete(["-f", "gu"], in: dir) == ["guion.txt"])
    #expect(try complete(["start", ""], in: dir).contains("momentos-verdad"))
    #expect(try complete(["set", "marca-peruana.d"], in: dir) == ["marca-peruana.de-que-trata", "marca-peruana.diferenciacion"])
    #expect(try complete(["equipo", "cr"], in: dir) == ["crear", "create"])
  }

  @Test("the man page, in Spanish and in English, lists every command's usage and every flag from the table", arguments: [Lang.es, .en])
  func manPage(lang: Lang) throws {
    let page = ManPage.render(lang: lang, version: "9.9", date: "2026-12-01")
    for c in CommandTable.standard.commands {
      #expect(page.contains("\\fB" + ManPage.esc(c.usage(lang)) + "\\fR"), "\(c.name)")
      #expect(page.contains(ManPage.esc(Message(c.summary).text(lang))), "\(c.name)")
    }
    for o in ProcessOption.all { #expect(page.contains(ManPage.esc(o.names[0]))) }
    // The texts the table names by key take no placeholders (a key with one would show «{x}»).
    var keys = ProcessOption.all.flatMap { [$0.help] + ($0.value.map { [$0] } ?? []) }
    for c in CommandTable.standard.commands {
      keys +=
        [c.summary] + (c.detail.map { [$0] } ?? []) + c.params.map(\.name) + c.flags.flatMap { [$0.help] + ($0.value.map { [$0] } ?? []) }
    }
    for key in keys { #expect(!Message(key).text(lang).contains("{"), "\(key.rawValue)") }
    #expect(page.contains(lang == .es ? ".SH OPCIONES" : ".SH OPTIONS"), "section names in the page's language")
    // The binary gives the same page.
    let r = try runTaller(["--generate-manpage", lang.rawValue])
    #expect(r.status == 0)
    #expect(r.stdout.contains(ManPage.esc(CommandTable.standard.commands[0].usage(lang))))
  }

  @Test(
    "the man pages are clean for mandoc's checker",
    .enabled(if: OptionalTool.mandoc, "skipped: mandoc is not installed (apt-get install mandoc)"), arguments: [Lang.es, .en])
  func manPageLint(lang: Lang) throws {
    let dir = try TempDir()
    let file = dir.file("taller.1")
    try ManPage.render(lang: lang, version: "9.9", date: "2026-12-01").write(toFile: file, atomically: true, encoding: .utf8)
    let r = try runTool("mandoc", ["-T", "lint", "-W", "warning", file])
    #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
  }
}
