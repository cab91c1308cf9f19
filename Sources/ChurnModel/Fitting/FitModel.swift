/// The models `churnsim fit` can estimate.
public enum FitModel: String, Sendable, CaseIterable {
    /// Kaplan–Meier survival curve.
    case km
    /// Nelson–Aalen cumulative hazard.
    case na

    /// The identifier written as `model` in fit files.
    public var identifier: String {
        switch self {
        case .km: "kaplan_meier"
        case .na: "nelson_aalen"
        }
    }
}
