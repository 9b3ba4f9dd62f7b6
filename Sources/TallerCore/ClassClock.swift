import Foundation

/// The class clock: the phase time box the instructor runs for the whole class, stored as an
/// absolute end time (so a laptop that receives it late, or restarts, shows the same end). It
/// travels as a small signed file (`*.taller-clock`), newest wins; a deadline is no secret, so it
/// is signed, not sealed (sync/PROTOCOL.md §7.6).
public struct ClassClock: Equatable, Sendable {
  public static let suffix = ".taller-clock"
  /// The durations offered (minutes).
  public static let presets = [2, 5, 10, 15, 20, 30]
  /// How long «¡Tiempo!» stays after the end (milliseconds).
  public static let holdAfterEnd: Int64 = 10 * 60_000

  public var klass: String
  public var writer: String
  /// When this state was set (milliseconds): of two clocks of a class, the later wins.
  public var at: Int64
  /// The phase's length as started (minutes).
  public var minutes: Int
  /// The end (milliseconds), while running.
  public var ends: Int64?
  /// What was left (milliseconds), while paused.
  public var pausedLeft: Int64?

  public init(klass: String, writer: String, at: Int64, minutes: Int, ends: Int64?, pausedLeft: Int64?) {
    self.klass = klass
    self.writer = writer
    self.at = at
    self.minutes = minutes
    self.ends = ends
    self.pausedLeft = pausedLeft
  }

  /// What the clock shows at `now`.
  public enum State: Equatable, Sendable {
    case running(ends: Int64, left: Int64)
    case paused(left: Int64)
    /// Reached zero at `ended`: «¡Tiempo!», held at 0:00.
    case ended(at: Int64)
    case stopped
  }

  public func state(now: Int64) -> State {
    if let pausedLeft { return .paused(left: pausedLeft) }
    guard let ends else { return .stopped }
    if now < ends { return .running(ends: ends, left: ends - now) }
    return now - ends <= Self.holdAfterEnd ? .ended(at: ends) : .stopped
  }

  /// Started for `minutes` from `now`.
  public static func start(klass: String, writer: String, minutes: Int, now: Int64) -> ClassClock {
    ClassClock(klass: klass, writer: writer, at: now, minutes: minutes, ends: now + Int64(minutes) * 60_000, pausedLeft: nil)
  }

  /// One more minute (running, paused or just ended: from 0:00).
  public func plusMinute(now: Int64) -> ClassClock {
    var c = self
    c.at = max(now, at + 1)
    if let p = pausedLeft {
      c.pausedLeft = p + 60_000
    } else if let e = ends {
      c.ends = max(e, now) + 60_000
    }
    return c
  }

  public func paused(now: Int64) -> ClassClock {
    guard case .running(_, let left) = state(now: now) else { return self }
    var c = self
    c.at = max(now, at + 1)
    c.pausedLeft = left
    c.ends = nil
    return c
  }

  public func resumed(now: Int64) -> ClassClock {
    guard let p = pausedLeft else { return self }
    var c = self
    c.at = max(now, at + 1)
    c.ends = now + p
    c.pausedLeft = nil
    return c
  }

  public func stopped(now: Int64) -> ClassClock {
    var c = self
    c.at = max(now, at + 1)
    c.ends = nil
    c.pausedLeft = nil
    return c
  }

  /// The signed part.
  var body: JSONValue {
    var o: [String: JSONValue] = [
      "format": "taller-clock", "v": 1, "class": .string(klass), "writer": .string(writer), "at": .int(at),
      "minutes": .int(Int64(minutes)),
    ]
    if let ends { o["ends"] = .int(ends) }
    if let pausedLeft { o["paused_left"] = .int(pausedLeft) }
    return .object(o)
  }

  /// One canonical JSON line: the state and the writer's Ed25519 signature of it (without
  /// `sig`), over `"taller-clock\n" + canonical JSON`.
  public func encode(signingKey: String) -> String? {
    guard let sig = Signing.sign("taller-clock\n" + CanonicalJSON.encode(body), privateKey: signingKey),
      case .object(var o) = body
    else { return nil }
    o["sig"] = .string(sig)
    return CanonicalJSON.encode(.object(o)) + "\n"
  }

  /// Reads a clock file; `key(writer)` gives the writer's public key to check the signature
  /// with. `nil` when it is not a clock, or its signature does not hold.
  public static func decode(_ data: Data, key: (String) -> String?) -> ClassClock? {
    guard let (clock, signed, sig) = parse(data), let pub = key(clock.writer),
      Signing.verify("taller-clock\n" + signed, signature: sig, publicKey: pub)
    else { return nil }
    return clock
  }

  /// Reads a clock this laptop already checked when it kept it (its signature is not checked
  /// again: the prompt asks for it every second).
  public static func decodeKept(_ line: String) -> ClassClock? { parse(Data(line.utf8))?.clock }

  /// The clock in a file, the canonical text its signature covers, and the signature.
  static func parse(_ data: Data) -> (clock: ClassClock, signed: String, sig: String)? {
    let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    guard !text.contains("\n"), case .object(var o)? = try? StrictJSONParser.parse(text), o["format"] == "taller-clock",
      o["v"]?.intValue == 1, let sig = o.removeValue(forKey: "sig")?.stringValue, let klass = o["class"]?.stringValue,
      let writer = o["writer"]?.stringValue, let at = o["at"]?.intValue, let minutes = o["minutes"]?.intValue,
      minutes > 0, minutes <= 24 * 60
    else { return nil }
    let clock = ClassClock(
      klass: klass, writer: writer, at: at, minutes: Int(minutes), ends: o["ends"]?.intValue, pausedLeft: o["paused_left"]?.intValue)
    return (clock, CanonicalJSON.encode(.object(o)), sig)
  }

  /// `clock-<class>-<at>.taller-clock`: a new name for each state, so a git remote only ever
  /// gets new files.
  public var fileName: String { "clock-\(klass.prefix(8))-\(at)\(Self.suffix)" }
}
