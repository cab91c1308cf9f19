#!/usr/bin/env python3
"""lifelines peer of `churnsim fit` for the survival benchmark.

Usage: lifelines_peer.py DATA.csv MODEL OUTPUT.json
  MODEL: cox_efron (CoxPHFitter, lifelines' only tie method is Efron) | weibull (WeibullAFTFitter)
         | km (KaplanMeierFitter)
Times reading the CSV (pandas.read_csv) and the fit separately (for Cox the fit includes the first
access of `concordance_index_`, which lifelines computes lazily while R and churnsim compute it in
the fit; also written on its own as concordance_seconds). Imports are outside both: they are
in the whole-process time only, and writes them with the estimates as JSON. Default settings of
each fitter. Weibull estimates are converted to R survreg's parametrisation: lambda_ coefficients
are survreg's, and Log(scale) = -log(rho).
"""

from __future__ import annotations

import json
import math
import sys
import time
import warnings

import lifelines
import numpy as np
import pandas as pd

def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    path, model, output = argv
    warnings.simplefilter("ignore")
    t0 = time.perf_counter()
    frame = pd.read_csv(path)
    t1 = time.perf_counter()
    covariates = list(frame.columns[frame.columns.get_loc("churned") + 1:])  # every column after `churned`
    data = frame[["duration_months", "churned"] + covariates]
    result: dict = {}
    if model == "cox_efron":
        fitter = lifelines.CoxPHFitter().fit(data, "duration_months", "churned")
        fitted = time.perf_counter()
        # lifelines computes the concordance lazily, on first access; R's coxph and churnsim compute
        # it in the fit, so it is timed as part of the fit here (and on its own).
        result["concordance"] = float(fitter.concordance_index_)
        t2 = time.perf_counter()
        result["concordance_seconds"] = t2 - fitted
        result["log_likelihood"] = float(fitter.log_likelihood_)
        result["coefficients"] = [
            {"name": name, "estimate": float(fitter.params_[name]),
             "standard_error": float(fitter.standard_errors_[name])} for name in covariates]
    elif model == "weibull":
        fitter = lifelines.WeibullAFTFitter().fit(data, "duration_months", "churned")
        t2 = time.perf_counter()
        params, errors = fitter.params_, fitter.standard_errors_
        result["log_likelihood"] = float(fitter.log_likelihood_)
        coefficients = [{"name": "(Intercept)", "estimate": float(params[("lambda_", "Intercept")]),
                         "standard_error": float(errors[("lambda_", "Intercept")])}]
        coefficients += [{"name": name, "estimate": float(params[("lambda_", name)]),
                          "standard_error": float(errors[("lambda_", name)])} for name in covariates]
        coefficients.append({"name": "Log(scale)", "estimate": -float(params[("rho_", "Intercept")]),
                             "standard_error": float(errors[("rho_", "Intercept")])})
        result["coefficients"] = coefficients
    elif model == "km":
        fitter = lifelines.KaplanMeierFitter().fit(data["duration_months"], data["churned"])
        t2 = time.perf_counter()
        at = fitter.survival_function_at_times([12, 24]).to_numpy()
        result.update(median=float(fitter.median_survival_time_), survival_at_12=float(at[0]),
                      survival_at_24=float(at[1]), coefficients=[])
    else:
        print(f"unknown model {model!r}", file=sys.stderr)
        return 2
    result = {"peer": f"lifelines {lifelines.__version__}, pandas {pd.__version__}, numpy {np.__version__}",
              "model": model, "rows": len(frame), "read_seconds": t1 - t0, "fit_seconds": t2 - t1, **result}
    with open(output, "w", encoding="utf-8") as file:
        json.dump(result, file, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
