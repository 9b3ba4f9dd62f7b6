import Foundation
import TallerCore

/// The peers the import is measured against (issue 19): Loro and Yrs through PyPI's `loro` and
/// `pycrdt`, run by `../shared/bench/peer_items_import.py` on the same work, and the raw-rows
/// floor (`sqlite3 .import`).
struct Peers {
  /// One peer's figures for one size.
  struct Figure {
    var importSeconds: Double
    var blobBytes: Double
    var maxRSS: Double
  }

  var python: String?
  var script: String?
  /// Why the peers are not measured, when they are not.
  var missing: String?

  /// A program on PATH.
  static func which(_ name: String) -> String? {
    for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
      let p = "\(dir)/\(name)"
      if FileManager.default.isExecutableFile(atPath: p) { return p }
    }
    return nil
  }

  /// The script beside the checkout (or `TALLER_PEERS_SCRIPT`) and a Python that imports both
  /// peers: `TALLER_PEERS_PYTHON`, else `python3` on PATH.
  static func find() -> Peers {
    let env = ProcessInfo.processInfo.environment
    let script =
      env["TALLER_PEERS_SCRIPT"]
      ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath + "/../shared/bench/peer_items_import.py").standardized.path
    guard FileManager.default.fileExists(atPath: script) else {
      return Peers(missing: "no peer script at \(script) (set TALLER_PEERS_SCRIPT)")
    }
    guard let python = env["TALLER_PEERS_PYTHON"] ?? which("python3") else {
      return Peers(missing: "no python3 (set TALLER_PEERS_PYTHON to a venv's python with loro and pycrdt)")
    }
    let check = try? taller_bench.run(python, ["-c", "import loro, pycrdt; print('ok')"])
    guard check?.1.contains("ok") == true else {
      return Peers(
        missing:
          "\(python) cannot import loro and pycrdt (`python3 -m venv v && v/bin/pip install loro pycrdt`, then TALLER_PEERS_PYTHON=v/bin/python)"
      )
    }
    return Peers(python: python, script: script)
  }

  /// Each peer's import of `n` changes, by name (`loro`, `yrs`); empty when skipped.
  func run(_ n: Int) -> [String: Figure] {
    guard let python, let script else { return [:] }
    var out: [String: Figure] = [:]
    for name in ["loro", "yrs"] {
      // One process per peer: each one's peak memory is its own.
      guard let (_, text) = try? taller_bench.run(python, [script, String(n), name]) else { continue }
      // "loro: N=… export 0.1s import 0.2s (…) blob 90.1 B/change maxrss 300 MiB"
      func number(after key: String) -> Double? {
        guard let r = text.range(of: key) else { return nil }
        let rest = text[r.upperBound...].drop { $0 == " " }
        return Double(rest.prefix { $0.isNumber || $0 == "." })
      }
      if let t = number(after: " import "), let b = number(after: " blob "), let m = number(after: " maxrss ") {
        out[name] = Figure(importSeconds: t, blobBytes: b, maxRSS: m)
      }
    }
    return out
  }

  /// Seconds `sqlite3` takes to `.import` the bundle's log rows (replica, seq, hash, body) into
  /// a bare table in one transaction, WAL and `synchronous = FULL` as taller's database: the
  /// least any durable import of these rows costs. The CSV is written before the clock starts.
  static func rawRowsFloor(sqlite3: String, bundle: String, work: String) throws -> Double {
    let csv = work + "/floor.csv"
    let db = work + "/floor.sqlite"
    for f in [csv, db, db + "-wal", db + "-shm"] { try? FileManager.default.removeItem(atPath: f) }
    _ = FileManager.default.createFile(atPath: csv, contents: nil)
    guard let out = FileHandle(forWritingAtPath: csv) else { throw CocoaError(.fileWriteUnknown) }
    var buffer = Data()
    func quoted(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
    _ = try BundleScan.read(
      path: bundle, header: { _ in },
      change: { text, c, digest in
        buffer.append(contentsOf: "\(quoted(c.replica)),\(c.seq),\(digest),\(quoted(text))\n".utf8)
        if buffer.count > 1 << 20 {
          out.write(buffer)
          buffer.removeAll(keepingCapacity: true)
        }
      })
    out.write(buffer)
    try out.close()
    let script = """
      PRAGMA journal_mode = WAL;
      PRAGMA synchronous = FULL;
      CREATE TABLE log(replica TEXT, seq INTEGER, hash TEXT, body TEXT);
      BEGIN;
      .import --csv \(csv) log
      COMMIT;
      """
    let (seconds, _) = try taller_bench.run(sqlite3, [db], input: Data(script.utf8))
    let rows = try taller_bench.run(sqlite3, [db, "SELECT count(*) FROM log"]).1
    try? FileManager.default.removeItem(atPath: csv)
    guard rows.trimmingCharacters(in: .whitespacesAndNewlines) == String(countLines(bundle)) else { throw CocoaError(.fileReadCorruptFile) }
    return seconds
  }

  /// The number of change lines of a bundle (for checking the floor imported every row).
  static func countLines(_ bundle: String) -> Int {
    (try? BundleScan.scan(path: bundle).count) ?? -1
  }
}
