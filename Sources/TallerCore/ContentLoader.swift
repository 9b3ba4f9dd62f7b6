import Foundation
import Yams

/// A problem found in a content file: where and why.
public struct LintIssue: Hashable, Sendable, Error {
  public var file: String
  public var line: Int
  public var message: Message

  public init(file: String, line: Int, message: Message) {
    self.file = file
    self.line = line
    self.message = message
  }

  /// `file:line: reason`, in a language.
  public func text(_ lang: Lang) -> String { "\(file):\(line): \(message.text(lang))" }
}

/// Every problem of a content set.
public struct LintFailure: Error, Hashable, Sendable {
  public var issues: [LintIssue]
}

/// Reads exercise and agenda files (YAML), checking every key, kind, translation and reference.
/// A content set with any problem is refused whole: it is never half-loaded.
public enum ContentLoader {
  /// A file's name (as reported) and text.
  public typealias SourceFile = (name: String, text: String)

  /// Loads a content set: agendas and exercises. The first agenda (by file name) is the one used.
  public static func load(agendas: [SourceFile], exercises: [SourceFile]) -> Result<Content, LintFailure> {
    var issues: [LintIssue] = []
    var defs: [ExerciseDef] = []
    var defLines: [String: (String, Int)] = [:]
    for f in exercises.sorted(by: { $0.name < $1.name }) {
      var r = Reader(file: f.name, issues: [])
      if let def = r.exercise(f.text) {
        if let (other, _) = defLines[def.id] {
          r.issue(1, Message.lintDuplicateID(id: def.id, other: other))
        } else {
          defLines[def.id] = (f.name, 1)
          defs.append(def)
        }
      }
      issues += r.issues
    }
    var agenda: Agenda?
    var agendaFile = ""
    for f in agendas.sorted(by: { $0.name < $1.name }) {
      var r = Reader(file: f.name, issues: [])
      let a = r.agenda(f.text)
      issues += r.issues
      if agenda == nil, let a {
        agenda = a
        agendaFile = f.name
      }
      if let a {
        for (i, item) in a.exercises.enumerated() {
          guard let def = defs.first(where: { $0.id == item.exercise }) else {
            issues.append(
              LintIssue(file: f.name, line: r.lines["exercises.\(i)"] ?? 1, message: Message.lintDangling(ref: item.exercise)))
            continue
          }
          for step in item.timeboxes.keys where !def.steps.contains(where: { $0.id == step }) {
            issues.append(
              LintIssue(
                file: f.name, line: r.lines["exercises.\(i)"] ?? 1, message: Message.lintDangling(ref: "\(item.exercise).\(step)")))
          }
        }
        for g in a.grading {
          for e in g.exercises where !a.exercises.contains(where: { $0.exercise == e }) {
            issues.append(LintIssue(file: f.name, line: r.lines["grading.\(g.id)"] ?? 1, message: Message.lintDangling(ref: e)))
          }
        }
      }
    }
    // References between exercises.
    for f in exercises {
      guard let def = defs.first(where: { defLines[$0.id]?.0 == f.name }) else { continue }
      var r = Reader(file: f.name, issues: [])
      _ = r.exercise(f.text)  // for line numbers
      func check(_ field: FieldDef, path: String) {
        if let ref = field.ref {
          let target = defs.first { $0.id == ref.exercise }?.field(ref.list)
          if target?.kind != .list {
            issues.append(
              LintIssue(file: f.name, line: r.lines[path] ?? 1, message: Message.lintDangling(ref: "\(ref.exercise).\(ref.list)")))
          }
        }
        if let p = field.prefill {
          let parts = p.split(separator: ".").map(String.init)
          let ok = parts.count == 2 && defs.first { $0.id == parts[0] }?.field(parts[1]) != nil
          if !ok { issues.append(LintIssue(file: f.name, line: r.lines[path] ?? 1, message: Message.lintDangling(ref: p))) }
        }
        for sub in field.fields { check(sub, path: path + "." + sub.id) }
      }
      for field in def.fields { check(field, path: field.id) }
      for c in def.checks {
        if case .referencedBy(let e, let l, let by) = c.require {
          let target = defs.first { $0.id == e }?.field(l)?.fields.first { $0.id == by }
          if target?.kind != .ref {
            issues.append(LintIssue(file: f.name, line: 1, message: Message.lintDangling(ref: "\(e).\(l).\(by)")))
          }
        }
      }
    }
    if agenda == nil && issues.isEmpty {
      issues.append(LintIssue(file: agendas.first?.name ?? "workshops/", line: 1, message: Message.lintNoAgenda))
    }
    _ = agendaFile
    guard issues.isEmpty, let agenda else {
      return .failure(LintFailure(issues: issues.sorted { ($0.file, $0.line) < ($1.file, $1.line) }))
    }
    return .success(Content(agenda: agenda, exercises: defs))
  }

  /// Loads `DIR/workshops/*.yaml` and `DIR/exercises/*.yaml`.
  public static func load(directory: String) -> Result<Content, LintFailure> {
    func files(_ sub: String) -> [SourceFile] {
      let dir = (directory as NSString).appendingPathComponent(sub)
      let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter {
        $0.hasSuffix(".yaml") || $0.hasSuffix(".yml")
      }
      return names.sorted().compactMap { name in
        let path = (dir as NSString).appendingPathComponent(name)
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return ("\(sub)/\(name)", String(decoding: data, as: UTF8.self))
      }
    }
    let agendas = files("workshops")
    let exercises = files("exercises")
    if agendas.isEmpty && exercises.isEmpty {
      return .failure(LintFailure(issues: [LintIssue(file: directory, line: 1, message: Message.lintEmptyFolder)]))
    }
    return load(agendas: agendas, exercises: exercises)
  }
}

/// Walks YAML nodes, collecting issues with line numbers instead of stopping at the first.
private struct Reader {
  let file: String
  var issues: [LintIssue]
  /// Line of each field path, for later reference checks.
  var lines: [String: Int] = [:]

  mutating func issue(_ line: Int, _ m: Message) { issues.append(LintIssue(file: file, line: line, message: m)) }

  func line(_ n: Node) -> Int { max(1, n.mark?.line ?? 1) }  // Yams counts lines from 1

  /// A mapping's entries, refusing keys not in `allowed`.
  mutating func mapping(_ node: Node, allowed: Set<String>, context: String) -> [String: Node]? {
    guard case .mapping(let m) = node else {
      issue(line(node), Message.lintWrongKind(expected: "mapping", key: context))
      return nil
    }
    var out: [String: Node] = [:]
    for (k, v) in m {
      guard let key = k.string else { continue }
      if !allowed.contains(key) {
        issue(line(k), Message.lintUnknownKey(allowed: allowed.sorted().joined(separator: ", "), key: key))
        continue
      }
      out[key] = v
    }
    return out
  }

  mutating func string(_ m: [String: Node], _ key: String, at node: Node, required: Bool = true) -> String? {
    guard let v = m[key] else {
      if required { issue(line(node), Message.lintMissingKey(key: key)) }
      return nil
    }
    guard case .scalar = v, let s = v.string, !s.isEmpty else {
      issue(line(v), Message.lintWrongKind(expected: "text", key: key))
      return nil
    }
    return s
  }

  mutating func int(_ m: [String: Node], _ key: String) -> Int? {
    guard let v = m[key] else { return nil }
    guard let i = v.int else {
      issue(line(v), Message.lintWrongKind(expected: "integer", key: key))
      return nil
    }
    return i
  }

  mutating func bool(_ m: [String: Node], _ key: String) -> Bool {
    guard let v = m[key] else { return false }
    guard let b = v.bool else {
      issue(line(v), Message.lintWrongKind(expected: "true/false", key: key))
      return false
    }
    return b
  }

  mutating func localized(_ m: [String: Node], _ key: String, at node: Node, required: Bool = true) -> Localized? {
    guard let v = m[key] else {
      if required { issue(line(node), Message.lintMissingKey(key: key)) }
      return nil
    }
    guard let t = mapping(v, allowed: ["es", "en"], context: key) else { return nil }
    var es = t["es"]?.string
    var en = t["en"]?.string
    if es?.isEmpty ?? true {
      issue(line(v), Message.lintMissingTranslation(key: key, lang: "es"))
      es = nil
    }
    if en?.isEmpty ?? true {
      issue(line(v), Message.lintMissingTranslation(key: key, lang: "en"))
      en = nil
    }
    guard let es, let en else { return nil }
    return Localized(es: es.trimmingCharacters(in: .whitespacesAndNewlines), en: en.trimmingCharacters(in: .whitespacesAndNewlines))
  }

  mutating func sequence(_ m: [String: Node], _ key: String, at node: Node, required: Bool = true) -> [Node]? {
    guard let v = m[key] else {
      if required { issue(line(node), Message.lintMissingKey(key: key)) }
      return nil
    }
    guard case .sequence(let s) = v else {
      issue(line(v), Message.lintWrongKind(expected: "list", key: key))
      return nil
    }
    return Array(s)
  }

  mutating func version(_ m: [String: Node], at node: Node, newest: Int) -> Int? {
    guard let v = int(m, "version") else {
      if m["version"] == nil { issue(line(node), Message.lintMissingKey(key: "version")) }
      return nil
    }
    if v > newest || v < 1 {
      issue(line(m["version"] ?? node), Message.lintNewerVersion(found: String(v), known: String(newest)))
      return nil
    }
    return v
  }

  mutating func parse(_ text: String) -> Node? {
    do {
      guard let node = try Yams.compose(yaml: text) else {
        issue(1, Message.lintEmptyFile)
        return nil
      }
      return node
    } catch let e as YamlError {
      var l = 1
      switch e {
      case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): l = max(1, mark.line)
      default: break
      }
      issue(l, Message.lintYAML(reason: "\(e)".split(separator: "\n").first.map(String.init) ?? ""))
      return nil
    } catch {
      issue(1, Message.lintYAML(reason: "\(error)"))
      return nil
    }
  }

  static let idPattern = try? NSRegularExpression(pattern: "^[a-z0-9][a-z0-9_-]*$")

  mutating func checkID(_ id: String, at node: Node) {
    let range = NSRange(id.startIndex..., in: id)
    if Self.idPattern?.firstMatch(in: id, range: range) == nil {
      issue(line(node), Message.lintBadID(id: id))
    }
  }

  // MARK: Exercises

  mutating func exercise(_ text: String) -> ExerciseDef? {
    guard let root = parse(text),
      let m = mapping(root, allowed: ["version", "id", "title", "intro", "drawing", "steps", "complete", "checks"], context: "exercise")
    else { return nil }
    let version = self.version(m, at: root, newest: ExerciseDef.formatVersion)
    let id = string(m, "id", at: root)
    if let id, let n = m["id"] { checkID(id, at: n) }
    let title = localized(m, "title", at: root)
    let intro = localized(m, "intro", at: root)
    var drawing = Drawing.sheet
    if let d = string(m, "drawing", at: root, required: false) {
      if let dd = Drawing(rawValue: d) {
        drawing = dd
      } else {
        issue(
          line(m["drawing"] ?? root),
          Message.lintBadValue(allowed: Drawing.allCases.map(\.rawValue).joined(separator: ", "), key: "drawing", value: d))
      }
    }
    var steps: [StepDef] = []
    var seenFields = Set<String>()
    for s in sequence(m, "steps", at: root) ?? [] {
      guard let sm = mapping(s, allowed: ["id", "title", "fields"], context: "step") else { continue }
      let sid = string(sm, "id", at: s)
      let stitle = localized(sm, "title", at: s)
      var fields: [FieldDef] = []
      for f in sequence(sm, "fields", at: s) ?? [] {
        if let fd = field(f, path: "") {
          if seenFields.contains(fd.id) { issue(line(f), Message.lintDuplicateID(id: fd.id, other: file)) }
          seenFields.insert(fd.id)
          fields.append(fd)
        }
      }
      if let sid, let stitle { steps.append(StepDef(id: sid, title: stitle, fields: fields)) }
    }
    guard let version, let id, let title, let intro else { return nil }
    var def = ExerciseDef(version: version, id: id, title: title, intro: intro, drawing: drawing, steps: steps)
    def.complete = completion(m, def: def, at: root)
    def.checks = checks(m, def: def, at: root)
    return def
  }

  static let fieldKeys: Set<String> = [
    "id", "kind", "prompt", "help", "hint", "example", "required", "options", "multiple", "other", "min", "max",
    "min_items", "max_items", "fields", "defaults", "ref", "prefill", "name", "quick", "decimals",
  ]

  /// A list of field ids (`[nombre, momento]`), each checked against `known`.
  mutating func ids(_ m: [String: Node], _ key: String, known: [FieldDef], context: String) -> [String] {
    var out: [String] = []
    for n in sequence(m, key, at: m[key] ?? .scalar(.init("")), required: false) ?? [] {
      guard let f = n.string, !f.isEmpty else {
        issue(line(n), Message.lintWrongKind(expected: "text", key: key))
        continue
      }
      if !known.contains(where: { $0.id == f }) { issue(line(n), Message.lintDangling(ref: context + "." + f)) }
      out.append(f)
    }
    return out
  }

  /// `complete:`: what must be there for the exercise to be complete.
  mutating func completion(_ m: [String: Node], def: ExerciseDef, at root: Node) -> [CompletionRule] {
    var out: [CompletionRule] = []
    for n in sequence(m, "complete", at: root, required: false) ?? [] {
      guard let rm = mapping(n, allowed: ["field", "min", "fields"], context: "complete"),
        let f = string(rm, "field", at: n)
      else { continue }
      guard let field = def.field(f) else {
        issue(line(n), Message.lintDangling(ref: def.id + "." + f))
        continue
      }
      let sub = ids(rm, "fields", known: field.fields, context: def.id + "." + f)
      out.append(CompletionRule(field: f, min: int(rm, "min"), fields: sub))
    }
    return out
  }

  /// `checks:`: the course's criteria, each a condition, a requirement and a sentence.
  mutating func checks(_ m: [String: Node], def: ExerciseDef, at root: Node) -> [RubricCheck] {
    var out: [RubricCheck] = []
    for n in sequence(m, "checks", at: root, required: false) ?? [] {
      guard let cm = mapping(n, allowed: ["id", "each", "when", "require", "message"], context: "checks"),
        let id = string(cm, "id", at: n), let message = localized(cm, "message", at: n)
      else { continue }
      var scope = def.fields
      let each = string(cm, "each", at: n, required: false)
      if let each {
        guard let list = def.field(each), list.kind == .list else {
          issue(line(n), Message.lintDangling(ref: def.id + "." + each))
          continue
        }
        scope = list.fields
      }
      func known(_ f: String) -> Bool {
        if scope.contains(where: { $0.id == f }) { return true }
        issue(line(n), Message.lintDangling(ref: def.id + "." + (each.map { $0 + "." } ?? "") + f))
        return false
      }
      var when: [CheckCondition] = []
      if let w = string(cm, "when", at: n, required: false) {
        switch CheckCondition.parse(w) {
        case .success(let c):
          when = c
          _ = c.flatMap(\.fields).allSatisfy(known)
        case .failure(let bad):
          issue(
            line(cm["when"] ?? n),
            Message.lintBadValue(allowed: "FIELD <= N, FIELD >= N, FIELD < FIELD, FIELD, not FIELD (and …)", key: "when", value: bad.part))
        }
      }
      guard let rn = cm["require"], let rm = mapping(rn, allowed: ["filled", "referenced_by", "refs_exist"], context: "require"),
        rm.count == 1
      else {
        issue(line(n), Message.lintMissingKey(key: "require"))
        continue
      }
      var require: CheckRequirement?
      if let f = string(rm, "filled", at: rn, required: false), known(f) { require = .filled(f) }
      if let f = string(rm, "refs_exist", at: rn, required: false), known(f) { require = .refsExist(f) }
      if let r = string(rm, "referenced_by", at: rn, required: false) {
        let p = r.split(separator: ".").map(String.init)
        if p.count == 3 {
          require = .referencedBy(exercise: p[0], list: p[1], field: p[2])
        } else {
          issue(line(rn), Message.lintDangling(ref: r))
        }
      }
      if let require { out.append(RubricCheck(id: id, each: each, when: when, require: require, message: message)) }
    }
    return out
  }

  mutating func field(_ node: Node, path: String) -> FieldDef? {
    guard let m = mapping(node, allowed: Self.fieldKeys, context: "field") else { return nil }
    guard let id = string(m, "id", at: node) else { return nil }
    if let n = m["id"] { checkID(id, at: n) }
    let fullPath = path.isEmpty ? id : path + "." + id
    lines[fullPath] = line(node)
    var kind: FieldKind?
    if let k = string(m, "kind", at: node) {
      kind = FieldKind(rawValue: k)
      if kind == nil {
        issue(
          line(m["kind"] ?? node),
          Message.lintBadValue(allowed: FieldKind.allCases.map(\.rawValue).joined(separator: ", "), key: "kind", value: k))
      }
    }
    let prompt = localized(m, "prompt", at: node)
    let help = localized(m, "help", at: node)
    let hint = localized(m, "hint", at: node)
    let example = localized(m, "example", at: node)
    var options: [Option] = []
    for o in sequence(m, "options", at: node, required: kind == .choice) ?? [] {
      guard let om = mapping(o, allowed: ["id", "es", "en", "help"], context: "option") else { continue }
      guard let oid = string(om, "id", at: o) else { continue }
      guard let es = string(om, "es", at: o), let en = string(om, "en", at: o) else { continue }
      options.append(Option(id: oid, label: Localized(es: es, en: en), help: localized(om, "help", at: o, required: false)))
    }
    var subfields: [FieldDef] = []
    for f in sequence(m, "fields", at: node, required: kind == .list) ?? [] {
      if let fd = field(f, path: fullPath) { subfields.append(fd) }
    }
    var defaults: [[String: String]] = []
    for d in sequence(m, "defaults", at: node, required: false) ?? [] {
      guard case .mapping(let dm) = d else {
        issue(line(d), Message.lintWrongKind(expected: "mapping", key: "defaults"))
        continue
      }
      var item: [String: String] = [:]
      var english: [String: String] = [:]
      for (k, v) in dm {
        guard let k = k.string, let v = v.string else { continue }
        // `nombre@en`: how the suggested answer reads in English.
        if k.hasSuffix("@en") { english[String(k.dropLast(3))] = v } else { item[k] = v }
      }
      for (k, en) in english {
        guard let es = item[k], let i = subfields.firstIndex(where: { $0.id == k }) else {
          issue(line(d), Message.lintDangling(ref: fullPath + "." + k + "@en"))
          continue
        }
        subfields[i].translations[es] = en
      }
      defaults.append(item)
    }
    if defaults.count > ContentLimits.maximumDefaults {
      issue(
        line(m["defaults"] ?? node),
        Message.lintTooManyDefaults(count: String(defaults.count), limit: String(ContentLimits.maximumDefaults)))
    }
    var ref: RefTarget?
    if let r = string(m, "ref", at: node, required: kind == .ref) {
      let parts = r.split(separator: ".").map(String.init)
      if parts.count == 2 {
        ref = RefTarget(exercise: parts[0], list: parts[1])
      } else {
        issue(line(m["ref"] ?? node), Message.lintDangling(ref: r))
      }
    }
    let minV = int(m, "min")
    let maxV = int(m, "max")
    if kind == .scale && (minV == nil || maxV == nil || (minV ?? 0) >= (maxV ?? 0)) {
      issue(line(node), Message.lintMissingKey(key: "min/max"))
    }
    let quick = ids(m, "quick", known: subfields, context: fullPath)
    guard let kind, let prompt, let help, let hint, let example else { return nil }
    return FieldDef(
      id: id, kind: kind, prompt: prompt, help: help, hint: hint, example: example, required: bool(m, "required"),
      options: options, multiple: bool(m, "multiple"), other: bool(m, "other"), min: minV, max: maxV,
      minItems: int(m, "min_items"), maxItems: int(m, "max_items"), fields: subfields, defaults: defaults, ref: ref,
      prefill: string(m, "prefill", at: node, required: false), name: localized(m, "name", at: node, required: false),
      quick: quick, decimals: int(m, "decimals") ?? 0)
  }

  // MARK: Agendas

  mutating func agenda(_ text: String) -> Agenda? {
    guard let root = parse(text),
      let m = mapping(root, allowed: ["version", "id", "title", "team_size", "scale_max", "exercises", "grading"], context: "workshop")
    else { return nil }
    let version = self.version(m, at: root, newest: Agenda.formatVersion)
    let id = string(m, "id", at: root)
    let title = localized(m, "title", at: root)
    let teamSize = int(m, "team_size") ?? 3
    let scaleMax = int(m, "scale_max") ?? 20
    var items: [AgendaItem] = []
    for (i, e) in (sequence(m, "exercises", at: root) ?? []).enumerated() {
      guard let em = mapping(e, allowed: ["exercise", "timeboxes", "rubric"], context: "exercise") else { continue }
      lines["exercises.\(i)"] = line(e)
      guard let ex = string(em, "exercise", at: e) else { continue }
      var boxes: [String: Int] = [:]
      if let tb = em["timeboxes"] {
        if case .mapping(let tm) = tb {
          for (k, v) in tm {
            guard let k = k.string, let minutes = v.int, minutes > 0 else {
              issue(line(v), Message.lintWrongKind(expected: "minutes", key: "timeboxes"))
              continue
            }
            boxes[k] = minutes
          }
        } else {
          issue(line(tb), Message.lintWrongKind(expected: "mapping", key: "timeboxes"))
        }
      }
      // What the instructor looks at when grading the exercise.
      var rubric: [Localized] = []
      for r in sequence(em, "rubric", at: e, required: false) ?? [] {
        if let l = localized(["rubric": r], "rubric", at: r) { rubric.append(l) }
      }
      items.append(AgendaItem(exercise: ex, timeboxes: boxes, rubric: rubric))
    }
    var grading: [GradeItem] = []
    for g in sequence(m, "grading", at: root) ?? [] {
      guard let gm = mapping(g, allowed: ["id", "title", "weight", "exercises"], context: "grading") else { continue }
      guard let gid = string(gm, "id", at: g), let gt = localized(gm, "title", at: g) else { continue }
      lines["grading.\(gid)"] = line(g)
      let weight = int(gm, "weight") ?? 0
      let exs = (sequence(gm, "exercises", at: g, required: false) ?? []).compactMap(\.string)
      grading.append(GradeItem(id: gid, title: gt, weight: weight, exercises: exs))
    }
    let total = grading.reduce(0) { $0 + $1.weight }
    if !grading.isEmpty && total != 100 {
      issue(line(m["grading"] ?? root), Message.lintWeights(total: String(total)))
    }
    guard let version, let id, let title else { return nil }
    return Agenda(version: version, id: id, title: title, teamSize: teamSize, scaleMax: scaleMax, exercises: items, grading: grading)
  }
}
