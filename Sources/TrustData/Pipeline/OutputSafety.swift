import Foundation

/// Refuses an output path a run must never replace, before any input is read. A run replaces the whole
/// output path with its own folder (`OutputStaging`), so a mistyped `output:` or `name:` could
/// otherwise point it at `/`, a system folder, the repository or the inputs themselves.
public enum OutputSafety {
    /// Folders that hold the operating system: never an output, nor anything inside them.
    static let systemTrees = ["/bin", "/boot", "/dev", "/etc", "/lib", "/lib32", "/lib64", "/libx32", "/proc", "/run",
                              "/sbin", "/sys", "/usr", "/snap", "/System", "/Library", "/Applications", "/private/etc"]
    /// Folders that hold other folders of everyone's: never an output themselves (a folder inside is fine).
    static let sharedFolders = ["/", "/home", "/Users", "/root", "/tmp", "/var", "/var/tmp", "/opt", "/srv", "/mnt",
                                "/media", "/Volumes", "/private", "/private/tmp", "/private/var"]

    /// Checks `config`'s output path; throws `OutputError.unsafePath` saying why it is refused.
    public static func check(_ config: PipelineConfig) throws {
        try checkName(config.name)
        let output = config.outputDirectory
        if let written = config.output, !written.hasPrefix("/") {
            // A relative `output:` means a place under the pipeline's root; `../..` must not climb out of it.
            let root = config.rootDirectory
            guard output == root || isInside(output, root) else {
                throw OutputError.unsafePath(path: written, reason: "it resolves to \(output), outside the pipeline's root \(root); write an absolute path if you really mean a folder elsewhere")
            }
        }
        let real = canonical(output)
        if real == "/" { throw OutputError.unsafePath(path: output, reason: "it is the root of the file system") }
        if let tree = systemTrees.first(where: { real == $0 || isInside(real, $0) }) {
            throw OutputError.unsafePath(path: output, reason: "it is in \(tree), a system folder")
        }
        if sharedFolders.contains(real) {
            throw OutputError.unsafePath(path: output, reason: "it is \(real), a system folder that holds other people's or programs' folders")
        }
        let home = canonical(NSHomeDirectory())
        if real == home { throw OutputError.unsafePath(path: output, reason: "it is your home folder") }
        let root = canonical(config.rootDirectory)
        if real == root || isInside(root, real) {
            throw OutputError.unsafePath(path: output, reason: "it is the pipeline's root folder \(root)\(real == root ? "" : " or a folder above it"), which holds the inputs and pipelines")
        }
        let pipelineFolder = canonical(config.baseDirectory)
        if real == pipelineFolder || isInside(pipelineFolder, real) {
            throw OutputError.unsafePath(path: output, reason: "it is the folder holding the pipeline file, or a folder above it")
        }
        for marker in [".git", "Package.swift"] where FileManager.default.fileExists(atPath: (real as NSString).appendingPathComponent(marker)) {
            throw OutputError.unsafePath(path: output, reason: "it is the root of a repository (it holds \(marker))")
        }
        // Something at the output path trustdata did not make (a file, a link elsewhere, a folder of other
        // files) is refused now, before the import, rather than after it.
        _ = try OutputStaging.currentRun(output: (output as NSString).standardizingPath, runs: OutputStaging.runsFolder(for: (output as NSString).standardizingPath))
        for input in inputPaths(config) {
            let path = canonical(input)
            if path == real || isInside(path, real) {
                throw OutputError.unsafePath(path: output, reason: "it holds the input \(PipelineConfig.display(input)); a run replaces the whole output folder")
            }
            if isInside(real, path) {
                throw OutputError.unsafePath(path: output, reason: "it is inside the input folder \(PipelineConfig.display(input))")
            }
        }
    }

    /// `name` names the run and, by default, its folder `outputs/<name>`: one plain folder name.
    static func checkName(_ name: String) throws {
        let why: String?
        if name.trimmingCharacters(in: .whitespaces).isEmpty { why = "it is empty" }
        else if name.contains("/") || name.contains("\\") { why = "it contains a slash; a name is one folder name, not a path (use `output:` for a path)" }
        else if name == "." || name == ".." || name.hasPrefix(".") { why = "it starts with a dot (`.` and `..` are not folders of their own, and trustdata keeps its run folders under hidden names)" }
        else if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { why = "it contains a control character" }
        else if name.utf8.count > 200 { why = "it is \(name.utf8.count) bytes long; keep it under 200 (file names are limited to 255 bytes)" }
        else { why = nil }
        if let why { throw OutputError.unsafePath(path: "name: \(name)", reason: why) }
    }

    /// Every input file and folder the pipeline names, resolved.
    static func inputPaths(_ config: PipelineConfig) -> [String] {
        let i = config.inputs
        let shared: [FileList?] = [i.pupils, i.targets, i.performanceTables]
        let lists = shared.compactMap { $0 } + i.sliceFiles.keys.sorted().compactMap { i.sliceFiles[$0] }
        let paths = [i.schools] + lists.flatMap(\.paths) + [i.benchmarks, i.reference].compactMap { $0 }
        return paths.map(config.resolve)
    }

    /// Whether `path` is strictly inside `folder` (both absolute and standardised).
    static func isInside(_ path: String, _ folder: String) -> Bool {
        let folder = folder.hasSuffix("/") ? folder : folder + "/"
        return path.hasPrefix(folder) && path.count > folder.count
    }

    /// The absolute path with `..` folded and links in its existing part followed (so a link to /etc
    /// is seen as /etc); the last component is not followed when it is trustdata's own output link.
    static func canonical(_ path: String) -> String {
        var absolute = path
        if !absolute.hasPrefix("/") { absolute = (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(absolute) }
        absolute = (absolute as NSString).standardizingPath
        var existing = absolute
        var rest: [String] = []
        while existing != "/" && !FileManager.default.fileExists(atPath: existing) {
            rest.insert((existing as NSString).lastPathComponent, at: 0)
            existing = (existing as NSString).deletingLastPathComponent
        }
        if OutputStaging.isLink(existing), existing != "/" {
            // The output link itself (or any link at the end): judge where it sits, not where it points.
            rest.insert((existing as NSString).lastPathComponent, at: 0)
            existing = (existing as NSString).deletingLastPathComponent
        }
        let resolved = realpath(existing, nil).map { p -> String in defer { free(p) }; return String(cString: p) } ?? existing
        return rest.reduce(resolved) { ($0 as NSString).appendingPathComponent($1) }
    }
}
