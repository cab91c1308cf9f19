import Yams

/// Reads one entry of the `segments` list.
enum SegmentReader {
    /// Keys allowed in a segment.
    static let keys = [
        "name", "customers", "mrr", "gross_margin", "cac", "contract", "churn", "expansion", "contraction",
        "price_uplift_at_renewal", "cost_to_serve_monthly", "new_logos",
    ]

    /// The segment at `node`, or nil after reporting its problems.
    static func read(_ node: Node, keyPath: String, diagnostics: ScenarioDiagnostics) -> Segment? {
        guard let reader = YAMLMappingReader(node, keyPath: keyPath, allowedKeys: keys, diagnostics: diagnostics)
        else { return nil }
        let name = reader.string("name")
        let (customers, book) = readCustomers(reader, segmentName: name)
        let mrr = book != nil && reader.node("mrr", required: false) == nil
            ? book.map(bookRevenue) : DistributionReader.read(reader, key: "mrr", positive: true)
        let margin = reader.number(
            "gross_margin", in: 0...1, expected: "a share in [0, 1] (0.78 = 78%)")
        let cac = DistributionReader.read(reader, key: "cac", positive: false)
        let term = readContractTerm(reader)
        let churn = ChurnReader.read(reader)
        let revenue = RevenueReader.readDynamics(reader)
        let (newBusiness, newBusinessOK) = RevenueReader.readNewBusiness(reader)
        guard let name, let customers, let mrr, let margin, let cac, let term, let churn, let revenue, newBusinessOK
        else { return nil }
        if let book, !book.covariateCells.isEmpty, !churn.isFittedModel {
            reader.diagnostics.report(
                .invalidValue(expected: "covariates only with churn: { model: … }", found: "customers.covariates"),
                at: reader.mapping["customers"]?.mark, keyPath: reader.path("customers.covariates"))
            return nil
        }
        if let rate = churn.fixedMonthlyRate, rate > 0.5 {
            reader.warn("churn", "a monthly churn above 50% means most customers leave within two months")
        }
        if margin < 0.2 { reader.warn("gross_margin", "a gross margin below 20% is unusual for subscription software") }
        if customers == 0 { reader.warn("customers", "the segment has no customers and contributes nothing") }
        return Segment(
            name: name, customers: customers, monthlyRecurringRevenue: mrr, grossMargin: margin,
            acquisitionCost: cac, contractTermMonths: term, churn: churn, revenue: revenue, newBusiness: newBusiness,
            book: book)
    }

    /// `customers`: a count, or a book of current customers from a CSV file
    /// (``CustomerBookReader``); the count is then the book's number of rows.
    private static func readCustomers(_ reader: YAMLMappingReader, segmentName: String?) -> (Int?, CustomerBook?) {
        guard case .mapping = reader.node("customers", required: false) else {
            return (reader.integer("customers", in: 0...Int.max), nil)
        }
        let book = CustomerBookReader.read(reader, segmentName: segmentName)
        return (book?.count, book)
    }

    /// Without `mrr`, a book segment's new logos pay MRRs like today's customers: the book's
    /// MRR column resampled.
    private static func bookRevenue(_ book: CustomerBook) -> ValueDistribution {
        .empirical(EmpiricalDistribution(file: book.file, column: "mrr", values: book.monthlyRecurringRevenue))
    }

    /// `contract: { term_months: 12 }`; monthly (1) when absent.
    private static func readContractTerm(_ reader: YAMLMappingReader) -> Int? {
        guard let contract = reader.mapping("contract", allowedKeys: ["term_months"], required: false)
        else { return reader.node("contract", required: false) == nil ? 1 : nil }
        return contract.integer("term_months", in: 1...120)
    }
}
