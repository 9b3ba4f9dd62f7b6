import Foundation

// What one laptop remembers for itself and never syncs: where each team's walk stands, its time
// boxes, the sitting a run keeps open, what was sent where. Each is a typed row of its own table
// (TallerStore), not a string in a settings table.

/// How a walk enters the items of a list.
public enum EntryMode: String, Sendable, CaseIterable {
  /// One line per item, its fields separated by `;`.
  case line
  /// One question per field.
  case fields
}

/// Where a team's walk through an exercise stands on this laptop.
public struct WalkPosition: Sendable, Equatable {
  public var exercise: String
  /// Index into the exercise's top-level fields (past the last: the walk is at its end).
  public var field: Int
  /// Inside a list: the item being filled (nil for a new one) and, field by field, the index of
  /// the item's field being asked (nil before the list's first question).
  public var item: String?
  public var sub: Int?
  /// How list items are entered.
  public var mode: EntryMode
  /// The walk is asking whether to fill the optional fields ("¿más detalles?") of the current
  /// step, or (inside a list item) of the current item.
  public var offering: Bool
  /// The optional fields are being filled (the offer was taken).
  public var details: Bool

  public init(
    exercise: String, field: Int, item: String? = nil, sub: Int? = nil, mode: EntryMode = .line, offering: Bool = false,
    details: Bool = false
  ) {
    self.exercise = exercise
    self.field = field
    self.item = item
    self.sub = sub
    self.mode = mode
    self.offering = offering
    self.details = details
  }
}

/// A step's time box on this laptop: its deadline as an absolute time while it runs, what was
/// left when it was paused (pausing is always an explicit act).
public struct TimeBox: Sendable, Equatable {
  public var team: String
  public var exercise: String
  public var step: String
  public var minutes: Int
  /// Wall-clock milliseconds when it ends (nil while paused).
  public var deadline: Int64?
  /// Milliseconds that were left when it was paused (nil while it runs).
  public var remaining: Int64?
  /// The one-minute warning and the end were told.
  public var warned: Bool
  public var rang: Bool

  public init(team: String, exercise: String, step: String, minutes: Int, startingAt now: Int64) {
    self.team = team
    self.exercise = exercise
    self.step = step
    self.minutes = minutes
    deadline = now + Int64(minutes) * 60_000
    remaining = nil
    warned = false
    rang = false
  }

  public init(
    team: String, exercise: String, step: String, minutes: Int, deadline: Int64?, remaining: Int64?, warned: Bool, rang: Bool
  ) {
    self.team = team
    self.exercise = exercise
    self.step = step
    self.minutes = minutes
    self.deadline = deadline
    self.remaining = remaining
    self.warned = warned
    self.rang = rang
  }

  public var paused: Bool { deadline == nil }

  /// Milliseconds left at `now` (negative when over).
  public func left(now: Int64) -> Int64 { deadline.map { $0 - now } ?? remaining ?? 0 }

  /// Paused at `now`: what is left is kept.
  public mutating func pause(now: Int64) {
    guard let d = deadline else { return }
    remaining = d - now
    deadline = nil
  }

  /// Running again from `now` with what was left.
  public mutating func resume(now: Int64) {
    guard deadline == nil else { return }
    deadline = now + (remaining ?? 0)
    remaining = nil
  }

  /// The whole box again from `now`.
  public mutating func restart(now: Int64) {
    deadline = now + Int64(minutes) * 60_000
    remaining = nil
    warned = false
    rang = false
  }
}

/// The sitting of a team a run of taller keeps open on this laptop.
public struct OpenSitting: Sendable, Equatable {
  public var session: String
  /// The process that keeps it.
  public var pid: Int32
  /// That run ended without closing it (a script ran out of lines): the next run may carry on.
  public var detached: Bool

  public init(session: String, pid: Int32, detached: Bool) {
    self.session = session
    self.pid = pid
    self.detached = detached
  }
}

/// Where `sync export` and `sync push` send changes.
public enum Destination: Hashable, Sendable {
  /// A folder (its resolved path).
  case folder(String)
  /// A git remote (as given).
  case git(String)

  public var kind: String {
    switch self {
    case .folder: return "folder"
    case .git: return "git"
    }
  }

  public var location: String {
    switch self {
    case .folder(let p), .git(let p): return p
    }
  }
}
