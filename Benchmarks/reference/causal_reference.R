#!/usr/bin/env Rscript
# Reference values of Tests/ChurnModelTests/Causal/*: propensity weighting for `churnsim effect`.
#
# Writes two fixtures and the reference table they are checked against:
#   Tests/ChurnModelTests/Fixtures/nhefs_survival.csv     NHEFS (Hernán & Robins, "Causal Inference:
#       What If", ch. 17): quitting smoking (qsmk) and death within 120 months, with the book's
#       propensity terms pre-expanded (squares, dummies of education, exercise and activity).
#   Tests/ChurnModelTests/Fixtures/cs_confounded_history.csv   a synthetic CS history with a known
#       truth: CSMs go to Enterprise and Mid-market accounts and to accounts with a low health
#       score (confounding by segment and by indication); the CSM's conditional hazard ratio is 0.7.
#   Tests/ChurnModelTests/Fixtures/reference/causal_reference.csv   case,quantity,term,value
#
# Every number comes from base R (glm, quantile) and survival (coxph, survfit); the balance
# statistics follow cobalt's conventions (bal.tab defaults: binary covariates as a raw difference
# in proportions, continuous ones as a mean difference over the unweighted SD — pooled
# sqrt((s1^2 + s0^2)/2) for ATE and ATO, the treated SD for ATT — and variance ratios of
# weighted variances with the bias-corrected weights formula), written out here because cobalt is
# not a Debian package. The Xie–Liu variance of the weighted Kaplan–Meier curve and the RMST
# variance are written out from their formulas (Xie & Liu 2005, Stat Med 24:3089).
#
# Run from the repository root: Rscript Benchmarks/reference/causal_reference.R PATH/TO/NHEFS.csv
# (NHEFS.csv as shipped in causallib 0.10.0: causallib/datasets/data/nhefs/NHEFS.csv).
suppressPackageStartupMessages(library(survival))
args <- commandArgs(trailingOnly = TRUE)
stopifnot(length(args) == 1)
fixtures <- "Tests/ChurnModelTests/Fixtures"
fmt <- function(x) sprintf("%.17g", x)
out <- list()
put <- function(case, quantity, term, value) {
  out[[length(out) + 1]] <<- data.frame(case = case, quantity = quantity, term = term, value = fmt(value))
}

## ---- NHEFS -------------------------------------------------------------------------------------
raw <- read.csv(args[1])
nhefs <- data.frame(
  qsmk = raw$qsmk,
  survtime = ifelse(raw$death == 0, 120, (raw$yrdth - 83) * 12 + raw$modth),
  death = raw$death,
  sex = raw$sex, race = raw$race, age = raw$age, age2 = raw$age^2,
  edu2 = as.integer(raw$education == 2), edu3 = as.integer(raw$education == 3),
  edu4 = as.integer(raw$education == 4), edu5 = as.integer(raw$education == 5),
  smokeintensity = raw$smokeintensity, smokeintensity2 = raw$smokeintensity^2,
  smokeyrs = raw$smokeyrs, smokeyrs2 = raw$smokeyrs^2,
  exercise1 = as.integer(raw$exercise == 1), exercise2 = as.integer(raw$exercise == 2),
  active1 = as.integer(raw$active == 1), active2 = as.integer(raw$active == 2),
  wt71 = raw$wt71, wt712 = raw$wt71^2)
write.csv(nhefs, file.path(fixtures, "nhefs_survival.csv"), row.names = FALSE)
nhefs_terms <- setdiff(names(nhefs), c("qsmk", "survtime", "death"))

## ---- Synthetic CS history with a known truth ---------------------------------------------------
# Hazard per month: 0.03 * exp(-0.6 Mid - 1.2 Ent - 0.7 health + 0.05 (tickets - 2) + log(0.7) csm).
# P(csm) = logistic(-1.2 + 1.2 Mid + 2.2 Ent - 1.0 health). Follow-up uniform on (3, 36) months,
# durations rounded to 0.1 month (ties, so Efron matters).
set.seed(20261207)
draw_accounts <- function(n) {
  segment <- sample(c("SMB", "Mid-market", "Enterprise"), n, replace = TRUE, prob = c(0.6, 0.3, 0.1))
  data.frame(segment = segment, health_score = round(rnorm(n), 3), tickets = rpois(n, 2))
}
rate <- function(a, csm) {
  0.03 * exp(-0.6 * (a$segment == "Mid-market") - 1.2 * (a$segment == "Enterprise") -
    0.7 * a$health_score + 0.05 * (a$tickets - 2) + log(0.7) * csm)
}
treat_probability <- function(a) {
  plogis(-1.2 + 1.2 * (a$segment == "Mid-market") + 2.2 * (a$segment == "Enterprise") - a$health_score)
}
n <- 3000
accounts <- draw_accounts(n)
csm <- rbinom(n, 1, treat_probability(accounts))
latent <- rexp(n, rate(accounts, csm))
follow_up <- runif(n, 3, 36)
synthetic <- data.frame(
  account_id = sprintf("A%05d", seq_len(n)), accounts, csm = csm,
  tenure_months = pmax(round(pmin(latent, follow_up), 1), 0.1),
  churned = as.integer(latent <= follow_up))
# Accounts belong to parent companies of three (for the clustered robust variance).
synthetic$parent <- sprintf("P%04d", (seq_len(n) - 1) %/% 3)
write.csv(synthetic, file.path(fixtures, "cs_confounded_history.csv"), row.names = FALSE)
synthetic$mid <- as.integer(synthetic$segment == "Mid-market")
synthetic$enterprise <- as.integer(synthetic$segment == "Enterprise")
synthetic_terms <- c("enterprise", "mid", "health_score", "tickets")

# The truth, over 400,000 fresh accounts with both potential outcomes and the same follow-up law:
# the marginal (population) hazard ratio, retention at 12 months and RMST to 12 months per arm.
big <- draw_accounts(400000)
big_follow_up <- runif(nrow(big), 3, 36)
truth_rows <- do.call(rbind, lapply(0:1, function(arm) {
  t <- rexp(nrow(big), rate(big, arm))
  data.frame(arm = arm, time = pmin(t, big_follow_up), event = as.integer(t <= big_follow_up))
}))
put("synthetic_truth", "marginal_hazard_ratio", "csm", exp(coef(coxph(Surv(time, event) ~ arm, data = truth_rows))))
for (arm in 0:1) {
  lambda <- rate(big, arm)
  put("synthetic_truth", "survival_12", paste0("arm", arm), mean(exp(-12 * lambda)))
  put("synthetic_truth", "rmst_12", paste0("arm", arm), mean((1 - exp(-12 * lambda)) / lambda))
}

## ---- The estimators ----------------------------------------------------------------------------
weighted_variance <- function(x, w) {
  m <- sum(w * x) / sum(w)
  sum(w * (x - m)^2) * sum(w) / (sum(w)^2 - sum(w^2))
}
is_binary <- function(x) all(x %in% c(0, 1))

# Weighted KM of one arm at `times` with the Xie–Liu variance, and RMST to tau with its variance.
ipw_km <- function(time, event, w, times, tau) {
  fit <- survfit(Surv(time, event) ~ 1, weights = w)
  event_times <- sort(unique(time[event == 1]))
  s <- 1; var_sum <- 0; rows <- list()
  for (t in event_times) {
    at_risk <- time >= t
    y <- sum(w[at_risk]); d <- sum(w[at_risk & time == t & event == 1])
    m <- sum(w[at_risk])^2 / sum(w[at_risk]^2)
    s <- s * (1 - d / y)
    if (y > d) var_sum <- var_sum + d / (m * (y - d))
    rows[[length(rows) + 1]] <- c(t, s, d, y, m)
  }
  rows <- do.call(rbind, rows)
  step <- function(t) { i <- findInterval(t, rows[, 1]); if (i == 0) 1 else rows[i, 2] }
  greenwood_sum <- function(t) {
    k <- rows[, 1] <= t & rows[, 4] > rows[, 3]
    sum(rows[k, 3] / (rows[k, 5] * (rows[k, 4] - rows[k, 3])))
  }
  stopifnot(max(abs(summary(fit, times = times)$surv - sapply(times, step))) < 1e-12)
  # RMST: area under the step curve on [0, tau]; A_j, the area from event time j to tau, weighs
  # that time's term of the variance.
  inside <- which(rows[, 1] < tau)
  areas <- diff(c(0, rows[inside, 1], tau)) * c(1, rows[inside, 2])
  rmst <- sum(areas)
  rmst_var <- 0
  for (j in inside) {
    a <- sum(areas[(j + 1):length(areas)])
    if (rows[j, 4] > rows[j, 3]) rmst_var <- rmst_var + a^2 * rows[j, 3] / (rows[j, 5] * (rows[j, 4] - rows[j, 3]))
  }
  list(surv = sapply(times, step), se = sapply(times, function(t) step(t) * sqrt(greenwood_sum(t))),
       rmst = rmst, rmst_se = sqrt(rmst_var))
}

e_value <- function(rr) { rr <- ifelse(rr < 1, 1 / rr, rr); rr + sqrt(rr * (rr - 1)) }
common_rr <- function(hr) (1 - 0.5^sqrt(hr)) / (1 - 0.5^sqrt(1 / hr))

analyse <- function(case, data, treatment, terms, time, event, estimand, times, tau, trim = NULL, cluster = NULL) {
  z <- data[[treatment]]
  ps_formula <- reformulate(terms, response = treatment)
  ps_fit <- glm(ps_formula, family = binomial(), data = data, control = glm.control(epsilon = 1e-12, maxit = 50))
  e <- fitted(ps_fit)
  for (term in names(coef(ps_fit))) put(case, "propensity_coefficient", term, coef(ps_fit)[[term]])
  # Standard errors from the information at the estimate, X'WX with W = e(1 - e): glm's vcov()
  # uses the weights of the iteration before the last, which differs in the 7th digit here.
  X <- model.matrix(ps_fit)
  information_se <- sqrt(diag(solve(crossprod(X * sqrt(e * (1 - e))))))
  for (term in names(coef(ps_fit))) put(case, "propensity_standard_error", term, information_se[[term]])
  ranks <- rank(e)
  n1 <- sum(z == 1); n0 <- sum(z == 0)
  put(case, "c_statistic", "", (sum(ranks[z == 1]) - n1 * (n1 + 1) / 2) / (n1 * n0))
  put(case, "propensity_log_likelihood", "", as.numeric(logLik(ps_fit)))
  w <- switch(estimand,
    ate = ifelse(z == 1, mean(z) / e, (1 - mean(z)) / (1 - e)),
    att = ifelse(z == 1, 1, e / (1 - e)),
    ato = ifelse(z == 1, 1 - e, e))
  if (!is.null(trim)) {
    limits <- quantile(w, c(trim, 1 - trim), type = 7, names = FALSE)
    w <- pmin(pmax(w, limits[1]), limits[2])
  }
  put(case, "weight", "min", min(w)); put(case, "weight", "max", max(w)); put(case, "weight", "mean", mean(w))
  put(case, "effective_sample_size", "treated", sum(w[z == 1])^2 / sum(w[z == 1]^2))
  put(case, "effective_sample_size", "control", sum(w[z == 0])^2 / sum(w[z == 0]^2))
  for (term in terms) {
    x <- data[[term]]
    x1 <- x[z == 1]; x0 <- x[z == 0]; w1 <- w[z == 1]; w0 <- w[z == 0]
    denominator <- if (is_binary(x)) 1 else if (estimand == "att") sd(x1) else sqrt((var(x1) + var(x0)) / 2)
    put(case, "smd_before", term, (mean(x1) - mean(x0)) / denominator)
    put(case, "smd_after", term, (sum(w1 * x1) / sum(w1) - sum(w0 * x0) / sum(w0)) / denominator)
    if (!is_binary(x)) put(case, "variance_ratio_after", term, weighted_variance(x1, w1) / weighted_variance(x0, w0))
  }
  surv <- Surv(data[[time]], data[[event]])
  weighted_cox <- if (is.null(cluster)) {
    coxph(surv ~ z, weights = w, robust = TRUE, ties = "efron")
  } else {
    groups <- data[[cluster]]
    coxph(surv ~ z + cluster(groups), weights = w, robust = TRUE, ties = "efron")
  }
  put(case, "log_hazard_ratio", "", coef(weighted_cox)[[1]])
  put(case, "robust_standard_error", "", sqrt(weighted_cox$var[1, 1]))
  naive_cox <- coxph(surv ~ z, ties = "efron")
  put(case, "naive_log_hazard_ratio", "", coef(naive_cox)[[1]])
  put(case, "naive_standard_error", "", sqrt(naive_cox$var[1, 1]))
  hr <- exp(coef(weighted_cox)[[1]]); se <- sqrt(weighted_cox$var[1, 1])
  limit <- if (hr < 1) exp(coef(weighted_cox)[[1]] + qnorm(0.975) * se) else exp(coef(weighted_cox)[[1]] - qnorm(0.975) * se)
  put(case, "e_value_rare", "estimate", e_value(hr))
  put(case, "e_value_rare", "ci", if ((hr < 1) == (limit < 1)) e_value(limit) else 1)
  put(case, "e_value_common", "estimate", e_value(common_rr(hr)))
  put(case, "e_value_common", "ci", if ((hr < 1) == (limit < 1)) e_value(common_rr(limit)) else 1)
  for (arm in 0:1) {
    k <- z == arm
    km <- ipw_km(data[[time]][k], data[[event]][k], w[k], times, tau)
    for (i in seq_along(times)) {
      put(case, "ipw_survival", paste0("arm", arm, "@", times[i]), km$surv[i])
      put(case, "ipw_survival_se", paste0("arm", arm, "@", times[i]), km$se[i])
    }
    put(case, "rmst", paste0("arm", arm, "@", tau), km$rmst)
    put(case, "rmst_se", paste0("arm", arm, "@", tau), km$rmst_se)
  }
}

analyse("nhefs_ate", nhefs, "qsmk", nhefs_terms, "survtime", "death", "ate", c(60, 120), 120)
analyse("synthetic_ate", synthetic, "csm", synthetic_terms, "tenure_months", "churned", "ate", c(3, 6, 12), 12)
analyse("synthetic_att", synthetic, "csm", synthetic_terms, "tenure_months", "churned", "att", c(3, 6, 12), 12)
analyse("synthetic_ato", synthetic, "csm", synthetic_terms, "tenure_months", "churned", "ato", c(3, 6, 12), 12)
analyse("synthetic_ate_cluster", synthetic, "csm", synthetic_terms, "tenure_months", "churned", "ate", c(3, 6, 12), 12, cluster = "parent")
analyse("synthetic_ate_trim01", synthetic, "csm", synthetic_terms, "tenure_months", "churned", "ate", c(3, 6, 12), 12, trim = 0.01)

table <- do.call(rbind, out)
write.csv(table, file.path(fixtures, "reference", "causal_reference.csv"), row.names = FALSE, quote = FALSE)
cat(R.version.string, "survival", as.character(packageVersion("survival")), "\n")
