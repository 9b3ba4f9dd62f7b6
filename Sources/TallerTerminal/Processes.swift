import Foundation
import Subprocess
import TallerShell

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// Where an asynchronous result waits for a synchronous caller.
final class ResultBox<T: Sendable>: @unchecked Sendable {
  var result: Result<T, any Error>?
}

/// Child processes through swift-subprocess: output and errors are collected as they come, so a
/// chatty child never blocks on a full pipe. taller's commands are synchronous; each run waits for
/// its asynchronous work on a semaphore.
public struct SystemProcesses: ChildProcesses {
  let environment: [String: String]

  public init(environment: [String: String]) { self.environment = environment }

  /// Runs async work to its end from synchronous code.
  static func wait<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
    let box = ResultBox<T>()
    let done = DispatchSemaphore(value: 0)
    Task.detached {
      do { box.result = .success(try await body()) } catch { box.result = .failure(error) }
      done.signal()
    }
    done.wait()
    guard let result = box.result else { throw CocoaError(.featureUnsupported) }
    return try result.get()
  }

  public func run(_ program: String, _ arguments: [String], environment extra: [String: String]) -> ProcessResult? {
    var env: [Environment.Key: String?] = [:]
    for (k, v) in extra { env[Environment.Key(stringLiteral: k)] = v }
    let environment = Environment.inherit.updating(env)
    let arguments = Arguments(arguments)
    guard
      let r = try? Self.wait({
        try await Subprocess.run(
          .name(program), arguments: arguments, environment: environment, input: .none,
          output: .string(limit: 16 << 20), error: .string(limit: 1 << 20))
      })
    else { return nil }
    let status: Int32
    switch r.terminationStatus {
    case .exited(let code): status = Int32(code)
    case .signaled(let code): status = 128 + Int32(code)
    }
    return ProcessResult(status: status, output: r.standardOutput, error: r.standardError)
  }

  public var hasEditor: Bool { editorCommand != nil }

  var editorCommand: String? {
    for key in ["VISUAL", "EDITOR"] { if let e = environment[key], !e.trimmingCharacters(in: .whitespaces).isEmpty { return e } }
    return nil
  }

  public func edit(_ text: String, name: String) -> String? {
    guard let editor = editorCommand else { return nil }
    let path = NSTemporaryDirectory() + "taller-\(name)-\(getpid()).txt"
    defer { try? FileManager.default.removeItem(atPath: path) }
    guard (try? Data(text.utf8).write(to: URL(fileURLWithPath: path))) != nil else { return nil }
    // The editor takes the terminal: it reads and writes the same descriptors taller does.
    let arguments = Arguments(["-c", editor + " \"$1\"", "sh", path])
    let run = {
      try? Self.wait({
        try await Subprocess.run(
          .path("/bin/sh"), arguments: arguments, input: .fileDescriptor(.standardInput, closeAfterSpawningProcess: false),
          output: .fileDescriptor(.standardOutput, closeAfterSpawningProcess: false),
          error: .fileDescriptor(.standardError, closeAfterSpawningProcess: false))
      })
    }
    // The editor gets the terminal in the modes it was found in.
    let result = TerminalModes.current.map { $0.cooked(run) } ?? run()
    guard let r = result, case .exited(0) = r.terminationStatus else { return nil }
    return (try? String(contentsOfFile: path, encoding: .utf8))
  }
}
