/// Every user-facing message key. Each one must exist in every language's catalog
/// (`CatalogES.swift`, `CatalogEN.swift`); a test fails otherwise.
///
/// Placeholders are written `{name}` and must be the same in every language.
public enum L: String, CaseIterable, Sendable {
  // Shell chrome
  case banner = "shell.banner"
  case noTeamPrompt = "shell.prompt.no_team"
  case bye = "shell.bye"
  case interruptHint = "shell.interrupt_hint"
  case lineError = "shell.line_error"
  case libeditMissing = "shell.libedit_missing"

  // Parsing and dispatch
  case unknownCommand = "cmd.unknown"
  case didYouMean = "cmd.did_you_mean"
  case seeHelp = "cmd.see_help"
  case incompleteCommand = "cmd.incomplete"
  case missingArgument = "cmd.missing_argument"
  case extraArgument = "cmd.extra_argument"
  case unknownFlag = "cmd.unknown_flag"
  case unterminatedQuote = "cmd.unterminated_quote"
  case usageLine = "cmd.usage_line"
  case notInScripts = "cmd.not_in_scripts"

  // Help
  case helpTitle = "help.title"
  case helpFooter = "help.footer"
  case helpAliases = "help.aliases"
  case helpUsage = "help.usage"
  case helpSubcommands = "help.subcommands"
  case helpUnknownTopic = "help.unknown_topic"
  case helpGroupTeam = "help.group.team"
  case helpGroupMember = "help.group.member"
  case helpGroupExport = "help.group.export"

  // Parameter names, as shown in usage lines
  case argName = "arg.name"
  case argNewName = "arg.new_name"
  case argNames = "arg.names"
  case argLang = "arg.lang"
  case argCommand = "arg.command"
  case argFile = "arg.file"
  case argFormat = "arg.format"

  // Command summaries
  case cmdHelp = "cmd.help"
  case cmdQuit = "cmd.quit"
  case cmdVersion = "cmd.version"
  case cmdLang = "cmd.lang"
  case cmdStatus = "cmd.status"
  case cmdTeamCreate = "cmd.team.create"
  case cmdTeamList = "cmd.team.list"
  case cmdTeamUse = "cmd.team.use"
  case cmdTeamRename = "cmd.team.rename"
  case cmdMemberAdd = "cmd.member.add"
  case cmdMemberRemove = "cmd.member.remove"
  case cmdMemberList = "cmd.member.list"
  case cmdExport = "cmd.export"

  // Longer help for commands that need it
  case detailTeamCreate = "detail.team.create"
  case detailMemberAdd = "detail.member.add"
  case detailTeamRename = "detail.team.rename"
  case detailExport = "detail.export"
  case detailLang = "detail.lang"
  case flagForce = "flag.force"

  // Teams and members
  case teamCreated = "team.created"
  case teamExists = "team.exists"
  case teamNotFound = "team.not_found"
  case teamNotFoundKnown = "team.not_found_known"
  case teamUsing = "team.using"
  case teamRenamed = "team.renamed"
  case teamNone = "team.none"
  case teamListHeader = "team.list_header"
  case teamMembersCount = "team.members_count"
  case teamCurrentMark = "team.current_mark"
  case noTeamSelected = "team.no_team_selected"
  case teamFull = "team.full"
  case nameEmpty = "name.empty"
  case nameTooLong = "name.too_long"
  case nameInvalid = "name.invalid"
  case memberAdded = "member.added"
  case memberExists = "member.exists"
  case memberNotFound = "member.not_found"
  case memberAmbiguous = "member.ambiguous"
  case memberRemoved = "member.removed"
  case memberNone = "member.none"
  case memberListHeader = "member.list_header"

  // Status
  case statusTeam = "status.team"
  case statusMembers = "status.members"
  case statusNoMembers = "status.no_members"
  case statusNoTeam = "status.no_team"
  case statusTeams = "status.teams"
  case statusDatabase = "status.database"
  case statusReplica = "status.replica"
  case statusLanguage = "status.language"

  // Language
  case langNow = "lang.now"
  case langSet = "lang.set"
  case langUnknown = "lang.unknown"

  // Export
  case exportWritten = "export.written"
  case exportFormatUnknown = "export.format_unknown"
  case fileExists = "file.exists"
  case fileWriteFailed = "file.write_failed"
  case fileReadFailed = "file.read_failed"

  // Database
  case dbNotSQLite = "db.not_sqlite"
  case dbForeign = "db.foreign"
  case dbCorrupt = "db.corrupt"
  case dbNewer = "db.newer"
  case dbCannotOpen = "db.cannot_open"
  case dbFolder = "db.folder"
  case dbReadOnly = "db.read_only"
  case dbDiskFull = "db.disk_full"
  case dbBusy = "db.busy"
  case dbIsDirectory = "db.is_directory"
  case dbNothingChanged = "db.nothing_changed"
  case dbCopyDetected = "db.copy_detected"

  // Content lint
  case lintDuplicateID = "lint.duplicate_id"
  case lintDangling = "lint.dangling"
  case lintNoAgenda = "lint.no_agenda"
  case lintEmptyFolder = "lint.empty_folder"
  case lintWrongKind = "lint.wrong_kind"
  case lintUnknownKey = "lint.unknown_key"
  case lintMissingKey = "lint.missing_key"
  case lintMissingTranslation = "lint.missing_translation"
  case lintNewerVersion = "lint.newer_version"
  case lintEmptyFile = "lint.empty_file"
  case lintYAML = "lint.yaml"
  case lintBadID = "lint.bad_id"
  case lintBadValue = "lint.bad_value"
  case lintWeights = "lint.weights"
  case lintOK = "lint.ok"
  case lintFailed = "lint.failed"
  case cmdLint = "cmd.lint"
  case argDir = "arg.dir"
  case contentRefused = "content.refused"

  // Process
  case scriptNotFound = "process.script_not_found"
  case usageError = "process.usage_error"
  case processUsage = "process.usage"
  case internalError = "process.internal_error"
}
