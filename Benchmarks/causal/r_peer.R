#!/usr/bin/env Rscript
# The R peer of `churnsim effect` (Benchmarks/causal/bench.py): what a skilled R user writes for an
# ATE by stabilised inverse-probability weights on a CS history — read.csv with the column classes
# given (as Benchmarks/survival/r_peer.R), glm(binomial), coxph(weights =, robust = TRUE, ties = "efron") with the naive
# coxph beside it, survfit(weights =) per arm at 3, 6 and 12 months. Prints one JSON line with the
# numbers and its own read and fit times.
# Usage: Rscript r_peer.R DATA.csv
suppressPackageStartupMessages(library(survival))
path <- commandArgs(trailingOnly = TRUE)[1]
started <- proc.time()[["elapsed"]]
d <- read.csv(path, colClasses = c("character", "character", "numeric", "integer", "integer", "numeric", "integer"))
read_done <- proc.time()[["elapsed"]]
d$segment <- relevel(factor(d$segment), ref = "Enterprise")
ps <- glm(csm ~ segment + health_score + tickets, family = binomial(), data = d,
          control = glm.control(epsilon = 1e-12, maxit = 50))
e <- fitted(ps)
share <- mean(d$csm)
w <- ifelse(d$csm == 1, share / e, (1 - share) / (1 - e))
weighted <- coxph(Surv(tenure_months, churned) ~ csm, data = d, weights = w, robust = TRUE, ties = "efron")
naive <- coxph(Surv(tenure_months, churned) ~ csm, data = d, ties = "efron")
curves <- survfit(Surv(tenure_months, churned) ~ csm, data = d, weights = w)
at <- summary(curves, times = c(3, 6, 12))
fit_done <- proc.time()[["elapsed"]]
cat(sprintf(
  '{"log_hazard_ratio": %.17g, "robust_se": %.17g, "naive_log_hazard_ratio": %.17g, "survival": [%s], "read_s": %.4f, "fit_s": %.4f}\n',
  coef(weighted)[[1]], sqrt(weighted$var[1, 1]), coef(naive)[[1]], paste(sprintf("%.17g", at$surv), collapse = ", "),
  read_done - started, fit_done - read_done))
