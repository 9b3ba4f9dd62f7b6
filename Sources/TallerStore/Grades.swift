import Foundation
import GRDB
import TallerCore

/// A grade the instructor gave a team for an exercise or a grading item.
public struct Grade: Equatable, Sendable {
  public var key: String
  /// On the agenda's scale, in tenths.
  public var tenths: Int
  public var comment: String?
}

extension TallerStore {
  /// Grades a team (instructor only: this laptop must have founded a class the team is enrolled
  /// in; otherwise the change would be quarantined everywhere, so it is refused here).
  public func setGrade(teamID: String, key: String, tenths: Int, comment: String?, author: String? = nil) throws(TallerError) {
    try act(author: author) { db, draft in
      guard try Trust.instructor(db, replica: replica.id, team: teamID) else {
        throw TallerError.refused(Message.gradeNotInstructor)
      }
      let id = StableID.make("grade", teamID, key)
      if try Trust.lookup(db, id) == nil { draft.ops.append(.create(entity: id, type: EntityType.grade.rawValue, parent: teamID)) }
      try draft.set(id, "key", .string(key))
      try draft.set(id, "score", .int(Int64(tenths)))
      try draft.set(id, "comment", comment.map(JSONValue.string) ?? .null)
    }
  }

  /// A team's grades by key: those in the log (the instructor's laptop), else those the
  /// instructor published to the team (a team laptop).
  public func grades(teamID: String) throws(TallerError) -> [String: Grade] {
    try read { db in
      let out = try Self.loggedGrades(db, teamID)
      if out.isEmpty, let doc = try Self.receivedGrades(db, teamID) { return doc.grades }
      return out
    }
  }

  /// The grades in the log (written by the instructor).
  static func loggedGrades(_ db: Database, _ teamID: String) throws -> [String: Grade] {
    var out: [String: Grade] = [:]
    for id in try String.fetchAll(
      db.cachedStatement(sql: "SELECT id FROM entity WHERE parent = ? AND type = 'grade'"), arguments: [teamID])
    {
      let (v, _) = try Self.fieldValues(db, entity: id)
      guard let key = v["key"]?.stringValue, let score = v["score"]?.intValue else { continue }
      out[key] = Grade(key: key, tenths: Int(score), comment: v["comment"]?.stringValue)
    }
    return out
  }

  /// When the grades a team laptop holds were published (milliseconds), if it holds any.
  public func gradesPublished(teamID: String) throws(TallerError) -> Int64? {
    try read { db in try Self.receivedGrades(db, teamID)?.at }
  }

  static func receivedGrades(_ db: Database, _ team: String) throws -> GradesDocument? {
    guard let text = try String.fetchOne(db, sql: "SELECT document FROM local_grades WHERE team = ?", arguments: [team]) else {
      return nil
    }
    return GradesDocument(Data(text.utf8))
  }

  /// Publishes a team's grades to the team (instructor only): from now on the instructor's
  /// exports carry them, sealed for the team's laptops.
  public func publishGrades(teamID: String, author: String? = nil) throws(TallerError) {
    try act(author: author) { db, draft in
      let classes = try Self.classes(db, of: teamID).filter { try Trust.classAuthority(db, replica: replica.id, $0) }
      guard let klass = classes.first, try Trust.instructor(db, replica: replica.id, team: teamID) else {
        throw TallerError.refused(Message.gradeNotInstructor)
      }
      try draft.set(klass, Self.publishedField(teamID), .bool(true))
    }
  }

  static func publishedField(_ team: String) -> String { "published:" + team }

  /// The teams whose grades this laptop (an instructor's) has published.
  public func publishedTeams() throws(TallerError) -> [String] {
    try read { db in
      var out: [String] = []
      for team in try String.fetchAll(db.cachedStatement(sql: "SELECT id FROM entity WHERE type = 'team' ORDER BY id"))
      where try Trust.instructor(db, replica: replica.id, team: team) {
        for k in try Self.classes(db, of: team) where try Trust.value(db, k, Self.publishedField(team)) == .bool(true) {
          out.append(team)
          break
        }
      }
      return out
    }
  }

  /// Whether this laptop grades the team (it founded a class the team is enrolled in).
  public func isInstructor(of teamID: String) throws(TallerError) -> Bool {
    try read { db in try Trust.instructor(db, replica: replica.id, team: teamID) }
  }

  // MARK: Survey responses

  /// Stores survey responses for a team, one entity each. A response's id comes from its
  /// source and content, so importing the same file twice adds nothing. Returns how many were new.
  public func addResponses(
    teamID: String, _ rows: [(source: String, line: Int, response: SurveyResponse)], author: String? = nil
  ) throws(TallerError) -> Int {
    try act(author: author) { db, draft in
      var added = 0
      for (source, line, r) in rows {
        let id = StableID.make(
          "response", teamID, source, String(line), String(r.nps ?? -1), String(r.ces ?? -1), String(r.csat ?? -1), r.point ?? "")
        if try Trust.lookup(db, id) != nil || draft.ops.contains(where: { $0.entity == id }) { continue }
        draft.ops.append(.create(entity: id, type: EntityType.response.rawValue, parent: teamID))
        if let v = r.nps { try draft.set(id, "nps", .int(Int64(v))) }
        if let v = r.ces {
          try draft.set(id, "ces", .int(Int64(v)))
          try draft.set(id, "ces_scale", .int(Int64(r.cesScale)))
        }
        if let v = r.csat { try draft.set(id, "csat", .int(Int64(v))) }
        if let p = r.point { try draft.set(id, "point", .string(p)) }
        try draft.set(id, "source", .string(source))
        added += 1
      }
      return added
    }
  }

  /// A team's survey responses.
  public func responses(teamID: String) throws(TallerError) -> [SurveyResponse] {
    try read { db in
      try String.fetchAll(
        db.cachedStatement(sql: "SELECT id FROM entity WHERE parent = ? AND type = 'response' ORDER BY id"), arguments: [teamID]
      ).map { id in
        let (v, _) = try Self.fieldValues(db, entity: id)
        return SurveyResponse(
          nps: v["nps"]?.intValue.map(Int.init), ces: v["ces"]?.intValue.map(Int.init),
          cesScale: v["ces_scale"]?.intValue.map(Int.init) ?? 5, csat: v["csat"]?.intValue.map(Int.init),
          point: v["point"]?.stringValue)
      }
    }
  }

  /// When each team's data last changed (milliseconds, the latest value still shown), by team
  /// id, in one pass over the class (teams never changed are absent).
  public func lastChanges() throws(TallerError) -> [String: Int64] {
    try readOnce(.lastChanges) { db in
      var out: [String: Int64] = [:]
      let rows = try Row.fetchAll(
        db.cachedStatement(
          sql: """
            WITH RECURSIVE owned(team, id) AS (
              SELECT id, id FROM entity WHERE type = 'team'
              UNION ALL SELECT owned.team, e.id FROM entity e JOIN owned ON e.parent = owned.id
            )
            SELECT owned.team, max(f.hlc_ms) FROM owned JOIN field_value f ON f.entity = owned.id GROUP BY owned.team
            """))
      for row in rows { out[row[0]] = row[1] }
      return out
    }
  }
}

/// A team's published grades as they travel to its laptops (sync/PROTOCOL.md §7.2): one
/// canonical JSON object, sealed for the team's readers and signed by the instructor's laptop.
public struct GradesDocument: Equatable, Sendable {
  public static let format = "taller-grades"
  public var team: String
  public var writer: String
  /// When it was written (milliseconds).
  public var at: Int64
  public var grades: [String: Grade]

  public init(team: String, writer: String, at: Int64, grades: [String: Grade]) {
    self.team = team
    self.writer = writer
    self.at = at
    self.grades = grades
  }

  /// The grades alone, canonical: what names the file (the same grades are not written twice).
  public var gradesJSON: String {
    CanonicalJSON.encode(
      .array(
        grades.values.sorted { $0.key < $1.key }.map { g in
          .object(["key": .string(g.key), "score": .int(Int64(g.tenths)), "comment": g.comment.map(JSONValue.string) ?? .null])
        }))
  }

  public func encode() -> Data {
    let grades = (try? StrictJSONParser.parse(gradesJSON)) ?? .array([])
    let doc: JSONValue = .object([
      "format": .string(Self.format), "v": 1, "team": .string(team), "writer": .string(writer), "at": .int(at), "grades": grades,
    ])
    return Data((CanonicalJSON.encode(doc) + "\n").utf8)
  }

  /// Whether some bytes are a grades document (else a bundle).
  public static func isGrades(_ data: Data) -> Bool {
    data.prefix(200).range(of: Data("\"format\":\"\(format)\"".utf8)) != nil
  }

  public init?(_ data: Data) {
    guard let text = String(data: data, encoding: .utf8),
      let o = try? StrictJSONParser.parse(text.trimmingCharacters(in: .whitespacesAndNewlines)),
      o["format"]?.stringValue == Self.format, o["v"]?.intValue == 1, let team = o["team"]?.stringValue,
      let writer = o["writer"]?.stringValue, let at = o["at"]?.intValue, case .array(let list)? = o["grades"]
    else { return nil }
    var grades: [String: Grade] = [:]
    for g in list {
      guard let key = g["key"]?.stringValue, let score = g["score"]?.intValue, (0...10_000).contains(score) else { return nil }
      grades[key] = Grade(key: key, tenths: Int(score), comment: g["comment"]?.stringValue)
    }
    self.init(team: team, writer: writer, at: at, grades: grades)
  }
}
