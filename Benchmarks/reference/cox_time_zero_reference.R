#!/usr/bin/env Rscript
# Reference values of Tests/ChurnModelTests/Survival/CoxTimeZeroTests.swift: a Cox fit with
# events at time 0 (R 4.2.2, survival 3.5.3). Run: Rscript Benchmarks/reference/cox_time_zero_reference.R
suppressPackageStartupMessages(library(survival))
d <- data.frame(
  time  = c(0, 0, 0, 1, 2, 2, 3, 4, 5, 5, 6, 7, 8, 9, 10, 12, 0, 3, 6, 11),
  event = c(1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 0),
  x     = c(1.2, 0.4, -0.3, 0.8, -1.1, 0.5, 0.9, -0.2, 0.1, 1.5, -0.7, 0.3, -0.4, 0.6, -1.3, 0.2, 2.0, -0.5, 0.7, -0.9))
for (ties in c("efron", "breslow")) {
  f <- coxph(Surv(time, event) ~ x, data = d, ties = ties)
  cat(ties, sprintf("%.17g", c(coef(f), sqrt(vcov(f)), f$loglik, f$concordance["concordance"])), "\n")
  b <- basehaz(f, centered = FALSE)
  cat("basehaz", sprintf("%.17g", b$time[1:3]), sprintf("%.17g", b$hazard[1:3]), "\n")
}
cat(R.version.string, as.character(packageVersion("survival")), "\n")
