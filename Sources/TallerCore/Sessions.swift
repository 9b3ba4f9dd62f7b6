import Foundation

/// Field names of a session entity (one sitting of a team on one laptop).
public enum SessionField {
  /// Wall-clock milliseconds when the sitting began.
  public static let started = "started"
  /// Wall-clock milliseconds when it ended (absent while it is open).
  public static let ended = "ended"
  /// Why it ended: a ``SessionEnd`` raw value.
  public static let end = "end"
  /// Member ids of the people present.
  public static let present = "present"
  /// Where the team stopped: `{"exercise": id, "field": index}`.
  public static let stopped = "stopped"
  /// The replica (laptop) the sitting happened on, and its label.
  public static let replica = "replica"
  public static let laptop = "laptop"
  /// The sequence number of the sitting's first change on its replica: the sitting owns that
  /// replica's changes to the team from there on, until it ends or the replica's next sitting of
  /// the team begins.
  public static let since = "since"
}

/// How a sitting ended.
public enum SessionEnd: String, Sendable, CaseIterable {
  /// `session end`, or the team switched to another team.
  case ended = "end"
  /// The shell was left (`quit`, Ctrl-D).
  case quit
  /// Nothing happened for longer than ``SessionRules/idleGap``: closed at its last activity.
  case idle
  /// The program stopped without closing it (a crash, a killed process, a flat battery): closed
  /// by the next start at its last change.
  case interrupted
}

/// The rules that cut sittings.
public enum SessionRules {
  /// A gap without activity longer than this ends a sitting (milliseconds): 30 minutes.
  public static let idleGap: Int64 = 30 * 60 * 1000
}

/// Where a team stopped in an exercise.
public struct StopPoint: Hashable, Sendable {
  public var exercise: String
  /// Index into the exercise's fields.
  public var field: Int

  public init(exercise: String, field: Int) {
    self.exercise = exercise
    self.field = field
  }

  public var json: JSONValue { .object(["exercise": .string(exercise), "field": .int(Int64(field))]) }

  public init?(json: JSONValue?) {
    guard let o = json?.objectValue, let e = o["exercise"]?.stringValue, let f = o["field"]?.intValue else { return nil }
    self.init(exercise: e, field: Int(f))
  }
}

/// What one operation of a sitting did to the team's work.
public enum SessionEdit: Hashable, Sendable {
  /// A field of an exercise got this value.
  case field(exercise: String, field: String, value: JSONValue)
  case itemAdded(exercise: String, list: String, item: String)
  case itemEdited(exercise: String, list: String, item: String)
  case itemMoved(exercise: String, list: String, item: String)
  case itemRemoved(exercise: String, list: String, item: String)
  /// The team itself: its name or members.
  case team

  public var exercise: String? {
    switch self {
    case .field(let e, _, _), .itemAdded(let e, _, _), .itemEdited(let e, _, _), .itemMoved(let e, _, _),
      .itemRemoved(let e, _, _):
      return e
    case .team: return nil
    }
  }
}

/// One change made during a sitting.
public struct SessionEvent: Hashable, Sendable {
  public var seq: Int64
  /// When it was made (the change's clock, milliseconds).
  public var at: Int64
  public var author: String
  public var edits: [SessionEdit]
  /// The exercise the change was about, if any (opening an exercise counts, with no edits).
  public var exercise: String?

  public init(seq: Int64, at: Int64, author: String, edits: [SessionEdit], exercise: String?) {
    self.seq = seq
    self.at = at
    self.author = author
    self.edits = edits
    self.exercise = exercise
  }
}

/// One sitting of a team, with the changes it made (all derived from the change log, so every
/// replica that has the same log tells the same story).
public struct WorkSession: Hashable, Sendable {
  public var id: String
  public var teamID: String
  /// 1, 2, …: the sitting's number on its laptop, in the order of that laptop's log (never
  /// renumbered by a merge).
  public var number: Int
  /// When the team worked on several laptops, the name that tells this one apart (its label,
  /// with the start of its id when two laptops share a label); nil with one laptop.
  public var laptopTag: String?
  /// How people name it: `3`, or `3·ana@lenovo` when the team worked on several laptops.
  public var tag: String { laptopTag.map { "\(number)·\($0)" } ?? String(number) }
  public var replica: String
  public var laptop: String
  public var started: Int64
  public var ended: Int64?
  public var end: SessionEnd?
  /// Member ids.
  public var present: [String]
  public var stopped: StopPoint?
  public var events: [SessionEvent]

  public init(
    id: String, teamID: String, number: Int, replica: String, laptop: String, started: Int64, ended: Int64?,
    end: SessionEnd?, present: [String], stopped: StopPoint?, events: [SessionEvent], laptopTag: String? = nil
  ) {
    self.laptopTag = laptopTag
    self.id = id
    self.teamID = teamID
    self.number = number
    self.replica = replica
    self.laptop = laptop
    self.started = started
    self.ended = ended
    self.end = end
    self.present = present
    self.stopped = stopped
    self.events = events
  }

  public var isOpen: Bool { ended == nil }

  /// The last moment something happened: its last change, or its start.
  public var lastActivity: Int64 { max(started, events.last?.at ?? started) }

  /// When it ended, or (open) its last activity.
  public var finish: Int64 { ended ?? lastActivity }

  public var duration: Int64 { max(0, finish - started) }

  /// Exercises worked on, in the order they were first touched (and where the team stopped).
  public var exercises: [String] {
    var out: [String] = []
    for e in events { if let x = e.exercise, !out.contains(x) { out.append(x) } }
    if let s = stopped?.exercise, !out.contains(s) { out.append(s) }
    return out
  }

  /// Where the team was when the sitting ended: the recorded stop point, or the last exercise it
  /// changed.
  public var context: StopPoint? {
    if let stopped { return stopped }
    guard let last = events.last(where: { $0.exercise != nil })?.exercise else { return nil }
    return StopPoint(exercise: last, field: 0)
  }

  /// Milliseconds spent per exercise. Each stretch between two moments of the sitting (start,
  /// changes, end) counts for the exercise of the later change, or the one in focus; the last
  /// stretch counts for where the team stopped.
  public var timeByExercise: [String: Int64] {
    var out: [String: Int64] = [:]
    var t = started
    var focus: String?
    for e in events {
      let key = e.exercise ?? focus
      if let key { out[key, default: 0] += max(0, e.at - t) }
      t = max(t, e.at)
      if let x = e.exercise { focus = x }
    }
    if let key = stopped?.exercise ?? focus { out[key, default: 0] += max(0, finish - t) }
    return out
  }
}

/// What a member did across a team's sittings (participation).
public struct Attendance: Hashable, Sendable {
  public var memberID: String
  public var name: String
  /// Sittings attended, of all the team's sittings.
  public var attended: Int
  public var total: Int
  /// Milliseconds present.
  public var time: Int64
  /// Changes made in the sittings the member attended.
  public var changes: Int
  /// Exercises worked on in those sittings.
  public var exercises: Int

  public init(memberID: String, name: String, attended: Int, total: Int, time: Int64, changes: Int, exercises: Int = 0) {
    self.memberID = memberID
    self.name = name
    self.attended = attended
    self.total = total
    self.time = time
    self.changes = changes
    self.exercises = exercises
  }

  /// Participation of every member of a team in its sittings. A sitting in which nothing was
  /// saved (opened and left) does not count.
  public static func of(team: Team, sessions all: [WorkSession]) -> [Attendance] {
    let sessions = all.filter { !$0.events.isEmpty }
    return team.members.map { m in
      let mine = sessions.filter { $0.present.contains(m.id) }
      return Attendance(
        memberID: m.id, name: m.name, attended: mine.count, total: sessions.count,
        time: mine.reduce(0) { $0 + $1.duration }, changes: mine.reduce(0) { $0 + $1.events.count },
        exercises: Set(mine.flatMap(\.exercises)).count)
    }
  }
}

/// Dates and times for people: in a time zone, without locale data.
public enum Clock {
  public struct Parts: Equatable, Sendable {
    public var year: Int, month: Int, day: Int, weekday: Int, hour: Int, minute: Int
  }

  public static func parts(_ ms: Int64, zone: TimeZone) -> Parts {
    var cal = Calendar(identifier: .gregorian)
    cal.timeZone = zone
    let d = Date(timeIntervalSince1970: Double(ms) / 1000)
    let c = cal.dateComponents([.year, .month, .day, .weekday, .hour, .minute], from: d)
    return Parts(
      year: c.year ?? 0, month: c.month ?? 0, day: c.day ?? 0, weekday: c.weekday ?? 1, hour: c.hour ?? 0,
      minute: c.minute ?? 0)
  }

  /// `2026-11-22`
  public static func date(_ ms: Int64, zone: TimeZone) -> String {
    let p = parts(ms, zone: zone)
    return String(format: "%04d-%02d-%02d", p.year, p.month, p.day)
  }

  /// `10:05`
  public static func time(_ ms: Int64, zone: TimeZone) -> String {
    let p = parts(ms, zone: zone)
    return String(format: "%02d:%02d", p.hour, p.minute)
  }

  /// Whole minutes, rounded (a sitting of 20 s is 0 min; of 90 s, 2 min).
  public static func minutes(_ ms: Int64) -> Int { Int((Double(ms) / 60_000).rounded()) }

  /// `42 min`, `1 h 05 min`.
  public static func duration(_ ms: Int64) -> String {
    let m = minutes(ms)
    if m < 60 { return "\(m) min" }
    return String(format: "%d h %02d min", m / 60, m % 60)
  }
}
