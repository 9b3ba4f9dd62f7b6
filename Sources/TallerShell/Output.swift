import Foundation
import TallerCore

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
  /// Dave Gray's empathy-map canvas.
  case canvas(CanvasSpec)
  /// A journey map: stages as columns, lanes, the emotion curve.
  case journey(JourneySpec)
}

/// A table to draw: a header row, rows of cells (a cell may hold several lines), and an optional
/// first column of row labels.
public struct TableSpec: Equatable, Sendable {
  public var header: [String]
  public var rows: [[String]]
  /// Columns whose empty cells show a dot (so gaps stand out).
  public var markEmpty: Bool
  /// A heat-scale tone per cell (same shape as `rows`; empty for none).
  public var tones: [[Tone?]]

  public init(header: [String], rows: [[String]], markEmpty: Bool = false, tones: [[Tone?]] = []) {
    self.header = header
    self.rows = rows
    self.markEmpty = markEmpty
    self.tones = tones
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

  func paint(_ s: String, _ code: String) -> String {
    style.color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s
  }

  /// The text of a reply, each line ending in a newline, every line within the style's width
  /// (broken between words; only a word longer than the whole width is cut).
  public func render(_ reply: Reply) -> String {
    var out = ""
    let width = max(20, style.width)
    for line in reply.lines {
      switch line {
      case .text(let s): out += Self.wrap(chrome(s), width).joined(separator: "\n")
      case .success(let s):
        let t = chrome(s)
        let lines = Self.wrap(t, width, hanging: t.hasPrefix("✓ ") ? 2 : 0)
        out += lines.enumerated().map { i, l in
          i == 0 && l.hasPrefix("✓") ? paint("✓", "32") + String(l.dropFirst()) : l
        }.joined(separator: "\n")
      case .heading(let s): out += Self.wrap(chrome(s), width).map { paint($0, "1") }.joined(separator: "\n")
      case .dim(let s): out += Self.wrap(chrome(s), width).map { paint($0, "2") }.joined(separator: "\n")
      case .item(let s, let note):
        // An item and its note; what does not fit goes on, indented under the item.
        // An answer of several lines: its other lines go under the first, indented.
        let parts = chrome(s).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let head = "  " + parts[0]
        let full = note.map { head + "  " + chrome($0) } ?? head
        let column = DisplayWidth.of(head) + 2
        if parts.count == 1 && DisplayWidth.of(full) <= width {
          out += note.map { head + "  " + paint(chrome($0), "2") } ?? head
        } else if parts.count == 1, let note, width - column >= 24 {
          // The note wrapped in its own column (as help lists do), the item kept on its line.
          let noteLines = Self.wrap(chrome(note), width - column)
          out += head + "  " + noteLines.map { paint($0, "2") }.joined(separator: "\n" + String(repeating: " ", count: column))
        } else {
          // Too wide (aligned notes on a narrow window): the item, its note wrapped under it.
          out += Self.wrap(head.trimmingTrailingSpaces(), width, hanging: 4).joined(separator: "\n")
          for p in parts.dropFirst() { out += "\n" + Self.wrap("    " + p, width, hanging: 4).joined(separator: "\n") }
          if let note { out += "\n" + Self.wrap("      " + chrome(note), width, hanging: 6).map { paint($0, "2") }.joined(separator: "\n") }
        }
      case .table(let t):
        out += drawTable(t)
        continue
      case .canvas(let c):
        out += drawCanvas(c)
        continue
      case .journey(let j):
        out += drawJourney(j)
        continue
      }
      out += "\n"
    }
    if let raw = reply.raw { out += raw }
    return out
  }

  /// Wraps text to a width, breaking between words. A line that fits is kept as it is (runs of
  /// spaces too); a longer one keeps its leading spaces on its first line, and its other lines
  /// are indented as far as its text starts (past a `- ` or `• ` bullet), or by `hanging` if that
  /// is more. A word longer than the width is cut.
  static func wrap(_ text: String, _ width: Int, hanging: Int = 0) -> [String] {
    guard width > 0 else { return [text] }
    var lines: [String] = []
    for para in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if DisplayWidth.of(String(para)) <= width {
        lines.append(String(para))
        continue
      }
      let indent = String(para.prefix { $0 == " " })
      let body = para.dropFirst(indent.count)
      let bullet = ["- ", "• ", "* "].contains { body.hasPrefix($0) } ? 2 : 0
      let next = String(repeating: " ", count: min(max(hanging, indent.count + bullet), width / 2))
      // Each word with the spaces before it (kept between words that stay on one line).
      var pieces: [(gap: String, word: String)] = []
      var gap = ""
      var word = ""
      for ch in body {
        if ch == " " {
          if !word.isEmpty {
            pieces.append((gap, word))
            gap = ""
            word = ""
          }
          gap.append(ch)
        } else {
          word.append(ch)
        }
      }
      if !word.isEmpty { pieces.append((gap, word)) }
      var cur = indent
      var curWidth = DisplayWidth.of(indent)
      var fresh = true  // nothing but indentation on the current line yet
      for (gap, piece) in pieces {
        var w = piece
        var ww = DisplayWidth.of(w)
        if !fresh && curWidth + gap.count + ww <= width {
          cur += gap + w
          curWidth += gap.count + ww
          continue
        }
        if !fresh {
          lines.append(cur)
          cur = next
          curWidth = DisplayWidth.of(next)
        }
        // A word wider than the room left on an empty line is cut (nothing else fits it).
        while curWidth + ww > width {
          var cut = ""
          var cw = 0
          for ch in w {
            let chw = DisplayWidth.of(ch)
            if curWidth + cw + chw > width { break }
            cut.append(ch)
            cw += chw
          }
          if cut.isEmpty { break }
          lines.append(cur + cut)
          w = String(w.dropFirst(cut.count))
          ww = DisplayWidth.of(w)
          cur = next
          curWidth = DisplayWidth.of(next)
        }
        cur += w
        curWidth += ww
        fresh = false
      }
      lines.append(cur)
    }
    return lines
  }

  func pad(_ s: String, _ width: Int) -> String {
    let w = DisplayWidth.of(s)
    return w >= width ? s : s + String(repeating: " ", count: width - w)
  }

  /// How far a line's continuation is indented: under the text of a bullet (`• `, `- `, `⚑ `).
  static func hanging(_ line: Substring) -> Int {
    ["• ", "- ", "* ", "⚑ "].contains { line.hasPrefix($0) } ? 2 : 0
  }

  /// The widest word and the widest line of a cell.
  static func measure(_ cell: String) -> (word: Int, line: Int) {
    var word = 1
    var line = 1
    for l in cell.split(separator: "\n", omittingEmptySubsequences: false) {
      line = max(line, DisplayWidth.of(String(l)))
      // A bulleted line's other lines hang under its text, two columns in.
      let hanging = Self.hanging(l)
      for w in l.split(separator: " ") { word = max(word, DisplayWidth.of(String(w)) + hanging) }
    }
    return (word, line)
  }

  /// Draws a table within the style's width. Columns get at least their widest word (so no word
  /// is broken) and share what is left up to their widest line. A table whose columns cannot all
  /// fit is split into tables of the columns that do, each repeating the first column when it
  /// names the rows; when not even one column fits beside it, each row is drawn as a record of
  /// `heading: value` lines (as psql's expanded mode does).
  func drawTable(_ t: TableSpec) -> String {
    let cols = max(t.header.count, t.rows.map(\.count).max() ?? 0)
    guard cols > 0 else { return "" }
    let cells = t.rows.map { r in (0..<cols).map { i in i < r.count ? chrome(r[i]) : "" } }
    let head = (0..<cols).map { i in i < t.header.count ? chrome(t.header[i]) : "" }
    let width = max(20, style.width)
    let measured = (0..<cols).map { i in
      ([head[i]] + cells.map { $0[i] }).map(Self.measure).reduce((word: 1, line: 1)) { (max($0.word, $1.word), max($0.line, $1.line)) }
    }
    func fits(_ columns: [Int]) -> Bool { columns.map { measured[$0].word }.reduce(0, +) + 3 * columns.count + 1 <= width }
    let all = Array(0..<cols)
    if fits(all) { return drawFitted(head: head, cells: cells, columns: all, measured: measured, markEmpty: t.markEmpty, tones: t.tones) }
    // Split: the first column names the rows (a header over data, or a row label).
    let rowLabel = cols > 1
    var groups: [[Int]] = []
    var group: [Int] = rowLabel ? [0] : []
    for c in (rowLabel ? 1 : 0)..<cols {
      if fits(group + [c]) {
        group.append(c)
      } else {
        if group.count > (rowLabel ? 1 : 0) { groups.append(group) }
        group = (rowLabel ? [0] : []) + [c]
        if !fits(group) { return drawRecords(head: head, cells: cells) }
      }
    }
    if group.count > (rowLabel ? 1 : 0) { groups.append(group) }
    return groups.map { drawFitted(head: head, cells: cells, columns: $0, measured: measured, markEmpty: t.markEmpty, tones: t.tones) }
      .joined()
  }

  /// A table of some columns that fit: widths from the widest word up to the widest line.
  func drawFitted(
    head: [String], cells: [[String]], columns: [Int], measured: [(word: Int, line: Int)], markEmpty: Bool, tones: [[Tone?]]
  ) -> String {
    let width = max(20, style.width)
    var widths = columns.map { measured[$0].word }
    var room = width - (3 * columns.count + 1) - widths.reduce(0, +)
    // Share the room left, a column at a time, to the columns still short of their widest line.
    while room > 0 {
      let short = columns.indices.filter { widths[$0] < measured[columns[$0]].line }
      if short.isEmpty { break }
      for i in short where room > 0 {
        widths[i] += 1
        room -= 1
      }
    }
    let pick = { (r: [String]) in columns.map { r[$0] } }
    let picked = tones.map { r in columns.map { $0 < r.count ? r[$0] : nil } }
    return drawGrid(
      head: pick(head), cells: cells.map(pick), widths: widths, markEmpty: markEmpty, tones: picked, labelled: columns.first == 0)
  }

  /// A table with given column widths (cells wrapped to them); `tones` paints cells where colour
  /// is on; `labelled`: the first column names the rows (its empty cells get no dot).
  func drawGrid(head: [String], cells: [[String]], widths: [Int], markEmpty: Bool, tones: [[Tone?]], labelled: Bool = true) -> String {
    let columns = Array(widths.indices)
    let u = style.unicode
    let v = u ? "│" : "|"
    func rule(_ l: String, _ m: String, _ r: String) -> String {
      (u ? l : "+") + widths.map { String(repeating: u ? "─" : "-", count: $0 + 2) }.joined(separator: u ? m : "+")
        + (u ? r : "+") + "\n"
    }
    func row(_ r: [String], emptyMark: Bool, tones: [Tone?] = []) -> String {
      let wrapped = columns.enumerated().map { k, c -> [String] in
        let text = r[c].isEmpty && emptyMark && (c > 0 || !labelled) ? chrome("·") : r[c]
        return text.split(separator: "\n", omittingEmptySubsequences: false).flatMap {
          Self.wrap(String($0), widths[k], hanging: Self.hanging($0))
        }
      }
      let height = wrapped.map(\.count).max() ?? 1
      var out = ""
      for line in 0..<height {
        out += v
        for k in columns.indices {
          let cell = pad(line < wrapped[k].count ? wrapped[k][line] : "", widths[k])
          out += " " + (k < tones.count ? tones[k].map { paint(cell, $0.sgr) } ?? cell : cell) + " " + v
        }
        out += "\n"
      }
      return out
    }
    var out = rule("┌", "┬", "┐")
    if columns.contains(where: { !head[$0].isEmpty }) {
      out += paint(row(head, emptyMark: false), "1")
      out += rule("├", "┼", "┤")
    }
    for (i, r) in cells.enumerated() {
      out += row(r, emptyMark: markEmpty, tones: i < tones.count ? tones[i] : [])
      if i < cells.count - 1 { out += rule("├", "┼", "┤") }
    }
    out += rule("└", "┴", "┘")
    return out
  }

  /// Each row as a record: its first cell as a heading, then one `heading: value` per column
  /// (values wrapped under it); a table without headings draws each cell as a block.
  func drawRecords(head: [String], cells: [[String]]) -> String {
    let width = max(20, style.width)
    let rule = String(repeating: style.unicode ? "─" : "-", count: min(width, 40))
    var out = ""
    for r in cells {
      out += rule + "\n"
      let labelled = head.contains { !$0.isEmpty }
      for (c, cell) in r.enumerated() {
        if labelled {
          let title = Text.replacing("\n", in: head[c], with: " ")
          if c == 0 && title.isEmpty {
            out += Self.wrap(Text.replacing("\n", in: cell, with: " "), width).map { paint($0, "1") }.joined(separator: "\n") + "\n"
            continue
          }
          let value = cell.isEmpty ? "·" : cell
          out += paint(title + ":", "1") + "\n"
          for l in value.split(separator: "\n", omittingEmptySubsequences: false) {
            out += Self.wrap("  " + l, width, hanging: 2).joined(separator: "\n") + "\n"
          }
        } else {
          for l in cell.split(separator: "\n", omittingEmptySubsequences: false) {
            out += Self.wrap(String(l), width, hanging: 2).joined(separator: "\n") + "\n"
          }
          if c < r.count - 1 { out += "\n" }
        }
      }
    }
    return out + rule + "\n"
  }

  /// An error line: `✗ message` on a terminal, the bare message elsewhere; within the width.
  public func renderError(_ text: String) -> String {
    let width = max(20, style.width)
    guard style.unicode else { return Self.wrap(text, width).joined(separator: "\n") + "\n" }
    let lines = Self.wrap("✗ " + text, width, hanging: 2)
    return lines.enumerated().map { i, l in i == 0 ? paint("✗", "31") + String(l.dropFirst()) : l }.joined(separator: "\n") + "\n"
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
    "⏱": "", "⚑": "!", "›": ">", "—": "-", "–": "-", "→": "->", "✖": "X", "≤": "<=",
    "▼": "v", "▲": "^", "●": "o", "◆": "*", "░": ".", "█": "#", "│": "|",
  ]
}

extension String {
  /// Without the spaces at its end.
  func trimmingTrailingSpaces() -> String {
    var s = self
    while s.hasSuffix(" ") { s.removeLast() }
    return s
  }
}
