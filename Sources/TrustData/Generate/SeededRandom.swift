/// A fixed, seedable pseudo-random generator (SplitMix64, Steele, Lea & Flood 2014) so `trustdata generate`
/// writes the same bytes for the same seed on every machine and Swift version. Never
/// `SystemRandomNumberGenerator`; and no transcendental functions (libm differs between platforms), so
/// the normal deviate is the Irwin–Hall sum of twelve uniforms.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// An independent stream for one purpose (e.g. one school's attendance), derived from a seed and labels,
    /// so each part of the trust can be generated without consuming another part's numbers.
    public init(seed: UInt64, _ labels: UInt64...) {
        var mixed = seed
        for label in labels { mixed = SeededRandom.mix(mixed &+ 0x9E37_79B9_7F4A_7C15 &* (label &+ 1)) }
        state = mixed
    }

    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SeededRandom.mix(state)
    }

    /// Uniform in 0..<1 (53 bits).
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// Uniform integer in `range` (multiply-shift; the tiny bias is irrelevant for fictional data).
    public mutating func int(_ range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound + 1)
        return range.lowerBound + Int(next().multipliedFullWidth(by: span).high)
    }

    public mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// Approximately normal (Irwin–Hall, twelve uniforms), mean 0 and standard deviation 1.
    public mutating func normal() -> Double {
        var sum = 0.0
        for _ in 0..<12 { sum += unit() }
        return sum - 6
    }

    public mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }
}
