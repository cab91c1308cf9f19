#!/usr/bin/env Rscript
# Reference values for churnsim's Cox proportional hazards model.
#
# Run from the repository root (needs survival; carData for the Rossi data,
# Debian: apt-get install r-cran-cardata):
#   Rscript Benchmarks/reference/cox_reference.R
# Writes the input data to Tests/ChurnModelTests/Fixtures/{lung_cox,heart,rossi}.csv
# and R survival's answers to Tests/ChurnModelTests/Fixtures/reference/cox_*.csv,
# every number printed with 17 significant digits ("NA" for NA, NaN and Inf).
# Versions are recorded in reference/cox_provenance.txt.
suppressPackageStartupMessages({
  library(survival)
  library(carData)
})

fixtures <- file.path("Tests", "ChurnModelTests", "Fixtures")
refdir <- file.path(fixtures, "reference")
dir.create(refdir, recursive = TRUE, showWarnings = FALSE)

fmt <- function(x) {
  if (is.character(x) || is.factor(x)) return(as.character(x))
  out <- sprintf("%.17g", as.numeric(x))
  out[!is.finite(as.numeric(x))] <- "NA"
  out
}
write_csv <- function(df, path) {
  df[] <- lapply(df, fmt)
  write.csv(df, path, row.names = FALSE, quote = FALSE)
}

# ---- input data --------------------------------------------------------------
# lung: complete cases for age, sex, ph.ecog; status recoded to 0/1; the same
# deterministic weight column as survival_reference.R (0.5, 0.75, 1, 1.25, 1.5).
lung0 <- survival::lung
lung0$row <- seq_len(nrow(lung0))
lung0$weight <- 0.5 + (lung0$row %% 5) / 4
lung <- lung0[complete.cases(lung0[, c("time", "status", "age", "sex", "ph.ecog")]), ]
lung$status <- lung$status - 1L
write_csv(lung[, c("row", "time", "status", "age", "sex", "ph.ecog", "inst", "weight")],
          file.path(fixtures, "lung_cox.csv"))

heart <- survival::heart   # (start, stop] counting-process rows, several per id
write_csv(heart[, c("id", "start", "stop", "event", "age", "year", "surgery", "transplant")],
          file.path(fixtures, "heart.csv"))
heart$transplant <- as.numeric(as.character(heart$transplant))

rossi <- carData::Rossi
rossi_out <- data.frame(
  week = rossi$week, arrest = rossi$arrest,
  fin = as.integer(rossi$fin == "yes"), age = rossi$age,
  race = as.integer(rossi$race == "other"), wexp = as.integer(rossi$wexp == "yes"),
  mar = as.integer(rossi$mar == "not married"), paro = as.integer(rossi$paro == "yes"),
  prio = rossi$prio)
write_csv(rossi_out, file.path(fixtures, "rossi.csv"))

# ---- fits ----------------------------------------------------------------------
fits <- list(
  lung_efron = coxph(Surv(time, status) ~ age + sex + ph.ecog, data = lung),
  lung_breslow = coxph(Surv(time, status) ~ age + sex + ph.ecog, data = lung,
                       ties = "breslow"),
  lung_strata_sex = coxph(Surv(time, status) ~ age + ph.ecog + strata(sex), data = lung),
  lung_weighted = coxph(Surv(time, status) ~ age + sex + ph.ecog, data = lung,
                        weights = weight),
  lung_robust = coxph(Surv(time, status) ~ age + sex + ph.ecog, data = lung,
                      robust = TRUE),
  heart_cluster = coxph(Surv(start, stop, event) ~ age + year + surgery + transplant,
                        data = heart, cluster = id),
  heart_breslow = coxph(Surv(start, stop, event) ~ age + year + surgery + transplant,
                        data = heart, ties = "breslow"),
  rossi_efron = coxph(Surv(week, arrest) ~ fin + age + race + wexp + mar + paro + prio,
                      data = rossi_out)
)
calls <- sapply(fits, function(f) paste(deparse(f$call, width.cutoff = 500L), collapse = " "))

# Concordance recomputed from linear predictors rounded to 12 significant digits.
# R's own fit$linear.predictors come from x %*% coef through BLAS, whose kernels can
# round identical covariate rows differently (e.g. 0.2614032 vs 0.2614032 + 5.6e-17),
# which turns a few true ties in the risk score into concordant or discordant pairs.
# Rounding restores the ties that the definition intends.
strata_of <- list(lung_strata_sex = lung$sex)
cluster_of <- list(heart_cluster = heart$id)
rounded_concordance <- function(case, f) {
  args <- list(y = f$y, x = signif(f$linear.predictors, 12), reverse = TRUE,
               timefix = FALSE)
  if (!is.null(strata_of[[case]])) args$strata <- strata_of[[case]]
  if (!is.null(f$weights)) args$weights <- f$weights
  if (!is.null(cluster_of[[case]])) args$cluster <- cluster_of[[case]]
  cf <- do.call(concordancefit, args)
  count <- if (is.matrix(cf$count)) colSums(cf$count) else cf$count
  c(count[c("concordant", "discordant", "tied.x", "tied.y")],
    concordance = cf$concordance, std = sqrt(cf$var))
}

coef_rows <- list()
test_rows <- list()
haz_rows <- list()
for (case in names(fits)) {
  f <- fits[[case]]
  s <- summary(f)
  se <- sqrt(diag(if (is.null(f$naive.var)) f$var else f$naive.var))
  robust_se <- if (is.null(f$naive.var)) rep(NA, length(se)) else sqrt(diag(f$var))
  ci <- s$conf.int
  coef_rows[[case]] <- data.frame(
    case = case, term = names(coef(f)), coef = unname(coef(f)), se = unname(se),
    robust.se = unname(robust_se), z = s$coefficients[, "z"],
    p = s$coefficients[, "Pr(>|z|)"], hr = ci[, "exp(coef)"],
    hr.lower = ci[, "lower .95"], hr.upper = ci[, "upper .95"], mean = unname(f$means))
  cc <- f$concordance
  rc <- rounded_concordance(case, f)
  test_rows[[case]] <- data.frame(
    case = case, n = f$n, nevent = f$nevent, iter = f$iter,
    loglik0 = f$loglik[1], loglik = f$loglik[2],
    lr = s$logtest["test"], lr.df = s$logtest["df"], lr.p = s$logtest["pvalue"],
    # summary() rounds the Wald statistic to 2 decimals: take the fit's own value.
    # With robust = TRUE or cluster(), R's Wald test uses the robust variance.
    wald = f$wald.test, wald.p = pchisq(f$wald.test, length(coef(f)), lower.tail = FALSE),
    score = f$score, score.p = pchisq(f$score, length(coef(f)), lower.tail = FALSE),
    robust.score = if (is.null(f$rscore)) NA else f$rscore,
    aic = AIC(f),
    concordant = cc["concordant"], discordant = cc["discordant"],
    tied.x = cc["tied.x"], tied.y = cc["tied.y"],
    concordance = cc["concordance"], concordance.se = cc["std"],
    rc.concordant = rc["concordant"], rc.discordant = rc["discordant"],
    rc.tied.x = rc["tied.x"], rc.tied.y = rc["tied.y"],
    rc.concordance = rc["concordance"], rc.concordance.se = rc["std"],
    call = gsub(",", ";", calls[[case]]))
  bh <- basehaz(f, centered = FALSE)
  haz_rows[[case]] <- data.frame(
    case = case, stratum = if (is.null(bh$strata)) "" else sub("^[^=]*=", "", bh$strata),
    time = bh$time, hazard = bh$hazard)
}
write_csv(do.call(rbind, coef_rows), file.path(refdir, "cox_coefficients.csv"))
write_csv(do.call(rbind, test_rows), file.path(refdir, "cox_tests.csv"))
write_csv(do.call(rbind, haz_rows), file.path(refdir, "cox_basehaz.csv"))

# Predicted survival for one covariate profile: survfit(fit, newdata)
nd <- data.frame(age = 60, sex = 2, ph.ecog = 1)
pred_rows <- list()
for (case in c("lung_efron", "lung_breslow")) {
  sf <- survfit(fits[[case]], newdata = nd)
  at <- c(100, 365, 500, 730)
  ss <- summary(sf, times = at)
  pred_rows[[case]] <- data.frame(case = case, age = 60, sex = 2, ph.ecog = 1,
                                  time = ss$time, surv = ss$surv, cumhaz = ss$cumhaz)
}
write_csv(do.call(rbind, pred_rows), file.path(refdir, "cox_survival.csv"))

# Chi-square upper tail probabilities: pchisq(x, df, lower.tail = FALSE)
grid <- expand.grid(x = c(1e-8, 0.001, 0.1, 0.5, 1, 2.5, 3.84, 7, 15, 30, 60, 120,
                          300, 700),
                    df = c(1, 2, 3, 4, 5, 7, 10, 25, 100))
grid$q <- pchisq(grid$x, grid$df, lower.tail = FALSE)
write_csv(grid, file.path(refdir, "cox_pchisq.csv"))

writeLines(c(
  sprintf("R: %s", R.version.string),
  sprintf("survival: %s", as.character(packageVersion("survival"))),
  sprintf("carData: %s", as.character(packageVersion("carData"))),
  "script: Benchmarks/reference/cox_reference.R",
  "numbers: sprintf('%.17g'); NA for NA/NaN/Inf",
  paste0(names(calls), ": ", calls)),
  file.path(refdir, "cox_provenance.txt"))
