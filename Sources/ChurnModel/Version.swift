/// The churnsim release this library belongs to, recorded in every report's audit block.
public enum ChurnSimVersion {
    /// Semantic version string of this build.
    public static let current = "0.1.0"
}
