import Crypto
import Foundation

/// Sealed bundles (format 3, `sync/PROTOCOL.md` §7): a bundle's bytes encrypted for exactly the
/// laptops that may read them, in the manner of age (C2SP's age spec). A fresh file key per
/// bundle, wrapped once per recipient with HPKE (RFC 9180: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256,
/// ChaCha20-Poly1305, base mode); a header MAC under that key commits every recipient to the
/// same key; the payload is encrypted in 64 KiB chunks (age's STREAM) under a key derived from
/// the file key and the header's nonce; the writer's Ed25519 signature covers everything, so a
/// relay (a shared folder, a USB stick, a git remote) verifies, stores and forwards a bundle
/// without reading it. Pure functions: no files, no database.
public enum Sealed {
  public static let format = "taller-sealed"
  public static let version = 3
  public static let suite = "hpke-x25519-sha256-chacha20poly1305"
  /// File-name suffix of sealed bundles.
  public static let suffix = ".taller-sealed.jsonl"

  /// `taller-<writer>-<hash>.taller-sealed.jsonl`: the hash is of what was sealed and for whom
  /// (`content`), so sealing the same changes for the same readers again names the same file.
  public static func fileName(writer: String, content: String) -> String {
    "taller-\(writer.prefix(8))-\(Hex.encode(SHA256.hash(data: Data(content.utf8))).prefix(16))\(suffix)"
  }
  static var ciphersuite: HPKE.Ciphersuite { .Curve25519_SHA256_ChachaPoly }
  static let chunkSize = 64 * 1024

  /// A reader of a sealed bundle: a laptop's id and its X25519 public key (64 hex digits).
  public struct Recipient: Equatable, Sendable {
    public var id: String
    public var publicKey: String
    public init(id: String, publicKey: String) {
      self.id = id
      self.publicKey = publicKey
    }
  }

  /// What anyone can read of a sealed bundle without a key: who wrote it, for which team, for
  /// whom, and how big it is (never what was typed).
  public struct Header: Equatable, Sendable {
    public var writer: String
    public var team: String
    public var recipients: [String]
    public var payloadBytes: Int
    /// The writer's Ed25519 public key, when the header carries it (a reader that does not know
    /// the writer yet takes it only if the writer's id certifies it).
    public var key: String? = nil
  }

  // MARK: Keys

  /// A fresh X25519 private key, as 64 hex digits.
  public static func newPrivateKey() -> String { Hex.encode(Curve25519.KeyAgreement.PrivateKey().rawRepresentation) }

  /// The public key (64 hex digits) of an X25519 private key, or `nil` if it is not one.
  public static func publicKey(ofPrivate priv: String) -> String? {
    guard let raw = Signing.data(hex: priv), let key = try? Curve25519.KeyAgreement.PrivateKey(rawRepresentation: raw) else {
      return nil
    }
    return Hex.encode(key.publicKey.rawRepresentation)
  }

  // MARK: Sealing

  /// Seals `payload` (a bundle's bytes) for `recipients`, signed by the writer's Ed25519 key.
  /// `random` gives the file key and the nonce (tests pass a fixed source).
  public static func seal(
    _ payload: Data, writer: String, team: String, recipients: [Recipient], signingKey: String, writerKey: String? = nil,
    random: (Int) -> Data = { n in Data((0..<n).map { _ in UInt8.random(in: 0...255) }) }
  ) throws(TallerError) -> Data {
    guard !recipients.isEmpty else { throw .refused(Message.sealedNoRecipients(team: team)) }
    let fileKey = SymmetricKey(data: random(32))
    let nonce = random(16)
    var out = Data()
    var fields: [(String, JSONValue)] = [
      ("format", .string(format)), ("nonce", .string(Hex.encode(nonce))), ("suite", .string(suite)), ("team", .string(team)),
      ("v", .int(Int64(version))), ("writer", .string(writer)),
    ]
    if let writerKey { fields.append(("key", .string(writerKey))) }
    let header = line(fields)
    out += header
    let fileKeyBytes = fileKey.withUnsafeBytes { Data($0) }
    for r in recipients.sorted(by: { $0.id < $1.id }) {
      guard let raw = Signing.data(hex: r.publicKey), let pk = try? Curve25519.KeyAgreement.PublicKey(rawRepresentation: raw) else {
        throw .refused(Message.sealedBadKey(laptop: r.id))
      }
      do {
        var sender = try HPKE.Sender(recipientKey: pk, ciphersuite: ciphersuite, info: info(team: team))
        let wrapped = try sender.seal(fileKeyBytes, authenticating: stanzaAAD(header: header, to: r.id))
        out += line([
          ("enc", .string(Hex.encode(sender.encapsulatedKey))), ("to", .string(r.id)), ("wrap", .string(Hex.encode(wrapped))),
        ])
      } catch {
        throw .refused(Message.sealedBadKey(laptop: r.id))
      }
    }
    out += line([("mac", .string(Hex.encode(HMAC<SHA256>.authenticationCode(for: out, using: macKey(fileKey, nonce)))))])
    let key = payloadKey(fileKey, nonce)
    var chunks = stride(from: 0, to: payload.count, by: chunkSize).map {
      payload[payload.startIndex + $0..<payload.startIndex + min(payload.count, $0 + chunkSize)]
    }
    if chunks.isEmpty { chunks = [Data()[...]] }
    for (i, chunk) in chunks.enumerated() {
      guard let box = try? ChaChaPoly.seal(chunk, using: key, nonce: chunkNonce(i, last: i == chunks.count - 1)) else {
        throw .refused(Message.sealedDamaged(.payload))
      }
      out += line([("p", .string((box.ciphertext + box.tag).base64EncodedString()))])
    }
    guard let sig = Signing.sign(signedMessage(out), privateKey: signingKey) else {
      throw .refused(Message.sealedDamaged(.signingKey))
    }
    out += line([("sig", .string(sig))])
    out += line([("end", .bool(true)), ("sha256", .string(Hex.encode(SHA256.hash(data: out))))])
    return out
  }

  // MARK: Reading

  /// The parts of a sealed file, checked for shape and completeness (not yet for who signed it).
  struct Parsed {
    var header: Header
    var headerLine: Data
    var nonce: Data
    var stanzas: [(to: String, enc: Data, wrap: Data)]
    /// The bytes the MAC covers (header and stanzas) and the MAC.
    var macked: Data
    var mac: Data
    var chunks: [Data]
    /// The hash of the bytes the signature covers, and the signature.
    var signedHash: String
    var signature: String
  }

  /// Whether some bytes look like a sealed bundle (its first line names the format).
  public static func isSealed(_ data: Data) -> Bool {
    data.prefix(64).range(of: Data("{\"format\":\"\(format)\"".utf8)) != nil
  }

  static func parse(_ raw: Data) throws(TallerError) -> Parsed {
    // A CR before each LF (mail and git may add one) is dropped, once, before anything else.
    let data = raw.contains(0x0D) ? Self.withoutCR(raw) : raw
    // Lines as ranges of `data`, each with its LF: nothing is copied but what is decoded.
    var lines: [Range<Data.Index>] = []
    let base = data.startIndex
    let complete = data.withUnsafeBytes { (buf: UnsafeRawBufferPointer) -> Bool in
      guard let p = buf.baseAddress else { return true }
      var start = 0
      while start < buf.count, let hit = memchr(p + start, 0x0A, buf.count - start) {
        let nl = p.distance(to: UnsafeRawPointer(hit))
        lines.append((base + start)..<(base + nl + 1))
        start = nl + 1
      }
      return start == buf.count
    }
    if !complete { throw .refused(Message.sealedDamaged(.truncated)) }
    func object(_ r: Range<Data.Index>) throws(TallerError) -> [String: JSONValue] {
      guard r.count < 4096, let text = String(data: data[r.lowerBound..<(r.upperBound - 1)], encoding: .utf8),
        case .object(let o)? = try? StrictJSONParser.parse(text)
      else { throw .refused(Message.sealedDamaged(.line)) }
      return o
    }
    guard lines.count >= 5 else { throw .refused(Message.sealedDamaged(.truncated)) }
    // The end line: everything before it, hashed.
    guard let end = try? object(lines[lines.count - 1]), end["end"] == .bool(true) else {
      throw .refused(Message.sealedDamaged(.truncated))
    }
    // One pass of SHA-256: what the signature covers (all before its line), then on through the
    // signature line for what the end line covers.
    var hasher = SHA256()
    hasher.update(data: data[data.startIndex..<lines[lines.count - 2].lowerBound])
    let signedHash = Hex.encode(hasher.finalize())
    hasher.update(data: data[lines[lines.count - 2]])
    guard end["sha256"]?.stringValue == Hex.encode(hasher.finalize()) else {
      throw .refused(Message.sealedDamaged(.altered))
    }
    let h = try object(lines[0])
    guard h["format"]?.stringValue == format else { throw .refused(Message.sealedDamaged(.format)) }
    guard h["v"]?.intValue == Int64(version), h["suite"]?.stringValue == suite else {
      throw .refused(Message.sealedDamaged(.version))
    }
    guard let writer = h["writer"]?.stringValue, let team = h["team"]?.stringValue, let nonceHex = h["nonce"]?.stringValue,
      let nonce = Signing.data(hex: nonceHex), nonce.count == 16
    else { throw .refused(Message.sealedDamaged(.header)) }
    var i = 1
    var stanzas: [(String, Data, Data)] = []
    while i < lines.count, let o = try? object(lines[i]), o["to"] != nil {
      guard let to = o["to"]?.stringValue, let enc = o["enc"]?.stringValue.flatMap(Signing.data(hex:)),
        let wrap = o["wrap"]?.stringValue.flatMap(Signing.data(hex:))
      else { throw .refused(Message.sealedDamaged(.recipient)) }
      stanzas.append((to, enc, wrap))
      i += 1
    }
    guard !stanzas.isEmpty, i < lines.count, let mac = try object(lines[i])["mac"]?.stringValue.flatMap(Signing.data(hex:)) else {
      throw .refused(Message.sealedDamaged(.recipient))
    }
    let macked = Data(data[data.startIndex..<lines[i].lowerBound])
    i += 1
    // Payload lines are exactly `{"p":"<base64>"}`: matched by their bytes, not parsed as JSON
    // (they are most of the file).
    let open = Array("{\"p\":\"".utf8)
    let close = Array("\"}\n".utf8)
    var chunks: [Data] = []
    var payloadBytes = 0
    while i < lines.count - 2 {
      let r = lines[i]
      guard r.count > open.count + close.count, data[r.lowerBound..<(r.lowerBound + open.count)].elementsEqual(open),
        data[(r.upperBound - close.count)..<r.upperBound].elementsEqual(close),
        let c = Base64.decode(data[(r.lowerBound + open.count)..<(r.upperBound - close.count)])
      else { throw .refused(Message.sealedDamaged(.payload)) }
      chunks.append(c)
      payloadBytes += max(0, c.count - 16)
      i += 1
    }
    guard !chunks.isEmpty, i == lines.count - 2, let sig = try object(lines[i])["sig"]?.stringValue else {
      throw .refused(Message.sealedDamaged(.signature))
    }
    return Parsed(
      header: Header(
        writer: writer, team: team, recipients: stanzas.map(\.0), payloadBytes: payloadBytes, key: h["key"]?.stringValue),
      headerLine: Data(data[lines[0]]), nonce: nonce, stanzas: stanzas, macked: macked, mac: mac, chunks: chunks,
      signedHash: signedHash, signature: sig)
  }

  /// The bytes with each CR that precedes an LF removed.
  static func withoutCR(_ data: Data) -> Data {
    var out = Data(capacity: data.count)
    var previous: UInt8?
    for b in data {
      if let p = previous, !(p == 0x0D && b == 0x0A) { out.append(p) }
      previous = b
    }
    if let p = previous { out.append(p) }
    return out
  }

  /// The writer's signature checked against a parsed file.
  static func checkSignature(_ p: Parsed, writerKey: (String) -> String?) throws(TallerError) {
    // The key known for the writer; else the header's, if the writer's id is bound to it.
    let given = p.header.key.flatMap { ReplicaID.certifies(p.header.writer, publicKey: $0) ? $0 : nil }
    guard let key = writerKey(p.header.writer) ?? given,
      Signing.verify(signedMessage(hash: p.signedHash), signature: p.signature, publicKey: key)
    else { throw .refused(Message.sealedBadSignature(laptop: p.header.writer)) }
  }

  /// What a relay checks without any key but the writer's public one: the file is whole, well
  /// formed, and signed by its writer. Returns what it may know (team, recipients, size).
  public static func verify(_ data: Data, writerKey: (String) -> String?) throws(TallerError) -> Header {
    try check(data, writerKey: writerKey).header
  }

  /// A sealed file read and checked as a relay checks it (whole, well formed, signed by its
  /// writer), ready to be opened without reading it again.
  public struct Checked {
    let parsed: Parsed
    public var header: Header { parsed.header }
  }

  public static func check(_ data: Data, writerKey: (String) -> String?) throws(TallerError) -> Checked {
    let p = try parse(data)
    try checkSignature(p, writerKey: writerKey)
    return Checked(parsed: p)
  }

  /// Opens a sealed bundle as laptop `me` with its X25519 private key: checks the signature,
  /// unwraps the file key from `me`'s stanza, checks the header MAC and decrypts the payload.
  /// `team`: the team whose folder it was found in, when there is one (a bundle moved to another
  /// team's folder is refused).
  public static func openPayload(
    _ data: Data, me: String, privateKey: String, writerKey: (String) -> String?, team expected: String? = nil
  ) throws(TallerError) -> (header: Header, payload: Payload) {
    let checked = try check(data, writerKey: writerKey)
    return (checked.header, try openPayload(checked, me: me, privateKey: privateKey, team: expected))
  }

  /// Opens a checked sealed file's payload as laptop `me` (see ``openPayload(_:me:privateKey:writerKey:team:)``).
  public static func openPayload(
    _ checked: Checked, me: String, privateKey: String, team expected: String? = nil
  ) throws(TallerError) -> Payload {
    let p = checked.parsed
    let header = p.header
    if let expected, expected != header.team { throw .refused(Message.sealedWrongTeam(expected: expected, found: header.team)) }
    guard let stanza = p.stanzas.first(where: { $0.to == me }) else { throw .refused(Message.sealedNotForMe(team: header.team)) }
    guard let raw = Signing.data(hex: privateKey), let sk = try? Curve25519.KeyAgreement.PrivateKey(rawRepresentation: raw) else {
      throw .refused(Message.sealedBadKey(laptop: me))
    }
    let fileKey: SymmetricKey
    do {
      var recipient = try HPKE.Recipient(
        privateKey: sk, ciphersuite: ciphersuite, info: info(team: header.team), encapsulatedKey: stanza.enc)
      fileKey = SymmetricKey(data: try recipient.open(stanza.wrap, authenticating: stanzaAAD(header: p.headerLine, to: me)))
    } catch {
      throw .refused(Message.sealedDamaged(.recipient))
    }
    guard HMAC<SHA256>.isValidAuthenticationCode(p.mac, authenticating: p.macked, using: macKey(fileKey, p.nonce)) else {
      throw .refused(Message.sealedDamaged(.mac))
    }
    return Payload(key: payloadKey(fileKey, p.nonce), chunks: p.chunks)
  }

  /// Opens a sealed bundle to its whole payload (see ``openPayload``).
  public static func open(
    _ data: Data, me: String, privateKey: String, writerKey: (String) -> String?, team expected: String? = nil
  ) throws(TallerError) -> (header: Header, payload: Data) {
    let (header, reader) = try openPayload(data, me: me, privateKey: privateKey, writerKey: writerKey, team: expected)
    var payload = Data()
    var chunks = reader
    while let c = try chunks.next() { payload += c }
    return (header, payload)
  }

  /// A sealed bundle's payload, decrypted a chunk at a time as it is read (an import streams it
  /// without holding it whole).
  public struct Payload {
    let key: SymmetricKey
    let chunks: [Data]
    var index = 0

    /// The next chunk's plaintext, nil after the last; a chunk that does not open (dropped,
    /// reordered, altered, cut) is refused.
    public mutating func next() throws(TallerError) -> Data? {
      guard index < chunks.count else { return nil }
      let c = chunks[index]
      guard c.count >= 16,
        let box = try? ChaChaPoly.SealedBox(
          nonce: chunkNonce(index, last: index == chunks.count - 1), ciphertext: c.dropLast(16), tag: c.suffix(16)),
        let plain = try? ChaChaPoly.open(box, using: key)
      else { throw .refused(Message.sealedDamaged(.payload)) }
      index += 1
      return plain
    }
  }

  // MARK: Derivations (PROTOCOL.md §7)

  static func info(team: String) -> Data { Data("taller-sealed v3\n\(team)".utf8) }
  /// A stanza is bound to its bundle's header (its nonce is fresh) and to its recipient.
  static func stanzaAAD(header: Data, to: String) -> Data { header + Data("to:\(to)".utf8) }
  static func macKey(_ fileKey: SymmetricKey, _ nonce: Data) -> SymmetricKey {
    HKDF<SHA256>.deriveKey(inputKeyMaterial: fileKey, salt: nonce, info: Data("taller-sealed header".utf8), outputByteCount: 32)
  }
  static func payloadKey(_ fileKey: SymmetricKey, _ nonce: Data) -> SymmetricKey {
    HKDF<SHA256>.deriveKey(inputKeyMaterial: fileKey, salt: nonce, info: Data("taller-sealed payload".utf8), outputByteCount: 32)
  }
  /// age's STREAM nonce: an 11-byte big-endian chunk counter and a last-chunk flag.
  static func chunkNonce(_ i: Int, last: Bool) -> ChaChaPoly.Nonce {
    var bytes = [UInt8](repeating: 0, count: 12)
    var n = UInt64(i)
    for k in stride(from: 10, through: 3, by: -1) {
      bytes[k] = UInt8(n & 0xFF)
      n >>= 8
    }
    bytes[11] = last ? 1 : 0
    // 12 bytes is ChaChaPoly's nonce size: this cannot fail.
    return (try? ChaChaPoly.Nonce(data: bytes)) ?? ChaChaPoly.Nonce()
  }
  /// What the writer signs: the hash of every byte before the signature line.
  static func signedMessage(_ bytes: Data) -> String { signedMessage(hash: Hex.encode(SHA256.hash(data: bytes))) }
  static func signedMessage(hash: String) -> String { "taller-sealed\n" + hash }

  /// One JSON object, canonical (keys sorted), and its line end.
  static func line(_ pairs: [(String, JSONValue)]) -> Data {
    Data((CanonicalJSON.encode(.object(Dictionary(pairs, uniquingKeysWith: { a, _ in a }))) + "\n").utf8)
  }
}

/// Strict standard base64 (RFC 4648 §4, with padding). Hand-written because Foundation's decoder
/// on Linux was the slowest step of opening a sealed bundle (most of 1.9 s for 75 MB), and no
/// package in the mirror offers a faster one.
enum Base64 {
  static let table: [UInt8] = {
    var t = [UInt8](repeating: 0xFF, count: 256)
    for (i, c) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() { t[Int(c)] = UInt8(i) }
    return t
  }()

  /// The bytes the text encodes, or nil if it is not strict base64.
  static func decode(_ text: Data) -> Data? {
    text.withUnsafeBytes { (p: UnsafeRawBufferPointer) -> Data? in
      let n = p.count
      guard n % 4 == 0 else { return nil }
      if n == 0 { return Data() }
      let pad = (p[n - 1] == 0x3D ? 1 : 0) + (p[n - 2] == 0x3D ? 1 : 0)
      if pad == 1 && p[n - 2] == 0x3D { return nil }
      var out = Data(count: n / 4 * 3 - pad)
      let ok = out.withUnsafeMutableBytes { (o: UnsafeMutableRawBufferPointer) -> Bool in
        var j = 0
        var i = 0
        let full = pad == 0 ? n : n - 4
        var bad: UInt8 = 0
        table.withUnsafeBufferPointer { t in
          while i < full {
            let a = t[Int(p[i])]
            let b = t[Int(p[i + 1])]
            let c = t[Int(p[i + 2])]
            let d = t[Int(p[i + 3])]
            bad |= (a | b | c | d) & 0x80
            o[j] = a << 2 | b >> 4
            o[j + 1] = b << 4 | c >> 2
            o[j + 2] = c << 6 | d
            i += 4
            j += 3
          }
        }
        if bad != 0 { return false }
        guard pad > 0 else { return true }
        let a = table[Int(p[i])]
        let b = table[Int(p[i + 1])]
        let c = pad == 1 ? table[Int(p[i + 2])] : 0
        guard (a | b | c) & 0x80 == 0 else { return false }
        o[j] = a << 2 | b >> 4
        if pad == 1 {
          o[j + 1] = b << 4 | c >> 2
          return c & 0x03 == 0
        }
        return b & 0x0F == 0
      }
      return ok ? out : nil
    }
  }
}
