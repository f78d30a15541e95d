// The libFuzzer target over bytes → note → HTML; scripts/fuzz.sh builds and runs it.
//
// An input's first byte picks the note's path (its low three bits index `FuzzEntry.paths`,
// and so the kind) and whether raw HTML is allowed (its high bit); the rest is the file's
// bytes. scripts/fuzz.sh gives each seed the byte of the folder it came from.
//
// Built with `-sanitize=fuzzer -DFUZZING`, main hands over to libFuzzer's driver: SwiftPM
// links every executable with `main` set to the module's own entry point, so libFuzzer's
// `main` would never run. Built normally, this replays inputs (`swift run OutloudFuzz -v
// FILE…`) through the same function, to look at a crash input without the fuzzer build.
import Foundation
import Outloud

/// Runs one input; traps when the outcome breaks a promise of the renderer.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start, count > 0 else { return 0 }
    let outcome = FuzzEntry.run(Data(bytes: start, count: count))
    if let broken = outcome.brokenPromises.first { fatalError(broken) }
    return 0
}

#if FUZZING
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
exit(runFuzzerDriver(&argc, &argv, fuzz))
#else
// Replays files, or every file in folders; `-v` prints each input's diagnostics and HTML.
var inputs: [String] = []
var verbose = false
for argument in CommandLine.arguments.dropFirst() {
    if argument == "-v" {
        verbose = true
        continue
    }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) else {
        FileHandle.standardError.write(Data("OutloudFuzz: \(argument): no such file\n".utf8))
        exit(2)
    }
    if isDirectory.boolValue {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: argument)) ?? []
        inputs += names.sorted().map { argument + "/" + $0 }
    } else {
        inputs.append(argument)
    }
}
if inputs.isEmpty {
    print("usage: OutloudFuzz [-v] FILE|FOLDER…  (replays inputs; scripts/fuzz.sh runs the fuzzer)")
    exit(2)
}
for input in inputs {
    guard let data = FileManager.default.contents(atPath: input) else { continue }
    _ = data.withUnsafeBytes { fuzz($0.bindMemory(to: UInt8.self).baseAddress, $0.count) }
    print("\(input): ok")
    if verbose {
        let outcome = FuzzEntry.run(data)
        for diagnostic in outcome.diagnostics { print("  \(diagnostic)") }
        print(outcome.html ?? "  (no note)")
    }
}
#endif
