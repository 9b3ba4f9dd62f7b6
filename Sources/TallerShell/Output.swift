import Foundation
import TallerCore

#if canImport(Glibc)
  import Glibc
#endif

/// How output may look where it is going.
public struct Style: Sendable, Equatable {
  /// ANSI colors allowed.
  public var color: Bool
  /// Unicode symbols and box drawing allowed (otherwise ASCII-safe chrome).
  public var unicode: Bool
  /// Columns available.
  public var width: Int

  public init(color: Bool, unicode: Bool, width: Int) {
    self.color = color
    self.unicode = unicode
    self.width = width
  }

  /// Plain output for pipes and files: no color, ASCII chrome, 80 columns.
  public static let plain = Style(color: false, unicode: false, width: 80)

  /// Decides the style for a file descriptor: colors and Unicode only on a terminal, and not with
  /// `NO_COLOR` or `TERM=dumb`.
  public static func detect(fd: Int32, environment: [String: String]) -> Style {
    let tty = isatty(fd) == 1
    let dumb = environment["TERM"] == "dumb"
    let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
    var width = 80
    if let cols = environment["COLUMNS"].flatMap(Int.init), cols > 20 {
      width = cols
    } else if tty {
      var ws = winsize()
      if ioctl(fd, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 20 { width = Int(ws.ws_col) }
    }
    return Style(color: tty && !dumb && !noColor, unicode: tty && !dumb, width: width)
  }
}

/// One line of a reply, with its meaning; the renderer picks colors and symbols.
public enum Line: Equatable, Sendable {
  case text(String)
  case success(String)
  case heading(String)
  case dim(String)
  case item(String, note: String?)
}

/// What a command produced: lines for the output, possibly a request to quit.
public struct Reply: Equatable, Sendable {
  public var lines: [Line]
  /// Raw text written as is (an export to standard output).
  public var raw: String?
  public var quit: Bool

  public init(lines: [Line] = [], raw: String? = nil, quit: Bool = false) {
    self.lines = lines
    self.raw = raw
    self.quit = quit
  }

  static func ok(_ s: String) -> Reply { Reply(lines: [.success(s)]) }
  static func text(_ s: String) -> Reply { Reply(lines: [.text(s)]) }
}

/// Turns replies and errors into text for a given style.
public struct Renderer: Sendable {
  public var style: Style

  public init(style: Style) { self.style = style }

  private func paint(_ s: String, _ code: String) -> String {
    style.color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s
  }

  /// The text of a reply, each line ending in a newline.
  public func render(_ reply: Reply) -> String {
    var out = ""
    for line in reply.lines {
      switch line {
      case .text(let s): out += chrome(s)
      case .success(let s):
        let t = chrome(s)
        if t.hasPrefix("✓") {
          out += paint("✓", "32") + String(t.dropFirst())
        } else {
          out += t
        }
      case .heading(let s): out += paint(chrome(s), "1")
      case .dim(let s): out += paint(chrome(s), "2")
      case .item(let s, let note):
        out += "  " + chrome(s)
        if let note { out += "  " + paint(chrome(note), "2") }
      }
      out += "\n"
    }
    if let raw = reply.raw { out += raw }
    return out
  }

  /// An error line: `✗ message` on a terminal, the bare message elsewhere.
  public func renderError(_ text: String) -> String {
    style.unicode ? paint("✗", "31") + " " + text + "\n" : text + "\n"
  }

  /// Replaces taller's own symbols by ASCII when the output is not a terminal. The user's text
  /// (names with accents) is never touched: only chrome the catalogs add.
  public func chrome(_ s: String) -> String {
    if style.unicode { return s }
    var t = s
    if t.hasPrefix("✓ ") { t.removeFirst(2) }
    for (from, to) in Self.asciiChrome { t = t.replacingOccurrences(of: from, with: to) }
    return t
  }

  static let asciiChrome: [(String, String)] = [
    ("✓", "ok"), ("✗", "x"), ("«", "\""), ("»", "\""), ("…", "..."), (" · ", " - "), ("·", "-"),
    ("⏱", ""), ("⚑", "!"), ("—", "-"), ("–", "-"), ("→", "->"),
  ]
}
