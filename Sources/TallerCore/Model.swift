import Foundation

/// Every error taller's library code throws. Each one knows the message that explains it.
public enum TallerError: Error, Equatable, Sendable {
  /// A rule of the domain refused the action (a taken name, a full team, …).
  case refused(Message)
  /// The database file cannot be used; nothing was changed.
  case database(Message)
  /// A file to read or write could not be used.
  case file(Message)
  /// Content files with problems: each one, and a summary.
  case lint([LintIssue], Message)

  /// The explanation, ready to render in any language.
  public var message: Message {
    switch self {
    case .refused(let m), .database(let m), .file(let m), .lint(_, let m): return m
    }
  }

  /// Every line of the explanation, in a language.
  public func lines(_ lang: Lang) -> [String] {
    if case .lint(let issues, let m) = self { return issues.map { $0.text(lang) } + [m.text(lang)] }
    return [message.text(lang)]
  }
}

/// Entity types stored in the change log.
public enum EntityType: String, Sendable, CaseIterable {
  case team
  case member
  case sheet
  case item
  /// One sitting of a team (attendance, time, the changes it made).
  case session
  /// A replica's public key (id = the replica id; written only by that replica).
  case replica
  /// A class, founded by its instructor's replica.
  case `class`
  /// An invitation key granted by a team (to let laptops join) or a class (to let teams enroll).
  case invite
  /// A replica joining a team, with the invitation's signature.
  case join
  /// A team enrolling in a class, with the class invitation's signature.
  case enroll
  /// A grade: instructor-only data.
  case grade
  /// One survey respondent's raw answers (CX metrics).
  case response
}

/// Field names of the trust entities (replica keys, classes, invitations, joins, enrollments).
public enum TrustField {
  public static let key = "key"
  /// On a replica: its X25519 public key (64 hex), to which sealed bundles are wrapped.
  public static let sealingKey = "sealing_key"
  public static let label = "label"
  /// On a team or class: `{"replica": founder, "nonce": n}`; the id is `FoundedID` of them.
  public static let founder = "founder"
  public static let invite = "invite"
  public static let proof = "proof"
  public static let replica = "replica"
  public static let klass = "class"
  /// On a join: the replica whose copy this one is; `proof` is then signed by that replica's key.
  public static let from = "from"
  /// On a team: `removed:<replica>` when the team's founder (or its instructor) removed that
  /// laptop: the team's files are no longer sealed for it. The value is the laptop's last change
  /// the remover held (an integer): written by the founder, that laptop's later changes to the
  /// team count nowhere. (`true`, from the release before, removes a reader only.)
  public static let removedPrefix = "removed:"
  public static func removed(_ replica: String) -> String { removedPrefix + replica }
  /// On a team's invitation: until when (milliseconds) a join made with it counts.
  public static let expires = "expires"
  /// On a team's invitation: `true` when one laptop only may join with it (the first to join,
  /// by the clock of its join, then by laptop id).
  public static let once = "once"
  /// On a team's invitation: `true` when the team's founder revoked it; a join made after that
  /// (by its clock) counts nowhere.
  public static let revoked = "revoked"
}

/// Field names stored in the change log.
public enum Field {
  public static let name = "name"
  /// On a team: how many members it may have (from its course's agenda when it was created).
  public static let size = "@size"
  /// On a class: how many members its teams may have.
  public static let teamSize = "team_size"
  /// The field of the conflict a team holds while it has more members than it may (members
  /// added at once on several laptops): resolved by removing members.
  public static let members = "@members"
  /// `true` when the entity was removed (it stays restorable; its data is kept).
  public static let deleted = "deleted"
}

/// Course rules that hold on every replica.
public enum Course {
  /// Team size where neither the team nor a class it is enrolled in says another.
  public static let defaultTeamSize = 3
  /// A touchpoint rated at most this (on 1–5) is in the red zone (the course's matrix).
  public static let redZone: Int64 = 2
}

/// A team, as the shell sees it.
public struct Team: Hashable, Sendable {
  public var id: String
  public var name: String
  public var members: [Member]

  public init(id: String, name: String, members: [Member]) {
    self.id = id
    self.name = name
    self.members = members
  }
}

/// A member of a team.
public struct Member: Hashable, Sendable {
  public var id: String
  public var name: String

  public init(id: String, name: String) {
    self.id = id
    self.name = name
  }
}

/// The rules for names people type (teams, members).
public enum Names {
  /// Longest name accepted, in characters.
  public static let maximumLength = 60

  /// Cleans a typed name and checks it; returns the name to store.
  public static func validate(_ raw: String) throws(TallerError) -> String {
    let name = Text.clean(raw)
    if name.isEmpty { throw .refused(Message.nameEmpty) }
    if name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
      throw .refused(Message.nameInvalid(name: name))
    }
    if name.count > maximumLength {
      throw .refused(Message.nameTooLong(count: String(name.count), limit: String(maximumLength)))
    }
    return name
  }

  /// Whether two names are the same for uniqueness checks (case and accents ignored).
  public static func same(_ a: String, _ b: String) -> Bool {
    Text.fold(a) == Text.fold(b)
  }

  /// Splits `Ana Muñoz, José Pérez` into names.
  public static func splitList(_ raw: String) -> [String] {
    raw.split(separator: ",").map { Text.clean(String($0)) }.filter { !$0.isEmpty }
  }
}

/// The live state of the data as a set of entities and their current field values, the way the
/// change log defines it. Independent of how the store keeps it.
public struct Snapshot: Equatable, Sendable {
  /// One entity with its current values.
  public struct Entity: Equatable, Sendable {
    public var id: String
    public var type: String
    public var parent: String?
    /// Field name → every current value (more than one when concurrent writes conflict),
    /// sorted by the winner rule, winner first.
    public var fields: [String: [JSONValue]]

    public init(id: String, type: String, parent: String?, fields: [String: [JSONValue]]) {
      self.id = id
      self.type = type
      self.parent = parent
      self.fields = fields
    }

    /// The winning value of a field.
    public func value(_ field: String) -> JSONValue? { fields[field]?.first }

    /// Whether the entity was removed.
    public var isDeleted: Bool { value(Field.deleted)?.boolValue == true }
  }

  public var entities: [Entity]

  public init(entities: [Entity]) {
    self.entities = entities.sorted { $0.id < $1.id }
  }

  /// The canonical export: every entity and every current value, keyed by stable ids, with no
  /// replica-local data. Two databases holding the same data give the same bytes.
  public func exportJSON() -> String {
    let byParent = Dictionary(grouping: entities.filter { $0.parent != nil }, by: { $0.parent ?? "" })
    func json(_ e: Entity) -> JSONValue {
      var fields: [String: JSONValue] = [:]
      for (k, values) in e.fields {
        fields[k] = values.count == 1 ? values[0] : .object(["conflict": .array(values)])
      }
      var o: [String: JSONValue] = ["id": .string(e.id), "fields": .object(fields)]
      for child in byParent[e.id] ?? [] {
        let key = child.type + "s"
        var list = o[key]?.arrayValue ?? []
        list.append(json(child))
        o[key] = .array(list)
      }
      if e.type == EntityType.team.rawValue, o["members"] == nil { o["members"] = .array([]) }
      return .object(o)
    }
    let teams = entities.filter { $0.type == EntityType.team.rawValue }.map(json)
    let doc: JSONValue = .object([
      "format": "taller-export",
      "version": 1,
      "teams": .array(teams),
    ])
    return CanonicalJSON.encodePretty(doc)
  }
}
