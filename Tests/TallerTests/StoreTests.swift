import Foundation
import GRDB
import TallerTestSupport
import Testing

@testable import TallerCore
@testable import TallerStore

@Suite("Store")
struct StoreTests {
  @Test("a fresh database migrates and gets a stable replica id")
  func replicaIdentityIsStable() throws {
    let dir = try TempDir()
    let path = dir.file("nested/folder/taller.sqlite")
    let first = try TallerStore.open(path: path, label: "ana@laptop")
    #expect(first.replica.copiedFrom == nil)
    #expect(UUID(uuidString: first.replica.id) != nil)
    _ = try first.createTeam(name: "Los Incas")
    let again = try TallerStore.open(path: path)
    #expect(again.replica.id == first.replica.id)
    #expect(again.replica.label == "ana@laptop")
    #expect(try again.teams().map(\.name) == ["Los Incas"])
  }

  @Test("a copied database file is detected and gets its own replica id")
  func copiedDatabaseGetsNewIdentity() throws {
    let dir = try TempDir()
    let original = dir.file("a.sqlite")
    let store = try TallerStore.open(path: original)
    _ = try store.createTeam(name: "Los Incas")
    try store.checkpoint()
    try FileManager.default.copyItem(atPath: original, toPath: dir.file("b.sqlite"))
    let copy = try TallerStore.open(path: dir.file("b.sqlite"))
    #expect(copy.replica.id != store.replica.id)
    #expect(copy.replica.copiedFrom == store.replica.id)
    // The copy keeps the data, and writes under its own id from seq 1: first the joins that
    // carry its origin's rights over, then its own work.
    #expect(try copy.teams().map(\.name) == ["Los Incas"])
    _ = try copy.createTeam(name: "Los Andes")
    let mine = try copy.changes().filter { $0.replica == copy.replica.id }
    #expect(mine.map(\.seq) == [1, 2])
    #expect(mine[0].prev == nil)
    #expect(try copy.isWriter(teamID: try #require(try copy.teams().first { $0.name == "Los Incas" }).id))
    // The original is not confused by the copy.
    #expect(try TallerStore.open(path: original).replica.id == store.replica.id)
  }

  @Test("every action is one change with per-replica sequence numbers, a hash chain and a clock that only moves forward")
  func changeLog() throws {
    let clock = TestClock()
    let store = try TallerStore.inMemory(now: clock.now)
    let team = try store.createTeam(name: "Los Incas")
    clock.advance(-5000)  // a laptop clock jumping back must not reorder the log
    _ = try store.addMembers(teamID: team.id, names: ["Ana", "José"], limit: 3)
    _ = try store.renameTeam(id: team.id, to: "Los Incas del Sur")
    let changes = try store.changes()
    #expect(changes.map(\.seq) == [1, 2, 3])
    #expect(changes[0].prev == nil)
    #expect(changes[1].prev == Change.hash(ofBody: changes[0].body))
    #expect(changes[2].prev == Change.hash(ofBody: changes[1].body))
    #expect(changes[0].hlc < changes[1].hlc && changes[1].hlc < changes[2].hlc)
    // The first change founds the team (create, founder, name, size), then declares the
    // laptop's keys (create, key, label, sealing key): after the action, so its creates keep
    // their indexes.
    #expect(changes[0].ops.count == 8)
    // The rename overwrote exactly the value it saw.
    guard case .set(_, "name", _, let pred, _) = changes[2].ops[0] else {
      Issue.record("expected a set")
      return
    }
    #expect(pred == [OpID(replica: store.replica.id, seq: 1, index: 2)])
  }

  @Test("refused actions write nothing")
  func refusedWritesNothing() throws {
    let store = try TallerStore.inMemory()
    let team = try store.createTeam(name: "Los Incas")
    #expect(throws: TallerError.self) { try store.createTeam(name: "los íncas") }
    #expect(throws: TallerError.self) { try store.addMembers(teamID: team.id, names: ["A", "B", "C", "D"], limit: 3) }
    _ = try store.addMembers(teamID: team.id, names: ["Ana"], limit: 3)
    #expect(throws: TallerError.self) { try store.addMembers(teamID: team.id, names: ["ANA"], limit: 3) }
    #expect(throws: TallerError.self) { try store.removeMember(teamID: team.id, name: "Zoe") }
    #expect(try store.changeCount() == 2)
  }

  @Test("the state rebuilt from the log alone equals the live state, in any replay order", arguments: 0..<8)
  func rebuildEqualsLive(seed: UInt64) throws {
    var rng = SplitMix64(seed: seed)
    let store = try TallerStore.inMemory()
    var teamIDs: [String] = []
    for step in 0..<60 {
      switch rng.next() % 5 {
      case 0:
        if let t = try? store.createTeam(name: "Equipo \(step)") { teamIDs.append(t.id) }
      case 1 where !teamIDs.isEmpty:
        let id = teamIDs[Int(rng.next() % UInt64(teamIDs.count))]
        _ = try? store.renameTeam(id: id, to: "Renombrado \(step) ñ")
      case 2 where !teamIDs.isEmpty:
        let id = teamIDs[Int(rng.next() % UInt64(teamIDs.count))]
        _ = try? store.addMembers(teamID: id, names: ["Persona \(step)"], limit: 3)
      case 3 where !teamIDs.isEmpty:
        let id = teamIDs[Int(rng.next() % UInt64(teamIDs.count))]
        if let m = try store.team(id: id)?.members.first {
          _ = try store.removeMember(teamID: id, name: m.name)
        }
      default: break
      }
    }
    let live = try store.snapshot()
    let liveExport = live.exportJSON()
    try store.rebuildState()
    #expect(try store.snapshot() == live)
    // Replaying in a scrambled order gives the same state: merging logs is a set union.
    var order = rng
    let keys = Dictionary(uniqueKeysWithValues: try store.changes().map { ($0.seq, order.next()) })
    try store.rebuildState(order: { keys[$0.seq, default: 0] < keys[$1.seq, default: 0] })
    #expect(try store.snapshot() == live)
    #expect(try store.snapshot().exportJSON() == liveExport)
  }

  @Test("the state depends only on the set of changes: a pred naming another field's value, and two creates of one id, in every order")
  func applyOrderIndependent() throws {
    let x = Change(
      replica: "r1", seq: 1, hlc: HLC(millis: 10, counter: 0), author: "a", prev: nil,
      ops: [.create(entity: "e1", type: "item", parent: "p1"), .set(entity: "e1", field: "name", value: "Ana", pred: [], seen: [])])
    // Names the value of `name` in its pred, but writes `other`: that value stays.
    let y = Change(
      replica: "r2", seq: 1, hlc: HLC(millis: 11, counter: 0), author: "b", prev: nil,
      ops: [.set(entity: "e1", field: "other", value: "Bea", pred: [OpID(replica: "r1", seq: 1, index: 1)], seen: [])])
    // Creates the same id again (as two laptops starting one sheet do): the least (replica, seq)
    // is its creator, whatever the order.
    let z = Change(
      replica: "r0", seq: 1, hlc: HLC(millis: 12, counter: 0), author: "c", prev: nil,
      ops: [.create(entity: "e1", type: "item", parent: "p1")])
    let orders = [[x, y, z], [x, z, y], [y, x, z], [y, z, x], [z, x, y], [z, y, x]]
    var snapshots: [Snapshot] = []
    for order in orders {
      let store = try TallerStore.inMemory()
      try store.writer.write { db in
        for c in order { try TallerStore.insert(db, change: c, body: c.body) }
      }
      let creator = try store.writer.read { db in
        try Row.fetchOne(db, sql: "SELECT creator, creator_seq FROM entity WHERE id = 'e1'")
      }
      #expect(creator?["creator"] == "r0" && creator?["creator_seq"] == 1)
      // A create that claims another type or parent never changes them (trust keeps such a
      // change out of the state; the state tables refuse it too).
      let claim = Change(
        replica: "q", seq: 1, hlc: HLC(millis: 13, counter: 0), author: "d", prev: nil,
        ops: [.create(entity: "e1", type: "member", parent: "p2")])
      try store.writer.write { db in try TallerStore.applyChange(db, change: claim) }
      let e = try #require(try store.snapshot().entities.first { $0.id == "e1" })
      #expect(e.type == "item" && e.parent == "p1")
      #expect(e.fields["name"] == ["Ana"] && e.fields["other"] == ["Bea"])
      snapshots.append(try store.snapshot())
    }
    #expect(Set(snapshots.map { $0.exportJSON() }).count == 1)
  }

  @Test("the change log is append-only, enforced by the database")
  func appendOnly() throws {
    let store = try TallerStore.inMemory()
    _ = try store.createTeam(name: "Los Incas")
    // The view readers read, and the table under it.
    for table in ["change_log", "change_row"] {
      #expect(throws: (any Error).self) { try store.writer.write { try $0.execute(sql: "DELETE FROM \(table)") } }
      #expect(throws: (any Error).self) { try store.writer.write { try $0.execute(sql: "UPDATE \(table) SET body = 'x'") } }
    }
    #expect(try store.changeCount() > 0)
  }

  /// Change texts are kept packed and hashes as bytes; `change_log` reads them back exactly as
  /// they were hashed and sent, accents, escapes and long texts included.
  @Test("the change log gives back every change's text and hash exactly")
  func packedChanges() throws {
    let dir = try TempDir()
    let store = try TallerStore.open(path: dir.file("t.sqlite"))
    let team = try store.createTeam(name: "Los Añejos «único»")
    let long = (1...400).map { "Línea \($0): \"ñandú\" \\ \u{1F600}\t" }.joined(separator: "\n")
    let brand = try #require(try BuiltinContent.content.get().exercise("marca-peruana"))
    try store.setAnswers(teamID: team.id, def: brand, values: ["historia": .string(long), "marca": "x"])
    let rows = try store.writer.read { db in
      try Row.fetchAll(db, sql: "SELECT seq, typeof(body) AS t, length(hash) AS h, substr(body, 1, 1) AS f FROM change_row")
    }
    #expect(rows.allSatisfy { $0["t"] == "blob" && $0["h"] == 32 })
    // Every change after a replica's first leaves its `prev` to the row before.
    #expect(rows.allSatisfy { ($0["seq"] as Int64) == 1 || $0["f"] == Data([PackedText.formatWithoutPrev]) })
    for change in try store.changes() {
      let stored = try store.writer.read { db in
        try Row.fetchOne(
          db, sql: "SELECT body, hash FROM change_log WHERE replica = ? AND seq = ?", arguments: [change.replica, change.seq])
      }
      let body: String = try #require(stored?["body"])
      #expect(body == change.body)
      #expect(stored?["hash"] == Change.hash(ofBody: body))
    }
    #expect(try store.changes().contains { $0.body.contains("ñandú") })
  }

  @Test("the team kept between commands is always the team read afresh", arguments: 0..<4)
  func keptTeamIsCurrent(seed: UInt64) throws {
    var rng = SplitMix64(seed: seed)
    let dir = try TempDir()
    let path = dir.file("kept.sqlite")
    // `a` is the shell; `b` another process on the same file; `other` a laptop `a` imports from.
    let a = try TallerStore.open(path: path)
    let b = try TallerStore.open(path: path)
    let other = try TallerStore.inMemory(label: "otra")
    let brand = try #require(try BuiltinContent.content.get().exercise("marca-peruana"))
    let t1 = try a.createTeam(name: "Los Incas").id
    let t2 = try a.createTeam(name: "Los Moches").id
    let foreign = try other.createTeam(name: "Los Chimú").id
    func fresh(_ id: String) throws -> Team? { try a.teams().first { $0.id == id } }
    for step in 0..<80 {
      let id = rng.next() % 3 == 0 ? t2 : t1
      switch rng.next() % 9 {
      case 0: _ = try a.renameTeam(id: id, to: "Renombrado \(step) ñ")
      case 1: _ = try? a.addMembers(teamID: id, names: ["Persona \(step)"], limit: 4)
      case 2:
        if let m = try fresh(id)?.members.first { _ = try a.removeMember(teamID: id, name: m.name) }
      case 3: _ = try b.renameTeam(id: id, to: "Desde otro proceso \(step)")
      case 4: _ = try? b.addMembers(teamID: id, names: ["Otra \(step)"], limit: 4)
      case 5:
        _ = try other.renameTeam(id: foreign, to: "Chimú \(step)")
        if let bundle = try other.exportBundle(after: try a.versionVector()) { _ = try a.importBundle(bundle) }
      default: try a.setAnswers(teamID: id, def: brand, values: ["marca": .string("Marca \(step)")])
      }
      // Mostly the same team, as a shell reads it before each command; sometimes the others.
      for read in [t1, t1, rng.next() % 4 == 0 ? t2 : t1, rng.next() % 8 == 0 ? foreign : t1] {
        #expect(try a.team(id: read) == (try fresh(read)), "step \(step)")
      }
    }
  }

  @Test("two stores on one file write at once without errors or losses")
  func concurrentWriters() async throws {
    let dir = try TempDir()
    let path = dir.file("shared.sqlite")
    let a = try TallerStore.open(path: path)
    let b = try TallerStore.open(path: path)
    let team = try a.createTeam(name: "Los Incas")
    try await withThrowingTaskGroup(of: Void.self) { group in
      for (store, prefix) in [(a, "A"), (b, "B")] {
        group.addTask {
          for i in 0..<40 {
            _ = try store.renameTeam(id: team.id, to: "\(prefix) \(i)")
          }
        }
      }
      try await group.waitForAll()
    }
    #expect(try a.changeCount() == 81)
    let seqs = try a.changes().map(\.seq)
    #expect(Set(seqs).count == 81, "sequence numbers are never reused")
  }
}

@Suite("Refusing files that are not ours")
struct RefusalTests {
  static func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

  @Test("a text file is refused untouched")
  func textFile() throws {
    let dir = try TempDir()
    let path = dir.file("notes.txt")
    try "Hola, esto no es una base de datos.\n".write(toFile: path, atomically: true, encoding: .utf8)
    let before = try Self.bytes(path)
    #expect(throws: TallerError.database(Message.dbNotSQLite(file: path))) { try TallerStore.open(path: path) }
    #expect(try Self.bytes(path) == before)
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["notes.txt"])
  }

  @Test("another program's SQLite database is refused untouched")
  func foreignDatabase() throws {
    let dir = try TempDir()
    let path = dir.file("other.sqlite")
    try makeSQLite(path, sql: "CREATE TABLE t(x); INSERT INTO t VALUES (1);")
    let before = try Self.bytes(path)
    #expect(throws: TallerError.database(Message.dbForeign(file: path))) { try TallerStore.open(path: path) }
    #expect(try Self.bytes(path) == before)
  }

  @Test("a run that changes nothing leaves the file untouched; one that writes folds its log into it")
  func checkpointOnlyAfterWrites() throws {
    let dir = try TempDir()
    let path = dir.file("r.sqlite")
    let keys = KeyFolder(path: dir.file("keys"))
    do {
      let store = try TallerStore.open(path: path, keys: keys)
      _ = try store.createTeam(name: "Los Incas")
      try store.checkpoint()
    }
    func modified() throws -> Date? { try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date }
    let (when, bytes) = (try modified(), try Self.bytes(path))
    let again = try TallerStore.open(path: path, keys: keys)
    #expect(try again.teams().map(\.name) == ["Los Incas"])
    try again.checkpoint()
    #expect(try modified() == when, "a read-only run wrote to the database file")
    #expect(try Self.bytes(path) == bytes)
    // A run that writes leaves everything in the file alone: a copy of just that file holds it.
    _ = try again.createTeam(name: "Los Andes")
    try again.checkpoint()
    try FileManager.default.copyItem(atPath: path, toPath: dir.file("copy.sqlite"))
    let copy = try TallerStore.open(path: dir.file("copy.sqlite"), keys: keys)
    #expect(try copy.teams().map(\.name).sorted() == ["Los Andes", "Los Incas"])
  }

  @Test("what a snapshot reads once is read again by the next snapshot")
  func readOncePerSnapshot() throws {
    let store = try TallerStore.inMemory()
    _ = try store.createTeam(name: "Los Incas")
    let first = try store.inOneRead { () throws(TallerError) -> [[String]] in
      [try store.teams().map(\.name), try store.teams().map(\.name)]
    }
    _ = try store.createTeam(name: "Los Andes")
    let second = try store.inOneRead { () throws(TallerError) -> [String] in try store.teams().map(\.name) }
    #expect(first == [["Los Incas"], ["Los Incas"]])
    #expect(second.sorted() == ["Los Andes", "Los Incas"])
    #expect(try store.teams().count == 2)
  }

  @Test("each team's last change, read for the whole class at once")
  func lastChanges() throws {
    let clock = TestClock()
    let store = try TallerStore.inMemory(now: clock.now)
    let incas = try store.createTeam(name: "Los Incas")
    clock.advance(60_000)
    let andes = try store.createTeam(name: "Los Andes")
    clock.advance(60_000)
    let def = try #require(try BuiltinContent.content.get().exercise("marca-peruana"))
    try store.setAnswers(teamID: incas.id, def: def, values: ["marca": "Inca Kola"])
    let at = clock.now()
    clock.advance(60_000)
    let last = try store.lastChanges()
    #expect(last[incas.id] == at)
    #expect(try #require(last[andes.id]) < at)
    #expect(last.count == 2)
  }

  @Test("a database from a newer taller is refused untouched")
  func newerDatabase() throws {
    let dir = try TempDir()
    let path = dir.file("new.sqlite")
    let store = try TallerStore.open(path: path)
    _ = try store.createTeam(name: "Los Incas")
    try store.writer.write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('2099-01-01 from the future')") }
    try store.checkpoint()
    let before = try Self.bytes(path)
    #expect(throws: TallerError.database(Message.dbNewer(file: path, found: "2099-01-01 from the future"))) {
      try TallerStore.open(path: path)
    }
    #expect(try Self.bytes(path) == before)
    // The same file copied alone, without its write-ahead log (opening it to write would write).
    let alone = dir.file("alone.sqlite")
    try FileManager.default.copyItem(atPath: path, toPath: alone)
    #expect(!FileManager.default.fileExists(atPath: alone + "-wal"))
    #expect(throws: TallerError.database(Message.dbNewer(file: alone, found: "2099-01-01 from the future"))) {
      try TallerStore.open(path: alone)
    }
    #expect(try Self.bytes(alone) == before)
  }

  @Test("a damaged database is refused with the file named")
  func corruptDatabase() throws {
    let dir = try TempDir()
    let path = dir.file("broken.sqlite")
    let store = try TallerStore.open(path: path)
    _ = try store.createTeam(name: "Los Incas")
    try store.checkpoint()
    var data = try Self.bytes(path)
    // Keep the header, scribble over the schema page.
    for i in 100..<min(data.count, 4096) { data[i] = 0xA5 }
    try data.write(to: URL(fileURLWithPath: path))
    try? FileManager.default.removeItem(atPath: path + "-wal")
    try? FileManager.default.removeItem(atPath: path + "-shm")
    let before = try Self.bytes(path)
    do {
      _ = try TallerStore.open(path: path)
      Issue.record("a damaged file was opened")
    } catch {
      #expect(error.message.key == .dbCorrupt)
      #expect(error.message.text(.es).contains(path))
    }
    #expect(try Self.bytes(path) == before)
  }

  @Test("a folder is not a database")
  func folder() throws {
    let dir = try TempDir()
    #expect(throws: TallerError.database(Message.dbIsDirectory(file: dir.path))) { try TallerStore.open(path: dir.path) }
  }

  @Test("an empty file becomes a new database")
  func emptyFile() throws {
    let dir = try TempDir()
    let path = dir.file("empty.sqlite")
    _ = FileManager.default.createFile(atPath: path, contents: Data())
    let store = try TallerStore.open(path: path)
    _ = try store.createTeam(name: "Los Incas")
    #expect(try store.teams().count == 1)
  }
}

@Suite("Older databases")
struct UpgradeTests {
  /// Databases written by each earlier schema, kept as fixtures: they must open and keep their data.
  @Test(
    "fixture databases of every earlier schema open, with their data", arguments: ["schema-2026-11-22.sqlite", "schema-2026-11-22c.sqlite"])
  func olderDatabaseOpens(name: String) throws {
    let dir = try TempDir()
    let fixture = packageRoot.appendingPathComponent("Tests/TallerTests/Fixtures/\(name)")
    let path = dir.file(name)
    try FileManager.default.copyItem(atPath: fixture.path, toPath: path)
    let store = try TallerStore.open(path: path)
    let teams = try store.teams()
    #expect(teams.map(\.name) == ["Los Incas"])
    #expect(teams[0].members.map(\.name) == ["Ana Muñoz", "José Pérez"])
    // And it works as a current database afterwards.
    _ = try store.createTeam(name: "Los Andes")
    try store.rebuildState()
    #expect(try store.teams().count == 2)
  }

  /// A class database written by the release before the clustered tables (its third schema):
  /// two laptops, an invitation and a join, an edited list item, long text, a conflict, sessions.
  /// After the upgrade it holds the same state, byte for byte in `export json`, and a rebuild
  /// from its log agrees.
  @Test("a database of the third schema upgrades to the same state and conflicts")
  func thirdSchemaUpgrades() throws {
    let dir = try TempDir()
    let fixtures = packageRoot.appendingPathComponent("Tests/TallerTests/Fixtures")
    let path = dir.file("old.sqlite")
    try FileManager.default.copyItem(atPath: fixtures.appendingPathComponent("schema-2026-11-22c.sqlite").path, toPath: path)
    let expected = try String(contentsOf: fixtures.appendingPathComponent("schema-2026-11-22c.export.json"), encoding: .utf8)
    let store = try TallerStore.open(path: path)
    let conflicts = try store.conflicts()
    #expect(conflicts.count == 1)
    #expect(Set(conflicts.first?.values.map(\.value) ?? []) == ["Cusqueña", "Sublime"])
    let r = try runTaller(
      ["--db", path, "--lang", "es", "-c", "export json \(dir.file("new.json"))"], env: ["XDG_DATA_HOME": dir.file("xdg")])
    #expect(r.status == 0, "\(r.stderr)")
    // The same, but for the join by which this copy (a new identity) inherits its origin's rights.
    let upgraded = try StrictJSONParser.parse(try String(contentsOfFile: dir.file("new.json"), encoding: .utf8))
    #expect(withoutInheritance(upgraded) == (try StrictJSONParser.parse(expected)))
    let live = try store.snapshot()
    try store.rebuildState()
    #expect(try store.snapshot() == live)
  }
  /// A database of the schema before operations moved into the change bodies only (written by
  /// that release with `scripts/make-upgrade-fixture`): after the upgrade the new binary shows
  /// exactly what the old one showed — conflicts with their base, merged long text, lists with an
  /// edit and a move that beat deletes, the trash, sittings and attendance — and holds the same
  /// state; a rebuild from the log agrees, creators of entities included.
  @Test("a database of the fourth schema upgrades and shows exactly what the old release showed")
  func fourthSchemaUpgrades() throws {
    let dir = try TempDir()
    let fixtures = packageRoot.appendingPathComponent("Tests/TallerTests/Fixtures")
    let path = dir.file("look.sqlite")
    try FileManager.default.copyItem(atPath: fixtures.appendingPathComponent("schema-2026-11-23-a.sqlite").path, toPath: path)
    let expected = try String(contentsOf: fixtures.appendingPathComponent("schema-2026-11-23.expected"), encoding: .utf8)
    let now = try String(contentsOf: fixtures.appendingPathComponent("schema-2026-11-23.now"), encoding: .utf8)
      .trimmingCharacters(in: .whitespacesAndNewlines)
    let env = ["XDG_DATA_HOME": dir.file("xdg"), "TZ": "UTC", "TALLER_NOW": now]
    // Wording changed on purpose since that release (the data shown must not change).
    let reworded = [
      ("(restore N para recuperar)", "(restaurar N para recuperar)"),
      // A conflict now shows every value it holds.
      ("Sublime  ⚠ conflicto\n", "Sublime  ⚠ conflicto: \"Sublime\" / \"Cusqueña\"\n"),
    ]
    let expectedNow = reworded.reduce(expected) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
    // "### COMMAND" then what the old binary printed for it.
    let sections = expectedNow.components(separatedBy: "### ").dropFirst()
    #expect(sections.count >= 8)
    for section in sections {
      let command = String(section.prefix { $0 != "\n" })
      let shown = String(section.dropFirst(command.count + 1))
      let r = try runTaller(["--db", path, "--lang", "es", "-c", command], env: env)
      // The same words in the same order; only the layout (wrapping at the width, which that
      // release did not do) may differ. Table rules and borders are not words.
      func words(_ text: String) -> [String] {
        let rows = text.split(separator: "\n").map { line in
          line.split(separator: "|").map { $0.split(whereSeparator: \.isWhitespace).map(String.init) }
        }
        // Read a table's rows cell by cell (a cell's words wrap onto the row's next lines).
        var out: [String] = []
        var cells: [[String]] = []
        for cellsOfLine in rows {
          if cellsOfLine.count > 1 {
            if cells.count < cellsOfLine.count { cells += Array(repeating: [], count: cellsOfLine.count - cells.count) }
            for (i, c) in cellsOfLine.enumerated() { cells[i] += c }
          } else {
            out += cells.flatMap { $0 }
            cells = []
            out += (cellsOfLine.first ?? []).filter { !$0.allSatisfy { "+-".contains($0) } }
          }
        }
        return (out + cells.flatMap { $0 }).filter { !$0.allSatisfy { "+-".contains($0) } }
      }
      // Sittings are now numbered per laptop, named with their laptop when there are several
      // (this fixture's two come from two copies labelled alike): read those names as the
      // old numbers, in order of appearance.
      var seen: [String] = []
      let renumbered = words(r.stdout).map { w -> String in
        guard w.range(of: #"^\d+-[^ ]+-[0-9a-f]{4}$"#, options: .regularExpression) != nil else { return w }
        if !seen.contains(w) { seen.append(w) }
        return String((seen.firstIndex(of: w) ?? 0) + 1)
      }
      if command.hasPrefix("show puntos-contacto") {
        // The matrix gained a means column, red-zone marks and a count: every old word is still
        // there, in order (a red zone's "(2)" now reads "(2X)"; an empty cell's dot is ASCII).
        let new = renumbered.map { $0.replacingOccurrences(of: "X)", with: ")") }
        var rest = new[...]
        for w in words(shown) where w != "·" {
          guard let i = rest.firstIndex(of: w) else {
            Issue.record("\(command): \(w) missing in \(r.stdout)")
            break
          }
          rest = rest[(i + 1)...]
        }
      } else {
        #expect(renumbered == words(shown), "\(command): \(r.stdout)")
      }
    }
    try expectSameExport(path, as: fixtures.appendingPathComponent("schema-2026-11-23.export.json"), in: dir, env: env)
    let store = try TallerStore.open(path: path)
    let entities = "SELECT id, type, parent, creator, creator_seq FROM entity ORDER BY id"
    let live = try store.snapshot()
    let liveEntities = try store.writer.read { try Row.fetchAll($0, sql: entities) }
    try store.rebuildState()
    #expect(try store.snapshot() == live)
    #expect(try store.writer.read { try Row.fetchAll($0, sql: entities) } == liveEntities)
    #expect(try store.writer.read { try String.fetchOne($0, sql: "SELECT name FROM sqlite_schema WHERE name = 'op_log'") } == nil)
  }
  /// A database of the release before change texts were packed (written by that release with
  /// `scripts/make-upgrade-fixture`): after the upgrade its log reads back byte for byte as that
  /// release stored it (every text, hash, clock and author), the new binary shows exactly what
  /// the old one showed, its export is the same, and a rebuild from the packed log agrees.
  @Test("a database of the release before packed change texts keeps its log byte for byte")
  func packedTextsUpgrade() throws {
    let dir = try TempDir()
    let fixtures = packageRoot.appendingPathComponent("Tests/TallerTests/Fixtures")
    let path = dir.file("look.sqlite")
    try FileManager.default.copyItem(atPath: fixtures.appendingPathComponent("schema-2026-12-02-a.sqlite").path, toPath: path)
    let log = "SELECT replica, seq, hlc_ms, hlc_c, author, hash, body FROM change_log ORDER BY replica, seq"
    let before = try DatabaseQueue(path: path).read { try Row.fetchAll($0, sql: log) }
    #expect(before.count > 15)
    let now = try String(contentsOf: fixtures.appendingPathComponent("schema-2026-12-02.now"), encoding: .utf8)
      .trimmingCharacters(in: .whitespacesAndNewlines)
    let env = ["XDG_DATA_HOME": dir.file("xdg"), "TZ": "UTC", "TALLER_NOW": now]
    let expected = try String(contentsOf: fixtures.appendingPathComponent("schema-2026-12-02.expected"), encoding: .utf8)
    let sections = expected.components(separatedBy: "### ").dropFirst()
    #expect(sections.count >= 8)
    for section in sections {
      let command = String(section.prefix { $0 != "\n" })
      let r = try runTaller(["--db", path, "--lang", "es", "-c", command], env: env)
      #expect(r.stdout == String(section.dropFirst(command.count + 1)), "\(command)")
    }
    let store = try TallerStore.open(path: path)
    #expect(try store.writer.read { try Row.fetchAll($0, sql: log) } == before)
    #expect(try store.writer.read { try String.fetchAll($0, sql: "SELECT DISTINCT typeof(body) FROM change_row") } == ["blob"])
    try expectSameExport(path, as: fixtures.appendingPathComponent("schema-2026-12-02.export.json"), in: dir, env: env)
    let live = try store.snapshot()
    try store.rebuildState()
    #expect(try store.snapshot() == live)
  }
  /// A database of the release before typed local state (written by that release with
  /// `scripts/make-local-state-fixture`): every local setting it held as a string — the current
  /// team and language, the walk's place inside a list item, a running time box, the sitting a
  /// script left open, what was sent to a folder and to a git remote — is in its typed table
  /// after the upgrade, and the old table is gone.
  @Test("local settings of the previous release carry over into typed tables")
  func localSettingsCarryOver() throws {
    let dir = try TempDir()
    let fixtures = packageRoot.appendingPathComponent("Tests/TallerTests/Fixtures")
    let path = dir.file("local.sqlite")
    try FileManager.default.copyItem(atPath: fixtures.appendingPathComponent("local-state-2026-12-01.sqlite").path, toPath: path)
    var old: [String: String] = [:]
    for line in try String(contentsOf: fixtures.appendingPathComponent("local-state-2026-12-01.settings"), encoding: .utf8)
      .split(separator: "\n")
    {
      let kv = line.split(separator: "\t", maxSplits: 1).map(String.init)
      old[kv[0]] = kv[1]
    }
    #expect(old.count == 7)
    let store = try TallerStore.open(path: path)
    let team = try #require(old["current_team"])
    #expect(try store.currentTeam() == team)
    #expect(try store.language() == .es)
    let cursor = try #require(old["cursor.\(team)"]).split(separator: "|").map(String.init)
    #expect(try store.walk(team: team) == WalkPosition(exercise: cursor[0], field: Int(cursor[1])!, item: cursor[2], sub: Int(cursor[3])))
    let timer = try #require(old["timer.\(team).puntos-contacto.mapa"]).split(separator: "|").map(String.init)
    let box = try #require(try store.timeBox(team: team, exercise: "puntos-contacto", step: "mapa"))
    #expect(box.deadline == Int64(timer[0])! + Int64(timer[1])! * 60_000)
    #expect(box.minutes == Int(timer[1])! && !box.paused && !box.warned && !box.rang)
    let open = try #require(old["session.open.\(team)"]).split(separator: "|").map(String.init)
    #expect(try store.openSitting(team: team) == OpenSitting(session: open[0], pid: Int32(open[1])!, detached: true))
    for (key, value) in old where key.hasPrefix("sync.exported.") {
      let rest = String(key.dropFirst("sync.exported.".count))
      let destination: Destination = rest.hasPrefix("git:") ? .git(String(rest.dropFirst(4))) : .folder(rest)
      let vector = try #require(try StrictJSONParser.parse(value).objectValue).mapValues { $0.intValue }
      #expect(try store.sent(to: destination).mapValues { Optional($0) } == vector, "\(key)")
    }
    #expect(try store.writer.read { try String.fetchOne($0, sql: "SELECT name FROM sqlite_schema WHERE name = 'local_setting'") } == nil)
    // The binary reads them: the time box, five minutes on, has fifteen left.
    let env = ["XDG_DATA_HOME": dir.file("xdg"), "TZ": "UTC", "TALLER_NOW": String(Int64(timer[0])! + 5 * 60_000)]
    let r = try runTaller(["--db", path, "-c", "timer"], env: env)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("15:00"), "\(r.stdout)")
  }
}

/// An `export json` without the joins by which a copied database (a new identity) inherits its
/// origin's rights: they name the copy's random id, so no two copies write the same ones.
/// `export json` of the database at `path` says what the old release's export (`fixture`) said,
/// both without the joins by which a copy (a new identity: its key stayed with the laptop that
/// wrote it) inherits its origin's rights.
func expectSameExport(_ path: String, as fixture: URL, in dir: TempDir, env: [String: String]) throws {
  let r = try runTaller(["--db", path, "-c", "export json \(dir.file("new.json"))"], env: env)
  #expect(r.status == 0, "\(r.stderr)")
  let old = try StrictJSONParser.parse(try String(contentsOf: fixture, encoding: .utf8))
  let new = try StrictJSONParser.parse(try String(contentsOfFile: dir.file("new.json"), encoding: .utf8))
  #expect(withoutInheritance(new) == withoutInheritance(old))
}

func withoutInheritance(_ v: JSONValue) -> JSONValue {
  switch v {
  case .object(let o): return .object(o.mapValues(withoutInheritance))
  case .array(let a): return .array(a.filter { $0["fields"]?["from"] == nil }.map(withoutInheritance))
  default: return v
  }
}

/// A small deterministic random generator for tests.
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// Writes a plain SQLite file with the sqlite3 C API through the store's test hook.
func makeSQLite(_ path: String, sql: String) throws {
  try TallerStore.makePlainSQLite(path: path, sql: sql)
}
