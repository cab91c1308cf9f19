#!/usr/bin/env python3
"""Synthetic customer-churn history for the survival benchmark (Cox, Weibull AFT, Kaplan-Meier).

Proportional-hazards data with a Weibull baseline (which is also a Weibull AFT model), ten churn
drivers with known coefficients, random censoring, and durations rounded UP to whole months, so
that there are only a few dozen distinct times and very many ties (what real monthly billing data
looks like, and where Efron vs Breslow matters).

    hazard(t | x) = (shape / scale) (t / scale)^(shape - 1) exp(x' beta)
    T = scale * (E exp(-x' beta))^(1 / shape),  E ~ Exp(1)
    C ~ Uniform(1, 60) months (contract observation window), event = T <= C
    duration = ceil(min(T, C)) in months, at least 1

Columns: customer_id, duration_months, churned, then the ten drivers in TRUE_COEFFICIENTS order:
sponsor_change (0/1), login_trend (continuous), seat_utilisation (continuous in [0, 1]),
support_tickets (count), enterprise (0/1), nps_detractor (0/1), discount_share (continuous in
[0, 0.3]), multi_product (0/1), api_calls_log (continuous), onboarding_weeks (count).
The peers and bench.py take the covariates from the header (every column after `churned`).

Usage: generate_data.py --rows N --seed S --output FILE.csv
Deterministic: the same rows and seed give byte-identical files.
"""

from __future__ import annotations

import argparse
import sys

import numpy as np

TRUE_COEFFICIENTS = {  # log hazard ratios
    "sponsor_change": 0.70,
    "login_trend": -0.45,
    "seat_utilisation": -1.20,
    "support_tickets": 0.12,
    "enterprise": -0.60,
    "nps_detractor": 0.35,
    "discount_share": 0.80,
    "multi_product": -0.40,
    "api_calls_log": -0.15,
    "onboarding_weeks": 0.05,
}
WEIBULL_SHAPE = 1.3
WEIBULL_SCALE_MONTHS = 30.0
CENSOR_MAX_MONTHS = 60.0
CHUNK = 1_000_000  # rows generated and written at a time (bounded memory for large files)


def chunk(rng: np.random.Generator, n: int, first_id: int) -> str:
    columns = {
        "sponsor_change": (rng.random(n) < 0.15).astype(np.int64),
        "login_trend": rng.normal(0.0, 1.0, n).round(4),
        "seat_utilisation": rng.beta(4.0, 2.0, n).round(4),
        "support_tickets": rng.poisson(2.0, n),
        "enterprise": (rng.random(n) < 0.2).astype(np.int64),
        "nps_detractor": (rng.random(n) < 0.25).astype(np.int64),
        "discount_share": rng.uniform(0.0, 0.3, n).round(4),
        "multi_product": (rng.random(n) < 0.3).astype(np.int64),
        "api_calls_log": rng.normal(3.0, 1.0, n).round(4),
        "onboarding_weeks": rng.poisson(4.0, n),
    }
    linear = sum(TRUE_COEFFICIENTS[name] * values for name, values in columns.items())
    lifetime = WEIBULL_SCALE_MONTHS * (rng.exponential(1.0, n) * np.exp(-linear)) ** (1 / WEIBULL_SHAPE)
    censor = rng.uniform(1.0, CENSOR_MAX_MONTHS, n)
    churned = (lifetime <= censor).astype(np.int64)
    duration = np.maximum(np.ceil(np.minimum(lifetime, censor)), 1).astype(np.int64)
    ids = np.arange(first_id, first_id + n)
    text = [ids.astype(str), duration.astype(str), churned.astype(str)]
    for values in columns.values():
        text.append(np.char.mod("%.4f", values) if values.dtype.kind == "f" else values.astype(str))
    lines = [",".join(fields) for fields in zip(*(column.tolist() for column in text))]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, required=True)
    parser.add_argument("--seed", type=int, default=20240601)
    parser.add_argument("--output", required=True)
    args = parser.parse_args(argv)

    rng = np.random.default_rng(args.seed)
    with open(args.output, "w", encoding="utf-8", newline="\n") as file:
        file.write("customer_id,duration_months,churned," + ",".join(TRUE_COEFFICIENTS) + "\n")
        for start in range(0, args.rows, CHUNK):
            file.write(chunk(rng, min(CHUNK, args.rows - start), start + 1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
