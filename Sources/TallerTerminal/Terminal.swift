import Foundation
import TallerShell

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// The terminal a person sits at: whether there is one, its size, its modes and what is written
/// to it. The engine (`TallerShell`) never touches it; the executable hands the engine what this
/// module reads and does.
public enum Terminal {
  /// Whether a file descriptor is a terminal.
  public static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }

  /// Columns and rows of the terminal on `fd`, if it is one.
  public static func size(_ fd: Int32 = 1) -> (columns: Int, rows: Int)? {
    var ws = winsize()
    guard ioctl(fd, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0 else { return nil }
    return (Int(ws.ws_col), Int(ws.ws_row))
  }

  /// How output may look on `fd`: colors and Unicode only on a terminal, not with `NO_COLOR`
  /// or `TERM=dumb`; the width of the terminal (or `$COLUMNS`), else 80.
  public static func style(fd: Int32, environment: [String: String]) -> Style {
    let tty = isTerminal(fd)
    let dumb = environment["TERM"] == "dumb"
    let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
    var width = 80
    if let cols = environment["COLUMNS"].flatMap(Int.init), cols > 20 {
      width = cols
    } else if tty, let s = size(fd), s.columns > 20 {
      width = s.columns
    }
    return Style(color: tty && !dumb && !noColor, unicode: tty && !dumb, width: width)
  }

  /// Writes a whole string to a file descriptor, unbuffered.
  public static func write(_ s: String, fd: Int32 = 1) { writeAll(fd: fd, s) }

  /// Rings the terminal's bell.
  public static func bell() { write("\u{07}") }
}

/// The terminal's modes during an interactive run: raw for the whole run — keys arrive one by
/// one, unechoed, Enter as CR and Ctrl-J as LF, Ctrl-C and Ctrl-Z as bytes — so keys typed while a
/// command runs wait, unchanged, for the line editor, which shows them once; the terminal's own
/// modes while a child process (an editor) has it; everything as it was when the run ends,
/// however it ends (a normal exit, `kill -TERM`, a hang-up).
final class TerminalModes: @unchecked Sendable {
  let fd: Int32
  private var original = termios()
  private(set) var active = false

  /// The one set of modes to restore from signal handlers and at exit.
  nonisolated(unsafe) static var current: TerminalModes?

  init?(fd: Int32) {
    self.fd = fd
    guard tcgetattr(fd, &original) == 0 else { return nil }
  }

  /// Raw input from now on.
  func beginSession() {
    enterRaw()
    active = true
    TerminalModes.current = self
    installRestoreHandlers()
  }

  /// Raw input: byte by byte, no echo, no signals from keys, no CR to LF translation. Output is
  /// still processed (a line feed goes to the start of the next line).
  func enterRaw() {
    var t = Self.raw(original)
    tcsetattr(fd, TCSANOW, &t)
  }

  /// `modes` made raw: bytes one by one, unechoed, no signals from keys, no CR to LF.
  static func raw(_ modes: termios) -> termios {
    var t = modes
    t.c_iflag &= ~tcflag_t(BRKINT | ICRNL | INPCK | ISTRIP | IXON)
    t.c_lflag &= ~tcflag_t(ECHO | ECHONL | ICANON | IEXTEN | ISIG)
    t.c_cflag |= tcflag_t(CS8)
    withUnsafeMutableBytes(of: &t.c_cc) { cc in
      cc[Int(VMIN)] = 1
      cc[Int(VTIME)] = 0
    }
    return t
  }

  /// The terminal as it was found, while `body` hands it to a child process.
  func cooked<T>(_ body: () throws -> T) rethrows -> T {
    var t = original
    tcsetattr(fd, TCSANOW, &t)
    defer { if active { enterRaw() } }
    return try body()
  }

  /// Whether a full-screen view (the board) has the alternate screen and the cursor hidden.
  nonisolated(unsafe) static var fullScreen = false

  /// The terminal as it was found (and bracketed paste off; the main screen and the cursor
  /// back, if a full-screen view had them).
  func restore() {
    if Self.fullScreen {
      writeAll(fd: 1, "\u{1B}[?25h\u{1B}[?1049l")
      Self.fullScreen = false
    }
    guard active else { return }
    writeAll(fd: 1, "\u{1B}[?2004l")
    var t = original
    tcsetattr(fd, TCSANOW, &t)
    active = false
  }

  private func installRestoreHandlers() {
    atexit { TerminalModes.current?.restore() }
    for sig in [SIGTERM, SIGHUP, SIGQUIT, SIGINT] {
      signal(sig) { s in
        TerminalModes.current?.restore()
        signal(s, SIG_DFL)
        raise(s)
      }
    }
  }
}

/// Signals the line editor reacts to: the window changed size.
enum TerminalSignals {
  nonisolated(unsafe) static var resized: sig_atomic_t = 0

  static func install() {
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { _ in TerminalSignals.resized = 1 }
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0  // no SA_RESTART: a waiting poll returns, and the line is redrawn
    sigaction(SIGWINCH, &action, nil)
  }
}

/// Plain line reading, where the line editor cannot take the terminal: no editing beyond the
/// terminal's own.
public final class PlainReader: LineReader {
  private let input: UnsafeMutablePointer<FILE>?

  public init() { input = fdopen(0, "r") }

  public var columns: Int { Terminal.size(1)?.columns ?? 80 }

  public func read(_ request: LineRequest) -> ReadResult {
    Terminal.write(request.prompt)
    var buffer: UnsafeMutablePointer<CChar>?
    var capacity = 0
    defer { free(buffer) }
    let n = input.map { getline(&buffer, &capacity, $0) } ?? -1
    guard n >= 0, let buffer else {
      if let input { clearerr(input) }
      Terminal.write("\n")
      return .end
    }
    var line = String(cString: buffer)
    while let last = line.last, last == "\n" || last == "\r" || last == "\r\n" { line.removeLast() }
    return .line(line)
  }

  public func addHistory(_ line: String) {}
  public func saveHistory() {}
}

/// A passphrase typed at the terminal: nothing is echoed, not even stars.
public enum SecretInput {
  /// Reads one line from the terminal `fd` after writing `prompt` to standard error; `nil` when
  /// `fd` is not a terminal, or on Ctrl-C or Ctrl-D. Keys are read one by one with echo and
  /// signals off (so Ctrl-C cannot leave the terminal silent), and the terminal's modes are put
  /// back as they were.
  public static func read(prompt: String, fd: Int32 = 0) -> String? {
    guard isatty(fd) == 1 else { return nil }
    var saved = termios()
    guard tcgetattr(fd, &saved) == 0 else { return nil }
    var t = TerminalModes.raw(saved)
    tcsetattr(fd, TCSANOW, &t)
    defer {
      tcsetattr(fd, TCSANOW, &saved)
      writeAll(fd: 2, "\n")
    }
    writeAll(fd: 2, prompt)
    var bytes: [UInt8] = []
    var byte: UInt8 = 0
    while Glibc.read(fd, &byte, 1) == 1 {
      switch byte {
      case 0x0D, 0x0A: return String(decoding: bytes, as: UTF8.self)
      case 0x03: return nil
      case 0x04 where bytes.isEmpty: return nil
      case 0x7F, 0x08:
        // One character back: its continuation bytes, then its first byte.
        while let last = bytes.last, last & 0xC0 == 0x80 { bytes.removeLast() }
        if !bytes.isEmpty { bytes.removeLast() }
      case 0x15: bytes.removeAll()
      default: if byte >= 0x20 { bytes.append(byte) }
      }
    }
    return nil
  }
}

/// The projector board, full screen: the alternate screen, no cursor, no echo; a frame every
/// second (and when the window changes size) until `q` or Ctrl-C (or Ctrl-D); then the terminal
/// exactly as it was — also after `kill -TERM`, a hang-up or `kill -INT`.
public enum BoardScreen {
  public static func run(_ request: BoardRequest, input: Int32 = 0) {
    // The interactive run's modes (already raw), or ours for a one-command run.
    var own: TerminalModes?
    if TerminalModes.current?.active != true, let modes = TerminalModes(fd: input) {
      modes.beginSession()
      own = modes
    }
    TerminalSignals.install()
    TerminalModes.fullScreen = true
    Terminal.write("\u{1B}[?1049h\u{1B}[?25l\u{1B}[2J")
    defer {
      if TerminalModes.fullScreen {
        Terminal.write("\u{1B}[?25h\u{1B}[?1049l")
        TerminalModes.fullScreen = false
      }
      if let own {
        own.restore()
        TerminalModes.current = nil
      }
    }
    var lastSize = (columns: 0, rows: 0)
    while true {
      request.tick()
      let size = Terminal.size(1) ?? (80, 24)
      let lines = request.frame(size.columns, size.rows)
      // A new size: clear what the old frame left.
      let clear = size != lastSize ? "\u{1B}[2J" : ""
      lastSize = size
      Terminal.write(clear + "\u{1B}[H" + lines.joined(separator: "\r\n") + "\u{1B}[J")
      // Until the next whole second, or a key.
      let ms = Int32(1000 - Int64(Date().timeIntervalSince1970 * 1000) % 1000)
      var pfd = pollfd(fd: input, events: Int16(POLLIN), revents: 0)
      TerminalSignals.resized = 0
      if poll(&pfd, 1, ms) > 0 {
        var buffer = [UInt8](repeating: 0, count: 64)
        let n = Glibc.read(input, &buffer, buffer.count)
        if n <= 0 { break }
        let (keys, leave) = BoardKey.parse(Array(buffer.prefix(n)))
        for k in keys { request.key(k) }
        if leave { break }
      }
    }
  }
}
