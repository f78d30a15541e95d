// swift-tools-version: 6.0
import PackageDescription

// Linux only: the build uses inotify, renameat2 and Glibc's stat (see docs/ARCHITECTURE.md).
let package = Package(
    name: "Outloud",
    products: [
        .executable(name: "outloud", targets: ["outloud"]),
        .library(name: "Outloud", targets: ["Outloud"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .target(name: "COutloudSystem"),
        .target(
            name: "Outloud",
            dependencies: [
                "CCmark",
                "COutloudSystem",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            // The copy of themes/default/ built into the binary (`DefaultTheme`).
            plugins: ["DefaultThemePlugin"]
        ),
        // Writes `DefaultTheme.swift` from themes/default/ at build time for the plugin.
        .executableTarget(name: "ThemeEmbedder"),
        .plugin(name: "DefaultThemePlugin", capability: .buildTool(), dependencies: ["ThemeEmbedder"]),
        .executableTarget(
            name: "outloud",
            dependencies: [
                "Outloud",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // libFuzzer target: scripts/fuzz.sh builds it with -sanitize=fuzzer; a normal build
        // gives a tool that replays inputs.
        .executableTarget(name: "OutloudFuzz", dependencies: ["Outloud"]),
        .testTarget(
            name: "OutloudTests",
            dependencies: ["Outloud", "ThemeEmbedder"],
            exclude: []
        ),
    ]
)
