import Foundation

/// A parser written from Mermaid's `journey.jison` (lexer rules in order, first match wins,
/// case-insensitive) plus Mermaid's entity pre-processing (`#35;` and the like are set aside
/// before lexing and read back afterwards). Used to check that an export always parses, and
/// parses to what was written.
enum MermaidJourneyParser {
  struct Task: Equatable {
    var section: String?
    var name: String
    var score: Int
    var actors: [String]
  }

  struct Parsed: Equatable {
    var title: String?
    var sections: [String] = []
    var tasks: [Task] = []
  }

  struct Failure: Error, CustomStringConvertible {
    var line: Int
    var text: String
    var description: String { "line \(line): \(text)" }
  }

  /// Mermaid's entity codes (`#58;`, `#amp;`) read back as characters.
  static func decode(_ s: String) -> String {
    var out = ""
    var rest = Substring(s)
    while let hash = rest.firstIndex(of: "#") {
      out += rest[..<hash]
      let after = rest[rest.index(after: hash)...]
      if let semi = after.firstIndex(of: ";"), let code = UInt32(after[..<semi]), let u = Unicode.Scalar(code) {
        out.unicodeScalars.append(u)
        rest = after[after.index(after: semi)...]
      } else {
        out.append("#")
        rest = after
      }
    }
    return out + rest
  }

  static func parse(_ text: String) throws -> Parsed {
    // Entities are set aside first (as Mermaid's encodeEntities does), so their `#` and `;`
    // never reach the lexer.
    var codes: [String] = []
    let protected = text.replacingOccurrences(of: #"#[0-9]+;"#, with: "\u{E000}", options: .regularExpression)
    var scan = Substring(text)
    while let r = scan.range(of: #"#[0-9]+;"#, options: .regularExpression) {
      codes.append(String(scan[r]))
      scan = scan[r.upperBound...]
    }
    var next = 0
    func restore(_ s: Substring) -> String {
      var out = ""
      for ch in s {
        if ch == "\u{E000}" {
          out += decode(codes[next])
          next += 1
        } else {
          out.append(ch)
        }
      }
      return out
    }
    var parsed = Parsed()
    var sawHeader = false
    for (n, raw) in protected.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      var line = raw.drop { $0 == " " || $0 == "\t" || $0 == "\r" }
      if line.isEmpty || line.hasPrefix("#") || line.hasPrefix("%%") {
        // A comment: its entities are skipped too.
        next += line.filter { $0 == "\u{E000}" }.count
        continue
      }
      let lower = line.lowercased()
      func stop(_ s: Substring, _ stops: String) -> Substring { s.prefix { !stops.contains($0) } }
      if !sawHeader {
        guard lower.hasPrefix("journey") else { throw Failure(line: n + 1, text: String(raw)) }
        sawHeader = true
        line = line.dropFirst("journey".count)
        if line.allSatisfy(\.isWhitespace) { continue }
        throw Failure(line: n + 1, text: String(raw))
      }
      if lower.hasPrefix("journey") { throw Failure(line: n + 1, text: "journey again: \(raw)") }
      if lower.hasPrefix("acctitle") || lower.hasPrefix("accdescr") { throw Failure(line: n + 1, text: "accessibility keyword: \(raw)") }
      if lower.hasPrefix("title"), line.dropFirst(5).first?.isWhitespace == true {
        let value = stop(line.dropFirst(6), "#\n;")
        try trailing(line.dropFirst(6 + value.count), n, raw)
        parsed.title = restore(value).trimmingCharacters(in: .whitespaces)
        continue
      }
      if lower.hasPrefix("section"), line.dropFirst(7).first?.isWhitespace == true {
        let value = stop(line.dropFirst(8), "#:\n;")
        try trailing(line.dropFirst(8 + value.count), n, raw)
        parsed.sections.append(restore(value).trimmingCharacters(in: .whitespaces))
        continue
      }
      // taskName taskData
      let name = stop(line, "#:\n;")
      var rest = line.dropFirst(name.count)
      guard !name.isEmpty, rest.first == ":" else { throw Failure(line: n + 1, text: String(raw)) }
      rest = rest.dropFirst()
      let data = stop(rest, "#\n;")
      try trailing(rest.dropFirst(data.count), n, raw)
      let nameText = restore(name).trimmingCharacters(in: .whitespaces)
      let parts = restore(data).split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
      guard let score = Int(parts[0]) else { throw Failure(line: n + 1, text: "score: \(raw)") }
      let actors = parts.count > 1 ? parts[1].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } : []
      parsed.tasks.append(Task(section: parsed.sections.last, name: nameText, score: score, actors: actors))
    }
    guard sawHeader else { throw Failure(line: 1, text: "no journey header") }
    return parsed
  }

  /// What may follow a token on its line: nothing, or a `#` comment.
  static func trailing(_ s: Substring, _ n: Int, _ raw: Substring) throws {
    if s.isEmpty || s.hasPrefix("#") { return }
    throw Failure(line: n + 1, text: "unexpected \"\(s)\" in: \(raw)")
  }
}
