import Foundation
import TallerTestSupport
import Testing

@testable import TallerCore
@testable import TallerStore

/// Bundles on the wire are compressed (sync/PROTOCOL.md §3.1), older plain ones still import,
/// and a large import leaves no large write-ahead log behind (issue 19).
@Suite("Compressed bundles and the write-ahead log")
struct CompressionTests {
  static let vectors = packageRoot.appendingPathComponent("sync/vectors")

  func data(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

  @Test("the compressed vector inflates to the plain one; any payload comes back byte for byte, a piece at a time")
  func roundTrip() throws {
    let plain = try Data(contentsOf: Self.vectors.appendingPathComponent("01-laptop-1.taller.jsonl"))
    let packed = try Data(contentsOf: Self.vectors.appendingPathComponent("01-laptop-1.taller.jsonl.gz"))
    #expect(BundleCompression.isCompressed(packed) && !BundleCompression.isCompressed(plain))
    #expect(try BundleCompression.decompress(packed) == plain)
    var rng = SplitMix64(seed: 19)
    // Empty, small, and larger than one piece out (1 MiB), with text that repeats and text that does not.
    for size in [0, 1, 700, 65_536, 3 << 20] {
      var bytes = Data(count: size)
      for i in 0..<size { bytes[i] = i % 3 == 0 ? UInt8.random(in: 0...255, using: &rng) : UInt8(ascii: "a") }
      let z = try BundleCompression.compress(bytes)
      #expect(BundleCompression.isCompressed(z))
      // Handed over in small pieces, as a sealed file's chunks are.
      var rest = z[...]
      let inflater = BundleCompression.Inflater {
        guard !rest.isEmpty else { return nil }
        defer { rest = rest.dropFirst(1000) }
        return Data(rest.prefix(1000))
      }
      var out = Data()
      while let piece = try inflater.next() {
        #expect(piece.count <= 1 << 20)
        out += piece
      }
      #expect(out == bytes, "size \(size)")
    }
  }

  @Test("a damaged, cut-short or padded compressed bundle is refused whole and stores nothing")
  func damaged() throws {
    let packed = try Data(contentsOf: Self.vectors.appendingPathComponent("01-laptop-1.taller.jsonl.gz"))
    var flipped = packed
    flipped[packed.count / 2] ^= 0x55
    let cases: [(String, Data)] = [
      ("flipped", flipped), ("cut", packed.prefix(packed.count - 5)), ("padded", packed + Data("{}\n".utf8)),
      ("twice", packed + packed),
    ]
    let dir = try TempDir()
    for (name, bytes) in cases {
      #expect(throws: BundleCompression.Failure.self, "\(name)") { try BundleCompression.decompress(bytes) }
      let file = dir.file("\(name).taller.jsonl")
      try bytes.write(to: URL(fileURLWithPath: file))
      let store = try TallerStore.inMemory()
      // Cut short is said as for a plain file; the rest is not a bundle.
      let refusal: SyncBundle.Refusal = name == "cut" ? .truncated : .notABundle
      #expect(throws: TallerError.refused(refusal.message), "\(name)") { try store.importFile(path: file) }
      #expect(try store.changeCount() == 0, "\(name)")
    }
  }

  @Test("a compressed bundle file imports as its plain text does")
  func compressedFile() throws {
    let dir = try TempDir()
    let plainFile = try dir.syntheticBundle(300, named: "plain.taller.jsonl")
    let packedFile = dir.file("packed.taller.jsonl")
    try BundleCompression.compress(try data(plainFile)).write(to: URL(fileURLWithPath: packedFile))
    let a = try TallerStore.inMemory()
    let b = try TallerStore.inMemory()
    #expect(try a.importFile(path: plainFile).newChanges == 300)
    #expect(try b.importFile(path: packedFile).newChanges == 300)
    #expect(try a.snapshot() == b.snapshot())
    // The vectors too: the compressed first file, then the plain second, give the expected state.
    let c = try TallerStore.inMemory()
    _ = try c.importFile(path: Self.vectors.appendingPathComponent("01-laptop-1.taller.jsonl.gz").path)
    _ = try c.importFile(path: Self.vectors.appendingPathComponent("02-laptop-2.taller.jsonl").path)
    let expected = try String(contentsOf: Self.vectors.appendingPathComponent("expected-export.json"), encoding: .utf8)
    #expect(try c.snapshot().exportJSON() == expected)
  }

  @Test("sealed files carry the bundle compressed; older sealed files with a plain bundle still import; bad gzip inside is refused")
  func sealed() throws {
    let dir = try TempDir()
    let file = try dir.syntheticBundle(200)
    let bundle = try data(file)
    let packed = try BundleCompression.compress(bundle)
    #expect(packed.count * 4 < bundle.count, "\(packed.count) of \(bundle.count)")
    var flipped = packed
    flipped[packed.count / 2] ^= 0x55
    for (name, payload, ok) in [
      ("plain", bundle, true), ("compressed", packed, true), ("flipped", flipped, false), ("padded", packed + Data([0]), false),
    ] {
      let store = try TallerStore.inMemory()
      let me = Sealed.Recipient(id: store.replica.id, publicKey: store.replica.encryptionPublicKey)
      let sealed = try store.seal(payload, scope: "t", for: [me])
      if ok {
        guard case .imported(let r, _, _) = try store.importSealed(sealed, folder: "t") else {
          Issue.record("\(name): not imported")
          continue
        }
        #expect(r.newChanges == 200, "\(name)")
      } else {
        #expect(throws: TallerError.refused(Message.sealedDamaged(.gzip)), "\(name)") {
          try store.importSealed(sealed, folder: "t")
        }
        #expect(try store.changeCount() == 0, "\(name)")
      }
    }
    // What `sync export` seals is compressed.
    let writer = try TallerStore.inMemory()
    _ = try writer.createTeam(name: "Los Incas")
    let group = try #require(try writer.sealedGroups().first)
    let exported = try #require(try writer.exportBundle(after: [:], only: group.replicas))
    let sealed = try writer.seal(exported, for: group)
    let opened = try Sealed.open(
      sealed, me: writer.replica.id, privateKey: writer.replica.encryptionKey, writerKey: { _ in writer.replica.publicKey }
    ).payload
    #expect(BundleCompression.isCompressed(opened))
    #expect(try BundleCompression.decompress(opened) == Data(exported.encode().utf8))
  }

  @Test("a large import leaves no large write-ahead log beside the database; a small command leaves it as it was")
  func writeAheadLog() throws {
    let dir = try TempDir()
    let file = try dir.syntheticBundle(6_000)
    let db = dir.file("x.sqlite")
    let store = try TallerStore.open(path: db)
    #expect(try store.importFile(path: file).newChanges == 6_000)
    #expect(store.walBytes() <= TallerStore.walLimit, "\(store.walBytes()) bytes of write-ahead log")
    // Through the program: an import, then a command that changes nothing.
    let db2 = dir.file("y.sqlite")
    #expect(try runTaller(["--db", db2, "-c", "sync import \(file)"]).status == 0)
    let wal = (try? FileManager.default.attributesOfItem(atPath: db2 + "-wal")[.size] as? NSNumber)??.int64Value ?? 0
    #expect(wal <= TallerStore.walLimit, "\(wal) bytes of write-ahead log")
    let before = try data(db2)
    #expect(try runTaller(["--db", db2, "-c", "version"]).status == 0)
    #expect(try data(db2) == before)
  }
}

@Suite("Packed change texts")
struct PackedTextTests {
  static let replica = "bench000-0000-4000-8000-000000000001"
  static let prev = String(repeating: "ab12", count: 16)

  /// Texts of every shape come back exactly: empty and short ones (kept as they are), accents,
  /// escapes, NULs, and texts far longer than the window and the first buffer.
  @Test("a packed text unpacks to exactly the same text, with its context")
  func roundTrip() throws {
    let packer = PackedText.Packer()
    let unpacker = PackedText.Unpacker()
    let texts = [
      "", "{}", #"{"author":"ana","hlc":[1,0],"ops":[],"replica":"r","seq":1,"v":1}"#,
      String(repeating: "Añejo «único» \u{0}\u{1F600}\n", count: 3000),
      (0..<5000).map { String($0 * 7919 % 1000) }.joined(separator: ","),
    ]
    for text in texts {
      for context in [PackedText.Context(replica: ""), .init(replica: Self.replica, prev: Self.prev)] {
        guard let packed = packer.pack(text, context: context) else {
          // Only what would not get smaller is left unpacked.
          #expect(text.utf8.count <= 80)
          continue
        }
        #expect(packed.first == PackedText.format)
        #expect(packed.count < text.utf8.count)
        #expect(try unpacker.unpack(Data(packed), context: context) == text)
      }
    }
  }

  /// A change's `prev` is left out when it is the hash the context gives, right before the
  /// replica; anything else (another hash, one elsewhere, a text that names the replica again
  /// later, accents around it) keeps it, and every text comes back byte for byte.
  @Test("a change's prev is left out only where it can be put back exactly")
  func withoutPrev() throws {
    let packer = PackedText.Packer()
    let unpacker = PackedText.Unpacker()
    let context = PackedText.Context(replica: Self.replica, prev: Self.prev)
    let ops = #"[{"e":"item-1","f":"nombre","k":"set","pred":[],"v":"Café \"ñ\""}]"#
    func change(prev: String?, tail: String = "") -> String {
      let p = prev.map { #","prev":"\#($0)""# } ?? ""
      return #"{"author":"ana","hlc":[1795000000001,0],"ops":"# + ops + p + #","replica":"\#(Self.replica)","seq":2,"v":1\#(tail)}"#
    }
    let cases: [(String, UInt8)] = [
      (change(prev: Self.prev), PackedText.formatWithoutPrev),
      (change(prev: String(repeating: "0", count: 64)), PackedText.format),
      (change(prev: nil), PackedText.format),
      // Another object naming the replica after it: first in its object, so not "after prev".
      (change(prev: Self.prev, tail: #","x":{"replica":"\#(Self.replica)","seq":3}"#), PackedText.formatWithoutPrev),
      // … and not first: putting prev back would go there, so it stays.
      (change(prev: Self.prev, tail: #","y":{"a":1,"replica":"\#(Self.replica)","seq":3}"#), PackedText.format),
    ]
    for (text, format) in cases {
      let packed = try #require(packer.pack(text, context: context))
      #expect(packed.first == format, "\(text)")
      #expect(try unpacker.unpack(Data(packed), context: context).utf8.elementsEqual(text.utf8), "\(text)")
    }
    // Without the hash it was packed against, the text is not given back as it was.
    let packed = try #require(packer.pack(change(prev: Self.prev), context: context))
    #expect(throws: PackedText.Failure.damaged) { try unpacker.unpack(Data(packed), context: .init(replica: Self.replica)) }
    #expect((try? unpacker.unpack(Data(packed), context: .init(replica: Self.replica, prev: "00"))) != change(prev: Self.prev))
  }

  @Test("damaged, cut-short or unknown packed bytes are refused, never misread")
  func damaged() throws {
    let packer = PackedText.Packer()
    let unpacker = PackedText.Unpacker()
    let context = PackedText.Context(replica: "r")
    let text = String(repeating: #"{"e":"item-1","f":"nombre","k":"set","pred":[],"v":"Cajero"},"#, count: 20)
    let packed = try #require(packer.pack(text, context: context))
    #expect(throws: PackedText.Failure.damaged) { try unpacker.unpack(Data(packed.prefix(packed.count / 2)), context: context) }
    #expect(throws: PackedText.Failure.damaged) { try unpacker.unpack(Data(packed + [0x00]), context: context) }
    #expect(throws: PackedText.Failure.format(9)) { try unpacker.unpack(Data([9] + packed.dropFirst()), context: context) }
    #expect(throws: PackedText.Failure.damaged) { try unpacker.unpack(Data(), context: context) }
    // The same bytes read with another context are not the text.
    #expect((try? unpacker.unpack(Data(packed), context: .init(replica: "another"))) != text)
    // And the unpacker still works after a failure.
    #expect(try unpacker.unpack(Data(packed), context: context) == text)
  }
}
