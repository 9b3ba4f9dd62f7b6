import Foundation
import FuzzDriver
import TallerCore

/// Bundles, invitations, changes and JSON from untrusted bytes: never crash, never hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
  guard let start else { return 0 }
  let data = Data(bytes: start, count: count)
  let decoded = try? SyncBundle.decode(data)
  if let b = decoded {
    // What decodes must encode and decode to the same bundle.
    let again = try? SyncBundle.decode(Data(b.encode().utf8))
    precondition(again?.bodies == b.bodies, "bundle round trip")
  }
  // The streaming reader (what `sync import` uses) on the same bytes as a file: never a crash,
  // and when both readers accept the file they see the same changes and signatures.
  let path = NSTemporaryDirectory() + "fuzz-bundle-\(getpid()).jsonl"
  FileManager.default.createFile(atPath: path, contents: data)
  defer { try? FileManager.default.removeItem(atPath: path) }
  if let scan = try? BundleScan.scan(path: path), let b = decoded {
    precondition(scan.count == b.bodies.count && scan.bundle.signatures == b.signatures, "the two readers disagree")
  }
  _ = try? Invitation.decode(data)
  let text = String(decoding: data, as: UTF8.self)
  if let v = try? StrictJSONParser.parse(text) {
    precondition((try? StrictJSONParser.parse(CanonicalJSON.encode(v))) == v, "JSON round trip")
  }
  if let c = try? Change(body: text) {
    precondition((try? Change(body: c.body)) == c, "change round trip")
  }
  // The direct change decoder accepts and refuses exactly what the tree parser does.
  let bytes = Array(data)
  let direct = Result { () throws(JSONParseError) in try Change(bytes: bytes) }
  let tree = Result { () throws(JSONParseError) in try Change.viaTree(bytes) }
  precondition(direct == tree, "the change decoders disagree")
  _ = CSV.parse(text)
  return 0
}

// SwiftPM links an executable's entry point as `<target>_main`: libFuzzer's driver takes over.
@_cdecl("fuzz_bundle_main")
public func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  runFuzzer(argc, argv, fuzz)
}
