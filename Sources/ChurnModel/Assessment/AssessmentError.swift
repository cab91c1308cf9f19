/// Why an out-of-sample metric cannot be computed; each says what to change.
public enum AssessmentError: Error, Equatable, Sendable, CustomStringConvertible {
    /// An evaluation time outside the test rows' follow-up [first, last).
    case timeOutsideFollowUp(time: Double, first: Double, last: Double)
    /// The censoring survival of the training rows does not reach the time (it ends above 0 before it).
    case beyondCensoringFollowUp(time: Double, last: Double)
    /// No pair of test rows can be compared (no event before another row's time).
    case noComparablePairs
    /// At a time, the test rows have no cases (events by then) or no controls (still at risk after).
    case noCasesOrControls(time: Double)
    /// Predictions and rows (or times) of different lengths.
    case lengthMismatch(String)
    /// Fewer than two times for an integrated score.
    case tooFewTimes
    /// The test rows are not valid survival data.
    case invalidData(String)

    /// One sentence naming the problem and the fix.
    public var description: String {
        switch self {
        case .timeOutsideFollowUp(let time, let first, let last):
            "time \(time) is outside the test rows' follow-up [\(first), \(last)): choose times within it"
        case .beyondCensoringFollowUp(let time, let last):
            "time \(time) is after the training rows' last follow-up (\(last)), where their censoring survival is unknown"
        case .noComparablePairs:
            "no pair of test rows can be compared: the test rows need an event before another row's time"
        case .noCasesOrControls(let time):
            "at time \(time) the test rows have no events yet or nobody still at risk, so AUC(t) is undefined"
        case .lengthMismatch(let what):
            "lengths differ: \(what)"
        case .tooFewTimes:
            "an integrated Brier score needs at least two times"
        case .invalidData(let reason):
            "the test rows are not valid survival data: \(reason)"
        }
    }
}
