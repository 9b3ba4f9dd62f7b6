import Foundation
import TallerCore

/// One of taller's process flags, described once: the man pages and `--help` read it.
public struct ProcessOption: Sendable {
  public var names: [String]
  public var value: L?
  public var help: L

  public init(_ names: [String], value: L? = nil, help: L) {
    self.names = names
    self.value = value
    self.help = help
  }

  /// taller's flags, in the order they are listed.
  public static let all: [ProcessOption] = [
    ProcessOption(["--db"], value: .optValuePath, help: .optDb),
    ProcessOption(["--lang"], value: .optValueLang, help: .optLang),
    ProcessOption(["-c"], value: .optValueCommand, help: .optCommand),
    ProcessOption(["-f"], value: .optValueScript, help: .optFile),
    ProcessOption(["--content"], value: .optValueFolder, help: .optContent),
    ProcessOption(["--bail"], help: .optBail),
    ProcessOption(["--version"], help: .optVersion),
    ProcessOption(["-h", "--help"], help: .optHelp),
  ]
}

/// taller's man page (man(7) macros), in a language, made from the command table's own
/// description of every command and from the process flags: nothing is scraped from help output.
public enum ManPage {
  /// Text for troff: backslashes and hyphens escaped, a leading dot or quote neutralised.
  static func esc(_ text: String) -> String {
    var t = text.replacingOccurrences(of: "\\", with: "\\e").replacingOccurrences(of: "-", with: "\\-")
    if t.hasPrefix(".") || t.hasPrefix("'") { t = "\\&" + t }
    return t
  }

  /// The page; `date` is the release's, `YYYY-MM-DD`.
  public static func render(lang: Lang, version: String, date: String, table: CommandTable = .standard) -> String {
    func m(_ key: L) -> String { Message(key).text(lang) }
    var out = [#".\" -*- coding: UTF-8 -*-"#, ".TH TALLER 1 \(date) \"taller \(esc(version))\" \"\(esc(m(.manTitle)))\""]
    // man's hyphenation patterns are English: a Spanish page is not hyphenated at all.
    if lang == .es { out.append(".nh") }
    out.append(".SH " + m(.manName))
    out.append("taller \\- " + esc(m(.manWhat)))
    out.append(".SH " + m(.manSynopsis))
    out.append(".B taller")
    for o in ProcessOption.all where o.names.first != "-h" && o.names.first != "--version" {
      out.append("[\\fB\(esc(o.names[0]))\\fR" + (o.value.map { " \\fI\(esc(m($0)))\\fR" } ?? "") + "]")
    }
    out.append("[\\fI\(esc(m(.optValueCommand)))\\fR ...]")
    out.append(".SH " + m(.manDescription))
    out.append(esc(m(.manDescriptionText)))
    out.append(".PP")
    out.append(esc(m(.manWalkText)))
    out.append(".SH " + m(.manOptions))
    for o in ProcessOption.all {
      out.append(".TP")
      out.append("\\fB" + o.names.map(esc).joined(separator: "\\fR, \\fB") + "\\fR" + (o.value.map { " \\fI\(esc(m($0)))\\fR" } ?? ""))
      out.append(esc(m(o.help)))
    }
    out.append(".SH " + m(.manCommands))
    for c in table.commands where !c.walk || c.words.count > 1 || c.name == "help" || c.name == "show" || c.name == "quit" {
      out += entry(c, lang)
    }
    out.append(".SH " + m(.manWalk))
    out.append(esc(m(.manWalkWords)))
    for c in table.commands where c.walk && c.name != "help" && c.name != "show" && c.name != "quit" {
      out += entry(c, lang)
    }
    out.append(".SH " + m(.manExit))
    for (code, key) in [("0", L.manExit0), ("1", .manExit1), ("2", .manExit2)] {
      out.append(".TP")
      out.append("\\fB\(code)\\fR")
      out.append(esc(m(key)))
    }
    out.append(".SH " + m(.manEnvironment))
    for (name, key) in [
      ("TALLER_DB", L.manEnvDb), ("TALLER_LANG", .manEnvLang), ("TALLER_CONTENT", .manEnvContent), ("TALLER_HISTORY", .manEnvHistory),
      ("XDG_DATA_HOME", .manEnvData), ("VISUAL, EDITOR", .manEnvEditor), ("NO_COLOR", .manEnvNoColor),
    ] {
      out.append(".TP")
      out.append("\\fB\(esc(name))\\fR")
      out.append(esc(m(key)))
    }
    out.append(".SH " + m(.manFiles))
    out.append(".TP")
    out.append("\\fI$XDG_DATA_HOME/taller/taller.sqlite\\fR")
    out.append(esc(m(.manFileDb)))
    out.append(".TP")
    out.append("\\fI~/.taller_history\\fR")
    out.append(esc(m(.manFileHistory)))
    return out.joined(separator: "\n") + "\n"
  }

  /// One command: its usage line, what it does, its details and flags, its other names.
  static func entry(_ c: CommandSpec, _ lang: Lang) -> [String] {
    var out = [".TP", "\\fB" + esc(c.usage(lang)) + "\\fR", esc(Message(c.summary).text(lang))]
    if let d = c.detail {
      out.append(".br")
      out.append(esc(Message(d).text(lang)))
    }
    for f in c.flags {
      out.append(".br")
      out.append("\\fB\\-\\-\(esc(f.name))\\fR: " + esc(Message(f.help).text(lang)))
    }
    let others = c.otherNames(lang)
    if !others.isEmpty {
      out.append(".br")
      out.append(esc(Message.helpAliases(aliases: others.joined(separator: ", ")).text(lang)))
    }
    return out
  }
}
