import Foundation
import FuzzDriver
import TallerCore
import TallerStore

/// The rules of list order and removal (sync/PROTOCOL.md §2) on whatever positions, ties and
/// removals the bytes describe: the order is total, a place is always found where it was asked
/// (ties included) in bounded time, and an item is removed exactly when the removal rule says so.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
  guard let start else { return 0 }
  var input = Bytes(Array(UnsafeRawBufferPointer(start: start, count: count)))
  positions(&input)
  removals(&input)
  return 0
}

/// The fuzzer's bytes, read as small choices (zeros once they run out).
struct Bytes {
  var data: [UInt8]
  var at = 0
  init(_ data: [UInt8]) { self.data = data }
  mutating func next() -> Int {
    defer { at += 1 }
    return at < data.count ? Int(data[at]) : 0
  }
  /// A position: pieces writers make, ties and odd bytes included.
  mutating func key() -> String {
    let pieces = ["0", "1", "i", "r", "x", "xr", "xv", "z", "00", "!", "-", "~", "é", "a0", "y", "ab3f1"]
    return (0..<(next() % 4)).map { _ in pieces[next() % pieces.count] }.joined()
  }
}

func positions(_ input: inout Bytes) {
  let n = input.next() % 10
  var items: [(id: String, position: String)] = (0..<n).map { i in (id: "\(input.next() % 7)-\(i)", position: input.key()) }
  items.sort { ListOrder.precedes($0.position, $0.id, $1.position, $1.id) }
  // A total order: every two items compare one way exactly.
  for a in items {
    for b in items where a.id != b.id {
      precondition(
        ListOrder.precedes(a.position, a.id, b.position, b.id) != ListOrder.precedes(b.position, b.id, a.position, a.id),
        "order not total")
    }
  }
  let count = 1 + input.next() % 3
  let at = input.next() % (n + 1)
  let placed = ListOrder.place(count: count, at: at, in: items, tag: ListOrder.tag(replica: "fuzz"))
  var after = items
  for (id, p) in placed.rekeyed {
    guard let i = after.firstIndex(where: { $0.id == id }) else { preconditionFailure("re-keyed an item not in the list") }
    precondition(i >= at, "re-keyed an item before the gap")
    after[i].position = p
  }
  let new = (0..<count).map { "new-\($0)" }
  after += zip(new, placed.keys).map { (id: $0.0, position: $0.1) }
  after.sort { ListOrder.precedes($0.position, $0.id, $1.position, $1.id) }
  var expected = items.map(\.id)
  expected.insert(contentsOf: new, at: at)
  precondition(after.map(\.id) == expected, "not placed where asked")
  let lo = input.key()
  let hi = input.key()
  if let k = ListOrder.between(lo, hi) {
    precondition(Array(lo.utf8).lexicographicallyPrecedes(Array(k.utf8)) && Array(k.utf8).lexicographicallyPrecedes(Array(hi.utf8)))
    precondition(!hi.utf8.starts(with: k.utf8) && k.utf8.last != UInt8(ascii: "0"))
  }
}

/// An item written by three laptops of a team open to every writer (a format-1 team), with
/// removals that list random parts of what they saw: shown, flagged or in the trash exactly as
/// the rule says, whatever order the changes arrive in.
func removals(_ input: inout Bytes) {
  let team = "00000000-0000-4000-8000-0000000000aa"
  let sheet = Sheet.id(team: team, exercise: "puntos-contacto")
  let item = "00000000-0000-4000-8000-0000000000bb"
  var seqs = [Int64](repeating: 0, count: 3)
  var prev = [String?](repeating: nil, count: 3)
  var changes: [Change] = []
  var hlc: Int64 = 1_795_000_000_000
  func write(_ r: Int, _ ops: [Op]) {
    seqs[r] += 1
    hlc += 1
    let c = Change(replica: "r\(r)", seq: seqs[r], hlc: HLC(millis: hlc, counter: 0), author: "l\(r)", prev: prev[r], ops: ops)
    prev[r] = Change.hash(ofBody: c.body)
    changes.append(c)
  }
  write(
    0,
    [
      .create(entity: team, type: "team", parent: nil), .set(entity: team, field: "name", value: "T", pred: [], seen: []),
      .create(entity: sheet, type: "sheet", parent: team),
      .set(entity: sheet, field: "@exercise", value: "puntos-contacto", pred: [], seen: []),
      .create(entity: item, type: "item", parent: sheet), .set(entity: item, field: "@list", value: "puntos", pred: [], seen: []),
      .set(entity: item, field: "@pos", value: "i", pred: [], seen: []),
    ])
  // Every value written to the item, with the field it went to.
  var values: [(op: OpID, field: String)] = [(OpID(replica: "r0", seq: 1, index: 6), "@pos")]
  for _ in 0..<(input.next() % 8) {
    let r = input.next() % 3
    let id = OpID(replica: "r\(r)", seq: seqs[r] + 1, index: 0)
    if input.next() % 3 == 0 {
      // A removal listing a random part of the values written so far (what its writer "saw").
      let seen = values.filter { $0.field != Field.deleted && input.next() % 4 != 0 }.map(\.op)
      let pred = values.filter { $0.field == Field.deleted && input.next() % 2 == 0 }.map(\.op)
      write(r, [.set(entity: item, field: Field.deleted, value: .bool(input.next() % 4 != 0), pred: pred, seen: seen)])
      values.append((id, Field.deleted))
    } else {
      let field = ["nombre", "nota", "@pos"][input.next() % 3]
      let pred = values.filter { $0.field == field && input.next() % 2 == 0 }.map(\.op)
      write(r, [.set(entity: item, field: field, value: .string("v\(input.next() % 4)"), pred: pred, seen: [])])
      values.append((id, field))
    }
  }
  // The rule, computed from the changes alone.
  var sets: [OpID: Op] = [:]
  var hlcs: [OpID: HLC] = [:]
  for c in changes {
    for (i, op) in c.ops.enumerated() where op.value != nil {
      sets[OpID(replica: c.replica, seq: c.seq, index: i)] = op
      hlcs[OpID(replica: c.replica, seq: c.seq, index: i)] = c.hlc
    }
  }
  let overwritten = Set(sets.values.flatMap(\.pred))
  func field(_ op: Op) -> String {
    if case .set(_, let f, _, _, _) = op { return f }
    return ""
  }
  let current = sets.filter { $0.key.replica != "" && !overwritten.contains($0.key) && $0.value.entity == item }
  let deletes = current.filter { field($0.value) == Field.deleted }
  let winner = deletes.max { (hlcs[$0.key]!, $0.key) < (hlcs[$1.key]!, $1.key) }
  // Concurrent removal and restore: a conflict on `deleted`, shown flagged like an edit that
  // beat a removal.
  var expected = Set(deletes.values.compactMap(\.value)).count > 1 ? "flagged" : "alive"
  if let w = winner, w.value.value == .bool(true) {
    let seen = Set(deletes.filter { $0.value.value == .bool(true) }.flatMap(\.value.seen))
    let unseen = current.contains { field($0.value) != Field.deleted && !seen.contains($0.key) }
    expected = unseen ? "flagged" : "removed"
  }
  // The store, with the changes in the order written and reversed.
  for order in [changes, changes.reversed()] {
    guard let store = try? TallerStore.inMemory() else { return }
    for c in order { _ = try? store.importChanges([c.body]) }
    guard let shown = try? store.sheet(teamID: team, exercise: "puntos-contacto").items("puntos"),
      let trash = try? store.trash(teamID: team, exercises: ["puntos-contacto"])
    else { preconditionFailure("unreadable") }
    let state =
      trash.contains { $0.item.id == item }
      ? "removed"
      : shown.first { $0.id == item }?.conflicts.contains(Field.deleted) == true ? "flagged" : "alive"
    precondition(state == expected, "removal rule: \(state), expected \(expected)")
  }
}

// SwiftPM links an executable's entry point as `<target>_main`: libFuzzer's driver takes over.
@_cdecl("fuzz_lists_main")
public func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  runFuzzer(argc, argv, fuzz)
}
