# churnsim — the two entry points README promises, plus helpers.
.PHONY: setup build demo test check-reports reports bench bench-quick clean

setup:
	@bash scripts/setup.sh

## The release binary links the Swift runtime and Foundation statically and is compiled for this
## machine's processor (see scripts/build-release.sh).
build: setup
	bash scripts/build-release.sh

## Installs what is missing, builds, runs the bundled example scenario and says where the report is.
demo: build
	.build/release/churnsim run Scenarios/example.yaml

## Installs what is missing, checks every report kind in headless Chromium, runs the benchmark suite in its
## quick mode against the peers (R survival, lifelines, NumPy; installed if missing) so it cannot rot, then
## builds and runs every test (the test runner's summary stays the last line).
test: setup
	bash scripts/check-reports.sh
	CHURNSIM_BIN=.build/debug/churnsim bash Benchmarks/run.sh --quick
	swift test

## Renders each report kind in headless Chromium (console errors, empty charts, overflowing text)
## and prints each to PDF on A4 and Letter (nothing cut off the page).
check-reports: setup
	bash scripts/check-reports.sh

## Regenerates the example reports kept in Reports/examples/ from the bundled scenario and data.
reports: build
	.build/release/churnsim run Scenarios/example.yaml --output Reports/examples/run
	.build/release/churnsim fit Scenarios/data/customer_history.csv --model km --strata segment \
	    --start-date start_date --end-date end_date --as-of 2026-10-31 --output Reports/examples/fit-km
	.build/release/churnsim fit Scenarios/data/customer_history.csv --model cox --strata segment \
	    --duration tenure_months --event churned --time-unit months \
	    --covariates sponsor_change,login_trend,seat_utilisation,support_tickets,csm_assigned \
	    --output Reports/examples/fit-cox
	.build/release/churnsim score Scenarios/data/current_customers.csv --model Reports/examples/fit-cox/fit.yaml \
	    --tenure tenure_months --mrr mrr --id customer_id --strata segment --output Reports/examples/score
	.build/release/churnsim fit Scenarios/data/customer_history.csv --model weibull \
	    --duration tenure_months --event churned --time-unit months \
	    --covariates sponsor_change,login_trend,csm_assigned --output Reports/examples/fit-weibull
	.build/release/churnsim fit Scenarios/data/renewal_cohort.csv --model sbg --periods 12 \
	    --output Reports/examples/fit-sbg
	.build/release/churnsim staffing Scenarios/example.yaml --paths 200 --output Reports/examples/staffing
	.build/release/churnsim sensitivity Scenarios/example.yaml --paths 500 --output Reports/examples/sensitivity
	.build/release/churnsim effect Scenarios/data/customer_history.csv --treatment csm_assigned \
	    --confounders segment,sponsor_change,login_trend,seat_utilisation,support_tickets \
	    --duration tenure_months --event churned --estimand att --time-unit months --mrr mrr \
	    --csm-cost 140000 --accounts-per-csm 40 --output Reports/examples/effect
	.build/release/churnsim assess Scenarios/data/customer_history.csv --model cox --duration tenure_months --event churned \
	    --strata segment --covariates sponsor_change,login_trend,seat_utilisation,support_tickets,csm_assigned \
	    --times 3,6,12,24 --compare weibull,km --output Reports/examples/assess

## Benchmarks against R survival, lifelines and a numpy Monte Carlo (see Benchmarks/README.md).
bench:
	bash Benchmarks/run.sh

bench-quick:
	bash Benchmarks/run.sh --quick

clean:
	rm -rf .build
