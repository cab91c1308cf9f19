#!/usr/bin/env Rscript
# Reference values for churnsim's Cox model diagnostics: residuals.coxph (martingale,
# deviance, Schoenfeld, scaled Schoenfeld) and cox.zph (survival >= 3.0 score test).
#
# Run from the repository root after cox_reference.R (it reads the fixtures that script
# wrote, so the rows are the same):
#   Rscript Benchmarks/reference/cox_zph_reference.R
# Writes Tests/ChurnModelTests/Fixtures/reference/cox_zph_*.csv with 17 significant
# digits ("NA" for NA, NaN and Inf); versions in reference/cox_zph_provenance.txt.
suppressPackageStartupMessages(library(survival))

fixtures <- file.path("Tests", "ChurnModelTests", "Fixtures")
refdir <- file.path(fixtures, "reference")

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

lung <- read.csv(file.path(fixtures, "lung_cox.csv"))
heart <- read.csv(file.path(fixtures, "heart.csv"))
rossi <- read.csv(file.path(fixtures, "rossi.csv"))
# Three strata from the R row number; stratum 2 has its events removed, so it has rows
# at risk but no events (it must contribute nothing, and must not produce NaN).
lung3 <- lung
lung3$z <- lung3$row %% 3
lung3$status[lung3$z == 2] <- 0L

fits <- list(
  lung_efron = coxph(Surv(time, status) ~ age + sex + ph.ecog, data = lung),
  lung_breslow = coxph(Surv(time, status) ~ age + sex + ph.ecog, data = lung,
                       ties = "breslow"),
  lung_strata_sex = coxph(Surv(time, status) ~ age + ph.ecog + strata(sex), data = lung),
  lung_weighted = coxph(Surv(time, status) ~ age + sex + ph.ecog, data = lung,
                        weights = weight),
  lung_strata_noevents = coxph(Surv(time, status) ~ age + sex + ph.ecog + strata(z),
                               data = lung3),
  heart_efron = coxph(Surv(start, stop, event) ~ age + year + surgery + transplant,
                      data = heart),
  rossi_efron = coxph(Surv(week, arrest) ~ fin + age + race + wexp + mar + paro + prio,
                      data = rossi)
)
calls <- sapply(fits, function(f) paste(deparse(f$call, width.cutoff = 500L), collapse = " "))
transforms <- c("km", "rank", "identity", "log")

# ---- cox.zph(fit, transform, terms = TRUE) ------------------------------------------
zph_rows <- list()
for (case in names(fits)) {
  for (tr in transforms) {
    z <- cox.zph(fits[[case]], transform = tr, terms = TRUE)
    tb <- z$table
    zph_rows[[paste(case, tr)]] <- data.frame(
      case = case, transform = tr, term = rownames(tb),
      chisq = tb[, "chisq"], df = tb[, "df"], p = tb[, "p"])
  }
}
write_csv(do.call(rbind, zph_rows), file.path(refdir, "cox_zph_tests.csv"))

# ---- residuals.coxph ------------------------------------------------------------------
# index = 1-based row of the fixture CSV. Schoenfeld rows come in R's order: by stratum,
# then time, then fixture row.
strata_of <- list(lung_strata_sex = lung$sex, lung_strata_noevents = lung3$z)
mart_rows <- list()
scho_rows <- list()
for (case in c("lung_efron", "lung_breslow", "lung_strata_sex", "lung_weighted",
               "lung_strata_noevents", "heart_efron")) {
  f <- fits[[case]]
  y <- f$y
  ny <- ncol(y)
  mart_rows[[case]] <- data.frame(
    case = case, index = seq_len(nrow(y)),
    martingale = unname(residuals(f, type = "martingale")),
    deviance = unname(residuals(f, type = "deviance")))
  st <- if (is.null(strata_of[[case]])) rep(0, nrow(y)) else strata_of[[case]]
  ord <- order(st, y[, ny - 1], -y[, ny])
  dead <- ord[y[ord, ny] == 1]
  sch <- as.matrix(residuals(f, type = "schoenfeld"))
  ssch <- as.matrix(residuals(f, type = "scaledsch"))
  stopifnot(nrow(sch) == length(dead),
            all(abs(as.numeric(rownames(sch)) - y[dead, ny - 1]) < 1e-9))
  for (j in seq_along(coef(f))) {
    scho_rows[[paste(case, j)]] <- data.frame(
      case = case, index = dead, time = y[dead, ny - 1], term = names(coef(f))[j],
      schoenfeld = unname(sch[, j]), scaled = unname(ssch[, j]))
  }
}
write_csv(do.call(rbind, mart_rows), file.path(refdir, "cox_zph_martingale.csv"))
write_csv(do.call(rbind, scho_rows), file.path(refdir, "cox_zph_schoenfeld.csv"))

writeLines(c(
  sprintf("R: %s", R.version.string),
  sprintf("survival: %s", as.character(packageVersion("survival"))),
  "script: Benchmarks/reference/cox_zph_reference.R",
  "numbers: sprintf('%.17g'); NA for NA/NaN/Inf",
  "lung_strata_noevents: lung_cox.csv with z = row %% 3 and status = 0 where z == 2",
  paste0(names(calls), ": ", calls)),
  file.path(refdir, "cox_zph_provenance.txt"))
