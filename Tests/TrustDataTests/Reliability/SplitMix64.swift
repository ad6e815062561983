/// A tiny seeded PRNG (SplitMix64, Steele et al. 2014) so every fuzz run can be replayed from its seed.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Byte-level mutations of a valid CSV that imitate what goes wrong with real exports.
enum CSVMutator {
    static func mutate(_ input: [UInt8], rng: inout SplitMix64, rounds: Int) -> [UInt8] {
        var bytes = input
        for _ in 0..<rounds {
            let at = bytes.isEmpty ? 0 : Int.random(in: 0...bytes.count, using: &rng)
            switch Int.random(in: 0..<11, using: &rng) {
            case 0 where !bytes.isEmpty: // flip a bit
                let i = min(at, bytes.count - 1)
                bytes[i] ^= UInt8(1 << Int.random(in: 0..<8, using: &rng))
            case 1: bytes.insert(UInt8(ascii: "\""), at: at)
            case 2: bytes.insert(UInt8(ascii: ","), at: at)
            case 3: bytes.insert(UInt8(ascii: "\n"), at: at)
            case 4: bytes.insert(UInt8(ascii: "\r"), at: at)
            case 5: bytes = Array(bytes.prefix(at)) // truncate
            case 6: // duplicate a line
                let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
                if let line = lines.randomElement(using: &rng) {
                    bytes.insert(contentsOf: Array(line) + [UInt8(ascii: "\n")], at: at)
                }
            case 7: // high bytes (broken UTF-8, Windows-1252)
                let n = Int.random(in: 1...4, using: &rng)
                bytes.insert(contentsOf: (0..<n).map { _ in UInt8.random(in: 0x80...0xFF, using: &rng) }, at: at)
            case 8 where !bytes.isEmpty: // delete a run
                let n = Int.random(in: 1...8, using: &rng)
                let i = min(at, bytes.count - 1)
                bytes.removeSubrange(i..<min(bytes.count, i + n))
            case 9: // a BOM, NUL or tab
                let pick: [[UInt8]] = [[0xEF, 0xBB, 0xBF], [0], [9], [UInt8(ascii: ";")]]
                bytes.insert(contentsOf: pick.randomElement(using: &rng)!, at: at)
            default: // a digit or letter typed over a character
                if !bytes.isEmpty {
                    let i = min(at, bytes.count - 1)
                    bytes[i] = Array("0123456789-/.AZaz ".utf8).randomElement(using: &rng)!
                }
            }
        }
        return bytes
    }
}
