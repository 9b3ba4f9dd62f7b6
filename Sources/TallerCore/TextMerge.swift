import Foundation

/// Line-based three-way merge of long text (as `diff3` does): the edits each side made to the
/// common base are combined when they touch different lines; edits to the same lines conflict.
public enum TextMerge {
  /// One edit to the base: base lines `start..<end` replaced by `lines`.
  struct Hunk: Equatable {
    var start: Int
    var end: Int
    var lines: [String]
  }

  /// A piece of a merge result: lines both agree on, or a conflict between two versions.
  public enum Piece: Equatable, Sendable {
    case same([String])
    case conflict(base: [String], ours: [String], theirs: [String])
  }

  public static func lines(_ text: String) -> [String] {
    text.isEmpty ? [] : text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  }

  /// The edits that turn `base` into `other` (longest common subsequence of lines).
  static func diff(_ base: [String], _ other: [String]) -> [Hunk] {
    let n = base.count
    let m = other.count
    var lcs = Array(repeating: Array(repeating: 0, count: m + 1), count: n + 1)
    if n > 0 && m > 0 {
      for i in stride(from: n - 1, through: 0, by: -1) {
        for j in stride(from: m - 1, through: 0, by: -1) {
          lcs[i][j] = base[i] == other[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
        }
      }
    }
    var hunks: [Hunk] = []
    var i = 0
    var j = 0
    var current: Hunk?
    func flush() {
      if let h = current { hunks.append(h) }
      current = nil
    }
    while i < n || j < m {
      if i < n && j < m && base[i] == other[j] {
        flush()
        i += 1
        j += 1
      } else if j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j]) {
        if current == nil { current = Hunk(start: i, end: i, lines: []) }
        current?.lines.append(other[j])
        j += 1
      } else {
        if current == nil { current = Hunk(start: i, end: i, lines: []) }
        current?.end = i + 1
        i += 1
      }
    }
    flush()
    return hunks
  }

  /// Merges two versions of `base`: pieces in order, conflicts where both changed the same lines.
  public static func merge3(base: [String], ours: [String], theirs: [String]) -> [Piece] {
    let a = diff(base, ours)
    let b = diff(base, theirs)
    var pieces: [Piece] = []
    var pos = 0
    func emitSame(upTo k: Int) {
      if k > pos { pieces.append(.same(Array(base[pos..<k]))) }
      pos = max(pos, k)
    }
    let all = (a.map { ($0, 0) } + b.map { ($0, 1) }).sorted {
      ($0.0.start, $0.0.end, $0.1) < ($1.0.start, $1.0.end, $1.1)
    }
    var idx = 0
    while idx < all.count {
      var region = [all[idx]]
      var start = all[idx].0.start
      var end = all[idx].0.end
      idx += 1
      while idx < all.count, touches(all[idx].0, start, end) {
        region.append(all[idx])
        start = min(start, all[idx].0.start)
        end = max(end, all[idx].0.end)
        idx += 1
      }
      emitSame(upTo: start)
      func apply(_ hs: [Hunk]) -> [String] {
        var out: [String] = []
        var k = start
        for h in hs {
          out += base[k..<h.start]
          out += h.lines
          k = h.end
        }
        out += base[k..<end]
        return out
      }
      let takeA = region.filter { $0.1 == 0 }.map(\.0)
      let takeB = region.filter { $0.1 == 1 }.map(\.0)
      if takeB.isEmpty {
        pieces.append(.same(apply(takeA)))
      } else if takeA.isEmpty {
        pieces.append(.same(apply(takeB)))
      } else {
        let x = apply(takeA)
        let y = apply(takeB)
        pieces.append(x == y ? .same(x) : .conflict(base: Array(base[start..<end]), ours: x, theirs: y))
      }
      pos = end
    }
    emitSame(upTo: base.count)
    // Join neighbouring agreed pieces.
    var joined: [Piece] = []
    for p in pieces {
      if case .same(let l) = p, case .same(let prev)? = joined.last {
        joined[joined.count - 1] = .same(prev + l)
      } else if case .same(let l) = p, l.isEmpty {
        continue
      } else {
        joined.append(p)
      }
    }
    return joined
  }

  /// Whether hunk `h` (starting at or after `start`) touches the region `start..<end`: it changes
  /// some of its lines, or both insert at the same point, or it inserts inside it.
  static func touches(_ h: Hunk, _ start: Int, _ end: Int) -> Bool {
    if h.start < end && h.end > start { return true }
    if h.start == h.end && start == end && h.start == start { return true }
    return h.start == h.end && start < h.start && h.start < end
  }

  /// The merged text when the versions' edits do not overlap, or `nil` when they conflict.
  /// Several versions are folded in order: the result does not depend on where it is computed.
  public static func clean(base: String, versions: [String]) -> String? {
    guard var merged = versions.first.map(lines) else { return nil }
    let b = lines(base)
    for v in versions.dropFirst() {
      var out: [String] = []
      for piece in merge3(base: b, ours: merged, theirs: lines(v)) {
        guard case .same(let l) = piece else { return nil }
        out += l
      }
      merged = out
    }
    return merged.joined(separator: "\n")
  }

  /// Text with git-style conflict markers for a person to finish in an editor.
  public static func marked(base: String, ours: String, theirs: String, oursLabel: String, theirsLabel: String) -> String {
    var out: [String] = []
    for piece in merge3(base: lines(base), ours: lines(ours), theirs: lines(theirs)) {
      switch piece {
      case .same(let l): out += l
      case .conflict(let b, let x, let y):
        out.append("<<<<<<< " + oursLabel)
        out += x
        out.append("||||||| base")
        out += b
        out.append("=======")
        out += y
        out.append(">>>>>>> " + theirsLabel)
      }
    }
    return out.joined(separator: "\n")
  }

  /// Whether text still holds conflict markers.
  public static func hasMarkers(_ text: String) -> Bool {
    lines(text).contains { $0.hasPrefix("<<<<<<<") || $0.hasPrefix(">>>>>>>") || $0 == "=======" }
  }
}
