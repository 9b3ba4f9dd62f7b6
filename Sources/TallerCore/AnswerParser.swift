import Foundation

/// Turns what a person typed into the value a field stores, or refuses it naming what is
/// accepted. The guided flow and the direct commands share it, so both validate the same way.
public enum AnswerParser {
  /// The items a reference may point to, in list order, with the label people know them by.
  public typealias RefChoices = [(id: String, label: String)]

  /// Parses `raw` for `field`. An empty answer clears the field (`.null`).
  public static func parse(_ raw: String, field: FieldDef, lang: Lang, refs: RefChoices = []) throws(TallerError) -> JSONValue {
    let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
    if text.isEmpty { return .null }
    switch field.kind {
    case .text:
      return .string(Text.clean(text))
    case .longtext:
      // "\n" typed on one line stands for a line break.
      return .string(text.precomposedStringWithCanonicalMapping.replacingOccurrences(of: "\\n", with: "\n"))
    case .scale:
      let normalized = text.replacingOccurrences(of: "−", with: "-").replacingOccurrences(of: "+", with: "")
      let lo = field.min ?? 0
      let hi = field.max ?? 0
      guard let n = Int(normalized) else {
        throw .refused(Message.answerNotNumber(max: String(hi), min: String(lo), value: text))
      }
      guard n >= lo, n <= hi else {
        throw .refused(Message.answerOutOfRange(max: String(hi), min: String(lo), value: text))
      }
      return .int(Int64(n))
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
    case (_, .string(let s)): return s
    case (_, .int(let n)): return String(n)
    case (_, .bool(let b)): return b ? "✓" : "—"
    default: return CanonicalJSON.encode(value)
    }
  }
}
