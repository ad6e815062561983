extension AttendanceMarksImporter {
    /// Each enrolment's slot by its key (school, pupil, year): an open-addressed table with linear
    /// probing and a multiplicative hash of the three numbers. A weekly-string file meets a new
    /// enrolment every few hundred bytes, where a `Dictionary` (SipHash of the key, once to find and
    /// once to insert) showed in the profile; here a lookup is a few instructions.
    struct SlotTable {
        private var keys: [PupilKey]
        /// The slot of `keys[i]`, or -1 for an empty entry.
        private var values: [Int32]
        private var shift: UInt64
        private(set) var count = 0

        init(capacity: Int = 64) {
            var size = 16
            while size < capacity * 2 { size <<= 1 }
            keys = [PupilKey](repeating: PupilKey(urn: 0, upn: 0, year: 0), count: size)
            values = [Int32](repeating: -1, count: size)
            shift = UInt64(64 - size.trailingZeroBitCount)
        }

        @inline(__always)
        private func home(_ key: PupilKey) -> Int {
            let mixed = (key.upn ^ UInt64(key.urn) << 40 ^ UInt64(UInt32(bitPattern: key.year)) << 20) &* 0x9E37_79B9_7F4A_7C15
            return Int(truncatingIfNeeded: mixed >> shift)
        }

        subscript(key: PupilKey) -> Int? {
            @inline(__always) get {
                let mask = values.count - 1
                var i = home(key)
                while true {
                    let v = values[i]
                    if v < 0 { return nil }
                    if keys[i] == key { return Int(v) }
                    i = (i + 1) & mask
                }
            }
        }

        /// Adds a key that is not in the table.
        mutating func insert(_ key: PupilKey, slot: Int) {
            if (count + 1) * 2 > values.count { grow() }
            let mask = values.count - 1
            var i = home(key)
            while values[i] >= 0 { i = (i + 1) & mask }
            keys[i] = key
            values[i] = Int32(slot)
            count += 1
        }

        private mutating func grow() {
            var bigger = SlotTable(capacity: values.count)
            for i in values.indices where values[i] >= 0 { bigger.insert(keys[i], slot: Int(values[i])) }
            self = bigger
        }
    }
}
