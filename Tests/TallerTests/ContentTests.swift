import Foundation
import Testing

@testable import TallerCore

func contentFiles(_ sub: String) throws -> [ContentLoader.SourceFile] {
  let dir = packageRoot.appendingPathComponent(sub)
  return try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".yaml") }.sorted().map {
    ("\(sub)/\($0)", try String(contentsOf: dir.appendingPathComponent($0), encoding: .utf8))
  }
}

@Suite("Content")
struct ContentTests {
  @Test("the embedded content is generated from workshops/ and exercises/ (not stale)")
  func embeddedIsFresh() throws {
    let source = try #require(
      BuiltinContent.generateSource(agendas: try contentFiles("workshops"), exercises: try contentFiles("exercises")))
    let url = packageRoot.appendingPathComponent("Sources/TallerCore/EmbeddedContent.swift")
    let current = try String(contentsOf: url, encoding: .utf8)
    if recording && current != source {
      try source.write(to: url, atomically: true, encoding: .utf8)
      Issue.record("Regenerated EmbeddedContent.swift; build and run again.")
      return
    }
    #expect(current == source, "EmbeddedContent.swift is stale: run TALLER_RECORD=1 swift test")
  }

  @Test("the hand-written reader of the compiled content gives what JSONDecoder gives, and refuses what it refuses")
  func handReaderMatchesDecoder() throws {
    let text = EmbeddedContent.compiled
    let byHand = try ContentJSON.content(text)
    let decoded = try JSONDecoder().decode(Content.self, from: Data(text.utf8))
    #expect(byHand.agenda == decoded.agenda)
    #expect(byHand.exercises == decoded.exercises)
    // Every field reached: translations, checks, completion rules, references, options.
    #expect(byHand.exercises.contains { !$0.checks.isEmpty } && byHand.exercises.contains { !$0.complete.isEmpty })
    #expect(byHand.exercises.flatMap(\.fields).contains { $0.ref != nil || !$0.translations.isEmpty })
    // Broken compiled text is refused (the start-up then falls back to JSONDecoder's error).
    for broken in [
      "", "[]", text.replacingOccurrences(of: "\"drawing\" : \"", with: "\"drawing\" : \"x"),
      text.replacingOccurrences(of: "\"required\" : ", with: "\"required\" : 1 + "),
    ] {
      #expect(throws: ContentJSON.Failure.self) { try ContentJSON.content(broken) }
    }
  }

  @Test("the compiled built-in content is exactly what the YAML files give")
  func compiledMatchesSources() throws {
    let loaded = ContentLoader.load(agendas: try contentFiles("workshops"), exercises: try contentFiles("exercises"))
    let fromYAML = try loaded.get()
    let compiled = try BuiltinContent.content.get()
    #expect(compiled.agenda == fromYAML.agenda)
    #expect(compiled.exercises == fromYAML.exercises)
  }

  @Test("the repository's content lints clean")
  func repositoryContentIsValid() throws {
    switch ContentLoader.load(directory: packageRoot.path) {
    case .success(let c):
      #expect(c.agenda.id == "cem")
      #expect(
        c.ordered.map(\.id) == ["marca-peruana", "puntos-contacto", "momentos-verdad", "mapa-empatia", "mapa-viaje", "proyecto-final"])
    case .failure(let f):
      Issue.record("content does not lint: \(f.issues.map { $0.text(.en) })")
    }
  }

  @Test("the built-in content loads, with the course's weights and team size")
  func builtin() throws {
    let c = try BuiltinContent.content.get()
    #expect(c.agenda.teamSize == 3)
    #expect(c.agenda.grading.map(\.weight) == [15, 20, 10, 15, 40])
    #expect(c.timebox(exercise: "marca-peruana", step: "planeacion") == 15)
    #expect(c.timebox(exercise: "marca-peruana", step: "historia") == 5)
  }
}
