// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "trustdata",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "trustdata", targets: ["trustdata"]),
        .library(name: "TrustData", targets: ["TrustData"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
    ],
    targets: [
        // Thin shims over the Debian C libraries; nothing but the module maps lives here.
        .systemLibrary(
            name: "CCSV",
            path: "Sources/CCSV",
            providers: [.apt(["libcsv-dev"])]
        ),
        .systemLibrary(
            name: "CXLSXWriter",
            path: "Sources/CXLSXWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        // Reading .xlsx inputs: libzip inflates the workbook's parts, expat streams their XML.
        .systemLibrary(
            name: "CZip",
            path: "Sources/CZip",
            pkgConfig: "libzip",
            providers: [.apt(["libzip-dev"])]
        ),
        .systemLibrary(
            name: "CExpat",
            path: "Sources/CExpat",
            pkgConfig: "expat",
            providers: [.apt(["libexpat1-dev"])]
        ),
        .target(
            name: "TrustData",
            dependencies: [
                "CCSV",
                "CXLSXWriter",
                "CZip",
                "CExpat",
                .product(name: "Yams", package: "Yams"),
            ],
            path: "Sources/TrustData"
        ),
        .executableTarget(
            name: "trustdata",
            dependencies: [
                "TrustData",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/trustdata"
        ),
        // The benchmark's measuring tool (Benchmarks/run.sh): times CSV parsing, the marks import and whole runs.
        .executableTarget(
            name: "trustdata-bench",
            dependencies: ["TrustData"],
            path: "Sources/trustdata-bench"
        ),
        .testTarget(
            name: "TrustDataTests",
            dependencies: ["TrustData"],
            path: "Tests/TrustDataTests",
            // Bad-input corpus and golden sheet XML: read in place via #filePath, not bundled.
            exclude: ["Reliability/Corpus", "Reliability/Golden"],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
