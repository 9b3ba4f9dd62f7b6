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

/// What the shell asks of a person at a terminal: a line, with a prompt that may change while
/// it is typed.
public struct LineRequest {
  /// The prompt (escape codes allowed).
  public var prompt: String
  /// The prompt of a line break's continuation inside the text.
  public var continuation: String
  /// Text already in the line, editable (an earlier answer offered again).
  public var initial: String
  /// Asked about once a second while the person types: the prompt as it should read now (a
  /// countdown), and notices to print above the line (a time box's warning).
  public var tick: (() -> Tick)?

  public init(prompt: String, continuation: String = "… ", initial: String = "", tick: (() -> Tick)? = nil) {
    self.prompt = prompt
    self.continuation = continuation
    self.initial = initial
    self.tick = tick
  }
}

/// A prompt's update while a line is typed.
public struct Tick: Equatable, Sendable {
  public var prompt: String
  /// Rendered lines to print above the line being typed ("" for none).
  public var notices: String

  public init(prompt: String, notices: String) {
    self.prompt = prompt
    self.notices = notices
  }
}

/// Reads lines from a person at a terminal (implemented at the edge, by `TallerTerminal`).
public protocol LineReader: AnyObject {
  func read(_ request: LineRequest) -> ReadResult
  func addHistory(_ line: String)
  func saveHistory()
  /// The terminal's width now (it can change between two lines).
  var columns: Int { get }
}

extension LineReader {
  public func read(prompt: String) -> ReadResult { read(LineRequest(prompt: prompt)) }
}

/// Completion callback: given the text before the word being completed and the word, the
/// candidates that replace the word.
public typealias Completer = (_ before: String, _ word: String) -> [String]

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

/// What a child process gave.
public struct ProcessResult: Equatable, Sendable {
  public var status: Int32
  public var output: String
  public var error: String

  public init(status: Int32, output: String, error: String) {
    self.status = status
    self.output = output
    self.error = error
  }
}

/// Programs the shell hands work to (git, the person's editor), run at the edge
/// (`TallerTerminal`): the engine never starts a process itself.
public protocol ChildProcesses: Sendable {
  /// Runs a program found on `PATH` to its end, with no input, its output and errors collected
  /// (never blocking on a full pipe); `nil` when it cannot be started (not installed).
  func run(_ program: String, _ arguments: [String], environment: [String: String]) -> ProcessResult?
  /// Opens text in the person's editor (`$VISUAL`, else `$EDITOR`) on the terminal and returns
  /// what they saved; `nil` when no editor is set or it failed.
  func edit(_ text: String, name: String) -> String?
  /// Whether an editor is set.
  var hasEditor: Bool { get }
}
