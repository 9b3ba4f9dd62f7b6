import Foundation
import FuzzDriver
import TallerCore

/// Change texts as the database keeps them (PackedText) and compressed bundles: any text packs
/// and unpacks to the same bytes, with or without the `prev` it may leave out; bytes that are not
/// a packed text or a gzip member are refused, never a crash, never a hang.
// libFuzzer calls the target on one thread, one input at a time.
nonisolated(unsafe) let packer = PackedText.Packer()
let unpacker = PackedText.Unpacker()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
  guard let start else { return 0 }
  let data = Data(bytes: start, count: count)
  let text = String(decoding: data, as: UTF8.self)
  // A replica and a previous hash taken from the input, and a change-like text around them, so
  // that the `prev` is found (or nearly found) where a change's text puts it.
  let words = text.split(separator: "\u{1}", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
  let replica = words.count > 1 ? words[1] : "r"
  let prev = words.count > 2 ? words[2] : String(repeating: "ab", count: 32)
  let context = PackedText.Context(replica: replica, prev: prev)
  let changeLike = words[0] + #","prev":""# + prev + #"","replica":""# + replica + #"","seq":"# + (words.count > 3 ? words[3] : "1}")
  for (t, c) in [(text, context), (changeLike, context), (changeLike, PackedText.Context(replica: replica))] {
    guard let packed = packer.pack(t, context: c) else { continue }
    let back = try? unpacker.unpack(Data(packed), context: c)
    precondition(back.map { Array($0.utf8) == Array(t.utf8) } == true, "pack round trip")
  }
  // Untrusted bytes read as packed texts and as gzip: refused or read, nothing else.
  _ = try? unpacker.unpack(data, context: context)
  _ = try? unpacker.unpack(Data([PackedText.formatWithoutPrev]) + data, context: context)
  if let inflated = try? BundleCompression.decompress(data) {
    precondition((try? BundleCompression.decompress(try BundleCompression.compress(inflated))) == inflated, "gzip round trip")
  }
  return 0
}

// SwiftPM links an executable's entry point as `<target>_main`: libFuzzer's driver takes over.
@_cdecl("fuzz_packed_main")
public func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  runFuzzer(argc, argv, fuzz)
}
