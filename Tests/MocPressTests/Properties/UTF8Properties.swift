import Foundation
import PropertyBased
import Testing
@testable import MocPress

/// The page reader's UTF-8 check (32 bytes at a time through Russian
/// text) says what the standard library's validator says, for text made of
/// what pages hold and of what breaks them, at every alignment.
@Suite struct UTF8Properties {
    /// ASCII, Cyrillic, three- and four-byte characters, and single bytes
    /// that are wrong on their own or in the wrong place.
    static let pieces: [[UInt8]] = ["a", " ", "\n", "1", "—", "«", "€", "😀", "ё", "Ж", "я", "приказ", "Итоги 2023"]
        .map { Array($0.utf8) } + [[0x80], [0xBF], [0xC0], [0xC1], [0xC2], [0xD0], [0xD1], [0xDF], [0xE0], [0xED], [0xF0], [0xF4], [0xF5], [0xFF]]

    static let piece: Generator<[UInt8], Shrink.None<[UInt8]>> = Generator { rng in
        // Mostly text, now and then a stray byte.
        let index = rng.next() % 4 == 0 ? Int(rng.next() % UInt64(pieces.count)) : Int(rng.next() % 13)
        return pieces[index]
    }

    @Test func agreesWithTheStandardLibrary() async {
        await propertyCheck(count: 2000, input: Self.piece.array(of: 0...40)) { pieces in
            let bytes = pieces.flatMap { $0 }
            let line = PageReader.firstInvalidUTF8Line(bytes)
            #expect((line == nil) == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
            if let line {
                // The line is where the standard library's repair first changes
                // the text (U+FFFD may share a byte or two with what it replaced, never a line break).
                let repaired = Array(String(decoding: bytes, as: UTF8.self).utf8)
                let same = zip(bytes, repaired).prefix { $0 == $1 }.count
                #expect(line == 1 + bytes[..<same].filter { $0 == 0x0A }.count, "\(bytes)")
            }
        }
    }
}
