// scripts/fuzz.sh passes `-sanitize=fuzzer` with -Xswiftc, which SwiftPM gives to every
// executable it builds, this tool included; libFuzzer then wants the fuzzing entry point in
// the tool too. SwiftPM still starts the tool at its own main.swift, so this is never called.
#if FUZZING
/// The entry point libFuzzer's runtime links against; the tool never fuzzes anything.
@_cdecl("LLVMFuzzerTestOneInput")
func unusedFuzzingEntryPoint(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt { 0 }
#endif
