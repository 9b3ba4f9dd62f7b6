import Foundation
import TallerTestSupport
import Testing

@testable import TallerCore
@testable import TallerShell
@testable import TallerStore

/// The tests' own data folder (`XDG_DATA_HOME`), set once for the whole test process and the
/// programs it runs: laptop key files (``KeyFolder/standard(in:)``) and default databases go there,
/// never into the home folder of whoever runs the tests.
let testDataHome: String = {
  let dir = FileManager.default.temporaryDirectory.appendingPathComponent("taller-test-data-\(getpid())").path
  try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
  setenv("XDG_DATA_HOME", dir, 1)
  return dir
}()

/// A fresh temporary folder, removed when the test ends.
final class TempDir {
  let url: URL
  var path: String { url.path }

  init() throws {
    _ = testDataHome
    url = FileManager.default.temporaryDirectory.appendingPathComponent("taller-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  func file(_ name: String) -> String { url.appendingPathComponent(name).path }

  /// A signed bundle of `count` synthetic changes written here (`writeSyntheticBundle`): its path.
  func syntheticBundle(_ count: Int, named name: String = "b.taller.jsonl", seed: UInt64 = 1) throws -> String {
    let path = file(name)
    try TallerStore.writeSyntheticBundle(path: path, count: count, seed: seed)
    return path
  }

  deinit { try? FileManager.default.removeItem(at: url) }
}

/// A clock tests move by hand.
final class TestClock: @unchecked Sendable {
  private let lock = NSLock()
  private var value: Int64

  init(_ start: Int64 = 1_795_000_000_000) { value = start }

  var now: @Sendable () -> Int64 { { [self] in lock.withLock { value } } }

  func advance(_ ms: Int64) { lock.withLock { value += ms } }
}

/// The package's root folder (for golden files and fixtures).
let packageRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent()

/// Whether golden files are being re-recorded (`TALLER_RECORD=1 swift test`).
let recording = ProcessInfo.processInfo.environment["TALLER_RECORD"] == "1"

/// Compares text with a golden file; records it when `TALLER_RECORD=1` (and fails on purpose, so
/// a recording run never passes silently).
func assertGolden(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
  let url = packageRoot.appendingPathComponent("Tests/TallerTests/Golden/\(name)")
  if recording {
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try actual.write(to: url, atomically: true, encoding: .utf8)
    Issue.record("Recorded \(name); run again without TALLER_RECORD.", sourceLocation: sourceLocation)
    return
  }
  guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
    Issue.record("Missing golden file \(name); record it with TALLER_RECORD=1.", sourceLocation: sourceLocation)
    return
  }
  #expect(actual == expected, "golden \(name) differs", sourceLocation: sourceLocation)
}

/// The built `taller` binary.
func tallerBinary() throws -> URL {
  var candidates: [URL] = []
  let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
  var dir = testBinary.deletingLastPathComponent()
  for _ in 0..<4 {
    candidates.append(dir.appendingPathComponent("taller"))
    dir = dir.deletingLastPathComponent()
  }
  candidates.append(packageRoot.appendingPathComponent(".build/debug/taller"))
  for c in candidates where FileManager.default.isExecutableFile(atPath: c.path) {
    var isDir: ObjCBool = false
    if FileManager.default.fileExists(atPath: c.path, isDirectory: &isDir), !isDir.boolValue { return c }
  }
  throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "taller binary"])
}

/// What a run of the binary gave.
struct RunResult {
  var stdout: String
  var stderr: String
  var status: Int32
}

/// Runs the binary with arguments, environment additions and standard input; waits for it — at
/// most `timeout` seconds: a run that takes longer is killed and reported with status -1 (a
/// command that hangs in class is the worst failure there is).
func runTaller(
  _ args: [String], input: String? = nil, env: [String: String] = [:], cwd: String? = nil, timeout: Double = 120
) throws -> RunResult {
  let p = Process()
  p.executableURL = try tallerBinary()
  p.arguments = args
  var environment = ProcessInfo.processInfo.environment
  environment["XDG_DATA_HOME"] = testDataHome
  environment["TALLER_LANG"] = nil
  environment["TALLER_DB"] = nil
  for (k, v) in env { environment[k] = v }
  p.environment = environment
  if let cwd { p.currentDirectoryURL = URL(fileURLWithPath: cwd) }
  let inPipe = Pipe()
  let outPipe = Pipe()
  let errPipe = Pipe()
  p.standardInput = inPipe
  p.standardOutput = outPipe
  p.standardError = errPipe
  let exited = DispatchSemaphore(value: 0)
  p.terminationHandler = { _ in exited.signal() }
  try p.run()
  // Both pipes are drained while the process runs, so a large output cannot block it.
  let out = PipeReader(outPipe.fileHandleForReading)
  let err = PipeReader(errPipe.fileHandleForReading)
  if let input { inPipe.fileHandleForWriting.write(Data(input.utf8)) }
  try inPipe.fileHandleForWriting.close()
  if exited.wait(timeout: .now() + timeout) == .timedOut {
    kill(p.processIdentifier, SIGKILL)
    exited.wait()
    return RunResult(stdout: out.text(), stderr: err.text() + "\n[killed after \(Int(timeout)) s]", status: -1)
  }
  return RunResult(stdout: out.text(), stderr: err.text(), status: p.terminationStatus)
}

/// Reads a pipe to its end on a thread of its own.
final class PipeReader: @unchecked Sendable {
  private var data = Data()
  private let done = DispatchSemaphore(value: 0)

  init(_ handle: FileHandle) {
    Thread.detachNewThread { [self] in
      data = handle.readDataToEndOfFile()
      done.signal()
    }
  }

  /// Everything read, once the writer closed its end.
  func text() -> String {
    done.wait()
    return String(decoding: data, as: UTF8.self)
  }
}

/// A shell on an in-memory store, as scripts see it.
func makeShell(lang: Lang = .es, clock: TestClock = TestClock()) throws -> Shell {
  _ = testDataHome
  let store = try TallerStore.inMemory(
    replicaID: "00000000-0000-4000-8000-000000000001", label: "test@lab", now: clock.now,
    newID: TallerStore.sequentialIDs())
  let content = try BuiltinContent.content.get()
  var context = ShellContext(store: store, version: "0.0.0-test", content: content, interactive: false, now: clock.now)
  context.timeZone = TimeZone(identifier: "UTC")!
  return Shell(context: context, session: Session(lang: lang))
}
