/// Why a sealed bundle (or a compressed payload inside one) was refused: said in the person's
/// language inside ``Message/sealedDamaged(_:)``.
public enum SealedDamage: Sendable, CaseIterable {
  case truncated
  case line
  case altered
  case format
  case version
  case header
  case recipient
  case mac
  case payload
  case signature
  case signingKey
  case gzip
  case grades

  /// The words for it in the catalogs.
  var key: L {
    switch self {
    case .truncated: return .sealedWhyTruncated
    case .line: return .sealedWhyLine
    case .altered: return .sealedWhyAltered
    case .format: return .sealedWhyFormat
    case .version: return .sealedWhyVersion
    case .header: return .sealedWhyHeader
    case .recipient: return .sealedWhyRecipient
    case .mac: return .sealedWhyMac
    case .payload: return .sealedWhyPayload
    case .signature: return .sealedWhySignature
    case .signingKey: return .sealedWhySigningKey
    case .gzip: return .sealedWhyGzip
    case .grades: return .sealedWhyGrades
    }
  }
}

extension Message {
  /// A sealed bundle refused, with why in the language it is shown in.
  public static func sealedDamaged(_ why: SealedDamage) -> Message {
    Message.sealedDamaged(reason: why.key)
  }
}
