import Foundation
import Synchronization
import TallerCore
import TallerStore

/// What the handlers may use: the store and a few facts about the run. Deliberately small.
public struct ShellContext: Sendable {
  public var store: TallerStore
  public var version: String
  /// The workshop agenda and exercise definitions in use, read when first needed: a command
  /// that needs none (`version`, `team list`) starts without reading them.
  public var content: Content {
    get { contentSource.value }
    set { contentSource = LazyContent { newValue } }
  }
  private var contentSource: LazyContent
  /// A person is typing (not a script).
  public var interactive: Bool
  /// Wall-clock milliseconds (injected in tests).
  public var now: @Sendable () -> Int64
  /// Columns available for drawings.
  public var width: Int = 80
  /// Where dates and times are shown (the laptop's zone; UTC in tests).
  public var timeZone: TimeZone {
    get { zone ?? .current }
    set { zone = newValue }
  }
  /// Set by tests; the laptop's zone is looked up only when a time is shown.
  private var zone: TimeZone?
  /// This process (to tell a session left open by a live taller from one left by a crash).
  public var processID: Int32 = getpid()
  /// Asks the person at the terminal (attendance); `nil` in scripts.
  public var asker: Asker?
  /// Programs the shell hands work to (git, the person's editor), run at the edge; `nil` where
  /// there are none (in-process tests).
  public var processes: (any ChildProcesses)?
  /// Reads a secret (a passphrase) after a prompt, without echo: at the terminal, the person
  /// types it; in a script, it comes from `TALLER_NEW_PASSPHRASE`. `nil`: none to be had.
  public var readSecret: (@Sendable (String) -> String?)?
  /// Shows the projector board full screen until the person leaves (the terminal edge); `nil`
  /// when there is no terminal to fill (a script gets one frame).
  public var board: (@Sendable (BoardRequest) -> Void)?
  /// Whether the terminal shows Unicode (the board's marks and digits).
  public var unicode = false

  /// Largest team the workshop allows.
  public var teamSizeLimit: Int { content.agenda.teamSize }

  public init(
    store: TallerStore, version: String, content: Content, interactive: Bool,
    now: @escaping @Sendable () -> Int64 = TallerStore.systemClock
  ) {
    self.init(store: store, version: version, contentWhenNeeded: { content }, interactive: interactive, now: now)
  }

  /// A context whose content is made by `contentWhenNeeded` the first time a command needs it.
  public init(
    store: TallerStore, version: String, contentWhenNeeded: @escaping @Sendable () -> Content, interactive: Bool,
    now: @escaping @Sendable () -> Int64 = TallerStore.systemClock
  ) {
    self.store = store
    self.version = version
    self.contentSource = LazyContent(contentWhenNeeded)
    self.interactive = interactive
    self.now = now
  }
}

/// Content made on first use, once, whichever thread asks first.
final class LazyContent: Sendable {
  private let made = Mutex<Content?>(nil)
  private let make: @Sendable () -> Content

  init(_ make: @escaping @Sendable () -> Content) { self.make = make }

  var value: Content {
    made.withLock { made in
      if let made { return made }
      let c = make()
      made = c
      return c
    }
  }
}

/// The few things that change as a person works: the current team and the language.
public struct Session: Sendable, Equatable {
  public var teamID: String?
  public var lang: Lang
  /// Walking an exercise step by step.
  public var guided: WalkPosition?
  /// The session (sitting) this run keeps open, and the team it belongs to.
  public var sitting: String?
  public var sittingTeam: String?
  /// When this run last ran a command (wall-clock milliseconds).
  public var lastCommand: Int64?
  /// The sitting belongs to another taller still running (this run joined it).
  public var sittingShared = false
  /// Attendance already asked for a sitting that has not begun yet (its command was refused).
  public var pendingAttendance: PendingAttendance?
  /// Text the next line starts with, editable (an earlier exercise's answer offered again).
  public var editable: String?
  /// Answers this run saved, last last, for `deshacer`.
  public var undo: [UndoStep] = []

  public init(teamID: String? = nil, lang: Lang = .es) {
    self.teamID = teamID
    self.lang = lang
  }
}

/// Who was said to be present, waiting for the sitting to begin.
public struct PendingAttendance: Sendable, Equatable {
  public var team: String
  public var present: [String]
}

// Words shared by several commands.
private let teamWord = Word("team", ["equipo"])
private let memberWord = Word("member", ["miembro", "integrante"])

extension CommandTable {
  /// Every command taller knows, in the order `help` lists them.
  public static let standard = CommandTable(
    Array(baseCommands.prefix(2)) + exerciseCommands + sessionCommands + syncCommands + Array(baseCommands.dropFirst(2)) + trustCommands
      + clockCommands + deskCommands + boardCommands + feedbackCommands + presentCommands)

  static let baseCommands: [CommandSpec] = [
    CommandSpec(
      [Word("help", ["ayuda", "?"])], summary: .cmdHelp, arguments: HelpArgs.self, walk: true,
      run: { ctx, session, args throws(TallerError) in
        // While an exercise is walked, `ayuda` alone is the question's help.
        if args.topic.isEmpty, session.guided != nil { return try Guide.help(ctx, &session) }
        return help(topic: args.topic, lang: session.lang)
      }),
    CommandSpec(
      [Word("status", ["estado"])], summary: .cmdStatus,
      run: { ctx, session, _ throws(TallerError) in try status(ctx, &session) }),
    CommandSpec(
      [teamWord, Word("create", ["crear", "nuevo"])], summary: .cmdTeamCreate, detail: .detailTeamCreate,
      arguments: NewNameArgs.self,
      run: { ctx, session, args throws(TallerError) in
        let team = try ctx.store.createTeam(name: args.name, size: ctx.teamSizeLimit)
        session.teamID = team.id
        session.guided = nil
        try ctx.store.setCurrentTeam(team.id)
        return .ok(Message.teamCreated(team: team.name).text(session.lang))
      }),
    CommandSpec(
      [teamWord, Word("list", ["listar", "lista"])], shortcuts: ["teams", "equipos"], summary: .cmdTeamList,
      run: { ctx, session, _ throws(TallerError) in
        let teams = try ctx.store.teams()
        if teams.isEmpty { return .text(Message.teamNone.text(session.lang)) }
        var lines: [Line] = [.heading(Message.teamListHeader.text(session.lang))]
        for t in teams {
          var note = Message.teamMembersCount(count: String(t.members.count)).text(session.lang)
          if t.id == session.teamID { note += " " + Message.teamCurrentMark.text(session.lang) }
          lines.append(.item(t.name, note: note))
        }
        return Reply(lines: lines)
      }),
    CommandSpec(
      [teamWord, Word("use", ["usar", "elegir"])], summary: .cmdTeamUse, arguments: TeamArgs.self,
      run: { ctx, session, args throws(TallerError) in
        let team = try findTeam(ctx, named: args.team)
        session.teamID = team.id
        session.guided = nil
        try ctx.store.setCurrentTeam(team.id)
        return .ok(Message.teamUsing(team: team.name).text(session.lang))
      }),
    CommandSpec(
      [teamWord, Word("rename", ["renombrar"])], summary: .cmdTeamRename, detail: .detailTeamRename,
      arguments: RenameArgs.self,
      sitting: .ifSaved,
      run: { ctx, session, args throws(TallerError) in
        var target: Team
        var newName = args.newName
        if args.words.count == 2, let named = try? findTeam(ctx, named: args.words[0], exact: true) {
          target = named
          newName = args.words[1]
        } else {
          target = try currentTeam(ctx, &session)
        }
        let (old, new) = try ctx.store.renameTeam(id: target.id, to: newName)
        return .ok(Message.teamRenamed(old: old, team: new).text(session.lang))
      }),
    CommandSpec(
      [memberWord, Word("add", ["agregar", "añadir"])], summary: .cmdMemberAdd, detail: .detailMemberAdd,
      arguments: NamesArgs.self,
      sitting: .ifSaved,
      run: { ctx, session, args throws(TallerError) in
        let team = try currentTeam(ctx, &session)
        let names = Names.splitList(args.names)
        let updated = try ctx.store.addMembers(teamID: team.id, names: names, limit: ctx.teamSizeLimit)
        let before = Set(team.members.map(\.id))
        try Sittings.addPresent(ctx, session, teamID: team.id, memberIDs: updated.members.map(\.id).filter { !before.contains($0) })
        let added = names.map { Text.quoted(Text.clean($0), lang: session.lang) }
        return .ok(
          Message.memberAdded(
            count: String(updated.members.count), limit: String(ctx.teamSizeLimit), names: Text.list(added, lang: session.lang),
            team: team.name
          ).text(session.lang))
      }),
    CommandSpec(
      [memberWord, Word("remove", ["quitar", "eliminar"])], summary: .cmdMemberRemove,
      arguments: MemberArgs.self,
      sitting: .ifSaved,
      run: { ctx, session, args throws(TallerError) in
        let team = try currentTeam(ctx, &session)
        let m = try ctx.store.removeMember(teamID: team.id, name: args.member)
        return .ok(Message.memberRemoved(name: m.name, team: team.name).text(session.lang))
      }),
    CommandSpec(
      [memberWord, Word("list", ["listar", "lista"])], shortcuts: ["members", "miembros", "integrantes"],
      summary: .cmdMemberList,
      run: { ctx, session, _ throws(TallerError) in
        let team = try currentTeam(ctx, &session)
        if team.members.isEmpty { return .text(Message.memberNone(team: team.name).text(session.lang)) }
        var lines: [Line] = [.heading(Message.memberListHeader(team: team.name).text(session.lang))]
        lines += team.members.map { .item($0.name, note: nil) }
        return Reply(lines: lines)
      }),
    CommandSpec(
      [Word("lang", ["idioma", "language"])], summary: .cmdLang, detail: .detailLang,
      arguments: LangArgs.self,
      run: { ctx, session, args throws(TallerError) in
        guard let raw = args.lang else { return .text(Message.langNow.text(session.lang)) }
        guard let lang = Lang(lenient: raw) else {
          throw .refused(Message.langUnknown(lang: raw))
        }
        session.lang = lang
        try ctx.store.setLanguage(lang)
        return .ok(Message.langSet.text(lang))
      }),
    CommandSpec(
      [Word("version", ["versión"])], summary: .cmdVersion,
      run: { ctx, _, _ throws(TallerError) in .text("taller \(ctx.version)") }),
    CommandSpec(
      [Word("quit", ["salir", "exit"])], summary: .cmdQuit, walk: true,
      run: { _, session, _ throws(TallerError) in Reply(lines: [.success(Message.bye.text(session.lang))], quit: true) }
    ),
  ]
}

// MARK: - Arguments

struct HelpArgs: CommandArguments {
  static let command = Param(.argCommand, .command, optional: true, rest: true)
  static let parameters = [command]
  /// The command or group asked about, word by word (none: the list of commands).
  let topic: [String]
  init(_ b: BoundArguments) { topic = b.tokens }
}

struct NewNameArgs: CommandArguments {
  static let name = Param(.argName, .name, rest: true)
  static let parameters = [name]
  let name: String
  init(_ b: BoundArguments) { name = b[Self.name] }
}

struct TeamArgs: CommandArguments {
  static let team = Param(.argName, .team, rest: true)
  static let parameters = [team]
  let team: String
  init(_ b: BoundArguments) { team = b.tokens.joined(separator: " ") }
}

struct RenameArgs: CommandArguments {
  static let newName = Param(.argNewName, .name, rest: true)
  static let parameters = [newName]
  let newName: String
  /// As typed: `team rename "Los Incas" Incas` names the team first.
  let words: [String]
  init(_ b: BoundArguments) {
    newName = b[Self.newName]
    words = b.tokens
  }
}

struct NamesArgs: CommandArguments {
  static let names = Param(.argNames, .name, rest: true)
  static let parameters = [names]
  let names: String
  init(_ b: BoundArguments) { names = b[Self.names] }
}

struct MemberArgs: CommandArguments {
  static let member = Param(.argName, .member, rest: true)
  static let parameters = [member]
  let member: String
  init(_ b: BoundArguments) { member = b.tokens.joined(separator: " ") }
}

struct LangArgs: CommandArguments {
  static let langParam = Param(.argLang, .lang, optional: true)
  static let parameters = [langParam]
  let lang: String?
  init(_ b: BoundArguments) { lang = b[optional: Self.langParam] }
}

// MARK: - Handlers' helpers

/// The current team, or an error that says how to choose one.
func currentTeam(_ ctx: ShellContext, _ session: inout Session) throws(TallerError) -> Team {
  guard let id = session.teamID else { throw .refused(Message.noTeamSelected) }
  guard let team = try ctx.store.team(id: id) else {
    session.teamID = nil
    throw .refused(Message.noTeamSelected)
  }
  return team
}

/// Finds a team by name: exact (ignoring case and accents), else a unique prefix.
func findTeam(_ ctx: ShellContext, named raw: String, exact: Bool = false) throws(TallerError) -> Team {
  let name = Text.clean(raw)
  if name.isEmpty { throw .refused(Message.nameEmpty) }
  let teams = try ctx.store.teams()
  if let t = teams.first(where: { Names.same($0.name, name) }) { return t }
  if !exact {
    let prefix = teams.filter { Text.fold($0.name).hasPrefix(Text.fold(name)) }
    if prefix.count == 1 { return prefix[0] }
  }
  if teams.isEmpty { throw .refused(Message.teamNotFound(team: name)) }
  if let suggestion = teamSuggestion(name, among: teams) { throw .refused(suggestion) }
  throw .refused(Message.teamNotFoundKnown(team: name, teams: teams.map(\.name).joined(separator: ", ")))
}

/// «No hay ningún equipo «Los Incaz». ¿Quisiste decir «Los Incas»?»: the teams whose names are
/// close to `name` (a typo) or start with it (a prefix that fits several); `nil` when none.
func teamSuggestion(_ name: String, among teams: [Team]) -> Message? {
  let close = Text.suggestions(for: name, among: teams.map(\.name))
  guard !close.isEmpty else { return nil }
  return Message.teamNotFoundSuggest(suggestions: close.joined(separator: ", "), team: name)
}

func status(_ ctx: ShellContext, _ session: inout Session) throws(TallerError) -> Reply {
  let lang = session.lang
  var lines: [Line] = []
  if let id = session.teamID, let team = try ctx.store.team(id: id) {
    lines.append(.heading(Message.statusTeam(team: team.name).text(lang)))
    if team.members.isEmpty {
      lines.append(.text(Message.statusNoMembers.text(lang)))
    } else {
      lines.append(
        .text(
          Message.statusMembers(
            count: String(team.members.count), limit: String(ctx.teamSizeLimit), members: team.members.map(\.name).joined(separator: ", ")
          ).text(lang)))
    }
    lines.append(.text(Message.statusProgress.text(lang)))
    for (i, def) in ctx.content.ordered.enumerated() {
      let p = ExerciseProgress(sheet: try ctx.store.sheet(teamID: team.id, exercise: def.id), def: def)
      lines.append(.item("\(i + 1). \(def.title.text(lang))", note: progressText(p, lang)))
    }
  } else {
    session.teamID = nil
    lines.append(.text(Message.statusNoTeam.text(lang)))
  }
  lines.append(.dim(Message.statusTeams(count: String(try ctx.store.teams().count)).text(lang)))
  lines.append(.dim(Message.statusDatabase(path: ctx.store.path).text(lang)))
  lines.append(
    .dim(Message.statusReplica(label: ctx.store.replica.label, replica: String(ctx.store.replica.id.prefix(8))).text(lang)))
  return Reply(lines: lines)
}

/// `help`, `help COMMAND`, `help GROUP`.
func help(topic: [String], lang: Lang) -> Reply {
  let table = CommandTable.standard
  if topic.isEmpty {
    var lines: [Line] = [.heading(Message.helpTitle.text(lang))]
    let width = table.commands.map { $0.localName(lang).count }.max() ?? 10
    for c in table.commands {
      let name = c.localName(lang)
      lines.append(.item(name + String(repeating: " ", count: width - name.count), note: Message(c.summary).text(lang)))
    }
    lines.append(.dim(Message.helpFooter.text(lang)))
    return Reply(lines: lines)
  }
  if let (spec, used) = table.lookup(topic), used == topic.count {
    var lines: [Line] = [
      .heading(spec.localName(lang) + " — " + Message(spec.summary).text(lang)),
      .text(Message.helpUsage(usage: spec.usage(lang)).text(lang)),
    ]
    if let d = spec.detail { lines.append(.text(Message(d).text(lang))) }
    for f in spec.flags { lines.append(.item("--" + f.shown(lang), note: Message(f.help).text(lang))) }
    let unique = spec.otherNames(lang)
    if !unique.isEmpty { lines.append(.dim(Message.helpAliases(aliases: unique.joined(separator: ", ")).text(lang))) }
    return Reply(lines: lines)
  }
  if let w = table.firstWords.first(where: { $0.matches(topic[0]) }), topic.count == 1 {
    let subs = table.group(w)
    var lines: [Line] = [.heading(Message.helpSubcommands.text(lang))]
    let width = subs.map { $0.usage(lang, flags: false).count }.max() ?? 10
    for c in subs {
      let u = c.usage(lang, flags: false)
      lines.append(.item(u + String(repeating: " ", count: width - u.count), note: Message(c.summary).text(lang)))
    }
    return Reply(lines: lines)
  }
  return Reply(lines: [.text(Message.helpUnknownTopic(topic: topic.joined(separator: " ")).text(lang))])
}

/// Reads files people name (invitations, survey data): regular files only, so a pipe or a
/// device named like one cannot make taller wait forever.
enum FileInput {
  static func read(_ path: String, lang: Lang) throws(TallerError) -> Data {
    if FileManager.default.fileExists(atPath: path), !FileKind.isRegular(path) {
      throw .file(Message.fileReadFailed(file: path, reason: Message.syncNotRegular.text(lang)))
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .file(Message.fileReadFailed(file: path, reason: Message.fileMissing.text(lang)))
    }
    return data
  }
}

/// Writes files the safe way: to a temporary name beside the target, flushed, then renamed, so
/// no reader ever sees half a file; an existing file is kept unless `force`.
enum FileOutput {
  static func write(_ text: String, to path: String, force: Bool) throws(TallerError) {
    let fm = FileManager.default
    if fm.fileExists(atPath: path) && !force {
      throw .file(Message.fileExists(file: path))
    }
    let url = URL(fileURLWithPath: path)
    let tmp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
    do {
      try Data(text.utf8).write(to: tmp)
      if let h = try? FileHandle(forWritingTo: tmp) {
        try? h.synchronize()
        try? h.close()
      }
      if rename(tmp.path, path) != 0 {
        throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))])
      }
    } catch {
      try? fm.removeItem(at: tmp)
      throw .file(failure(path, error))
    }
  }

  /// Why a file could not be written, in the person's words: a missing folder, no permission, a
  /// full disk, or the system's own reason.
  static func failure(_ path: String, _ error: any Error) -> Message {
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
    var isDir: ObjCBool = false
    if !FileManager.default.fileExists(atPath: folder, isDirectory: &isDir) || !isDir.boolValue {
      return Message.fileNoFolder(file: path, folder: folder)
    }
    let ns = error as NSError
    let code = (ns.userInfo[NSUnderlyingErrorKey] as? NSError).flatMap { $0.domain == NSPOSIXErrorDomain ? $0.code : nil }
    if code == Int(ENOSPC) || code == Int(EDQUOT) || code == Int(EFBIG) || ns.code == CocoaError.fileWriteOutOfSpace.rawValue {
      return Message.fileDiskFull(file: path)
    }
    if code == Int(EACCES) || code == Int(EPERM) || code == Int(EROFS) || ns.code == CocoaError.fileWriteNoPermission.rawValue
      || ns.code == CocoaError.fileWriteVolumeReadOnly.rawValue || !FileManager.default.isWritableFile(atPath: folder)
    {
      return Message.fileNoPermission(file: path, folder: folder)
    }
    var reason = ns.localizedDescription
    while reason.hasSuffix(".") { reason.removeLast() }
    return Message.fileWriteFailed(file: path, reason: reason)
  }
}
