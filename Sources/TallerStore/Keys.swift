import Crypto
import Foundation
import TallerCore
import _CryptoExtras

#if canImport(Glibc)
  import Glibc
#endif

/// A laptop's private keys: Ed25519 to sign its changes, X25519 to open bundles sealed for it.
public struct LaptopKeys: Equatable, Sendable {
  public var signing: String
  public var encryption: String

  public static func fresh() -> LaptopKeys { LaptopKeys(signing: Signing.newPrivateKey(), encryption: Sealed.newPrivateKey()) }
}

/// Where a laptop's private keys live: one file per identity in a folder of the user's data
/// (`$XDG_DATA_HOME/taller/keys/`), never in the database that students copy, hand in and may
/// publish. As ssh does, a folder or file that others can read is refused, not used.
public struct KeyFolder: Equatable, Sendable {
  /// The folder; `nil` keeps keys in memory only (databases in memory, for tests).
  public var path: String?
  /// The passphrase that opens (and protects, when written) a key file that has one.
  public var passphrase: String?

  public init(path: String?, passphrase: String? = nil) {
    self.path = path
    self.passphrase = passphrase
  }

  /// The shortest passphrase taken.
  public static let minimumPassphrase = 8

  /// scrypt's cost for a passphrase: N = 2^15, r = 8, p = 1 (32 MiB, a tenth of a second), as
  /// age's scrypt recipient does by default.
  static let scryptRounds = 1 << 15

  /// The key that a passphrase and a salt give (scrypt, 32 bytes).
  static func passphraseKey(_ passphrase: String, salt: Data, rounds: Int) throws -> SymmetricKey {
    try KDF.Scrypt.deriveKey(
      from: Data(passphrase.utf8), salt: salt, outputByteCount: 32, rounds: rounds, blockSize: 8, parallelism: 1)
  }

  /// Whether an identity's key file is protected by a passphrase.
  public func isProtected(_ replica: String) -> Bool {
    guard let file = file(replica), let text = try? String(contentsOfFile: file, encoding: .utf8),
      case .object(let o)? = try? StrictJSONParser.parse(text)
    else { return false }
    return o["sealed"] != nil
  }

  /// `$XDG_DATA_HOME/taller/keys`, or `~/.local/share/taller/keys` (`main` passes the environment
  /// it has read: Foundation's copy of it costs about 0.1 ms).
  public static func standard(in environment: [String: String] = ProcessInfo.processInfo.environment) -> KeyFolder {
    KeyFolder(path: dataFolder(environment) + "/keys")
  }

  /// taller's folder of the user's data: `$XDG_DATA_HOME/taller`, or `~/.local/share/taller`
  /// (the default database and the key files live there).
  public static func dataFolder(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
    (environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (home(environment) + "/.local/share")) + "/taller"
  }

  /// The user's home folder: `$HOME` when it is set (Foundation's `NSHomeDirectory()` reads the
  /// account database for it, a tenth of a millisecond at every start), the account's otherwise.
  public static func home(_ environment: [String: String]) -> String {
    environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
  }

  public static let memory = KeyFolder(path: nil)

  /// The key file of an identity.
  public func file(_ replica: String) -> String? { path.map { $0 + "/" + replica + ".key" } }

  /// Permission bits of a path, if it exists.
  static func mode(_ path: String) -> mode_t? {
    var st = stat()
    return stat(path, &st) == 0 ? st.st_mode & 0o777 : nil
  }

  /// The keys of an identity, or `nil` when this folder has none for it.
  public func read(_ replica: String) throws(TallerError) -> LaptopKeys? {
    guard let dir = path, let file = file(replica), let fileMode = Self.mode(file) else { return nil }
    if let m = Self.mode(dir), m & 0o077 != 0 { throw .database(Message.keysTooOpen(file: dir, mode: String(m, radix: 8), wanted: "700")) }
    if fileMode & 0o077 != 0 { throw .database(Message.keysTooOpen(file: file, mode: String(fileMode, radix: 8), wanted: "600")) }
    guard let text = try? String(contentsOfFile: file, encoding: .utf8), case .object(var o)? = try? StrictJSONParser.parse(text)
    else { throw .database(Message.keysUnreadable(file: file)) }
    // Protected: `sealed` is the keys' JSON in ChaCha20-Poly1305 (nonce, ciphertext, tag), under
    // scrypt of the passphrase with `salt`; the replica id is bound as associated data.
    if let sealed = o["sealed"]?.stringValue {
      guard let passphrase else { throw .database(Message.keysLocked(file: file)) }
      guard let salt = o["salt"]?.stringValue.flatMap(Hex.decode), let box = Hex.decode(sealed),
        let rounds = o["rounds"]?.intValue, rounds >= 2, rounds <= 1 << 20, rounds & (rounds - 1) == 0
      else { throw .database(Message.keysUnreadable(file: file)) }
      guard let key = try? Self.passphraseKey(passphrase, salt: salt, rounds: Int(rounds)),
        let opened = try? ChaChaPoly.open(ChaChaPoly.SealedBox(combined: box), using: key, authenticating: Data(replica.utf8)),
        case .object(let inner)? = try? StrictJSONParser.parse(String(decoding: opened, as: UTF8.self))
      else { throw .database(Message.keysWrongPassphrase(file: file)) }
      o = inner
    }
    guard let signing = o["ed25519"]?.stringValue, Signing.publicKey(ofPrivate: signing) != nil,
      let encryption = o["x25519"]?.stringValue, Sealed.publicKey(ofPrivate: encryption) != nil
    else { throw .database(Message.keysUnreadable(file: file)) }
    return LaptopKeys(signing: signing, encryption: encryption)
  }

  /// Writes an identity's keys: the folder made 0700, the file 0600, written whole (a temporary
  /// file, flushed, then renamed).
  public func write(_ replica: String, _ keys: LaptopKeys) throws(TallerError) {
    guard let dir = path, let file = file(replica) else { return }
    if Self.mode(dir) == nil {
      do {
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
      } catch {
        throw .database(Message.keysCannotWrite(folder: dir, reason: TallerStore.describe(error)))
      }
    }
    if let m = Self.mode(dir), m & 0o077 != 0 { throw .database(Message.keysTooOpen(file: dir, mode: String(m, radix: 8), wanted: "700")) }
    var object: [String: JSONValue] = ["ed25519": .string(keys.signing), "replica": .string(replica), "x25519": .string(keys.encryption)]
    if let passphrase {
      var salt = Data(count: 16)
      salt.withUnsafeMutableBytes { for i in 0..<$0.count { $0[i] = UInt8.random(in: 0...255) } }
      let inner = Data(CanonicalJSON.encode(.object(["ed25519": .string(keys.signing), "x25519": .string(keys.encryption)])).utf8)
      guard let key = try? Self.passphraseKey(passphrase, salt: salt, rounds: Self.scryptRounds),
        let box = try? ChaChaPoly.seal(inner, using: key, authenticating: Data(replica.utf8))
      else { throw .database(Message.keysCannotWrite(folder: dir, reason: .reasonPassphrase)) }
      object = [
        "kdf": .string("scrypt"), "replica": .string(replica), "rounds": .int(Int64(Self.scryptRounds)),
        "salt": .string(Hex.encode(salt)), "sealed": .string(Hex.encode(box.combined)),
      ]
    }
    let text = CanonicalJSON.encode(.object(object)) + "\n"
    let temp = file + ".tmp-\(getpid())"
    let fd = Glibc.open(temp, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    guard fd >= 0 else { throw .database(Message.keysCannotWrite(folder: dir, reason: String(cString: strerror(errno)))) }
    let bytes = Array(text.utf8)
    let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
    let synced = fsync(fd) == 0
    close(fd)
    guard written == bytes.count, synced, rename(temp, file) == 0 else {
      unlink(temp)
      throw .database(Message.keysCannotWrite(folder: dir, reason: String(cString: strerror(errno))))
    }
  }
}
