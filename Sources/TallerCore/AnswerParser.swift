import Foundation

/// Turns what a person typed into the value a field stores, or refuses it naming what is
/// accepted. The guided flow and the direct commands share it, so both validate the same way.
public enum AnswerParser {
  /// The items a reference may point to, in list order, with the label people know them by.
  public typealias RefChoices = [(id: String, label: String)]

  /// Parses `raw` for `field`. An empty answer clears the field (`.null`).
  public static func parse(_ raw: String, field: FieldDef, lang: Lang, refs: RefChoices = []) throws(TallerError) -> JSONValue {
    let text = Text.trimmingSpaces(raw, andNewlines: true)
    if text.isEmpty { return .null }
    switch field.kind {
    case .text:
      return .string(Text.clean(text))
    case .longtext:
      // "\n" typed on one line stands for a line break.
      return .string(text.precomposedStringWithCanonicalMapping.replacingOccurrences(of: "\\n", with: "\n"))
    case .scale:
      let lo = field.min ?? 0
      let hi = field.max ?? 0
      guard let (whole, fraction) = number(text, decimals: field.decimals, percent: hi == 100) else {
        throw .refused(
          field.decimals > 0
            ? Message.answerNotDecimal(decimals: String(field.decimals), max: String(hi), min: String(lo), value: text)
            : Message.answerNotNumber(max: String(hi), min: String(lo), value: text))
      }
      let negative = whole < 0 || text.hasPrefix("-") || text.hasPrefix("−")
      guard whole >= lo, whole <= hi, !(whole == hi && fraction != nil), !(whole == lo && fraction != nil && negative) else {
        throw .refused(Message.answerOutOfRange(max: String(hi), min: String(lo), value: text))
      }
      // Floats are never stored (see JSONValue): a decimal answer is kept as its canonical text.
      if let fraction { return .string((whole == 0 && negative ? "-" : "") + "\(whole).\(fraction)") }
      return .int(Int64(whole))
    case .choice:
      let parts = field.multiple ? text.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } : [text]
      var ids: [String] = []
      for p in parts where !p.isEmpty {
        if let o = field.option(matching: p) {
          if !ids.contains(o.id) { ids.append(o.id) }
        } else if field.other {
          ids.append(Text.clean(p))
        } else {
          throw .refused(
            Message.answerNotOption(options: field.options.map { $0.label.text(lang) }.joined(separator: ", "), value: p))
        }
      }
      if ids.isEmpty { return .null }
      return field.multiple ? .array(ids.map { .string($0) }) : .string(ids[0])
    case .ref:
      if refs.isEmpty {
        throw .refused(Message.answerNoItems(field: field.prompt.text(lang)))
      }
      let parts = field.multiple ? text.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } : [text]
      var ids: [String] = []
      for p in parts where !p.isEmpty {
        guard let id = resolve(p, refs) else {
          let listing = refs.enumerated().map { "\($0.offset + 1) \($0.element.label)" }.joined(separator: ", ")
          throw .refused(Message.answerNotItem(items: listing, value: p))
        }
        if !ids.contains(id) { ids.append(id) }
      }
      if ids.isEmpty { return .null }
      return field.multiple ? .array(ids.map { .string($0) }) : .string(ids[0])
    case .list:
      throw .refused(Message.answerIsList(field: field.id))
    }
  }

  /// Number words people type instead of digits, in both languages.
  static let numberWords: [String: Int] = [
    "cero": 0, "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9,
    "diez": 10, "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10,
  ]

  /// A number as typed: `2`, `+2`, `−2` (Unicode minus), `menos dos`, `cero`, `85%` (where a
  /// percentage is asked), `5,5` or `5.5` (where the scale allows decimals). Returns the whole
  /// part and the decimal digits (nil for a whole number).
  public static func number(_ raw: String, decimals: Int, percent: Bool) -> (Int, String?)? {
    var t = Text.fold(raw).replacingOccurrences(of: "−", with: "-").replacingOccurrences(of: "–", with: "-")
    if percent, t.hasSuffix("%") { t = String(t.dropLast()).trimmingCharacters(in: .whitespaces) }
    var sign = 1
    for minus in ["menos ", "minus ", "-"] where t.hasPrefix(minus) {
      sign = -1
      t = String(t.dropFirst(minus.count)).trimmingCharacters(in: .whitespaces)
      break
    }
    if sign == 1, t.hasPrefix("+") { t = String(t.dropFirst()).trimmingCharacters(in: .whitespaces) }
    if let n = numberWords[t] { return (sign * n, nil) }
    let parts = t.split(separator: t.contains(",") ? "," : ".", omittingEmptySubsequences: false).map(String.init)
    guard let first = parts.first, !first.isEmpty, first.allSatisfy(\.isASCII), let whole = Int(first) else { return nil }
    if parts.count == 1 { return (sign * whole, nil) }
    guard parts.count == 2, decimals > 0 else { return nil }
    var fraction = parts[1]
    while fraction.hasSuffix("0") { fraction.removeLast() }
    guard fraction.count <= decimals, fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
    return (sign * whole, fraction.isEmpty ? nil : fraction)
  }

  /// Finds an item by its number (1-based) or by its label (exact, else a unique prefix).
  public static func resolve(_ raw: String, _ refs: RefChoices) -> String? {
    let t = Text.fold(raw.hasPrefix("#") ? String(raw.dropFirst()) : raw)
    if let n = Int(t), n >= 1, n <= refs.count { return refs[n - 1].id }
    if let exact = refs.first(where: { Text.fold($0.label) == t }) { return exact.id }
    let prefix = refs.filter { Text.fold($0.label).hasPrefix(t) }
    return prefix.count == 1 ? prefix[0].id : nil
  }

  /// A stored value as people read it: option labels in the language, item labels for references.
  public static func display(_ value: JSONValue?, field: FieldDef, lang: Lang, label: (String) -> String?) -> String {
    guard let value else { return "" }
    switch (field.kind, value) {
    case (_, .null): return ""
    case (.choice, .string(let id)):
      return field.options.first { $0.id == id }?.label.text(lang) ?? id
    case (.choice, .array(let ids)):
      return ids.compactMap(\.stringValue).map { id in field.options.first { $0.id == id }?.label.text(lang) ?? id }
        .joined(separator: ", ")
    case (.ref, .string(let id)): return label(id) ?? "?"
    case (.ref, .array(let ids)): return ids.compactMap(\.stringValue).map { label($0) ?? "?" }.joined(separator: ", ")
    case (.scale, .int(let n)): return n > 0 && (field.min ?? 0) < 0 ? "+\(n)" : String(n)
    case (_, .string(let s)): return field.shown(s, lang)
    case (_, .int(let n)): return String(n)
    case (_, .bool(let b)): return b ? "✓" : "—"
    default: return CanonicalJSON.encode(value)
    }
  }
}
