/// ⌈x⌉ as an integer without a float-to-integer conversion, which checks its range and so
/// keeps loops over many values from vectorizing, and without a call to `ceil` on targets
/// lacking SSE4.1 rounding.
///
/// Adding 1.5·2⁵² rounds x to the nearest integer n (the sum's last bit is worth 1), and the
/// sum's low bits then hold n + 1.5·2⁵², so n is their difference from the shifter's bits;
/// n is raised by one where it lies below x. Exact for |x| < 2⁵¹; the
/// result is meaningless (but computed without trapping) beyond that or for NaN.
enum ShiftedRounding {
    private static let shifter = 0x1.8p52

    /// ⌈x⌉ for |x| < 2⁵¹.
    @inline(__always)
    static func ceiling(_ x: Double) -> Int {
        let shifted = x + shifter
        let nearest = Int(truncatingIfNeeded: shifted.bitPattern &- shifter.bitPattern)
        return nearest &+ (shifted - shifter < x ? 1 : 0)
    }
}
