import Foundation
import TallerCore
import TallerStore

private let syncWord = Word("sync", ["sincronizar"])

extension CommandTable {
  /// File-based sync: export, import, status, conflicts.
  static let syncCommands: [CommandSpec] = [
    CommandSpec(
      [syncWord, Word("export", ["exportar"])], summary: .cmdSyncExport,
      params: [Param(.argDir, .file, optional: true)], flags: [Flag("all", .flagAll)],
      run: { ctx, session, args throws(TallerError) in
        try SyncFiles.export(ctx, to: args[0] ?? ".", all: args.has("all"), lang: session.lang)
      }),
    CommandSpec(
      [syncWord, Word("import", ["importar"])], summary: .cmdSyncImport,
      params: [Param(.argPaths, .file, rest: true)],
      run: { ctx, session, args throws(TallerError) in
        try SyncFiles.importPaths(ctx, args.tokens, lang: session.lang)
      }),
    CommandSpec(
      [syncWord, Word("push", ["enviar", "subir"])], summary: .cmdSyncPush, detail: .detailSyncGit,
      params: [Param(.argRemote, .file)],
      run: { ctx, session, args throws(TallerError) in
        try GitTransport.push(ctx, remote: args[0] ?? "", lang: session.lang)
      }),
    CommandSpec(
      [syncWord, Word("pull", ["traer", "bajar"])], summary: .cmdSyncPull, detail: .detailSyncGit,
      params: [Param(.argRemote, .file)],
      run: { ctx, session, args throws(TallerError) in
        try GitTransport.pull(ctx, remote: args[0] ?? "", lang: session.lang)
      }),
    CommandSpec(
      [syncWord, Word("status", ["estado"])], summary: .cmdSyncStatus,
      run: { ctx, session, _ throws(TallerError) in
        let lang = session.lang
        var lines: [Line] = []
        let labels = try ctx.store.replicaLabels()
        for (r, seq) in try ctx.store.versionVector().sorted(by: { $0.key < $1.key }) {
          let label = r == ctx.store.replica.id ? ctx.store.replica.label : labels[r] ?? ""
          lines.append(.item(Message(.syncStatusLine, ["replica": String(r.prefix(8)), "label": label, "seq": String(seq)]).text(lang), note: nil))
        }
        for (r, range) in try ctx.store.waiting().sorted(by: { $0.key < $1.key }) {
          lines.append(
            .text(Message(.syncWaiting, ["replica": String(r.prefix(8)), "first": String(range.lowerBound), "last": String(range.upperBound)]).text(lang)))
        }
        let held = try ctx.store.quarantined()
        if !held.isEmpty {
          lines.append(.heading(Message(.quarantineHeader, ["count": String(held.count)]).text(lang)))
          for q in held {
            lines.append(
              .item(
                Message(.quarantineLine, ["replica": String(q.replica.prefix(8)), "seq": String(q.seq), "author": q.author]).text(lang),
                note: q.reason))
          }
        }
        return Reply(lines: lines)
      }),
    CommandSpec(
      [Word("conflicts", ["conflictos"])], summary: .cmdConflicts,
      run: { ctx, session, _ throws(TallerError) in
        let lang = session.lang
        let list = try ctx.store.conflicts()
        if list.isEmpty { return .text(Message(.conflictsNone).text(lang)) }
        var lines: [Line] = [.heading(Message(.conflictsHeader).text(lang))]
        for c in list {
          lines.append(.text(" \(c.id)  " + SyncFiles.whereIs(ctx, c, lang: lang)))
          for (j, v) in c.values.enumerated() {
            lines.append(.item("    \(SyncFiles.letter(j))) " + SyncFiles.show(v.value), note: SyncFiles.origin(v)))
          }
        }
        return Reply(lines: lines)
      }),
    CommandSpec(
      [Word("conflict", ["conflicto"]), Word("show", ["ver"])], summary: .cmdConflictShow,
      params: [Param(.argConflict, .text)],
      run: { ctx, session, args throws(TallerError) in
        let lang = session.lang
        let c = try SyncFiles.conflict(ctx, args[0] ?? "")
        var lines: [Line] = [.heading(c.id + "  " + SyncFiles.whereIs(ctx, c, lang: lang))]
        if let base = try ctx.store.base(of: c) {
          lines.append(.dim(Message(.conflictBase).text(lang)))
          lines.append(.text("    " + SyncFiles.show(base)))
        }
        for (j, v) in c.values.enumerated() {
          lines.append(.dim("\(SyncFiles.letter(j))) " + SyncFiles.origin(v)))
          lines.append(.text("    " + SyncFiles.show(v.value)))
        }
        lines.append(.dim(Message(.conflictHowTo, ["id": c.id]).text(lang)))
        return Reply(lines: lines)
      }),
    CommandSpec(
      [Word("conflict", ["conflicto"]), Word("pick", ["elegir"])], summary: .cmdConflictPick,
      params: [Param(.argConflict, .text), Param(.argLetter, .text)],
      sitting: .ifSaved,
      run: { ctx, session, args throws(TallerError) in
        let lang = session.lang
        let c = try SyncFiles.conflict(ctx, args[0] ?? "")
        let raw = Text.fold(args[1] ?? "")
        var index = (Int(raw) ?? 0) - 1
        if raw.count == 1, let ch = raw.unicodeScalars.first, ch.properties.isAlphabetic { index = Int(ch.value) - 97 }
        guard index >= 0, index < c.values.count else {
          let letters = (0..<c.values.count).map(SyncFiles.letter).joined(separator: ", ")
          throw .refused(Message(.conflictBadChoice, ["choice": args[1] ?? "", "choices": letters]))
        }
        try ctx.store.resolve(entity: c.entity, field: c.field, value: c.values[index].value)
        return .ok(Message(.conflictResolved, ["choice": SyncFiles.letter(index)]).text(lang))
      }),
    CommandSpec(
      [Word("trash", ["papelera"])], summary: .cmdTrash,
      run: { ctx, session, _ throws(TallerError) in
        let team = try currentTeam(ctx, &session)
        let items = try ctx.store.trash(teamID: team.id, exercises: ctx.content.ordered.map(\.id))
        if items.isEmpty { return .text(Message(.trashEmpty).text(session.lang)) }
        var lines: [Line] = [.heading(Message(.trashHeader).text(session.lang))]
        for (i, entry) in items.enumerated() {
          let def = ctx.content.exercise(entry.exercise)
          let fields = def?.field(entry.item.list)?.fields ?? []
          let label = itemLabel(ctx, teamID: team.id, item: entry.item, fields: fields, lang: session.lang)
          lines.append(.item("\(i + 1). \(entry.exercise).\(entry.item.list): \(label)", note: nil))
        }
        return Reply(lines: lines)
      }),
    CommandSpec(
      [Word("restore", ["restaurar", "recuperar"])], summary: .cmdRestore, params: [Param(.argNumber, .text)],
      sitting: .ifSaved,
      run: { ctx, session, args throws(TallerError) in
        let team = try currentTeam(ctx, &session)
        let items = try ctx.store.trash(teamID: team.id, exercises: ctx.content.ordered.map(\.id))
        guard let n = Int(args[0] ?? ""), n >= 1, n <= items.count else {
          throw .refused(Message(.noSuchItem, ["list": "trash", "number": args[0] ?? "", "count": String(items.count)]))
        }
        try ctx.store.restoreItem(itemID: items[n - 1].item.id)
        return .ok(Message(.restored, ["number": String(n)]).text(session.lang))
      }),
  ]
}

/// Reading and writing bundle files.
enum SyncFiles {
  static let exportedKey = "sync.exported"

  /// What a destination folder has been given, by replica (kept per folder: a USB stick and the
  /// class's shared folder each get what they lack).
  static func exportedKey(_ dir: String) -> String {
    "sync.exported." + URL(fileURLWithPath: dir).standardizedFileURL.resolvingSymlinksInPath().path
  }

  static func export(_ ctx: ShellContext, to dir: String, all: Bool, lang: Lang) throws(TallerError) -> Reply {
    let key = exportedKey(dir)
    var sent: [String: Int64] = [:]
    if !all, let text = try ctx.store.localSetting(key), let json = try? StrictJSONParser.parse(text) {
      for (k, v) in json.objectValue ?? [:] { if let n = v.intValue { sent[k] = n } }
    }
    guard let bundle = try ctx.store.exportBundle(after: sent) else { return .text(Message(.syncNothing).text(lang)) }
    let path = try write(bundle.encode(), named: bundle.fileName(), in: dir)
    var vector = sent
    for s in bundle.signatures { vector[s.replica] = max(vector[s.replica] ?? 0, s.seq) }
    try ctx.store.setLocalSetting(key, CanonicalJSON.encode(.object(vector.mapValues { .int($0) })))
    return .ok(Message(.syncExported, ["count": String(bundle.bodies.count), "file": path]).text(lang))
  }

  /// Writes a file into a folder (created if needed) under a name unique to its content; an
  /// identical file already there is left alone.
  static func write(_ text: String, named name: String, in dir: String) throws(TallerError) -> String {
    do {
      try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    } catch {
      throw .file(Message(.fileWriteFailed, ["file": dir, "reason": (error as NSError).localizedDescription]))
    }
    let path = (dir as NSString).appendingPathComponent(name)
    if !FileManager.default.fileExists(atPath: path) { try FileOutput.write(text, to: path, force: false) }
    return path
  }

  /// Files under the given paths (folders recursively) whose names end in the bundle suffix.
  static func files(_ paths: [String]) -> [String] {
    var out: [String] = []
    let fm = FileManager.default
    for p in paths {
      var isDir: ObjCBool = false
      guard fm.fileExists(atPath: p, isDirectory: &isDir) else {
        out.append(p)  // reported as unreadable
        continue
      }
      if isDir.boolValue {
        let e = fm.enumerator(atPath: p)
        while let rel = e?.nextObject() as? String {
          if rel.hasSuffix(SyncBundle.suffix) { out.append((p as NSString).appendingPathComponent(rel)) }
        }
      } else {
        out.append(p)
      }
    }
    return out.sorted()
  }

  static func importPaths(_ ctx: ShellContext, _ paths: [String], lang: Lang) throws(TallerError) -> Reply {
    let list = files(paths)
    if list.isEmpty { return .text(Message(.syncNoFiles, ["path": paths.joined(separator: " ")]).text(lang)) }
    var total = ImportResult()
    var refused: [String] = []
    var imported = 0
    for file in list {
      guard let data = FileManager.default.contents(atPath: file) else {
        refused.append(Message(.syncRefusedFile, ["file": file, "reason": Message(.fileReadFailed, ["file": file, "reason": "?"]).text(lang)]).text(lang))
        continue
      }
      let bundle: SyncBundle
      do {
        bundle = try SyncBundle.decode(data)
      } catch {
        refused.append(Message(.syncRefusedFile, ["file": file, "reason": reason(error, lang)]).text(lang))
        continue
      }
      do {
        let r = try ctx.store.importBundle(bundle)
        total.quarantined += r.quarantined
        total.newChanges += r.newChanges
        total.duplicates += r.duplicates
        total.replicas.formUnion(r.replicas)
        total.waiting = r.waiting
        if let l = r.latest { total.latest = max(total.latest ?? l, l) }
        imported += 1
      } catch {
        refused.append(Message(.syncRefusedFile, ["file": file, "reason": error.message.text(lang)]).text(lang))
      }
    }
    let conflicts = try ctx.store.conflicts().count
    var lines: [Line] = [
      .text(
        Message(
          .syncSummary,
          [
            "files": String(imported), "changes": String(total.newChanges), "replicas": String(total.replicas.count),
            "conflicts": String(conflicts), "pending": String(total.waiting.count),
          ]
        ).text(lang))
    ]
    if total.quarantined > 0 {
      lines.append(.text("⚠ " + Message(.syncQuarantined, ["count": String(total.quarantined)]).text(lang)))
    }
    // Laptop clocks are often wrong; a clock far ahead makes its writer win every tie.
    if let latest = total.latest, latest.millis > ctx.now() + 86_400_000 {
      lines.append(.text("⚠ " + Message(.syncClockAhead, ["date": String(ISO8601DateFormatter().string(from: latest.date).prefix(10))]).text(lang)))
    }
    for (r, range) in total.waiting.sorted(by: { $0.key < $1.key }) {
      lines.append(.dim(Message(.syncWaiting, ["replica": String(r.prefix(8)), "first": String(range.lowerBound), "last": String(range.upperBound)]).text(lang)))
    }
    // Good files applied; refused ones make the command fail (exit 1 in scripts).
    var reply = Reply(lines: lines)
    reply.errors = refused
    return reply
  }

  /// `a`, `b`, … for the values of a conflict.
  static func letter(_ index: Int) -> String { String(UnicodeScalar(UInt8(97 + min(max(index, 0), 25)))) }

  /// Who wrote a value, on which laptop, when.
  static func origin(_ v: Conflict.Value) -> String {
    let when = ISO8601DateFormatter.string(
      from: v.hlc.date, timeZone: .current, formatOptions: [.withFullDate, .withTime, .withColonSeparatorInTime])
    return "\(v.author) · \(v.replica.prefix(8)) · \(when)"
  }

  /// An open conflict by its short id.
  static func conflict(_ ctx: ShellContext, _ raw: String) throws(TallerError) -> Conflict {
    let list = try ctx.store.conflicts()
    let wanted = raw.lowercased()
    guard let c = list.first(where: { $0.id == wanted }) else {
      throw .refused(Message(.conflictUnknown, ["id": raw, "ids": list.isEmpty ? "—" : list.map(\.id).joined(separator: ", ")]))
    }
    return c
  }

  static func reason(_ r: SyncBundle.Refusal, _ lang: Lang) -> String {
    switch r {
    case .notUTF8: return Message(.syncNotUTF8).text(lang)
    case .notABundle: return Message(.syncNotBundle).text(lang)
    case .newerFormat(let v): return Message(.syncNewer, ["found": String(v)]).text(lang)
    case .truncated: return Message(.syncTruncated).text(lang)
    case .countMismatch: return Message(.syncCount).text(lang)
    case .hashMismatch: return Message(.syncHash).text(lang)
    case .badLine(let l): return Message(.syncBadLine, ["line": String(l)]).text(lang)
    case .lineTooLong(let l): return Message(.syncLongLine, ["line": String(l)]).text(lang)
    case .badSignature(let r): return Message(.syncBadSignature, ["replica": String(r.prefix(8))]).text(lang)
    }
  }

  static func show(_ v: JSONValue) -> String {
    switch v {
    case .string(let s): return "\"\(s)\""
    case .null: return "—"
    default: return CanonicalJSON.encode(v)
    }
  }

  /// `Los Incas › marca-peruana › marca`.
  static func whereIs(_ ctx: ShellContext, _ c: Conflict, lang: Lang) -> String {
    var parts: [String] = [c.field]
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
