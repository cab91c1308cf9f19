#!/usr/bin/env python3
"""Causal-effect benchmark: `churnsim effect` vs the R peer (glm + weighted robust coxph + weighted
survfit, Benchmarks/causal/r_peer.R) on synthetic CS histories, side by side, with an agreement check.

The data follow the synthetic history of Benchmarks/reference/causal_reference.R (CSMs go to
Enterprise and Mid-market accounts and to accounts with a low health score; conditional CSM hazard
ratio 0.7; follow-up uniform on 3-36 months; durations rounded to 0.1 month, so ties are common),
drawn with NumPy. Each program runs as its own process, alternating, and is timed as a whole (wall
clock and the child's CPU from os.wait4); R also reports its read and fit times.

Agreement (first repetition; exit status 1 when a row fails): the weighted log hazard ratio, its
robust standard error and the naive log hazard ratio, churnsim vs R, relative difference <= 1e-6;
weighted survival at 3/6/12 months per arm <= 1e-8.

Usage: bench.py SCRATCH --mode quick|full --churnsim PATH [--markdown OUT.md]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
SEED = 20261207
TOLERANCE = 1e-6
SURVIVAL_TOLERANCE = 1e-8


def generate(rows: int, path: Path) -> None:
    """Writes `rows` synthetic accounts to `path` (the DGP of causal_reference.R)."""
    rng = np.random.default_rng(SEED + rows)
    segment = rng.choice(np.array(["SMB", "Mid-market", "Enterprise"]), size=rows, p=[0.6, 0.3, 0.1])
    health = np.round(rng.standard_normal(rows), 3)
    tickets = rng.poisson(2, rows)
    mid, ent = (segment == "Mid-market"), (segment == "Enterprise")
    p = 1 / (1 + np.exp(-(-1.2 + 1.2 * mid + 2.2 * ent - health)))
    csm = (rng.random(rows) < p).astype(int)
    rate = 0.03 * np.exp(-0.6 * mid - 1.2 * ent - 0.7 * health + 0.05 * (tickets - 2) + np.log(0.7) * csm)
    latent = rng.exponential(1 / rate)
    follow_up = rng.uniform(3, 36, rows)
    tenure = np.maximum(np.round(np.minimum(latent, follow_up), 1), 0.1)
    churned = (latent <= follow_up).astype(int)
    with path.open("w") as out:
        out.write("account_id,segment,health_score,tickets,csm,tenure_months,churned\n")
        for i in range(rows):
            out.write(f"A{i:08d},{segment[i]},{health[i]:.3f},{tickets[i]},{csm[i]},{tenure[i]:.1f},{churned[i]}\n")


def timed(command: list[str], log: Path) -> tuple[float, float, str]:
    """Runs `command`; returns wall seconds, the child's user+system CPU seconds and its stdout."""
    with log.open("w") as err:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=err, text=True)
        output = process.stdout.read()
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
    if status != 0:
        sys.exit(f"{command[0]} failed (see {log}):\n{log.read_text()[-2000:]}")
    return wall, usage.ru_utime + usage.ru_stime, output


def churnsim_command(churnsim: str, data: Path, out: Path) -> list[str]:
    return [churnsim, "effect", str(data), "--treatment", "csm", "--confounders", "segment,health_score,tickets",
            "--duration", "tenure_months", "--event", "churned", "--reference", "segment=Enterprise",
            "--output", str(out)]


def churnsim_numbers(out: Path) -> dict:
    effect = json.loads((out / "effect.json").read_text())
    curves: dict[str, list[tuple[float, float]]] = {"treated": [], "control": []}
    for line in (out / "weighted_curves.csv").read_text().splitlines()[1:]:
        cells = line.split(",")
        curves[cells[0]].append((float(cells[1]), float(cells[5])))

    def at(arm: str, t: float) -> float:
        value = 1.0
        for time_, survival in curves[arm]:
            if time_ <= t:
                value = survival
        return value

    # R's summary(survfit(~ csm), times = ...) orders csm = 0 first, then csm = 1.
    survival = [at("control", t) for t in (3, 6, 12)] + [at("treated", t) for t in (3, 6, 12)]
    return {"log_hazard_ratio": effect["hazard_ratio"]["log_estimate"],
            "robust_se": effect["hazard_ratio"]["standard_error"],
            "naive_log_hazard_ratio": effect["naive_hazard_ratio"]["log_estimate"], "survival": survival}


def relative(a: float, b: float) -> float:
    return abs(a - b) / max(abs(b), 1e-300)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("scratch", type=Path)
    parser.add_argument("--mode", choices=["quick", "full"], default="quick")
    parser.add_argument("--churnsim", required=True)
    parser.add_argument("--markdown", type=Path)
    args = parser.parse_args()
    # (rows, repetitions): R takes minutes per run at 1M rows, so that size runs once.
    plan = [(10_000, 1)] if args.mode == "quick" else [(100_000, 3), (1_000_000, 1)]
    scratch = args.scratch / "causal"
    scratch.mkdir(parents=True, exist_ok=True)
    rows_out, agreement, ok = [], [], True
    for rows, reps in plan:
        data = scratch / f"history_{rows}.csv"
        generate(rows, data)
        walls: dict[str, list[float]] = {"churnsim": [], "R": []}
        cpus: dict[str, list[float]] = {"churnsim": [], "R": []}
        r_fit: list[float] = []
        first: dict[str, dict] = {}
        for rep in range(reps):
            order = ["churnsim", "R"] if rep % 2 == 0 else ["R", "churnsim"]
            for program in order:
                if program == "churnsim":
                    out = scratch / f"effect_{rows}_{rep}"
                    wall, cpu, _ = timed(churnsim_command(args.churnsim, data, out), scratch / "churnsim.log")
                    first.setdefault("churnsim", churnsim_numbers(out))
                else:
                    wall, cpu, output = timed(["Rscript", str(HERE / "r_peer.R"), str(data)], scratch / "r.log")
                    numbers = json.loads(output.strip().splitlines()[-1])
                    first.setdefault("R", numbers)
                    r_fit.append(numbers["fit_s"])
                walls[program].append(wall)
                cpus[program].append(cpu)
        ours, theirs = first["churnsim"], first["R"]
        for key in ("log_hazard_ratio", "robust_se", "naive_log_hazard_ratio"):
            difference = relative(ours[key], theirs[key])
            passed = difference <= TOLERANCE
            ok &= passed
            agreement.append((rows, key, ours[key], theirs[key], difference, passed))
        worst = max(abs(a - b) for a, b in zip(ours["survival"], theirs["survival"]))
        passed = worst <= SURVIVAL_TOLERANCE
        ok &= passed
        agreement.append((rows, "weighted survival at 3/6/12 (max abs)", float("nan"), float("nan"), worst, passed))
        ours_wall, r_wall = statistics.median(walls["churnsim"]), statistics.median(walls["R"])
        rows_out.append((rows, ours_wall, statistics.median(cpus["churnsim"]), r_wall, statistics.median(cpus["R"]),
                         statistics.median(r_fit), r_wall / ours_wall))
        print(f"causal {rows:>9,} rows: churnsim {ours_wall:7.3f} s, R {r_wall:7.3f} s "
              f"(R's own fit {statistics.median(r_fit):.3f} s), R/churnsim {r_wall / ours_wall:.1f}x")
    for rows, key, a, b, difference, passed in agreement:
        print(f"  {'ok  ' if passed else 'FAIL'} {rows:>9,} {key}: churnsim {a:.12g} R {b:.12g} (difference {difference:.2e})")
    if args.markdown:
        lines = ["## Causal effect: `churnsim effect` vs R (glm + weighted robust coxph + weighted survfit)", "",
                 "Median of 3 alternating runs at 100k rows, one run at 1M (quick mode: one run at 10k); whole-process wall time (read CSV, fit, write the report "
                 "for churnsim; read, fit, print for R). Data: the synthetic CS history of `causal_reference.R` drawn "
                 "with NumPy.", "",
                 "| rows | churnsim wall (s) | churnsim CPU (s) | R wall (s) | R CPU (s) | R's own fit (s) | R / churnsim |",
                 "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
        lines += [f"| {r:,} | {a:.3f} | {b:.3f} | {c:.3f} | {d:.3f} | {e:.3f} | {f:.1f}x |" for r, a, b, c, d, e, f in rows_out]
        lines += ["", "Agreement with R (first repetition): " + ("all rows within tolerance" if ok else "FAILED"), ""]
        args.markdown.write_text("\n".join(lines) + "\n")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
