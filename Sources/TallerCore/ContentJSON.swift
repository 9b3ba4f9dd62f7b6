import Foundation

/// Reads the built-in content from its compiled JSON by hand, with the strict JSON parser.
///
/// Written by hand because Foundation's `JSONDecoder` spent about 40% of taller's start-up
/// (`taller -c version`) here: each `Decodable` type and container is looked up at run time
/// the first time it is decoded (`swift_conformsToProtocol` scans the binary's conformance
/// records). The result is the same value `JSONDecoder` gives for the same text (a test holds
/// them to each other); the `Codable` conformances stay, for writing the compiled form and for
/// anything else.
enum ContentJSON {
  struct Failure: Error, CustomStringConvertible {
    var path: String
    var description: String { "content JSON: \(path)" }
  }

  /// An object's members, read by key with the path kept for errors.
  struct Object {
    let members: [String: JSONValue]
    let path: String

    init(_ v: JSONValue?, _ path: String) throws(Failure) {
      guard case .object(let m)? = v else { throw Failure(path: path) }
      members = m
      self.path = path
    }

    func string(_ k: String) throws(Failure) -> String {
      guard let s = members[k]?.stringValue else { throw Failure(path: path + "." + k) }
      return s
    }
    func optionalString(_ k: String) throws(Failure) -> String? {
      guard let v = members[k], v != .null else { return nil }
      guard let s = v.stringValue else { throw Failure(path: path + "." + k) }
      return s
    }
    func int(_ k: String) throws(Failure) -> Int {
      guard let n = members[k]?.intValue, let i = Int(exactly: n) else { throw Failure(path: path + "." + k) }
      return i
    }
    func optionalInt(_ k: String) throws(Failure) -> Int? {
      guard let v = members[k], v != .null else { return nil }
      guard let n = v.intValue, let i = Int(exactly: n) else { throw Failure(path: path + "." + k) }
      return i
    }
    func bool(_ k: String) throws(Failure) -> Bool {
      guard let b = members[k]?.boolValue else { throw Failure(path: path + "." + k) }
      return b
    }
    func localized(_ k: String) throws(Failure) -> Localized {
      let o = try Object(members[k], path + "." + k)
      return Localized(es: try o.string("es"), en: try o.string("en"))
    }
    func optionalLocalized(_ k: String) throws(Failure) -> Localized? {
      guard let v = members[k], v != .null else { return nil }
      return try localized(k)
    }
    /// An array's elements, each read by `element` (absent: empty).
    func array<T>(_ k: String, _ element: (JSONValue, String) throws(Failure) -> T) throws(Failure) -> [T] {
      guard let v = members[k] else { return [] }
      guard case .array(let items) = v else { throw Failure(path: path + "." + k) }
      var out: [T] = []
      out.reserveCapacity(items.count)
      for (i, item) in items.enumerated() { out.append(try element(item, "\(path).\(k)[\(i)]")) }
      return out
    }
    func strings(_ k: String) throws(Failure) -> [String] {
      try array(k) { (v, p) throws(Failure) in
        guard let s = v.stringValue else { throw Failure(path: p) }
        return s
      }
    }
    /// A map of strings to strings (absent: empty).
    func stringMap(_ k: String) throws(Failure) -> [String: String] {
      guard let v = members[k] else { return [:] }
      return try Self.stringMap(v, path + "." + k)
    }
    static func stringMap(_ v: JSONValue, _ path: String) throws(Failure) -> [String: String] {
      guard case .object(let m) = v else { throw Failure(path: path) }
      var out: [String: String] = [:]
      for (key, value) in m {
        guard let s = value.stringValue else { throw Failure(path: path + "." + key) }
        out[key] = s
      }
      return out
    }
    /// The one case of an enum with associated values, as `JSONEncoder` writes it:
    /// `{"case": {"label": value, …}}` (`_0` for an unlabelled value).
    func enumCase(_ k: String) throws(Failure) -> (name: String, values: Object) {
      try Self.enumCase(members[k], path + "." + k)
    }
    static func enumCase(_ v: JSONValue?, _ path: String) throws(Failure) -> (name: String, values: Object) {
      guard case .object(let m)? = v, m.count == 1, let (name, inner) = m.first else { throw Failure(path: path) }
      return (name, try Object(inner, path + "." + name))
    }
  }

  static func content(_ text: String) throws(Failure) -> Content {
    let root: JSONValue
    do { root = try StrictJSONParser.parse(text) } catch { throw Failure(path: "(not JSON: \(error))") }
    let o = try Object(root, "content")
    return Content(agenda: try agenda(o.members["agenda"], "content.agenda"), exercises: try o.array("exercises", exercise))
  }

  static func agenda(_ v: JSONValue?, _ path: String) throws(Failure) -> Agenda {
    let o = try Object(v, path)
    return Agenda(
      version: try o.int("version"), id: try o.string("id"), title: try o.localized("title"), teamSize: try o.int("teamSize"),
      scaleMax: try o.int("scaleMax"),
      exercises: try o.array("exercises") { (v, p) throws(Failure) in
        let i = try Object(v, p)
        var timeboxes: [String: Int] = [:]
        guard case .object(let m)? = i.members["timeboxes"] else { throw Failure(path: p + ".timeboxes") }
        for (key, value) in m {
          guard let n = value.intValue, let minutes = Int(exactly: n) else { throw Failure(path: p + ".timeboxes." + key) }
          timeboxes[key] = minutes
        }
        return AgendaItem(
          exercise: try i.string("exercise"), timeboxes: timeboxes,
          rubric: try i.array("rubric") { (v, p) throws(Failure) in
            let l = try Object(v, p)
            return Localized(es: try l.string("es"), en: try l.string("en"))
          })
      },
      grading: try o.array("grading") { (v, p) throws(Failure) in
        let g = try Object(v, p)
        return GradeItem(
          id: try g.string("id"), title: try g.localized("title"), weight: try g.int("weight"), exercises: try g.strings("exercises"))
      })
  }

  static func exercise(_ v: JSONValue, _ path: String) throws(Failure) -> ExerciseDef {
    let o = try Object(v, path)
    guard let drawing = Drawing(rawValue: try o.string("drawing")) else { throw Failure(path: path + ".drawing") }
    return ExerciseDef(
      version: try o.int("version"), id: try o.string("id"), title: try o.localized("title"), intro: try o.localized("intro"),
      drawing: drawing,
      steps: try o.array("steps") { (v, p) throws(Failure) in
        let s = try Object(v, p)
        return StepDef(id: try s.string("id"), title: try s.localized("title"), fields: try s.array("fields", field))
      },
      complete: try o.array("complete") { (v, p) throws(Failure) in
        let c = try Object(v, p)
        return CompletionRule(field: try c.string("field"), min: try c.optionalInt("min"), fields: try c.strings("fields"))
      },
      checks: try o.array("checks", check))
  }

  static func field(_ v: JSONValue, _ path: String) throws(Failure) -> FieldDef {
    let o = try Object(v, path)
    guard let kind = FieldKind(rawValue: try o.string("kind")) else { throw Failure(path: path + ".kind") }
    var ref: RefTarget?
    if let r = o.members["ref"], r != .null {
      let t = try Object(r, path + ".ref")
      ref = RefTarget(exercise: try t.string("exercise"), list: try t.string("list"))
    }
    var f = FieldDef(
      id: try o.string("id"), kind: kind, prompt: try o.localized("prompt"), help: try o.localized("help"), hint: try o.localized("hint"),
      example: try o.localized("example"), required: try o.bool("required"),
      options: try o.array("options") { (v, p) throws(Failure) in
        let op = try Object(v, p)
        return Option(id: try op.string("id"), label: try op.localized("label"), help: try op.optionalLocalized("help"))
      },
      multiple: try o.bool("multiple"), other: try o.bool("other"), min: try o.optionalInt("min"), max: try o.optionalInt("max"),
      minItems: try o.optionalInt("minItems"), maxItems: try o.optionalInt("maxItems"), fields: try o.array("fields", field),
      defaults: try o.array("defaults") { (v, p) throws(Failure) in try Object.stringMap(v, p) }, ref: ref,
      prefill: try o.optionalString("prefill"), name: try o.optionalLocalized("name"), quick: try o.strings("quick"),
      decimals: try o.int("decimals"))
    f.translations = try o.stringMap("translations")
    return f
  }

  static func check(_ v: JSONValue, _ path: String) throws(Failure) -> RubricCheck {
    let o = try Object(v, path)
    let when = try o.array("when") { (v, p) throws(Failure) -> CheckCondition in
      let (name, a) = try Object.enumCase(v, p)
      switch name {
      case "atMost": return .atMost(field: try a.string("field"), value: Int64(try a.int("value")))
      case "atLeast": return .atLeast(field: try a.string("field"), value: Int64(try a.int("value")))
      case "less": return .less(field: try a.string("field"), than: try a.string("than"))
      case "filled": return .filled(try a.string("_0"))
      case "empty": return .empty(try a.string("_0"))
      default: throw Failure(path: p + "." + name)
      }
    }
    let (name, a) = try o.enumCase("require")
    let require: CheckRequirement
    switch name {
    case "filled": require = .filled(try a.string("_0"))
    case "referencedBy":
      require = .referencedBy(exercise: try a.string("exercise"), list: try a.string("list"), field: try a.string("field"))
    case "refsExist": require = .refsExist(try a.string("_0"))
    default: throw Failure(path: path + ".require." + name)
    }
    return RubricCheck(
      id: try o.string("id"), each: try o.optionalString("each"), when: when, require: require, message: try o.localized("message"))
  }
}
