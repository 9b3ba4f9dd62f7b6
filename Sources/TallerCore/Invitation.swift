import Foundation

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
