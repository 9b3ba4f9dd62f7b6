import Crypto
import Foundation
import Synchronization

/// Ed25519 signatures (swift-crypto): each replica signs the heads of its hash chain; invitations
/// are key pairs whose private half travels in the invitation file.
public enum Signing {
  /// A fresh private key, as 64 hex digits.
  public static func newPrivateKey() -> String { hex(Curve25519.Signing.PrivateKey().rawRepresentation) }

  /// A private key derived from another (HKDF-SHA256 of its 32 bytes, `purpose` as the info):
  /// the same every time, and nothing about the first can be learnt from it.
  public static func derivedKey(from priv: String, for purpose: String) -> String? {
    guard let seed = data(hex: priv), seed.count == 32 else { return nil }
    let key = HKDF<SHA256>.deriveKey(inputKeyMaterial: SymmetricKey(data: seed), info: Data(purpose.utf8), outputByteCount: 32)
    return hex(key.withUnsafeBytes { Data($0) })
  }

  /// The public key (64 hex digits) of a private key, or `nil` if it is not one.
  public static func publicKey(ofPrivate priv: String) -> String? {
    guard let raw = data(hex: priv), let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw) else { return nil }
    return hex(key.publicKey.rawRepresentation)
  }

  /// A signature (128 hex digits) of `message` by a private key.
  public static func sign(_ message: String, privateKey priv: String) -> String? {
    guard let raw = data(hex: priv), let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw),
      let sig = try? key.signature(for: Data(message.utf8))
    else { return nil }
    return hex(sig)
  }

  /// Whether `signature` is a valid signature of `message` by the public key. Answers are
  /// remembered (the same join proof is checked for every change its writer makes).
  public static func verify(_ message: String, signature: String, publicKey pub: String) -> Bool {
    let key = pub + "|" + signature + "|" + message
    if let known = verified.withLock({ $0[key] }) { return known }
    let ok = check(message, signature: signature, publicKey: pub)
    verified.withLock { cache in
      if cache.count > 10_000 { cache.removeAll() }
      cache[key] = ok
    }
    return ok
  }

  private static let verified = Mutex<[String: Bool]>([:])

  private static func check(_ message: String, signature: String, publicKey pub: String) -> Bool {
    guard let raw = data(hex: pub), let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw),
      let sig = data(hex: signature)
    else { return false }
    return key.isValidSignature(sig, for: Data(message.utf8))
  }

  /// What a replica signs for the head of its chain.
  public static func headMessage(replica: String, seq: Int64, hash: String) -> String {
    "taller-head\n\(replica)\n\(seq)\n\(hash)"
  }

  /// What an invitation key signs to let a replica join a team.
  public static func joinMessage(team: String, replica: String) -> String { "taller-join\n\(team)\n\(replica)" }

  /// What a class invitation key signs to enroll a team in the class.
  public static func enrollMessage(classID: String, team: String) -> String { "taller-enroll\n\(classID)\n\(team)" }

  static func hex(_ d: some Sequence<UInt8>) -> String { Hex.encode(d) }

  static func data(hex: String) -> Data? { Hex.bytes(hex).map { Data($0) } }
}

/// Lowercase hexadecimal, fast (hashes are computed for every change imported).
public enum Hex {
  private static let digits = Array("0123456789abcdef".utf8)

  public static func encode(_ bytes: some Sequence<UInt8>) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(64)
    for b in bytes {
      out.append(digits[Int(b >> 4)])
      out.append(digits[Int(b & 0x0F)])
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// The bytes of lowercase or uppercase hexadecimal, or `nil` if it is not that.
  public static func decode(_ hex: String) -> Data? { bytes(hex).map { Data($0) } }

  /// The same, as an array, reading the UTF-8 bytes (an import decodes a hash per change).
  public static func bytes(_ hex: String) -> [UInt8]? {
    var hex = hex
    return hex.withUTF8 { utf8 -> [UInt8]? in
      guard utf8.count % 2 == 0 else { return nil }
      func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
      }
      var out: [UInt8] = []
      out.reserveCapacity(utf8.count / 2)
      var i = 0
      while i < utf8.count {
        guard let hi = nibble(utf8[i]), let lo = nibble(utf8[i + 1]) else { return nil }
        out.append(hi << 4 | lo)
        i += 2
      }
      return out
    }
  }
}

/// An incremental SHA-256 (for files written a line at a time).
public struct Crypto256 {
  var h = SHA256()
  public init() {}
  public mutating func update(_ d: Data) { h.update(data: d) }
  public func hex() -> String { Hex.encode(h.finalize()) }
}

/// A replica's signature of the head of its chain: it covers that change and, through the
/// `prev` hashes, every change before it.
public struct HeadSignature: Hashable, Sendable {
  public var replica: String
  public var seq: Int64
  public var hash: String
  public var signature: String

  public init(replica: String, seq: Int64, hash: String, signature: String) {
    self.replica = replica
    self.seq = seq
    self.hash = hash
    self.signature = signature
  }

  public var message: String { Signing.headMessage(replica: replica, seq: seq, hash: hash) }

  public func verify(publicKey: String) -> Bool { Signing.verify(message, signature: signature, publicKey: publicKey) }
}

/// Ids that bind an entity to the replica that founded it (a team, a class): nobody else can
/// make a create of that id pass as theirs.
public enum FoundedID {
  public static func make(_ kind: String, replica: String, nonce: String) -> String {
    StableID.make(kind, replica, nonce)
  }

  public static func verify(_ id: String, kind: String, replica: String, nonce: String) -> Bool {
    make(kind, replica: replica, nonce: nonce) == id
  }
}
