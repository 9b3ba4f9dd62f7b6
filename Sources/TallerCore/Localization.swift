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
  public private(set) var key: L
  public private(set) var args: [String: String]
  /// Placeholders filled with catalog words, in the language the message is shown in.
  var translatedArgs: [String: L] = [:]

  /// A message by key and values; outside this module messages are made by their typed
  /// constructors (`Message.teamCreated(team:)`, generated from the catalogs), so a missing or
  /// misspelt placeholder does not compile.
  init(_ key: L, _ args: [String: String]) {
    self.key = key
    self.args = args
  }

  /// A message chosen at run time (a command's summary): keys without placeholders only.
  public init(_ key: L) {
    self.key = key
    args = [:]
  }

  /// The same message with `placeholder` filled by catalog words, in the language the message
  /// is shown in (a reason, inside a sentence of another message).
  public func saying(_ placeholder: String, _ words: L) -> Message {
    var m = self
    m.translatedArgs[placeholder] = words
    return m
  }

  /// The text in a language, with placeholders filled in.
  public func text(_ lang: Lang) -> String {
    var args = args
    for (name, word) in translatedArgs { args[name] = lang.catalog[word] ?? word.rawValue }
    return Message.format(lang.catalog[key] ?? key.rawValue, args)
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
    // Printable ASCII (most commands) and precomposed Latin letters with accents (Spanish
    // words, most names): each letter lowercased, accented ones to their base, as Foundation
    // folds them (a test compares every one), far cheaper than its folding.
    var folded: [UInt8] = []
    folded.reserveCapacity(s.utf8.count)
    for scalar in s.unicodeScalars {
      switch scalar.value {
      case 0x41...0x5A: folded.append(UInt8(scalar.value) + 0x20)
      case 0x20..<0x7F: folded.append(UInt8(scalar.value))
      default:
        guard let base = latinBases[scalar.value] else { return foundationFold(s) }
        folded.append(base)
      }
    }
    return trimmingSpaces(String(decoding: folded, as: UTF8.self))
  }

  /// The letters of Latin-1 that are a base letter and an accent, and that base, lowercased.
  public static let latinBases: [UInt32: UInt8] = {
    var bases: [UInt32: UInt8] = [:]
    let groups: [(String, Character)] = [
      ("ÀÁÂÃÄÅàáâãäå", "a"), ("Çç", "c"), ("ÈÉÊËèéêë", "e"), ("ÌÍÎÏìíîï", "i"), ("Ññ", "n"),
      ("ÒÓÔÕÖòóôõö", "o"), ("ÙÚÛÜùúûü", "u"), ("Ýýÿ", "y"),
    ]
    for (letters, base) in groups {
      for scalar in letters.unicodeScalars { bases[scalar.value] = base.asciiValue }
    }
    return bases
  }()

  /// Foundation's folding (case, accents, width), trimmed: what ``fold(_:)`` gives.
  public static func foundationFold(_ s: String) -> String {
    s.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
      .trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// `s` with every `target` replaced by `replacement`; an ASCII `target` (a newline, say) on
  /// bytes, as an ASCII byte is never part of another character in UTF-8:
  /// Foundation's `replacingOccurrences` goes through `NSString`, and was a tenth of a class
  /// export's time for the cells of its tables.
  public static func replacing(_ target: Unicode.Scalar, in s: String, with replacement: String) -> String {
    guard target.isASCII else { return s.replacingOccurrences(of: String(target), with: replacement) }
    let byte = UInt8(target.value)
    guard s.utf8.contains(byte) else { return s }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(s.utf8.count + replacement.utf8.count * 4)
    for b in s.utf8 {
      if b == byte { bytes.append(contentsOf: replacement.utf8) } else { bytes.append(b) }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// `s.trimmingCharacters(in: .whitespaces)` (or `.whitespacesAndNewlines`), without
  /// Foundation's cost when there is nothing to trim: a line or a word that begins and ends with
  /// a printable ASCII character (most).
  public static func trimmingSpaces(_ s: String, andNewlines: Bool = false) -> String {
    if let first = s.utf8.first, let last = s.utf8.last, (0x21..<0x7F).contains(first), (0x21..<0x7F).contains(last) { return s }
    return s.trimmingCharacters(in: andNewlines ? .whitespacesAndNewlines : .whitespaces)
  }

  /// A name quoted as each catalog quotes names: «name» in Spanish, "name" in English.
  public static func quoted(_ s: String, lang: Lang) -> String { lang == .es ? "«\(s)»" : "\"\(s)\"" }

  /// Natural order of names, then ids: `Equipo 2` before `Equipo 10`, case and accents aside.
  public static func naturallyBefore(_ a: (name: String, id: String), _ b: (name: String, id: String)) -> Bool {
    switch a.name.compare(b.name, options: [.numeric, .caseInsensitive, .diacriticInsensitive]) {
    case .orderedAscending: return true
    case .orderedDescending: return false
    case .orderedSame: return a.id < b.id
    }
  }

  /// Normalizes user input for storage: NFC, trimmed, inner runs of white space collapsed.
  public static func clean(_ s: String) -> String {
    // ASCII is already NFC (most answers typed on a US keyboard layout).
    let nfc = s.utf8.allSatisfy { $0 < 0x80 } ? s : s.precomposedStringWithCanonicalMapping
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

/// How many terminal columns text takes: wide characters (CJK, emoji shown as pictures) two,
/// combining marks and control characters none, everything else one.
public enum DisplayWidth {
  public static func of(_ s: String) -> Int {
    // Plain ASCII, the common case: one column per byte.
    if s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return s.utf8.count }
    var w = 0
    var escape = false
    for scalar in s.unicodeScalars {
      if escape {
        // An ANSI sequence (ESC [ … letter) takes no room.
        if (0x40...0x7E).contains(scalar.value) && scalar != "[" { escape = false }
        continue
      }
      if scalar == "\u{1B}" {
        escape = true
        continue
      }
      w += of(scalar)
    }
    return w
  }

  public static func of(_ c: Character) -> Int { c.unicodeScalars.reduce(0) { $0 + of($1) } }

  public static func of(_ scalar: Unicode.Scalar) -> Int {
    let v = scalar.value
    if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
    if v < 0x300 { return 1 }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return 0
    default: break
    }
    if v == 0x200B || (0xFE00...0xFE0F).contains(v) { return 0 }
    if (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
      || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
      || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v) || (0x1F900...0x1F9FF).contains(v)
      || (0x20000...0x3FFFD).contains(v) || scalar.properties.isEmojiPresentation
    {
      return 2
    }
    return 1
  }
}

extension Message {
  /// The Swift source of `Messages+Typed.swift`: one typed constructor per catalog key, its
  /// placeholders as labelled arguments (alphabetical), so a message built with a missing or
  /// misspelt placeholder does not compile. Guarded by a test that fails when it is stale.
  public static func typedSource() -> String {
    var out = "// swift-format-ignore-file\n"
    out += "// Generated from CatalogES.swift and CatalogEN.swift by `TALLER_RECORD=1 swift test`. Do not edit.\n\n"
    out += "extension Message {\n"
    for key in L.allCases {
      let template = Lang.es.catalog[key] ?? ""
      let names = placeholders(template).sorted()
      let doc = Text.replacing("\n", in: template, with: " ")
      out += "  /// \(doc)\n"
      let name = "\(key)"
      if names.isEmpty {
        out += "  public static var \(name): Message { Message(.\(name), [:]) }\n"
      } else {
        // Labels are the placeholders' names (`class` too); the values inside get a suffix.
        let params = names.map { "\($0) \($0)Value: some CustomStringConvertible" }.joined(separator: ", ")
        let dict = names.map { "\"\($0)\": String(describing: \($0)Value)" }.joined(separator: ", ")
        out += "  public static func \(name)(\(params)) -> Message { Message(.\(name), [\(dict)]) }\n"
        // A fixed reason in catalog words, said in the language the message is shown in.
        if names.contains("reason") {
          let params = names.map { "\($0) \($0)Value: \($0 == "reason" ? "L" : "some CustomStringConvertible")" }.joined(separator: ", ")
          let dict = names.map { "\"\($0)\": \($0 == "reason" ? "\"\"" : "String(describing: \($0)Value)")" }.joined(separator: ", ")
          out += "  public static func \(name)(\(params)) -> Message { Message(.\(name), [\(dict)]).saying(\"reason\", reasonValue) }\n"
        }
      }
    }
    return out + "}\n"
  }
}
