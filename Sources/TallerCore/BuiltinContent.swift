import Foundation

/// The content built into the binary (the CEM module), so an installed taller needs no source
/// tree beside it. `EmbeddedContent.swift` is generated from `workshops/` and `exercises/`; a test
/// fails when it is stale (`TALLER_RECORD=1 swift test` regenerates it).
public enum BuiltinContent {
  /// The built-in content, read once: from its compiled form (JSON of the checked content),
  /// not by parsing and checking the YAML again on every start; read by hand (``ContentJSON``:
  /// `JSONDecoder` was 40% of start-up), with `JSONDecoder` only if that fails.
  public static let content: Result<Content, LintFailure> = {
    if let c = try? ContentJSON.content(EmbeddedContent.compiled) { return .success(c) }
    do {
      return .success(try JSONDecoder().decode(Content.self, from: Data(EmbeddedContent.compiled.utf8)))
    } catch {
      return .failure(
        LintFailure(issues: [LintIssue(file: "EmbeddedContent.swift", line: 1, message: Message.lintYAML(reason: "\(error)"))]))
    }
  }()

  /// The Swift source of `EmbeddedContent.swift` for the given files: the content checked and
  /// compiled to JSON (nil when the files do not pass the checks).
  public static func generateSource(agendas: [ContentLoader.SourceFile], exercises: [ContentLoader.SourceFile]) -> String? {
    guard case .success(let content) = ContentLoader.load(agendas: agendas, exercises: exercises) else { return nil }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(content) else { return nil }
    let files = (agendas + exercises).map(\.name).sorted().joined(separator: ", ")
    let quote = String(repeating: "\"", count: 3)
    return "// swift-format-ignore-file\n// Generated from \(files) by `TALLER_RECORD=1 swift test`. Do not edit.\n\n"
      + "enum EmbeddedContent {\n  static let compiled = ####\(quote)\n"
      + String(decoding: data, as: UTF8.self) + "\n\(quote)####\n}\n"
  }
}
