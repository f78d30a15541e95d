import Foundation

/// `outloud theme eject [name]`: the default theme built into the binary, written out as a
/// theme folder to change — its templates, its assets and the archetypes `outloud new` uses.
public enum ThemeEject {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Writes the built-in default theme to `themesPath/name`, which must not exist yet (or
    /// be empty but for hidden files). Returns the paths written, in order.
    public static func eject(into themesPath: String, name: String) throws(Failure) -> [String] {
        guard !name.isEmpty, !name.contains("/"), !name.hasPrefix(".") else {
            throw Failure(description: "\"\(name)\" is not a theme name: use a plain folder name such as \"ours\"")
        }
        let folder = FileIO.join(themesPath, name)
        do throws(NewFolder.Occupied) {
            try NewFolder.checkEmpty(folder)
        } catch {
            guard case .holds = error else { throw Failure(description: "\(folder) is a file, not a folder") }
            throw Failure(description: "\(folder) already exists; nothing was written (remove it, or eject under another name: outloud theme eject NAME)")
        }
        do throws(FileIO.Failure) {
            return try NewFolder.write(files(), into: folder)
        } catch {
            throw Failure(description: error.message)
        }
    }

    /// The theme's files by path inside its folder.
    static func files() -> [(String, [UInt8])] {
        let templates = DefaultTheme.templates.map { ("templates/\($0.key).mustache", Array($0.value.utf8)) }
        let assets = DefaultTheme.assets.map { ("assets/\($0.key)", $0.value) }
        let archetypes = Archetypes.builtIn.map { ("archetypes/\($0.key.rawValue).md", Array($0.value.utf8)) }
        return (templates + assets + archetypes).sorted { $0.0 < $1.0 }
    }
}
