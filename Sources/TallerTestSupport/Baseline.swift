import Foundation
import GRDB
import TallerCore
import TallerStore

/// Plain SQLite, for the benchmarks' baselines: the same rows into a bare table with the same
/// pragmas (WAL, `synchronous = FULL`), through the C API (`sqlite3_bind_*`, `sqlite3_step`),
/// without taller's log, state or checks.
public enum PlainSQLite {
  static func open(_ path: String) throws -> DatabaseQueue {
    var config = Configuration()
    config.prepareDatabase { db in
      try db.execute(sql: "PRAGMA journal_mode = WAL")
      try db.execute(sql: "PRAGMA synchronous = FULL")
    }
    let q = try DatabaseQueue(path: path, configuration: config)
    try q.write { try $0.execute(sql: "CREATE TABLE IF NOT EXISTS row(replica TEXT, seq INTEGER, body TEXT, PRIMARY KEY(replica, seq))") }
    return q
  }

  /// Inserts every row in one transaction.
  public static func insertInOneTransaction(path: String, rows: (_ emit: (String, Int64, String) throws -> Void) throws -> Void) throws {
    let q = try open(path)
    try q.write { db in
      let st = try db.makeStatement(sql: "INSERT INTO row(replica, seq, body) VALUES(?, ?, ?)")
      // Bound and stepped through SQLite's C API, as taller's own hot loop is.
      try rows { r, s, b in try st.run(.text(r), .int(s), .text(b)) }
    }
    try q.close()
  }

  /// Inserts each row in its own transaction (autocommit), as one answer at a time would.
  public static func insertAutocommit(path: String, rows: [(String, Int64, String)]) throws {
    let q = try open(path)
    try q.inDatabase { db in
      let st = try db.makeStatement(sql: "INSERT INTO row(replica, seq, body) VALUES(?, ?, ?)")
      // Each insert its own transaction, bound and stepped through SQLite's C API.
      for (r, s, b) in rows { try st.run(.text(r), .int(s), .text(b)) }
    }
    try q.close()
  }
}

extension TallerStore {
  /// Writes a signed bundle of `count` changes of one new replica (answers and list items of
  /// one team) to `path`, streaming: for the import benchmarks and tests of large files.
  public static func writeSyntheticBundle(path: String, count: Int, seed: UInt64 = 1) throws {
    let replica = "bench000-0000-4000-8000-" + String(format: "%012llu", seed)
    let key = String(format: "%064llu", seed)
    let pub = Signing.publicKey(ofPrivate: key) ?? ""
    _ = FileManager.default.createFile(atPath: path, contents: nil)
    guard let out = FileHandle(forWritingAtPath: path) else { throw CocoaError(.fileWriteUnknown) }
    var hasher = Crypto256()
    func emit(_ line: String) {
      let data = Data((line + "\n").utf8)
      hasher.update(data)
      out.write(data)
    }
    let header: JSONValue = .object([
      "format": "taller-bundle", "v": .int(SyncBundle.formatVersion), "schema": .int(Change.formatVersion),
      "writer": .string(replica), "label": "bench", "prereq": .object([:]), "keys": .object([replica: .string(pub)]),
      "teams": .array([]), "class": .array([]),
    ])
    emit(CanonicalJSON.encode(header))
    let nonce = "nonce-\(seed)"
    let team = FoundedID.make("team", replica: replica, nonce: nonce)
    let sheet = Sheet.id(team: team, exercise: "puntos-contacto")
    var prev: String?
    var lastHash = ""
    for seq in 1...Int64(count) {
      var ops: [Op] = []
      if seq == 1 {
        ops = [
          .create(entity: replica, type: "replica", parent: nil),
          .set(entity: replica, field: "key", value: .string(pub), pred: [], seen: []),
          .create(entity: team, type: "team", parent: nil),
          .set(entity: team, field: "founder", value: .object(["replica": .string(replica), "nonce": .string(nonce)]), pred: [], seen: []),
          .set(entity: team, field: "name", value: "Equipo de prueba", pred: [], seen: []),
          .create(entity: sheet, type: "sheet", parent: team),
          .set(entity: sheet, field: "@exercise", value: "puntos-contacto", pred: [], seen: []),
        ]
      } else {
        let item = "item-\(seed)-\(seq)"
        ops = [
          .create(entity: item, type: "item", parent: sheet),
          .set(entity: item, field: "@list", value: "puntos", pred: [], seen: []),
          .set(entity: item, field: "@pos", value: .string(String(format: "%010lld", seq)), pred: [], seen: []),
          .set(entity: item, field: "nombre", value: .string("Punto de contacto n.º \(seq)"), pred: [], seen: []),
          .set(entity: item, field: "valoracion", value: .int(seq % 5 + 1), pred: [], seen: []),
        ]
      }
      let c = Change(
        replica: replica, seq: seq, hlc: HLC(millis: 1_795_000_000_000 + seq, counter: 0), author: "bench", prev: prev, ops: ops)
      let body = c.body
      lastHash = Change.hash(ofBody: body)
      prev = lastHash
      emit(body)
    }
    let sig = Signing.sign(Signing.headMessage(replica: replica, seq: Int64(count), hash: lastHash), privateKey: key) ?? ""
    emit(
      CanonicalJSON.encode(
        .object([
          "sig": .object(["replica": .string(replica), "seq": .int(Int64(count)), "hash": .string(lastHash), "ed25519": .string(sig)])
        ])))
    let end: JSONValue = .object(["end": true, "count": .int(Int64(count)), "sha256": .string(hasher.hex())])
    out.write(Data((CanonicalJSON.encode(end) + "\n").utf8))
    try out.close()
  }
}
