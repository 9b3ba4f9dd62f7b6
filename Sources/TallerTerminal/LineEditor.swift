import Foundation
import TallerCore
import TallerShell

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

// taller's own line editor. Debian's libedit has no bracketed paste and cannot redraw the prompt
// while a line is typed; GNU readline is GPL; no maintained, permissively licensed Swift package
// does either (2026-12). So: raw mode over termios, UTF-8 and wide characters, history,
// completion, the usual keys, bracketed paste, a prompt that changes by itself, and redraws on a
// window resize.

/// One key (or pasted text) read from the terminal.
enum Key: Equatable {
  case text(String)
  case enter
  /// Ctrl-J or Alt-Enter: a line break inside the text.
  case newline
  case ctrl(UInt8)
  case backspace, delete, up, down, left, right, home, end, tab
  case wordLeft, wordRight
  case paste(String)
  case unknown
}

/// The line editor.
public final class LineEditor: LineReader {
  let input: Int32
  let output: Int32
  let modes: TerminalModes
  let historyPath: String?
  let completer: Completer
  /// Opens text in `$VISUAL`/`$EDITOR` (Ctrl-X Ctrl-E); `nil` when there is none.
  let externalEditor: ((String) -> String?)?
  var history: [String] = []
  /// Bytes read and not used yet (keys typed ahead survive from one line to the next).
  var pending: [UInt8] = []

  /// When the prompt was drawn, and when the bytes being decoded started to arrive: a burst
  /// that came after a wait, with an Enter inside it, is a paste (on terminals without
  /// bracketed paste); bytes waiting as the prompt appears were typed ahead.
  var promptShownAt: UInt64 = 0
  var burstAt: UInt64 = 0

  /// Where the edit area starts and the cursor stands, in rows below its first row.
  var cursorRow = 0

  public init?(
    input: Int32 = 0, output: Int32 = 1, historyPath: String?, completer: @escaping Completer, externalEditor: ((String) -> String?)? = nil
  ) {
    guard Terminal.isTerminal(input), let modes = TerminalModes(fd: input) else { return nil }
    self.input = input
    self.output = output
    self.modes = modes
    self.historyPath = historyPath
    self.completer = completer
    self.externalEditor = externalEditor
    setUTF8Locale()
    TerminalSignals.install()
    modes.beginSession()
    // Keys typed before taller took the terminal went through its cooked mode: Enter arrived as
    // a line feed. They are kept, with Enter as Enter.
    if fill(timeoutMs: 0) { pending = pending.map { $0 == 0x0A ? 0x0D : $0 } }
    loadHistory()
  }

  public var columns: Int { Terminal.size(output)?.columns ?? 80 }

  func write(_ s: String) { writeAll(fd: output, s) }

  static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

  // MARK: Reading a line

  /// What is being edited.
  struct State {
    var prompt: String
    var continuation: String
    var text: [Character] = []
    var cursor = 0
    var historyIndex: Int?
    var draft: [Character] = []
    /// A second Tab in a row lists the candidates.
    var lastWasTab = false
  }

  public func read(_ request: LineRequest) -> ReadResult {
    write("\u{1B}[?2004h")  // bracketed paste on
    defer { write("\u{1B}[?2004l") }
    var s = State(prompt: request.prompt, continuation: request.continuation)
    s.text = Array(request.initial)
    s.cursor = s.text.count
    cursorRow = 0
    promptShownAt = Self.now()
    redraw(s)
    var lastTick = Self.now()
    while true {
      if TerminalSignals.resized != 0 {
        TerminalSignals.resized = 0
        redraw(s)
      }
      // With a clock in the prompt, a second's wait at most: it moves on by itself.
      let sinceTick = Int((Self.now() - lastTick) / 1_000_000)
      let key = nextKey(timeoutMs: request.tick == nil ? -1 : (1000 - sinceTick).clamped(0, 1000))
      if let tick = request.tick, Self.now() - lastTick >= 1_000_000_000 {
        lastTick = Self.now()
        let t = tick()
        if !t.notices.isEmpty || t.prompt != s.prompt {
          if !t.notices.isEmpty {
            // Notices go above the line being typed, which is drawn again below them.
            clearArea(s)
            write(Text.replacing("\n", in: t.notices, with: "\r\n"))
          }
          s.prompt = t.prompt
          redraw(s, fresh: !t.notices.isEmpty)
        }
      }
      guard let key else { continue }
      if let result = handle(key, &s) { return result }
      // Keys that came together (a paste, typing ahead) are drawn once, after the last.
      if pending.isEmpty { redraw(s) }
    }
  }

  /// Applies a key; returns the result when the line is done.
  func handle(_ key: Key, _ s: inout State) -> ReadResult? {
    let wasTab = s.lastWasTab
    s.lastWasTab = false
    switch key {
    case .text(let t):
      insert(t, &s)
    case .paste(let t):
      // A paste is text, line breaks and all (one answer, never several commands).
      var clean = t.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        .replacingOccurrences(of: "\t", with: "    ")
      while clean.hasSuffix("\n") { clean.removeLast() }
      insert(String(clean.unicodeScalars.filter { $0 == "\n" || $0.value >= 0x20 }.map(Character.init)), &s)
    case .newline:
      insert("\n", &s)
    case .enter:
      moveToEnd(s)
      write("\r\n")
      let line = String(s.text)
      return .line(line)
    case .ctrl(let c):
      switch c {
      case 0x01: s.cursor = lineStart(s)  // Ctrl-A
      case 0x05: s.cursor = lineEnd(s)  // Ctrl-E
      case 0x02: s.cursor = max(0, s.cursor - 1)  // Ctrl-B
      case 0x06: s.cursor = min(s.text.count, s.cursor + 1)  // Ctrl-F
      case 0x0B: s.text.removeSubrange(s.cursor..<lineEnd(s))  // Ctrl-K
      case 0x15:  // Ctrl-U
        let start = lineStart(s)
        s.text.removeSubrange(start..<s.cursor)
        s.cursor = start
      case 0x17:  // Ctrl-W: the word before the cursor
        var i = s.cursor
        while i > 0 && s.text[i - 1] == " " { i -= 1 }
        while i > 0 && s.text[i - 1] != " " && s.text[i - 1] != "\n" { i -= 1 }
        s.text.removeSubrange(i..<s.cursor)
        s.cursor = i
      case 0x0C:  // Ctrl-L: clear the screen
        write("\u{1B}[H\u{1B}[2J")
        cursorRow = 0
      case 0x03:  // Ctrl-C: the line is abandoned
        moveToEnd(s)
        write("^C\r\n")
        return .interrupted
      case 0x04:  // Ctrl-D: leave on an empty line, else delete
        if s.text.isEmpty {
          write("\r\n")
          return .end
        }
        if s.cursor < s.text.count { s.text.remove(at: s.cursor) }
      case 0x12:  // Ctrl-R
        return search(&s)
      case 0x10: history(-1, &s)  // Ctrl-P
      case 0x0E: history(1, &s)  // Ctrl-N
      case 0x18:  // Ctrl-X Ctrl-E: the text in an editor
        if case .ctrl(0x05)? = nextKey(timeoutMs: 1000), let externalEditor {
          moveToEnd(s)
          write("\r\n")
          let edited = externalEditor(String(s.text))
          if let edited {
            var t = edited
            while t.hasSuffix("\n") { t.removeLast() }
            s.text = Array(t)
            s.cursor = s.text.count
          }
          cursorRow = 0
          redraw(s, fresh: true)
          return nil
        }
      default: break
      }
    case .backspace:
      if s.cursor > 0 {
        s.text.remove(at: s.cursor - 1)
        s.cursor -= 1
      }
    case .delete:
      if s.cursor < s.text.count { s.text.remove(at: s.cursor) }
    case .left: s.cursor = max(0, s.cursor - 1)
    case .right: s.cursor = min(s.text.count, s.cursor + 1)
    case .home: s.cursor = lineStart(s)
    case .end: s.cursor = lineEnd(s)
    case .wordLeft:
      while s.cursor > 0 && s.text[s.cursor - 1] == " " { s.cursor -= 1 }
      while s.cursor > 0 && s.text[s.cursor - 1] != " " { s.cursor -= 1 }
    case .wordRight:
      while s.cursor < s.text.count && s.text[s.cursor] == " " { s.cursor += 1 }
      while s.cursor < s.text.count && s.text[s.cursor] != " " { s.cursor += 1 }
    case .up:
      // Inside text of several lines, ↑ moves up a line; on the first, through the history.
      let start = lineStart(s)
      if start > 0 {
        var prevStart = start - 1
        while prevStart > 0 && s.text[prevStart - 1] != "\n" { prevStart -= 1 }
        s.cursor = min(prevStart + (s.cursor - start), start - 1)
      } else {
        history(-1, &s)
      }
    case .down:
      let end = lineEnd(s)
      if end < s.text.count {
        let col = s.cursor - lineStart(s)
        let nextStart = end + 1
        let nextEnd = s.text[nextStart...].firstIndex(of: "\n") ?? s.text.count
        s.cursor = min(nextStart + col, nextEnd)
      } else {
        history(1, &s)
      }
    case .tab:
      complete(&s, list: wasTab)
      s.lastWasTab = true
    case .unknown:
      break
    }
    return nil
  }

  func insert(_ t: String, _ s: inout State) {
    let chars = Array(t)
    s.text.insert(contentsOf: chars, at: s.cursor)
    s.cursor += chars.count
  }

  func lineStart(_ s: State) -> Int {
    var i = s.cursor
    while i > 0 && s.text[i - 1] != "\n" { i -= 1 }
    return i
  }

  func lineEnd(_ s: State) -> Int {
    var i = s.cursor
    while i < s.text.count && s.text[i] != "\n" { i += 1 }
    return i
  }

  func history(_ delta: Int, _ s: inout State) {
    guard !history.isEmpty else { return }
    var index = s.historyIndex ?? history.count
    if s.historyIndex == nil { s.draft = s.text }
    index = max(0, min(history.count, index + delta))
    s.historyIndex = index == history.count ? nil : index
    s.text = index == history.count ? s.draft : Array(history[index])
    s.cursor = s.text.count
  }

  /// Ctrl-R: incremental search back through the history; Enter takes the match, Ctrl-C or Esc
  /// gives up, any other key takes the match and goes on editing.
  func search(_ s: inout State) -> ReadResult? {
    var query = ""
    var match: String?
    var from = history.count
    func show() {
      let label = "(" + (match == nil && !query.isEmpty ? "¿?" : "↶") + ") «" + query + "»: " + (match ?? "")
      var view = State(prompt: label, continuation: s.continuation)
      view.text = []
      view.cursor = 0
      redraw(view)
    }
    show()
    while let key = nextKey(timeoutMs: -1) {
      switch key {
      case .text(let t):
        query += t
        from = history.count
      case .backspace:
        if !query.isEmpty { query.removeLast() }
        from = history.count
      case .ctrl(0x12):
        from = max(0, from - 1)
      case .ctrl(0x03), .ctrl(0x07):
        redraw(s)
        return nil
      default:
        if let m = match {
          s.text = Array(m)
          s.cursor = s.text.count
        }
        redraw(s)
        if key == .enter { return handle(.enter, &s) }
        return nil
      }
      match = nil
      if !query.isEmpty {
        var i = min(from, history.count) - 1
        while i >= 0 {
          if history[i].localizedCaseInsensitiveContains(query) {
            match = history[i]
            from = i
            break
          }
          i -= 1
        }
      }
      show()
    }
    return nil
  }

  /// Tab: the word before the cursor completed from the command table; a second Tab lists the
  /// candidates.
  func complete(_ s: inout State, list: Bool) {
    let before = String(s.text[..<s.cursor])
    let lastLine = before.split(separator: "\n", omittingEmptySubsequences: false).last.map(String.init) ?? before
    let wordStart = lastLine.lastIndex(of: " ").map { lastLine.index(after: $0) } ?? lastLine.startIndex
    let word = String(lastLine[wordStart...])
    let context = String(lastLine[..<wordStart])
    let options = completer(context, word)
    guard !options.isEmpty else {
      Terminal.bell()
      return
    }
    var common = options[0]
    for o in options.dropFirst() {
      while !o.hasPrefix(common) { common.removeLast() }
    }
    let replacement = options.count == 1 ? options[0] + (options[0].hasSuffix("=") || options[0].hasSuffix("/") ? "" : " ") : common
    if replacement.count > word.count || options.count == 1 {
      s.text.replaceSubrange((s.cursor - word.count)..<s.cursor, with: Array(replacement))
      s.cursor += replacement.count - word.count
      return
    }
    if list {
      moveToEnd(s)
      let width = (options.map { DisplayWidth.of($0) }.max() ?? 0) + 2
      let perRow = max(1, columns / max(1, width))
      var out = "\r\n"
      for (i, o) in options.enumerated() {
        out += o.padding(toLength: width, withPad: " ", startingAt: 0)
        if (i + 1) % perRow == 0 { out += "\r\n" }
      }
      if options.count % perRow != 0 { out += "\r\n" }
      write(out)
      cursorRow = 0
    } else {
      Terminal.bell()
    }
  }

  // MARK: Drawing

  /// The rows the prompt and the text take at the current width, and where the cursor falls.
  func layout(_ s: State) -> (text: String, rows: Int, cursorRow: Int, cursorCol: Int, endsAtMargin: Bool) {
    let width = max(10, columns)
    var out = ""
    var row = 0
    var col = 0
    var cursorRow = 0
    var cursorCol = 0
    func put(_ ch: Character, display: String? = nil) {
      let w = DisplayWidth.of(ch)
      if col + w > width {
        row += 1
        col = 0
        out += "\r\n"
      }
      out += display ?? String(ch)
      col += w
    }
    func putPrompt(_ p: String) {
      out += p
      col += DisplayWidth.of(p)
      while col > width {
        col -= width
        row += 1
      }
    }
    putPrompt(s.prompt)
    for (i, ch) in s.text.enumerated() {
      if i == s.cursor {
        cursorRow = row
        cursorCol = col
      }
      if ch == "\n" {
        out += "\r\n"
        row += 1
        col = 0
        putPrompt(s.continuation)
        continue
      }
      put(ch)
    }
    if s.cursor >= s.text.count {
      if col >= width {
        // The cursor after a full row stands at the start of the next one.
        out += "\r\n"
        row += 1
        col = 0
      }
      cursorRow = row
      cursorCol = col
    }
    return (out, row + 1, cursorRow, cursorCol, col == 0 && row > 0)
  }

  /// Moves to the edit area's first row and clears it (and what follows).
  func clearArea(_ s: State) {
    var seq = "\r"
    if cursorRow > 0 { seq += "\u{1B}[\(cursorRow)A" }
    seq += "\u{1B}[J"
    write(seq)
    cursorRow = 0
  }

  /// Redraws the prompt and the text, the cursor where it belongs.
  func redraw(_ s: State, fresh: Bool = false) {
    let l = layout(s)
    var seq = ""
    if !fresh {
      seq += "\r"
      if cursorRow > 0 { seq += "\u{1B}[\(cursorRow)A" }
    }
    seq += "\u{1B}[J" + l.text
    let endRow = l.rows - 1
    if endRow > l.cursorRow { seq += "\u{1B}[\(endRow - l.cursorRow)A" }
    seq += "\r"
    if l.cursorCol > 0 { seq += "\u{1B}[\(l.cursorCol)C" }
    write(seq)
    cursorRow = l.cursorRow
  }

  /// Puts the cursor after the text (before a line break is written below it).
  func moveToEnd(_ s: State) {
    var end = s
    end.cursor = s.text.count
    redraw(end)
  }

  // MARK: Keys

  /// The next key, waiting at most `timeoutMs` (-1: for ever); `nil` when none came in time.
  func nextKey(timeoutMs: Int) -> Key? {
    if pending.isEmpty {
      guard fill(timeoutMs: timeoutMs) else { return nil }
      burstAt = Self.now()
    }
    return decode()
  }

  /// Reads what the terminal has (waiting up to `timeoutMs`); whether anything came.
  func fill(timeoutMs: Int) -> Bool {
    var fds = pollfd(fd: input, events: Int16(POLLIN), revents: 0)
    let r = poll(&fds, 1, Int32(timeoutMs))
    guard r > 0 else { return false }
    var buf = [UInt8](repeating: 0, count: 4096)
    let n = Glibc.read(input, &buf, buf.count)
    guard n > 0 else {
      // The terminal is gone: as Ctrl-D.
      pending = [0x04]
      return true
    }
    pending += buf[0..<n]
    return true
  }

  /// Whether more bytes are already here or arrive within `ms`.
  func more(withinMs ms: Int) -> Bool {
    if !pending.isEmpty { return true }
    return fill(timeoutMs: ms)
  }

  func take() -> UInt8? { pending.isEmpty ? nil : pending.removeFirst() }

  func decode() -> Key? {
    guard let b = take() else { return nil }
    switch b {
    case 0x0D:
      // Enter, unless it came in the middle of a burst that arrived after a wait: then it is a
      // line break of pasted text (terminals without bracketed paste send a paste as keys).
      if !pending.isEmpty, burstAt > promptShownAt + 80_000_000 { return .newline }
      return .enter
    case 0x0A: return .newline
    case 0x09: return .tab
    case 0x7F, 0x08: return .backspace
    case 0x1B: return escape()
    case 0x00..<0x20: return .ctrl(b)
    default:
      // A UTF-8 sequence: its continuation bytes may still be on their way.
      var bytes = [b]
      let need = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
      while bytes.count < need, more(withinMs: 50), let next = take() { bytes.append(next) }
      return .text(String(decoding: bytes, as: UTF8.self))
    }
  }

  func escape() -> Key {
    guard more(withinMs: 40), let b = take() else { return .unknown }
    switch b {
    case UInt8(ascii: "["):
      var params: [UInt8] = []
      while more(withinMs: 40), let c = take() {
        if (0x40...0x7E).contains(c) {
          let p = String(decoding: params, as: UTF8.self)
          switch (p, c) {
          case ("200", UInt8(ascii: "~")): return .paste(readPaste())
          case ("", UInt8(ascii: "A")): return .up
          case ("", UInt8(ascii: "B")): return .down
          case ("", UInt8(ascii: "C")): return .right
          case ("", UInt8(ascii: "D")): return .left
          case ("", UInt8(ascii: "H")), ("1", UInt8(ascii: "~")), ("7", UInt8(ascii: "~")): return .home
          case ("", UInt8(ascii: "F")), ("4", UInt8(ascii: "~")), ("8", UInt8(ascii: "~")): return .end
          case ("3", UInt8(ascii: "~")): return .delete
          case ("1;5", UInt8(ascii: "C")), ("1;3", UInt8(ascii: "C")): return .wordRight
          case ("1;5", UInt8(ascii: "D")), ("1;3", UInt8(ascii: "D")): return .wordLeft
          default: return .unknown
          }
        }
        params.append(c)
      }
      return .unknown
    case UInt8(ascii: "O"):
      guard more(withinMs: 40), let c = take() else { return .unknown }
      switch c {
      case UInt8(ascii: "A"): return .up
      case UInt8(ascii: "B"): return .down
      case UInt8(ascii: "C"): return .right
      case UInt8(ascii: "D"): return .left
      case UInt8(ascii: "H"): return .home
      case UInt8(ascii: "F"): return .end
      default: return .unknown
      }
    case 0x0D: return .newline  // Alt-Enter
    case UInt8(ascii: "b"): return .wordLeft
    case UInt8(ascii: "f"): return .wordRight
    default: return .unknown
    }
  }

  /// The text of a bracketed paste, up to its end marker.
  func readPaste() -> String {
    let end: [UInt8] = [0x1B, 0x5B, 0x32, 0x30, 0x31, 0x7E]  // ESC [ 2 0 1 ~
    var bytes: [UInt8] = []
    while more(withinMs: 2000), let b = take() {
      bytes.append(b)
      if bytes.count >= end.count, Array(bytes.suffix(end.count)) == end {
        bytes.removeLast(end.count)
        break
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  // MARK: History

  public func addHistory(_ line: String) {
    guard !line.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, line != history.last else { return }
    history.append(line)
    if history.count > 1000 { history.removeFirst(history.count - 1000) }
    saveHistory()
  }

  /// One entry per line; line breaks inside an entry are written `\n`, backslashes `\\`.
  public func saveHistory() {
    guard let historyPath else { return }
    let text = history.map { Text.replacing("\n", in: Text.replacing("\\", in: $0, with: "\\\\"), with: "\\n") }
      .joined(separator: "\n")
    try? (text + "\n").write(toFile: historyPath, atomically: true, encoding: .utf8)
  }

  func loadHistory() {
    guard let historyPath, let text = try? String(contentsOfFile: historyPath, encoding: .utf8) else { return }
    history = text.split(separator: "\n").map { line in
      var out = ""
      var escaped = false
      for ch in line {
        if escaped {
          out.append(ch == "n" ? "\n" : ch)
          escaped = false
        } else if ch == "\\" {
          escaped = true
        } else {
          out.append(ch)
        }
      }
      return out
    }
  }
}

extension Int {
  func clamped(_ lo: Int, _ hi: Int) -> Int { Swift.min(Swift.max(self, lo), hi) }
}

/// Makes the C library speak UTF-8 (character widths, and text the editor hands to others).
func setUTF8Locale() {
  setlocale(LC_ALL, "")
  let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
  if codeset.uppercased().replacingOccurrences(of: "-", with: "") != "UTF8" {
    if setlocale(LC_CTYPE, "C.UTF-8") == nil { setlocale(LC_CTYPE, "en_US.UTF-8") }
  }
}
