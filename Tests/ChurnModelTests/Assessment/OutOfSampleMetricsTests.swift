import Foundation
@testable import ChurnModel
import Testing

/// Out-of-sample metrics against scikit-survival 0.28.0 (`Benchmarks/reference/assessment_reference.py`):
/// WHAS500, a Cox model fitted on rows 1–300 by scikit-survival, scored on rows 301–500, with the
/// training rows' censoring curve. Tolerance 1e-12 absolute: the same sums in another order.
@Suite struct OutOfSampleMetricsTests {
    struct Data {
        let train: (durations: [Double], events: [Bool])
        let test: (durations: [Double], events: [Bool], risks: [Double], survival: [[Double]], null: [[Double]])
        let times: [Double] = [200, 400, 600, 800, 1000, 1200, 1400]
        let reference: [String: Double]

        init() throws {
            let csv = try FixtureCSV("whas500_assessment", subdirectory: "Fixtures")
            let sets = try csv.strings("set")
            let durations = try csv.requiredDoubles("time")
            let events = try csv.requiredDoubles("event").map { $0 == 1 }
            let risks = try csv.requiredDoubles("risk")
            let survival = try times.map { try csv.requiredDoubles("survival_\(Int($0))") }
            let null = try times.map { try csv.requiredDoubles("km_\(Int($0))") }
            let trainRows = sets.indices.filter { sets[$0] == "train" }
            let testRows = sets.indices.filter { sets[$0] == "test" }
            train = (trainRows.map { durations[$0] }, trainRows.map { events[$0] })
            test = (testRows.map { durations[$0] }, testRows.map { events[$0] }, testRows.map { risks[$0] },
                    testRows.map { row in survival.map { $0[row] } }, testRows.map { row in null.map { $0[row] } })
            let reference = try FixtureCSV("assessment_reference")
            let metrics = try reference.strings("metric"), terms = try reference.strings("term")
            let values = try reference.requiredDoubles("value")
            var table: [String: Double] = [:]
            for index in metrics.indices { table["\(metrics[index])|\(terms[index])"] = values[index] }
            self.reference = table
        }

        func value(_ metric: String, _ term: String = "") throws -> Double {
            try #require(reference["\(metric)|\(term)"], "no reference \(metric) \(term)")
        }
    }

    @Test func concordanceMatchesScikitSurvival() throws {
        let d = try Data()
        let harrell = try ConcordanceIndex.harrell(durations: d.test.durations, events: d.test.events, risks: d.test.risks)
        #expect(abs(harrell - (try d.value("harrell_c"))) < 1e-12)
        let uno = try ConcordanceIndex.uno(
            durations: d.test.durations, events: d.test.events, risks: d.test.risks,
            trainDurations: d.train.durations, trainEvents: d.train.events)
        #expect(abs(uno - (try d.value("uno_c"))) < 1e-12)
        let truncated = try ConcordanceIndex.uno(
            durations: d.test.durations, events: d.test.events, risks: d.test.risks,
            trainDurations: d.train.durations, trainEvents: d.train.events, tau: 1000)
        #expect(abs(truncated - (try d.value("uno_c", "tau=1000"))) < 1e-12)
    }

    @Test func dynamicAUCMatchesScikitSurvival() throws {
        let d = try Data()
        let (values, mean) = try DynamicAUC.evaluate(
            durations: d.test.durations, events: d.test.events, risks: d.test.risks,
            trainDurations: d.train.durations, trainEvents: d.train.events, times: d.times)
        for (time, value) in zip(d.times, values) {
            #expect(abs(value - (try d.value("auc", "\(Int(time))"))) < 1e-12, "AUC(\(time))")
        }
        #expect(abs(mean - (try d.value("mean_auc"))) < 1e-12)
    }

    @Test func brierScoresAndIPAMatchScikitSurvival() throws {
        let d = try Data()
        let model = try BrierScore.evaluate(
            durations: d.test.durations, events: d.test.events, survival: d.test.survival,
            trainDurations: d.train.durations, trainEvents: d.train.events, times: d.times)
        let null = try BrierScore.evaluate(
            durations: d.test.durations, events: d.test.events, survival: d.test.null,
            trainDurations: d.train.durations, trainEvents: d.train.events, times: d.times)
        for (k, time) in d.times.enumerated() {
            #expect(abs(model[k] - (try d.value("brier", "\(Int(time))"))) < 1e-12, "BS(\(time))")
            #expect(abs(null[k] - (try d.value("brier_km", "\(Int(time))"))) < 1e-12, "BS_KM(\(time))")
        }
        let ibs = try BrierScore.integrated(scores: model, times: d.times)
        #expect(abs(ibs - (try d.value("ibs"))) < 1e-12)
        let ipa = BrierScore.predictionAccuracy(model: model, null: null)
        #expect(ipa.allSatisfy { $0 > 0 }, "the Cox model beats the flat Kaplan–Meier forecast at every time")
    }

    @Test func timesOutsideTheTestFollowUpAreErrors() throws {
        let d = try Data()
        let last = try #require(d.test.durations.max())
        #expect(throws: AssessmentError.timeOutsideFollowUp(time: last, first: d.test.durations.min()!, last: last)) {
            _ = try DynamicAUC.evaluate(
                durations: d.test.durations, events: d.test.events, risks: d.test.risks,
                trainDurations: d.train.durations, trainEvents: d.train.events, times: [last])
        }
    }

    /// A perfect ranking has C = 1 and its reverse 0; all ties give ½.
    @Test func concordanceOfKnownRankings() throws {
        let durations: [Double] = [1, 2, 3, 4, 5, 6]
        let events = [true, true, false, true, true, false]
        let perfect = durations.map { -$0 }
        #expect(try ConcordanceIndex.harrell(durations: durations, events: events, risks: perfect) == 1)
        #expect(try ConcordanceIndex.harrell(durations: durations, events: events, risks: durations) == 0)
        #expect(try ConcordanceIndex.harrell(durations: durations, events: events, risks: [Double](repeating: 0.3, count: 6)) == 0.5)
    }
}
