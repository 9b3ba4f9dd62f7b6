import Foundation
import TallerCore
import TallerStore

/// What the projector board asks of the terminal: a frame for a size, drawn again every second
/// until the person leaves, and work to do between frames (importing what arrived in a watched
/// folder). The engine builds frames; the terminal edge shows them full screen.
public struct BoardRequest: Sendable {
  /// The frame's lines for a terminal of `columns` × `rows`.
  public let frame: @Sendable (_ columns: Int, _ rows: Int) -> [String]
  /// Called before each frame.
  public let tick: @Sendable () -> Void
  /// A key the view reacts to (the presentation's next, previous and reveal); the frame is
  /// drawn again at once.
  public let key: @Sendable (BoardKey) -> Void

  public init(
    frame: @escaping @Sendable (_ columns: Int, _ rows: Int) -> [String], tick: @escaping @Sendable () -> Void = {},
    key: @escaping @Sendable (BoardKey) -> Void = { _ in }
  ) {
    self.frame = frame
    self.tick = tick
    self.key = key
  }
}

/// Keys a full-screen view reacts to, besides `q` and Ctrl-C (which leave).
public enum BoardKey: Sendable, Equatable {
  /// → , Page Down, n, space.
  case next
  /// ← , Page Up, p.
  case previous
  /// r.
  case reveal

  /// The keys in some bytes read from the terminal, and whether one of them leaves.
  public static func parse(_ bytes: [UInt8]) -> (keys: [BoardKey], leave: Bool) {
    var keys: [BoardKey] = []
    var i = 0
    while i < bytes.count {
      let b = bytes[i]
      if b == 0x1B, i + 2 < bytes.count, bytes[i + 1] == UInt8(ascii: "[") {
        switch bytes[i + 2] {
        case UInt8(ascii: "C"): keys.append(.next)
        case UInt8(ascii: "D"): keys.append(.previous)
        case UInt8(ascii: "6"): keys.append(.next)
        case UInt8(ascii: "5"): keys.append(.previous)
        default: break
        }
        i += 3
        while i < bytes.count, bytes[i - 1] != UInt8(ascii: "~"), bytes[i] == UInt8(ascii: "~") { i += 1 }
        continue
      }
      switch b {
      case UInt8(ascii: "q"), UInt8(ascii: "Q"), 0x03, 0x04: return (keys, true)
      case UInt8(ascii: "n"), UInt8(ascii: " "): keys.append(.next)
      case UInt8(ascii: "p"): keys.append(.previous)
      case UInt8(ascii: "r"), UInt8(ascii: "R"): keys.append(.reveal)
      default: break
      }
      i += 1
    }
    return (keys, false)
  }
}

/// The projector board (`tablero`): the class as the instructor's database knows it, for the
/// back of a room — the phase's countdown in large digits with its wall-clock end, one row per
/// team with a mark per exercise, its last activity and conflicts, and who needs help, most
/// behind first. No grades, no names of students. Marks are letters as well as symbols: nothing
/// depends on colour.
enum Board {
  enum Mark: Equatable { case none, working, done }

  struct TeamRow: Equatable {
    var name: String
    var marks: [Mark]
    var last: Int64?
    var conflicts: Int
    var answered: Int
  }

  struct Snapshot: Equatable {
    var title: String
    var clock: ClassClock?
    var exercises: [String]
    var exerciseIDs: [String]
    var rows: [TeamRow]
  }

  /// What the board shows, read in one go.
  static func snapshot(_ ctx: ShellContext, lang: Lang) throws(TallerError) -> Snapshot {
    try ctx.store.inOneRead { () throws(TallerError) -> Snapshot in
      let mine = try ctx.store.classes().first { $0.mine }
      let teams = try Desk.classTeams(ctx).sorted { Text.naturallyBefore(($0.name, $0.id), ($1.name, $1.id)) }
      var perTeam: [String: Int] = [:]
      for c in try ctx.store.conflicts() { if let t = try ctx.store.team(of: c.entity) { perTeam[t, default: 0] += 1 } }
      let defs = ctx.content.ordered
      var rows: [TeamRow] = []
      let lastChanges = try ctx.store.lastChanges()
      for t in teams {
        var marks: [Mark] = []
        var answered = 0
        for d in defs {
          let p = ExerciseProgress(sheet: try ctx.store.sheet(teamID: t.id, exercise: d.id), def: d)
          answered += p.answered
          marks.append(p.done ? .done : p.started ? .working : .none)
        }
        rows.append(
          TeamRow(
            name: t.name, marks: marks, last: lastChanges[t.id], conflicts: perTeam[t.id] ?? 0, answered: answered))
      }
      return Snapshot(
        title: mine?.name ?? ctx.content.agenda.title.text(lang),
        clock: mine.flatMap { (try? ctx.store.classClock(classID: $0.id)) ?? nil },
        exercises: defs.map { $0.title.text(lang) }, exerciseIDs: defs.map(\.id), rows: rows)
    }
  }

  /// The teams that need help, most behind first: no exercise started yet, or nothing saved
  /// for `idleMinutes`.
  static func needsHelp(_ s: Snapshot, now: Int64, idleMinutes: Int, lang: Lang) -> [(name: String, why: String)] {
    var out: [(row: TeamRow, why: String)] = []
    for r in s.rows {
      if !r.marks.contains(where: { $0 != .none }) || r.last == nil {
        out.append((r, Message.boardNothingYet.text(lang)))
      } else if let last = r.last, now - last >= Int64(idleMinutes) * 60_000 {
        out.append((r, Message.boardIdle(minutes: String((now - last) / 60_000)).text(lang)))
      }
    }
    out.sort { a, b in
      a.row.answered != b.row.answered ? a.row.answered < b.row.answered : (a.row.last ?? 0) < (b.row.last ?? 0)
    }
    return out.map { ($0.row.name, $0.why) }
  }

  /// `hace 3 min`, `hace 1 h 5 min`, `—`.
  static func ago(_ last: Int64?, now: Int64, lang: Lang) -> String {
    guard let last else { return "—" }
    let minutes = max(0, (now - last) / 60_000)
    if minutes < 1 { return Message.boardJustNow.text(lang) }
    if minutes < 60 { return Message.boardAgo(time: "\(minutes) min").text(lang) }
    return Message.boardAgo(time: "\(minutes / 60) h \(minutes % 60) min").text(lang)
  }

  // MARK: Large digits

  /// A 3×5 font for the countdown: digits and the colon.
  static let font: [Character: [String]] = [
    "0": ["###", "# #", "# #", "# #", "###"], "1": ["  #", "  #", "  #", "  #", "  #"],
    "2": ["###", "  #", "###", "#  ", "###"], "3": ["###", "  #", "###", "  #", "###"],
    "4": ["# #", "# #", "###", "  #", "  #"], "5": ["###", "#  ", "###", "  #", "###"],
    "6": ["###", "#  ", "###", "# #", "###"], "7": ["###", "  #", "  #", "  #", "  #"],
    "8": ["###", "# #", "###", "# #", "###"], "9": ["###", "# #", "###", "  #", "###"],
    ":": [" ", "#", " ", "#", " "],
  ]

  /// `text` in large digits, each font cell `scale` wide and tall; `#` drawn as `ink`.
  static func large(_ text: String, scale: Int, ink: String) -> [String] {
    var rows = Array(repeating: "", count: 5 * scale)
    for (i, ch) in text.enumerated() {
      guard let glyph = font[ch] else { continue }
      for (r, line) in glyph.enumerated() {
        var cells = ""
        for c in line { cells += String(repeating: c == "#" ? ink : " ", count: scale) }
        for k in 0..<scale { rows[r * scale + k] += (i > 0 ? String(repeating: " ", count: scale) : "") + cells }
      }
    }
    return rows
  }

  // MARK: The frame

  /// `text` cut or padded to `width` characters.
  static func fit(_ text: String, _ width: Int) -> String {
    let n = text.count
    if n == width { return text }
    if n < width { return text + String(repeating: " ", count: width - n) }
    return width <= 1 ? String(text.prefix(width)) : String(text.prefix(width - 1)) + "…"
  }

  static func centered(_ text: String, _ width: Int) -> String {
    let pad = max(0, (width - text.count) / 2)
    return fit(String(repeating: " ", count: pad) + text, width)
  }

  /// The board for a terminal of `width` × `height` (`height` nil: as long as it needs, for
  /// scripts). Every line is exactly `width` characters.
  static func frame(
    _ s: Snapshot, width rawWidth: Int, height: Int?, now: Int64, zone: TimeZone, lang: Lang, unicode: Bool, idleMinutes: Int
  ) -> [String] {
    let width = max(30, rawWidth)
    var lines: [String] = []
    let wall = Clock.time(now, zone: zone)
    let head = " " + Message.boardTitle(class: s.title).text(lang)
    lines.append(fit(head, width - wall.count - 1) + wall + " ")
    lines.append(String(repeating: unicode ? "─" : "-", count: width))
    // The countdown.
    let scale = (height ?? 0) >= 40 && width >= 120 ? 2 : 1
    var big: String
    var caption: String
    switch s.clock?.state(now: now) ?? .stopped {
    case .running(let ends, let left):
      big = Guide.clock(left)
      caption = Message.boardEnds(minutes: String(s.clock?.minutes ?? 0), time: Clock.time(ends, zone: zone)).text(lang)
    case .paused(let left):
      big = Guide.clock(left)
      caption = Message.boardPaused.text(lang)
    case .ended:
      big = "00:00"
      caption = Message.boardTimeUp.text(lang)
    case .stopped:
      big = wall
      caption = Message.boardNoClock.text(lang)
    }
    if big.count > 5, big.hasPrefix("0") { big.removeFirst() }
    let room = height.map { $0 - lines.count } ?? 99
    if room >= 5 * scale + 8 {
      for row in large(big, scale: scale, ink: unicode ? "█" : "#") { lines.append(centered(row, width)) }
    } else {
      lines.append(centered(big, width))
    }
    lines.append(centered(caption.uppercased(), width))
    lines.append(String(repeating: " ", count: width))
    // Who needs help, at most two lines (the rest counted).
    let help = needsHelp(s, now: now, idleMinutes: idleMinutes, lang: lang)
    var helpLines: [String] = []
    if !help.isEmpty {
      var line = " " + Message.boardNeedsHelp(count: String(help.count)).text(lang) + " "
      var shown = 0
      for h in help {
        let part = (shown > 0 ? " · " : "") + "\(h.name) (\(h.why))"
        if line.count + part.count > width {
          if helpLines.count == 1 { break }
          helpLines.append(line)
          line = "   " + part.dropFirst(shown > 0 ? 3 : 0)
        } else {
          line += part
        }
        shown += 1
      }
      if shown < help.count { line += " " + Message.boardMore(count: String(help.count - shown)).text(lang) }
      helpLines.append(line)
    }
    // The teams: as many columns as fit, as many rows as the height leaves; pages otherwise.
    let markChars: [Mark: String] = unicode ? [.none: "·", .working: "◐", .done: "✓"] : [.none: ".", .working: "~", .done: "#"]
    let nameWidth = min(24, max(8, s.rows.map(\.name.count).max() ?? 8))
    let marksWidth = s.exercises.count * 2
    let lastWidth = 14
    let cellWidth = 1 + nameWidth + 1 + marksWidth + 1 + lastWidth + 4
    // The legend: the marks, then the exercises by number (wrapped).
    var legend = [
      " "
        + Message.boardLegend(done: markChars[.done]!, none: markChars[.none]!, working: markChars[.working]!).text(lang)
        .replacingOccurrences(of: "⚠", with: unicode ? "⚠" : "!")
    ]
    var exerciseLine = " "
    for (i, e) in s.exerciseIDs.enumerated() {
      let part = (exerciseLine.count > 1 ? " · " : "") + "\(i + 1) \(e)"
      if exerciseLine.count + part.count > width, exerciseLine.count > 1 {
        legend.append(exerciseLine)
        exerciseLine = " \(i + 1) \(e)"
      } else {
        exerciseLine += part
      }
    }
    legend.append(exerciseLine)
    let legendLines = legend.count
    let available = height.map { max(1, $0 - lines.count - helpLines.count - legendLines - 2) } ?? max(1, s.rows.count)
    // Side by side only when one column would not hold every team.
    let columns = max(1, min(3, width / cellWidth, (s.rows.count + available - 1) / available))
    let perPage = max(1, available * columns)
    let pages = max(1, (s.rows.count + perPage - 1) / perPage)
    let page = pages > 1 ? Int((now / 5_000) % Int64(pages)) : 0
    let shown = Array(s.rows.dropFirst(page * perPage).prefix(perPage))
    var header = " " + fit(Message.boardTeam.text(lang), nameWidth) + " "
    header +=
      (1...max(1, s.exercises.count)).map { String($0 % 10) + " " }.joined() + " " + fit(Message.boardLast.text(lang), lastWidth) + " ⚠ "
    if !unicode { header = header.replacingOccurrences(of: "⚠", with: "!") }
    let cellWidthActual = width / columns
    lines.append(
      String((0..<columns).map { _ in fit(header, cellWidthActual) }.joined()).padding(toLength: width, withPad: " ", startingAt: 0))
    let rowsPerColumn = (shown.count + columns - 1) / columns
    for r in 0..<rowsPerColumn {
      var line = ""
      for c in 0..<columns {
        let i = c * rowsPerColumn + r
        guard i < shown.count else { continue }
        let t = shown[i]
        var cell = " " + fit(t.name, nameWidth) + " " + t.marks.map { (markChars[$0] ?? "?") + " " }.joined()
        cell += " " + fit(ago(t.last, now: now, lang: lang), lastWidth) + " " + (t.conflicts > 0 ? String(t.conflicts) : " ")
        line += fit(cell, cellWidthActual)
      }
      lines.append(fit(line, width))
    }
    if pages > 1 { lines.append(fit(" " + Message.boardPage(page: String(page + 1), pages: String(pages)).text(lang), width)) }
    // Fill down to the help list and the legend, which sit at the bottom.
    if let height {
      while lines.count < height - helpLines.count - legendLines { lines.append(String(repeating: " ", count: width)) }
    } else {
      lines.append(String(repeating: " ", count: width))
    }
    for h in helpLines { lines.append(fit(h, width)) }
    for l in legend { lines.append(fit(l, width)) }
    if let height, lines.count > height { lines = Array(lines.prefix(height)) }
    return lines.map { fit($0, width) }
  }
}
