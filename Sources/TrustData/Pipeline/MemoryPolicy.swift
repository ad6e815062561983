#if canImport(Glibc)
import Glibc
#endif

/// How a run asks glibc's malloc to hold its memory (process-wide, set when a run starts).
enum MemoryPolicy {
    /// Blocks of 1 MiB or more get their own mappings, returned to the system when freed. By default glibc
    /// raises that threshold each time such a block is freed (up to 32 MiB), after which the run's large
    /// arrays (tallies, figures, index tables) land in the heap and leave holes other threads' arenas
    /// cannot reuse: peak RSS on the 100-academy trust 305 -> 272 MB with the threshold fixed, the same
    /// CPU time (`/usr/bin/time -v`). A lower threshold saved more (255 MB at 128 KiB) but mapped and
    /// unmapped the many mid-sized arrays over and over (+35% system time).
    static func apply() {
        #if canImport(Glibc)
        // `mallopt` is declared in <malloc.h>, which the Glibc module does not include: looked up by name.
        guard let symbol = dlsym(nil, "mallopt") else { return }
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        let mmapThreshold: Int32 = -3   // M_MMAP_THRESHOLD in <malloc.h>
        _ = unsafeBitCast(symbol, to: Mallopt.self)(mmapThreshold, 1 << 20)
        #endif
    }
}
