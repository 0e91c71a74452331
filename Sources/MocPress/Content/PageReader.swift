import Foundation
import Yams

/// Decodes a Markdown file with front matter into a typed `Page`.
enum PageReader {
    /// Keys every page may use (SPEC 2), and the keys of the block features.
    static let commonKeys = [
        "title", "date", "summary", "tags", "draft", "weight", "slug", "aliases", "params", "layout",
        "block", "kind", "mediaplan", "channels", "links",
    ]
    /// The block keys (events, documents, materials, courses, analytics), decoded by `FeatureReader`.
    static let featureKeys = [
        "direction", "audience", "authors", "files", "video", "data", "start", "end", "place",
        "format", "age", "cost", "organizer", "registration", "act", "file", "signature", "plan",
    ]

    static func read(bytes: [UInt8], source: String, relativePath: String, diagnostics: inout DiagnosticBag) -> Page? {
        let fileStart = SourceLocation(file: source, line: 1, column: 1)
        if let bad = firstInvalidUTF8Line(bytes) {
            diagnostics.error("файл не в кодировке UTF-8 (строка \(bad)): сохраните его в UTF-8", at: SourceLocation(file: source, line: bad, column: 1))
            return nil
        }
        let split: FrontMatterSplit
        switch FrontMatterSplit.split(bytes) {
        case .success(let s): split = s
        case .failure(.missing):
            diagnostics.error("в начале файла нет блока front matter: первой строкой должно идти «---», затем title: …, и снова «---»", at: fileStart)
            return nil
        case .failure(.unclosed):
            diagnostics.error("блок front matter не закрыт: после ключей добавьте строку «---»", at: fileStart)
            return nil
        }
        let reader = YAMLReader(file: source, lineOffset: split.yamlFirstLine - 1)
        let root: Node
        switch reader.parse(split.yaml) {
        case .success(let node): root = node
        case .failure(let d): diagnostics.append(d); return nil
        }
        guard let map = MappingReader(root, reader: reader, what: "front matter", diagnostics: &diagnostics) else { return nil }
        map.warnUnknownKeys(known: commonKeys + featureKeys, context: "в front matter", &diagnostics)

        let isIndex = Path.fileName(of: relativePath) == "_index.md"
        let title = map.string("title", &diagnostics)
        // A title that is not text has its own error already.
        if map.value("title") == nil || title.map({ $0.value.trimmingWhitespace().isEmpty }) == true {
            diagnostics.error("у страницы нет заголовка: добавьте в front matter строку title: …", at: SourceLocation(file: source, line: split.yamlFirstLine, column: 1))
        }

        var block: BlockKind?
        if let raw = map.string("block", &diagnostics) {
            block = BlockKind(rawValue: raw.value)
            if block == nil {
                diagnostics.error("неизвестный блок «\(raw.value)»: укажите methodical, distance, expert или info", at: raw.location)
            } else if !isIndex || Path.directory(of: relativePath).contains("/") || Path.directory(of: relativePath).isEmpty {
                diagnostics.error("block: объявляется только в _index.md раздела верхнего уровня (content/<портал>/<раздел>/_index.md)", at: raw.location)
            }
        }
        var kind: SectionKind?
        if let raw = map.string("kind", &diagnostics) {
            kind = SectionKind(rawValue: raw.value)
            if kind == nil {
                diagnostics.error("неизвестный вид раздела «\(raw.value)»: укажите events или documents", at: raw.location)
            } else if !isIndex {
                diagnostics.error("kind: объявляется в _index.md раздела", at: raw.location)
            }
        }

        var slug: Located<String>?
        if let raw = map.string("slug", &diagnostics) {
            let segment = Transliteration.slug(raw.value)
            if raw.value.contains("/") || raw.value.contains("..") {
                diagnostics.error("slug — это одна часть адреса, без «/» и «..»: «\(raw.value)»", at: raw.location)
            } else if segment.isEmpty {
                diagnostics.error("slug «\(raw.value)» не содержит ни букв, ни цифр: из него не получится адрес", at: raw.location)
            } else {
                slug = Located(segment, at: raw.location)
            }
        }

        let features = FeatureReader(map: map).read(&diagnostics)

        let links = map.strings("links", &diagnostics)
        let weight = map.int("weight", &diagnostics)?.value ?? 0
        return Page(
            source: source,
            relativePath: relativePath,
            isSectionIndex: isIndex,
            title: title?.value ?? Path.stem(of: Path.fileName(of: relativePath)),
            date: map.date("date", &diagnostics)?.value,
            summary: map.string("summary", &diagnostics)?.value,
            tags: map.strings("tags", &diagnostics).map(\.value).filter { !$0.trimmingWhitespace().isEmpty },
            draft: map.bool("draft", &diagnostics) ?? false,
            weight: weight,
            slug: slug,
            aliases: map.strings("aliases", &diagnostics),
            layout: map.string("layout", &diagnostics)?.value,
            params: map.value("params").map(YAMLValue.init),
            block: block,
            kind: kind,
            mediaplanClaims: map.strings("mediaplan", &diagnostics),
            channels: map.strings("channels", &diagnostics).map(\.value),
            links: links,
            features: features,
            body: bytes[split.body],
            bodyFirstLine: split.bodyFirstLine,
            placeholders: Placeholder.scan(bytes, file: source),
            head: bytes[..<split.body.lowerBound]
        )
    }

    /// 1-based line of the first invalid UTF-8 sequence, or nil.
    ///
    /// One pass without bounds checks; lines are counted only when something
    /// is wrong (this runs on every page of every portal, and the standard
    /// library's validator was slower on Cyrillic). Russian text is ASCII and
    /// two-byte letters, so it goes 32 bytes at a time through
    /// `firstSuspectLane(at:)` (vector compares, about four times the eight-byte
    /// words below). Anything else — a three- or four-byte character, an
    /// error — goes to the byte-by-byte path from the start of the sequence
    /// the block flagged, so the first error found is the one a plain walk
    /// finds. Blocks always step 32 bytes: a letter across a block's edge is
    /// checked by the next block, which also reads the byte before it, or by
    /// the byte-by-byte path when there is no next block. Where blocks keep
    /// failing (text of three-byte characters only) they are tried less and
    /// less often: such text takes about a tenth longer than before the
    /// blocks, Russian text with «», — and № between the letters half as long.
    static func firstInvalidUTF8Line(_ bytes: [UInt8]) -> Int? {
        let bad: Int? = bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return nil }
            let n = buffer.count
            var i = 0
            // A block reads the byte before it, so the first one starts after the first sequence.
            var blocksFrom = 1
            var backoff = 0
            while i < n {
                if i >= blocksFrom, i + 32 <= n {
                    let entry = i
                    while true {
                        guard i + 32 <= n else {
                            // The last block's last byte may be a lead: its letter goes to the path below.
                            if base[i - 1] >= 0xC0 { i -= 1 }
                            break
                        }
                        guard let lane = firstSuspectLane(at: base + i) else { i += 32; continue }
                        // Lane k is about byte p; before it are whole letters, but for the lead of
                        // p's letter. Restart at that letter: p itself, the lead before a
                        // continuation, or i if the letter ended at i - 1 (lane 0).
                        let p = i - 1 + lane
                        let start = base[p] >= 0xC0 ? p : lane == 0 ? i : base[p] >= 0x80 ? p - 1 : p
                        backoff = i == entry ? min(backoff * 2 + 16, 1024) : 0
                        blocksFrom = start + 1 + backoff
                        i = start
                        break
                    }
                    continue
                }
                if i + 8 <= n {
                    let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                    if word & 0x8080_8080_8080_8080 == 0 || isWholeTwoByteWord(word) { i += 8; continue }
                    // Text after an odd number of ASCII bytes: the last byte starts the next letter.
                    if word >> 62 == 0b11, isWholeTwoByteWord(word & 0x00FF_FFFF_FFFF_FFFF) { i += 7; continue }
                }
                let b = base[i]
                if b < 0x80 { i += 1; continue }
                // Cyrillic is two bytes: the common case first.
                if b >= 0xC2 && b <= 0xDF {
                    guard i + 1 < n, base[i + 1] & 0xC0 == 0x80 else { return i }
                    i += 2
                    continue
                }
                let length: Int
                // The second byte's range rules out overlong forms and surrogates (RFC 3629).
                var low: UInt8 = 0x80, high: UInt8 = 0xBF
                switch b {
                case 0xE0: length = 3; low = 0xA0
                case 0xED: length = 3; high = 0x9F
                case 0xE1...0xEF: length = 3
                case 0xF0: length = 4; low = 0x90
                case 0xF4: length = 4; high = 0x8F
                case 0xF1...0xF3: length = 4
                default: return i
                }
                guard i + length <= n, base[i + 1] >= low, base[i + 1] <= high else { return i }
                for k in 2..<length where base[i + k] & 0xC0 != 0x80 { return i }
                i += length
            }
            return nil
        }
        guard let bad else { return nil }
        return bytes[..<bad].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
    }

    /// Looks at the 32 bytes from `start` together with the byte before them
    /// (which must be readable). Nil when these are ASCII and two-byte
    /// sequences only: every byte from C0 up is a lead C2–DF (not C0/C1,
    /// overlong; not E0–FF, a longer form), every lead is followed by a
    /// continuation 80–BF and every continuation follows a lead. The last
    /// byte is not judged: if it is a lead, it is the byte before the next
    /// block. Otherwise the lane k of the first thing wrong: byte
    /// `start[k - 1]`, or a continuation at `start[k]` without its lead.
    ///
    /// Only the concrete `SIMD32<UInt8>` operations (`&-`, `.<`, `.>=`) and
    /// the mask's `.^` `.|` compile to vector instructions, and only with
    /// both operands typed `Block` (`SIMD32(repeating:)` picked a generic
    /// overload); the generic ones (`&` and `|` on vectors, `any()`) become
    /// a loop over the lanes, so ranges are tested with a wrapping
    /// subtraction and the masks are read as four words.
    @inline(__always)
    static func firstSuspectLane(at start: UnsafePointer<UInt8>) -> Int? {
        typealias Block = SIMD32<UInt8>
        typealias Words = (UInt64, UInt64, UInt64, UInt64)
        let block = UnsafeRawPointer(start).loadUnaligned(as: Block.self)
        let before = UnsafeRawPointer(start - 1).loadUnaligned(as: Block.self)
        let ascii = unsafeBitCast(block, to: Words.self), asciiBefore = unsafeBitCast(before, to: Words.self)
        if (ascii.0 | ascii.1 | ascii.2 | ascii.3 | asciiBefore.0) & 0x8080_8080_8080_8080 == 0 { return nil }
        let continuation = block &- Block(repeating: 0x80) .< Block(repeating: 0x40)
        let afterLead = before &- Block(repeating: 0xC2) .< Block(repeating: 0x1E)
        let afterHigh = before .>= Block(repeating: 0xC0)
        let wrong = unsafeBitCast((continuation .^ afterLead) .| (afterHigh .^ afterLead), to: Words.self)
        // A lane is a byte, 00 or FF; lane 0 is the lowest byte of the first word.
        for (k, word) in [wrong.0, wrong.1, wrong.2, wrong.3].enumerated() where word != 0 {
            return 8 * k + UInt64(littleEndian: word).trailingZeroBitCount / 8
        }
        return nil
    }

    /// True when eight bytes (little-endian) are ASCII and complete two-byte
    /// sequences only: every lead byte is 110xxxxx but not C0/C1 (overlong),
    /// the byte after each lead is a continuation 10xxxxxx, every
    /// continuation follows a lead, and the last byte is not a lead. Anything
    /// else (three- and four-byte forms, a sequence across the word's edge)
    /// goes to the byte-by-byte path.
    @inline(__always)
    static func isWholeTwoByteWord(_ word: UInt64) -> Bool {
        let high: UInt64 = 0x8080_8080_8080_8080
        let bit7 = word & high
        let bit6 = (word << 1) & high
        let bit5 = (word << 2) & high
        let lead = bit7 & bit6
        let continuation = bit7 & ~bit6
        // A byte of bits 1–4 non-zero gets its top bit set (no carry between bytes: at most 0x1E + 0x7F).
        let notOverlong = ((word & 0x1E1E_1E1E_1E1E_1E1E) &+ 0x7F7F_7F7F_7F7F_7F7F) & high
        return lead & bit5 == 0 && lead & ~notOverlong == 0 && lead >> 56 == 0 && lead << 8 == continuation
    }
}
