import Foundation

/// One line per list item: `Cajero; durante; humano; 2; colas largas`. Parts separated by `;`
/// follow the list's `quick:` order; a part may be empty (`;;`: nothing for that field) or name its
/// field (`nota=colas largas`, `note=…`, by id or short name in either language). `\;` is a
/// literal semicolon.
public enum QuickEntry {
  /// One part of a line: the field it answers and the text typed for it.
  public struct Part: Equatable, Sendable {
    public var field: FieldDef
    public var text: String
  }

  /// The field a `key=` names: its id or short name in either language, ignoring case and accents.
  public static func field(named raw: String, in fields: [FieldDef]) -> FieldDef? {
    let key = Text.fold(raw)
    guard !key.isEmpty else { return nil }
    return fields.first { f in
      [f.id, f.name?.es, f.name?.en].compactMap { $0 }.contains { Text.fold($0) == key }
    }
  }

  /// Splits a line into parts for `order` (positional) and `fields` (by name). Empty parts are
  /// left out. Throws when there are more positional parts than the order holds.
  public static func split(_ line: String, order: [FieldDef], fields: [FieldDef], lang: Lang) throws(TallerError) -> [Part] {
    var pieces: [String] = []
    var current = ""
    var escaped = false
    for ch in line {
      if escaped {
        if ch != ";" { current.append("\\") }
        current.append(ch)
        escaped = false
      } else if ch == "\\" {
        escaped = true
      } else if ch == ";" {
        pieces.append(current)
        current = ""
      } else {
        current.append(ch)
      }
    }
    if escaped { current.append("\\") }
    pieces.append(current)
    var parts: [Part] = []
    var position = 0
    var named = Set<String>()
    for piece in pieces {
      let text = piece.trimmingCharacters(in: .whitespaces)
      if let eq = text.firstIndex(of: "="), let f = field(named: String(text[..<eq]), in: fields) {
        named.insert(f.id)
        let value = text[text.index(after: eq)...].trimmingCharacters(in: .whitespaces)
        parts.removeAll { $0.field.id == f.id }
        if !value.isEmpty { parts.append(Part(field: f, text: value)) }
        continue
      }
      // Positional parts skip fields already named.
      while position < order.count && named.contains(order[position].id) { position += 1 }
      guard position < order.count else {
        if text.isEmpty { continue }
        throw .refused(
          Message.quickTooMany(count: String(order.count), extra: text, order: order.map { $0.shortName(lang) }.joined(separator: "; ")))
      }
      if !text.isEmpty { parts.append(Part(field: order[position], text: text)) }
      position += 1
    }
    return parts
  }
}
