import Foundation
import TallerCore

/// One word of a command's name: the canonical English word and the other words that mean it.
public struct Word: Sendable, Hashable {
  public var name: String
  public var aliases: [String]
  /// The spellings folded once (case and accents), for matching what people type.
  let folded: Set<String>

  public init(_ name: String, _ aliases: [String] = []) {
    self.name = name
    self.aliases = aliases
    folded = Set(([name] + aliases).map(Text.fold))
  }

  /// Every spelling, canonical first.
  public var spellings: [String] { [name] + aliases }

  /// Whether a typed token is this word (case and accents ignored).
  public func matches(_ token: String) -> Bool { folded.contains(Text.fold(token)) }
}

/// What a parameter holds; drives completion and validation.
public enum ParamKind: Sendable, Hashable {
  /// Free text (kept as typed when it ends the line).
  case text
  /// A name (quotes must match; spacing is cleaned).
  case name
  case team
  case member
  case lang
  case command
  case exercise
  /// `exercise.field`
  case field
  /// `exercise.list`
  case list
  /// `field=value`
  case assignment
  case file
  case choice([String])
}

/// A positional parameter.
public struct Param: Sendable, Hashable {
  public var name: L
  public var kind: ParamKind
  public var optional: Bool
  /// Takes the rest of the line, tokens joined by single spaces (names with spaces need no quotes).
  public var rest: Bool

  public init(_ name: L, _ kind: ParamKind, optional: Bool = false, rest: Bool = false) {
    self.name = name
    self.kind = kind
    self.optional = optional
    self.rest = rest
  }
}

/// A `--flag` a command accepts.
public struct Flag: Sendable, Hashable {
  public var name: String
  public var help: L
  /// For a flag that takes a value (`--team NAME`): the value's name in usage lines.
  public var value: L?
  /// The flag's Spanish spelling, if it has one (`--detalle` for `--detail`): accepted always,
  /// shown in Spanish usage lines.
  public var spanish: String?

  public init(_ name: String, _ help: L, value: L? = nil, spanish: String? = nil) {
    self.name = name
    self.help = help
    self.value = value
    self.spanish = spanish
  }

  /// The spelling shown in a language.
  public func shown(_ lang: Lang) -> String { lang == .es ? spanish ?? name : name }
}

/// The words typed after a command's name, bound to its parameters and flags: what a command's
/// typed arguments (``CommandArguments``) are made from.
public struct BoundArguments: Sendable, Equatable {
  /// The command's parameters, in the order they are typed.
  public var parameters: [Param]
  /// Values of the positional parameters, by position (`nil` when an optional one is absent).
  var values: [String?]
  /// The flags given.
  var flags: Set<String>
  /// Values of the flags that take one (`--team Los Incas` → `team: "Los Incas"`).
  var options: [String: String] = [:]
  /// The tokens after the command's name, as split (for commands that read words themselves).
  public var tokens: [String]

  /// A required parameter's value (binding has checked it is there).
  public subscript(_ p: Param) -> String { self[optional: p] ?? "" }

  /// An optional parameter's value.
  public subscript(optional p: Param) -> String? {
    guard let i = parameters.firstIndex(of: p), i < values.count else { return nil }
    return values[i]
  }

  /// Whether a flag was given.
  public func has(_ f: Flag) -> Bool { flags.contains(f.name) }

  /// The value given to a flag that takes one.
  public func value(_ f: Flag) -> String? { options[f.name] }
}

/// A command's arguments as a typed value, bound before its handler runs: each command declares
/// its parameters and flags once (they drive parsing, usage lines, completion and the man
/// pages), and its handler reads named properties, never words by position.
public protocol CommandArguments: Sendable {
  /// The positional parameters, in the order they are typed.
  static var parameters: [Param] { get }
  /// The `--flags` it accepts.
  static var flags: [Flag] { get }
  init(_ bound: BoundArguments)
}

extension CommandArguments {
  public static var parameters: [Param] { [] }
  public static var flags: [Flag] { [] }
}

/// The arguments of a command that takes none.
public struct NoArguments: CommandArguments {
  public init(_ bound: BoundArguments) {}
}

/// How a command relates to the team's sessions (sittings).
public enum SittingUse: Sendable {
  /// Not the team's work (looking, help, sync).
  case none
  /// Work when it saves something: a session begins if none is open (a refused command saves
  /// nothing and begins nothing).
  case ifSaved
}

/// One entry of the command table: its name, help, parameters and handler.
public struct CommandSpec: Sendable {
  public var words: [Word]
  /// Other complete spellings (`teams` for `team list`).
  public var shortcuts: [String] {
    didSet { foldedShortcuts = shortcuts.map(Text.fold) }
  }
  /// The same, folded once (every line typed is looked up against all of them).
  public private(set) var foldedShortcuts: [String] = []
  public var summary: L
  public var detail: L?
  public var params: [Param]
  public var flags: [Flag]
  /// Whether running it is the team's work, which happens inside a session.
  public var sitting: SittingUse
  /// A word of the walk through an exercise (`pista`, `atrás`…): while an exercise is walked, a
  /// line that is exactly this word runs it; every other line is an answer.
  public var walk: Bool
  /// The handler, with the arguments bound to the command's typed value.
  public var run: @Sendable (ShellContext, inout Session, BoundArguments) throws(TallerError) -> Reply

  /// A command that takes no arguments.
  public init(
    _ words: [Word], shortcuts: [String] = [], summary: L, detail: L? = nil, sitting: SittingUse = .none, walk: Bool = false,
    run: @escaping @Sendable (ShellContext, inout Session, NoArguments) throws(TallerError) -> Reply
  ) {
    self.init(
      words, shortcuts: shortcuts, summary: summary, detail: detail, arguments: NoArguments.self, sitting: sitting, walk: walk, run: run)
  }

  /// A command whose arguments are bound to `A` before `run` sees them.
  public init<A: CommandArguments>(
    _ words: [Word], shortcuts: [String] = [], summary: L, detail: L? = nil, arguments: A.Type,
    sitting: SittingUse = .none, walk: Bool = false,
    run: @escaping @Sendable (ShellContext, inout Session, A) throws(TallerError) -> Reply
  ) {
    self.sitting = sitting
    self.words = words
    self.shortcuts = shortcuts
    self.foldedShortcuts = shortcuts.map(Text.fold)
    self.summary = summary
    self.detail = detail
    self.params = A.parameters
    self.flags = A.flags
    self.walk = walk
    self.run = { ctx, session, bound throws(TallerError) in try run(ctx, &session, A(bound)) }
  }

  /// The canonical name: `team create`.
  public var name: String { words.map(\.name).joined(separator: " ") }

  /// The name in a language: Spanish uses the first alias of each word when it has one.
  public func localName(_ lang: Lang) -> String {
    words.map { lang == .es ? ($0.aliases.first ?? $0.name) : $0.name }.joined(separator: " ")
  }

  /// Every other way to type it (both languages' words, shortcuts), without the local name.
  public func otherNames(_ lang: Lang) -> [String] {
    var names: [String]
    if words.count == 1 {
      names = words[0].spellings
    } else {
      names =
        words[1].spellings.map { words[0].name + " " + $0 }
        + words[1].spellings.map { (words[0].aliases.first ?? words[0].name) + " " + $0 }
    }
    names += shortcuts
    var unique: [String] = []
    for n in names where n != localName(lang) && !unique.contains(n) { unique.append(n) }
    return unique
  }

  /// Usage line in a language: `equipo crear NOMBRE`.
  /// `flags: false`: the name and parameters alone (a list of subcommands; `help COMMAND`
  /// shows the flags).
  public func usage(_ lang: Lang, flags withFlags: Bool = true) -> String {
    var parts = [localName(lang)]
    for p in params {
      let n = Message(p.name).text(lang)
      parts.append(p.optional ? "[\(n)]" : n)
    }
    for f in withFlags ? flags : [] { parts.append("[--\(f.shown(lang))" + (f.value.map { " " + Message($0).text(lang) } ?? "") + "]") }
    return parts.joined(separator: " ")
  }
}

/// Why a line could not be turned into a command call.
public enum ParseFailure: Error, Equatable {
  case empty
  case unterminatedQuote(Character)
  case unknown(String, suggestions: [String])
  case incomplete(String, subcommands: [String])
  case missing(CommandSpec.ID, Param)
  case extra(CommandSpec.ID, String)
  case unknownFlag(CommandSpec.ID, String)
}

extension CommandSpec: Identifiable {
  public var id: String { name }
}

/// The table of every command: the single source for dispatch, help, completion and "did you mean".
public struct CommandTable: Sendable {
  public var commands: [CommandSpec] {
    didSet { index = Index(commands) }
  }
  /// Where ``lookup(_:)`` finds the commands a line may start with, without trying them all.
  private var index: Index

  public init(_ commands: [CommandSpec]) {
    self.commands = commands
    index = Index(commands)
  }

  /// The commands by the spellings of their first word and of their shortcuts (as typed and
  /// folded), and the most words a command's name has.
  private struct Index: Sendable {
    var byFirstWord: [String: [Int]] = [:]
    var byShortcut: [String: [Int]] = [:]
    var longest = 1

    init(_ commands: [CommandSpec]) {
      for (i, c) in commands.enumerated() {
        for spelling in c.words[0].folded { byFirstWord[spelling, default: []].append(i) }
        for shortcut in Set(c.shortcuts + c.foldedShortcuts) { byShortcut[shortcut, default: []].append(i) }
        longest = max(longest, c.words.count)
      }
    }
  }

  /// The command with this canonical name.
  public func spec(_ id: String) -> CommandSpec? { commands.first { $0.name == id } }

  /// Splits a line like a shell: white space separates; double or single quotes keep spaces;
  /// a backslash escapes the next character (outside single quotes), and `\n` is a line break.
  public static func split(_ line: String) throws(ParseFailure) -> [String] {
    try tokenize(line, lenient: false).map(\.text)
  }

  /// Tokens with where each starts in the line. Lenient: a quote that never closes is literal.
  static func tokenize(_ line: String, lenient: Bool) throws(ParseFailure) -> [(text: String, start: String.Index)] {
    var tokens: [(text: String, start: String.Index)] = []
    var cur = ""
    var start = line.startIndex
    var inToken = false
    var quote: Character?
    var quoteAt = line.startIndex
    var escape = false
    var i = line.startIndex
    while i < line.endIndex {
      let ch = line[i]
      defer { i = line.index(after: i) }
      if escape {
        // `\n` is a line break (the way to write one in a script line); any other escaped
        // character stands for itself.
        cur.append(ch == "n" ? "\n" : ch)
        escape = false
        continue
      }
      if let q = quote {
        if ch == q {
          quote = nil
        } else if ch == "\\" && q == "\"" {
          escape = true
        } else {
          cur.append(ch)
        }
        continue
      }
      if ch.isWhitespace {
        if inToken {
          tokens.append((cur, start))
          cur = ""
          inToken = false
        }
        continue
      }
      if !inToken {
        inToken = true
        start = i
      }
      switch ch {
      case "\\": escape = true
      case "\"", "'", "“", "«":
        // Typographic quotes are common when text is pasted from a document.
        quote = ch == "“" ? "”" : ch == "«" ? "»" : ch
        quoteAt = i
      default: cur.append(ch)
      }
    }
    if let q = quote {
      guard lenient else { throw .unterminatedQuote(q) }
      // Take the quote literally: re-read from where it opened, without it being special.
      let before = tokens.filter { $0.start < quoteAt }
      let restStart = inToken ? start : quoteAt
      var out = before
      out.append((Text.trimmingSpaces(String(line[restStart...])), restStart))
      return out
    }
    if escape { cur.append("\\") }
    if inToken { tokens.append((cur, start)) }
    return tokens
  }

  /// The raw text of a line from a position, without one pair of quotes around all of it.
  static func rawRest(_ line: String, from start: String.Index) -> String {
    let raw = Text.trimmingSpaces(String(line[start...]))
    if let t = try? tokenize(raw, lenient: false), t.count == 1, let first = raw.first, "\"'“«".contains(first) {
      return t[0].text
    }
    return raw
  }

  /// Finds the command a token list starts with: the longest match of words, or a shortcut.
  /// Returns the command and how many tokens its name used.
  public func lookup(_ tokens: [String]) -> (CommandSpec, Int)? {
    guard let first = tokens.first else { return nil }
    // Folded once here, not once per command tried.
    let foldedFirst = Text.fold(first)
    let folded = tokens.prefix(index.longest).map(Text.fold)
    // Only the commands the first token may name, in the table's order. By index: a command is
    // read in place, not copied whole (closure, help, parameters).
    let candidates = Set(
      (index.byShortcut[first] ?? []) + (index.byShortcut[foldedFirst] ?? []) + (index.byFirstWord[foldedFirst] ?? [])
    ).sorted()
    var best: (index: Int, used: Int)?
    for i in candidates {
      if commands[i].shortcuts.contains(first) || commands[i].foldedShortcuts.contains(foldedFirst) {
        if (best?.used ?? 0) < 1 { best = (i, 1) }
        continue
      }
      let count = commands[i].words.count
      guard folded.count >= count else { continue }
      if zip(commands[i].words, folded).allSatisfy({ $0.folded.contains($1) }) {
        if (best?.used ?? 0) < count { best = (i, count) }
      }
    }
    return best.map { (commands[$0.index], $0.used) }
  }

  /// All the first words (groups and single commands), with their spellings.
  public var firstWords: [Word] {
    var seen: [String: Word] = [:]
    var order: [String] = []
    for c in commands {
      let w = c.words[0]
      if seen[w.name] == nil {
        order.append(w.name)
        seen[w.name] = w
      }
    }
    return order.compactMap { seen[$0] }
  }

  /// The commands whose first word is `word`.
  public func group(_ word: Word) -> [CommandSpec] {
    commands.filter { $0.words[0].name == word.name && $0.words.count > 1 }
  }

  /// Parses a line into a command and its arguments.
  public func parse(_ line: String) throws(ParseFailure) -> (CommandSpec, BoundArguments) {
    var positioned: [(text: String, start: String.Index)]
    do {
      positioned = try Self.tokenize(line, lenient: false)
    } catch {
      // An apostrophe or an open quote is fine inside free text at the end of a command.
      positioned = try Self.tokenize(line, lenient: true)
      if let (spec, _) = lookup(positioned.map(\.text)), spec.params.last?.rest == true, spec.params.last?.kind == .text {
      } else {
        throw error
      }
    }
    let tokens = positioned.map(\.text)
    guard !tokens.isEmpty else { throw .empty }
    guard let (spec, used) = lookup(tokens) else {
      if let w = firstWords.first(where: { $0.matches(tokens[0]) }) {
        let subs = group(w).map { $0.words[1].name }
        if tokens.count == 1 { throw .incomplete(w.name, subcommands: subs) }
        var candidates: [String] = []
        for c in group(w) { candidates.append(contentsOf: c.words[1].spellings) }
        let s = Text.suggestions(for: tokens[1], among: candidates)
        let names = s.compactMap { sp in group(w).first { $0.words[1].spellings.contains(sp) }?.name }
        var unique: [String] = []
        for n in names where !unique.contains(n) { unique.append(n) }
        throw .unknown(tokens[0] + " " + tokens[1], suggestions: unique)
      }
      var spellings: [String] = []
      for w in firstWords { spellings.append(contentsOf: w.spellings) }
      for c in commands { spellings.append(contentsOf: c.shortcuts) }
      let s = Text.suggestions(for: tokens[0], among: spellings)
      var unique: [String] = []
      for sp in s {
        let name =
          firstWords.first { $0.spellings.contains(sp) }?.name
          ?? commands.first { $0.shortcuts.contains(sp) }?.name ?? sp
        if !unique.contains(name) { unique.append(name) }
      }
      throw .unknown(tokens[0], suggestions: unique)
    }
    var args = try bind(spec, Array(tokens[used...]))
    // Free text at the end keeps exactly what was typed (quotes, apostrophes, spacing).
    if let last = spec.params.last, last.rest, last.kind == .text, spec.flags.isEmpty,
      let index = args.values.indices.last, args.values[index] != nil
    {
      let consumed = used + spec.params.count - 1
      if consumed < positioned.count { args.values[index] = Self.rawRest(line, from: positioned[consumed].start) }
    }
    return (spec, args)
  }

  /// Binds tokens to a command's parameters and flags.
  public func bind(_ spec: CommandSpec, _ rest: [String]) throws(ParseFailure) -> BoundArguments {
    var flags = Set<String>()
    var options: [String: String] = [:]
    var positional: [String] = []
    var flagsDone = false
    var index = 0
    while index < rest.count {
      let t = rest[index]
      index += 1
      if !flagsDone && t == "--" {
        flagsDone = true
        continue
      }
      if !flagsDone && t.hasPrefix("--") && t.count > 2 {
        var name = String(t.dropFirst(2))
        var inline: String?
        if let eq = name.firstIndex(of: "=") {
          inline = String(name[name.index(after: eq)...])
          name = String(name[..<eq])
        }
        guard let f = spec.flags.first(where: { $0.name == name || $0.spanish == name }) else {
          throw .unknownFlag(spec.id, t)
        }
        flags.insert(f.name)
        if let v = f.value {
          // The value: `--team=X`, or the words up to the next flag (a name with spaces needs
          // no quotes when the flag comes last).
          if let inline {
            options[f.name] = inline
          } else {
            var words: [String] = []
            while index < rest.count, !rest[index].hasPrefix("--") {
              words.append(rest[index])
              index += 1
            }
            guard !words.isEmpty else { throw .missing(spec.id, Param(v, .text)) }
            options[f.name] = words.joined(separator: " ")
          }
        }
        continue
      }
      positional.append(t)
    }
    var values: [String?] = []
    var i = 0
    for p in spec.params {
      if p.rest {
        if i < positional.count {
          values.append(positional[i...].joined(separator: " "))
          i = positional.count
        } else if p.optional {
          values.append(nil)
        } else {
          throw .missing(spec.id, p)
        }
        continue
      }
      if i < positional.count {
        values.append(positional[i])
        i += 1
      } else if p.optional {
        values.append(nil)
      } else {
        throw .missing(spec.id, p)
      }
    }
    if i < positional.count { throw .extra(spec.id, positional[i]) }
    var args = BoundArguments(parameters: spec.params, values: values, flags: flags, tokens: rest)
    args.options = options
    return args
  }

  /// The message for a parse failure, in a language.
  public func message(for failure: ParseFailure, lang: Lang) -> [Message] {
    func usage(_ id: String) -> String { spec(id)?.usage(lang) ?? id }
    switch failure {
    case .empty: return []
    case .unterminatedQuote(let q): return [Message.unterminatedQuote(quote: String(q))]
    case .unknown(let word, let suggestions):
      var m = [Message.unknownCommand(command: word)]
      if suggestions.isEmpty {
        m.append(Message.seeHelp)
      } else {
        let localized = suggestions.map { s in
          let name = spec(s)?.localName(lang) ?? localFirstWord(s, lang)
          return Text.quoted(name, lang: lang)
        }
        m.append(Message.didYouMean(suggestions: orList(localized, lang)))
      }
      return m
    case .incomplete(let word, let subs):
      let w = firstWords.first { $0.name == word }
      let shown = lang == .es ? (w?.aliases.first ?? word) : word
      let localSubs = subs.map { s in
        let c = commands.first { $0.words.count > 1 && $0.words[0].name == word && $0.words[1].name == s }
        return lang == .es ? (c?.words[1].aliases.first ?? s) : s
      }
      return [Message.incompleteCommand(command: shown, subcommands: localSubs.joined(separator: ", "))]
    case .missing(let id, let p):
      return [Message.missingArgument(argument: Message(p.name).text(lang), usage: usage(id))]
    case .extra(let id, let t):
      return [Message.extraArgument(argument: t, usage: usage(id))]
    case .unknownFlag(let id, let f):
      return [Message.unknownFlag(flag: f, usage: usage(id))]
    }
  }

  private func localFirstWord(_ name: String, _ lang: Lang) -> String {
    guard let w = firstWords.first(where: { $0.name == name }) else { return name }
    return lang == .es ? (w.aliases.first ?? w.name) : w.name
  }

  private func orList(_ items: [String], _ lang: Lang) -> String {
    guard items.count > 1 else { return items.first ?? "" }
    return items.dropLast().joined(separator: ", ") + (lang == .es ? " o " : " or ") + (items.last ?? "")
  }
}
