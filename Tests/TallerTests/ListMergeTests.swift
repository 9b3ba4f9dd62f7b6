import Foundation
import GRDB
import Testing

@testable import TallerCore
@testable import TallerStore

/// Lists, removals and quarantine after merges (issue 13): concurrent moves into one gap, moves in
/// every direction afterwards, databases that already hold equal positions, and changes whose
/// writer's authority arrives later, in any order of files.
@Suite("Lists and quarantine after merges")
struct ListMergeTests {
  let content = try! BuiltinContent.content.get()
  var points: ExerciseDef { content.exercise("puntos-contacto")! }

  func laptop(_ i: Int, _ clock: TestClock) throws -> TallerStore {
    try TallerStore.inMemory(
      replicaID: String(format: "%08d-0000-4000-8000-00000000000a", i), label: "laptop-\(i)", now: clock.now,
      newID: { () -> @Sendable () -> String in
        let c = Counter()
        return { String(format: "%08d-0000-4000-8000-%012d", i, c.next()) }
      }())
  }

  /// Hands `from`'s new changes to `to` as a real bundle file.
  func send(_ from: TallerStore, _ to: TallerStore, _ dir: TempDir) throws {
    guard let bundle = try from.exportBundle(after: [:]) else { return }
    let path = dir.file(bundle.fileName())
    try bundle.encode().write(toFile: path, atomically: true, encoding: .utf8)
    _ = try withDeadline("import") { try to.importFile(path: path) }
  }

  func names(_ s: TallerStore, _ team: String) throws -> [String] {
    try s.sheet(teamID: team, exercise: "puntos-contacto").items("puntos").map { $0.values["nombre"]?.stringValue ?? "?" }
  }

  @Test("A and B move items into one gap three times over, exchange files, and every move afterwards ends where it was asked")
  func concurrentMovesIntoOneGap() throws {
    let clock = TestClock()
    let dir = try TempDir()
    let a = try laptop(1, clock)
    let b = try laptop(2, clock)
    let team = try a.createTeam(name: "Kusi").id
    for i in 1...5 {
      _ = try a.addItem(teamID: team, def: points, list: "puntos", values: ["nombre": .string("P\(i)"), "valoracion": .int(3)])
    }
    let (invite, secret) = try a.createInvite(for: team)
    try send(a, b, dir)
    try b.joinTeam(teamID: team, invite: invite, secret: secret)
    try send(b, a, dir)
    for _ in 0..<3 {
      clock.advance(1000)
      // `move puntos-contacto.puntos 1 4` on A, `move … 2 4` on B, at once.
      let ia = try a.sheet(teamID: team, exercise: "puntos-contacto").items("puntos")
      let ib = try b.sheet(teamID: team, exercise: "puntos-contacto").items("puntos")
      try withDeadline("move on A") { try a.moveItem(itemID: ia[0].id, toIndex: 3) }
      try withDeadline("move on B") { try b.moveItem(itemID: ib[1].id, toIndex: 3) }
      try send(a, b, dir)
      try send(b, a, dir)
    }
    #expect(try names(a, team) == names(b, team))
    let positions = try a.sheet(teamID: team, exercise: "puntos-contacto").items("puntos").map(\.position)
    #expect(Set(positions).count == 5, "equal positions: \(positions)")
    // Then every move, in every direction, on both laptops.
    for s in [a, b] {
      for from in 0..<5 {
        for to in 0..<5 where to != from {
          var expected = try names(s, team)
          let items = try s.sheet(teamID: team, exercise: "puntos-contacto").items("puntos")
          try withDeadline("move \(from + 1) \(to + 1)", seconds: 10) { try s.moveItem(itemID: items[from].id, toIndex: to) }
          expected.insert(expected.remove(at: from), at: to)
          #expect(try names(s, team) == expected, "move \(from + 1) \(to + 1)")
        }
      }
    }
    try send(a, b, dir)
    try send(b, a, dir)
    #expect(try names(a, team) == names(b, team))
  }

  /// Databases written by the release before the position rule (scripts/make-ties-fixture): two
  /// pairs of items at equal positions after concurrent moves.
  @Test("databases holding equal positions open, show the same order on both laptops, and accept every move")
  func equalPositionsUpgrade() throws {
    let dir = try TempDir()
    let fixtures = packageRoot.appendingPathComponent("Tests/TallerTests/Fixtures")
    let order = try String(contentsOf: fixtures.appendingPathComponent("ties-2026-12-01.order"), encoding: .utf8)
      .split(separator: "\n").map(String.init)
    for laptop in ["a", "b"] {
      let path = dir.file("\(laptop).sqlite")
      try FileManager.default.copyItem(atPath: fixtures.appendingPathComponent("ties-2026-12-01-\(laptop).sqlite").path, toPath: path)
      let env = ["XDG_DATA_HOME": dir.file("xdg"), "TZ": "UTC"]
      let shown = try runTaller(["--db", path, "--lang", "es", "-c", "show puntos-contacto"], env: env, timeout: 30)
      #expect(shown.status == 0, "\(shown.stderr)")
      // Opened here with the binary's key folder: the same laptop.
      let store = try TallerStore.open(path: path, keys: KeyFolder(path: dir.file("xdg") + "/taller/keys"))
      let team = try #require(try store.teams().first).id
      let positions = try store.sheet(teamID: team, exercise: "puntos-contacto").items("puntos").map(\.position)
      #expect(Set(positions).count < positions.count, "the fixture holds equal positions")
      #expect(try names(store, team) == order, "laptop \(laptop)")
      // `move` in every direction, through the binary: each ends, and does what it says.
      var expected = order
      for from in 1...5 {
        for to in 1...5 where to != from {
          let r = try runTaller(["--db", path, "--lang", "es", "-c", "move puntos-contacto.puntos \(from) \(to)"], env: env, timeout: 30)
          #expect(r.status == 0, "move \(from) \(to) on \(laptop): \(r.stderr)")
          expected.insert(expected.remove(at: from - 1), at: to - 1)
          #expect(try names(store, team) == expected, "move \(from) \(to) on \(laptop)")
        }
      }
    }
  }

  /// A founds the team, B joins with A's invitation, C with B's; C writes. Whoever receives C's
  /// changes before B's invitation keeps them in quarantine until it arrives; C's change before
  /// C's own join waits for it. In every order of the files, nothing stays in quarantine.
  @Test("a change whose writer's authority arrives later is applied when it arrives, in any order of files", arguments: 0..<6)
  func quarantineClears(order: Int) throws {
    let clock = TestClock()
    let a = try laptop(1, clock)
    let b = try laptop(2, clock)
    let c = try laptop(3, clock)
    let team = try a.createTeam(name: "Kusi").id
    let (inviteB, secretB) = try a.createInvite(for: team)
    _ = try b.importChanges(try a.changeBodies(after: [:]).map(\.body))
    try b.joinTeam(teamID: team, invite: inviteB, secret: secretB)
    let (inviteC, secretC) = try b.createInvite(for: team)
    _ = try c.importChanges(try b.changeBodies(after: [:]).map(\.body))
    try c.joinTeam(teamID: team, invite: inviteC, secret: secretC)
    _ = try c.addItem(teamID: team, def: points, list: "puntos", values: ["nombre": "Cajero"])
    try c.setAnswers(teamID: team, def: content.exercise("marca-peruana")!, values: ["marca": "Inca Kola"])
    // Each laptop's own changes, and C's split so that its writes can come before its join.
    func own(_ s: TallerStore) throws -> [String] {
      try s.changeBodies(after: [:]).filter { $0.replica == s.replica.id }.map(\.body)
    }
    let cAll = try own(c)
    let files = [try own(a), try own(b), Array(cAll.prefix(1)), Array(cAll.dropFirst())]
    let permutations = [[3, 2, 1, 0], [2, 3, 0, 1], [3, 0, 2, 1], [1, 3, 0, 2], [3, 1, 2, 0], [0, 3, 2, 1]]
    for receiver in [try laptop(4, clock), a] {
      for i in permutations[order] { _ = try receiver.importChanges(files[i]) }
      #expect(try receiver.quarantined().isEmpty, "order \(permutations[order])")
      #expect(try receiver.waiting().isEmpty)
      #expect(try receiver.sheet(teamID: team, exercise: "puntos-contacto").items("puntos").map { $0.values["nombre"] } == ["Cajero"])
      #expect(try receiver.snapshot() == c.snapshot())
    }
  }

  @Test("a removal lists every value of the entity its writer had, merged ones and its own change's included")
  func removalCoversMergedValues() throws {
    let clock = TestClock()
    let a = try laptop(1, clock)
    let b = try laptop(2, clock)
    let team = try a.createTeam(name: "Kusi").id
    let item = try a.addItem(teamID: team, def: points, list: "puntos", values: ["nombre": "Cajero", "valoracion": .int(2)])
    let (invite, secret) = try a.createInvite(for: team)
    _ = try b.importChanges(try a.changeBodies(after: [:]).map(\.body))
    try b.joinTeam(teamID: team, invite: invite, secret: secret)
    // Concurrent edits of the item on both laptops, then a merge: A holds both names (a conflict).
    try a.editItem(itemID: item.id, values: ["nombre": "Caja"])
    try b.editItem(itemID: item.id, values: ["nombre": "Cajera", "nota": "colas"])
    _ = try a.importChanges(try b.changeBodies(after: [:]).map(\.body))
    let had = Set(try a.currentOps(entity: item.id).map(\.op))
    #expect(had.count >= 6)
    // Removed through the conflict on its name being resolved as … a removal of the whole item,
    // and through `remove`: both list every value A had.
    try a.removeItem(itemID: item.id)
    let seq = try #require(try a.versionVector()[a.replica.id])
    let change = try #require(try a.change(replica: a.replica.id, seq: seq))
    guard case .set(item.id, Field.deleted, .bool(true), _, let seen) = try #require(change.ops.first) else {
      Issue.record("not a removal: \(change.ops)")
      return
    }
    #expect(had.isSubset(of: Set(seen)))
    #expect(try a.sheet(teamID: team, exercise: "puntos-contacto").items("puntos").isEmpty)
    // A conflict resolved by picking "removed" removes the item for good.
    let c = try laptop(3, clock)
    _ = try c.importChanges(try a.changeBodies(after: [:]).map(\.body))
    try a.restoreItem(itemID: item.id)
    try b.removeItem(itemID: item.id)
    _ = try a.importChanges(try b.changeBodies(after: [:]).map(\.body))
    let conflict = try #require(try a.conflicts().first { $0.field == Field.deleted })
    try a.resolve(entity: item.id, field: Field.deleted, value: .bool(true))
    #expect(try a.sheet(teamID: team, exercise: "puntos-contacto").items("puntos").isEmpty, "\(conflict)")
    #expect(try a.trash(teamID: team, exercises: ["puntos-contacto"]).map(\.item.id) == [item.id])
  }
}
