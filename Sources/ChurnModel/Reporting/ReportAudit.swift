import Crypto
import Foundation

/// Facts of the audit block that do not come from the numbers: the input file's SHA-256
/// and the time the report was made.
public enum ReportAudit {
    /// The lowercase hex SHA-256 (FIPS 180-4) of `data`.
    public static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// The SHA-256 of the file at `path`, or a reason it could not be read.
    public static func sha256(ofFile path: String) -> String {
        guard let data = FileManager.default.contents(atPath: path) else { return "unavailable (file not readable)" }
        return sha256(data)
    }

    /// `date` in UTC as ISO 8601 to the second ("2026-05-01T09:30:00Z").
    public static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
