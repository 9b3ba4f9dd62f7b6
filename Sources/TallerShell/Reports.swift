import Foundation
import TallerCore
import TallerStore

/// Exports people open: Markdown, one self-contained HTML page, a Mermaid journey, CSV files per
/// list, the canonical JSON. Every format shows what the terminal draws (the same `Line`s), so
/// the matrix, the canvas and the journey read the same everywhere.
enum Reports {
  static let formats = ["md", "html", "mermaid", "csv", "json"]

  /// A team's work: each exercise of the agenda, drawn.
  static func sections(_ ctx: ShellContext, team: Team, lang: Lang) -> [(title: String, lines: [Line])] {
    var ctx = ctx
    ctx.width = 10_000  // no chunking of the journey: documents have their own width
    return ctx.content.ordered.map { def in
      var lines = Drawings.draw(ctx, team: team, def: def, lang: lang, report: true)
      if case .heading? = lines.first { lines.removeFirst() }
      return (def.title.text(lang), lines)
    }
  }

  // MARK: Markdown

  /// An answer as Markdown text that stays text: inline markers escaped (`*`, `_`, `~~`, `|`…),
  /// and, where the text starts a line (`block`), block markers too (`- `, `+ `, `1. `, `2) `,
  /// `---`, `===`).
  static func md(_ s: String, block: Bool = false) -> String {
    var out = ""
    for ch in s {
      if "\\`*_[]<>#|~".contains(ch) { out.append("\\") }
      out.append(ch)
    }
    guard block else { return out }
    if let f = out.first, "-+=".contains(f) { out = "\\" + out }
    if let r = out.range(of: #"^[0-9]{1,9}[.)]"#, options: .regularExpression) {
      out.insert("\\", at: out.index(before: r.upperBound))
    }
    return out
  }

  /// Text of several lines in Markdown: each line break a hard break (a backslash at the end of
  /// the line), the next line indented to stay in its list item.
  static func mdLines(_ s: String, indent: String) -> String {
    s.split(separator: "\n", omittingEmptySubsequences: false).map { md(String($0), block: true) }.joined(separator: "\\\n" + indent)
  }

  static func markdown(_ ctx: ShellContext, teams: [Team], lang: Lang) -> String {
    var out = ""
    for team in teams {
      out += "# \(md(team.name))\n\n"
      if !team.members.isEmpty {
        out += "_" + md(Message.reportMembers(members: team.members.map(\.name).joined(separator: ", ")).text(lang)) + "_\n\n"
      }
      for (title, lines) in sections(ctx, team: team, lang: lang) {
        out += "## \(md(title))\n\n"
        out += markdown(lines) + "\n"
      }
    }
    return out
  }

  static func markdown(_ lines: [Line]) -> String {
    var out = ""
    var inList = false
    for line in lines {
      // A list ends with a blank line before anything else.
      if case .item = line {
        inList = true
      } else if inList {
        out += "\n"
        inList = false
      }
      switch line {
      case .heading(let t): out += "### \(md(t))\n\n"
      case .text(let t), .success(let t): out += mdLines(t, indent: "") + "\n\n"
      case .dim(let t): out += "_" + mdLines(t, indent: "") + "_\n\n"
      case .item(let t, let note): out += "- " + mdLines(t, indent: "  ") + (note.map { " _(" + md($0) + ")_" } ?? "") + "\n"
      case .table(let spec):
        let width = max(spec.header.count, spec.rows.map(\.count).max() ?? 0)
        let header = spec.header.isEmpty ? Array(repeating: " ", count: width) : spec.header
        func cells(_ r: [String]) -> String {
          "| " + r.map { md($0).replacingOccurrences(of: "\n", with: "<br>") }.joined(separator: " | ") + " |\n"
        }
        out += "\n" + cells(header) + "|" + Array(repeating: " --- |", count: width).joined() + "\n"
        for r in spec.rows { out += cells(r + Array(repeating: "", count: max(0, width - r.count))) }
        out += "\n"
      case .curve(let labels, _) where labels.isEmpty:
        continue
      case .curve(let labels, let values):
        out +=
          "| " + labels.map { md($0) }.joined(separator: " | ") + " |\n|" + Array(repeating: " --- |", count: labels.count).joined() + "\n"
        out += "| " + values.map { $0.map { $0 > 0 ? "+\($0)" : String($0) } ?? "·" }.joined(separator: " | ") + " |\n\n"
      }
    }
    if inList { out += "\n" }
    return out
  }

  // MARK: HTML

  static func esc(_ s: String) -> String {
    var out = ""
    for ch in s {
      switch ch {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      default: out.append(ch)
      }
    }
    return out
  }

  /// Escaped text whose line breaks stay line breaks.
  static func escLines(_ s: String) -> String { esc(s).replacingOccurrences(of: "\n", with: "<br>\n") }

  static func html(_ ctx: ShellContext, teams: [Team], lang: Lang) -> String {
    let title = teams.count == 1 ? teams[0].name : ctx.content.agenda.title.text(lang)
    var body = ""
    for team in teams {
      body += "<section class=\"team\">\n<h1>\(esc(team.name))</h1>\n"
      if !team.members.isEmpty {
        body +=
          "<p class=\"members\">\(esc(Message.reportMembers(members: team.members.map(\.name).joined(separator: ", ")).text(lang)))</p>\n"
      }
      for (i, (t, lines)) in sections(ctx, team: team, lang: lang).enumerated() {
        let kind = ctx.content.ordered[i].drawing
        body +=
          "<section class=\"exercise \(kind.rawValue)\">\n<h2>\(esc(t))</h2>\n" + html(lines, canvas: kind == .canvas) + "</section>\n"
      }
      body += "</section>\n"
    }
    return """
      <!DOCTYPE html>
      <html lang="\(lang.rawValue)">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(esc(title))</title>
      <style>
      body { font-family: system-ui, sans-serif; margin: 2rem; color: #1a1a1a; }
      h1 { border-bottom: 3px solid #b3123b; padding-bottom: .2rem; }
      h2 { color: #b3123b; margin-top: 2rem; }
      table { border-collapse: collapse; margin: .8rem 0; }
      th, td { border: 1px solid #999; padding: .35rem .5rem; vertical-align: top; text-align: left; }
      th { background: #f1e6e9; }
      td.empty { background: #fafafa; color: #bbb; }
      .canvas table { width: 100%; table-layout: fixed; }
      .canvas td { height: 5rem; }
      .muted { color: #666; font-style: italic; }
      svg.curve { max-width: 100%; height: auto; }
      .team { page-break-after: always; }
      @media print { body { margin: 1cm; } h2 { page-break-after: avoid; } table, svg { page-break-inside: avoid; } }
      </style>
      </head>
      <body>
      \(body)</body>
      </html>

      """
  }

  static func html(_ lines: [Line], canvas: Bool) -> String {
    var out = ""
    var list = false
    func closeList() {
      if list { out += "</ul>\n" }
      list = false
    }
    for line in lines {
      if case .item = line {} else { closeList() }
      switch line {
      case .heading(let t): out += "<h3>\(esc(t))</h3>\n"
      case .text(let t), .success(let t): out += "<p>\(escLines(t))</p>\n"
      case .dim(let t): out += "<p class=\"muted\">\(escLines(t))</p>\n"
      case .item(let t, let note):
        if !list { out += "<ul>\n" }
        list = true
        out += "<li>\(escLines(t))" + (note.map { " <span class=\"muted\">(\(esc($0)))</span>" } ?? "") + "</li>\n"
      case .table(let spec):
        out += "<table>\n"
        if !spec.header.isEmpty {
          out += "<thead><tr>" + spec.header.map { "<th scope=\"col\">\(esc($0))</th>" }.joined() + "</tr></thead>\n"
        }
        out += "<tbody>\n"
        for r in spec.rows {
          out += "<tr>"
          for (j, c) in r.enumerated() {
            let cell = esc(c).replacingOccurrences(of: "\n", with: "<br>")
            if j == 0 && !spec.header.isEmpty && !canvas {
              out += "<th scope=\"row\">\(cell)</th>"
            } else if c.isEmpty && spec.markEmpty {
              out += "<td class=\"empty\">·</td>"
            } else {
              out += "<td>\(cell)</td>"
            }
          }
          out += "</tr>\n"
        }
        out += "</tbody>\n</table>\n"
      case .curve(let labels, let values):
        out += svgCurve(labels: labels, values: values)
      }
    }
    closeList()
    return out
  }

  /// The emotion curve (−2…+2 per stage) as inline SVG.
  static func svgCurve(labels: [String], values: [Int?]) -> String {
    let step = 140
    let w = max(1, labels.count) * step + 60
    let h = 230
    func y(_ v: Int) -> Int { 30 + (2 - v) * 35 }
    var out =
      "<svg class=\"curve\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(w) \(h)\" width=\"\(w)\" height=\"\(h)\" role=\"img\">\n"
    for v in -2...2 {
      out += "<line x1=\"40\" y1=\"\(y(v))\" x2=\"\(w - 10)\" y2=\"\(y(v))\" stroke=\"\(v == 0 ? "#888" : "#ddd")\"/>"
      out += "<text x=\"5\" y=\"\(y(v) + 4)\" font-size=\"12\">\(v > 0 ? "+\(v)" : String(v))</text>\n"
    }
    var points: [String] = []
    for (i, v) in values.enumerated() {
      let x = 60 + i * step + step / 2 - 20
      out += "<text x=\"\(x)\" y=\"\(h - 10)\" font-size=\"12\" text-anchor=\"middle\">\(esc(String(labels[i].prefix(18))))</text>\n"
      guard let v else { continue }
      points.append("\(x),\(y(v))")
      out += "<circle cx=\"\(x)\" cy=\"\(y(v))\" r=\"6\" fill=\"\(v < 0 ? "#c0392b" : v > 0 ? "#27ae60" : "#7f8c8d")\"/>\n"
    }
    if points.count > 1 {
      out += "<polyline points=\"\(points.joined(separator: " "))\" fill=\"none\" stroke=\"#b3123b\" stroke-width=\"3\"/>\n"
    }
    return out + "</svg>\n"
  }

  // MARK: Mermaid

  /// Text that stays text in a Mermaid journey (its grammar: `journey.jison`): one line; `#`, `:`
  /// and `;` as Mermaid's entity codes; a keyword the lexer would take at the start of a line
  /// (`section`, `title`, `journey`, `accTitle`, `accDescr`, `%%`) with its first letter as an
  /// entity code too; commas (which separate actors) only where `commas` allows them.
  static func mermaidText(_ s: String, commas: Bool = true) -> String {
    var t = Text.clean(s.split(whereSeparator: { $0.isNewline }).joined(separator: " "))
    var out = ""
    for ch in t {
      switch ch {
      case "#": out += "#35;"
      case ":": out += "#58;"
      case ";": out += "#59;"
      case "," where !commas: out += "#44;"
      default: out.append(ch)
      }
    }
    t = out
    let lower = t.lowercased()
    // (Over-escaping is harmless: the entity reads back as the same letter.)
    let keyword = ["section", "title", "journey", "acctitle", "accdescr"].contains { lower.hasPrefix($0) }
    if keyword || t.hasPrefix("%%"), let first = t.unicodeScalars.first {
      t = "#\(first.value);" + String(t.unicodeScalars.dropFirst())
    }
    return t.isEmpty ? "-" : t
  }

  static func mermaid(_ ctx: ShellContext, team: Team, lang: Lang) throws(TallerError) -> String {
    guard let def = ctx.content.ordered.first(where: { $0.drawing == .journey }),
      let list = def.fields.first(where: { $0.kind == .list })
    else { throw .refused(Message.reportNoJourney) }
    let sheet = try ctx.store.sheet(teamID: team.id, exercise: def.id)
    let persona = sheet.values["persona"]?.stringValue.map { String($0.split(separator: ",").first ?? "") }
    let actor = mermaidText(persona.flatMap { $0.isEmpty ? nil : $0 } ?? Message.reportCustomer.text(lang), commas: false)
    let scenario = sheet.values["escenario"]?.stringValue ?? def.title.text(lang)
    var out = "journey\n    title \(mermaidText(scenario))\n"
    let nameField = list.fields.first { $0.id == "nombre" }
    for stage in sheet.items(list.id) {
      let name = stage.values["nombre"]?.stringValue.map { nameField?.shown($0, lang) ?? $0 } ?? "?"
      out += "    section \(mermaidText(name))\n"
      let task = mermaidText(stage.values["acciones"]?.stringValue ?? name)
      // Scores are emotion + 3 (1…5); a stage with no emotion has no score, not a neutral one.
      guard let emotion = stage.values["emocion"]?.intValue else {
        out += "      %% \(task): \(Message.reportNoEmotion.text(lang))\n"
        continue
      }
      out += "      \(task): \(min(5, max(1, Int(emotion) + 3))): \(actor)\n"
    }
    return out
  }

  // MARK: CSV

  /// One file per list (touchpoints, moments of truth, journey stages…) and one of grades; with
  /// several teams, a first column names the team.
  static func csv(_ ctx: ShellContext, teams: [Team], lang: Lang) throws(TallerError) -> [(name: String, text: String)] {
    var files: [(String, String)] = []
    let many = teams.count > 1
    let teamColumn = Message.reportTeam.text(lang)
    for def in ctx.content.ordered {
      for list in def.fields where list.kind == .list {
        var header = list.fields.map { $0.prompt.text(lang) }
        header.insert("#", at: 0)
        if many { header.insert(teamColumn, at: 0) }
        var rows: [[String]] = []
        for team in teams {
          let sheet = try ctx.store.sheet(teamID: team.id, exercise: def.id)
          for (i, item) in sheet.items(list.id).enumerated() {
            var row = [String(i + 1)] + list.fields.map { Drawings.value(ctx, team: team, field: $0, item.values[$0.id], lang: lang) }
            if many { row.insert(team.name, at: 0) }
            rows.append(row)
          }
        }
        files.append(("\(def.id)-\(list.id).csv", CSV.file(header: header, rows: rows)))
      }
    }
    files.append(("notas.csv", try gradesCSV(ctx, teams: teams, lang: lang)))
    return files
  }

  /// The grades, one row per student (the registrar's spreadsheet wants people, not teams).
  static func gradesCSV(_ ctx: ShellContext, teams: [Team], lang: Lang) throws(TallerError) -> String {
    let agenda = ctx.content.agenda
    var header = [Message.reportTeam.text(lang), Message.reportMember.text(lang)]
    header += agenda.grading.map { "\($0.title.text(lang)) (\($0.weight)%)" }
    header.append(Message.reportFinal.text(lang))
    var rows: [[String]] = []
    for team in teams {
      let grades = try ctx.store.grades(teamID: team.id).mapValues(\.tenths)
      let items = GradeMath.items(agenda, grades: grades)
      let final = GradeMath.final(agenda, grades: grades)
      let cells = agenda.grading.map { (items[$0.id] ?? nil).map(GradeMath.text) ?? "" }
      let finalText = final.complete ? GradeMath.text(final.tenths) : ""
      for m in team.members.isEmpty ? [Member(id: "", name: "")] : team.members {
        rows.append([team.name, m.name] + cells + [finalText])
      }
    }
    return CSV.file(header: header, rows: rows)
  }

  // MARK: JSON

  /// The canonical dump of some teams (or the whole database).
  static func json(_ ctx: ShellContext, teams: [Team]?) throws(TallerError) -> String {
    let snapshot = try ctx.store.snapshot()
    guard let teams else { return snapshot.exportJSON() }
    let keep = Set(teams.map(\.id))
    var ids = keep
    var grew = true
    while grew {
      grew = false
      for e in snapshot.entities where !ids.contains(e.id) {
        if let p = e.parent, ids.contains(p) {
          ids.insert(e.id)
          grew = true
        }
      }
    }
    return Snapshot(entities: snapshot.entities.filter { ids.contains($0.id) }).exportJSON()
  }
}
