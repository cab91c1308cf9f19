#!/usr/bin/env python3
"""Summarises a Benchmarks/run.sh session: timing table, agreement check, optional RESULTS.md.

Inputs (all written by run.sh into its scratch folder):
  measurements.tsv  one line per timed process: kind, paths, threads, wall_s, max_rss_kb, cpu_percent
                    (kind: churnsim | numpy | churnsim-threads | churnsim-scaling)
  environment.tsv   key <TAB> value lines describing the machine and versions
  churnsim.json     churnsim's results.json of the comparison workload
  numpy.json        numpy_peer.py's --output of the same workload

Exit status: 0 when churnsim and the NumPy peer agree, 1 when they do not.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import statistics
import sys
from collections import defaultdict
from pathlib import Path

# Agreement tolerance: |difference of means| <= Z_LIMIT combined standard errors.
Z_LIMIT = 4.0


def read_measurements(path: Path) -> dict[tuple[str, int, int], list[dict]]:
    """Measurements grouped by (kind, paths, threads)."""
    groups: dict[tuple[str, int, int], list[dict]] = defaultdict(list)
    with path.open(encoding="utf-8") as file:
        for row in csv.DictReader(file, delimiter="\t"):
            key = (row["kind"], int(row["paths"]), int(row["threads"]))
            groups[key].append({
                "wall": float(row["wall_s"]),
                "rss_kb": int(row["max_rss_kb"]),
                "cpu": float(row["cpu_percent"]),
            })
    return groups


def median_wall(runs: list[dict]) -> float:
    return statistics.median(run["wall"] for run in runs)


def spread(runs: list[dict]) -> str:
    """Min–max of the wall times, to show run-to-run noise."""
    walls = [run["wall"] for run in runs]
    return f"{min(walls):.2f}–{max(walls):.2f}" if len(walls) > 1 else "–"


def rate(customer_months: int, seconds: float) -> str:
    return f"{customer_months / seconds / 1e6:.1f} M"


def agreement(churnsim: dict, peer: dict) -> tuple[list[tuple[str, float, float, float, bool]], bool]:
    """Rows (statistic, churnsim mean, numpy mean, z, checked) and whether every checked one agrees."""
    portfolio = churnsim["portfolio"]
    pairs = [
        ("portfolio NPV", portfolio["net_present_value"], peer["net_present_value"], True),
        ("survival at 12", portfolio["survival"][0]["probability"], peer["survival"][0]["probability"], True),
        ("survival at 24", portfolio["survival"][1]["probability"], peer["survival"][1]["probability"], False),
        ("survival at 36", portfolio["survival"][2]["probability"], peer["survival"][2]["probability"], False),
        ("mean lifetime within horizon (months)", portfolio["restricted_mean_lifetime_months"],
         peer["restricted_mean_lifetime_months"], False),
        ("ARR at month 12", portfolio["annual_recurring_revenue_by_month"][12]["value"],
         peer["arr_month_12"], False),
    ]
    rows, ok = [], True
    for name, ours, theirs, checked in pairs:
        combined = math.hypot(ours["standard_error"] or 0.0, theirs["standard_error"] or 0.0)
        z = (ours["mean"] - theirs["mean"]) / combined if combined > 0 else (
            0.0 if ours["mean"] == theirs["mean"] else math.inf)
        rows.append((name, ours["mean"], theirs["mean"], z, checked))
        if checked and abs(z) > Z_LIMIT:
            ok = False
    return rows, ok


def render(args, groups, environment, churnsim, peer) -> tuple[str, bool]:
    customers = peer["customers"]
    horizon = peer["horizon_months"]
    lines: list[str] = []
    out = lines.append

    # Main comparison: churnsim (all threads) vs the NumPy peer on the same workload.
    (cs_key,) = [key for key in groups if key[0] == "churnsim"]
    (np_key,) = [key for key in groups if key[0] == "numpy"]
    paths, threads = cs_key[1], cs_key[2]
    work = customers * horizon * paths
    cs_wall, np_wall = median_wall(groups[cs_key]), median_wall(groups[np_key])
    out(f"### churnsim vs NumPy peer ({customers:,} customers × {horizon} months × {paths:,} paths, "
        f"{len(groups[cs_key])} alternating repetitions, median wall time of the whole process)")
    out("")
    out("| program | threads | median wall (s) | min–max (s) | customer-months/s | peak RSS (MiB) |")
    out("|---|---|---|---|---|---|")
    for key, name, wall in ((cs_key, "churnsim run", cs_wall), (np_key, "numpy_peer.py", np_wall)):
        rss = max(run["rss_kb"] for run in groups[key]) / 1024
        out(f"| {name} | {key[2]} | {wall:.2f} | {spread(groups[key])} | {rate(work, wall)} | {rss:.0f} |")
    out("")
    out(f"**Ratio churnsim / NumPy (customer-months/s): {np_wall / cs_wall:.2f}×** "
        f"(> 1 means churnsim is faster). NumPy peer's own loop time (without interpreter start-up "
        f"and imports): {peer['simulation_seconds']:.2f} s, {peer['customer_months_per_second'] / 1e6:.1f} M "
        f"customer-months/s for that single run.")
    out("")

    # Thread scaling of churnsim.
    thread_keys = sorted((key for key in groups if key[0] == "churnsim-threads"), key=lambda k: (k[1], k[2]))
    if thread_keys:
        single = {key[1]: median_wall(groups[key]) for key in thread_keys if key[2] == 1}
        counts = sorted(single)
        out(f"### churnsim threads ({' and '.join(f'{p:,}' for p in counts)} paths, alternating, median)")
        out("")
        out("| threads | paths | median wall (s) | min–max (s) | median CPU % | customer-months/s | speed-up |")
        out("|---|---|---|---|---|---|---|")
        for key in thread_keys:
            wall = median_wall(groups[key])
            cpu = statistics.median(run["cpu"] for run in groups[key])
            out(f"| {key[2]} | {key[1]:,} | {wall:.2f} | {spread(groups[key])} | {cpu:.0f} | "
                f"{rate(customers * horizon * key[1], wall)} | {single[key[1]] / wall:.2f}× |")
        base_paths = counts[0]
        for key in sorted(key for key in groups if key[0] == "churnsim-processes"):
            wall = median_wall(groups[key])
            cpu = statistics.median(run["cpu"] for run in groups[key])
            alone = single[base_paths] * key[1] / base_paths  # 1-thread time for the same total paths
            out(f"| control: {key[2]} processes × 1 thread | {key[1]:,} in all | {wall:.2f} | "
                f"{spread(groups[key])} | {cpu:.0f} | {rate(customers * horizon * key[1], wall)} | "
                f"{alone / wall:.2f}× |")
        out("")
        out("The control row runs independent single-threaded processes side by side: its speed-up is "
            "what the machine could give at that moment, whatever churnsim's threading does. "
            "Median CPU % well below 100 × threads in both rows means the virtual machine did not "
            "get all its cores from the host during those runs.")
        out("")

    # Scaling with the number of paths, and peak memory.
    scaling_keys = sorted((key for key in groups if key[0] == "churnsim-scaling"), key=lambda k: k[1])
    if scaling_keys:
        out(f"### churnsim scaling with paths ({scaling_keys[0][2]} threads, median of "
            f"{len(groups[scaling_keys[0]])}; peak RSS from `/usr/bin/time -v`)")
        out("")
        out("| paths | median wall (s) | min–max (s) | customer-months/s | peak RSS (MiB) |")
        out("|---|---|---|---|---|")
        for key in scaling_keys:
            wall = median_wall(groups[key])
            rss = max(run["rss_kb"] for run in groups[key]) / 1024
            out(f"| {key[1]:,} | {wall:.2f} | {spread(groups[key])} | "
                f"{rate(customers * horizon * key[1], wall)} | {rss:.0f} |")
        out("")

    # Agreement.
    rows, ok = agreement(churnsim, peer)
    out(f"### Agreement (independent random streams; means within {Z_LIMIT:g} combined standard errors)")
    out("")
    out("| statistic | churnsim | NumPy peer | z | checked |")
    out("|---|---|---|---|---|")
    for name, ours, theirs, z, checked in rows:
        verdict = ("pass" if abs(z) <= Z_LIMIT else "**FAIL**") if checked else (
            "info" if abs(z) <= Z_LIMIT else "info (|z| > 4)")
        out(f"| {name} | {ours:.6g} | {theirs:.6g} | {z:+.2f} | {verdict} |")
    payback = churnsim["portfolio"]["cac_payback_month"]
    out(f"| CAC payback median month / share never paid back | {payback['p50']} / "
        f"{payback['share_never_paid_back']:.4f} | {peer['cac_payback_month']['p50']} / "
        f"{peer['cac_payback_month']['share_never_paid_back']:.4f} | | info |")
    out("")
    out(f"Agreement: {'OK' if ok else 'FAILED'}")
    return "\n".join(lines), ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scratch", type=Path, help="run.sh's scratch folder")
    parser.add_argument("--results-md", type=Path, help="write RESULTS.md here (full mode)")
    parser.add_argument("--command", default="Benchmarks/run.sh", help="command line to record")
    parser.add_argument("--extra-section", type=Path,
                        help="markdown appended to RESULTS.md (the survival part from Benchmarks/survival/bench.py)")
    args = parser.parse_args()

    groups = read_measurements(args.scratch / "measurements.tsv")
    with (args.scratch / "environment.tsv").open(encoding="utf-8") as file:
        environment = [line.rstrip("\n").split("\t", 1) for line in file if line.strip()]
    churnsim = json.loads((args.scratch / "churnsim.json").read_text(encoding="utf-8"))
    peer = json.loads((args.scratch / "numpy.json").read_text(encoding="utf-8"))

    table, ok = render(args, groups, environment, churnsim, peer)
    print(table)

    if args.results_md:
        machine = "\n".join(f"| {key} | {value} |" for key, value in environment)
        coretype = dict(environment).get("OPENBLAS_CORETYPE", "unset")
        blas_note = (
            "The NumPy peer runs with the environment as is. "
            + ("OPENBLAS_CORETYPE was unset for this run" if coretype == "unset"
               else f"OPENBLAS_CORETYPE was set (to `{coretype}`) for this run")
            + ", which hardly matters here: NumPy's elementwise operations and random generators do not "
            "use BLAS.")
        extra = args.extra_section.read_text(encoding="utf-8") if args.extra_section else ""
        args.results_md.write_text(f"""# churnsim benchmark results

Two parts, one run: the Monte Carlo simulation against a NumPy peer (first), and survival fits
(Cox, Weibull AFT, Kaplan–Meier) against R survival and lifelines (second).

Monte Carlo workload: `Benchmarks/montecarlo/portfolio_bench.yaml` (Scenarios/example.yaml scaled to
{peer['customers']:,} customers, {peer['horizon_months']} months). churnsim draws each customer's
lifetime once (event-driven); the NumPy peer (`Benchmarks/montecarlo/numpy_peer.py`) is the plain
vectorized month-by-month simulation of the same model. Times are wall-clock times of the whole
process (churnsim includes loading the scenario and writing its report folder; the peer includes
Python start-up and imports). customer-months/s = customers × horizon × paths / time.

Reproduce with:

```
{args.command}
```

## Machine and versions

| | |
|---|---|
{machine}

{blas_note}

## Monte Carlo results

{table}

{extra}""", encoding="utf-8")
        print(f"\nWrote {args.results_md}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
