#!/usr/bin/env python3
"""Survival benchmark: `churnsim fit` vs R survival vs lifelines, side by side, with an agreement check.

Driven by Benchmarks/run.sh (which installs the peers and builds churnsim). For every size and model,
each program runs as its own process, alternating (the order rotates per repetition so that drifts
in machine load hit every program alike). Every process is timed as a whole (wall clock from
perf_counter, user + system CPU and peak RSS of that child from os.wait4); the peers also report
their CSV-read and fit times from inside. churnsim has no such split from outside, so
`churnsim fit --model km` with the same covariate columns is timed as well: it reads and encodes
the same CSV columns and writes a report, but its fit is trivial, so it is the floor of loading
the data + start-up + writing the report (see RESULTS.md).

Agreement (uses the first repetition's outputs; exit status 1 when a checked row fails):
  * Cox (Efron and Breslow) coefficients, churnsim vs R: relative difference <= 1e-6 each
  * Cox (Efron) coefficients, churnsim vs lifelines: relative difference <= 1e-6 each
  * Weibull AFT coefficients and Log(scale), churnsim vs R: relative difference <= 1e-6 each
  * Kaplan-Meier survival at 12 and 24 months and median, churnsim vs R: relative <= 1e-9
  * informational: Weibull vs lifelines, log-likelihoods, KM vs lifelines

Usage: bench.py SCRATCH --mode quick|full --churnsim PATH [--markdown OUT.md]
"""

from __future__ import annotations

import argparse
import re
import itertools
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from generate_data import TRUE_COEFFICIENTS

HERE = Path(__file__).resolve().parent
COVARIATES = list(TRUE_COEFFICIENTS)  # the ten drivers, in column order
COX_TOLERANCE = 1e-6
WEIBULL_TOLERANCE = 1e-6
KM_TOLERANCE = 1e-9
SEED = 20240601
SIZES_NOTE = """
Sizes: Cox at 10k / 100k / 1M / 10M rows, Kaplan–Meier at 100k / 1M / 10M, Weibull at 100k / 1M. The 10M-row
runs (a 0.8 GB CSV) are timed once each, not three times, and lifelines' Cox is not run at 10M rows: one
lifelines Cox fit at 1M rows already takes about half a minute, and ten times the rows would take several
minutes and most of the machine's memory per run.
"""
BIG = 10_000_000   # rows from which each program runs once and lifelines' Cox is skipped
TIMINGS = re.compile(r"timings: read ([0-9.,]+) s \(cpu [0-9.,]+ s\), fit ([0-9.,]+) s")

# (program, model) pairs run at each size. lifelines has only Efron ties.
PROGRAMS = {
    "cox_efron": ["churnsim", "R", "lifelines"],
    "cox_breslow": ["churnsim", "R"],
    "weibull": ["churnsim", "R", "lifelines"],
    "km": ["churnsim", "R", "lifelines"],
}


@dataclass
class Plan:
    sizes: dict[str, list[int]]   # model -> sizes
    reps: int


def plan_for(mode: str) -> Plan:
    if mode == "quick":
        return Plan({model: [10_000] for model in PROGRAMS}, reps=1)
    cox_sizes = [10_000, 100_000, 1_000_000, BIG]
    return Plan({
        "cox_efron": cox_sizes,
        "cox_breslow": cox_sizes,
        "weibull": [100_000, 1_000_000],
        "km": [100_000, 1_000_000, BIG],
    }, reps=3)


@dataclass
class Run:
    program: str
    model: str
    rows: int
    wall: float
    user: float
    system: float
    rss_kb: int
    read: float | None = None     # CSV read timed inside the process (churnsim: `fit --timings`)
    fit: float | None = None      # fit timed inside the process
    output: dict = field(default_factory=dict)


def timed(command: list[str], log: Path) -> tuple[float, float, float, int]:
    """Runs command; returns wall, user CPU, system CPU (s) and peak RSS (KiB) of that child."""
    with log.open("w") as out:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        sys.stderr.write(f"command failed ({process.returncode}): {' '.join(command)}\n{log.read_text()}\n")
        raise SystemExit(1)
    return wall, usage.ru_utime, usage.ru_stime, usage.ru_maxrss


def run_one(program: str, model: str, rows: int, data: Path, scratch: Path, churnsim: str) -> Run:
    log = scratch / "last.log"
    if program == "churnsim":
        folder = scratch / f"churnsim-{model}-{rows}"
        shutil.rmtree(folder, ignore_errors=True)
        command = [churnsim, "fit", str(data), "--duration", "duration_months", "--event", "churned",
                   "--output", str(folder), "--timings"]
        if model.startswith("cox"):
            command += ["--model", "cox", "--ties", model.removeprefix("cox_"), "--covariates", ",".join(COVARIATES)]
        elif model == "weibull":
            command += ["--model", "weibull", "--covariates", ",".join(COVARIATES)]
        else:
            command += ["--model", "km"]
        wall, user, system, rss = timed(command, log)
        output = json.loads((folder / "fit.json").read_text())
        shutil.rmtree(folder, ignore_errors=True)
        inside = TIMINGS.search(log.read_text())
        read, fit = (float(inside.group(k).replace(",", "")) for k in (1, 2)) if inside else (None, None)
        return Run(program, model, rows, wall, user, system, rss, read, fit, output=output)
    result = scratch / f"{program}-{model}-{rows}.json"
    if program == "R":
        command = ["Rscript", str(HERE / "r_peer.R"), str(data), model, str(result)]
    else:
        command = [sys.executable, str(HERE / "lifelines_peer.py"), str(data), model, str(result)]
    wall, user, system, rss = timed(command, log)
    output = json.loads(result.read_text())
    return Run(program, model, rows, wall, user, system, rss, output["read_seconds"], output["fit_seconds"], output)


# ----------------------------------------------------------------------------------------------
# Agreement
# ----------------------------------------------------------------------------------------------


def relative(a: float, b: float) -> float:
    return abs(a - b) / max(abs(b), 1e-12)


def coefficients(output: dict) -> dict[str, float]:
    return {c["name"]: c["estimate"] for c in output["coefficients"]}


def compare_coefficients(label: str, ours: dict, theirs: dict, tolerance: float, checked: bool) -> list[tuple]:
    a, b = coefficients(ours), coefficients(theirs)
    rows = []
    if set(a) != set(b):
        return [(label, "names", str(sorted(a)), str(sorted(b)), float("inf"), checked, False)]
    for name in b:
        r = relative(a[name], b[name])
        rows.append((label, name, a[name], b[name], r, checked, r <= tolerance))
    return rows


def km_summary(output: dict) -> dict[str, float]:
    """Median and survival at 12 and 24 months from a churnsim KM fit.json or a peer's JSON."""
    if "table" not in output:
        return {"median": output["median"], "survival_at_12": output["survival_at_12"],
                "survival_at_24": output["survival_at_24"]}
    table = output["table"]
    def at(month: float) -> float:
        surv = 1.0
        for row in table:
            if row["time"] <= month:
                surv = row["survival"]
        return surv
    return {"median": output["median"][0]["estimate"], "survival_at_12": at(12), "survival_at_24": at(24)}


def agreement(first: dict[tuple[str, str, int], Run]) -> tuple[list[tuple], bool]:
    rows: list[tuple] = []
    for (program, model, size), run in sorted(first.items(), key=lambda item: (item[0][2], item[0][1])):
        if program != "churnsim":
            continue
        ours = run.output
        for peer in ("R", "lifelines"):
            other = first.get((peer, model, size))
            if other is None:
                continue
            theirs = other.output
            label = f"{model} n={size:,} vs {peer}"
            if model.startswith("cox"):
                rows += compare_coefficients(label, ours, theirs, COX_TOLERANCE, checked=True)
                r = relative(ours["log_likelihood"], theirs["log_likelihood"])
                rows.append((label, "log-likelihood", ours["log_likelihood"], theirs["log_likelihood"], r, False, r <= 1e-9))
            elif model == "weibull":
                rows += compare_coefficients(label, ours, theirs, WEIBULL_TOLERANCE, checked=peer == "R")
                r = relative(ours["log_likelihood"], theirs["log_likelihood"])
                rows.append((label, "log-likelihood", ours["log_likelihood"], theirs["log_likelihood"], r, False, r <= 1e-9))
            elif model == "km":
                a, b = km_summary(ours), km_summary(theirs)
                for key in b:
                    r = relative(a[key], b[key])
                    rows.append((label, key, a[key], b[key], r, peer == "R", r <= KM_TOLERANCE))
    ok = all(passed for *_, checked, passed in rows if checked)
    return rows, ok


# ----------------------------------------------------------------------------------------------
# Tables
# ----------------------------------------------------------------------------------------------

LABELS = {"cox_efron": "Cox, Efron ties", "cox_breslow": "Cox, Breslow ties", "weibull": "Weibull AFT",
          "km": "Kaplan–Meier"}
PEER_CALL = {
    ("churnsim", "cox_efron"): "`churnsim fit --model cox --ties efron`",
    ("churnsim", "cox_breslow"): "`churnsim fit --model cox --ties breslow`",
    ("churnsim", "weibull"): "`churnsim fit --model weibull`",
    ("churnsim", "km"): "`churnsim fit --model km`",
    ("R", "cox_efron"): "`coxph(ties = \"efron\")`",
    ("R", "cox_breslow"): "`coxph(ties = \"breslow\")`",
    ("R", "weibull"): "`survreg(dist = \"weibull\")`",
    ("R", "km"): "`survfit(Surv ~ 1)`",
    ("lifelines", "cox_efron"): "`CoxPHFitter()` (Efron)",
    ("lifelines", "weibull"): "`WeibullAFTFitter()`",
    ("lifelines", "km"): "`KaplanMeierFitter()`",
}


def med(values) -> float:
    return statistics.median(values)


def fmt_s(x: float | None) -> str:
    return "–" if x is None else (f"{x:.3f}" if x < 10 else f"{x:.1f}")


def timing_tables(runs: list[Run], plan: Plan) -> str:
    groups: dict[tuple[str, str, int], list[Run]] = {}
    for run in runs:
        groups.setdefault((run.program, run.model, run.rows), []).append(run)
    out = []
    out.append("| model | rows | program | median wall (s) | min–max (s) | median user+sys CPU (s) | "
               "CSV read (s) | fit only (s) | peak RSS (MiB) | wall ratio peer / churnsim |")
    out.append("|---|---|---|---|---|---|---|---|---|---|")
    for model in PROGRAMS:
        for size in plan.sizes.get(model, []):
            base = groups.get(("churnsim", model, size))
            base_wall = med([r.wall for r in base]) if base else None
            for program in PROGRAMS[model]:
                group = groups.get((program, model, size))
                if not group:
                    continue
                walls = [r.wall for r in group]
                wall = med(walls)
                cpu = med([r.user + r.system for r in group])
                read = med([r.read for r in group]) if group[0].read is not None else None
                fit = med([r.fit for r in group]) if group[0].fit is not None else None
                ratio = "1 (base)" if program == "churnsim" else f"{wall / base_wall:.2f}×"
                spread = f"{min(walls):.2f}–{max(walls):.2f}" if len(walls) > 1 else "–"
                out.append(f"| {LABELS[model]} | {size:,} | {PEER_CALL[(program, model)]} | {fmt_s(wall)} | {spread} | "
                           f"{fmt_s(cpu)} | {fmt_s(read)} | {fmt_s(fit)} | {max(r.rss_kb for r in group) // 1024} | {ratio} |")
    return "\n".join(out)


def fit_only_table(runs: list[Run], plan: Plan) -> str:
    """Each model's in-process fit time, and read + fit, churnsim against each peer (medians)."""
    groups: dict[tuple[str, str, int], list[Run]] = {}
    for run in runs:
        groups.setdefault((run.program, run.model, run.rows), []).append(run)
    out = ["| model | rows | churnsim read (s) | churnsim fit (s) | peer | peer read (s) | peer fit (s) "
           "| fit: peer / churnsim | read + fit: peer / churnsim |",
           "|---|---|---|---|---|---|---|---|---|"]
    for model in PROGRAMS:
        for size in plan.sizes.get(model, []):
            ours = groups.get(("churnsim", model, size))
            if not ours or ours[0].fit is None:
                continue
            read, fit = med([r.read for r in ours]), med([r.fit for r in ours])
            for peer in PROGRAMS[model][1:]:
                theirs = groups.get((peer, model, size))
                if not theirs:
                    continue
                peer_read, peer_fit = med([r.read for r in theirs]), med([r.fit for r in theirs])
                out.append(f"| {LABELS[model]} | {size:,} | {fmt_s(read)} | {fmt_s(fit)} | {peer} | {fmt_s(peer_read)} | "
                           f"{fmt_s(peer_fit)} | {ratio(peer_fit, fit)} | {ratio(peer_read + peer_fit, read + fit)} |")
    return "\n".join(out)


def ratio(peer: float, ours: float) -> str:
    """peer / ours as "12.3×", or "–" when churnsim's time rounds to zero (`--timings` has millisecond steps)."""
    return f"{peer / ours:.1f}×" if ours > 0 else "–"


def agreement_table(rows: list[tuple]) -> str:
    out = ["| comparison | term | churnsim | peer | relative difference | checked | result |",
           "|---|---|---|---|---|---|---|"]
    for label, name, a, b, r, checked, passed in rows:
        a_s = a if isinstance(a, str) else f"{a:.10g}"
        b_s = b if isinstance(b, str) else f"{b:.10g}"
        result = "pass" if passed else ("**FAIL**" if checked else "differs")
        out.append(f"| {label} | {name} | {a_s} | {b_s} | {r:.2e} | {'yes' if checked else 'info'} | {result} |")
    return "\n".join(out)


# ----------------------------------------------------------------------------------------------
# Main
# ----------------------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scratch", type=Path)
    parser.add_argument("--mode", choices=["quick", "full"], required=True)
    parser.add_argument("--churnsim", required=True)
    parser.add_argument("--markdown", type=Path, help="write the survival section of RESULTS.md here")
    args = parser.parse_args()
    scratch: Path = args.scratch / "survival"
    scratch.mkdir(parents=True, exist_ok=True)
    plan = plan_for(args.mode)

    sizes = sorted({size for model_sizes in plan.sizes.values() for size in model_sizes})
    data = {}
    for size in sizes:
        data[size] = scratch / f"churn_{size}.csv"
        print(f"   generating {size:,} rows", flush=True)
        subprocess.run([sys.executable, str(HERE / "generate_data.py"), "--rows", str(size), "--seed", str(SEED),
                        "--output", str(data[size])], check=True)

    load_start = os.getloadavg()
    runs: list[Run] = []
    first: dict[tuple[str, str, int], Run] = {}
    for rep in range(plan.reps):
        for size in sizes:
            if size >= BIG and rep > 0:
                continue
            for model, programs in PROGRAMS.items():
                if size not in plan.sizes.get(model, []):
                    continue
                if size >= BIG and model.startswith("cox"):
                    programs = [p for p in programs if p != "lifelines"]
                shift = rep % len(programs)
                for program in programs[shift:] + programs[:shift]:   # rotate the order per repetition
                    run = run_one(program, model, size, data[size], scratch, args.churnsim)
                    runs.append(run)
                    first.setdefault((program, model, size), run)
                    inside = "" if run.fit is None else f"  (read {run.read:.3f} s, fit {run.fit:.3f} s)"
                    print(f"   rep {rep + 1} {model:<11} n={size:<9,} {program:<9} {run.wall:8.3f} s wall "
                          f"{run.user + run.system:8.3f} s CPU {run.rss_kb // 1024:6d} MiB{inside}", flush=True)

    with (scratch / "runs.tsv").open("w") as file:
        file.write("program\tmodel\trows\twall_s\tuser_s\tsys_s\tmax_rss_kb\tpeer_read_s\tpeer_fit_s\n")
        for r in runs:
            file.write(f"{r.program}\t{r.model}\t{r.rows}\t{r.wall:.6f}\t{r.user:.6f}\t{r.system:.6f}\t{r.rss_kb}\t"
                       f"{'' if r.read is None else f'{r.read:.6f}'}\t{'' if r.fit is None else f'{r.fit:.6f}'}\n")
    load_end = os.getloadavg()
    rows, ok = agreement(first)
    timing = timing_tables(runs, plan)
    fit_only = fit_only_table(runs, plan)
    checks = agreement_table(rows)
    print("\n" + timing + "\n\n" + fit_only + "\n\n" + checks)
    worst = {}
    for label, name, a, b, r, checked, passed in rows:
        key = label.split(" n=")[0] + " vs " + label.rsplit(" vs ", 1)[1] + ("" if checked else " (info)")
        worst[key] = max(worst.get(key, 0.0), r)
    worst_text = "; ".join(f"{key}: {value:.1e}" for key, value in sorted(worst.items()))
    print(f"\nLargest relative differences: {worst_text}")
    print(f"Survival agreement: {'OK' if ok else 'FAILED'}")

    if args.markdown:
        versions = {run.program: run.output.get("peer") for run in runs if run.program != "churnsim"}
        concordance_times: dict[int, list[float]] = {}
        for run in runs:
            if run.program == "lifelines" and "concordance_seconds" in run.output:
                concordance_times.setdefault(run.rows, []).append(run.output["concordance_seconds"])
        lifelines_concordance_note = "; ".join(
            f"{statistics.median(times):.3g} s at {rows:,} rows" for rows, times in sorted(concordance_times.items())
        ) or "no time (no lifelines Cox run)"
        args.markdown.write_text(f"""## Survival fits: churnsim vs R survival vs lifelines

Data: `Benchmarks/survival/generate_data.py --seed {SEED}`: proportional hazards with a Weibull baseline
(shape 1.3, scale 30 months), ten churn drivers with known log hazard ratios ({", ".join(f"{k} {v:g}" for k, v in TRUE_COEFFICIENTS.items())}), uniform censoring on
(1, 60) months (about 43 % events), durations rounded up to whole months: 60 distinct times, so
nearly every event time is heavily tied. Peers: {versions.get('R')}; {versions.get('lifelines')}.
Every fit uses each program's defaults.
{SIZES_NOTE if args.mode == 'full' else ''}
Every program runs as a separate process, alternating, {plan.reps} repetition(s); medians. *Wall* is the whole
process: for churnsim, reading the CSV, fitting and writing the report folder (fit.json, fit.yaml,
summary.md, CSV tables); for R, `Rscript` start-up, `library(survival)`, `read.csv` and the fit; for lifelines,
Python start-up, `import lifelines` (and pandas, scipy, autograd), `pandas.read_csv` and the fit. *User+sys CPU*
is that process's own CPU time (from `wait4`), which other load on the machine inflates much less than wall
time. Every program also times its CSV read and its fit from inside the process (churnsim with
`churnsim fit --timings`; its fit includes what `coxph` computes: the Newton–Raphson fit, the variance,
the three global tests, the concordance and the baseline hazard, but not the proportional-hazards test and
the report, which the whole-process time includes). Ratio > 1 means churnsim is faster.

Machine load: the 1/5/15-minute load averages were {' / '.join(f'{x:.1f}' for x in load_start)} when this part
started and {' / '.join(f'{x:.1f}' for x in load_end)} when it ended, on {os.cpu_count()} cores. The machine is
shared (other builds run on it), so wall times carry contention; compare the CPU columns, and the min–max
spread shows how much.

### Whole-process times

{timing}

### Fit only, and read + fit (in-process wall times, medians)

{fit_only}

lifelines computes `concordance_index_` lazily, on first access; since R's `coxph` and churnsim compute the
concordance in the fit, lifelines' Cox fit time above includes that first access. On its own it took
{lifelines_concordance_note}.

### Agreement (first repetition)

Cox coefficients vs R (Efron and Breslow) and vs lifelines (Efron), and Weibull coefficients vs R, must agree
to {COX_TOLERANCE:g} relative; Kaplan–Meier median and survival at 12 and 24 months vs R to {KM_TOLERANCE:g}.
Rows marked *info* are shown, not checked. The benchmark exits non-zero when a checked row fails, so a fast
wrong answer cannot win.

{checks}

Largest relative difference per comparison (all sizes): {worst_text}.

Survival agreement: {'OK' if ok else '**FAILED**'}
""", encoding="utf-8")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
