import Foundation
import Testing

@testable import TallerCore
@testable import TallerShell
@testable import TallerStore

/// Rewrites a bundle's text after `edit`, recomputing its end line, so only the signatures can
/// tell (what a forger who knows the format would do).
func reseal(_ text: String, _ edit: (inout [String]) -> Void) -> Data {
  var lines = text.split(separator: "\n").map(String.init)
  lines.removeLast()
  edit(&lines)
  let bodies = lines.dropFirst().filter { !$0.hasPrefix("{\"sig\":") }.count
  let covered = lines.map { $0 + "\n" }.joined()
  let end: JSONValue = .object(["end": true, "count": .int(Int64(bodies)), "sha256": .string(SyncBundle.sha256(covered))])
  return Data((covered + CanonicalJSON.encode(end) + "\n").utf8)
}

/// A change made by hand (as a modified program would), signed by `store`'s own key.
func forgedBundle(by store: TallerStore, ops: [Op], hlc: HLC = HLC(millis: 1_795_000_100_000, counter: 0)) -> SyncBundle {
  let declare: [Op] = [
    .create(entity: store.replica.id, type: "replica", parent: nil),
    .set(entity: store.replica.id, field: "key", value: .string(store.replica.publicKey), pred: [], seen: []),
  ]
  let change = Change(replica: store.replica.id, seq: 1, hlc: hlc, author: "intruso", prev: nil, ops: declare + ops)
  let body = change.body
  let hash = Change.hash(ofBody: body)
  let sig = Signing.sign(Signing.headMessage(replica: store.replica.id, seq: 1, hash: hash), privateKey: store.replica.signingKey)!
  return SyncBundle(
    writer: store.replica.id, writerLabel: "intruso", prerequisites: [:], bodies: [body],
    keys: [store.replica.id: store.replica.publicKey],
    signatures: [HeadSignature(replica: store.replica.id, seq: 1, hash: hash, signature: sig)])
}

@Suite("Signatures and who may change what")
struct TrustTests {
  @Test("bundles from before signatures (format 1) still import, in either order, to the state they gave then")
  func formatOne() throws {
    let dir = packageRoot.appendingPathComponent("Tests/TallerTests/Fixtures/bundles-v1")
    let expected = try String(contentsOf: dir.appendingPathComponent("expected-export.json"), encoding: .utf8)
    for order in [["01-laptop-1", "02-laptop-2"], ["02-laptop-2", "01-laptop-1"]] {
      let store = try TallerStore.inMemory()
      for name in order {
        let b = try SyncBundle.decode(try Data(contentsOf: dir.appendingPathComponent(name + ".taller.jsonl")))
        #expect(b.version == 1)
        _ = try store.importBundle(b)
      }
      #expect(try store.snapshot().exportJSON() == expected)
      let held = try store.quarantined()
      #expect(held.isEmpty, "\(held)")
    }
  }

  @Test("a bundle of format 2 written by the release before single-pass import still imports, signatures checked")
  func formatTwoFile() throws {
    let dir = packageRoot.appendingPathComponent("Tests/TallerTests/Fixtures/bundles-v2")
    let file = try #require(try FileManager.default.contentsOfDirectory(atPath: dir.path).first { $0.hasSuffix(".jsonl") })
    let store = try TallerStore.inMemory()
    let r = try store.importFile(path: dir.appendingPathComponent(file).path)
    #expect(r.newChanges == 11 && r.quarantined == 0 && r.waiting.isEmpty)
    let again = try store.importFile(path: dir.appendingPathComponent(file).path)
    #expect(again.newChanges == 0 && again.duplicates == 11)
    #expect(try store.conflicts().isEmpty)
    #expect(try store.teams().map(\.name) == ["Los Incas"])
  }

  @Test("a copied database keeps its origin's rights: its answers and grades are accepted elsewhere, with the origin's unexported changes")
  func copiedDatabaseInherits() throws {
    let dir = try TempDir()
    let (a, usb, usb2, fresh) = (dir.file("a.sqlite"), dir.file("usb.sqlite"), dir.file("usb2.sqlite"), dir.file("fresh.sqlite"))
    func run(_ db: String, _ cmd: String) throws -> RunResult {
      try runTaller(["--db", db, "--lang", "en", "-c", cmd], env: ["XDG_DATA_HOME": dir.file("xdg")])
    }
    #expect(try run(a, "team create Los Incas").status == 0)
    #expect(try run(a, "set marca-peruana.marca Inca Kola").status == 0)
    #expect(try run(a, "class create CEM").status == 0)
    #expect(try run(a, "class invite \(dir.file("inv"))").status == 0)
    let invite = try #require(try FileManager.default.contentsOfDirectory(atPath: dir.file("inv")).first)
    #expect(try run(a, "class join \(dir.file("inv"))/\(invite)").status == 0)
    try FileManager.default.copyItem(atPath: a, toPath: usb)
    let edit = try run(usb, "set marca-peruana.marca Sublime")
    #expect(edit.status == 0, "\(edit.stderr)")
    #expect(edit.stderr.contains("copied"))
    #expect(try run(usb, "grade 'Los Incas' empatia 15").status == 0)
    // A copy of the copy inherits in turn.
    try FileManager.default.copyItem(atPath: usb, toPath: usb2)
    #expect(try run(usb2, "member add Ana").status == 0)
    #expect(try run(usb2, "sync export \(dir.file("x"))").status == 0)
    // The copies' changes, and the origin's that only they carry, are accepted where they can
    // be read: on the origin (the team's founder and the class's instructor).
    let imported = try run(a, "sync import \(dir.file("x"))")
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(!imported.stdout.contains("quarantine"), "\(imported.stdout)")
    #expect(try run(a, "show marca-peruana").stdout.contains("Sublime"))
    #expect(try run(a, "team list").stdout.contains("1 member"))
    #expect(try run(a, "grades").stdout.contains("15"))
    // A stranger's laptop verifies the files and reads nothing of them.
    let stranger = try run(fresh, "sync import \(dir.file("x"))")
    #expect(stranger.status == 0 && stranger.stdout.contains("sealed for other laptops"), "\(stranger.stdout)")
    #expect(try run(fresh, "team use Los Incas").status == 1)
  }

  @Test("a changed change, a missing or moved signature, another key for a known laptop: refused, nothing applied")
  func forgedSignatures() throws {
    let clock = TestClock()
    let a = try Replica(1, clock: clock)
    a.run("team create Los Incas")
    a.run("set marca-peruana.marca Inca Kola")
    let text = String(decoding: try a.bundle(), as: UTF8.self)
    let b = try Replica(2, clock: clock)
    b.run("team create Otro")
    let before = (try b.store.snapshot(), try b.store.changeCount())
    let impostor = try TallerStore.inMemory(replicaID: a.store.replica.id)
    let cases: [(String, Data)] = [
      ("edited answer", reseal(text) { $0 = $0.map { $0.replacingOccurrences(of: "Inca Kola", with: "Cola Inca") } }),
      ("signature removed", reseal(text) { $0.removeAll { $0.hasPrefix("{\"sig\":") } }),
      ("change dropped from the middle", reseal(text) { $0.remove(at: 2) }),
      (
        "signature of another change than the last",
        {
          var b = try! SyncBundle.decode(Data(text.utf8))
          let first = try! Change(body: b.bodies[0])
          let hash = Change.hash(ofBody: b.bodies[0])
          let sig = Signing.sign(Signing.headMessage(replica: first.replica, seq: 1, hash: hash), privateKey: a.store.replica.signingKey)!
          b.signatures = [HeadSignature(replica: first.replica, seq: 1, hash: hash, signature: sig)]
          return Data(b.encode().utf8)
        }()
      ),
      (
        "impostor's key",
        reseal(text) { lines in lines[0] = lines[0].replacingOccurrences(of: a.store.replica.publicKey, with: impostor.replica.publicKey) }
      ),
    ]
    for (name, data) in cases {
      #expect(throws: (any Error).self, "\(name)") { try b.store.importBundle(try SyncBundle.decode(data)) }
    }
    #expect(try b.store.snapshot() == before.0)
    #expect(try b.store.changeCount() == before.1)
    // The genuine file still applies, and afterwards the impostor's own signed changes under the
    // same laptop id are a fork or another key: refused.
    _ = try b.store.importBundle(try SyncBundle.decode(Data(text.utf8)))
    #expect(try b.store.teams().map(\.name) == ["Los Incas", "Otro"])
    let fake = try impostor.createTeam(name: "Falso")
    _ = fake
    #expect(throws: TallerError.self) { try b.store.importBundle(try #require(try impostor.exportBundle(after: [:]))) }
    #expect(try b.store.teams().map(\.name) == ["Los Incas", "Otro"])
  }

  @Test("a laptop that is not of the team: its changes are quarantined, reported, never applied; a join releases nothing forged")
  func quarantine() throws {
    let clock = TestClock()
    let a = try Replica(1, clock: clock)
    a.run("team create Los Incas")
    a.run("set marca-peruana.marca Inca Kola")
    let team = try #require(try a.store.teams().first)
    let sheet = Sheet.id(team: team.id, exercise: "marca-peruana")
    // Laptop C got the team's data but never joined: taller itself refuses to write for it...
    let c = try Replica(3, clock: clock)
    try c.importing(try a.bundle())
    c.run("team use Los Incas")
    let refused = c.run("set marca-peruana.marca Pepsi")
    #expect(refused.errors.first?.contains("no puede cambiar los datos de") == true)
    // ...and a modified program's signed change is kept apart everywhere.
    let forged = forgedBundle(
      by: c.store,
      ops: [.set(entity: sheet, field: "marca", value: "Pepsi", pred: [], seen: []), .create(entity: "g1", type: "grade", parent: team.id)])
    let r = try a.store.importBundle(forged)
    #expect(r.newChanges == 1 && r.quarantined == 1)
    #expect(try a.store.sheet(teamID: team.id, exercise: "marca-peruana").values["marca"] == "Inca Kola")
    #expect(try a.store.conflicts().isEmpty)
    let held = try a.store.quarantined()
    #expect(held.count == 1 && held[0].author == "intruso")
    let status = a.run("sync status")
    #expect(status.output.contains("cuarentena"))
    // Relayed to another laptop, it stays quarantined there too (everyone decides the same).
    let b = try Replica(2, clock: clock)
    try b.joining(a, team: "Los Incas")
    #expect(try b.store.quarantined().count == 1)
    try a.importing(try b.bundle())
    #expect(try b.store.snapshot() == a.store.snapshot())
    // A rebuild from the log gives the same state (quarantined changes stay out).
    let live = try a.store.snapshot()
    try a.store.rebuildState()
    #expect(try a.store.snapshot() == live)
  }

  @Test("instructor-only data: a team may not write grades; the instructor of a class the team enrolled in may")
  func instructorOnly() throws {
    let clock = TestClock()
    let teacher = try Replica(9, clock: clock)
    let klass = try teacher.store.createClass(name: "CEM 2026-2")
    let (classInvite, classSecret) = try teacher.store.createInvite(for: klass.id)
    let a = try Replica(1, clock: clock)
    a.run("team create Los Incas")
    let team = try #require(try a.store.teams().first)
    try a.importing(try teacher.bundle())
    try a.store.enroll(teamID: team.id, classID: klass.id, invite: classInvite, secret: classSecret)
    try teacher.importing(try a.bundle())
    #expect(try teacher.store.classes().first?.teams == [team.id])
    // A grade written by the team's own laptop (a modified program) is quarantined...
    let g1 = StableID.make("grade", team.id, "g1")
    let forged = forgedBundle(
      by: try TallerStore.inMemory(),
      ops: [.create(entity: g1, type: "grade", parent: team.id), .set(entity: g1, field: "key", value: "g1", pred: [], seen: [])])
    #expect(try teacher.store.importBundle(forged).quarantined == 1)
    // ...the instructor's is applied, and reaches the team signed.
    let g2 = StableID.make("grade", team.id, "g2")
    #expect(throws: Never.self) {
      try teacher.store.act(author: nil) { _, draft in
        draft.ops.append(.create(entity: g2, type: "grade", parent: team.id))
        try draft.set(g2, "key", .string("g2"))
        try draft.set(g2, "score", .int(17))
      }
    }
    try a.importing(try teacher.bundle())
    #expect(try a.store.entityInfo(g2)?.type == "grade")
    // The instructor may also write the team's data (feedback), a stranger may not.
    #expect(try teacher.store.isWriter(teamID: team.id))
    #expect(try !Replica(5, clock: clock).store.isWriter(teamID: team.id))
  }

  @Test("three laptops of a team and the instructor, through a folder, in any order: one state, conflicts listed and resolvable")
  func classThroughFolder() throws {
    let dir = try TempDir()
    let share = dir.file("compartida")
    func run(_ db: String, _ script: String) throws -> RunResult {
      try runTaller(["--db", dir.file(db), "--lang", "en"], input: script, env: ["TZ": "UTC", "COLUMNS": "300"])
    }
    var r = try run("teacher.sqlite", "class create CEM 2026-2\nclass invite \(dir.file("hand"))\n")
    #expect(r.status == 0, "\(r.stderr)")
    let classInvite = try #require(
      try FileManager.default.contentsOfDirectory(atPath: dir.file("hand")).first { $0.hasSuffix(".taller-invite") })
    r = try run(
      "l1.sqlite",
      "team create Los Incas\nmember add Ana, José, Luz\nclass join \(dir.file("hand"))/\(classInvite)\nteam invite \(dir.file("team-l2.sqlite"))\nteam invite \(dir.file("team-l3.sqlite"))\nset marca-peruana.marca Inca Kola\nsync export \(share)\n"
    )
    #expect(r.status == 0, "\(r.stderr)")
    for db in ["l2.sqlite", "l3.sqlite"] {
      // One invitation per laptop: an invitation serves once.
      let teamInvite = try #require(try FileManager.default.contentsOfDirectory(atPath: dir.file("team-" + db)).first)
      r = try run(db, "team join \(dir.file("team-" + db))/\(teamInvite)\nset marca-peruana.marca Cusqueña \(db)\nsync export \(share)\n")
      #expect(r.status == 0, "\(r.stderr)")
    }
    // Everyone imports the folder (twice: nothing more happens), the instructor merges it.
    // Laptops 2 and 3 joined apart, so neither sealed for the other: once the founder has read
    // both and exports again (new readers: everything again), each reads the other's work.
    for db in ["l1.sqlite", "l2.sqlite", "l3.sqlite"] {
      #expect(try run(db, "sync import \(share)\nsync import \(share)\n").status == 0)
    }
    #expect(try run("l1.sqlite", "sync export \(share)\n").stdout.contains("sealed for 4 laptop(s)"))
    for db in ["l2.sqlite", "l3.sqlite"] { #expect(try run(db, "sync import \(share)\n").status == 0) }
    r = try run("teacher.sqlite", "class merge \(share)\n")
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("Los Incas"))
    #expect(!r.stdout.contains("quarantine"), "\(r.stdout)")
    // Per team, what came in; merging the same folder again brings nothing.
    #expect(r.stdout.range(of: #"\|\s*Los Incas\s*\|\s*[1-9][0-9]*\s*\|"#, options: .regularExpression) != nil, "\(r.stdout)")
    let again = try run("teacher.sqlite", "class merge \(share)\n")
    #expect(again.stdout.range(of: #"\|\s*Los Incas\s*\|\s*0\s*\|"#, options: .regularExpression) != nil, "\(again.stdout)")
    let exports = try ["l1.sqlite", "l2.sqlite", "l3.sqlite", "teacher.sqlite"].map { try run($0, "export json").stdout }
    #expect(Set(exports).count == 1, "every laptop and the instructor hold the same state")
    let conflicts = try run("l2.sqlite", "conflicts")
    #expect(conflicts.stdout.contains("Cusqueña l2.sqlite") && conflicts.stdout.contains("Cusqueña l3.sqlite"))
    let id = try #require(conflicts.stdout.split(separator: " ").first { $0.hasPrefix("c") && $0.count == 5 })
    #expect(try run("l2.sqlite", "conflict pick \(id) a\nsync export \(share)\n").status == 0)
    for db in ["l1.sqlite", "l3.sqlite", "teacher.sqlite"] { _ = try run(db, "sync import \(share)\n") }
    let after = try ["l1.sqlite", "l2.sqlite", "l3.sqlite", "teacher.sqlite"].map { try run($0, "export json").stdout }
    #expect(Set(after).count == 1)
    #expect(!after[0].contains("\"conflict\""))
  }
}

@Suite("Who reads a team's files")
struct ReadersTests {
  @Test("a removed laptop cannot open what is exported after its removal; only the founder removes")
  func removedLaptop() throws {
    let dir = try TempDir()
    func run(_ db: String, _ script: String) throws -> RunResult {
      try runTaller(["--db", dir.file(db), "--lang", "en"], input: script, env: ["COLUMNS": "300"])
    }
    #expect(try run("l1.sqlite", "team create Los Incas\n").status == 0)
    // One invitation per laptop: an invitation serves once.
    for db in ["l2.sqlite", "l3.sqlite"] {
      #expect(try run("l1.sqlite", "team invite \(dir.file("hand-" + db))\n").status == 0)
      let invite = try #require(try FileManager.default.contentsOfDirectory(atPath: dir.file("hand-" + db)).first)
      #expect(try run(db, "team join \(dir.file("hand-" + db))/\(invite)\nsync export \(dir.file("share"))\n").status == 0)
    }
    #expect(
      try run("l1.sqlite", "sync import \(dir.file("share"))\nset marca-peruana.marca Antes\nsync export \(dir.file("share"))\n").status
        == 0)
    #expect(try run("l2.sqlite", "sync import \(dir.file("share"))\nshow marca-peruana\n").stdout.contains("Antes"))
    #expect(try run("l3.sqlite", "sync import \(dir.file("share"))\n").status == 0)
    // Laptop 2 may not remove the founder, nor anyone.
    let l1ID = try TallerStore.open(path: dir.file("l1.sqlite")).replica.id
    let l2ID = try TallerStore.open(path: dir.file("l2.sqlite")).replica.id
    let refused = try run("l2.sqlite", "team remove-laptop \(l1ID.prefix(8))\n")
    #expect(refused.status == 1 && refused.stderr.contains("Only the laptop that founded the team"), "\(refused.stderr)")
    let removed = try run(
      "l1.sqlite",
      "team remove-laptop \(l2ID.prefix(8))\nset marca-peruana.marca Después\nsync export \(dir.file("later"))\nteam laptops\n")
    #expect(removed.status == 0, "\(removed.stderr)")
    #expect(removed.stdout.contains("is no longer in team") && removed.stdout.contains("(removed)"), "\(removed.stdout)")
    #expect(removed.stdout.contains("sealed for 2 laptop(s)"), "\(removed.stdout)")
    let after = try run("l2.sqlite", "sync import \(dir.file("later"))\nshow marca-peruana\n")
    #expect(after.stdout.contains("sealed for other laptops") && after.stdout.contains("Antes") && !after.stdout.contains("Después"))
    for file in ["l2.sqlite", "l2.sqlite-wal"] {
      let bytes = (try? Data(contentsOf: URL(fileURLWithPath: dir.file(file)))) ?? Data()
      #expect(bytes.range(of: Data("Después".utf8)) == nil, "\(file)")
    }
    // Laptop 3 had not seen the removal: its file is still sealed for laptop 2, and the founder
    // is told so when it imports it.
    #expect(try run("l3.sqlite", "set marca-peruana.de-que-trata Bebida\nsync export \(dir.file("concurrent"))\n").status == 0)
    let flagged = try run("l1.sqlite", "sync import \(dir.file("concurrent"))\n")
    #expect(
      flagged.stdout.contains("was also sealed for a laptop removed from the team") && flagged.stdout.contains(String(l2ID.prefix(8))),
      "\(flagged.stdout)")
    // `sync status` keeps saying so.
    let status = try run("l1.sqlite", "sync status\n")
    #expect(status.stdout.contains("was also sealed for a laptop removed from the team"), "\(status.stdout)")
  }
}

@Suite("Invitations")
struct InvitationTests {
  static let t0: Int64 = 1_795_000_000_000

  /// The founder's laptop, on its own clock from `t0`, with the team «Los Incas».
  static func foundedTeam() throws -> (Replica, TestClock, Team) {
    let clock = TestClock(t0)
    let a = try Replica(1, clock: clock)
    a.run("team create Los Incas")
    return (a, clock, try #require(try a.store.teams().first))
  }

  @Test("a join made after the invitation expired counts nowhere, whatever the joiner's laptop did; in time, it counts")
  func expiry() throws {
    let t0 = InvitationTests.t0
    let (a, founderClock, team) = try InvitationTests.foundedTeam()
    let (invite, secret) = try a.store.createInvite(for: team.id, expires: t0 + 30 * 60_000)
    // In time: accepted here and on the founder's laptop.
    let onTime = try Replica(2, clock: TestClock(t0 + 10 * 60_000))
    try onTime.importing(try a.bundle())
    try onTime.store.joinTeam(teamID: team.id, invite: invite, secret: secret)
    onTime.run("team use Los Incas")
    #expect(onTime.run("set marca-peruana.marca A tiempo").errors.isEmpty)
    // Late: refused on the joiner's laptop; forced through, refused by everyone else.
    let late = try Replica(3, clock: TestClock(t0 + 31 * 60_000))
    try late.importing(try a.bundle())
    #expect(throws: TallerError.self) { try late.store.joinTeam(teamID: team.id, invite: invite, secret: secret) }
    try late.store.joinTeam(teamID: team.id, invite: invite, secret: secret, checkExpiry: false)
    // Its own laptop does not take the late join as a right to write either.
    let brand = try #require(try BuiltinContent.content.get().exercise("marca-peruana"))
    #expect(throws: TallerError.self) { try late.store.setAnswers(teamID: team.id, def: brand, values: ["marca": .string("Tarde")]) }
    founderClock.advance(60 * 60_000)
    try a.importing(try onTime.bundle())
    try a.importing(try late.bundle())
    let marca = try a.store.sheet(teamID: team.id, exercise: "marca-peruana").values["marca"]?.stringValue
    #expect(marca == "A tiempo")
    #expect(try a.store.laptops(teamID: team.id).sorted() == [a.store.replica.id, onTime.store.replica.id].sorted())
    let list = try a.store.invitations(teamID: team.id)
    #expect(list.count == 1 && list[0].expires == t0 + 30 * 60_000)
    #expect(list[0].joined.contains(onTime.store.replica.id) && !list[0].joined.contains(late.store.replica.id))
  }

  @Test("a one-use invitation used by two laptops counts for the first joiner only, whatever order the files arrive in")
  func usedTwice() throws {
    let t0 = InvitationTests.t0
    let (a, founderClock, team) = try InvitationTests.foundedTeam()
    let (invite, secret) = try a.store.createInvite(for: team.id, expires: t0 + 120 * 60_000, once: true)
    let start = try a.bundle()
    // Two laptops hold the same file; neither knows of the other.
    let first = try Replica(2, clock: TestClock(t0 + 5 * 60_000))
    let second = try Replica(3, clock: TestClock(t0 + 10 * 60_000))
    for (r, answer) in [(first, "Primera"), (second, "Segunda")] {
      try r.importing(start)
      try r.store.joinTeam(teamID: team.id, invite: invite, secret: secret)
      r.run("team use Los Incas")
      #expect(r.run("set marca-peruana.marca \(answer)").errors.isEmpty)
      #expect(r.run("member add \(answer) Persona").errors.isEmpty)
    }
    founderClock.advance(20 * 60_000)
    // The founder takes the second laptop's file first: its work applies until the first
    // joiner's file arrives, then is judged again and kept in quarantine.
    try a.importing(try second.bundle())
    #expect(try a.store.sheet(teamID: team.id, exercise: "marca-peruana").values["marca"]?.stringValue == "Segunda")
    try a.importing(try first.bundle())
    func state(_ r: Replica) throws -> (String?, [String], [String]) {
      (
        try r.store.sheet(teamID: team.id, exercise: "marca-peruana").values["marca"]?.stringValue,
        (try r.store.team(id: team.id)?.members ?? []).map(\.name).sorted(), try r.store.laptops(teamID: team.id).sorted()
      )
    }
    let (marca, members, laptops) = try state(a)
    #expect(marca == "Primera")
    #expect(members == ["Primera Persona"])
    #expect(laptops == [a.store.replica.id, first.store.replica.id].sorted())
    #expect(try a.store.invitations(teamID: team.id).first?.joined == [first.store.replica.id])
    // Nothing is lost: the second laptop's changes stay in the log, quarantined.
    #expect(try a.store.quarantined().contains { $0.replica == second.store.replica.id })
    // Another laptop taking the files in the other order comes to the same state.
    let observer = try Replica(4, clock: TestClock(t0 + 30 * 60_000))
    try observer.importing(try first.bundle())
    try observer.importing(try second.bundle())
    try observer.importing(try a.bundle())
    let (m2, mem2, l2) = try state(observer)
    #expect(m2 == marca && mem2 == members && l2 == laptops)
    // The second laptop learns it: it may no longer change the team.
    try second.importing(try a.bundle())
    #expect(try !second.store.isWriter(teamID: team.id))
    // A laptop that knows the invitation was used is refused at once, storing nothing.
    let third = try Replica(5, clock: TestClock(t0 + 40 * 60_000))
    try third.importing(try a.bundle())
    #expect(throws: TallerError.refused(Message.inviteUsed)) {
      try third.store.joinTeam(teamID: team.id, invite: invite, secret: secret)
    }
  }

  @Test("a revoked invitation: a join made after the revocation counts nowhere; one made before stays; only the founder revokes")
  func revoked() throws {
    let t0 = InvitationTests.t0
    let (a, founderClock, team) = try InvitationTests.foundedTeam()
    let (open, openSecret) = try a.store.createInvite(for: team.id, expires: t0 + 120 * 60_000, once: true)
    let (used, usedSecret) = try a.store.createInvite(for: team.id, expires: t0 + 120 * 60_000, once: true)
    let start = try a.bundle()
    // Joined before the revocation: stays.
    let early = try Replica(2, clock: TestClock(t0 + 2 * 60_000))
    try early.importing(start)
    try early.store.joinTeam(teamID: team.id, invite: used, secret: usedSecret)
    early.run("team use Los Incas")
    #expect(early.run("set marca-peruana.marca Antes").errors.isEmpty)
    // A laptop of the team that is not its founder cannot revoke.
    #expect(throws: TallerError.refused(Message.inviteRevokeNotFounder)) {
      try early.store.revokeInvite(teamID: team.id, invite: open)
    }
    founderClock.advance(5 * 60_000)
    try a.store.revokeInvite(teamID: team.id, invite: open)
    try a.store.revokeInvite(teamID: team.id, invite: used)
    // Joined after the revocation, without knowing it: counts nowhere.
    let late = try Replica(3, clock: TestClock(t0 + 10 * 60_000))
    try late.importing(start)
    try late.store.joinTeam(teamID: team.id, invite: open, secret: openSecret)
    late.run("team use Los Incas")
    #expect(late.run("set marca-peruana.marca Después").errors.isEmpty)
    founderClock.advance(10 * 60_000)
    try a.importing(try late.bundle())
    try a.importing(try early.bundle())
    #expect(try a.store.sheet(teamID: team.id, exercise: "marca-peruana").values["marca"]?.stringValue == "Antes")
    #expect(try a.store.laptops(teamID: team.id).sorted() == [a.store.replica.id, early.store.replica.id].sorted())
    let list = try a.store.invitations(teamID: team.id)
    #expect(list.allSatisfy { $0.revoked != nil && !$0.isOpen(at: founderClock.now()) })
    // Knowing of the revocation, a laptop is refused at once.
    let knows = try Replica(4, clock: TestClock(t0 + 30 * 60_000))
    try knows.importing(try a.bundle())
    #expect(throws: TallerError.refused(Message.inviteRevoked)) {
      try knows.store.joinTeam(teamID: team.id, invite: open, secret: openSecret)
    }
  }

  @Test("a laptop removed by the founder: what it wrote before counts, what it writes after counts nowhere, in any order")
  func removedWriter() throws {
    let t0 = InvitationTests.t0
    let (a, founderClock, team) = try InvitationTests.foundedTeam()
    let bClock = TestClock(t0 + 60_000)
    let b = try Replica(2, clock: bClock)
    try b.joining(a, team: "Los Incas")
    #expect(b.run("set marca-peruana.marca Antes").errors.isEmpty)
    founderClock.advance(5 * 60_000)
    try a.importing(try b.bundle())
    let before = try b.bundle()
    #expect(a.run("team remove-laptop laptop-2").errors.isEmpty)
    // Not knowing, the removed laptop goes on writing: it counts nowhere.
    bClock.advance(10 * 60_000)
    #expect(b.run("set marca-peruana.historia Robada").errors.isEmpty)
    try a.importing(try b.bundle())
    let sheet = try a.store.sheet(teamID: team.id, exercise: "marca-peruana")
    #expect(sheet.values["marca"]?.stringValue == "Antes" && sheet.values["historia"] == nil)
    // `sync status` says why, in the person's language.
    let status = a.run("sync status").output
    #expect(status.contains("esa laptop no puede cambiar") || status.contains("that laptop may not change"), "\(status)")
    // Same on a laptop that took the removed laptop's files before the founder's.
    let observer = try Replica(3, clock: TestClock(t0 + 30 * 60_000))
    try observer.importing(before)
    try observer.importing(try b.bundle())
    try observer.importing(try a.bundle())
    let seen = try observer.store.sheet(teamID: team.id, exercise: "marca-peruana")
    #expect(seen.values["marca"]?.stringValue == "Antes" && seen.values["historia"] == nil)
    // The removed laptop, once it knows, is told why it cannot write.
    try b.importing(try a.bundle())
    let refused = b.run("set marca-peruana.marca Otra")
    #expect(
      refused.errors.first?.contains("was removed from team") == true || refused.errors.first?.contains("fue quitada") == true,
      "\(refused.errors)")
  }

  @Test("a code read aloud opens the invitation waiting sealed in the shared folder, once; both screens show the same words")
  func code() throws {
    #expect(InvitationCode("k7qm 2xwd-9fja")?.display == "K7QM-2XWD-9FJA")
    #expect(InvitationCode("O1IL-UUUU-0000")?.symbols == "0111VVVV0000")
    #expect(InvitationCode("K7QM-2XWD") == nil && InvitationCode("K7QM-2XWD-9FJ*") == nil)
    let dir = try TempDir()
    func run(_ db: String, _ script: String) throws -> RunResult {
      try runTaller(["--db", dir.file(db), "--lang", "en"], input: script, env: ["COLUMNS": "300"])
    }
    let made = try run("a.sqlite", "team create Los Incas\nset marca-peruana.marca Inca Kola\nteam invite \(dir.file("share")) --code\n")
    #expect(made.status == 0, "\(made.stderr)")
    let code = try #require(
      made.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.first { InvitationCode($0) != nil })
    let words = try #require(made.stdout.components(separatedBy: "Check words: ").last?.prefix { $0 != "." })
    // The folder holds the invitation sealed: no name, no answer in it.
    let files = try FileManager.default.contentsOfDirectory(atPath: dir.file("share"))
    #expect(files.count == 1 && files[0].hasSuffix(".taller-code"))
    let sealed = try Data(contentsOf: URL(fileURLWithPath: dir.file("share/" + files[0])))
    #expect(sealed.range(of: Data("Inca".utf8)) == nil && sealed.range(of: Data("secret".utf8)) == nil)
    // A wrong code opens nothing and stores nothing.
    _ = try run("b.sqlite", "version\n")
    let before = try Data(contentsOf: URL(fileURLWithPath: dir.file("b.sqlite")))
    let wrong = try runTaller(["--db", dir.file("b.sqlite"), "--lang", "en", "-c", "team join ABCD-EFGH-JKMN \(dir.file("share"))"])
    #expect(wrong.status == 1 && wrong.stderr.contains("No invitation in folder"), "\(wrong.stderr)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: dir.file("b.sqlite"))) == before)
    // The right one, typed in lower case without dashes: joined, the same words.
    let typed = code.lowercased().replacingOccurrences(of: "-", with: "")
    let joined = try run("b.sqlite", "team join \(typed) \(dir.file("share"))\nshow marca-peruana\n")
    #expect(
      joined.status == 0 && joined.stdout.contains("Check words: \(words)") && joined.stdout.contains("Inca Kola"), "\(joined.stdout)")
    // Used: gone from the folder, so a second laptop cannot try it.
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.file("share")).isEmpty)
    let again = try run("c.sqlite", "team join \(code) \(dir.file("share"))\n")
    #expect(again.status == 1 && again.stderr.contains("No invitation in folder"))
  }

  @Test("an admission serves only the laptop that asked: another laptop cannot use it and stores nothing; both screens show the same words")
  func admission() throws {
    let dir = try TempDir()
    func run(_ db: String, _ script: String) throws -> RunResult {
      try runTaller(["--db", dir.file(db), "--lang", "en"], input: script, env: ["COLUMNS": "300"])
    }
    #expect(try run("a.sqlite", "team create Los Incas\nset marca-peruana.marca Inca Kola\n").status == 0)
    let asked = try run("d.sqlite", "team request-join \(dir.file("share"))\n")
    #expect(asked.status == 0, "\(asked.stderr)")
    let request = try #require(try FileManager.default.contentsOfDirectory(atPath: dir.file("share")).first)
    let words = try #require(asked.stdout.components(separatedBy: "same words: ").last?.trimmingCharacters(in: .whitespacesAndNewlines))
    #expect(words.split(separator: " ").count == 3)
    // The request holds no secret: it may sit in the shared folder.
    let requestText = try String(contentsOfFile: dir.file("share/" + request), encoding: .utf8)
    #expect(!requestText.contains("Inca") && requestText.contains("taller-request"))
    let admitted = try run("a.sqlite", "team admit \(dir.file("share"))/\(request) --minutes 30\n")
    #expect(admitted.status == 0 && admitted.stdout.contains("same words: " + words), "\(admitted.stdout) \(admitted.stderr)")
    let admission = try #require(
      try FileManager.default.contentsOfDirectory(atPath: dir.file("share")).first { $0.hasSuffix(".taller-admit") })
    #expect(try Data(contentsOf: URL(fileURLWithPath: dir.file("share/" + admission))).range(of: Data("Inca".utf8)) == nil)
    // Another laptop cannot use it, and stores nothing.
    _ = try run("e.sqlite", "team create Otro\n")
    let before = try Data(contentsOf: URL(fileURLWithPath: dir.file("e.sqlite")))
    let other = try runTaller(["--db", dir.file("e.sqlite"), "--lang", "en", "-c", "team join \(dir.file("share"))/\(admission)"])
    #expect(other.status == 1 && other.stderr.contains("only the laptop that asked to join can use it"), "\(other.stderr)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: dir.file("e.sqlite"))) == before)
    // The laptop that asked joins, writes, and its work counts on the team's laptops.
    let joined = try run(
      "d.sqlite", "team join \(dir.file("share"))/\(admission)\nset marca-peruana.marca Desde D\nsync export \(dir.file("out"))\n")
    #expect(joined.status == 0, "\(joined.stderr)")
    let seen = try run("a.sqlite", "sync import \(dir.file("out"))\nshow marca-peruana\nteam invitations\n")
    #expect(seen.stdout.contains("Desde D") && seen.stdout.contains("joined: "), "\(seen.stdout)")
    // A request that was changed on the way is refused.
    try requestText.replacingOccurrences(of: "\"label\":\"", with: "\"label\":\"X").write(
      toFile: dir.file("forged.taller-request"), atomically: true, encoding: .utf8)
    let forged = try run("a.sqlite", "team admit \(dir.file("forged.taller-request"))\n")
    #expect(forged.status == 1 && forged.stderr.contains("is not a valid request"), "\(forged.stderr)")
  }

  @Test("a class invitation written after grading is the same invitation and carries no grade; a late team still enrols with it")
  func classInvitationCarriesNoGrades() throws {
    let dir = try TempDir()
    func run(_ db: String, _ script: String) throws -> RunResult {
      try runTaller(["--db", dir.file(db), "--lang", "en"], input: script, env: ["COLUMNS": "300"])
    }
    #expect(try run("prof.sqlite", "class create CEM\nclass invite \(dir.file("hand1"))\n").status == 0)
    let first = try #require(try FileManager.default.contentsOfDirectory(atPath: dir.file("hand1")).first)
    #expect(
      try run("a.sqlite", "team create Los Incas\nclass join \(dir.file("hand1"))/\(first)\nsync export \(dir.file("in"))\n").status == 0)
    let graded = try run(
      "prof.sqlite", "class merge \(dir.file("in"))\ngrade Los Incas final 17 Excelente\nclass invite \(dir.file("hand2"))\n")
    #expect(graded.status == 0, "\(graded.stderr)")
    let second = try #require(try FileManager.default.contentsOfDirectory(atPath: dir.file("hand2")).first)
    #expect(second == first, "the same invitation")
    let text = try String(contentsOfFile: dir.file("hand2/" + second), encoding: .utf8)
    #expect(!text.contains("Excelente") && !text.contains("Los Incas") && !text.contains("\"score\""))
    #expect(
      try run("b.sqlite", "team create Los Andes\nclass join \(dir.file("hand2"))/\(second)\nsync export \(dir.file("in"))\n").status == 0)
    let merged = try run("prof.sqlite", "class merge \(dir.file("in"))\n")
    #expect(
      merged.stdout.range(of: #"\|\s*Los Andes\s*\|\s*[0-9]+\s*\|\s*0\s*\|\s*yes"#, options: .regularExpression) != nil, "\(merged.stdout)")
  }

  @Test("a join signed for another laptop's id (a swapped joiner key) counts nowhere")
  func swappedJoiner() throws {
    let clock = TestClock()
    let a = try Replica(1, clock: clock)
    a.run("team create Los Incas")
    let team = try #require(try a.store.teams().first)
    let (invite, secret) = try a.store.createInvite(for: team.id, expires: clock.now() + 60 * 60_000)
    let b = try Replica(2, clock: clock)
    try b.importing(try a.bundle())
    try b.store.joinTeam(teamID: team.id, invite: invite, secret: secret)
    // Laptop 3 takes laptop 2's join proof as its own: the proof names laptop 2.
    let c = try Replica(3, clock: clock)
    try c.importing(try a.bundle())
    let proof = try #require(Signing.sign(Signing.joinMessage(team: team.id, replica: b.store.replica.id), privateKey: secret))
    try c.store.act(author: nil) { db, draft in
      let id = StableID.make("join", team.id, c.store.replica.id)
      draft.ops.append(.create(entity: id, type: EntityType.join.rawValue, parent: team.id))
      try draft.set(id, TrustField.replica, .string(c.store.replica.id))
      try draft.set(id, TrustField.invite, .string(invite))
      try draft.set(id, TrustField.proof, .string(proof))
    }
    try a.importing(try c.bundle())
    try a.importing(try b.bundle())
    #expect(try a.store.laptops(teamID: team.id).sorted() == [a.store.replica.id, b.store.replica.id].sorted())
  }
}

@Suite("Sync through git")
struct GitSyncTests {
  @Test("laptops push and pull through a bare repository, pushing concurrently, and converge")
  func bareRepository() throws {
    let dir = try TempDir()
    let remote = dir.file("remote.git")
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["git", "init", "--quiet", "--bare", remote]
    try p.run()
    p.waitUntilExit()
    try #require(p.terminationStatus == 0, "git is needed for this test")
    func run(_ db: String, _ script: String) throws -> RunResult {
      try runTaller(["--db", dir.file(db), "--lang", "en"], input: script)
    }
    var r = try run(
      "a.sqlite",
      "team create Los Incas\nteam invite \(dir.file("inv-b.sqlite"))\nteam invite \(dir.file("inv-c.sqlite"))\nset marca-peruana.marca Inca Kola\nsync push \(remote)\n"
    )
    #expect(r.status == 0, "\(r.stderr)")
    for db in ["b.sqlite", "c.sqlite"] {
      let invite = try #require(try FileManager.default.contentsOfDirectory(atPath: dir.file("inv-" + db)).first)
      r = try run(db, "team join \(dir.file("inv-" + db))/\(invite)\nsync pull \(remote)\n")
      #expect(r.status == 0, "\(r.stderr)")
    }
    // b and c edit the same field and both push: the second push finds the first and rebases.
    #expect(try run("b.sqlite", "set marca-peruana.marca Kola Real\nsync push \(remote)\n").status == 0)
    r = try run("c.sqlite", "set marca-peruana.marca Guaraná\nsync push \(remote)\n")
    #expect(r.status == 0, "\(r.stderr)")
    for db in ["a.sqlite", "b.sqlite", "c.sqlite"] {
      r = try run(db, "sync pull \(remote)\nsync push \(remote)\n")
      #expect(r.status == 0, "\(r.stderr)")
    }
    for db in ["a.sqlite", "b.sqlite"] { _ = try run(db, "sync pull \(remote)\n") }
    let exports = try ["a.sqlite", "b.sqlite", "c.sqlite"].map { try run($0, "export json").stdout }
    #expect(Set(exports).count == 1)
    #expect(exports[0].contains("Kola Real") && exports[0].contains("Guaraná"))
    // A remote that does not exist: a clear error, exit 1, nothing changed.
    r = try run("a.sqlite", "sync pull \(dir.file("nowhere.git"))\n")
    #expect(r.status == 1)
    #expect(r.stderr.contains("git failed"))
  }
}
