import Foundation
import GRDB
import TallerTestSupport
import Testing

@testable import TallerCore
@testable import TallerStore

/// Private keys live in key files beside the user's data, never in the database file that
/// students copy, hand in and may publish.
@Suite("Keys out of the database")
struct KeyTests {
  @Test("the data folder follows XDG_DATA_HOME, then HOME, then the account's home")
  func dataFolder() {
    #expect(KeyFolder.dataFolder(["XDG_DATA_HOME": "/x", "HOME": "/h"]) == "/x/taller")
    #expect(KeyFolder.dataFolder(["XDG_DATA_HOME": "", "HOME": "/h"]) == "/h/.local/share/taller")
    #expect(KeyFolder.dataFolder(["HOME": ""]) == NSHomeDirectory() + "/.local/share/taller")
  }

  /// Every file of a database (the file and its write-ahead log), as bytes.
  static func bytes(_ path: String) -> Data {
    ["", "-wal", "-shm"].compactMap { FileManager.default.contents(atPath: path + $0) }.reduce(Data(), +)
  }

  /// Whether a key shows in some bytes, as hex text or raw.
  static func holds(_ data: Data, key: String) -> Bool {
    data.range(of: Data(key.utf8)) != nil || data.range(of: Data(key.uppercased().utf8)) != nil
      || Signing.data(hex: key).map { data.range(of: $0) != nil } == true
  }

  @Test("a new database holds public keys only; the private ones are in a 0600 file in a 0700 folder")
  func newDatabase() throws {
    let dir = try TempDir()
    let keys = KeyFolder(path: dir.file("keys"))
    let path = dir.file("t.sqlite")
    let store = try TallerStore.open(path: path, keys: keys)
    _ = try store.createTeam(name: "Los Incas")
    try store.checkpoint()
    let file = try #require(keys.file(store.replica.id))
    #expect(KeyFolder.mode(dir.file("keys")) == 0o700 && KeyFolder.mode(file) == 0o600)
    #expect(try keys.read(store.replica.id)?.signing == store.replica.signingKey)
    let data = Self.bytes(path)
    #expect(!Self.holds(data, key: store.replica.signingKey) && !Self.holds(data, key: store.replica.encryptionKey))
    #expect(Self.holds(data, key: store.replica.publicKey), "the public key is there, for others")
    // Opened again: the same identity, from its key file.
    let again = try TallerStore.open(path: path, keys: keys)
    #expect(again.replica.id == store.replica.id && again.replica.signingKey == store.replica.signingKey)
  }

  @Test("a passphrase protects the key file: without it or with a wrong one taller does not open, with it the same laptop writes")
  func passphrase() throws {
    let dir = try TempDir()
    let env = ["XDG_DATA_HOME": dir.file("data")]
    func run(_ command: String, _ extra: [String: String] = [:]) throws -> RunResult {
      try runTaller(["--db", dir.file("d.sqlite"), "--lang", "en", "-c", command], env: env.merging(extra) { $1 })
    }
    #expect(try run("class create CEM 2026-2").status == 0)
    let short = try run("keys passphrase", ["TALLER_NEW_PASSPHRASE": "corto"])
    #expect(short.status == 1 && short.stderr.contains("at least 8 characters"), "\(short.stderr)")
    let noneGiven = try run("keys passphrase")
    #expect(noneGiven.status == 1 && noneGiven.stderr.contains("TALLER_NEW_PASSPHRASE"), "\(noneGiven.stderr)")
    let set = try run("keys passphrase", ["TALLER_NEW_PASSPHRASE": "cebiche de pescado"])
    #expect(set.status == 0 && set.stdout.contains("protected by the passphrase"), "\(set.stderr)")
    // The key file holds no private key in the clear.
    let folder = KeyFolder(path: dir.file("data/taller/keys"))
    let keyFile = try #require(try FileManager.default.contentsOfDirectory(atPath: dir.file("data/taller/keys")).first)
    let text = try String(contentsOfFile: dir.file("data/taller/keys/" + keyFile), encoding: .utf8)
    #expect(text.contains("\"kdf\":\"scrypt\"") && !text.contains("ed25519") && !text.contains("x25519"))
    let replica = String(keyFile.dropLast(4))
    #expect(folder.isProtected(replica))
    #expect(throws: TallerError.database(Message.keysLocked(file: dir.file("data/taller/keys/" + keyFile)))) { try folder.read(replica) }
    // A script without it, or with a wrong one, is refused and changes nothing.
    let locked = try run("class list")
    #expect(locked.status == 1 && locked.stderr.contains("protected by a passphrase") && locked.stderr.contains("TALLER_PASSPHRASE"))
    let wrong = try run("status", ["TALLER_PASSPHRASE": "ceviche de pescado"])
    #expect(wrong.status == 1 && wrong.stderr.contains("does not open the key file"), "\(wrong.stderr)")
    // With it: the same laptop (no new identity), able to write as the instructor.
    let right = try run("class invite \(dir.file("hand"))", ["TALLER_PASSPHRASE": "cebiche de pescado"])
    #expect(right.status == 0 && right.stdout.contains("CEM"), "\(right.stdout) \(right.stderr)")
    var opened = folder
    opened.passphrase = "cebiche de pescado"
    let store = try TallerStore.open(path: dir.file("d.sqlite"), keys: opened)
    #expect(store.replica.id == replica && store.replica.copiedFrom == nil)
    // Taken off again: opens without one.
    let off = try run("keys passphrase", ["TALLER_PASSPHRASE": "cebiche de pescado", "TALLER_NEW_PASSPHRASE": ""])
    #expect(off.status == 0 && !folder.isProtected(replica), "\(off.stderr)")
    #expect(try run("class status").status == 0)
  }

  @Test("a database of the last release moves its key out: no key byte left in any page, free ones included")
  func migration() throws {
    let dir = try TempDir()
    let path = dir.file("old.sqlite")
    try FileManager.default.copyItem(
      atPath: packageRoot.appendingPathComponent("Tests/TallerTests/Fixtures/local-state-2026-12-01.sqlite").path, toPath: path)
    let old = try DatabaseQueue(path: path).read { db in
      try String.fetchOne(db, sql: "SELECT value FROM replica_meta WHERE key = 'signing_key'")
    }
    let legacy = try #require(old)
    #expect(Self.holds(Self.bytes(path), key: legacy))
    let store = try TallerStore.open(path: path, keys: KeyFolder(path: dir.file("keys")))
    _ = try store.teams()
    try store.checkpoint()
    #expect(!Self.holds(Self.bytes(path), key: legacy), "the old key is gone from the file")
    #expect(!Self.holds(Self.bytes(path), key: store.replica.signingKey))
    let meta = try DatabaseQueue(path: path).read { db in try String.fetchAll(db, sql: "SELECT key FROM replica_meta") }
    #expect(!meta.contains("signing_key") && meta.contains("public_key") && meta.contains("encryption_key"))
  }

  @Test("a copy opened where its key file is not (another laptop) gets a new identity and cannot sign as the original")
  func copyWithoutKey() throws {
    let dir = try TempDir()
    let original = dir.file("a.sqlite")
    let store = try TallerStore.open(path: original, keys: KeyFolder(path: dir.file("laptop-a")))
    let team = try store.createTeam(name: "Los Incas")
    try store.checkpoint()
    try FileManager.default.copyItem(atPath: original, toPath: dir.file("b.sqlite"))
    let copy = try TallerStore.open(path: dir.file("b.sqlite"), keys: KeyFolder(path: dir.file("laptop-b")))
    #expect(copy.replica.id != store.replica.id && copy.replica.copiedFrom == store.replica.id)
    #expect(copy.replica.signingKey != store.replica.signingKey)
    // Without the original's key it inherits nothing: it is not a writer of the team.
    #expect(try !copy.isWriter(teamID: team.id))
    #expect(try copy.teams().map(\.name) == ["Los Incas"], "what was there is still readable")
    // The same copy on the original's laptop (its key folder): the rights pass on, as before.
    try FileManager.default.copyItem(atPath: original, toPath: dir.file("c.sqlite"))
    let local = try TallerStore.open(path: dir.file("c.sqlite"), keys: KeyFolder(path: dir.file("laptop-a")))
    #expect(try local.isWriter(teamID: team.id))
  }

  @Test("a key file or folder others can read is refused, naming it and the chmod that fixes it")
  func permissions() throws {
    let dir = try TempDir()
    let keys = KeyFolder(path: dir.file("keys"))
    let path = dir.file("t.sqlite")
    let store = try TallerStore.open(path: path, keys: keys)
    let file = try #require(keys.file(store.replica.id))
    chmod(file, 0o644)
    #expect(throws: TallerError.database(Message.keysTooOpen(file: file, mode: "644", wanted: "600"))) {
      _ = try TallerStore.open(path: path, keys: keys)
    }
    chmod(file, 0o600)
    chmod(dir.file("keys"), 0o755)
    #expect(throws: TallerError.database(Message.keysTooOpen(file: dir.file("keys"), mode: "755", wanted: "700"))) {
      _ = try TallerStore.open(path: path, keys: keys)
    }
    chmod(dir.file("keys"), 0o700)
    #expect(try TallerStore.open(path: path, keys: keys).replica.id == store.replica.id)
  }
}

@Suite("Sealing keys in the log")
struct SealingKeyTests {
  @Test("each laptop declares its X25519 key in its signed log; another laptop learns it from a bundle")
  func declared() throws {
    let a = try TallerStore.inMemory(label: "a")
    let b = try TallerStore.inMemory(label: "b")
    _ = try a.createTeam(name: "Los Incas")
    #expect(try a.sealingKey(of: a.replica.id) == a.replica.encryptionPublicKey)
    #expect(try b.sealingKey(of: a.replica.id) == nil)
    let bundle = try #require(try a.exportBundle(after: try b.versionVector()))
    _ = try b.importBundle(bundle)
    #expect(try b.sealingKey(of: a.replica.id) == a.replica.encryptionPublicKey)
    #expect(Sealed.publicKey(ofPrivate: a.replica.encryptionKey) == a.replica.encryptionPublicKey)
  }

  @Test("a team's readers are its laptops and its instructor's; its grades', the instructor's alone; never another team's")
  func recipients() throws {
    let clock = TestClock()
    let instructor = try TallerStore.inMemory(label: "docente", now: clock.now)
    _ = try ClassFixture.build(into: instructor, content: try BuiltinContent.content.get(), teams: 2, laptopsPerTeam: 2, clock: clock.now)
    let teams = try instructor.teams()
    let one = try #require(teams.first { $0.name == "Equipo 1" })
    let two = try #require(teams.first { $0.name == "Equipo 2" })
    let laptopsOne = try instructor.laptops(teamID: one.id)
    let laptopsTwo = try instructor.laptops(teamID: two.id)
    #expect(laptopsOne.count == 2 && laptopsTwo.count == 2 && Set(laptopsOne).isDisjoint(with: laptopsTwo))
    let readers = try instructor.sealingRecipients(teamID: one.id)
    #expect(readers.missing.isEmpty)
    #expect(Set(readers.recipients.map(\.id)) == Set(laptopsOne + [instructor.replica.id]))
    #expect(readers.recipients.first { $0.id == instructor.replica.id }?.publicKey == instructor.replica.encryptionPublicKey)
    let grades = try instructor.sealingRecipients(teamID: one.id, grades: true)
    #expect(grades.recipients.map(\.id) == [instructor.replica.id])
    // Sealed for Equipo 1: the instructor opens it; no laptop of Equipo 2 is a recipient.
    let sealed = try Sealed.seal(
      Data("respuestas".utf8), writer: instructor.replica.id, team: one.id, recipients: readers.recipients,
      signingKey: instructor.replica.signingKey)
    let header = try Sealed.verify(sealed, writerKey: { $0 == instructor.replica.id ? instructor.replica.publicKey : nil })
    #expect(Set(header.recipients).isDisjoint(with: laptopsTwo))
    let opened = try Sealed.open(
      sealed, me: instructor.replica.id, privateKey: instructor.replica.encryptionKey,
      writerKey: { $0 == instructor.replica.id ? instructor.replica.publicKey : nil })
    #expect(opened.payload == Data("respuestas".utf8))
  }
}
