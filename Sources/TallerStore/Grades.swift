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

  /// A team's grades by key.
  public func grades(teamID: String) throws(TallerError) -> [String: Grade] {
    try read { db in
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

  /// When a team's data last changed (milliseconds, the latest value still shown), if ever.
  public func lastChange(teamID: String) throws(TallerError) -> Int64? {
    try read { db in
      try Int64.fetchOne(
        db,
        sql: """
          WITH RECURSIVE owned(id) AS (
            SELECT ? UNION ALL SELECT e.id FROM entity e JOIN owned ON e.parent = owned.id
          )
          SELECT max(f.hlc_ms) FROM field_value f JOIN owned ON f.entity = owned.id
          """, arguments: [teamID])
    }
  }
}
