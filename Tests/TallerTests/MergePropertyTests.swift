import Foundation
import Testing

@testable import TallerCore
@testable import TallerStore

/// The merge as a property: 2–5 laptops of one team make random edits (answers, long text, list
/// adds, edits, moves, removals, restores, conflict resolutions) and exchange random, partial,
/// duplicated and reordered sets of changes; in the end, after everyone has everything, they all
/// show the same state and the same conflicts, nothing anyone wrote is lost, and rebuilding from
/// the log gives the live state.
///
/// `TALLER_MERGE_CASES=20000 swift test --filter MergePropertyTests` runs a longer search.
@Suite("Merge properties")
struct MergePropertyTests {
  static let cases = UInt64(ProcessInfo.processInfo.environment["TALLER_MERGE_CASES"].flatMap(Int.init) ?? 1000)

  @Test("convergence, nothing lost, rebuild == live, for random edits and random exchanges", arguments: 0..<cases)
  func property(seed: UInt64) throws {
    var rng = SplitMix64(seed: seed &* 7919)
    let content = try BuiltinContent.content.get()
    let brand = try #require(content.exercise("marca-peruana"))
    let points = try #require(content.exercise("puntos-contacto"))
    let clock = TestClock()
    let n = 2 + Int(rng.next() % 4)
    let stores = try (1...n).map { i in
      try TallerStore.inMemory(
        replicaID: String(format: "%08d-0000-4000-8000-000000000000", i), label: "l\(i)", now: clock.now,
        newID: { () -> @Sendable () -> String in
          let c = Counter()
          return { String(format: "%08d-0000-4000-8000-%012d", i, c.next()) }
        }())
    }
    let team = try stores[0].createTeam(name: "T")
    let (invite, secret) = try stores[0].createInvite(for: team.id)
    let start = try stores[0].changeBodies(after: [:]).map(\.body)
    for s in stores.dropFirst() {
      _ = try s.importChanges(start)
      try s.joinTeam(teamID: team.id, invite: invite, secret: secret)
    }
    var files: [[String]] = [start]
    func pick<T>(_ a: [T]) -> T? { a.isEmpty ? nil : a[Int(rng.next() % UInt64(a.count))] }
    let lines = ["Es domingo.", "Hay ceviche.", "Una Inca Kola.", "Fin."]
    for _ in 0..<(2 + Int(rng.next() % 3)) {
      for s in stores {
        for _ in 0..<(1 + Int(rng.next() % 2)) {
          clock.advance(Int64(rng.next() % 1500))
          let items = try s.sheet(teamID: team.id, exercise: "puntos-contacto").items("puntos")
          switch rng.next() % 9 {
          case 0:
            try s.setAnswers(teamID: team.id, def: brand, values: ["marca": .string("m\(rng.next() % 4)")])
          case 1:
            // Long text: change one line of what this laptop sees.
            var text = (try s.sheet(teamID: team.id, exercise: "marca-peruana").values["historia"]?.stringValue)
              .map(TextMerge.lines) ?? lines
            if text.isEmpty { text = lines }
            text[Int(rng.next() % UInt64(text.count))] = "v\(rng.next() % 6)"
            try s.setAnswers(teamID: team.id, def: brand, values: ["historia": .string(text.joined(separator: "\n"))])
          case 2, 3:
            _ = try s.addItem(teamID: team.id, def: points, list: "puntos", values: ["nombre": .string("p\(rng.next() % 7)")])
          case 4:
            if let it = pick(items) { try s.editItem(itemID: it.id, values: ["nombre": .string("e\(rng.next() % 5)")]) }
          case 5:
            if let it = pick(items) { try s.removeItem(itemID: it.id) }
          case 6:
            if items.count >= 2, let it = pick(items) {
              let k = Int(rng.next() % UInt64(items.count + 1))
              let after = k == 0 ? nil : items[k - 1].position
              let before = k < items.count ? items[k].position : nil
              if after.map({ b in before.map { b < $0 } ?? true }) ?? true, items[min(k, items.count - 1)].id != it.id {
                try s.moveItem(itemID: it.id, after: after, before: before)
              }
            }
          case 7:
            if let c = pick(try s.conflicts()), let v = pick(c.values) {
              try s.resolve(entity: c.entity, field: c.field, value: v.value)
            }
          default:
            if let (_, it) = pick(try s.trash(teamID: team.id, exercises: ["puntos-contacto"])) {
              try s.restoreItem(itemID: it.id)
            }
          }
        }
        // A file: what this laptop holds (a relay), from a random point on (later ones wait).
        let held = try s.changeBodies(after: [:])
        let cut = Int(rng.next() % UInt64(held.count + 1))
        files.append(rng.next() % 3 == 0 ? Array(held[cut...]).map(\.body) : held.map(\.body))
      }
      for s in stores where rng.next() % 2 == 0 {
        guard let f = pick(files) else { continue }
        _ = try s.importChanges(f)
        if rng.next() % 2 == 0 { _ = try s.importChanges(f) }
      }
    }
    // In the end every laptop's whole log travels too (some changes may have been in no file).
    for s in stores { files.append(try s.changeBodies(after: [:]).map(\.body)) }
    for s in stores {
      var order = files
      order.shuffle(using: &rng)
      for f in order { _ = try s.importChanges(f) }
    }
    let first = try stores[0].snapshot()
    let conflicts = try stores[0].conflicts()
    for s in stores.dropFirst() {
      let other = try s.snapshot()
      let diff = zip(first.entities, other.entities).filter { $0 != $1 }.prefix(2).map { "\($0)\n  vs \($1)" }
      let opsA = try stores[0].currentOpIDs().map(\.description).sorted()
      let opsB = try s.currentOpIDs().map(\.description).sorted()
      let qa = try stores[0].quarantined().count
      let qb = try s.quarantined().count
      let ca = try stores[0].changeCount()
      let cb = try s.changeCount()
      #expect(other == first, "seed \(seed): replicas diverged: only A \(Set(opsA).subtracting(opsB)) only B \(Set(opsB).subtracting(opsA)) q \(qa) \(qb) counts \(ca) \(cb)")
      #expect(try s.conflicts() == conflicts, "seed \(seed): conflicts differ")
    }
    for s in stores {
      #expect(try s.waiting().isEmpty)
      #expect(try s.quarantined().isEmpty)
    }
    let live = try stores[1].snapshot()
    try stores[1].rebuildState(order: { _, _ in rng.next() % 2 == 0 })
    #expect(try stores[1].snapshot() == live, "seed \(seed): rebuild != live")
    // Nothing lost: every value written is current, or was overwritten by a writer who saw it.
    let all = try stores[0].changes()
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
  }
}
