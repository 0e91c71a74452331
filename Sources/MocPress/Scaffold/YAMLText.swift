import Yams

/// YAML values written into templates: Yams decides the quoting, so a title
/// with «: », a leading «[» or a number-like text stays one string.
enum YAMLText {
    /// The scalar as it stands after `key: ` (quoted only when it must be).
    static func scalar(_ value: String) -> String {
        // Yams writes a plain scalar whenever the text allows it, even «598»
        // or «true»: such a value is read back as a number, so it is quoted.
        for style in [Node.Scalar.Style.any, .doubleQuoted] {
            let node = Node.mapping(Node.Mapping([(Node("k"), Node(value, Tag(.str), style))]))
            guard let text = try? Yams.serialize(node: node, width: -1, allowUnicode: true), text.hasPrefix("k: ") else { continue }
            let scalar = String(text.dropFirst(3).dropLast(text.hasSuffix("\n") ? 1 : 0))
            if !scalar.contains("\n"), (try? Yams.load(yaml: "k: " + scalar) as? [String: String])?["k"] == value { return scalar }
        }
        return "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// A flow list of strings: `[site, vk]`.
    static func list(_ values: [String]) -> String {
        let sequence = Node.sequence(Node.Sequence(values.map { Node($0, Tag(.str)) }, Tag(.seq), .flow))
        let node = Node.mapping(Node.Mapping([(Node("k"), sequence)]))
        guard let text = try? Yams.serialize(node: node, width: -1, allowUnicode: true), text.hasPrefix("k: ") else { return "[]" }
        return String(text.dropFirst(3).dropLast(text.hasSuffix("\n") ? 1 : 0))
    }
}

extension YAMLText {
    /// Lines up the comments at the end of YAML lines (`key: value   # comment`)
    /// in one column, so a template reads as a form. Only the YAML part of a
    /// page (its front matter) is touched; titles are left as they are.
    static func alignComments(_ text: String, column: Int = 38) -> String {
        var lines = text.components(separatedBy: "\n")
        let isPage = lines.first == "---"
        var fences = 0
        for index in lines.indices {
            let line = lines[index]
            if isPage {
                if line == "---" { fences += 1; if fences == 2 { break }; continue }
            }
            guard !line.hasPrefix("title:"), let range = line.range(of: "  # ") else { continue }
            let value = line[..<range.lowerBound].replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
            guard !value.trimmingWhitespace().isEmpty else { continue }
            let comment = line[line.index(range.lowerBound, offsetBy: 2)...]
            let padding = max(2, column - value.count)
            lines[index] = value + String(repeating: " ", count: padding) + comment
        }
        return lines.joined(separator: "\n")
    }
}
