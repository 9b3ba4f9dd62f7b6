// swift-tools-version:6.1
// libFuzzer targets for taller's readers of untrusted input. Built apart from the main package,
// with the fuzzer instrumentation:
//
//   cd Fuzz && swift build -c debug -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
//   .build/debug/fuzz-bundle corpus/bundle -max_total_time=120
//   .build/debug/fuzz-command corpus/command -max_total_time=120
import PackageDescription

let package = Package(
  name: "taller-fuzz",
  dependencies: [.package(path: "..")],
  targets: [
    .executableTarget(name: "fuzz-bundle", dependencies: [.product(name: "TallerKit", package: "main")]),
    .executableTarget(name: "fuzz-command", dependencies: [.product(name: "TallerKit", package: "main")]),
  ],
  swiftLanguageModes: [.v6]
)
