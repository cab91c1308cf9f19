/// Distance in units in the last place between two finite doubles of the same sign: how many
/// representable numbers lie between them (0 when equal).
func ulps(_ a: Double, _ b: Double) -> UInt64 {
    let x = a.bitPattern, y = b.bitPattern
    return x > y ? x - y : y - x
}

/// The largest ``ulps(_:_:)`` between `function` and `reference` over `arguments`, and the
/// first argument where it occurs.
func worstUlps(
    of function: (Double) -> Double, against reference: (Double) -> Double, over arguments: some Sequence<Double>
) -> (ulps: UInt64, argument: Double) {
    var worst: (ulps: UInt64, argument: Double) = (0, .nan)
    for x in arguments {
        let distance = ulps(function(x), reference(x))
        if distance > worst.ulps { worst = (distance, x) }
    }
    return worst
}
