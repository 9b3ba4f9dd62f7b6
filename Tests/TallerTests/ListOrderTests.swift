import Foundation
import Testing

@testable import TallerCore
@testable import TallerStore

/// The order of list items and the keys that keep it (sync/PROTOCOL.md §2, "Positions"): a total
/// order whatever the positions hold, and a place for an item between any two neighbours, ties
/// included, found in a bounded number of steps.
@Suite("List order")
struct ListOrderTests {
  /// Bytes as a key, for comparisons in tests.
  func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

  @Test("default items keep the positions every release gave them")
  func defaults() {
    #expect(ListOrder.defaultKeys(9) == ["i", "r", "v", "x", "y", "z", "zi", "zr", "zv"])
  }

  @Test("a key between two keys is strictly between, ends in a digit other than 0, and is no prefix of the upper one")
  func between() {
    var rng = SplitMix64(seed: 13)
    // Keys as writers make them, and as old releases, ties and crafted files leave them.
    let pieces = ["0", "1", "i", "r", "x", "xr", "z", "zz", "00", "!", "-", "~", "é", "a0", "y"]
    func random() -> String {
      (0..<Int(rng.next() % 4)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
    }
    var found = 0
    for _ in 0..<20_000 {
      let a = rng.next() % 5 == 0 ? nil : random()
      let b = rng.next() % 5 == 0 ? nil : random()
      guard let k = ListOrder.between(a, b) else {
        // No room only when the bounds leave none: not ordered, or `b` is `a` followed by zeros
        // or bytes below "0".
        if let b {
          let lo = bytes(a ?? "")
          let hi = bytes(b)
          let ordered = lo.lexicographicallyPrecedes(hi)
          // After `a`, `b` goes on with zeros and then ends or holds a byte below "0".
          let rest = hi.starts(with: lo) ? Array(hi[lo.count...]) : nil
          let zeros = rest.map { r in r.prefix { $0 == UInt8(ascii: "0") } }
          let noRoom =
            !ordered
            || rest.map { r in zeros.map { z in z.count == r.count || r[z.count] < UInt8(ascii: "0") } ?? false } ?? false
          #expect(noRoom, "room was missed between \(a ?? "nil") and \(b)")
        } else {
          Issue.record("there is always room at the end, after \(a ?? "nil")")
        }
        continue
      }
      found += 1
      let kb = bytes(k)
      #expect(bytes(a ?? "").lexicographicallyPrecedes(kb), "\(k) not above \(a ?? "nil")")
      if let b {
        #expect(kb.lexicographicallyPrecedes(bytes(b)), "\(k) not below \(b)")
        #expect(!bytes(b).starts(with: kb), "\(k) is a prefix of \(b)")
        #expect(bytes(k + "zzzzz").lexicographicallyPrecedes(bytes(b)), "\(k) + a tag passes \(b)")
      }
      #expect(kb.last != UInt8(ascii: "0"))
      #expect(String(validating: kb, as: UTF8.self) != nil)
    }
    #expect(found > 10_000)
  }

  @Test("placing items anywhere in any list, ties and odd keys included, gives exactly the order asked for")
  func place() {
    var rng = SplitMix64(seed: 7)
    let pool = ["i", "r", "xr", "xr", "xv", "xv", "y", "", "0", "z", "zz", "!", "é", "a0", "r"]
    for round in 0..<5_000 {
      let n = Int(rng.next() % 9)
      var items: [(id: String, position: String)] = (0..<n).map { i in
        (id: String(format: "%08x", rng.next() % 0xffff_ffff), position: pool[Int(rng.next() % UInt64(pool.count))])
      }
      items.sort { ListOrder.precedes($0.position, $0.id, $1.position, $1.id) }
      let count = 1 + Int(rng.next() % 3)
      let index = Int(rng.next() % UInt64(n + 1))
      let tag = ListOrder.tag(replica: "replica-\(round % 3)")
      let placed = ListOrder.place(count: count, at: index, in: items, tag: tag)
      #expect(placed.keys.count == count)
      var after = items
      for (id, p) in placed.rekeyed {
        guard let i = after.firstIndex(where: { $0.id == id }) else {
          Issue.record("re-keyed an item that is not in the list")
          continue
        }
        after[i].position = p
      }
      let newIDs = (0..<count).map { "new-\($0)" }
      after += zip(newIDs, placed.keys).map { (id: $0.0, position: $0.1) }
      after.sort { ListOrder.precedes($0.position, $0.id, $1.position, $1.id) }
      var expected = items.map(\.id)
      expected.insert(contentsOf: newIDs, at: index)
      #expect(after.map(\.id) == expected, "round \(round): \(items) at \(index)")
      // Only items of a tie right after the gap are re-keyed.
      for (id, _) in placed.rekeyed {
        let i = items.firstIndex { $0.id == id } ?? -1
        #expect(i >= index)
      }
    }
  }

  @Test("two laptops placing items in one gap at once write different keys, in a total order")
  func concurrentPlacesDiffer() {
    let list: [(id: String, position: String)] = [("a", "i"), ("b", "r")]
    let tags = (0..<50).map {
      ListOrder.tag(replica: UUID(uuidString: String(format: "%08d-0000-4000-8000-000000000000", $0))!.uuidString.lowercased())
    }
    #expect(Set(tags).count == tags.count)
    let keys = tags.map { ListOrder.place(count: 1, at: 1, in: list, tag: $0).keys[0] }
    #expect(Set(keys).count == keys.count)
    for k in keys {
      #expect(ListOrder.precedes("i", "a", k, "x") && ListOrder.precedes(k, "x", "r", "b"))
    }
  }

  @Test("equal positions: ordered by id, and a place between two of them is still found")
  func ties() {
    // As laptops left them after concurrent moves into one gap (issue 13).
    let list: [(id: String, position: String)] = [("2a6c", "xr"), ("85a7", "xr"), ("9f44", "xv"), ("b5eb", "xv"), ("c000", "y")]
    for index in 0...list.count {
      let placed = ListOrder.place(count: 1, at: index, in: list, tag: "abcd1")
      var after = list
      for (id, p) in placed.rekeyed { after[after.firstIndex { $0.id == id }!].position = p }
      after.append(("new", placed.keys[0]))
      after.sort { ListOrder.precedes($0.position, $0.id, $1.position, $1.id) }
      #expect(after.map(\.id).firstIndex(of: "new") == index)
      #expect(placed.rekeyed.count <= 2)
    }
  }
}

/// The position and removal vectors of sync/PROTOCOL.md §6, replayed (and re-recorded with
/// `TALLER_RECORD=1`).
@Suite("Protocol vectors: positions and removals")
struct PositionVectorTests {
  static let dir = packageRoot.appendingPathComponent("sync/vectors")

  /// What the vectors hold, computed by this implementation.
  static func positions() -> JSONValue {
    func s(_ x: String?) -> JSONValue { x.map(JSONValue.string) ?? .null }
    let order: [[(String, String)]] = [
      [("xv", "b5eb"), ("xr", "85a7"), ("xv", "9f44"), ("xr", "2a6c"), ("y", "c000")],
      [("", "b"), ("0", "a"), ("", "a"), ("i", "0")],
      [("é", "a"), ("z", "b"), ("zz", "c"), ("~", "d")],
    ]
    let between: [(String?, String?)] = [
      (nil, nil), ("i", nil), (nil, "i"), ("i", "r"), ("i", "j"), ("a", "b"), ("az", "b"), (nil, "1"), (nil, "0"),
      ("x", "x00"), ("x", "x01"), ("xr", "xr"), ("xv", "xr"), ("-", "1"), ("a", "a!"), ("xr", "xrab3f1"), ("z", nil), ("zz", nil),
      ("é", nil), ("a", "é"),
    ]
    let tags = ["00000001-0000-4000-8000-000000000000", "00000002-0000-4000-8000-000000000000", "laptop"]
    let places: [([(String, String)], Int, Int)] = [
      ([("a", "i"), ("b", "r")], 1, 1),
      ([("a", "i"), ("b", "r")], 0, 2),
      ([("a", "i"), ("b", "r")], 2, 1),
      ([("2a6c", "xr"), ("85a7", "xr"), ("9f44", "xv"), ("b5eb", "xv"), ("c000", "y")], 1, 1),
      ([("2a6c", "xr"), ("85a7", "xr"), ("9f44", "xv"), ("b5eb", "xv"), ("c000", "y")], 3, 1),
      ([("p", "r"), ("q", "r"), ("s", "r")], 1, 2),
      ([("p", "x"), ("q", "x00")], 1, 1),
    ]
    let tag = ListOrder.tag(replica: tags[0])
    return .object([
      "order": .array(
        order.map { items in
          .object([
            "items": .array(items.map { .array([.string($0.0), .string($0.1)]) }),
            "ids": .array(items.sorted { ListOrder.precedes($0.0, $0.1, $1.0, $1.1) }.map { .string($0.1) }),
          ])
        }),
      "between": .array(between.map { .array([s($0.0), s($0.1), s(ListOrder.between($0.0, $0.1))]) }),
      "tags": .array(tags.map { .array([.string($0), .string(ListOrder.tag(replica: $0))]) }),
      "defaults": .array(ListOrder.defaultKeys(9).map(JSONValue.string)),
      "place": .array(
        places.map { items, at, count in
          let p = ListOrder.place(count: count, at: at, in: items.map { (id: $0.0, position: $0.1) }, tag: tag)
          return .object([
            "items": .array(items.map { .array([.string($0.0), .string($0.1)]) }), "at": .int(Int64(at)),
            "count": .int(Int64(count)), "tag": .string(tag), "keys": .array(p.keys.map(JSONValue.string)),
            "rekeyed": .array(p.rekeyed.map { .array([.string($0.id), .string($0.position)]) }),
          ])
        }),
    ])
  }

  @Test("positions.json: order, keys between, tags, default keys and placements with ties")
  func positionsVector() throws {
    let url = Self.dir.appendingPathComponent("positions.json")
    let built = CanonicalJSON.encodePretty(Self.positions())
    if recording {
      try built.write(to: url, atomically: true, encoding: .utf8)
      Issue.record("Recorded positions.json; run again without TALLER_RECORD.")
      return
    }
    let v = try StrictJSONParser.parse(try String(contentsOf: url, encoding: .utf8))
    // Replayed from the file: what it says must be what this implementation does.
    for c in v["order"]?.arrayValue ?? [] {
      let items = (c["items"]?.arrayValue ?? []).map { ($0.arrayValue?[0].stringValue ?? "", $0.arrayValue?[1].stringValue ?? "") }
      let ids = items.sorted { ListOrder.precedes($0.0, $0.1, $1.0, $1.1) }.map { JSONValue.string($0.1) }
      #expect(ids == c["ids"]?.arrayValue)
    }
    for c in v["between"]?.arrayValue ?? [] {
      let a = c.arrayValue ?? []
      #expect(ListOrder.between(a[0].stringValue, a[1].stringValue).map(JSONValue.string) ?? .null == a[2], "\(a)")
    }
    for c in v["tags"]?.arrayValue ?? [] {
      #expect(ListOrder.tag(replica: c.arrayValue?[0].stringValue ?? "") == c.arrayValue?[1].stringValue)
    }
    #expect(ListOrder.defaultKeys(9).map(JSONValue.string) == v["defaults"]?.arrayValue)
    for c in v["place"]?.arrayValue ?? [] {
      let items = (c["items"]?.arrayValue ?? []).map {
        (id: $0.arrayValue?[0].stringValue ?? "", position: $0.arrayValue?[1].stringValue ?? "")
      }
      let p = ListOrder.place(
        count: Int(c["count"]?.intValue ?? 0), at: Int(c["at"]?.intValue ?? 0), in: items, tag: c["tag"]?.stringValue ?? "")
      #expect(p.keys.map(JSONValue.string) == c["keys"]?.arrayValue)
      #expect(p.rekeyed.map { JSONValue.array([.string($0.id), .string($0.position)]) } == c["rekeyed"]?.arrayValue)
    }
    #expect(CanonicalJSON.encodePretty(v) == built)
  }

  /// Two laptops: A adds an item; B joins; both edit it at once; A merges B's edit and removes the
  /// item (its removal lists B's value too: removed everywhere); a second item that B edits while
  /// A removes it stays, flagged.
  static func removals() throws -> (changes: [String], removed: [String], flagged: [String]) {
    let clock = TestClock()
    let content = try BuiltinContent.content.get()
    let points = try #require(content.exercise("puntos-contacto"))
    func laptop(_ i: Int) throws -> TallerStore {
      try TallerStore.inMemory(
        replicaID: String(format: "%08d-0000-4000-8000-000000000000", i), label: "laptop-\(i)", now: clock.now,
        newID: { () -> @Sendable () -> String in
          let c = Counter()
          return { String(format: "%08d-0000-4000-8000-%012d", i, c.next()) }
        }(), signingKey: String(format: "%064d", i), encryptionKey: String(format: "%064d", 100 + i))
    }
    let a = try laptop(1)
    let b = try laptop(2)
    let team = try a.createTeam(name: "Kusi").id
    let one = try a.addItem(teamID: team, def: points, list: "puntos", values: ["nombre": "Cajero"])
    let two = try a.addItem(teamID: team, def: points, list: "puntos", values: ["nombre": "Web"])
    let (invite, secret) = try a.createInvite(for: team, secret: String(format: "%064d", 99))
    _ = try b.importChanges(try a.changeBodies(after: [:]).map(\.body))
    try b.joinTeam(teamID: team, invite: invite, secret: secret)
    clock.advance(1000)
    try a.editItem(itemID: one.id, values: ["nombre": "Caja"])
    try b.editItem(itemID: one.id, values: ["valoracion": .int(2)])
    _ = try a.importChanges(try b.changeBodies(after: [:]).map(\.body))
    clock.advance(1000)
    try a.removeItem(itemID: one.id)
    try a.removeItem(itemID: two.id)
    try b.editItem(itemID: two.id, values: ["nota": "sigue"])
    _ = try a.importChanges(try b.changeBodies(after: [:]).map(\.body))
    return (try a.changeBodies(after: [:]).map(\.body), [one.id], [two.id])
  }

  @Test("removals.json: a removal covers merged values; an edit it had not seen keeps the item, flagged")
  func removalsVector() throws {
    let url = Self.dir.appendingPathComponent("removals.json")
    let built = try Self.removals()
    let doc: JSONValue = .object([
      "changes": .array(built.changes.map(JSONValue.string)), "removed": .array(built.removed.map(JSONValue.string)),
      "flagged": .array(built.flagged.map(JSONValue.string)),
    ])
    if recording {
      try CanonicalJSON.encodePretty(doc).write(to: url, atomically: true, encoding: .utf8)
      Issue.record("Recorded removals.json; run again without TALLER_RECORD.")
      return
    }
    let v = try StrictJSONParser.parse(try String(contentsOf: url, encoding: .utf8))
    let changes = (v["changes"]?.arrayValue ?? []).compactMap(\.stringValue)
    #expect(try TallerStore.inMemory().importChanges(changes).replicas.isEmpty == false)
    for order in [changes, changes.reversed()] {
      let s = try TallerStore.inMemory()
      for c in order { _ = try s.importChanges([c]) }
      let teamID = try #require(try s.teams().first).id
      let sheet = try s.sheet(teamID: teamID, exercise: "puntos-contacto")
      let shown = sheet.items("puntos")
      for id in (v["removed"]?.arrayValue ?? []).compactMap(\.stringValue) { #expect(!shown.contains { $0.id == id }) }
      for id in (v["flagged"]?.arrayValue ?? []).compactMap(\.stringValue) {
        #expect(shown.first { $0.id == id }?.conflicts.contains(Field.deleted) == true)
      }
    }
    #expect(CanonicalJSON.encodePretty(v) == CanonicalJSON.encodePretty(doc), "removals.json is stale")
  }
}
