import Foundation
import FuzzDriver
import TallerCore
import TallerStore

/// Hostile changes from a stranger's laptop against a class (a team with members, answers and a
/// list, enrolled and graded): whatever the bytes make it claim — creates of the team's ids with
/// any type and parent, writes to any field, removals, keys, founders, grades, clocks and numbers
/// out of bounds — the team's data, its grades and the class stay exactly as they were, and the
/// import ends.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
  guard let start, let base = Base.shared else { return 0 }
  var input = Choices(Array(UnsafeRawBufferPointer(start: start, count: count)))
  guard let store = try? TallerStore.inMemory() else { return 0 }
  _ = try? store.importChanges(base.bodies)
  let stranger = "ffffffff-0000-4000-8000-00000000dead"
  var prev: String?
  var changes: [String] = []
  let types = ["team", "member", "sheet", "item", "grade", "class", "replica", "join", "enroll", "invite", "session", "x"]
  let fields = [
    "name", "marca", "founder", "key", "score", "deleted", "@pos", "@list", "@exercise", "nombre", "team_size", "@size", "class",
  ]
  for seq in 1...Int64(1 + input.next() % 4) {
    var ops: [Op] = []
    for _ in 0..<(1 + input.next() % 4) {
      let target = base.entities[input.next() % base.entities.count]
      let field = fields[input.next() % fields.count]
      let value: JSONValue = [.string("HACK"), .int(200), .bool(true), .object(["replica": .string(stranger), "nonce": "n"]), .null][
        input.next() % 5]
      switch input.next() % 4 {
      case 0:
        ops.append(
          .create(
            entity: target.id, type: types[input.next() % types.count], parent: [nil, base.team, target.parent, "evil"][input.next() % 4]))
      case 1:
        let id = EntityID.bound(replica: stranger, seq: seq, index: ops.count)
        ops.append(
          .create(entity: id, type: types[input.next() % types.count], parent: [base.team, base.sheet, base.klass][input.next() % 3]))
      default:
        ops.append(.set(entity: target.id, field: field, value: value, pred: target.ops, seen: target.ops))
      }
    }
    let hlc =
      input.next() % 8 == 0
      ? HLC(millis: Int64.max - Int64(input.next()), counter: Int64(input.next())) : HLC(millis: 1_795_000_900_000 + seq, counter: 0)
    let c = Change(replica: stranger, seq: seq, hlc: hlc, author: "x", prev: prev, ops: ops)
    prev = Change.hash(ofBody: c.body)
    changes.append(c.body)
  }
  if input.next() % 2 == 0 { changes.reverse() }
  for body in changes { _ = try? store.importChanges([body]) }
  guard let after = try? Base.view(store, base) else { preconditionFailure("unreadable after hostile changes") }
  precondition(after == base.view, "a stranger's change altered the team, its grades or the class")
  // And the store still takes a write of its own.
  precondition((try? store.createTeam(name: "Otro")) != nil, "the laptop cannot write any more")
  return 0
}

/// The fuzzer's bytes, read as small choices (zeros once they run out).
struct Choices {
  var data: [UInt8]
  var at = 0
  init(_ data: [UInt8]) { self.data = data }
  mutating func next() -> Int {
    defer { at += 1 }
    return at < data.count ? Int(data[at]) : 0
  }
}

/// The class the attacks aim at, built once.
final class Base: Sendable {
  let bodies: [String]
  let team: String
  let sheet: String
  let klass: String
  let entities: [(id: String, parent: String?, ops: [OpID])]
  let view: String

  nonisolated(unsafe) static let shared: Base? = try? Base()

  init() throws {
    let content = try BuiltinContent.content.get()
    let kusi = try TallerStore.inMemory(label: "kusi")
    let teacher = try TallerStore.inMemory(label: "docente")
    team = try kusi.createTeam(name: "Kusi").id
    _ = try kusi.addMembers(teamID: team, names: ["Ana", "José"], limit: 3)
    if let brand = content.exercise("marca-peruana") { try kusi.setAnswers(teamID: team, def: brand, values: ["marca": "Inca Kola"]) }
    if let points = content.exercise("puntos-contacto") {
      _ = try kusi.addItem(teamID: team, def: points, list: "puntos", values: ["nombre": "Cajero"])
    }
    sheet = Sheet.id(team: team, exercise: "marca-peruana")
    klass = try teacher.createClass(name: "CEM").id
    let (invite, secret) = try teacher.createInvite(for: klass)
    _ = try kusi.importChanges(try teacher.changeBodies(after: [:]).map(\.body))
    try kusi.enroll(teamID: team, classID: klass, invite: invite, secret: secret)
    _ = try teacher.importChanges(try kusi.changeBodies(after: [:]).map(\.body))
    try teacher.setGrade(teamID: team, key: "empatia", tenths: 150, comment: nil)
    bodies = try teacher.changeBodies(after: [:]).map(\.body)
    entities = try teacher.snapshot().entities.map { e in (e.id, e.parent, try teacher.currentOps(entity: e.id).map(\.op)) }
    let fresh = try TallerStore.inMemory()
    _ = try fresh.importChanges(bodies)
    view = try Base.view(fresh, team: team, klass: klass)
  }

  static func view(_ s: TallerStore, _ b: Base) throws -> String { try view(s, team: b.team, klass: b.klass) }

  /// The team's data, grades and class as text (fields in canonical order).
  static func view(_ s: TallerStore, team: String, klass: String) throws -> String {
    let snap = try s.snapshot()
    var keep: Set<String> = [team, klass]
    var grew = true
    while grew {
      grew = false
      for e in snap.entities where !keep.contains(e.id) && e.parent.map(keep.contains) == true {
        keep.insert(e.id)
        grew = true
      }
    }
    let kept = snap.entities.filter { keep.contains($0.id) || $0.type == "replica" }.map {
      "\($0.id) \($0.type) \($0.parent ?? "-") " + CanonicalJSON.encode(.object($0.fields.mapValues { .array($0) }))
    }
    let grades = try s.grades(teamID: team).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.tenths)" }
    return (kept + grades + (try s.classes().map(\.name))).joined(separator: "\n")
  }
}

// SwiftPM links an executable's entry point as `<target>_main`: libFuzzer's driver takes over.
@_cdecl("fuzz_authority_main")
public func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  runFuzzer(argc, argv, fuzz)
}
