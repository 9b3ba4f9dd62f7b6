// swift-tools-version:6.1
import PackageDescription

let package = Package(
  name: "taller",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "taller", targets: ["taller"]),
    // For the fuzz targets in Fuzz/ (a package of their own).
    .library(name: "TallerKit", targets: ["TallerCore", "TallerStore", "TallerShell"]),
  ],
  dependencies: [
    .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
    .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
    .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
  ],
  targets: [
    // Domain model, change log model, i18n catalogs, exercise engine. Foundation only.
    .target(
      name: "TallerCore",
      dependencies: [
        .product(name: "Yams", package: "Yams"),
        .product(name: "Crypto", package: "swift-crypto"),
      ]
    ),
    // The SQLite store. The only target that imports GRDB (and, for the import's hot loop,
    // SQLite's C API beneath it).
    .target(
      name: "TallerStore",
      dependencies: [
        "TallerCore", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
      ]
    ),
    // The command table, the terminal, the line editor, rendering, scripted mode.
    .target(
      name: "TallerShell",
      dependencies: ["TallerCore", "TallerStore"]
    ),
    // Thin entry point: process flags and wiring.
    .executableTarget(
      name: "taller",
      dependencies: [
        "TallerShell",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // Benchmarks: the figures of docs/BENCHMARKS.md (`swift build -c release`, then
    // `.build/release/taller-bench`).
    .executableTarget(
      name: "taller-bench",
      dependencies: ["TallerCore", "TallerStore", "TallerShell"],
      path: "Benchmarks"
    ),
    .testTarget(
      name: "TallerTests",
      dependencies: ["TallerCore", "TallerStore", "TallerShell", "taller"],
      exclude: ["Golden", "Fixtures"]
    ),
  ],
  swiftLanguageModes: [.v6]
)
