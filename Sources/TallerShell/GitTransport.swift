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

  /// Runs git in `dir`; returns its standard output, or throws with its last error line.
  @discardableResult
  static func git(_ args: [String], in dir: String?) throws(TallerError) -> String {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["git"] + (dir.map { ["-C", $0] } ?? []) + args
    var env = ProcessInfo.processInfo.environment
    env["GIT_TERMINAL_PROMPT"] = "0"
    env["LC_ALL"] = "C"
    p.environment = env
    let out = Pipe()
    let err = Pipe()
    p.standardOutput = out
    p.standardError = err
    p.standardInput = FileHandle.nullDevice
    do { try p.run() } catch { throw .file(Message(.gitMissing)) }
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    if p.terminationStatus == 127 { throw .file(Message(.gitMissing)) }
    guard p.terminationStatus == 0 else {
      let line = String(decoding: e, as: UTF8.self).split(separator: "\n").last.map(String.init) ?? "exit \(p.terminationStatus)"
      throw .file(Message(.gitFailed, ["command": "git " + args.prefix(2).joined(separator: " "), "reason": line]))
    }
    return String(decoding: o, as: UTF8.self)
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
      try git(["clone", "--quiet", remote, wc], in: nil)
      try git(["checkout", "--quiet", "-B", branch], in: wc)
    }
    if try !git(["ls-remote", "--heads", "origin", branch], in: wc).isEmpty {
      try git(["pull", "--quiet", "--rebase", "origin", branch], in: wc)
    }
    return wc
  }

  static func push(_ ctx: ShellContext, remote: String, lang: Lang) throws(TallerError) -> Reply {
    let wc = try update(ctx, remote: remote)
    let key = "sync.exported.git:" + remote
    var sent: [String: Int64] = [:]
    if let text = try ctx.store.localSetting(key), let json = try? StrictJSONParser.parse(text) {
      for (k, v) in json.objectValue ?? [:] { if let n = v.intValue { sent[k] = n } }
    }
    guard let bundle = try ctx.store.exportBundle(after: sent) else { return .text(Message(.syncNothing).text(lang)) }
    let name = bundle.fileName()
    _ = try SyncFiles.write(bundle.encode(), named: name, in: wc + "/" + folder)
    try git(["add", folder + "/" + name], in: wc)
    let message = "taller: \(bundle.bodies.count) change(s) from \(ctx.store.replica.label)"
    try git(["-c", "user.name=taller", "-c", "user.email=taller@localhost", "commit", "--quiet", "-m", message], in: wc)
    // Someone else may have pushed meanwhile: their bundles are other files, so a rebase always
    // goes through; try a few times.
    var attempt = 0
    while true {
      do {
        try git(["push", "--quiet", "origin", "HEAD:refs/heads/\(branch)"], in: wc)
        break
      } catch {
        attempt += 1
        if attempt >= 4 { throw error }
        try git(["pull", "--quiet", "--rebase", "origin", branch], in: wc)
      }
    }
    var vector = sent
    for s in bundle.signatures { vector[s.replica] = max(vector[s.replica] ?? 0, s.seq) }
    try ctx.store.setLocalSetting(key, CanonicalJSON.encode(.object(vector.mapValues { .int($0) })))
    return .ok(Message(.gitPushed, ["count": String(bundle.bodies.count), "remote": remote]).text(lang))
  }

  static func pull(_ ctx: ShellContext, remote: String, lang: Lang) throws(TallerError) -> Reply {
    let wc = try update(ctx, remote: remote)
    let dir = wc + "/" + folder
    if !FileManager.default.fileExists(atPath: dir) { return .text(Message(.gitEmpty, ["remote": remote]).text(lang)) }
    return try SyncFiles.importPaths(ctx, [dir], lang: lang)
  }
}
