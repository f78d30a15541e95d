import Foundation

/// Reads one setting of the user's git configuration, as `git config --get` would.
public enum GitConfig {
    /// The value, or nil when git is missing, the key is unset or the command fails.
    public static func value(_ key: String, in folder: String,
                             environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        var isFolder: ObjCBool = false
        let directory = FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) && isFolder.boolValue ? folder : "."
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", directory, "config", "--get", key]
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        let value = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return value.isEmpty ? nil : value
    }
}
