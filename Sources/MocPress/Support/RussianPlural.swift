/// Russian noun forms after a number: 1 портал, 3 портала, 5 порталов, 11 порталов.
public enum RussianPlural {
    /// The word alone: `word(21, "год", "года", "лет")` → «год».
    public static func word(_ n: Int, _ one: String, _ few: String, _ many: String) -> String {
        let tens = abs(n) % 100, units = abs(n) % 10
        if (11...14).contains(tens) { return many }
        return units == 1 ? one : (2...4).contains(units) ? few : many
    }

    /// The number and the word: «3 портала».
    public static func count(_ n: Int, _ one: String, _ few: String, _ many: String) -> String {
        "\(n) \(word(n, one, few, many))"
    }
}
