import Foundation

/// The pipeline file `trustdata init` writes: every placed file under its input key, the column mappings
/// it guessed (each to check), and comments saying what was found and what was not.
struct PipelineDraft {
    let folder: String
    let pipelinePath: String
    let files: [String: [String]]
    /// File → the values its entry fixes (`- path: …, urn: …`).
    let fixed: [String: [String: String]]
    let mappings: [String: [String: String]]
    let rows: [InitPlan.Row]
    let academicYear: AcademicYear
    let reference: String?
    let benchmarks: String?

    var text: String {
        let pipelineFolder = (pipelinePath as NSString).deletingLastPathComponent
        let name = ((pipelinePath as NSString).lastPathComponent as NSString).deletingPathExtension
        let root = relative(folder, from: pipelineFolder)
        let output = relative(((pipelineFolder as NSString).deletingLastPathComponent as NSString).appendingPathComponent("outputs/\(name)"), from: folder)
        var out: [String] = [
            "# Written by `trustdata init` from the exports in \(root). Check every line marked CHECK, then",
            "# `trustdata validate \((pipelinePath as NSString).lastPathComponent)` and `trustdata run`.",
            "version: 1",
            "name: \(yaml(name))",
            "trust: \(yaml((folder as NSString).lastPathComponent))   # CHECK: the trust's name as printed on every sheet",
            "academic_year: \(academicYear)   # the newest year in the files; the workbooks lead with it",
            "# Paths below are relative to the exports folder.",
            "root: \(yaml(root))",
            "output: \(yaml(output))",
            "",
            "inputs:",
        ]
        let order = ["schools", "pupils", "targets", "performance_tables"] + SliceRegistry.inputKeys
        for key in order {
            guard let list = files[key], !list.isEmpty else { continue }
            let comments = list.map { file -> String in
                guard let row = rows.first(where: { $0.file == file }) else { return "" }
                return "\(row.layout), \(Int((row.confidence * 100).rounded()))% sure"
            }
            if key == "schools" || (list.count == 1 && (fixed[list[0]] ?? [:]).isEmpty) {
                out.append("  \(key): \(yaml(list[0]))   # \(comments[0])")
            } else {
                out.append("  \(key):")
                for (file, comment) in zip(list, comments) {
                    let values = (fixed[file] ?? [:]).sorted { $0.key < $1.key }
                    if values.isEmpty {
                        out.append("    - \(yaml(file))   # \(comment)")
                    } else {
                        out.append("    - path: \(yaml(file))   # \(comment)")
                        for (column, value) in values { out.append("      \(column): \(yaml(value))   # CHECK: read from the file or folder name") }
                    }
                }
            }
        }
        if let reference { out.append("  reference: \(yaml(nearby(reference)))   # the code tables shipped with trustdata") }
        if let benchmarks { out.append("  benchmarks: \(yaml(nearby(benchmarks)))   # national and LA figures shipped with trustdata") }
        let unplaced = rows.filter { $0.dataset == nil }
        if !unplaced.isEmpty {
            out.append("  # Not placed (see the table `trustdata init` printed):")
            for r in unplaced { out.append("  #   \(r.file): \(r.notes.first ?? "")") }
        }
        let mapped = mappings.filter { !$0.value.isEmpty }
        if !mapped.isEmpty {
            out.append("")
            out.append("# Headings taken for a column by a near spelling. CHECK each: the heading must hold that column.")
            out.append("column_mappings:")
            for key in order where mapped[key] != nil {
                out.append("  \(key):")
                for (column, heading) in mapped[key]!.sorted(by: { $0.key < $1.key }) { out.append("    \(column): \(yaml(heading))") }
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// A YAML scalar, quoted when plain style would misread it.
    func yaml(_ s: String) -> String {
        let plain = s.range(of: #"^[A-Za-z0-9_./][A-Za-z0-9 _./()-]*$"#, options: .regularExpression) != nil && !s.hasSuffix(" ")
        if plain && !["yes", "no", "true", "false", "null", "on", "off"].contains(s.lowercased()) { return s }
        return "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// A shipped folder relative to the exports folder when it is close by, else absolute.
    func nearby(_ path: String) -> String {
        let r = relative(path, from: folder)
        return r.components(separatedBy: "../").count - 1 > 2 ? path : r
    }

    /// `path` relative to the folder `base` (both absolute).
    func relative(_ path: String, from base: String) -> String {
        let a = (path as NSString).standardizingPath.split(separator: "/"), b = (base as NSString).standardizingPath.split(separator: "/")
        var i = 0
        while i < a.count && i < b.count && a[i] == b[i] { i += 1 }
        let up = Array(repeating: "..", count: b.count - i)
        let rest = a[i...].map(String.init)
        let joined = (up + rest).joined(separator: "/")
        return joined.isEmpty ? "." : joined
    }
}
