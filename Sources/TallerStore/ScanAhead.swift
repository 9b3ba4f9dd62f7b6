import Foundation
import TallerCore

/// Reads a bundle on a second thread while the importing thread writes what it read: the
/// reading thread splits lines, parses and hashes each change, checks the file's own chains and
/// packs each text as `change_row` keeps it (``StoredChanges``); the importing thread does
/// everything that needs the database. An import is then as long as the longer of the two
/// halves, not their sum (each was about half of it).
///
/// What the reading thread hands over is bounded (``limit`` batches), so memory stays flat
/// whatever the file's size. A failure on either side stops both: a reading failure is handed
/// over in order, after the changes read before it, and the importing thread throws it as the
/// scan did when it ran on one thread.
///
/// Batches the importing thread is done with go back to the reading thread, which frees them
/// while it waits: freeing a batch's changes was some 8% of the importing thread's time.
///
/// Hand-written on `Thread` and `NSCondition`: a bounded hand-over between one producer and
/// one consumer, synchronous on both sides (the import runs inside a database transaction,
/// where no `await` may happen).
final class ScanAhead: @unchecked Sendable {
  /// A change as read and prepared.
  struct Item {
    let text: String
    let change: Change
    let digest: String
    let stored: Raw
  }

  enum Event {
    case header(SyncBundle)
    case changes([Item])
    case end(BundleScan)
    case failed(any Error)
  }

  /// Stopped by the importing thread (it failed, or returned).
  private struct Stopped: Error {}

  private static let batch = 128
  private static let limit = 16

  private let condition = NSCondition()
  private var events: [Event] = []
  /// Batches the importing thread is done with, freed by the reading thread.
  private var spent: [[Item]] = []
  private var first = 0
  private var stopped = false
  private var running = true
  private var lines: BundleScan.Lines?

  /// Starts reading `lines` on a new thread.
  init(lines: BundleScan.Lines) {
    self.lines = lines
    let thread = Thread { [self] in read() }
    thread.name = "taller-scan"
    thread.stackSize = 8 << 20
    thread.start()
  }

  /// The next event, waiting for it.
  func next() -> Event {
    condition.lock()
    defer { condition.unlock() }
    while first == events.count { condition.wait() }
    let e = events[first]
    // Its slot lets go of it at once: the batch's last reference is then the one given back
    // with `done`, and the reading thread frees it.
    events[first] = .changes([])
    first += 1
    // Taken slots (emptied) go: at once when none is left, else every few.
    if first == events.count {
      events.removeAll(keepingCapacity: true)
      first = 0
    } else if first >= Self.limit {
      events.removeFirst(first)
      first = 0
    }
    condition.broadcast()
    return e
  }

  /// Gives a batch taken with ``next()`` back once its changes are written (the reading thread
  /// frees it).
  func done(_ items: consuming [Item]) {
    condition.lock()
    spent.append(items)
    condition.unlock()
  }

  /// Stops the reading thread and waits until it has let go of the file.
  func stop() {
    condition.lock()
    defer { condition.unlock() }
    stopped = true
    condition.broadcast()
    while running { condition.wait() }
  }

  private func read() {
    guard let lines else { return }
    self.lines = nil
    let packer = PackedText.Packer()
    var items: [Item] = []
    items.reserveCapacity(Self.batch)
    do {
      let scan = try BundleScan.read(
        lines: lines, header: { try hand(.header($0)) },
        change: { text, c, digest in
          let stored = StoredChanges.value(of: text, context: .init(replica: c.replica, prev: c.prev), packer: packer)
          items.append(Item(text: text, change: c, digest: digest, stored: stored))
          if items.count == Self.batch {
            try hand(.changes(items))
            items.removeAll(keepingCapacity: true)
          }
        })
      if !items.isEmpty { try hand(.changes(items)) }
      try hand(.end(scan))
    } catch is Stopped {
    } catch {
      // What was read before the failure first: the importing thread meets a failure of its own
      // in those (a fork) before this one, as when one thread did both.
      if !items.isEmpty { try? hand(.changes(items)) }
      try? hand(.failed(error))
    }
    condition.lock()
    running = false
    condition.broadcast()
    condition.unlock()
  }

  /// Hands an event over, waiting while ``limit`` are waiting to be taken; frees the batches
  /// given back meanwhile.
  private func hand(_ e: Event) throws {
    var freed: [[Item]] = []
    defer { freed.removeAll() }
    condition.lock()
    defer { condition.unlock() }
    while events.count - first >= Self.limit && !stopped { condition.wait() }
    if stopped { throw Stopped() }
    events.append(e)
    swap(&freed, &spent)
    condition.broadcast()
  }
}
