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
      // Under a matrix or a table of moments, every field collected (`ver … --detalle`).
      if def.drawing == .matrix || def.drawing == .mot {
        let sheet = try? ctx.store.sheet(teamID: team.id, exercise: def.id)
        if let sheet, def.fields.contains(where: { $0.kind == .list && !sheet.items($0.id).isEmpty }) {
          lines += Drawings.detail(ctx, team: team, def: def, lang: lang).dropFirst().map { line in
            if case .text(let t) = line { return .heading(t) }
            return line
          }
        }
      }
      return (def.title.text(lang), lines)
    }
  }

  // MARK: Markdown

  /// An answer as Markdown text that stays text: inline markers escaped (`*`, `_`, `~~`, `|`…),
  /// and, where the text starts a line (`block`), block markers too (`- `, `+ `, `1. `, `2) `,
  /// `---`, `===`).
  static func md(_ s: String, block: Bool = false) -> String {
    // Byte by byte: every marker is ASCII, and an ASCII byte is never part of another
    // character in UTF-8 (a class report escapes every cell of 40 teams' work).
    var out: [UInt8] = []
    out.reserveCapacity(s.utf8.count + 4)
    for b in s.utf8 {
      switch b {
      case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["), UInt8(ascii: "]"),
        UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "#"), UInt8(ascii: "|"), UInt8(ascii: "~"):
        out.append(UInt8(ascii: "\\"))
      default: break
      }
      out.append(b)
    }
    if block, let first = out.first {
      if first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: "=") {
        out.insert(UInt8(ascii: "\\"), at: 0)
      } else {
        // 1 to 9 digits and then "." or ")": an ordered list's marker.
        let digits = out.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }.count
        if (1...9).contains(digits), digits < out.count, out[digits] == UInt8(ascii: ".") || out[digits] == UInt8(ascii: ")") {
          out.insert(UInt8(ascii: "\\"), at: digits)
        }
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// Text of several lines in Markdown: each line break a hard break (a backslash at the end of
  /// the line), the next line indented to stay in its list item.
  static func mdLines(_ s: String, indent: String) -> String {
    s.split(separator: "\n", omittingEmptySubsequences: false).map { md(String($0), block: true) }.joined(separator: "\\\n" + indent)
  }

  static func markdown(_ ctx: ShellContext, teams: [Team], lang: Lang, front: ClassFront? = nil) -> String {
    var out = ""
    if let front {
      let today = Clock.date(ctx.now(), zone: ctx.timeZone)
      out += "# \(md(front.title))\n\n_" + md(Message.reportCover(date: today, teams: teams.count).text(lang)) + "_\n\n"
      for c in front.chapters { out += "## \(md(c.title))\n\n" + markdown(c.lines) }
    }
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
          "| " + r.map { Text.replacing("\n", in: md($0), with: "<br>") }.joined(separator: " | ") + " |\n"
        }
        out += "\n" + cells(header) + "|" + Array(repeating: " --- |", count: width).joined() + "\n"
        for r in spec.rows { out += cells(r + Array(repeating: "", count: max(0, width - r.count))) }
        out += "\n"
      case .canvas(let c):
        for b in c.ordered {
          out += "**" + md(b.heading) + "**\n\n"
          if b.notes.isEmpty {
            out += "_(" + md(b.question) + ")_\n\n"
          } else if b.bulleted {
            out += b.notes.map { "- " + mdLines($0, indent: "  ") + "\n" }.joined() + "\n"
          } else {
            out += b.notes.map { mdLines($0, indent: "") }.joined(separator: "\\\n") + "\n\n"
          }
        }
      case .journey(let j):
        for page in JourneySpec.pages(count: j.stages.count, per: journeyPart) where !page.isEmpty {
          let emotion = [j.emotionLabel] + page.map { i in j.emotions[i].map(signed) ?? "·" }
          let rows = j.lanes.map { lane in [lane.label] + page.map { lane.cells[$0] } }
          out += markdown([.table(TableSpec(header: [j.stageLabel] + page.map { j.stages[$0] }, rows: rows + [emotion]))])
        }
      }
    }
    if inList { out += "\n" }
    return out
  }

  // MARK: HTML

  static func esc(_ s: String) -> String {
    // Byte by byte, as `md`.
    var out: [UInt8] = []
    out.reserveCapacity(s.utf8.count + 8)
    for b in s.utf8 {
      switch b {
      case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
      case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
      case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
      case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
      default: out.append(b)
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// Escaped text whose line breaks stay line breaks.
  static func escLines(_ s: String) -> String { Text.replacing("\n", in: esc(s), with: "<br>\n") }

  /// Stages per part of a journey table in a document (a part fits a landscape page).
  static let journeyPart = 5

  /// `+1`, `0`, `−2`.
  static func signed(_ v: Int) -> String { v > 0 ? "+\(v)" : v < 0 ? "−\(-v)" : "0" }

  /// The class's front matter for `export html|md --class`: chapters that come before the
  /// teams' (the status and grades tables, as the instructor's commands draw them).
  struct ClassFront {
    struct Chapter {
      /// Its anchor, its name in the contents, its heading and what it shows.
      var id: String
      var name: String
      var title: String
      var lines: [Line]

      /// A command's reply as a chapter: headed by the reply's own heading (`name` if it has
      /// none, or when `keepName`).
      init(id: String, name: String, reply lines: [Line], keepName: Bool = false) {
        self.id = id
        self.name = name
        if case .heading(let t)? = lines.first {
          title = keepName ? name : t
          self.lines = Array(lines.dropFirst())
        } else {
          title = name
          self.lines = lines
        }
      }
    }

    var title: String
    var chapters: [Chapter]
  }

  /// One self-contained page: each artefact drawn as the course draws it, on its own printed
  /// page(s), with a header strip; for a class, a cover, a contents list, the status and grades
  /// tables, then a chapter per team.
  static func html(_ ctx: ShellContext, teams: [Team], lang: Lang, front: ClassFront? = nil) -> String {
    let title = front?.title ?? (teams.count == 1 ? teams[0].name : ctx.content.agenda.title.text(lang))
    let today = Clock.date(ctx.now(), zone: ctx.timeZone)
    // Heading levels: a class export has its cover as h1 and teams as h2.
    let top = front == nil ? 1 : 2
    var body = ""
    var anchors: [String: Int] = [:]
    func anchor(_ name: String) -> String {
      let base = "t-" + SafeName.slug(name)
      anchors[base, default: 0] += 1
      return anchors[base] == 1 ? base : base + "-\(anchors[base] ?? 0)"
    }
    let ids = teams.map { anchor($0.name) }
    if let front {
      body += "<header class=\"cover\">\n<h1>\(esc(front.title))</h1>\n"
      body += "<p>\(esc(ctx.content.agenda.title.text(lang)))</p>\n"
      body += "<p>\(esc(Message.reportCover(date: today, teams: teams.count).text(lang)))</p>\n</header>\n"
      body +=
        "<nav class=\"contents\" aria-labelledby=\"contents\">\n<h2 id=\"contents\">\(esc(Message.reportContents.text(lang)))</h2>\n<ol>\n"
      for c in front.chapters { body += "<li><a href=\"#\(c.id)\">\(esc(c.name))</a></li>\n" }
      for (t, id) in zip(teams, ids) { body += "<li><a href=\"#\(id)\">\(esc(t.name))</a></li>\n" }
      body += "</ol>\n</nav>\n"
      for c in front.chapters {
        body += "<section class=\"chapter\" id=\"\(c.id)\">\n<h2>\(esc(c.title))</h2>\n" + html(c.lines, level: 3) + "</section>\n"
      }
    }
    let lastChanges = (try? ctx.store.lastChanges()) ?? [:]
    for (team, id) in zip(teams, ids) {
      body += "<section class=\"team\" id=\"\(id)\" aria-labelledby=\"\(id)-h\">\n<h\(top) id=\"\(id)-h\">\(esc(team.name))</h\(top)>\n"
      let members = team.members.map(\.name).joined(separator: ", ")
      if !members.isEmpty { body += "<p class=\"members\">\(esc(Message.reportMembers(members: members).text(lang)))</p>\n" }
      let last = lastChanges[team.id]
      let designedFor = persona(ctx, team: team)
      for (i, (t, lines)) in sections(ctx, team: team, lang: lang).enumerated() {
        let kind = ctx.content.ordered[i].drawing
        let strip: [(Message, String)] = [
          (Message.reportTeam, team.name), (Message.reportDesignedFor, designedFor ?? "—"),
          (Message.reportDesignedBy, members.isEmpty ? "—" : members),
          (Message.reportDate, today),
          (Message.reportVersion, last.map { Clock.date($0, zone: ctx.timeZone) + " " + Clock.time($0, zone: ctx.timeZone) } ?? "—"),
        ]
        body += "<section class=\"exercise \(kind.rawValue)\">\n"
        body +=
          "<dl class=\"strip\">" + strip.map { "<div><dt>\(esc($0.0.text(lang)))</dt><dd>\(esc($0.1))</dd></div>" }.joined() + "</dl>\n"
        body += "<h\(top + 1)>\(esc(t))</h\(top + 1)>\n" + html(lines, level: top + 2, lang: lang, id: "\(id)-\(i + 1)") + "</section>\n"
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
      \(css)</style>
      </head>
      <body>
      <main>
      \(body)</main>
      </body>
      </html>

      """
  }

  /// Who the team designed for: the empathy map's person, else the journey's persona.
  static func persona(_ ctx: ShellContext, team: Team) -> String? {
    for (exercise, field) in [("mapa-empatia", "quien"), ("mapa-viaje", "persona")] {
      if let v = (try? ctx.store.sheet(teamID: team.id, exercise: exercise))?.values[field]?.stringValue, !v.isEmpty { return v }
    }
    return nil
  }

  /// The page's style: the course's red for headings; heat fills from ColorBrewer's RdYlBu,
  /// light enough for black text; empty cells a flat grey with a dot (a hatch pattern made a
  /// class's PDF seven times bigger); print rules that keep each artefact on its own page(s), wide
  /// ones landscape, rows and boxes whole, headings with what follows them.
  static let css = """
    :root { --accent: #a30f36; --ink: #1a1a1a; --line: #6b6b6b; }
    body { font-family: system-ui, "DejaVu Sans", sans-serif; margin: 2rem; color: var(--ink); line-height: 1.35; }
    main { max-width: 75rem; }
    h1 { border-bottom: 3px solid var(--accent); padding-bottom: .2rem; }
    h2, h3 { color: var(--accent); }
    table { border-collapse: collapse; margin: .8rem 0; max-width: 100%; }
    th, td { border: 1px solid var(--line); padding: .35rem .5rem; vertical-align: top; text-align: left; overflow-wrap: break-word; }
    thead th { background: #f1e6e9; }
    tbody th { background: #faf5f6; }
    thead { display: table-header-group; }
    .scroll { overflow-x: auto; max-width: 100%; }
    td.empty { background: #f2f2f2; color: #555; }
    caption { text-align: left; font-style: italic; color: #444; caption-side: top; padding: .2rem 0; }
    .muted { color: #555; font-style: italic; }
    .tone-1 { background: #fbb4b5; } .tone-2 { background: #fdd49e; } .tone-3 { background: #ffffbf; }
    .tone-4 { background: #d1e5f0; } .tone-5 { background: #92c5de; }
    .mot td:nth-child(6) { white-space: pre-line; }
    dl.strip { display: flex; flex-wrap: wrap; gap: .2rem 1.2rem; margin: 0 0 .4rem; padding: .3rem .6rem; border: 1px solid var(--line); font-size: .85rem; }
    dl.strip div { display: flex; gap: .3rem; } dl.strip dt { font-weight: bold; } dl.strip dd { margin: 0; }
    .canvas-grid { display: grid; grid-template-columns: 1fr 1.2fr 1.2fr 1fr; grid-template-areas:
      "who who goal goal" "hear head head see" "does head head say" "pains pains gains gains"; border: 2px solid var(--ink); }
    .box { border: 1px solid var(--line); padding: .4rem .7rem; min-height: 5rem; }
    .box h4, .box h5 { margin: 0 0 .3rem; color: var(--ink); font-size: .95rem; }
    .box ul { margin: 0; padding-left: 1.1rem; } .box p { margin: 0; }
    .box.question p { color: #555; font-style: italic; }
    .who { grid-area: who; } .goal { grid-area: goal; } .see { grid-area: see; } .say { grid-area: say; }
    .does { grid-area: does; } .hear { grid-area: hear; } .pains { grid-area: pains; } .gains { grid-area: gains; }
    .head { grid-area: head; margin: .5rem; border: 2px solid var(--accent); border-radius: 45% 45% 14% 14% / 30% 30% 10% 10%;
      padding: 2.2rem 2rem 1.2rem; background: #fdf3f5; }
    table.journey { table-layout: fixed; width: 100%; break-inside: avoid; }
    table.journey th[scope=row] { width: 9.5rem; }
    table.journey td.curve { padding: 0; }
    table.journey svg { display: block; width: 100%; height: auto; }
    @media screen and (max-width: 44rem) {
      body { margin: 1rem; }
      .canvas-grid { grid-template-columns: 1fr; grid-template-areas: "who" "goal" "see" "say" "does" "hear" "head" "pains" "gains"; }
      .head { border-radius: 1rem; padding: 1rem; }
    }
    .cover { text-align: center; padding: 6rem 0 3rem; }
    .cover h1 { border: none; font-size: 2.4rem; }
    .contents ol { columns: 2; }
    @page { margin: 12mm; }
    @page wide { size: landscape; }
    @media print {
      body { margin: 0; font-size: 10pt; }
      main { max-width: none; }
      .exercise.canvas, .exercise.journey, .exercise.matrix, .exercise.mot { page: wide; }
      .team, .chapter, .exercise, .contents { break-before: page; }
      .team > .exercise:first-of-type { break-before: avoid; }
      h1, h2, h3, h4, h5, caption, dl.strip { break-after: avoid; }
      tr, .box, li, svg { break-inside: avoid; }
      .canvas-grid { break-inside: avoid; }
      a { color: inherit; text-decoration: none; }
      .scroll { overflow: visible; }
    }

    """

  /// Lines as HTML; `id` makes the ids of its drawings unique in the page.
  static func html(_ lines: [Line], level: Int, lang: Lang = .es, id: String = "d") -> String {
    var out = ""
    var list = false
    func closeList() {
      if list { out += "</ul>\n" }
      list = false
    }
    let h = min(6, level)
    for line in lines {
      if case .item = line {} else { closeList() }
      switch line {
      case .heading(let t): out += "<h\(h)>\(esc(t))</h\(h)>\n"
      case .text(let t), .success(let t): out += "<p>\(escLines(t))</p>\n"
      case .dim(let t): out += "<p class=\"muted\">\(escLines(t))</p>\n"
      case .item(let t, let note):
        if !list { out += "<ul>\n" }
        list = true
        out += "<li>\(escLines(t))" + (note.map { " <span class=\"muted\">(\(escLines($0)))</span>" } ?? "") + "</li>\n"
      case .table(let spec): out += table(spec)
      case .canvas(let c): out += canvas(c, level: min(6, level))
      case .journey(let j): out += journey(j, lang: lang, id: id)
      }
    }
    closeList()
    return out
  }

  static func table(_ spec: TableSpec, caption: String? = nil) -> String {
    // On a narrow screen a wide table scrolls inside its own box (reachable by keyboard), not
    // the page; on paper it is whole.
    let label = Text.replacing("\n", in: caption ?? spec.header.filter { !$0.isEmpty }.joined(separator: ", "), with: " ")
    var out = "<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-label=\"\(esc(String(label.prefix(80))))\">\n<table>\n"
    out += caption.map { "<caption>\(esc($0))</caption>\n" } ?? ""
    if !spec.header.isEmpty {
      out +=
        "<thead><tr>" + spec.header.map { $0.isEmpty ? "<td></td>" : "<th scope=\"col\">\(escLines($0))</th>" }.joined() + "</tr></thead>\n"
    }
    out += "<tbody>\n"
    for (i, r) in spec.rows.enumerated() {
      out += "<tr>"
      for (j, c) in r.enumerated() {
        let tone = i < spec.tones.count && j < spec.tones[i].count ? spec.tones[i][j] : nil
        let cls = tone.map { " class=\"tone-\($0.rawValue)\"" } ?? ""
        if j == 0 && !spec.header.isEmpty {
          out += "<th scope=\"row\">\(escLines(c))</th>"
        } else if c.isEmpty && spec.markEmpty {
          out += "<td class=\"empty\">·</td>"
        } else {
          out += "<td\(cls)>\(cellHTML(c))</td>"
        }
      }
      out += "</tr>\n"
    }
    return out + "</tbody>\n</table>\n</div>\n"
  }

  /// A cell's text; a sign bar (`░░██│░░░░`, S = R − E) drawn as a small bar chart beside its
  /// number (which says the same in words).
  static func cellHTML(_ c: String) -> String {
    c.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
      guard line.count == 9, line.allSatisfy({ "░█│".contains($0) }) else { return esc(String(line)) }
      let chars = Array(line)
      let left = chars[0..<4].filter { $0 == "█" }.count
      let right = chars[5..<9].filter { $0 == "█" }.count
      var svg = "<svg class=\"signbar\" viewBox=\"0 0 90 14\" width=\"90\" height=\"14\" aria-hidden=\"true\">"
      svg += "<rect x=\"0.5\" y=\"0.5\" width=\"89\" height=\"13\" fill=\"#fff\" stroke=\"#6b6b6b\"/>"
      if left > 0 { svg += "<rect x=\"\(45 - left * 11)\" y=\"2\" width=\"\(left * 11)\" height=\"10\" fill=\"#d7191c\"/>" }
      if right > 0 { svg += "<rect x=\"45\" y=\"2\" width=\"\(right * 11)\" height=\"10\" fill=\"#2c7bb6\"/>" }
      return svg + "<line x1=\"45\" y1=\"0\" x2=\"45\" y2=\"14\" stroke=\"#1a1a1a\" stroke-width=\"2\"/></svg>"
    }.joined(separator: "<br>\n")
  }

  /// Gray's canvas as a grid of boxes, the head in the middle.
  static func canvas(_ c: CanvasSpec, level: Int) -> String {
    let areas = ["who", "goal", "see", "say", "does", "hear", "head", "pains", "gains"]
    var out = "<div class=\"canvas-grid\">\n"
    for (b, area) in zip(c.ordered, areas) {
      out += "<section class=\"box \(area)\(b.notes.isEmpty ? " question" : "")\"><h\(level)>\(esc(b.heading))</h\(level)>"
      if b.notes.isEmpty {
        out += "<p>\(esc(b.question))</p>"
      } else if b.bulleted {
        out += "<ul>" + b.notes.map { "<li>\(escLines($0))</li>" }.joined() + "</ul>"
      } else {
        out += b.notes.map { "<p>\(escLines($0))</p>" }.joined()
      }
      out += "</section>\n"
    }
    return out + "</div>\n"
  }

  /// The journey as tables of at most `journeyPart` stages (a landscape page's worth), each with
  /// its lanes, the emotions as numbers and, under the stages, the curve: one point per stage at
  /// the centre of its column, labelled, a gap where a stage has no emotion.
  static func journey(_ j: JourneySpec, lang: Lang, id: String) -> String {
    let pages = JourneySpec.pages(count: j.stages.count, per: journeyPart)
    var out = ""
    for (n, page) in pages.enumerated() where !page.isEmpty {
      let caption =
        pages.count > 1
        ? Message.drawStagesPage(from: page.lowerBound + 1, to: page.upperBound, total: j.stages.count).text(lang)
          + (n + 1 < pages.count ? " " + Message.drawContinued.text(lang) : "") : nil
      out += "<table class=\"journey\">\n" + (caption.map { "<caption>\(esc($0))</caption>\n" } ?? "")
      out += "<thead><tr><th scope=\"col\">\(esc(j.stageLabel))</th>"
      out += page.map { "<th scope=\"col\">\(esc(j.stages[$0]))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
      for lane in j.lanes {
        out += "<tr><th scope=\"row\">\(esc(lane.label))</th>"
        out += page.map { i in lane.cells[i].isEmpty ? "<td class=\"empty\">·</td>" : "<td>\(escLines(lane.cells[i]))</td>" }.joined()
        out += "</tr>\n"
      }
      out += "<tr><th scope=\"row\">\(esc(j.emotionLabel))</th>"
      out += page.map { i in
        j.emotions[i].map { "<td class=\"tone-\(Tone.sign(Int64($0)).rawValue)\">\(signed($0))</td>" }
          ?? "<td class=\"empty\">\(esc(Message.drawNoEmotion.text(lang)))</td>"
      }.joined()
      out += "</tr>\n<tr><th scope=\"row\">\(esc(Message.drawEmotion.text(lang)))</th><td class=\"curve\" colspan=\"\(page.count)\">"
      out += svgCurve(j, page: page, lang: lang, id: "\(id)-curve-\(n + 1)") + "</td></tr>\n</tbody>\n</table>\n"
    }
    return out
  }

  /// The emotion curve of some stages as inline SVG, `step` units per stage so that, drawn at the
  /// width of the stage columns, each point sits under its stage.
  static func svgCurve(_ j: JourneySpec, page: Range<Int>, lang: Lang, id: String) -> String {
    // The same drawing width whatever the number of stages, so the curve keeps its height.
    let w = 1000
    let step = w / max(1, page.count)
    let h = 250
    func y(_ v: Int) -> Int { 30 + (2 - min(2, max(-2, v))) * 36 }
    let described = page.map { i in j.stages[i] + " " + (j.emotions[i].map(signed) ?? Message.drawNoEmotion.text(lang)) }
    var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(w) \(h)\" role=\"img\" aria-labelledby=\"\(id)-t \(id)-d\">"
    out += "<title id=\"\(id)-t\">\(esc(Message.drawEmotion.text(lang)))</title>"
    out +=
      "<desc id=\"\(id)-d\">\(esc(Message.drawCurveDesc(count: page.count, points: described.joined(separator: "; ")).text(lang)))</desc>\n"
    for v in -2...2 {
      out +=
        "<line x1=\"0\" y1=\"\(y(v))\" x2=\"\(w)\" y2=\"\(y(v))\" stroke=\"\(v == 0 ? "#6b6b6b" : "#d9d9d9")\" stroke-width=\"\(v == 0 ? 2 : 1)\"\(v == 0 ? " stroke-dasharray=\"6 4\"" : "")/>"
      out += "<text x=\"4\" y=\"\(y(v) - 5)\" font-size=\"18\" fill=\"#444\">\(signed(v))</text>\n"
    }
    // Runs of consecutive stages with an emotion, each one line (a stage without leaves a gap).
    var run: [String] = []
    func flush() {
      if run.count > 1 {
        out += "<polyline points=\"\(run.joined(separator: " "))\" fill=\"none\" stroke=\"#1a1a1a\" stroke-width=\"3\"/>\n"
      }
      run = []
    }
    for (k, i) in page.enumerated() {
      guard let v = j.emotions[i] else {
        flush()
        continue
      }
      run.append("\(k * step + step / 2),\(y(v))")
    }
    flush()
    // The curve goes on in the next part, or comes from the previous one: a dashed stub to the edge.
    if let first = page.first, first > 0, j.emotions[first - 1] != nil, let v = j.emotions[first] {
      out +=
        "<line x1=\"0\" y1=\"\(y(v))\" x2=\"\(step / 2)\" y2=\"\(y(v))\" stroke=\"#1a1a1a\" stroke-width=\"3\" stroke-dasharray=\"8 6\"/>\n"
    }
    if let last = page.last, last + 1 < j.emotions.count, j.emotions[last + 1] != nil, let v = j.emotions[last] {
      let x = (page.count - 1) * step + step / 2
      out +=
        "<line x1=\"\(x)\" y1=\"\(y(v))\" x2=\"\(w)\" y2=\"\(y(v))\" stroke=\"#1a1a1a\" stroke-width=\"3\" stroke-dasharray=\"8 6\"/>\n"
    }
    let colours = [1: "#d7191c", 2: "#d7191c", 3: "#4d4d4d", 4: "#2c7bb6", 5: "#2c7bb6"]
    for (k, i) in page.enumerated() {
      let x = k * step + step / 2
      let name = wrapLabel(j.stages[i], step / 12)
      for (n, l) in name.enumerated() {
        out += "<text x=\"\(x)\" y=\"\(h - 56 + n * 20)\" font-size=\"19\" text-anchor=\"middle\" fill=\"#1a1a1a\">\(esc(l))</text>\n"
      }
      guard let v = j.emotions[i] else {
        out +=
          "<text x=\"\(x)\" y=\"\(y(0) - 8)\" font-size=\"17\" text-anchor=\"middle\" fill=\"#555\" font-style=\"italic\">\(esc(Message.drawNoEmotion.text(lang)))</text>\n"
        continue
      }
      let colour = colours[Tone.sign(Int64(v)).rawValue] ?? "#4d4d4d"
      if j.moments[i] {
        out +=
          "<rect x=\"\(x - 10)\" y=\"\(y(v) - 10)\" width=\"20\" height=\"20\" transform=\"rotate(45 \(x) \(y(v)))\" fill=\"\(colour)\" stroke=\"#1a1a1a\"/>"
      } else {
        out += "<circle cx=\"\(x)\" cy=\"\(y(v))\" r=\"10\" fill=\"\(colour)\" stroke=\"#1a1a1a\"/>"
      }
      out += "<text x=\"\(x + 16)\" y=\"\(y(v) - 12)\" font-size=\"22\" font-weight=\"bold\" fill=\"#1a1a1a\">\(signed(v))</text>\n"
    }
    return out + "</svg>"
  }

  /// A label broken between words into lines of about `width` characters (at most three).
  static func wrapLabel(_ s: String, _ width: Int) -> [String] {
    var lines: [String] = []
    var cur = ""
    for w in s.split(separator: " ") {
      if !cur.isEmpty && cur.count + 1 + w.count > width {
        lines.append(cur)
        cur = String(w)
      } else {
        cur += (cur.isEmpty ? "" : " ") + w
      }
    }
    if !cur.isEmpty { lines.append(cur) }
    if lines.count > 3 {
      lines = Array(lines.prefix(3))
      lines[2] += "…"
    }
    return lines
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
    let sessions = try ctx.store.allSessions()
    let participation = GradeMath.participationItem(agenda)
    func row(_ team: Team, _ name: String, _ grades: [String: Int]) -> [String] {
      let items = GradeMath.items(agenda, grades: grades)
      let final = GradeMath.final(agenda, grades: grades)
      let cells = agenda.grading.map { (items[$0.id] ?? nil).map(GradeMath.text) ?? "" }
      // An incomplete final reads as in `notas`: the grade so far, marked partial.
      let finalText = final.complete ? GradeMath.text(final.tenths) : Message.gradePartial(score: GradeMath.text(final.tenths)).text(lang)
      return [team.name, name] + cells + [finalText]
    }
    for team in teams {
      let all = try ctx.store.grades(teamID: team.id)
      let grades = all.mapValues(\.tenths)
      if team.members.isEmpty {
        rows.append(row(team, "", grades))
        continue
      }
      // Each student with their own participation (given, or proposed from attendance).
      let students = Desk.studentParticipation(ctx, team: team, grades: all, sessions: sessions[team.id] ?? [])
      for s in students {
        var mine = grades
        if let participation { mine[participation.id] = s.tenths }
        if let participation, s.tenths == nil { mine.removeValue(forKey: participation.id) }
        rows.append(row(team, s.member.name, mine))
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
