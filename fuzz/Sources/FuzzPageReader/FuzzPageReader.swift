// libFuzzer target: a content file's bytes → front matter split and page.
// Whatever the bytes, `FrontMatterSplit.split` answers within bounds and
// `PageReader.read` gives a page or an error diagnostic, never a trap.
import FuzzSupport
@testable import MocPress

/// Where the page seems to live; the fuzzer's bytes pick one, so `_index.md`
/// rules (block:, kind:) are exercised too.
let places = [
    "info/news/novost.md",
    "info/_index.md",
    "metodicheskij/programmy/robototekhnika.md",
    "_index.md",
]

func checkSplit(_ bytes: [UInt8]) -> FrontMatterSplit? {
    switch FrontMatterSplit.split(bytes) {
    case .failure:
        return nil
    case .success(let split):
        let body = split.body
        require(body.lowerBound >= 0 && body.upperBound == bytes.count && body.lowerBound <= bytes.count,
                "body \(body) outside 0..<\(bytes.count)")
        require(split.yamlFirstLine == 2, "YAML starts on line \(split.yamlFirstLine)")
        require(split.bodyFirstLine >= 3, "body starts on line \(split.bodyFirstLine)")
        // The body starts a line: right after a newline, or at the end of the file.
        if body.lowerBound < bytes.count {
            require(body.lowerBound > 0 && bytes[body.lowerBound - 1] == 0x0A, "body does not start a line")
            let newlines = bytes[..<body.lowerBound].reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
            require(split.bodyFirstLine == newlines + 1, "body line \(split.bodyFirstLine), counted \(newlines + 1)")
        }
        if PageReader.firstInvalidUTF8Line(bytes) == nil {
            require(split.yaml.utf8.count <= body.lowerBound, "YAML longer than the head")
        }
        return split
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPageReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let split = checkSplit(bytes)

    // A byte order mark in front changes nothing but the offsets.
    let hasBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
    if !hasBOM, size < 4096 {
        let marked = checkSplit([0xEF, 0xBB, 0xBF] + bytes)
        require((split == nil) == (marked == nil), "a BOM changed whether the front matter splits")
        if let split, let marked {
            require(marked.body == (split.body.lowerBound + 3)..<(split.body.upperBound + 3), "a BOM moved the body wrongly")
            require(marked.yaml == split.yaml && marked.bodyFirstLine == split.bodyFirstLine, "a BOM changed the YAML")
        }
    }

    let relative = places[size % places.count]
    let source = "content/fuzz/" + relative
    var diagnostics = DiagnosticBag()
    let page = PageReader.read(bytes: bytes, source: source, relativePath: relative, diagnostics: &diagnostics)
    if let page {
        guard let split else { fatalError("invariant: a page without a front matter split") }
        require(page.body.elementsEqual(bytes[split.body]), "the page body is not the split body")
        require(page.bodyFirstLine == split.bodyFirstLine, "the page body line differs from the split")
        require(!page.title.isEmpty || diagnostics.hasErrors, "an untitled page without an error")
        if let slug = page.slug {
            require(!slug.value.isEmpty && slug.value.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D },
                    "slug «\(slug.value)» is not a URL segment")
        }
    } else {
        require(diagnostics.hasErrors, "no page and no error")
    }
    // Line 0 means the whole file; otherwise the line exists. libyaml counts
    // a lone CR as a line break, as the YAML spec says (so do CommonMark and
    // most editors), while the splitter counts LF only: see lineBreaks.
    let lines = lineBreaks(bytes) + 1
    for diagnostic in diagnostics.items {
        require(!diagnostic.message.isEmpty, "a diagnostic without a message")
        require(diagnostic.file == source, "a diagnostic names \(diagnostic.file)")
        require(diagnostic.line >= 0 && diagnostic.line <= lines && diagnostic.column >= 0,
                "a diagnostic at \(diagnostic.line):\(diagnostic.column) of a \(lines)-line file: \(diagnostic.message)")
    }
    return 0
}
