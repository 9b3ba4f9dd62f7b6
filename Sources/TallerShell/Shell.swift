import Foundation
import TallerCore
import TallerStore

/// taller's version.
public let tallerVersion = "0.1.0"

/// The result of running one line.
public struct LineResult: Equatable, Sendable {
  /// Text for standard output.
  public var output: String
  /// Messages for standard error (already in the session's language, not yet prefixed).
  public var errors: [String]
  public var quit: Bool
  /// A question to ask before going on.
  public var confirm: Confirmation?

  public init(output: String, errors: [String], quit: Bool, confirm: Confirmation? = nil) {
    self.output = output
    self.errors = errors
    self.quit = quit
    self.confirm = confirm
  }

  public var failed: Bool { !errors.isEmpty }
}

/// The shell engine: turns lines into commands, runs them, renders replies. The same engine
/// serves a person at a terminal, a piped script and `-c`; it never prints by itself: callers
/// hand it where output goes.
public final class Shell {
  public private(set) var context: ShellContext
  public private(set) var session: Session
  public let table: CommandTable

  public init(context: ShellContext, session: Session, table: CommandTable = .standard) {
    self.context = context
    self.session = session
    self.table = table
  }

  /// Builds the session a run starts with: the remembered team and language, unless the
  /// language is forced (flag or environment).
  public static func restoredSession(store: TallerStore, forcedLang: Lang?) -> Session {
    var session = Session()
    if let id = (try? store.currentTeam()) ?? nil, (try? store.team(id: id)) != nil {
      session.teamID = id
    }
    if let forcedLang {
      session.lang = forcedLang
    } else if let stored = (try? store.language()) ?? nil {
      session.lang = stored
    }
    return session
  }

  /// Splits a script's text into lines: LF or CRLF endings, a last line without newline.
  public static func lines(of text: String) -> [String] { Text.lines(text) }

  /// Quotes a word for a command line when it holds spaces or quotes.
  public static func quoteIfNeeded(_ word: String) -> String {
    guard word.isEmpty || word.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "'" || $0 == "\\" }) else {
      return word
    }
    return "\"" + word.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
  }

  /// Runs one line.
  public func execute(_ line: String, renderer: Renderer) -> LineResult {
    defer { if session.sitting != nil { session.lastCommand = context.now() } }
    let lang = session.lang
    var line = line
    // Outside a walk a "/" in front changes nothing (a habit from the walk, or from chat tools).
    if session.guided == nil && line.hasPrefix("/") { line.removeFirst() }
    if session.guided != nil {
      // While an exercise is walked every line is an answer, except one of the walk's own words
      // alone (`pista`, `atrás`, `listo`…) or a line that starts with "/" (a command).
      if line.hasPrefix("/") {
        line.removeFirst()
      } else if !isWalkWord(line) {
        do {
          let ctx = context
          let (opened, reply) = try Sittings.around(ctx, &session) { (s: inout Session) throws(TallerError) in
            try Guide.input(ctx, &s, line: line)
          }
          return LineResult(output: renderer.render(Reply(lines: opened)) + renderer.render(reply), errors: [], quit: reply.quit)
        } catch {
          return LineResult(output: "", errors: error.lines(lang).map(renderer.chrome), quit: false)
        }
      }
    }
    let parsed: (CommandSpec, BoundArguments)
    do {
      parsed = try table.parse(line)
    } catch {
      if error == .empty { return LineResult(output: "", errors: [], quit: false) }
      let text = table.message(for: error, lang: lang).map { $0.text(lang) }.joined(separator: " ")
      return LineResult(output: "", errors: [renderer.chrome(text)], quit: false)
    }
    let (spec, args) = parsed
    var opened: [Line] = []
    do {
      let ctx = context
      var reply: Reply
      if spec.sitting != .none {
        (opened, reply) = try Sittings.around(ctx, &session) { (s: inout Session) throws(TallerError) in
          try spec.run(ctx, &s, args)
        }
      } else {
        reply = try spec.run(ctx, &session, args)
      }
      // Leaving ends the sitting (and says so before the goodbye) and the walk (`resume` finds it).
      if reply.quit {
        reply.lines = try Sittings.leave(context, &session, reason: .quit) + reply.lines
        session.guided = nil
      }
      let output = (opened.isEmpty ? "" : renderer.render(Reply(lines: opened))) + renderer.render(reply)
      return LineResult(output: output, errors: reply.errors.map(renderer.chrome), quit: reply.quit, confirm: reply.confirm)
    } catch {
      return LineResult(
        output: opened.isEmpty ? "" : renderer.render(Reply(lines: opened)), errors: error.lines(lang).map(renderer.chrome),
        quit: false)
    }
  }

  /// Whether a line is exactly one of the walk's own words (a command marked `walk`, named by
  /// one word, with nothing after it).
  func isWalkWord(_ line: String) -> Bool {
    let tokens = line.split(whereSeparator: \.isWhitespace)
    guard tokens.count == 1, let (spec, used) = table.lookup([String(tokens[0])]) else { return false }
    return spec.walk && used == 1 && spec.words.count == 1
  }

  /// The person left with Ctrl-D: the sitting ends. Returns what to say about it.
  public func leaveInteractive(renderer: Renderer) -> String {
    let lines = (try? Sittings.leave(context, &session, reason: .quit)) ?? []
    return lines.isEmpty ? "" : renderer.render(Reply(lines: lines))
  }

  /// A script ran out of lines without quitting: its sitting stays open for the next run, which
  /// carries on with it unless it comes after a long gap.
  public func detach() {
    _ = try? Sittings.leave(context, &session, reason: nil)
  }

  /// The prompt: the current team (and, later, exercise and timer).
  public func prompt(style: Style) -> String {
    var label = Message.noTeamPrompt.text(session.lang)
    if let id = session.teamID, let team = try? context.store.team(id: id) { label = team.name }
    var guided = Guide.promptLabel(context, session).map { (style.unicode ? " · " : " - ") + $0 } ?? ""
    if let clock = ClassClocks.promptLabel(context, session) { guided += (style.unicode ? " · " : " - ") + clock }
    if let n = try? context.store.conflicts().count, n > 0 {
      guided += " [" + Message.promptConflicts(count: String(n)).text(session.lang) + "]"
    }
    guard style.color else { return label + guided + "> " }
    return "\u{1B}[1;36m\(label)\u{1B}[0;33m\(guided)\u{1B}[0m> "
  }

  /// Candidates to complete `word`, given the text before it.
  public func complete(before: String, word: String) -> [String] {
    let tokens = (try? CommandTable.split(before)) ?? before.split(separator: " ").map(String.init)
    let w = Text.fold(word)
    func pick(_ options: [String]) -> [String] {
      var out: [String] = []
      for o in options where Text.fold(o).hasPrefix(w) && !out.contains(o) { out.append(o) }
      return out
    }
    if tokens.isEmpty {
      var all: [String] = []
      for fw in table.firstWords { all.append(contentsOf: fw.spellings) }
      for c in table.commands { all.append(contentsOf: c.shortcuts) }
      return pick(all).filter { $0 != "?" }.sorted()
    }
    if tokens.count == 1, let g = table.firstWords.first(where: { $0.matches(tokens[0]) }), !table.group(g).isEmpty {
      var subs: [String] = []
      for c in table.group(g) { subs.append(contentsOf: c.words[1].spellings) }
      return pick(subs).sorted()
    }
    guard let (spec, used) = table.lookup(tokens) else { return [] }
    let position = tokens.count - used
    let param: Param?
    if let last = spec.params.last, last.rest || position < spec.params.count {
      param = position < spec.params.count ? spec.params[position] : last
    } else {
      param = nil
    }
    var options: [String] = []
    switch param?.kind {
    case .team?: options = ((try? context.store.teams()) ?? []).map(\.name)
    case .member?:
      if let id = session.teamID, let t = try? context.store.team(id: id) { options = t.members.map(\.name) }
    case .lang?: options = Lang.allCases.map(\.rawValue)
    case .command?: for fw in table.firstWords { options.append(contentsOf: fw.spellings) }
    case .choice(let values)?: options = values
    case .exercise?: options = context.content.ordered.map(\.id)
    case .field?, .list?:
      let wantList = param?.kind == .list
      for def in context.content.ordered {
        for f in def.fields where !wantList || f.kind == .list { options.append("\(def.id).\(f.id)") }
      }
    case .assignment?:
      if let path = tokens.dropFirst(used).first, let (_, list) = try? findList(context, path, lang: session.lang) {
        options = list.fields.map { $0.id + "=" }
      }
    default: break
    }
    if word.hasPrefix("--") { options = spec.flags.map { "--" + $0.name } }
    return pick(options)
  }

  /// Runs lines from a script: no prompt, no banner; errors go to `error` as `line N: message`.
  /// Goes on after an error unless `bail`. Returns the exit status: 0, or 1 if a command failed.
  public func runScript(
    lines next: () -> String?, renderer: Renderer, output: (String) -> Void, error: (String) -> Void, bail: Bool
  ) -> Int32 {
    var number = 0
    var failed = false
    while let raw = next() {
      number += 1
      let line = Text.trimmingSpaces(raw)
      // While walking an exercise an empty line is an answer (keep, or end a list).
      if line.hasPrefix("#") || (line.isEmpty && session.guided == nil) { continue }
      let r = execute(line, renderer: renderer)
      if !r.output.isEmpty { output(r.output) }
      for e in r.errors {
        error(renderer.chrome(Message.lineError(line: String(number), message: e).text(session.lang)) + "\n")
      }
      if r.failed {
        failed = true
        if bail { break }
      }
      if r.quit { break }
    }
    return failed ? 1 : 0
  }

  /// The interactive loop: banner, prompt, line editing; Ctrl-C abandons the line, Ctrl-D or
  /// `quit` leaves. Every answer is already saved when its command returns. The prompt's clock
  /// moves by itself while a line is typed, and a time box's warning and end appear above the
  /// line when they happen; drawings fit the terminal's width as it is when each command runs.
  public func runInteractive(
    reader: any LineReader, style: Style, banner: Bool, output: @escaping (String) -> Void, error: (String) -> Void
  ) -> Int32 {
    var style = style
    defer { context.asker = nil }
    context.asker = Asker { question, prompt in
      output(Renderer(style: style).render(Reply(lines: [.text(question)])))
      if case .line(let answer) = reader.read(prompt: prompt) { return answer }
      return nil
    }
    if banner {
      output(Renderer(style: style).render(Reply(lines: [.dim(Message.banner(version: context.version).text(session.lang))])))
    }
    var hinted = false
    while true {
      style.width = reader.columns
      context.width = style.width
      let renderer = Renderer(style: style)
      let due = Guide.timerNotices(context, session) + ClassClocks.notices(context, session)
      if !due.isEmpty { output(renderer.render(Reply(lines: due))) }
      let request = LineRequest(
        prompt: prompt(style: style), continuation: "  … ", initial: session.editable ?? "",
        tick: { [self] in
          var live = style
          live.width = reader.columns
          let notices = Guide.timerNotices(context, session) + ClassClocks.notices(context, session)
          return Tick(prompt: prompt(style: live), notices: notices.isEmpty ? "" : Renderer(style: live).render(Reply(lines: notices)))
        })
      switch reader.read(request) {
      case .end:
        output(leaveInteractive(renderer: renderer))
        output(renderer.render(Reply(lines: [.success(Message.bye.text(session.lang))])))
        return 0
      case .interrupted:
        if !hinted {
          output(renderer.render(Reply(lines: [.dim(Message.interruptHint.text(session.lang))])))
          hinted = true
        }
      case .line(let line):
        reader.addHistory(line)
        style.width = reader.columns
        context.width = style.width
        let renderer = Renderer(style: style)
        for piece in pieces(of: line) {
          var r = execute(piece, renderer: renderer)
          if !r.output.isEmpty { output(r.output) }
          for e in r.errors { error(renderer.renderError(e)) }
          if let c = r.confirm {
            if case .line(let answer) = reader.read(prompt: c.question + " "),
              ["si", "s", "yes", "y"].contains(Text.fold(answer))
            {
              // A command, even while an exercise is walked (where a line is an answer).
              r = execute("/" + c.line, renderer: renderer)
              if !r.output.isEmpty { output(r.output) }
              for e in r.errors { error(renderer.renderError(e)) }
            } else {
              output(renderer.render(Reply(lines: [.dim(c.cancelled)])))
            }
          }
          if r.quit { return 0 }
        }
      }
      let notices = Guide.timerNotices(context, session) + ClassClocks.notices(context, session)
      if !notices.isEmpty { output(Renderer(style: style).render(Reply(lines: notices))) }
    }
  }

  /// What a typed (or pasted) text runs as. While an exercise is walked it is one answer, line
  /// breaks and all. Otherwise text of several lines is one command when its first line is a
  /// command that takes free text to the end (`set …historia` with a pasted paragraph), and one
  /// command per line when not (several commands pasted at once).
  func pieces(of text: String) -> [String] {
    guard text.contains("\n"), session.guided == nil else { return [text] }
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if let (spec, _) = try? table.parse(lines[0]), spec.params.last?.rest == true, spec.params.last?.kind == .text {
      return [text]
    }
    return lines.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
  }
}
