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

# ---- distributions: pnorm and pchisq upper tails ------------------------------
grid <- expand.grid(x = c(1e-3, 0.5, 1, 3.84, 10, 25.1, 60, 200), df = c(1, 2, 3, 4.5, 10, 50))
write_fixture(data.frame(x = grid$x, df = grid$df,
                         upper = pchisq(grid$x, grid$df, lower.tail = FALSE)), "pchisq.csv")
zs <- c(-40, -8, -3, -1.96, -0.5, 0, 0.3, 1, 2.5, 9, 38)
write_fixture(data.frame(x = zs, cdf = pnorm(zs), survival = pnorm(zs, lower.tail = FALSE)),
              "pnorm.csv")

# ---- shifted-beta-geometric: an independent maximisation with optim ------------
# Fader & Hardie (2007) cohorts; log-likelihood sum_t d_t log P(t) + n_T log S(T) with
# P(t) = B(a + 1, b + t - 1) / B(a, b) and S(t) = B(a, b + t) / B(a, b).
sbg_loglik <- function(par, n) {
  a <- exp(par[1]); b <- exp(par[2]); t <- seq_along(n[-1]); d <- -diff(n)
  logP <- lbeta(a + 1, b + t - 1) - lbeta(a, b)
  logS <- lbeta(a, b + max(t)) - lbeta(a, b)
  sum(d * logP) + n[length(n)] * logS
}
# Fader & Hardie (2007), Table 1: the regular cohort churns faster than the high-end one.
cohorts <- list(regular = c(1000, 631, 468, 382, 326, 289, 262, 241),
                highend = c(1000, 869, 743, 653, 593, 551, 517, 491))
sbg <- do.call(rbind, lapply(names(cohorts), function(name) {
  n <- cohorts[[name]]
  o <- optim(c(0, 0), sbg_loglik, n = n, method = "BFGS",
             control = list(fnscale = -1, reltol = 1e-15, maxit = 1000))
  o <- optim(o$par, sbg_loglik, n = n, method = "Nelder-Mead",
             control = list(fnscale = -1, reltol = 1e-15, maxit = 5000))
  h <- optimHess(o$par, sbg_loglik, n = n)
  v <- solve(-h)
  data.frame(cohort = name, alpha = exp(o$par[1]), beta = exp(o$par[2]),
             se.log.alpha = sqrt(v[1, 1]), se.log.beta = sqrt(v[2, 2]), loglik = o$value)
}))
write_fixture(sbg, "sbg_optim.csv")

writeLines(c(
  paste("R:", R.version.string),
  paste("survival:", as.character(packageVersion("survival"))),
  "script: Benchmarks/reference/parametric_reference.R",
  "numbers: sprintf('%.17g'); NA for NA/NaN/Inf"
), file.path(refdir, "parametric_provenance.txt"))
