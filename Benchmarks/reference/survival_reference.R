#!/usr/bin/env Rscript
# Reference values for churnsim's Kaplan–Meier and Nelson–Aalen estimators.
#
# Run from the repository root:
#   Rscript Benchmarks/reference/survival_reference.R
# Writes the input data to Tests/ChurnModelTests/Fixtures/{lung,aml}.csv and
# R survival's answers to Tests/ChurnModelTests/Fixtures/reference/*.csv, every
# number printed with 17 significant digits ("NA" for R's NA, NaN and Inf).
# The R and survival versions are recorded in reference/provenance.txt.
suppressPackageStartupMessages(library(survival))

fixtures <- file.path("Tests", "ChurnModelTests", "Fixtures")
refdir <- file.path(fixtures, "reference")
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
write_data <- function(df, name) {
  df[] <- lapply(df, fmt)
  write.csv(df, file.path(fixtures, name), row.names = FALSE, quote = FALSE)
}

# ---- input data --------------------------------------------------------------
lung_data <- survival::lung
n <- nrow(lung_data)
row <- seq_len(n)
lung_out <- data.frame(
  row = row,
  time = lung_data$time,
  status = lung_data$status - 1L,          # 1 = censored, 2 = dead  ->  0/1
  sex = lung_data$sex, age = lung_data$age, inst = lung_data$inst,
  ph.ecog = lung_data$ph.ecog, ph.karno = lung_data$ph.karno,
  pat.karno = lung_data$pat.karno, meal.cal = lung_data$meal.cal,
  wt.loss = lung_data$wt.loss,
  # deterministic derived columns for the weighted and late-entry cases
  weight = 0.5 + (row %% 5) / 4,                 # 0.5, 0.75, 1, 1.25, 1.5
  entry = floor(lung_data$time * (row %% 4) / 5) # always < time (min time 5)
)
stopifnot(all(lung_out$entry < lung_out$time))
write_data(lung_out, "lung.csv")
L <- lung_out
L$status <- as.integer(L$status)

aml_data <- survival::aml
write_data(data.frame(time = aml_data$time, status = aml_data$status,
                      x = as.character(aml_data$x)), "aml.csv")

# ---- helpers -----------------------------------------------------------------
strata_column <- function(fit) {
  if (is.null(fit$strata)) return(rep("", length(fit$time)))
  # names look like "sex=1"; keep the value only
  sub("^[^=]*=", "", rep(names(fit$strata), fit$strata))
}
km_table <- function(fit) {
  data.frame(
    stratum = strata_column(fit),
    time = fit$time, n.risk = fit$n.risk, n.event = fit$n.event,
    n.censor = fit$n.censor, surv = fit$surv,
    std.err.cumhaz = fit$std.err,          # survfit object: SE of -log S (Greenwood)
    std.err.surv = fit$std.err * fit$surv, # summary.survfit: SE of S
    lower = fit$lower, upper = fit$upper)
}
median_table <- function(fit, case) {
  tab <- summary(fit)$table
  if (is.null(dim(tab))) tab <- matrix(tab, nrow = 1, dimnames = list("", names(tab)))
  st <- rownames(tab); st <- if (is.null(st)) "" else sub("^[^=]*=", "", st)
  data.frame(case = case, stratum = st, median = tab[, "median"],
             lcl = tab[, "0.95LCL"], ucl = tab[, "0.95UCL"])
}
# Nelson–Aalen cumulative hazard with std.chaz = sqrt(sum d / n^2) (ctype = 1).
# CIs on H are taken from the Fleming–Harrington survival curve (stype = 2,
# S = exp(-H), std.err = std.chaz): conf.type "log" on S is H -/+ z se
# ("plain" on H), "log-log" on S is H exp(-/+ z se / H) ("log" on H).
na_table <- function(formula, data, w = rep(1, nrow(data))) {
  data$case.weight <- w
  f1 <- survfit(formula, data = data, weights = case.weight, robust = FALSE,
                stype = 2, ctype = 1, conf.type = "log")
  f2 <- survfit(formula, data = data, weights = case.weight, robust = FALSE,
                stype = 2, ctype = 1, conf.type = "log-log")
  stopifnot(isTRUE(all.equal(f1$std.err, f1$std.chaz)))
  data.frame(
    stratum = strata_column(f1),
    time = f1$time, n.risk = f1$n.risk, n.event = f1$n.event,
    n.censor = f1$n.censor, cumhaz = f1$cumhaz, std.chaz = f1$std.chaz,
    plain.lower = -log(f1$upper), plain.upper = -log(f1$lower),
    log.lower = -log(f2$upper), log.upper = -log(f2$lower))
}

medians <- list()

# ---- lung, one curve, three CI types -------------------------------------------
for (ct in c("log", "log-log", "plain")) {
  # survfit(Surv(time, status) ~ 1, data = lung, conf.type = ct)
  fit <- survfit(Surv(time, status) ~ 1, data = L, conf.type = ct)
  write_fixture(km_table(fit), sprintf("lung_km_%s.csv", gsub("-", "", ct)))
  medians[[length(medians) + 1]] <- median_table(fit, sprintf("lung_%s", gsub("-", "", ct)))
}

# ---- lung by sex ---------------------------------------------------------------
fit <- survfit(Surv(time, status) ~ sex, data = L)
write_fixture(km_table(fit), "lung_km_by_sex.csv")
medians[[length(medians) + 1]] <- median_table(fit, "lung_by_sex")

# ---- lung with non-integer case weights (Greenwood, robust = FALSE) -------------
fit <- survfit(Surv(time, status) ~ 1, data = L, weights = weight, robust = FALSE)
write_fixture(km_table(fit), "lung_km_weighted.csv")
medians[[length(medians) + 1]] <- median_table(fit, "lung_weighted")

# ---- lung with late entry (left truncation) ------------------------------------
fit <- survfit(Surv(entry, time, status) ~ 1, data = L)
write_fixture(km_table(fit), "lung_km_late_entry.csv")
medians[[length(medians) + 1]] <- median_table(fit, "lung_late_entry")

# ---- aml by group: ties, a curve that reaches 0, three CI types -----------------
for (ct in c("log", "log-log", "plain")) {
  fit <- survfit(Surv(time, status) ~ x, data = aml_data, conf.type = ct)
  write_fixture(km_table(fit), sprintf("aml_km_%s.csv", gsub("-", "", ct)))
  medians[[length(medians) + 1]] <- median_table(fit, sprintf("aml_%s", gsub("-", "", ct)))
}

write_fixture(do.call(rbind, medians), "medians.csv")

# ---- Nelson–Aalen --------------------------------------------------------------
write_fixture(na_table(Surv(time, status) ~ 1, L), "lung_na.csv")
write_fixture(na_table(Surv(time, status) ~ sex, L), "lung_na_by_sex.csv")
write_fixture(na_table(Surv(time, status) ~ 1, L, w = L$weight),
              "lung_na_weighted.csv")
write_fixture(na_table(Surv(entry, time, status) ~ 1, L), "lung_na_late_entry.csv")
write_fixture(na_table(Surv(time, status) ~ x, aml_data), "aml_na.csv")

# ---- normal quantiles ------------------------------------------------------------
p <- c(1e-300, 1e-20, 1e-10, 1e-5, 0.001, 0.01, 0.02425, 0.025, 0.05, 0.1, 0.25,
       0.4, 0.5, 0.6, 0.75, 0.9, 0.95, 0.975, 0.99, 0.995, 0.999, 1 - 1e-10)
write_fixture(data.frame(p = p, quantile = qnorm(p)), "qnorm.csv")

writeLines(c(
  sprintf("R: %s", R.version.string),
  sprintf("survival: %s", as.character(packageVersion("survival"))),
  "script: Benchmarks/reference/survival_reference.R",
  "numbers: sprintf('%.17g'); NA for NA/NaN/Inf"),
  file.path(refdir, "provenance.txt"))
