import Foundation
import TallerCore

/// Where a value sits on a diverging scale (a touchpoint's rating 1–5, the sign of S = R − E):
/// red, orange, yellow, light blue, blue (ColorBrewer's RdYlBu, readable by the red–green colour
/// blind). Colour is never the only carrier: the cell's text always says the same (a ✖, a sign).
public enum Tone: Int, Sendable, Equatable {
  case worst = 1
  case poor, middle, fine, best

  /// A rating 1–5.
  public static func rating(_ r: Int64) -> Tone { Tone(rawValue: Int(min(5, max(1, r)))) ?? .middle }
  /// The sign of a difference.
  public static func sign(_ d: Int64) -> Tone { d < 0 ? .worst : d == 0 ? .middle : .best }

  /// The terminal's colour for it (SGR).
  var sgr: String {
    switch self {
    case .worst: "1;31"
    case .poor: "31"
    case .middle: "33"
    case .fine: "36"
    case .best: "1;34"
    }
  }
}

/// One box of Dave Gray's empathy-map canvas: its number in the canvas's order, its title, the
/// canvas's own question (shown in grey where nothing is written yet) and its notes.
public struct CanvasBox: Equatable, Sendable {
  public var number: Int
  public var title: String
  public var question: String
  public var notes: [String]
  /// Notes of a list (drawn with bullets) rather than one text.
  public var bulleted: Bool

  public init(number: Int, title: String, question: String, notes: [String], bulleted: Bool) {
    self.number = number
    self.title = title
    self.question = question
    self.notes = notes
    self.bulleted = bulleted
  }

  /// The heading as drawn: `3 · ¿QUÉ VE?`.
  public var heading: String { "\(number) · \(title)" }
  /// The body lines: notes with bullets, or the text's lines.
  public var body: [String] {
    bulleted ? notes.map { "• " + $0 } : notes.flatMap { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
  }
}

/// The empathy map as Gray's canvas (2017): who and goal on top, the head in the middle holding
/// think & feel, see / say / do / hear around it (3–6, clockwise from the top right), pains and
/// gains below.
public struct CanvasSpec: Equatable, Sendable {
  public var who: CanvasBox
  public var goal: CanvasBox
  public var see: CanvasBox
  public var say: CanvasBox
  public var does: CanvasBox
  public var hear: CanvasBox
  public var head: CanvasBox
  public var pains: CanvasBox
  public var gains: CanvasBox

  /// The boxes in the canvas's order (1–9).
  public var ordered: [CanvasBox] { [who, goal, see, say, does, hear, head, pains, gains] }
}

/// One lane of a journey map (a row under the stages).
public struct JourneyLane: Equatable, Sendable {
  public var label: String
  public var cells: [String]
}

/// A journey map: stages as columns, lanes as rows, the emotion curve under the stages.
public struct JourneySpec: Equatable, Sendable {
  public var stageLabel: String
  public var stages: [String]
  public var lanes: [JourneyLane]
  public var emotionLabel: String
  /// −2…+2 per stage; nil where a stage has no emotion (a gap in the curve, not a zero).
  public var emotions: [Int?]
  /// Stages with a moment of truth (its point drawn ◆).
  public var moments: [Bool]
  /// The language of the page captions.
  public var lang: Lang

  /// Pages of stages (first index, end index) with at most `per` stages each, balanced.
  public static func pages(count: Int, per: Int) -> [Range<Int>] {
    guard count > 0 else { return [0..<0] }
    let n = (count + max(1, per) - 1) / max(1, per)
    let size = (count + n - 1) / n
    return stride(from: 0, to: count, by: size).map { $0..<min(count, $0 + size) }
  }
}

/// A character grid on which boxes are drawn: lines remember which way they go, so where they
/// meet the right junction (┬ ├ ┼ …) is drawn. Hand-written: no Swift package draws box layouts
/// for a terminal.
struct BoxGrid {
  static let north: UInt8 = 1
  static let east: UInt8 = 2
  static let south: UInt8 = 4
  static let west: UInt8 = 8

  let width: Int
  let height: Int
  var arms: [[UInt8]]
  /// Text per cell: one grapheme, or "" for the second column of a wide one.
  var text: [[String?]]
  /// SGR code per cell ("" for none).
  var paint: [[String]]

  init(width: Int, height: Int) {
    self.width = width
    self.height = height
    arms = Array(repeating: Array(repeating: 0, count: width), count: height)
    text = Array(repeating: Array(repeating: nil, count: width), count: height)
    paint = Array(repeating: Array(repeating: "", count: width), count: height)
  }

  mutating func rect(_ x0: Int, _ y0: Int, _ x1: Int, _ y1: Int) {
    hline(y0, x0, x1)
    hline(y1, x0, x1)
    vline(x0, y0, y1)
    vline(x1, y0, y1)
  }

  mutating func hline(_ y: Int, _ x0: Int, _ x1: Int) {
    for x in x0...x1 {
      if x > x0 { arms[y][x] |= Self.west }
      if x < x1 { arms[y][x] |= Self.east }
    }
  }

  mutating func vline(_ x: Int, _ y0: Int, _ y1: Int) {
    for y in y0...y1 {
      if y > y0 { arms[y][x] |= Self.north }
      if y < y1 { arms[y][x] |= Self.south }
    }
  }

  /// Writes a line of text from a column, at most `limit` columns of it.
  mutating func put(_ s: String, x: Int, y: Int, limit: Int, sgr: String = "") {
    var col = x
    for ch in s {
      let w = DisplayWidth.of(ch)
      if col + w > x + limit || col + w > width { break }
      text[y][col] = String(ch)
      paint[y][col] = sgr
      if w == 2 { text[y][col + 1] = "" }
      col += w
    }
  }

  func render(unicode: Bool, color: Bool) -> [String] {
    (0..<height).map { y in
      var line = ""
      var open = ""
      for x in 0..<width {
        let cell: String
        var sgr = ""
        if let t = text[y][x] {
          cell = t
          sgr = paint[y][x]
        } else {
          cell = Self.junction(arms[y][x], unicode: unicode)
        }
        if color && sgr != open {
          if !open.isEmpty { line += "\u{1B}[0m" }
          if !sgr.isEmpty { line += "\u{1B}[\(sgr)m" }
          open = sgr
        }
        line += cell
      }
      if color && !open.isEmpty { line += "\u{1B}[0m" }
      return line.trimmingTrailingSpaces()
    }
  }

  static func junction(_ a: UInt8, unicode: Bool) -> String {
    let n = a & north != 0
    let e = a & east != 0
    let s = a & south != 0
    let w = a & west != 0
    if a == 0 { return " " }
    if !unicode { return (n || s) && (e || w) ? "+" : (n || s) ? "|" : "-" }
    switch (n, e, s, w) {
    case (false, true, false, true), (false, true, false, false), (false, false, false, true): return "─"
    case (true, false, true, false), (true, false, false, false), (false, false, true, false): return "│"
    case (false, true, true, false): return "┌"
    case (false, false, true, true): return "┐"
    case (true, true, false, false): return "└"
    case (true, false, false, true): return "┘"
    case (true, true, true, false): return "├"
    case (true, false, true, true): return "┤"
    case (false, true, true, true): return "┬"
    case (true, true, false, true): return "┴"
    default: return "┼"
    }
  }
}

extension Renderer {
  /// The empathy canvas: Gray's layout where the window is wide enough (100 columns), otherwise
  /// its boxes stacked in the canvas's order.
  func drawCanvas(_ c: CanvasSpec) -> String {
    let width = max(20, style.width)
    // The lines a box needs at an inner width: its heading, then its notes or its question.
    func lines(_ b: CanvasBox, _ inner: Int) -> [(String, String)] {
      var out = Self.wrap(chrome(b.heading), inner).map { ($0, "1") }
      if b.notes.isEmpty {
        out += Self.wrap("(" + b.question + ")", inner).map { ($0, "2") }
      } else {
        for l in b.body { out += Self.wrap(l, inner, hanging: Self.hanging(Substring(l))).map { ($0, "") } }
      }
      return out
    }
    func fill(_ g: inout BoxGrid, _ b: CanvasBox, _ x0: Int, _ y0: Int, _ x1: Int) {
      for (i, (l, sgr)) in lines(b, x1 - x0 - 3).enumerated() { g.put(l, x: x0 + 2, y: y0 + 1 + i, limit: x1 - x0 - 3, sgr: sgr) }
    }
    if width < 100 {
      // Two boxes a row where they have room (who | goal, see | say, do | hear, the head alone,
      // pains | gains), else one.
      let rows: [[CanvasBox]] =
        width >= 70
        ? [[c.who, c.goal], [c.see, c.say], [c.does, c.hear], [c.head], [c.pains, c.gains]] : c.ordered.map { [$0] }
      let right = width - 1
      let xm = width / 2
      func spans(_ n: Int) -> [(Int, Int)] { n == 1 ? [(0, right)] : [(0, xm), (xm, right)] }
      let heights = rows.map { r in zip(r, spans(r.count)).map { b, s in lines(b, s.1 - s.0 - 3).count }.max() ?? 1 }
      var g = BoxGrid(width: width, height: heights.reduce(0, +) + heights.count + 1)
      var y = 0
      for (r, h) in zip(rows, heights) {
        for (b, s) in zip(r, spans(r.count)) {
          g.rect(s.0, y, s.1, y + h + 1)
          fill(&g, b, s.0, y, s.1)
        }
        y += h + 1
      }
      return g.render(unicode: style.unicode, color: style.color).joined(separator: "\n") + "\n"
    }
    // Columns: sides a quarter each, the head between them; who|goal and pains|gains halves.
    let right = width - 1
    let xa = width / 4
    let xb = right - width / 4
    let xm = width / 2
    let h1 = max(lines(c.who, xm - 3).count, lines(c.goal, right - xm - 3).count)
    let h2 = max(lines(c.hear, xa - 3).count, lines(c.see, right - xb - 3).count)
    var h3 = max(lines(c.does, xa - 3).count, lines(c.say, right - xb - 3).count)
    let hh = lines(c.head, xb - xa - 3).count
    if hh > h2 + h3 + 1 { h3 += hh - (h2 + h3 + 1) }
    let h4 = max(lines(c.pains, xm - 3).count, lines(c.gains, right - xm - 3).count)
    let y1 = h1 + 1
    let y2 = y1 + h2 + 1
    let y3 = y2 + h3 + 1
    let y4 = y3 + h4 + 1
    var g = BoxGrid(width: width, height: y4 + 1)
    let boxes: [(CanvasBox, Int, Int, Int, Int)] = [
      (c.who, 0, 0, xm, y1), (c.goal, xm, 0, right, y1),
      (c.hear, 0, y1, xa, y2), (c.does, 0, y2, xa, y3), (c.head, xa, y1, xb, y3),
      (c.see, xb, y1, right, y2), (c.say, xb, y2, right, y3),
      (c.pains, 0, y3, xm, y4), (c.gains, xm, y3, right, y4),
    ]
    for (_, x0, y0, x1, yb) in boxes { g.rect(x0, y0, x1, yb) }
    for (b, x0, y0, x1, _) in boxes { fill(&g, b, x0, y0, x1) }
    return g.render(unicode: style.unicode, color: style.color).joined(separator: "\n") + "\n"
  }

  /// The journey map: pages of stages that fit the width, each a table with the lanes as rows,
  /// and under it the emotion curve drawn connected, one point under each stage's column.
  func drawJourney(_ j: JourneySpec) -> String {
    let width = max(20, style.width)
    let labels = j.lanes.map(\.label) + [j.stageLabel]
    let widestLabel = labels.map { DisplayWidth.of(chrome($0)) }.max() ?? 6
    let labelWord = labels.flatMap { $0.split(separator: " ") }.map { DisplayWidth.of(String($0)) }.max() ?? 4
    let label = max(6, min(max(labelWord, min(width < 80 ? 12 : 16, widestLabel)), width / 3))
    let room = width - label - 4
    // A stage column wants its widest word (12 at least, 24 at most).
    let cells = j.stages + j.lanes.flatMap(\.cells)
    let word = cells.flatMap { $0.split(whereSeparator: { $0 == " " || $0 == "\n" }) }.map { DisplayWidth.of(String($0)) }.max() ?? 8
    let minColumn = max(12, min(24, word))
    let per = max(1, room / (minColumn + 3))
    let pages = JourneySpec.pages(count: j.stages.count, per: per)
    var out = ""
    for page in pages {
      if pages.count > 1 {
        let m =
          page.count == 1
          ? Message.drawStagePage(n: page.upperBound, total: j.stages.count)
          : Message.drawStagesPage(from: page.lowerBound + 1, to: page.upperBound, total: j.stages.count)
        out += Self.wrap(chrome(m.text(j.lang)), width).map { paintDim($0) }.joined(separator: "\n") + "\n"
      }
      let k = page.count
      let widest =
        (page.map { i in ([j.stages[i]] + j.lanes.map { $0.cells[i] }).map { Self.measure(chrome($0)).line }.max() ?? 1 }.max() ?? 1)
      let column = max(1, min(room / max(1, k) - 3, max(8, widest)))
      let head = [j.stageLabel] + page.map { j.stages[$0] }
      let rows = j.lanes.map { lane in [lane.label] + page.map { lane.cells[$0] } }
      out += drawGrid(
        head: head.map(chrome), cells: rows.map { $0.map(chrome) }, widths: [label] + Array(repeating: column, count: k), markEmpty: true,
        tones: [])
      out += drawCurve(j, page: page, label: label, column: column)
    }
    return out
  }

  func paintDim(_ s: String) -> String { style.color ? "\u{1B}[2m\(s)\u{1B}[0m" : s }

  /// The curve under a page of stages: five rows (+2 … −2), the label column's place holding the
  /// lane's name and the levels, each point under the centre of its stage's column, consecutive
  /// points joined by steps of box drawing; a stage without emotion leaves a gap.
  func drawCurve(_ j: JourneySpec, page: Range<Int>, label: Int, column: Int) -> String {
    let total = label + 4 + page.count * (column + 3)
    var g = BoxGrid(width: total, height: 5)
    let u = style.unicode
    let nameLines = Self.wrap(chrome(j.emotionLabel), max(1, label - 3))
    for (i, l) in nameLines.prefix(5).enumerated() { g.put(l, x: 0, y: i, limit: label - 3, sgr: "1") }
    for v in -2...2 {
      let y = 2 - v
      g.put(v > 0 ? "+\(v)" : v == 0 ? " 0" : (u ? "−" : "-") + "\(-v)", x: label, y: y, limit: 2)
      g.put(u ? "┤" : "|", x: label + 3, y: y, limit: 1)
    }
    let start = label + 4
    for x in start..<total { g.put(u ? "┄" : ".", x: x, y: 2, limit: 1, sgr: "2") }
    func centre(_ k: Int) -> Int { start + k * (column + 3) + 1 + (column - 1) / 2 }
    func border(_ k: Int) -> Int { start + k * (column + 3) + column + 2 }
    let values = page.map { j.emotions[$0] }
    for k in values.indices {
      guard let v = values[k] else { continue }
      let y = 2 - min(2, max(-2, v))
      // The curve goes on to the next page, or comes from the previous one: an arrow at the edge.
      if k == values.count - 1, page.upperBound < j.emotions.count, j.emotions[page.upperBound] != nil {
        for x in (centre(k) + 1)..<(total - 1) { g.put(u ? "─" : "-", x: x, y: y, limit: 1) }
        g.put(u ? "→" : ">", x: total - 1, y: y, limit: 1)
      }
      if k == 0, page.lowerBound > 0, j.emotions[page.lowerBound - 1] != nil {
        g.put(u ? "→" : ">", x: start, y: y, limit: 1)
        for x in (start + 1)..<centre(0) { g.put(u ? "─" : "-", x: x, y: y, limit: 1) }
      }
      if k + 1 < values.count, let next = values[k + 1] {
        let y2 = 2 - min(2, max(-2, next))
        let m = border(k)
        for x in (centre(k) + 1)..<m { g.put(u ? "─" : "-", x: x, y: y, limit: 1) }
        if y == y2 {
          g.put(u ? "─" : "-", x: m, y: y, limit: 1)
        } else {
          let up = y2 < y
          g.put(u ? (up ? "╯" : "╮") : "+", x: m, y: y, limit: 1)
          for yy in (min(y, y2) + 1)..<max(y, y2) { g.put(u ? "│" : "|", x: m, y: yy, limit: 1) }
          g.put(u ? (up ? "╭" : "╰") : "+", x: m, y: y2, limit: 1)
        }
        for x in (m + 1)..<centre(k + 1) { g.put(u ? "─" : "-", x: x, y: y2, limit: 1) }
      }
      let moment = j.moments[page.lowerBound + k]
      let mark = u ? (moment ? "◆" : "●") : (moment ? "*" : "o")
      g.put(mark, x: centre(k), y: y, limit: 1, sgr: Tone.sign(Int64(v)).sgr)
    }
    return g.render(unicode: u, color: style.color).joined(separator: "\n") + "\n"
  }
}
