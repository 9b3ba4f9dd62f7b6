import Foundation

/// The content built into the binary (the CEM module), so an installed taller needs no source
/// tree beside it. `EmbeddedContent.swift` is generated from `workshops/` and `exercises/`; a test
/// fails when it is stale (`TALLER_RECORD=1 swift test` regenerates it).
public enum BuiltinContent {
  /// The built-in content, parsed once.
  public static let content: Result<Content, LintFailure> = ContentLoader.load(
    agendas: EmbeddedContent.agendas, exercises: EmbeddedContent.exercises)

  /// The Swift source of `EmbeddedContent.swift` for the given files.
  public static func generateSource(agendas: [ContentLoader.SourceFile], exercises: [ContentLoader.SourceFile]) -> String {
    func literal(_ files: [ContentLoader.SourceFile]) -> String {
      files.sorted { $0.name < $1.name }.map { f in
        "    (\n      \"\(f.name)\",\n      ####\"\"\"\n\(f.text.hasSuffix("\n") ? f.text : f.text + "\n")\"\"\"####\n    )"
      }.joined(separator: ",\n")
    }
    return """
      // Generated from workshops/ and exercises/ by `TALLER_RECORD=1 swift test`. Do not edit.

      enum EmbeddedContent {
        static let agendas: [ContentLoader.SourceFile] = [
      \(literal(agendas))
        ]

        static let exercises: [ContentLoader.SourceFile] = [
      \(literal(exercises))
        ]
      }

      """
  }
}
