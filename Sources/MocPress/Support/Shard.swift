/// `--shard I/N`: one of N CI jobs, each taking every N-th portal (SPEC 5).
public struct Shard: Sendable, Equatable {
    /// 1-based.
    public let index: Int
    public let count: Int

    /// `2/4`; nil unless 1 ≤ I ≤ N.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0].trimmingWhitespace()),
              let count = Int(parts[1].trimmingWhitespace()), count >= 1, (1...count).contains(index) else { return nil }
        self.index = index
        self.count = count
    }

    /// Portals sorted by id; portal number k (from 0) belongs to shard (k mod N) + 1.
    public func select(_ ids: [String]) -> [String] {
        ids.sorted().enumerated().filter { $0.offset % count + 1 == index }.map(\.element)
    }
}
