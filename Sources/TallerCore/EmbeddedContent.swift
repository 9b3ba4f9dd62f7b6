// Generated from workshops/ and exercises/ by `TALLER_RECORD=1 swift test`. Do not edit.

enum EmbeddedContent {
  static let agendas: [ContentLoader.SourceFile] = [
    (
      "workshops/cem.yaml",
      ####"""
# The CEM module (Customer Experience Management): its exercises in order, their time boxes
# (minutes per step) and the course's grading weights (they add up to 100).
version: 1
id: cem
title:
  es: Customer Experience Management (CEM)
  en: Customer Experience Management (CEM)
team_size: 3
scale_max: 20
exercises:
  - exercise: marca-peruana
    timeboxes: {planeacion: 15, historia: 5}
  - exercise: puntos-contacto
    timeboxes: {mapa: 20}
    rubric:
      - {es: "Puntos de contacto de los tres tipos: estáticos, humanos y digitales", en: "Touchpoints of all three kinds: static, human and digital"}
      - {es: "Cada punto ubicado antes, durante o después de la compra", en: "Each touchpoint placed before, during or after the purchase"}
      - {es: "Valoraciones (1–5) con evidencia; zonas rojas y vacíos señalados", en: "Ratings (1–5) with evidence; red zones and gaps pointed out"}
  - exercise: momentos-verdad
    timeboxes: {momentos: 20}
    rubric:
      - {es: "Distingue primer y segundo momento de la verdad", en: "Tells the first and second moments of truth apart"}
      - {es: "Servicio deseado y adecuado definidos; S = R − E calculado e interpretado", en: "Desired and adequate service defined; S = R − E computed and read"}
      - {es: "Estrategia concreta (recuperación, espontaneidad, clientes difíciles)", en: "A concrete strategy (recovery, spontaneity, difficult customers)"}
  - exercise: mapa-empatia
    timeboxes: {quien: 5, observar: 15, cabeza: 10}
    rubric:
      - {es: "Persona y meta definidas (quién, situación, qué necesita lograr)", en: "Person and goal defined (who, situation, what they need to achieve)"}
      - {es: "Ve, dice, hace y oye con observaciones concretas", en: "See, say, do and hear with concrete observations"}
      - {es: "Dolores y ganancias coherentes con lo observado", en: "Pains and gains consistent with what was observed"}
  - exercise: mapa-viaje
    timeboxes: {contexto: 5, etapas: 25}
    rubric:
      - {es: "Escenario, persona y expectativas claros", en: "Clear scenario, persona and expectations"}
      - {es: "Etapas completas: acciones, puntos de contacto, emociones", en: "Complete stages: actions, touchpoints, emotions"}
      - {es: "Curva emocional justificada y oportunidades con responsable", en: "A justified emotion curve and opportunities with an owner"}
  - exercise: proyecto-final
    rubric:
      - {es: "Propósito de la experiencia claro", en: "A clear purpose for the experience"}
      - {es: "Integra la matriz, los momentos de la verdad, la empatía y el viaje", en: "Brings together the matrix, the moments of truth, empathy and the journey"}
      - {es: "Propuesta viable y medible (NPS, CES, CSAT)", en: "A feasible, measurable proposal (NPS, CES, CSAT)"}
grading:
  - id: puntos-mot
    title: {es: "Puntos de contacto y momentos de la verdad", en: "Touchpoints and moments of truth"}
    weight: 15
    exercises: [puntos-contacto, momentos-verdad]
  - id: participacion
    title: {es: Participación activa en clase, en: Active participation in class}
    weight: 20
  - id: empatia
    title: {es: Mapa de empatía, en: Empathy map}
    weight: 10
    exercises: [mapa-empatia]
  - id: journey
    title: {es: Customer journey map, en: Customer journey map}
    weight: 15
    exercises: [mapa-viaje]
  - id: final
    title: {es: Trabajo final en equipo, en: Final team project}
    weight: 40
    exercises: [proyecto-final]
"""####
    )
  ]

  static let exercises: [ContentLoader.SourceFile] = [
    (
      "exercises/mapa-empatia.yaml",
      ####"""
# Empathy map canvas (Dave Gray, updated 2017), filled in its order: who, goal, then clockwise
# see, say, do, hear, and the head last: think and feel, pains, gains.
version: 1
id: mapa-empatia
drawing: canvas
title:
  es: Mapa de empatía
  en: Empathy map
intro:
  es: >-
    Pónganse en los zapatos de su cliente. Empiecen por quién es y qué necesita lograr; luego,
    en sentido horario, qué ve, dice, hace y oye; al final, qué piensa y siente, sus dolores y
    lo que espera ganar.
  en: >-
    Put yourselves in your customer's shoes. Start with who they are and what they need to
    achieve; then, clockwise, what they see, say, do and hear; last, what they think and feel,
    their pains and what they hope to gain.
steps:
  - id: quien
    title: {es: Quién y para qué, en: Who and what for}
    fields:
      - id: quien
        kind: text
        required: true
        prompt: {es: "¿Con quién empatizamos?", en: "Who are we empathizing with?"}
        help: {es: "La persona, la situación en que está y su papel en ella.", en: "The person, the situation they are in and their role in it."}
        hint: {es: "Una persona concreta, no un segmento: ponle nombre y edad.", en: "A concrete person, not a segment: give them a name and an age."}
        example: {es: "Rosa, 34, mamá que compra para el almuerzo del domingo", en: "Rosa, 34, a mother shopping for Sunday lunch"}
      - id: meta
        kind: longtext
        required: true
        prompt: {es: "Meta: ¿qué necesita hacer?", en: "Goal: what do they need to do?"}
        help:
          es: "Qué necesita hacer distinto, qué tareas quiere resolver, qué decisiones debe tomar y cómo sabremos que lo logró."
          en: "What they need to do differently, which jobs they want done, which decisions they must make and how we will know they succeeded."
        hint: {es: "Escríbanlo como algo observable.", en: "Write it as something observable."}
        example: {es: "Servir un almuerzo que a todos les guste sin gastar de más", en: "Serve a lunch everyone likes without overspending"}
  - id: observar
    title: {es: "Ve, dice, hace, oye", en: "See, say, do, hear"}
    fields:
      - id: ve
        kind: list
        min_items: 1
        prompt: {es: "¿Qué ve?", en: "What do they see?"}
        help: {es: "En el mercado, en su entorno, lo que otros dicen y hacen, lo que mira y lee.", en: "In the marketplace, in their surroundings, what others say and do, what they watch and read."}
        hint: {es: "Una nota por cosa que ve.", en: "One note per thing they see."}
        example: {es: "Ofertas de otras gaseosas en el anaquel", en: "Offers of other soft drinks on the shelf"}
        fields:
          - &nota
            id: nota
            kind: text
            required: true
            prompt: {es: "Nota", en: "Note"}
            help: {es: "Una frase corta.", en: "A short sentence."}
            hint: {es: "Una idea por nota.", en: "One idea per note."}
            example: {es: "Su familia la pide", en: "Her family asks for it"}
      - id: dice
        kind: list
        min_items: 1
        prompt: {es: "¿Qué dice?", en: "What do they say?"}
        help: {es: "Lo que le hemos oído decir y lo que imaginamos que diría.", en: "What we have heard them say and what we imagine they would say."}
        hint: {es: "Entre comillas, con sus palabras.", en: "In quotes, in their words."}
        example: {es: "«Sin Inca Kola no es almuerzo»", en: "\"It is not lunch without Inca Kola\""}
        fields: [*nota]
      - id: hace
        kind: list
        min_items: 1
        prompt: {es: "¿Qué hace?", en: "What do they do?"}
        help: {es: "Lo que hace hoy, lo que hemos observado y lo que imaginamos que haría.", en: "What they do today, what we have observed and what we imagine they would do."}
        hint: {es: "Verbos: compara, pregunta, compra…", en: "Verbs: compares, asks, buys…"}
        example: {es: "Compra la botella de 3 litros", en: "Buys the 3-litre bottle"}
        fields: [*nota]
      - id: oye
        kind: list
        min_items: 1
        prompt: {es: "¿Qué oye?", en: "What do they hear?"}
        help: {es: "Lo que oye de otros, amigos, colegas, de segunda mano.", en: "What they hear from others, friends, colleagues, second-hand."}
        hint: {es: "¿Quién influye en su decisión?", en: "Who influences their decision?"}
        example: {es: "Su hermana le recomienda una marca nueva", en: "Her sister recommends a new brand"}
        fields: [*nota]
  - id: cabeza
    title: {es: "Piensa y siente", en: "Think and feel"}
    fields:
      - id: piensa
        kind: list
        min_items: 1
        prompt: {es: "¿Qué piensa y siente?", en: "What do they think and feel?"}
        help: {es: "Otros pensamientos y sentimientos que mueven su conducta.", en: "Other thoughts and feelings that might motivate their behaviour."}
        hint: {es: "Lo que no dice en voz alta.", en: "What they do not say out loud."}
        example: {es: "Quiere que su familia se sienta en casa", en: "She wants her family to feel at home"}
        fields: [*nota]
      - id: dolores
        kind: list
        min_items: 1
        prompt: {es: "Dolores", en: "Pains"}
        help: {es: "Miedos, frustraciones, ansiedades.", en: "Fears, frustrations, anxieties."}
        hint: {es: "¿Qué le quita el sueño?", en: "What keeps them awake at night?"}
        example: {es: "Que se acabe la bebida a mitad del almuerzo", en: "Running out of drink halfway through lunch"}
        fields: [*nota]
      - id: ganancias
        kind: list
        min_items: 1
        prompt: {es: "Ganancias", en: "Gains"}
        help: {es: "Deseos, necesidades, esperanzas, sueños.", en: "Wants, needs, hopes, dreams."}
        hint: {es: "¿Cómo se vería un domingo perfecto?", en: "What would a perfect Sunday look like?"}
        example: {es: "Un almuerzo tranquilo y todos contentos", en: "A calm lunch with everyone happy"}
        fields: [*nota]
"""####
    ),
    (
      "exercises/mapa-viaje.yaml",
      ####"""
# Customer journey map: persona and scenario, ordered stages, and per stage the common
# practitioner rows (actions, touchpoints, channel, thoughts, emotion -2..+2, pains, opportunities, MOTs).
version: 1
id: mapa-viaje
drawing: journey
title:
  es: Customer journey map
  en: Customer journey map
intro:
  es: >-
    Dibujen el viaje de su persona por las etapas de la experiencia: qué hace, con qué puntos de
    contacto se cruza, qué piensa y cómo se siente (de −2 a +2) en cada etapa, dónde le duele y
    qué oportunidades ven. Las etapas vienen propuestas; pueden cambiarlas.
  en: >-
    Draw your persona's journey through the stages of the experience: what they do, which
    touchpoints they meet, what they think and how they feel (from −2 to +2) at each stage, where
    it hurts and which opportunities you see. The stages are suggested; you may change them.
steps:
  - id: contexto
    title: {es: Persona y escenario, en: Persona and scenario}
    fields:
      - id: persona
        kind: text
        required: true
        prefill: mapa-empatia.quien
        prompt: {es: "Persona", en: "Persona"}
        help: {es: "La persona del mapa de empatía.", en: "The person from the empathy map."}
        hint: {es: "Pulsen Enter para usar la del mapa de empatía.", en: "Press Enter to use the one from the empathy map."}
        example: {es: "Rosa, 34, mamá", en: "Rosa, 34, a mother"}
      - id: escenario
        kind: text
        required: true
        prompt: {es: "Escenario", en: "Scenario"}
        help: {es: "La situación concreta que recorre el mapa.", en: "The concrete situation the map follows."}
        hint: {es: "Un objetivo y un momento: «comprar para el almuerzo del domingo».", en: "A goal and a moment: \"buying for Sunday lunch\"."}
        example: {es: "Comprar bebidas para el almuerzo del domingo", en: "Buying drinks for Sunday lunch"}
      - id: expectativas
        kind: text
        prompt: {es: "Expectativas", en: "Expectations"}
        help: {es: "Lo que la persona espera de la experiencia completa.", en: "What the persona expects of the whole experience."}
        hint: {es: "Rápido, barato, agradable…", en: "Fast, cheap, pleasant…"}
        example: {es: "Encontrar la botella grande fría y pagar rápido", en: "Find the big bottle cold and pay fast"}
  - id: etapas
    title: {es: Etapas, en: Stages}
    fields:
      - id: etapas
        kind: list
        required: true
        min_items: 2
        max_items: 12
        prompt: {es: "Etapas del viaje", en: "Stages of the journey"}
        help: {es: "Las columnas del mapa, en orden.", en: "The map's columns, in order."}
        hint: {es: "Cambien el nombre o el orden de las propuestas con «edit» y «move».", en: "Rename or reorder the suggested ones with \"edit\" and \"move\"."}
        example: {es: "Conocer, Comprar, Usar", en: "Learn, Buy, Use"}
        defaults:
          - {nombre: Conocer el producto}
          - {nombre: Asesoría}
          - {nombre: Compra}
          - {nombre: Uso}
          - {nombre: Posventa}
          - {nombre: Baja}
        fields:
          - id: nombre
            kind: text
            required: true
            prompt: {es: "Nombre de la etapa", en: "Stage name"}
            help: {es: "Corto: una o dos palabras.", en: "Short: one or two words."}
            hint: {es: "Un verbo funciona bien.", en: "A verb works well."}
            example: {es: Compra, en: Purchase}
          - id: acciones
            kind: text
            prompt: {es: "Acciones del cliente", en: "Customer actions"}
            help: {es: "Lo que hace la persona en esta etapa.", en: "What the persona does at this stage."}
            hint: {es: "Verbos en presente.", en: "Verbs in the present tense."}
            example: {es: "Busca la gaseosa en el anaquel y la lleva a caja", en: "Finds the soda on the shelf and takes it to the till"}
          - id: puntos
            kind: ref
            ref: puntos-contacto.puntos
            multiple: true
            prompt: {es: "Puntos de contacto", en: "Touchpoints"}
            help: {es: "Los del mapa de puntos de contacto que aparecen en esta etapa.", en: "Those of the touchpoint map that appear at this stage."}
            hint: {es: "Números o nombres separados por comas.", en: "Numbers or names separated by commas."}
            example: {es: "1, 3", en: "1, 3"}
          - id: canal
            kind: text
            prompt: {es: "Canal", en: "Channel"}
            help: {es: "Por dónde ocurre: tienda, web, teléfono…", en: "Where it happens: store, web, phone…"}
            hint: {es: "El canal principal de la etapa.", en: "The stage's main channel."}
            example: {es: Tienda, en: Store}
          - id: pensamientos
            kind: text
            prompt: {es: "Pensamientos", en: "Thoughts"}
            help: {es: "Lo que piensa o dice, con sus palabras.", en: "What they think or say, in their words."}
            hint: {es: "Entre comillas.", en: "In quotes."}
            example: {es: "«¿Habrá fría?»", en: "\"Will there be a cold one?\""}
          - id: emocion
            kind: scale
            min: -2
            max: 2
            prompt: {es: "Emoción (−2 a +2)", en: "Emotion (−2 to +2)"}
            help: {es: "−2 muy mal, 0 neutral, +2 muy bien.", en: "−2 very bad, 0 neutral, +2 very good."}
            hint: {es: "La curva emocional sale de estos números.", en: "The emotion curve comes from these numbers."}
            example: {es: "1", en: "1"}
          - id: dolores
            kind: text
            prompt: {es: "Puntos de dolor", en: "Pain points"}
            help: {es: "Lo que molesta o frena.", en: "What annoys or blocks."}
            hint: {es: "¿Dónde se queja?", en: "Where do they complain?"}
            example: {es: "La cola en caja", en: "The queue at the till"}
          - id: oportunidades
            kind: text
            prompt: {es: "Oportunidades", en: "Opportunities"}
            help: {es: "Qué podría mejorar la marca, y quién.", en: "What the brand could improve, and who."}
            hint: {es: "Con un responsable.", en: "With an owner."}
            example: {es: "Caja rápida para compras pequeñas (operaciones)", en: "Express till for small purchases (operations)"}
          - id: mot
            kind: ref
            ref: momentos-verdad.momentos
            multiple: true
            prompt: {es: "Momentos de la verdad", en: "Moments of truth"}
            help: {es: "Los momentos de la verdad que ocurren en esta etapa.", en: "The moments of truth that happen at this stage."}
            hint: {es: "Números separados por comas.", en: "Numbers separated by commas."}
            example: {es: "1", en: "1"}
"""####
    ),
    (
      "exercises/marca-peruana.yaml",
      ####"""
# Dinámica: experiencia de marcas peruanas (seed 000). Teams of at most 3.
version: 1
id: marca-peruana
drawing: sheet
title:
  es: "Dinámica: experiencia de marcas peruanas"
  en: "Dynamic: the experience of Peruvian brands"
intro:
  es: >-
    Elijan una marca peruana que se diferencie por la experiencia que ofrece. Investiguen y
    conversen: ¿cuál es la marca?, ¿de qué se trata?, ¿en qué se diferencia? ¿La experiencia es
    estática, humana o digital? Luego cuenten su historia a la clase.
  en: >-
    Choose a Peruvian brand that stands out through the experience it offers. Research and
    discuss: what is the brand? what is it about? how does it differentiate? Is the experience
    static, human or digital? Then tell its story to the class.
steps:
  - id: planeacion
    title: {es: Planeación, en: Planning}
    fields:
      - id: marca
        kind: text
        required: true
        prompt: {es: "¿Cuál es la marca?", en: "What is the brand?"}
        help:
          es: Una marca peruana (nacida o muy arraigada en el Perú) que conozcan como clientes.
          en: A Peruvian brand (born in Peru or deeply rooted there) you know as customers.
        hint:
          es: Piensen en marcas que eligen aunque haya alternativas más baratas. ¿Por qué vuelven?
          en: Think of brands you choose even when cheaper options exist. Why do you come back?
        example: {es: Inca Kola, en: Inca Kola}
      - id: de-que-trata
        kind: longtext
        required: true
        prompt: {es: "¿De qué se trata?", en: "What is it about?"}
        help:
          es: Qué vende, a quién y en qué ocasiones; su promesa en una o dos frases.
          en: What it sells, to whom and on which occasions; its promise in one or two sentences.
        hint:
          es: Piensen en qué vende y a quién, y en el momento en que la gente la consume o la usa.
          en: Think of what it sells and to whom, and of the moment people consume or use it.
        example:
          es: Bebida gaseosa peruana, «el sabor del Perú», presente en los almuerzos familiares.
          en: A Peruvian soft drink, "the taste of Peru", present at family lunches.
      - id: diferenciacion
        kind: longtext
        required: true
        prompt: {es: "¿En qué se diferencia?", en: "How does it differentiate?"}
        help:
          es: Lo que el cliente vive con esta marca y no con las demás; la diferencia debe venir de la experiencia.
          en: What the customer lives with this brand and not with others; the difference must come from the experience.
        hint:
          es: Recuerden la última vez que la usaron. ¿Qué sintieron, qué vieron, quién los atendió?
          en: Remember the last time you used it. What did you feel, see, who served you?
        example:
          es: Conecta con la identidad nacional; su color y su sabor se asocian a la comida peruana.
          en: It connects with national identity; its colour and taste are tied to Peruvian food.
      - id: experiencia
        kind: choice
        multiple: true
        required: true
        prompt: {es: "Tipo de experiencia (una o varias)", en: "Kind of experience (one or more)"}
        help:
          es: "Estática: puntos de venta, boletines y anuncios, empaque, precios y cupones. Humana: trato de persona a persona con empleados, vendedores, teléfono, chat. Digital: web, apps, redes sociales, sensores y otros canales electrónicos."
          en: "Static: retail points, newsletters and ads, packaging, prices and coupons. Human: person-to-person contact with employees, sales reps, phone, chat. Digital: website, apps, social networks, sensors and other electronic channels."
        hint:
          es: ¿Dónde ocurre el momento que más recuerdan, en un objeto, en una persona o en una pantalla?
          en: Where does the moment you remember most happen, in an object, a person or a screen?
        example: {es: "humana, digital", en: "human, digital"}
        options:
          - {id: estatica, es: estática, en: static, help: {es: "puntos de venta, anuncios, empaque, precios, cupones", en: "retail points, ads, packaging, prices, coupons"}}
          - {id: humana, es: humana, en: human, help: {es: "empleados, vendedores, teléfono, chat", en: "employees, sales reps, phone, chat"}}
          - {id: digital, es: digital, en: digital, help: {es: "web, apps, redes sociales, sensores", en: "website, apps, social networks, sensors"}}
      - id: base
        kind: choice
        multiple: true
        required: true
        prompt: {es: "¿En qué se basa su diferenciación?", en: "What is its differentiation based on?"}
        help:
          es: La diferenciación puede basarse en el producto, el servicio, la imagen, las personas o la distribución.
          en: Differentiation can be based on product, service, image, people or distribution.
        hint:
          es: Si mañana copiaran el producto, ¿qué seguiría haciendo única a la marca?
          en: If the product were copied tomorrow, what would still make the brand unique?
        example: {es: "imagen, producto", en: "image, product"}
        options:
          - {id: producto, es: producto, en: product}
          - {id: servicio, es: servicio, en: service}
          - {id: imagen, es: imagen, en: image}
          - {id: personas, es: personas, en: people}
          - {id: distribucion, es: distribución, en: distribution}
  - id: historia
    title: {es: Historia, en: Story}
    fields:
      - id: historia
        kind: longtext
        required: true
        prompt: {es: "La historia que contarán a la clase", en: "The story you will tell the class"}
        help:
          es: Una historia breve (un minuto) con un cliente, un momento y una emoción; así se comparte con la clase.
          en: A short story (one minute) with a customer, a moment and an emotion; this is what you share with the class.
        hint:
          es: "Empiecen por una escena: «Es domingo, la familia se sienta a almorzar…»"
          en: "Start with a scene: \"It is Sunday, the family sits down for lunch…\""
        example:
          es: Es domingo; en la mesa hay ceviche y una Inca Kola helada. Nadie la pidió, pero nadie imagina el almuerzo sin ella.
          en: It is Sunday; there is ceviche and a cold Inca Kola on the table. Nobody ordered it, yet nobody imagines lunch without it.
"""####
    ),
    (
      "exercises/momentos-verdad.yaml",
      ####"""
# Moments of truth (seed 004): which touchpoints are moments of truth, and how they measure up.
version: 1
id: momentos-verdad
drawing: mot
title:
  es: Momentos de la verdad
  en: Moments of truth
intro:
  es: >-
    Un momento de la verdad es cualquier momento en que el cliente interactúa con el servicio,
    por cualquier medio, persona o canal; cada encuentro suma o resta a la experiencia. Marquen
    cuáles de sus puntos de contacto lo son y comparen expectativa (E) y desempeño percibido (R):
    la satisfacción es S = R − E.
  en: >-
    A moment of truth is any moment the customer interacts with the service, through any medium,
    person or channel; each encounter adds to or subtracts from the experience. Mark which of your
    touchpoints are moments of truth and compare expectation (E) and perceived performance (R):
    satisfaction is S = R − E.
steps:
  - id: momentos
    title: {es: Momentos, en: Moments}
    fields:
      - id: momentos
        kind: list
        required: true
        min_items: 1
        max_items: 20
        prompt: {es: "Momentos de la verdad", en: "Moments of truth"}
        help:
          es: Elijan los puntos de contacto que deciden la relación con el cliente.
          en: Choose the touchpoints that decide the relationship with the customer.
        hint:
          es: "«50 millones de momentos de la verdad al año, 15 segundos cada uno» (Carlzon, SAS)."
          en: "\"50 million moments of truth a year, 15 seconds each\" (Carlzon, SAS)."
        example: {es: "El cobro en caja", en: "Paying at the checkout"}
        fields:
          - id: punto
            kind: ref
            ref: puntos-contacto.puntos
            required: true
            prompt: {es: "¿Qué punto de contacto?", en: "Which touchpoint?"}
            help: {es: "Uno de los puntos del mapa de puntos de contacto.", en: "One of the touchpoints of the touchpoint map."}
            hint: {es: "Escriban su número o su nombre.", en: "Type its number or its name."}
            example: {es: "1", en: "1"}
          - id: tipo
            kind: choice
            required: true
            prompt: {es: "Tipo de momento", en: "Kind of moment"}
            help:
              es: "Momento cero (busca en línea antes de ir a la tienda), primero (frente al anaquel, 3 a 7 segundos) o segundo (al usar el producto)."
              en: "Zero moment (researches online before the shelf), first (at the shelf, 3 to 7 seconds) or second (using the product)."
            hint: {es: "¿El cliente ya tiene el producto en la mano?", en: "Does the customer already hold the product?"}
            example: {es: primero, en: first}
            options:
              - {id: zmot, es: momento cero, en: zero moment}
              - {id: fmot, es: primer momento, en: first moment}
              - {id: smot, es: segundo momento, en: second moment}
          - id: encuentro
            kind: choice
            required: true
            prompt: {es: "Tipo de encuentro", en: "Kind of encounter"}
            help: {es: "Personal (cara a cara), remoto (cajero, correo, internet) o telefónico.", en: "Personal (face to face), remote (ATM, mail, internet) or phone."}
            hint: {es: "¿Hay una persona del otro lado?", en: "Is there a person on the other side?"}
            example: {es: personal, en: personal}
            options:
              - {id: personal, es: personal, en: personal}
              - {id: remoto, es: remoto, en: remote}
              - {id: telefonico, es: telefónico, en: phone}
          - id: flujo
            kind: choice
            required: true
            prompt: {es: "Flujo en juego", en: "Flow at stake"}
            help: {es: "Información y promoción, negociación, o producto.", en: "Information and promotion, negotiation, or product."}
            hint: {es: "¿El cliente busca saber, acordar o recibir?", en: "Does the customer want to know, agree or receive?"}
            example: {es: producto, en: product}
            options:
              - {id: informacion, es: información y promoción, en: information and promotion}
              - {id: negociacion, es: negociación, en: negotiation}
              - {id: producto, es: producto, en: product}
          - id: deseado
            kind: text
            required: true
            prompt: {es: "Servicio deseado (lo ideal)", en: "Desired service (the ideal)"}
            help: {es: "Lo que el cliente espera idealmente.", en: "What the customer ideally hopes for."}
            hint: {es: "«Me gustaría que…»", en: "\"I wish that…\""}
            example: {es: "Pagar sin hacer cola", en: "Paying without queueing"}
          - id: adecuado
            kind: text
            required: true
            prompt: {es: "Servicio adecuado (lo mínimo aceptado)", en: "Adequate service (the minimum accepted)"}
            help: {es: "El mínimo que el cliente acepta sin molestarse.", en: "The minimum the customer accepts without getting upset."}
            hint: {es: "«Por lo menos que…»", en: "\"At least…\""}
            example: {es: "Cola de menos de 5 minutos", en: "A queue under 5 minutes"}
          - id: expectativa
            kind: scale
            min: 1
            max: 5
            required: true
            prompt: {es: "Expectativa E (1 a 5)", en: "Expectation E (1 to 5)"}
            help: {es: "Cuánto espera el cliente de este momento.", en: "How much the customer expects of this moment."}
            hint: {es: "5 = espera algo excelente.", en: "5 = expects something excellent."}
            example: {es: "4", en: "4"}
          - id: desempeno
            kind: scale
            min: 1
            max: 5
            required: true
            prompt: {es: "Desempeño percibido R (1 a 5)", en: "Perceived performance R (1 to 5)"}
            help: {es: "Cómo lo vive hoy el cliente. S = R − E.", en: "How the customer lives it today. S = R − E."}
            hint: {es: "Menos que E: insatisfecho; igual: satisfecho; más: complacido.", en: "Below E: dissatisfied; equal: satisfied; above: delighted."}
            example: {es: "2", en: "2"}
          - id: estrategia
            kind: choice
            prompt: {es: "Estrategia", en: "Strategy"}
            help:
              es: "Recuperación del servicio (disculparse aunque no lo pidan, nuevo informe, compensar con opciones), espontaneidad (un servicio memorable sin que lo pidan) o clientes difíciles (escuchar, intentar complacer, hacerles ver)."
              en: "Service recovery (apologise even unasked, a new report, compensation with options), spontaneity (memorable service unprompted) or difficult customers (listen, try to please, make them aware)."
            hint: {es: "¿Hay que reparar un fallo o sorprender?", en: "Is it about repairing a failure or surprising?"}
            example: {es: recuperación, en: recovery}
            options:
              - {id: recuperacion, es: recuperación, en: recovery}
              - {id: espontaneidad, es: espontaneidad, en: spontaneity}
              - {id: dificiles, es: clientes difíciles, en: difficult customers}
          - id: accion
            kind: text
            prompt: {es: "La acción concreta", en: "The concrete action"}
            help: {es: "Qué hará la marca en ese momento.", en: "What the brand will do at that moment."}
            hint: {es: "Algo que un empleado pueda hacer mañana.", en: "Something an employee could do tomorrow."}
            example: {es: "Abrir una caja más cuando haya 4 personas en cola", en: "Open another till when 4 people are queueing"}
"""####
    ),
    (
      "exercises/proyecto-final.yaml",
      ####"""
# Final team project: design the experience for a local brand. Earlier answers are offered as
# starting values, so nothing is typed twice.
version: 1
id: proyecto-final
drawing: sheet
title:
  es: Trabajo final
  en: Final project
intro:
  es: >-
    Diseñen la experiencia del cliente para la marca local elegida: propósito de marca, cliente
    objetivo, momentos de la verdad, customer journey map, experiencia diseñada e indicadores de
    gestión. Lo que ya escribieron en los ejercicios anteriores aparece como punto de partida.
  en: >-
    Design the customer experience for the chosen local brand: brand purpose, target customer,
    moments of truth, customer journey map, designed experience and management indicators. What
    you already wrote in the earlier exercises is offered as a starting point.
steps:
  - id: diseno
    title: {es: Diseño, en: Design}
    fields:
      - id: proposito
        kind: longtext
        required: true
        prefill: marca-peruana.diferenciacion
        prompt: {es: "Propósito de marca", en: "Brand purpose"}
        help: {es: "Por qué existe la marca para su cliente, más allá de lo que vende.", en: "Why the brand exists for its customer, beyond what it sells."}
        hint: {es: "Empiecen con «Existimos para…»", en: "Start with \"We exist to…\""}
        example: {es: "Existimos para que cada almuerzo peruano se sienta en familia.", en: "We exist so that every Peruvian lunch feels like family."}
      - id: cliente
        kind: text
        required: true
        prefill: mapa-empatia.quien
        prompt: {es: "Cliente objetivo", en: "Target customer"}
        help: {es: "A quién se diseña la experiencia.", en: "Who the experience is designed for."}
        hint: {es: "La persona del mapa de empatía, o un segmento concreto.", en: "The person from the empathy map, or a concrete segment."}
        example: {es: "Madres de familia de Lima, 30 a 45 años", en: "Mothers in Lima, aged 30 to 45"}
      - id: momentos
        kind: ref
        ref: momentos-verdad.momentos
        multiple: true
        required: true
        prompt: {es: "Momentos de la verdad clave", en: "Key moments of truth"}
        help: {es: "Los momentos de la verdad que la experiencia cuida primero.", en: "The moments of truth the experience looks after first."}
        hint: {es: "Números separados por comas.", en: "Numbers separated by commas."}
        example: {es: "1, 2", en: "1, 2"}
      - id: experiencia
        kind: longtext
        required: true
        prompt: {es: "Experiencia diseñada", en: "Designed experience"}
        help: {es: "Cómo será la experiencia nueva, etapa por etapa del journey map.", en: "What the new experience will be like, stage by stage of the journey map."}
        hint: {es: "Antes, durante y después.", en: "Before, during and after."}
        example: {es: "Antes: recordatorio por WhatsApp el sábado. Durante: caja rápida. Después: receta con la bebida.", en: "Before: a WhatsApp reminder on Saturday. During: an express till. After: a recipe with the drink."}
  - id: indicadores
    title: {es: Indicadores de gestión, en: Management indicators}
    fields:
      - id: nps
        kind: scale
        min: -100
        max: 100
        required: true
        prompt: {es: "Meta de NPS (−100 a 100)", en: "NPS target (−100 to 100)"}
        help: {es: "NPS = % promotores (9–10) − % detractores (0–6).", en: "NPS = % promoters (9–10) − % detractors (0–6)."}
        hint: {es: "Una meta alcanzable en un año.", en: "A target reachable in a year."}
        example: {es: "40", en: "40"}
      - id: ces
        kind: scale
        min: 1
        max: 7
        required: true
        prompt: {es: "Meta de CES (1 a 7, escala de acuerdo)", en: "CES target (1 to 7, agreement scale)"}
        help: {es: "Customer Effort Score 2.0: acuerdo con «me fue fácil…»; de 5 a 7 es positivo.", en: "Customer Effort Score 2.0: agreement with \"it was easy for me…\"; 5 to 7 is positive."}
        hint: {es: "Más alto es mejor en esta escala.", en: "Higher is better on this scale."}
        example: {es: "6", en: "6"}
      - id: csat
        kind: scale
        min: 0
        max: 100
        required: true
        prompt: {es: "Meta de CSAT % (0 a 100)", en: "CSAT % target (0 to 100)"}
        help: {es: "CSAT % = porcentaje de respuestas 4 y 5 en una escala de 1 a 5.", en: "CSAT % = share of 4s and 5s on a 1-to-5 scale."}
        hint: {es: "Muchas marcas buenas están entre 80 y 90.", en: "Many good brands sit between 80 and 90."}
        example: {es: "85", en: "85"}
"""####
    ),
    (
      "exercises/puntos-contacto.yaml",
      ####"""
# Touchpoint mapping (seeds 002 and 004): each touchpoint with its stage, channel and rating.
version: 1
id: puntos-contacto
drawing: matrix
title:
  es: Mapa de puntos de contacto
  en: Touchpoint mapping
intro:
  es: >-
    Listen los puntos de contacto entre el cliente y la marca elegida: en qué momento ocurren
    (antes, durante, después), por qué tipo de canal, quién es responsable y qué tan bien
    funcionan hoy (1 a 5). La matriz muestra dónde hay huecos y zonas rojas.
  en: >-
    List the touchpoints between the customer and the chosen brand: when they happen (before,
    during, after), through which kind of channel, who owns them and how well they work today
    (1 to 5). The matrix shows gaps and red zones.
steps:
  - id: mapa
    title: {es: Mapa, en: Map}
    fields:
      - id: puntos
        kind: list
        required: true
        min_items: 3
        max_items: 40
        prompt: {es: "Puntos de contacto", en: "Touchpoints"}
        help:
          es: Cada interacción del cliente con la marca, por cualquier medio, persona o canal.
          en: Every interaction of the customer with the brand, through any medium, person or channel.
        hint:
          es: Recorran el camino del cliente desde que oye de la marca hasta que deja de ser cliente.
          en: Walk the customer's path from first hearing of the brand until they stop being a customer.
        example: {es: "Cajero, Instagram, Envase", en: "Cashier, Instagram, Packaging"}
        fields:
          - id: nombre
            kind: text
            required: true
            prompt: {es: "Nombre del punto de contacto", en: "Touchpoint name"}
            help: {es: Un nombre corto que todos entiendan., en: A short name everyone understands.}
            hint: {es: "Piensen en objetos, personas y pantallas.", en: "Think of objects, people and screens."}
            example: {es: Cajero, en: Cashier}
          - id: momento
            kind: choice
            required: true
            prompt: {es: "¿Cuándo ocurre?", en: "When does it happen?"}
            help: {es: "Antes, durante o después de la compra o el uso.", en: "Before, during or after the purchase or use."}
            hint: {es: "¿El cliente ya compró cuando ocurre?", en: "Has the customer already bought when it happens?"}
            example: {es: durante, en: during}
            options:
              - {id: antes, es: antes, en: before}
              - {id: durante, es: durante, en: during}
              - {id: despues, es: después, en: after}
          - id: etapa
            kind: choice
            prompt: {es: "Etapa de la experiencia (opcional)", en: "Stage of the experience (optional)"}
            help:
              es: "Las etapas finas: conocer el producto, asesoría, compra, uso, posventa, baja."
              en: "The finer stages: learning about the product, advice, purchase, use, after-sales, cancellation."
            hint: {es: "Si dudan, dejen solo antes/durante/después.", en: "If unsure, keep just before/during/after."}
            example: {es: compra, en: purchase}
            options:
              - {id: conocer, es: conocer el producto, en: learning about the product}
              - {id: asesoria, es: asesoría, en: advice}
              - {id: compra, es: compra, en: purchase}
              - {id: uso, es: uso, en: use}
              - {id: posventa, es: posventa, en: after-sales}
              - {id: baja, es: baja del servicio, en: cancellation}
          - id: tipo
            kind: choice
            required: true
            prompt: {es: "Tipo de canal", en: "Kind of channel"}
            help:
              es: "Estático (objetos, espacios, anuncios), humano (personas) o digital (pantallas y sensores)."
              en: "Static (objects, spaces, ads), human (people) or digital (screens and sensors)."
            hint: {es: "¿Quién o qué le habla al cliente?", en: "Who or what speaks to the customer?"}
            example: {es: humano, en: human}
            options:
              - {id: estatico, es: estático, en: static}
              - {id: humano, es: humano, en: human}
              - {id: digital, es: digital, en: digital}
          - id: canal
            kind: choice
            other: true
            prompt: {es: "Canal", en: "Channel"}
            help:
              es: "Del catálogo del curso, o uno propio: productos, servicios, call center, web, personal, información, cajas, sucursales, ambientación, venta, posventa, atención al cliente."
              en: "From the course's catalogue, or your own: products, services, call center, web, staff, information, checkout, branches, ambiance, sale, after-sale, customer service."
            hint: {es: "Si no está en la lista, escriban el suyo.", en: "If it is not listed, type your own."}
            example: {es: cajas, en: checkout}
            options:
              - {id: productos, es: productos, en: products}
              - {id: servicios, es: servicios, en: services}
              - {id: call-center, es: call center, en: call center}
              - {id: web, es: web, en: web}
              - {id: personal, es: personal, en: staff}
              - {id: informacion, es: información, en: information}
              - {id: cajas, es: cajas, en: checkout}
              - {id: sucursales, es: sucursales, en: branches}
              - {id: ambientacion, es: ambientación, en: ambiance}
              - {id: venta, es: venta, en: sale}
              - {id: posventa, es: posventa, en: after-sale}
              - {id: atencion, es: atención al cliente, en: customer service}
          - id: area
            kind: text
            prompt: {es: "Área responsable", en: "Owner area"}
            help: {es: "El área de la empresa que responde por este punto.", en: "The company area accountable for this point."}
            hint: {es: "Marketing, operaciones, ventas, TI…", en: "Marketing, operations, sales, IT…"}
            example: {es: Operaciones de tienda, en: Store operations}
          - id: valoracion
            kind: scale
            min: 1
            max: 5
            required: true
            prompt: {es: "Valoración hoy (1 a 5)", en: "Rating today (1 to 5)"}
            help: {es: "1 muy mal, 3 aceptable, 5 excelente, desde la mirada del cliente.", en: "1 very poor, 3 acceptable, 5 excellent, as the customer sees it."}
            hint: {es: "Recuerden su última experiencia real.", en: "Recall your last real experience."}
            example: {es: "3", en: "3"}
          - id: nota
            kind: text
            prompt: {es: "Nota", en: "Note"}
            help: {es: "Una observación breve: qué pasa hoy o qué falta.", en: "A short remark: what happens today or what is missing."}
            hint: {es: "¿Qué le dirían al área responsable?", en: "What would you tell the owner area?"}
            example: {es: "Colas largas en hora punta", en: "Long queues at peak hours"}
"""####
    )
  ]
}
