import Crypto
import Foundation
import _CryptoExtras

/// An invitation file: a header naming what it invites to (a team, for a member's laptop; a
/// class, for a team), with the invitation's private key, followed by a bundle with everything
/// the newcomer needs (the team's or class's data and the invitation's grant). Whoever holds the
/// file can join: it travels like a password (a USB stick, a direct message), not through shared
/// folders.
public struct Invitation: Equatable, Sendable {
  public enum Kind: String, Sendable { case team, `class` }

  public static let suffix = ".taller-invite"

  public var kind: Kind
  /// The team's or class's id, and its name.
  public var target: String
  public var name: String
  /// The invitation entity and its private key.
  public var invite: String
  public var secret: String
  public var bundle: SyncBundle

  public init(kind: Kind, target: String, name: String, invite: String, secret: String, bundle: SyncBundle) {
    self.kind = kind
    self.target = target
    self.name = name
    self.invite = invite
    self.secret = secret
    self.bundle = bundle
  }

  public func encode() -> String {
    let header: JSONValue = .object([
      "format": "taller-invite", "v": 1, "kind": .string(kind.rawValue), "target": .string(target),
      "name": .string(name), "invite": .string(invite), "secret": .string(secret),
    ])
    return CanonicalJSON.encode(header) + "\n" + bundle.encode()
  }

  /// `invitacion-los-incas.taller-invite`: readable, and safe on every disk.
  public func fileName(prefix: String) -> String {
    "\(prefix)-\(SafeName.slug(name))-\(invite.prefix(6))\(Self.suffix)"
  }

  /// Until when the invitation is valid, as its bundle's change creating it says (`nil`: no
  /// expiry). What the file claims is only a courtesy: the join counts only if made in time by
  /// the log's own record (sync/PROTOCOL.md §2).
  public var expires: Int64? {
    for body in bundle.bodies {
      guard body.contains(invite), let c = try? Change(body: body) else { continue }
      for op in c.ops {
        if case .set(let e, let f, let v, _, _) = op, e == invite, f == "expires" { return v.intValue }
      }
    }
    return nil
  }

  /// Reads an invitation; the embedded bundle is checked like any bundle.
  public static func decode(_ data: Data) throws(SyncBundle.Refusal) -> Invitation {
    guard let text = String(data: data, encoding: .utf8) else { throw .notUTF8 }
    guard let nl = text.firstIndex(of: "\n"),
      let header = try? StrictJSONParser.parse(String(text[..<nl]).replacingOccurrences(of: "\r", with: "")),
      header["format"]?.stringValue == "taller-invite", let kind = header["kind"]?.stringValue.flatMap(Kind.init),
      let target = header["target"]?.stringValue, let invite = header["invite"]?.stringValue,
      let secret = header["secret"]?.stringValue
    else { throw .notABundle }
    if let v = header["v"]?.intValue, v > 1 { throw .newerFormat(v) }
    let bundle = try SyncBundle.decode(Data(text[text.index(after: nl)...].utf8))
    return Invitation(
      kind: kind, target: target, name: header["name"]?.stringValue ?? target, invite: invite, secret: secret, bundle: bundle)
  }
}

/// File names people can read and every disk accepts.
public enum SafeName {
  /// `Los Ñandúes` → `los-nandues`.
  public static func slug(_ s: String, limit: Int = 40) -> String {
    let folded = Text.fold(s)
    var out = ""
    for ch in folded {
      if ch.isASCII && (ch.isLetter || ch.isNumber) {
        out.append(ch)
      } else if !out.hasSuffix("-") && !out.isEmpty {
        out.append("-")
      }
    }
    while out.hasSuffix("-") { out.removeLast() }
    return out.isEmpty ? "x" : String(out.prefix(limit))
  }
}

/// A short code read aloud or projected instead of handing over an invitation file: the file,
/// sealed with a key that only the code gives, waits in a shared folder under a name that only
/// the code gives (sync/PROTOCOL.md §7.5). Twelve symbols of Crockford's base32 (60 bits), and
/// scrypt before use, so the file in the folder cannot be opened by guessing before it expires.
public struct InvitationCode: Equatable, Sendable {
  public static let suffix = ".taller-code"
  /// Crockford's base32: no I, L, O, U (read as 1, 1, 0, V when typed).
  static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
  static let length = 12

  /// The code's symbols, upper case, without dashes.
  public let symbols: String

  /// A code as typed: case, spaces and dashes do not matter; O is 0, I and L are 1, U is V.
  public init?(_ typed: String) {
    var out = ""
    for ch in typed.uppercased() where ch != "-" && ch != " " {
      let c: Character =
        switch ch {
        case "O": "0"
        case "I", "L": "1"
        case "U": "V"
        default: ch
        }
      guard Self.alphabet.contains(c) else { return nil }
      out.append(c)
    }
    guard out.count == Self.length else { return nil }
    symbols = out
  }

  /// A fresh random code.
  public static func fresh() -> InvitationCode {
    var g = SystemRandomNumberGenerator()
    let s = String((0..<length).map { _ in alphabet[Int(g.next(upperBound: UInt32(alphabet.count)))] })
    return InvitationCode(s)!
  }

  /// `K7QM-2XWD-9FJA`: in groups of four, easy to read aloud.
  public var display: String {
    stride(from: 0, to: symbols.count, by: 4).map { i in
      String(symbols.dropFirst(i).prefix(4))
    }.joined(separator: "-")
  }

  /// scrypt of the code (N = 2^15, r = 8, p = 1; salt `taller-invite-code`), then HKDF-SHA256
  /// into the file's name (`info` "name", 8 bytes, hex) and its ChaCha20-Poly1305 key (`info`
  /// "key", 32 bytes).
  func derived() throws -> (name: String, key: SymmetricKey) {
    let root = try KDF.Scrypt.deriveKey(
      from: Data(symbols.utf8), salt: Data("taller-invite-code".utf8), outputByteCount: 32, rounds: 1 << 15, blockSize: 8,
      parallelism: 1)
    let name = HKDF<SHA256>.deriveKey(inputKeyMaterial: root, info: Data("name".utf8), outputByteCount: 8)
    let key = HKDF<SHA256>.deriveKey(inputKeyMaterial: root, info: Data("key".utf8), outputByteCount: 32)
    return (name.withUnsafeBytes { Hex.encode($0) }, key)
  }

  /// The file's name in the shared folder: `invitation-<16 hex>.taller-code` (the same in
  /// every language, so both laptops find it).
  public func fileName() throws -> String { "invitation-" + (try derived().name) + Self.suffix }

  /// The invitation, sealed for whoever has the code: base64 of ChaCha20-Poly1305's nonce,
  /// ciphertext and tag, the file's name as associated data.
  public func seal(_ invitation: Invitation) throws -> String {
    let (name, key) = try derived()
    return try ChaChaPoly.seal(Data(invitation.encode().utf8), using: key, authenticating: Data(name.utf8)).combined
      .base64EncodedString() + "\n"
  }

  /// The invitation a file sealed with this code holds; `nil` if the code does not open it.
  public func open(_ data: Data) throws -> Invitation? {
    let (name, key) = try derived()
    let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    guard let raw = Data(base64Encoded: text), let box = try? ChaChaPoly.SealedBox(combined: raw),
      let plain = try? ChaChaPoly.open(box, using: key, authenticating: Data(name.utf8))
    else { return nil }
    return try? Invitation.decode(plain)
  }
}

extension Invitation {
  /// Two words both screens show with a code, so the people at them can check they speak of
  /// the same invitation.
  public var words: String {
    let d = Array(SHA256.hash(data: Data(("taller-invite\n" + target + "\n" + invite).utf8)))
    let list = JoinRequest.wordList
    let first = Int(d[0]) % list.count
    var second = Int(d[1]) % (list.count - 1)
    if second >= first { second += 1 }
    return list[first] + " " + list[second]
  }
}
