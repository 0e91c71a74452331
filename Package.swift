// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "mocpress",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "mocpress", targets: ["mocpress"]),
        .library(name: "MocPress", targets: ["MocPress"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CMark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .target(
            name: "MocPress",
            dependencies: [
                "CMark",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .executableTarget(
            name: "mocpress",
            dependencies: [
                "MocPress",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "MocPressTests",
            dependencies: ["MocPress"],
            exclude: ["Schedule/Fixtures"]
        ),
    ]
)
