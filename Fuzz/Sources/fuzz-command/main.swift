import Foundation
import TallerCore
import TallerShell

/// The shell's command parser and the answer parsers on whatever a person (or a script) types.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
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
