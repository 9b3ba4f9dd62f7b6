// swift-tools-version:6.1
import PackageDescription

let package = Package(
  name: "taller",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "taller", targets: ["taller"]),
    // For the fuzz targets in Fuzz/ (a package of their own).
    .library(name: "TallerKit", targets: ["TallerCore", "TallerStore", "TallerShell", "TallerTerminal"]),
  ],
  dependencies: [
    .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
    .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
    .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
    .package(url: "https://github.com/swiftlang/swift-subprocess", exact: "1.0.2"),
    .package(url: "https://github.com/adam-fowler/compress-nio", exact: "1.5.0"),
    .package(url: "https://github.com/apple/swift-nio", exact: "2.101.3"),
  ],
  targets: [
    // Domain model, change log model, i18n catalogs, exercise engine. Foundation only.
    .target(
      name: "TallerCore",
      dependencies: [
        .product(name: "Yams", package: "Yams"),
        .product(name: "Crypto", package: "swift-crypto"),
        // scrypt, for invitation codes and passphrases.
        .product(name: "_CryptoExtras", package: "swift-crypto"),
        // gzip (zlib) for bundle payloads on the wire.
        .product(name: "CompressNIO", package: "compress-nio"), .product(name: "NIOCore", package: "swift-nio"),
      ]
    ),
    // The SQLite store. The only target that imports GRDB (and, for the import's hot loop,
    // SQLite's C API beneath it).
    .target(
      name: "TallerStore",
      dependencies: [
        "TallerCore", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
        // scrypt, for a passphrase on a key file.
        .product(name: "Crypto", package: "swift-crypto"), .product(name: "_CryptoExtras", package: "swift-crypto"),
      ]
    ),
    // The engine: the command table, the walk through exercises, rendering, scripted mode. It
    // runs (and is tested) without a terminal.
    .target(
      name: "TallerShell",
      dependencies: ["TallerCore", "TallerStore"]
    ),
    // The edge: the terminal (its size and modes), the line editor, the editor and git the
    // shell hands work to. The engine does not import it; the executable wires them together.
    .target(
      name: "TallerTerminal",
      dependencies: ["TallerCore", "TallerShell", .product(name: "Subprocess", package: "swift-subprocess")]
    ),
    // Thin entry point: process flags and wiring.
    .executableTarget(
      name: "taller",
      dependencies: [
        "TallerShell", "TallerTerminal",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // What tests and benchmarks build on and taller does not ship: class fixtures, synthetic
    // bundles, plain-SQLite baselines.
    .target(
      name: "TallerTestSupport",
      dependencies: [
        "TallerCore", "TallerStore", "TallerShell", .product(name: "GRDB", package: "GRDB.swift"),
      ]
    ),
    // Benchmarks: the figures of docs/BENCHMARKS.md (`swift build -c release`, then
    // `.build/release/taller-bench`).
    .executableTarget(
      name: "taller-bench",
      dependencies: ["TallerCore", "TallerStore", "TallerShell", "TallerTestSupport"],
      path: "Benchmarks"
    ),
    .testTarget(
      name: "TallerTests",
      dependencies: ["TallerCore", "TallerStore", "TallerShell", "TallerTerminal", "TallerTestSupport", "taller"],
      exclude: ["Golden", "Fixtures", "Tools"]
    ),
  ],
  swiftLanguageModes: [.v6]
)
