import Foundation
import TallerCore

/// Bundles, invitations, changes and JSON from untrusted bytes: never crash, never hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let data = Data(bytes: start, count: count)
  if let b = try? SyncBundle.decode(data) {
    // What decodes must encode and decode to the same bundle.
    let again = try? SyncBundle.decode(Data(b.encode().utf8))
    precondition(again?.bodies == b.bodies, "bundle round trip")
  }
  _ = try? Invitation.decode(data)
  let text = String(decoding: data, as: UTF8.self)
  if let v = try? StrictJSONParser.parse(text) {
    precondition((try? StrictJSONParser.parse(CanonicalJSON.encode(v))) == v, "JSON round trip")
  }
  if let c = try? Change(body: text) {
    precondition((try? Change(body: c.body)) == c, "change round trip")
  }
  _ = CSV.parse(text)
  return 0
}
