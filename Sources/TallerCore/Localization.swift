import Foundation

/// The languages taller speaks. Spanish first: it is the course's language.
public enum Lang: String, CaseIterable, Sendable {
  case es
  case en

  /// Reads `es`, `en`, and the common spellings people type (`español`, `english`, `es_PE.UTF-8`).
  public init?(lenient text: String) {
    let t = Text.fold(text)
    if t.hasPrefix("es") || t == "spanish" || t == "castellano" {
      self = .es
    } else if t.hasPrefix("en") || t == "ingles" {
      self = .en
    } else {
      return nil
    }
  }

  /// The catalog of messages for this language.
  public var catalog: [L: String] {
    switch self {
    case .es: return catalogES
    case .en: return catalogEN
    }
  }
}

/// A message ready to be shown: a catalog key and the values of its `{placeholders}`.
///
/// Library code returns these (inside outcomes and errors); the shell renders them in the
/// session's language.
public struct Message: Hashable, Sendable {
  public var key: L
  public var args: [String: String]

  public init(_ key: L, _ args: [String: String] = [:]) {
    self.key = key
    self.args = args
  }

  /// The text in a language, with placeholders filled in.
  public func text(_ lang: Lang) -> String {
    Message.format(lang.catalog[key] ?? key.rawValue, args)
  }

  /// Fills `{name}` placeholders; unknown placeholders are left as written.
  public static func format(_ template: String, _ args: [String: String]) -> String {
    guard template.contains("{") else { return template }
    var out = ""
    var i = template.startIndex
    while i < template.endIndex {
      let c = template[i]
      if c == "{", let close = template[i...].firstIndex(of: "}") {
        let name = String(template[template.index(after: i)..<close])
        if let v = args[name] {
          out += v
          i = template.index(after: close)
          continue
        }
      }
      out.append(c)
      i = template.index(after: i)
    }
    return out
  }

  /// The placeholder names a template uses.
  public static func placeholders(_ template: String) -> Set<String> {
    var names = Set<String>()
    var rest = Substring(template)
    while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
      let name = rest[rest.index(after: open)..<close]
      if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0 == "_" }) { names.insert(String(name)) }
      rest = rest[rest.index(after: close)...]
    }
    return names
  }
}

/// Text helpers shared by the shell and the store.
public enum Text {
  /// Folds text for lenient matching: NFC, lowercased, accents removed, trimmed.
  public static func fold(_ s: String) -> String {
    // Plain ASCII (most commands) only needs lowercasing: far cheaper than Foundation's folding.
    if s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
      return s.lowercased().trimmingCharacters(in: .whitespaces)
    }
    return s.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
      .trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Normalizes user input for storage: NFC, trimmed, inner runs of white space collapsed.
  public static func clean(_ s: String) -> String {
    let nfc = s.precomposedStringWithCanonicalMapping
    return nfc.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
  }

  /// Splits text into lines: LF or CRLF endings, a last line without newline; no final empty line.
  public static func lines(_ text: String) -> [String] {
    var lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
      var s = String(String.UnicodeScalarView(line))
      if s.unicodeScalars.last == "\r" { s.unicodeScalars.removeLast() }
      return s
    }
    if lines.last == "" { lines.removeLast() }
    return lines
  }

  /// Levenshtein distance between two strings, by characters.
  public static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var prev = Array(0...b.count)
    var cur = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      cur[0] = i
      for j in 1...b.count {
        cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      swap(&prev, &cur)
    }
    return prev[b.count]
  }

  /// The candidates closest to `word` (folded), within a distance that scales with its length.
  public static func suggestions(for word: String, among candidates: [String], limit: Int = 3) -> [String] {
    let w = fold(word)
    guard !w.isEmpty else { return [] }
    let threshold = max(1, min(3, w.count / 3 + 1))
    var scored: [(Int, String)] = []
    var seen = Set<String>()
    for c in candidates where !seen.contains(c) {
      seen.insert(c)
      let f = fold(c)
      var d = editDistance(w, f)
      if f.hasPrefix(w) && w.count >= 2 { d = min(d, 1) }
      if d <= threshold { scored.append((d, c)) }
    }
    return scored.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.prefix(limit).map(\.1)
  }

  /// Joins names as a human list: `a, b y c` / `a, b and c`.
  public static func list(_ items: [String], lang: Lang) -> String {
    switch items.count {
    case 0: return ""
    case 1: return items[0]
    default:
      let last = items[items.count - 1]
      let conj = lang == .es ? (Text.fold(last).hasPrefix("i") ? "e" : "y") : "and"
      return items.dropLast().joined(separator: ", ") + " \(conj) " + last
    }
  }
}
