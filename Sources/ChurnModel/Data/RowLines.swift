/// The file line on which each data row of a CSV file starts, for messages.
///
/// Data rows are numbered from 1 (the header is row 0). In the usual file, with a one-line
/// header, no blank lines and no quoted line breaks, row `r` starts on line `r + 1` and
/// nothing is stored. Where the mapping shifts (a quoted field spanning lines, a skipped
/// blank line, a header over several lines) a breakpoint is kept: the row and its line,
/// from which later rows count on one line each until the next breakpoint. Recording costs
/// one comparison a row; a lookup is a binary search over the breakpoints.
public struct RowLines: Sendable, Equatable {
    /// Rows (1-based, ascending) at which the line stops being that of the row before plus one.
    private var rows: [Int] = []
    /// The line on which each of ``rows`` starts.
    private var lines: [Int] = []
    /// The line the next row would start on if nothing shifts it.
    private var expectedLine = 2

    /// The mapping of a file whose rows start on consecutive lines after a one-line header.
    public init() {}

    /// Notes that data row `row` (1-based, called once per row in order) starts on `line`.
    @inline(__always)
    mutating func record(row: Int, line: Int) {
        if line != expectedLine {
            rows.append(row)
            lines.append(line)
        }
        expectedLine = line + 1
    }

    /// The 1-based line on which data row `row` (1-based) starts.
    public func line(ofRow row: Int) -> Int {
        var low = 0, high = rows.count  // first breakpoint after `row`
        while low < high {
            let middle = (low + high) / 2
            if rows[middle] <= row { low = middle + 1 } else { high = middle }
        }
        guard low > 0 else { return row + 1 }
        return lines[low - 1] + (row - rows[low - 1])
    }

    /// Whether both map every row to the same line (the breakpoints decide that).
    public static func == (lhs: RowLines, rhs: RowLines) -> Bool {
        lhs.rows == rhs.rows && lhs.lines == rhs.lines
    }
}
