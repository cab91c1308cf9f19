import Testing
@testable import ChurnModel

/// `EventTable` validation: invalid input throws, naming the 1-based row and the field.
@Suite struct EventTableTests {
    @Test func eventTableRejectsNaNDurationNamingTheRow() {
        #expect(throws: EventTableError.nonFiniteValue(row: 3, field: .duration, value: .infinity)) {
            try EventTable(durations: [1, 2, .infinity], events: [true, false, true])
        }
        do {
            _ = try EventTable(durations: [1, .nan], events: [true, false])
            Issue.record("NaN accepted")
        } catch {
            #expect(error.description.contains("row 2"))
            #expect(error.description.contains("duration"))
        }
    }

    @Test func eventTableRejectsNegativeDuration() {
        #expect(throws: EventTableError.negativeDuration(row: 2, value: -1)) {
            try EventTable(durations: [1, -1], events: [true, false])
        }
    }

    @Test(arguments: [(2.0, 2.0), (3.0, 2.0)])
    func eventTableRejectsEntryNotBeforeDuration(entry: Double, duration: Double) {
        #expect(throws: EventTableError.entryNotBeforeDuration(row: 2, entryTime: entry, duration: duration)) {
            try EventTable(durations: [5, duration], events: [true, true], entryTimes: [0, entry])
        }
    }

    @Test func eventTableRejectsNaNEntryAndBadWeights() {
        #expect(throws: EventTableError.self) {
            try EventTable(durations: [5, 4], events: [true, true], entryTimes: [.nan, 0])
        }
        #expect(throws: EventTableError.nonPositiveWeight(row: 1, value: 0)) {
            try EventTable(durations: [5, 4], events: [true, true], weights: [0, 1])
        }
        #expect(throws: EventTableError.nonFiniteValue(row: 2, field: .weight, value: .infinity)) {
            try EventTable(durations: [5, 4], events: [true, true], weights: [1, .infinity])
        }
    }

    @Test func eventTableRejectsLengthMismatchAndEmptyInput() {
        #expect(throws: EventTableError.lengthMismatch(field: .event, expected: 2, actual: 1)) {
            try EventTable(durations: [5, 4], events: [true])
        }
        #expect(throws: EventTableError.lengthMismatch(field: .stratum, expected: 2, actual: 3)) {
            try EventTable(durations: [5, 4], events: [true, false], strata: ["a", "b", "c"])
        }
        #expect(throws: EventTableError.empty) {
            try EventTable(durations: [], events: [])
        }
    }

    @Test func eventTableAcceptsZeroDurationAndNegativeEntry() throws {
        let table = try EventTable(
            durations: [0, 3], events: [false, true], entryTimes: [-1, 2], weights: [1, 2.5])
        #expect(table.count == 2)
        #expect(table.weight(at: 1) == 2.5)
    }

    @Test func eventTableRejectsNonFiniteCovariateNamingRowAndColumn() {
        let covariates = Matrix(rowMajor: [[1, 0], [2, .nan], [3, 1]])
        #expect(throws: EventTableError.self) {
            try EventTable(durations: [1, 2, 3], events: [true, false, true], covariates: covariates,
                           covariateNames: ["age", "sponsor_change"])
        }
        do {
            _ = try EventTable(durations: [1, 2, 3], events: [true, false, true], covariates: covariates,
                               covariateNames: ["age", "sponsor_change"])
        } catch {
            #expect(error.description == "row 2: covariate 'sponsor_change' is nan, expected a finite number")
        }
    }

    @Test func eventTableRejectsCovariateShapeMismatch() {
        #expect(throws: EventTableError.lengthMismatch(field: .covariate, expected: 3, actual: 2)) {
            try EventTable(durations: [1, 2, 3], events: [true, false, true],
                           covariates: Matrix(rowMajor: [[1], [2]]), covariateNames: ["age"])
        }
        #expect(throws: EventTableError.lengthMismatch(field: .covariate, expected: 1, actual: 2)) {
            try EventTable(durations: [1, 2], events: [true, false],
                           covariates: Matrix(rowMajor: [[1], [2]]), covariateNames: ["age", "plan"])
        }
    }
}
