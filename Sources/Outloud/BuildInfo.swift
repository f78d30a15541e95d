import CCmark

/// The version of Outloud and of the libraries it was built with.
public enum BuildInfo {
    public static let version = "0.1.0"

    /// The libcmark this binary is linked with, e.g. `0.30.2`.
    public static var cmarkVersion: String { String(cString: cmark_version_string()) }
}
