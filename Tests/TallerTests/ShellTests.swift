import Foundation
import Testing

@testable import TallerCore
@testable import TallerShell
@testable import TallerStore

@Suite("Argument splitting")
struct SplitTests {
  @Test(
    "splits like a shell",
    arguments: [
      (#"team create "Los Incas""#, ["team", "create", "Los Incas"]),
      (#"team create 'Los Incas'"#, ["team", "create", "Los Incas"]),
      (#"say "a \"quoted\" word""#, ["say", #"a "quoted" word"#]),
      (#"a\ b c"#, ["a b", "c"]),
      (#"x """#, ["x", ""]),
      ("  many   spaces\there ", ["many", "spaces", "here"]),
      ("equipo crear «Los Incas»", ["equipo", "crear", "Los Incas"]),
      ("ñandú ¿qué?", ["ñandú", "¿qué?"]),
    ])
  func splits(line: String, tokens: [String]) throws {
    #expect(try CommandTable.split(line) == tokens)
  }

  @Test("an open quote is an error")
  func openQuote() {
    #expect(throws: ParseFailure.unterminatedQuote("\"")) { try CommandTable.split(#"team create "Los"#) }
  }
}

@Suite("Start-up")
struct StartupTests {
  @Test("the content is read when a command first needs it, and once")
  func contentWhenNeeded() throws {
    let content = try BuiltinContent.content.get()
    let reads = Counter()
    let ctx = ShellContext(
      store: try TallerStore.inMemory(), version: "9.9.9",
      contentWhenNeeded: {
        _ = reads.next()
        return content
      }, interactive: false)
    let shell = Shell(context: ctx, session: Session(lang: .es))
    let plain = Renderer(style: .plain)
    #expect(shell.execute("version", renderer: plain).output.contains("9.9.9"))
    _ = shell.execute("equipo lista", renderer: plain)
    #expect(reads.next() == 1, "no content was needed yet")
    #expect(shell.execute("ejercicios", renderer: plain).output.contains("marca-peruana"))
    #expect(shell.execute("equipo crear Los Incas", renderer: plain).errors.isEmpty)
    #expect(shell.execute("ver marca-peruana", renderer: plain).errors.isEmpty)
    #expect(reads.next() == 3, "the content was read once")
  }
}

@Suite("Command table")
struct CommandTableTests {
  static let table = CommandTable.standard

  @Test("every command has a summary and usage in both languages", arguments: CommandTable.standard.commands.map(\.name))
  func helpInBothLanguages(name: String) throws {
    let spec = try #require(Self.table.spec(name))
    for lang in Lang.allCases {
      #expect(!Message(spec.summary).text(lang).isEmpty)
      #expect(lang.catalog[spec.summary] != nil)
      if let d = spec.detail { #expect(lang.catalog[d] != nil) }
      #expect(spec.usage(lang).hasPrefix(spec.localName(lang)))
      let reply = help(topic: spec.words.map(\.name), lang: lang)
      #expect(reply.lines.count >= 2, "help \(name) in \(lang)")
    }
  }

  @Test("every spelling of every command leads to it", arguments: CommandTable.standard.commands.map(\.name))
  func spellingsResolve(name: String) throws {
    let spec = try #require(Self.table.spec(name))
    if spec.words.count == 1 {
      for s in spec.words[0].spellings {
        #expect(Self.table.lookup([s])?.0.name == name)
      }
    } else {
      for a in spec.words[0].spellings {
        for b in spec.words[1].spellings {
          #expect(Self.table.lookup([a, b])?.0.name == name, "\(a) \(b)")
        }
      }
    }
    for s in spec.shortcuts { #expect(Self.table.lookup([s])?.0.name == name) }
  }

  @Test("names and spellings are unique")
  func unique() {
    let names = Self.table.commands.map(\.name)
    #expect(Set(names).count == names.count)
    var firsts: [String: String] = [:]
    for w in Self.table.firstWords {
      for s in w.spellings {
        #expect(firsts[Text.fold(s)] == nil || firsts[Text.fold(s)] == w.name, "spelling \(s) used twice")
        firsts[Text.fold(s)] = w.name
      }
    }
  }

  @Test(
    "did you mean",
    arguments: [
      ("tema list", "team"), ("equpo", "team"), ("ayudaa", "help"), ("estatus", "status"), ("salr", "quit"),
      ("team crate", "team create"), ("miembro agrgar", "member add"),
    ])
  func didYouMean(line: String, suggestion: String) {
    do {
      _ = try Self.table.parse(line)
      Issue.record("\(line) should not parse")
    } catch {
      guard case .unknown(_, let suggestions) = error else {
        Issue.record("unexpected \(error)")
        return
      }
      #expect(suggestions.contains(suggestion), "\(line) → \(suggestions)")
    }
  }

  @Test("arguments bind to parameters; rest-of-line names need no quotes")
  func binding() throws {
    let (spec, args) = try Self.table.parse("equipo crear Los   Incas")
    #expect(spec.name == "team create")
    #expect(NewNameArgs(args).name == "Los Incas")
    let (_, text) = try Self.table.parse(#"set marca-peruana.historia It's "great",  ok"#)
    #expect(SetArgs(text).value == #"It's "great",  ok"#, "free text at the end is kept as typed")
    let (e, eargs) = try Self.table.parse("export json out.json --force")
    let export = ExportFileArgs(eargs)
    #expect(e.name == "export" && export.file == "out.json" && export.force && export.format == "json")
    #expect(throws: ParseFailure.self) { try Self.table.parse("export json a b") }
    #expect(throws: ParseFailure.self) { try Self.table.parse("export json --forse") }
    #expect(
      throws: ParseFailure.incomplete(
        "team",
        subcommands: [
          "create", "list", "use", "rename", "invite", "request-join", "admit", "invitations", "revoke-invitation", "join", "laptops",
          "remove-laptop",
        ])
    ) {
      try Self.table.parse("team")
    }
  }
}

@Suite("Completion")
struct CompletionTests {
  @Test("commands, subcommands, teams and members complete")
  func completes() throws {
    let shell = try makeShell()
    _ = shell.execute("team create Los Incas", renderer: Renderer(style: .plain))
    _ = shell.execute("team create Los Andes", renderer: Renderer(style: .plain))
    _ = shell.execute("member add Ana Muñoz, José Pérez", renderer: Renderer(style: .plain))
    #expect(shell.complete(before: "", word: "eq") == ["equipo", "equipos"])
    #expect(shell.complete(before: "", word: "he") == ["help"])
    #expect(shell.complete(before: "equipo ", word: "cr") == ["crear", "create"])
    #expect(shell.complete(before: "team use ", word: "Los") == ["Los Andes", "Los Incas"])
    #expect(shell.complete(before: "miembro quitar ", word: "jo") == ["José Pérez"])
    #expect(shell.complete(before: "lang ", word: "") == ["es", "en"])
    #expect(shell.complete(before: "export json x ", word: "--f") == ["--force"])
    #expect(shell.complete(before: "help ", word: "mie") == ["miembro"])
  }
}

/// Golden transcripts: each file holds input lines (`> …`) and the expected output after each
/// (errors marked `! `). Replayed through the shell engine as a script would run it.
@Suite("Shell transcripts")
struct TranscriptTests {
  static let names = [
    "foundation-es.transcript", "foundation-en.transcript", "errors-es.transcript", "exercises-es.transcript",
    "exercises-en.transcript", "guided-es.transcript", "guided-en.transcript", "walk-es.transcript", "walk-en.transcript",
  ]

  static func replay(_ inputs: [String], lang: Lang, style: Style = .plain) throws -> String {
    let clock = TestClock()
    let shell = try makeShell(lang: lang, clock: clock)
    var out = ""
    for line in inputs {
      clock.advance(20_000)  // 20 s per answer: time boxes move, deterministically
      out += "> \(line)\n"
      let r = shell.execute(line, renderer: Renderer(style: style))
      out += r.output
      for e in r.errors { out += "! \(e)\n" }
    }
    return out
  }

  @Test("transcripts replay exactly", arguments: Self.names)
  func replays(name: String) throws {
    let url = packageRoot.appendingPathComponent("Tests/TallerTests/Golden/\(name)")
    let text = try String(contentsOf: url, encoding: .utf8)
    let inputs = text.split(separator: "\n", omittingEmptySubsequences: false)
      .filter { $0.hasPrefix("> ") }.map { String($0.dropFirst(2)) }
    let lang: Lang = name.contains("-en") ? .en : .es
    try assertGolden(try Self.replay(inputs, lang: lang), name)
  }

  @Test("drawings on a terminal use box drawing and Unicode", arguments: [Lang.es, Lang.en])
  func unicodeDrawings(lang: Lang) throws {
    let url = packageRoot.appendingPathComponent("Tests/TallerTests/Golden/exercises-\(lang.rawValue).transcript")
    let text = try String(contentsOf: url, encoding: .utf8)
    let inputs = text.split(separator: "\n").filter { $0.hasPrefix("> ") }.map { String($0.dropFirst(2)) }
      .filter { !$0.hasPrefix("reset") }
    let out = try Self.replay(inputs, lang: lang, style: Style(color: false, unicode: true, width: 100))
    let drawings = out.components(separatedBy: "\n> ").filter { $0.hasPrefix("ver ") || $0.hasPrefix("show ") }
    try assertGolden(drawings.joined(separator: "\n> "), "drawings-unicode-\(lang.rawValue).txt")
  }
}
