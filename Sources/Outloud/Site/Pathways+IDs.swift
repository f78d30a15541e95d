/// What a pathway is named by in `people.yml` and keeps readers' progress under: its file's
/// name, unique across the site even when two folders hold pathways of one name.
extension Pathways {
    /// The id of each pathway, by note. Clashing names are settled in path order, so adding a
    /// pathway never takes the id (and the readers' progress) of one already there: the later
    /// gets its folders below the kind's folder in its id, `team-a-basics`, and a warning.
    mutating func pathwayIDs(notes: [Note], pathways: [Int]) -> [Int: String] {
        var ids: [Int: String] = [:]
        var names = UniqueNames()
        for index in pathways.sorted(by: { notes[$0].sourcePath < notes[$1].sourcePath }) {
            let parts = notes[index].urlPath.split(separator: "/")
            let name = String(parts.last ?? "")
            guard let first = names.owner(of: name) else {
                ids[index] = names.claim(name, for: index)
                continue
            }
            let id = names.claim(parts.count > 1 ? parts.dropFirst().joined(separator: "-") : name, for: index)
            diagnostics.append(.warning("pathway id \"\(name)\" is already \(notes[first].sourcePath)'s; this one's is \"\(id)\", which people.yml names it by (rename one file to choose)",
                                        at: SourceLocation(path: notes[index].displayPath, line: 1, column: 1)))
            ids[index] = id
        }
        return ids
    }
}

/// Names made unique with `-2`, `-3`…: pathway ids across the site, step ids within a pathway.
struct UniqueNames {
    private var owners: [String: Int] = [:]
    /// Where each base name's search for a free suffix stopped: the suffixes below stay taken,
    /// and starting again from 2 would make a name claimed n times cost n² look-ups.
    private var nextSuffix: [String: Int] = [:]

    /// Who holds `name`, if anyone.
    func owner(of name: String) -> Int? { owners[name] }

    /// `base` if it is free, else the first free `base-2`, `base-3`…, claimed for `owner`.
    mutating func claim(_ base: String, for owner: Int) -> String {
        var name = base
        if owners[name] != nil {
            var suffix = nextSuffix[base] ?? 2
            repeat {
                name = base + "-\(suffix)"
                suffix += 1
            } while owners[name] != nil
            nextSuffix[base] = suffix
        }
        owners[name] = owner
        return name
    }
}
