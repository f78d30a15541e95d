/// What needs every pathway resolved first: pathways that include themselves through others,
/// the time of a nested pathway, the time estimates a pathway lacks, and who follows what.
extension Pathways {
    /// Finds every step that closes a cycle of pathways (A includes B includes A, or A itself)
    /// and turns it into text, with an error: a reader could never finish such a route. A
    /// depth-first walk with a stack of its own, so a chain of thousands of nested pathways
    /// cannot overflow the thread's stack.
    mutating func breakCycles(notes: [Note]) {
        enum Mark { case unvisited, open, done }
        var marks = [Mark](repeating: .unvisited, count: routes.count)
        // The open routes, each with the next of its steps to follow, and where each is on it.
        var trail: [(route: Int, step: Int)] = []
        var onTrail: [Int: Int] = [:]
        for start in routes.indices where marks[start] == .unvisited {
            marks[start] = .open
            trail = [(start, 0)]
            onTrail = [start: 0]
            while let (route, step) = trail.last {
                guard step < routes[route].steps.count else {
                    marks[route] = .done
                    onTrail[route] = nil
                    trail.removeLast()
                    continue
                }
                trail[trail.count - 1].step += 1
                guard let target = routes[route].steps[step].note, let next = byNote[target] else { continue }
                switch marks[next] {
                case .open:
                    // The loop from this pathway round to itself: route → next → … → route.
                    let loop = [route] + trail[onTrail[next]!...].map(\.route).dropLast() + [route]
                    // A loop of hundreds of pathways is named by its ends, so messages stay short.
                    let shown = loop.count <= 8 ? loop.map { routes[$0].id } : loop.prefix(3).map { routes[$0].id } + ["…"] + loop.suffix(3).map { routes[$0].id }
                    let note = notes[routes[route].note]
                    let written = note.details.pathway?.steps[step]
                    // A step naming its own pathway is a loop of one.
                    let how = loop.count == 2 ? "" : " through other pathways (\(shown.joined(separator: " → ")))"
                    diagnostics.append(.containedError("pathway \(routes[route].id) includes itself\(how); the step is shown without its link",
                                                       at: SourceLocation(path: note.displayPath, line: written?.targetLine ?? 1, column: written?.targetColumn ?? 1)))
                    routes[route].steps[step].target = .missing(notes[target].title)
                case .unvisited:
                    marks[next] = .open
                    onTrail[next] = trail.count
                    trail.append((next, 0))
                case .done:
                    break
                }
            }
        }
    }

    /// A nested pathway's step takes the nested pathway's total time, when it gives none. The
    /// routes have no cycles by now; nested totals come first, from a stack of its own.
    mutating func addNestedTimes() {
        var totals: [Int: Int?] = [:]  // route → its total, nil inside when it has no estimate
        for start in routes.indices where totals[start] == nil {
            var stack = [start]
            while let route = stack.last {
                guard totals[route] == nil else {
                    stack.removeLast()
                    continue
                }
                let nested = routes[route].steps.indices.compactMap { step -> Int? in
                    guard routes[route].steps[step].minutes == nil, let target = routes[route].steps[step].note else { return nil }
                    return byNote[target]
                }
                let waiting = nested.filter { totals[$0] == nil }
                guard waiting.isEmpty else {
                    stack += waiting
                    continue
                }
                for step in routes[route].steps.indices where routes[route].steps[step].minutes == nil {
                    if let target = routes[route].steps[step].note, let inner = byNote[target] {
                        routes[route].steps[step].minutes = totals[inner] ?? nil
                    }
                }
                totals[route] = .some(routes[route].hasEstimate ? routes[route].minutes : nil)
                stack.removeLast()
            }
        }
    }

    /// In a pathway with a time estimate, a resource or task without one makes the total
    /// wrong: a warning at the step.
    mutating func checkTimes(of route: Int, notes: [Note]) {
        guard routes[route].hasEstimate else { return }
        let note = notes[routes[route].note]
        let written = note.details.pathway?.steps ?? []
        for (step, entry) in routes[route].steps.enumerated() where entry.minutes == nil && step < written.count {
            let location = SourceLocation(path: note.displayPath, line: written[step].targetLine, column: written[step].targetColumn)
            switch entry.target {
            case .note(let index) where notes[index].kind == .resource:
                let time = notes[index].details.resource?.time.map { "its `time` (\"\($0)\") is not a duration like 45 min or 2 h" } ?? "it has no `time`"
                diagnostics.append(.warning("step \(notes[index].sourcePath) has no time estimate (\(time)); give the step `minutes:`, or the pathway's total leaves it out", at: location))
            case .task:
                diagnostics.append(.warning("the task has no time estimate; give the step `minutes:`, or the pathway's total leaves it out", at: location))
            default:
                break
            }
        }
    }

    /// `people.yml`'s `pathways:`, checked against the pathways there are.
    mutating func findLearners(catalog: Catalog) {
        for person in catalog.people {
            for followed in person.pathways {
                guard let route = byID[followed.value] else {
                    let guess = SiteChecks.suggestion(for: followed.value, among: Set(byID.keys))
                    diagnostics.append(.warning("\(person.id) follows the pathway \"\(followed.value)\", which does not exist" + guess,
                                                at: SourceLocation(path: catalog.peoplePath, line: followed.line, column: followed.column)))
                    continue
                }
                guard !routes[route].learners.contains(person.id) else {
                    diagnostics.append(.warning("\(person.id) follows the pathway \"\(followed.value)\" twice; it is counted once",
                                                at: SourceLocation(path: catalog.peoplePath, line: followed.line, column: followed.column)))
                    continue
                }
                routes[route].learners.append(person.id)
                byPerson[person.id, default: []].append(route)
            }
        }
    }
}

/// Minutes from how long a resource says it takes: "45 min", "2 h", "1.5 hours", "2h 30m".
/// Anything else ("3 weeks", "self-paced") is nil: not a time a step can add up.
enum StepTime {
    static func minutes(in text: String) -> Int? {
        var total = 0.0, found = false
        var rest = Substring(text.lowercased())
        while true {
            rest = rest.drop { " ,~≈".contains($0) }
            if let word = ["about ", "and "].first(where: { rest.hasPrefix($0) }) {
                rest = rest.dropFirst(word.count)
                continue
            }
            if rest.isEmpty { break }
            let digits = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
            guard !digits.isEmpty, let number = Double(digits) else { return nil }
            rest = rest.dropFirst(digits.count).drop { $0 == " " }
            let unit = rest.prefix { $0.isLetter }
            rest = rest.dropFirst(unit.count)
            switch unit {
            case "h", "hr", "hrs", "hour", "hours": total += number * 60
            case "m", "min", "mins", "minute", "minutes": total += number
            default: return nil
            }
            found = true
        }
        return found ? Int(total.rounded()) : nil
    }

    /// "45 min", "2 h", "2 h 30 min": how a time is shown.
    static func text(_ minutes: Int) -> String {
        if minutes < 60 { return "\(minutes) min" }
        let hours = minutes / 60, rest = minutes % 60
        return rest == 0 ? "\(hours) h" : "\(hours) h \(rest) min"
    }
}
