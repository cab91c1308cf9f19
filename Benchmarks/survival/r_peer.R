#!/usr/bin/env Rscript
# R survival peer of `churnsim fit` for the survival benchmark.
#
# Usage: Rscript r_peer.R DATA.csv MODEL OUTPUT.json
#   MODEL: cox_efron | cox_breslow | weibull | km
# Times reading the CSV (read.csv with column classes given, as an analyst would) and the fit
# separately, and writes them with the estimates (17 significant digits) as JSON.
# The fits use the package defaults (coxph: eps 1e-9 on the log-likelihood; survreg: rel.tolerance 1e-9).
suppressPackageStartupMessages(library(survival))

args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 3) stop("usage: Rscript r_peer.R DATA.csv MODEL OUTPUT.json")
path <- args[1]; model <- args[2]; output <- args[3]

clock <- function() as.numeric(proc.time()[["elapsed"]])
t0 <- clock()
header <- names(read.csv(path, nrows = 1))
d <- read.csv(path, colClasses = c("integer", rep("numeric", length(header) - 1)))
t1 <- clock()
covariates <- header[(match("churned", header) + 1):length(header)]  # every column after `churned`
formula <- as.formula(paste("Surv(duration_months, churned) ~", paste(covariates, collapse = " + ")))
fit <- switch(model,
  cox_efron   = coxph(formula, data = d, ties = "efron"),
  cox_breslow = coxph(formula, data = d, ties = "breslow"),
  weibull     = survreg(formula, data = d, dist = "weibull"),
  km          = survfit(Surv(duration_months, churned) ~ 1, data = d),
  stop("unknown model ", model))
t2 <- clock()

num <- function(x) ifelse(is.finite(x), sprintf("%.17g", x), "null")
coefficients <- character()
extra <- character()
if (model %in% c("cox_efron", "cox_breslow")) {
  est <- coef(fit); se <- sqrt(diag(vcov(fit)))
  coefficients <- sprintf('{"name": "%s", "estimate": %s, "standard_error": %s}',
                          names(est), num(est), num(se))
  extra <- c(sprintf('"log_likelihood": %s', num(fit$loglik[2])),
             sprintf('"iterations": %d', fit$iter))
} else if (model == "weibull") {
  est <- c(coef(fit), "Log(scale)" = log(fit$scale)); se <- sqrt(diag(vcov(fit)))
  coefficients <- sprintf('{"name": "%s", "estimate": %s, "standard_error": %s}',
                          names(est), num(est), num(se))
  extra <- c(sprintf('"log_likelihood": %s', num(fit$loglik[2])),
             sprintf('"iterations": %d', fit$iter[1]))
} else {
  s <- summary(fit)$table
  extra <- c(sprintf('"median": %s', num(s[["median"]])),
             sprintf('"distinct_times": %d', length(fit$time)),
             sprintf('"survival_at_12": %s', num(summary(fit, times = 12)$surv)),
             sprintf('"survival_at_24": %s', num(summary(fit, times = 24)$surv)))
}
json <- c("{",
  sprintf('  "peer": "R %s, survival %s",', paste(R.version$major, R.version$minor, sep = "."),
          as.character(packageVersion("survival"))),
  sprintf('  "model": "%s", "rows": %d,', model, nrow(d)),
  sprintf('  "read_seconds": %s, "fit_seconds": %s,', num(t1 - t0), num(t2 - t1)),
  if (length(extra)) paste0("  ", paste(extra, collapse = ", "), ",") else NULL,
  sprintf('  "coefficients": [%s]', paste(coefficients, collapse = ", ")),
  "}")
writeLines(json, output)
