import Foundation

/// One survey respondent's answers, kept raw (merged data re-aggregates correctly).
public struct SurveyResponse: Hashable, Sendable {
  /// "How likely are you to recommend…?" 0–10.
  public var nps: Int?
  /// Customer effort, on `cesScale` (5: effort 1 very low … 5 very high; 7: agreement 1…7).
  public var ces: Int?
  public var cesScale: Int
  /// Satisfaction 1–5.
  public var csat: Int?
  /// The touchpoint or stage the answer is about, if the survey says.
  public var point: String?

  public init(nps: Int? = nil, ces: Int? = nil, cesScale: Int = 5, csat: Int? = nil, point: String? = nil) {
    self.nps = nps
    self.ces = ces
    self.cesScale = cesScale
    self.csat = csat
    self.point = point
  }
}

/// The course's CX metrics (Unit 4), computed from raw responses.
public struct MetricsSummary: Equatable, Sendable {
  public var responses: Int
  public var promoters: Int
  public var passives: Int
  public var detractors: Int
  /// % promoters − % detractors, rounded to an integer (−100…100); nil with no NPS answers.
  public var nps: Int?
  /// Mean effort (one decimal, in tenths), per scale used.
  public var cesTenths: [Int: Int]
  public var cesCount: [Int: Int]
  /// Share of 4s and 5s among CSAT answers, in % (rounded); nil with none.
  public var csat: Int?
  public var csatCount: Int

  public init(_ rs: [SurveyResponse]) {
    responses = rs.count
    let n = rs.compactMap(\.nps)
    promoters = n.filter { $0 >= 9 }.count
    passives = n.filter { $0 == 7 || $0 == 8 }.count
    detractors = n.filter { $0 <= 6 }.count
    nps = n.isEmpty ? nil : Self.rounded(Double(100 * (promoters - detractors)) / Double(n.count))
    var tenths: [Int: Int] = [:]
    var counts: [Int: Int] = [:]
    for scale in Set(rs.compactMap { $0.ces == nil ? nil : $0.cesScale }) {
      let values = rs.filter { $0.cesScale == scale }.compactMap(\.ces)
      counts[scale] = values.count
      tenths[scale] = Self.rounded(Double(values.reduce(0, +) * 10) / Double(values.count))
    }
    cesTenths = tenths
    cesCount = counts
    let c = rs.compactMap(\.csat)
    csatCount = c.count
    csat = c.isEmpty ? nil : Self.rounded(Double(100 * c.filter { $0 >= 4 }.count) / Double(c.count))
  }

  /// Rounds half away from zero (−12.5 → −13, 12.5 → 13), as people do by hand.
  public static func rounded(_ x: Double) -> Int { Int((x + (x < 0 ? -0.5 : 0.5)).rounded(.towardZero)) }
}

/// Grades on the agenda's scale, in tenths (17.5 is 175): the canonical data has no fractions.
public enum GradeMath {
  /// Reads `17`, `17.5` or `17,5` (one decimal at most) within 0…max.
  public static func parse(_ raw: String, max: Int) -> Int? {
    let t = raw.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
    let parts = t.split(separator: ".", omittingEmptySubsequences: false)
    guard (1...2).contains(parts.count), let whole = Int(parts[0]), whole >= 0 else { return nil }
    var tenths = whole * 10
    if parts.count == 2 {
      guard parts[1].count == 1, let d = Int(parts[1]) else { return nil }
      tenths += d
    }
    return tenths <= max * 10 ? tenths : nil
  }

  /// `17.5`, `17`.
  public static func text(_ tenths: Int) -> String {
    tenths % 10 == 0 ? String(tenths / 10) : "\(tenths / 10).\(tenths % 10)"
  }

  /// The score of each grading item (in tenths): the item's own grade (participation), or the
  /// mean of its exercises' grades; nil while any of them is missing.
  public static func items(_ agenda: Agenda, grades: [String: Int]) -> [String: Int?] {
    var out: [String: Int?] = [:]
    for item in agenda.grading {
      if item.exercises.isEmpty {
        out[item.id] = grades[item.id]
      } else {
        let scores = item.exercises.compactMap { grades[$0] }
        out[item.id] =
          scores.count == item.exercises.count
          ? MetricsSummary.rounded(Double(scores.reduce(0, +)) / Double(scores.count)) : grades[item.id]
      }
    }
    return out
  }

  /// The grading item graded per student (participation): the first without exercises.
  public static func participationItem(_ agenda: Agenda) -> GradeItem? { agenda.grading.first { $0.exercises.isEmpty } }

  /// The grade key of one student's own grade for an item (`participacion@<member id>`).
  public static func studentKey(_ item: String, member: String) -> String { item + "@" + member }

  /// A student's participation (tenths), and whether it is a proposal: the instructor's grade
  /// for the student; else the team's grade (or, with none, the scale's top) times the share of
  /// the team's sessions the student attended; else (no sessions) the team's grade.
  public static func studentParticipation(team: Int?, own: Int?, attended: Int, total: Int, max: Int) -> (tenths: Int?, proposed: Bool) {
    if let own { return (own, false) }
    guard total > 0 else { return (team, false) }
    let base = team ?? max * 10
    return (MetricsSummary.rounded(Double(base) * Double(attended) / Double(total)), true)
  }

  /// The weighted final grade (tenths), and whether every item is graded (otherwise missing items
  /// count as 0: the grade so far).
  public static func final(_ agenda: Agenda, grades: [String: Int]) -> (tenths: Int, complete: Bool) {
    let scores = items(agenda, grades: grades)
    var sum = 0
    var complete = true
    for item in agenda.grading {
      if let s = scores[item.id] ?? nil { sum += s * item.weight } else { complete = false }
    }
    let total = max(1, agenda.grading.reduce(0) { $0 + $1.weight })
    return (MetricsSummary.rounded(Double(sum) / Double(total)), complete)
  }
}

/// Comma-separated values as spreadsheets write them (RFC 4180: quotes, doubled quotes, line
/// breaks inside quotes), with `;` accepted as the separator (Spanish-locale spreadsheets).
public enum CSV {
  /// Rows of cells, with the line each row starts on (1-based).
  public static func parse(_ text: String) -> [(line: Int, cells: [String])] {
    var s = text
    if s.hasPrefix("\u{FEFF}") { s.removeFirst() }
    let firstLine = s.prefix { $0 != "\n" && $0 != "\r\n" }
    let sep: Character = firstLine.filter { $0 == ";" }.count > firstLine.filter { $0 == "," }.count ? ";" : ","
    var rows: [(Int, [String])] = []
    var cells: [String] = []
    var cell = ""
    var quoted = false
    var line = 1
    var rowLine = 1
    var chars = Array(s)
    if chars.last != "\n" { chars.append("\n") }
    var i = 0
    while i < chars.count {
      let c = chars[i]
      if quoted {
        if c == "\"" {
          if i + 1 < chars.count && chars[i + 1] == "\"" {
            cell.append("\"")
            i += 1
          } else {
            quoted = false
          }
        } else {
          if c == "\n" || c == "\r\n" { line += 1 }
          cell.append(c == "\r\n" ? "\n" : c)
        }
      } else if c == "\"" && cell.isEmpty {
        quoted = true
      } else if c == sep {
        cells.append(cell)
        cell = ""
      } else if c == "\n" || c == "\r\n" || c == "\r" {
        cells.append(cell)
        cell = ""
        if !(cells.count == 1 && cells[0].isEmpty) { rows.append((rowLine, cells)) }
        cells = []
        line += 1
        rowLine = line
      } else {
        cell.append(c)
      }
      i += 1
    }
    return rows.map { (line: $0.0, cells: $0.1) }
  }

  /// A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, a tab or a carriage return
  /// first) gets a `'` in front, as OWASP advises for CSV injection; numbers (`-2`, `+1`, `4.5`)
  /// stay numbers.
  public static func neutralized(_ c: String) -> String {
    guard let first = c.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return c }
    if c.range(of: #"^[+-]?[0-9]+([.,][0-9]+)?$"#, options: .regularExpression) != nil { return c }
    return "'" + c
  }

  /// One row: cells neutralized and quoted when they need it, CRLF ends (what spreadsheets expect).
  public static func row(_ cells: [String]) -> String {
    cells.map(neutralized).map { c in
      c.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == ";" || $0 == "\r\n" })
        ? "\"" + c.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : c
    }.joined(separator: ",") + "\r\n"
  }

  /// A whole file: a byte-order mark (so spreadsheets read UTF-8 with accents intact), a header
  /// row, the rows.
  public static func file(header: [String], rows: [[String]]) -> String {
    "\u{FEFF}" + row(header) + rows.map(row).joined()
  }
}
