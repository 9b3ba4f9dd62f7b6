import Foundation
import TallerCore
import TallerStore

/// `revisar` / `check`: each exercise against its completion rules and the course's criteria
/// (the `checks:` of its file), like a test runner's verify: what is missing, what to improve.
enum Review {
  /// The findings of one exercise for a team, its sentences filled in.
  static func findings(_ ctx: ShellContext, team: Team, def: ExerciseDef) throws(TallerError) -> [Finding] {
    let sheet = try ctx.store.sheet(teamID: team.id, exercise: def.id)
    var others: [String: Sheet] = [:]
    for d in ctx.content.exercises { others[d.id] = try ctx.store.sheet(teamID: team.id, exercise: d.id) }
    let display = { (field: FieldDef, value: JSONValue, lang: Lang) in
      Guide.display(ctx, team: team, field: field, value: value, lang: lang)
    }
    return Rubric.findings(def: def, sheet: sheet, sheets: { others[$0] }, display: display)
  }

  static func check(_ ctx: ShellContext, team: Team, defs: [ExerciseDef], lang: Lang) throws(TallerError) -> Reply {
    var lines: [Line] = []
    var remarks = 0
    for def in defs {
      let sheet = try ctx.store.sheet(teamID: team.id, exercise: def.id)
      let progress = ExerciseProgress(sheet: sheet, def: def)
      lines.append(.heading(Message.checkTitle(exercise: def.title.text(lang)).text(lang)))
      guard progress.started || defs.count == 1 else {
        lines.append(.dim("  " + Message.checkNotStarted.text(lang)))
        continue
      }
      var missing = Guide.missingLines(ctx, team: team, def: def, progress: progress, lang: lang)
      if progress.missing.count > 8 {
        // All of it here: `revisar` is where the whole list is read.
        var all = progress
        all.missing = []
        missing = [missing[0]]
        for chunk in stride(from: 0, to: progress.missing.count, by: 8) {
          all.missing = Array(progress.missing[chunk..<min(chunk + 8, progress.missing.count)])
          missing += Guide.missingLines(ctx, team: team, def: def, progress: all, lang: lang).dropFirst()
        }
      }
      let found = try findings(ctx, team: team, def: def)
      remarks += progress.missing.count + found.count
      if missing.isEmpty && found.isEmpty {
        lines.append(.success(Message.checkClean.text(lang)))
        continue
      }
      lines += missing
      for f in found { lines.append(.item("⚑", note: f.message.text(lang))) }
    }
    if remarks > 0 { lines.append(.dim(Message.checkSummary(count: String(remarks)).text(lang))) }
    return Reply(lines: lines)
  }
}
