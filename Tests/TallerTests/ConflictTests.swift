import Foundation
import Testing

@testable import TallerCore
@testable import TallerShell
@testable import TallerStore
@testable import TallerTerminal

@Suite("Three-way text merge")
struct TextMergeTests {
  static let base = "Es domingo.\nHay ceviche.\nY una Inca Kola helada."

  @Test(
    "edits to different lines merge; edits to the same lines conflict; the same edit twice is one",
    arguments: [
      (
        "Es sábado.\nHay ceviche.\nY una Inca Kola helada.", "Es domingo.\nHay ceviche.\nY una Inca Kola bien helada.",
        "Es sábado.\nHay ceviche.\nY una Inca Kola bien helada." as String?
      ),
      ("Es sábado.\nHay ceviche.\nY una Inca Kola helada.", "Es lunes.\nHay ceviche.\nY una Inca Kola helada.", nil),
      (
        "Es domingo.\nHay ceviche.\nY una Inca Kola helada.\nFin.", "Primero.\nEs domingo.\nHay ceviche.\nY una Inca Kola helada.",
        "Primero.\nEs domingo.\nHay ceviche.\nY una Inca Kola helada.\nFin."
      ),
      ("Es domingo.\nY una Inca Kola helada.", "Es domingo.\nY una Inca Kola helada.", "Es domingo.\nY una Inca Kola helada."),
      ("Es domingo.\nHay ceviche.\nA.\nY una Inca Kola helada.", "Es domingo.\nHay ceviche.\nB.\nY una Inca Kola helada.", nil),
      ("Es domingo.\nY una Inca Kola helada.", "Es domingo.\nHay ceviche y causa.\nY una Inca Kola helada.", nil),
    ])
  func merges(ours: String, theirs: String, expected: String?) {
    #expect(TextMerge.clean(base: Self.base, versions: [ours, theirs]) == expected)
    // Symmetric: which side is "ours" does not change whether or how it merges.
    #expect(TextMerge.clean(base: Self.base, versions: [theirs, ours]) == expected)
  }

  @Test("three versions fold into one when none overlaps")
  func three() {
    let a = "Es sábado.\nHay ceviche.\nY una Inca Kola helada."
    let b = "Es domingo.\nHay causa.\nY una Inca Kola helada."
    let c = "Es domingo.\nHay ceviche.\nY una chicha morada."
    #expect(TextMerge.clean(base: Self.base, versions: [a, b, c]) == "Es sábado.\nHay causa.\nY una chicha morada.")
  }

  @Test("markers show only where the versions clash")
  func markers() {
    let text = TextMerge.marked(
      base: Self.base, ours: "Es sábado.\nHay ceviche.\nY una Inca Kola helada.", theirs: "Es lunes.\nHay ceviche.\nY agua.",
      oursLabel: "a", theirsLabel: "b")
    #expect(
      text == "<<<<<<< a\nEs sábado.\n||||||| base\nEs domingo.\n=======\nEs lunes.\n>>>>>>> b\nHay ceviche.\nY agua.")
    #expect(TextMerge.hasMarkers(text))
    #expect(!TextMerge.hasMarkers("Es lunes.\nHay ceviche."))
  }
}

@Suite("Conflict resolution")
struct ConflictResolutionTests {
  func pair() throws -> (Replica, Replica, TestClock) {
    let clock = TestClock()
    let a = try Replica(1, clock: clock)
    let b = try Replica(2, clock: clock)
    a.run("team create Los Incas")
    a.run("set marca-peruana.historia Es domingo.\\nHay ceviche.\\nY una Inca Kola helada.")
    a.run("add puntos-contacto.puntos nombre=Cajero momento=durante tipo=humano valoracion=2")
    a.run("add puntos-contacto.puntos nombre=Web momento=antes tipo=digital valoracion=4")
    a.run("add puntos-contacto.puntos nombre=Envase momento=durante tipo=estático valoracion=5")
    try b.joining(a, team: "Los Incas")
    return (a, b, clock)
  }

  func exchange(_ a: Replica, _ b: Replica) throws {
    let fromA = try a.bundle()
    let fromB = try b.bundle()
    try a.importing(fromB)
    try b.importing(fromA)
  }

  @Test("long text: edits to different lines merge by themselves, the same everywhere; the same lines conflict")
  func longText() throws {
    let (a, b, clock) = try pair()
    a.run("set marca-peruana.historia Es sábado.\\nHay ceviche.\\nY una Inca Kola helada.")
    clock.advance(10)
    b.run("set marca-peruana.historia Es domingo.\\nHay ceviche.\\nY una Inca Kola bien helada.")
    try exchange(a, b)
    #expect(try a.store.conflicts().isEmpty)
    let team = try #require(try a.store.teams().first)
    let merged = "Es sábado.\nHay ceviche.\nY una Inca Kola bien helada."
    #expect(try a.store.sheet(teamID: team.id, exercise: "marca-peruana").values["historia"] == .string(merged))
    #expect(try a.store.snapshot().exportJSON() == b.store.snapshot().exportJSON())
    // Both now edit the first line: a conflict, shown three ways, resolved by a merge.
    a.run("set marca-peruana.historia Es lunes.\\nHay ceviche.\\nY una Inca Kola bien helada.")
    b.run("set marca-peruana.historia Es martes.\\nHay ceviche.\\nY una Inca Kola bien helada.")
    try exchange(a, b)
    let c = try #require(try a.store.conflicts().first)
    let shown = a.run("conflict show \(c.id)").output
    #expect(shown.contains("||||||| base") && shown.contains("Es sábado.") && shown.contains("Es martes."))
    let refused = a.run("conflict merge \(c.id)")
    #expect(refused.errors.first?.contains("En un guion, da el texto combinado") == true)
    #expect(a.run("conflict merge \(c.id) Es lunes o martes.\\nHay ceviche.").errors.isEmpty)
    try exchange(a, b)
    #expect(try b.store.conflicts().isEmpty)
    #expect(try b.store.sheet(teamID: team.id, exercise: "marca-peruana").values["historia"] == "Es lunes o martes.\nHay ceviche.")
    #expect(try a.store.snapshot().exportJSON() == b.store.snapshot().exportJSON())
  }

  @Test("the editor the shell hands text to: what is saved comes back; a failing editor gives nothing")
  func editor() throws {
    let sed = SystemProcesses(environment: ["EDITOR": "sed -i -e '/^[<=>]\\{7\\}/d' -e '/^Dos$/d'"])
    #expect(sed.hasEditor)
    #expect(sed.edit("<<<<<<< a\nUno\n=======\nDos\n>>>>>>> b\nTres\n", name: "t") == "Uno\nTres\n")
    #expect(SystemProcesses(environment: ["VISUAL": "false", "EDITOR": "cat"]).edit("x", name: "t") == nil)
    #expect(!SystemProcesses(environment: [:]).hasEditor)
  }

  @Test("keep-both on a list item keeps every value: the item and a copy right after it")
  func keepBoth() throws {
    let (a, b, clock) = try pair()
    #expect(a.run("edit puntos-contacto.puntos 1 nombre=\"Caja rápida\"").errors.isEmpty)
    clock.advance(10)
    #expect(b.run("edit puntos-contacto.puntos 1 nombre=\"Cajero amable\"").errors.isEmpty)
    try exchange(a, b)
    let c = try #require(try b.store.conflicts().first)
    let r = b.run("conflict keep-both \(c.id)")
    #expect(r.errors.isEmpty, "\(r.errors)")
    try exchange(a, b)
    let team = try #require(try a.store.teams().first)
    let names = try a.store.sheet(teamID: team.id, exercise: "puntos-contacto").items("puntos").compactMap {
      $0.values["nombre"]?.stringValue
    }
    #expect(names == ["Cajero amable", "Caja rápida", "Web", "Envase"])
    #expect(try a.store.conflicts().isEmpty)
    #expect(try a.store.snapshot().exportJSON() == b.store.snapshot().exportJSON())
    // Not for a single field.
    a.run("set marca-peruana.marca X")
    b.run("set marca-peruana.marca Y")
    try exchange(a, b)
    let single = try #require(try a.store.conflicts().first)
    #expect(a.run("conflict keep-both \(single.id)").errors.first?.contains("elementos de una lista") == true)
  }

  @Test("concurrent moves of one item are a conflict on its place in the list, resolvable like any other")
  func concurrentMoves() throws {
    let (a, b, clock) = try pair()
    a.run("move puntos-contacto.puntos 3 1")
    clock.advance(10)
    b.run("move puntos-contacto.puntos 3 2")
    try exchange(a, b)
    let c = try #require(try a.store.conflicts().first)
    #expect(c.field == "@pos")
    let listed = a.run("conflicts").output
    #expect(listed.contains("lugar en la lista") && listed.contains("n.º 1") && listed.contains("n.º 2"))
    #expect(a.run("conflict pick \(c.id) b").errors.isEmpty)
    try exchange(a, b)
    #expect(try b.store.conflicts().isEmpty)
    #expect(try a.store.snapshot().exportJSON() == b.store.snapshot().exportJSON())
  }
}
