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
        if sheet.conflicts.contains(f.id) { note = Message.drawConflict.text(lang) }
        lines.append(.item(f.prompt.text(lang) + ": " + (shown.isEmpty ? "·" : shown), note: note))
      }
    }
    return lines
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
    var rows: [[String]] = []
    for k in kind.options {
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
    var lines: [Line] = [
      .table(TableSpec(header: [""] + stage.options.map { $0.label.text(lang).capitalized } + [meanLabel], rows: rows, markEmpty: true))
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
    for (i, item) in sheet.items(list.id).enumerated() {
      let e = item.values["expectativa"]?.intValue
      let r = item.values["desempeno"]?.intValue
      var s = ""
      if let e, let r {
        let d = r - e
        let word = d < 0 ? Message.drawDissatisfied : d == 0 ? Message.drawSatisfied : Message.drawDelighted
        s = (d > 0 ? "+\(d)" : String(d)) + " " + word.text(lang)
      }
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
    return [.table(TableSpec(header: header, rows: rows))]
  }

  /// The empathy-map canvas: who and goal, then see | say, do | hear, think and feel, pains | gains.
  static func canvas(_ ctx: ShellContext, team: Team, def: ExerciseDef, sheet: Sheet, lang: Lang) -> [Line] {
    func box(_ id: String) -> String {
      guard let f = def.field(id) else { return "" }
      let title = f.prompt.text(lang).uppercased()
      let body: String
      if f.kind == .list {
        body = sheet.items(id).map { "• " + ($0.values["nota"]?.stringValue ?? "") }.joined(separator: "\n")
      } else {
        body = value(ctx, team: team, field: f, sheet.values[id], lang: lang)
      }
      return title + "\n" + (body.isEmpty ? "·" : body)
    }
    return [
      .table(TableSpec(header: [], rows: [[box("quien"), box("meta")]])),
      .table(TableSpec(header: [], rows: [[box("ve"), box("dice")], [box("hace"), box("oye")]])),
      .table(TableSpec(header: [], rows: [[box("piensa")]])),
      .table(TableSpec(header: [], rows: [[box("dolores"), box("ganancias")]])),
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
    let header = [Message.drawStage.text(lang)] + stages.map(stageName)
    var rows: [[String]] = []
    for rf in rowsDefs {
      var row = [rf.prompt.text(lang)]
      for s in stages {
        var cell = value(ctx, team: team, field: rf, s.values[rf.id], lang: lang)
        if rf.id == "mot", !cell.isEmpty { cell = "⚑ " + cell }
        row.append(cell)
      }
      rows.append(row)
    }
    // Split the stages into chunks that fit the width, each chunk one table.
    let labelWidth = min(18, rowsDefs.map { $0.prompt.text(lang).count }.max() ?? 10)
    let perChunk = max(1, (ctx.width - labelWidth - 4) / 20)
    var start = 0
    repeat {
      let end = min(stages.count, start + perChunk)
      let chunkRows = rows.map { [$0[0]] + Array($0[(start + 1)..<(end + 1)]) }
      lines.append(.table(TableSpec(header: [header[0]] + Array(header[(start + 1)..<(end + 1)]), rows: chunkRows)))
      start = end
    } while start < stages.count
    lines.append(.heading(Message.drawEmotion.text(lang)))
    lines.append(
      .curve(
        labels: stages.map(stageName), values: stages.map { $0.values["emocion"]?.intValue.map(Int.init) })
    )
    return lines
  }
}
