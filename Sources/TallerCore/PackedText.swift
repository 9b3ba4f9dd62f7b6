import CCompressZlib
import Foundation

/// Change texts as the database keeps them: deflated (raw deflate, RFC 1951) after a fixed
/// dictionary of what change texts are made of, one byte of format first. A change's text is
/// about 550 bytes of JSON that repeats its entity's id, its keys and `"k":"set","pred":[]` on
/// every operation; packed it is about 240, and the change log was most of the database.
///
/// The texts travel and are hashed as they are: packing is how one database stores them, never
/// what a bundle carries. A text that packs no smaller is stored as it is, so a reader takes
/// either (the store tells them apart by SQLite's type: text or blob).
///
/// Hand-written over zlib rather than through compress-nio: a preset dictionary (what makes a
/// short text pack well) and raw deflate streams reused from one text to the next (an import
/// packs a million) are not in its API.
public enum PackedText {
  /// The first byte of a packed text: raw deflate primed with ``dictionary`` followed by what
  /// the reader knows of the text (``Context``, ``primer(_:)``). Each format byte, once
  /// written, never changes meaning (every database holds texts packed with it).
  public static let format: UInt8 = 1
  /// The same, of the text without its `"prev"` member, which the reader puts back from the
  /// context (the hash of the replica's change before it: 64 hex characters that do not pack).
  public static let formatWithoutPrev: UInt8 = 2

  /// What a reader knows of a change's text without reading it: the replica that wrote it, and
  /// the hash of that replica's change before it (nil for its first, or when not known).
  public struct Context: Sendable {
    public var replica: String
    public var prev: String?

    public init(replica: String, prev: String? = nil) {
      self.replica = replica
      self.prev = prev
    }

    /// Where a change's text names its replica, after its operations and `prev`.
    var marker: String { ",\"replica\":\"\(replica)\",\"seq\":" }

    /// `text` without its `"prev"` member, when it is exactly the context's and comes right
    /// before the replica (as canonical JSON puts it), and putting it back gives `text` again.
    func withoutPrev(_ text: String) -> String? {
      guard let prev else { return nil }
      let member = Array(",\"prev\":\"\(prev)\"".utf8)
      let marker = Array(self.marker.utf8)
      let bytes = Array(text.utf8)
      guard let at = Self.lastIndex(of: member + marker, in: bytes) else { return nil }
      // Put back, the member goes before the last place the cut text names the replica: that
      // must be where it was cut from (byte for byte, not `==` on strings, which would accept a
      // canonically equivalent text).
      let cut = Array(bytes[..<at]) + bytes[(at + member.count)...]
      guard Self.lastIndex(of: marker, in: cut) == at else { return nil }
      return String(decoding: cut, as: UTF8.self)
    }

    /// `text` with the context's `"prev"` member put back before the last place it names the
    /// replica.
    func withPrev(_ cut: String) -> String? {
      guard let prev else { return nil }
      let bytes = Array(cut.utf8)
      guard let at = Self.lastIndex(of: Array(marker.utf8), in: bytes) else { return nil }
      return String(decoding: bytes[..<at] + Array(",\"prev\":\"\(prev)\"".utf8) + bytes[at...], as: UTF8.self)
    }

    /// Where `needle` last occurs in `bytes`. Searched on bytes: Foundation's `range(of:)`
    /// bridges to UTF-16 and was most of the cost of packing a change.
    static func lastIndex(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
      guard !needle.isEmpty, needle.count <= bytes.count else { return nil }
      var i = bytes.count - needle.count
      while i >= 0 {
        if bytes[i] == needle[0] && bytes[i..<(i + needle.count)].elementsEqual(needle) { return i }
        i -= 1
      }
      return nil
    }
  }

  /// What a stream is primed with: the dictionary, then where the text names its replica, in the
  /// words it says it with, nearest.
  static func primer(_ context: Context) -> [UInt8] {
    dictionary + Array("\"replica\":\"\(context.replica)\",\"seq\":".utf8)
  }

  /// What change texts are made of, most common last (deflate's matches prefer near ones).
  static let dictionary: [UInt8] = Array(
    ("\"t\":\"class\"},\"t\":\"invite\"},\"t\":\"join\"},\"t\":\"member\"},\"t\":\"replica\"},"
      + "\"t\":\"session\"},\"t\":\"team\"},\"f\":\"@merge\",\"f\":\"@version\",\"f\":\"deleted\","
      + "\"f\":\"name\",\"f\":\"present\",\"f\":\"founder\",\"f\":\"key\",\"f\":\"laptop\","
      + "\"f\":\"label\",\"f\":\"since\",\"f\":\"started\",\"f\":\"ended\",\"f\":\"replica\","
      + "\"f\":\"descripcion\",\"f\":\"emocion\",\"f\":\"etapa\",\"f\":\"momento\",\"f\":\"tipo\","
      + "\"f\":\"historia\",\"f\":\"marca\",\"f\":\"valoracion\",\"f\":\"nombre\",\"seen\":[\""
      + "\"t\":\"sheet\"},{\"e\":\"\",\"f\":\"@exercise\",\"k\":\"set\",\"pred\":[],\"v\":\""
      + "{\"author\":\"\",\"hlc\":[17950000000,0],\"ops\":[{\"e\":\"\",\"k\":\"create\",\"p\":\"\","
      + "\"t\":\"item\"},{\"e\":\"\",\"f\":\"@list\",\"k\":\"set\",\"pred\":[],\"v\":\"\"},"
      + "{\"e\":\"\",\"f\":\"@pos\",\"k\":\"set\",\"pred\":[],\"v\":\"\"},"
      + "{\"e\":\"\",\"f\":\"\",\"k\":\"set\",\"pred\":[],\"v\":\"\"}],"
      + "\"prev\":\"\",\"replica\":\"\",\"seq\":,\"v\":1}").utf8)

  /// Why packed bytes could not be read back.
  public enum Failure: Error, Equatable, Sendable {
    /// An unknown format byte.
    case format(UInt8)
    /// Not a deflate stream primed with the dictionary, or one cut short.
    case damaged
  }

  /// Packs texts one after another with one deflate stream (not shared between threads).
  public final class Packer {
    private let stream: UnsafeMutablePointer<z_stream>
    private var buffer: [UInt8] = []

    public init() {
      stream = .allocate(capacity: 1)
      stream.initialize(to: z_stream())
      // Level 1: on texts this short the higher levels find almost nothing more, slower. A
      // 2 KiB window holds the primer and a text's own repeats (a wider one packs no smaller
      // and costs more to start over for each text).
      let code = CCompressZlib_deflateInit2(stream, 1, Z_DEFLATED, -11, 3, Z_DEFAULT_STRATEGY)
      precondition(code == Z_OK, "zlib could not start a deflate stream (\(code))")
    }

    deinit {
      deflateEnd(stream)
      stream.deallocate()
    }

    /// The packed bytes of `text`, or nil when they would be no smaller than the text. The
    /// same `context` must be given to unpack them.
    public func pack(_ text: String, context: Context) -> [UInt8]? {
      let cut = context.withoutPrev(text)
      let format = cut == nil ? PackedText.format : PackedText.formatWithoutPrev
      var body = cut ?? text
      let original = text.utf8.count
      return body.withUTF8 { input -> [UInt8]? in
        guard original > 8 else { return nil }
        deflateReset(stream)
        _ = PackedText.primer(context).withUnsafeBufferPointer {
          deflateSetDictionary(stream, $0.baseAddress, uInt($0.count))
        }
        // The format byte and packed bytes must be fewer than the text's.
        let room = original - 1
        if buffer.count < room { buffer = [UInt8](repeating: 0, count: room) }
        let (code, left) = buffer.withUnsafeMutableBufferPointer { out -> (Int32, Int) in
          stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
          stream.pointee.avail_in = uInt(input.count)
          stream.pointee.next_out = out.baseAddress
          stream.pointee.avail_out = uInt(room)
          let code = deflate(stream, Z_FINISH)
          return (code, Int(stream.pointee.avail_out))
        }
        // Z_OK or Z_BUF_ERROR: it did not fit in fewer bytes than the text.
        guard code == Z_STREAM_END else { return nil }
        return [format] + buffer[0..<(room - left)]
      }
    }
  }

  /// Unpacks texts one after another with one inflate stream. An unpacker is used by one thread
  /// at a time (the store keeps one per database connection, which SQLite runs on one thread at
  /// a time).
  public final class Unpacker: @unchecked Sendable {
    private let stream: UnsafeMutablePointer<z_stream>
    private var buffer: [UInt8] = [UInt8](repeating: 0, count: 4096)

    public init() {
      stream = .allocate(capacity: 1)
      stream.initialize(to: z_stream())
      let code = CCompressZlib_inflateInit2(stream, -15)
      precondition(code == Z_OK, "zlib could not start an inflate stream (\(code))")
    }

    deinit {
      inflateEnd(stream)
      stream.deallocate()
    }

    /// The text `packed` holds (packed with `context`).
    public func unpack(_ packed: UnsafeRawBufferPointer, context: Context) throws(Failure) -> String {
      guard let first = packed.first else { throw .damaged }
      guard first == PackedText.format || first == PackedText.formatWithoutPrev else { throw .format(first) }
      inflateReset(stream)
      _ = PackedText.primer(context).withUnsafeBufferPointer {
        inflateSetDictionary(stream, $0.baseAddress, uInt($0.count))
      }
      let input = UnsafeRawBufferPointer(rebasing: packed.dropFirst())
      stream.pointee.next_in = input.baseAddress.map { UnsafeMutablePointer(mutating: $0.assumingMemoryBound(to: UInt8.self)) }
      stream.pointee.avail_in = uInt(input.count)
      var filled = 0
      while true {
        if filled == buffer.count { buffer += [UInt8](repeating: 0, count: buffer.count) }
        let code = buffer.withUnsafeMutableBufferPointer { out -> Int32 in
          stream.pointee.next_out = out.baseAddress.map { $0 + filled }
          stream.pointee.avail_out = uInt(out.count - filled)
          let code = inflate(stream, Z_FINISH)
          filled = out.count - Int(stream.pointee.avail_out)
          return code
        }
        if code == Z_STREAM_END { break }
        // Room was short: grow it and go on. Anything else is a damaged or cut-short stream.
        guard code == Z_BUF_ERROR || code == Z_OK, stream.pointee.avail_out == 0 else { throw .damaged }
      }
      guard stream.pointee.avail_in == 0 else { throw .damaged }
      let text = String(decoding: buffer[0..<filled], as: UTF8.self)
      if first == PackedText.format { return text }
      guard let whole = context.withPrev(text) else { throw .damaged }
      return whole
    }

    /// The same, from `Data`.
    public func unpack(_ packed: Data, context: Context) throws(Failure) -> String {
      do {
        return try packed.withUnsafeBytes { try unpack($0, context: context) }
      } catch let failure as Failure {
        throw failure
      } catch {
        throw .damaged
      }
    }
  }
}
