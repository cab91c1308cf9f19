#!/usr/bin/env Rscript
# Reference values for churnsim's parametric (accelerated failure time) regression.
#
# Run from the repository root:
#   Rscript Benchmarks/reference/parametric_reference.R
# Reads nothing; rebuilds the rows of survival::lung used by the fits (rows with NA in
# age, sex or ph.ecog dropped) and writes
#   Tests/ChurnModelTests/Fixtures/reference/lung_survreg_data.csv   (the data used)
#   Tests/ChurnModelTests/Fixtures/reference/lung_survreg.csv        (one row per term and fit)
#   Tests/ChurnModelTests/Fixtures/reference/lung_survreg_fits.csv   (one row per fit)
#   Tests/ChurnModelTests/Fixtures/reference/parametric_provenance.txt
# every number printed with 17 significant digits.
suppressPackageStartupMessages(library(survival))

refdir <- file.path("Tests", "ChurnModelTests", "Fixtures", "reference")
dir.create(refdir, recursive = TRUE, showWarnings = FALSE)
fmt <- function(x) {
  if (is.character(x) || is.factor(x)) return(as.character(x))
  out <- sprintf("%.17g", as.numeric(x))
  out[!is.finite(as.numeric(x))] <- "NA"
  out
}
write_fixture <- function(df, name) {
  df[] <- lapply(df, fmt)
  write.csv(df, file.path(refdir, name), row.names = FALSE, quote = FALSE)
}

lung_data <- survival::lung
row <- seq_len(nrow(lung_data))
L <- data.frame(
  row = row, time = lung_data$time, status = lung_data$status - 1L,
  age = lung_data$age, sex = lung_data$sex, ph.ecog = lung_data$ph.ecog,
  weight = 0.5 + (row %% 5) / 4          # same derived weights as lung.csv
)
L <- L[complete.cases(L), ]
write_fixture(L, "lung_survreg_data.csv")

fits <- list(
  exponential = survreg(Surv(time, status) ~ age + sex + ph.ecog, L, dist = "exponential"),
  weibull     = survreg(Surv(time, status) ~ age + sex + ph.ecog, L, dist = "weibull"),
  lognormal   = survreg(Surv(time, status) ~ age + sex + ph.ecog, L, dist = "lognormal"),
  loglogistic = survreg(Surv(time, status) ~ age + sex + ph.ecog, L, dist = "loglogistic"),
  weibull_weighted = survreg(Surv(time, status) ~ age + sex + ph.ecog, L, dist = "weibull",
                             weights = weight)
)

terms <- do.call(rbind, lapply(names(fits), function(case) {
  f <- fits[[case]]
  v <- vcov(f)
  est <- c(coef(f), if (nrow(v) > length(coef(f))) c("Log(scale)" = log(f$scale)))
  data.frame(case = case, term = names(est), estimate = unname(est),
             std.err = sqrt(diag(v))[seq_along(est)])
}))
write_fixture(terms, "lung_survreg.csv")

summary_rows <- do.call(rbind, lapply(names(fits), function(case) {
  f <- fits[[case]]
  data.frame(case = case, scale = f$scale, loglik.null = f$loglik[1],
             loglik = f$loglik[2], iterations = f$iter, df = f$df,
             chisq = 2 * (f$loglik[2] - f$loglik[1]), aic = AIC(f))
}))
write_fixture(summary_rows, "lung_survreg_fits.csv")

writeLines(c(
  paste("R:", R.version.string),
  paste("survival:", as.character(packageVersion("survival"))),
  "script: Benchmarks/reference/parametric_reference.R",
  "numbers: sprintf('%.17g'); NA for NA/NaN/Inf"
), file.path(refdir, "parametric_provenance.txt"))
