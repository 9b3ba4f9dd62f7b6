import Foundation
import TallerTestSupport
import Testing

@testable import TallerCore
@testable import TallerStore

#if canImport(Glibc)
  import Glibc
#endif

/// How many random trials the crash tests run: a short budget in CI, more with
/// `TALLER_FAULT_TRIALS=200 swift test --filter Faults`.
let faultTrials = ProcessInfo.processInfo.environment["TALLER_FAULT_TRIALS"].flatMap(Int.init) ?? 8

/// A child taller process fed through a pipe, its output collected as it comes.
final class Child: @unchecked Sendable {
  let process = Process()
  private let lock = NSLock()
  private var out = Data()
  private var err = Data()
  private let done = DispatchGroup()
  let input = Pipe()

  init(_ args: [String], env: [String: String] = [:], executable: URL? = nil) throws {
    process.executableURL = try executable ?? tallerBinary()
    process.arguments = args
    var e = ProcessInfo.processInfo.environment
    e["TALLER_LANG"] = nil
    for (k, v) in env { e[k] = v }
    process.environment = e
    let o = Pipe()
    let r = Pipe()
    process.standardInput = input
    process.standardOutput = o
    process.standardError = r
    try process.run()
    for (pipe, isErr) in [(o, false), (r, true)] {
      done.enter()
      Thread.detachNewThread { [self] in
        while true {
          let chunk = pipe.fileHandleForReading.availableData
          if chunk.isEmpty { break }
          lock.lock()
          if isErr { err.append(chunk) } else { out.append(chunk) }
          lock.unlock()
        }
        done.leave()
      }
    }
  }

  func send(_ text: String) { input.fileHandleForWriting.write(Data(text.utf8)) }
  func close() { try? input.fileHandleForWriting.close() }

  var stdout: String {
    lock.lock()
    defer { lock.unlock() }
    return String(decoding: out, as: UTF8.self)
  }

  var stderr: String {
    lock.lock()
    defer { lock.unlock() }
    return String(decoding: err, as: UTF8.self)
  }

  /// Waits (up to `seconds`) until `condition` holds on what was read so far.
  func wait(seconds: Double = 60, until condition: (Child) -> Bool) -> Bool {
    let end = Date().addingTimeInterval(seconds)
    while Date() < end {
      if condition(self) { return true }
      usleep(5_000)
    }
    return condition(self)
  }

  func kill9() {
    kill(process.processIdentifier, SIGKILL)
    finish()
  }

  /// Waits for the process and for its output to be read to the end.
  func finish() {
    process.waitUntilExit()
    done.wait()
  }
}

func addLine(_ i: Int) -> String {
  "add puntos-contacto.puntos nombre=P\(i) momento=antes tipo=digital valoracion=\(i % 5 + 1)\n"
}

/// A scripted session of `count` answers: 35 list items (a list holds at most 40), then the
/// brand's name set again and again. Answer `i` leaves a trace that says it was stored.
func answers(_ count: Int) -> String {
  (1...count).map { $0 <= 35 ? addLine($0) : "set marca-peruana.marca M\($0)\n" }.joined()
}

/// How many answers of ``answers(_:)`` a database holds (they are stored in order).
func storedAnswers(_ db: String) throws -> Int {
  let store = try TallerStore.open(path: db)
  guard let team = try store.teams().first else { return 0 }
  let items = try store.sheet(teamID: team.id, exercise: "puntos-contacto").items("puntos").compactMap { $0.values["nombre"]?.stringValue }
  #expect(items == (0..<items.count).map { "P\($0 + 1)" })
  let brand = try store.sheet(teamID: team.id, exercise: "marca-peruana").values["marca"]?.stringValue
  return brand.flatMap { Int($0.dropFirst()) } ?? items.count
}

/// After a script of ``answers(_:)`` ran into a write error: every line was either acknowledged
/// or refused (named on stderr as "line N" / "línea N"), and what is stored is exactly what was
/// acknowledged, line by line — the items added, and the brand of the last set that was saved.
/// (Once the log cannot grow, a smaller action may still fit where a larger one did not.)
func expectExactlyAcknowledgedStored(_ db: String, _ child: Child, lines: Int) throws {
  let refused = Set(
    child.stderr.components(separatedBy: "\n").compactMap { line -> Int? in
      guard let word = ["line ", "línea "].first(where: { line.hasPrefix($0) }) else { return nil }
      return Int(line.dropFirst(word.count).prefix { $0.isNumber })
    })
  #expect(refused.count + acknowledgements(child.stdout) == lines, "every line is either acknowledged or refused")
  let saved = (1...lines).filter { !refused.contains($0) }
  let store = try TallerStore.open(path: db)
  let team = try #require(try store.teams().first)
  let items = try store.sheet(teamID: team.id, exercise: "puntos-contacto").items("puntos").compactMap { $0.values["nombre"]?.stringValue }
  #expect(items == saved.filter { $0 <= 35 }.map { "P\($0)" })
  let brand = try store.sheet(teamID: team.id, exercise: "marca-peruana").values["marca"]?.stringValue
  #expect(brand == saved.last { $0 > 35 }.map { "M\($0)" })
}

/// Lines of output that acknowledge a stored answer.
func acknowledgements(_ out: String) -> Int {
  out.components(separatedBy: "\n").filter { $0.hasSuffix(" added.") || $0 == "saved" || $0.hasSuffix(" agregado.") || $0 == "guardado" }
    .count
}

@Suite("Faults: crashes, concurrency, full disks, read-only files, missing folders", .serialized)
struct FaultTests {
  @Test("kill -9 at random moments of a scripted session: every acknowledged answer is there, the file is sound")
  func killAtRandomMoments() throws {
    var rng = SplitMix64(seed: UInt64(ProcessInfo.processInfo.environment["TALLER_FAULT_SEED"].flatMap(Int.init) ?? 7))
    for trial in 0..<faultTrials {
      let dir = try TempDir()
      let db = dir.file("x.sqlite")
      #expect(try runTaller(["--db", db, "-c", "team create A"]).status == 0)
      let child = try Child(["--db", db, "--lang", "en"])
      let total = 400
      child.send(answers(total))
      // Somewhere in the run: mid-transaction, between answers, or while printing.
      usleep(UInt32.random(in: 50_000...1_500_000, using: &rng))
      child.kill9()
      let acknowledged = acknowledgements(child.stdout)
      // Every acknowledged answer, and at most one more (committed just before its
      // acknowledgement was printed).
      let stored = try storedAnswers(db)
      #expect(stored >= acknowledged && stored <= acknowledged + 1, "trial \(trial): \(stored) stored, \(acknowledged) acknowledged")
      let store = try TallerStore.open(path: db)
      #expect(try store.integrityCheck() == "ok", "trial \(trial)")
      let live = try store.snapshot()
      try store.rebuildState()
      #expect(try store.snapshot() == live, "trial \(trial)")
      // And work goes on.
      let next = try runTaller(["--db", db, "--lang", "en", "-c", "set marca-peruana.de-que-trata Bebida"])
      #expect(next.status == 0, "trial \(trial): \(next.stderr)")
    }
  }

  @Test("an import killed mid-way, of a plain or a sealed file, leaves nothing of it; imported again, it all comes in")
  func importKilledMidway() throws {
    var rng = SplitMix64(seed: 11)
    let dir = try TempDir()
    let count = 3_000
    let bundle = try dir.syntheticBundle(count, seed: 5)
    for trial in 0..<max(2, faultTrials / 2) {
      let db = dir.file("x\(trial).sqlite")
      #expect(try runTaller(["--db", db, "-c", "team create A"]).status == 0)
      #expect(try runTaller(["--db", db, "-c", "set marca-peruana.marca Inca Kola"]).status == 0)
      let before = try TallerStore.open(path: db).changeCount()
      // Every other trial, the same changes in a sealed file for this laptop, as `sync export`
      // writes them: opened and streamed into the same import.
      var file = bundle
      if trial % 2 == 1 {
        let store = try TallerStore.open(path: db)
        let me = Sealed.Recipient(id: store.replica.id, publicKey: store.replica.encryptionPublicKey)
        file = dir.file("x\(trial)\(Sealed.suffix)")
        // Compressed, as this release seals bundles, or plain, as older ones did.
        var payload = try Data(contentsOf: URL(fileURLWithPath: bundle))
        if trial % 4 == 1 { payload = try BundleCompression.compress(payload) }
        try store.seal(payload, scope: "t", for: [me]).write(to: URL(fileURLWithPath: file))
      }
      // Stopped inside the import's transaction after a random number of changes, then killed.
      let stall = Int.random(in: 1..<count, using: &rng)
      let child = try Child(["--db", db, "--lang", "en", "-c", "sync import \(file)"], env: ["TALLER_FAULT_STALL_IMPORT": String(stall)])
      #expect(child.wait { $0.stderr.contains("stalled") }, "trial \(trial): \(child.stderr)")
      child.kill9()
      let store = try TallerStore.open(path: db)
      #expect(try store.integrityCheck() == "ok")
      #expect(try store.changeCount() == before, "trial \(trial): stalled after \(stall)")
      #expect(try store.teams().map(\.name) == ["A"])
      let again = try runTaller(["--db", db, "--lang", "en", "-c", "sync import \(file)"])
      #expect(again.status == 0, "\(again.stderr)")
      #expect(try TallerStore.open(path: db).changeCount() == before + count)
    }
    // And killed at a random moment, unannounced: all or nothing.
    for trial in 0..<max(2, faultTrials / 2) {
      let db = dir.file("y\(trial).sqlite")
      #expect(try runTaller(["--db", db, "-c", "team create A"]).status == 0)
      let before = try TallerStore.open(path: db).changeCount()
      let child = try Child(["--db", db, "-c", "sync import \(bundle)"])
      usleep(UInt32.random(in: 0...2_000_000, using: &rng))
      child.kill9()
      let store = try TallerStore.open(path: db)
      #expect(try store.integrityCheck() == "ok")
      #expect([before, before + count].contains(try store.changeCount()), "trial \(trial)")
    }
  }

  @Test("two taller processes answering on one database at once: no errors, nothing lost")
  func twoProcesses() throws {
    let dir = try TempDir()
    let db = dir.file("x.sqlite")
    #expect(try runTaller(["--db", db, "-c", "team create A"]).status == 0)
    let a = try Child(["--db", db, "--lang", "en"])
    let b = try Child(["--db", db, "--lang", "en"])
    a.send((1...20).map(addLine).joined() + (1...150).map { "set marca-peruana.marca M\($0)\n" }.joined())
    b.send((21...40).map(addLine).joined() + (1...150).map { "set marca-peruana.de-que-trata D\($0)\n" }.joined())
    a.close()
    b.close()
    a.finish()
    b.finish()
    #expect(a.process.terminationStatus == 0, "\(a.stderr)")
    #expect(b.process.terminationStatus == 0, "\(b.stderr)")
    #expect(a.stderr.isEmpty && b.stderr.isEmpty)
    #expect(acknowledgements(a.stdout) == 170 && acknowledgements(b.stdout) == 170)
    let store = try TallerStore.open(path: db)
    let team = try #require(try store.teams().first)
    let names = try store.sheet(teamID: team.id, exercise: "puntos-contacto").items("puntos").compactMap {
      $0.values["nombre"]?.stringValue
    }
    #expect(Set(names) == Set((1...40).map { "P\($0)" }))
    #expect(names.count == 40)
    let brand = try store.sheet(teamID: team.id, exercise: "marca-peruana")
    #expect(brand.values["marca"] == "M150" && brand.values["de-que-trata"] == "D150")
    #expect(try store.integrityCheck() == "ok")
  }

  @Test("a file size limit while answering: a clear message, exit 1, what was acknowledged is kept, the file is sound")
  func fileTooLarge() throws {
    let dir = try TempDir()
    let db = dir.file("x.sqlite")
    #expect(try runTaller(["--db", db, "-c", "team create A"]).status == 0)
    let script = dir.file("answers.txt")
    try answers(2000).write(toFile: script, atomically: true, encoding: .utf8)
    // No file may grow more than about 100 KB past the largest one now: the write-ahead log
    // soon cannot grow, and SQLite's writes fail (EFBIG; SIGXFSZ ignored, as a full disk would).
    let largest =
      try FileManager.default.contentsOfDirectory(atPath: dir.path).compactMap {
        try FileManager.default.attributesOfItem(atPath: dir.file($0))[.size] as? Int
      }.max() ?? 0
    let blocks = (largest + 100_000) / 512
    let child = try Child(
      ["-c", "trap '' XFSZ; ulimit -f \(blocks); exec \"$0\" --db \"$1\" --lang en -f \"$2\"", try tallerBinary().path, db, script],
      executable: URL(fileURLWithPath: "/bin/sh"))
    child.finish()
    #expect(child.process.terminationStatus == 1)
    #expect(child.stderr.contains("could not be written to disk"), "\(child.stderr.prefix(400))")
    #expect(child.stderr.contains("What was saved before is intact"))
    let acknowledged = acknowledgements(child.stdout)
    #expect(acknowledged > 0 && acknowledged < 2000)
    try expectExactlyAcknowledgedStored(db, child, lines: 2000)
    #expect(try TallerStore.open(path: db).integrityCheck() == "ok")
    #expect(try runTaller(["--db", db, "--lang", "en", "-c", "set marca-peruana.de-que-trata Bebida"]).status == 0)
  }

  /// A small file system of its own (tmpfs), when this machine lets the tests mount one (as root
  /// in CI); otherwise the test says so and checks nothing.
  func withSmallDisk(_ size: String, _ body: (String) throws -> Void) throws {
    let dir = try TempDir()
    let mountPoint = dir.file("disk")
    try FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: true)
    guard geteuid() == 0, shell("mount", "-t", "tmpfs", "-o", "size=\(size)", "tmpfs", mountPoint) == 0 else {
      print("note: cannot mount a small file system here; the full-disk and read-only checks were skipped")
      return
    }
    defer { _ = shell("umount", mountPoint) }
    try body(mountPoint)
  }

  @discardableResult
  func shell(_ args: String...) -> Int32 {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = args
    p.standardOutput = FileHandle.nullDevice
    p.standardError = FileHandle.nullDevice
    guard (try? p.run()) != nil else { return -1 }
    p.waitUntilExit()
    return p.terminationStatus
  }

  @Test("a full disk: a clear message in the person's language, exit 1, nothing half-written")
  func fullDisk() throws {
    try withSmallDisk("400k") { disk in
      let db = disk + "/x.sqlite"
      #expect(try runTaller(["--db", db, "-c", "team create A"]).status == 0)
      let child = try Child(["--db", db, "--lang", "es"])
      child.send(answers(3000))
      child.close()
      child.finish()
      #expect(child.process.terminationStatus == 1)
      #expect(child.stderr.contains("el disco está lleno"), "\(child.stderr.prefix(300))")
      try expectExactlyAcknowledgedStored(db, child, lines: 3000)
      #expect(try TallerStore.open(path: db).integrityCheck() == "ok")
      // An import that does not fit: refused whole, the file named.
      let bundle = NSTemporaryDirectory() + "taller-full-\(getpid()).taller.jsonl"
      try TallerStore.writeSyntheticBundle(path: bundle, count: 2000, seed: 3)
      defer { try? FileManager.default.removeItem(atPath: bundle) }
      let before = try TallerStore.open(path: db).changeCount()
      let imported = try runTaller(["--db", db, "--lang", "en", "-c", "sync import \(bundle)"])
      #expect(imported.status == 1)
      #expect(imported.stderr.contains("the disk is full"), "\(imported.stderr)")
      #expect(imported.stderr.contains("nothing was imported from this file"))
      #expect(try TallerStore.open(path: db).changeCount() == before)
    }
  }

  @Test("a read-only database: reading works, writing is refused with a clear message, no byte changes")
  func readOnly() throws {
    try withSmallDisk("4m") { disk in
      let db = disk + "/x.sqlite"
      #expect(try runTaller(["--db", db, "-c", "team create A"]).status == 0)
      #expect(try runTaller(["--db", db, "-c", "set marca-peruana.marca Inca Kola"]).status == 0)
      #expect(shell("mount", "-o", "remount,ro", disk) == 0)
      let files = try FileManager.default.contentsOfDirectory(atPath: disk).sorted()
      let bytes = try files.map { try Data(contentsOf: URL(fileURLWithPath: disk + "/" + $0)) }
      let write = try runTaller(["--db", db, "--lang", "en", "-c", "set marca-peruana.marca Sublime"])
      #expect(write.status == 1)
      #expect(write.stderr.contains("cannot be written (read-only or no permission)"), "\(write.stderr)")
      let read = try runTaller(["--db", db, "--lang", "en", "-c", "show marca-peruana"])
      #expect(read.status == 0)
      #expect(read.stdout.contains("Inca Kola"))
      #expect(try FileManager.default.contentsOfDirectory(atPath: disk).sorted() == files)
      #expect(try files.map { try Data(contentsOf: URL(fileURLWithPath: disk + "/" + $0)) } == bytes)
    }
  }

  @Test("missing folders: the database's, an export's, an import's — named, exit 1, nothing created")
  func missingFolders() throws {
    let dir = try TempDir()
    let missing = dir.file("no/such/folder")
    let open = try runTaller(["--db", missing + "/x.sqlite", "--lang", "en", "-c", "team create A"])
    #expect(open.status == 1)
    #expect(open.stderr.contains("The folder \(missing) does not exist"), "\(open.stderr)")
    #expect(!FileManager.default.fileExists(atPath: dir.file("no")))
    let db = dir.file("x.sqlite")
    #expect(try runTaller(["--db", db, "-c", "team create A"]).status == 0)
    let export = try runTaller(["--db", db, "--lang", "es", "-c", "exportar html \(missing)/a.html"])
    #expect(export.status == 1)
    #expect(export.stderr.contains("la carpeta \(missing) no existe"), "\(export.stderr)")
    let imported = try runTaller(["--db", db, "--lang", "en", "-c", "sync import \(missing)"])
    #expect(imported.status == 1)
    #expect(imported.stderr.contains(missing))
    #expect(!FileManager.default.fileExists(atPath: dir.file("no")))
  }
}
