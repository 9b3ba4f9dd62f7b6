import CompressNIO
import Foundation
import NIOCore

/// Bundles travel compressed (sync/PROTOCOL.md §3.1): a bundle's text as one gzip member
/// (RFC 1952). Change texts repeat their keys, ids and replica on every line, so deflate makes
/// them about eight times smaller. A reader tells a compressed bundle from a plain one by its
/// first two bytes (`1f 8b`; a bundle's text starts with `{`), so bundles written before
/// compression still import. zlib does the work, through compress-nio.
public enum BundleCompression {
  /// The first two bytes of every gzip member.
  public static let magic: [UInt8] = [0x1F, 0x8B]

  /// Whether bytes start like a gzip member.
  public static func isCompressed(_ bytes: Data) -> Bool {
    bytes.count >= 2 && bytes[bytes.startIndex] == magic[0] && bytes[bytes.startIndex + 1] == magic[1]
  }

  /// Why compressed bytes could not be read back.
  public enum Failure: Error, Equatable, Sendable {
    /// Not deflate data, or its check (CRC-32, length) failed.
    case damaged
    /// The member ends before its trailer.
    case truncated
    /// Bytes follow the member's end.
    case trailing
  }

  /// One gzip member holding `data` (level 6, zlib's default).
  public static func compress(_ data: Data) throws -> Data {
    var input = ByteBuffer(bytes: data)
    let out = try input.compress(with: .gzip(configuration: .init(compressionLevel: .compressionLevel6)))
    return Data(out.readableBytesView)
  }

  /// The bytes a gzip member holds (for tests and small payloads; imports stream with
  /// ``Inflater``).
  public static func decompress(_ data: Data) throws(Failure) -> Data {
    var given: Data? = data
    let inflater = Inflater {
      defer { given = nil }
      return given
    }
    var out = Data()
    while let piece = try inflater.next() { out += piece }
    return out
  }

  /// Reads a gzip member handed over in pieces and hands its bytes on in pieces, in flat memory
  /// (a piece out is at most 1 MiB). Throws when the member is damaged, cut short, or followed
  /// by anything.
  public final class Inflater {
    private let source: () -> Data?
    private var input = ByteBuffer()
    private var decompressor: ZlibDecompressor?
    private var ended = false
    private static let pieceBytes = 1 << 20

    public init(source: @escaping () -> Data?) {
      self.source = source
    }

    /// The next piece of the member's bytes, or nil at its end.
    public func next() throws(Failure) -> Data? {
      if ended { return nil }
      do {
        if decompressor == nil { decompressor = try ZlibDecompressor(algorithm: .gzip) }
      } catch {
        throw .damaged
      }
      guard let decompressor else { return nil }
      while true {
        if input.readableBytes == 0 {
          guard let piece = source() else {
            // No more input: the member must have reached its end (zlib then consumes nothing
            // more and reports the end again; an unfinished one takes the probe byte).
            var probe = ByteBuffer(bytes: [0])
            var sink = ByteBufferAllocator().buffer(capacity: 16)
            let finished: Bool
            do {
              try decompressor.inflate(from: &probe, to: &sink)
              finished = probe.readableBytes == 1 && sink.readableBytes == 0
            } catch {
              finished = false
            }
            guard finished else { throw .truncated }
            ended = true
            return nil
          }
          if piece.isEmpty { continue }
          input = ByteBuffer(bytes: piece)
        }
        var out = ByteBufferAllocator().buffer(capacity: Self.pieceBytes)
        do {
          try decompressor.inflate(from: &input, to: &out)
        } catch let e as CompressNIOError where e == .bufferOverflow || e == .inputBufferOverflow {
          // The output piece is full, or the input ran out: carry on below.
        } catch {
          throw .damaged
        }
        if out.readableBytes > 0 { return Data(out.readableBytesView) }
        // Nothing came out although input is left: the member has ended before it.
        if input.readableBytes > 0 { throw .trailing }
      }
    }
  }
}
