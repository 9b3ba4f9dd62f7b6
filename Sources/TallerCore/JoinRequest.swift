import Crypto
import Foundation

/// A laptop's request to join a team (`team request-join`): its id and public keys, signed with
/// its own key. It holds nothing secret, so it may travel through the shared folder; the team
/// admits exactly that laptop (`team admit`), and the admission can be used by no other
/// (sync/PROTOCOL.md §7.3).
public struct JoinRequest: Equatable, Sendable {
  public static let format = "taller-request"
  public static let suffix = ".taller-request"

  public var replica: String
  /// Ed25519 and X25519 public keys (64 hex each).
  public var key: String
  public var sealingKey: String
  /// The name the laptop gives itself.
  public var label: String
  public var at: Int64

  public init(replica: String, key: String, sealingKey: String, label: String, at: Int64) {
    self.replica = replica
    self.key = key
    self.sealingKey = sealingKey
    self.label = label
    self.at = at
  }

  var unsigned: JSONValue {
    .object([
      "format": .string(Self.format), "v": 1, "replica": .string(replica), "key": .string(key), "sealing_key": .string(sealingKey),
      "label": .string(label), "at": .int(at),
    ])
  }

  /// The request's line, signed with the laptop's Ed25519 private key.
  public func encode(signingKey: String) -> String? {
    guard let sig = Signing.sign(CanonicalJSON.encode(unsigned), privateKey: signingKey), case .object(var o) = unsigned else {
      return nil
    }
    o["sig"] = .string(sig)
    return CanonicalJSON.encode(.object(o)) + "\n"
  }

  /// Reads a request, checking that its id is bound to its key and that the key signed it.
  public static func decode(_ data: Data) -> JoinRequest? {
    guard let text = String(data: data.prefix(4096), encoding: .utf8),
      case .object(var o)? = try? StrictJSONParser.parse(text.trimmingCharacters(in: .whitespacesAndNewlines)),
      o["format"]?.stringValue == format, o["v"]?.intValue == 1, let sig = o["sig"]?.stringValue, let replica = o["replica"]?.stringValue,
      let key = o["key"]?.stringValue, let sealing = o["sealing_key"]?.stringValue, sealing.count == 64,
      Signing.data(hex: sealing) != nil, let at = o["at"]?.intValue
    else { return nil }
    o["sig"] = nil
    let r = JoinRequest(replica: replica, key: key, sealingKey: sealing, label: o["label"]?.stringValue ?? "", at: at)
    guard ReplicaID.certifies(replica, publicKey: key), Signing.verify(CanonicalJSON.encode(.object(o)), signature: sig, publicKey: key)
    else { return nil }
    return r
  }

  /// Three words both screens show, so the people at them can check they speak of the same
  /// laptop (a request swapped on the way shows other words).
  public var words: String { Self.words(of: replica + "\n" + key + "\n" + sealingKey) }

  static func words(of text: String, count: Int = 3) -> String {
    let digest = Array(SHA256.hash(data: Data(text.utf8)))
    return (0..<count).map { wordList[Int(digest[$0]) % wordList.count] }.joined(separator: " ")
  }

  /// Short words, the same in every language, easy to read aloud in Spanish and English.
  static let wordList = [
    "alpaca", "ancla", "arco", "arena", "barco", "bosque", "cacao", "cafe", "calle", "campo", "canoa", "casa", "cielo", "coco",
    "cometa", "condor", "cuerda", "delfin", "duna", "faro", "flor", "foca", "fresa", "fruta", "gato", "globo", "hielo", "hoja",
    "huerta", "isla", "jaguar", "kiwi", "lago", "lana", "lima", "llama", "loro", "luna", "maiz", "mango", "mapa", "mar",
    "mesa", "mono", "monte", "nido", "nube", "ola", "oso", "palma", "pan", "papa", "pato", "perla", "pez", "pino", "perro",
    "playa", "pluma", "puente", "puma", "queso", "quinua", "radio", "rana", "red", "rio", "roca", "rosa", "sal", "selva",
    "sol", "taza", "tigre", "toro", "tren", "trigo", "tuna", "uva", "vaca", "valle", "vela", "viento", "yuca", "zorro",
  ]
}
