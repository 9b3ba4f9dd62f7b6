import Foundation
import TallerCore
import TallerStore

private let syncWord = Word("sync", ["sincronizar"])

extension CommandTable {
  /// File-based sync: export, import, status, conflicts.
  static let syncCommands: [CommandSpec] = [
    CommandSpec(
      [syncWord, Word("export", ["exportar"])], summary: .cmdSyncExport,
      arguments: ExportArgs.self,
      run: { ctx, session, args throws(TallerError) in
        try SyncFiles.export(ctx, to: args.dir ?? ".", all: args.all, lang: session.lang)
      }),
    CommandSpec(
      [syncWord, Word("import", ["importar"])], summary: .cmdSyncImport,
      arguments: PathsArgs.self,
      run: { ctx, session, args throws(TallerError) in
        try SyncFiles.importPaths(ctx, args.paths, lang: session.lang)
      }),
    CommandSpec(
      [syncWord, Word("push", ["enviar", "subir"])], summary: .cmdSyncPush, detail: .detailSyncGit,
      arguments: RemoteArgs.self,
      run: { ctx, session, args throws(TallerError) in
        try GitTransport.push(ctx, remote: args.remote, lang: session.lang)
      }),
    CommandSpec(
      [syncWord, Word("pull", ["traer", "bajar"])], summary: .cmdSyncPull, detail: .detailSyncGit,
      arguments: RemoteArgs.self,
      run: { ctx, session, args throws(TallerError) in
        try GitTransport.pull(ctx, remote: args.remote, lang: session.lang)
      }),
    CommandSpec(
      [syncWord, Word("status", ["estado"])], summary: .cmdSyncStatus,
      run: { ctx, session, _ throws(TallerError) in
        let lang = session.lang
        var lines: [Line] = []
        let labels = try ctx.store.replicaLabels()
        for (r, seq) in try ctx.store.versionVector().sorted(by: { $0.key < $1.key }) {
          let label = r == ctx.store.replica.id ? ctx.store.replica.label : labels[r] ?? ""
          lines.append(
            .item(Message.syncStatusLine(label: label, replica: String(r.prefix(8)), seq: String(seq)).text(lang), note: nil))
        }
        for (r, range) in try ctx.store.waiting().sorted(by: { $0.key < $1.key }) {
          lines.append(
            .text(
              Message.syncWaiting(first: String(range.lowerBound), last: String(range.upperBound), replica: SyncFiles.laptop(r, labels))
                .text(lang)))
        }
        for f in try ctx.store.sealedForRemoved() {
          lines.append(
            .text(
              "⚠ "
                + Message.syncSealedForRemoved(
                  file: f.file, laptops: f.laptops.map { SyncFiles.laptop($0, labels) }.joined(separator: ", ")
                ).text(lang)))
        }
        let held = try ctx.store.quarantined()
        if !held.isEmpty {
          lines.append(.heading(Message.quarantineHeader(count: String(held.count)).text(lang)))
          for q in held {
            lines.append(
              .item(
                Message.quarantineLine(author: q.author, replica: String(q.replica.prefix(8)), seq: String(q.seq)).text(lang),
                note: SyncFiles.quarantineReason(ctx, q.reason, lang: lang)))
          }
        }
        return Reply(lines: lines)
      }),
    CommandSpec(
      [Word("conflicts", ["conflictos"])], summary: .cmdConflicts,
      run: { ctx, session, _ throws(TallerError) in
        let lang = session.lang
        let list = try ctx.store.conflicts()
        if list.isEmpty { return .text(Message.conflictsNone.text(lang)) }
        var lines: [Line] = [.heading(Message.conflictsHeader.text(lang))]
        for c in list {
          lines.append(.text(" \(c.id)  " + SyncFiles.whereIs(ctx, c, lang: lang)))
          for (j, v) in c.values.enumerated() {
            lines.append(.item("    \(SyncFiles.letter(j))) " + SyncFiles.show(ctx, c, v.value, lang: lang), note: SyncFiles.origin(v)))
          }
          if c.field == Field.members { lines.append(.dim("    " + (try SyncFiles.membersHowTo(ctx, c)).text(lang))) }
        }
        return Reply(lines: lines)
      }),
    CommandSpec(
      [Word("conflict", ["conflicto"]), Word("show", ["ver", "mostrar"])], summary: .cmdConflictShow,
      arguments: ConflictArgs.self,
      run: { ctx, session, args throws(TallerError) in
        let lang = session.lang
        let c = try SyncFiles.conflict(ctx, args.conflict)
        var lines: [Line] = [.heading(c.id + "  " + SyncFiles.whereIs(ctx, c, lang: lang))]
        // Long text: the three-way view, each side's edits against what they both started from.
        if let def = SyncFiles.fieldDef(ctx, c), def.kind == .longtext, c.values.count >= 2,
          let a = c.values[0].value.stringValue, let b = c.values[1].value.stringValue
        {
          let base = try ctx.store.base(of: c)?.stringValue ?? ""
          lines.append(.dim(Message.conflictThreeWay.text(lang)))
          let marked = TextMerge.marked(
            base: base, ours: a, theirs: b, oursLabel: "a) " + SyncFiles.origin(c.values[0]),
            theirsLabel: "b) " + SyncFiles.origin(c.values[1]))
          for l in TextMerge.lines(marked) { lines.append(.text("    " + l)) }
          for (j, v) in c.values.enumerated().dropFirst(2) {
            lines.append(.dim("\(SyncFiles.letter(j))) " + SyncFiles.origin(v)))
            lines.append(.text("    " + SyncFiles.show(ctx, c, v.value, lang: lang)))
          }
          lines.append(.dim(Message.conflictHowTo(id: c.id).text(lang)))
          return Reply(lines: lines)
        }
        if let base = try ctx.store.base(of: c) {
          lines.append(.dim(Message.conflictBase.text(lang)))
          lines.append(.text("    " + SyncFiles.show(base)))
        }
        for (j, v) in c.values.enumerated() {
          lines.append(.dim("\(SyncFiles.letter(j))) " + SyncFiles.origin(v)))
          lines.append(.text("    " + SyncFiles.show(ctx, c, v.value, lang: lang)))
        }
        lines.append(.dim(Message.conflictHowTo(id: c.id).text(lang)))
        return Reply(lines: lines)
      }),
    CommandSpec(
      [Word("conflict", ["conflicto"]), Word("pick", ["elegir"])], summary: .cmdConflictPick,
      arguments: PickArgs.self,
      sitting: .ifSaved,
      run: { ctx, session, args throws(TallerError) in
        let lang = session.lang
        let c = try SyncFiles.conflict(ctx, args.conflict)
        if c.field == Field.members { throw .refused(try SyncFiles.membersHowTo(ctx, c)) }
        let raw = Text.fold(args.letter)
        var index = (Int(raw) ?? 0) - 1
        if raw.count == 1, let ch = raw.unicodeScalars.first, ch.properties.isAlphabetic { index = Int(ch.value) - 97 }
        guard index >= 0, index < c.values.count else {
          let letters = (0..<c.values.count).map(SyncFiles.letter).joined(separator: ", ")
          throw .refused(Message.conflictBadChoice(choice: args.letter, choices: letters))
        }
        try ctx.store.resolve(entity: c.entity, field: c.field, value: c.values[index].value)
        return .ok(Message.conflictResolved(choice: SyncFiles.letter(index)).text(lang))
      }),
    CommandSpec(
      [Word("conflict", ["conflicto"]), Word("merge", ["combinar", "fusionar"])], summary: .cmdConflictMerge,
      detail: .detailConflictMerge, arguments: MergeArgs.self,
      sitting: .ifSaved,
      run: { ctx, session, args throws(TallerError) in
        try SyncFiles.merge(ctx, id: args.conflict, text: args.text, lang: session.lang)
      }),
    CommandSpec(
      [Word("conflict", ["conflicto"]), Word("keep-both", ["conservar-ambos", "ambos"])], summary: .cmdConflictKeepBoth,
      arguments: ConflictArgs.self,
      sitting: .ifSaved,
      run: { ctx, session, args throws(TallerError) in
        let c = try SyncFiles.conflict(ctx, args.conflict)
        if c.field == Field.members { throw .refused(try SyncFiles.membersHowTo(ctx, c)) }
        // Keeping both of a removal or of two places has no meaning: one is picked.
        if c.field == Field.deleted || c.field.hasPrefix("@") { throw .refused(Message.keepBothNotHere(id: c.id)) }
        let copies = try ctx.store.keepBoth(entity: c.entity, field: c.field, values: c.values.map(\.value))
        return .ok(Message.keptBoth(copies: String(copies.count), count: String(c.values.count)).text(session.lang))
      }),
    CommandSpec(
      [Word("trash", ["papelera"])], summary: .cmdTrash,
      run: { ctx, session, _ throws(TallerError) in
        let team = try currentTeam(ctx, &session)
        let items = try ctx.store.trash(teamID: team.id, exercises: ctx.content.ordered.map(\.id))
        if items.isEmpty { return .text(Message.trashEmpty.text(session.lang)) }
        var lines: [Line] = [.heading(Message.trashHeader.text(session.lang))]
        for (i, entry) in items.enumerated() {
          let def = ctx.content.exercise(entry.exercise)
          let fields = def?.field(entry.item.list)?.fields ?? []
          let label = itemLabel(ctx, teamID: team.id, item: entry.item, fields: fields, lang: session.lang)
          lines.append(.item("\(i + 1). \(entry.exercise).\(entry.item.list): \(label)", note: nil))
        }
        return Reply(lines: lines)
      }),
    CommandSpec(
      [Word("restore", ["restaurar", "recuperar"])], summary: .cmdRestore, arguments: NumberArgs.self,
      sitting: .ifSaved,
      run: { ctx, session, args throws(TallerError) in
        let team = try currentTeam(ctx, &session)
        let items = try ctx.store.trash(teamID: team.id, exercises: ctx.content.ordered.map(\.id))
        guard let n = Int(args.number), n >= 1, n <= items.count else {
          throw .refused(Message.noSuchItem(count: String(items.count), list: "trash", number: args.number))
        }
        try ctx.store.restoreItem(itemID: items[n - 1].item.id)
        return .ok(Message.restored(number: String(n)).text(session.lang))
      }),
  ]
}

/// Reading and writing bundle files.
enum SyncFiles {
  /// What a destination folder has been given, by replica (kept per folder: a USB stick and the
  /// class's shared folder each get what they lack).
  static func destination(_ dir: String) -> Destination {
    .folder(URL(fileURLWithPath: dir).standardizedFileURL.resolvingSymlinksInPath().path)
  }

  /// Writes, for each team (and the instructor's class) whose changes this laptop holds, a
  /// sealed file into the team's own folder under `dir` (sync/PROTOCOL.md §7.1): only the
  /// team's laptops and its instructor can open it. What each folder already got, for the same
  /// readers, is not sent again; a new reader (a newcomer) gets everything.
  static func export(_ ctx: ShellContext, to dir: String, all: Bool, lang: Lang) throws(TallerError) -> Reply {
    let out = try writeSealed(ctx, into: dir, all: all, lang: lang) { folder, g in
      Destination.folder(destination(folder).location + "#" + g.readersTag)
    }
    if out.lines.isEmpty { return .text(Message.syncNothing.text(lang)) }
    return Reply(lines: out.lines)
  }

  /// The sealed files of an export, written under `dir` (one folder per team); `destination`
  /// names where what was sent is remembered. Returns what to say, the files and the count.
  static func writeSealed(
    _ ctx: ShellContext, into dir: String, all: Bool, lang: Lang, destination: (String, SealedGroup) -> Destination
  ) throws(TallerError) -> (lines: [Line], files: [String], changes: Int) {
    var lines: [Line] = []
    var files: [String] = []
    var changes = 0
    let labels = (try? ctx.store.replicaLabels()) ?? [:]
    // A laptop passes on what it may read itself (a team laptop holds the instructor's chain from
    // the class invitation, but that is the instructor's to send).
    let me = ctx.store.replica.id
    for g in try ctx.store.sealedGroups() where g.readers.recipients.contains(where: { $0.id == me }) {
      let folder = (dir as NSString).appendingPathComponent(g.scope)
      let dest = destination(folder, g)
      let sent = all ? [:] : try ctx.store.sent(to: dest)
      guard let bundle = try ctx.store.exportBundle(after: sent, only: g.replicas) else { continue }
      let sealed = try ctx.store.seal(bundle, for: g)
      let name = Sealed.fileName(writer: ctx.store.replica.id, content: bundle.fileName() + g.readersTag)
      let path = try write(String(decoding: sealed, as: UTF8.self), named: name, in: folder)
      files.append(path)
      changes += bundle.bodies.count
      var vector = sent
      for s in bundle.signatures { vector[s.replica] = max(vector[s.replica] ?? 0, s.seq) }
      try ctx.store.setSent(to: dest, vector)
      let what: String
      if g.isClass {
        let klass = (try? ctx.store.classes().first { $0.id == g.scope }?.name) ?? nil
        what = Message.syncInstructorData(class: klass ?? String(g.scope.prefix(8))).text(lang)
      } else {
        what = (try? ctx.store.team(id: g.scope)?.name) ?? String(g.scope.prefix(8))
      }
      lines.append(
        .success(
          Message.syncExportedSealed(
            count: String(bundle.bodies.count), file: path, readers: String(g.readers.recipients.count), team: what
          ).text(lang)))
      for m in g.readers.missing { lines.append(.text("⚠ " + Message.syncReaderNoKey(laptop: laptop(m, labels)).text(lang))) }
    }
    // The class clock, at the top of the folder (every team's laptop takes it).
    if let klass = try ctx.store.classes().first(where: { $0.mine }), let line = try ctx.store.classClockLine(classID: klass.id),
      let clock = try ctx.store.classClock(classID: klass.id)
    {
      files.append(try write(line + "\n", named: clock.fileName, in: dir))
    }
    // Grades the instructor published, each team's in its folder (the same grades once).
    for team in try ctx.store.publishedTeams() {
      guard let sent = try writeGrades(ctx, team: team, into: dir), sent.isNew else { continue }
      files.append(sent.path)
      let name = (try? ctx.store.team(id: team)?.name) ?? String(team.prefix(8))
      lines.append(
        .success(Message.gradesSent(file: sent.path, readers: String(sent.readers), team: name).text(lang)))
    }
    return (lines, files, changes)
  }

  /// A team's published grades, sealed for its laptops, in the team's folder under `dir`: the
  /// file, whether it was written now (the same grades are written once), and how many laptops
  /// may open it; `nil` when the team has no grades or no laptop with a key.
  static func writeGrades(_ ctx: ShellContext, team: String, into dir: String) throws(TallerError) -> (
    path: String, isNew: Bool, readers: Int
  )? {
    guard let sealed = try ctx.store.sealedGrades(teamID: team) else { return nil }
    let folder = (dir as NSString).appendingPathComponent(team)
    let isNew = !FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent(sealed.name))
    let path = try write(String(decoding: sealed.data, as: UTF8.self), named: sealed.name, in: folder)
    return (path, isNew, sealed.readers.recipients.count)
  }

  /// Writes a file into a folder (created if needed) under a name unique to its content; an
  /// identical file already there is left alone.
  static func write(_ text: String, named name: String, in dir: String) throws(TallerError) -> String {
    do {
      try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    } catch {
      throw .file(FileOutput.failure(dir, error))
    }
    let path = (dir as NSString).appendingPathComponent(name)
    if !FileManager.default.fileExists(atPath: path) { try FileOutput.write(text, to: path, force: false) }
    return path
  }

  /// Why a change is kept in quarantine, for people: the store's reason (English, for the log)
  /// told in the session's language.
  static func quarantineReason(_ ctx: ShellContext, _ raw: String, lang: Lang) -> String {
    if raw.hasPrefix("not a writer of team ") {
      let id = String(raw.dropFirst("not a writer of team ".count))
      let name = ((try? ctx.store.team(id: id)) ?? nil)?.name ?? String(id.prefix(8))
      return Message.quarantineNotWriter(team: name).text(lang)
    }
    if raw.hasPrefix("not the instructor of class ") || raw == "grades are the instructor's" {
      return Message.quarantineNotInstructor.text(lang)
    }
    if raw.hasPrefix("only the team's founder") { return Message.quarantineNotFounder.text(lang) }
    return Message.quarantineMalformed(reason: raw).text(lang)
  }

  /// Files under the given paths (folders recursively) whose names end in a bundle suffix, and
  /// whether each was found in a folder (a sealed one must then be in its team's folder).
  static func files(_ paths: [String]) -> [(path: String, walked: Bool)] {
    var out: [(path: String, walked: Bool)] = []
    let fm = FileManager.default
    for p in paths {
      var isDir: ObjCBool = false
      guard fm.fileExists(atPath: p, isDirectory: &isDir) else {
        out.append((p, false))  // reported as unreadable
        continue
      }
      if isDir.boolValue {
        let e = fm.enumerator(atPath: p)
        // Regular files only (links followed to regular files): a pipe or a folder named like a
        // bundle is passed over.
        while let rel = e?.nextObject() as? String {
          let full = (p as NSString).appendingPathComponent(rel)
          if rel.hasSuffix(SyncBundle.suffix) || rel.hasSuffix(Sealed.suffix) || rel.hasSuffix(ClassClock.suffix), FileKind.isRegular(full)
          {
            out.append((full, true))
          }
        }
      } else {
        out.append((p, false))
      }
    }
    return out.sorted { $0.path < $1.path }
  }

  static func importPaths(_ ctx: ShellContext, _ paths: [String], lang: Lang) throws(TallerError) -> Reply {
    let list = files(paths)
    if list.isEmpty { return .text(Message.syncNoFiles(path: paths.joined(separator: " ")).text(lang)) }
    var total = ImportResult()
    var refused: [String] = []
    var imported = 0
    var passedOver = 0
    var gradesFor: [String] = []
    var flagged: [String] = []
    var clocks: [ClassClock] = []
    // The teams this laptop may change: one it loses on the way (removed, or its invitation
    // revoked or used first by another laptop) is said.
    func writable() -> [String: String] {
      let teams = (try? ctx.store.teams()) ?? []
      return teams.reduce(into: [:]) { out, t in if (try? ctx.store.isWriter(teamID: t.id)) == true { out[t.id] = t.name } }
    }
    let writableBefore = writable()
    for (file, walked) in list {
      guard FileManager.default.isReadableFile(atPath: file) else {
        refused.append(Message.syncRefusedFile(file: file, reason: Message.fileMissing.text(lang)).text(lang))
        continue
      }
      // Streamed in one pass, in flat memory; a file found wrong on the way rolls back whole.
      do throws(TallerError) {
        let r: ImportResult
        if file.hasSuffix(ClassClock.suffix) {
          // The class clock: kept if newer (older ones in the folder are passed over).
          guard FileKind.isRegular(file) else { throw TallerError.file(Message.syncNotRegular) }
          if let clock = try ctx.store.receiveClassClock(try FileInput.read(file, lang: lang)) { clocks.append(clock) }
          continue
        }
        if file.hasSuffix(Sealed.suffix) {
          guard FileKind.isRegular(file) else { throw TallerError.file(Message.syncNotRegular) }
          let data = try FileInput.read(file, lang: lang)
          let folder = walked ? ((file as NSString).deletingLastPathComponent as NSString).lastPathComponent : nil
          switch try ctx.store.importSealed(data, folder: folder, name: (file as NSString).lastPathComponent) {
          case .imported(let result, _, let removed):
            r = result
            if !removed.isEmpty {
              let labels = (try? ctx.store.replicaLabels()) ?? [:]
              flagged.append(
                Message.syncSealedForRemoved(file: file, laptops: removed.map { laptop($0, labels) }.joined(separator: ", ")).text(lang))
            }
          case .notForMe:
            passedOver += 1
            continue
          case .grades(let team):
            gradesFor.append(team)
            imported += 1
            continue
          }
        } else {
          r = try ctx.store.importFile(path: file)
        }
        total.quarantined += r.quarantined
        total.newChanges += r.newChanges
        total.duplicates += r.duplicates
        total.replicas.formUnion(r.replicas)
        total.waiting = r.waiting
        if let l = r.latest { total.latest = max(total.latest ?? l, l) }
        imported += 1
      } catch {
        refused.append(Message.syncRefusedFile(file: file, reason: Self.clause(error.message.text(lang))).text(lang))
      }
    }
    let conflicts = try ctx.store.conflicts().count
    var lines: [Line] = [
      .text(
        Message.syncSummary(
          changes: String(total.newChanges), conflicts: String(conflicts), files: String(imported), pending: String(total.waiting.count),
          replicas: String(total.replicas.count)
        ).text(lang))
    ]
    if passedOver > 0 { lines.append(.dim(Message.syncPassedOver(count: String(passedOver)).text(lang))) }
    if let clock = clocks.max(by: { $0.at < $1.at }) { lines.append(.text(ClassClocks.describe(ctx, clock, lang: lang))) }
    for f in flagged { lines.append(.text("⚠ " + f)) }
    for team in Set(gradesFor).sorted() {
      if let at = try ctx.store.gradesPublished(teamID: team) {
        lines.append(.text(Message.gradesReceived(date: when(at)).text(lang)))
      }
    }
    if total.quarantined > 0 {
      lines.append(.text("⚠ " + Message.syncQuarantined(count: String(total.quarantined)).text(lang)))
    }
    if total.newChanges > 0 {
      let now = writable()
      for (id, name) in writableBefore.sorted(by: { $0.value < $1.value }) where now[id] == nil {
        lines.append(.text("⚠ " + Message.syncRightsLost(team: name).text(lang)))
      }
    }
    // Laptop clocks are often wrong; a clock far ahead makes its writer win every tie.
    if let latest = total.latest, latest.millis > ctx.now() + 86_400_000 {
      lines.append(
        .text("⚠ " + Message.syncClockAhead(date: String(ISO8601DateFormatter().string(from: latest.date).prefix(10))).text(lang)))
    }
    let labels = (try? ctx.store.replicaLabels()) ?? [:]
    for (r, range) in total.waiting.sorted(by: { $0.key < $1.key }) {
      lines.append(
        .dim(
          Message.syncWaiting(first: String(range.lowerBound), last: String(range.upperBound), replica: laptop(r, labels)).text(
            lang)))
    }
    // Good files applied; refused ones make the command fail (exit 1 in scripts).
    var reply = Reply(lines: lines)
    reply.errors = refused
    return reply
  }

  /// The definition of the field a conflict is on (answers of a sheet, or of a list item).
  static func fieldDef(_ ctx: ShellContext, _ c: Conflict) -> FieldDef? {
    guard let info = try? ctx.store.entityInfo(c.entity) else { return nil }
    func exercise(ofSheet sheet: String, team: String?) -> ExerciseDef? {
      ctx.content.exercises.first { Sheet.id(team: team ?? "", exercise: $0.id) == sheet }
    }
    if info.type == "sheet" { return exercise(ofSheet: c.entity, team: info.parent)?.field(c.field) }
    guard info.type == "item", let sheet = info.parent, let sinfo = try? ctx.store.entityInfo(sheet),
      let def = exercise(ofSheet: sheet, team: sinfo.parent),
      let list = (try? ctx.store.value(entity: c.entity, field: "@list"))??.stringValue
    else { return nil }
    return def.field(list)?.fields.first { $0.id == c.field }
  }

  /// `conflict merge`: the merged text given, typed in an editor, or typed line by line.
  static func merge(_ ctx: ShellContext, id: String, text given: String?, lang: Lang) throws(TallerError) -> Reply {
    let c = try conflict(ctx, id)
    let texts = c.values.compactMap(\.value.stringValue)
    guard texts.count == c.values.count, fieldDef(ctx, c).map({ $0.kind == .text || $0.kind == .longtext }) ?? false else {
      throw .refused(Message.conflictMergeTextOnly(field: c.field, id: c.id))
    }
    var result: String
    if let given, let def = fieldDef(ctx, c) {
      // Typed on one line: "\n" stands for a line break in long text, as in `set`.
      result = (try AnswerParser.parse(given, field: def, lang: lang)).stringValue ?? ""
    } else if let given {
      result = given
    } else if !ctx.interactive {
      throw .refused(Message.conflictMergeScript(id: c.id))
    } else if let processes = ctx.processes, processes.hasEditor {
      let base = try ctx.store.base(of: c)?.stringValue ?? ""
      var draft = TextMerge.marked(
        base: base, ours: texts[0], theirs: texts[1], oursLabel: "a) " + origin(c.values[0]), theirsLabel: "b) " + origin(c.values[1]))
      for (j, t) in texts.enumerated().dropFirst(2) {
        draft += "\n<<<<<<< \(letter(j)) \(origin(c.values[j]))\n\(t)\n>>>>>>> \(letter(j))"
      }
      guard let edited = processes.edit(draft + "\n", name: "conflicto") else {
        throw .refused(
          Message.conflictMergeEditorFailed(
            editor: ProcessInfo.processInfo.environment["VISUAL"] ?? ProcessInfo.processInfo.environment["EDITOR"] ?? "?"))
      }
      result = edited
    } else if let ask = ctx.asker {
      var lines: [String] = []
      var question = Message.conflictMergeAsk.text(lang)
      for (j, t) in texts.enumerated() { question += "\n\(letter(j))) \(t)" }
      while true {
        guard let line = ask(lines.isEmpty ? question : "", "… ") else { return .text(Message.conflictCancelled.text(lang)) }
        if line == "." { break }
        lines.append(line)
      }
      result = lines.joined(separator: "\n")
    } else {
      throw .refused(Message.conflictMergeScript(id: c.id))
    }
    while result.hasSuffix("\n") { result.removeLast() }
    if TextMerge.hasMarkers(result) { throw .refused(Message.conflictMergeMarkers) }
    try ctx.store.resolve(entity: c.entity, field: c.field, value: .string(result))
    return .ok(Message.conflictMerged.text(lang))
  }

  /// `ana@lap (1a2b3c4d)`: a laptop as people recognize it.
  static func laptop(_ replica: String, _ labels: [String: String]) -> String {
    labels[replica].map { "\($0) (\(replica.prefix(8)))" } ?? String(replica.prefix(8))
  }

  /// `a`, `b`, … for the values of a conflict.
  static func letter(_ index: Int) -> String { String(UnicodeScalar(UInt8(97 + min(max(index, 0), 25)))) }

  /// Who wrote a value, on which laptop, when.
  static func origin(_ v: Conflict.Value) -> String {
    "\(v.author) · \(v.replica.prefix(8)) · \(when(v.hlc.date))"
  }

  /// A moment as people read it here: local date and time.
  static func when(_ date: Date) -> String {
    ISO8601DateFormatter.string(from: date, timeZone: .current, formatOptions: [.withFullDate, .withTime, .withColonSeparatorInTime])
  }

  static func when(_ millis: Int64) -> String { when(Date(timeIntervalSince1970: Double(millis) / 1000)) }

  /// An open conflict by its short id.
  static func conflict(_ ctx: ShellContext, _ raw: String) throws(TallerError) -> Conflict {
    let list = try ctx.store.conflicts()
    let wanted = raw.lowercased()
    guard let c = list.first(where: { $0.id == wanted }) else {
      throw .refused(Message.conflictUnknown(id: raw, ids: list.isEmpty ? "—" : list.map(\.id).joined(separator: ", ")))
    }
    return c
  }

  static func reason(_ r: SyncBundle.Refusal, _ lang: Lang) -> String { clause(r.message.text(lang)) }

  /// A sentence made into a clause of another (its final period dropped).
  static func clause(_ text: String) -> String {
    var t = text
    while t.hasSuffix(".") { t.removeLast() }
    return t
  }

  /// A conflicting value as people read it (a place in the list for concurrent moves).
  static func show(_ ctx: ShellContext, _ c: Conflict, _ v: JSONValue, lang: Lang) -> String {
    guard c.field == "@pos", let pos = v.stringValue, let info = try? ctx.store.entityInfo(c.entity), let sheet = info.parent,
      let sinfo = try? ctx.store.entityInfo(sheet), let team = sinfo.parent,
      let exercise = (try? ctx.store.value(entity: sheet, field: "@exercise"))??.stringValue,
      let list = (try? ctx.store.value(entity: c.entity, field: "@list"))??.stringValue,
      let items = (try? ctx.store.sheet(teamID: team, exercise: exercise))?.items(list)
    else { return show(v) }
    let rank = items.filter { $0.id != c.entity && ListOrder.precedes($0.position, $0.id, pos, c.entity) }.count + 1
    return Message.positionValue(number: String(rank)).text(lang)
  }

  static func show(_ v: JSONValue) -> String {
    switch v {
    case .string(let s): return "\"\(s)\""
    case .null: return "—"
    default: return CanonicalJSON.encode(v)
    }
  }

  /// How a team with more members than it may have is set right.
  static func membersHowTo(_ ctx: ShellContext, _ c: Conflict) throws(TallerError) -> Message {
    Message.membersOverLimit(count: String(c.values.count), limit: String(try ctx.store.memberLimit(teamID: c.entity)))
  }

  /// `Los Incas › marca-peruana › marca`.
  static func whereIs(_ ctx: ShellContext, _ c: Conflict, lang: Lang) -> String {
    let field =
      switch c.field {
      case "@pos": Message.positionField.text(lang)
      case Field.members: Message.membersField.text(lang)
      case Field.deleted: Message.deletedField.text(lang)
      default: c.field
      }
    var parts: [String] = [field]
    var id: String? = c.entity
    while let cur = id, let info = try? ctx.store.entityInfo(cur) {
      switch info.type {
      case "team": parts.append((try? ctx.store.team(id: cur))?.name ?? cur)
      case "sheet":
        if let s = ctx.content.exercises.first(where: { Sheet.id(team: info.parent ?? "", exercise: $0.id) == cur }) {
          parts.append(s.id)
        }
      case "item": parts.append("#")
      case "member": parts.append("member")
      default: break
      }
      id = info.parent
    }
    return parts.reversed().joined(separator: " › ")
  }
}

struct ExportArgs: CommandArguments {
  static let dirParam = Param(.argDir, .file, optional: true)
  static let allFlag = Flag("all", .flagAll)
  static let parameters = [dirParam]
  static let flags = [allFlag]
  let dir: String?
  let all: Bool
  init(_ b: BoundArguments) {
    dir = b[optional: Self.dirParam]
    all = b.has(Self.allFlag)
  }
}

struct PathsArgs: CommandArguments {
  static let pathsParam = Param(.argPaths, .file, rest: true)
  static let parameters = [pathsParam]
  /// Files and folders, as split (a name with spaces needs quotes).
  let paths: [String]
  init(_ b: BoundArguments) { paths = b.tokens }
}

struct RemoteArgs: CommandArguments {
  static let remoteParam = Param(.argRemote, .file)
  static let parameters = [remoteParam]
  let remote: String
  init(_ b: BoundArguments) { remote = b[Self.remoteParam] }
}

struct ConflictArgs: CommandArguments {
  static let conflictParam = Param(.argConflict, .text)
  static let parameters = [conflictParam]
  let conflict: String
  init(_ b: BoundArguments) { conflict = b[Self.conflictParam] }
}

struct PickArgs: CommandArguments {
  static let conflictParam = Param(.argConflict, .text)
  static let letterParam = Param(.argLetter, .text)
  static let parameters = [conflictParam, letterParam]
  let conflict: String
  let letter: String
  init(_ b: BoundArguments) {
    conflict = b[Self.conflictParam]
    letter = b[Self.letterParam]
  }
}

struct MergeArgs: CommandArguments {
  static let conflictParam = Param(.argConflict, .text)
  static let textParam = Param(.argText, .text, optional: true, rest: true)
  static let parameters = [conflictParam, textParam]
  let conflict: String
  let text: String?
  init(_ b: BoundArguments) {
    conflict = b[Self.conflictParam]
    text = b[optional: Self.textParam]
  }
}

struct NumberArgs: CommandArguments {
  static let numberParam = Param(.argNumber, .text)
  static let parameters = [numberParam]
  let number: String
  init(_ b: BoundArguments) { number = b[Self.numberParam] }
}
