// swift-tools-version:6.1
// libFuzzer targets for taller's readers of untrusted input. Built apart from the main package,
// with the fuzzer instrumentation:
//
//   cd Fuzz && swift build -c debug -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
//   mkdir -p /tmp/fz && cp -r corpus/bundle corpus/command corpus/lists corpus/authority corpus/packed /tmp/fz/   # the fuzzer adds to its corpus
//   .build/debug/fuzz-bundle /tmp/fz/bundle -max_total_time=120 -max_len=4096
//   .build/debug/fuzz-command /tmp/fz/command -max_total_time=120 -max_len=512
//   .build/debug/fuzz-lists /tmp/fz/lists -max_total_time=120 -max_len=256 -timeout=10
//   .build/debug/fuzz-authority /tmp/fz/authority -max_total_time=120 -max_len=256 -timeout=10
//   .build/debug/fuzz-packed /tmp/fz/packed -max_total_time=120 -max_len=2048
//
// First runs (2026-11-22): fuzz-bundle 184k inputs in 76 s, fuzz-command 8.5k in 60 s (it parses
// each input as every answer kind), no crash, no failed round trip. After the one-pass import and
// the faster JSON strings (fuzz-bundle now also streams each input through BundleScan from a
// file and compares it with the whole-file reader): fuzz-bundle 37.6k inputs in 121 s,
// fuzz-command 8.6k in 91 s, nothing found. After the direct change decoder (fuzz-bundle now
// also holds it to the tree parser on every input): 35.1k inputs in 151 s, nothing found.
// fuzz-lists (2026-12-01) holds list order and removals to sync/PROTOCOL.md §2: a total order,
// every placement where it was asked (ties included), and each item shown, flagged or in the
// trash as the removal rule computed from the changes alone says, in both orders of arrival
// (a concurrent removal and restore, a conflict on `deleted`, shows flagged): 451 inputs in
// 151 s (each builds two in-memory databases), nothing found. fuzz-authority (2026-12-01) sends
// a stranger's hostile changes (creates of the class's ids with any type and parent, writes to
// any field, removals, keys, founders, grades, clocks out of bounds) at an enrolled, graded team:
// the team, its grades and the class must stay as they were, and the laptop must still write —
// 545 inputs in 121 s, nothing found. fuzz-packed (2026-12-02) packs and unpacks any text as the
// database keeps change texts (and change-like texts built around the input's replica and
// `prev`, which packing may leave out), byte for byte, and reads any bytes as a packed text and
// as gzip: 130k inputs in 121 s, nothing found.
import PackageDescription

let package = Package(
  name: "taller-fuzz",
  dependencies: [.package(path: "..")],
  targets: [
    // The libFuzzer driver glue every target shares.
    .target(name: "FuzzDriver"),
    .executableTarget(name: "fuzz-bundle", dependencies: ["FuzzDriver", .product(name: "TallerKit", package: "main")]),
    .executableTarget(name: "fuzz-command", dependencies: ["FuzzDriver", .product(name: "TallerKit", package: "main")]),
    .executableTarget(name: "fuzz-lists", dependencies: ["FuzzDriver", .product(name: "TallerKit", package: "main")]),
    .executableTarget(name: "fuzz-authority", dependencies: ["FuzzDriver", .product(name: "TallerKit", package: "main")]),
    .executableTarget(name: "fuzz-packed", dependencies: ["FuzzDriver", .product(name: "TallerKit", package: "main")]),
  ],
  swiftLanguageModes: [.v6]
)
