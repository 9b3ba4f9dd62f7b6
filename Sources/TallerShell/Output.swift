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
  /// A grid fitted to the width: box drawing on a terminal, ASCII elsewhere.
  case table(TableSpec)
  /// An emotion curve across columns (values in -2…+2).
  case curve(labels: [String], values: [Int?])
}

/// A table to draw: a header row, rows of cells (a cell may hold several lines), and an optional
/// first column of row labels.
public struct TableSpec: Equatable, Sendable {
  public var header: [String]
  public var rows: [[String]]
  /// Columns whose empty cells show a dot (so gaps stand out).
  public var markEmpty: Bool

  public init(header: [String], rows: [[String]], markEmpty: Bool = false) {
    self.header = header
    self.rows = rows
    self.markEmpty = markEmpty
  }
}

/// What a command produced: lines for the output, possibly a request to quit.
public struct Reply: Equatable, Sendable {
  public var lines: [Line]
  /// Raw text written as is (an export to standard output).
  public var raw: String?
  public var quit: Bool
  /// A question to ask before going on (only on a terminal).
  public var confirm: Confirmation?
  /// Problems met along the way (the command still did what it could; it counts as failed).
  public var errors: [String] = []

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
      case .text(let s): out += Self.wrap(chrome(s), style.width).joined(separator: "\n")
      case .success(let s):
        let t = chrome(s)
        if t.hasPrefix("✓") {
          out += paint("✓", "32") + String(t.dropFirst())
        } else {
          out += t
        }
      case .heading(let s): out += paint(chrome(s), "1")
      case .dim(let s): out += Self.wrap(chrome(s), style.width).map { paint($0, "2") }.joined(separator: "\n")
      case .item(let s, let note):
        out += "  " + chrome(s)
        if let note { out += "  " + paint(chrome(note), "2") }
      case .table(let t):
        out += drawTable(t)
        continue
      case .curve(let labels, let values):
        out += drawCurve(labels: labels, values: values)
        continue
      }
      out += "\n"
    }
    if let raw = reply.raw { out += raw }
    return out
  }

  /// Wraps text to a width, breaking at spaces (long words are cut).
  static func wrap(_ text: String, _ width: Int) -> [String] {
    guard width > 0 else { return [text] }
    var lines: [String] = []
    for para in text.split(separator: "\n", omittingEmptySubsequences: false) {
      // Keep the paragraph's indentation on its first line.
      let indent = String(para.prefix { $0 == " " })
      var cur = indent
      for word in para.split(separator: " ") {
        var w = String(word)
        while w.count > width {
          if !cur.isEmpty {
            lines.append(cur)
            cur = ""
          }
          lines.append(String(w.prefix(width)))
          w = String(w.dropFirst(width))
        }
        if cur == indent {
          cur += w
        } else if cur.count + 1 + w.count <= width {
          cur += " " + w
        } else {
          lines.append(cur)
          cur = w
        }
      }
      lines.append(cur)
    }
    return lines
  }

  func pad(_ s: String, _ width: Int) -> String {
    s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
  }

  /// Draws a table within the style's width: columns share the room left by the widest needs.
  func drawTable(_ t: TableSpec) -> String {
    let cols = max(t.header.count, t.rows.map(\.count).max() ?? 0)
    guard cols > 0 else { return "" }
    let cells = t.rows.map { r in (0..<cols).map { i in i < r.count ? chrome(r[i]) : "" } }
    let head = (0..<cols).map { i in i < t.header.count ? chrome(t.header[i]) : "" }
    let available = max(cols * 6, style.width - (3 * cols + 1))
    var natural = (0..<cols).map { i in
      max(head[i].count, cells.map { $0[i].split(separator: "\n").map(\.count).max() ?? 0 }.max() ?? 0, 1)
    }
    // Shrink the widest columns until everything fits.
    while natural.reduce(0, +) > available, let widest = natural.indices.max(by: { natural[$0] < natural[$1] }),
      natural[widest] > 6
    {
      natural[widest] -= 1
    }
    let u = style.unicode
    let v = u ? "│" : "|"
    func rule(_ l: String, _ m: String, _ r: String) -> String {
      (u ? l : "+") + natural.map { String(repeating: u ? "─" : "-", count: $0 + 2) }.joined(separator: u ? m : "+")
        + (u ? r : "+") + "\n"
    }
    func row(_ r: [String], emptyMark: Bool) -> String {
      let wrapped = r.enumerated().map { i, c -> [String] in
        let text = c.isEmpty && emptyMark && i > 0 ? "·" : c
        return text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { Self.wrap(String($0), natural[i]) }
      }
      let height = wrapped.map(\.count).max() ?? 1
      var out = ""
      for line in 0..<height {
        out += v
        for i in 0..<cols {
          out += " " + pad(line < wrapped[i].count ? wrapped[i][line] : "", natural[i]) + " " + v
        }
        out += "\n"
      }
      return out
    }
    var out = rule("┌", "┬", "┐")
    if t.header.contains(where: { !$0.isEmpty }) {
      out += paint(row(head, emptyMark: false), "1")
      out += rule("├", "┼", "┤")
    }
    for (i, r) in cells.enumerated() {
      out += row(r, emptyMark: t.markEmpty)
      if i < cells.count - 1 { out += rule("├", "┼", "┤") }
    }
    out += rule("└", "┴", "┘")
    return out
  }

  /// Draws values −2…+2 as a curve: one row per level, one column per stage.
  func drawCurve(labels: [String], values: [Int?]) -> String {
    guard !labels.isEmpty else { return "" }
    let colWidth = max(4, min(14, (style.width - 6) / max(1, labels.count)))
    var out = ""
    for level in stride(from: 2, through: -2, by: -1) {
      var line = (level > 0 ? "+\(level)" : String(level)).padding(toLength: 3, withPad: " ", startingAt: 0) + (style.unicode ? "┤" : "|")
      for (i, v) in values.enumerated() {
        var cell = String(repeating: " ", count: colWidth)
        if v == level {
          let mark = style.unicode ? (level > 0 ? "●" : level < 0 ? "●" : "●") : "*"
          cell = String(repeating: " ", count: colWidth / 2) + mark + String(repeating: " ", count: colWidth - colWidth / 2 - 1)
          // Show the direction to the next stage.
          if i + 1 < values.count, let next = values[i + 1] {
            let arrow = style.unicode ? (next > level ? "╱" : next < level ? "╲" : "─") : (next > level ? "/" : next < level ? "\\" : "-")
            cell = String(cell.prefix(colWidth - 1)) + arrow
          }
        } else if level == 0 {
          cell = String(repeating: style.unicode ? "┄" : ".", count: colWidth)
        }
        line += cell
      }
      let painted = level > 0 ? paint(line, "32") : level < 0 ? paint(line, "31") : line
      out += painted + "\n"
    }
    var axis = "    "
    for l in labels { axis += pad(String(chrome(l).prefix(colWidth - 1)), colWidth) }
    out += axis.trimmingCharacters(in: .whitespaces).isEmpty ? "" : axis + "\n"
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
    // Most lines are plain ASCII already: nothing to do.
    if s.utf8.allSatisfy({ $0 < 0x80 }) { return s }
    var t = Substring(s)
    if t.hasPrefix("✓ ") { t.removeFirst(2) }
    var out = ""
    out.reserveCapacity(t.utf8.count)
    for scalar in t.unicodeScalars {
      if let ascii = Self.asciiChrome[scalar] { out += ascii } else { out.unicodeScalars.append(scalar) }
    }
    return out
  }

  static let asciiChrome: [Unicode.Scalar: String] = [
    "✓": "ok", "✗": "x", "«": "\"", "»": "\"", "…": "...", "·": "-",
    "⏱": "", "⚑": "!", "›": ">", "—": "-", "–": "-", "→": "->",
  ]
}
