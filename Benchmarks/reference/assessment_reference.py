#!/usr/bin/env python3
"""Reference values of Tests/ChurnModelTests/Assessment/*: out-of-sample metrics from scikit-survival.

Writes
  Tests/ChurnModelTests/Fixtures/whas500_assessment.csv   the WHAS500 data (Hosmer, Lemeshow & May,
      "Applied Survival Analysis", 2nd ed.; sksurv.datasets.load_whas500), split into train (rows
      1-300) and test (rows 301-500), with a Cox model's risk score and survival at the grid times
      for every row (fitted on train with sksurv's CoxPHSurvivalAnalysis on age, bmi, hr, sysbp,
      gender, chf), and the Kaplan-Meier survival of the train rows at the grid times;
  Tests/ChurnModelTests/Fixtures/reference/assessment_reference.csv   metric,term,value from
      scikit-survival 0.28.0: concordance_index_censored (Harrell) and concordance_index_ipcw (Uno,
      without and with tau = 1000) on the test rows, cumulative_dynamic_auc, brier_score and
      integrated_brier_score at the grid times with the train rows as survival_train, and the Brier
      score of the train Kaplan-Meier curve (the null model of IPA).

Run from the repository root: python3 Benchmarks/reference/assessment_reference.py
"""

import csv
from pathlib import Path

import numpy as np
import sklearn
import sksurv
from sksurv.datasets import load_whas500
from sksurv.linear_model import CoxPHSurvivalAnalysis
from sksurv.metrics import (brier_score, concordance_index_censored, concordance_index_ipcw,
                            cumulative_dynamic_auc, integrated_brier_score)
from sksurv.nonparametric import kaplan_meier_estimator

FIXTURES = Path("Tests/ChurnModelTests/Fixtures")
TIMES = np.array([200.0, 400.0, 600.0, 800.0, 1000.0, 1200.0, 1400.0])
COLUMNS = ["age", "bmi", "hr", "sysbp", "gender", "chf"]

x, y = load_whas500()
x = x[COLUMNS].astype(float)
train, test = np.arange(300), np.arange(300, 500)
model = CoxPHSurvivalAnalysis().fit(x.iloc[train], y[train])
risk = model.predict(x)
survival = np.vstack([fn(TIMES) for fn in model.predict_survival_function(x)])
km_time, km_survival = kaplan_meier_estimator(y["fstat"][train], y["lenfol"][train])
km_at = np.array([km_survival[np.searchsorted(km_time, t, side="right") - 1] for t in TIMES])

with (FIXTURES / "whas500_assessment.csv").open("w", newline="") as out:
    writer = csv.writer(out)
    writer.writerow(["set", "time", "event", "risk"] + [f"survival_{int(t)}" for t in TIMES] + [f"km_{int(t)}" for t in TIMES])
    for i in range(len(y)):
        writer.writerow(["train" if i < 300 else "test", repr(float(y["lenfol"][i])), int(y["fstat"][i]), repr(float(risk[i]))]
                        + [repr(float(v)) for v in survival[i]] + [repr(float(v)) for v in km_at])

rows = []
y_train, y_test = y[train], y[test]
rows.append(("harrell_c", "", concordance_index_censored(y_test["fstat"], y_test["lenfol"], risk[test])[0]))
rows.append(("uno_c", "", concordance_index_ipcw(y_train, y_test, risk[test])[0]))
rows.append(("uno_c", "tau=1000", concordance_index_ipcw(y_train, y_test, risk[test], tau=1000)[0]))
auc, mean_auc = cumulative_dynamic_auc(y_train, y_test, risk[test], TIMES)
rows += [("auc", str(int(t)), v) for t, v in zip(TIMES, auc)] + [("mean_auc", "", mean_auc)]
_, scores = brier_score(y_train, y_test, survival[test], TIMES)
rows += [("brier", str(int(t)), v) for t, v in zip(TIMES, scores)]
rows.append(("ibs", "", integrated_brier_score(y_train, y_test, survival[test], TIMES)))
_, null = brier_score(y_train, y_test, np.tile(km_at, (len(test), 1)), TIMES)
rows += [("brier_km", str(int(t)), v) for t, v in zip(TIMES, null)]

with (FIXTURES / "reference" / "assessment_reference.csv").open("w", newline="") as out:
    writer = csv.writer(out)
    writer.writerow(["metric", "term", "value"])
    writer.writerows([(m, t, repr(float(v))) for m, t, v in rows])
print("scikit-survival", sksurv.__version__, "scikit-learn", sklearn.__version__, "numpy", np.__version__)
