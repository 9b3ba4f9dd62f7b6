import Foundation
import TallerCore
import TallerStore

/// Draws a team's exercise as the course draws it: a sheet, the touchpoint matrix, the MOT table,
/// the empathy-map canvas, the journey table with its emotion curve.
enum Drawings {
  /// `report`: for a document someone else reads (the instructor's), so no instruction to the
  /// team in it.
  static func draw(_ ctx: ShellContext, team: Team, def: ExerciseDef, lang: Lang, report: Bool = false) -> [Line] {
    guard let sheet = try? ctx.store.sheet(teamID: team.id, exercise: def.id) else { return [] }
    var lines: [Line] = [.heading("\(team.name) · \(def.title.text(lang))")]
    if !ExerciseProgress(sheet: sheet, def: def).started && def.fields.allSatisfy({ $0.defaults.isEmpty }) {
      lines.append(.dim((report ? Message.reportEmpty : Message.drawEmpty(exercise: def.id)).text(lang)))
      return lines
    }
    switch def.drawing {
    case .matrix: lines += matrix(ctx, team: team, def: def, sheet: sheet, lang: lang)
    case .mot: lines += mot(ctx, team: team, def: def, sheet: sheet, lang: lang)
    case .canvas: lines += canvas(ctx, team: team, def: def, sheet: sheet, lang: lang)
    case .journey: lines += journey(ctx, team: team, def: def, sheet: sheet, lang: lang)
    case .sheet: lines += plain(ctx, team: team, def: def, sheet: sheet, lang: lang)
    }
    return lines
  }

  static func value(_ ctx: ShellContext, team: Team, field: FieldDef?, _ v: JSONValue?, lang: Lang) -> String {
    guard let field, let v else { return "" }
    return Guide.display(ctx, team: team, field: field, value: v, lang: lang)
  }

  /// Every field, step by step; lists as numbered items.
  static func plain(_ ctx: ShellContext, team: Team, def: ExerciseDef, sheet: Sheet, lang: Lang) -> [Line] {
    var lines: [Line] = []
    for step in def.steps {
      lines.append(.heading(step.title.text(lang)))
      for f in step.fields {
        if f.kind == .list {
          lines.append(.text(f.prompt.text(lang) + ":"))
          for (i, item) in sheet.items(f.id).enumerated() {
            let parts = f.fields.compactMap { sf -> String? in
              let s = value(ctx, team: team, field: sf, item.values[sf.id], lang: lang)
              return s.isEmpty ? nil : s
            }
            lines.append(.item("\(i + 1). " + parts.joined(separator: " · "), note: nil))
          }
          continue
        }
        var shown = value(ctx, team: team, field: f, sheet.values[f.id], lang: lang)
        var note: String?
        if shown.isEmpty, let p = f.prefill, let pv = Guide.prefillValue(ctx, team: team, path: p) {
          shown = pv
          note = Message.drawPrefilled(source: p).text(lang)
        }
        if sheet.conflicts.contains(f.id) { note = conflictNote(ctx, team: team, sheet: sheet, field: f, lang: lang) }
        lines.append(.item(f.prompt.text(lang) + ": " + (shown.isEmpty ? "·" : shown), note: note))
      }
    }
    return lines
  }

  /// A conflicting field's note: every value it holds, the winner first (a reader decides, not
  /// the merge).
  static func conflictNote(_ ctx: ShellContext, team: Team, sheet: Sheet, field: FieldDef, lang: Lang) -> String {
    let values = ((try? ctx.store.conflict(entity: sheet.id, field: field.id)) ?? nil)?.values ?? []
    let shown = values.map { "«" + value(ctx, team: team, field: field, $0.value, lang: lang) + "»" }
    guard shown.count > 1 else { return Message.drawConflict.text(lang) }
    return Message.drawConflict.text(lang) + ": " + shown.joined(separator: " / ")
  }

  /// Every item of every list of an exercise with every field it collects (`ver … --detalle`):
  /// one table per list, drawn as records where it does not fit the width.
  static func detail(_ ctx: ShellContext, team: Team, def: ExerciseDef, lang: Lang) -> [Line] {
    guard let sheet = try? ctx.store.sheet(teamID: team.id, exercise: def.id) else { return [] }
    var lines: [Line] = [.heading("\(team.name) · \(def.title.text(lang))")]
    let lists = def.fields.filter { $0.kind == .list }
    if lists.isEmpty { return draw(ctx, team: team, def: def, lang: lang) }
    for list in lists {
      let items = sheet.items(list.id)
      lines.append(.text(list.prompt.text(lang) + " (\(items.count))"))
      guard !items.isEmpty else { continue }
      let rows = items.enumerated().map { i, item in
        [String(i + 1)] + list.fields.map { value(ctx, team: team, field: $0, item.values[$0.id], lang: lang) }
      }
      lines.append(.table(TableSpec(header: ["#"] + list.fields.map { $0.shortName(lang).capitalized }, rows: rows, markEmpty: true)))
    }
    return lines
  }

  /// Touchpoint matrix: channel kinds × before/during/after, each cell the touchpoints and ratings.
  static func matrix(_ ctx: ShellContext, team: Team, def: ExerciseDef, sheet: Sheet, lang: Lang) -> [Line] {
    guard let list = def.fields.first(where: { $0.kind == .list }),
      let stage = list.fields.first(where: { $0.id == "momento" }),
      let kind = list.fields.first(where: { $0.id == "tipo" })
    else { return plain(ctx, team: team, def: def, sheet: sheet, lang: lang) }
    let items = sheet.items(list.id)
    // Touchpoints that some moment of truth points to.
    var motIDs = Set<String>()
    if let motDef = ctx.content.exercises.first(where: { $0.drawing == .mot }),
      let motList = motDef.fields.first(where: { $0.kind == .list }),
      let motSheet = try? ctx.store.sheet(teamID: team.id, exercise: motDef.id)
    {
      for m in motSheet.items(motList.id) {
        for f in motList.fields where f.kind == .ref { if let id = m.values[f.id]?.stringValue { motIDs.insert(id) } }
      }
    }
    // Ratings: a red zone (≤ 2) is marked ✖, whatever the colours; means by row and by column.
    func rating(_ item: Item) -> Int64? { item.values["valoracion"]?.intValue }
    func mean(_ rs: [Int64]) -> String {
      guard !rs.isEmpty else { return "" }
      let tenths = (rs.reduce(0, +) * 10 + Int64(rs.count) / 2) / Int64(rs.count)
      return GradeMath.text(Int(tenths)).replacingOccurrences(of: ".", with: lang == .es ? "," : ".")
    }
    func placed(_ s: Option?, _ k: Option?) -> [(Int, Item)] {
      items.enumerated().filter { e in
        (s.map { e.element.values["momento"]?.stringValue == $0.id } ?? true)
          && (k.map { e.element.values["tipo"]?.stringValue == $0.id } ?? true)
      }.map { ($0.offset, $0.element) }
    }
    func tone(_ rs: [Int64]) -> Tone? {
      rs.isEmpty ? nil : Tone.rating((rs.reduce(0, +) * 2 + Int64(rs.count)) / (2 * Int64(rs.count)))
    }
    var rows: [[String]] = []
    var tones: [[Tone?]] = []
    for k in kind.options {
      // A cell is as hot as its worst touchpoint; a mean as its rounded value.
      tones.append(
        [nil] + stage.options.map { s in placed(s, k).compactMap { rating($0.1) }.min().map(Tone.rating) }
          + [tone(placed(nil, k).compactMap { rating($0.1) })])
      var row = [k.label.text(lang).capitalized]
      for s in stage.options {
        let cell = placed(s, k).map { i, item -> String in
          let name = item.values["nombre"]?.stringValue ?? "?"
          let r = rating(item).map { " (\($0)" + ($0 <= Course.redZone ? "✖" : "") + ")" } ?? ""
          return "\(i + 1). \(name)\(r)" + (motIDs.contains(item.id) ? " ⚑" : "")
        }
        row.append(cell.joined(separator: "\n"))
      }
      row.append(mean(placed(nil, k).compactMap { rating($0.1) }))
      rows.append(row)
    }
    let meanLabel = Message.drawMean.text(lang)
    rows.append(
      [meanLabel] + stage.options.map { s in mean(placed(s, nil).compactMap { rating($0.1) }) } + [mean(items.compactMap(rating))])
    tones.append([nil] + stage.options.map { s in tone(placed(s, nil).compactMap { rating($0.1) }) } + [tone(items.compactMap(rating))])
    var lines: [Line] = [
      .table(
        TableSpec(
          header: [""] + stage.options.map { $0.label.text(lang).capitalized } + [meanLabel], rows: rows, markEmpty: true, tones: tones))
    ]
    lines.append(.dim(Message.drawMatrixLegend.text(lang)))
    let red = items.filter { (rating($0) ?? 99) <= Course.redZone }
    if !red.isEmpty {
      let names = red.map { $0.values["nombre"]?.stringValue ?? "?" }.joined(separator: ", ")
      lines.append(.text(Message.drawRedZones(count: String(red.count), names: names, total: String(items.count)).text(lang)))
    }
    let unplaced = items.enumerated().filter { $0.element.values["momento"] == nil || $0.element.values["tipo"] == nil }
    for (i, item) in unplaced { lines.append(.item("\(i + 1). " + (item.values["nombre"]?.stringValue ?? "?"), note: "?")) }
    return lines
  }

  /// Moments of truth with S = R − E and what it means.
  static func mot(_ ctx: ShellContext, team: Team, def: ExerciseDef, sheet: Sheet, lang: Lang) -> [Line] {
    guard let list = def.fields.first(where: { $0.kind == .list }) else { return [] }
    let f = Dictionary(uniqueKeysWithValues: list.fields.map { ($0.id, $0) })
    let header = [
      "#", f["punto"]?.prompt.text(lang) ?? "", f["tipo"]?.prompt.text(lang) ?? "", "E", "R", "S = R − E",
      f["estrategia"]?.prompt.text(lang) ?? "",
    ]
    var rows: [[String]] = []
    var tones: [[Tone?]] = []
    for (i, item) in sheet.items(list.id).enumerated() {
      let e = item.values["expectativa"]?.intValue
      let r = item.values["desempeno"]?.intValue
      var s = ""
      var tone: Tone?
      if let e, let r {
        let d = r - e
        let word = d < 0 ? Message.drawDissatisfied : d == 0 ? Message.drawSatisfied : Message.drawDelighted
        // The sign three ways: a symbol, the number with its sign, a bar either side of zero.
        s = (d < 0 ? "▼ −\(-d)" : d == 0 ? "● 0" : "▲ +\(d)") + " " + word.text(lang) + "\n" + signBar(d)
        tone = Tone.sign(d)
      }
      tones.append([nil, nil, nil, nil, nil, tone, nil])
      let kind = [
        value(ctx, team: team, field: f["tipo"], item.values["tipo"], lang: lang),
        value(ctx, team: team, field: f["encuentro"], item.values["encuentro"], lang: lang),
        value(ctx, team: team, field: f["flujo"], item.values["flujo"], lang: lang),
      ].filter { !$0.isEmpty }
      let strategy = [
        value(ctx, team: team, field: f["estrategia"], item.values["estrategia"], lang: lang),
        item.values["accion"]?.stringValue ?? "",
      ].filter { !$0.isEmpty }
      rows.append([
        String(i + 1), value(ctx, team: team, field: f["punto"], item.values["punto"], lang: lang),
        kind.joined(separator: "\n"), e.map(String.init) ?? "", r.map(String.init) ?? "", s,
        strategy.joined(separator: ": "),
      ])
    }
    return [.table(TableSpec(header: header, rows: rows, tones: tones))]
  }

  /// S = R − E as a bar either side of a zero line, four places a side: `░░██│░░░░` for −2.
  static func signBar(_ d: Int64) -> String {
    let n = Int(min(4, max(-4, d)))
    let left = String(repeating: "░", count: 4 - max(0, -n)) + String(repeating: "█", count: max(0, -n))
    let right = String(repeating: "█", count: max(0, n)) + String(repeating: "░", count: 4 - max(0, n))
    return left + "│" + right
  }

  /// The empathy-map canvas (Gray's): who and goal, see / say / do / hear around the head that
  /// holds think and feel, pains and gains.
  static func canvas(_ ctx: ShellContext, team: Team, def: ExerciseDef, sheet: Sheet, lang: Lang) -> [Line] {
    func box(_ id: String, _ number: Int) -> CanvasBox {
      guard let f = def.field(id) else { return CanvasBox(number: number, title: id, question: "", notes: [], bulleted: false) }
      let notes: [String]
      if f.kind == .list {
        notes = sheet.items(id).compactMap { $0.values["nota"]?.stringValue }.filter { !$0.isEmpty }
      } else {
        let v = value(ctx, team: team, field: f, sheet.values[id], lang: lang)
        notes = v.isEmpty ? [] : [v]
      }
      return CanvasBox(
        number: number, title: f.prompt.text(lang).uppercased(), question: f.help.text(lang), notes: notes, bulleted: f.kind == .list)
    }
    return [
      .canvas(
        CanvasSpec(
          who: box("quien", 1), goal: box("meta", 2), see: box("ve", 3), say: box("dice", 4), does: box("hace", 5),
          hear: box("oye", 6), head: box("piensa", 7), pains: box("dolores", 8), gains: box("ganancias", 9)))
    ]
  }

  /// The journey map: a table with a column per stage, then the emotion curve.
  static func journey(_ ctx: ShellContext, team: Team, def: ExerciseDef, sheet: Sheet, lang: Lang) -> [Line] {
    var lines: [Line] = []
    for f in def.fields where f.kind != .list {
      var shown = value(ctx, team: team, field: f, sheet.values[f.id], lang: lang)
      if shown.isEmpty, let p = f.prefill, let pv = Guide.prefillValue(ctx, team: team, path: p) { shown = pv }
      lines.append(.item(f.prompt.text(lang) + ": " + (shown.isEmpty ? "·" : shown), note: nil))
    }
    guard let list = def.fields.first(where: { $0.kind == .list }) else { return lines }
    let stages = sheet.items(list.id)
    let rowsDefs = list.fields.filter { $0.id != "nombre" }
    let nameField = list.fields.first { $0.id == "nombre" }
    let stageName = { (item: Item) in item.values["nombre"]?.stringValue.map { nameField?.shown($0, lang) ?? $0 } ?? "?" }
    var lanes: [JourneyLane] = []
    for rf in rowsDefs where rf.id != "emocion" {
      lanes.append(
        JourneyLane(
          label: rf.prompt.text(lang),
          cells: stages.map { s in
            let cell = value(ctx, team: team, field: rf, s.values[rf.id], lang: lang)
            return rf.id == "mot" && !cell.isEmpty ? "⚑ " + cell : cell
          }))
    }
    let emotionLabel = list.fields.first { $0.id == "emocion" }.map { $0.shortName(lang).capitalized } ?? Message.drawEmotion.text(lang)
    lines.append(
      .journey(
        JourneySpec(
          stageLabel: Message.drawStage.text(lang), stages: stages.map(stageName), lanes: lanes, emotionLabel: emotionLabel,
          emotions: stages.map { $0.values["emocion"]?.intValue.map(Int.init) },
          moments: stages.map { s in
            !value(ctx, team: team, field: list.fields.first { $0.id == "mot" }, s.values["mot"], lang: lang).isEmpty
          },
          lang: lang)))
    if !stages.isEmpty { lines.append(.dim(Message.drawJourneyLegend.text(lang))) }
    return lines
  }
}
