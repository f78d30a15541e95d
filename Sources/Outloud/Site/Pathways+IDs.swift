/// What a pathway is named by in `people.yml` and keeps readers' progress under: its file's
/// name, unique across the site even when two folders hold pathways of one name.
extension Pathways {
    /// The id of each pathway, by note. Clashing names are settled in path order, so adding a
    /// pathway never takes the id (and the readers' progress) of one already there: the later
    /// gets its folders below the kind's folder in its id, `team-a-basics`, and a warning.
    mutating func pathwayIDs(notes: [Note], pathways: [Int]) -> [Int: String] {
        var ids: [Int: String] = [:]
        var owner: [String: Int] = [:]
        for index in pathways.sorted(by: { notes[$0].sourcePath < notes[$1].sourcePath }) {
            let parts = notes[index].urlPath.split(separator: "/")
            let name = String(parts.last ?? "")
            var id = name
            if let first = owner[name] {
                let made = parts.count > 1 ? parts.dropFirst().joined(separator: "-") : name
                id = made
                var suffix = 2
                while owner[id] != nil {
                    id = made + "-\(suffix)"
                    suffix += 1
                }
                diagnostics.append(.warning("pathway id \"\(name)\" is already \(notes[first].sourcePath)'s; this one's is \"\(id)\", which people.yml names it by (rename one file to choose)",
                                            at: SourceLocation(path: notes[index].displayPath, line: 1, column: 1)))
            }
            owner[id] = index
            ids[index] = id
        }
        return ids
    }
}
