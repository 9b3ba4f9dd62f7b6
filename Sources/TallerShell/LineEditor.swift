import Foundation

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// What reading a line gave.
public enum ReadResult: Equatable, Sendable {
  case line(String)
  /// Ctrl-C: the line was abandoned.
  case interrupted
  /// Ctrl-D or end of input.
  case end
}

/// Reads lines from a person at a terminal.
public protocol LineReader: AnyObject {
  func read(prompt: String) -> ReadResult
  func addHistory(_ line: String)
  func saveHistory()
}

/// Completion callback: given the text before the word being completed and the word, the
/// candidates that replace the word.
public typealias Completer = (_ before: String, _ word: String) -> [String]

/// Whether the last Ctrl-C arrived; set by the signal handler, read by the loop.
nonisolated(unsafe) private var sigintArrived: sig_atomic_t = 0

/// Installs a SIGINT handler that only records the interrupt (the default would kill the process).
public func installInterruptHandler() {
  var action = sigaction()
  action.__sigaction_handler.sa_handler = { _ in sigintArrived = 1 }
  sigemptyset(&action.sa_mask)
  action.sa_flags = 0  // no SA_RESTART: the blocked read returns, so the line can be abandoned
  sigaction(SIGINT, &action, nil)
  // A parent may have left SIGINT blocked (some process launchers do); unblock it.
  var set = sigset_t()
  sigemptyset(&set)
  sigaddset(&set, SIGINT)
  sigprocmask(SIG_UNBLOCK, &set, nil)
}

/// Makes the C library speak UTF-8, which libedit needs to accept ñ, á, ¿, ü.
public func enableUTF8Locale() {
  setlocale(LC_ALL, "")
  let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
  if codeset.uppercased().replacingOccurrences(of: "-", with: "") != "UTF8" {
    if setlocale(LC_CTYPE, "C.UTF-8") == nil { setlocale(LC_CTYPE, "en_US.UTF-8") }
  }
}

/// libedit's readline-compatible API, loaded at run time (only the runtime library is needed,
/// not the -dev package): line editing, history, Tab completion.
public final class LibeditReader: LineReader {
  private typealias ReadlineFn = @convention(c) (UnsafePointer<CChar>?) -> UnsafeMutablePointer<CChar>?
  private typealias StringIntFn = @convention(c) (UnsafePointer<CChar>?) -> Int32
  private typealias IntFn = @convention(c) (Int32) -> Void
  private typealias CompletionFn =
    @convention(c) (UnsafePointer<CChar>?, Int32, Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?

  private let readlineFn: ReadlineFn
  private let addHistoryFn: StringIntFn
  private let readHistoryFn: StringIntFn?
  private let writeHistoryFn: StringIntFn?
  private let stifleFn: IntFn?
  private let historyPath: String?
  private var lastAdded: String?

  /// The completer the C callback calls; one line editor per process.
  nonisolated(unsafe) fileprivate static var completer: Completer?
  nonisolated(unsafe) fileprivate static var lineBuffer: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
  nonisolated(unsafe) fileprivate static var completionOver: UnsafeMutablePointer<Int32>?

  /// Loads libedit; `nil` when it is not installed.
  public init?(historyPath: String?, completer: @escaping Completer) {
    var handle: UnsafeMutableRawPointer?
    for name in ["libedit.so.2", "libedit.so", "libedit.3.dylib", "libedit.dylib"] {
      handle = dlopen(name, RTLD_NOW | RTLD_LOCAL)
      if handle != nil { break }
    }
    guard let handle, let rl = dlsym(handle, "readline"), let add = dlsym(handle, "add_history") else { return nil }
    readlineFn = unsafeBitCast(rl, to: ReadlineFn.self)
    addHistoryFn = unsafeBitCast(add, to: StringIntFn.self)
    readHistoryFn = dlsym(handle, "read_history").map { unsafeBitCast($0, to: StringIntFn.self) }
    writeHistoryFn = dlsym(handle, "write_history").map { unsafeBitCast($0, to: StringIntFn.self) }
    stifleFn = dlsym(handle, "stifle_history").map { unsafeBitCast($0, to: IntFn.self) }
    self.historyPath = historyPath
    Self.completer = completer
    Self.lineBuffer = dlsym(handle, "rl_line_buffer")?.assumingMemoryBound(to: UnsafeMutablePointer<CChar>?.self)
    Self.completionOver = dlsym(handle, "rl_attempted_completion_over")?.assumingMemoryBound(to: Int32.self)
    if let name = dlsym(handle, "rl_readline_name")?.assumingMemoryBound(to: UnsafePointer<CChar>?.self) {
      name.pointee = UnsafePointer(strdup("taller"))
    }
    if let slot = dlsym(handle, "rl_attempted_completion_function")?.assumingMemoryBound(to: CompletionFn?.self) {
      slot.pointee = libeditComplete
    }
    stifleFn?(1000)
    if let historyPath, let readHistoryFn { _ = readHistoryFn(historyPath) }
  }

  public func read(prompt: String) -> ReadResult {
    // A Ctrl-C pressed while a command ran abandons what was typed ahead.
    if sigintArrived != 0 {
      sigintArrived = 0
      terminalWrite("^C\n")
      return .interrupted
    }
    guard let p = readlineFn(prompt) else {
      if sigintArrived != 0 {
        sigintArrived = 0
        terminalWrite("^C\n")
        return .interrupted
      }
      terminalWrite("\n")  // libedit echoes ^D without a newline
      return .end
    }
    defer { free(p) }
    if sigintArrived != 0 {
      sigintArrived = 0
      return .interrupted
    }
    return .line(String(cString: p))
  }

  public func addHistory(_ line: String) {
    guard !line.trimmingCharacters(in: .whitespaces).isEmpty, line != lastAdded else { return }
    lastAdded = line
    _ = addHistoryFn(line)
    saveHistory()
  }

  public func saveHistory() {
    guard let historyPath, let writeHistoryFn else { return }
    _ = writeHistoryFn(historyPath)
  }
}

/// The C completion callback: asks the Swift completer and hands libedit a malloc'd,
/// NULL-terminated array whose first entry replaces the word.
private func libeditComplete(
  _ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32
) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
  LibeditReader.completionOver?.pointee = 1  // never fall back to file names on our own words
  guard let completer = LibeditReader.completer else { return nil }
  let word = text.map { String(cString: $0) } ?? ""
  var line = ""
  if let buf = LibeditReader.lineBuffer?.pointee { line = String(cString: buf) }
  // libedit reports offsets in bytes of the multibyte line; cut by UTF-8 bytes.
  let bytes = Array(line.utf8)
  let cut = min(max(0, Int(start)), bytes.count)
  var before = String(decoding: bytes[..<cut], as: UTF8.self)
  if !line.hasPrefix(before + word) {
    // Some libedit builds count characters, not bytes.
    before = String(Array(line).prefix(Int(start)))
  }
  let matches = completer(before, word)
  if matches.isEmpty { return nil }
  var common = matches[0]
  for m in matches.dropFirst() {
    while !m.hasPrefix(common) { common.removeLast() }
  }
  let count = matches.count == 1 ? 1 : matches.count + 1
  // libedit frees the array and its strings with free(): allocate them with malloc.
  let raw = malloc(MemoryLayout<UnsafeMutablePointer<CChar>?>.stride * (count + 1))
  guard let typed = raw?.bindMemory(to: UnsafeMutablePointer<CChar>?.self, capacity: count + 1) else { return nil }
  typed[0] = strdup(matches.count == 1 ? matches[0] : common)
  if matches.count > 1 {
    for (i, m) in matches.enumerated() { typed[i + 1] = strdup(m) }
  }
  typed[count] = nil
  return typed
}

/// Writes straight to standard output (unbuffered), for the line editor's own echoes.
func terminalWrite(_ s: String) { writeAll(fd: 1, s) }

/// Writes a whole string to a file descriptor, unbuffered: what is acknowledged is on its way
/// before the next command runs.
public func writeAll(fd: Int32, _ s: String) {
  let bytes = Array(s.utf8)
  var off = 0
  while off < bytes.count {
    let n = bytes.withUnsafeBytes { buf in
      guard let base = buf.baseAddress else { return -1 }
      return write(fd, base + off, buf.count - off)
    }
    if n <= 0 { return }
    off += n
  }
}

/// Plain line reading, for when libedit is missing: no editing beyond the terminal's own.
public final class PlainReader: LineReader {
  private let input: UnsafeMutablePointer<FILE>?

  public init() { input = fdopen(0, "r") }

  public func read(prompt: String) -> ReadResult {
    sigintArrived = 0
    terminalWrite(prompt)
    var buffer: UnsafeMutablePointer<CChar>?
    var capacity = 0
    defer { free(buffer) }
    let n = input.map { getline(&buffer, &capacity, $0) } ?? -1
    guard n >= 0, let buffer else {
      if let input { clearerr(input) }
      if sigintArrived != 0 {
        sigintArrived = 0
        terminalWrite("^C\n")
        return .interrupted
      }
      terminalWrite("\n")
      return .end
    }
    var line = String(cString: buffer)
    while let last = line.last, last == "\n" || last == "\r" || last == "\r\n" { line.removeLast() }
    return .line(line)
  }

  public func addHistory(_ line: String) {}
  public func saveHistory() {}
}
