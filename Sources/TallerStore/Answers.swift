import Foundation
import GRDB
import TallerCore

/// Field names the store keeps on sheets and items, besides the answers themselves.
enum Meta {
  static let exercise = "@exercise"
  static let version = "@version"
  static let list = "@list"
  static let position = "@pos"
  /// The sheet's long-text fields (`field`, or `list.field` inside list items): concurrent edits
  /// to them are merged line by line when they do not overlap.
  static let merge = "@merge"
}

extension TallerStore {
  // MARK: Reads

  /// A team's answers to an exercise (empty when nobody has answered yet).
  public func sheet(teamID: String, exercise: String) throws(TallerError) -> Sheet {
    try readOnce(.sheet(team: teamID, exercise: exercise)) { db in try Self.sheet(db, teamID: teamID, exercise: exercise) }
  }

  static func sheet(_ db: Database, teamID: String, exercise: String) throws -> Sheet {
    let id = Sheet.id(team: teamID, exercise: exercise)
    var sheet = Sheet(id: id, teamID: teamID, exercise: exercise)
    sheet.exists = try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS(SELECT 1 FROM entity WHERE id = ?)"), arguments: [id]) ?? false
    guard sheet.exists else { return sheet }
    let (values, conflicts) = try fieldValues(db, entity: id)
    for (k, v) in values where !k.hasPrefix("@") && v != .null { sheet.values[k] = v }
    sheet.version = values[Meta.version]?.intValue.map(Int.init)
    sheet.conflicts = conflicts
    // Every item's values in one statement (a statement per item was most of a class's status).
    let rows = try Row.fetchAll(
      db.cachedStatement(
        sql: """
          SELECT e.id AS entity, f.field, f.value FROM entity e LEFT JOIN field_value f ON f.entity = e.id
          WHERE e.parent = ? AND e.type = 'item' ORDER BY e.id, f.field, f.hlc_ms DESC, f.hlc_c DESC, f.op DESC
          """), arguments: [id])
    var start = 0
    while start < rows.count {
      let itemID: String = rows[start][0]
      var end = start + 1
      while end < rows.count, rows[end][0] as String == itemID { end += 1 }
      var (iv, ic) = try fieldValues(db, entity: itemID, rows: rows[start..<end])
      start = end
      // Only an item whose winning `deleted` is true can be removed (`deletion` reads it again).
      switch iv[Field.deleted]?.boolValue == true ? try deletion(db, entity: itemID) : .alive {
      case .deleted: continue
      case .editedWhileDeleted: ic.insert(Field.deleted)
      case .alive: break
      }
      guard let list = iv[Meta.list]?.stringValue else { continue }
      var clean: [String: JSONValue] = [:]
      for (k, v) in iv where !k.hasPrefix("@") && k != Field.deleted && v != .null { clean[k] = v }
      let item = Item(id: itemID, list: list, position: iv[Meta.position]?.stringValue ?? "", values: clean, conflicts: ic)
      sheet.lists[list, default: []].append(item)
    }
    for (k, items) in sheet.lists { sheet.lists[k] = ListOrder.sorted(items) }
    return sheet
  }

  /// The live items of one list of a sheet, in list order, with their positions (the winning
  /// `@pos` value of each).
  static func listOrder(_ db: Database, sheetID: String, list: String) throws -> [(id: String, position: String)] {
    let rows = try Row.fetchAll(
      db.cachedStatement(
        sql: """
          SELECT e.id, (SELECT p.value FROM field_value p WHERE p.entity = e.id AND p.field = '@pos'
                        ORDER BY p.hlc_ms DESC, p.hlc_c DESC, p.op DESC LIMIT 1) AS pos,
                 EXISTS(SELECT 1 FROM field_value d WHERE d.entity = e.id AND d.field = 'deleted' AND d.value = 'true') AS flagged
          FROM entity e JOIN field_value l ON l.entity = e.id AND l.field = '@list' AND l.value = ?
          WHERE e.parent = ? AND e.type = 'item'
          """), arguments: [CanonicalJSON.encode(.string(list)), sheetID])
    var items: [(id: String, position: String)] = []
    var seen = Set<String>()
    for row in rows {
      let id: String = row["id"]
      guard seen.insert(id).inserted else { continue }  // an item with several `@list` values
      if row["flagged"] as Bool, try Self.winning(db, id, Field.deleted)?.boolValue == true, try deletion(db, entity: id) == .deleted {
        continue
      }
      let pos = (row["pos"] as String?).flatMap { try? StrictJSONParser.parse($0) }?.stringValue ?? ""
      items.append((id, pos))
    }
    return items.sorted { ListOrder.precedes($0.position, $0.id, $1.position, $1.id) }
  }

  /// Every position the items of one list hold: all their current `@pos` values (the losing
  /// values of a conflict too), removed items included.
  static func positionsInUse(_ db: Database, sheetID: String, list: String) throws -> Set<String> {
    let rows = try String.fetchAll(
      db.cachedStatement(
        sql: """
          SELECT p.value FROM entity e JOIN field_value l ON l.entity = e.id AND l.field = '@list' AND l.value = ?
          JOIN field_value p ON p.entity = e.id AND p.field = '@pos'
          WHERE e.parent = ? AND e.type = 'item'
          """), arguments: [CanonicalJSON.encode(.string(list)), sheetID])
    return Set(rows.compactMap { (try? StrictJSONParser.parse($0))?.stringValue })
  }

  /// The winning value of one field of an entity.
  static func winning(_ db: Database, _ entity: String, _ field: String) throws -> JSONValue? {
    try Trust.value(db, entity, field)
  }

  /// Whether an entity is removed. A removal only covers the values its author had seen (`seen`):
  /// a value written concurrently keeps the entity alive, flagged ("an edit beats a delete").
  enum Deletion { case alive, deleted, editedWhileDeleted }

  static func deletion(_ db: Database, entity: String) throws -> Deletion {
    let rows = try Row.fetchAll(
      db.cachedStatement(sql: "SELECT op, field, value FROM field_value WHERE entity = ? ORDER BY hlc_ms DESC, hlc_c DESC, op DESC"),
      arguments: [entity])
    guard let winner = rows.first(where: { $0["field"] == Field.deleted }), winner["value"] == "true" else { return .alive }
    var seen = Set<String>()
    for row in rows where row["field"] == Field.deleted && row["value"] == "true" {
      guard let id = OpID(row["op"]) else { continue }
      for s in try loggedOp(db, id)?.seen ?? [] { seen.insert(s.description) }
    }
    let unseen = rows.contains { row in
      let field: String = row["field"]
      return field != Field.deleted && !seen.contains(row["op"])
    }
    return unseen ? .editedWhileDeleted : .deleted
  }

  /// How many items a list holds now (cheap: no item is read whole).
  public func itemCount(teamID: String, exercise: String, list: String) throws(TallerError) -> Int {
    try read { db in
      let sheetID = Sheet.id(team: teamID, exercise: exercise)
      let ids = try String.fetchAll(
        db,
        sql: """
          SELECT DISTINCT e.id FROM entity e JOIN field_value l ON l.entity = e.id AND l.field = '@list' AND l.value = ?
          WHERE e.parent = ? AND e.type = 'item'
          """, arguments: [CanonicalJSON.encode(.string(list)), sheetID])
      let flagged = try String.fetchAll(
        db,
        sql: """
          SELECT DISTINCT f.entity FROM field_value f JOIN entity e ON e.id = f.entity
          WHERE e.parent = ? AND e.type = 'item' AND f.field = 'deleted' AND f.value = 'true'
          """, arguments: [sheetID])
      let idSet = Set(ids)
      var removed = 0
      for id in flagged where idSet.contains(id) {
        if try Self.deletion(db, entity: id) == .deleted { removed += 1 }
      }
      return ids.count - removed
    }
  }

  /// Removed items of a team's sheets (restorable), per exercise.
  public func trash(teamID: String, exercises: [String]) throws(TallerError) -> [(exercise: String, item: Item)] {
    try read { db in
      var out: [(String, Item)] = []
      for ex in exercises {
        let sheetID = Sheet.id(team: teamID, exercise: ex)
        for itemID in try String.fetchAll(
          db.cachedStatement(sql: "SELECT id FROM entity WHERE parent = ? AND type = 'item' ORDER BY id"), arguments: [sheetID])
        {
          guard try Self.deletion(db, entity: itemID) == .deleted else { continue }
          let (iv, _) = try Self.fieldValues(db, entity: itemID)
          var clean: [String: JSONValue] = [:]
          for (k, v) in iv where !k.hasPrefix("@") && k != Field.deleted && v != .null { clean[k] = v }
          out.append(
            (ex, Item(id: itemID, list: iv[Meta.list]?.stringValue ?? "", position: iv[Meta.position]?.stringValue ?? "", values: clean)))
        }
      }
      return out
    }
  }

  /// Brings a removed item back.
  public func restoreItem(itemID: String, author: String? = nil) throws(TallerError) {
    try act(author: author) { _, draft in try draft.set(itemID, Field.deleted, .bool(false)) }
  }

  /// Resolves a conflicting field by writing the chosen value over every current one.
  public func resolve(entity: String, field: String, value: JSONValue, author: String? = nil) throws(TallerError) {
    try act(author: author) { _, draft in try draft.set(entity, field, value) }
  }

  /// Resolves a conflict on a list item by keeping every value: the item keeps the first, and a
  /// copy of it right after it takes each other one. Returns the new items' ids.
  public func keepBoth(entity: String, field: String, values: [JSONValue], author: String? = nil) throws(TallerError) -> [String] {
    try act(author: author) { db, draft in
      guard let info = try Trust.lookup(db, entity), info.type == EntityType.item.rawValue, let sheetID = info.parent,
        let first = values.first
      else { throw TallerError.refused(Message.keepBothItemsOnly) }
      let (current, _) = try Self.fieldValues(db, entity: entity)
      guard let list = current[Meta.list]?.stringValue else { throw TallerError.refused(Message.keepBothItemsOnly) }
      // The copies go right after the item.
      let ordered = try Self.listOrder(db, sheetID: sheetID, list: list)
      let at = (ordered.firstIndex { $0.id == entity } ?? ordered.count - 1) + 1
      let placed = ListOrder.place(
        count: values.count - 1, at: at, in: ordered, tag: ListOrder.tag(replica: replica.id),
        taken: try Self.positionsInUse(db, sheetID: sheetID, list: list))
      for (id, p) in placed.rekeyed { try draft.set(id, Meta.position, .string(p)) }
      var created: [String] = []
      for (v, p) in zip(values.dropFirst(), placed.keys) {
        let id = draft.create(.item, parent: sheetID)
        try draft.set(id, Meta.list, .string(list))
        try draft.set(id, Meta.position, .string(p))
        for (k, val) in current.sorted(by: { $0.key < $1.key }) where !k.hasPrefix("@") && k != Field.deleted && k != field {
          try draft.set(id, k, val)
        }
        try draft.set(id, field, v)
        created.append(id)
      }
      try draft.set(entity, field, first)
      return created
    }
  }

  /// Winning values of an entity's fields, and the fields that hold more than one value.
  static func fieldValues(_ db: Database, entity: String) throws -> ([String: JSONValue], Set<String>) {
    let rows = try Row.fetchAll(
      db.cachedStatement(
        sql: "SELECT field, value FROM field_value WHERE entity = ? ORDER BY field, hlc_ms DESC, hlc_c DESC, op DESC"),
      arguments: [entity])
    return try fieldValues(db, entity: entity, rows: rows[...])
  }

  /// An entity's values and conflicts from rows ending in `field, value`, each field's newest
  /// first (a row with no field, from an outer join, is an entity without values). Columns are
  /// read by position: by name, the lookups were a tenth of reading a class.
  static func fieldValues(_ db: Database, entity: String, rows: ArraySlice<Row>) throws -> ([String: JSONValue], Set<String>) {
    var values: [String: JSONValue] = [:]
    // Each field's newest text: a field with another text beside it holds a conflict (identical
    // concurrent values are not one).
    var newest: [String: String] = [:]
    var conflicts: Set<String> = []
    for row in rows {
      let at = row.count - 2
      guard let f = row[at] as String? else { continue }
      let text: String = row[at + 1]
      if let first = newest[f] {
        if first != text { conflicts.insert(f) }
      } else {
        newest[f] = text
        values[f] = try StrictJSONParser.parse(text)
      }
    }
    // Long text whose edits do not overlap is merged.
    for f in conflicts {
      if let merged = try mergedText(db, entity: entity, field: f) {
        values[f] = .string(merged)
        conflicts.remove(f)
      }
    }
    return (values, conflicts)
  }

  /// Whether a field of an entity is long text its sheet lets merge.
  static func isMergeable(_ db: Database, entity: String, field: String) throws -> Bool {
    guard let info = try Trust.lookup(db, entity) else { return false }
    var sheet = entity
    var key = field
    if info.type == EntityType.item.rawValue {
      guard let parent = info.parent, let list = try Trust.value(db, entity, Meta.list)?.stringValue else { return false }
      sheet = parent
      key = "\(list).\(field)"
    } else if info.type != EntityType.sheet.rawValue {
      return false
    }
    let fields = try Trust.value(db, sheet, Meta.merge)?.arrayValue ?? []
    return fields.contains(.string(key))
  }

  /// The line-by-line merge of a long-text field's concurrent values against their common
  /// ancestor, when their edits do not overlap; `nil` otherwise (a conflict to resolve).
  static func mergedText(_ db: Database, entity: String, field: String) throws -> String? {
    guard try isMergeable(db, entity: entity, field: field) else { return nil }
    let rows = try Row.fetchAll(
      db.cachedStatement(sql: "SELECT op, value FROM field_value WHERE entity = ? AND field = ? ORDER BY hlc_ms DESC, hlc_c DESC, op DESC"),
      arguments: [entity, field])
    var texts: [String] = []
    for row in rows {
      guard let t = (try StrictJSONParser.parse(row["value"] as String)).stringValue else { return nil }
      if !texts.contains(t) { texts.append(t) }
    }
    guard texts.count > 1 else { return nil }
    let base = try commonAncestor(db, ops: rows.compactMap { OpID($0["op"] as String) })
    return TextMerge.clean(base: base?.stringValue ?? "", versions: texts)
  }

  /// The latest value every one of `ops` descends from (following `pred`), if any.
  static func commonAncestor(_ db: Database, ops: [OpID]) throws -> JSONValue? {
    func ancestors(_ op: OpID) throws -> Set<String> {
      var seen: Set<String> = []
      var queue = [op]
      while let next = queue.popLast() {
        for id in try loggedOp(db, next)?.pred ?? [] {
          let s = id.description
          if !seen.contains(s) {
            seen.insert(s)
            queue.append(id)
          }
        }
      }
      return seen
    }
    var common: Set<String>?
    for op in ops {
      let a = try ancestors(op)
      common = common.map { $0.intersection(a) } ?? a
    }
    var best: (hlc: HLC, id: OpID)?
    for s in common ?? [] {
      guard let id = OpID(s),
        let row = try Row.fetchOne(
          db.cachedStatement(sql: "SELECT hlc_ms, hlc_c FROM change_log WHERE replica = ? AND seq = ?"), arguments: [id.replica, id.seq])
      else { continue }
      let h = HLC(millis: row["hlc_ms"], counter: row["hlc_c"])
      if best == nil || (h, s) > (best!.hlc, best!.id.description) { best = (h, id) }
    }
    guard let b = best else { return nil }
    return try loggedOp(db, b.id)?.value
  }

  // MARK: Writes

  /// Creates the sheet (and the default items of its lists) if it does not exist yet.
  private func ensureSheet(_ db: Database, _ draft: inout ChangeDraft, teamID: String, def: ExerciseDef) throws -> String {
    let id = Sheet.id(team: teamID, exercise: def.id)
    let exists = try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS(SELECT 1 FROM entity WHERE id = ?)"), arguments: [id]) ?? false
    if exists || draft.ops.contains(where: { $0.entity == id }) { return id }
    draft.ops.append(.create(entity: id, type: "sheet", parent: teamID))
    try draft.set(id, Meta.exercise, .string(def.id))
    try draft.set(id, Meta.version, .int(Int64(def.version)))
    var text: [String] = def.fields.filter { $0.kind == .longtext }.map(\.id)
    for list in def.fields where list.kind == .list {
      text += list.fields.filter { $0.kind == .longtext }.map { "\(list.id).\($0.id)" }
    }
    if !text.isEmpty { try draft.set(id, Meta.merge, .array(text.map(JSONValue.string))) }
    for field in def.fields where field.kind == .list {
      for ((i, d), p) in zip(field.defaults.enumerated(), ListOrder.defaultKeys(field.defaults.count)) {
        let itemID = StableID.make("default", id, field.id, String(i))
        draft.ops.append(.create(entity: itemID, type: "item", parent: id))
        try draft.set(itemID, Meta.list, .string(field.id))
        try draft.set(itemID, Meta.position, .string(p))
        for (k, v) in d.sorted(by: { $0.key < $1.key }) { try draft.set(itemID, k, .string(v)) }
      }
    }
    return id
  }

  /// Starts a sheet (creating its default items) without answering anything.
  public func openSheet(teamID: String, def: ExerciseDef, author: String? = nil) throws(TallerError) -> Sheet {
    try act(author: author) { db, draft in
      _ = try ensureSheet(db, &draft, teamID: teamID, def: def)
    }
    return try sheet(teamID: teamID, exercise: def.id)
  }

  /// Writes (or, with `.null`, clears) top-level answers of a sheet, as one action.
  public func setAnswers(teamID: String, def: ExerciseDef, values: [String: JSONValue], author: String? = nil) throws(TallerError) {
    try act(author: author) { db, draft in
      let id = try ensureSheet(db, &draft, teamID: teamID, def: def)
      for (k, v) in values.sorted(by: { $0.key < $1.key }) { try draft.set(id, k, v) }
    }
  }

  /// Adds an item at the end of a list (or before the item at `index`, 0-based).
  public func addItem(
    teamID: String, def: ExerciseDef, list: String, values: [String: JSONValue], author: String? = nil
  ) throws(TallerError) -> Item {
    try act(author: author) { db, draft in
      let sheetID = try ensureSheet(db, &draft, teamID: teamID, def: def)
      // At the end of the list (after default items this very action created, if any).
      var ordered = try Self.listOrder(db, sheetID: sheetID, list: list)
      for op in draft.ops {
        if case .set(let e, Meta.position, .string(let p), _, _) = op, !ordered.contains(where: { $0.id == e }) { ordered.append((e, p)) }
      }
      ordered.sort { ListOrder.precedes($0.position, $0.id, $1.position, $1.id) }
      let pos = ListOrder.place(
        count: 1, at: ordered.count, in: ordered, tag: ListOrder.tag(replica: replica.id),
        taken: try Self.positionsInUse(db, sheetID: sheetID, list: list)
      ).keys[0]
      let itemID = draft.create(.item, parent: sheetID)
      try draft.set(itemID, Meta.list, .string(list))
      try draft.set(itemID, Meta.position, .string(pos))
      for (k, v) in values.sorted(by: { $0.key < $1.key }) where v != .null { try draft.set(itemID, k, v) }
      return Item(id: itemID, list: list, position: pos, values: values.filter { $0.value != .null })
    }
  }

  /// Changes fields of an item.
  public func editItem(itemID: String, values: [String: JSONValue], author: String? = nil) throws(TallerError) {
    try act(author: author) { _, draft in
      for (k, v) in values.sorted(by: { $0.key < $1.key }) { try draft.set(itemID, k, v) }
    }
  }

  /// Removes an item; its values stay in the log and it can be restored.
  public func removeItem(itemID: String, author: String? = nil) throws(TallerError) {
    try act(author: author) { _, draft in try draft.remove(itemID) }
  }

  /// Moves an item of a list to a place in it: `index` (0-based) among the list's other live
  /// items. Writes the item's new position, and — only where the gap holds equal positions —
  /// new positions for the items of the tie after it (``ListOrder/place(count:at:in:tag:)``).
  public func moveItem(itemID: String, toIndex index: Int, author: String? = nil) throws(TallerError) {
    try act(author: author) { db, draft in
      guard let info = try Trust.lookup(db, itemID), info.type == EntityType.item.rawValue, let sheetID = info.parent,
        let list = try Trust.value(db, itemID, Meta.list)?.stringValue
      else { throw TallerError.refused(Message.notAllowed(reason: .reasonNotListItem)) }
      let others = try Self.listOrder(db, sheetID: sheetID, list: list).filter { $0.id != itemID }
      let placed = ListOrder.place(
        count: 1, at: index, in: others, tag: ListOrder.tag(replica: replica.id),
        taken: try Self.positionsInUse(db, sheetID: sheetID, list: list))
      try draft.set(itemID, Meta.position, .string(placed.keys[0]))
      for (id, p) in placed.rekeyed { try draft.set(id, Meta.position, .string(p)) }
    }
  }

  /// Clears every answer of a sheet and removes its items, as one action (all stays in the log).
  public func resetSheet(teamID: String, def: ExerciseDef, author: String? = nil) throws(TallerError) {
    try act(author: author) { db, draft in
      let sheet = try Self.sheet(db, teamID: teamID, exercise: def.id)
      guard sheet.exists else { return }
      for k in sheet.values.keys.sorted() { try draft.set(sheet.id, k, .null) }
      for items in sheet.lists.values {
        for item in items { try draft.remove(item.id) }
      }
    }
  }
}
