import Yams

/// The strict reader's check of a pipeline file's keys, on the YAML as parsed (before decoding, so
/// before any import): an unknown key anywhere in the sections trustdata reads stops `validate` and
/// `run` with the key, its line and column, and the closest valid key. A key that belongs to another
/// section (a setting left unindented) says where it belongs. A misspelt key would otherwise be
/// ignored and its default used in silence (`min_group_sise:`; `ks_2:` skipping KS2 altogether).
enum PipelineKeys {
    /// The sections checked key by key, by their top-level key, with what a reader calls each.
    static var sections: [(key: String, keys: [String])] {
        [("inputs", InputFiles.keys), ("settings", PipelineSettings.keys), ("frameworks", FrameworksSettings.keys),
         ("column_mappings", columnMappingKeys)]
            + SliceRegistry.all.map { ($0.id, $0.settingsKeys) }
    }

    /// Files whose headings can be mapped, by their key under `column_mappings:`: the shared inputs read
    /// by heading, then each slice's.
    static var mappableSchemas: [DatasetSchema] {
        [SchoolsImporter.schema, PupilsImporter.schema, TargetsImporter.schema, PerformanceTablesImporter.schema]
            + SliceRegistry.all.flatMap { $0.schemas }
    }

    static var columnMappingKeys: [String] { mappableSchemas.map(\.dataset) }

    /// Throws `PipelineError.invalid` for the first unknown key in file order.
    static func check(_ root: Node, path: String) throws {
        guard let top = root.mapping else {
            throw PipelineError.invalid(path: path, reason: "\(place(root)) the file must be a list of `key: value` lines (version, name, trust, academic_year, inputs, …)")
        }
        for (key, value) in top {
            let name = key.string ?? ""
            try known(name, at: key, allowed: PipelineConfig.keys, section: nil, path: path)
            guard let section = sections.first(where: { $0.key == name }), let mapping = value.mapping else { continue }
            for (inner, columns) in mapping {
                try known(inner.string ?? "", at: inner, allowed: section.keys, section: name, path: path)
                if name == "inputs", let dataset = inner.string, let entries = columns.sequence {
                    try checkEntries(entries, dataset: dataset, path: path)
                }
                // A mapping names a file's canonical columns (`pupils: {surname: "Legal Surname"}`).
                guard name == "column_mappings", let dataset = inner.string, let columns = columns.mapping,
                      let schema = mappableSchemas.first(where: { $0.dataset == dataset }) else { continue }
                for (column, _) in columns {
                    try known(column.string ?? "", at: column, allowed: schema.columns.map(\.name), section: name, path: path,
                              what: "a column of \(dataset) files (under `column_mappings: \(dataset):`)")
                }
            }
        }
    }

    /// The keys of each `- path: …` entry of a dataset's file list: the entry's own (`path`) and the
    /// columns of the dataset's files it may fix (`laestab` too where files have a URN column).
    private static func checkEntries(_ entries: Node.Sequence, dataset: String, path: String) throws {
        guard let schema = mappableSchemas.first(where: { $0.dataset == dataset }) else { return }
        let columns = schema.columns.map(\.name)
        let allowed = InputEntry.options + columns + (columns.contains("urn") && !columns.contains("laestab") ? ["laestab"] : [])
        for entry in entries {
            guard let mapping = entry.mapping else { continue }
            for (key, _) in mapping {
                try known(key.string ?? "", at: key, allowed: allowed, section: "inputs", path: path,
                          what: "a key of a `\(dataset):` file entry (`path:`, or a column of \(dataset) files to fix for every row)")
            }
        }
    }

    private static func known(_ key: String, at node: Node, allowed: [String], section: String?, path: String,
                              what column: String? = nil) throws {
        guard !allowed.contains(key) else { return }
        let what = column ?? section.map { "a key of `\($0):`" } ?? "a top-level key"
        var advice = "did you mean `\(closest(key, in: allowed))`?"
        if column == nil, let home = home(of: key, besides: section) {
            advice = home == "" ? "it is a top-level key: take it out of `\(section ?? "")`" : "it belongs under `\(home):` — indent it there"
        }
        throw PipelineError.invalid(path: path, reason: "\(place(node)) `\(key)` is not \(what); \(advice)")
    }

    /// The section a key belongs to when it is not where it was written ("" for the top level).
    private static func home(of key: String, besides section: String?) -> String? {
        if section != nil, PipelineConfig.keys.contains(key) { return "" }
        return sections.first { $0.key != section && $0.key != "column_mappings" && $0.keys.contains(key) }?.key
    }

    static func closest(_ key: String, in allowed: [String]) -> String {
        allowed.map { ($0, HeaderMap.editDistance($0.lowercased(), key.lowercased())) }.min { ($0.1, $0.0) < ($1.1, $1.0) }?.0 ?? ""
    }

    /// "line 12, column 3:" for a node, as editors count them (from 1).
    static func place(_ node: Node) -> String {
        guard let mark = node.mark else { return "" }
        return "line \(mark.line), column \(mark.column):"
    }

    /// The node a decoding error's path points at (the nearest one that exists), for its line.
    static func node(at codingPath: [CodingKey], in root: Node) -> Node {
        var node = root
        for key in codingPath {
            if let mapping = node.mapping, let value = mapping.first(where: { $0.key.string == key.stringValue })?.value {
                node = value
            } else if let sequence = node.sequence, let i = key.intValue, i < sequence.count {
                node = sequence[sequence.index(sequence.startIndex, offsetBy: i)]
            } else {
                break
            }
        }
        return node
    }

    /// The key node of the last mapping key on the path (where an unknown or wrong key was written).
    static func keyNode(at codingPath: [CodingKey], in root: Node) -> Node? {
        guard let last = codingPath.last else { return nil }
        let parent = node(at: Array(codingPath.dropLast()), in: root)
        return parent.mapping?.first { $0.key.string == last.stringValue }?.key
    }
}

extension Slice {
    /// The keys of the slice's block of the pipeline file.
    static var settingsKeys: [String] { Settings.keys }
}
