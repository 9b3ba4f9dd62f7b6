import Foundation
import TallerCore
import TallerStore

/// Sync through a git repository: bundles are files that are only ever added, so git never has
/// a conflict to merge. taller keeps a working copy of the remote next to its database and runs
/// the real `git` command in it.
enum GitTransport {
  static let branch = "main"
  static let folder = "bundles"

  struct Failure: Error {
    var message: Message
  }

  /// Runs git in `dir` (through the edge's child processes); returns its standard output, or
  /// throws with its last error line.
  @discardableResult
  static func git(_ ctx: ShellContext, _ args: [String], in dir: String?) throws(TallerError) -> String {
    guard let processes = ctx.processes,
      let r = processes.run("git", (dir.map { ["-C", $0] } ?? []) + args, environment: ["GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"]),
      r.status != 127
    else { throw .file(Message.gitMissing) }
    guard r.status == 0 else {
      let line = r.error.split(separator: "\n").last.map(String.init) ?? "exit \(r.status)"
      throw .file(Message.gitFailed(command: "git " + args.prefix(2).joined(separator: " "), reason: line))
    }
    return r.output
  }

  /// The working copy for a remote: beside the database (or in the temporary folder for a
  /// database in memory).
  static func workingCopy(_ ctx: ShellContext, remote: String) -> String {
    let base =
      ctx.store.path == ":memory:"
      ? NSTemporaryDirectory() + "taller-git-\(ctx.store.replica.id.prefix(8))"
      : (ctx.store.path as NSString).deletingLastPathComponent + "/taller-git"
    return base + "/" + SafeName.slug(remote, limit: 30) + "-" + String(StableID.make("remote", remote).prefix(8))
  }

  /// Clones the remote the first time, brings the working copy up to date after that.
  static func update(_ ctx: ShellContext, remote: String) throws(TallerError) -> String {
    let wc = workingCopy(ctx, remote: remote)
    let fm = FileManager.default
    if !fm.fileExists(atPath: wc + "/.git") {
      try? fm.createDirectory(atPath: (wc as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try? fm.removeItem(atPath: wc)
      try git(ctx, ["clone", "--quiet", remote, wc], in: nil)
      try git(ctx, ["checkout", "--quiet", "-B", branch], in: wc)
    }
    if try !git(ctx, ["ls-remote", "--heads", "origin", branch], in: wc).isEmpty {
      try git(ctx, ["pull", "--quiet", "--rebase", "origin", branch], in: wc)
    }
    return wc
  }

  static func push(_ ctx: ShellContext, remote: String, lang: Lang) throws(TallerError) -> Reply {
    let wc = try update(ctx, remote: remote)
    // Sealed, one folder per team, like `sync export` (what a team may read is all a remote
    // holds in the clear: ids and sizes).
    let out = try SyncFiles.writeSealed(ctx, into: wc + "/" + folder, all: false, lang: lang) { _, g in
      .git(remote + "#" + g.scope + "#" + g.readersTag)
    }
    if out.files.isEmpty { return .text(Message.syncNothing.text(lang)) }
    try git(ctx, ["add", "--"] + out.files, in: wc)
    let message = "taller: \(out.changes) change(s) from \(ctx.store.replica.label)"
    try git(ctx, ["-c", "user.name=taller", "-c", "user.email=taller@localhost", "commit", "--quiet", "-m", message], in: wc)
    // Someone else may have pushed meanwhile: their bundles are other files, so a rebase always
    // goes through; try a few times.
    var attempt = 0
    while true {
      do {
        try git(ctx, ["push", "--quiet", "origin", "HEAD:refs/heads/\(branch)"], in: wc)
        break
      } catch {
        attempt += 1
        if attempt >= 4 { throw error }
        try git(ctx, ["pull", "--quiet", "--rebase", "origin", branch], in: wc)
      }
    }
    return .ok(Message.gitPushed(count: String(out.changes), remote: remote).text(lang))
  }

  static func pull(_ ctx: ShellContext, remote: String, lang: Lang) throws(TallerError) -> Reply {
    let wc = try update(ctx, remote: remote)
    let dir = wc + "/" + folder
    if !FileManager.default.fileExists(atPath: dir) { return .text(Message.gitEmpty(remote: remote).text(lang)) }
    return try SyncFiles.importPaths(ctx, [dir], lang: lang)
  }
}
