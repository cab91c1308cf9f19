import Testing
@testable import ChurnModel

/// Each kind of bad scenario names the file, the key path, the line and what was expected.
@Suite struct ScenarioValidationTests {
    static let valid = """
        name: Test plan
        horizon_months: 36
        paths: 100
        seed: 3
        discount_rate_annual: 0.08
        segments:
          - name: SMB
            customers: 100
            mrr: { lognormal: { median: 500, sigma: 0.4 } }
            gross_margin: 0.78
            cac: 3000
            contract: { term_months: 1 }
            churn: { monthly_rate: 0.03 }
          - name: Enterprise
            customers: 10
            mrr: 20000
            gross_margin: 0.8
            cac: { triangular: [50000, 80000, 120000] }
            contract: { term_months: 12 }
            churn: { annual_rate: 0.1 }
        """

    func problems(_ yaml: String) throws -> [ScenarioProblem] {
        do {
            _ = try ScenarioLoader.parse(yaml: yaml, file: "plan.yaml")
        } catch ScenarioError.invalid(let problems) {
            return problems
        }
        Issue.record("scenario was accepted")
        return []
    }

    func replacing(_ old: String, with new: String) -> String {
        precondition(Self.valid.contains(old))
        return Self.valid.replacingOccurrences(of: old, with: new)
    }

    @Test func validScenarioLoadsWithConvertedRates() throws {
        let scenario = try ScenarioLoader.parse(yaml: Self.valid, file: "plan.yaml")
        #expect(scenario.segments.count == 2)
        #expect(scenario.segments[0].monthlyRecurringRevenue == .lognormal(median: 500, sigma: 0.4))
        #expect(scenario.segments[1].acquisitionCost == .triangular(minimum: 50_000, mode: 80_000, maximum: 120_000))
        let monthly = try #require(scenario.segments[1].churn.fixedMonthlyRate)
        #expect(abs(ChurnRate.compounded(monthly: monthly, overMonths: 12) - 0.1) < 1e-15)
    }

    @Test func invalidYAMLGivesParserLine() throws {
        let found = try problems(replacing("gross_margin: 0.78", with: "gross_margin: [0.78"))
        let problem = try #require(found.first)
        guard case .invalidYAML = problem.kind else { Issue.record("kind \(problem.kind)"); return }
        #expect(problem.file == "plan.yaml")
        #expect(problem.line != nil)
        #expect(problem.description.hasPrefix("plan.yaml:"))
    }

    /// A key indented one space too far is named with the indentation of the lines above it
    /// (issue 23, point 6); a tab is named as a tab.
    @Test func badIndentationGivesAHint() throws {
        let shifted = try problems(replacing("    gross_margin: 0.78", with: "     gross_margin: 0.78"))
        let problem = try #require(shifted.first)
        guard case .invalidYAML(let reason) = problem.kind else { Issue.record("kind \(problem.kind)"); return }
        let line = try #require(problem.line)
        #expect(reason.contains("hint: line \(line) is indented 5 spaces, but the lines above it are indented 4 (line \(line - 1))"))
        let tabbed = try problems(replacing("    gross_margin: 0.78", with: "\tgross_margin: 0.78"))
        guard case .invalidYAML(let tabReason) = try #require(tabbed.first).kind else { Issue.record("not YAML"); return }
        #expect(tabReason.contains("is indented with a tab; YAML indentation must be spaces"))
        let unrelated = try problems(replacing("gross_margin: 0.78", with: "gross_margin: [0.78"))
        guard case .invalidYAML(let plain) = try #require(unrelated.first).kind else { Issue.record("not YAML"); return }
        #expect(!plain.contains("hint"))
    }

    @Test func missingRequiredFieldNamesKeyAndMapping() throws {
        let found = try problems(replacing("    gross_margin: 0.78\n", with: ""))
        #expect(found.count == 1)
        let problem = try #require(found.first)
        #expect(problem.kind == .missingKey)
        #expect(problem.keyPath == "segments[0].gross_margin")
        #expect(problem.line == 7)
        #expect(problem.description == "plan.yaml:7:5: segments[0].gross_margin: missing required key")
    }

    @Test func unknownKeySuggestsNearestValidKey() throws {
        let found = try problems(replacing("discount_rate_annual: 0.08", with: "discount_rate_anual: 0.08"))
        let problem = try #require(found.first)
        #expect(problem.kind == .unknownKey(suggestion: "discount_rate_annual"))
        #expect(problem.keyPath == "discount_rate_anual")
        #expect(problem.line == 5)
        #expect(problem.description.contains("did you mean 'discount_rate_annual'?"))
    }

    @Test func negativeCustomerCountIsOutOfRange() throws {
        let found = try problems(replacing("customers: 10\n", with: "customers: -4\n"))
        let problem = try #require(found.first)
        #expect(problem.keyPath == "segments[1].customers")
        #expect(problem.line == 15)
        #expect(problem.kind == .invalidValue(expected: "an integer in [0, ∞)", found: "'-4'"))
    }

    @Test(arguments: ["monthly_rate: 1.5", "monthly_rate: -0.1", "monthly_rate: lots"])
    func churnRateOutsideUnitIntervalIsRejected(value: String) throws {
        let found = try problems(replacing("monthly_rate: 0.03", with: value))
        let problem = try #require(found.first)
        #expect(problem.keyPath == "segments[0].churn.monthly_rate")
        #expect(problem.line == 13)
        guard case .invalidValue(let expected, _) = problem.kind else { Issue.record("kind"); return }
        #expect(expected == "a probability in [0, 1]")
    }

    @Test func everyProblemIsReportedAtOnce() throws {
        let yaml = replacing("customers: 100", with: "customers: -1")
            .replacingOccurrences(of: "gross_margin: 0.8\n", with: "gross_margin: 1.8\n")
            .replacingOccurrences(of: "seed: 3", with: "sead: 3")
        let found = try problems(yaml)
        #expect(Set(found.map(\.keyPath)) == ["sead", "segments[0].customers", "segments[1].gross_margin"])
    }

    @Test func bothChurnUnitsAtOnceIsAmbiguous() throws {
        let found = try problems(replacing("{ monthly_rate: 0.03 }", with: "{ monthly_rate: 0.03, annual_rate: 0.3 }"))
        #expect(found.map(\.keyPath) == ["segments[0].churn"])
    }

    @Test func emptyAndNonMappingFilesAreRejected() throws {
        #expect(try problems("").count == 1)
        #expect(try problems("- just\n- a list\n").first?.kind
                == .invalidValue(expected: "a mapping of keys to values", found: "a list"))
    }

    @Test func duplicateSegmentNamesAreRejected() throws {
        let found = try problems(replacing("name: Enterprise", with: "name: SMB"))
        #expect(found.map(\.keyPath) == ["segments[1].name"])
    }

    @Test func slugNamesReportFolder() {
        #expect(ScenarioRun.slug("FY27 portfolio plan") == "fy27-portfolio-plan")
        #expect(ScenarioRun.slug("  Q3: what-if / SMB +20% ") == "q3-what-if-smb-20")
        #expect(ScenarioRun.slug("!!!") == "scenario")
    }
}

extension ScenarioValidationTests {
    @Test func implausibleValuesAreWarningsWithLocations() throws {
        let yaml = replacing("monthly_rate: 0.03", with: "monthly_rate: 0.6")
            .replacingOccurrences(of: "gross_margin: 0.78", with: "gross_margin: 0.1")
            .replacingOccurrences(of: "paths: 100", with: "paths: 10")
        let check = ScenarioLoader.check(yaml: yaml, file: "plan.yaml")
        #expect(check.scenario != nil)
        #expect(check.problems.isEmpty)
        #expect(check.warnings.map(\.keyPath) == ["paths", "segments[0].gross_margin", "segments[0].churn"])
        #expect(check.warnings.map(\.line) == [3, 10, 13])
        #expect(check.warnings[0].description.hasPrefix("plan.yaml:3:8: warning: paths:"))
    }

    @Test func validScenarioHasNoWarnings() {
        #expect(ScenarioLoader.check(yaml: Self.valid, file: "plan.yaml").warnings.isEmpty)
    }
}

/// The richer scenario keys: churn forms, revenue dynamics, new logos, downturns.
@Suite struct ScenarioDynamicsParsingTests {
    static let base = ScenarioValidationTests.valid

    func check(_ yaml: String) -> ScenarioCheck { ScenarioLoader.check(yaml: yaml, file: "plan.yaml") }

    @Test func everyChurnFormParses() throws {
        let forms: [(String, ChurnSpecification)] = [
            ("{ monthly_rate: { triangular: [0.02, 0.03, 0.05] } }",
             .rate(.triangular(minimum: 0.02, mode: 0.03, maximum: 0.05), per: .month)),
            ("{ annual_rate: 0.3 }", .rate(.fixed(0.3), per: .year)),
            ("{ piecewise: [ { until_month: 3, monthly_rate: 0.08 }, { monthly_rate: 0.02 } ] }",
             .piecewise([TenurePiece(untilMonth: 3, monthlyRate: 0.08), TenurePiece(untilMonth: nil, monthlyRate: 0.02)])),
            ("{ sbg: { alpha: 0.7, beta: 1.2 } }", .shiftedBetaGeometric(alpha: 0.7, beta: 1.2)),
            ("{ model: fits/smb.yaml, covariates: { csm_assigned: 1 }, stratum: SMB, time_unit: days }",
             .fitted(FittedChurnModel(file: "fits/smb.yaml", covariates: ["csm_assigned": 1], stratum: "SMB",
                                      monthsPerUnit: 12 / 365.25))),
        ]
        for (text, expected) in forms {
            let result = check(Self.base.replacingOccurrences(of: "{ monthly_rate: 0.03 }", with: text))
            #expect(result.problems.isEmpty, "\(text): \(result.problems)")
            #expect(result.scenario?.segments[0].churn == expected, "\(text)")
        }
    }

    @Test(arguments: [
        ("{ monthly_rate: { lognormal: { median: 0.03, sigma: 0.2 } } }", "segments[0].churn.monthly_rate"),
        ("{ piecewise: [ { monthly_rate: 0.08 }, { monthly_rate: 0.02 } ] }", "segments[0].churn.piecewise[0].until_month"),
        ("{ sbg: { alpha: -1, beta: 1 } }", "segments[0].churn.sbg.alpha"),
        ("{ model: f.yaml, time_unit: fortnights }", "segments[0].churn.time_unit"),
        ("{ monthly_rate: 0.03, sbg: { alpha: 1, beta: 1 } }", "segments[0].churn"),
    ])
    func badChurnFormsAreLocated(text: String, keyPath: String) {
        let result = check(Self.base.replacingOccurrences(of: "{ monthly_rate: 0.03 }", with: text))
        #expect(result.problems.map(\.keyPath).contains(keyPath), "\(result.problems)")
    }

    @Test func revenueDynamicsNewLogosAndDownturnParse() throws {
        let yaml = Self.base.replacingOccurrences(of: "    churn: { monthly_rate: 0.03 }", with: """
                churn: { monthly_rate: 0.03 }
                expansion: { annual_rate: { triangular: [0.02, 0.05, 0.10] } }
                contraction: { annual_rate: 0.02 }
                price_uplift_at_renewal: 0.03
                cost_to_serve_monthly: 25
                new_logos: { per_month: 40 }
            """) + """

            downturn:
              annual_probability: 0.15
              hazard_multiplier: { triangular: [1.2, 1.5, 2.5] }
              correlation: 0.6
            """
        let result = check(yaml)
        #expect(result.problems.isEmpty, "\(result.problems)")
        let scenario = try #require(result.scenario)
        let revenue = scenario.segments[0].revenue
        #expect(revenue.expansionAnnual == .triangular(minimum: 0.02, mode: 0.05, maximum: 0.1))
        #expect(revenue.costToServeMonthly == .fixed(25))
        #expect(scenario.segments[0].newBusiness == NewBusiness(perMonth: .fixed(40)))
        #expect(scenario.downturn?.correlation == [[1, 0.6], [0.6, 1]])
    }

    @Test func correlationMustBeAValidCorrelationMatrix() {
        let notPSD = Self.base + "\ndownturn: { annual_probability: 0.1, hazard_multiplier: 2, correlation: [[1, 0.9], [-0.9, 1]] }\n"
        #expect(check(notPSD).problems.map(\.keyPath) == ["downturn.correlation"])
        let wrongSize = Self.base + "\ndownturn: { annual_probability: 0.1, hazard_multiplier: 2, correlation: [[1]] }\n"
        #expect(check(wrongSize).problems.map(\.keyPath) == ["downturn.correlation"])
    }
}
