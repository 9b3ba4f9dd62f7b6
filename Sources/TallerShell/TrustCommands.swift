import Foundation
import TallerCore
import TallerStore

private let classWord = Word("class", ["clase"])
private let teamWord = Word("team", ["equipo"])

extension CommandTable {
  /// Invitations, joining, classes and the instructor's merge.
  static let trustCommands: [CommandSpec] = [
    CommandSpec(
      [teamWord, Word("invite", ["invitar"])], summary: .cmdTeamInvite, detail: .detailTeamInvite,
      arguments: TeamInviteArgs.self,
      run: { ctx, session, args throws(TallerError) in
        let team = try currentTeam(ctx, &session)
        // One laptop per member at most: an invitation past that would let a stranger in.
        let limit = try ctx.store.memberLimit(teamID: team.id)
        let laptops = try ctx.store.laptops(teamID: team.id).count
        if laptops >= limit {
          throw .refused(Message.teamLaptopsFull(count: String(laptops), limit: String(limit), team: team.name))
        }
        let expires = try TrustFiles.expiry(ctx, minutes: args.minutes)
        let (invite, secret) = try ctx.store.createInvite(for: team.id, expires: expires, once: true)
        let bundle = try TrustFiles.newcomerBundle(ctx, team: team.id)
        let inv = Invitation(kind: .team, target: team.id, name: team.name, invite: invite, secret: secret, bundle: bundle)
        if args.code {
          // A code to read aloud; the invitation waits in the shared folder, sealed with it.
          let code = InvitationCode.fresh()
          let sealed: String
          let name: String
          do {
            sealed = try code.seal(inv)
            name = try code.fileName()
          } catch {
            throw .refused(Message.notAllowed(reason: .reasonPassphrase))
          }
          let path = try SyncFiles.write(sealed, named: name, in: args.dir ?? ".")
          return Reply(lines: [
            .success(Message.inviteCodeWritten(file: path, team: team.name).text(session.lang)),
            .heading("    " + code.display),
            .dim(Message.inviteValidUntil(time: TeamInvitation.clock(expires)).text(session.lang)),
            .dim(Message.inviteCodeHint(code: code.display, words: inv.words).text(session.lang)),
          ])
        }
        let prefix = session.lang == .es ? "invitacion-equipo" : "team-invitation"
        let path = try SyncFiles.write(inv.encode(), named: inv.fileName(prefix: prefix), in: args.dir ?? ".")
        return Reply(lines: [
          .success(Message.inviteWritten(file: path, team: team.name).text(session.lang)),
          .dim(Message.inviteValidUntil(time: TeamInvitation.clock(expires)).text(session.lang)),
          .dim(Message.inviteTeamHint(file: (path as NSString).lastPathComponent).text(session.lang)),
        ])
      }),
    CommandSpec(
      [teamWord, Word("request-join", ["pedir-unirse", "solicitar"])], summary: .cmdTeamRequestJoin, arguments: OptionalDirArgs.self,
      run: { ctx, session, args throws(TallerError) in
        let lang = session.lang
        guard let line = ctx.store.joinRequest(), let request = JoinRequest.decode(Data(line.utf8)) else {
          throw .refused(Message.inviteInvalid)
        }
        let name =
          "\(lang == .es ? "solicitud" : "request")-\(SafeName.slug(ctx.store.replica.label))-\(ctx.store.replica.id.prefix(6))\(JoinRequest.suffix)"
        let path = try SyncFiles.write(line, named: name, in: args.dir ?? ".")
        return Reply(lines: [
          .success(Message.requestWritten(file: path).text(lang)), .text(Message.requestWords(words: request.words).text(lang)),
        ])
      }),
    CommandSpec(
      [teamWord, Word("admit", ["admitir"])], summary: .cmdTeamAdmit, arguments: TeamAdmitArgs.self,
      run: { ctx, session, args throws(TallerError) in
        let lang = session.lang
        let team = try currentTeam(ctx, &session)
        guard let request = JoinRequest.decode(try FileInput.read(args.file, lang: lang)) else {
          throw .refused(Message.requestBad(file: args.file))
        }
        let laptop = "\(request.replica.prefix(8)) \(request.label)"
        if try ctx.store.laptops(teamID: team.id).contains(request.replica) {
          return .text(Message.requestAlready(laptop: laptop, team: team.name).text(lang))
        }
        let limit = try ctx.store.memberLimit(teamID: team.id)
        let laptops = try ctx.store.laptops(teamID: team.id).count
        if laptops >= limit {
          throw .refused(Message.teamLaptopsFull(count: String(laptops), limit: String(limit), team: team.name))
        }
        let expires = try TrustFiles.expiry(ctx, minutes: args.minutes)
        // An invitation whose key is the laptop's own: only it can sign the join.
        let (invite, _) = try ctx.store.createInvite(for: team.id, publicKey: request.key, expires: expires, once: true)
        let inv = Invitation(
          kind: .team, target: team.id, name: team.name, invite: invite, secret: "",
          bundle: try TrustFiles.newcomerBundle(ctx, team: team.id))
        let sealed = try ctx.store.sealAdmission(inv, for: request)
        let dir = (args.file as NSString).deletingLastPathComponent
        let name = "\(lang == .es ? "admision" : "admission")-\(SafeName.slug(team.name))-\(request.replica.prefix(6)).taller-admit"
        let path = try SyncFiles.write(String(decoding: sealed, as: UTF8.self), named: name, in: dir.isEmpty ? "." : dir)
        return Reply(lines: [
          .success(Message.admitWritten(file: path, laptop: laptop, time: TeamInvitation.clock(expires)).text(lang)),
          .text(Message.requestWords(words: request.words).text(lang)),
        ])
      }),
    CommandSpec(
      [teamWord, Word("invitations", ["invitaciones"])], summary: .cmdTeamInvitations,
      run: { ctx, session, _ throws(TallerError) in
        let lang = session.lang
        let team = try currentTeam(ctx, &session)
        let list = try ctx.store.invitations(teamID: team.id)
        if list.isEmpty { return .text(Message.invitationsNone.text(lang)) }
        let labels = (try? ctx.store.replicaLabels()) ?? [:]
        var lines: [Line] = [.heading(Message.invitationsHeader(team: team.name).text(lang))]
        for i in list {
          var state: [String] = []
          if let r = i.revoked {
            state.append(Message.invitationRevokedState(time: TeamInvitation.clock(r)).text(lang))
          } else if let e = i.expires {
            state.append(
              (e >= ctx.now()
                ? Message.invitationOpen(time: TeamInvitation.clock(e)) : Message.invitationExpired(time: TeamInvitation.clock(e))).text(
                  lang))
          } else {
            state.append(Message.invitationForever.text(lang))
          }
          if i.once { state.append(Message.invitationOnce.text(lang)) }
          if !i.joined.isEmpty {
            state.append(Message.invitationUsed(laptops: i.joined.map { SyncFiles.laptop($0, labels) }.joined(separator: ", ")).text(lang))
          }
          lines.append(.item(String(i.id.prefix(8)), note: state.joined(separator: "; ")))
        }
        if list.contains(where: { $0.isOpen(at: ctx.now()) }) { lines.append(.dim(Message.invitationsRevokeHint.text(lang))) }
        return Reply(lines: lines)
      }),
    CommandSpec(
      [teamWord, Word("revoke-invitation", ["revocar-invitacion", "revocar-invitación"])], summary: .cmdTeamRevokeInvitation,
      arguments: InvitationArgs.self,
      run: { ctx, session, args throws(TallerError) in
        let lang = session.lang
        let team = try currentTeam(ctx, &session)
        let list = try ctx.store.invitations(teamID: team.id)
        let wanted = Text.fold(Text.clean(args.invitation))
        let found = list.filter { wanted.count >= 4 && $0.id.hasPrefix(wanted) }
        guard found.count == 1, let target = found.first else {
          let ids = list.map { String($0.id.prefix(8)) }.joined(separator: ", ")
          throw .refused(Message.invitationNotFound(invite: args.invitation, invites: ids.isEmpty ? "—" : ids))
        }
        try ctx.store.revokeInvite(teamID: team.id, invite: target.id)
        return .ok(Message.invitationRevokedDone(invite: String(target.id.prefix(8)), team: team.name).text(lang))
      }),
    CommandSpec(
      [teamWord, Word("join", ["unirse", "unir"])], summary: .cmdTeamJoin, arguments: JoinArgs.self,
      run: { ctx, session, args throws(TallerError) in
        let lang = session.lang
        // A code read aloud: the invitation it seals is in the folder named after it.
        if !FileManager.default.fileExists(atPath: args.file), let code = InvitationCode(args.file) {
          let dir = args.dir ?? "."
          let name = (try? code.fileName()) ?? ""
          let path = (dir as NSString).appendingPathComponent(name)
          guard FileKind.isRegular(path), let data = try? FileInput.read(path, lang: lang), let inv = try? code.open(data),
            inv.kind == .team
          else { throw .refused(Message.inviteCodeNotFound(code: code.display, dir: dir)) }
          var reply = try TrustFiles.joinWithInvitation(ctx, &session, inv)
          // Used: out of the shared folder (best effort), so nobody else tries it.
          try? FileManager.default.removeItem(atPath: path)
          reply.lines.append(.text(Message.joinWords(words: inv.words).text(lang)))
          return reply
        }
        // An admission (sealed for this laptop alone), or a bearer invitation.
        let raw = try FileInput.read(args.file, lang: lang)
        if Sealed.isSealed(raw) {
          let (inv, r) = try ctx.store.joinAdmitted(raw)
          session.teamID = inv.target
          session.guided = nil
          try ctx.store.setCurrentTeam(inv.target)
          let name = try ctx.store.team(id: inv.target)?.name ?? inv.name
          return .ok(Message.teamJoined(changes: String(r.newChanges), team: name).text(lang))
        }
        return try TrustFiles.joinWithInvitation(ctx, &session, try TrustFiles.read(args.file, kind: .team, lang: lang))
      }),
    CommandSpec(
      [teamWord, Word("laptops", ["laptops", "computadoras"])], summary: .cmdTeamLaptops,
      run: { ctx, session, _ throws(TallerError) in
        let lang = session.lang
        let team = try currentTeam(ctx, &session)
        var lines: [Line] = [.heading(Message.teamLaptopsHeader(team: team.name).text(lang))]
        for l in try ctx.store.teamLaptopList(teamID: team.id) {
          var marks: [String] = []
          if l.founder { marks.append(Message.laptopFounderMark.text(lang)) }
          if l.mine { marks.append(Message.laptopMineMark.text(lang)) }
          if l.removed { marks.append(Message.laptopRemovedMark.text(lang)) }
          lines.append(.item("\(l.id.prefix(8))  \(l.label)", note: marks.isEmpty ? nil : "(" + marks.joined(separator: ", ") + ")"))
        }
        return Reply(lines: lines)
      }),
    CommandSpec(
      [teamWord, Word("remove-laptop", ["quitar-laptop"])], summary: .cmdTeamRemoveLaptop, arguments: LaptopArgs.self,
      run: { ctx, session, args throws(TallerError) in
        let lang = session.lang
        let team = try currentTeam(ctx, &session)
        let all = try ctx.store.teamLaptopList(teamID: team.id)
        let wanted = Text.fold(Text.clean(args.laptop))
        let found = all.filter { (wanted.count >= 4 && $0.id.hasPrefix(wanted)) || Text.fold($0.label) == wanted }
        guard found.count == 1, let target = found.first else {
          let names = all.map { "\($0.id.prefix(8)) \($0.label)" }.joined(separator: ", ")
          throw .refused(Message.laptopNotFound(laptop: args.laptop, laptops: names))
        }
        try ctx.store.removeLaptop(teamID: team.id, replica: target.id)
        return .ok(Message.laptopRemoved(laptop: "\(target.id.prefix(8)) \(target.label)", team: team.name).text(lang))
      }),
    CommandSpec(
      [Word("keys", ["claves"]), Word("passphrase", ["frase"])], summary: .cmdKeysPassphrase,
      run: { ctx, session, _ throws(TallerError) in
        let lang = session.lang
        guard let secret = ctx.readSecret, let first = secret(Message.passphraseNewPrompt.text(lang)) else {
          throw .refused(Message.passphraseScript)
        }
        var new: String?
        if !first.isEmpty {
          if first.count < KeyFolder.minimumPassphrase {
            throw .refused(Message.passphraseTooShort(count: String(KeyFolder.minimumPassphrase)))
          }
          guard secret(Message.passphraseRepeatPrompt.text(lang)) == first else { throw .refused(Message.passphraseMismatch) }
          new = first
        }
        try ctx.store.protectKeys(passphrase: new)
        return .ok((new == nil ? Message.passphraseRemoved : Message.passphraseSet).text(lang))
      }),
    CommandSpec(
      [classWord, Word("create", ["crear", "nueva"])], summary: .cmdClassCreate, arguments: NewNameArgs.self,
      run: { ctx, session, args throws(TallerError) in
        let c = try ctx.store.createClass(name: args.name, teamSize: ctx.teamSizeLimit)
        return Reply(lines: [
          .success(Message.classCreated(class: c.name).text(session.lang)),
          .dim(Message.classCreatedHint.text(session.lang)),
        ])
      }),
    CommandSpec(
      [classWord, Word("invite", ["invitar"])], summary: .cmdClassInvite, arguments: OptionalDirArgs.self,
      run: { ctx, session, args throws(TallerError) in
        let c = try TrustFiles.myClass(ctx)
        // The same invitation every time, and the instructor's chain only up to it: the class,
        // never the teams' work nor grades given since.
        let (invite, secret, seq) = try ctx.store.classInvitation(classID: c.id)
        let chains = try ctx.store.sealedGroups().filter { $0.scope == c.id && $0.isClass }.reduce(into: Set<String>()) {
          $0.formUnion($1.replicas)
        }
        guard let bundle = try ctx.store.exportBundle(after: [:], only: chains, through: [ctx.store.replica.id: seq]) else {
          throw .refused(Message.syncNothing)
        }
        let inv = Invitation(kind: .class, target: c.id, name: c.name, invite: invite, secret: secret, bundle: bundle)
        let prefix = session.lang == .es ? "invitacion-clase" : "class-invitation"
        let path = try SyncFiles.write(inv.encode(), named: inv.fileName(prefix: prefix), in: args.dir ?? ".")
        return Reply(lines: [
          .success(Message.inviteWritten(file: path, team: c.name).text(session.lang)),
          .dim(Message.inviteClassHint(file: (path as NSString).lastPathComponent).text(session.lang)),
        ])
      }),
    CommandSpec(
      [classWord, Word("join", ["unirse", "inscribirse"])], summary: .cmdClassJoin, arguments: FileArgs.self,
      run: { ctx, session, args throws(TallerError) in
        let lang = session.lang
        let team = try currentTeam(ctx, &session)
        let inv = try TrustFiles.read(args.file, kind: .class, lang: lang)
        _ = try ctx.store.importBundle(inv.bundle)
        try ctx.store.enroll(teamID: team.id, classID: inv.target, invite: inv.invite, secret: inv.secret)
        return .ok(Message.classJoined(class: inv.name, team: team.name).text(lang))
      }),
    CommandSpec(
      [classWord, Word("merge", ["fusionar", "juntar", "combinar"])], summary: .cmdClassMerge, detail: .detailClassMerge,
      arguments: PathsArgs.self,
      run: { ctx, session, args throws(TallerError) in
        try TrustFiles.merge(ctx, args.paths, lang: session.lang)
      }),
  ]
}

enum TrustFiles {
  /// Reads an invitation file of the expected kind.
  static func read(_ path: String, kind: Invitation.Kind, lang: Lang) throws(TallerError) -> Invitation {
    let data = try FileInput.read(path, lang: lang)
    let inv: Invitation
    do {
      inv = try Invitation.decode(data)
    } catch {
      throw .file(Message.syncRefusedFile(file: path, reason: SyncFiles.reason(error, lang)))
    }
    guard inv.kind == kind else {
      throw .refused(kind == .team ? Message.inviteNotTeam(file: path) : Message.inviteNotClass(file: path))
    }
    return inv
  }

  /// Until when an invitation written now is valid: `minutes` (1 to 1440) from now, 120 if
  /// not given.
  /// Joins this laptop to a team with a bearer invitation (a file, or one a code opened).
  static func joinWithInvitation(_ ctx: ShellContext, _ session: inout Session, _ inv: Invitation) throws(TallerError) -> Reply {
    // An expired invitation stores nothing: its bundle is not imported.
    if let expires = inv.expires, ctx.now() > expires {
      throw .refused(Message.inviteExpired(time: TeamInvitation.clock(expires)))
    }
    let r = try ctx.store.importBundle(inv.bundle)
    try ctx.store.joinTeam(teamID: inv.target, invite: inv.invite, secret: inv.secret)
    session.teamID = inv.target
    session.guided = nil
    try ctx.store.setCurrentTeam(inv.target)
    let name = try ctx.store.team(id: inv.target)?.name ?? inv.name
    return .ok(Message.teamJoined(changes: String(r.newChanges), team: name).text(session.lang))
  }

  static func expiry(_ ctx: ShellContext, minutes raw: String?) throws(TallerError) -> Int64 {
    var minutes = 120
    if let raw {
      guard let n = Int(raw), (1...1440).contains(n) else { throw .refused(Message.inviteBadMinutes(value: raw)) }
      minutes = n
    }
    return ctx.now() + Int64(minutes) * 60_000
  }

  /// What a newcomer to a team gets with its invitation: the team's chains and the
  /// instructor's (so it seals for the instructor too), never another team's.
  static func newcomerBundle(_ ctx: ShellContext, team: String) throws(TallerError) -> SyncBundle {
    let chains = try ctx.store.sealedGroups().filter { $0.scope == team || $0.isClass }.reduce(into: Set<String>()) {
      $0.formUnion($1.replicas)
    }
    guard let bundle = try ctx.store.exportBundle(after: [:], only: chains) else { throw .refused(Message.syncNothing) }
    return bundle
  }

  /// The class this laptop is the instructor of.
  static func myClass(_ ctx: ShellContext) throws(TallerError) -> ClassInfo {
    guard let c = try ctx.store.classes().first(where: { $0.mine }) else {
      throw .refused(Message.classNone)
    }
    return c
  }

  /// Imports every bundle under the paths and tells, per team, what came in.
  static func merge(_ ctx: ShellContext, _ paths: [String], lang: Lang) throws(TallerError) -> Reply {
    let before = try ctx.store.versionVector()
    var reply = try SyncFiles.importPaths(ctx, paths, lang: lang)
    let new = try ctx.store.changesPerTeam(after: before)
    let teams = try ctx.store.teams()
    var rows: [[String]] = []
    let conflicts = try ctx.store.conflicts()
    var conflictsPerTeam: [String: Int] = [:]
    for c in conflicts { if let t = try ctx.store.team(of: c.entity) { conflictsPerTeam[t, default: 0] += 1 } }
    let mine = try ctx.store.classes().first { $0.mine }
    for t in teams {
      let enrolled = mine.map { $0.teams.contains(t.id) } ?? true
      rows.append([
        t.name, String(new[t.id] ?? 0), String(conflictsPerTeam[t.id] ?? 0),
        enrolled ? Message.yes.text(lang) : Message.no.text(lang),
      ])
    }
    if !rows.isEmpty {
      reply.lines.append(.heading(Message.mergeHeader.text(lang)))
      reply.lines.append(.table(TableSpec(header: Message.mergeColumns.text(lang).split(separator: ";").map(String.init), rows: rows)))
    }
    return reply
  }
}

struct TeamInviteArgs: CommandArguments {
  static let dirParam = Param(.argDir, .file, optional: true)
  static let minutesFlag = Flag("minutes", .flagMinutes, value: .argMinutes, spanish: "minutos")
  static let codeFlag = Flag("code", .flagCode, spanish: "codigo")
  static let parameters = [dirParam]
  static let flags = [minutesFlag, codeFlag]
  let dir: String?
  let minutes: String?
  let code: Bool
  init(_ b: BoundArguments) {
    dir = b[optional: Self.dirParam]
    minutes = b.value(Self.minutesFlag)
    code = b.has(Self.codeFlag)
  }
}

struct TeamAdmitArgs: CommandArguments {
  static let fileParam = Param(.argFile, .file)
  static let parameters = [fileParam]
  static let flags = [TeamInviteArgs.minutesFlag]
  let file: String
  let minutes: String?
  init(_ b: BoundArguments) {
    file = b[Self.fileParam]
    minutes = b.value(TeamInviteArgs.minutesFlag)
  }
}

struct LaptopArgs: CommandArguments {
  static let laptopParam = Param(.argLaptop, .text)
  static let parameters = [laptopParam]
  let laptop: String
  init(_ b: BoundArguments) { laptop = b[Self.laptopParam] }
}

struct InvitationArgs: CommandArguments {
  static let invitationParam = Param(.argInvitation, .text)
  static let parameters = [invitationParam]
  let invitation: String
  init(_ b: BoundArguments) { invitation = b[Self.invitationParam] }
}

/// `team join FILE`, or `team join CODE FOLDER`.
struct JoinArgs: CommandArguments {
  static let fileParam = Param(.argFile, .file)
  static let dirParam = Param(.argDir, .file, optional: true)
  static let parameters = [fileParam, dirParam]
  let file: String
  let dir: String?
  init(_ b: BoundArguments) {
    file = b[Self.fileParam]
    dir = b[optional: Self.dirParam]
  }
}

struct FileArgs: CommandArguments {
  static let fileParam = Param(.argFile, .file)
  static let parameters = [fileParam]
  let file: String
  init(_ b: BoundArguments) { file = b[Self.fileParam] }
}
