import Foundation
import TallerCore
import TallerStore

/// What `deshacer` / `undo` takes back: an answer this run saved, with what was there before.
/// Undoing writes a new change (the earlier value again, or the new item removed), so every
/// laptop sees the same story after a sync.
public enum UndoStep: Sendable, Equatable {
  case setAnswers(team: String, exercise: String, values: [String: JSONValue])
  case editItem(item: String, values: [String: JSONValue])
  case removeItem(team: String, item: String)
}

extension Guide {
  /// Keeps what top-level fields held before an answer replaces them.
  static func remember(
    _ ctx: ShellContext, _ session: inout Session, team: Team, def: ExerciseDef, values: [String: JSONValue], sheet: Sheet
  ) throws(TallerError) {
    let before = Dictionary(uniqueKeysWithValues: values.keys.map { ($0, sheet.values[$0] ?? .null) })
    session.undo.append(.setAnswers(team: team.id, exercise: def.id, values: before))
  }

  /// Keeps what an item's fields held before an answer replaces them.
  static func remember(_ ctx: ShellContext, _ session: inout Session, team: Team, def: ExerciseDef, item: Item, values: [String: JSONValue])
    throws(TallerError)
  {
    let before = Dictionary(uniqueKeysWithValues: values.keys.map { ($0, item.values[$0] ?? .null) })
    session.undo.append(.editItem(item: item.id, values: before))
  }

  /// `deshacer`: takes back the last answer saved in this run (again: the one before it).
  static func undo(_ ctx: ShellContext, _ session: inout Session) throws(TallerError) -> Reply {
    let lang = session.lang
    guard let step = session.undo.popLast() else { return .text(Message.undoNothing.text(lang)) }
    switch step {
    case .setAnswers(let team, let exercise, let values):
      guard let def = ctx.content.exercise(exercise) else { return Reply() }
      try ctx.store.setAnswers(teamID: team, def: def, values: values)
    case .editItem(let item, let values):
      try ctx.store.editItem(itemID: item, values: values)
    case .removeItem(_, let item):
      try ctx.store.removeItem(itemID: item)
    }
    var lines: [Line] = [.success(Message.undoDone.text(lang))]
    // Ask the question again where the walk stands (a list item that is gone: a new one).
    if let g = session.guided, let def = ctx.content.exercise(g.exercise), let team = try? currentTeam(ctx, &session) {
      if case .removeItem(_, let item) = step, g.item == item { session.guided?.item = nil }
      var old = g
      old.field = -1
      lines += try ask(ctx, &session, team: team, def: def, from: old)
    }
    return Reply(lines: lines)
  }
}
