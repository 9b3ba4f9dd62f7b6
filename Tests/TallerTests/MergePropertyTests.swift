import Foundation
import GRDB
import Testing

@testable import TallerCore
@testable import TallerStore

/// The merge as a property: 3–5 laptops of one team — the later ones joining during the run, by
/// invitations of laptops that joined before them — make random edits (answers, long text, list
/// adds, edits, moves into one gap at once, moves of items being removed, removals after merges,
/// conflict resolutions of every kind, keep-both, restores, resets, members) and exchange random,
/// partial, duplicated, reordered, CRLF-rewritten and truncated files. Every step has a deadline
/// (a hang fails the case; a crash fails the run). In the end, after everyone has everything, they
/// all show the same state, the same conflicts and the same order in every list; nothing is
/// waiting or in quarantine; nothing anyone wrote is lost; every removal covered what its writer
/// had; rebuilding from the log gives the live state; and a move in any direction still ends,
/// where it was asked.
///
/// `TALLER_MERGE_CASES=5000 swift test --filter MergePropertyTests` runs a longer search;
/// `TALLER_MERGE_SEED=N` starts it elsewhere.
@Suite("Merge properties")
struct MergePropertyTests {
  static let cases = UInt64(ProcessInfo.processInfo.environment["TALLER_MERGE_CASES"].flatMap(Int.init) ?? 1000)
  static let first = UInt64(ProcessInfo.processInfo.environment["TALLER_MERGE_SEED"].flatMap(Int.init) ?? 0)

  @Test("convergence, nothing lost, removals cover what was seen, quarantine clears, moves end", arguments: first..<(first + cases))
  func property(seed: UInt64) throws {
    var run = try MergeRun(seed: seed)
    try run.play()
    try run.check()
  }
}

/// A step that did not return in time.
struct DeadlineExceeded: Error, CustomStringConvertible {
  var step: String
  var description: String { "step did not end within its deadline: \(step)" }
}

/// Runs `body` on its own thread and waits for it at most `seconds`: a step that hangs fails the
/// test instead of hanging the run (its thread is left behind).
func withDeadline<T>(_ step: @autoclosure () -> String, seconds: Double = 20, _ body: @escaping () throws -> T) throws -> T {
  let t0 = Date()
  defer { if Profile.on { Profile.add(step(), Date().timeIntervalSince(t0)) } }
  let outcome = DeadlineOutcome(body)
  let done = DispatchSemaphore(value: 0)
  let thread = Thread {
    outcome.result = Result { try outcome.body() }
    done.signal()
  }
  thread.stackSize = 8 << 20
  thread.start()
  guard done.wait(timeout: .now() + seconds) == .success, let result = outcome.result else {
    throw DeadlineExceeded(step: step())
  }
  return try result.get()
}

/// Time spent per kind of step (TALLER_MERGE_PROFILE=1), printed at exit.
enum Profile {
  static let on = ProcessInfo.processInfo.environment["TALLER_MERGE_PROFILE"] != nil
  nonisolated(unsafe) static var times: [String: Double] = [:]
  static let lock = NSLock()
  static func add(_ label: String, _ t: Double) {
    let key = label.split(separator: " ").dropFirst(2).filter { Int($0) == nil }.joined(separator: " ")
    lock.withLock {
      if times.isEmpty {
        atexit { for (k, v) in Profile.times.sorted(by: { $0.value > $1.value }) { print(String(format: "%8.2f s  %@", v, k)) } }
      }
      times[key, default: 0] += t
    }
  }
}

/// What a step under a deadline gave (written by its thread, read once it signalled).
final class DeadlineOutcome<T>: @unchecked Sendable {
  var result: Result<T, any Error>?
  let body: () throws -> T
  init(_ body: @escaping () throws -> T) { self.body = body }
}

/// Random booleans for a sort order that is not one.
final class Coin: @unchecked Sendable {
  var rng: SplitMix64
  init(seed: UInt64) { rng = SplitMix64(seed: seed) }
  func flip() -> Bool { rng.next() % 2 == 0 }
}

/// One random run of several laptops of a team.
struct MergeRun {
  let seed: UInt64
  var rng: SplitMix64
  let brand: ExerciseDef
  let points: ExerciseDef
  let journey: ExerciseDef
  let clock = TestClock()
  let stores: [TallerStore]
  let team: String
  var joined: [Bool]
  /// Files in the shared folder: change bodies handed over as they are (a relay), or bundle files.
  var files: [Exchange] = []
  let dir: TempDir

  enum Exchange {
    case bodies([String])
    case file(String)
    /// A sealed file (sync/PROTOCOL.md §7), for every laptop of the run.
    case sealed(String)
  }

  /// The lists the run edits: (exercise, list).
  var lists: [(ExerciseDef, String)] { [(points, "puntos"), (journey, "etapas")] }

  init(seed: UInt64) throws {
    self.seed = seed
    rng = SplitMix64(seed: seed &* 7919)
    let content = try BuiltinContent.content.get()
    brand = try #require(content.exercise("marca-peruana"))
    points = try #require(content.exercise("puntos-contacto"))
    journey = try #require(content.exercise("mapa-viaje"))
    dir = try TempDir()
    let n = 3 + Int(rng.next() % 3)
    // Laptops as this release makes them (ids bound to their keys), with fixed keys.
    stores = try (1...n).map { [clock] i in
      try TallerStore.inMemory(
        label: "l\(i)", now: clock.now,
        newID: { () -> @Sendable () -> String in
          let c = Counter()
          return { String(format: "%08d-0000-4000-8000-%012d", i, c.next()) }
        }(), signingKey: String(format: "%064d", i), encryptionKey: String(format: "%064d", 100 + i))
    }
    team = try stores[0].createTeam(name: "T").id
    joined = [true] + Array(repeating: false, count: n - 1)
    // Half the runs have an adversary: a laptop with a team of its own that reads every file and
    // signs whatever it likes against the others' data.
    if rng.next() % 2 == 0 {
      let evil = try TallerStore.inMemory(label: "adversario", now: clock.now, signingKey: String(format: "%064d", 666))
      adversaryTeam = try evil.createTeam(name: "Evil").id
      adversary = try Forger(evil)
    }
    try join(1, via: 0)
  }

  /// The adversary's chain, and its own team.
  var adversary: Forger?
  var adversaryTeam = ""

  /// The adversary writes a hostile change against what laptop `k` shows (each in a change of
  /// its own): writes to the team's entities, creates that claim their ids with another parent
  /// or type, its own members and items in the team, grades, a founder, a key, removals.
  mutating func attack(_ k: Int) throws {
    guard var adv = adversary else { return }
    let snapshot = try stores[k].snapshot()
    guard let target = pick(snapshot.entities.filter { $0.type != "replica" || chance(4) }) else { return }
    let preds = (try stores[k].currentOps(entity: target.id)).map(\.op)
    let fresh = EntityID.bound(replica: adv.replica, seq: adv.seq + 1, index: 0)
    let sheet = Sheet.id(team: team, exercise: "puntos-contacto")
    let ops: [Op]
    switch rng.next() % 9 {
    case 0: ops = [.set(entity: target.id, field: "nombre", value: "HACK", pred: preds, seen: [])]
    case 1:
      ops = [
        .create(entity: target.id, type: target.type, parent: adversaryTeam),
        .set(entity: target.id, field: "name", value: "HACK", pred: [], seen: []),
      ]
    case 2:
      ops = [
        .create(entity: target.id, type: ["item", "member", "grade", "team"][Int(rng.next() % 4)], parent: target.parent),
        .set(entity: target.id, field: "marca", value: "HACK", pred: preds, seen: []),
      ]
    case 3:
      ops = [.set(entity: team, field: "founder", value: .object(["replica": .string(adv.replica), "nonce": "n"]), pred: [], seen: [])]
    case 4:
      let g = StableID.make("grade", team, "final")
      ops = [
        .create(entity: g, type: "grade", parent: team), .set(entity: g, field: "key", value: "final", pred: [], seen: []),
        .set(entity: g, field: "score", value: 200, pred: [], seen: []),
      ]
    case 5:
      ops = [
        .create(entity: fresh, type: "item", parent: sheet), .set(entity: fresh, field: "@list", value: "puntos", pred: [], seen: []),
        .set(entity: fresh, field: "@pos", value: "i", pred: [], seen: []),
        .set(entity: fresh, field: "nombre", value: "HACK", pred: [], seen: []),
      ]
    case 6: ops = [.set(entity: target.id, field: Field.deleted, value: true, pred: [], seen: preds)]
    case 7: ops = [.set(entity: stores[k].replica.id, field: "key", value: .string(adv.publicKey), pred: [], seen: [])]
    default:
      ops = [.create(entity: fresh, type: "member", parent: team), .set(entity: fresh, field: "name", value: "HACK", pred: [], seen: [])]
    }
    adv.write(ops, hlc: HLC(millis: clock.now() + Int64(rng.next() % 100_000), counter: 0))
    adversary = adv
    files.append(.bodies(adv.bodies))
  }

  mutating func pick<T>(_ a: [T]) -> T? { a.isEmpty ? nil : a[Int(rng.next() % UInt64(a.count))] }
  mutating func chance(_ n: UInt64) -> Bool { rng.next() % n == 0 }

  /// Laptop `k` joins with an invitation made by laptop `inviter` (which hands over its whole log
  /// with it, as an invitation file does).
  mutating func join(_ k: Int, via inviter: Int) throws {
    let (invite, secret) = try stores[inviter].createInvite(for: team)
    _ = try stores[k].importChanges(try stores[inviter].changeBodies(after: [:]).map(\.body))
    try stores[k].joinTeam(teamID: team, invite: invite, secret: secret)
    joined[k] = true
  }

  mutating func play() throws {
    let rounds = 2 + Int(rng.next() % 3)
    for round in 0..<rounds {
      // Late laptops join during the run (the last round at the latest), by invitation of any
      // laptop of the team; their changes may reach others before the invitation does.
      for k in stores.indices where !joined[k] && (chance(3) || round == rounds - 1) {
        let inviters = stores.indices.filter { joined[$0] }
        if let i = pick(inviters) { try join(k, via: i) }
      }
      for k in stores.indices where joined[k] {
        for _ in 0..<(1 + Int(rng.next() % 2)) {
          clock.advance(Int64(rng.next() % 1500))
          do { try step(k) } catch {
            Issue.record("seed \(seed), round \(round), laptop \(k): \(error)")
            throw error
          }
        }
        try share(k)
      }
      if adversary != nil {
        for _ in 0..<(1 + Int(rng.next() % 3)) { try attack(Int(rng.next() % UInt64(stores.count))) }
      }
      for k in stores.indices where chance(2) {
        for _ in 0..<(1 + Int(rng.next() % 2)) {
          guard let f = pick(files) else { continue }
          try take(f, into: k)
        }
      }
    }
  }

  /// One random action of laptop `k`, as its commands make it.
  mutating func step(_ k: Int) throws {
    let s = stores[k]
    let team = self.team
    let (def, list) = lists[Int(rng.next() % 2)]
    let items = try s.sheet(teamID: team, exercise: def.id).items(list)
    let what = rng.next() % 14
    let label = "seed \(seed) laptop \(k) action \(what)"
    if ProcessInfo.processInfo.environment["TALLER_MERGE_TRACE"] != nil { print(label) }
    switch what {
    case 0:
      let v = "m\(rng.next() % 4)"
      try withDeadline(label) { [brand] in try s.setAnswers(teamID: team, def: brand, values: ["marca": .string(v)]) }
    case 1:
      // Long text: change one line of what this laptop sees.
      let lines = ["Es domingo.", "Hay ceviche.", "Una Inca Kola.", "Fin."]
      var text = (try s.sheet(teamID: team, exercise: "marca-peruana").values["historia"]?.stringValue).map(TextMerge.lines) ?? lines
      if text.isEmpty { text = lines }
      text[Int(rng.next() % UInt64(text.count))] = "v\(rng.next() % 6)"
      let joinedText = text.joined(separator: "\n")
      try withDeadline(label) { [brand] in try s.setAnswers(teamID: team, def: brand, values: ["historia": .string(joinedText)]) }
    case 2, 3:
      let field = list == "puntos" ? "nombre" : "etapa"
      let v = "p\(rng.next() % 7)"
      guard items.count < 12 else { return }
      _ = try withDeadline(label) { try s.addItem(teamID: team, def: def, list: list, values: [field: .string(v)]) }
    case 4:
      guard let it = pick(items) else { return }
      let field = list == "puntos" ? "nombre" : "acciones"
      let v = "e\(rng.next() % 5)"
      try withDeadline(label) { try s.editItem(itemID: it.id, values: [field: .string(v)]) }
    case 5:
      guard let it = pick(items) else { return }
      try removal(k, of: [it.id]) { try s.removeItem(itemID: it.id) }
    case 6, 7, 8:
      // Moves, often into one gap at once (the second place), from every laptop.
      guard items.count >= 2, let it = pick(items) else { return }
      let to = chance(2) ? 1 : Int(rng.next() % UInt64(items.count))
      try withDeadline(label) { try s.moveItem(itemID: it.id, toIndex: to) }
      let after = try s.sheet(teamID: team, exercise: def.id).items(list).map(\.id)
      #expect(after.firstIndex(of: it.id) == to, "\(label): moved to \(after.firstIndex(of: it.id) ?? -1), not \(to)")
    case 9:
      // Resolving a conflict of any kind, removals and places included.
      guard let c = pick(try s.conflicts()), let v = pick(c.values) else { return }
      if c.field == Field.deleted, v.value == .bool(true) {
        try removal(k, of: [c.entity]) { try s.resolve(entity: c.entity, field: c.field, value: v.value) }
      } else {
        try withDeadline(label) { try s.resolve(entity: c.entity, field: c.field, value: v.value) }
      }
    case 10:
      guard let c = pick(try s.conflicts().filter { !$0.field.hasPrefix("@") && $0.field != Field.deleted }),
        try s.entityInfo(c.entity)?.type == EntityType.item.rawValue
      else { return }
      _ = try withDeadline(label) { try s.keepBoth(entity: c.entity, field: c.field, values: c.values.map(\.value)) }
    case 11:
      guard let (_, it) = pick(try s.trash(teamID: team, exercises: ["puntos-contacto", "mapa-viaje"])) else { return }
      try withDeadline(label) { try s.restoreItem(itemID: it.id) }
    case 12:
      if let m = pick(try s.team(id: team)?.members ?? []), chance(2) {
        try removal(k, of: [m.id]) { _ = try s.removeMember(teamID: team, name: m.name) }
      } else {
        let name = "n\(rng.next() % 6)"
        _ = try? withDeadline(label) { try s.addMembers(teamID: team, names: [name], limit: 3) }
      }
    default:
      guard chance(3) else { return }
      let ids = items.map(\.id)
      try removal(k, of: ids) { try s.resetSheet(teamID: team, def: def) }
    }
  }

  /// A removal by laptop `k`: the change it writes lists, for each removed entity, every value of
  /// it the laptop had (merged ones included).
  mutating func removal(_ k: Int, of entities: [String], _ body: @escaping () throws -> Void) throws {
    let s = stores[k]
    var had: [String: Set<OpID>] = [:]
    for e in entities { had[e] = Set(try s.currentOps(entity: e).filter { $0.field != Field.deleted }.map(\.op)) }
    let before = try s.versionVector()[s.replica.id] ?? 0
    try withDeadline("seed \(seed) laptop \(k) removal") { try body() }
    guard let seq = try s.versionVector()[s.replica.id], seq > before, let change = try s.change(replica: s.replica.id, seq: seq) else {
      return
    }
    for op in change.ops {
      guard case .set(let e, Field.deleted, .bool(true), _, let seen) = op, let expected = had[e] else { continue }
      #expect(expected.isSubset(of: Set(seen)), "seed \(seed): removal of \(e) saw \(seen.count) of \(expected.count) values")
    }
  }

  /// Laptop `k` leaves a file in the shared folder: the changes it holds from a random point on
  /// (a relay; later ones wait), or a signed bundle of what is new since a random vector —
  /// sometimes with its line ends rewritten as CRLF, sometimes cut short.
  mutating func share(_ k: Int) throws {
    let s = stores[k]
    if chance(2) {
      let held = try s.changeBodies(after: [:])
      let cut = Int(rng.next() % UInt64(held.count + 1))
      files.append(.bodies(chance(3) ? Array(held[cut...]).map(\.body) : held.map(\.body)))
      return
    }
    var since: [String: Int64] = [:]
    for (r, seq) in try s.versionVector() where chance(3) { since[r] = Int64(rng.next() % UInt64(seq + 1)) }
    guard let bundle = try s.exportBundle(after: since) else { return }
    if chance(3) {
      // Sealed for every laptop of the run, as `sync export` writes it; sometimes cut short.
      let readers = stores.map { Sealed.Recipient(id: $0.replica.id, publicKey: $0.replica.encryptionPublicKey) }
      var data = try s.seal(
        bundle, for: SealedGroup(scope: "t", replicas: [], readers: SealingRecipients(recipients: readers, missing: []), isClass: false))
      if chance(8) { data = data.prefix(Int(rng.next() % UInt64(data.count))) }
      let path = dir.file("f\(files.count)\(Sealed.suffix)")
      try data.write(to: URL(fileURLWithPath: path))
      files.append(.sealed(path))
      return
    }
    var text = bundle.encode()
    if chance(5) { text = text.replacingOccurrences(of: "\n", with: "\r\n") }
    if chance(8) { text = String(text.prefix(Int(rng.next() % UInt64(text.utf8.count)))) }
    let path = dir.file("f\(files.count).taller.jsonl")
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    files.append(.file(path))
  }

  /// Laptop `k` imports a file (sometimes twice). A file that is refused changes nothing.
  mutating func take(_ f: Exchange, into k: Int) throws {
    let s = stores[k]
    let twice = chance(2)
    for _ in 0..<(twice ? 2 : 1) {
      switch f {
      case .bodies(let b):
        _ = try withDeadline("seed \(seed) import into \(k)") { try s.importChanges(b) }
      case .file(let path), .sealed(let path):
        let count = try s.changeCount()
        let values = try s.currentOpIDs()
        do {
          if case .sealed = f {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            _ = try withDeadline("seed \(seed) import sealed into \(k)") { try s.importSealed(data, folder: "t") }
          } else {
            _ = try withDeadline("seed \(seed) import file into \(k)") { try s.importFile(path: path) }
          }
        } catch is TallerError {
          #expect(try s.changeCount() == count, "seed \(seed): a refused file changed the log")
          #expect(try s.currentOpIDs() == values, "seed \(seed): a refused file changed the state")
        }
      }
    }
  }

  mutating func check() throws {
    // In the end every laptop's whole log travels (some changes may have been in no file): all of
    // them at once, in a random order, with a few earlier files.
    var union: [String: String] = [:]
    for s in stores {
      for c in try s.changeBodies(after: [:]) { union["\(c.replica):\(c.seq)"] = c.body }
    }
    if let adv = adversary {
      for (i, b) in adv.bodies.enumerated() { union["\(adv.replica):\(Int64(i) + adv.firstSeq)"] = b }
    }
    for k in stores.indices {
      var order: [Exchange] = [.bodies(Array(union.values).shuffled(using: &rng))]
      for _ in 0..<2 { if let f = pick(files), case .bodies = f { order.append(f) } }
      order.shuffle(using: &rng)
      for f in order {
        let s = stores[k]
        if case .bodies(let b) = f { _ = try withDeadline("seed \(seed) final import") { try s.importChanges(b) } }
      }
    }
    let first = try stores[0].snapshot()
    let conflicts = try stores[0].conflicts()
    func order(_ s: TallerStore) throws -> [[String]] {
      try lists.map { def, list in try s.sheet(teamID: team, exercise: def.id).items(list).map(\.id) }
    }
    let firstOrder = try order(stores[0])
    for s in stores.dropFirst() {
      let other = try s.snapshot()
      let opsA = try stores[0].currentOpIDs().map(\.description).sorted()
      let opsB = try s.currentOpIDs().map(\.description).sorted()
      #expect(
        other == first, "seed \(seed): replicas diverged: only A \(Set(opsA).subtracting(opsB)) only B \(Set(opsB).subtracting(opsA))")
      #expect(try s.conflicts() == conflicts, "seed \(seed): conflicts differ")
      #expect(try order(s) == firstOrder, "seed \(seed): lists in another order")
    }
    let adversaryID = adversary?.replica
    for s in stores {
      #expect(try s.waiting().isEmpty, "seed \(seed): changes still waiting")
      let q = try s.quarantined().filter { $0.replica != adversaryID }
      #expect(q.isEmpty, "seed \(seed): honest changes left in quarantine: \(q.map { "\($0.replica.prefix(8)):\($0.seq) \($0.reason)" })")
    }
    // With an adversary: the team's data is what the honest laptops' changes alone give.
    if let adv = adversary {
      let honest = try TallerStore.inMemory()
      var bodies = try stores[0].changeBodies(after: [:]).filter { $0.replica != adv.replica }.map(\.body)
      bodies.shuffle(using: &rng)
      for b in bodies { _ = try honest.importChanges([b]) }
      func teamData(_ s: TallerStore) throws -> [Snapshot.Entity] {
        let snap = try s.snapshot()
        var keep: Set<String> = [team]
        var grew = true
        while grew {
          grew = false
          for e in snap.entities where !keep.contains(e.id) && e.parent.map(keep.contains) == true {
            keep.insert(e.id)
            grew = true
          }
        }
        return snap.entities.filter { keep.contains($0.id) || ($0.type == "replica" && $0.id != adv.replica) }
      }
      #expect(try teamData(stores[0]) == teamData(honest), "seed \(seed): the adversary changed the team's data")
    }
    // Laptops writing into one gap at once never wrote equal positions.
    for (def, list) in lists {
      let positions = try stores[0].sheet(teamID: team, exercise: def.id).items(list).map(\.position)
      #expect(Set(positions).count == positions.count, "seed \(seed): equal positions in \(list): \(positions)")
    }
    let live = try stores[1].snapshot()
    let coin = Coin(seed: rng.next())
    try stores[1].rebuildState(order: { _, _ in coin.flip() })
    #expect(try stores[1].snapshot() == live, "seed \(seed): rebuild != live")
    // Nothing lost: every value written is current, or was overwritten by a writer who saw it.
    let held = Set(try stores[0].quarantined().map { "\($0.replica):\($0.seq)" })
    let all = try stores[0].changes().filter { !held.contains("\($0.replica):\($0.seq)") }
    var overwritten = Set<OpID>()
    for c in all {
      for op in c.ops { if case .set(_, _, _, let p, _) = op { overwritten.formUnion(p) } }
    }
    let current = Set(try stores[0].currentOpIDs())
    for c in all {
      for (i, op) in c.ops.enumerated() {
        guard case .set = op else { continue }
        let id = OpID(replica: c.replica, seq: c.seq, index: i)
        #expect(current.contains(id) || overwritten.contains(id), "seed \(seed): value \(id) lost")
      }
    }
    // After the merge, moves in every direction end, where they were asked, on two laptops.
    for k in [0, 1 + Int(rng.next() % UInt64(stores.count - 1))] {
      let s = stores[k]
      for (def, list) in lists {
        var ids = try s.sheet(teamID: team, exercise: def.id).items(list).map(\.id)
        guard ids.count >= 2 else { continue }
        for _ in 0..<2 {
          let from = Int(rng.next() % UInt64(ids.count))
          let to = Int(rng.next() % UInt64(ids.count))
          let id = ids[from]
          try withDeadline("seed \(seed) final move on \(k)", seconds: 10) { try s.moveItem(itemID: id, toIndex: to) }
          ids.remove(at: from)
          ids.insert(id, at: to)
          #expect(try s.sheet(teamID: team, exercise: def.id).items(list).map(\.id) == ids, "seed \(seed): move \(from)→\(to) on \(k)")
        }
      }
    }
  }
}
