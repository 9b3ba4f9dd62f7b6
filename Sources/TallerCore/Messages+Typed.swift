// swift-format-ignore-file
// Generated from CatalogES.swift and CatalogEN.swift by `TALLER_RECORD=1 swift test`. Do not edit.

extension Message {
  /// taller {version} · escribe «ayuda» para ver los comandos · Ctrl-D para salir
  public static func banner(version versionValue: some CustomStringConvertible) -> Message { Message(.banner, ["version": String(describing: versionValue)]) }
  /// (sin equipo)
  public static var noTeamPrompt: Message { Message(.noTeamPrompt, [:]) }
  /// ✓ Todo está guardado. ¡Hasta pronto!
  public static var bye: Message { Message(.bye, [:]) }
  /// (Ctrl-C borra la línea; Ctrl-D o «salir» para terminar)
  public static var interruptHint: Message { Message(.interruptHint, [:]) }
  /// línea {line}: {message}
  public static func lineError(line lineValue: some CustomStringConvertible, message messageValue: some CustomStringConvertible) -> Message { Message(.lineError, ["line": String(describing: lineValue), "message": String(describing: messageValue)]) }
  /// «{command}» no es un comando.
  public static func unknownCommand(command commandValue: some CustomStringConvertible) -> Message { Message(.unknownCommand, ["command": String(describing: commandValue)]) }
  /// ¿Quisiste decir {suggestions}?
  public static func didYouMean(suggestions suggestionsValue: some CustomStringConvertible) -> Message { Message(.didYouMean, ["suggestions": String(describing: suggestionsValue)]) }
  /// Escribe «ayuda» para ver los comandos.
  public static var seeHelp: Message { Message(.seeHelp, [:]) }
  /// «{command}» necesita un subcomando: {subcommands}.
  public static func incompleteCommand(command commandValue: some CustomStringConvertible, subcommands subcommandsValue: some CustomStringConvertible) -> Message { Message(.incompleteCommand, ["command": String(describing: commandValue), "subcommands": String(describing: subcommandsValue)]) }
  /// Falta {argument}. Uso: {usage}
  public static func missingArgument(argument argumentValue: some CustomStringConvertible, usage usageValue: some CustomStringConvertible) -> Message { Message(.missingArgument, ["argument": String(describing: argumentValue), "usage": String(describing: usageValue)]) }
  /// Sobra «{argument}». Uso: {usage}
  public static func extraArgument(argument argumentValue: some CustomStringConvertible, usage usageValue: some CustomStringConvertible) -> Message { Message(.extraArgument, ["argument": String(describing: argumentValue), "usage": String(describing: usageValue)]) }
  /// Opción desconocida «{flag}». Uso: {usage}
  public static func unknownFlag(flag flagValue: some CustomStringConvertible, usage usageValue: some CustomStringConvertible) -> Message { Message(.unknownFlag, ["flag": String(describing: flagValue), "usage": String(describing: usageValue)]) }
  /// Falta cerrar una comilla ({quote}). Escribe el texto entre comillas completas, por ejemplo "Los Incas".
  public static func unterminatedQuote(quote quoteValue: some CustomStringConvertible) -> Message { Message(.unterminatedQuote, ["quote": String(describing: quoteValue)]) }
  /// Uso: {usage}
  public static func usageLine(usage usageValue: some CustomStringConvertible) -> Message { Message(.usageLine, ["usage": String(describing: usageValue)]) }
  /// «{command}» solo funciona en la terminal interactiva.
  public static func notInScripts(command commandValue: some CustomStringConvertible) -> Message { Message(.notInScripts, ["command": String(describing: commandValue)]) }
  /// Comandos (escribe «ayuda COMANDO» para más detalle):
  public static var helpTitle: Message { Message(.helpTitle, [:]) }
  /// Los textos con espacios van entre comillas: equipo crear "Los Incas". Todo se guarda al instante.
  public static var helpFooter: Message { Message(.helpFooter, [:]) }
  /// También: {aliases}
  public static func helpAliases(aliases aliasesValue: some CustomStringConvertible) -> Message { Message(.helpAliases, ["aliases": String(describing: aliasesValue)]) }
  /// Uso: {usage}
  public static func helpUsage(usage usageValue: some CustomStringConvertible) -> Message { Message(.helpUsage, ["usage": String(describing: usageValue)]) }
  /// Subcomandos:
  public static var helpSubcommands: Message { Message(.helpSubcommands, [:]) }
  /// No hay ayuda para «{topic}».
  public static func helpUnknownTopic(topic topicValue: some CustomStringConvertible) -> Message { Message(.helpUnknownTopic, ["topic": String(describing: topicValue)]) }
  /// Equipos: crear, ver, elegir y renombrar
  public static var helpGroupTeam: Message { Message(.helpGroupTeam, [:]) }
  /// Integrantes del equipo actual
  public static var helpGroupMember: Message { Message(.helpGroupMember, [:]) }
  /// Exportar el trabajo a un archivo
  public static var helpGroupExport: Message { Message(.helpGroupExport, [:]) }
  /// NOMBRE
  public static var argName: Message { Message(.argName, [:]) }
  /// NUEVO_NOMBRE
  public static var argNewName: Message { Message(.argNewName, [:]) }
  /// NOMBRE[, NOMBRE…]
  public static var argNames: Message { Message(.argNames, [:]) }
  /// es|en
  public static var argLang: Message { Message(.argLang, [:]) }
  /// COMANDO
  public static var argCommand: Message { Message(.argCommand, [:]) }
  /// ARCHIVO
  public static var argFile: Message { Message(.argFile, [:]) }
  /// FORMATO
  public static var argFormat: Message { Message(.argFormat, [:]) }
  /// Muestra los comandos o la ayuda de uno
  public static var cmdHelp: Message { Message(.cmdHelp, [:]) }
  /// Sale de taller (todo ya está guardado)
  public static var cmdQuit: Message { Message(.cmdQuit, [:]) }
  /// Muestra la versión de taller
  public static var cmdVersion: Message { Message(.cmdVersion, [:]) }
  /// Muestra o cambia el idioma (es, en)
  public static var cmdLang: Message { Message(.cmdLang, [:]) }
  /// Muestra el equipo actual, sus integrantes y el avance
  public static var cmdStatus: Message { Message(.cmdStatus, [:]) }
  /// Crea un equipo y lo deja como equipo actual
  public static var cmdTeamCreate: Message { Message(.cmdTeamCreate, [:]) }
  /// Lista los equipos de esta base de datos
  public static var cmdTeamList: Message { Message(.cmdTeamList, [:]) }
  /// Elige el equipo con el que se trabaja
  public static var cmdTeamUse: Message { Message(.cmdTeamUse, [:]) }
  /// Cambia el nombre del equipo actual (o de uno dado)
  public static var cmdTeamRename: Message { Message(.cmdTeamRename, [:]) }
  /// Agrega integrantes al equipo actual
  public static var cmdMemberAdd: Message { Message(.cmdMemberAdd, [:]) }
  /// Quita a un integrante del equipo actual
  public static var cmdMemberRemove: Message { Message(.cmdMemberRemove, [:]) }
  /// Lista los integrantes del equipo actual
  public static var cmdMemberList: Message { Message(.cmdMemberList, [:]) }
  /// Exporta el trabajo: md (documento), html (página imprimible), mermaid (viaje), csv (listas y notas), json (volcado canónico)
  public static var cmdExport: Message { Message(.cmdExport, [:]) }
  /// El nombre puede llevar espacios y tildes: equipo crear Los Incas. Debe ser distinto de los demás equipos.
  public static var detailTeamCreate: Message { Message(.detailTeamCreate, [:]) }
  /// Separa varios nombres con comas: miembro agregar Ana Muñoz, José Pérez. El tamaño máximo del equipo lo fija el taller.
  public static var detailMemberAdd: Message { Message(.detailMemberAdd, [:]) }
  /// Con un nombre, renombra el equipo actual; con dos (entre comillas si llevan espacios), renombra el primero.
  public static var detailTeamRename: Message { Message(.detailTeamRename, [:]) }
  /// md: Markdown de todos los ejercicios · html: una página autocontenida e imprimible con la matriz, el lienzo y el viaje con su curva · mermaid: el mapa de viaje como diagrama «journey» · csv: un archivo por lista (y notas) en una carpeta · json: volcado canónico. Del equipo actual, de otro con --team NOMBRE, o de toda la clase con --class. Sin ARCHIVO (o con -), lo escribe en la salida, salvo html, que va a EQUIPO.html en la carpeta actual (- para la salida); no sobrescribe sin --force.
  public static var detailExport: Message { Message(.detailExport, [:]) }
  /// Sin argumento muestra el idioma actual. La elección se recuerda en esta base de datos.
  public static var detailLang: Message { Message(.detailLang, [:]) }
  /// sobrescribe el archivo si ya existe
  public static var flagForce: Message { Message(.flagForce, [:]) }
  /// ✓ Equipo «{team}» creado; es el equipo actual.
  public static func teamCreated(team teamValue: some CustomStringConvertible) -> Message { Message(.teamCreated, ["team": String(describing: teamValue)]) }
  /// Ya existe un equipo llamado «{team}». Elige otro nombre o usa «equipo usar {team}».
  public static func teamExists(team teamValue: some CustomStringConvertible) -> Message { Message(.teamExists, ["team": String(describing: teamValue)]) }
  /// No hay ningún equipo «{team}». Crea uno con «equipo crear NOMBRE».
  public static func teamNotFound(team teamValue: some CustomStringConvertible) -> Message { Message(.teamNotFound, ["team": String(describing: teamValue)]) }
  /// No hay ningún equipo «{team}» en esta laptop. Equipos que puedes ver: {teams}. El trabajo de otros equipos llega sellado para sus laptops: aquí no se puede leer.
  public static func teamNotFoundKnown(team teamValue: some CustomStringConvertible, teams teamsValue: some CustomStringConvertible) -> Message { Message(.teamNotFoundKnown, ["team": String(describing: teamValue), "teams": String(describing: teamsValue)]) }
  /// ✓ Trabajando con el equipo «{team}».
  public static func teamUsing(team teamValue: some CustomStringConvertible) -> Message { Message(.teamUsing, ["team": String(describing: teamValue)]) }
  /// ✓ El equipo «{old}» ahora se llama «{team}».
  public static func teamRenamed(old oldValue: some CustomStringConvertible, team teamValue: some CustomStringConvertible) -> Message { Message(.teamRenamed, ["old": String(describing: oldValue), "team": String(describing: teamValue)]) }
  /// Todavía no hay equipos. Crea uno con «equipo crear NOMBRE».
  public static var teamNone: Message { Message(.teamNone, [:]) }
  /// Equipos:
  public static var teamListHeader: Message { Message(.teamListHeader, [:]) }
  /// {count} integrante(s)
  public static func teamMembersCount(count countValue: some CustomStringConvertible) -> Message { Message(.teamMembersCount, ["count": String(describing: countValue)]) }
  /// (actual)
  public static var teamCurrentMark: Message { Message(.teamCurrentMark, [:]) }
  /// Primero elige un equipo con «equipo usar NOMBRE» o crea uno con «equipo crear NOMBRE».
  public static var noTeamSelected: Message { Message(.noTeamSelected, [:]) }
  /// No hay lugar para {names}: el equipo «{team}» tiene {count} integrante(s) y en este taller el máximo es {limit}. No se agregó a nadie.
  public static func teamFull(count countValue: some CustomStringConvertible, limit limitValue: some CustomStringConvertible, names namesValue: some CustomStringConvertible, team teamValue: some CustomStringConvertible) -> Message { Message(.teamFull, ["count": String(describing: countValue), "limit": String(describing: limitValue), "names": String(describing: namesValue), "team": String(describing: teamValue)]) }
  /// Falta el nombre.
  public static var nameEmpty: Message { Message(.nameEmpty, [:]) }
  /// El nombre es demasiado largo ({count} caracteres; máximo {limit}).
  public static func nameTooLong(count countValue: some CustomStringConvertible, limit limitValue: some CustomStringConvertible) -> Message { Message(.nameTooLong, ["count": String(describing: countValue), "limit": String(describing: limitValue)]) }
  /// El nombre «{name}» no es válido: no puede contener saltos de línea ni caracteres de control.
  public static func nameInvalid(name nameValue: some CustomStringConvertible) -> Message { Message(.nameInvalid, ["name": String(describing: nameValue)]) }
  /// ✓ {names} en el equipo «{team}» ({count}/{limit}).
  public static func memberAdded(count countValue: some CustomStringConvertible, limit limitValue: some CustomStringConvertible, names namesValue: some CustomStringConvertible, team teamValue: some CustomStringConvertible) -> Message { Message(.memberAdded, ["count": String(describing: countValue), "limit": String(describing: limitValue), "names": String(describing: namesValue), "team": String(describing: teamValue)]) }
  /// «{name}» ya es integrante del equipo «{team}».
  public static func memberExists(name nameValue: some CustomStringConvertible, team teamValue: some CustomStringConvertible) -> Message { Message(.memberExists, ["name": String(describing: nameValue), "team": String(describing: teamValue)]) }
  /// «{name}» no es integrante del equipo «{team}». Integrantes: {members}.
  public static func memberNotFound(members membersValue: some CustomStringConvertible, name nameValue: some CustomStringConvertible, team teamValue: some CustomStringConvertible) -> Message { Message(.memberNotFound, ["members": String(describing: membersValue), "name": String(describing: nameValue), "team": String(describing: teamValue)]) }
  /// «{name}» puede ser {members}. Escribe el nombre completo.
  public static func memberAmbiguous(members membersValue: some CustomStringConvertible, name nameValue: some CustomStringConvertible) -> Message { Message(.memberAmbiguous, ["members": String(describing: membersValue), "name": String(describing: nameValue)]) }
  /// ✓ «{name}» ya no es integrante del equipo «{team}». Lo que escribió se conserva.
  public static func memberRemoved(name nameValue: some CustomStringConvertible, team teamValue: some CustomStringConvertible) -> Message { Message(.memberRemoved, ["name": String(describing: nameValue), "team": String(describing: teamValue)]) }
  /// El equipo «{team}» aún no tiene integrantes. Agrega con «miembro agregar NOMBRE».
  public static func memberNone(team teamValue: some CustomStringConvertible) -> Message { Message(.memberNone, ["team": String(describing: teamValue)]) }
  /// Integrantes de «{team}»:
  public static func memberListHeader(team teamValue: some CustomStringConvertible) -> Message { Message(.memberListHeader, ["team": String(describing: teamValue)]) }
  /// Equipo: {team}
  public static func statusTeam(team teamValue: some CustomStringConvertible) -> Message { Message(.statusTeam, ["team": String(describing: teamValue)]) }
  /// Integrantes ({count}/{limit}): {members}
  public static func statusMembers(count countValue: some CustomStringConvertible, limit limitValue: some CustomStringConvertible, members membersValue: some CustomStringConvertible) -> Message { Message(.statusMembers, ["count": String(describing: countValue), "limit": String(describing: limitValue), "members": String(describing: membersValue)]) }
  /// Integrantes: ninguno todavía («miembro agregar NOMBRE»)
  public static var statusNoMembers: Message { Message(.statusNoMembers, [:]) }
  /// Sin equipo elegido. Crea uno con «equipo crear NOMBRE» o elige uno con «equipo usar NOMBRE».
  public static var statusNoTeam: Message { Message(.statusNoTeam, [:]) }
  /// Equipos en esta base de datos: {count}
  public static func statusTeams(count countValue: some CustomStringConvertible) -> Message { Message(.statusTeams, ["count": String(describing: countValue)]) }
  /// Base de datos: {path}
  public static func statusDatabase(path pathValue: some CustomStringConvertible) -> Message { Message(.statusDatabase, ["path": String(describing: pathValue)]) }
  /// Esta laptop: {label} ({replica})
  public static func statusReplica(label labelValue: some CustomStringConvertible, replica replicaValue: some CustomStringConvertible) -> Message { Message(.statusReplica, ["label": String(describing: labelValue), "replica": String(describing: replicaValue)]) }
  /// Idioma: español
  public static var statusLanguage: Message { Message(.statusLanguage, [:]) }
  /// Idioma: español. Para cambiar: «idioma en».
  public static var langNow: Message { Message(.langNow, [:]) }
  /// ✓ Idioma: español.
  public static var langSet: Message { Message(.langSet, [:]) }
  /// «{lang}» no es un idioma disponible. Idiomas: es (español), en (inglés).
  public static func langUnknown(lang langValue: some CustomStringConvertible) -> Message { Message(.langUnknown, ["lang": String(describing: langValue)]) }
  /// ✓ Exportado a {file}.
  public static func exportWritten(file fileValue: some CustomStringConvertible) -> Message { Message(.exportWritten, ["file": String(describing: fileValue)]) }
  /// «{format}» no es un formato de exportación. Formatos: {formats}.
  public static func exportFormatUnknown(format formatValue: some CustomStringConvertible, formats formatsValue: some CustomStringConvertible) -> Message { Message(.exportFormatUnknown, ["format": String(describing: formatValue), "formats": String(describing: formatsValue)]) }
  /// {file} ya existe; no se tocó. Usa --force para sobrescribirlo.
  public static func fileExists(file fileValue: some CustomStringConvertible) -> Message { Message(.fileExists, ["file": String(describing: fileValue)]) }
  /// No se pudo escribir {file}: {reason}.
  public static func fileWriteFailed(file fileValue: some CustomStringConvertible, reason reasonValue: some CustomStringConvertible) -> Message { Message(.fileWriteFailed, ["file": String(describing: fileValue), "reason": String(describing: reasonValue)]) }
  public static func fileWriteFailed(file fileValue: some CustomStringConvertible, reason reasonValue: L) -> Message { Message(.fileWriteFailed, ["file": String(describing: fileValue), "reason": ""]).saying("reason", reasonValue) }
  /// No se pudo leer {file}: {reason}.
  public static func fileReadFailed(file fileValue: some CustomStringConvertible, reason reasonValue: some CustomStringConvertible) -> Message { Message(.fileReadFailed, ["file": String(describing: fileValue), "reason": String(describing: reasonValue)]) }
  public static func fileReadFailed(file fileValue: some CustomStringConvertible, reason reasonValue: L) -> Message { Message(.fileReadFailed, ["file": String(describing: fileValue), "reason": ""]).saying("reason", reasonValue) }
  /// {file}: no es una base de datos de taller (no es un archivo SQLite). No se modificó nada.
  public static func dbNotSQLite(file fileValue: some CustomStringConvertible) -> Message { Message(.dbNotSQLite, ["file": String(describing: fileValue)]) }
  /// {file}: es una base de datos SQLite, pero no de taller. No se modificó nada. Usa otro archivo con --db.
  public static func dbForeign(file fileValue: some CustomStringConvertible) -> Message { Message(.dbForeign, ["file": String(describing: fileValue)]) }
  /// {file}: la base de datos está dañada ({reason}). No se modificó nada; guarda una copia y pide ayuda.
  public static func dbCorrupt(file fileValue: some CustomStringConvertible, reason reasonValue: some CustomStringConvertible) -> Message { Message(.dbCorrupt, ["file": String(describing: fileValue), "reason": String(describing: reasonValue)]) }
  public static func dbCorrupt(file fileValue: some CustomStringConvertible, reason reasonValue: L) -> Message { Message(.dbCorrupt, ["file": String(describing: fileValue), "reason": ""]).saying("reason", reasonValue) }
  /// {file}: fue creada por una versión más reciente de taller ({found}). Esta versión no la entiende; actualiza taller. No se modificó nada.
  public static func dbNewer(file fileValue: some CustomStringConvertible, found foundValue: some CustomStringConvertible) -> Message { Message(.dbNewer, ["file": String(describing: fileValue), "found": String(describing: foundValue)]) }
  /// {file}: no se pudo abrir ({reason}).
  public static func dbCannotOpen(file fileValue: some CustomStringConvertible, reason reasonValue: some CustomStringConvertible) -> Message { Message(.dbCannotOpen, ["file": String(describing: fileValue), "reason": String(describing: reasonValue)]) }
  public static func dbCannotOpen(file fileValue: some CustomStringConvertible, reason reasonValue: L) -> Message { Message(.dbCannotOpen, ["file": String(describing: fileValue), "reason": ""]).saying("reason", reasonValue) }
  /// No se pudo crear la carpeta {folder}: {reason}.
  public static func dbFolder(folder folderValue: some CustomStringConvertible, reason reasonValue: some CustomStringConvertible) -> Message { Message(.dbFolder, ["folder": String(describing: folderValue), "reason": String(describing: reasonValue)]) }
  public static func dbFolder(folder folderValue: some CustomStringConvertible, reason reasonValue: L) -> Message { Message(.dbFolder, ["folder": String(describing: folderValue), "reason": ""]).saying("reason", reasonValue) }
  /// {file}: no se puede escribir (solo lectura o sin permisos). Lo ya guardado está intacto.
  public static func dbReadOnly(file fileValue: some CustomStringConvertible) -> Message { Message(.dbReadOnly, ["file": String(describing: fileValue)]) }
  /// {file}: el disco está lleno; no se guardó la última acción. Lo ya guardado está intacto.
  public static func dbDiskFull(file fileValue: some CustomStringConvertible) -> Message { Message(.dbDiskFull, ["file": String(describing: fileValue)]) }
  /// {file}: otra instancia de taller no suelta la base de datos; inténtalo de nuevo.
  public static func dbBusy(file fileValue: some CustomStringConvertible) -> Message { Message(.dbBusy, ["file": String(describing: fileValue)]) }
  /// {file}: es una carpeta, no un archivo de base de datos.
  public static func dbIsDirectory(file fileValue: some CustomStringConvertible) -> Message { Message(.dbIsDirectory, ["file": String(describing: fileValue)]) }
  /// No se modificó nada.
  public static var dbNothingChanged: Message { Message(.dbNothingChanged, [:]) }
  /// Esta base de datos fue copiada de otro lugar; esta copia recibe su propia identidad ({replica}) y sigue pudiendo trabajar en los mismos equipos.
  public static func dbCopyDetected(replica replicaValue: some CustomStringConvertible) -> Message { Message(.dbCopyDetected, ["replica": String(describing: replicaValue)]) }
  /// el id «{id}» ya se usa (en {other})
  public static func lintDuplicateID(id idValue: some CustomStringConvertible, other otherValue: some CustomStringConvertible) -> Message { Message(.lintDuplicateID, ["id": String(describing: idValue), "other": String(describing: otherValue)]) }
  /// la referencia «{ref}» no apunta a nada que exista
  public static func lintDangling(ref refValue: some CustomStringConvertible) -> Message { Message(.lintDangling, ["ref": String(describing: refValue)]) }
  /// no hay ninguna agenda de taller (workshops/*.yaml)
  public static var lintNoAgenda: Message { Message(.lintNoAgenda, [:]) }
  /// la carpeta no tiene workshops/*.yaml ni exercises/*.yaml
  public static var lintEmptyFolder: Message { Message(.lintEmptyFolder, [:]) }
  /// «{key}» debería ser {expected}
  public static func lintWrongKind(expected expectedValue: some CustomStringConvertible, key keyValue: some CustomStringConvertible) -> Message { Message(.lintWrongKind, ["expected": String(describing: expectedValue), "key": String(describing: keyValue)]) }
  /// «defaults» tiene {count} elementos; como máximo {limit}
  public static func lintTooManyDefaults(count countValue: some CustomStringConvertible, limit limitValue: some CustomStringConvertible) -> Message { Message(.lintTooManyDefaults, ["count": String(describing: countValue), "limit": String(describing: limitValue)]) }
  /// clave desconocida «{key}»; se aceptan: {allowed}
  public static func lintUnknownKey(allowed allowedValue: some CustomStringConvertible, key keyValue: some CustomStringConvertible) -> Message { Message(.lintUnknownKey, ["allowed": String(describing: allowedValue), "key": String(describing: keyValue)]) }
  /// falta la clave «{key}»
  public static func lintMissingKey(key keyValue: some CustomStringConvertible) -> Message { Message(.lintMissingKey, ["key": String(describing: keyValue)]) }
  /// falta la traducción «{lang}» de «{key}»
  public static func lintMissingTranslation(key keyValue: some CustomStringConvertible, lang langValue: some CustomStringConvertible) -> Message { Message(.lintMissingTranslation, ["key": String(describing: keyValue), "lang": String(describing: langValue)]) }
  /// versión de formato {found}; esta versión de taller lee hasta la {known}
  public static func lintNewerVersion(found foundValue: some CustomStringConvertible, known knownValue: some CustomStringConvertible) -> Message { Message(.lintNewerVersion, ["found": String(describing: foundValue), "known": String(describing: knownValue)]) }
  /// el archivo está vacío
  public static var lintEmptyFile: Message { Message(.lintEmptyFile, [:]) }
  /// YAML no válido: {reason}
  public static func lintYAML(reason reasonValue: some CustomStringConvertible) -> Message { Message(.lintYAML, ["reason": String(describing: reasonValue)]) }
  public static func lintYAML(reason reasonValue: L) -> Message { Message(.lintYAML, ["reason": ""]).saying("reason", reasonValue) }
  /// el id «{id}» no es válido (minúsculas, números, - y _)
  public static func lintBadID(id idValue: some CustomStringConvertible) -> Message { Message(.lintBadID, ["id": String(describing: idValue)]) }
  /// «{value}» no vale para «{key}»; valores: {allowed}
  public static func lintBadValue(allowed allowedValue: some CustomStringConvertible, key keyValue: some CustomStringConvertible, value valueValue: some CustomStringConvertible) -> Message { Message(.lintBadValue, ["allowed": String(describing: allowedValue), "key": String(describing: keyValue), "value": String(describing: valueValue)]) }
  /// los pesos de la nota suman {total}, no 100
  public static func lintWeights(total totalValue: some CustomStringConvertible) -> Message { Message(.lintWeights, ["total": String(describing: totalValue)]) }
  /// ✓ {dir}: {count} ejercicios y la agenda «{agenda}» están bien.
  public static func lintOK(agenda agendaValue: some CustomStringConvertible, count countValue: some CustomStringConvertible, dir dirValue: some CustomStringConvertible) -> Message { Message(.lintOK, ["agenda": String(describing: agendaValue), "count": String(describing: countValue), "dir": String(describing: dirValue)]) }
  /// {count} problema(s); no se cargó nada de esta carpeta.
  public static func lintFailed(count countValue: some CustomStringConvertible) -> Message { Message(.lintFailed, ["count": String(describing: countValue)]) }
  /// Revisa una carpeta de contenido (ejercicios y agenda)
  public static var cmdLint: Message { Message(.cmdLint, [:]) }
  /// CARPETA
  public static var argDir: Message { Message(.argDir, [:]) }
  /// El contenido de {dir} tiene errores y no se cargó:
  public static func contentRefused(dir dirValue: some CustomStringConvertible) -> Message { Message(.contentRefused, ["dir": String(describing: dirValue)]) }
  /// «{value}» no es un número entero; se acepta de {min} a {max}.
  public static func answerNotNumber(max maxValue: some CustomStringConvertible, min minValue: some CustomStringConvertible, value valueValue: some CustomStringConvertible) -> Message { Message(.answerNotNumber, ["max": String(describing: maxValue), "min": String(describing: minValue), "value": String(describing: valueValue)]) }
  /// «{value}» no es un número; se acepta de {min} a {max}, con hasta {decimals} decimal(es) (5,5).
  public static func answerNotDecimal(decimals decimalsValue: some CustomStringConvertible, max maxValue: some CustomStringConvertible, min minValue: some CustomStringConvertible, value valueValue: some CustomStringConvertible) -> Message { Message(.answerNotDecimal, ["decimals": String(describing: decimalsValue), "max": String(describing: maxValue), "min": String(describing: minValue), "value": String(describing: valueValue)]) }
  /// {value} está fuera de rango; se acepta de {min} a {max}.
  public static func answerOutOfRange(max maxValue: some CustomStringConvertible, min minValue: some CustomStringConvertible, value valueValue: some CustomStringConvertible) -> Message { Message(.answerOutOfRange, ["max": String(describing: maxValue), "min": String(describing: minValue), "value": String(describing: valueValue)]) }
  /// «{value}» no es una opción. Opciones: {options}.
  public static func answerNotOption(options optionsValue: some CustomStringConvertible, value valueValue: some CustomStringConvertible) -> Message { Message(.answerNotOption, ["options": String(describing: optionsValue), "value": String(describing: valueValue)]) }
  /// Todavía no hay nada que elegir para «{field}»: completen antes el ejercicio del que viene.
  public static func answerNoItems(field fieldValue: some CustomStringConvertible) -> Message { Message(.answerNoItems, ["field": String(describing: fieldValue)]) }
  /// «{value}» no corresponde a ningún elemento. Elijan por número o nombre: {items}.
  public static func answerNotItem(items itemsValue: some CustomStringConvertible, value valueValue: some CustomStringConvertible) -> Message { Message(.answerNotItem, ["items": String(describing: itemsValue), "value": String(describing: valueValue)]) }
  /// «{field}» es una lista: usen «agregar», «editar», «borrar» o «mover».
  public static func answerIsList(field fieldValue: some CustomStringConvertible) -> Message { Message(.answerIsList, ["field": String(describing: fieldValue)]) }
  /// ✓ guardado
  public static var answerSaved: Message { Message(.answerSaved, [:]) }
  /// ✓ borrado
  public static var answerCleared: Message { Message(.answerCleared, [:]) }
  /// «{name}» no es un ejercicio. Ejercicios: {exercises}.
  public static func unknownExercise(exercises exercisesValue: some CustomStringConvertible, name nameValue: some CustomStringConvertible) -> Message { Message(.unknownExercise, ["exercises": String(describing: exercisesValue), "name": String(describing: nameValue)]) }
  /// «{field}» no es un campo de «{exercise}». Campos: {fields}.
  public static func unknownField(exercise exerciseValue: some CustomStringConvertible, field fieldValue: some CustomStringConvertible, fields fieldsValue: some CustomStringConvertible) -> Message { Message(.unknownField, ["exercise": String(describing: exerciseValue), "field": String(describing: fieldValue), "fields": String(describing: fieldsValue)]) }
  /// «{field}» no es una lista. Listas de «{exercise}»: {lists}.
  public static func notAList(exercise exerciseValue: some CustomStringConvertible, field fieldValue: some CustomStringConvertible, lists listsValue: some CustomStringConvertible) -> Message { Message(.notAList, ["exercise": String(describing: exerciseValue), "field": String(describing: fieldValue), "lists": String(describing: listsValue)]) }
  /// «{text}» debería ser campo=valor. Campos: {fields}.
  public static func badAssignment(fields fieldsValue: some CustomStringConvertible, text textValue: some CustomStringConvertible) -> Message { Message(.badAssignment, ["fields": String(describing: fieldsValue), "text": String(describing: textValue)]) }
  /// ✓ {list} n.º {number} agregado.
  public static func itemAdded(list listValue: some CustomStringConvertible, number numberValue: some CustomStringConvertible) -> Message { Message(.itemAdded, ["list": String(describing: listValue), "number": String(describing: numberValue)]) }
  /// ✓ {list} n.º {number} actualizado.
  public static func itemEdited(list listValue: some CustomStringConvertible, number numberValue: some CustomStringConvertible) -> Message { Message(.itemEdited, ["list": String(describing: listValue), "number": String(describing: numberValue)]) }
  /// ✓ {list} n.º {number} quitado (se puede recuperar).
  public static func itemRemoved(list listValue: some CustomStringConvertible, number numberValue: some CustomStringConvertible) -> Message { Message(.itemRemoved, ["list": String(describing: listValue), "number": String(describing: numberValue)]) }
  /// ✓ {list}: el n.º {from} ahora es el n.º {to}.
  public static func itemMoved(from fromValue: some CustomStringConvertible, list listValue: some CustomStringConvertible, to toValue: some CustomStringConvertible) -> Message { Message(.itemMoved, ["from": String(describing: fromValue), "list": String(describing: listValue), "to": String(describing: toValue)]) }
  /// No hay {list} n.º {number}; hay {count}.
  public static func noSuchItem(count countValue: some CustomStringConvertible, list listValue: some CustomStringConvertible, number numberValue: some CustomStringConvertible) -> Message { Message(.noSuchItem, ["count": String(describing: countValue), "list": String(describing: listValue), "number": String(describing: numberValue)]) }
  /// «{list}» admite como máximo {max} elementos.
  public static func listFull(list listValue: some CustomStringConvertible, max maxValue: some CustomStringConvertible) -> Message { Message(.listFull, ["list": String(describing: listValue), "max": String(describing: maxValue)]) }
  /// Falta «{field}» (obligatorio).
  public static func missingRequired(field fieldValue: some CustomStringConvertible) -> Message { Message(.missingRequired, ["field": String(describing: fieldValue)]) }
  /// ✓ Se borraron las respuestas de «{exercise}» (quedan en el historial).
  public static func resetDone(exercise exerciseValue: some CustomStringConvertible) -> Message { Message(.resetDone, ["exercise": String(describing: exerciseValue)]) }
  /// ¿Borrar todas las respuestas de «{exercise}»? Escriban «sí» para confirmar:
  public static func resetConfirm(exercise exerciseValue: some CustomStringConvertible) -> Message { Message(.resetConfirm, ["exercise": String(describing: exerciseValue)]) }
  /// Para borrar «{exercise}» en un guion, agreguen --yes.
  public static func resetNeedsYes(exercise exerciseValue: some CustomStringConvertible) -> Message { Message(.resetNeedsYes, ["exercise": String(describing: exerciseValue)]) }
  /// No se borró nada.
  public static var resetCancelled: Message { Message(.resetCancelled, [:]) }
  /// Ejercicios de «{agenda}»:
  public static func exercisesHeader(agenda agendaValue: some CustomStringConvertible) -> Message { Message(.exercisesHeader, ["agenda": String(describing: agendaValue)]) }
  /// sin empezar
  public static var progressNotStarted: Message { Message(.progressNotStarted, [:]) }
  /// en curso: {answered}/{total}
  public static func progressInProgress(answered answeredValue: some CustomStringConvertible, total totalValue: some CustomStringConvertible) -> Message { Message(.progressInProgress, ["answered": String(describing: answeredValue), "total": String(describing: totalValue)]) }
  /// ✓ completo
  public static var progressDone: Message { Message(.progressDone, [:]) }
  /// Avance:
  public static var statusProgress: Message { Message(.statusProgress, [:]) }
  /// Lista los ejercicios del taller y el avance del equipo
  public static var cmdExercises: Message { Message(.cmdExercises, [:]) }
  /// Responde un campo: poner EJERCICIO.CAMPO VALOR
  public static var cmdSet: Message { Message(.cmdSet, [:]) }
  /// Agrega un elemento a una lista: añadir EJERCICIO.LISTA campo=valor …
  public static var cmdAdd: Message { Message(.cmdAdd, [:]) }
  /// Cambia campos de un elemento: editar EJERCICIO.LISTA N campo=valor …
  public static var cmdEdit: Message { Message(.cmdEdit, [:]) }
  /// Quita un elemento de una lista
  public static var cmdRemove: Message { Message(.cmdRemove, [:]) }
  /// Mueve un elemento a otra posición de la lista
  public static var cmdMove: Message { Message(.cmdMove, [:]) }
  /// Borra las respuestas de un ejercicio (pide confirmación)
  public static var cmdReset: Message { Message(.cmdReset, [:]) }
  /// Dibuja un ejercicio: matriz, lienzo, journey con curva emocional
  public static var cmdShow: Message { Message(.cmdShow, [:]) }
  /// Empieza (o sigue) un ejercicio paso a paso
  public static var cmdStart: Message { Message(.cmdStart, [:]) }
  /// Continúa donde el equipo se quedó
  public static var cmdResume: Message { Message(.cmdResume, [:]) }
  /// Muestra, pausa, reanuda o reinicia el tiempo del paso
  public static var cmdTimer: Message { Message(.cmdTimer, [:]) }
  /// Manual de taller
  public static var manTitle: Message { Message(.manTitle, [:]) }
  /// NOMBRE
  public static var manName: Message { Message(.manName, [:]) }
  /// talleres de Experiencia del Cliente en el aula, sin conexión
  public static var manWhat: Message { Message(.manWhat, [:]) }
  /// SINOPSIS
  public static var manSynopsis: Message { Message(.manSynopsis, [:]) }
  /// DESCRIPCIÓN
  public static var manDescription: Message { Message(.manDescription, [:]) }
  /// taller guía a un equipo por los ejercicios del curso paso a paso, guarda cada respuesta en el momento en que se escribe e intercambia el trabajo entre laptops como archivos. Sin -c, -f ni un comando abre un intérprete interactivo; con una tubería en la entrada ejecuta las líneas como guion.
  public static var manDescriptionText: Message { Message(.manDescriptionText, [:]) }
  /// Mientras se recorre un ejercicio, cada línea es una respuesta: solo las palabras del recorrido, solas, y las líneas que empiezan con / son comandos. Un texto pegado de varias líneas es una sola respuesta; Alt+Enter o Ctrl+J parte la línea.
  public static var manWalkText: Message { Message(.manWalkText, [:]) }
  /// OPCIONES
  public static var manOptions: Message { Message(.manOptions, [:]) }
  /// COMANDOS
  public static var manCommands: Message { Message(.manCommands, [:]) }
  /// PALABRAS DEL RECORRIDO
  public static var manWalk: Message { Message(.manWalk, [:]) }
  /// Escritas solas mientras se recorre un ejercicio (también ayuda o ?, ver y salir):
  public static var manWalkWords: Message { Message(.manWalkWords, [:]) }
  /// CÓDIGO DE SALIDA
  public static var manExit: Message { Message(.manExit, [:]) }
  /// todos los comandos funcionaron
  public static var manExit0: Message { Message(.manExit0, [:]) }
  /// un comando falló (el mensaje dice por qué; nada quedó a medias)
  public static var manExit1: Message { Message(.manExit1, [:]) }
  /// uso incorrecto de taller (una opción desconocida)
  public static var manExit2: Message { Message(.manExit2, [:]) }
  /// ENTORNO
  public static var manEnvironment: Message { Message(.manEnvironment, [:]) }
  /// el archivo de datos, si no se da --db
  public static var manEnvDb: Message { Message(.manEnvDb, [:]) }
  /// el idioma, si no se da --lang
  public static var manEnvLang: Message { Message(.manEnvLang, [:]) }
  /// una carpeta de contenido, si no se da --content
  public static var manEnvContent: Message { Message(.manEnvContent, [:]) }
  /// el archivo del historial de comandos
  public static var manEnvHistory: Message { Message(.manEnvHistory, [:]) }
  /// dónde vive la base de datos por omisión
  public static var manEnvData: Message { Message(.manEnvData, [:]) }
  /// el editor para respuestas largas y conflictos
  public static var manEnvEditor: Message { Message(.manEnvEditor, [:]) }
  /// sin colores
  public static var manEnvNoColor: Message { Message(.manEnvNoColor, [:]) }
  /// ARCHIVOS
  public static var manFiles: Message { Message(.manFiles, [:]) }
  /// la base de datos cuando no se da --db ni TALLER_DB
  public static var manFileDb: Message { Message(.manFileDb, [:]) }
  /// el historial de comandos (o $TALLER_HISTORY)
  public static var manFileHistory: Message { Message(.manFileHistory, [:]) }
  /// Archivo de datos (si no, $TALLER_DB; si no, $XDG_DATA_HOME/taller/taller.sqlite).
  public static var optDb: Message { Message(.optDb, [:]) }
  /// Idioma: es (por omisión) o en (si no, $TALLER_LANG).
  public static var optLang: Message { Message(.optLang, [:]) }
  /// Ejecuta un comando y termina.
  public static var optCommand: Message { Message(.optCommand, [:]) }
  /// Ejecuta los comandos de un guion.
  public static var optFile: Message { Message(.optFile, [:]) }
  /// Una carpeta de contenido con workshops/ y exercises/ (si no, $TALLER_CONTENT; si no, el módulo CEM incluido).
  public static var optContent: Message { Message(.optContent, [:]) }
  /// Detiene un guion en su primer comando fallido.
  public static var optBail: Message { Message(.optBail, [:]) }
  /// Muestra la versión.
  public static var optVersion: Message { Message(.optVersion, [:]) }
  /// Muestra la ayuda de las opciones.
  public static var optHelp: Message { Message(.optHelp, [:]) }
  /// ARCHIVO
  public static var optValuePath: Message { Message(.optValuePath, [:]) }
  /// es|en
  public static var optValueLang: Message { Message(.optValueLang, [:]) }
  /// COMANDO
  public static var optValueCommand: Message { Message(.optValueCommand, [:]) }
  /// GUION
  public static var optValueScript: Message { Message(.optValueScript, [:]) }
  /// CARPETA
  public static var optValueFolder: Message { Message(.optValueFolder, [:]) }
  /// Mientras recorren un ejercicio: una pista para la pregunta
  public static var cmdHint: Message { Message(.cmdHint, [:]) }
  /// Mientras recorren un ejercicio: un ejemplo de respuesta
  public static var cmdExample: Message { Message(.cmdExample, [:]) }
  /// Mientras recorren un ejercicio: la pregunta anterior
  public static var cmdBack: Message { Message(.cmdBack, [:]) }
  /// Mientras recorren un ejercicio: la pregunta siguiente, sin responder
  public static var cmdSkip: Message { Message(.cmdSkip, [:]) }
  /// Mientras recorren un ejercicio: lo terminan por ahora
  public static var cmdDone: Message { Message(.cmdDone, [:]) }
  /// Escribe la respuesta larga en tu editor ($VISUAL o $EDITOR)
  public static var cmdEditor: Message { Message(.cmdEditor, [:]) }
  /// Abre la respuesta actual en el editor que tengas configurado; al guardar y cerrar, queda como respuesta, con sus saltos de línea.
  public static var detailEditor: Message { Message(.detailEditor, [:]) }
  /// «{word}» sirve mientras recorren un ejercicio: empiecen uno con «empezar EJERCICIO» o sigan con «continuar».
  public static func walkOnly(word wordValue: some CustomStringConvertible) -> Message { Message(.walkOnly, ["word": String(describing: wordValue)]) }
  /// No hay editor configurado ($VISUAL o $EDITOR). Escriban la respuesta aquí: Alt+Enter o Ctrl+J parte la línea.
  public static var editorNone: Message { Message(.editorNone, [:]) }
  /// «editor» sirve para preguntas de texto; esta se responde aquí.
  public static var editorNotText: Message { Message(.editorNotText, [:]) }
  /// Varias líneas: Alt+Enter o Ctrl+J parte la línea, o peguen el texto; «editor» abre su editor.
  public static var guideLongText: Message { Message(.guideLongText, [:]) }
  /// EJERCICIO
  public static var argExercise: Message { Message(.argExercise, [:]) }
  /// EJERCICIO.CAMPO
  public static var argField: Message { Message(.argField, [:]) }
  /// EJERCICIO.LISTA
  public static var argList: Message { Message(.argList, [:]) }
  /// VALOR
  public static var argValue: Message { Message(.argValue, [:]) }
  /// campo=valor…
  public static var argAssignments: Message { Message(.argAssignments, [:]) }
  /// N
  public static var argNumber: Message { Message(.argNumber, [:]) }
  /// POSICIÓN
  public static var argPosition: Message { Message(.argPosition, [:]) }
  /// pausar|seguir|reiniciar
  public static var argTimerAction: Message { Message(.argTimerAction, [:]) }
  /// confirma sin preguntar (para guiones)
  public static var flagYes: Message { Message(.flagYes, [:]) }
  /// Ejercicios
  public static var helpGroupExercises: Message { Message(.helpGroupExercises, [:]) }
  /// Ejemplos: poner marca-peruana.marca Inca Kola · poner marca-peruana.experiencia humana, digital. Un valor vacío borra la respuesta.
  public static var detailSet: Message { Message(.detailSet, [:]) }
  /// Ejemplo: agregar puntos-contacto.puntos nombre=Cajero momento=durante tipo=humano valoracion=2. Los valores con espacios van entre comillas: nota="cola larga".
  public static var detailAdd: Message { Message(.detailAdd, [:]) }
  /// ✓ El equipo completó todos los ejercicios del taller.
  public static var allDone: Message { Message(.allDone, [:]) }
  /// Agreguen uno por uno; Enter vacío en el primer campo termina la lista (ya hay {count}). «rápido»: una línea por elemento.
  public static func guideListHelp(count countValue: some CustomStringConvertible) -> Message { Message(.guideListHelp, ["count": String(describing: countValue)]) }
  /// (ahora: {value}; Enter lo mantiene)
  public static func guideCurrent(value valueValue: some CustomStringConvertible) -> Message { Message(.guideCurrent, ["value": String(describing: valueValue)]) }
  /// (Enter usa: {value})
  public static func guidePrefill(value valueValue: some CustomStringConvertible) -> Message { Message(.guidePrefill, ["value": String(describing: valueValue)]) }
  /// ayuda  pista  ejemplo  atrás  saltar  deshacer  ver  listo  ·  /comando
  public static var guideKeys: Message { Message(.guideKeys, [:]) }
  /// (una o varias, separadas por comas)
  public static var guideSeveral: Message { Message(.guideSeveral, [:]) }
  /// ✓ Fin de «{exercise}».
  public static func guideFinished(exercise exerciseValue: some CustomStringConvertible) -> Message { Message(.guideFinished, ["exercise": String(describing: exerciseValue)]) }
  /// Sobra «{extra}»: la línea toma {count} valores en este orden: {order}.
  public static func quickTooMany(count countValue: some CustomStringConvertible, extra extraValue: some CustomStringConvertible, order orderValue: some CustomStringConvertible) -> Message { Message(.quickTooMany, ["count": String(describing: countValue), "extra": String(describing: extraValue), "order": String(describing: orderValue)]) }
  /// ¿Más detalles? ({fields}) s/N
  public static func guideOffer(fields fieldsValue: some CustomStringConvertible) -> Message { Message(.guideOffer, ["fields": String(describing: fieldsValue)]) }
  /// Respondan s (sí) o n (no); Enter es no.
  public static var guideYesNo: Message { Message(.guideYesNo, [:]) }
  /// detalles
  public static var guideDetails: Message { Message(.guideDetails, [:]) }
  /// (propuesto abajo: edítenlo o pulsen Enter)
  public static var guidePrefillEdit: Message { Message(.guidePrefillEdit, [:]) }
  /// Un elemento por línea, sus partes separadas por «;» (vacío: ;;). Enter vacío termina la lista (ya hay {count}). «campos»: uno por uno.
  public static func guideListLine(count countValue: some CustomStringConvertible) -> Message { Message(.guideListLine, ["count": String(describing: countValue)]) }
  /// Escriban: {order}
  public static func guideLineOrder(order orderValue: some CustomStringConvertible) -> Message { Message(.guideLineOrder, ["order": String(describing: orderValue)]) }
  /// Sepárenlas con «;»; una parte vacía (;;) queda sin respuesta; también «nombre=valor» en cualquier orden.
  public static var guideLineHelp: Message { Message(.guideLineHelp, [:]) }
  /// ✓ {number}: {summary}
  public static func guideItemSaved(number numberValue: some CustomStringConvertible, summary summaryValue: some CustomStringConvertible) -> Message { Message(.guideItemSaved, ["number": String(describing: numberValue), "summary": String(describing: summaryValue)]) }
  /// Ahora una pregunta por campo («rápido» vuelve a una línea por elemento).
  public static var guideModeFields: Message { Message(.guideModeFields, [:]) }
  /// Ahora una línea por elemento («campos» para uno por uno).
  public static var guideModeLine: Message { Message(.guideModeLine, [:]) }
  /// Para completar «{exercise}» falta:
  public static func guideIncomplete(exercise exerciseValue: some CustomStringConvertible) -> Message { Message(.guideIncomplete, ["exercise": String(describing: exerciseValue)]) }
  /// ¿Ir a lo que falta? s/N
  public static var guideGoThere: Message { Message(.guideGoThere, [:]) }
  /// Bien; «continuar» vuelve a lo que falta cuando quieran.
  public static var guideGoThereLater: Message { Message(.guideGoThereLater, [:]) }
  /// sin respuesta
  public static var missingAnswer: Message { Message(.missingAnswer, [:]) }
  /// hay {have}, hacen falta al menos {need}
  public static func missingItems(have haveValue: some CustomStringConvertible, need needValue: some CustomStringConvertible) -> Message { Message(.missingItems, ["have": String(describing: haveValue), "need": String(describing: needValue)]) }
  /// falta: {fields}
  public static func missingFields(fields fieldsValue: some CustomStringConvertible) -> Message { Message(.missingFields, ["fields": String(describing: fieldsValue)]) }
  /// … y {count} más («revisar» los muestra todos)
  public static func missingMore(count countValue: some CustomStringConvertible) -> Message { Message(.missingMore, ["count": String(describing: countValue)]) }
  /// {field}: {problem}
  public static func quickFieldError(field fieldValue: some CustomStringConvertible, problem problemValue: some CustomStringConvertible) -> Message { Message(.quickFieldError, ["field": String(describing: fieldValue), "problem": String(describing: problemValue)]) }
  /// Falta «{field}», que va primero: {order}
  public static func quickFirstMissing(field fieldValue: some CustomStringConvertible, order orderValue: some CustomStringConvertible) -> Message { Message(.quickFirstMissing, ["field": String(describing: fieldValue), "order": String(describing: orderValue)]) }
  /// No hay nada que deshacer en esta sesión de taller.
  public static var undoNothing: Message { Message(.undoNothing, [:]) }
  /// ↶ Deshecho: vuelve lo que había antes (como un cambio nuevo).
  public static var undoDone: Message { Message(.undoDone, [:]) }
  /// Deshace la última respuesta guardada en esta sesión de taller
  public static var cmdUndo: Message { Message(.cmdUndo, [:]) }
  /// Mientras recorren un ejercicio: las listas, una pregunta por campo
  public static var cmdFields: Message { Message(.cmdFields, [:]) }
  /// Mientras recorren un ejercicio: las listas, una línea por elemento
  public static var cmdQuick: Message { Message(.cmdQuick, [:]) }
  /// Revisa los ejercicios con los criterios del curso: qué falta y qué mejorar
  public static var cmdCheck: Message { Message(.cmdCheck, [:]) }
  /// Revisión de «{exercise}»
  public static func checkTitle(exercise exerciseValue: some CustomStringConvertible) -> Message { Message(.checkTitle, ["exercise": String(describing: exerciseValue)]) }
  /// ✓ Completo y sin observaciones.
  public static var checkClean: Message { Message(.checkClean, [:]) }
  /// {count} observación(es) en total.
  public static func checkSummary(count countValue: some CustomStringConvertible) -> Message { Message(.checkSummary, ["count": String(describing: countValue)]) }
  /// Aún no empezado.
  public static var checkNotStarted: Message { Message(.checkNotStarted, [:]) }
  /// Este ejercicio usa lo que escriban en «{exercise}», que aún está vacío.
  public static func startNeeds(exercise exerciseValue: some CustomStringConvertible) -> Message { Message(.startNeeds, ["exercise": String(describing: exerciseValue)]) }
  /// ¿Empezar {exercise} primero? s/N
  public static func startNeedsQuestion(exercise exerciseValue: some CustomStringConvertible) -> Message { Message(.startNeedsQuestion, ["exercise": String(describing: exerciseValue)]) }
  /// Bien, sigan aquí.
  public static var startNeedsLater: Message { Message(.startNeedsLater, [:]) }
  /// Cancelado: no se guardó nada (↑ recupera lo que escribieron).
  public static var attendanceCancelled: Message { Message(.attendanceCancelled, [:]) }
  /// Uno por línea; Enter vacío termina la lista (ya hay {count}).
  public static func guideListOne(count countValue: some CustomStringConvertible) -> Message { Message(.guideListOne, ["count": String(describing: countValue)]) }
  /// sin emoción: no se puntúa
  public static var reportNoEmotion: Message { Message(.reportNoEmotion, [:]) }
  /// (sin respuestas todavía)
  public static var reportEmpty: Message { Message(.reportEmpty, [:]) }
  /// Media
  public static var drawMean: Message { Message(.drawMean, [:]) }
  /// Zonas rojas: {count} de {total} ({names}).
  public static func drawRedZones(count countValue: some CustomStringConvertible, names namesValue: some CustomStringConvertible, total totalValue: some CustomStringConvertible) -> Message { Message(.drawRedZones, ["count": String(describing: countValue), "names": String(describing: namesValue), "total": String(describing: totalValue)]) }
  /// cada elemento con todos sus campos
  public static var flagDetail: Message { Message(.flagDetail, [:]) }
  /// Etapas {from}–{to} de {total}
  public static func drawStagesPage(from fromValue: some CustomStringConvertible, to toValue: some CustomStringConvertible, total totalValue: some CustomStringConvertible) -> Message { Message(.drawStagesPage, ["from": String(describing: fromValue), "to": String(describing: toValue), "total": String(describing: totalValue)]) }
  /// ● emoción de la etapa · ◆ momento de la verdad · sin punto = etapa sin emoción · → la curva sigue en otra página
  public static var drawJourneyLegend: Message { Message(.drawJourneyLegend, [:]) }
  /// sin emoción
  public static var drawNoEmotion: Message { Message(.drawNoEmotion, [:]) }
  /// Curva emocional de {count} etapas, de −2 a +2: {points}.
  public static func drawCurveDesc(count countValue: some CustomStringConvertible, points pointsValue: some CustomStringConvertible) -> Message { Message(.drawCurveDesc, ["count": String(describing: countValue), "points": String(describing: pointsValue)]) }
  /// (continúa)
  public static var drawContinued: Message { Message(.drawContinued, [:]) }
  /// Diseñado para
  public static var reportDesignedFor: Message { Message(.reportDesignedFor, [:]) }
  /// Diseñado por
  public static var reportDesignedBy: Message { Message(.reportDesignedBy, [:]) }
  /// Fecha
  public static var reportDate: Message { Message(.reportDate, [:]) }
  /// Versión
  public static var reportVersion: Message { Message(.reportVersion, [:]) }
  /// Contenido
  public static var reportContents: Message { Message(.reportContents, [:]) }
  /// Estado de la clase
  public static var reportClassStatus: Message { Message(.reportClassStatus, [:]) }
  /// Notas
  public static var reportGrades: Message { Message(.reportGrades, [:]) }
  /// {teams} equipos · exportado el {date}
  public static func reportCover(date dateValue: some CustomStringConvertible, teams teamsValue: some CustomStringConvertible) -> Message { Message(.reportCover, ["date": String(describing: dateValue), "teams": String(describing: teamsValue)]) }
  /// Etapa {n} de {total}
  public static func drawStagePage(n nValue: some CustomStringConvertible, total totalValue: some CustomStringConvertible) -> Message { Message(.drawStagePage, ["n": String(describing: nValue), "total": String(describing: totalValue)]) }
  /// No hay ninguna laptop que pueda leer los datos del equipo {team}: no se selló nada.
  public static func sealedNoRecipients(team teamValue: some CustomStringConvertible) -> Message { Message(.sealedNoRecipients, ["team": String(describing: teamValue)]) }
  /// La clave de cifrado de la laptop {laptop} no es válida.
  public static func sealedBadKey(laptop laptopValue: some CustomStringConvertible) -> Message { Message(.sealedBadKey, ["laptop": String(describing: laptopValue)]) }
  /// la clave de firma de esta laptop no es válida
  public static var reasonSigningKey: Message { Message(.reasonSigningKey, [:]) }
  /// no se pudo derivar una clave de la frase de paso
  public static var reasonPassphrase: Message { Message(.reasonPassphrase, [:]) }
  /// no es un elemento de una lista
  public static var reasonNotListItem: Message { Message(.reasonNotListItem, [:]) }
  /// no es un cambio de taller
  public static var reasonNotAChange: Message { Message(.reasonNotAChange, [:]) }
  /// sin permiso para leerlo
  public static var reasonNoPermission: Message { Message(.reasonNoPermission, [:]) }
  /// El paquete sellado está dañado o fue alterado ({reason}); no se aplicó nada.
  public static func sealedDamaged(reason reasonValue: some CustomStringConvertible) -> Message { Message(.sealedDamaged, ["reason": String(describing: reasonValue)]) }
  public static func sealedDamaged(reason reasonValue: L) -> Message { Message(.sealedDamaged, ["reason": ""]).saying("reason", reasonValue) }
  /// cortado: le faltan líneas
  public static var sealedWhyTruncated: Message { Message(.sealedWhyTruncated, [:]) }
  /// una línea ilegible
  public static var sealedWhyLine: Message { Message(.sealedWhyLine, [:]) }
  /// su contenido no coincide con su suma de control
  public static var sealedWhyAltered: Message { Message(.sealedWhyAltered, [:]) }
  /// no es un paquete sellado
  public static var sealedWhyFormat: Message { Message(.sealedWhyFormat, [:]) }
  /// de una versión que esta no conoce
  public static var sealedWhyVersion: Message { Message(.sealedWhyVersion, [:]) }
  /// la cabecera es ilegible
  public static var sealedWhyHeader: Message { Message(.sealedWhyHeader, [:]) }
  /// sus destinatarios fueron alterados
  public static var sealedWhyRecipient: Message { Message(.sealedWhyRecipient, [:]) }
  /// la clave del paquete no corresponde
  public static var sealedWhyMac: Message { Message(.sealedWhyMac, [:]) }
  /// su contenido fue alterado, reordenado o cortado
  public static var sealedWhyPayload: Message { Message(.sealedWhyPayload, [:]) }
  /// falta su firma o es ilegible
  public static var sealedWhySignature: Message { Message(.sealedWhySignature, [:]) }
  /// la clave de firma de esta laptop no es válida
  public static var sealedWhySigningKey: Message { Message(.sealedWhySigningKey, [:]) }
  /// su compresión está dañada
  public static var sealedWhyGzip: Message { Message(.sealedWhyGzip, [:]) }
  /// las notas son ilegibles
  public static var sealedWhyGrades: Message { Message(.sealedWhyGrades, [:]) }
  /// La firma del paquete sellado no es de la laptop {laptop} que dice haberlo escrito; no se aplicó nada.
  public static func sealedBadSignature(laptop laptopValue: some CustomStringConvertible) -> Message { Message(.sealedBadSignature, ["laptop": String(describing: laptopValue)]) }
  /// Esta laptop no puede leer los datos del equipo {team}: el paquete no está sellado para ella.
  public static func sealedNotForMe(team teamValue: some CustomStringConvertible) -> Message { Message(.sealedNotForMe, ["team": String(describing: teamValue)]) }
  /// El paquete es del equipo {found}, no del equipo {expected} de esta carpeta; no se aplicó nada.
  public static func sealedWrongTeam(expected expectedValue: some CustomStringConvertible, found foundValue: some CustomStringConvertible) -> Message { Message(.sealedWrongTeam, ["expected": String(describing: expectedValue), "found": String(describing: foundValue)]) }
  /// {file} tiene permisos {mode}: otros pueden leer las claves de esta laptop, así que no se usan. Déjalo en {wanted} (chmod {wanted} {file}).
  public static func keysTooOpen(file fileValue: some CustomStringConvertible, mode modeValue: some CustomStringConvertible, wanted wantedValue: some CustomStringConvertible) -> Message { Message(.keysTooOpen, ["file": String(describing: fileValue), "mode": String(describing: modeValue), "wanted": String(describing: wantedValue)]) }
  /// El archivo de claves {file} no se puede leer o está dañado; no se usó.
  public static func keysUnreadable(file fileValue: some CustomStringConvertible) -> Message { Message(.keysUnreadable, ["file": String(describing: fileValue)]) }
  /// No se pudo guardar la clave de esta laptop en {folder}: {reason}.
  public static func keysCannotWrite(folder folderValue: some CustomStringConvertible, reason reasonValue: some CustomStringConvertible) -> Message { Message(.keysCannotWrite, ["folder": String(describing: folderValue), "reason": String(describing: reasonValue)]) }
  public static func keysCannotWrite(folder folderValue: some CustomStringConvertible, reason reasonValue: L) -> Message { Message(.keysCannotWrite, ["folder": String(describing: folderValue), "reason": ""]).saying("reason", reasonValue) }
  /// Esta base de datos fue copiada de otra laptop y su clave no está aquí: se ve todo lo que tenía, pero escribe con una identidad nueva ({replica}). Para cambiar los datos de un equipo, únanse a él con una invitación («equipo invitar» en una laptop del equipo, «equipo unirse ARCHIVO» aquí).
  public static func dbCopyWithoutKey(replica replicaValue: some CustomStringConvertible) -> Message { Message(.dbCopyWithoutKey, ["replica": String(describing: replicaValue)]) }
  /// ✓ {count} cambio(s) de «{team}» en {file}, sellados para {readers} laptop(s)
  public static func syncExportedSealed(count countValue: some CustomStringConvertible, file fileValue: some CustomStringConvertible, readers readersValue: some CustomStringConvertible, team teamValue: some CustomStringConvertible) -> Message { Message(.syncExportedSealed, ["count": String(describing: countValue), "file": String(describing: fileValue), "readers": String(describing: readersValue), "team": String(describing: teamValue)]) }
  /// La laptop {laptop} aún no declaró su llave de lectura: podrá leer lo exportado cuando escriba algo y sincronice.
  public static func syncReaderNoKey(laptop laptopValue: some CustomStringConvertible) -> Message { Message(.syncReaderNoKey, ["laptop": String(describing: laptopValue)]) }
  /// {count} archivo(s) sellado(s) para otras laptops (de otros equipos, o del docente): esta laptop no puede leerlos y no guardó nada de ellos.
  public static func syncPassedOver(count countValue: some CustomStringConvertible) -> Message { Message(.syncPassedOver, ["count": String(describing: countValue)]) }
  /// datos del docente de {class}
  public static func syncInstructorData(class classValue: some CustomStringConvertible) -> Message { Message(.syncInstructorData, ["class": String(describing: classValue)]) }
  /// Lista las laptops del equipo: cuál lo fundó, cuáles se quitaron
  public static var cmdTeamLaptops: Message { Message(.cmdTeamLaptops, [:]) }
  /// Quita una laptop del equipo: lo que se exporte después ya no se sella para ella
  public static var cmdTeamRemoveLaptop: Message { Message(.cmdTeamRemoveLaptop, [:]) }
  /// LAPTOP
  public static var argLaptop: Message { Message(.argLaptop, [:]) }
  /// Laptops de «{team}»
  public static func teamLaptopsHeader(team teamValue: some CustomStringConvertible) -> Message { Message(.teamLaptopsHeader, ["team": String(describing: teamValue)]) }
  /// fundadora
  public static var laptopFounderMark: Message { Message(.laptopFounderMark, [:]) }
  /// quitada
  public static var laptopRemovedMark: Message { Message(.laptopRemovedMark, [:]) }
  /// esta laptop
  public static var laptopMineMark: Message { Message(.laptopMineMark, [:]) }
  /// La laptop {laptop} ya no es del equipo «{team}»: lo que se exporte desde ahora no se sella para ella. Lo que ya leyó sigue en su poder.
  public static func laptopRemoved(laptop laptopValue: some CustomStringConvertible, team teamValue: some CustomStringConvertible) -> Message { Message(.laptopRemoved, ["laptop": String(describing: laptopValue), "team": String(describing: teamValue)]) }
  /// «{laptop}» no es una laptop del equipo. Escribe el nombre o el inicio del id que muestra «equipo laptops»: {laptops}.
  public static func laptopNotFound(laptop laptopValue: some CustomStringConvertible, laptops laptopsValue: some CustomStringConvertible) -> Message { Message(.laptopNotFound, ["laptop": String(describing: laptopValue), "laptops": String(describing: laptopsValue)]) }
  /// Solo la laptop que fundó el equipo (o la del docente) quita laptops.
  public static var laptopRemoveNotFounder: Message { Message(.laptopRemoveNotFounder, [:]) }
  /// La laptop que fundó el equipo no se puede quitar. Si se perdió, funda el equipo de nuevo desde otra laptop.
  public static var laptopRemoveFounder: Message { Message(.laptopRemoveFounder, [:]) }
  /// Publica las notas de un equipo: desde ahora «sincronizar exportar» se las lleva selladas para ese equipo
  public static var cmdGradesPublish: Message { Message(.cmdGradesPublish, [:]) }
  /// Notas de «{team}» publicadas: el próximo «sincronizar exportar» las deja en la carpeta del equipo, selladas para sus laptops. Las notas de otros equipos siguen siendo solo tuyas.
  public static func gradesPublishedTo(team teamValue: some CustomStringConvertible) -> Message { Message(.gradesPublishedTo, ["team": String(describing: teamValue)]) }
  /// ✓ notas de «{team}» en {file}, selladas para {readers} laptop(s)
  public static func gradesSent(file fileValue: some CustomStringConvertible, readers readersValue: some CustomStringConvertible, team teamValue: some CustomStringConvertible) -> Message { Message(.gradesSent, ["file": String(describing: fileValue), "readers": String(describing: readersValue), "team": String(describing: teamValue)]) }
  /// Notas de tu equipo publicadas por el docente el {date}.
  public static func gradesReceived(date dateValue: some CustomStringConvertible) -> Message { Message(.gradesReceived, ["date": String(describing: dateValue)]) }
  /// Las notas no vienen del docente de este equipo; no se guardó nada.
  public static var gradesNotFromInstructor: Message { Message(.gradesNotFromInstructor, [:]) }
  /// El docente aún no publicó las notas de tu equipo. Cuando lo haga, llegarán con «sincronizar importar».
  public static var gradesNoneYet: Message { Message(.gradesNoneYet, [:]) }
  /// Esta invitación venció a las {time}: pide una nueva a una laptop del equipo («equipo invitar»).
  public static func inviteExpired(time timeValue: some CustomStringConvertible) -> Message { Message(.inviteExpired, ["time": String(describing: timeValue)]) }
  /// Vale para una laptop, hasta las {time}; para otra laptop, o después, escribe otra.
  public static func inviteValidUntil(time timeValue: some CustomStringConvertible) -> Message { Message(.inviteValidUntil, ["time": String(describing: timeValue)]) }
  /// Lista las invitaciones del equipo: hasta cuándo valen y qué laptops entraron con ellas
  public static var cmdTeamInvitations: Message { Message(.cmdTeamInvitations, [:]) }
  /// Invitaciones de «{team}»
  public static func invitationsHeader(team teamValue: some CustomStringConvertible) -> Message { Message(.invitationsHeader, ["team": String(describing: teamValue)]) }
  /// El equipo no tiene invitaciones. «equipo invitar» escribe una.
  public static var invitationsNone: Message { Message(.invitationsNone, [:]) }
  /// vale hasta las {time}
  public static func invitationOpen(time timeValue: some CustomStringConvertible) -> Message { Message(.invitationOpen, ["time": String(describing: timeValue)]) }
  /// venció a las {time}
  public static func invitationExpired(time timeValue: some CustomStringConvertible) -> Message { Message(.invitationExpired, ["time": String(describing: timeValue)]) }
  /// sin vencimiento (de una versión anterior)
  public static var invitationForever: Message { Message(.invitationForever, [:]) }
  /// entraron: {laptops}
  public static func invitationUsed(laptops laptopsValue: some CustomStringConvertible) -> Message { Message(.invitationUsed, ["laptops": String(describing: laptopsValue)]) }
  /// Minutos que vale la invitación (de 1 a 1440; 120 si no se indica)
  public static var flagMinutes: Message { Message(.flagMinutes, [:]) }
  /// MINUTOS
  public static var argMinutes: Message { Message(.argMinutes, [:]) }
  /// «{value}» no sirve como minutos: escribe un número de 1 a 1440.
  public static func inviteBadMinutes(value valueValue: some CustomStringConvertible) -> Message { Message(.inviteBadMinutes, ["value": String(describing: valueValue)]) }
  /// Escribe la solicitud de esta laptop para unirse a un equipo (sin secretos: puede ir por la carpeta compartida)
  public static var cmdTeamRequestJoin: Message { Message(.cmdTeamRequestJoin, [:]) }
  /// Admite en el equipo a la laptop de una solicitud: escribe su admisión, que solo esa laptop puede usar
  public static var cmdTeamAdmit: Message { Message(.cmdTeamAdmit, [:]) }
  /// ✓ Solicitud en {file}. Llévala a una laptop del equipo (puede ir por la carpeta compartida); allí: «equipo admitir ARCHIVO».
  public static func requestWritten(file fileValue: some CustomStringConvertible) -> Message { Message(.requestWritten, ["file": String(describing: fileValue)]) }
  /// Las dos pantallas deben mostrar las mismas palabras: {words}
  public static func requestWords(words wordsValue: some CustomStringConvertible) -> Message { Message(.requestWords, ["words": String(describing: wordsValue)]) }
  /// {file} no es una solicitud válida (alterada, incompleta o de otro formato); pide a esa laptop que escriba otra con «equipo pedir-unirse».
  public static func requestBad(file fileValue: some CustomStringConvertible) -> Message { Message(.requestBad, ["file": String(describing: fileValue)]) }
  /// La laptop {laptop} ya es del equipo «{team}».
  public static func requestAlready(laptop laptopValue: some CustomStringConvertible, team teamValue: some CustomStringConvertible) -> Message { Message(.requestAlready, ["laptop": String(describing: laptopValue), "team": String(describing: teamValue)]) }
  /// ✓ Admisión de la laptop {laptop} en {file}, sellada solo para ella; vale hasta las {time}. En esa laptop: «equipo unirse ARCHIVO».
  public static func admitWritten(file fileValue: some CustomStringConvertible, laptop laptopValue: some CustomStringConvertible, time timeValue: some CustomStringConvertible) -> Message { Message(.admitWritten, ["file": String(describing: fileValue), "laptop": String(describing: laptopValue), "time": String(describing: timeValue)]) }
  /// Esta admisión es para otra laptop: solo la laptop que pidió unirse puede usarla. Escribe tu propia solicitud con «equipo pedir-unirse».
  public static var admissionNotForMe: Message { Message(.admissionNotForMe, [:]) }
  /// {file} se selló también para una laptop quitada del equipo ({laptops}): quien lo escribió aún no había visto la remoción, así que esa laptop puede leerlo.
  public static func syncSealedForRemoved(file fileValue: some CustomStringConvertible, laptops laptopsValue: some CustomStringConvertible) -> Message { Message(.syncSealedForRemoved, ["file": String(describing: fileValue), "laptops": String(describing: laptopsValue)]) }
  /// Esta invitación fue revocada por quien fundó el equipo: pide una nueva a una laptop del equipo («equipo invitar»).
  public static var inviteRevoked: Message { Message(.inviteRevoked, [:]) }
  /// Otra laptop ya se unió con esta invitación, que sirve una sola vez: pide una nueva a una laptop del equipo («equipo invitar»).
  public static var inviteUsed: Message { Message(.inviteUsed, [:]) }
  /// Solo la laptop que fundó el equipo revoca sus invitaciones.
  public static var inviteRevokeNotFounder: Message { Message(.inviteRevokeNotFounder, [:]) }
  /// revocada a las {time}
  public static func invitationRevokedState(time timeValue: some CustomStringConvertible) -> Message { Message(.invitationRevokedState, ["time": String(describing: timeValue)]) }
  /// de un solo uso
  public static var invitationOnce: Message { Message(.invitationOnce, [:]) }
  /// Invitación {invite} revocada: una laptop que se una con ella desde ahora no podrá cambiar «{team}». Quien ya entró sigue (para eso: «equipo quitar-laptop»).
  public static func invitationRevokedDone(invite inviteValue: some CustomStringConvertible, team teamValue: some CustomStringConvertible) -> Message { Message(.invitationRevokedDone, ["invite": String(describing: inviteValue), "team": String(describing: teamValue)]) }
  /// No hay ninguna invitación «{invite}» en este equipo. Sus invitaciones: {invites}.
  public static func invitationNotFound(invite inviteValue: some CustomStringConvertible, invites invitesValue: some CustomStringConvertible) -> Message { Message(.invitationNotFound, ["invite": String(describing: inviteValue), "invites": String(describing: invitesValue)]) }
  /// «equipo revocar-invitacion ID» cierra una invitación abierta.
  public static var invitationsRevokeHint: Message { Message(.invitationsRevokeHint, [:]) }
  /// Esta laptop fue quitada del equipo «{team}»: lo que escribas aquí ya no cuenta. Pide una nueva invitación a quien fundó el equipo.
  public static func laptopWasRemoved(team teamValue: some CustomStringConvertible) -> Message { Message(.laptopWasRemoved, ["team": String(describing: teamValue)]) }
  /// Esta laptop ya no puede cambiar «{team}»: la quitaron del equipo, o su invitación fue revocada o ya la había usado otra laptop. Lo que escribiste queda guardado, sin contar; pide una nueva invitación («equipo pedir-unirse»).
  public static func syncRightsLost(team teamValue: some CustomStringConvertible) -> Message { Message(.syncRightsLost, ["team": String(describing: teamValue)]) }
  /// Revoca una invitación abierta del equipo (solo quien lo fundó)
  public static var cmdTeamRevokeInvitation: Message { Message(.cmdTeamRevokeInvitation, [:]) }
  /// INVITACIÓN
  public static var argInvitation: Message { Message(.argInvitation, [:]) }
  /// El archivo de claves {file} está protegido con una frase de paso: escríbela cuando taller la pida, o ponla en TALLER_PASSPHRASE para un script.
  public static func keysLocked(file fileValue: some CustomStringConvertible) -> Message { Message(.keysLocked, ["file": String(describing: fileValue)]) }
  /// La frase de paso no abre el archivo de claves {file}: revisa mayúsculas y tildes. No se cambió nada.
  public static func keysWrongPassphrase(file fileValue: some CustomStringConvertible) -> Message { Message(.keysWrongPassphrase, ["file": String(describing: fileValue)]) }
  /// Esta base de datos está en memoria: sus claves no están en ningún archivo que proteger.
  public static var keysInMemory: Message { Message(.keysInMemory, [:]) }
  /// La frase de paso debe tener al menos {count} caracteres (mejor varias palabras). No se cambió nada.
  public static func passphraseTooShort(count countValue: some CustomStringConvertible) -> Message { Message(.passphraseTooShort, ["count": String(describing: countValue)]) }
  /// Frase de paso de las claves de esta laptop: 
  public static var passphrasePrompt: Message { Message(.passphrasePrompt, [:]) }
  /// Nueva frase de paso (vacía: sin frase): 
  public static var passphraseNewPrompt: Message { Message(.passphraseNewPrompt, [:]) }
  /// Repítela: 
  public static var passphraseRepeatPrompt: Message { Message(.passphraseRepeatPrompt, [:]) }
  /// Las dos frases de paso no coinciden. No se cambió nada.
  public static var passphraseMismatch: Message { Message(.passphraseMismatch, [:]) }
  /// Las claves de esta laptop quedan protegidas con la frase de paso: taller la pedirá al abrir. Si la olvidas, esta laptop tendrá que unirse de nuevo a sus equipos; no hay forma de recuperarla.
  public static var passphraseSet: Message { Message(.passphraseSet, [:]) }
  /// Las claves de esta laptop ya no tienen frase de paso (el archivo sigue solo legible por ti, 0600).
  public static var passphraseRemoved: Message { Message(.passphraseRemoved, [:]) }
  /// En un script, la frase de paso nueva va en TALLER_NEW_PASSPHRASE (vacía: quitarla). No se cambió nada.
  public static var passphraseScript: Message { Message(.passphraseScript, [:]) }
  /// Protege las claves de esta laptop con una frase de paso (o la quita): para la laptop del docente
  public static var cmdKeysPassphrase: Message { Message(.cmdKeysPassphrase, [:]) }
  /// Código de invitación a «{team}»: léelo en voz alta o proyéctalo (sirve a una sola laptop). La invitación, sellada con el código, quedó en {file}.
  public static func inviteCodeWritten(file fileValue: some CustomStringConvertible, team teamValue: some CustomStringConvertible) -> Message { Message(.inviteCodeWritten, ["file": String(describing: fileValue), "team": String(describing: teamValue)]) }
  /// En la otra laptop, con la misma carpeta: «equipo unirse {code} CARPETA». Palabras de control: {words}.
  public static func inviteCodeHint(code codeValue: some CustomStringConvertible, words wordsValue: some CustomStringConvertible) -> Message { Message(.inviteCodeHint, ["code": String(describing: codeValue), "words": String(describing: wordsValue)]) }
  /// Ninguna invitación de la carpeta {dir} se abre con el código {code}: revisa el código y que la carpeta sea la de quien invitó. No se guardó nada.
  public static func inviteCodeNotFound(code codeValue: some CustomStringConvertible, dir dirValue: some CustomStringConvertible) -> Message { Message(.inviteCodeNotFound, ["code": String(describing: codeValue), "dir": String(describing: dirValue)]) }
  /// Palabras de control: {words} (las mismas que en la pantalla de quien invitó).
  public static func joinWords(words wordsValue: some CustomStringConvertible) -> Message { Message(.joinWords, ["words": String(describing: wordsValue)]) }
  /// Un código para leer en voz alta o proyectar, en vez de pasar el archivo (la invitación sellada queda en la CARPETA compartida)
  public static var flagCode: Message { Message(.flagCode, [:]) }
  /// EQUIPO
  public static var argTeam: Message { Message(.argTeam, [:]) }
  /// ALUMNO
  public static var argStudent: Message { Message(.argStudent, [:]) }
  /// La nota es de un alumno del equipo (solo en participación)
  public static var flagStudent: Message { Message(.flagStudent, [:]) }
  /// No hay ningún equipo «{team}» en esta laptop. ¿Quisiste decir alguno de estos? {suggestions}. El trabajo de otros equipos llega sellado para sus laptops: aquí no se puede leer.
  public static func teamNotFoundSuggest(suggestions suggestionsValue: some CustomStringConvertible, team teamValue: some CustomStringConvertible) -> Message { Message(.teamNotFoundSuggest, ["suggestions": String(describing: suggestionsValue), "team": String(describing: teamValue)]) }
  /// «{key}» no cuenta para ninguna nota del curso. Lo que cuenta: {items}.
  public static func gradeNoWeight(items itemsValue: some CustomStringConvertible, key keyValue: some CustomStringConvertible) -> Message { Message(.gradeNoWeight, ["items": String(describing: itemsValue), "key": String(describing: keyValue)]) }
  /// No hay ningún rubro «{key}». ¿Quisiste decir {suggestions}? Lo que cuenta: {items}.
  public static func gradeUnknownSuggest(items itemsValue: some CustomStringConvertible, key keyValue: some CustomStringConvertible, suggestions suggestionsValue: some CustomStringConvertible) -> Message { Message(.gradeUnknownSuggest, ["items": String(describing: itemsValue), "key": String(describing: keyValue), "suggestions": String(describing: suggestionsValue)]) }
  /// «--alumno» solo va con {item}: los demás rubros son del equipo.
  public static func gradeStudentOnlyParticipation(item itemValue: some CustomStringConvertible) -> Message { Message(.gradeStudentOnlyParticipation, ["item": String(describing: itemValue)]) }
  /// «{student}» no es miembro de «{team}». Miembros: {members}.
  public static func gradeStudentNotFound(members membersValue: some CustomStringConvertible, student studentValue: some CustomStringConvertible, team teamValue: some CustomStringConvertible) -> Message { Message(.gradeStudentNotFound, ["members": String(describing: membersValue), "student": String(describing: studentValue), "team": String(describing: teamValue)]) }
  /// ✓ {item} de {student} ({team}): {score}/{max}.
  public static func gradeSavedStudent(item itemValue: some CustomStringConvertible, max maxValue: some CustomStringConvertible, score scoreValue: some CustomStringConvertible, student studentValue: some CustomStringConvertible, team teamValue: some CustomStringConvertible) -> Message { Message(.gradeSavedStudent, ["item": String(describing: itemValue), "max": String(describing: maxValue), "score": String(describing: scoreValue), "student": String(describing: studentValue), "team": String(describing: teamValue)]) }
  /// {score} (parcial)
  public static func gradePartial(score scoreValue: some CustomStringConvertible) -> Message { Message(.gradePartial, ["score": String(describing: scoreValue)]) }
  /// Por alumno (asistencia a {total} sesión(es)):
  public static func gradeStudentsHeader(total totalValue: some CustomStringConvertible) -> Message { Message(.gradeStudentsHeader, ["total": String(describing: totalValue)]) }
  /// Alumno;Asistencia;Nota;De dónde
  public static var gradeStudentsColumns: Message { Message(.gradeStudentsColumns, [:]) }
  /// propuesta: nota del equipo × asistencia
  public static var gradeFromProposed: Message { Message(.gradeFromProposed, [:]) }
  /// del docente
  public static var gradeFromOwn: Message { Message(.gradeFromOwn, [:]) }
  /// la del equipo (sin sesiones)
  public static var gradeFromTeam: Message { Message(.gradeFromTeam, [:]) }
  /// Para cambiar la de un alumno: «calificar {team} {item} --alumno NOMBRE NOTA».
  public static func gradeStudentsHint(item itemValue: some CustomStringConvertible, team teamValue: some CustomStringConvertible) -> Message { Message(.gradeStudentsHint, ["item": String(describing: itemValue), "team": String(describing: teamValue)]) }
  /// Solo el docente pone el reloj de la clase: esta laptop debe haber creado la clase («clase crear»).
  public static var clockNotInstructor: Message { Message(.clockNotInstructor, [:]) }
  /// El archivo del reloj está dañado o su firma no coincide; no se usó.
  public static var clockDamaged: Message { Message(.clockDamaged, [:]) }
  /// Ese reloj no viene del docente de la clase; no se usó.
  public static var clockNotFromInstructor: Message { Message(.clockNotFromInstructor, [:]) }
  /// ⏱ Reloj de la clase: {minutes} min, termina a las {time}.
  public static func clockStarted(minutes minutesValue: some CustomStringConvertible, time timeValue: some CustomStringConvertible) -> Message { Message(.clockStarted, ["minutes": String(describing: minutesValue), "time": String(describing: timeValue)]) }
  /// Llega a los equipos con el próximo «sincronizar exportar» (o ya: «reloj clase {action} CARPETA»).
  public static func clockTravels(action actionValue: some CustomStringConvertible) -> Message { Message(.clockTravels, ["action": String(describing: actionValue)]) }
  /// Reloj escrito en {file}: cada equipo lo recibe al importar la carpeta.
  public static func clockWritten(file fileValue: some CustomStringConvertible) -> Message { Message(.clockWritten, ["file": String(describing: fileValue)]) }
  /// ⏱ Reloj del docente: termina a las {time} (quedan {left}).
  public static func clockRunning(left leftValue: some CustomStringConvertible, time timeValue: some CustomStringConvertible) -> Message { Message(.clockRunning, ["left": String(describing: leftValue), "time": String(describing: timeValue)]) }
  /// ⏱ Reloj del docente en pausa: quedan {left}.
  public static func clockPausedState(left leftValue: some CustomStringConvertible) -> Message { Message(.clockPausedState, ["left": String(describing: leftValue)]) }
  /// ⏱ ¡Tiempo! El reloj del docente llegó a 0:00 a las {time}.
  public static func clockEnded(time timeValue: some CustomStringConvertible) -> Message { Message(.clockEnded, ["time": String(describing: timeValue)]) }
  /// No hay reloj de la clase. El docente lo pone con «reloj clase 15» (2, 5, 10, 15, 20 o 30 minutos, o los que quiera).
  public static var clockNone: Message { Message(.clockNone, [:]) }
  /// «{action}» no es una acción del reloj. Usa: minutos (2, 5, 10, 15, 20, 30… hasta 180), +1, pausa, seguir o parar.
  public static func clockBadAction(action actionValue: some CustomStringConvertible) -> Message { Message(.clockBadAction, ["action": String(describing: actionValue)]) }
  /// ⏱ Reloj de la clase detenido.
  public static var clockStoppedState: Message { Message(.clockStoppedState, [:]) }
  /// termina {time} (reloj del docente)
  public static func promptClock(time timeValue: some CustomStringConvertible) -> Message { Message(.promptClock, ["time": String(describing: timeValue)]) }
  /// reloj del docente en pausa ({left})
  public static func promptClockPaused(left leftValue: some CustomStringConvertible) -> Message { Message(.promptClockPaused, ["left": String(describing: leftValue)]) }
  /// ¡Tiempo! (reloj del docente)
  public static var promptClockEnded: Message { Message(.promptClockEnded, [:]) }
  /// ¡Tiempo! El reloj del docente llegó a 0:00.
  public static var clockTimeUp: Message { Message(.clockTimeUp, [:]) }
  /// El reloj de la clase (docente): reloj clase 15 | +1 | pausa | seguir | parar [CARPETA]
  public static var cmdTimerClass: Message { Message(.cmdTimerClass, [:]) }
  /// ACCIÓN
  public static var argClockAction: Message { Message(.argClockAction, [:]) }
  /// TABLERO · {class}
  public static func boardTitle(class classValue: some CustomStringConvertible) -> Message { Message(.boardTitle, ["class": String(describing: classValue)]) }
  /// fase de {minutes} min · termina {time}
  public static func boardEnds(minutes minutesValue: some CustomStringConvertible, time timeValue: some CustomStringConvertible) -> Message { Message(.boardEnds, ["minutes": String(describing: minutesValue), "time": String(describing: timeValue)]) }
  /// reloj en pausa
  public static var boardPaused: Message { Message(.boardPaused, [:]) }
  /// ¡tiempo!
  public static var boardTimeUp: Message { Message(.boardTimeUp, [:]) }
  /// sin reloj de la clase («reloj clase 15»)
  public static var boardNoClock: Message { Message(.boardNoClock, [:]) }
  /// Necesitan ayuda ({count}):
  public static func boardNeedsHelp(count countValue: some CustomStringConvertible) -> Message { Message(.boardNeedsHelp, ["count": String(describing: countValue)]) }
  /// y {count} más
  public static func boardMore(count countValue: some CustomStringConvertible) -> Message { Message(.boardMore, ["count": String(describing: countValue)]) }
  /// nada guardado
  public static var boardNothingYet: Message { Message(.boardNothingYet, [:]) }
  /// sin cambios hace {minutes} min
  public static func boardIdle(minutes minutesValue: some CustomStringConvertible) -> Message { Message(.boardIdle, ["minutes": String(describing: minutesValue)]) }
  /// ahora
  public static var boardJustNow: Message { Message(.boardJustNow, [:]) }
  /// hace {time}
  public static func boardAgo(time timeValue: some CustomStringConvertible) -> Message { Message(.boardAgo, ["time": String(describing: timeValue)]) }
  /// Equipo
  public static var boardTeam: Message { Message(.boardTeam, [:]) }
  /// Último cambio
  public static var boardLast: Message { Message(.boardLast, [:]) }
  /// página {page}/{pages}
  public static func boardPage(page pageValue: some CustomStringConvertible, pages pagesValue: some CustomStringConvertible) -> Message { Message(.boardPage, ["page": String(describing: pageValue), "pages": String(describing: pagesValue)]) }
  /// {done} completo · {working} trabajando · {none} sin empezar · ⚠ conflictos
  public static func boardLegend(done doneValue: some CustomStringConvertible, none noneValue: some CustomStringConvertible, working workingValue: some CustomStringConvertible) -> Message { Message(.boardLegend, ["done": String(describing: doneValue), "none": String(describing: noneValue), "working": String(describing: workingValue)]) }
  /// Tablero cerrado.
  public static var boardClosed: Message { Message(.boardClosed, [:]) }
  /// «{minutes}» no es un número de minutos: usa de 1 a 240 (10 si no se indica).
  public static func boardBadMinutes(minutes minutesValue: some CustomStringConvertible) -> Message { Message(.boardBadMinutes, ["minutes": String(describing: minutesValue)]) }
  /// Tablero para el proyector: el reloj de la clase en grande, cada equipo y quién necesita ayuda (q sale)
  public static var cmdBoard: Message { Message(.cmdBoard, [:]) }
  /// Minutos sin cambios para pedir ayuda (10 si no se indica)
  public static var flagIdle: Message { Message(.flagIdle, [:]) }
  /// Devuelve a cada equipo sus notas y comentarios: publica y escribe, por equipo, una carpeta sellada solo para ese equipo
  public static var cmdFeedback: Message { Message(.cmdFeedback, [:]) }
  /// Ningún equipo tiene notas todavía: califica con «calificar EQUIPO RUBRO NOTA».
  public static var feedbackNone: Message { Message(.feedbackNone, [:]) }
  /// «{team}» no tiene laptops con clave para sellar (aún no exportaron nada): sus notas quedan publicadas y saldrán con la próxima devolución.
  public static func feedbackNoReaders(team teamValue: some CustomStringConvertible) -> Message { Message(.feedbackNoReaders, ["team": String(describing: teamValue)]) }
  /// Cada equipo recibe lo suyo al importar {dir}; no puede abrir lo de otro equipo.
  public static func feedbackDone(dir dirValue: some CustomStringConvertible) -> Message { Message(.feedbackDone, ["dir": String(describing: dirValue)]) }
  /// PRESENTACIÓN · {exercise} · equipo {index} de {count}
  public static func presentTitle(count countValue: some CustomStringConvertible, exercise exerciseValue: some CustomStringConvertible, index indexValue: some CustomStringConvertible) -> Message { Message(.presentTitle, ["count": String(describing: countValue), "exercise": String(describing: exerciseValue), "index": String(describing: indexValue)]) }
  /// historia {left} de {minutes}:00
  public static func presentStory(left leftValue: some CustomStringConvertible, minutes minutesValue: some CustomStringConvertible) -> Message { Message(.presentStory, ["left": String(describing: leftValue), "minutes": String(describing: minutesValue)]) }
  /// ¡tiempo! ({minutes} min)
  public static func presentTimeUp(minutes minutesValue: some CustomStringConvertible) -> Message { Message(.presentTimeUp, ["minutes": String(describing: minutesValue)]) }
  /// Las respuestas están ocultas: r las revela.
  public static var presentHidden: Message { Message(.presentHidden, [:]) }
  /// → n siguiente · ← p anterior · r revelar · q salir
  public static var presentKeys: Message { Message(.presentKeys, [:]) }
  /// … ({count} línea(s) más: agranda la ventana o achica la letra)
  public static func presentMore(count countValue: some CustomStringConvertible) -> Message { Message(.presentMore, ["count": String(describing: countValue)]) }
  /// No hay equipos que presentar en esta laptop.
  public static var presentNone: Message { Message(.presentNone, [:]) }
  /// Presentación terminada.
  public static var presentClosed: Message { Message(.presentClosed, [:]) }
  /// Presenta el trabajo de cada equipo a pantalla completa, con 5 minutos de historia (→ siguiente, r revela, q sale)
  public static var cmdPresent: Message { Message(.cmdPresent, [:]) }
  /// El ejercicio que se presenta (marca-peruana si no se indica)
  public static var flagExercisePresent: Message { Message(.flagExercisePresent, [:]) }
  /// Superpone las curvas de emoción de los equipos, etapa por etapa (comparar mapa-viaje)
  public static var cmdCompare: Message { Message(.cmdCompare, [:]) }
  /// «comparar» superpone curvas de emoción: solo sirve con {exercises}.
  public static func compareOnlyJourney(exercises exercisesValue: some CustomStringConvertible) -> Message { Message(.compareOnlyJourney, ["exercises": String(describing: exercisesValue)]) }
  /// Curvas de emoción de {count} equipo(s), etapa por etapa
  public static func compareTitle(count countValue: some CustomStringConvertible) -> Message { Message(.compareTitle, ["count": String(describing: countValue)]) }
  /// Etapa
  public static var compareStage: Message { Message(.compareStage, [:]) }
  /// promedio
  public static var compareMean: Message { Message(.compareMean, [:]) }
  /// Cada letra es un equipo: {teams}. Sin emoción en una etapa: no aparece.
  public static func compareLegend(teams teamsValue: some CustomStringConvertible) -> Message { Message(.compareLegend, ["teams": String(describing: teamsValue)]) }
  /// Ningún equipo tiene etapas con emoción todavía.
  public static var compareNone: Message { Message(.compareNone, [:]) }
  /// esa laptop no puede cambiar «{team}» (no se unió con una invitación válida, o la quitaron del equipo)
  public static func quarantineNotWriter(team teamValue: some CustomStringConvertible) -> Message { Message(.quarantineNotWriter, ["team": String(describing: teamValue)]) }
  /// solo el docente de la clase puede hacer ese cambio
  public static var quarantineNotInstructor: Message { Message(.quarantineNotInstructor, [:]) }
  /// solo la laptop que fundó el equipo puede hacer ese cambio
  public static var quarantineNotFounder: Message { Message(.quarantineNotFounder, [:]) }
  /// cambio mal formado o forjado ({reason})
  public static func quarantineMalformed(reason reasonValue: some CustomStringConvertible) -> Message { Message(.quarantineMalformed, ["reason": String(describing: reasonValue)]) }
  public static func quarantineMalformed(reason reasonValue: L) -> Message { Message(.quarantineMalformed, ["reason": ""]).saying("reason", reasonValue) }
  /// Respondidas {answered} de {total} obligatorias; «continuar» vuelve a lo que falta.
  public static func guideMissing(answered answeredValue: some CustomStringConvertible, total totalValue: some CustomStringConvertible) -> Message { Message(.guideMissing, ["answered": String(describing: answeredValue), "total": String(describing: totalValue)]) }
  /// Siguiente: empezar {exercise}
  public static func guideNext(exercise exerciseValue: some CustomStringConvertible) -> Message { Message(.guideNext, ["exercise": String(describing: exerciseValue)]) }
  /// Por ejemplo: {example}
  public static func guideExample(example exampleValue: some CustomStringConvertible) -> Message { Message(.guideExample, ["example": String(describing: exampleValue)]) }
  /// Esta respuesta es obligatoria (o escriban «saltar» para volver luego).
  public static var guideRequired: Message { Message(.guideRequired, [:]) }
  /// Hacen falta al menos {min}; agreguen otro (o «saltar» para volver luego).
  public static func guideListMin(min minValue: some CustomStringConvertible) -> Message { Message(.guideListMin, ["min": String(describing: minValue)]) }
  /// Elemento n.º {number} completo. Sigan con el próximo, o Enter vacío para terminar la lista.
  public static func guideItemDone(number numberValue: some CustomStringConvertible) -> Message { Message(.guideItemDone, ["number": String(describing: numberValue)]) }
  /// Se acabó el tiempo de «{step}». Pueden seguir escribiendo; nada se pierde.
  public static func timerEnded(step stepValue: some CustomStringConvertible) -> Message { Message(.timerEnded, ["step": String(describing: stepValue)]) }
  /// Queda 1 minuto para «{step}».
  public static func timerOneMinute(step stepValue: some CustomStringConvertible) -> Message { Message(.timerOneMinute, ["step": String(describing: stepValue)]) }
  /// No hay un tiempo corriendo: los pasos con tiempo lo inician al empezar («empezar»).
  public static var timerNone: Message { Message(.timerNone, [:]) }
  ///  (en pausa; «reloj seguir» para seguir)
  public static var timerPaused: Message { Message(.timerPaused, [:]) }
  /// ⏱ {step}: quedan {left} de {minutes} min
  public static func timerShow(left leftValue: some CustomStringConvertible, minutes minutesValue: some CustomStringConvertible, step stepValue: some CustomStringConvertible) -> Message { Message(.timerShow, ["left": String(describing: leftValue), "minutes": String(describing: minutesValue), "step": String(describing: stepValue)]) }
  /// sí
  public static var confirmYes: Message { Message(.confirmYes, [:]) }
  /// (sin respuestas todavía: «empezar {exercise}»)
  public static func drawEmpty(exercise exerciseValue: some CustomStringConvertible) -> Message { Message(.drawEmpty, ["exercise": String(describing: exerciseValue)]) }
  /// (n) = valoración 1–5 · ✖ zona roja (≤ 2) · ⚑ momento de la verdad · «·» = sin punto de contacto
  public static var drawMatrixLegend: Message { Message(.drawMatrixLegend, [:]) }
  /// satisfecho
  public static var drawSatisfied: Message { Message(.drawSatisfied, [:]) }
  /// insatisfecho
  public static var drawDissatisfied: Message { Message(.drawDissatisfied, [:]) }
  /// complacido
  public static var drawDelighted: Message { Message(.drawDelighted, [:]) }
  /// Curva emocional
  public static var drawEmotion: Message { Message(.drawEmotion, [:]) }
  /// Etapa
  public static var drawStage: Message { Message(.drawStage, [:]) }
  /// (de {source})
  public static func drawPrefilled(source sourceValue: some CustomStringConvertible) -> Message { Message(.drawPrefilled, ["source": String(describing: sourceValue)]) }
  /// ⚠ conflicto
  public static var drawConflict: Message { Message(.drawConflict, [:]) }
  /// un cambio no se puede leer ({reason})
  public static func syncBadChange(reason reasonValue: some CustomStringConvertible) -> Message { Message(.syncBadChange, ["reason": String(describing: reasonValue)]) }
  public static func syncBadChange(reason reasonValue: L) -> Message { Message(.syncBadChange, ["reason": ""]).saying("reason", reasonValue) }
  /// la laptop {replica} tiene dos cambios distintos con el número {seq} (una copia de su base de datos); no se sobrescribe nada
  public static func syncFork(replica replicaValue: some CustomStringConvertible, seq seqValue: some CustomStringConvertible) -> Message { Message(.syncFork, ["replica": String(describing: replicaValue), "seq": String(describing: seqValue)]) }
  /// el cambio {seq} de la laptop {replica} no sigue al anterior (archivo alterado)
  public static func syncBrokenChain(replica replicaValue: some CustomStringConvertible, seq seqValue: some CustomStringConvertible) -> Message { Message(.syncBrokenChain, ["replica": String(describing: replicaValue), "seq": String(describing: seqValue)]) }
  /// {file}: {reason}; no se importó nada de este archivo.
  public static func syncRefusedFile(file fileValue: some CustomStringConvertible, reason reasonValue: some CustomStringConvertible) -> Message { Message(.syncRefusedFile, ["file": String(describing: fileValue), "reason": String(describing: reasonValue)]) }
  public static func syncRefusedFile(file fileValue: some CustomStringConvertible, reason reasonValue: L) -> Message { Message(.syncRefusedFile, ["file": String(describing: fileValue), "reason": ""]).saying("reason", reasonValue) }
  /// no es texto UTF-8
  public static var syncNotUTF8: Message { Message(.syncNotUTF8, [:]) }
  /// no es un archivo de sincronización de taller
  public static var syncNotBundle: Message { Message(.syncNotBundle, [:]) }
  /// fue escrito por una versión más reciente de taller (formato {found}); actualicen taller
  public static func syncNewer(found foundValue: some CustomStringConvertible) -> Message { Message(.syncNewer, ["found": String(describing: foundValue)]) }
  /// está incompleto (falta la línea final)
  public static var syncTruncated: Message { Message(.syncTruncated, [:]) }
  /// la cantidad de cambios no coincide con la línea final
  public static var syncCount: Message { Message(.syncCount, [:]) }
  /// el contenido fue modificado (la suma SHA-256 no coincide)
  public static var syncHash: Message { Message(.syncHash, [:]) }
  /// la línea {line} no es válida
  public static func syncBadLine(line lineValue: some CustomStringConvertible) -> Message { Message(.syncBadLine, ["line": String(describing: lineValue)]) }
  /// la línea {line} es demasiado larga
  public static func syncLongLine(line lineValue: some CustomStringConvertible) -> Message { Message(.syncLongLine, ["line": String(describing: lineValue)]) }
  /// {files} archivo(s) · {changes} cambio(s) nuevo(s) de {replicas} laptop(s) · {conflicts} conflicto(s) · {pending} pendiente(s)
  public static func syncSummary(changes changesValue: some CustomStringConvertible, conflicts conflictsValue: some CustomStringConvertible, files filesValue: some CustomStringConvertible, pending pendingValue: some CustomStringConvertible, replicas replicasValue: some CustomStringConvertible) -> Message { Message(.syncSummary, ["changes": String(describing: changesValue), "conflicts": String(describing: conflictsValue), "files": String(describing: filesValue), "pending": String(describing: pendingValue), "replicas": String(describing: replicasValue)]) }
  /// esperando a la laptop {replica}: cambios {first}–{last}
  public static func syncWaiting(first firstValue: some CustomStringConvertible, last lastValue: some CustomStringConvertible, replica replicaValue: some CustomStringConvertible) -> Message { Message(.syncWaiting, ["first": String(describing: firstValue), "last": String(describing: lastValue), "replica": String(describing: replicaValue)]) }
  /// ✓ {count} cambio(s) en {file}
  public static func syncExported(count countValue: some CustomStringConvertible, file fileValue: some CustomStringConvertible) -> Message { Message(.syncExported, ["count": String(describing: countValue), "file": String(describing: fileValue)]) }
  /// No hay cambios nuevos que exportar (usa --all para exportar todo).
  public static var syncNothing: Message { Message(.syncNothing, [:]) }
  /// {replica} {label}: hasta el cambio {seq}
  public static func syncStatusLine(label labelValue: some CustomStringConvertible, replica replicaValue: some CustomStringConvertible, seq seqValue: some CustomStringConvertible) -> Message { Message(.syncStatusLine, ["label": String(describing: labelValue), "replica": String(describing: replicaValue), "seq": String(describing: seqValue)]) }
  /// No se encontraron archivos de taller en {path}.
  public static func syncNoFiles(path pathValue: some CustomStringConvertible) -> Message { Message(.syncNoFiles, ["path": String(describing: pathValue)]) }
  /// No hay conflictos.
  public static var conflictsNone: Message { Message(.conflictsNone, [:]) }
  /// Conflictos (gana el primero hasta que alguien elija):
  public static var conflictsHeader: Message { Message(.conflictsHeader, [:]) }
  /// {count} conflicto(s)
  public static func promptConflicts(count countValue: some CustomStringConvertible) -> Message { Message(.promptConflicts, ["count": String(describing: countValue)]) }
  /// Escribe un archivo con los cambios nuevos en una carpeta (USB, carpeta compartida)
  public static var cmdSyncExport: Message { Message(.cmdSyncExport, [:]) }
  /// Importa archivos o carpetas de otras laptops
  public static var cmdSyncImport: Message { Message(.cmdSyncImport, [:]) }
  /// Muestra qué cambios de cada laptop tiene esta base de datos
  public static var cmdSyncStatus: Message { Message(.cmdSyncStatus, [:]) }
  /// Lista los conflictos entre laptops
  public static var cmdConflicts: Message { Message(.cmdConflicts, [:]) }
  /// RUTA…
  public static var argPaths: Message { Message(.argPaths, [:]) }
  /// exporta todos los cambios, no solo los nuevos
  public static var flagAll: Message { Message(.flagAll, [:]) }
  /// Resuelve un conflicto eligiendo uno de sus valores (a, b, …)
  public static var cmdConflictPick: Message { Message(.cmdConflictPick, [:]) }
  /// ID
  public static var argConflict: Message { Message(.argConflict, [:]) }
  /// a|b|…
  public static var argLetter: Message { Message(.argLetter, [:]) }
  /// «{id}» no es un conflicto abierto. Conflictos: {ids}.
  public static func conflictUnknown(id idValue: some CustomStringConvertible, ids idsValue: some CustomStringConvertible) -> Message { Message(.conflictUnknown, ["id": String(describing: idValue), "ids": String(describing: idsValue)]) }
  /// «{choice}» no es una de las opciones: {choices}.
  public static func conflictBadChoice(choice choiceValue: some CustomStringConvertible, choices choicesValue: some CustomStringConvertible) -> Message { Message(.conflictBadChoice, ["choice": String(describing: choiceValue), "choices": String(describing: choicesValue)]) }
  /// ✓ Resuelto: se mantiene {choice}); los demás valores quedan en el historial.
  public static func conflictResolved(choice choiceValue: some CustomStringConvertible) -> Message { Message(.conflictResolved, ["choice": String(describing: choiceValue)]) }
  /// Lista los elementos quitados (se pueden recuperar)
  public static var cmdTrash: Message { Message(.cmdTrash, [:]) }
  /// Recupera un elemento quitado: restaurar N (número de «papelera»)
  public static var cmdRestore: Message { Message(.cmdRestore, [:]) }
  /// La papelera está vacía.
  public static var trashEmpty: Message { Message(.trashEmpty, [:]) }
  /// Elementos quitados (restaurar N para recuperar):
  public static var trashHeader: Message { Message(.trashHeader, [:]) }
  /// ✓ Elemento {number} recuperado.
  public static func restored(number numberValue: some CustomStringConvertible) -> Message { Message(.restored, ["number": String(describing: numberValue)]) }
  /// Un archivo trae cambios fechados {date}, más de un día en el futuro: revisen la hora de esa laptop (nada se pierde; solo cambia qué valor se muestra primero en un conflicto).
  public static func syncClockAhead(date dateValue: some CustomStringConvertible) -> Message { Message(.syncClockAhead, ["date": String(describing: dateValue)]) }
  /// Muestra un conflicto completo, con el valor de partida
  public static var cmdConflictShow: Message { Message(.cmdConflictShow, [:]) }
  /// Antes (el valor que ambos reemplazaron):
  public static var conflictBase: Message { Message(.conflictBase, [:]) }
  /// Para resolver: conflicto elegir {id} a (o b, …)
  public static func conflictHowTo(id idValue: some CustomStringConvertible) -> Message { Message(.conflictHowTo, ["id": String(describing: idValue)]) }
  /// Lista las sesiones del equipo: fecha, duración, presentes, ejercicios, cambios
  public static var cmdSessions: Message { Message(.cmdSessions, [:]) }
  /// Empieza una sesión del equipo (y toma asistencia)
  public static var cmdSessionStart: Message { Message(.cmdSessionStart, [:]) }
  /// Termina la sesión abierta
  public static var cmdSessionEnd: Message { Message(.cmdSessionEnd, [:]) }
  /// Dice quién está presente en la sesión abierta
  public static var cmdSessionPresent: Message { Message(.cmdSessionPresent, [:]) }
  /// Resumen de una sesión: qué se hizo, tiempos, qué falta
  public static var cmdSessionShow: Message { Message(.cmdSessionShow, [:]) }
  /// Asistencia y participación de cada integrante
  public static var cmdAttendance: Message { Message(.cmdAttendance, [:]) }
  /// Escribe los nombres separados por comas, o «todos». Sin nombres, muestra la asistencia actual. Un integrante agregado durante la sesión queda presente.
  public static var detailSessionPresent: Message { Message(.detailSessionPresent, [:]) }
  /// Sin número, la sesión abierta o la última. Con --md escribe el resumen en Markdown, para pegarlo en el foro del curso.
  public static var detailSessionShow: Message { Message(.detailSessionShow, [:]) }
  /// Una sesión empieza con la primera respuesta que el equipo guarda (o con «sesión iniciar») y termina con «sesión terminar», al salir o tras 30 minutos sin actividad. Si taller se cierra de golpe, la sesión se cierra en su último cambio la próxima vez. Mirar o empezar un ejercicio no abre ninguna; una sesión sin nada guardado no cuenta como asistencia. Cada laptop numera las suyas (2·laptop-ana cuando el equipo usó varias).
  public static var detailSessions: Message { Message(.detailSessions, [:]) }
  /// escribe Markdown (para pegar en el foro)
  public static var flagMarkdown: Message { Message(.flagMarkdown, [:]) }
  /// todos los equipos de la clase
  public static var flagAllTeams: Message { Message(.flagAllTeams, [:]) }
  /// N
  public static var argSession: Message { Message(.argSession, [:]) }
  /// Sesión {number} de {team} · {time} · presentes: {present}
  public static func sittingStarted(number numberValue: some CustomStringConvertible, present presentValue: some CustomStringConvertible, team teamValue: some CustomStringConvertible, time timeValue: some CustomStringConvertible) -> Message { Message(.sittingStarted, ["number": String(describing: numberValue), "present": String(describing: presentValue), "team": String(describing: teamValue), "time": String(describing: timeValue)]) }
  /// ausentes: {names}
  public static func sittingAbsentNote(names namesValue: some CustomStringConvertible) -> Message { Message(.sittingAbsentNote, ["names": String(describing: namesValue)]) }
  /// (¿falta alguien? «sesión presentes NOMBRE, NOMBRE…»)
  public static var sittingPresentHint: Message { Message(.sittingPresentHint, [:]) }
  /// La sesión {number} quedó abierta (¿taller se cerró de golpe?): se cierra en su último cambio, {time}.
  public static func sittingInterrupted(number numberValue: some CustomStringConvertible, time timeValue: some CustomStringConvertible) -> Message { Message(.sittingInterrupted, ["number": String(describing: numberValue), "time": String(describing: timeValue)]) }
  /// La sesión {number} se cerró a las {time}, tras más de {minutes} min sin actividad.
  public static func sittingIdle(minutes minutesValue: some CustomStringConvertible, number numberValue: some CustomStringConvertible, time timeValue: some CustomStringConvertible) -> Message { Message(.sittingIdle, ["minutes": String(describing: minutesValue), "number": String(describing: numberValue), "time": String(describing: timeValue)]) }
  /// ✓ Sesión {number} terminada: {duration}, {changes} cambio(s).
  public static func sittingEnded(changes changesValue: some CustomStringConvertible, duration durationValue: some CustomStringConvertible, number numberValue: some CustomStringConvertible) -> Message { Message(.sittingEnded, ["changes": String(describing: changesValue), "duration": String(describing: durationValue), "number": String(describing: numberValue)]) }
  /// No hay una sesión abierta de {team}. Empieza una con «sesión iniciar» o trabajando en un ejercicio.
  public static func sittingNone(team teamValue: some CustomStringConvertible) -> Message { Message(.sittingNone, ["team": String(describing: teamValue)]) }
  /// La sesión {number} de {team} ya está abierta desde las {time}.
  public static func sittingAlreadyOpen(number numberValue: some CustomStringConvertible, team teamValue: some CustomStringConvertible, time timeValue: some CustomStringConvertible) -> Message { Message(.sittingAlreadyOpen, ["number": String(describing: numberValue), "team": String(describing: teamValue), "time": String(describing: timeValue)]) }
  /// ✓ Presentes en la sesión {number}: {present}.
  public static func sittingPresentSet(number numberValue: some CustomStringConvertible, present presentValue: some CustomStringConvertible) -> Message { Message(.sittingPresentSet, ["number": String(describing: numberValue), "present": String(describing: presentValue)]) }
  /// Presentes en la sesión {number}: {present}.
  public static func sittingPresentNow(number numberValue: some CustomStringConvertible, present presentValue: some CustomStringConvertible) -> Message { Message(.sittingPresentNow, ["number": String(describing: numberValue), "present": String(describing: presentValue)]) }
  /// nadie
  public static var sittingNobody: Message { Message(.sittingNobody, [:]) }
  /// ¿Quién está presente? Enter = {names}{note}; o escribe los nombres separados por comas («todos» = todo el equipo).
  public static func attendanceQuestion(names namesValue: some CustomStringConvertible, note noteValue: some CustomStringConvertible) -> Message { Message(.attendanceQuestion, ["names": String(describing: namesValue), "note": String(describing: noteValue)]) }
  ///  (como la última vez)
  public static var attendanceAsLast: Message { Message(.attendanceAsLast, [:]) }
  /// presentes> 
  public static var attendancePrompt: Message { Message(.attendancePrompt, [:]) }
  /// todos
  public static var allWord: Message { Message(.allWord, [:]) }
  /// {team} todavía no tiene sesiones. Empiezan solas al trabajar en un ejercicio.
  public static func sessionsNone(team teamValue: some CustomStringConvertible) -> Message { Message(.sessionsNone, ["team": String(describing: teamValue)]) }
  /// Sesiones de {team}
  public static func sessionsHeader(team teamValue: some CustomStringConvertible) -> Message { Message(.sessionsHeader, ["team": String(describing: teamValue)]) }
  /// N;Cuándo;Presentes;Ejercicios;Cambios
  public static var sessionsColumns: Message { Message(.sessionsColumns, [:]) }
  /// {team} no tiene una sesión {number}. Sesiones: {sessions}.
  public static func sessionNotFound(number numberValue: some CustomStringConvertible, sessions sessionsValue: some CustomStringConvertible, team teamValue: some CustomStringConvertible) -> Message { Message(.sessionNotFound, ["number": String(describing: numberValue), "sessions": String(describing: sessionsValue), "team": String(describing: teamValue)]) }
  /// «{value}» no es un número de sesión: escribe un número como 2 (mira «sesiones»).
  public static func sessionNotNumber(value valueValue: some CustomStringConvertible) -> Message { Message(.sessionNotNumber, ["value": String(describing: valueValue)]) }
  /// en curso
  public static var sessionStateOpen: Message { Message(.sessionStateOpen, [:]) }
  /// salió de taller
  public static var sessionStateQuit: Message { Message(.sessionStateQuit, [:]) }
  /// terminada
  public static var sessionStateEnded: Message { Message(.sessionStateEnded, [:]) }
  /// cerrada por inactividad
  public static var sessionStateIdle: Message { Message(.sessionStateIdle, [:]) }
  /// interrumpida (cerrada en su último cambio)
  public static var sessionStateInterrupted: Message { Message(.sessionStateInterrupted, [:]) }
  /// Sesión {number} de {team}
  public static func sessionShowTitle(number numberValue: some CustomStringConvertible, team teamValue: some CustomStringConvertible) -> Message { Message(.sessionShowTitle, ["number": String(describing: numberValue), "team": String(describing: teamValue)]) }
  /// {weekday} {date}, {start}–{end} ({duration}) · en {laptop} · {state}
  public static func sessionShowWhen(date dateValue: some CustomStringConvertible, duration durationValue: some CustomStringConvertible, end endValue: some CustomStringConvertible, laptop laptopValue: some CustomStringConvertible, start startValue: some CustomStringConvertible, state stateValue: some CustomStringConvertible, weekday weekdayValue: some CustomStringConvertible) -> Message { Message(.sessionShowWhen, ["date": String(describing: dateValue), "duration": String(describing: durationValue), "end": String(describing: endValue), "laptop": String(describing: laptopValue), "start": String(describing: startValue), "state": String(describing: stateValue), "weekday": String(describing: weekdayValue)]) }
  /// Presentes: {names}
  public static func sessionShowPresent(names namesValue: some CustomStringConvertible) -> Message { Message(.sessionShowPresent, ["names": String(describing: namesValue)]) }
  /// Ausentes: {names}
  public static func sessionShowAbsent(names namesValue: some CustomStringConvertible) -> Message { Message(.sessionShowAbsent, ["names": String(describing: namesValue)]) }
  /// Qué se hizo
  public static var sessionShowDone: Message { Message(.sessionShowDone, [:]) }
  /// {exercise} · {duration}
  public static func sessionShowExercise(duration durationValue: some CustomStringConvertible, exercise exerciseValue: some CustomStringConvertible) -> Message { Message(.sessionShowExercise, ["duration": String(describing: durationValue), "exercise": String(describing: exerciseValue)]) }
  /// caja de tiempo {box} min: cumplida
  public static func sessionTimeboxMet(box boxValue: some CustomStringConvertible) -> Message { Message(.sessionTimeboxMet, ["box": String(describing: boxValue)]) }
  /// caja de tiempo {box} min: excedida por {over} min
  public static func sessionTimeboxOver(box boxValue: some CustomStringConvertible, over overValue: some CustomStringConvertible) -> Message { Message(.sessionTimeboxOver, ["box": String(describing: boxValue), "over": String(describing: overValue)]) }
  /// {list}: {count} agregado(s): {labels}
  public static func sessionItemsAdded(count countValue: some CustomStringConvertible, labels labelsValue: some CustomStringConvertible, list listValue: some CustomStringConvertible) -> Message { Message(.sessionItemsAdded, ["count": String(describing: countValue), "labels": String(describing: labelsValue), "list": String(describing: listValue)]) }
  /// {list}: {count} editado(s)
  public static func sessionItemsEdited(count countValue: some CustomStringConvertible, list listValue: some CustomStringConvertible) -> Message { Message(.sessionItemsEdited, ["count": String(describing: countValue), "list": String(describing: listValue)]) }
  /// {list}: {count} quitado(s)
  public static func sessionItemsRemoved(count countValue: some CustomStringConvertible, list listValue: some CustomStringConvertible) -> Message { Message(.sessionItemsRemoved, ["count": String(describing: countValue), "list": String(describing: listValue)]) }
  /// {list}: {count} movido(s)
  public static func sessionItemsMoved(count countValue: some CustomStringConvertible, list listValue: some CustomStringConvertible) -> Message { Message(.sessionItemsMoved, ["count": String(describing: countValue), "list": String(describing: listValue)]) }
  /// abierto, sin respuestas nuevas
  public static var sessionOpenedOnly: Message { Message(.sessionOpenedOnly, [:]) }
  /// Equipo: {count} cambio(s) de nombre o integrantes
  public static func sessionTeamChanges(count countValue: some CustomStringConvertible) -> Message { Message(.sessionTeamChanges, ["count": String(describing: countValue)]) }
  /// No se cambió nada en esta sesión.
  public static var sessionNothing: Message { Message(.sessionNothing, [:]) }
  /// Se quedó en: {exercise}, pregunta {field} de {total}.
  public static func sessionStoppedAt(exercise exerciseValue: some CustomStringConvertible, field fieldValue: some CustomStringConvertible, total totalValue: some CustomStringConvertible) -> Message { Message(.sessionStoppedAt, ["exercise": String(describing: exerciseValue), "field": String(describing: fieldValue), "total": String(describing: totalValue)]) }
  /// Conflictos abiertos: {count} (escribe «conflictos»).
  public static func sessionConflicts(count countValue: some CustomStringConvertible) -> Message { Message(.sessionConflicts, ["count": String(describing: countValue)]) }
  /// Sin conflictos abiertos.
  public static var sessionNoConflicts: Message { Message(.sessionNoConflicts, [:]) }
  /// Falta por hacer
  public static var sessionLeft: Message { Message(.sessionLeft, [:]) }
  /// Nada: todos los ejercicios están completos.
  public static var sessionLeftNone: Message { Message(.sessionLeftNone, [:]) }
  /// {exercise}: {state}
  public static func sessionLeftItem(exercise exerciseValue: some CustomStringConvertible, state stateValue: some CustomStringConvertible) -> Message { Message(.sessionLeftItem, ["exercise": String(describing: exerciseValue), "state": String(describing: stateValue)]) }
  /// dom,lun,mar,mié,jue,vie,sáb
  public static var weekdays: Message { Message(.weekdays, [:]) }
  /// Asistencia de {team} ({count} sesión(es))
  public static func attendanceHeader(count countValue: some CustomStringConvertible, team teamValue: some CustomStringConvertible) -> Message { Message(.attendanceHeader, ["count": String(describing: countValue), "team": String(describing: teamValue)]) }
  /// Integrante;Sesiones;Tiempo presente;Cambios en sus sesiones;Ejercicios
  public static var attendanceColumns: Message { Message(.attendanceColumns, [:]) }
  /// {team} todavía no tiene sesiones: no hay asistencia que mostrar.
  public static func attendanceNone(team teamValue: some CustomStringConvertible) -> Message { Message(.attendanceNone, ["team": String(describing: teamValue)]) }
  /// Continúa donde quedó la sesión {number} ({date}).
  public static func resumeFromSession(date dateValue: some CustomStringConvertible, number numberValue: some CustomStringConvertible) -> Message { Message(.resumeFromSession, ["date": String(describing: dateValue), "number": String(describing: numberValue)]) }
  /// Sesión {number} de {team} · {time}
  public static func sittingStartedBare(number numberValue: some CustomStringConvertible, team teamValue: some CustomStringConvertible, time timeValue: some CustomStringConvertible) -> Message { Message(.sittingStartedBare, ["number": String(describing: numberValue), "team": String(describing: teamValue), "time": String(describing: timeValue)]) }
  /// Sin número, continúa la última sesión donde se quedó (en esta laptop, en la misma pregunta; si fue en otra, donde esa sesión terminó). Con un número, vuelve a donde terminó esa sesión (mira «sesiones»).
  public static var detailResume: Message { Message(.detailResume, [:]) }
  /// interrumpida
  public static var sessionStateInterruptedShort: Message { Message(.sessionStateInterruptedShort, [:]) }
  /// Esta laptop no puede cambiar los datos de «{team}»: primero únete al equipo con una invitación de una laptop del equipo («equipo invitar» allá, «equipo unirse ARCHIVO» aquí).
  public static func notTeamWriter(team teamValue: some CustomStringConvertible) -> Message { Message(.notTeamWriter, ["team": String(describing: teamValue)]) }
  /// Esta laptop no puede hacer ese cambio ({reason}).
  public static func notAllowed(reason reasonValue: some CustomStringConvertible) -> Message { Message(.notAllowed, ["reason": String(describing: reasonValue)]) }
  public static func notAllowed(reason reasonValue: L) -> Message { Message(.notAllowed, ["reason": ""]).saying("reason", reasonValue) }
  /// trae cambios de la laptop {replica} sin su firma: no se puede saber si son auténticos
  public static func syncUnsigned(replica replicaValue: some CustomStringConvertible) -> Message { Message(.syncUnsigned, ["replica": String(describing: replicaValue)]) }
  /// la firma de la laptop {replica} no corresponde a sus cambios (archivo alterado o falsificado)
  public static func syncBadSignature(replica replicaValue: some CustomStringConvertible) -> Message { Message(.syncBadSignature, ["replica": String(describing: replicaValue)]) }
  /// dice que la laptop {replica} firma con otra clave que la conocida (posible suplantación)
  public static func syncKeyChanged(replica replicaValue: some CustomStringConvertible) -> Message { Message(.syncKeyChanged, ["replica": String(describing: replicaValue)]) }
  /// los cambios de la laptop {replica} no forman una cadena continua
  public static func syncBrokenRun(replica replicaValue: some CustomStringConvertible) -> Message { Message(.syncBrokenRun, ["replica": String(describing: replicaValue)]) }
  /// {count} cambio(s) en cuarentena: vienen de una laptop que no puede cambiar esos datos (no se aplican; mira «sincronizar estado»).
  public static func syncQuarantined(count countValue: some CustomStringConvertible) -> Message { Message(.syncQuarantined, ["count": String(describing: countValue)]) }
  /// el cambio {seq} de la laptop {replica} trae un número fuera de lo admitido ({what}); no es un archivo que taller haya escrito
  public static func syncOutOfRange(replica replicaValue: some CustomStringConvertible, seq seqValue: some CustomStringConvertible, what whatValue: some CustomStringConvertible) -> Message { Message(.syncOutOfRange, ["replica": String(describing: replicaValue), "seq": String(describing: seqValue), "what": String(describing: whatValue)]) }
  /// es un archivo sin firmas (formato 1) con cambios de la laptop {replica}, que firma lo que escribe: no se acepta
  public static func syncUnsignedKnown(replica replicaValue: some CustomStringConvertible) -> Message { Message(.syncUnsignedKnown, ["replica": String(describing: replicaValue)]) }
  /// dice ser la laptop {replica} con una clave que no es la suya (suplantación)
  public static func syncImpostor(replica replicaValue: some CustomStringConvertible) -> Message { Message(.syncImpostor, ["replica": String(describing: replicaValue)]) }
  /// no es un archivo común (¿una carpeta, un dispositivo o una tubería?); solo se leen archivos
  public static var syncNotRegular: Message { Message(.syncNotRegular, [:]) }
  /// En cuarentena ({count}): guardados pero no aplicados
  public static func quarantineHeader(count countValue: some CustomStringConvertible) -> Message { Message(.quarantineHeader, ["count": String(describing: countValue)]) }
  /// laptop {replica}, cambio {seq}, de {author}
  public static func quarantineLine(author authorValue: some CustomStringConvertible, replica replicaValue: some CustomStringConvertible, seq seqValue: some CustomStringConvertible) -> Message { Message(.quarantineLine, ["author": String(describing: authorValue), "replica": String(describing: replicaValue), "seq": String(describing: seqValue)]) }
  /// La invitación no es válida para estos datos (¿alterada, o de otro equipo?). Pide una nueva.
  public static var inviteInvalid: Message { Message(.inviteInvalid, [:]) }
  /// Escribe una invitación para que otra laptop se una al equipo
  public static var cmdTeamInvite: Message { Message(.cmdTeamInvite, [:]) }
  /// La invitación lleva los datos del equipo y una clave: quien tenga el archivo puede unirse, así que pásalo en mano (USB, mensaje directo), no por una carpeta compartida.
  public static var detailTeamInvite: Message { Message(.detailTeamInvite, [:]) }
  /// Une esta laptop a un equipo con una invitación o su admisión
  public static var cmdTeamJoin: Message { Message(.cmdTeamJoin, [:]) }
  /// Crea una clase (esta laptop será la del docente)
  public static var cmdClassCreate: Message { Message(.cmdClassCreate, [:]) }
  /// Escribe la invitación de la clase para los equipos
  public static var cmdClassInvite: Message { Message(.cmdClassInvite, [:]) }
  /// Inscribe al equipo actual en una clase con su invitación
  public static var cmdClassJoin: Message { Message(.cmdClassJoin, [:]) }
  /// Importa los archivos de todos los equipos y muestra qué llegó de cada uno
  public static var cmdClassMerge: Message { Message(.cmdClassMerge, [:]) }
  /// Acepta carpetas (se recorren enteras) y archivos. Los cambios de una laptop que no es del equipo que tocan quedan en cuarentena.
  public static var detailClassMerge: Message { Message(.detailClassMerge, [:]) }
  /// ✓ Invitación a «{team}» en {file}
  public static func inviteWritten(file fileValue: some CustomStringConvertible, team teamValue: some CustomStringConvertible) -> Message { Message(.inviteWritten, ["file": String(describing: fileValue), "team": String(describing: teamValue)]) }
  /// En la otra laptop: «equipo unirse {file}». Quien tenga el archivo puede unirse: pásalo en mano.
  public static func inviteTeamHint(file fileValue: some CustomStringConvertible) -> Message { Message(.inviteTeamHint, ["file": String(describing: fileValue)]) }
  /// Cada equipo, en su laptop: «clase unirse {file}». Luego envían sus archivos con «sincronizar exportar».
  public static func inviteClassHint(file fileValue: some CustomStringConvertible) -> Message { Message(.inviteClassHint, ["file": String(describing: fileValue)]) }
  /// ✓ Esta laptop ahora es del equipo «{team}» ({changes} cambio(s) recibidos); es el equipo actual.
  public static func teamJoined(changes changesValue: some CustomStringConvertible, team teamValue: some CustomStringConvertible) -> Message { Message(.teamJoined, ["changes": String(describing: changesValue), "team": String(describing: teamValue)]) }
  /// ✓ Clase «{class}» creada; esta laptop es la del docente.
  public static func classCreated(class classValue: some CustomStringConvertible) -> Message { Message(.classCreated, ["class": String(describing: classValue)]) }
  /// Siguiente: «clase invitar CARPETA» y entrega el archivo a cada equipo.
  public static var classCreatedHint: Message { Message(.classCreatedHint, [:]) }
  /// ✓ «{team}» inscrito en la clase «{class}».
  public static func classJoined(class classValue: some CustomStringConvertible, team teamValue: some CustomStringConvertible) -> Message { Message(.classJoined, ["class": String(describing: classValue), "team": String(describing: teamValue)]) }
  /// Esta laptop no ha creado ninguna clase: usa «clase crear NOMBRE».
  public static var classNone: Message { Message(.classNone, [:]) }
  /// {file} no es una invitación de equipo (¿es la de la clase? usa «clase unirse»).
  public static func inviteNotTeam(file fileValue: some CustomStringConvertible) -> Message { Message(.inviteNotTeam, ["file": String(describing: fileValue)]) }
  /// {file} no es una invitación de clase (¿es la de un equipo? usa «equipo unirse»).
  public static func inviteNotClass(file fileValue: some CustomStringConvertible) -> Message { Message(.inviteNotClass, ["file": String(describing: fileValue)]) }
  /// Por equipo
  public static var mergeHeader: Message { Message(.mergeHeader, [:]) }
  /// Equipo;Cambios nuevos;Conflictos;Inscrito
  public static var mergeColumns: Message { Message(.mergeColumns, [:]) }
  /// sí
  public static var yes: Message { Message(.yes, [:]) }
  /// no
  public static var no: Message { Message(.no, [:]) }
  /// no existe o no se puede leer
  public static var fileMissing: Message { Message(.fileMissing, [:]) }
  /// Envía los cambios nuevos a un repositorio git
  public static var cmdSyncPush: Message { Message(.cmdSyncPush, [:]) }
  /// Trae e importa los cambios de un repositorio git
  public static var cmdSyncPull: Message { Message(.cmdSyncPull, [:]) }
  /// REMOTO es lo que git acepta (una ruta, ssh://…, https://…). taller guarda una copia de trabajo junto a la base de datos y solo agrega archivos, así que git nunca tiene conflictos que resolver.
  public static var detailSyncGit: Message { Message(.detailSyncGit, [:]) }
  /// REMOTO
  public static var argRemote: Message { Message(.argRemote, [:]) }
  /// No se encontró el programa git: instálalo (apt-get install git) o usa una carpeta con «sincronizar exportar CARPETA».
  public static var gitMissing: Message { Message(.gitMissing, [:]) }
  /// git falló ({command}): {reason}
  public static func gitFailed(command commandValue: some CustomStringConvertible, reason reasonValue: some CustomStringConvertible) -> Message { Message(.gitFailed, ["command": String(describing: commandValue), "reason": String(describing: reasonValue)]) }
  public static func gitFailed(command commandValue: some CustomStringConvertible, reason reasonValue: L) -> Message { Message(.gitFailed, ["command": String(describing: commandValue), "reason": ""]).saying("reason", reasonValue) }
  /// ✓ {count} cambio(s) enviados a {remote}
  public static func gitPushed(count countValue: some CustomStringConvertible, remote remoteValue: some CustomStringConvertible) -> Message { Message(.gitPushed, ["count": String(describing: countValue), "remote": String(describing: remoteValue)]) }
  /// {remote} todavía no tiene archivos de taller.
  public static func gitEmpty(remote remoteValue: some CustomStringConvertible) -> Message { Message(.gitEmpty, ["remote": String(describing: remoteValue)]) }
  /// «conflicto conservar-ambos» es para elementos de una lista (puntos de contacto, etapas…); para un campo suelto usa «conflicto elegir» o «conflicto combinar».
  public static var keepBothItemsOnly: Message { Message(.keepBothItemsOnly, [:]) }
  /// ✓ Se conservan los {count} valores: el elemento original y {copies} copia(s) justo después.
  public static func keptBoth(copies copiesValue: some CustomStringConvertible, count countValue: some CustomStringConvertible) -> Message { Message(.keptBoth, ["copies": String(describing: copiesValue), "count": String(describing: countValue)]) }
  /// Combina a mano los valores de un texto en conflicto
  public static var cmdConflictMerge: Message { Message(.cmdConflictMerge, [:]) }
  /// Abre $VISUAL o $EDITOR con el texto y marcas como las de git (<<<<<<< … >>>>>>>): deja el texto como debe quedar y guarda. Sin editor, pide el texto línea por línea (termina con una línea con solo un punto). En un guion, da el texto tras el id.
  public static var detailConflictMerge: Message { Message(.detailConflictMerge, [:]) }
  /// Conserva todos los valores de un elemento en conflicto (una copia por valor)
  public static var cmdConflictKeepBoth: Message { Message(.cmdConflictKeepBoth, [:]) }
  /// «conflicto combinar» es para textos; para {field} usa «conflicto elegir {id} a» (o b, …).
  public static func conflictMergeTextOnly(field fieldValue: some CustomStringConvertible, id idValue: some CustomStringConvertible) -> Message { Message(.conflictMergeTextOnly, ["field": String(describing: fieldValue), "id": String(describing: idValue)]) }
  /// El texto todavía tiene marcas de conflicto (<<<<<<< o >>>>>>>): no se guardó nada. Vuelve a intentarlo.
  public static var conflictMergeMarkers: Message { Message(.conflictMergeMarkers, [:]) }
  /// El editor ({editor}) terminó con error: no se guardó nada.
  public static func conflictMergeEditorFailed(editor editorValue: some CustomStringConvertible) -> Message { Message(.conflictMergeEditorFailed, ["editor": String(describing: editorValue)]) }
  /// En un guion, da el texto combinado: conflicto combinar {id} TEXTO
  public static func conflictMergeScript(id idValue: some CustomStringConvertible) -> Message { Message(.conflictMergeScript, ["id": String(describing: idValue)]) }
  /// Escribe el texto combinado, línea por línea; termina con una línea que tenga solo un punto (.).
  public static var conflictMergeAsk: Message { Message(.conflictMergeAsk, [:]) }
  /// ✓ Texto combinado guardado; el conflicto queda resuelto.
  public static var conflictMerged: Message { Message(.conflictMerged, [:]) }
  /// Nada cambió.
  public static var conflictCancelled: Message { Message(.conflictCancelled, [:]) }
  /// Texto con los cambios de ambos (las marcas señalan dónde chocan):
  public static var conflictThreeWay: Message { Message(.conflictThreeWay, [:]) }
  /// lugar en la lista
  public static var positionField: Message { Message(.positionField, [:]) }
  /// integrantes
  public static var membersField: Message { Message(.membersField, [:]) }
  /// quitado o no
  public static var deletedField: Message { Message(.deletedField, [:]) }
  /// El equipo tiene {count} integrantes y puede tener {limit}: quiten a quien sobre con «miembro quitar NOMBRE».
  public static func membersOverLimit(count countValue: some CustomStringConvertible, limit limitValue: some CustomStringConvertible) -> Message { Message(.membersOverLimit, ["count": String(describing: countValue), "limit": String(describing: limitValue)]) }
  /// «{id}» no se conserva doble: elijan una opción con «conflicto elegir {id} a» (o b).
  public static func keepBothNotHere(id idValue: some CustomStringConvertible) -> Message { Message(.keepBothNotHere, ["id": String(describing: idValue)]) }
  /// «{team}» ya tiene {count} laptops, tantas como integrantes puede tener ({limit}): no se invita a otra. Para cambiar de laptop, sigan en una de las que ya están.
  public static func teamLaptopsFull(count countValue: some CustomStringConvertible, limit limitValue: some CustomStringConvertible, team teamValue: some CustomStringConvertible) -> Message { Message(.teamLaptopsFull, ["count": String(describing: countValue), "limit": String(describing: limitValue), "team": String(describing: teamValue)]) }
  /// n.º {number}
  public static func positionValue(number numberValue: some CustomStringConvertible) -> Message { Message(.positionValue, ["number": String(describing: numberValue)]) }
  /// TEXTO
  public static var argText: Message { Message(.argText, [:]) }
  /// Solo el docente califica: esta laptop debe haber creado la clase («clase crear») y el equipo debe estar inscrito en ella («clase unirse» en su laptop).
  public static var gradeNotInstructor: Message { Message(.gradeNotInstructor, [:]) }
  /// La clase de un vistazo: equipos × ejercicios, última actividad, conflictos
  public static var cmdClassStatus: Message { Message(.cmdClassStatus, [:]) }
  /// Cada celda: ✓ hecho, 3/6 respuestas en curso, — sin empezar. Con --team NOMBRE o --exercise EJERCICIO muestra solo eso.
  public static var detailClassStatus: Message { Message(.detailClassStatus, [:]) }
  /// Muestra el trabajo de un equipo en un ejercicio, como lo ve el equipo
  public static var cmdClassShow: Message { Message(.cmdClassShow, [:]) }
  /// Califica a un equipo en un ejercicio o rubro (docente)
  public static var cmdGrade: Message { Message(.cmdGrade, [:]) }
  /// RUBRO es un rubro de la agenda (participacion…) o uno de los ejercicios que lo forman (puntos-contacto…); la nota va de 0 a la escala de la agenda (20), con un decimal. Sin NOTA muestra la rúbrica y la nota actual; en participación, la de cada alumno (propuesta por su asistencia: nota del equipo × sesiones presentes / sesiones), que «--alumno NOMBRE NOTA» cambia.
  public static var detailGrade: Message { Message(.detailGrade, [:]) }
  /// Tabla de notas con los pesos del curso (--csv para la hoja del registro)
  public static var cmdGrades: Message { Message(.cmdGrades, [:]) }
  /// La nota final es la suma ponderada de los rubros; un rubro con ejercicios es el promedio de sus ejercicios. Con * la nota está incompleta (falta algún rubro, que cuenta 0). --csv escribe una fila por estudiante.
  public static var detailGrades: Message { Message(.detailGrades, [:]) }
  /// Importa respuestas de encuesta (CSV: NPS, CES, CSAT, punto de contacto)
  public static var cmdMetricsImport: Message { Message(.cmdMetricsImport, [:]) }
  /// Una fila por persona encuestada; columnas reconocidas por su nombre: nps (0–10), ces (1–5, o 1–7 con --ces 7), csat (1–5), y punto/etapa (opcional). Se guardan las respuestas, no promedios. Las filas con valores fuera de rango se informan por línea; el resto se importa.
  public static var detailMetricsImport: Message { Message(.detailMetricsImport, [:]) }
  /// Muestra NPS, CES, CSAT y S = R − E del equipo
  public static var cmdMetrics: Message { Message(.cmdMetrics, [:]) }
  /// NPS = % promotores (9–10) − % detractores (0–6), entero de −100 a 100. CES = promedio del esfuerzo (1–5: menos es mejor; 1–7: acuerdo, más es mejor). CSAT % = proporción de 4 y 5. S = R − E: desempeño percibido menos expectativa, en los momentos de la verdad.
  public static var detailMetrics: Message { Message(.detailMetrics, [:]) }
  /// otro equipo (por su nombre)
  public static var flagTeamName: Message { Message(.flagTeamName, [:]) }
  /// solo este ejercicio
  public static var flagExercise: Message { Message(.flagExercise, [:]) }
  /// escribe CSV (una fila por estudiante)
  public static var flagCSV: Message { Message(.flagCSV, [:]) }
  /// escala del CES: 5 (esfuerzo, por defecto) o 7 (acuerdo)
  public static var flagCESScale: Message { Message(.flagCESScale, [:]) }
  /// todos los equipos de la clase
  public static var flagClass: Message { Message(.flagClass, [:]) }
  /// RUBRO
  public static var argGradeKey: Message { Message(.argGradeKey, [:]) }
  /// NOTA
  public static var argScore: Message { Message(.argScore, [:]) }
  /// COMENTARIO
  public static var argComment: Message { Message(.argComment, [:]) }
  /// ESCALA
  public static var argScale: Message { Message(.argScale, [:]) }
  /// Último cambio
  public static var statusLast: Message { Message(.statusLast, [:]) }
  /// Conflictos
  public static var statusConflicts: Message { Message(.statusConflicts, [:]) }
  /// Clase: {count} equipo(s)
  public static func classStatusTitle(count countValue: some CustomStringConvertible) -> Message { Message(.classStatusTitle, ["count": String(describing: countValue)]) }
  /// ✓ hecho · 3/6 respuestas · — sin empezar · archivos pendientes: {waiting}
  public static func classStatusLegend(waiting waitingValue: some CustomStringConvertible) -> Message { Message(.classStatusLegend, ["waiting": String(describing: waitingValue)]) }
  /// «{key}» no es un rubro ni un ejercicio. Rubros y ejercicios: {keys}.
  public static func gradeUnknownKey(key keyValue: some CustomStringConvertible, keys keysValue: some CustomStringConvertible) -> Message { Message(.gradeUnknownKey, ["key": String(describing: keyValue), "keys": String(describing: keysValue)]) }
  /// (La agenda no tiene rúbrica para esto.)
  public static var gradeNoRubric: Message { Message(.gradeNoRubric, [:]) }
  /// Nota actual: {score}/{max} {comment}
  public static func gradeNow(comment commentValue: some CustomStringConvertible, max maxValue: some CustomStringConvertible, score scoreValue: some CustomStringConvertible) -> Message { Message(.gradeNow, ["comment": String(describing: commentValue), "max": String(describing: maxValue), "score": String(describing: scoreValue)]) }
  /// «{score}» no es una nota: escribe un número de 0 a {max}, con un decimal como mucho (17 o 17.5).
  public static func gradeBadScore(max maxValue: some CustomStringConvertible, score scoreValue: some CustomStringConvertible) -> Message { Message(.gradeBadScore, ["max": String(describing: maxValue), "score": String(describing: scoreValue)]) }
  /// ✓ {team} · {item}: {score}/{max}
  public static func gradeSaved(item itemValue: some CustomStringConvertible, max maxValue: some CustomStringConvertible, score scoreValue: some CustomStringConvertible, team teamValue: some CustomStringConvertible) -> Message { Message(.gradeSaved, ["item": String(describing: itemValue), "max": String(describing: maxValue), "score": String(describing: scoreValue), "team": String(describing: teamValue)]) }
  /// Notas (escala 0–{max})
  public static func gradesTitle(max maxValue: some CustomStringConvertible) -> Message { Message(.gradesTitle, ["max": String(describing: maxValue)]) }
  /// (parcial): falta algún rubro, que cuenta 0 (la hoja de --csv la muestra igual).
  public static var gradesLegend: Message { Message(.gradesLegend, [:]) }
  /// {file} no es un archivo de texto (CSV).
  public static func metricsNotText(file fileValue: some CustomStringConvertible) -> Message { Message(.metricsNotText, ["file": String(describing: fileValue)]) }
  /// «{scale}» no es una escala de CES: usa 5 o 7.
  public static func metricsBadScale(scale scaleValue: some CustomStringConvertible) -> Message { Message(.metricsBadScale, ["scale": String(describing: scaleValue)]) }
  /// {file} está vacío.
  public static func metricsEmpty(file fileValue: some CustomStringConvertible) -> Message { Message(.metricsEmpty, ["file": String(describing: fileValue)]) }
  /// {file} no tiene columnas de NPS, CES ni CSAT (tiene: {columns}). Nombra las columnas nps, ces, csat y, si quieres, punto.
  public static func metricsNoColumns(columns columnsValue: some CustomStringConvertible, file fileValue: some CustomStringConvertible) -> Message { Message(.metricsNoColumns, ["columns": String(describing: columnsValue), "file": String(describing: fileValue)]) }
  /// {column} «{value}» fuera de rango ({min}–{max}); la fila no se importó
  public static func metricsBadValue(column columnValue: some CustomStringConvertible, max maxValue: some CustomStringConvertible, min minValue: some CustomStringConvertible, value valueValue: some CustomStringConvertible) -> Message { Message(.metricsBadValue, ["column": String(describing: columnValue), "max": String(describing: maxValue), "min": String(describing: minValue), "value": String(describing: valueValue)]) }
  /// ✓ {count} respuesta(s) nuevas ({skipped} ya estaban, {bad} con errores).
  public static func metricsImported(bad badValue: some CustomStringConvertible, count countValue: some CustomStringConvertible, skipped skippedValue: some CustomStringConvertible) -> Message { Message(.metricsImported, ["bad": String(describing: badValue), "count": String(describing: countValue), "skipped": String(describing: skippedValue)]) }
  /// Métricas de experiencia de {team}
  public static func metricsTitle(team teamValue: some CustomStringConvertible) -> Message { Message(.metricsTitle, ["team": String(describing: teamValue)]) }
  /// Todavía no hay respuestas: impórtalas con «métricas importar ARCHIVO.csv».
  public static var metricsNone: Message { Message(.metricsNone, [:]) }
  /// Total
  public static var metricsOverall: Message { Message(.metricsOverall, [:]) }
  /// Punto o etapa
  public static var metricsWhere: Message { Message(.metricsWhere, [:]) }
  /// Respuestas
  public static var metricsCount: Message { Message(.metricsCount, [:]) }
  /// Satisfacción en los momentos de la verdad: S = R − E = {mean} en promedio ({count} momento(s)).
  public static func metricsSatisfaction(count countValue: some CustomStringConvertible, mean meanValue: some CustomStringConvertible) -> Message { Message(.metricsSatisfaction, ["count": String(describing: countValue), "mean": String(describing: meanValue)]) }
  /// NPS = % promotores (9–10) − % detractores (0–6), entre paréntesis promotores·pasivos·detractores · CES = promedio, con su escala · CSAT % = proporción de 4 y 5.
  public static var metricsFormulas: Message { Message(.metricsFormulas, [:]) }
  /// Integrantes: {members}
  public static func reportMembers(members membersValue: some CustomStringConvertible) -> Message { Message(.reportMembers, ["members": String(describing: membersValue)]) }
  /// La agenda no tiene un mapa de viaje que exportar a Mermaid.
  public static var reportNoJourney: Message { Message(.reportNoJourney, [:]) }
  /// Cliente
  public static var reportCustomer: Message { Message(.reportCustomer, [:]) }
  /// Equipo
  public static var reportTeam: Message { Message(.reportTeam, [:]) }
  /// Integrante
  public static var reportMember: Message { Message(.reportMember, [:]) }
  /// Nota final
  public static var reportFinal: Message { Message(.reportFinal, [:]) }
  /// Mermaid dibuja el viaje de un equipo: elige uno (sin --class).
  public static var exportOneTeam: Message { Message(.exportOneTeam, [:]) }
  /// ✓ {count} archivo(s) en {dir}
  public static func exportWrittenMany(count countValue: some CustomStringConvertible, dir dirValue: some CustomStringConvertible) -> Message { Message(.exportWrittenMany, ["count": String(describing: countValue), "dir": String(describing: dirValue)]) }
  /// orden: name (nombre), progress (avance) o activity (último cambio)
  public static var flagSort: Message { Message(.flagSort, [:]) }
  /// ORDEN
  public static var argSortKey: Message { Message(.argSortKey, [:]) }
  /// «{key}» no es un orden: usa {keys}.
  public static func sortUnknown(key keyValue: some CustomStringConvertible, keys keysValue: some CustomStringConvertible) -> Message { Message(.sortUnknown, ["key": String(describing: keyValue), "keys": String(describing: keysValue)]) }
  /// No se pudo escribir {file}: la carpeta {folder} no existe. Créala primero o indica otra ruta.
  public static func fileNoFolder(file fileValue: some CustomStringConvertible, folder folderValue: some CustomStringConvertible) -> Message { Message(.fileNoFolder, ["file": String(describing: fileValue), "folder": String(describing: folderValue)]) }
  /// No se pudo escribir {file}: no hay permiso para escribir en {folder}.
  public static func fileNoPermission(file fileValue: some CustomStringConvertible, folder folderValue: some CustomStringConvertible) -> Message { Message(.fileNoPermission, ["file": String(describing: fileValue), "folder": String(describing: folderValue)]) }
  /// No se pudo escribir {file}: el disco está lleno. Libera espacio y vuelve a intentarlo; no se cambió nada más.
  public static func fileDiskFull(file fileValue: some CustomStringConvertible) -> Message { Message(.fileDiskFull, ["file": String(describing: fileValue)]) }
  /// La carpeta {folder} no existe: créala primero o indica otra ruta con --db.
  public static func dbNoFolder(folder folderValue: some CustomStringConvertible) -> Message { Message(.dbNoFolder, ["folder": String(describing: folderValue)]) }
  /// {file}: no se pudo escribir en el disco ({reason}); lo último no se guardó. Lo guardado antes está intacto.
  public static func dbWriteFailed(file fileValue: some CustomStringConvertible, reason reasonValue: some CustomStringConvertible) -> Message { Message(.dbWriteFailed, ["file": String(describing: fileValue), "reason": String(describing: reasonValue)]) }
  public static func dbWriteFailed(file fileValue: some CustomStringConvertible, reason reasonValue: L) -> Message { Message(.dbWriteFailed, ["file": String(describing: fileValue), "reason": ""]).saying("reason", reasonValue) }
  /// No se pudo leer el guion {file}: {reason}.
  public static func scriptNotFound(file fileValue: some CustomStringConvertible, reason reasonValue: some CustomStringConvertible) -> Message { Message(.scriptNotFound, ["file": String(describing: fileValue), "reason": String(describing: reasonValue)]) }
  public static func scriptNotFound(file fileValue: some CustomStringConvertible, reason reasonValue: L) -> Message { Message(.scriptNotFound, ["file": String(describing: fileValue), "reason": ""]).saying("reason", reasonValue) }
  /// Uso incorrecto: {detail}
  public static func usageError(detail detailValue: some CustomStringConvertible) -> Message { Message(.usageError, ["detail": String(describing: detailValue)]) }
  /// Uso: taller [--db RUTA] [--lang es|en] [-c COMANDO | -f GUION] [--bail] [COMANDO…]  (taller --help)
  public static var processUsage: Message { Message(.processUsage, [:]) }
  /// Error interno: {reason}. Lo ya guardado está intacto.
  public static func internalError(reason reasonValue: some CustomStringConvertible) -> Message { Message(.internalError, ["reason": String(describing: reasonValue)]) }
  public static func internalError(reason reasonValue: L) -> Message { Message(.internalError, ["reason": ""]).saying("reason", reasonValue) }
}
