// swift-format-ignore-file
// Generated from exercises/mapa-empatia.yaml, exercises/mapa-viaje.yaml, exercises/marca-peruana.yaml, exercises/momentos-verdad.yaml, exercises/proyecto-final.yaml, exercises/puntos-contacto.yaml, workshops/cem.yaml by `TALLER_RECORD=1 swift test`. Do not edit.

enum EmbeddedContent {
  static let compiled = ####"""
{
  "agenda" : {
    "exercises" : [
      {
        "exercise" : "marca-peruana",
        "rubric" : [

        ],
        "timeboxes" : {
          "historia" : 5,
          "planeacion" : 15
        }
      },
      {
        "exercise" : "puntos-contacto",
        "rubric" : [
          {
            "en" : "Touchpoints of all three kinds: static, human and digital",
            "es" : "Puntos de contacto de los tres tipos: estáticos, humanos y digitales"
          },
          {
            "en" : "Each touchpoint placed before, during or after the purchase",
            "es" : "Cada punto ubicado antes, durante o después de la compra"
          },
          {
            "en" : "Ratings (1–5) with evidence; red zones and gaps pointed out",
            "es" : "Valoraciones (1–5) con evidencia; zonas rojas y vacíos señalados"
          }
        ],
        "timeboxes" : {
          "mapa" : 20
        }
      },
      {
        "exercise" : "momentos-verdad",
        "rubric" : [
          {
            "en" : "Tells the first and second moments of truth apart",
            "es" : "Distingue primer y segundo momento de la verdad"
          },
          {
            "en" : "Desired and adequate service defined; S = R − E computed and read",
            "es" : "Servicio deseado y adecuado definidos; S = R − E calculado e interpretado"
          },
          {
            "en" : "A concrete strategy (recovery, spontaneity, difficult customers)",
            "es" : "Estrategia concreta (recuperación, espontaneidad, clientes difíciles)"
          }
        ],
        "timeboxes" : {
          "momentos" : 20
        }
      },
      {
        "exercise" : "mapa-empatia",
        "rubric" : [
          {
            "en" : "Person and goal defined (who, situation, what they need to achieve)",
            "es" : "Persona y meta definidas (quién, situación, qué necesita lograr)"
          },
          {
            "en" : "See, say, do and hear with concrete observations",
            "es" : "Ve, dice, hace y oye con observaciones concretas"
          },
          {
            "en" : "Pains and gains consistent with what was observed",
            "es" : "Dolores y ganancias coherentes con lo observado"
          }
        ],
        "timeboxes" : {
          "cabeza" : 10,
          "observar" : 15,
          "quien" : 5
        }
      },
      {
        "exercise" : "mapa-viaje",
        "rubric" : [
          {
            "en" : "Clear scenario, persona and expectations",
            "es" : "Escenario, persona y expectativas claros"
          },
          {
            "en" : "Complete stages: actions, touchpoints, emotions",
            "es" : "Etapas completas: acciones, puntos de contacto, emociones"
          },
          {
            "en" : "A justified emotion curve and opportunities with an owner",
            "es" : "Curva emocional justificada y oportunidades con responsable"
          }
        ],
        "timeboxes" : {
          "contexto" : 5,
          "etapas" : 25
        }
      },
      {
        "exercise" : "proyecto-final",
        "rubric" : [
          {
            "en" : "A clear purpose for the experience",
            "es" : "Propósito de la experiencia claro"
          },
          {
            "en" : "Brings together the matrix, the moments of truth, empathy and the journey",
            "es" : "Integra la matriz, los momentos de la verdad, la empatía y el viaje"
          },
          {
            "en" : "A feasible, measurable proposal (NPS, CES, CSAT)",
            "es" : "Propuesta viable y medible (NPS, CES, CSAT)"
          }
        ],
        "timeboxes" : {

        }
      }
    ],
    "grading" : [
      {
        "exercises" : [
          "puntos-contacto",
          "momentos-verdad"
        ],
        "id" : "puntos-mot",
        "title" : {
          "en" : "Touchpoints and moments of truth",
          "es" : "Puntos de contacto y momentos de la verdad"
        },
        "weight" : 15
      },
      {
        "exercises" : [

        ],
        "id" : "participacion",
        "title" : {
          "en" : "Active participation in class",
          "es" : "Participación activa en clase"
        },
        "weight" : 20
      },
      {
        "exercises" : [
          "mapa-empatia"
        ],
        "id" : "empatia",
        "title" : {
          "en" : "Empathy map",
          "es" : "Mapa de empatía"
        },
        "weight" : 10
      },
      {
        "exercises" : [
          "mapa-viaje"
        ],
        "id" : "journey",
        "title" : {
          "en" : "Customer journey map",
          "es" : "Customer journey map"
        },
        "weight" : 15
      },
      {
        "exercises" : [
          "proyecto-final"
        ],
        "id" : "final",
        "title" : {
          "en" : "Final team project",
          "es" : "Trabajo final en equipo"
        },
        "weight" : 40
      }
    ],
    "id" : "cem",
    "scaleMax" : 20,
    "teamSize" : 3,
    "title" : {
      "en" : "Customer Experience Management (CEM)",
      "es" : "Customer Experience Management (CEM)"
    },
    "version" : 1
  },
  "exercises" : [
    {
      "checks" : [
        {
          "id" : "sin-dolores",
          "message" : {
            "en" : "There are no pains: what frustrates them, what do they fear, what stands in their way?",
            "es" : "No hay dolores: ¿qué le frustra, qué teme, qué obstáculos encuentra?"
          },
          "require" : {
            "filled" : {
              "_0" : "dolores"
            }
          },
          "when" : [

          ]
        },
        {
          "id" : "sin-ganancias",
          "message" : {
            "en" : "There are no gains: what do they want, how do they measure success?",
            "es" : "No hay ganancias: ¿qué desea, cómo mide el éxito?"
          },
          "require" : {
            "filled" : {
              "_0" : "ganancias"
            }
          },
          "when" : [

          ]
        }
      ],
      "complete" : [
        {
          "field" : "quien",
          "fields" : [

          ]
        },
        {
          "field" : "meta",
          "fields" : [

          ]
        },
        {
          "field" : "ve",
          "fields" : [

          ],
          "min" : 1
        },
        {
          "field" : "dice",
          "fields" : [

          ],
          "min" : 1
        },
        {
          "field" : "hace",
          "fields" : [

          ],
          "min" : 1
        },
        {
          "field" : "oye",
          "fields" : [

          ],
          "min" : 1
        },
        {
          "field" : "piensa",
          "fields" : [

          ],
          "min" : 1
        },
        {
          "field" : "dolores",
          "fields" : [

          ],
          "min" : 1
        },
        {
          "field" : "ganancias",
          "fields" : [

          ],
          "min" : 1
        }
      ],
      "drawing" : "canvas",
      "id" : "mapa-empatia",
      "intro" : {
        "en" : "Put yourselves in your customer's shoes. Start with who they are and what they need to achieve; then, clockwise, what they see, say, do and hear; last, what they think and feel, their pains and what they hope to gain.",
        "es" : "Pónganse en los zapatos de su cliente. Empiecen por quién es y qué necesita lograr; luego, en sentido horario, qué ve, dice, hace y oye; al final, qué piensa y siente, sus dolores y lo que espera ganar."
      },
      "steps" : [
        {
          "fields" : [
            {
              "decimals" : 0,
              "defaults" : [

              ],
              "example" : {
                "en" : "Rosa, 34, a mother shopping for Sunday lunch",
                "es" : "Rosa, 34, mamá que compra para el almuerzo del domingo"
              },
              "fields" : [

              ],
              "help" : {
                "en" : "The person, the situation they are in and their role in it.",
                "es" : "La persona, la situación en que está y su papel en ella."
              },
              "hint" : {
                "en" : "A concrete person, not a segment: give them a name and an age.",
                "es" : "Una persona concreta, no un segmento: ponle nombre y edad."
              },
              "id" : "quien",
              "kind" : "text",
              "multiple" : false,
              "options" : [

              ],
              "other" : false,
              "prompt" : {
                "en" : "Who are we empathizing with?",
                "es" : "¿Con quién empatizamos?"
              },
              "quick" : [

              ],
              "required" : true,
              "translations" : {

              }
            },
            {
              "decimals" : 0,
              "defaults" : [

              ],
              "example" : {
                "en" : "Serve a lunch everyone likes without overspending",
                "es" : "Servir un almuerzo que a todos les guste sin gastar de más"
              },
              "fields" : [

              ],
              "help" : {
                "en" : "What they need to do differently, which jobs they want done, which decisions they must make and how we will know they succeeded.",
                "es" : "Qué necesita hacer distinto, qué tareas quiere resolver, qué decisiones debe tomar y cómo sabremos que lo logró."
              },
              "hint" : {
                "en" : "Write it as something observable.",
                "es" : "Escríbanlo como algo observable."
              },
              "id" : "meta",
              "kind" : "longtext",
              "multiple" : false,
              "options" : [

              ],
              "other" : false,
              "prompt" : {
                "en" : "Goal: what do they need to do?",
                "es" : "Meta: ¿qué necesita hacer?"
              },
              "quick" : [

              ],
              "required" : true,
              "translations" : {

              }
            }
          ],
          "id" : "quien",
          "title" : {
            "en" : "Who and what for",
            "es" : "Quién y para qué"
          }
        },
        {
          "fields" : [
            {
              "decimals" : 0,
              "defaults" : [

              ],
              "example" : {
                "en" : "Offers of other soft drinks on the shelf",
                "es" : "Ofertas de otras gaseosas en el anaquel"
              },
              "fields" : [
                {
                  "decimals" : 0,
                  "defaults" : [

                  ],
                  "example" : {
                    "en" : "Her family asks for it",
                    "es" : "Su familia la pide"
                  },
                  "fields" : [

                  ],
                  "help" : {
                    "en" : "A short sentence.",
                    "es" : "Una frase corta."
                  },
                  "hint" : {
                    "en" : "One idea per note.",
                    "es" : "Una idea por nota."
                  },
                  "id" : "nota",
                  "kind" : "text",
                  "multiple" : false,
                  "name" : {
                    "en" : "note",
                    "es" : "nota"
                  },
                  "options" : [

                  ],
                  "other" : false,
                  "prompt" : {
                    "en" : "Note",
                    "es" : "Nota"
                  },
                  "quick" : [

                  ],
                  "required" : true,
                  "translations" : {

                  }
                }
              ],
              "help" : {
                "en" : "In the marketplace, in their surroundings, what others say and do, what they watch and read.",
                "es" : "En el mercado, en su entorno, lo que otros dicen y hacen, lo que mira y lee."
              },
              "hint" : {
                "en" : "One note per thing they see.",
                "es" : "Una nota por cosa que ve."
              },
              "id" : "ve",
              "kind" : "list",
              "minItems" : 1,
              "multiple" : false,
              "name" : {
                "en" : "sees",
                "es" : "ve"
              },
              "options" : [

              ],
              "other" : false,
              "prompt" : {
                "en" : "What do they see?",
                "es" : "¿Qué ve?"
              },
              "quick" : [

              ],
              "required" : false,
              "translations" : {

              }
            },
            {
              "decimals" : 0,
              "defaults" : [

              ],
              "example" : {
                "en" : "\"It is not lunch without Inca Kola\"",
                "es" : "«Sin Inca Kola no es almuerzo»"
              },
              "fields" : [
                {
                  "decimals" : 0,
                  "defaults" : [

                  ],
                  "example" : {
                    "en" : "Her family asks for it",
                    "es" : "Su familia la pide"
                  },
                  "fields" : [

                  ],
                  "help" : {
                    "en" : "A short sentence.",
                    "es" : "Una frase corta."
                  },
                  "hint" : {
                    "en" : "One idea per note.",
                    "es" : "Una idea por nota."
                  },
                  "id" : "nota",
                  "kind" : "text",
                  "multiple" : false,
                  "name" : {
                    "en" : "note",
                    "es" : "nota"
                  },
                  "options" : [

                  ],
                  "other" : false,
                  "prompt" : {
                    "en" : "Note",
                    "es" : "Nota"
                  },
                  "quick" : [

                  ],
                  "required" : true,
                  "translations" : {

                  }
                }
              ],
              "help" : {
                "en" : "What we have heard them say and what we imagine they would say.",
                "es" : "Lo que le hemos oído decir y lo que imaginamos que diría."
              },
              "hint" : {
                "en" : "In quotes, in their words.",
                "es" : "Entre comillas, con sus palabras."
              },
              "id" : "dice",
              "kind" : "list",
              "minItems" : 1,
              "multiple" : false,
              "name" : {
                "en" : "says",
                "es" : "dice"
              },
              "options" : [

              ],
              "other" : false,
              "prompt" : {
                "en" : "What do they say?",
                "es" : "¿Qué dice?"
              },
              "quick" : [

              ],
              "required" : false,
              "translations" : {

              }
            },
            {
              "decimals" : 0,
              "defaults" : [

              ],
              "example" : {
                "en" : "Buys the 3-litre bottle",
                "es" : "Compra la botella de 3 litros"
              },
              "fields" : [
                {
                  "decimals" : 0,
                  "defaults" : [

                  ],
                  "example" : {
                    "en" : "Her family asks for it",
                    "es" : "Su familia la pide"
                  },
                  "fields" : [

                  ],
                  "help" : {
                    "en" : "A short sentence.",
                    "es" : "Una frase corta."
                  },
                  "hint" : {
                    "en" : "One idea per note.",
                    "es" : "Una idea por nota."
                  },
                  "id" : "nota",
                  "kind" : "text",
                  "multiple" : false,
                  "name" : {
                    "en" : "note",
                    "es" : "nota"
                  },
                  "options" : [

                  ],
                  "other" : false,
                  "prompt" : {
                    "en" : "Note",
                    "es" : "Nota"
                  },
                  "quick" : [

                  ],
                  "required" : true,
                  "translations" : {

                  }
                }
              ],
              "help" : {
                "en" : "What they do today, what we have observed and what we imagine they would do.",
                "es" : "Lo que hace hoy, lo que hemos observado y lo que imaginamos que haría."
              },
              "hint" : {
                "en" : "Verbs: compares, asks, buys…",
                "es" : "Verbos: compara, pregunta, compra…"
              },
              "id" : "hace",
              "kind" : "list",
              "minItems" : 1,
              "multiple" : false,
              "name" : {
                "en" : "does",
                "es" : "hace"
              },
              "options" : [

              ],
              "other" : false,
              "prompt" : {
                "en" : "What do they do?",
                "es" : "¿Qué hace?"
              },
              "quick" : [

              ],
              "required" : false,
              "translations" : {

              }
            },
            {
              "decimals" : 0,
              "defaults" : [

              ],
              "example" : {
                "en" : "Her sister recommends a new brand",
                "es" : "Su hermana le recomienda una marca nueva"
              },
              "fields" : [
                {
                  "decimals" : 0,
                  "defaults" : [

                  ],
                  "example" : {
                    "en" : "Her family asks for it",
                    "es" : "Su familia la pide"
                  },
                  "fields" : [

                  ],
                  "help" : {
                    "en" : "A short sentence.",
                    "es" : "Una frase corta."
                  },
                  "hint" : {
                    "en" : "One idea per note.",
                    "es" : "Una idea por nota."
                  },
                  "id" : "nota",
                  "kind" : "text",
                  "multiple" : false,
                  "name" : {
                    "en" : "note",
                    "es" : "nota"
                  },
                  "options" : [

                  ],
                  "other" : false,
                  "prompt" : {
                    "en" : "Note",
                    "es" : "Nota"
                  },
                  "quick" : [

                  ],
                  "required" : true,
                  "translations" : {

                  }
                }
              ],
              "help" : {
                "en" : "What they hear from others, friends, colleagues, second-hand.",
                "es" : "Lo que oye de otros, amigos, colegas, de segunda mano."
              },
              "hint" : {
                "en" : "Who influences their decision?",
                "es" : "¿Quién influye en su decisión?"
              },
              "id" : "oye",
              "kind" : "list",
              "minItems" : 1,
              "multiple" : false,
              "name" : {
                "en" : "hears",
                "es" : "oye"
              },
              "options" : [

              ],
              "other" : false,
              "prompt" : {
                "en" : "What do they hear?",
                "es" : "¿Qué oye?"
              },
              "quick" : [

              ],
              "required" : false,
              "translations" : {

              }
            }
          ],
          "id" : "observar",
          "title" : {
            "en" : "See, say, do, hear",
            "es" : "Ve, dice, hace, oye"
          }
        },
        {
          "fields" : [
            {
              "decimals" : 0,
              "defaults" : [

              ],
              "example" : {
                "en" : "She wants her family to feel at home",
                "es" : "Quiere que su familia se sienta en casa"
              },
              "fields" : [
                {
                  "decimals" : 0,
                  "defaults" : [

                  ],
                  "example" : {
                    "en" : "Her family asks for it",
                    "es" : "Su familia la pide"
                  },
                  "fields" : [

                  ],
                  "help" : {
                    "en" : "A short sentence.",
                    "es" : "Una frase corta."
                  },
                  "hint" : {
                    "en" : "One idea per note.",
                    "es" : "Una idea por nota."
                  },
                  "id" : "nota",
                  "kind" : "text",
                  "multiple" : false,
                  "name" : {
                    "en" : "note",
                    "es" : "nota"
                  },
                  "options" : [

                  ],
                  "other" : false,
                  "prompt" : {
                    "en" : "Note",
                    "es" : "Nota"
                  },
                  "quick" : [

                  ],
                  "required" : true,
                  "translations" : {

                  }
                }
              ],
              "help" : {
                "en" : "Other thoughts and feelings that might motivate their behaviour.",
                "es" : "Otros pensamientos y sentimientos que mueven su conducta."
              },
              "hint" : {
                "en" : "What they do not say out loud.",
                "es" : "Lo que no dice en voz alta."
              },
              "id" : "piensa",
              "kind" : "list",
              "minItems" : 1,
              "multiple" : false,
              "name" : {
                "en" : "thinks",
                "es" : "piensa"
              },
              "options" : [

              ],
              "other" : false,
              "prompt" : {
                "en" : "What do they think and feel?",
                "es" : "¿Qué piensa y siente?"
              },
              "quick" : [

              ],
              "required" : false,
              "translations" : {

              }
            },
            {
              "decimals" : 0,
              "defaults" : [

              ],
              "example" : {
                "en" : "Running out of drink halfway through lunch",
                "es" : "Que se acabe la bebida a mitad del almuerzo"
              },
              "fields" : [
                {
                  "decimals" : 0,
                  "defaults" : [

                  ],
                  "example" : {
                    "en" : "Her family asks for it",
                    "es" : "Su familia la pide"
                  },
                  "fields" : [

                  ],
                  "help" : {
                    "en" : "A short sentence.",
                    "es" : "Una frase corta."
                  },
                  "hint" : {
                    "en" : "One idea per note.",
                    "es" : "Una idea por nota."
                  },
                  "id" : "nota",
                  "kind" : "text",
                  "multiple" : false,
                  "name" : {
                    "en" : "note",
                    "es" : "nota"
                  },
                  "options" : [

                  ],
                  "other" : false,
                  "prompt" : {
                    "en" : "Note",
                    "es" : "Nota"
                  },
                  "quick" : [

                  ],
                  "required" : true,
                  "translations" : {

                  }
                }
              ],
              "help" : {
                "en" : "Fears, frustrations, anxieties.",
                "es" : "Miedos, frustraciones, ansiedades."
              },
              "hint" : {
                "en" : "What keeps them awake at night?",
                "es" : "¿Qué le quita el sueño?"
              },
              "id" : "dolores",
              "kind" : "list",
              "minItems" : 1,
              "multiple" : false,
              "name" : {
                "en" : "pain",
                "es" : "dolor"
              },
              "options" : [

              ],
              "other" : false,
              "prompt" : {
                "en" : "Pains",
                "es" : "Dolores"
              },
              "quick" : [

              ],
              "required" : false,
              "translations" : {

              }
            },
            {
              "decimals" : 0,
              "defaults" : [

              ],
              "example" : {
                "en" : "A calm lunch with everyone happy",
                "es" : "Un almuerzo tranquilo y todos contentos"
              },
              "fields" : [
                {
                  "decimals" : 0,
                  "defaults" : [

                  ],
                  "example" : {
                    "en" : "Her family asks for it",
                    "es" : "Su familia la pide"
                  },
                  "fields" : [

                  ],
                  "help" : {
                    "en" : "A short sentence.",
                    "es" : "Una frase corta."
                  },
                  "hint" : {
                    "en" : "One idea per note.",
                    "es" : "Una idea por nota."
                  },
                  "id" : "nota",
                  "kind" : "text",
                  "multiple" : false,
                  "name" : {
                    "en" : "note",
                    "es" : "nota"
                  },
                  "options" : [

                  ],
                  "other" : false,
                  "prompt" : {
                    "en" : "Note",
                    "es" : "Nota"
                  },
                  "quick" : [

                  ],
                  "required" : true,
                  "translations" : {

                  }
                }
              ],
              "help" : {
                "en" : "Wants, needs, hopes, dreams.",
                "es" : "Deseos, necesidades, esperanzas, sueños."
              },
              "hint" : {
                "en" : "What would a perfect Sunday look like?",
                "es" : "¿Cómo se vería un domingo perfecto?"
              },
              "id" : "ganancias",
              "kind" : "list",
              "minItems" : 1,
              "multiple" : false,
              "name" : {
                "en" : "gain",
                "es" : "ganancia"
              },
              "options" : [

              ],
              "other" : false,
              "prompt" : {
                "en" : "Gains",
                "es" : "Ganancias"
              },
              "quick" : [

              ],
              "required" : false,
              "translations" : {

              }
            }
          ],
          "id" : "cabeza",
          "title" : {
            "en" : "Think and feel",
            "es" : "Piensa y siente"
          }
        }
      ],
      "title" : {
        "en" : "Empathy map",
        "es" : "Mapa de empatía"
      },
      "version" : 1
    },
    {
      "checks" : [
        {
          "each" : "etapas",
          "id" : "etapa-sin-emocion",
          "message" : {
            "en" : "Stage {n} “{nombre}” has no emotion: the curve has a gap there.",
            "es" : "La etapa {n} «{nombre}» no tiene emoción: la curva queda con un hueco."
          },
          "require" : {
            "filled" : {
              "_0" : "emocion"
            }
          },
          "when" : [

          ]
        }
      ],
      "complete" : [
        {
          "field" : "persona",
          "fields" : [

          ]
        },
        {
          "field" : "escenario",
          "fields" : [

          ]
        },
        {
          "field" : "etapas",
          "fields" : [
            "nombre",
            "acciones",
            "puntos",
            "emocion"
          ],
          "min" : 2
        }
      ],
      "drawing" : "journey",
      "id" : "mapa-viaje",
      "intro" : {
        "en" : "Draw your persona's journey through the stages of the experience: what they do, which touchpoints they meet, what they think and how they feel (from −2 to +2) at each stage, where it hurts and which opportunities you see. The stages are suggested; you may change them.",
        "es" : "Dibujen el viaje de su persona por las etapas de la experiencia: qué hace, con qué puntos de contacto se cruza, qué piensa y cómo se siente (de −2 a +2) en cada etapa, dónde le duele y qué oportunidades ven. Las etapas vienen propuestas; pueden cambiarlas."
      },
      "steps" : [
        {
          "fields" : [
            {
              "decimals" : 0,
              "defaults" : [

              ],
              "example" : {
                "en" : "Rosa, 34, a mother",
                "es" : "Rosa, 34, mamá"
              },
              "fields" : [

              ],
              "help" : {
                "en" : "The person from the empathy map.",
                "es" : "La persona del mapa de empatía."
              },
              "hint" : {
                "en" : "Press Enter to use the one from the empathy map.",
                "es" : "Pulsen Enter para usar la del mapa de empatía."
              },
              "id" : "persona",
              "kind" : "text",
              "multiple" : false,
              "options" : [

              ],
              "other" : false,
              "prefill" : "mapa-empatia.quien",
              "prompt" : {
                "en" : "Persona",
                "es" : "Persona"
              },
              "quick" : [

              ],
              "required" : true,
              "translations" : {

              }
            },
            {
              "decimals" : 0,
              "defaults" : [

              ],
              "example" : {
                "en" : "Buying drinks for Sunday lunch",
                "es" : "Comprar bebidas para el almuerzo del domingo"
              },
              "fields" : [

              ],
              "help" : {
                "en" : "The concrete situation the map follows.",
                "es" : "La situación concreta que recorre el mapa."
              },
              "hint" : {
                "en" : "A goal and a moment: \"buying for Sunday lunch\".",
                "es" : "Un objetivo y un momento: «comprar para el almuerzo del domingo»."
              },
              "id" : "escenario",
              "kind" : "text",
              "multiple" : false,
              "options" : [

              ],
              "other" : false,
              "prompt" : {
                "en" : "Scenario",
                "es" : "Escenario"
              },
              "quick" : [

              ],
              "required" : true,
              "translations" : {

              }
            },
            {
              "decimals" : 0,
              "defaults" : [

              ],
              "example" : {
                "en" : "Find the big bottle cold and pay fast",
                "es" : "Encontrar la botella grande fría y pagar rápido"
              },
              "fields" : [

              ],
              "help" : {
                "en" : "What the persona expects of the whole experience.",
                "es" : "Lo que la persona espera de la experiencia completa."
              },
              "hint" : {
                "en" : "Fast, cheap, pleasant…",
                "es" : "Rápido, barato, agradable…"
              },
              "id" : "expectativas",
              "kind" : "text",
              "multiple" : false,
              "options" : [

              ],
              "other" : false,
              "prompt" : {
                "en" : "Expectations",
                "es" : "Expectativas"
              },
              "quick" : [

              ],
              "required" : false,
              "translations" : {

              }
            }
          ],
          "id" : "contexto",
          "title" : {
            "en" : "Persona and scenario",
            "es" : "Persona y escenario"
          }
        },
        {
          "fields" : [
            {
              "decimals" : 0,
              "defaults" : [
                {
                  "nombre" : "Conocer el producto"
                },
                {
                  "nombre" : "Asesoría"
                },
                {
                  "nombre" : "Compra"
                },
                {
                  "nombre" : "Uso"
                },
                {
                  "nombre" : "Posventa"
                },
                {
                  "nombre" : "Baja"
                }
              ],
              "example" : {
                "en" : "Learn, Buy, Use",
                "es" : "Conocer, Comprar, Usar"
              },
              "fields" : [
                {
                  "decimals" : 0,
                  "defaults" : [

                  ],
                  "example" : {
                    "en" : "Purchase",
                    "es" : "Compra"
                  },
                  "fields" : [

                  ],
                  "help" : {
                    "en" : "Short: one or two words.",
                    "es" : "Corto: una o dos palabras."
                  },
                  "hint" : {
                    "en" : "A verb works well.",
                    "es" : "Un verbo funciona bien."
                  },
                  "id" : "nombre",
                  "kind" : "text",
                  "multiple" : false,
                  "name" : {
                    "en" : "name",
                    "es" : "nombre"
                  },
                  "options" : [

                  ],
                  "other" : false,
                  "prompt" : {
                    "en" : "Stage name",
                    "es" : "Nombre de la etapa"
                  },
                  "quick" : [

                  ],
                  "required" : true,
                  "translations" : {
                    "Asesoría" : "Advice",
                    "Baja" : "Cancellation",
                    "Compra" : "Purchase",
                    "Conocer el producto" : "Learning about the product",
                    "Posventa" : "After-sales",
                    "Uso" : "Use"
                  }
                },
                {
                  "decimals" : 0,
                  "defaults" : [

                  ],
                  "example" : {
                    "en" : "Finds the soda on the shelf and takes it to the till",
                    "es" : "Busca la gaseosa en el anaquel y la lleva a caja"
                  },
                  "fields" : [

                  ],
                  "help" : {
                    "en" : "What the persona does at this stage.",
                    "es" : "Lo que hace la persona en esta etapa."
                  },
                  "hint" : {
                    "en" : "Verbs in the present tense.",
                    "es" : "Verbos en presente."
                  },
                  "id" : "acciones",
                  "kind" : "text",
                  "multiple" : false,
                  "name" : {
                    "en" : "actions",
                    "es" : "acciones"
                  },
                  "options" : [

                  ],
                  "other" : false,
                  "prompt" : {
                    "en" : "Customer actions",
                    "es" : "Acciones del cliente"
                  },
                  "quick" : [

                  ],
                  "required" : false,
                  "translations" : {

                  }
                },
                {
                  "decimals" : 0,
                  "defaults" : [

                  ],
                  "example" : {
                    "en" : "1, 3",
                    "es" : "1, 3"
                  },
                  "fields" : [

                  ],
                  "help" : {
                    "en" : "Those of the touchpoint map that appear at this stage.",
                    "es" : "Los del mapa de puntos de contacto que aparecen en esta etapa."
                  },
                  "hint" : {
                    "en" : "Numbers or names separated by commas.",
                    "es" : "Números o nombres separados por comas."
                  },
                  "id" : "puntos",
                  "kind" : "ref",
                  "multiple" : true,
                  "name" : {
                    "en" : "touchpoints",
                    "es" : "puntos"
                  },
                  "options" : [

                  ],
                  "other" : false,
                  "prompt" : {
                    "en" : "Touchpoints",
                    "es" : "Puntos de contacto"
                  },
                  "quick" : [

                  ],
                  "ref" : {
                    "exercise" : "puntos-contacto",
                    "list" : "puntos"
                  },
                  "required" : false,
                  "translations" : {

                  }
                },
                {
                  "decimals" : 0,
                  "defaults" : [

                  ],
                  "example" : {
                    "en" : "Store",
                    "es" : "Tienda"
                  },
                  "fields" : [

                  ],
                  "help" : {
                    "en" : "Where it happens: store, web, phone…",
                    "es" : "Por dónde ocurre: tienda, web, teléfono…"
                  },
                  "hint" : {
                    "en" : "The stage's main channel.",
                    "es" : "El canal principal de la etapa."
                  },
                  "id" : "canal",
                  "kind" : "text",
                  "multiple" : false,
                  "name" : {
                    "en" : "channel",
                    "es" : "canal"
                  },
                  "options" : [

                  ],
                  "other" : false,
                  "prompt" : {
                    "en" : "Channel",
                    "es" : "Canal"
                  },
                  "quick" : [

                  ],
                  "required" : false,
                  "translations" : {

                  }
                },
                {
                  "decimals" : 0,
                  "defaults" : [

                  ],
                  "example" : {
                    "en" : "\"Will there be a cold one?\"",
                    "es" : "«¿Habrá fría?»"
                  },
                  "fields" : [

                  ],
                  "help" : {
                    "en" : "What they think or say, in their words.",
                    "es" : "Lo que piensa o dice, con sus palabras."
                  },
                  "hint" : {
                    "en" : "In quotes.",
                    "es" : "Entre comillas."
                  },
                  "id" : "pensamientos",
                  "kind" : "text",
                  "multiple" : false,
                  "name" : {
                    "en" : "thoughts",
                    "es" : "pensamientos"
                  },
                  "options" : [

                  ],
                  "other" : false,
                  "prompt" : {
                    "en" : "Thoughts",
                    "es" : "Pensamientos"
                  },
                  "quick" : [

                  ],
                  "required" : false,
                  "translations" : {

                  }
                },
                {
                  "decimals" : 0,
                  "defaults" : [

                  ],
                  "example" : {
                    "en" : "1",
                    "es" : "1"
                  },
                  "fields" : [

                  ],
                  "help" : {
                    "en" : "−2 very bad, 0 neutral, +2 very good.",
                    "es" : "−2 muy mal, 0 neutral, +2 muy bien."
                  },
                  "hint" : {
                    "en" : "The emotion curve comes from these numbers.",
                    "es" : "La curva emocional sale de estos números."
                  },
                  "id" : "emocion",
                  "kind" : "scale",
                  "max" : 2,
                  "min" : -2,
                  "multiple" : false,
                  "name" : {
                    "en" : "emotion",
                    "es" : "emoción"
                  },
                  "options" : [

                  ],
                  "other" : false,
                  "prompt" : {
                    "en" : "Emotion (−2 to +2)",
                    "es" : "Emoción (−2 a +2)"
                  },
                  "quick" : [

                  ],
                  "required" : false,
                  "translations" : {

                  }
                },
                {
                  "decimals" : 0,
                  "defaults" : [

                  ],
                  "example" : {
                    "en" : "The queue at the till",
                    "es" : "La cola en caja"
                  },
                  "fields" : [

                  ],
                  "help" : {
                    "en" : "What annoys or blocks.",
                    "es" : "Lo que molesta o frena."
                  },
                  "hint" : {
                    "en" : "Where do they complain?",
                    "es" : "¿Dónde se queja?"
                  },
                  "id" : "dolores",
                  "kind" : "text",
                  "multiple" : false,
                  "name" : {
                    "en" : "pains",
                    "es" : "dolores"
                  },
                  "options" : [

                  ],
                  "other" : false,
                  "prompt" : {
                    "en" : "Pain points",
                    "es" : "Puntos de dolor"
                  },
                  "quick" : [

                  ],
                  "required" : false,
                  "translations" : {

                  }
                },
                {
                  "decimals" : 0,
                  "defaults" : [

                  ],
                  "example" : {
                    "en" : "Express till for small purchases (operations)",
                    "es" : "Caja rápida para compras pequeñas (operaciones)"
                  },
                  "fields" : [

                  ],
                  "help" : {
                    "en" : "What the brand could improve, and who.",
                    "es" : "Qué podría mejorar la marca, y quién."
                  },
                  "hint" : {
                    "en" : "With an owner.",
                    "es" : "Con un responsable."
                  },
                  "id" : "oportunidades",
                  "kind" : "text",
                  "multiple" : false,
                  "name" : {
                    "en" : "opportunities",
                    "es" : "oportunidades"
                  },
                  "options" : [

                  ],
                  "other" : false,
                  "prompt" : {
                    "en" : "Opportunities",
                    "es" : "Oportunidades"
                  },
                  "quick" : [

                  ],
                  "required" : false,
                  "translations" : {

                  }
                },
                {
                  "decimals" : 0,
                  "defaults" : [

                  ],
                  "example" : {
                    "en" : "1",
                    "es" : "1"
                  },
                  "fields" : [

                  ],
                  "help" : {
                    "en" : "The moments of truth that happen at this stage.",
                    "es" : "Los momentos de la verdad que ocurren en esta etapa."
                  },
                  "hint" : {
                    "en" : "Numbers separated by commas.",
                    "es" : "Números separados por comas."
                  },
                  "id" : "mot",
                  "kind" : "ref",
                  "multiple" : true,
                  "name" : {
                    "en" : "mot",
                    "es" : "mot"
                  },
                  "options" : [

                  ],
                  "other" : false,
                  "prompt" : {
                    "en" : "Moments of truth",
                    "es" : "Momentos de la verdad"
                  },
                  "quick" : [

                  ],
                  "ref" : {
                    "exercise" : "momentos-verdad",
                    "list" : "momentos"
                  },
                  "required" : false,
                  "translations" : {

                  }
                }
              ],
              "help" : {
                "en" : "The map's columns, in order.",
                "es" : "Las columnas del mapa, en orden."
              },
              "hint" : {
                "en" : "Rename or reorder the suggested ones with \"edit\" and \"move\".",
                "es" : "Cambien el nombre o el orden de las propuestas con «editar» y «mover»."
              },
              "id" : "etapas",
              "kind" : "list",
              "maxItems" : 12,
              "minItems" : 2,
              "multiple" : false,
              "name" : {
                "en" : "stage",
                "es" : "etapa"
              },
              "options" : [

              ],
              "other" : false,
              "prompt" : {
                "en" : "Stages of the journey",
                "es" : "Etapas del viaje"
              },
              "quick" : [
                "nombre",
                "acciones",
                "puntos",
                "emocion",
                "dolores"
              ],
              "required" : true,
              "translations" : {

              }
            }
          ],
          "id" : "etapas",
          "title" : {
            "en" : "Stages",
            "es" : "Etapas"
          }
        }
      ],
      "title" : {
        "en" : "Customer journey map",
        "es" : "Customer journey map"
      },
      "version" : 1
    },
    {
      "checks" : [

      ],
      "complete" : [

      ],
      "drawing" : "sheet",
      "id" : "marca-peruana",
      "intro" : {
        "en" : "Choose a Peruvian brand that stands out through the experience it offers. Research and discuss: what is the brand? what is it about? how does it differentiate? Is the experience static, human or digital? Then tell its story to the class.",
        "es" : "Elijan una marca peruana que se diferencie por la experiencia que ofrece. Investiguen y conversen: ¿cuál es la marca?, ¿de qué se trata?, ¿en qué se diferencia? ¿La experiencia es estática, humana o digital? Luego cuenten su historia a la clase."
      },
      "steps" : [
        {
          "fields" : [
            {
              "decimals" : 0,
              "defaults" : [

              ],
              "example" : {
                "en" : "Inca Kola",
                "es" : "Inca Kola"
              },
              "fields" : [

              ],
              "help" : {
                "en" : "A Peruvian brand (born in Peru or deeply rooted there) you know as customers.",
                "es" : "Una marca peruana (nacida o muy arraigada en el Perú) que conozcan como clientes."
              },
              "hint" : {
                "en" : "Think of brands you choose even when cheaper options exist. Why do you come back?",
                "es" : "Piensen en marcas que eligen aunque haya alternativas más baratas. ¿Por qué vuelven?"
              },
              "id" : "marca",
              "kind" : "text",
              "multiple" : false,
              "options" : [

              ],
              "other" : false,
              "prompt" : {
                "en" : "What is the brand?",
                "es" : "¿Cuál es la marca?"
              },
              "quick" : [

              ],
              "required" : true,
              "translations" : {

              }
            },
            {
              "decimals" : 0,
              "defaults" : [

              ],
              "example" : {
                "en" : "A Peruvian soft drink, \"the taste of Peru\", present at family lunches.",
                "es" : "Bebida gaseosa peruana, «el sabor del Perú», presente en los almuerzos familiares."
              },
              "fields" : [

              ],
              "help" : {
                "en" : "What it sells, to whom and on which occasions; its promise in one or two sentences.",
                "es" : "Qué vende, a quién y en qué ocasiones; su promesa en una o dos frases."
              },
              "hint" : {
                "en" : "Think of what it sells and to whom, and of the moment people consume or use it.",
                "es" : "Piensen en qué vende y a quién, y en el momento en que la gente la consume o la usa."
              },
              "id" : "de-que-trata",
              "kind" : "longtext",
              "multiple" : false,
              "options" : [

              ],
              "other" : false,
              "prompt" : {
                "en" : "What is it about?",
                "es" : "¿De qué se trata?"
              },
              "quick" : [

              ],
              "required" : true,
              "translations" : {

              }
            },
            {
              "decimals" : 0,
              "defaults" : [

              ],
              "example" : {
                "en" : "It connects with national identity; its colour and taste are tied to Peruvian food.",
                "es" : "Conecta con la identidad nacional; su color y su sabor se asocian a la comida peruana."
              },
              "fields" : [

              ],
              "help" : {
                "en" : "What the customer lives with this brand and not with others; the difference must come from the experience.",
                "es" : "Lo que el cliente vive con esta marca y no con las demás; la diferencia debe venir de la experiencia."
              },
              "hint" : {
                "en" : "Remember the last time you used it. What did you feel, see, who served you?",
                "es" : "Recuerden la última vez que la usaron. ¿Qué sintieron, qué vieron, quién los atendió?"
              },
              "id" : "diferenciacion",
              "kind" : "longtext",
              "multiple" : false,
              "options" : [

              ],
              "other" : false,
              "prompt" : {
                "en" : "How does it differentiate?",
                "es" : "¿En qué se diferencia?"
              },
              "quick" : [

              ],
              "required" : true,
              "translations" : {

              }
            },
            {
              "decimals" : 0,
              "defaults" : [

              ],
              "example" : {
                "en" : "human, digital",
                "es" : "humana, digital"
              },
              "fields" : [

              ],
              "help" : {
                "en" : "Static: retail points, newsletters and ads, packaging, prices and coupons. Human: person-to-person contact with employees, sales reps, phone, chat. Digital: website, apps, social networks, sensors and other electronic channels.",
                "es" : "Estática: puntos de venta, boletines y anuncios, empaque, precios y cupones. Humana: trato de persona a persona con empleados, vendedores, teléfono, chat. Digital: web, apps, redes sociales, sensores y otros canales electrónicos."
              },
              "hint" : {
                "en" : "Where does the moment you remember most happen, in an object, a person or a screen?",
                "es" : "¿Dónde ocurre el momento que más recuerdan, en un objeto, en una persona o en una pantalla?"
              },
              "id" : "experiencia",
              "kind" : "choice",
              "multiple" : true,
              "options" : [
                {
                  "help" : {
                    "en" : "retail points, ads, packaging, prices, coupons",
                    "es" : "puntos de venta, anuncios, empaque, precios, cupones"
                  },
                  "id" : "estatica",
                  "label" : {
                    "en" : "static",
                    "es" : "estática"
                  }
                },
                {
                  "help" : {
                    "en" : "employees, sales reps, phone, chat",
                    "es" : "empleados, vendedores, teléfono, chat"
                  },
                  "id" : "humana",
                  "label" : {
                    "en" : "human",
                    "es" : "humana"
                  }
                },
                {
                  "help" : {
                    "en" : "website, apps, social networks, sensors",
                    "es" : "web, apps, redes sociales, sensores"
                  },
                  "id" : "digital",
                  "label" : {
                    "en" : "digital",
                    "es" : "digital"
                  }
                }
              ],
              "other" : false,
              "prompt" : {
                "en" : "Kind of experience (one or more)",
                "es" : "Tipo de experiencia (una o varias)"
              },
              "quick" : [

              ],
              "required" : true,
              "translations" : {

              }
            },
            {
              "decimals" : 0,
              "defaults" : [

              ],
              "example" : {
                "en" : "image, product",
                "es" : "imagen, producto"
              },
              "fields" : [

              ],
              "help" : {
                "en" : "Differentiation can be based on product, service, image, people or distribution.",
                "es" : "La diferenciación puede basarse en el producto, el servicio, la imagen, las personas o la distribución."
              },
              "hint" : {
                "en" : "If the product were copied tomorrow, what would still make the brand unique?",
                "es" : "Si mañana copiaran el producto, ¿qué seguiría haciendo única a la marca?"
              },
              "id" : "base",
              "kind" : "choice",
              "multiple" : true,
              "options" : [
                {
                  "id" : "producto",
                  "label" : {
                    "en" : "product",
                    "es" : "producto"
                  }
                },
                {
                  "id" : "servicio",
                  "label" : {
                    "en" : "service",
                    "es" : "servicio"
                  }
                },
                {
                  "id" : "imagen",
                  "label" : {
                    "en" : "image",
                    "es" : "imagen"
                  }
                },
                {
                  "id" : "personas",
                  "label" : {
                    "en" : "people",
                    "es" : "personas"
                  }
                },
                {
                  "id" : "distribucion",
                  "label" : {
                    "en" : "distribution",
                    "es" : "distribución"
                  }
                }
              ],
              "other" : false,
              "prompt" : {
                "en" : "What is its differentiation based on?",
                "es" : "¿En qué se basa su diferenciación?"
              },
              "quick" : [

              ],
              "required" : true,
              "translations" : {

              }
            }
          ],
          "id" : "planeacion",
          "title" : {
            "en" : "Planning",
            "es" : "Planeación"
          }
        },
        {
          "fields" : [
            {
              "decimals" : 0,
              "defaults" : [

              ],
              "example" : {
                "en" : "It is Sunday; there is ceviche and a cold Inca Kola on the table. Nobody ordered it, yet nobody imagines lunch without it.",
                "es" : "Es domingo; en la mesa hay ceviche y una Inca Kola helada. Nadie la pidió, pero nadie imagina el almuerzo sin ella."
              },
              "fields" : [

              ],
              "help" : {
                "en" : "A short story (one minute) with a customer, a moment and an emotion; this is what you share with the class.",
                "es" : "Una historia breve (un minuto) con un cliente, un momento y una emoción; así se comparte con la clase."
              },
              "hint" : {
                "en" : "Start with a scene: \"It is Sunday, the family sits down for lunch…\"",
                "es" : "Empiecen por una escena: «Es domingo, la familia se sienta a almorzar…»"
              },
              "id" : "historia",
              "kind" : "longtext",
              "multiple" : false,
              "options" : [

              ],
              "other" : false,
              "prompt" : {
                "en" : "The story you will tell the class",
                "es" : "La historia que contarán a la clase"
              },
              "quick" : [

              ],
              "required" : true,
              "translations" : {

              }
            }
          ],
          "id" : "historia",
          "title" : {
            "en" : "Story",
            "es" : "Historia"
          }
        }
      ],
      "title" : {
        "en" : "Dynamic: the experience of Peruvian brands",
        "es" : "Dinámica: experiencia de marcas peruanas"
      },
      "version" : 1
    },
    {
      "checks" : [
        {
          "each" : "momentos",
          "id" : "brecha-sin-estrategia",
          "message" : {
            "en" : "Moment {n} ({punto}) has a negative S = R − E ({desempeno} − {expectativa}) and no strategy: choose recovery, spontaneity or difficult customers.",
            "es" : "El momento {n} ({punto}) tiene S = R − E negativo ({desempeno} − {expectativa}) y no tiene estrategia: elijan recuperación, espontaneidad o clientes difíciles."
          },
          "require" : {
            "filled" : {
              "_0" : "estrategia"
            }
          },
          "when" : [
            {
              "less" : {
                "field" : "desempeno",
                "than" : "expectativa"
              }
            }
          ]
        },
        {
          "each" : "momentos",
          "id" : "punto-borrado",
          "message" : {
            "en" : "Moment {n} points at a touchpoint that no longer exists in puntos-contacto.",
            "es" : "El momento {n} apunta a un punto de contacto que ya no existe en puntos-contacto."
          },
          "require" : {
            "refsExist" : {
              "_0" : "punto"
            }
          },
          "when" : [

          ]
        }
      ],
      "complete" : [
        {
          "field" : "momentos",
          "fields" : [
            "punto",
            "tipo",
            "encuentro",
            "flujo",
            "deseado",
            "adecuado",
            "expectativa",
            "desempeno"
          ],
          "min" : 1
        }
      ],
      "drawing" : "mot",
      "id" : "momentos-verdad",
      "intro" : {
        "en" : "A moment of truth is any moment the customer interacts with the service, through any medium, person or channel; each encounter adds to or subtracts from the experience. Mark which of your touchpoints are moments of truth and compare expectation (E) and perceived performance (R): satisfaction is S = R − E.",
        "es" : "Un momento de la verdad es cualquier momento en que el cliente interactúa con el servicio, por cualquier medio, persona o canal; cada encuentro suma o resta a la experiencia. Marquen cuáles de sus puntos de contacto lo son y comparen expectativa (E) y desempeño percibido (R): la satisfacción es S = R − E."
      },
      "steps" : [
        {
          "fields" : [
            {
              "decimals" : 0,
              "defaults" : [

              ],
              "example" : {
                "en" : "Paying at the checkout",
                "es" : "El cobro en caja"
              },
              "fields" : [
                {
                  "decimals" : 0,
                  "defaults" : [

                  ],
                  "example" : {
                    "en" : "1",
                    "es" : "1"
                  },
                  "fields" : [

                  ],
                  "help" : {
                    "en" : "One of the touchpoints of the touchpoint map.",
                    "es" : "Uno de los puntos del mapa de puntos de contacto."
                  },
                  "hint" : {
                    "en" : "Type its number or its name.",
                    "es" : "Escriban su número o su nombre."
                  },
                  "id" : "punto",
                  "kind" : "ref",
                  "multiple" : false,
                  "name" : {
                    "en" : "touchpoint",
                    "es" : "punto"
                  },
                  "options" : [

                  ],
                  "other" : false,
                  "prompt" : {
                    "en" : "Which touchpoint?",
                    "es" : "¿Qué punto de contacto?"
                  },
                  "quick" : [

                  ],
                  "ref" : {
                    "exercise" : "puntos-contacto",
                    "list" : "puntos"
                  },
                  "required" : true,
                  "translations" : {

                  }
                },
                {
                  "decimals" : 0,
                  "defaults" : [

                  ],
                  "example" : {
                    "en" : "first",
                    "es" : "primero"
                  },
                  "fields" : [

                  ],
                  "help" : {
                    "en" : "Zero moment (researches online before the shelf), first (at the shelf, 3 to 7 seconds) or second (using the product).",
                    "es" : "Momento cero (busca en línea antes de ir a la tienda), primero (frente al anaquel, 3 a 7 segundos) o segundo (al usar el producto)."
                  },
                  "hint" : {
                    "en" : "Does the customer already hold the product?",
                    "es" : "¿El cliente ya tiene el producto en la mano?"
                  },
                  "id" : "tipo",
                  "kind" : "choice",
                  "multiple" : false,
                  "name" : {
                    "en" : "kind",
                    "es" : "tipo"
                  },
                  "options" : [
                    {
                      "id" : "zmot",
                      "label" : {
                        "en" : "zero moment",
                        "es" : "momento cero"
                      }
                    },
                    {
                      "id" : "fmot",
                      "label" : {
                        "en" : "first moment",
                        "es" : "primer momento"
                      }
                    },
                    {
                      "id" : "smot",
                      "label" : {
                        "en" : "second moment",
                        "es" : "segundo momento"
                      }
                    }
                  ],
                  "other" : false,
                  "prompt" : {
                    "en" : "Kind of moment",
                    "es" : "Tipo de momento"
                  },
                  "quick" : [

                  ],
                  "required" : true,
                  "translations" : {

                  }
                },
                {
                  "decimals" : 0,
                  "defaults" : [

                  ],
                  "example" : {
                    "en" : "personal",
                    "es" : "personal"
                  },
                  "fields" : [

                  ],
                  "help" : {
                    "en" : "Personal (face to face), remote (ATM, mail, internet) or phone.",
                    "es" : "Personal (cara a cara), remoto (cajero, correo, internet) o telefónico."
                  },
                  "hint" : {
                    "en" : "Is there a person on the other side?",
                    "es" : "¿Hay una persona del otro lado?"
                  },
                  "id" : "encuentro",
                  "kind" : "choice",
                  "multiple" : false,
                  "name" : {
                    "en" : "encounter",
                    "es" : "encuentro"
                  },
                  "options" : [
                    {
                      "id" : "personal",
                      "label" : {
                        "en" : "personal",
                        "es" : "personal"
                      }
                    },
                    {
                      "id" : "remoto",
                      "label" : {
                        "en" : "remote",
                        "es" : "remoto"
                      }
                    },
                    {
                      "id" : "telefonico",
                      "label" : {
                        "en" : "phone",
                        "es" : "telefónico"
                      }
                    }
                  ],
                  "other" : false,
                  "prompt" : {
                    "en" : "Kind of encounter",
                    "es" : "Tipo de encuentro"
                  },
                  "quick" : [

                  ],
                  "required" : true,
                  "translations" : {

                  }
                },
                {
                  "decimals" : 0,
                  "defaults" : [

                  ],
                  "example" : {
                    "en" : "product",
                    "es" : "producto"
                  },
                  "fields" : [

                  ],
                  "help" : {
                    "en" : "Information and promotion, negotiation, or product.",
                    "es" : "Información y promoción, negociación, o producto."
                  },
                  "hint" : {
                    "en" : "Does the customer want to know, agree or receive?",
                    "es" : "¿El cliente busca saber, acordar o recibir?"
                  },
                  "id" : "flujo",
                  "kind" : "choice",
                  "multiple" : false,
                  "name" : {
                    "en" : "flow",
                    "es" : "flujo"
                  },
                  "options" : [
                    {
                      "id" : "informacion",
                      "label" : {
                        "en" : "information and promotion",
                        "es" : "información y promoción"
                      }
                    },
                    {
                      "id" : "negociacion",
                      "label" : {
                        "en" : "negotiation",
                        "es" : "negociación"
                      }
                    },
                    {
                      "id" : "producto",
                      "label" : {
                        "en" : "product",
                        "es" : "producto"
                      }
                    }
                  ],
                  "other" : false,
                  "prompt" : {
                    "en" : "Flow at stake",
                    "es" : "Flujo en juego"
                  },
                  "quick" : [

                  ],
                  "required" : true,
                  "translations" : {

                  }
                },
                {
                  "decimals" : 0,
                  "defaults" : [

                  ],
                  "example" : {
                    "en" : "Paying without queueing",
                    "es" : "Pagar sin hacer cola"
                  },
                  "fields" : [

                  ],
                  "help" : {
                    "en" : "What the customer ideally hopes for.",
                    "es" : "Lo que el cliente espera idealmente."
                  },
                  "hint" : {
                    "en" : "\"I wish that…\"",
                    "es" : "«Me gustaría que…»"
                  },
                  "id" : "deseado",
                  "kind" : "text",
                  "multiple" : false,
                  "name" : {
                    "en" : "desired",
                    "es" : "deseado"
                  },
                  "options" : [

                  ],
                  "other" : false,
                  "prompt" : {
                    "en" : "Desired service (the ideal)",
                    "es" : "Servicio deseado (lo ideal)"
                  },
                  "quick" : [

                  ],
                  "required" : true,
                  "translations" : {

                  }
                },
                {
                  "decimals" : 0,
                  "defaults" : [

                  ],
                  "example" : {
                    "en" : "A queue under 5 minutes",
                    "es" : "Cola de menos de 5 minutos"
                  },
                  "fields" : [

                  ],
                  "help" : {
                    "en" : "The minimum the customer accepts without getting upset.",
                    "es" : "El mínimo que el cliente acepta sin molestarse."
                  },
                  "hint" : {
                    "en" : "\"At least…\"",
                    "es" : "«Por lo menos que…»"
                  },
                  "id" : "adecuado",
                  "kind" : "text",
                  "multiple" : false,
                  "name" : {
                    "en" : "adequate",
                    "es" : "adecuado"
                  },
                  "options" : [

                  ],
                  "other" : false,
                  "prompt" : {
                    "en" : "Adequate service (the minimum accepted)",
                    "es" : "Servicio adecuado (lo mínimo aceptado)"
                  },
                  "quick" : [

                  ],
                  "required" : true,
                  "translations" : {

                  }
                },
                {
                  "decimals" : 0,
                  "defaults" : [

                  ],
                  "example" : {
                    "en" : "4",
                    "es" : "4"
                  },
                  "fields" : [

                  ],
                  "help" : {
                    "en" : "How much the customer expects of this moment.",
                    "es" : "Cuánto espera el cliente de este momento."
                  },
                  "hint" : {
                    "en" : "5 = expects something excellent.",
                    "es" : "5 = espera algo excelente."
                  },
                  "id" : "expectativa",
                  "kind" : "scale",
                  "max" : 5,
                  "min" : 1,
                  "multiple" : false,
                  "name" : {
                    "en" : "E",
                    "es" : "E"
                  },
                  "options" : [

                  ],
                  "other" : false,
                  "prompt" : {
                    "en" : "Expectation E (1 to 5)",
                    "es" : "Expectativa E (1 a 5)"
                  },
                  "quick" : [

                  ],
                  "required" : true,
                  "translations" : {

                  }
                },
                {
                  "decimals" : 0,
                  "defaults" : [

                  ],
                  "example" : {
                    "en" : "2",
                    "es" : "2"
                  },
                  "fields" : [

                  ],
                  "help" : {
                    "en" : "How the customer lives it today. S = R − E.",
                    "es" : "Cómo lo vive hoy el cliente. S = R − E."
                  },
                  "hint" : {
                    "en" : "Below E: dissatisfied; equal: satisfied; above: delighted.",
                    "es" : "Menos que E: insatisfecho; igual: satisfecho; más: complacido."
                  },
                  "id" : "desempeno",
                  "kind" : "scale",
                  "max" : 5,
                  "min" : 1,
                  "multiple" : false,
                  "name" : {
                    "en" : "R",
                    "es" : "R"
                  },
                  "options" : [

                  ],
                  "other" : false,
                  "prompt" : {
                    "en" : "Perceived performance R (1 to 5)",
                    "es" : "Desempeño percibido R (1 a 5)"
                  },
                  "quick" : [

                  ],
                  "required" : true,
                  "translations" : {

                  }
                },
                {
                  "decimals" : 0,
                  "defaults" : [

                  ],
                  "example" : {
                    "en" : "recovery",
                    "es" : "recuperación"
                  },
                  "fields" : [

                  ],
                  "help" : {
                    "en" : "Service recovery (apologise even unasked, a new report, compensation with options), spontaneity (memorable service unprompted) or difficult customers (listen, try to please, make them aware).",
                    "es" : "Recuperación del servicio (disculparse aunque no lo pidan, nuevo informe, compensar con opciones), espontaneidad (un servicio memorable sin que lo pidan) o clientes difíciles (escuchar, intentar complacer, hacerles ver)."
                  },
                  "hint" : {
                    "en" : "Is it about repairing a failure or surprising?",
                    "es" : "¿Hay que reparar un fallo o sorprender?"
                  },
                  "id" : "estrategia",
                  "kind" : "choice",
                  "multiple" : false,
                  "name" : {
                    "en" : "strategy",
                    "es" : "estrategia"
                  },
                  "options" : [
                    {
                      "id" : "recuperacion",
                      "label" : {
                        "en" : "recovery",
                        "es" : "recuperación"
                      }
                    },
                    {
                      "id" : "espontaneidad",
                      "label" : {
                        "en" : "spontaneity",
                        "es" : "espontaneidad"
                      }
                    },
                    {
                      "id" : "dificiles",
                      "label" : {
                        "en" : "difficult customers",
                        "es" : "clientes difíciles"
                      }
                    }
                  ],
                  "other" : false,
                  "prompt" : {
                    "en" : "Strategy",
                    "es" : "Estrategia"
                  },
                  "quick" : [

                  ],
                  "required" : false,
                  "translations" : {

                  }
                },
                {
                  "decimals" : 0,
                  "defaults" : [

                  ],
                  "example" : {
                    "en" : "Open another till when 4 people are queueing",
                    "es" : "Abrir una caja más cuando haya 4 personas en cola"
                  },
                  "fields" : [

                  ],
                  "help" : {
                    "en" : "What the brand will do at that moment.",
                    "es" : "Qué hará la marca en ese momento."
                  },
                  "hint" : {
                    "en" : "Something an employee could do tomorrow.",
                    "es" : "Algo que un empleado pueda hacer mañana."
                  },
                  "id" : "accion",
                  "kind" : "text",
                  "multiple" : false,
                  "name" : {
                    "en" : "action",
                    "es" : "acción"
                  },
                  "options" : [

                  ],
                  "other" : false,
                  "prompt" : {
                    "en" : "The concrete action",
                    "es" : "La acción concreta"
                  },
                  "quick" : [

                  ],
                  "required" : false,
                  "translations" : {

                  }
                }
              ],
              "help" : {
                "en" : "Choose the touchpoints that decide the relationship with the customer.",
                "es" : "Elijan los puntos de contacto que deciden la relación con el cliente."
              },
              "hint" : {
                "en" : "\"50 million moments of truth a year, 15 seconds each\" (Carlzon, SAS).",
                "es" : "«50 millones de momentos de la verdad al año, 15 segundos cada uno» (Carlzon, SAS)."
              },
              "id" : "momentos",
              "kind" : "list",
              "maxItems" : 20,
              "minItems" : 1,
              "multiple" : false,
              "name" : {
                "en" : "moment",
                "es" : "momento"
              },
              "options" : [

              ],
              "other" : false,
              "prompt" : {
                "en" : "Moments of truth",
                "es" : "Momentos de la verdad"
              },
              "quick" : [
                "punto",
                "tipo",
                "encuentro",
                "flujo",
                "deseado",
                "adecuado",
                "expectativa",
                "desempeno",
                "estrategia",
                "accion"
              ],
              "required" : true,
              "translations" : {

              }
            }
          ],
          "id" : "momentos",
          "title" : {
            "en" : "Moments",
            "es" : "Momentos"
          }
        }
      ],
      "title" : {
        "en" : "Moments of truth",
        "es" : "Momentos de la verdad"
      },
      "version" : 1
    },
    {
      "checks" : [
        {
          "id" : "momento-perdido",
          "message" : {
            "en" : "One of the project's moments of truth is no longer in the momentos-verdad exercise: choose them again.",
            "es" : "Uno de los momentos de la verdad del proyecto ya no está en el ejercicio momentos-verdad: elíjanlos de nuevo."
          },
          "require" : {
            "refsExist" : {
              "_0" : "momentos"
            }
          },
          "when" : [

          ]
        }
      ],
      "complete" : [

      ],
      "drawing" : "sheet",
      "id" : "proyecto-final",
      "intro" : {
        "en" : "Design the customer experience for the chosen local brand: brand purpose, target customer, moments of truth, customer journey map, designed experience and management indicators. What you already wrote in the earlier exercises is offered as a starting point.",
        "es" : "Diseñen la experiencia del cliente para la marca local elegida: propósito de marca, cliente objetivo, momentos de la verdad, customer journey map, experiencia diseñada e indicadores de gestión. Lo que ya escribieron en los ejercicios anteriores aparece como punto de partida."
      },
      "steps" : [
        {
          "fields" : [
            {
              "decimals" : 0,
              "defaults" : [

              ],
              "example" : {
                "en" : "We exist so that every Peruvian lunch feels like family.",
                "es" : "Existimos para que cada almuerzo peruano se sienta en familia."
              },
              "fields" : [

              ],
              "help" : {
                "en" : "Why the brand exists for its customer, beyond what it sells.",
                "es" : "Por qué existe la marca para su cliente, más allá de lo que vende."
              },
              "hint" : {
                "en" : "Start with \"We exist to…\"",
                "es" : "Empiecen con «Existimos para…»"
              },
              "id" : "proposito",
              "kind" : "longtext",
              "multiple" : false,
              "options" : [

              ],
              "other" : false,
              "prompt" : {
                "en" : "Brand purpose",
                "es" : "Propósito de marca"
              },
              "quick" : [

              ],
              "required" : true,
              "translations" : {

              }
            },
            {
              "decimals" : 0,
              "defaults" : [

              ],
              "example" : {
                "en" : "Mothers in Lima, aged 30 to 45",
                "es" : "Madres de familia de Lima, 30 a 45 años"
              },
              "fields" : [

              ],
              "help" : {
                "en" : "Who the experience is designed for.",
                "es" : "A quién se diseña la experiencia."
              },
              "hint" : {
                "en" : "The person from the empathy map, or a concrete segment.",
                "es" : "La persona del mapa de empatía, o un segmento concreto."
              },
              "id" : "cliente",
              "kind" : "text",
              "multiple" : false,
              "options" : [

              ],
              "other" : false,
              "prefill" : "mapa-empatia.quien",
              "prompt" : {
                "en" : "Target customer",
                "es" : "Cliente objetivo"
              },
              "quick" : [

              ],
              "required" : true,
              "translations" : {

              }
            },
            {
              "decimals" : 0,
              "defaults" : [

              ],
              "example" : {
                "en" : "1, 2",
                "es" : "1, 2"
              },
              "fields" : [

              ],
              "help" : {
                "en" : "The moments of truth the experience looks after first.",
                "es" : "Los momentos de la verdad que la experiencia cuida primero."
              },
              "hint" : {
                "en" : "Numbers separated by commas.",
                "es" : "Números separados por comas."
              },
              "id" : "momentos",
              "kind" : "ref",
              "multiple" : true,
              "options" : [

              ],
              "other" : false,
              "prompt" : {
                "en" : "Key moments of truth",
                "es" : "Momentos de la verdad clave"
              },
              "quick" : [

              ],
              "ref" : {
                "exercise" : "momentos-verdad",
                "list" : "momentos"
              },
              "required" : true,
              "translations" : {

              }
            },
            {
              "decimals" : 0,
              "defaults" : [

              ],
              "example" : {
                "en" : "Before: a WhatsApp reminder on Saturday. During: an express till. After: a recipe with the drink.",
                "es" : "Antes: recordatorio por WhatsApp el sábado. Durante: caja rápida. Después: receta con la bebida."
              },
              "fields" : [

              ],
              "help" : {
                "en" : "What the new experience will be like, stage by stage of the journey map.",
                "es" : "Cómo será la experiencia nueva, etapa por etapa del journey map."
              },
              "hint" : {
                "en" : "Before, during and after.",
                "es" : "Antes, durante y después."
              },
              "id" : "experiencia",
              "kind" : "longtext",
              "multiple" : false,
              "options" : [

              ],
              "other" : false,
              "prompt" : {
                "en" : "Designed experience",
                "es" : "Experiencia diseñada"
              },
              "quick" : [

              ],
              "required" : true,
              "translations" : {

              }
            }
          ],
          "id" : "diseno",
          "title" : {
            "en" : "Design",
            "es" : "Diseño"
          }
        },
        {
          "fields" : [
            {
              "decimals" : 0,
              "defaults" : [

              ],
              "example" : {
                "en" : "40",
                "es" : "40"
              },
              "fields" : [

              ],
              "help" : {
                "en" : "NPS = % promoters (9–10) − % detractors (0–6).",
                "es" : "NPS = % promotores (9–10) − % detractores (0–6)."
              },
              "hint" : {
                "en" : "A target reachable in a year.",
                "es" : "Una meta alcanzable en un año."
              },
              "id" : "nps",
              "kind" : "scale",
              "max" : 100,
              "min" : -100,
              "multiple" : false,
              "options" : [

              ],
              "other" : false,
              "prompt" : {
                "en" : "NPS target (−100 to 100)",
                "es" : "Meta de NPS (−100 a 100)"
              },
              "quick" : [

              ],
              "required" : true,
              "translations" : {

              }
            },
            {
              "decimals" : 1,
              "defaults" : [

              ],
              "example" : {
                "en" : "6",
                "es" : "6"
              },
              "fields" : [

              ],
              "help" : {
                "en" : "Customer Effort Score 2.0: agreement with \"it was easy for me…\"; 5 to 7 is positive.",
                "es" : "Customer Effort Score 2.0: acuerdo con «me fue fácil…»; de 5 a 7 es positivo."
              },
              "hint" : {
                "en" : "Higher is better on this scale.",
                "es" : "Más alto es mejor en esta escala."
              },
              "id" : "ces",
              "kind" : "scale",
              "max" : 7,
              "min" : 1,
              "multiple" : false,
              "options" : [

              ],
              "other" : false,
              "prompt" : {
                "en" : "CES target (1 to 7, agreement scale)",
                "es" : "Meta de CES (1 a 7, escala de acuerdo)"
              },
              "quick" : [

              ],
              "required" : true,
              "translations" : {

              }
            },
            {
              "decimals" : 0,
              "defaults" : [

              ],
              "example" : {
                "en" : "85",
                "es" : "85"
              },
              "fields" : [

              ],
              "help" : {
                "en" : "CSAT % = share of 4s and 5s on a 1-to-5 scale.",
                "es" : "CSAT % = porcentaje de respuestas 4 y 5 en una escala de 1 a 5."
              },
              "hint" : {
                "en" : "Many good brands sit between 80 and 90.",
                "es" : "Muchas marcas buenas están entre 80 y 90."
              },
              "id" : "csat",
              "kind" : "scale",
              "max" : 100,
              "min" : 0,
              "multiple" : false,
              "options" : [

              ],
              "other" : false,
              "prompt" : {
                "en" : "CSAT % target (0 to 100)",
                "es" : "Meta de CSAT % (0 a 100)"
              },
              "quick" : [

              ],
              "required" : true,
              "translations" : {

              }
            }
          ],
          "id" : "indicadores",
          "title" : {
            "en" : "Management indicators",
            "es" : "Indicadores de gestión"
          }
        }
      ],
      "title" : {
        "en" : "Final project",
        "es" : "Trabajo final"
      },
      "version" : 1
    },
    {
      "checks" : [
        {
          "each" : "puntos",
          "id" : "zona-roja",
          "message" : {
            "en" : "Touchpoint {n} “{nombre}” is in the red zone (rating {valoracion}) and is not a moment of truth: add it in momentos-verdad.",
            "es" : "El punto {n} «{nombre}» está en zona roja (valoración {valoracion}) y no es un momento de la verdad: agréguenlo en momentos-verdad."
          },
          "require" : {
            "referencedBy" : {
              "exercise" : "momentos-verdad",
              "field" : "punto",
              "list" : "momentos"
            }
          },
          "when" : [
            {
              "atMost" : {
                "field" : "valoracion",
                "value" : 2
              }
            }
          ]
        }
      ],
      "complete" : [
        {
          "field" : "puntos",
          "fields" : [
            "nombre",
            "momento",
            "tipo",
            "valoracion"
          ],
          "min" : 3
        }
      ],
      "drawing" : "matrix",
      "id" : "puntos-contacto",
      "intro" : {
        "en" : "List the touchpoints between the customer and the chosen brand: when they happen (before, during, after), through which kind of channel, who owns them and how well they work today (1 to 5). The matrix shows gaps and red zones.",
        "es" : "Listen los puntos de contacto entre el cliente y la marca elegida: en qué momento ocurren (antes, durante, después), por qué tipo de canal, quién es responsable y qué tan bien funcionan hoy (1 a 5). La matriz muestra dónde hay huecos y zonas rojas."
      },
      "steps" : [
        {
          "fields" : [
            {
              "decimals" : 0,
              "defaults" : [

              ],
              "example" : {
                "en" : "Cashier, Instagram, Packaging",
                "es" : "Cajero, Instagram, Envase"
              },
              "fields" : [
                {
                  "decimals" : 0,
                  "defaults" : [

                  ],
                  "example" : {
                    "en" : "Cashier",
                    "es" : "Cajero"
                  },
                  "fields" : [

                  ],
                  "help" : {
                    "en" : "A short name everyone understands.",
                    "es" : "Un nombre corto que todos entiendan."
                  },
                  "hint" : {
                    "en" : "Think of objects, people and screens.",
                    "es" : "Piensen en objetos, personas y pantallas."
                  },
                  "id" : "nombre",
                  "kind" : "text",
                  "multiple" : false,
                  "name" : {
                    "en" : "name",
                    "es" : "nombre"
                  },
                  "options" : [

                  ],
                  "other" : false,
                  "prompt" : {
                    "en" : "Touchpoint name",
                    "es" : "Nombre del punto de contacto"
                  },
                  "quick" : [

                  ],
                  "required" : true,
                  "translations" : {

                  }
                },
                {
                  "decimals" : 0,
                  "defaults" : [

                  ],
                  "example" : {
                    "en" : "during",
                    "es" : "durante"
                  },
                  "fields" : [

                  ],
                  "help" : {
                    "en" : "Before, during or after the purchase or use.",
                    "es" : "Antes, durante o después de la compra o el uso."
                  },
                  "hint" : {
                    "en" : "Has the customer already bought when it happens?",
                    "es" : "¿El cliente ya compró cuando ocurre?"
                  },
                  "id" : "momento",
                  "kind" : "choice",
                  "multiple" : false,
                  "name" : {
                    "en" : "when",
                    "es" : "momento"
                  },
                  "options" : [
                    {
                      "id" : "antes",
                      "label" : {
                        "en" : "before",
                        "es" : "antes"
                      }
                    },
                    {
                      "id" : "durante",
                      "label" : {
                        "en" : "during",
                        "es" : "durante"
                      }
                    },
                    {
                      "id" : "despues",
                      "label" : {
                        "en" : "after",
                        "es" : "después"
                      }
                    }
                  ],
                  "other" : false,
                  "prompt" : {
                    "en" : "When does it happen?",
                    "es" : "¿Cuándo ocurre?"
                  },
                  "quick" : [

                  ],
                  "required" : true,
                  "translations" : {

                  }
                },
                {
                  "decimals" : 0,
                  "defaults" : [

                  ],
                  "example" : {
                    "en" : "purchase",
                    "es" : "compra"
                  },
                  "fields" : [

                  ],
                  "help" : {
                    "en" : "The finer stages: learning about the product, advice, purchase, use, after-sales, cancellation.",
                    "es" : "Las etapas finas: conocer el producto, asesoría, compra, uso, posventa, baja."
                  },
                  "hint" : {
                    "en" : "If unsure, keep just before/during/after.",
                    "es" : "Si dudan, dejen solo antes/durante/después."
                  },
                  "id" : "etapa",
                  "kind" : "choice",
                  "multiple" : false,
                  "name" : {
                    "en" : "stage",
                    "es" : "etapa"
                  },
                  "options" : [
                    {
                      "id" : "conocer",
                      "label" : {
                        "en" : "learning about the product",
                        "es" : "conocer el producto"
                      }
                    },
                    {
                      "id" : "asesoria",
                      "label" : {
                        "en" : "advice",
                        "es" : "asesoría"
                      }
                    },
                    {
                      "id" : "compra",
                      "label" : {
                        "en" : "purchase",
                        "es" : "compra"
                      }
                    },
                    {
                      "id" : "uso",
                      "label" : {
                        "en" : "use",
                        "es" : "uso"
                      }
                    },
                    {
                      "id" : "posventa",
                      "label" : {
                        "en" : "after-sales",
                        "es" : "posventa"
                      }
                    },
                    {
                      "id" : "baja",
                      "label" : {
                        "en" : "cancellation",
                        "es" : "baja del servicio"
                      }
                    }
                  ],
                  "other" : false,
                  "prompt" : {
                    "en" : "Stage of the experience (optional)",
                    "es" : "Etapa de la experiencia (opcional)"
                  },
                  "quick" : [

                  ],
                  "required" : false,
                  "translations" : {

                  }
                },
                {
                  "decimals" : 0,
                  "defaults" : [

                  ],
                  "example" : {
                    "en" : "human",
                    "es" : "humano"
                  },
                  "fields" : [

                  ],
                  "help" : {
                    "en" : "Static (objects, spaces, ads), human (people) or digital (screens and sensors).",
                    "es" : "Estático (objetos, espacios, anuncios), humano (personas) o digital (pantallas y sensores)."
                  },
                  "hint" : {
                    "en" : "Who or what speaks to the customer?",
                    "es" : "¿Quién o qué le habla al cliente?"
                  },
                  "id" : "tipo",
                  "kind" : "choice",
                  "multiple" : false,
                  "name" : {
                    "en" : "kind",
                    "es" : "tipo"
                  },
                  "options" : [
                    {
                      "id" : "estatico",
                      "label" : {
                        "en" : "static",
                        "es" : "estático"
                      }
                    },
                    {
                      "id" : "humano",
                      "label" : {
                        "en" : "human",
                        "es" : "humano"
                      }
                    },
                    {
                      "id" : "digital",
                      "label" : {
                        "en" : "digital",
                        "es" : "digital"
                      }
                    }
                  ],
                  "other" : false,
                  "prompt" : {
                    "en" : "Kind of channel",
                    "es" : "Tipo de canal"
                  },
                  "quick" : [

                  ],
                  "required" : true,
                  "translations" : {

                  }
                },
                {
                  "decimals" : 0,
                  "defaults" : [

                  ],
                  "example" : {
                    "en" : "checkout",
                    "es" : "cajas"
                  },
                  "fields" : [

                  ],
                  "help" : {
                    "en" : "From the course's catalogue, or your own: products, services, call center, web, staff, information, checkout, branches, ambiance, sale, after-sale, customer service.",
                    "es" : "Del catálogo del curso, o uno propio: productos, servicios, call center, web, personal, información, cajas, sucursales, ambientación, venta, posventa, atención al cliente."
                  },
                  "hint" : {
                    "en" : "If it is not listed, type your own.",
                    "es" : "Si no está en la lista, escriban el suyo."
                  },
                  "id" : "canal",
                  "kind" : "choice",
                  "multiple" : false,
                  "name" : {
                    "en" : "channel",
                    "es" : "canal"
                  },
                  "options" : [
                    {
                      "id" : "productos",
                      "label" : {
                        "en" : "products",
                        "es" : "productos"
                      }
                    },
                    {
                      "id" : "servicios",
                      "label" : {
                        "en" : "services",
                        "es" : "servicios"
                      }
                    },
                    {
                      "id" : "call-center",
                      "label" : {
                        "en" : "call center",
                        "es" : "call center"
                      }
                    },
                    {
                      "id" : "web",
                      "label" : {
                        "en" : "web",
                        "es" : "web"
                      }
                    },
                    {
                      "id" : "personal",
                      "label" : {
                        "en" : "staff",
                        "es" : "personal"
                      }
                    },
                    {
                      "id" : "informacion",
                      "label" : {
                        "en" : "information",
                        "es" : "información"
                      }
                    },
                    {
                      "id" : "cajas",
                      "label" : {
                        "en" : "checkout",
                        "es" : "cajas"
                      }
                    },
                    {
                      "id" : "sucursales",
                      "label" : {
                        "en" : "branches",
                        "es" : "sucursales"
                      }
                    },
                    {
                      "id" : "ambientacion",
                      "label" : {
                        "en" : "ambiance",
                        "es" : "ambientación"
                      }
                    },
                    {
                      "id" : "venta",
                      "label" : {
                        "en" : "sale",
                        "es" : "venta"
                      }
                    },
                    {
                      "id" : "posventa",
                      "label" : {
                        "en" : "after-sale",
                        "es" : "posventa"
                      }
                    },
                    {
                      "id" : "atencion",
                      "label" : {
                        "en" : "customer service",
                        "es" : "atención al cliente"
                      }
                    }
                  ],
                  "other" : true,
                  "prompt" : {
                    "en" : "Channel",
                    "es" : "Canal"
                  },
                  "quick" : [

                  ],
                  "required" : false,
                  "translations" : {

                  }
                },
                {
                  "decimals" : 0,
                  "defaults" : [

                  ],
                  "example" : {
                    "en" : "Store operations",
                    "es" : "Operaciones de tienda"
                  },
                  "fields" : [

                  ],
                  "help" : {
                    "en" : "The company area accountable for this point.",
                    "es" : "El área de la empresa que responde por este punto."
                  },
                  "hint" : {
                    "en" : "Marketing, operations, sales, IT…",
                    "es" : "Marketing, operaciones, ventas, TI…"
                  },
                  "id" : "area",
                  "kind" : "text",
                  "multiple" : false,
                  "name" : {
                    "en" : "owner",
                    "es" : "área"
                  },
                  "options" : [

                  ],
                  "other" : false,
                  "prompt" : {
                    "en" : "Owner area",
                    "es" : "Área responsable"
                  },
                  "quick" : [

                  ],
                  "required" : false,
                  "translations" : {

                  }
                },
                {
                  "decimals" : 0,
                  "defaults" : [

                  ],
                  "example" : {
                    "en" : "3",
                    "es" : "3"
                  },
                  "fields" : [

                  ],
                  "help" : {
                    "en" : "1 very poor, 3 acceptable, 5 excellent, as the customer sees it.",
                    "es" : "1 muy mal, 3 aceptable, 5 excelente, desde la mirada del cliente."
                  },
                  "hint" : {
                    "en" : "Recall your last real experience.",
                    "es" : "Recuerden su última experiencia real."
                  },
                  "id" : "valoracion",
                  "kind" : "scale",
                  "max" : 5,
                  "min" : 1,
                  "multiple" : false,
                  "name" : {
                    "en" : "rating",
                    "es" : "valoración"
                  },
                  "options" : [

                  ],
                  "other" : false,
                  "prompt" : {
                    "en" : "Rating today (1 to 5)",
                    "es" : "Valoración hoy (1 a 5)"
                  },
                  "quick" : [

                  ],
                  "required" : true,
                  "translations" : {

                  }
                },
                {
                  "decimals" : 0,
                  "defaults" : [

                  ],
                  "example" : {
                    "en" : "Long queues at peak hours",
                    "es" : "Colas largas en hora punta"
                  },
                  "fields" : [

                  ],
                  "help" : {
                    "en" : "A short remark: what happens today or what is missing.",
                    "es" : "Una observación breve: qué pasa hoy o qué falta."
                  },
                  "hint" : {
                    "en" : "What would you tell the owner area?",
                    "es" : "¿Qué le dirían al área responsable?"
                  },
                  "id" : "nota",
                  "kind" : "text",
                  "multiple" : false,
                  "name" : {
                    "en" : "note",
                    "es" : "nota"
                  },
                  "options" : [

                  ],
                  "other" : false,
                  "prompt" : {
                    "en" : "Note",
                    "es" : "Nota"
                  },
                  "quick" : [

                  ],
                  "required" : false,
                  "translations" : {

                  }
                }
              ],
              "help" : {
                "en" : "Every interaction of the customer with the brand, through any medium, person or channel.",
                "es" : "Cada interacción del cliente con la marca, por cualquier medio, persona o canal."
              },
              "hint" : {
                "en" : "Walk the customer's path from first hearing of the brand until they stop being a customer.",
                "es" : "Recorran el camino del cliente desde que oye de la marca hasta que deja de ser cliente."
              },
              "id" : "puntos",
              "kind" : "list",
              "maxItems" : 40,
              "minItems" : 3,
              "multiple" : false,
              "name" : {
                "en" : "touchpoint",
                "es" : "punto"
              },
              "options" : [

              ],
              "other" : false,
              "prompt" : {
                "en" : "Touchpoints",
                "es" : "Puntos de contacto"
              },
              "quick" : [
                "nombre",
                "momento",
                "tipo",
                "valoracion",
                "nota"
              ],
              "required" : true,
              "translations" : {

              }
            }
          ],
          "id" : "mapa",
          "title" : {
            "en" : "Map",
            "es" : "Mapa"
          }
        }
      ],
      "title" : {
        "en" : "Touchpoint mapping",
        "es" : "Mapa de puntos de contacto"
      },
      "version" : 1
    }
  ]
}
"""####
}
