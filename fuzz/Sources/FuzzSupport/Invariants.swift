// What the fuzz targets share: invariants that hold in release builds too
// (where `assert` is compiled out), and line counting as the parsers count.

/// Stops the run, so libFuzzer saves the input, when an invariant fails.
public func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() { fatalError("invariant: " + message()) }
}

/// Line breaks as YAML and CommonMark count them: LF, CR LF, and a lone CR.
public func lineBreaks(_ bytes: [UInt8]) -> Int {
    var count = 0
    for (k, byte) in bytes.enumerated() where byte == 0x0A || (byte == 0x0D && (k + 1 == bytes.count || bytes[k + 1] != 0x0A)) {
        count += 1
    }
    return count
}
