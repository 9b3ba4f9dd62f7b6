import Foundation
import Testing

@testable import TallerCore
@testable import TallerShell
@testable import TallerStore

/// Issue 15: a team finishes each exercise inside its time box — quick entry, honest progress,
/// the rubric check, time boxes that hold.
@Suite("Walking inside the time box")
struct WalkTests {
  /// Wide enough that no sentence wraps.
  static let wide = Style(color: false, unicode: false, width: 300)

  func run(_ shell: Shell, _ lines: [String]) -> [LineResult] {
    lines.map { shell.execute($0, renderer: Renderer(style: Self.wide)) }
  }

  func sheet(_ shell: Shell, _ exercise: String) throws -> Sheet {
    try shell.context.store.sheet(teamID: try #require(shell.session.teamID), exercise: exercise)
  }

  func progress(_ shell: Shell, _ exercise: String) throws -> ExerciseProgress {
    let def = try #require(shell.context.content.exercise(exercise))
    return ExerciseProgress(sheet: try sheet(shell, exercise), def: def)
  }

  /// The walk of a team that knows its answers: 6 touchpoints, 3 moments of truth, a journey of
  /// 6 stages. Every line typed after `start` is a prompt answered.
  static let fastWalk: [String] = [
    "start puntos-contacto",
    "Cajero; durante; humano; 2; colas largas",
    "Instagram; antes; digital; 4",
    "Envase; después; estático; 3",
    "Web; antes; digital; 1; se cae",
    "Delivery; después; humano; 2",
    "Call center; después; humano; 3",
    "",  // the list is done
    "",  // no details now
    "start momentos-verdad",
    "1; primero; personal; producto; Pagar sin cola; Cola de 5 min; 4; 2; recuperación",
    "Web; cero; remoto; información; Web que cargue; Que cargue en 5 s; 4; 1; recuperación",
    "5; segundo; personal; producto; Llega caliente; Llega a tiempo; 4; 2; espontaneidad",
    "",
    "start mapa-viaje",
    "Rosa, 34",
    "Comprar bebidas para el almuerzo",
    "",  // no expectations now
    "Ve un anuncio; 2; 1",
    "Pregunta al cajero; 1; 0",
    "Paga en caja; 1; -1; la cola",
    "Toma la gaseosa; 3; 2",
    "Pide por delivery; 5; -2; tarda",
    "Deja de comprar; 6; -1",
    "",  // no seventh stage
    "",  // no details now
  ]

  @Test("6 touchpoints, 3 moments of truth and a 6-stage journey in at most 40 prompts, all complete")
  func fortyPrompts() throws {
    let shell = try makeShell()
    _ = run(shell, ["team create Kusi"])
    var prompts = 0
    for line in Self.fastWalk {
      let r = shell.execute(line, renderer: Renderer(style: .plain))
      #expect(!r.failed, "\(line): \(r.errors)")
      if !line.hasPrefix("start ") { prompts += 1 }
    }
    #expect(prompts <= 40, "\(prompts) prompts")
    for e in ["puntos-contacto", "momentos-verdad", "mapa-viaje"] {
      let p = try progress(shell, e)
      #expect(p.done, "\(e): \(p.missing)")
    }
    #expect(try sheet(shell, "puntos-contacto").items("puntos").count == 6)
    #expect(try sheet(shell, "momentos-verdad").items("momentos").count == 3)
    let stages = try sheet(shell, "mapa-viaje").items("etapas")
    #expect(stages.count == 6)
    #expect(stages.map { $0.values["emocion"] } == [1, 0, -1, 2, -2, -1].map { JSONValue.int($0) })
    #expect(stages[2].values["dolores"] == "la cola")
    #expect(shell.session.guided == nil, "the walk ended by itself")
  }

  @Test("one line per item: empty parts, names in either language, the read-back, the order shown once")
  func oneLinePerItem() throws {
    let shell = try makeShell()
    let r = run(
      shell,
      [
        "team create X", "start puntos-contacto", "Envase;; estatico; nota=Bonito", "Web; antes; digital; rating=1; note=se cae",
        "Caja; durante; humano; 2; a; b",
        "; durante; humano",
      ])
    #expect(r[1].output.contains("Escriban: nombre; momento (antes/durante/después); tipo (estático/humano/digital)"), "\(r[1].output)")
    #expect(r[2].output.contains("punto 1: Envase - estático - Bonito"), "\(r[2].output)")
    #expect(r[2].output.contains("falta: momento, valoración"))
    #expect(!r[2].output.contains("Escriban:"), "the order is shown once")
    #expect(r[3].output.contains("punto 2: Web - antes - digital - 1 - se cae"), "\(r[3].output)")
    #expect(r[4].failed && r[4].errors[0].contains("Sobra \"b\""), "\(r[4].errors)")
    #expect(r[5].failed && r[5].errors[0].contains("Falta \"nombre\""), "\(r[5].errors)")
    let items = try sheet(shell, "puntos-contacto").items("puntos")
    #expect(items.count == 2, "refused lines save nothing")
    #expect(items[0].values["momento"] == nil && items[0].values["nota"] == "Bonito")
    #expect(items[1].values["valoracion"] == 1 && items[1].values["nota"] == "se cae")
  }

  @Test("the field-by-field walk stays, a word away; required parts first, the rest offered")
  func fieldsAndDetails() throws {
    let shell = try makeShell(lang: .en)
    let r = run(
      shell,
      [
        "team create X", "start puntos-contacto", "fields", "Cashier", "during", "human", "2", "", "quick",
        "Web; before; digital; 1", "Box; after; static; 3", "", "y", "purchase", "checkout", "Store operations",
      ])
    #expect(r[2].output.contains("Touchpoint name"), "\(r[2].output)")
    #expect(r[11].output.contains("More details? (stage, channel, owner) y/N"), "\(r[11].output)")
    #expect(r[12].output.contains("Stage of the experience"), "\(r[12].output)")
    let first = try #require(try sheet(shell, "puntos-contacto").items("puntos").first)
    #expect(first.values["nombre"] == "Cashier" && first.values["valoracion"] == 2 && first.values["nota"] == nil)
    #expect(first.values["etapa"] == "compra" && first.values["canal"] == "cajas" && first.values["area"] == "Store operations")
    #expect(try shell.context.store.walk(team: try #require(shell.session.teamID))?.mode == .line)
    // Back inside the details (now at item 2's stage): item 1's last field, the fields before
    // it, then the offer again.
    let back = run(shell, ["back", "back", "back", "back"])
    #expect(back[0].output.contains("touchpoint 1 - Cashier") && back[0].output.contains("Owner area"), "\(back[0].output)")
    #expect(back[1].output.contains("Channel"), "\(back[1].output)")
    #expect(back[2].output.contains("Stage of the experience"), "\(back[2].output)")
    #expect(back[3].output.contains("More details?"), "\(back[3].output)")
    #expect(run(shell, [""])[0].output.contains("End of \"Touchpoint mapping\""), "Enter at the offer goes on")
  }

  @Test(
    "choices take what students type",
    arguments: [
      ("primero", "fmot"), ("primer", "fmot"), ("cero", "zmot"), ("ZERO", "zmot"), ("segundo momento", "smot"), ("2", "fmot"),
      ("first", "fmot"), ("momento cero", "zmot"),
    ])
  func choices(typed: String, id: String) throws {
    let def = try #require(try BuiltinContent.content.get().exercise("momentos-verdad"))
    let tipo = try #require(def.field("momentos")?.fields.first { $0.id == "tipo" })
    #expect(tipo.option(matching: typed)?.id == id)
  }

  @Test("gender, number and accents do not matter; an ambiguous word is refused")
  func choiceVariants() throws {
    let def = try #require(try BuiltinContent.content.get().exercise("puntos-contacto"))
    let tipo = try #require(def.field("puntos")?.fields.first { $0.id == "tipo" })
    for typed in ["humana", "humanos", "Humano", "HUMANAS", "hum", "human", "humans"] {
      #expect(tipo.option(matching: typed)?.id == "humano", "\(typed)")
    }
    #expect(tipo.option(matching: "estatica")?.id == "estatico")
    #expect(tipo.option(matching: "analógico") == nil)
    let mot = try #require(try BuiltinContent.content.get().exercise("momentos-verdad"))
    #expect(mot.field("momentos")?.fields.first { $0.id == "tipo" }?.option(matching: "momento") == nil, "every option has that word")
  }

  @Test("numbers: signs, words, percentages and decimals where the scale allows them")
  func numbers() throws {
    let content = try BuiltinContent.content.get()
    let emotion = try #require(content.exercise("mapa-viaje")?.field("etapas")?.fields.first { $0.id == "emocion" })
    for (typed, value) in [("−2", -2), ("-2", -2), ("+2", 2), ("menos dos", -2), ("cero", 0), ("minus one", -1), ("uno", 1)] {
      #expect(try AnswerParser.parse(typed, field: emotion, lang: .es) == .int(Int64(value)), "\(typed)")
    }
    #expect(throws: TallerError.self) { try AnswerParser.parse("1,5", field: emotion, lang: .es) }
    let final = try #require(content.exercise("proyecto-final"))
    let csat = try #require(final.field("csat"))
    #expect(try AnswerParser.parse("85%", field: csat, lang: .es) == 85)
    #expect(try AnswerParser.parse("85 %", field: csat, lang: .es) == 85)
    let ces = try #require(final.field("ces"))
    #expect(try AnswerParser.parse("5,5", field: ces, lang: .es) == "5.5")
    #expect(try AnswerParser.parse("5.50", field: ces, lang: .es) == "5.5")
    #expect(try AnswerParser.parse("6", field: ces, lang: .es) == 6)
    #expect(throws: TallerError.self) { try AnswerParser.parse("7,5", field: ces, lang: .es) }
    #expect(throws: TallerError.self) { try AnswerParser.parse("5,55", field: ces, lang: .es) }
    let nps = try #require(final.field("nps"))
    #expect(throws: TallerError.self) { try AnswerParser.parse("4,5", field: nps, lang: .es) }
  }

  @Test("an earlier answer is offered in the line, editable; Enter in a script takes it; Propósito is not prefilled")
  func prefill() throws {
    let shell = try makeShell()
    _ = run(shell, ["team create X", "set mapa-empatia.quien Rosa, 34", "set marca-peruana.diferenciacion Calidez", "start mapa-viaje"])
    #expect(shell.session.editable == "Rosa, 34")
    _ = run(shell, ["Rosa, 35"])
    #expect(try sheet(shell, "mapa-viaje").values["persona"] == "Rosa, 35", "the offered text was edited")
    #expect(shell.session.editable == nil)
    _ = run(shell, ["/start proyecto-final"])
    #expect(shell.session.editable == nil, "Propósito is its own answer")
    #expect(try #require(shell.context.content.exercise("proyecto-final")?.field("proposito")).prefill == nil)
  }

  @Test("undo takes back this laptop's last answers, one by one, each as a new change")
  func undo() throws {
    let shell = try makeShell()
    _ = run(shell, ["team create X", "start marca-peruana", "Inca Kola", "Kola Real"])
    #expect(try sheet(shell, "marca-peruana").values["marca"] == "Inca Kola")
    #expect(try sheet(shell, "marca-peruana").values["de-que-trata"] == "Kola Real")
    let before = try shell.context.store.changeCount()
    let r = run(shell, ["deshacer"])
    #expect(r[0].output.contains("Deshecho"))
    #expect(try sheet(shell, "marca-peruana").values["de-que-trata"] == nil)
    #expect(try shell.context.store.changeCount() == before + 1, "undoing is a change of its own")
    _ = run(shell, ["deshacer"])
    #expect(try sheet(shell, "marca-peruana").values["marca"] == nil)
    #expect(run(shell, ["deshacer"])[0].output.contains("No hay nada que deshacer"))
    // An item added in one line is removed again.
    _ = run(shell, ["/start puntos-contacto", "Cajero; durante; humano; 2", "undo"])
    #expect(try sheet(shell, "puntos-contacto").items("puntos").isEmpty)
  }

  @Test("complete means what the exercise declares: not an empty journey, not an empathy map with only who and goal")
  func honestProgress() throws {
    let shell = try makeShell()
    _ = run(shell, ["team create X", "set mapa-empatia.quien Rosa", "set mapa-empatia.meta Comprar rápido", "start mapa-viaje", "/listo"])
    #expect(!(try progress(shell, "mapa-empatia")).done)
    #expect(try progress(shell, "mapa-empatia").missing.first == .items(list: "ve", have: 0, need: 1))
    let journey = try progress(shell, "mapa-viaje")
    #expect(!journey.done && journey.started)
    #expect(journey.missing.contains(.field("persona")))
    #expect(journey.missing.filter { if case .itemFields = $0 { return true } else { return false } }.count == 6)
    let list = run(shell, ["ejercicios"])[0].output
    #expect(!list.contains("Mapa de empatía  mapa-empatia - ok completo"), "\(list)")
    #expect(list.contains("mapa-viaje - en curso"), "\(list)")
  }

  @Test("listo on an incomplete exercise says what is missing and offers to go there")
  func doneSaysWhatIsMissing() throws {
    let shell = try makeShell()
    let r = run(shell, ["team create X", "start puntos-contacto", "Cajero; durante; humano", "listo"])
    let out = r[3].output
    #expect(out.contains("Para completar \"Mapa de puntos de contacto\" falta:"), "\(out)")
    #expect(out.contains("punto 1 - Cajero  falta: valoración"), "\(out)")
    #expect(out.contains("Puntos de contacto  hay 1, hacen falta al menos 3"), "\(out)")
    let confirm = try #require(r[3].confirm)
    #expect(confirm.line == "empezar puntos-contacto")
    let back = shell.execute(confirm.line, renderer: Renderer(style: .plain))
    #expect(back.output.contains("punto 1 - Cajero"), "it goes to the item that lacks a part: \(back.output)")
  }

  @Test("the rubric check names each criterion that does not hold, and is quiet when all do")
  func rubricCheck() throws {
    let shell = try makeShell()
    _ = run(
      shell,
      [
        "team create X",
        "add puntos-contacto.puntos nombre=Cajero momento=durante tipo=humano valoracion=2",
        "add puntos-contacto.puntos nombre=Web momento=antes tipo=digital valoracion=4",
        "add puntos-contacto.puntos nombre=Envase momento=después tipo=estático valoracion=3",
        "add momentos-verdad.momentos punto=2 tipo=primero encuentro=remoto flujo=producto deseado=a adecuado=b expectativa=4 desempeno=2",
        "set mapa-empatia.quien Rosa",
        "add mapa-viaje.etapas nombre=Extra",
        "set proyecto-final.momentos 1",
      ])
    let out = run(shell, ["revisar"])[0].output
    #expect(out.contains("El punto 1 \"Cajero\" está en zona roja (valoración 2)"), "\(out)")
    #expect(!out.contains("El punto 2"), "\(out)")
    #expect(out.contains("El momento 1 (Web) tiene S = R − E negativo (2 − 4) y no tiene estrategia"), "\(out)")
    #expect(out.contains("No hay dolores") && out.contains("No hay ganancias"), "\(out)")
    #expect(out.contains("La etapa 1 \"Conocer el producto\" no tiene emoción"), "\(out)")
    // Fixed: the red zone becomes a moment of truth, the gap gets a strategy.
    _ = run(
      shell,
      [
        "add momentos-verdad.momentos punto=1 tipo=primero encuentro=personal flujo=producto deseado=a adecuado=b expectativa=3 desempeno=3",
        "edit momentos-verdad.momentos 1 estrategia=recuperación",
      ])
    let after = run(shell, ["check puntos-contacto", "check momentos-verdad"]).map(\.output).joined()
    #expect(!after.contains("zona roja") && !after.contains("S = R − E negativo"), "\(after)")
    #expect(after.contains("Completo y sin observaciones"), "\(after)")
    // A moment of truth the final project names, removed from its exercise.
    _ = run(shell, ["remove momentos-verdad.momentos 1"])
    #expect(run(shell, ["check proyecto-final"])[0].output.contains("ya no está en el ejercicio momentos-verdad"))
    let en = run(shell, ["lang en", "check mapa-viaje"])[1].output
    #expect(en.contains("Stage 1 “Learning about the product” has no emotion"), "\(en)")
    #expect(!en.contains("«"), "\(en)")
  }

  @Test("starting an exercise before the one it draws on names it and offers to start it")
  func dependencyOffer() throws {
    let shell = try makeShell()
    let r = run(shell, ["team create X", "start momentos-verdad"])
    #expect(r[1].output.contains("usa lo que escriban en \"Mapa de puntos de contacto\", que aún está vacío"), "\(r[1].output)")
    #expect(r[1].confirm?.line == "empezar puntos-contacto")
    // Taken (the shell runs it as a command, though a walk is under way): the other exercise starts.
    let yes = shell.execute("/" + (r[1].confirm?.line ?? ""), renderer: Renderer(style: Self.wide))
    #expect(yes.output.contains("Mapa de puntos de contacto") && shell.session.guided?.exercise == "puntos-contacto", "\(yes.output)")
    _ = run(shell, ["/add puntos-contacto.puntos nombre=Cajero momento=durante tipo=humano valoracion=2", "/start momentos-verdad"])
    #expect(run(shell, ["/start momentos-verdad"])[0].confirm == nil)
  }

  @Test("inside a list the prompt names the item, and the counter counts items")
  func promptNamesTheItem() throws {
    let shell = try makeShell()
    _ = run(shell, ["team create X", "set mapa-empatia.quien Rosa", "start mapa-viaje", "", "Comprar", "", "Ve un anuncio"])
    #expect(Guide.promptLabel(shell.context, shell.session)?.hasPrefix("mapa-viaje etapa 2/6") == true)
    // taller closed and opened again: back at the same item, named.
    let again = Shell(context: shell.context, session: Shell.restoredSession(store: shell.context.store, forcedLang: nil))
    let resumed = again.execute("continuar", renderer: Renderer(style: Self.wide)).output
    #expect(resumed.contains("etapa 2/6 - Asesoría"), "\(resumed)")
    _ = run(shell, ["/start puntos-contacto", "Cajero; durante; humano; 2"])
    #expect(Guide.promptLabel(shell.context, shell.session)?.hasPrefix("puntos-contacto punto 2") == true)
  }

  @Test("a time box keeps its absolute deadline across a crash and a restart; only an explicit pause stops it")
  func timeBoxHolds() throws {
    let clock = TestClock()
    let shell = try makeShell(clock: clock)
    _ = run(shell, ["team create X", "start marca-peruana", "Inca Kola"])
    let team = try #require(shell.session.teamID)
    let box = try #require(try shell.context.store.timeBox(team: team, exercise: "marca-peruana", step: "planeacion"))
    #expect(box.deadline == clock.now() + box.left(now: clock.now()) && !box.paused)
    // A crash: a new run on the same database, ten minutes later.
    clock.advance(10 * 60_000)
    let again = Shell(context: shell.context, session: Shell.restoredSession(store: shell.context.store, forcedLang: nil))
    let resumed = again.execute("continuar", renderer: Renderer(style: .plain))
    #expect(resumed.output.contains("Planeación - 05:"), "\(resumed.output)")
    #expect(Guide.promptLabel(again.context, again.session)?.contains("05:") == true)
    #expect(again.execute("/reloj", renderer: Renderer(style: .plain)).output.contains("quedan 05:"))
    // Pausing is explicit, and holds what was left.
    _ = again.execute("/reloj pausar", renderer: Renderer(style: .plain))
    clock.advance(60 * 60_000)
    #expect(again.execute("/reloj", renderer: Renderer(style: .plain)).output.contains("quedan 05:"))
    _ = again.execute("/reloj seguir", renderer: Renderer(style: .plain))
    _ = again.execute("/reloj reiniciar", renderer: Renderer(style: .plain))
    #expect(again.execute("/reloj", renderer: Renderer(style: .plain)).output.contains("quedan 15:00"))
  }

  @Test("with --lang en nothing Spanish appears that the user did not type")
  func englishOnly() throws {
    let shell = try makeShell(lang: .en)
    var out = ""
    for line in ["team create X"] + Self.fastWalkEnglish + ["show mapa-viaje", "check", "exercises", "help"] {
      let r = shell.execute(line, renderer: Renderer(style: .plain))
      out += r.output + r.errors.joined()
    }
    for spanish in ["«", "»", "Conocer el producto", "Asesoría", "Posventa", "guardado", "Escriban", "falta", "punto ", "etapa "] {
      #expect(!out.contains(spanish), "\(spanish) in: \(out)")
    }
  }

  static let fastWalkEnglish: [String] = [
    "start puntos-contacto", "Cashier; during; human; 2; long queues", "Web; before; digital; 4", "Box; after; static; 3", "", "",
    "start momentos-verdad", "1; first; personal; product; No queue; Short queue; 4; 2; recovery", "",
    "start mapa-viaje", "Rosa", "Buying drinks", "", "Sees an ad; 2; 1", "Asks; 1; 0", "", "", "", "", "", "", "",
  ]
}

@Suite("Quick entry through a pipe")
struct QuickEntryPipeTests {
  @Test("the binary takes items in one line from a script; a bad part names the field and what is accepted, exit 1, nothing stored")
  func pipe() throws {
    let dir = try TempDir()
    let db = dir.file("t.sqlite")
    let env = ["XDG_DATA_HOME": dir.file("xdg")]
    let ok = try runTaller(
      ["--db", db, "--lang", "en"], input: "team create Kusi\nstart puntos-contacto\nCashier; during; humans; 2; long queues\n\n\n",
      env: env)
    #expect(ok.status == 0, "\(ok.stderr)")
    #expect(ok.stdout.contains("touchpoint 1: Cashier - during - human - 2 - long queues"), "\(ok.stdout)")
    let count = try TallerStore.open(path: db).changeCount()
    let bad = try runTaller(["--db", db, "--lang", "es"], input: "empezar puntos-contacto\nEnvase; después; estático; 9\n", env: env)
    #expect(bad.status == 1)
    #expect(bad.stderr.contains("línea 2: valoración: 9 está fuera de rango; se acepta de 1 a 5."), "\(bad.stderr)")
    #expect(try TallerStore.open(path: db).changeCount() == count, "nothing stored")
  }
}

@Suite("Completion rules and checks as data")
struct CompletionLintTests {
  func lint(_ edit: (inout String) -> Void) throws -> [String] {
    var files: [String: String] = [:]
    for (name, text) in try contentFiles("workshops") + contentFiles("exercises") { files[name] = text }
    var text = try #require(files["exercises/puntos-contacto.yaml"])
    edit(&text)
    files["exercises/puntos-contacto.yaml"] = text
    let agendas = files.filter { $0.key.hasPrefix("workshops/") }.map { (name: $0.key, text: $0.value) }
    let exercises = files.filter { $0.key.hasPrefix("exercises/") }.map { (name: $0.key, text: $0.value) }
    switch ContentLoader.load(agendas: agendas, exercises: exercises) {
    case .success: return []
    case .failure(let f): return f.issues.map { $0.text(.en) }
    }
  }

  @Test("a completion rule or a check naming what does not exist is a lint error with its line")
  func lintCatches() throws {
    #expect(try lint { _ in }.isEmpty)
    let badRule = try lint {
      $0 = $0.replacingOccurrences(of: "fields: [nombre, momento, tipo, valoracion]}", with: "fields: [nombre, fecha]}")
    }
    #expect(badRule.contains { $0.contains("puntos-contacto.puntos.fecha") }, "\(badRule)")
    let badWhen = try lint { $0 = $0.replacingOccurrences(of: "when: valoracion <= 2", with: "when: valoracion ~ 2") }
    #expect(badWhen.contains { $0.contains("valoracion ~ 2") }, "\(badWhen)")
    let badTarget = try lint {
      $0 = $0.replacingOccurrences(
        of: "referenced_by: momentos-verdad.momentos.punto", with: "referenced_by: momentos-verdad.momentos.tipo")
    }
    #expect(badTarget.contains { $0.contains("momentos-verdad.momentos.tipo") }, "\(badTarget)")
    let noEnglish = try lint { $0 = $0.replacingOccurrences(of: "      en: \"Touchpoint {n}", with: "      fr: \"Touchpoint {n}") }
    #expect(!noEnglish.isEmpty)
  }
}

@Suite("Language parity")
struct LanguageParityTests {
  @Test("English text never uses «»; Spanish text names commands by their Spanish words")
  func quotesAndCommandWords() throws {
    for (key, text) in Lang.en.catalog { #expect(!text.contains("«") && !text.contains("»"), "\(key): \(text)") }
    var english = Set<String>()
    var spanish = Set<String>()
    for spec in CommandTable.standard.commands {
      for w in spec.words {
        english.insert(Text.fold(w.name))
        // A word without aliases (`editor`) is the same in both languages.
        spanish.formUnion(w.aliases.isEmpty ? [Text.fold(w.name)] : w.aliases.map(Text.fold))
      }
    }
    let englishOnly = english.subtracting(spanish)
    var offenders: [String] = []
    for (key, text) in Lang.es.catalog {
      var rest = Substring(text)
      while let open = rest.firstIndex(of: "«"), let close = rest[open...].firstIndex(of: "»") {
        let quoted = rest[rest.index(after: open)..<close]
        if let first = quoted.split(separator: " ").first, englishOnly.contains(Text.fold(String(first))) {
          offenders.append("\(key): «\(quoted)»")
        }
        rest = rest[rest.index(after: close)...]
      }
      // A usage example after a colon: `…: set EJERCICIO.CAMPO VALOR`.
      for word in englishOnly where text.contains(": \(word) ") && text.uppercased().contains("EJERCICIO") {
        offenders.append("\(key): \(word)")
      }
    }
    #expect(offenders.isEmpty, "\(offenders)")
  }

  @Test("exercise files use no «» in English")
  func exerciseQuotes() throws {
    for def in try BuiltinContent.content.get().exercises {
      var texts = [def.title.en, def.intro.en] + def.checks.map(\.message.en)
      func add(_ f: FieldDef) {
        texts += [f.prompt.en, f.help.en, f.hint.en, f.example.en] + f.options.map(\.label.en) + Array(f.translations.values)
        f.fields.forEach(add)
      }
      def.fields.forEach(add)
      for t in texts { #expect(!t.contains("«") && !t.contains("»"), "\(def.id): \(t)") }
    }
  }
}
