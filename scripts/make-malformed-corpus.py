#!/usr/bin/env python3
"""Regenerates the corpus of malformed inputs under Tests/ChurnModelTests/Fixtures/Malformed/.

Each scenario must make `churnsim validate` exit 2 and each CSV must make `churnsim fit` exit 2;
candidates that do not (a mutation that happens to stay valid) are discarded, so every kept file
is a bad input with a located error. Deterministic (fixed seed). Usage:

    swift build && python3 scripts/make-malformed-corpus.py .build/debug/churnsim
"""
import os, random, subprocess, sys, tempfile

root = os.path.join(os.path.dirname(__file__), "..", "Tests", "ChurnModelTests", "Fixtures", "Malformed")
binary = sys.argv[1] if len(sys.argv) > 1 else ".build/debug/churnsim"
rng = random.Random(20261125)

SCENARIO = open(os.path.join(os.path.dirname(__file__), "..", "Scenarios", "example.yaml"), encoding="utf-8").read()
CSV = (
    "customer,tenure,churned,plan,logins\n"
    "a,3,1,Pro,10\nb,12,0,Basic,25\nc,7,1,Enterprise,4\nd,24,0,Pro,31\ne,5,1,Basic,8\n"
)
FIT = ["fit", None, "--model", "cox", "--duration", "tenure", "--event", "churned", "--covariates", "plan,logins"]


def rejected(args, text: bytes, suffix: str) -> bool:
    with tempfile.NamedTemporaryFile(suffix=suffix, delete=False) as f:
        f.write(text)
        path = f.name
    out = tempfile.mkdtemp()
    try:
        argv = [a if a is not None else path for a in args] + (["--output", out + "/r"] if args[0] == "fit" else [])
        if args[0] == "validate":
            argv = ["validate", path]
        result = subprocess.run([binary] + argv, capture_output=True, timeout=20)
        return result.returncode == 2 and not os.path.exists(out + "/r")
    finally:
        os.unlink(path)


def scenario_mutations():
    lines = SCENARIO.splitlines(keepends=True)
    text = SCENARIO
    for cut in range(20, len(text), max(1, len(text) // 60)):
        yield "truncated", text[:cut]
    for i in range(len(lines)):
        yield "line-deleted", "".join(lines[:i] + lines[i + 1:])
    replacements = [
        ("customers: 6000", "customers: -6000"), ("customers: 6000", "customers: six thousand"),
        ("customers: 6000", "customers: 6e99"), ("gross_margin: 0.78", "gross_margin: 1.78"),
        ("gross_margin: 0.78", "gross_margin: [0.78]"), ("horizon_months: 60", "horizon_months: 0"),
        ("horizon_months: 60", "horizon_months: 60.5"), ("paths: 2000", "paths: -1"), ("seed: 42", "seed: -42"),
        ("discount_rate_annual: 0.10", "discount_rate_annual: 10"), ("median: 500", "median: -500"),
        ("sigma: 0.4", "sigma: 40"), ("[12000, 18000, 30000]", "[30000, 18000, 12000]"),
        ("[12000, 18000, 30000]", "[12000, 18000]"), ("term_months: 12", "term_months: 0"),
        ("alpha: 3.8", "alpha: 0"), ("annual_probability: 0.15", "annual_probability: 1.5"),
        ("correlation: 0.6", "correlation: 1.6"), ("correlation: 0.6", "correlation: [[1, 2], [2, 1]]"),
        ("until_month: 3", "until_month: -3"), ("monthly_rate: 0.028", "monthly_rate: 2.8"),
        ("name: SMB", "name: Enterprise"), ("name: FY27 portfolio plan", "name:"), ("segments:", "segment:"),
        ("expansion:", "expanson:"), ("churn:", "chrn:"), ("mrr:", "mrr_typo:"), ("cac: 3000", "cac: -3000"),
        ("per_month: 120", "per_month: -120"), ("cost_to_serve_monthly: 15", "cost_to_serve_monthly: lots"),
        ("price_uplift_at_renewal: 0.03", "price_uplift_at_renewal: 3"), ("{ lognormal:", "{ lognormal: {}, fixed:"),
        ("hazard_multiplier:", "hazard_multiplier: -1 #"), ("contract: { term_months: 1 }", "contract: monthly"),
    ]
    for old, new in replacements:
        yield "value", text.replace(old, new, 1)
    yield "empty", ""
    yield "list-root", "- a\n- b\n"
    yield "scalar-root", "just text\n"
    yield "tabs", text.replace("  ", "\t", 3)
    # Indentation one space off (issue 23): a located error with a hint naming the lines above.
    yield "bad-indent", text.replace("    gross_margin: 0.78", "     gross_margin: 0.78", 1)
    yield "bad-indent", text.replace("  correlation: 0.6", "   correlation: 0.6", 1)
    yield "bad-indent", text.replace("  - name: Mid-market", "   - name: Mid-market", 1)
    yield "unclosed-brace", text.replace("{ term_months: 12 }", "{ term_months: 12", 1)
    yield "duplicate-key", text.replace("seed: 42", "seed: 42\nseed: 43", 1)
    yield "alias", text.replace("seed: 42", "seed: &s 42\npaths_again: *s", 1)
    yield "deep", "name: x\nhorizon_months: 1\nsegments: " + "[" * 200 + "]" * 200 + "\n"
    yield "binary", bytes(rng.randrange(256) for _ in range(400)).decode("latin-1")
    for _ in range(60):
        chars = list(text)
        for _ in range(rng.randrange(1, 6)):
            position = rng.randrange(len(chars))
            chars[position] = rng.choice(":-[]{}#&*!|>'\"%@`,?\t\n0xZ")
        yield "flipped", "".join(chars)


def csv_mutations():
    rows = CSV.splitlines(keepends=True)
    for cut in range(5, len(CSV), 6):
        yield "truncated", CSV[:cut]
    edits = [
        ("b,12,0", "b,-12,0"), ("b,12,0", "b,twelve,0"), ("b,12,0", "b,,0"), ("b,12,0", "b,NA,0"),
        ("b,12,0", "b,nan,0"), ("b,12,0", "b,inf,0"), ("b,12,0", "b,12,2"), ("b,12,0", "b,12,maybe"),
        ("b,12,0", "b,12,"), ("Basic,25", "Basic,twenty"), ("Basic,25", "Basic,"), ("Basic,25", "Basic"),
        ("Basic,25", "Basic,25,extra"), ("a,3,1", "\"a,3,1"), ("tenure", "tenur"), ("churned", "churn"),
        ("plan", "plan_name"), ("logins", "log ins"), ("customer,", ""),
    ]
    for old, new in edits:
        yield "cell", CSV.replace(old, new, 1)
    yield "empty", ""
    yield "header-only", rows[0]
    yield "blank-lines", "\n\n\n"
    yield "bad-utf8", rows[0] + "a,3,1,\xff\xfe,10\n"
    yield "all-constant-plan", "".join(rows[:1] + [r.replace("Pro", "Basic").replace("Enterprise", "Basic") for r in rows[1:]])
    yield "no-events", CSV.replace(",1,", ",0,")
    # A numeric column with a few stray cells (issue 23): a located error, not a text covariate.
    long = rows[0] + "".join(f"r{i},{1 + i % 30},{i % 2},{('Pro', 'Basic')[i % 2]},{i * 7 % 40}\n" for i in range(40))
    yield "stray-word", long.replace("r7,8,1,Basic,9", "r7,8,1,Basic,oops", 1)
    yield "stray-inf", long.replace("r7,8,1,Basic,9", "r7,8,1,Basic,inf", 1)
    yield "stray-infinity", long.replace("r9,10,1,Basic,23", "r9,10,1,Basic,-Infinity", 1)
    for _ in range(50):
        chars = list(CSV)
        for _ in range(rng.randrange(1, 5)):
            position = rng.randrange(len(chars))
            chars[position] = rng.choice(",\"\n;-x.e\t")
        yield "flipped", "".join(chars)


def write(kind, mutations, args, suffix, limit):
    folder = os.path.join(root, kind)
    for name in os.listdir(folder):
        os.unlink(os.path.join(folder, name))
    kept, seen = 0, set()
    for label, text in mutations:
        data = text.encode("utf-8", "surrogateescape") if isinstance(text, str) else text
        if label == "bad-utf8":
            data = text.encode("latin-1")
        if data in seen or not rejected(args, data, suffix):
            continue
        seen.add(data)
        kept += 1
        with open(os.path.join(folder, f"{kept:03d}-{label}{suffix}"), "wb") as f:
            f.write(data)
        if kept >= limit:
            break
    print(f"{kind}: {kept} malformed inputs kept")


write("scenarios", scenario_mutations(), ["validate"], ".yaml", 160)
write("csv", csv_mutations(), FIT, ".csv", 120)
