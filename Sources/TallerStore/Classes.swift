import Foundation
import GRDB
import TallerCore

/// A class, as the instructor created it.
public struct ClassInfo: Equatable, Sendable {
  public var id: String
  public var name: String
  /// The instructor's replica.
  public var founder: String
  /// Teams enrolled (with a valid enrollment), by id.
  public var teams: [String]
  /// Whether this laptop is the class's instructor (its founder, or a copy of the founder's database).
  public var mine = false
}

extension TallerStore {
  /// Creates a class whose teams have at most `teamSize` members; this laptop is its instructor.
  public func createClass(name raw: String, teamSize: Int = Course.defaultTeamSize, author: String? = nil) throws(TallerError) -> ClassInfo
  {
    let name = try Names.validate(raw)
    return try act(author: author) { db, draft in
      let nonce = newID()
      let id = FoundedID.make("class", replica: replica.id, nonce: nonce)
      draft.ops.append(.create(entity: id, type: EntityType.class.rawValue, parent: nil))
      try draft.set(id, TrustField.founder, .object(["replica": .string(replica.id), "nonce": .string(nonce)]))
      try draft.set(id, Field.name, .string(name))
      try draft.set(id, Field.teamSize, .int(Int64(teamSize)))
      return ClassInfo(id: id, name: name, founder: replica.id, teams: [], mine: true)
    }
  }

  /// Every class known here, with its enrolled teams.
  public func classes() throws(TallerError) -> [ClassInfo] {
    try readOnce(.classes) { db in
      var out: [ClassInfo] = []
      for id in try String.fetchAll(db.cachedStatement(sql: "SELECT id FROM entity WHERE type = 'class' ORDER BY id")) {
        guard let founder = try Trust.founder(db, id) else { continue }
        let name = try Trust.value(db, id, Field.name)?.stringValue ?? id
        var teams: [String] = []
        for team in try String.fetchAll(db.cachedStatement(sql: "SELECT id FROM entity WHERE type = 'team'"))
        where try Trust.instructor(db, replica: founder, team: team) {
          teams.append(team)
        }
        out.append(
          ClassInfo(id: id, name: name, founder: founder, teams: teams, mine: try Trust.classAuthority(db, replica: replica.id, id)))
      }
      return out.sorted { ($0.name, $0.id) < ($1.name, $1.id) }
    }
  }

  /// Grants a new invitation key for a team or a class; returns its id and the private key that
  /// goes into the invitation file.
  /// `expires`: until when (milliseconds) a join made with it counts (team invitations).
  /// `publicKey`: the key a join must be signed with, when it is not the secret's (an admission
  /// names the joining laptop's own key: only it can use it).
  /// `once`: one laptop only may join with it (a team's invitation).
  public func createInvite(
    for parent: String, secret: String = Signing.newPrivateKey(), publicKey: String? = nil, expires: Int64? = nil,
    once: Bool = false, author: String? = nil
  ) throws(TallerError) -> (id: String, secret: String) {
    guard let pub = publicKey ?? Signing.publicKey(ofPrivate: secret) else {
      throw .refused(Message.notAllowed(reason: .reasonSigningKey))
    }
    return try act(author: author) { db, draft in
      guard try Trust.lookup(db, parent) != nil else {
        throw TallerError.refused(Message.teamNotFound(team: parent))
      }
      let id = draft.create(.invite, parent: parent)
      try draft.set(id, TrustField.key, .string(pub))
      if let expires { try draft.set(id, TrustField.expires, .int(expires)) }
      if once { try draft.set(id, TrustField.once, .bool(true)) }
      return (id, secret)
    }
  }

  /// The class's invitation, the same each time it is asked for: its key derives from this
  /// laptop's signing key, so it is written once, right after the class in the usual order of
  /// things, and an invitation file carries the instructor's chain only up to it (never grades
  /// given later). Returns the invitation, its private key and the change that created it.
  public func classInvitation(classID: String) throws(TallerError) -> (invite: String, secret: String, seq: Int64) {
    guard let secret = Signing.derivedKey(from: replica.signingKey, for: "taller-class-invite\n\(classID)"),
      let pub = Signing.publicKey(ofPrivate: secret)
    else { throw .refused(Message.notAllowed(reason: .reasonSigningKey)) }
    func existing() throws(TallerError) -> (String, Int64)? {
      try read { db in
        for id in try String.fetchAll(
          db.cachedStatement(sql: "SELECT id FROM entity WHERE parent = ? AND type = 'invite' ORDER BY id"), arguments: [classID])
        where try Trust.value(db, id, TrustField.key)?.stringValue == pub {
          let op = try String.fetchOne(
            db.cachedStatement(sql: "SELECT op FROM field_value WHERE entity = ? AND field = ? ORDER BY hlc_ms, hlc_c LIMIT 1"),
            arguments: [id, TrustField.key])
          if let op, let o = OpID(op), o.replica == replica.id { return (id, o.seq) }
        }
        return nil
      }
    }
    if let (id, seq) = try existing() { return (id, secret, seq) }
    _ = try createInvite(for: classID, secret: secret)
    guard let (id, seq) = try existing() else { throw .refused(Message.inviteInvalid) }
    return (id, secret, seq)
  }

  /// This laptop joins a team with an invitation (its id and private key).
  public func joinTeam(teamID: String, invite: String, secret: String, author: String? = nil, checkExpiry: Bool = true) throws(TallerError)
  {
    guard let proof = Signing.sign(Signing.joinMessage(team: teamID, replica: replica.id), privateKey: secret) else {
      throw .refused(Message.inviteInvalid)
    }
    try act(author: author) { db, draft in
      guard let key = try Trust.inviteKey(db, invite, parent: teamID), Signing.publicKey(ofPrivate: secret) == key else {
        throw TallerError.refused(Message.inviteInvalid)
      }
      // Expired: the join would count nowhere (its time is past the invitation's).
      if checkExpiry, let expires = try Trust.value(db, invite, TrustField.expires)?.intValue, now() > expires {
        throw TallerError.refused(Message.inviteExpired(time: TeamInvitation.clock(expires)))
      }
      // Revoked, or already used by another laptop, as far as this laptop knows (a laptop that
      // does not know yet joins, and its join counts nowhere once the facts meet).
      if checkExpiry, try TrustFacts.revoked(db, invite: invite, team: teamID) != nil {
        throw TallerError.refused(Message.inviteRevoked)
      }
      if checkExpiry, try Trust.value(db, invite, TrustField.once) == .bool(true),
        try TrustFacts.joins(db, invite: invite).contains(where: { $0.replica != replica.id })
      {
        throw TallerError.refused(Message.inviteUsed)
      }
      try writeJoin(db, &draft, parent: teamID, through: (TrustField.invite, invite), proof: proof)
    }
  }

  /// This laptop's request to join a team: its id and public keys, signed (a `.taller-request`
  /// file's line).
  public func joinRequest() -> String? {
    JoinRequest(replica: replica.id, key: replica.publicKey, sealingKey: replica.encryptionPublicKey, label: replica.label, at: now())
      .encode(signingKey: replica.signingKey)
  }

  /// An admission: the team's invitation for exactly the laptop of `request` (its key is the
  /// laptop's own), with the team's data, sealed for that laptop alone and signed by this one.
  public func sealAdmission(_ invitation: Invitation, for request: JoinRequest) throws(TallerError) -> Data {
    try Sealed.seal(
      Data(invitation.encode().utf8), writer: replica.id, team: invitation.target,
      recipients: [Sealed.Recipient(id: request.replica, publicKey: request.sealingKey)], signingKey: replica.signingKey,
      writerKey: replica.publicKey)
  }

  /// Opens an admission sealed for this laptop (refused if it is not, or if it expired, storing
  /// nothing), imports the team's data and joins, signing the join with this laptop's own key.
  public func joinAdmitted(_ data: Data) throws(TallerError) -> (invitation: Invitation, imported: ImportResult) {
    let keyOf = replicaKeys
    let header = try Sealed.verify(data, writerKey: keyOf)
    guard header.recipients.contains(replica.id) else { throw .refused(Message.admissionNotForMe) }
    let opened = try Sealed.open(data, me: replica.id, privateKey: replica.encryptionKey, writerKey: keyOf)
    let inv: Invitation
    do {
      inv = try Invitation.decode(opened.payload)
    } catch {
      throw .refused(error.message)
    }
    guard inv.kind == .team, inv.target == header.team else { throw .refused(Message.inviteInvalid) }
    if let expires = inv.expires, now() > expires { throw .refused(Message.inviteExpired(time: TeamInvitation.clock(expires))) }
    let imported = try importBundle(inv.bundle)
    guard let proof = Signing.sign(Signing.joinMessage(team: inv.target, replica: replica.id), privateKey: replica.signingKey) else {
      throw .refused(Message.inviteInvalid)
    }
    try act(author: nil) { db, draft in
      guard try Trust.inviteKey(db, inv.invite, parent: inv.target) == replica.publicKey else {
        throw TallerError.refused(Message.admissionNotForMe)
      }
      try writeJoin(db, &draft, parent: inv.target, through: (TrustField.invite, inv.invite), proof: proof)
    }
    return (inv, imported)
  }

  /// This replica's join under a team or class: created once, then its fields (`invite` or
  /// `from`, with the proof that goes with it).
  private func writeJoin(
    _ db: Database, _ draft: inout ChangeDraft, parent: String, through: (field: String, value: String), proof: String
  ) throws {
    let id = StableID.make("join", parent, replica.id)
    if try Trust.lookup(db, id) == nil {
      draft.ops.append(.create(entity: id, type: EntityType.join.rawValue, parent: parent))
    }
    try draft.set(id, TrustField.replica, .string(replica.id))
    try draft.set(id, through.field, .string(through.value))
    try draft.set(id, TrustField.proof, .string(proof))
  }

  /// Enrolls a team (this laptop must be one of its writers) in a class, with the class's
  /// invitation.
  public func enroll(teamID: String, classID: String, invite: String, secret: String, author: String? = nil) throws(TallerError) {
    guard let proof = Signing.sign(Signing.enrollMessage(classID: classID, team: teamID), privateKey: secret) else {
      throw .refused(Message.inviteInvalid)
    }
    try act(author: author) { db, draft in
      guard let key = try Trust.inviteKey(db, invite, parent: classID), Signing.publicKey(ofPrivate: secret) == key else {
        throw TallerError.refused(Message.inviteInvalid)
      }
      let id = StableID.make("enroll", classID, teamID)
      if try Trust.lookup(db, id) == nil {
        draft.ops.append(.create(entity: id, type: EntityType.enroll.rawValue, parent: teamID))
      }
      try draft.set(id, TrustField.klass, .string(classID))
      try draft.set(id, TrustField.invite, .string(invite))
      try draft.set(id, TrustField.proof, .string(proof))
    }
  }

  /// A copied database's new identity takes over its origin's rights: for every team and class
  /// the origin could change, a join naming the origin in `from`, signed with the origin's key
  /// (which the copy holds). Other laptops check that signature against the origin's declared key.
  func inherit(from previous: String, key: String) throws(TallerError) {
    try act(author: nil) { db, draft in
      // The origin's last changes may never have left it: signed now with its key, this copy
      // can pass them on (the origin, if it goes on, continues the same chain).
      if let head = try Row.fetchOne(
        db.cachedStatement(sql: "SELECT seq, hash FROM change_log WHERE replica = ? ORDER BY seq DESC LIMIT 1"), arguments: [previous]),
        let sig = Signing.sign(Signing.headMessage(replica: previous, seq: head["seq"], hash: head["hash"]), privateKey: key)
      {
        try Self.storeSignature(db, HeadSignature(replica: previous, seq: head["seq"], hash: head["hash"], signature: sig))
      }
      var parents: [String] = []
      for team in try String.fetchAll(db.cachedStatement(sql: "SELECT id FROM entity WHERE type = 'team' ORDER BY id"))
      where try Trust.authority(db, replica: previous, team: team) && Trust.value(db, team, TrustField.founder) != nil {
        parents.append(team)
      }
      for klass in try String.fetchAll(db.cachedStatement(sql: "SELECT id FROM entity WHERE type = 'class' ORDER BY id"))
      where try Trust.classAuthority(db, replica: previous, klass) {
        parents.append(klass)
      }
      for parent in parents {
        guard let proof = Signing.sign(Signing.joinMessage(team: parent, replica: replica.id), privateKey: key) else { continue }
        try writeJoin(db, &draft, parent: parent, through: (TrustField.from, previous), proof: proof)
      }
    }
  }

  /// The laptops that write a team's data: its founder and those that joined it.
  public func laptops(teamID: String) throws(TallerError) -> [String] {
    try read { db in try Self.teamLaptops(db, teamID: teamID) }
  }

  /// The team's laptops, less those its founder removed.
  static func teamLaptops(_ db: Database, teamID: String) throws -> [String] {
    try allTeamLaptops(db, teamID: teamID).filter { try !isRemoved(db, teamID: teamID, $0) }
  }

  /// Whether a laptop was removed from a team (`true` from the release before, or the last
  /// change of it that counts).
  static func isRemoved(_ db: Database, teamID: String, _ r: String) throws -> Bool {
    switch try Trust.value(db, teamID, TrustField.removed(r)) {
    case .bool(true), .int: true
    default: false
    }
  }

  /// The team's laptops, removed ones too.
  static func allTeamLaptops(_ db: Database, teamID: String) throws -> [String] {
    var out: [String] = []
    if let f = try Trust.founder(db, teamID) { out.append(f) }
    for r in try String.fetchAll(
      db.cachedStatement(
        sql:
          "SELECT DISTINCT f.value FROM entity e JOIN field_value f ON f.entity = e.id AND f.field = 'replica' WHERE e.parent = ? AND e.type = 'join'"
      ),
      arguments: [teamID])
    {
      if let id = (try? StrictJSONParser.parse(r))?.stringValue, !out.contains(id), try Trust.authority(db, replica: id, team: teamID) {
        out.append(id)
      }
    }
    return out
  }

  /// A team's invitations: when each was written, until when it is valid, who joined with it.
  public func invitations(teamID: String) throws(TallerError) -> [TeamInvitation] {
    try read { db in
      var out: [TeamInvitation] = []
      for id in try String.fetchAll(
        db.cachedStatement(sql: "SELECT id FROM entity WHERE parent = ? AND type = 'invite' ORDER BY id"), arguments: [teamID])
      {
        let created = try Int64.fetchOne(
          db.cachedStatement(sql: "SELECT min(hlc_ms) FROM field_value WHERE entity = ? AND field = ?"), arguments: [id, TrustField.key])
        var joined: [String] = []
        for r in try Self.allTeamLaptops(db, teamID: teamID) {
          if try Trust.value(db, StableID.make("join", teamID, r), TrustField.invite)?.stringValue == id { joined.append(r) }
        }
        let revoked = try TrustFacts.revoked(db, invite: id, team: teamID)
        out.append(
          TeamInvitation(
            id: id, created: created ?? 0, expires: try Trust.value(db, id, TrustField.expires)?.intValue, joined: joined,
            once: try Trust.value(db, id, TrustField.once) == .bool(true), revoked: revoked?.ms))
      }
      return out.sorted { ($0.created, $0.id) < ($1.created, $1.id) }
    }
  }

  /// A team's laptops as people see them: who founded it, which were removed, which is this one.
  public func teamLaptopList(teamID: String) throws(TallerError) -> [TeamLaptop] {
    try read { db in
      let founder = try Trust.founder(db, teamID)
      return try Self.allTeamLaptops(db, teamID: teamID).map { r in
        TeamLaptop(
          id: r, label: try Trust.value(db, r, TrustField.label)?.stringValue ?? "", founder: r == founder,
          removed: try Self.isRemoved(db, teamID: teamID, r), mine: r == replica.id)
      }
    }
  }

  /// Removes a laptop from a team (this laptop must be the team's founder or its instructor):
  /// the team's files are sealed for it no longer. What it already read stays readable to it.
  /// Removed by the founder, its changes after the last one held here count nowhere (an
  /// instructor's removal stops reading only: the instructor's own right rests on the team's
  /// enrolment, which a team laptop wrote, so it cannot take a team laptop's right away).
  public func removeLaptop(teamID: String, replica target: String, author: String? = nil) throws(TallerError) {
    try act(author: author) { db, draft in
      guard try Trust.founder(db, teamID) == replica.id || Trust.instructor(db, replica: replica.id, team: teamID) else {
        throw TallerError.refused(Message.laptopRemoveNotFounder)
      }
      if try Trust.founder(db, teamID) == target { throw TallerError.refused(Message.laptopRemoveFounder) }
      // Its last change held here: what it wrote until then stays; after it, nothing counts.
      let last =
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT max(seq) FROM change_log WHERE replica = ?"), arguments: [target]) ?? 0
      try draft.set(teamID, TrustField.removed(target), .int(last))
    }
  }

  /// Revokes a team's invitation (this laptop must be the team's founder): a join made with it
  /// from now on counts nowhere. Joins made before stay (remove the laptop for those).
  public func revokeInvite(teamID: String, invite: String, author: String? = nil) throws(TallerError) {
    try act(author: author) { db, draft in
      guard try Trust.founder(db, teamID) == replica.id else { throw TallerError.refused(Message.inviteRevokeNotFounder) }
      guard try Trust.inviteKey(db, invite, parent: teamID) != nil else { throw TallerError.refused(Message.inviteInvalid) }
      try draft.set(invite, TrustField.revoked, .bool(true))
    }
  }

  /// Whether this laptop may change a team's data.
  public func isWriter(teamID: String) throws(TallerError) -> Bool {
    try read { db in
      // Removed by the founder: its next change would come after the last one that counts.
      if try TrustFacts.removalPin(db, team: teamID, replica: replica.id) != nil { return false }
      return try Trust.authority(db, replica: replica.id, team: teamID)
    }
  }

  /// The team an entity belongs to, if any.
  public func team(of entity: String) throws(TallerError) -> String? {
    try read { db in try Trust.teamOf(db, entity) }
  }
}

extension TallerStore {
  /// Applied changes above `vector` per team (a change counts for every team whose data it
  /// touches): what an import brought in, given the version vector from before it.
  public func changesPerTeam(after vector: [String: Int64]) throws(TallerError) -> [String: Int] {
    try read { db in
      var out: [String: Int] = [:]
      let teams = Trust.Writers()
      let replicas = try String.fetchAll(db.cachedStatement(sql: "SELECT DISTINCT replica FROM change_log"))
      for r in replicas {
        let rows = try Row.fetchAll(
          db.cachedStatement(
            sql: """
              SELECT body FROM change_log c WHERE replica = ? AND seq > ?
                AND NOT EXISTS(SELECT 1 FROM quarantine q WHERE q.replica = c.replica AND q.seq = c.seq)
              """), arguments: [r, vector[r] ?? 0])
        for row in rows {
          var touched: Set<String> = []
          for op in try Change(body: row["body"] as String).ops {
            if let t = try Trust.teamOf(db, op.entity, cache: teams) { touched.insert(t) }
          }
          for t in touched { out[t, default: 0] += 1 }
        }
      }
      return out
    }
  }
}

/// One of a team's invitations.
public struct TeamInvitation: Equatable, Sendable {
  public var id: String
  /// When it was written, and until when it is valid (milliseconds; `nil`: no expiry, from an
  /// earlier release).
  public var created: Int64
  public var expires: Int64?
  /// The laptops whose join with it counts.
  public var joined: [String]
  /// Whether one laptop only may join with it.
  public var once: Bool = false
  /// When the team's founder revoked it, if it did.
  public var revoked: Int64?

  /// Whether a laptop could still join with it at `now`.
  public func isOpen(at now: Int64) -> Bool {
    revoked == nil && (expires.map { now <= $0 } ?? true) && !(once && !joined.isEmpty)
  }

  /// `10:45`, in the laptop's time zone.
  public static func clock(_ millis: Int64) -> String { Clock.time(millis, zone: .current) }
}

/// One laptop of a team.
public struct TeamLaptop: Equatable, Sendable {
  public var id: String
  /// The name the laptop gave itself (its host name), if it declared one.
  public var label: String
  public var founder: Bool
  public var removed: Bool
  public var mine: Bool
}

/// Who may read what (issue 17): the readers a team's sealed bundles are wrapped to.
public struct SealingRecipients: Equatable, Sendable {
  /// Laptops that may read, with the sealing key each declared.
  public var recipients: [Sealed.Recipient]
  /// Laptops that may read but have declared no sealing key yet (an older release that has not
  /// written since): nothing can be sealed to them until they do.
  public var missing: [String]
}

extension TallerStore {
  /// The laptops that may read a team's data: the team's own (its founder and the laptops that
  /// joined it) and the instructor's (the founder of a class the team is enrolled in, or a copy
  /// that carries its rights); for its grades, the instructor's alone. A pure function of the
  /// applied state, so every laptop holding the same changes computes the same readers.
  public func sealingRecipients(teamID: String, grades: Bool = false) throws(TallerError) -> SealingRecipients {
    try read { db in try Self.recipients(db, Self.readerIDs(db, teamID: teamID, grades: grades)) }
  }
}
