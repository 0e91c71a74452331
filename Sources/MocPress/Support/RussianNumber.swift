import Foundation

/// Russian number format: «1 234», «1 234,5».
enum RussianNumber {
    static func format(_ value: Double, decimals: Int = 2) -> String {
        let negative = value < 0
        let scale = pow(10.0, Double(decimals))
        let rounded = (abs(value) * scale).rounded() / scale
        var whole = Int(rounded)
        var fraction = Int(((rounded - Double(whole)) * scale).rounded())
        if fraction >= Int(scale) { whole += 1; fraction = 0 }
        var digits = String(whole)
        var grouped = ""
        while digits.count > 3 {
            grouped = "\u{00A0}" + digits.suffix(3) + grouped
            digits = String(digits.dropLast(3))
        }
        grouped = digits + grouped
        if fraction > 0 {
            var f = String(fraction)
            while f.count < decimals { f = "0" + f }
            while f.hasSuffix("0") { f.removeLast() }
            grouped += "," + f
        }
        return (negative && (whole > 0 || fraction > 0) ? "−" : "") + grouped
    }
}
