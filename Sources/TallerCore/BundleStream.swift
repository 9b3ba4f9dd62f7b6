import Crypto
import Foundation

/// Reads a bundle file line by line without holding it in memory (a class's relay can carry a
/// million changes), in one pass that checks the whole file while handing its changes on.
private let endPrefix = Array(#"{"end":"#.utf8)
private let countPrefix = Array(#"{"count":"#.utf8)
private let sigPrefix = Array(#"{"sig":"#.utf8)

public struct BundleScan: Sendable {
  /// Header facts and signatures; `bodies` is empty (they are streamed).
  public var bundle: SyncBundle
  /// Per replica: the first and last sequence numbers carried and the hash of the last one.
  public var runs: [String: (first: Int64, last: Int64, lastHash: String)]
  public var count: Int

  /// Reads lines (LF or CRLF) from a file, a chunk at a time; a line over `limit` bytes is refused.
  public struct Lines {
    /// The next piece of the input, or nil at its end.
    let source: () -> Data?
    var buffer: [UInt8] = []
    var start = 0
    var done = false
    public private(set) var number = 0
    let limit: Int

    public init(path: String, limit: Int = SyncBundle.maximumLineBytes) throws {
      guard let h = FileHandle(forReadingAtPath: path) else { throw CocoaError(.fileReadNoSuchFile) }
      source = { (try? h.read(upToCount: 1 << 20)) ?? nil }
      self.limit = limit
    }

    /// Lines of input handed over in pieces (a sealed bundle's payload, a chunk at a time).
    public init(pieces: @escaping () -> Data?, limit: Int = SyncBundle.maximumLineBytes) {
      source = pieces
      self.limit = limit
    }

    /// The next line's bytes (without its end), or nil at the end of the file.
    public mutating func next() throws(SyncBundle.Refusal) -> [UInt8]? {
      while true {
        if let nl = buffer[start...].firstIndex(of: 0x0A) {
          var line = Array(buffer[start..<nl])
          start = nl + 1
          if line.last == 0x0D { line.removeLast() }
          number += 1
          return line
        }
        if buffer.count - start > limit + 2 { throw .lineTooLong(number + 1) }
        if done {
          guard start < buffer.count else { return nil }
          var line = Array(buffer[start...])
          start = buffer.count
          if line.last == 0x0D { line.removeLast() }
          number += 1
          return line
        }
        if start > 0 {
          buffer.removeFirst(start)
          start = 0
        }
        let chunk = source()
        if let chunk, !chunk.isEmpty { buffer.append(contentsOf: chunk) } else { done = true }
      }
    }
  }

  /// Checks a whole file without applying anything: grammar, count, hash, each replica's run.
  public static func scan(path: String) throws(SyncBundle.Refusal) -> BundleScan {
    do {
      return try read(path: path, header: { _ in }, change: { _, _, _ in })
    } catch let r as SyncBundle.Refusal {
      throw r
    } catch {
      throw .notABundle
    }
  }

  /// One pass over a file: hands the header, then each change (its text, the change, the hash of
  /// its bytes) to the caller as they are read, and checks the file whole as it goes — grammar,
  /// count, hash, each replica's run. Nothing in the file is trusted until this returns: a caller
  /// that applies changes on the way does so inside a transaction it rolls back when this throws
  /// (a ``SyncBundle/Refusal`` for the file, or whatever the callbacks threw).
  public static func read(
    path: String, header onHeader: (SyncBundle) throws -> Void, change onChange: (String, Change, String) throws -> Void
  ) throws -> BundleScan {
    let lines: Lines
    do { lines = try Lines(path: path) } catch { throw SyncBundle.Refusal.notABundle }
    return try read(lines: lines, header: onHeader, change: onChange)
  }

  /// The same pass over lines from any source.
  public static func read(
    lines start: Lines, header onHeader: (SyncBundle) throws -> Void, change onChange: (String, Change, String) throws -> Void
  ) throws -> BundleScan {
    var lines = start
    guard let first = try lines.next(), let headerText = String(validating: first, as: UTF8.self),
      let header = try? StrictJSONParser.parse(headerText), header["format"]?.stringValue == "taller-bundle",
      let v = header["v"]?.intValue, let writer = header["writer"]?.stringValue, !writer.isEmpty
    else { throw SyncBundle.Refusal.notABundle }
    if v > SyncBundle.formatVersion { throw SyncBundle.Refusal.newerFormat(v) }
    var keys: [String: String] = [:]
    for (k, val) in header["keys"]?.objectValue ?? [:] {
      guard let key = val.stringValue else { throw SyncBundle.Refusal.notABundle }
      keys[k] = key
    }
    var prereq: [String: Int64] = [:]
    for (k, val) in header["prereq"]?.objectValue ?? [:] { if let n = val.intValue { prereq[k] = n } }
    var bundle = SyncBundle(
      writer: writer, writerLabel: header["label"]?.stringValue ?? writer, prerequisites: prereq, bodies: [], keys: keys,
      signatures: [], version: v)
    bundle.teams = (header["teams"]?.arrayValue ?? []).compactMap(\.stringValue)
    bundle.classes = (header["class"]?.arrayValue ?? []).compactMap(\.stringValue)
    try onHeader(bundle)
    var hasher = SHA256()
    var previous: [UInt8] = first
    var runs: [String: (first: Int64, last: Int64, lastHash: String)] = [:]
    var signatures: [HeadSignature] = []
    var count = 0
    var endLine: [UInt8]?
    while let line = try lines.next() {
      // The line before is covered by the hash; this one may be the end line.
      hasher.update(data: previous)
      hasher.update(data: [0x0A])
      if line.count > SyncBundle.maximumLineBytes { throw SyncBundle.Refusal.lineTooLong(lines.number) }
      if line.starts(with: endPrefix) || line.starts(with: countPrefix) {
        guard String(validating: line, as: UTF8.self) != nil else { throw SyncBundle.Refusal.notUTF8 }
        endLine = line
        if try lines.next() != nil { throw SyncBundle.Refusal.badLine(lines.number) }
        break
      }
      if v >= 2 && line.starts(with: sigPrefix) {
        guard let o = (try? StrictJSONParser.parse(line))?["sig"], let r = o["replica"]?.stringValue,
          let seq = o["seq"]?.intValue, let h = o["hash"]?.stringValue, let sig = o["ed25519"]?.stringValue
        else { throw SyncBundle.Refusal.badLine(lines.number) }
        signatures.append(HeadSignature(replica: r, seq: seq, hash: h, signature: sig))
      } else {
        // A line the strict parser accepts is valid UTF-8 (it checks every string's bytes, and
        // everything else must be ASCII), so the text needs no second check.
        guard signatures.isEmpty, let c = try? Change(bytes: line) else {
          if String(validating: line, as: UTF8.self) == nil { throw SyncBundle.Refusal.notUTF8 }
          throw SyncBundle.Refusal.badLine(lines.number)
        }
        let text = String(decoding: line, as: UTF8.self)
        let digest = Change.hash(ofBytes: line)
        if let run = runs[c.replica] {
          // A replica's changes in a file are one unbroken stretch of its chain.
          guard c.seq == run.last + 1, c.prev == run.lastHash else { throw SyncBundle.Refusal.badSignature(c.replica) }
          runs[c.replica] = (run.first, c.seq, digest)
        } else {
          runs[c.replica] = (c.seq, c.seq, digest)
        }
        count += 1
        try onChange(text, c, digest)
      }
      previous = line
    }
    guard let endLine, let end = try? StrictJSONParser.parse(endLine),
      end["end"]?.boolValue == true, let n = end["count"]?.intValue, let hash = end["sha256"]?.stringValue
    else { throw SyncBundle.Refusal.truncated }
    guard n == Int64(count) else { throw SyncBundle.Refusal.countMismatch }
    guard Hex.encode(hasher.finalize()) == hash else { throw SyncBundle.Refusal.hashMismatch }
    bundle.signatures = signatures
    return BundleScan(bundle: bundle, runs: runs, count: count)
  }

  /// The second pass: each change's text, in file order.
  public static func forEachChange(path: String, _ body: (String) throws -> Void) throws {
    var lines = try Lines(path: path)
    _ = try lines.next()
    while let line = try lines.next() {
      let text = String(decoding: line, as: UTF8.self)
      if text.hasPrefix("{\"end\":") || text.hasPrefix("{\"count\":") || text.hasPrefix("{\"sig\":") { continue }
      try body(text)
    }
  }
}

/// What kind of thing a path names.
public enum FileKind {
  /// Whether `path` is a regular file, following symbolic links (to regular files only).
  public static func isRegular(_ path: String) -> Bool {
    let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    guard let type = try? FileManager.default.attributesOfItem(atPath: resolved)[.type] as? FileAttributeType else { return false }
    return type == .typeRegular
  }
}
