#!/usr/bin/env Rscript
# Reference coefficient covariance matrices for the `covariance` of churnsim's fit files.
#
# Run from the repository root:
#   Rscript Benchmarks/reference/covariance_reference.R
# Reads Tests/ChurnModelTests/Fixtures/lung_cox.csv (written by cox_reference.R) and writes
#   Tests/ChurnModelTests/Fixtures/reference/lung_vcov.csv
# one row per matrix entry (case, row, column, value), every number with 17 significant digits:
#   cox_efron:        vcov(coxph(Surv(time, status) ~ age + sex + ph.ecog, ties = "efron"))
#   cox_efron_robust: the same with robust = TRUE (the sandwich variance R reports)
#   weibull:          vcov(survreg(Surv(time, status) ~ age + sex + ph.ecog, dist = "weibull")),
#                     rows and columns (Intercept), age, sex, ph.ecog, Log(scale)
suppressPackageStartupMessages(library(survival))

fixtures <- file.path("Tests", "ChurnModelTests", "Fixtures")
lung <- read.csv(file.path(fixtures, "lung_cox.csv"))
fits <- list(
  cox_efron = coxph(Surv(time, status) ~ age + sex + ph.ecog, lung, ties = "efron"),
  cox_efron_robust = coxph(Surv(time, status) ~ age + sex + ph.ecog, lung, ties = "efron", robust = TRUE),
  weibull = survreg(Surv(time, status) ~ age + sex + ph.ecog, lung, dist = "weibull")
)
rows <- do.call(rbind, lapply(names(fits), function(case) {
  v <- vcov(fits[[case]])
  grid <- expand.grid(row = seq_len(nrow(v)), column = seq_len(ncol(v)))
  data.frame(case = case, row = rownames(v)[grid$row], column = colnames(v)[grid$column],
             value = sprintf("%.17g", v[cbind(grid$row, grid$column)]))
}))
write.csv(rows, file.path(fixtures, "reference", "lung_vcov.csv"), row.names = FALSE, quote = FALSE)
cat(sprintf("R %s, survival %s\n", getRversion(), packageVersion("survival")))
