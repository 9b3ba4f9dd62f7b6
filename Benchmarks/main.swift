// taller-bench: the figures of docs/BENCHMARKS.md, each a ratio against a baseline measured in
// the same run on the same machine.
//
//   swift build -c release && .build/release/taller-bench [--quick] [--no-1m] [--only SECTION] [--write FILE]
import Foundation
import TallerCore
import TallerShell
import TallerStore
import TallerTestSupport

#if canImport(Glibc)
  import Glibc
#endif

func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

/// This process's peak resident memory, in MiB: `VmHWM`, the high-water mark of its own address
/// space. (`getrusage`'s `ru_maxrss` is not used: on Linux it carries over the peak of the
/// process that spawned this one, so a child measured after a large section reported the
/// benchmark's own memory.)
func maxRSSMiB() -> Double {
  if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
    let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
    let kB = Double(line.split(separator: " ").dropFirst().first ?? "")
  {
    return kB / 1024
  }
  var u = rusage()
  getrusage(RUSAGE_SELF.rawValue, &u)
  return Double(u.ru_maxrss) / 1024
}

@discardableResult
func run(_ exe: String, _ args: [String], input: Data? = nil, env: [String: String] = [:]) throws -> (Double, String) {
  let p = Process()
  p.executableURL = URL(fileURLWithPath: exe)
  p.arguments = args
  var e = ProcessInfo.processInfo.environment
  for (k, v) in env { e[k] = v }
  p.environment = e
  let inPipe = Pipe()
  let outPipe = Pipe()
  p.standardInput = inPipe
  p.standardOutput = outPipe
  p.standardError = FileHandle.nullDevice
  let t = now()
  try p.run()
  if let input { inPipe.fileHandleForWriting.write(input) }
  try inPipe.fileHandleForWriting.close()
  let out = outPipe.fileHandleForReading.readDataToEndOfFile()
  p.waitUntilExit()
  return (now() - t, String(decoding: out, as: UTF8.self))
}

/// Runs a program to its end with posix_spawn (output to /dev/null) and returns the seconds it
/// took: Foundation's Process adds tens of milliseconds of its own, which would hide start-up.
func spawnTime(_ exe: String, _ args: [String]) -> Double {
  var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  defer { posix_spawn_file_actions_destroy(&actions) }
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
  let argv = ([exe] + args).map { strdup($0) } + [nil]
  defer { for a in argv { free(a) } }
  var pid: pid_t = 0
  let t = now()
  guard posix_spawn(&pid, exe, &actions, nil, argv, environ) == 0 else { return .nan }
  var status: Int32 = 0
  waitpid(pid, &status, 0)
  return now() - t
}

let args = CommandLine.arguments
let me = URL(fileURLWithPath: args[0]).resolvingSymlinksInPath()
let binDir = me.deletingLastPathComponent().path
let work = NSTemporaryDirectory() + "taller-bench-\(getpid())"

// `taller-bench gen N FILE`: writes a synthetic bundle (for profiling one import by hand).
if args.count == 4 && args[1] == "gen", let n = Int(args[2]) {
  try TallerStore.writeSyntheticBundle(path: args[3], count: n)
  exit(0)
}

// `taller-bench class N FILE`: writes an instructor's database with a class of N teams, every
// exercise done (for looking at the class views and exports by hand).
if args.count == 4 && args[1] == "class", let n = Int(args[2]) {
  let store = try TallerStore.open(path: args[3])
  _ = try ClassFixture.build(into: store, content: try BuiltinContent.content.get(), teams: n)
  exit(0)
}

// Child processes: one measurement each, so peak memory is that measurement's alone.
if args.count >= 2 && args[1] == "child" {
  let what = args[2]
  let file = args[3]
  let db = args[4]
  var t = now()
  switch what {
  case "import":
    // The clock starts once the new database is made, as the peers' starts with their empty
    // document: a fixed cost (its migrations' `fdatasync`) is not the import's, and would make
    // the smallest import look slower per change than the largest.
    let store = try TallerStore.open(path: db)
    t = now()
    let r = try store.importFile(path: file)
    precondition(r.newChanges > 0 && r.waiting.isEmpty && r.quarantined == 0, "imported \(r)")
  case "import-sealed":
    // The same bundle sealed for this database's laptop (and three others) before the clock
    // starts, then imported as `sync import` does: verified, opened, streamed in.
    let store = try TallerStore.open(path: db)
    let others = (1...3).map { _ in Sealed.publicKey(ofPrivate: Sealed.newPrivateKey()) ?? "" }
    let readers =
      [Sealed.Recipient(id: store.replica.id, publicKey: store.replica.encryptionPublicKey)]
      + others.enumerated().map { Sealed.Recipient(id: "laptop-\($0.offset)", publicKey: $0.element) }
    let bundle = try BundleCompression.compress(try Data(contentsOf: URL(fileURLWithPath: file)))
    let sealed = try store.seal(bundle, scope: "t", for: readers)
    let t0 = now()
    guard case .imported(let r, _, _) = try store.importSealed(sealed, folder: "t") else { fatalError("not opened") }
    precondition(r.newChanges > 0 && r.waiting.isEmpty && r.quarantined == 0, "imported \(r)")
    print(String(format: "%.4f %.1f", now() - t0, maxRSSMiB()))
    exit(0)
  default:
    try PlainSQLite.insertInOneTransaction(path: db) { emit in
      try BundleScan.forEachChange(path: file) { text in
        let c = try Change(body: text)
        try emit(c.replica, c.seq, text)
      }
    }
  }
  print(String(format: "%.4f %.1f", now() - t, maxRSSMiB()))
  exit(0)
}

// The work folder of a run (the modes above have none: they would leave it behind).
try? FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
let quick = args.contains("--quick")
/// `--only startup|answers|import|sealed|class`: one section (the others are skipped).
let only = args.firstIndex(of: "--only").flatMap { $0 + 1 < args.count ? args[$0 + 1] : nil }
/// Whether a section runs. Each starts with the disk's dirty pages written out, so the kernel
/// flushing a previous section's gigabyte (the 1M import) is not measured as this one's work.
func section(_ name: String) -> Bool {
  guard only == nil || only == name else { return false }
  sync()
  return true
}
final class Report: @unchecked Sendable {
  var lines: [String] = []
}
let report = Report()
func say(_ s: String) {
  print(s)
  report.lines.append(s)
}

/// Each target of the run with its figure and whether it is met (`nil`: not measured).
final class Targets: @unchecked Sendable {
  var rows: [(what: String, figure: String, met: Bool?)] = []
}
let targets = Targets()
func target(_ what: String, _ figure: String, _ met: Bool?) {
  targets.rows.append((what, figure, met))
  print("  target: \(what): \(figure) — \(met.map { $0 ? "met" : "NOT MET" } ?? "not measured")")
}

let taller = binDir + "/taller"
guard FileManager.default.isExecutableFile(atPath: taller) else {
  print("taller-bench: build taller first (swift build -c release)")
  exit(2)
}

say("# Benchmarks\n")
say(
  "Measured by `swift build -c release && .build/release/taller-bench --write docs/BENCHMARKS.md` on "
    + "\(ProcessInfo.processInfo.activeProcessorCount) cores, \(ISO8601DateFormatter().string(from: Date()).prefix(10)). "
    + "Every figure is a ratio against a baseline measured in the same run.\n")

// 1. Start-up: `taller -c version` against a bare Swift executable that links Foundation, each
// built the default way (the runtime and Foundation loaded dynamically). The binary as it ships
// (`scripts/release`: runtime and Foundation linked in) is measured too when it has been built,
// beside a bare program linked the same way.
if section("startup") {
  let bareDir = work + "/bare"
  try FileManager.default.createDirectory(atPath: bareDir, withIntermediateDirectories: true)
  try "import Foundation\nif ProcessInfo.processInfo.arguments.count > 99 { print(Date()) }\n".write(
    toFile: bareDir + "/main.swift", atomically: true, encoding: .utf8)
  let (_, _) = try run("/usr/bin/env", ["swiftc", "-O", "-o", bareDir + "/bare", bareDir + "/main.swift"])
  // `dist/` of the checkout this taller-bench was built in (its build folder is inside it).
  var root = URL(fileURLWithPath: binDir)
  while root.path != "/" && !FileManager.default.fileExists(atPath: root.appendingPathComponent("Package.swift").path) {
    root.deleteLastPathComponent()
  }
  let shipped = root.appendingPathComponent("dist/taller").path
  let hasShipped = FileManager.default.isExecutableFile(atPath: shipped)
  if hasShipped {
    let (_, _) = try run("/usr/bin/env", ["swiftc", "-O", "-static-stdlib", "-o", bareDir + "/bare-static", bareDir + "/main.swift"])
  }
  let n = quick ? 5 : 50
  var times: [String: [Double]] = [:]
  let db = work + "/startup.sqlite"
  _ = try run(taller, ["--db", db, "-c", "team create A"])
  for _ in 0..<n {
    times["bare", default: []].append(spawnTime(bareDir + "/bare", []))
    times["taller", default: []].append(spawnTime(taller, ["--db", db, "-c", "version"]))
    if hasShipped {
      times["bare-static", default: []].append(spawnTime(bareDir + "/bare-static", []))
      times["shipped", default: []].append(spawnTime(shipped, ["--db", db, "-c", "version"]))
    }
  }
  func median(_ k: String) -> Double { (times[k] ?? [0]).sorted()[(times[k]?.count ?? 1) / 2] }
  func ms(_ x: Double) -> String { String(format: "%.1f ms", x * 1000) }
  let (b, o) = (median("bare"), median("taller"))
  say("## Start-up\n")
  var table = """
    | | median of \(n) (posix_spawn to exit) |
    | --- | --- |
    | bare Swift + Foundation (`swiftc -O`) | \(ms(b)) |
    | `taller -c version` (`swift build -c release`; opens the database) | \(ms(o)) |
    """
  if hasShipped {
    table += """

      | bare Swift + Foundation linked in (`swiftc -O -static-stdlib`) | \(ms(median("bare-static"))) |
      | `taller -c version` as it ships (`dist/taller`, `scripts/release`) | \(ms(median("shipped"))) |
      """
  }
  say(table)
  say("\n**Ratio \(String(format: "%.2f", o / b))×** (target ≤ 1.5×), each built the default way.")
  if hasShipped {
    let (bs, s) = (median("bare-static"), median("shipped"))
    say(
      "The binary as it ships starts in \(ms(s)): \(String(format: "%.2f", s / b))× the default bare program, "
        + "\(String(format: "%.2f", s / bs))× a bare program linked the same way.\n")
  } else {
    say("(`scripts/release` not run: the binary as it ships was not measured.)\n")
  }
  target(
    "start-up ≤ 1.5× a bare Swift + Foundation program", String(format: "%.2f× (%.1f ms against %.1f ms)", o / b, o * 1000, b * 1000),
    o <= 1.5 * b)
}

// 2. Scripted answers: a piped script of answers against autocommit inserts of the same rows.
if section("answers") {
  let n = quick ? 2_000 : 10_000
  // A team's answers as a script gives them: list items (a list holds at most 40), then the
  // exercise's text fields answered and answered again.
  var lines = ["team create Banco", "member add Ana, José"]
  let fields = ["marca-peruana.marca", "marca-peruana.de-que-trata", "mapa-empatia.quien", "mapa-viaje.escenario"]
  for i in 0..<(n - 2) {
    lines.append(
      i < 35
        ? "add puntos-contacto.puntos nombre=P\(i) momento=antes tipo=digital valoracion=\(i % 5 + 1)"
        : "set \(fields[i % fields.count]) Respuesta \(i)")
  }
  let script = Data((lines.joined(separator: "\n") + "\n").utf8)
  let (t, out) = try run(taller, ["--db", work + "/script.sqlite", "--lang", "en"], input: script)
  let acknowledged = out.split(separator: "\n").filter { $0 == "saved" || $0.hasSuffix(" added.") }.count
  precondition(acknowledged == n - 2, "only \(acknowledged) of \(n - 2) answers were saved")
  let rows = lines.enumerated().map { ("r", Int64($0.offset + 1), $0.element) }
  let t0 = now()
  try PlainSQLite.insertAutocommit(path: work + "/script-plain.sqlite", rows: rows)
  let base = now() - t0
  say("## Scripted answers\n")
  say(
    "| | \(n) lines |\n| --- | --- |\n| plain SQLite, autocommit inserts of the same lines | \(String(format: "%.2f", base)) s |\n| `taller` reading the script from a pipe | \(String(format: "%.2f", t)) s |"
  )
  say("\n**Ratio \(String(format: "%.2f", t / base))×** (target ≤ 1.5×).\n")
  target(
    "\(n) piped answers ≤ 1.5× autocommit inserts", String(format: "%.2f× (%.2f s against %.2f s)", t / base, t, base), t <= 1.5 * base)
}

// 3. Import (issue 19): synthetic bundles of 10k, 100k (and 1M) changes imported durably and
// verified, against the raw-rows floor (`sqlite3 .import` of the same log rows in one
// transaction, no decoding) and against Loro and Yrs importing the same work in memory
// (`../shared/bench/peer_items_import.py`, when a Python with `loro` and `pycrdt` is found).
if section("import") {
  let sizes = quick || args.contains("--no-1m") ? [10_000, 100_000] : [10_000, 100_000, 1_000_000]
  let peers = Peers.find()
  if let why = peers.missing { say("> Peers skipped: \(why)\n") }
  let sqlite3 = Peers.which("sqlite3")
  if sqlite3 == nil { say("> Raw-rows floor skipped: no `sqlite3` program on PATH (Debian: `sqlite3`).\n") }
  say("## Import\n")
  say(
    "| changes | taller import | raw-rows floor | rate vs floor | Loro (memory) | Yrs (memory) | taller ÷ Loro | taller ÷ Yrs | peak memory: taller, Loro, Yrs | µs per change |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
  )
  var perChange: [Double] = []
  var last: (ours: Double, floor: Double?, loro: Peers.Figure?, yrs: Peers.Figure?, mem: Double, n: Int)?
  var sizesRow: (bundle: Double, sealed: Double, db: Double, wal: Double, loro: Double?, yrs: Double?)?
  for n in sizes {
    let file = work + "/b\(n).taller.jsonl"
    try TallerStore.writeSyntheticBundle(path: file, count: n)
    let floor = sqlite3.flatMap { try? Peers.rawRowsFloor(sqlite3: $0, bundle: file, work: work) }
    let db = work + "/ours\(n).sqlite"
    // Below 1M, the median of three imports into a new database (the time) and the most memory
    // any took: one import of 10k takes a fifth of a second, where this machine's noise alone
    // moves a single run by a quarter, and the linearity target compares them per change.
    var runs: [(seconds: Double, memory: Double)] = []
    var failure: String?
    for _ in 0..<(n < 1_000_000 ? 3 : 1) {
      for f in [db, db + "-wal", db + "-shm"] { try? FileManager.default.removeItem(atPath: f) }
      let (_, oursOut) = try run(me.path, ["child", "import", file, db])
      let figures = oursOut.split(separator: " ").compactMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
      guard figures.count == 2 else {
        failure = oursOut
        break
      }
      runs.append((figures[0], figures[1]))
    }
    if let failure {
      say("| \(n) | failed: \(failure) | | | | | | | | |")
      continue
    }
    let o = [runs.map(\.seconds).sorted()[runs.count / 2], runs.map(\.memory).max() ?? 0]
    let figures = peers.run(n)
    let (loro, yrs) = (figures["loro"], figures["yrs"])
    func secs(_ x: Double?) -> String { x.map { String(format: "%.2f s", $0) } ?? "—" }
    func ratio(_ x: Double?) -> String { x.map { String(format: "%.2f×", o[0] / $0) } ?? "—" }
    let mems = [
      String(format: "%.0f", o[1]), loro.map { String(format: "%.0f", $0.maxRSS) } ?? "—",
      yrs.map { String(format: "%.0f", $0.maxRSS) } ?? "—",
    ]
    say(
      "| \(n) | \(secs(o[0])) | \(secs(floor)) | \(floor.map { String(format: "%.2f", $0 / o[0]) } ?? "—") | \(secs(loro?.importSeconds)) | \(secs(yrs?.importSeconds)) | \(ratio(loro?.importSeconds)) | \(ratio(yrs?.importSeconds)) | \(mems.joined(separator: ", ")) MiB | \(String(format: "%.1f", o[0] / Double(n) * 1e6)) |"
    )
    perChange.append(o[0] / Double(n) * 1e6)
    last = (o[0], floor, loro, yrs, o[1], n)
    if n == 100_000 || sizesRow == nil {
      // Bytes per change: the bundle as written, the same sealed as `sync export` writes it
      // (compressed, then sealed for four laptops), and the database it produced.
      let data = try Data(contentsOf: URL(fileURLWithPath: file))
      let readers = (1...4).map {
        Sealed.Recipient(id: "laptop-\($0)", publicKey: Sealed.publicKey(ofPrivate: Sealed.newPrivateKey()) ?? "")
      }
      let sealed = try Sealed.seal(
        try BundleCompression.compress(data), writer: "w", team: "t", recipients: readers, signingKey: Signing.newPrivateKey())
      let size = { (path: String) in Double((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)??.int64Value ?? 0)
      }
      let d = Double(n)
      sizesRow = (Double(data.count) / d, Double(sealed.count) / d, size(db) / d, size(db + "-wal"), loro?.blobBytes, yrs?.blobBytes)
    }
    try? FileManager.default.removeItem(atPath: file)
    try? FileManager.default.removeItem(atPath: db)
    try? FileManager.default.removeItem(atPath: db + "-wal")
  }
  say(
    "\nAll three import the same work: each change adds one list item with four fields. taller writes a durable SQLite database with every hash, chain and signature checked; the peers import one exported blob into a document in memory, with no durability. The floor is `sqlite3 .import` of the same log rows (replica, seq, hash, body) into a bare table in one transaction (WAL, `synchronous = FULL`), no decoding. taller's time below 1M changes is the median of three imports, each into a new database, its clock started once the database is made.\n"
  )
  if let w = sizesRow {
    say("| bytes per change | taller | Loro | Yrs |\n| --- | --- | --- | --- |")
    say("| bundle file (JSON lines) | \(String(format: "%.0f", w.bundle)) | | |")
    say(
      "| on the wire: sealed file as `sync export` writes it (compressed) | \(String(format: "%.0f", w.sealed)) | \(w.loro.map { String(format: "%.0f", $0) } ?? "—") | \(w.yrs.map { String(format: "%.0f", $0) } ?? "—") |"
    )
    say(
      "| database after the import | \(String(format: "%.0f", w.db)) (\(String(format: "%.2f", w.db / w.bundle))× the bundle, \(String(format: "%.2f", w.db / w.sealed))× the sealed file) | | |"
    )
    say("\nWrite-ahead log left after the import: \(String(format: "%.1f", w.wal / 1_048_576)) MiB.\n")
    if let l = w.loro {
      target(
        "bytes per change on the wire ≤ 2× Loro's", String(format: "%.0f B against %.0f B (%.2f×)", w.sealed, l, w.sealed / l),
        w.sealed <= 2 * l)
    }
    target(
      "database ≤ 1.5× the bundle bytes that produced it",
      String(format: "%.2f× the bundle file (%.2f× the sealed file)", w.db / w.bundle, w.db / w.sealed), w.db <= 1.5 * w.bundle)
    target(
      "no `-wal` file over a few MB after a command",
      String(format: "%.1f MiB after a %d-change import", w.wal / 1_048_576, sizes.last ?? 0), w.wal <= Double(TallerStore.walLimit))
  }
  if let l = last {
    let tag = "\(l.n / 1000)k"
    if let loro = l.loro {
      target(
        "import of \(tag) changes ≤ 1.0× Loro's in-memory import", String(format: "%.2f×", l.ours / loro.importSeconds),
        l.ours <= loro.importSeconds)
    }
    if let yrs = l.yrs {
      target(
        "import of \(tag) changes ≤ 1.5× Yrs's", String(format: "%.2f×", l.ours / yrs.importSeconds), l.ours <= 1.5 * yrs.importSeconds)
    }
    if let f = l.floor {
      target("import of \(tag) changes ≥ 0.5 of the raw-rows floor", String(format: "%.2f", f / l.ours), f / l.ours >= 0.5)
    }
    target("import peak memory ≤ 100 MB", String(format: "%.0f MiB at %@ changes", l.mem, tag), l.mem <= 100)
  }
  if let lo = perChange.min(), let hi = perChange.max() {
    target("import time linear in size", String(format: "%.1f–%.1f µs per change", lo, hi), hi <= 1.25 * lo)
  }
}

// 3b. Sealed bundles (issue 17): what sealing a bundle for a team's readers, and opening it, adds
// to its import (target: opening within 10% of the import's time per change).
if section("sealed") {
  let sizes = quick ? [10_000] : [10_000, 100_000]
  say("## Sealed bundles\n")
  say(
    "| changes | bundle | sealed (compressed, 4 readers) | compress and seal | import, plain file | import, sealed (verify, open, inflate, stream) | extra time per change | peak memory, sealed |\n| --- | --- | --- | --- | --- | --- | --- | --- |"
  )
  let writer = Signing.newPrivateKey()
  let readers = (1...4).map { i in (id: "laptop-\(i)", key: Sealed.newPrivateKey()) }
  let recipients = readers.map { Sealed.Recipient(id: $0.id, publicKey: Sealed.publicKey(ofPrivate: $0.key) ?? "") }
  func seconds(_ out: String) -> [Double] {
    out.split(separator: " ").compactMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
  }
  for n in sizes {
    let file = work + "/s\(n).taller.jsonl"
    try TallerStore.writeSyntheticBundle(path: file, count: n)
    let data = try Data(contentsOf: URL(fileURLWithPath: file))
    let t = now()
    let sealed = try Sealed.seal(try BundleCompression.compress(data), writer: "w", team: "t", recipients: recipients, signingKey: writer)
    let sealTime = now() - t
    let opened = try Sealed.open(
      sealed, me: readers[2].id, privateKey: readers[2].key, writerKey: { _ in Signing.publicKey(ofPrivate: writer) })
    let inflated = try BundleCompression.decompress(opened.payload)
    precondition(inflated == data, "the sealed bundle opened to other bytes")
    let plain = seconds(try run(me.path, ["child", "import", file, work + "/plain-import\(n).sqlite"]).1)
    let viaSealed = seconds(try run(me.path, ["child", "import-sealed", file, work + "/sealed-import\(n).sqlite"]).1)
    let (p, q) = (plain.first ?? .nan, viaSealed.first ?? .nan)
    func mb(_ bytes: Int) -> String { String(format: "%.1f MB", Double(bytes) / 1_000_000) }
    say(
      "| \(n) | \(mb(data.count)) | \(mb(sealed.count)) | \(String(format: "%.2f", sealTime)) s | \(String(format: "%.2f", p)) s | \(String(format: "%.2f", q)) s | \(String(format: "%+.1f", (q - p) / p * 100))% | \(String(format: "%.0f", viaSealed.last ?? .nan)) MiB |"
    )
  }
  say(
    "\nBoth imports write a fresh database with every hash, chain and signature checked; the sealed one first verifies the envelope's signature, unwraps the file key and then decrypts the payload a chunk at a time, inflates it (PROTOCOL.md §3.1) and streams it into the same import. The sealed file is held in memory (base64 inside JSON lines: 4/3 of the compressed bundle). Target: extra time ≤ 10% per change.\n"
  )
}

// 4. Rendering and exports of a class of 40 teams with every exercise done.
if section("class") {
  let teams = quick ? 10 : 40
  let store = try TallerStore.open(path: work + "/class.sqlite")
  var ctx = ShellContext(store: store, version: "bench", content: try BuiltinContent.content.get(), interactive: false)
  ctx.width = 120
  let plain = Renderer(style: .plain)
  let shell = Shell(context: ctx, session: Session())
  // Exports without a file name write into the current folder: the work folder, not the checkout
  // (and back afterwards, for `--write`).
  let checkout = FileManager.default.currentDirectoryPath
  _ = FileManager.default.changeCurrentDirectoryPath(work)
  defer { _ = FileManager.default.changeCurrentDirectoryPath(checkout) }
  // The class fixture: every team on two laptops, one conflict each, merged into this database.
  let fixture = try ClassFixture.build(into: store, content: ctx.content, teams: teams, laptopsPerTeam: 2, conflictsPerTeam: 1)
  _ = shell.execute("team use Equipo 1", renderer: plain)
  say("## Rendering and exports (\(teams) teams on \(fixture.laptops) laptops, every exercise, \(fixture.conflicts) conflicts)\n")
  say("| command | time (median of 5) |\n| --- | --- |")
  var slowest = (cmd: "", ms: 0.0)
  for cmd in ["class status", "export html --class", "export md --class", "export json --class", "show mapa-viaje", "grades"] {
    var times: [Double] = []
    for _ in 0..<5 {
      let t = now()
      _ = shell.execute(cmd, renderer: plain)
      times.append(now() - t)
    }
    let ms = times.sorted()[2] * 1000
    if ms > slowest.ms { slowest = (cmd, ms) }
    say("| `\(cmd)` | \(String(format: "%.1f", ms)) ms |")
  }
  target("class views (\(teams) teams) < 50 ms each", String(format: "slowest `%@`: %.1f ms", slowest.cmd, slowest.ms), slowest.ms < 50)
  say("\nTarget: each under 50 ms of work.\n")

  // The class exported as `sync export` writes it (a sealed file per team, for its readers);
  // checked as a relay checks it; and the same changes as one plain bundle imported into an
  // empty database (a laptop that reads them all: the instructor's).
  let classFolder = work + "/class-bundle"
  try? FileManager.default.removeItem(atPath: classFolder)
  let t0 = now()
  _ = shell.execute("sync export \(classFolder) --all", renderer: plain)
  let exported = now() - t0
  var sealedFiles: [String] = []
  for team in try FileManager.default.contentsOfDirectory(atPath: classFolder) {
    for f in try FileManager.default.contentsOfDirectory(atPath: classFolder + "/" + team) {
      sealedFiles.append(classFolder + "/" + team + "/" + f)
    }
  }
  let t2 = now()
  for f in sealedFiles { _ = try Sealed.check(try Data(contentsOf: URL(fileURLWithPath: f)), writerKey: { _ in nil }) }
  let checkTime = now() - t2
  let plainFile = work + "/class-plain.taller.jsonl"
  try (try store.exportBundle(after: [:])?.encode() ?? "").write(toFile: plainFile, atomically: true, encoding: .utf8)
  let fresh = try TallerStore.open(path: work + "/class-fresh.sqlite")
  let t1 = now()
  let imported = try fresh.importFile(path: plainFile).newChanges
  let importTime = now() - t1
  say("## A class's sync (\(teams) teams, every exercise)\n")
  say("| step | changes | time |\n| --- | --- | --- |")
  say(
    "| `sync export --all` (\(sealedFiles.count) sealed files, one per team and one for the instructor) | \(imported) | \(String(format: "%.1f", exported * 1000)) ms |"
  )
  say("| every sealed file checked as a relay checks it | \(imported) | \(String(format: "%.1f", checkTime * 1000)) ms |")
  say("| import into an empty database (one plain bundle) | \(imported) | \(String(format: "%.1f", importTime * 1000)) ms |")
  say("\nTarget: export and import well under a second.\n")
}

if !targets.rows.isEmpty {
  say("## Targets\n")
  say("| target | figure | met? |\n| --- | --- | --- |")
  for t in targets.rows { say("| \(t.what) | \(t.figure) | \(t.met.map { $0 ? "met" : "**not met**" } ?? "not measured") |") }
  say("")
}

if let i = args.firstIndex(of: "--write"), i + 1 < args.count {
  try (report.lines.joined(separator: "\n") + "\n").write(toFile: args[i + 1], atomically: true, encoding: .utf8)
}
try? FileManager.default.removeItem(atPath: work)
