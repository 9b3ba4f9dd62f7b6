import Crypto
import Foundation

/// A sync bundle: a text file of JSON Lines that carries changes between replicas.
///
/// Line 1 is a header, then one change per line (each change's stored body, byte for byte, so a
/// relay can pass on what it did not write without altering it), then one signature line per
/// replica whose changes it carries (that replica's signature of its last change here), then an
/// end line with the count and the SHA-256 of every byte before it. See `sync/PROTOCOL.md`.
public struct SyncBundle: Equatable, Sendable {
  /// Version of the bundle grammar.
  public static let formatVersion: Int64 = 2
  /// File-name suffix of bundles.
  public static let suffix = ".taller.jsonl"

  /// The replica that wrote the file.
  public var writer: String
  public var writerLabel: String
  /// For each replica, the highest sequence number the receiver must already have for the
  /// changes in this bundle to apply (like git bundle prerequisites).
  public var prerequisites: [String: Int64]
  /// Change bodies, in (replica, seq) order.
  public var bodies: [String]
  /// Public key of each replica whose changes the bundle carries.
  public var keys: [String: String]
  /// Each of those replicas' signature of its last change in the bundle.
  public var signatures: [HeadSignature]
  /// The grammar version the file was written in (1: before signatures).
  public var version: Int64
  /// The teams whose data the changes touch, and the classes they belong to (informative: for
  /// people and tools that sort files; the changes themselves are what counts).
  public var teams: [String] = []
  public var classes: [String] = []

  public init(
    writer: String, writerLabel: String, prerequisites: [String: Int64], bodies: [String], keys: [String: String] = [:],
    signatures: [HeadSignature] = [], version: Int64 = formatVersion
  ) {
    self.writer = writer
    self.writerLabel = writerLabel
    self.prerequisites = prerequisites
    self.bodies = bodies
    self.keys = keys
    self.signatures = signatures
    self.version = version
  }

  /// The file's text.
  public func encode() -> String {
    var fields: [String: JSONValue] = [
      "format": "taller-bundle",
      "v": .int(version),
      "schema": .int(Change.formatVersion),
      "writer": .string(writer),
      "label": .string(writerLabel),
      "prereq": .object(prerequisites.mapValues { .int($0) }),
    ]
    if version >= 2 {
      fields["keys"] = .object(keys.mapValues { .string($0) })
      fields["teams"] = .array(teams.sorted().map(JSONValue.string))
      fields["class"] = .array(classes.sorted().map(JSONValue.string))
    }
    var text = CanonicalJSON.encode(.object(fields)) + "\n"
    for b in bodies { text += b + "\n" }
    for sig in signatures.sorted(by: { $0.replica < $1.replica }) {
      let line: JSONValue = .object([
        "sig": .object([
          "replica": .string(sig.replica), "seq": .int(sig.seq), "hash": .string(sig.hash),
          "ed25519": .string(sig.signature),
        ])
      ])
      text += CanonicalJSON.encode(line) + "\n"
    }
    let end: JSONValue = .object(["end": true, "count": .int(Int64(bodies.count)), "sha256": .string(Self.sha256(text))])
    return text + CanonicalJSON.encode(end) + "\n"
  }

  /// A name unique to its content and writer, safe on FAT32 and case-insensitive disks.
  public func fileName() -> String {
    let text = encode()
    return "taller-\(writer.prefix(8))-\(Self.sha256(text).prefix(16))\(Self.suffix)"
  }

  static func sha256(_ s: String) -> String {
    Hex.encode(SHA256.hash(data: Data(s.utf8)))
  }

  /// Why a file was refused.
  public enum Refusal: Error, Equatable, Sendable {
    case notUTF8
    case notABundle
    case newerFormat(Int64)
    case truncated
    case countMismatch
    case hashMismatch
    case badLine(Int)
    case lineTooLong(Int)
    /// A replica's changes without a valid signature of their head by its key.
    case badSignature(String)

    /// What was wrong, for people.
    public var message: Message {
      switch self {
      case .notUTF8: return Message.syncNotUTF8
      case .notABundle: return Message.syncNotBundle
      case .newerFormat(let v): return Message.syncNewer(found: String(v))
      case .truncated: return Message.syncTruncated
      case .countMismatch: return Message.syncCount
      case .hashMismatch: return Message.syncHash
      case .badLine(let l): return Message.syncBadLine(line: String(l))
      case .lineTooLong(let l): return Message.syncLongLine(line: String(l))
      case .badSignature(let r): return Message.syncBadSignature(replica: String(r.prefix(8)))
      }
    }
  }

  /// Longest line accepted (a change is one user action; nothing legitimate comes close).
  public static let maximumLineBytes = 1 << 20

  /// Reads and verifies a bundle's bytes. CRLF line ends (mail, git autocrlf) are tolerated: the
  /// hash is over the LF form.
  public static func decode(_ data: Data) throws(Refusal) -> SyncBundle {
    guard let raw = String(data: data, encoding: .utf8) else { throw .notUTF8 }
    let lines = Text.lines(raw)
    guard let first = lines.first, let header = try? StrictJSONParser.parse(first),
      header["format"]?.stringValue == "taller-bundle", let v = header["v"]?.intValue
    else { throw .notABundle }
    if v > formatVersion { throw .newerFormat(v) }
    guard let writer = header["writer"]?.stringValue, !writer.isEmpty else { throw .notABundle }
    guard lines.count >= 2, let endLine = lines.last, let end = try? StrictJSONParser.parse(endLine),
      end["end"]?.boolValue == true, let count = end["count"]?.intValue, let hash = end["sha256"]?.stringValue
    else { throw .truncated }
    var bodies = Array(lines[1..<(lines.count - 1)])
    // Signature lines follow the changes.
    var signatures: [HeadSignature] = []
    while v >= 2, let last = bodies.last, last.hasPrefix("{\"sig\":") {
      guard let o = (try? StrictJSONParser.parse(last))?["sig"], let r = o["replica"]?.stringValue,
        let seq = o["seq"]?.intValue, let h = o["hash"]?.stringValue, let sig = o["ed25519"]?.stringValue
      else { throw .badLine(bodies.count + 1) }
      signatures.insert(HeadSignature(replica: r, seq: seq, hash: h, signature: sig), at: 0)
      bodies.removeLast()
    }
    guard count == Int64(bodies.count) else { throw .countMismatch }
    let covered = lines.dropLast().map { $0 + "\n" }.joined()
    guard sha256(covered) == hash else { throw .hashMismatch }
    for (i, b) in bodies.enumerated() where b.utf8.count > maximumLineBytes { throw .lineTooLong(i + 2) }
    var prereq: [String: Int64] = [:]
    for (k, val) in header["prereq"]?.objectValue ?? [:] {
      guard let n = val.intValue else { throw .notABundle }
      prereq[k] = n
    }
    var keys: [String: String] = [:]
    for (k, val) in header["keys"]?.objectValue ?? [:] {
      guard let key = val.stringValue else { throw .notABundle }
      keys[k] = key
    }
    var bundle = SyncBundle(
      writer: writer, writerLabel: header["label"]?.stringValue ?? writer, prerequisites: prereq, bodies: bodies,
      keys: keys, signatures: signatures, version: v)
    bundle.teams = (header["teams"]?.arrayValue ?? []).compactMap(\.stringValue)
    bundle.classes = (header["class"]?.arrayValue ?? []).compactMap(\.stringValue)
    return bundle
  }
}
