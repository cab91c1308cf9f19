#!/usr/bin/env python3
"""Plain vectorized NumPy peer of `churnsim run`: the month-by-month simulation an analyst would write.

Same portfolio model as churnsim (Sources/ChurnModel/Simulation), read from the same scenario YAML:

* every customer of every segment is on the books at month 0 and draws its MRR (fixed, lognormal
  with a median and log-sd, or triangular) and its CAC once;
* each month an active customer pays MRR at the start of the month, worth v^k today for month
  k = 0, 1, ... with v = (1 + r)^(-1/12);
* at the end of each contract term (every month for month-to-month contracts, every 12 or 24
  months for annual or two-year ones) every active customer draws a uniform and leaves with
  probability q = 1 - (1 - monthly_churn)^term;
* per path: portfolio NPV = sum of discounted gross profit - sum of CAC; ARR at the end of month t
  = 12 x MRR of customers still active; survival at 12/24/36; lifetime restricted to the horizon;
  CAC payback month = first month whose cumulative (undiscounted) gross profit reaches the CAC.

Unlike churnsim, which draws each customer's lifetime once (geometric number of terms), this steps
through every month, so its cost is proportional to customers x months x paths.

Usage: numpy_peer.py SCENARIO --paths N --seed S [--output results.json]
Prints a short summary; --output writes the statistics (mean and standard error across paths) as JSON.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from dataclasses import dataclass

import numpy as np
import yaml

SURVIVAL_CHECKPOINTS = (12, 24, 36)
ARR_REPORT_MONTH = 12
# Same relative slack as churnsim's CustomerEconomics.paybackMonth: 3000 / 375 is month 8.
PAYBACK_SLACK = 1 - 1e-12


# ----------------------------------------------------------------------------------------------
# Scenario
# ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Segment:
    name: str
    customers: int
    mrr: object  # a number or a {fixed|lognormal|triangular: ...} mapping, as in the YAML
    gross_margin: float
    cac: object
    term_months: int
    monthly_churn: float

    @property
    def term_churn_probability(self) -> float:
        """Probability of leaving at a renewal: 1 - (1 - m)^term (m = monthly churn)."""
        if self.monthly_churn >= 1:
            return 1.0
        return -math.expm1(self.term_months * math.log1p(-self.monthly_churn))


@dataclass(frozen=True)
class Scenario:
    name: str
    horizon_months: int
    discount_rate_annual: float
    segments: list[Segment]

    @property
    def customers(self) -> int:
        return sum(segment.customers for segment in self.segments)


def monthly_churn(churn: dict) -> float:
    """`{monthly_rate: m}` or `{annual_rate: a}` (a = 1 - (1 - m)^12) as a monthly rate."""
    if "monthly_rate" in churn:
        return float(churn["monthly_rate"])
    annual = float(churn["annual_rate"])
    return 1.0 if annual >= 1 else -math.expm1(math.log1p(-annual) / 12)


def load_scenario(path: str) -> Scenario:
    """Reads a churnsim scenario file (no validation beyond what the simulation needs)."""
    with open(path, encoding="utf-8") as file:
        document = yaml.safe_load(file)
    segments = [
        Segment(
            name=str(item["name"]),
            customers=int(item["customers"]),
            mrr=item["mrr"],
            gross_margin=float(item["gross_margin"]),
            cac=item["cac"],
            term_months=int((item.get("contract") or {}).get("term_months", 1)),
            monthly_churn=monthly_churn(item["churn"]),
        )
        for item in document["segments"]
    ]
    return Scenario(
        name=str(document["name"]),
        horizon_months=int(document["horizon_months"]),
        discount_rate_annual=float(document.get("discount_rate_annual", 0.0)),
        segments=segments,
    )


def draw(spec: object, size: int, rng: np.random.Generator) -> np.ndarray:
    """`size` draws of a scenario value distribution (number, fixed, lognormal or triangular)."""
    if isinstance(spec, (int, float)):
        return np.full(size, float(spec))
    (kind, parameters), = spec.items()
    if kind == "fixed":
        return np.full(size, float(parameters))
    if kind == "lognormal":
        return rng.lognormal(math.log(parameters["median"]), parameters["sigma"], size)
    if kind == "triangular":
        low, mode, high = (float(value) for value in parameters)
        return np.full(size, low) if high == low else rng.triangular(low, mode, high, size)
    raise ValueError(f"unknown distribution {kind!r}")


# ----------------------------------------------------------------------------------------------
# Simulation
# ----------------------------------------------------------------------------------------------


@dataclass
class PathResult:
    net_present_value: float  # portfolio NPV of gross profit minus CAC
    restricted_lifetime: float  # mean over customers of months paid within the horizon
    survival: list[float]  # share of customers active after each checkpoint month
    arr: np.ndarray  # ARR at the end of months 0 ... horizon
    payback_months: np.ndarray  # per customer; 0 = not paid back within its active months


def simulate_path(scenario: Scenario, rng: np.random.Generator) -> PathResult:
    """One Monte Carlo path, stepping month by month over arrays of customers."""
    horizon = scenario.horizon_months
    v = (1 + scenario.discount_rate_annual) ** (-1 / 12)

    # Per-customer draws and constants, segment after segment.
    mrr = np.concatenate([draw(s.mrr, s.customers, rng) for s in scenario.segments])
    cac = np.concatenate([draw(s.cac, s.customers, rng) for s in scenario.segments])
    margin = np.concatenate([np.full(s.customers, s.gross_margin) for s in scenario.segments])
    term = np.concatenate([np.full(s.customers, s.term_months) for s in scenario.segments])
    leave_probability = np.concatenate(
        [np.full(s.customers, s.term_churn_probability) for s in scenario.segments])
    gross_profit = mrr * margin
    payback_target = cac * PAYBACK_SLACK

    active = np.ones(mrr.size, dtype=bool)
    active_gross_profit = gross_profit.copy()  # zeroed when a customer leaves
    active_mrr = mrr.copy()
    cumulative_gross_profit = np.zeros(mrr.size)
    payback_month = np.zeros(mrr.size, dtype=np.int64)
    months_paid = np.zeros(mrr.size, dtype=np.int64)
    discounted_gross_profit = 0.0
    arr = np.empty(horizon + 1)
    arr[0] = 12 * mrr.sum()
    survivors = {}

    for month in range(1, horizon + 1):
        # Month `month` is billed at its start to every active customer, worth v^(month - 1).
        discounted_gross_profit += v ** (month - 1) * active_gross_profit.sum()
        months_paid += active
        cumulative_gross_profit += active_gross_profit
        newly_paid_back = (payback_month == 0) & active & (cumulative_gross_profit >= payback_target)
        payback_month[newly_paid_back] = month

        # End of the month: customers at the end of a term renew or leave.
        renewing = np.flatnonzero(active & (month % term == 0))
        if renewing.size:
            uniforms = rng.random(renewing.size)
            leaving = renewing[uniforms < leave_probability[renewing]]
            active[leaving] = False
            active_gross_profit[leaving] = 0.0
            active_mrr[leaving] = 0.0

        arr[month] = 12 * active_mrr.sum()
        if month in SURVIVAL_CHECKPOINTS:
            survivors[month] = np.count_nonzero(active)

    # Checkpoints beyond the horizon: survival at the horizon is the best a path can say; churnsim
    # knows lifetimes beyond it, so such checkpoints are simply not compared (none in the benchmark).
    customers = mrr.size
    return PathResult(
        net_present_value=discounted_gross_profit - cac.sum(),
        restricted_lifetime=months_paid.sum() / customers,
        survival=[survivors.get(m, np.count_nonzero(active)) / customers for m in SURVIVAL_CHECKPOINTS],
        arr=arr,
        payback_months=payback_month,
    )


def estimate(values) -> dict:
    """Mean and standard error (sample sd / sqrt(n)) across paths, like churnsim's PathStatistics."""
    values = np.asarray(values, dtype=float)
    standard_error = float(values.std(ddof=1) / math.sqrt(values.size)) if values.size > 1 else None
    return {"mean": float(values.mean()), "standard_error": standard_error}


def payback_percentile(payback: np.ndarray, horizon: int, level: float) -> int | None:
    """First month whose cumulative share of customers reaches `level` (never paid back, coded 0,
    sorts after every month), as churnsim's PaybackSummary; None when beyond the horizon."""
    counts = np.bincount(payback, minlength=horizon + 1)[1:]
    needed = max(math.ceil(level * payback.size), 1)
    reached = np.flatnonzero(np.cumsum(counts) >= needed)
    return int(reached[0]) + 1 if reached.size else None


def run(scenario: Scenario, paths: int, seed: int) -> dict:
    """Simulates every path and summarises them; returns the statistics and timing."""
    rng = np.random.default_rng(seed)
    started = time.perf_counter()
    results = [simulate_path(scenario, rng) for _ in range(paths)]
    seconds = time.perf_counter() - started

    payback = np.concatenate([result.payback_months for result in results])
    customer_months = scenario.customers * scenario.horizon_months * paths
    return {
        "scenario": scenario.name,
        "paths": paths,
        "seed": seed,
        "customers": scenario.customers,
        "horizon_months": scenario.horizon_months,
        "net_present_value": estimate([r.net_present_value for r in results]),
        "restricted_mean_lifetime_months": estimate([r.restricted_lifetime for r in results]),
        "survival": [
            {"month": month, "probability": estimate([r.survival[index] for r in results])}
            for index, month in enumerate(SURVIVAL_CHECKPOINTS)
        ],
        "arr_month_12": estimate([r.arr[ARR_REPORT_MONTH] for r in results]),
        "cac_payback_month": {
            "p50": payback_percentile(payback, scenario.horizon_months, 0.5),
            "share_never_paid_back": float(np.count_nonzero(payback == 0) / payback.size),
        },
        "simulation_seconds": seconds,
        "customer_months_per_second": customer_months / seconds,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scenario", help="churnsim scenario file (YAML)")
    parser.add_argument("--paths", type=int, required=True, help="Monte Carlo paths")
    parser.add_argument("--seed", type=int, default=1, help="seed of NumPy's default generator")
    parser.add_argument("--output", help="write the statistics as JSON to this file")
    args = parser.parse_args(argv)

    summary = run(load_scenario(args.scenario), args.paths, args.seed)
    if args.output:
        with open(args.output, "w", encoding="utf-8") as file:
            json.dump(summary, file, indent=2)
    npv = summary["net_present_value"]
    print(f"numpy peer: {summary['paths']} paths x {summary['customers']} customers x "
          f"{summary['horizon_months']} months in {summary['simulation_seconds']:.3f} s "
          f"({summary['customer_months_per_second']:.3g} customer-months/s); "
          f"NPV {npv['mean']:.6g} ± {npv['standard_error'] or float('nan'):.3g}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
