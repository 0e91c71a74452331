/// Окно исполнения пункта медиаплана: the inclusive range of days in which
/// the item's publications are expected.
public struct Window: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var start: LocalDate
    public var end: LocalDate

    public init(start: LocalDate, end: LocalDate) {
        self.start = start
        self.end = end
    }

    /// Reads the canonical `YYYY-MM-DD..YYYY-MM-DD` (the `windows:` key of a
    /// plan item, which overrides what «Сроки» say); nil when malformed,
    /// impossible or reversed.
    public init?(canonical text: String) {
        let parts = text.split(separator: ".", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[1].isEmpty,
              let start = LocalDate(iso: parts[0]),
              let end = LocalDate(iso: parts[2]),
              start <= end else { return nil }
        self.init(start: start, end: end)
    }

    public func contains(_ day: LocalDate) -> Bool { start <= day && day <= end }

    /// `2023-05-01..2023-05-31`
    public var canonical: String { start.iso + ".." + end.iso }

    public var description: String { canonical }

    public static func < (a: Window, b: Window) -> Bool {
        (a.start, a.end) < (b.start, b.end)
    }
}

/// Разобранные «Сроки» пункта плана: what the approved plan obliges the МОЦ to do and when.
public enum Schedule: Sendable, Hashable {
    /// Windows sorted by start, without repeats; each needs at least `min` publications (`min >= 1`).
    case windows([Window], min: Int)
    /// «по запросу», «при необходимости»: no obligation to check.
    case onDemand
    /// Text the grammar cannot read; `reason` is a Russian sentence telling the methodist what to write.
    case invalid(reason: String)

    /// One line, exactly as `mocpress schedule` prints it and the fixture's
    /// `expected` column holds it.
    public var canonical: String {
        switch self {
        case .windows(let windows, let min):
            let list = windows.map(\.canonical).joined(separator: "; ")
            return min > 1 ? list + " min=\(min)" : list
        case .onDemand:
            return "on-demand"
        case .invalid:
            return "invalid"
        }
    }
}
