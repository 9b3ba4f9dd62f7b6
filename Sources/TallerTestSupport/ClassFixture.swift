import Foundation
import TallerCore
import TallerShell
import TallerStore

/// Builds realistic class databases of any size, for the benchmarks and the tests: an
/// instructor's class; teams, each working on several laptops (the founder's and laptops that
/// joined with the team's invitation); members; answers to every exercise, typed as people type
/// them; concurrent edits of the same fields on different laptops (left as conflicts); all of it
/// exchanged as signed bundles, the laptops of a team converged, and everything merged into the
/// instructor's database, as `class merge` would.
public enum ClassFixture {
  public struct Summary: Equatable, Sendable {
    public var teams: Int
    public var laptops: Int
    public var changes: Int
    public var conflicts: Int
  }

  /// Why a fixture could not be built: a command that the fixture relies on failed.
  public struct Failure: Error, CustomStringConvertible {
    public var command: String
    public var errors: [String]
    public var description: String { "\(command): \(errors.joined(separator: "; "))" }
  }

  /// What each team answers (the same workshop, with the team's number in it).
  static func answers(_ n: Int) -> [String] {
    [
      "member add Ana \(n), José \(n), Luz \(n)",
      "set marca-peruana.marca Inca Kola \(n)",
      "set marca-peruana.de-que-trata Bebida gaseosa peruana",
      "set marca-peruana.experiencia humana, digital",
      "set marca-peruana.historia Es domingo.\\nHay ceviche en la mesa \(n).",
      "add puntos-contacto.puntos nombre=Cajero momento=durante tipo=humano canal=cajas valoracion=2",
      "add puntos-contacto.puntos nombre=Instagram momento=antes tipo=digital canal=web valoracion=4",
      "add puntos-contacto.puntos nombre=Envase momento=durante tipo=estático canal=productos valoracion=5",
      "set mapa-empatia.quien Rosa, \(30 + n % 20)",
      "set mapa-empatia.meta Servir un buen almuerzo",
      "add mapa-empatia.ve nota=\"Ofertas en la bodega\"",
      "set mapa-viaje.escenario Comprar bebidas para el almuerzo",
      "set mapa-viaje.persona Rosa",
      "edit mapa-viaje.etapas 1 emocion=1 puntos=2 acciones=\"Ve el anuncio\"",
      "edit mapa-viaje.etapas 3 emocion=-1 puntos=1",
    ]
  }

  /// Fills `instructor` (an empty database) with a class of `teams` teams of `laptopsPerTeam`
  /// laptops each, and `conflictsPerTeam` fields edited concurrently on every laptop of a team.
  /// `clock` gives every laptop's time (a counter makes the result the same on every run).
  public static func build(
    into instructor: TallerStore, content: Content, teams: Int, laptopsPerTeam: Int = 2, conflictsPerTeam: Int = 1,
    clock: @escaping @Sendable () -> Int64 = TallerStore.systemClock
  ) throws -> Summary {
    let plain = Renderer(style: .plain)
    func run(_ shell: Shell, _ line: String) throws {
      let r = shell.execute(line, renderer: plain)
      if !r.errors.isEmpty { throw Failure(command: line, errors: r.errors) }
    }
    func send(_ from: TallerStore, to: TallerStore) throws {
      if let b = try from.exportBundle(after: try to.versionVector()) { _ = try to.importBundle(b) }
    }
    let klass = try instructor.createClass(name: "CEM")
    let (classInvite, classSecret) = try instructor.createInvite(for: klass.id)
    let conflictFields = ["marca-peruana.diferenciacion", "mapa-empatia.meta", "mapa-viaje.persona", "marca-peruana.de-que-trata"]
    var laptopCount = 0
    for t in 1...max(1, teams) {
      var laptops: [Shell] = []
      for l in 1...max(1, laptopsPerTeam) {
        let store = try TallerStore.inMemory(label: "equipo\(t)-laptop\(l)", now: clock)
        laptops.append(
          Shell(
            context: ShellContext(store: store, version: "fixture", content: content, interactive: false, now: clock), session: Session()))
      }
      laptopCount += laptops.count
      let founder = laptops[0]
      let name = "Equipo \(t)"
      try run(founder, "team create \"\(name)\"")
      guard let team = try founder.context.store.teams().first else { continue }
      // Enrolled in the class with its invitation (the class's founding change comes first).
      try send(instructor, to: founder.context.store)
      try founder.context.store.enroll(teamID: team.id, classID: klass.id, invite: classInvite, secret: classSecret)
      // The other laptops join with the team's invitation.
      for other in laptops.dropFirst() {
        let (invite, secret) = try founder.context.store.createInvite(for: team.id)
        try send(founder.context.store, to: other.context.store)
        try other.context.store.joinTeam(teamID: team.id, invite: invite, secret: secret)
        try run(other, "team use \"\(name)\"")
      }
      // The answers, each exercise on one of the laptops (as a team splits the work), then exchanged.
      let exercises = ["marca-peruana", "puntos-contacto", "mapa-empatia", "mapa-viaje"]
      for line in answers(t) {
        let words = line.split(separator: " ")
        let exercise = words.count > 1 ? String(words[1].split(separator: ".").first ?? "") : ""
        let laptop = laptops[((exercises.firstIndex(of: exercise) ?? 0) + t) % laptops.count]
        try run(laptop, line)
        // Shared at once (a later exercise builds on the earlier ones' answers).
        for other in laptops where other !== laptop { try send(laptop.context.store, to: other.context.store) }
      }
      for a in laptops { for b in laptops where a !== b { try send(a.context.store, to: b.context.store) } }
      // Concurrent edits of the same fields, before anyone has seen the others'.
      if laptops.count > 1 {
        for c in 0..<max(0, conflictsPerTeam) {
          let field = conflictFields[c % conflictFields.count]
          for (l, laptop) in laptops.enumerated() { try run(laptop, "set \(field) Versión de la laptop \(l + 1), ronda \(c + 1)") }
        }
      }
      for a in laptops { for b in laptops where a !== b { try send(a.context.store, to: b.context.store) } }
      for laptop in laptops { try send(laptop.context.store, to: instructor) }
    }
    return Summary(teams: teams, laptops: laptopCount, changes: try instructor.changeCount(), conflicts: try instructor.conflicts().count)
  }
}
