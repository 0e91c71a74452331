// swift-tools-version:6.0
// libFuzzer targets for mocpress (see fuzz/run.sh). A package of its own so
// that the main `swift build` / `swift test` never compile or link them.
import Foundation
import PackageDescription

// The main package is the folder above; a path dependency is known by that
// folder's name (the clone's name in CI, the worktree's name here).
let mainPackage = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "mocpress-fuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(path: ".."),
    ],
    targets: [
        .target(name: "FuzzSupport"),
        .executableTarget(name: "FuzzPageReader", dependencies: ["FuzzSupport", .product(name: "MocPress", package: mainPackage)]),
        .executableTarget(name: "FuzzSchedule", dependencies: ["FuzzSupport", .product(name: "MocPress", package: mainPackage)]),
        .executableTarget(name: "FuzzMarkdown", dependencies: ["FuzzSupport", .product(name: "MocPress", package: mainPackage)]),
    ]
)
