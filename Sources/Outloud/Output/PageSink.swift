import Foundation

/// Where the pages and files of a build go as they are made: a build's staging folder, or
/// (for `Build.update`) the served site itself. Any thread may write.
protocol PageSink: Sendable {
    /// The output folder as it was named, where a failure to write is reported.
    var path: String { get }
    func write(_ page: Page) throws(OutputFolder.Failure)
    func write(_ bytes: [UInt8], to relative: String) throws(OutputFolder.Failure)
    /// Deletes a file the site no longer has.
    func remove(_ relative: String)
}

extension OutputFolder.Staging: PageSink {
    var path: String { claim.output.path }
    func remove(_ relative: String) { unlink(FileIO.join(claim.root, relative)) }
}

/// A site already published, whose files are replaced one by one, each at once: a reader
/// sees a page whole, old or new (`outloud serve`'s updates).
struct PublishedFolder: PageSink {
    let path: String

    func write(_ page: Page) throws(OutputFolder.Failure) {
        try page.contents.withUTF8Bytes { (bytes) throws(OutputFolder.Failure) in
            try FileWriter.replace(UnsafeRawBufferPointer(bytes), at: FileIO.join(path, page.path))
        }
    }

    func write(_ bytes: [UInt8], to relative: String) throws(OutputFolder.Failure) {
        let result: Result<Void, OutputFolder.Failure> = bytes.withUnsafeBytes { raw in
            do throws(OutputFolder.Failure) { return .success(try FileWriter.replace(raw, at: FileIO.join(path, relative))) } catch { return .failure(error) }
        }
        try result.get()
    }

    func remove(_ relative: String) { unlink(FileIO.join(path, relative)) }
}
