/// The datasets trustdata reads, like a command's list of subcommands. Pipeline decoding, the import,
/// the analysis, `measures.csv` and the workbooks loop over this list in this order (the order of the
/// slices' sheets in a workbook and of their rows in `measures.csv`). A new dataset is a new folder
/// under `Slices/` with a type conforming to `Slice`, and one line here.
public enum SliceRegistry {
    public static let all: [any Slice.Type] = [
        KS2Slice.self,
        AssessmentsSlice.self,
        EYFSSlice.self,
        PhonicsSlice.self,
        MTCSlice.self,
        AttendanceSlice.self,
        ExclusionsSlice.self,
        FinanceSlice.self,
        JudgementsSlice.self,
        OfstedSlice.self,
    ]

    /// Every key a pipeline's `inputs:` may hold for a slice, in registry order.
    public static var inputKeys: [String] { all.flatMap { $0.inputKeys } }
}
