import Foundation
import Testing

@testable import TallerCore

@Suite("Message catalogs")
struct CatalogTests {
  @Test("every key exists in every language, with the same placeholders", arguments: L.allCases)
  func keyInEveryLanguage(key: L) throws {
    let es = try #require(Lang.es.catalog[key], "missing in Spanish: \(key.rawValue)")
    let en = try #require(Lang.en.catalog[key], "missing in English: \(key.rawValue)")
    #expect(!es.isEmpty && !en.isEmpty)
    #expect(Message.placeholders(es) == Message.placeholders(en), "placeholders differ for \(key.rawValue)")
  }

  @Test("the typed messages are generated from the catalogs (not stale)")
  func typedMessages() throws {
    let url = packageRoot.appendingPathComponent("Sources/TallerCore/Messages+Typed.swift")
    let built = Message.typedSource()
    if recording {
      try built.write(to: url, atomically: true, encoding: .utf8)
      Issue.record("Recorded Messages+Typed.swift; build and run again without TALLER_RECORD.")
      return
    }
    #expect(try String(contentsOf: url, encoding: .utf8) == built, "stale: run TALLER_RECORD=1 swift test")
  }

  @Test("no source builds a message that has placeholders without its typed constructor")
  func noUntypedMessages() throws {
    let withPlaceholders = Set(L.allCases.filter { !Message.placeholders(Lang.es.catalog[$0] ?? "").isEmpty }.map { "\($0)" })
    var offenders: [String] = []
    for dir in ["Sources", "Tests", "Benchmarks"] {
      let root = packageRoot.appendingPathComponent(dir)
      let files = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
      for f in files where !f.hasSuffix("Messages+Typed.swift") {
        let text = try String(contentsOf: root.appendingPathComponent(f), encoding: .utf8)
        var rest = Substring(text)
        while let r = rest.range(of: "Message(.") {
          let name = rest[r.upperBound...].prefix { $0.isLetter || $0.isNumber }
          if withPlaceholders.contains(String(name)) { offenders.append("\(dir)/\(f): \(name)") }
          rest = rest[r.upperBound...]
        }
      }
    }
    #expect(offenders.isEmpty, "use the typed constructors: \(offenders.prefix(20))")
  }

  @Test("catalogs hold no keys beyond the list")
  func noStrayKeys() {
    #expect(Lang.es.catalog.count == L.allCases.count)
    #expect(Lang.en.catalog.count == L.allCases.count)
  }

  @Test("placeholders are filled; unknown ones are left as written")
  func formatting() {
    #expect(Message.format("Hola {name}, {x}", ["name": "Ana"]) == "Hola Ana, {x}")
    #expect(Message.teamCreated(team: "Los Incas").text(.en) == "✓ Team \"Los Incas\" created; it is the current team.")
  }

  @Test("a reason inside a message is said in the language the message is shown in")
  func translatedReasons() {
    let m = Message.notAllowed(reason: "").saying("reason", .reasonNotListItem)
    #expect(m.text(.es) == "Esta laptop no puede hacer ese cambio (no es un elemento de una lista).")
    #expect(m.text(.en) == "This laptop may not make that change (not an item of a list).")
    #expect(m != Message.notAllowed(reason: ""))
    #expect(m == Message.notAllowed(reason: "").saying("reason", .reasonNotListItem))
    #expect(m == Message.notAllowed(reason: .reasonNotListItem))
  }

  @Test(
    "lenient language names",
    arguments: [("es", Lang.es), ("Español", .es), ("es_PE.UTF-8", .es), ("en", .en), ("English", .en), ("inglés", .en)])
  func lenientLang(text: String, lang: Lang) {
    #expect(Lang(lenient: text) == lang)
  }

  @Test("human lists use y / e / and")
  func humanLists() {
    #expect(Text.list(["Ana", "José"], lang: .es) == "Ana y José")
    #expect(Text.list(["Ana", "Inés"], lang: .es) == "Ana e Inés")
    #expect(Text.list(["Ana", "José", "Luz"], lang: .en) == "Ana, José and Luz")
  }
}

@Suite("Canonical JSON")
struct JSONTests {
  @Test("hexadecimal reads back what it wrote, either case, and nothing else")
  func hex() {
    let bytes: [UInt8] = Array(0...255)
    #expect(Hex.bytes(Hex.encode(bytes)) == bytes)
    #expect(Hex.bytes("00FFaB") == [0x00, 0xFF, 0xAB])
    #expect(Hex.bytes("") == [])
    for bad in ["0", "0g", "zz", "０１", "12 4", "ñ1"] { #expect(Hex.bytes(bad) == nil, "\(bad)") }
  }

  @Test("keys are sorted by UTF-8 bytes and strings minimally escaped")
  func canonical() {
    let v: JSONValue = ["b": 1, "a": ["x", true, nil], "ñ": "José \"J\"\n\u{01}", "Z": -5]
    #expect(CanonicalJSON.encode(v) == #"{"Z":-5,"a":["x",true,null],"b":1,"ñ":"José \"J\"\n\u0001"}"#)
  }

  @Test("parse gives back what was encoded")
  func roundTrip() throws {
    let v: JSONValue = ["ops": [["k": "set", "v": "¿qué? ü ñ 😀"]], "n": 9_007_199_254_740_993]
    #expect(try StrictJSONParser.parse(CanonicalJSON.encode(v)) == v)
    #expect(try StrictJSONParser.parse(#"{"a":"\ud83d\ude00\/"}"#) == ["a": "😀/"])
  }

  @Test(
    "strictness: floats, duplicates, bad escapes, trailing text, deep nesting are refused",
    arguments: [
      "1.5", "{\"a\":1,\"a\":2}", "\"\\x\"", "[1,]", "{} x", "01", "\"\\ud800\"", "tru", "\"a\u{01}\"",
      String(repeating: "[", count: 100) + String(repeating: "]", count: 100), "99999999999999999999",
    ])
  func refuses(text: String) {
    #expect(throws: JSONParseError.self) { try StrictJSONParser.parse(text) }
  }

  @Test("invalid UTF-8 inside a string is refused")
  func badUTF8() {
    #expect(throws: JSONParseError.self) { try StrictJSONParser.parse([0x22, 0xC3, 0x28, 0x22]) }
  }
}

@Suite("Change log model")
struct ChangeModelTests {
  @Test("derived ids are the first half of the parts' SHA-256, shaped as a UUID (every laptop derives the same)")
  func stableIDs() {
    #expect(StableID.make("sheet", "equipo", "marca-peruana") == "a5687703-e7ae-506a-86c3-07f7a2547182")
    #expect(StableID.version(StableID.make("x")) == "5")
  }

  @Test("a change's body is canonical and parses back to the same change")
  func changeBody() throws {
    let c = Change(
      replica: "r1", seq: 3, hlc: HLC(millis: 10, counter: 2), author: "Ana", prev: "abc",
      ops: [
        .create(entity: "e1", type: "team", parent: nil),
        .set(entity: "e1", field: "name", value: "Los Incas", pred: [OpID(replica: "r0", seq: 1, index: 0)], seen: []),
      ])
    #expect(
      c.body
        == #"{"author":"Ana","hlc":[10,2],"ops":[{"e":"e1","k":"create","t":"team"},{"e":"e1","f":"name","k":"set","pred":["r0:1:0"],"v":"Los Incas"}],"prev":"abc","replica":"r1","seq":3,"v":1}"#
    )
    #expect(try Change(body: c.body) == c)
    #expect(Change.hash(ofBody: c.body).count == 64)
  }

  @Test("the direct change decoder accepts and refuses exactly what the tree parser does")
  func directDecoderMatchesTree() {
    let seeds = [
      Change(
        replica: "r1", seq: 3, hlc: HLC(millis: 10, counter: 2), author: "Begoña", prev: "abc",
        ops: [
          .create(entity: "e1", type: "item", parent: "s1"),
          .set(entity: "e1", field: "nombre", value: "Café \"Ñ\"\n", pred: [OpID(replica: "r0", seq: 1, index: 0)], seen: []),
          .set(
            entity: "e1", field: "deleted", value: .bool(true), pred: [],
            seen: [OpID(replica: "r0", seq: 1, index: 1), OpID(replica: "r1", seq: 2, index: 0)]),
          .set(entity: "e1", field: "x", value: .object(["a": .array([.int(-5), .null, .object([:])])]), pred: [], seen: []),
        ]
      ).body,
      Change(replica: "r2", seq: 1, hlc: HLC(millis: 0, counter: 0), author: "", prev: nil, ops: []).body,
      #"{"v":1,"replica":"r","seq":1,"hlc":[1,2],"author":"a","ops":[{"k":"create","e":"x","t":"team","p":5,"zz":[1]}],"extra":{"k":[]}}"#,
      #"{"v":1,"replica":"r","seq":1,"hlc":[1,2],"author":"a","ops":[{"k":"set","e":"x","f":"g","v":null,"pred":[],"seen":"no"}]}"#,
    ]
    let snippets: [[UInt8]] =
      [
        #"""#, "{", "}", "[", "]", ",", ":", "1", "-", "0", "01", "1.5", "1e3", "null", "true", #""k""#, #""v":1,"#, #""seq":"#,
        #""pred":["r:1:0"],"#, #""seen":[1],"#, #""ops":[],"#, #""hlc":[1],"#, #"\u00e9"#, #"\ud800"#, #"\"#, " ", "\n",
        #""e":"","#, #""k":"set","#, "99999999999999999999",
      ].map { Array($0.utf8) } + [[0xFF], [0xC3], [0x01], [0xE2, 0x82]]
    var rng = SplitMix64(seed: 42)
    var mismatches: [String] = []
    var accepted = 0
    for round in 0..<20_000 {
      var b = Array(seeds[round % seeds.count].utf8)
      for _ in 0..<Int.random(in: 1...3, using: &rng) {
        let at = Int.random(in: 0...b.count, using: &rng)
        switch Int.random(in: 0..<4, using: &rng) {
        case 0: b.insert(contentsOf: snippets.randomElement(using: &rng)!, at: at)
        case 1 where at < b.count: b.remove(at: at)
        case 2 where at < b.count: b[at] = UInt8.random(in: 0...255, using: &rng)
        default:
          // Cut a slice out: drops whole members or items as often as it breaks the text.
          let end = min(b.count, at + Int.random(in: 1...12, using: &rng))
          b.removeSubrange(at..<end)
        }
      }
      let direct = Result { () throws(JSONParseError) in try Change(bytes: b) }
      let tree = Result { () throws(JSONParseError) in try Change.viaTree(b) }
      if direct != tree, mismatches.count < 5 { mismatches.append("\(String(decoding: b, as: UTF8.self)): \(direct) vs \(tree)") }
      if case .success = tree { accepted += 1 }
    }
    for seed in seeds { #expect((try? Change(body: seed)) == (try? Change.viaTree(Array(seed.utf8)))) }
    #expect(mismatches.isEmpty, "\(mismatches)")
    #expect(accepted > 100, "the mutations should leave some changes valid")
  }

  @Test("the clock never goes backwards, even when the wall clock does")
  func hlcTick() {
    let a = HLC.tick(last: nil, now: 100)
    let b = HLC.tick(last: a, now: 50)
    let c = HLC.tick(last: b, now: 200)
    #expect(a < b && b < c)
    #expect(b == HLC(millis: 100, counter: 1))
  }

  @Test("op ids parse only in their exact form", arguments: ["r:1:0", "a-b:12:3"])
  func opIDs(text: String) throws {
    #expect(try #require(OpID(text)).description == text)
  }

  @Test("malformed op ids are refused", arguments: ["", "r:0:0", "r:1", ":1:0", "r:x:0", "r:1:-1"])
  func badOpIDs(text: String) {
    #expect(OpID(text) == nil)
  }
}

@Suite("Names")
struct NameTests {
  @Test("names are cleaned: NFC, trimmed, inner spaces collapsed")
  func cleaning() throws {
    #expect(try Names.validate("  Jose\u{301}   Pérez ") == "José Pérez")
  }

  @Test(
    "spaces are trimmed as Foundation trims them, with or without its help",
    arguments: ["set a.b x", " set", "set\t", "\u{A0}sí\u{3000}", "a\n", "\u{7}x", "", " ", "ñandú", "x\u{301}", "~ ~"])
  func trimming(_ s: String) {
    #expect(Text.trimmingSpaces(s) == s.trimmingCharacters(in: .whitespaces))
    #expect(Text.trimmingSpaces(s, andNewlines: true) == s.trimmingCharacters(in: .whitespacesAndNewlines))
  }

  @Test(
    "a newline or a backslash is replaced on bytes as Foundation replaces it",
    arguments: ["", "sin salto", "a\nb", "\n", "\n\n", "Ñandú\n«ají»\r\n☕️ café", "x\u{301}\ny", "🇵🇪\n", "C:\\taller\\n\n"])
  func replacingNewlines(_ s: String) {
    #expect(Text.replacing("\n", in: s, with: "<br>") == s.replacingOccurrences(of: "\n", with: "<br>"))
    #expect(Text.replacing("\n", in: s, with: " ") == s.replacingOccurrences(of: "\n", with: " "))
    #expect(Text.replacing("\\", in: s, with: "\\\\") == s.replacingOccurrences(of: "\\", with: "\\\\"))
  }

  @Test("text is folded as Foundation folds it, with or without its help")
  func folding() {
    for scalar in Text.latinBases.keys.compactMap(Unicode.Scalar.init) {
      #expect(Text.fold(String(scalar)) == Text.foundationFold(String(scalar)), "\(scalar)")
    }
    #expect(Text.latinBases.count == 53)
    for s in [
      "  Set MARCA-Peruana.Marca ", "  Sesión ", "AÑADIR", "Perú Über-Ñandú 2", "e\u{301}", "ﬁn", "Ｆｕｌｌ", "straße", "Ø", "Añejo\t", "ñ\n",
    ] {
      #expect(Text.fold(s) == Text.foundationFold(s), "\(s)")
    }
  }

  @Test("empty, too long and control characters are refused")
  func refusals() {
    #expect(throws: TallerError.refused(Message.nameEmpty)) { try Names.validate("   ") }
    #expect(throws: TallerError.self) { try Names.validate(String(repeating: "a", count: 61)) }
    #expect(throws: TallerError.self) { try Names.validate("a\u{07}b") }
  }

  @Test("the same name ignoring case and accents")
  func sameness() {
    #expect(Names.same("José Pérez", "jose perez"))
    #expect(!Names.same("Ana", "Anna"))
    #expect(Names.splitList("Ana Muñoz, José Pérez,, ") == ["Ana Muñoz", "José Pérez"])
  }
}
