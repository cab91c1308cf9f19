import Crypto
import Foundation

/// Facts of the audit block that do not come from the numbers: the input file's SHA-256
/// and the time the report was made.
public enum ReportAudit {
    /// The lowercase hex SHA-256 (FIPS 180-4) of `data`.
    public static func sha256(_ data: Data) -> String {
        hex(SHA256.hash(data: data))
    }

    /// The SHA-256 of the file at `path`, read in 1 MiB chunks (memory stays flat for a
    /// multi-gigabyte history), or a reason it could not be read.
    public static func sha256(ofFile path: String) -> String {
        guard let file = FileHandle(forReadingAtPath: path) else { return "unavailable (file not readable)" }
        defer { try? file.close() }
        var hasher = SHA256()
        do {
            while let chunk = try file.read(upToCount: 1 << 20), !chunk.isEmpty { hasher.update(data: chunk) }
        } catch {
            return "unavailable (file not readable)"
        }
        return hex(hasher.finalize())
    }

    private static func hex(_ digest: SHA256.Digest) -> String {
        digest.map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// `date` in UTC as ISO 8601 to the second ("2026-05-01T09:30:00Z").
    public static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
