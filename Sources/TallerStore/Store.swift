import Foundation
import GRDB
import Synchronization
import TallerCore

#if canImport(Glibc)
  import Glibc
#endif

/// This database's identity as a replica.
public struct ReplicaInfo: Equatable, Sendable {
  /// Stable id, minted on first open and again when the file is found copied: bound to the
  /// replica's key (``ReplicaID``); random (version 4) for databases of earlier releases.
  public var id: String
  /// A human label: `user@host`.
  public var label: String
  /// When this open found the file copied from elsewhere: the id it had before.
  public var copiedFrom: String?
  /// And that identity's private key, to hand its rights on to this one (see `inherit`): only
  /// where that key is (this laptop's key folder, or a file of an older release).
  var copiedFromKey: String?
  /// Whether this copy carries its origin's rights on.
  public var inherits: Bool { copiedFromKey != nil }
  /// The Ed25519 private key this replica signs with (kept in its key file, never in the
  /// database: ``KeyFolder``).
  var signingKey: String {
    didSet { publicKey = Signing.publicKey(ofPrivate: signingKey) ?? "" }
  }
  /// The X25519 private key that opens bundles sealed for this replica.
  var encryptionKey: String {
    didSet { encryptionPublicKey = Sealed.publicKey(ofPrivate: encryptionKey) ?? "" }
  }
  /// Its public half (64 hex digits), worked out once (every local write compares it with the
  /// one declared in the log).
  public private(set) var encryptionPublicKey: String = ""

  /// The public half of the signing key (64 hex digits).
  public private(set) var publicKey: String

  init(id: String, label: String, copiedFrom: String?, signingKey: String, encryptionKey: String) {
    self.id = id
    self.label = label
    self.copiedFrom = copiedFrom
    self.signingKey = signingKey
    self.encryptionKey = encryptionKey
    publicKey = Signing.publicKey(ofPrivate: signingKey) ?? ""
    encryptionPublicKey = Sealed.publicKey(ofPrivate: encryptionKey) ?? ""
  }
}

/// The taller database: the change log and the state derived from it.
///
/// Every write is one user action: one immediate transaction that appends a change to the log and
/// updates the state, committed before the call returns. Nothing outside this type sees SQL.
public final class TallerStore: Sendable {
  let writer: any DatabaseWriter
  /// The database file (or `:memory:`).
  public let path: String
  /// This replica's identity.
  public let replica: ReplicaInfo
  let now: @Sendable () -> Int64
  /// Mints entity ids: random UUIDs, or a counter in tests.
  let newID: @Sendable () -> String
  /// Who may write which team, as learned by this process (rights only grow): most commands
  /// then skip the trust queries.
  let writers = Trust.Writers(remembersEntities: false)
  let batch = Batch()
  /// A sitting armed to begin with the next change (``armSitting(_:)``).
  let sittingSlot = SittingSlot()
  /// Whether this laptop's log is known to declare its current keys (``declareKey``): once it
  /// does, it always will (only this laptop writes its keys), and the act need not read them.
  let keysDeclared = Atomic<Bool>(false)
  /// The current team, kept between commands that do not change it.
  let teamCache = TeamCache()
  /// Where this laptop's private keys are.
  let keyFolder: KeyFolder

  init(
    writer: any DatabaseWriter, path: String, replica: ReplicaInfo, now: @escaping @Sendable () -> Int64,
    newID: @escaping @Sendable () -> String = { UUID().uuidString.lowercased() }, keyFolder: KeyFolder = .memory
  ) {
    self.writer = writer
    self.path = path
    self.replica = replica
    self.now = now
    self.newID = newID
    self.keyFolder = keyFolder
  }

  /// Whether this laptop's key file is protected by a passphrase.
  public var keysProtected: Bool { keyFolder.isProtected(replica.id) }

  /// Protects this laptop's key file with a passphrase (or, with `nil`, removes it): the file is
  /// written again, whole. The passphrase is needed each time taller opens this database.
  public func protectKeys(passphrase: String?) throws(TallerError) {
    guard keyFolder.path != nil else { throw .refused(Message.keysInMemory) }
    if let passphrase, passphrase.count < KeyFolder.minimumPassphrase {
      throw .refused(Message.passphraseTooShort(count: String(KeyFolder.minimumPassphrase)))
    }
    var folder = keyFolder
    folder.passphrase = passphrase
    try folder.write(replica.id, LaptopKeys(signing: replica.signingKey, encryption: replica.encryptionKey))
  }

  /// Ids `00000000-0000-4000-8000-000000000001`, `…002`, …: deterministic, for tests and fixtures.
  public static func sequentialIDs() -> @Sendable () -> String {
    let counter = Counter()
    return { String(format: "00000000-0000-4000-8000-%012d", counter.next()) }
  }

  /// Wall-clock milliseconds.
  public static let systemClock: @Sendable () -> Int64 = {
    Int64((Date().timeIntervalSince1970 * 1000).rounded())
  }

  // MARK: Opening

  /// Opens (or creates) the database at `path`, after checking that it is a taller database this
  /// version can read. A file that is refused is left exactly as it was.
  /// `createFolder`: make the file's folder when it is missing (the default place); a path the
  /// person typed must name an existing folder (a typo should not leave stray folders behind).
  /// `keys`: where this laptop's private keys are (``KeyFolder``); a database whose identity has
  /// no key there (copied, handed in, restored elsewhere) gets a new identity to write with.
  public static func open(
    path: String, label: String? = nil, createFolder: Bool = true, now: @escaping @Sendable () -> Int64 = systemClock,
    keys: KeyFolder = .standard()
  ) throws(TallerError) -> TallerStore {
    let url = URL(fileURLWithPath: path)
    let fm = FileManager.default
    var isDir: ObjCBool = false
    let exists = fm.fileExists(atPath: path, isDirectory: &isDir)
    if exists && isDir.boolValue { throw .database(Message.dbIsDirectory(file: path)) }
    if !exists {
      let folder = url.deletingLastPathComponent().path
      if !createFolder && !fm.fileExists(atPath: folder) { throw .database(Message.dbNoFolder(folder: folder)) }
      do {
        try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
      } catch {
        throw .database(Message.dbFolder(folder: folder, reason: Self.describe(error)))
      }
    } else {
      try inspect(path: path)
    }
    var config = Configuration()
    config.busyMode = .timeout(15)
    config.label = "taller"
    config.prepareDatabase { db in
      StoredChanges.prepare(db)
      try db.execute(sql: "PRAGMA synchronous = FULL")
      // When SQLite starts the write-ahead log over, it cuts the file back to 4 MiB: a long
      // shell session after a large import does not keep a large `-wal` beside the database.
      try db.execute(sql: "PRAGMA journal_size_limit = \(walLimit)")
    }
    let pool: DatabasePool
    do {
      pool = try DatabasePool(path: path, configuration: config)
      // GRDB sets `synchronous = NORMAL` on the writer when it turns WAL on; an acknowledged
      // answer must survive a power cut, so the writer goes back to FULL.
      try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
    } catch {
      throw map(error, file: path)
    }
    return try finishOpening(writer: pool, path: path, label: label, fingerprint: fingerprint(path: path), now: now, keys: keys)
  }

  /// An empty database in memory, for tests.
  public static func inMemory(
    replicaID: String? = nil, label: String = "test", now: @escaping @Sendable () -> Int64 = systemClock,
    newID: (@Sendable () -> String)? = nil, signingKey: String? = nil, encryptionKey: String? = nil
  ) throws(TallerError) -> TallerStore {
    let queue: DatabaseQueue
    var config = Configuration()
    config.prepareDatabase { StoredChanges.prepare($0) }
    do { queue = try DatabaseQueue(configuration: config) } catch { throw map(error, file: ":memory:") }
    // A given key without a given id: the id bound to that key.
    let forced = replicaID ?? signingKey.flatMap(Signing.publicKey(ofPrivate:)).map { ReplicaID.make(publicKey: $0) }
    let store = try finishOpening(
      writer: queue, path: ":memory:", label: label, fingerprint: "memory", now: now, keys: .memory, forcedID: forced)
    var info = store.replica
    if let signingKey { info.signingKey = signingKey }
    if let encryptionKey { info.encryptionKey = encryptionKey }
    guard newID != nil || signingKey != nil || encryptionKey != nil else { return store }
    return TallerStore(writer: queue, path: store.path, replica: info, now: now, newID: newID ?? store.newID)
  }

  private static func finishOpening(
    writer: any DatabaseWriter, path: String, label: String?, fingerprint: String,
    now: @escaping @Sendable () -> Int64, keys folder: KeyFolder, forcedID: String? = nil
  ) throws(TallerError) -> TallerStore {
    do {
      // On the writer: a command that only writes never opens a reader.
      let applied = try writer.writeWithoutTransaction { try Schema.migrator.appliedIdentifiers($0) }
      try refuseNewer(applied, path: path)
      if writer is DatabasePool {
        // One migration at a time, the write-ahead log folded into the file after each: a new
        // or upgraded database never needs room for every migration's pages at once (a small
        // disk, a USB stick).
        for id in Schema.migrator.migrations where !applied.contains(id) {
          try Schema.migrator.migrate(writer, upTo: id)
          try writer.writeWithoutTransaction { _ = try $0.checkpoint(.truncate) }
        }
      } else {
        try Schema.migrator.migrate(writer)
      }
      var vacuum = false
      let info = try writer.write { db -> ReplicaInfo in
        var meta: [String: String] = [:]
        for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT key, value FROM replica_meta")) {
          meta[row["key"]] = row["value"]
        }
        let label = label ?? meta["label"] ?? defaultLabel()
        func put(_ k: String, _ v: String) throws {
          try db.execute(
            sql: "INSERT INTO replica_meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            arguments: [k, v])
        }
        // Releases before key files kept the private key in the database: it moves out (to the
        // key folder, if this is still its laptop) and the file is vacuumed after.
        let legacy = meta["signing_key"].flatMap { Signing.publicKey(ofPrivate: $0) != nil ? $0 : nil }
        if meta["signing_key"] != nil {
          try db.execute(sql: "DELETE FROM replica_meta WHERE key = 'signing_key'")
          vacuum = true
        }
        func publish(_ info: ReplicaInfo) throws {
          if meta["public_key"] != info.publicKey { try put("public_key", info.publicKey) }
          if meta["encryption_key"] != info.encryptionPublicKey { try put("encryption_key", info.encryptionPublicKey) }
        }
        if let id = meta["replica_id"], meta["fingerprint"] == fingerprint {
          // This laptop's own file: its keys are in the key folder (or, from an older release,
          // still in the file; databases from before signatures get keys now).
          var keys = try folder.read(id)
          if keys == nil, meta["public_key"] == nil {
            keys = LaptopKeys(signing: legacy ?? Signing.newPrivateKey(), encryption: Sealed.newPrivateKey())
            try folder.write(id, keys!)
          }
          if let keys {
            if meta["label"] != label { try put("label", label) }
            let info = ReplicaInfo(id: id, label: label, copiedFrom: nil, signingKey: keys.signing, encryptionKey: keys.encryption)
            try publish(info)
            return info
          }
          // Its keys are not here (the key folder was lost, or the file restored from a copy):
          // that identity is read-only; a new one writes.
        }
        // First open, or the file now lives somewhere else (copied to another laptop or folder):
        // a new identity, so two copies never write changes under one id. A new identity signs
        // with a new key (a copy can never sign as the original), and its id is bound to that
        // key (``ReplicaID``): nobody can claim it with another.
        let fresh = LaptopKeys.fresh()
        let key = fresh.signing
        let newID = forcedID ?? ReplicaID.make(publicKey: Signing.publicKey(ofPrivate: key) ?? key)
        try folder.write(newID, fresh)
        let previous = meta["replica_id"]
        if let previous {
          var history = meta["previous_ids"].map { $0.split(separator: ",").map(String.init) } ?? []
          history.append(previous)
          try put("previous_ids", history.joined(separator: ","))
        } else {
          try put("created_ms", String(now()))
        }
        try put("replica_id", newID)
        try put("fingerprint", fingerprint)
        try put("label", label)
        var info = ReplicaInfo(id: newID, label: label, copiedFrom: previous, signingKey: key, encryptionKey: fresh.encryption)
        try publish(info)
        // The origin's rights pass to this copy only where its key is: in this laptop's key
        // folder (a file moved or copied on the same laptop), or in a file of an older release.
        if let previous { info.copiedFromKey = try folder.read(previous)?.signing ?? legacy }
        return info
      }
      if vacuum, writer is DatabasePool {
        // No page of the file, free ones included, keeps the old key; nor does the WAL.
        try writer.writeWithoutTransaction { db in
          try db.execute(sql: "VACUUM")
          _ = try db.checkpoint(.truncate)
        }
      }
      let store = TallerStore(writer: writer, path: path, replica: info, now: now, keyFolder: folder)
      if let previous = info.copiedFrom, let key = info.copiedFromKey { try store.inherit(from: previous, key: key) }
      return store
    } catch let e as TallerError {
      throw e
    } catch {
      throw map(error, file: path)
    }
  }

  /// Reads an existing file's header, then opens it read-only to check that it is a taller
  /// database this version knows. Never writes.
  static func inspect(path: String) throws(TallerError) {
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw .database(Message.dbCannotOpen(file: path, reason: .reasonNoPermission))
    }
    let header = (try? handle.read(upToCount: 100)) ?? Data()
    try? handle.close()
    if header.isEmpty { return }  // An empty file is an empty database: it becomes a new one.
    let magic = Array("SQLite format 3\0".utf8)
    guard header.count >= 100, Array(header.prefix(16)) == magic else {
      throw .database(Message.dbNotSQLite(file: path))
    }
    // Already a taller database in WAL mode (header bytes 18 and 19 are 2; the application id
    // is at 68, big-endian) with its write-ahead log beside it, not empty: opening it to write
    // changes nothing on disk, so it is not opened read-only first (a third of opening a
    // database). Whether a newer release wrote it is checked on the writer before anything is
    // written (``finishOpening``). Without its log (a file copied alone), GRDB would write to it
    // on opening (it makes the log non-empty): then it is looked at read-only first.
    let bytes = [UInt8](header)
    let appID = bytes[68..<72].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
    if bytes[18] == 2 && bytes[19] == 2 && Int32(bitPattern: appID) == Schema.applicationID && fileSize(path + "-wal") > 0 {
      return
    }
    var config = Configuration()
    config.readonly = true
    config.busyMode = .timeout(15)
    do {
      let queue = try DatabaseQueue(path: path, configuration: config)
      try queue.read { db in
        // Read through SQLite, not from the header: in WAL mode the header on disk may be stale.
        let appID = try Int32.fetchOne(db.cachedStatement(sql: "PRAGMA application_id")) ?? 0
        let tables = try String.fetchAll(db.cachedStatement(sql: "SELECT name FROM sqlite_master WHERE type = 'table'"))
        if appID != Schema.applicationID {
          if tables.isEmpty { return }  // A blank SQLite file: fine to initialize.
          throw TallerError.database(Message.dbForeign(file: path))
        }
        try refuseNewer(try Schema.migrator.appliedIdentifiers(db), path: path)
        _ = try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM replica_meta"))
      }
      try queue.close()
    } catch let e as TallerError {
      throw e
    } catch {
      throw map(error, file: path)
    }
  }

  /// Refuses a database a newer release has migrated (it applied migrations this one does not
  /// know).
  static func refuseNewer(_ applied: Set<String>, path: String) throws(TallerError) {
    let unknown = applied.subtracting(Schema.migrator.migrations).sorted()
    if let last = unknown.last { throw .database(Message.dbNewer(file: path, found: last)) }
  }

  /// A fingerprint of where this file lives: the machine and the file's identity on disk.
  /// A copy (to another laptop, or next to the original) has a different one.
  static func fingerprint(path: String) -> String {
    var machine = ""
    for candidate in ["/etc/machine-id", "/var/lib/dbus/machine-id"] {
      if let s = try? String(contentsOfFile: candidate, encoding: .utf8) {
        machine = s.trimmingCharacters(in: .whitespacesAndNewlines)
        if !machine.isEmpty { break }
      }
    }
    if machine.isEmpty { machine = ProcessInfo.processInfo.hostName }
    var st = stat()
    let fileID = stat(path, &st) == 0 ? "\(st.st_dev):\(st.st_ino)" : path
    return "\(machine)|\(fileID)"
  }

  static func defaultLabel() -> String {
    let env = ProcessInfo.processInfo.environment
    let user = env["USER"] ?? env["LOGNAME"] ?? "user"
    var host = ProcessInfo.processInfo.hostName
    if let dot = host.firstIndex(of: ".") { host = String(host[..<dot]) }
    return "\(user)@\(host)"
  }

  static func describe(_ error: any Error) -> String {
    if let e = error as? CocoaError, let underlying = e.userInfo[NSUnderlyingErrorKey] as? NSError {
      return underlying.localizedDescription
    }
    return (error as NSError).localizedDescription
  }

  /// Turns an SQLite failure into a message that names the file and what to do.
  static func map(_ error: any Error, file: String) -> TallerError {
    if let e = error as? TallerError { return e }
    guard let dbError = error as? DatabaseError else {
      return .database(Message.dbCannotOpen(file: file, reason: describe(error)))
    }
    let reason = dbError.message ?? "\(dbError.resultCode)"
    switch dbError.resultCode.primaryResultCode {
    case .SQLITE_CORRUPT, .SQLITE_NOTADB:
      return .database(Message.dbCorrupt(file: file, reason: reason))
    case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_AUTH:
      return .database(Message.dbReadOnly(file: file))
    case .SQLITE_FULL:
      return .database(Message.dbDiskFull(file: file))
    case .SQLITE_BUSY, .SQLITE_LOCKED:
      return .database(Message.dbBusy(file: file))
    case .SQLITE_IOERR:
      if dbError.extendedResultCode == .SQLITE_IOERR_READ || dbError.extendedResultCode == .SQLITE_IOERR_SHORT_READ {
        return .database(Message.dbCannotOpen(file: file, reason: reason))
      }
      return .database(Message.dbWriteFailed(file: file, reason: reason))
    case .SQLITE_CANTOPEN:
      return .database(Message.dbCannotOpen(file: file, reason: reason))
    default:
      return .database(Message.dbCannotOpen(file: file, reason: reason))
    }
  }

  /// Runs a read, mapping failures to ``TallerError``. Inside ``inOneRead(_:)`` on the same
  /// thread, it reuses that read's connection instead of opening a read of its own.
  ///
  /// Outside, it reads on the writer's connection, in a transaction of its own (or the write's
  /// in progress on this thread): a command reads little, most often right after its own write,
  /// and a pool reader would then find its cache stale and read the pages again from the log,
  /// besides being a second connection to open (and its schema to parse) at start-up.
  /// `together: false` skips the transaction, for a body whose statements need not see one
  /// state (a single statement, or a check that catches a change between them).
  func read<T>(together: Bool = true, _ body: (Database) throws -> T) throws(TallerError) -> T {
    do {
      if let db = batch.current() { return try body(db) }
      return try writer.unsafeReentrantWrite { db in
        if db.isInsideTransaction || !together { return try body(db) }
        var result: T?
        try db.inTransaction(.deferred) {
          result = try body(db)
          return .commit
        }
        return result!
      }
    } catch {
      throw Self.map(error, file: path)
    }
  }

  /// What `body` reads, read once per snapshot: inside ``inOneRead`` a second call with the same
  /// key gets the first one's value (the data cannot change under a snapshot); outside, a read.
  func readOnce<T>(_ key: SnapshotKey, _ body: (Database) throws -> T) throws(TallerError) -> T {
    if let known = batch.value(key, as: T.self) { return known }
    let value = try read(body)
    batch.remember(key, value)
    return value
  }

  /// What a snapshot keeps, one key per kind of read (each read by one `readOnce`).
  enum SnapshotKey: Hashable {
    case sheet(team: String, exercise: String)
    case teams, classes, conflicts, lastChanges
  }

  /// Runs `body` with every read of this store (on this thread) inside one read transaction: one
  /// consistent snapshot, and none of the cost of opening a read per query (a class-wide view
  /// reads hundreds of sheets, several of its parts the same ones: a sheet is read once per
  /// snapshot). Writes inside `body` are not seen by its reads.
  public func inOneRead<T>(_ body: () throws(TallerError) -> T) throws(TallerError) -> T {
    if batch.current() != nil { return try body() }
    var result: Result<T, TallerError>?
    do {
      try writer.read { db in
        batch.enter(db)
        defer { batch.leave() }
        do throws(TallerError) { result = .success(try body()) } catch { result = .failure(error) }
      }
    } catch {
      throw Self.map(error, file: path)
    }
    return try result!.get()
  }

  /// The connection of a ``inOneRead(_:)`` in progress, for the thread that opened it.
  final class Batch: @unchecked Sendable {
    private let lock = NSLock()
    private var db: Database?
    private var thread: pthread_t?

    func current() -> Database? {
      lock.withLock {
        guard let db, let thread, pthread_equal(thread, pthread_self()) != 0 else { return nil }
        return db
      }
    }

    /// What was read in this snapshot (sheets by team and exercise, the teams, the classes…).
    private var values: [SnapshotKey: Any] = [:]

    func enter(_ db: Database) {
      lock.withLock {
        self.db = db
        thread = pthread_self()
        // Nothing read in another thread's snapshot carries over to this one.
        values = [:]
      }
    }
    func leave() {
      lock.withLock {
        db = nil
        thread = nil
        values = [:]
      }
    }

    /// A value already read in the snapshot this thread is in.
    func value<T>(_ key: SnapshotKey, as: T.Type) -> T? {
      lock.withLock {
        guard db != nil, let thread, pthread_equal(thread, pthread_self()) != 0 else { return nil }
        return values[key] as? T
      }
    }

    /// Keeps a value read in the snapshot this thread is in (outside one, nothing).
    func remember(_ key: SnapshotKey, _ value: Any) {
      lock.withLock {
        guard db != nil, let thread, pthread_equal(thread, pthread_self()) != 0 else { return }
        values[key] = value
      }
    }
  }
}

/// A thread-safe counter.
public final class Counter: @unchecked Sendable {
  public init() {}
  private let lock = NSLock()
  private var value = 0

  public func next() -> Int {
    lock.withLock {
      value += 1
      return value
    }
  }
}

/// A sitting to begin inside the next change (and the one it replaces, to close in it).
public struct SittingStart: Sendable {
  public struct Close: Sendable {
    public var session: String
    public var at: Int64
    public var reason: SessionEnd
    public var stopped: StopPoint?

    public init(session: String, at: Int64, reason: SessionEnd, stopped: StopPoint?) {
      self.session = session
      self.at = at
      self.reason = reason
      self.stopped = stopped
    }
  }

  public var teamID: String
  public var present: [String]
  public var at: Int64
  public var close: Close?

  public init(teamID: String, present: [String], at: Int64, close: Close?) {
    self.teamID = teamID
    self.present = present
    self.at = at
    self.close = close
  }
}

/// Holds the armed sitting until a change takes it (one process, one writer at a time).
final class SittingSlot: @unchecked Sendable {
  private let lock = NSLock()
  private var armed: SittingStart?
  private var began: String?

  var pending: SittingStart? { lock.withLock { armed } }

  func arm(_ s: SittingStart) {
    lock.withLock {
      armed = s
      began = nil
    }
  }

  /// A change that took it was written (or is being: the write's failure rolls it back, and
  /// then the command failed too).
  func took(_ id: String) {
    lock.withLock {
      armed = nil
      began = id
    }
  }

  func disarm() -> String? {
    lock.withLock {
      defer {
        armed = nil
        began = nil
      }
      return began
    }
  }
}
