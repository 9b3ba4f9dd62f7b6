import Foundation
import FuzzDriver
import TallerCore
import TallerShell

/// The shell's command parser and the answer parsers on whatever a person (or a script) types.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
  guard let start else { return 0 }
  let line = String(decoding: Data(bytes: start, count: count), as: UTF8.self)
  _ = try? CommandTable.standard.parse(line)
  _ = try? CommandTable.split(line)
  _ = Text.fold(line)
  _ = Text.clean(line)
  _ = TextMerge.clean(base: line, versions: [line + "\nx", "y\n" + line])
  _ = GradeMath.parse(line, max: 20)
  if case .success(let content) = BuiltinContent.content {
    for def in content.exercises {
      for f in def.fields { _ = try? AnswerParser.parse(line, field: f, lang: .es) }
    }
  }
  return 0
}

// SwiftPM links an executable's entry point as `<target>_main`: libFuzzer's driver takes over.
@_cdecl("fuzz_command_main")
public func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  runFuzzer(argc, argv, fuzz)
}
