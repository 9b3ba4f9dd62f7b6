import ArgumentParser
import Foundation
import TallerCore
import TallerShell
import TallerStore
import TallerTerminal

#if canImport(Glibc)
  import Glibc
#endif

/// Process flags. Everything else lives in the library; this file only wires it together.
struct Taller: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "taller",
    abstract: "Talleres de experiencia del cliente (CX) en la terminal · Customer-experience workshops in the terminal.",
    discussion: """
      Sin argumentos abre el intérprete interactivo; con la entrada redirigida ejecuta un guion línea por línea.
      Without arguments it opens the interactive shell; with piped input it runs a script line by line.
      Exit codes: 0 ok · 1 a command failed · 2 usage error.
      """,
    version: "taller \(tallerVersion)"
  )

  @ArgumentParser.Option(
    name: .long, help: ArgumentHelp(Message.optDb.text(.en), valueName: Message.optValuePath.text(.en)),
    completion: .file())
  var db: String?

  @ArgumentParser.Option(
    name: .long, help: ArgumentHelp(Message.optLang.text(.en), valueName: Message.optValueLang.text(.en)),
    completion: .list(Lang.allCases.map(\.rawValue)))
  var lang: String?

  @ArgumentParser.Option(
    name: .customShort("c"), help: ArgumentHelp(Message.optCommand.text(.en), valueName: Message.optValueCommand.text(.en)),
    completion: .custom { args, index, prefix in ProcessCompletion.command(args, index, prefix) })
  var command: String?

  @ArgumentParser.Option(
    name: .customShort("f"), help: ArgumentHelp(Message.optFile.text(.en), valueName: Message.optValueScript.text(.en)), completion: .file()
  )
  var file: String?

  @ArgumentParser.Option(
    name: .long,
    help: ArgumentHelp(Message.optContent.text(.en), valueName: Message.optValueFolder.text(.en)),
    completion: .directory)
  var content: String?

  @ArgumentParser.Flag(name: .long, help: ArgumentHelp(Message.optBail.text(.en)))
  var bail = false

  @Argument(
    parsing: .captureForPassthrough, help: ArgumentHelp("A command to run, as typed in the shell (e.g. team list).", valueName: "command"),
    completion: .custom { args, index, prefix in ProcessCompletion.words(args, index, prefix) })
  var words: [String] = []

  func run() throws {}
}

#if canImport(Glibc)
  // glibc gives freed memory at the top of the heap back to the system past 128 KiB, and
  // SQLite frees and takes back about that much around each transaction: every piped answer
  // then faulted in some 35 fresh pages (a third of its system time). Kept up to 32 MiB.
  // (`mallopt` is in <malloc.h>, which the Glibc module does not bring in; -1 is its
  // M_TRIM_THRESHOLD.)
  if let f = dlsym(nil, "mallopt") {
    let mallopt = unsafeBitCast(f, to: (@convention(c) (Int32, Int32) -> Int32).self)
    _ = mallopt(-1, 32 << 20)
  }
#endif

/// The environment, read from `environ` directly (Foundation's `ProcessInfo.environment` was a
/// tenth of start-up's own work).
let environment: [String: String] = {
  var env: [String: String] = [:]
  var entry = environ
  while let p = entry.pointee {
    let s = String(cString: p)
    if let eq = s.utf8.firstIndex(of: UInt8(ascii: "=")) {
      env[String(s[..<eq])] = String(s[s.index(after: eq)...])
    }
    entry += 1
  }
  return env
}()

/// Completion of taller's own command words for the shell's completion scripts: the same
/// candidates as Tab inside taller, from the command table (commands, subcommands, exercise ids,
/// fields, languages, choices). Nothing is opened to complete.
enum ProcessCompletion {
  static func engine() -> Shell? {
    guard case .success(let content) = BuiltinContent.content, let store = try? TallerStore.inMemory() else { return nil }
    return Shell(context: ShellContext(store: store, version: tallerVersion, content: content, interactive: false), session: Session())
  }

  /// Candidates for the word at `index` of the arguments, given the command's words before it
  /// (taller's own flags and their values left out).
  static func words(_ args: [String], _ index: Int, _ prefix: String) -> [String] {
    var before: [String] = []
    var i = 1  // args[0] is how taller was called
    let valued: Set<String> = ["--db", "--lang", "-c", "-f", "--content"]
    while i < min(index, args.count) {
      let a = args[i]
      if valued.contains(a) {
        i += 2
        continue
      }
      if a.hasPrefix("-") {
        i += 1
        continue
      }
      before.append(a)
      i += 1
    }
    let head = before.map(Shell.quoteIfNeeded).joined(separator: " ")
    return engine()?.complete(before: head.isEmpty ? "" : head + " ", word: prefix) ?? []
  }

  /// Candidates inside `-c "…"`: the command's words so far, the last one completed.
  static func command(_ args: [String], _ index: Int, _ prefix: String) -> [String] {
    let words = prefix.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
    let last = words.last ?? ""
    let before = words.dropLast().joined(separator: " ")
    let head = before.isEmpty ? "" : before + " "
    return (engine()?.complete(before: head, word: last) ?? []).map { head + $0 }
  }
}

// A launcher may leave signals blocked (Foundation's Process does); start from a clean mask so
// Ctrl-C, SIGTERM and SIGHUP behave as people expect.
var emptySignals = sigset_t()
sigemptyset(&emptySignals)
sigprocmask(SIG_SETMASK, &emptySignals, nil)

func fail(_ message: Message, lang: Lang, code: Int32) -> Never {
  writeAll(fd: 2, message.text(lang) + "\n")
  exit(code)
}

/// The process flags, as the rest of this file reads them.
struct ProcessOptions {
  var db: String?
  var lang: String?
  var command: String?
  var file: String?
  var content: String?
  var bail = false
  var words: [String] = []

  init(_ t: Taller) {
    (db, lang, command, file, content, bail, words) = (t.db, t.lang, t.command, t.file, t.content, t.bail, t.words)
  }

  /// The common invocations (`--db F --lang en -c "…"`, `-f script`, none at all) read without
  /// ArgumentParser, whose reflection was a third of start-up: only each flag at most once,
  /// each followed by its value, and no command words. Anything else (help, `--db=F`, words,
  /// a value that starts with `-`, a mistake) goes to ArgumentParser, which says what is wrong.
  init?(simple arguments: [String]) {
    var i = 0
    var seen: Set<String> = []
    while i < arguments.count {
      let flag = arguments[i]
      guard seen.insert(flag).inserted else { return nil }
      if flag == "--bail" {
        bail = true
        i += 1
        continue
      }
      guard i + 1 < arguments.count, !arguments[i + 1].hasPrefix("-") else { return nil }
      let value = arguments[i + 1]
      switch flag {
      case "--db": db = value
      case "--lang": lang = value
      case "-c": command = value
      case "-f": file = value
      case "--content": content = value
      default: return nil
      }
      i += 2
    }
  }
}

let options: ProcessOptions
do {
  // `swift run taller -- --lang en` passes a leading "--": flags still follow it.
  var arguments = Array(CommandLine.arguments.dropFirst())
  if arguments.first == "--" { arguments.removeFirst() }
  options = try ProcessOptions(simple: arguments) ?? ProcessOptions(Taller.parseAsRoot(arguments) as? Taller ?? Taller())
} catch {
  let code = Taller.exitCode(for: error)
  let lang = environment["TALLER_LANG"].flatMap(Lang.init(lenient:)) ?? .es
  if code == .success {
    writeAll(fd: 1, Taller.fullMessage(for: error) + "\n")
    exit(0)
  }
  writeAll(fd: 2, Message.usageError(detail: Taller.message(for: error)).text(lang) + "\n")
  fail(Message.processUsage, lang: lang, code: 2)
}

// Words after the flags form one command; a flag there that is not the command's is a usage error.
if let first = options.words.first, first.hasPrefix("-") {
  if first == "--version" {
    writeAll(fd: 1, "taller \(tallerVersion)\n")
    exit(0)
  }
  if first == "--generate-manpage" {
    // The man page, from the command table and the flags' descriptions (scripts/release).
    let lang = options.words.dropFirst().first.flatMap(Lang.init(lenient:)) ?? .en
    // The page's date: the release's (SOURCE_DATE_EPOCH, for reproducible builds) or today's.
    let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(TimeInterval.init)
    let date = ISO8601DateFormatter.string(
      from: epoch.map(Date.init(timeIntervalSince1970:)) ?? Date(), timeZone: TimeZone(identifier: "UTC")!, formatOptions: [.withFullDate])
    writeAll(fd: 1, ManPage.render(lang: lang, version: tallerVersion, date: date))
    exit(0)
  }
  if first == "--help" || first == "-h" {
    writeAll(fd: 1, Taller.helpMessage() + "\n")
    exit(0)
  }
  let lang = environment["TALLER_LANG"].flatMap(Lang.init(lenient:)) ?? .es
  writeAll(fd: 2, Message.usageError(detail: first).text(lang) + "\n")
  fail(Message.processUsage, lang: lang, code: 2)
}

var forcedLang: Lang?
if let raw = options.lang ?? environment["TALLER_LANG"] {
  guard let l = Lang(lenient: raw) else {
    fail(Message.langUnknown(lang: raw), lang: .es, code: 2)
  }
  forcedLang = l
}
let lang = forcedLang ?? .es
if options.command != nil && options.file != nil {
  writeAll(fd: 2, Message.usageError(detail: "-c / -f").text(lang) + "\n")
  fail(Message.processUsage, lang: lang, code: 2)
}

let dbPath: String = {
  if let p = options.db, !p.isEmpty { return p }
  if let p = environment["TALLER_DB"], !p.isEmpty { return p }
  return KeyFolder.dataFolder(environment) + "/taller.sqlite"
}()

/// Leaves the process after folding the write-ahead log into the database file, so that the
/// `.sqlite` file alone carries everything (best effort: another taller may hold it open).
func finish(_ status: Int32) -> Never {
  try? store.checkpoint()
  exit(status)
}

// Fault tests: stop inside an import after N changes (announced on stderr) so it can be killed.
if let n = environment["TALLER_FAULT_STALL_IMPORT"].flatMap(Int.init) {
  TallerStore.importProbe = { seen in
    guard seen == n else { return }
    writeAll(fd: 2, "taller: stalled inside an import after \(n) changes\n")
    while true { pause() }
  }
}

// Tests of old databases: the wall clock stopped at a given moment (milliseconds since 1970),
// so what depends on "now" (an open sitting, an idle one) reads as it did when it was recorded.
let clock: @Sendable () -> Int64 = {
  if let t = environment["TALLER_NOW"].flatMap({ Int64($0) }) { return { t } }
  // Tests of time boxes: the clock runs N times faster than the wall clock from the start.
  if let speed = environment["TALLER_CLOCK_SPEED"].flatMap({ Int64($0) }), speed > 1 {
    let start = TallerStore.systemClock()
    return { start + (TallerStore.systemClock() - start) * speed }
  }
  return TallerStore.systemClock
}()

let store: TallerStore
do {
  let typed = !(options.db ?? "").isEmpty || !(environment["TALLER_DB"] ?? "").isEmpty
  // A key file protected by a passphrase: from TALLER_PASSPHRASE, else asked at the terminal
  // (three tries).
  var keys = KeyFolder.standard(in: environment)
  keys.passphrase = environment["TALLER_PASSPHRASE"].flatMap { $0.isEmpty ? nil : $0 }
  var tries = 0
  while true {
    do {
      store = try TallerStore.open(path: dbPath, createFolder: !typed, now: clock, keys: keys)
      break
    } catch  where [.keysLocked, .keysWrongPassphrase].contains(error.message.key) && tries < 3 && isatty(0) == 1 {
      if tries > 0 { writeAll(fd: 2, error.message.text(lang) + "\n") }
      guard let entered = SecretInput.read(prompt: Message.passphrasePrompt.text(lang)) else { fail(error.message, lang: lang, code: 1) }
      keys.passphrase = entered
      tries += 1
    }
  }
} catch {
  fail(error.message, lang: lang, code: 1)
}

/// The content in use, or the process ends saying why it was refused.
@Sendable func contentOrExit(_ loaded: Result<Content, LintFailure>, dir: String?) -> Content {
  switch loaded {
  case .success(let c): return c
  case .failure(let f):
    writeAll(fd: 2, Message.contentRefused(dir: dir ?? "(built-in)").text(lang) + "\n")
    for issue in f.issues { writeAll(fd: 2, issue.text(lang) + "\n") }
    exit(1)
  }
}
let contentDir = options.content ?? environment["TALLER_CONTENT"].flatMap { $0.isEmpty ? nil : $0 }
// A folder of content is checked before anything runs; the built-in content (checked when it
// was built) is read when a command first needs it.
let folderContent = contentDir.map { contentOrExit(ContentLoader.load(directory: $0), dir: $0) }

let stdinIsTerminal = isatty(0) == 1
let oneCommand: String? =
  options.command ?? (options.words.isEmpty ? nil : options.words.map(Shell.quoteIfNeeded).joined(separator: " "))
let interactive = oneCommand == nil && options.file == nil && stdinIsTerminal
var context = ShellContext(
  store: store, version: tallerVersion, contentWhenNeeded: { folderContent ?? contentOrExit(BuiltinContent.content, dir: nil) },
  interactive: interactive, now: clock)
context.width = Terminal.style(fd: 1, environment: environment).width
let processes = SystemProcesses(environment: environment)
context.processes = processes
// The projector board goes full screen where there is a terminal to fill; a script gets a frame.
if stdinIsTerminal && Terminal.isTerminal(1) {
  context.board = { request in BoardScreen.run(request) }
  context.unicode = Terminal.style(fd: 1, environment: environment).unicode
}
// A new passphrase: typed at the terminal, or from TALLER_NEW_PASSPHRASE in a script.
let newPassphrase = environment["TALLER_NEW_PASSPHRASE"]
if interactive {
  context.readSecret = { @Sendable prompt in SecretInput.read(prompt: prompt) }
} else {
  context.readSecret = { @Sendable _ in newPassphrase }
}
let shell = Shell(context: context, session: Shell.restoredSession(store: store, forcedLang: forcedLang))
// Scripts print plain text (no color, ASCII drawings), as wide as the terminal or $COLUMNS.
let scriptStyle = Style(color: false, unicode: false, width: context.width)
let out: (String) -> Void = { writeAll(fd: 1, $0) }
let err: (String) -> Void = { writeAll(fd: 2, $0) }

if store.replica.copiedFrom != nil {
  let id = String(store.replica.id.prefix(8))
  // Rights pass to a copy only where the origin's key is (the same laptop).
  let m = store.replica.inherits ? Message.dbCopyDetected(replica: id) : Message.dbCopyWithoutKey(replica: id)
  err(m.text(shell.session.lang) + "\n")
}

if let line = oneCommand {
  let style = Terminal.style(fd: 1, environment: environment)
  let r = shell.execute(line, renderer: Renderer(style: style))
  out(r.output)
  // Errors are wrapped for a person at a terminal; a script reading them gets each on one line.
  let errorStyle =
    Terminal.isTerminal(2) ? Terminal.style(fd: 2, environment: environment) : Style(color: false, unicode: false, width: .max / 2)
  for e in r.errors { err(Renderer(style: errorStyle).renderError(e)) }
  shell.detach()
  finish(r.failed ? 1 : 0)
}

if let path = options.file {
  guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
    fail(Message.scriptNotFound(file: path, reason: "?"), lang: shell.session.lang, code: 2)
  }
  var lines = Shell.lines(of: text).makeIterator()
  let status = shell.runScript(
    lines: { lines.next() }, renderer: Renderer(style: scriptStyle), output: out, error: err, bail: options.bail)
  shell.detach()
  finish(status)
}

if !interactive {
  let status = shell.runScript(
    lines: { readLine(strippingNewline: true) }, renderer: Renderer(style: scriptStyle), output: out, error: err,
    bail: options.bail)
  shell.detach()
  finish(status)
}

let historyPath = environment["TALLER_HISTORY"].flatMap { $0.isEmpty ? nil : $0 } ?? (KeyFolder.home(environment) + "/.taller_history")
let completer: Completer = { before, word in shell.complete(before: before, word: word) }
// A dumb terminal gets plain lines: no cursor movement, no escape codes.
let reader: any LineReader =
  (environment["TERM"] == "dumb"
    ? nil
    : LineEditor(
      historyPath: historyPath, completer: completer, externalEditor: processes.hasEditor ? { processes.edit($0, name: "respuesta") } : nil))
  ?? PlainReader()
let style = Terminal.style(fd: 1, environment: environment)
let status = shell.runInteractive(reader: reader, style: style, banner: true, output: out, error: err)
reader.saveHistory()
finish(status)
