#!/usr/bin/env bash
# churnsim against its peers, side by side in one run:
#   1. Monte Carlo: `churnsim run` vs a plain vectorized NumPy peer of the same portfolio model
#      (Benchmarks/montecarlo/);
#   2. survival fits: `churnsim fit` (Cox Efron/Breslow, Weibull AFT, Kaplan–Meier) vs R survival
#      (coxph, survreg, survfit) and lifelines (CoxPHFitter, WeibullAFTFitter, KaplanMeierFitter)
#      on synthetic churn data with tied monthly durations (Benchmarks/survival/);
#   3. causal effect: `churnsim effect` vs R (glm, weighted robust coxph, weighted survfit) on
#      synthetic CS histories with confounding (Benchmarks/causal/; quick 10k rows, full 100k x3 and 1M x1).
#
# Usage: Benchmarks/run.sh [--quick]
#   --quick  Monte Carlo: 1 repetition at 20 paths; survival: 1 repetition at 10,000 rows; prints and
#            checks agreement only, never writes RESULTS.md (well under 2 minutes after the build)
#   (full)   Monte Carlo: 5 alternating repetitions at 1,000 paths, churnsim 1 vs 2 threads (also 3
#            repetitions at 10,000 paths), scaling
#            over 4 path counts with peak memory (/usr/bin/time -v); survival: 3 alternating
#            repetitions (1 at 10M rows), Cox at 10k/100k/1M/10M rows (lifelines up to 1M), KM at
#            100k/1M/10M rows, Weibull at 100k/1M rows; then rewrites Benchmarks/RESULTS.md
#
# Installs missing peers: numpy, pyyaml, lifelines (pip); GNU time, R and survival (apt, as root or
# through sudo). Exits non-zero when churnsim and a peer disagree (Monte Carlo: portfolio NPV mean or
# survival at 12 months further apart than 4 combined standard errors; survival fits: Cox and
# Weibull coefficients further apart than 1e-6 relative from R's, Cox from lifelines'), or when any
# step fails.
set -euo pipefail
export LC_ALL=C   # '.' as decimal point in printf and EPOCHREALTIME

# ---------------------------------------------------------------------------------------------
# Settings
# ---------------------------------------------------------------------------------------------
MODE=full
case "${1:-}" in
    --quick) MODE=quick ;;
    "") ;;
    *) echo "usage: $0 [--quick]" >&2; exit 2 ;;
esac

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$ROOT/Benchmarks/montecarlo"
WORKLOAD="$BENCH/portfolio_bench.yaml"
# CHURNSIM_BIN: an already-built churnsim to use instead of building the release one (`make test`
# passes the debug binary it has just built for its quick run).
CHURNSIM="${CHURNSIM_BIN:-$ROOT/.build/release/churnsim}"
SEED=42
NPROC="$(nproc)"

if [[ $MODE == quick ]]; then
    PATHS=20; REPS=1
else
    PATHS=1000; REPS=5
    SCALING_PATHS=(250 1000 4000 10000)   # includes the 1,000 and 10,000 paths of the memory check
    SCALING_REPS=3
fi

SCRATCH="$(mktemp -d "${TMPDIR:-/tmp}/churnsim-bench.XXXXXX")"
trap 'rm -rf "$SCRATCH"' EXIT
MEASUREMENTS="$SCRATCH/measurements.tsv"
printf 'kind\tpaths\tthreads\twall_s\tmax_rss_kb\tcpu_percent\n' >"$MEASUREMENTS"

# ---------------------------------------------------------------------------------------------
# Tools: numpy/pyyaml via pip and GNU time via apt, each only if missing
# ---------------------------------------------------------------------------------------------
if ! python3 -c 'import numpy, yaml' 2>/dev/null; then
    echo "== installing numpy and pyyaml (pip)"
    python3 -m pip install --quiet numpy pyyaml
fi
if ! python3 -c 'import lifelines' 2>/dev/null; then
    echo "== installing lifelines (pip)"
    python3 -m pip install --quiet lifelines
fi
APT_PACKAGES=()
[[ -x /usr/bin/time ]] || APT_PACKAGES+=(time)
if ! command -v Rscript >/dev/null || ! Rscript -e 'library(survival)' >/dev/null 2>&1; then
    APT_PACKAGES+=(r-base-core r-cran-survival)
fi
if ((${#APT_PACKAGES[@]})); then
    echo "== installing ${APT_PACKAGES[*]} (apt)"
    SUDO=()
    ((EUID == 0)) || SUDO=(sudo)
    "${SUDO[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq "${APT_PACKAGES[@]}" >/dev/null
fi

# ---------------------------------------------------------------------------------------------
# Environment
# ---------------------------------------------------------------------------------------------
{
    printf 'CPU model\t%s\n' "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
    printf 'nproc\t%s\n' "$NPROC"
    printf 'memory\t%s\n' "$(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
    printf 'OS\t%s\n' "$(. /etc/os-release && echo "$PRETTY_NAME") ($(uname -r))"
    printf 'OPENBLAS_CORETYPE\t%s\n' "${OPENBLAS_CORETYPE:-unset}"
    printf 'OPENBLAS_L2_SIZE\t%s\n' "${OPENBLAS_L2_SIZE:-unset}"
    printf 'Python\t%s\n' "$(python3 -c 'import platform; print(platform.python_version())')"
    printf 'numpy\t%s\n' "$(python3 -c 'import numpy; print(numpy.__version__)')"
    printf 'lifelines\t%s\n' "$(python3 -c 'import lifelines; print(lifelines.__version__)' 2>/dev/null)"
    printf 'pandas\t%s\n' "$(python3 -c 'import pandas; print(pandas.__version__)')"
    printf 'R\t%s\n' "$(Rscript -e 'cat(R.version.string)')"
    printf 'R survival\t%s\n' "$(Rscript -e 'cat(as.character(packageVersion("survival")))')"
    printf 'swift\t%s\n' "$(swift --version 2>&1 | head -1)"
    printf 'churnsim commit\t%s\n' "$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
} >"$SCRATCH/environment.tsv"
echo "== environment"
column -t -s $'\t' "$SCRATCH/environment.tsv"

# ---------------------------------------------------------------------------------------------
# Build
# ---------------------------------------------------------------------------------------------
if [[ -n ${CHURNSIM_BIN:-} ]]; then
    echo "== using CHURNSIM_BIN=$CHURNSIM (no build)"
else
    echo "== building churnsim (release)"
    (bash "$ROOT/scripts/build-release.sh" 2>&1 | tail -1)
fi

# ---------------------------------------------------------------------------------------------
# Measurement helper
# ---------------------------------------------------------------------------------------------
# measure KIND PATHS THREADS COMMAND...: runs COMMAND (output to a log) under `/usr/bin/time -v`,
# and appends its wall time (bash's clock, microseconds), peak RSS and CPU share to measurements.tsv.
measure() {
    local kind=$1 paths=$2 threads=$3
    shift 3
    local start end rss cpu wall
    start=${EPOCHREALTIME/./}   # microseconds
    if ! /usr/bin/time -v -o "$SCRATCH/time.txt" "$@" >"$SCRATCH/last.log" 2>&1; then
        echo "command failed: $*" >&2
        cat "$SCRATCH/last.log" >&2
        exit 1
    fi
    end=${EPOCHREALTIME/./}
    wall=$(printf '%d.%06d' $(((end - start) / 1000000)) $(((end - start) % 1000000)))
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$SCRATCH/time.txt")
    cpu=$(awk -F': ' '/Percent of CPU/ {sub("%", "", $2); print $2}' "$SCRATCH/time.txt")
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$kind" "$paths" "$threads" "$wall" "$rss" "$cpu" >>"$MEASUREMENTS"
    printf '   %-17s paths=%-6s threads=%s  %7.2f s  %6d MiB  %4s%% CPU\n' \
        "$kind" "$paths" "$threads" "$wall" "$((rss / 1024))" "$cpu"
}

run_churnsim() {   # run_churnsim KIND PATHS THREADS
    measure "$1" "$2" "$3" "$CHURNSIM" run "$WORKLOAD" --paths "$2" --seed "$SEED" --threads "$3" \
        --output "$SCRATCH/churnsim-report"
}

run_numpy() {      # run_numpy PATHS
    measure numpy "$1" 1 python3 "$BENCH/numpy_peer.py" "$WORKLOAD" --paths "$1" --seed "$SEED" \
        --output "$SCRATCH/numpy.json"
}

# ---------------------------------------------------------------------------------------------
# 1. churnsim (all cores) vs the NumPy peer, alternating so that drifts hit both alike
# ---------------------------------------------------------------------------------------------
echo "== churnsim vs numpy peer: $PATHS paths, $REPS repetition(s)"
for ((rep = 1; rep <= REPS; rep++)); do
    run_churnsim churnsim "$PATHS" "$NPROC"
    run_numpy "$PATHS"
done
cp "$SCRATCH/churnsim-report/results.json" "$SCRATCH/churnsim.json"   # same seed every repetition

# ---------------------------------------------------------------------------------------------
# 2. churnsim 1 thread vs all threads (alternating), with a control: NPROC independent 1-thread
#    churnsim processes at once (recorded as threads = NPROC, paths = the total of all of them).
#    The control shows how much parallel CPU the machine actually gave at that moment: on a shared
#    virtual machine a second core is not always there, and then no thread count can help.
# ---------------------------------------------------------------------------------------------
if ((NPROC > 1)); then
    echo "== churnsim threads: 1 vs $NPROC, $PATHS paths; control: $NPROC concurrent 1-thread processes"
    for ((rep = 1; rep <= REPS; rep++)); do
        run_churnsim churnsim-threads "$PATHS" 1
        run_churnsim churnsim-threads "$PATHS" "$NPROC"
        measure churnsim-processes "$((PATHS * NPROC))" "$NPROC" bash -c '
            for ((i = 0; i < $1; i++)); do
                "$2" run "$3" --paths "$4" --seed "$5" --threads 1 --output "$6/process-$i" &
            done
            wait' _ "$NPROC" "$CHURNSIM" "$WORKLOAD" "$PATHS" "$SEED" "$SCRATCH"
    done
fi

# ---------------------------------------------------------------------------------------------
# 3. Full mode only: scaling with the number of paths, and peak memory
# ---------------------------------------------------------------------------------------------
if [[ $MODE == full ]]; then
    if ((NPROC > 1)); then
        # The same comparison on a 10x longer run, where start-up and report writing weigh less.
        echo "== churnsim threads: 1 vs $NPROC, $((PATHS * 10)) paths, $SCALING_REPS repetitions"
        for ((rep = 1; rep <= SCALING_REPS; rep++)); do
            run_churnsim churnsim-threads "$((PATHS * 10))" 1
            run_churnsim churnsim-threads "$((PATHS * 10))" "$NPROC"
        done
    fi
    echo "== churnsim scaling: ${SCALING_PATHS[*]} paths, $SCALING_REPS repetitions each"
    for ((rep = 1; rep <= SCALING_REPS; rep++)); do
        for paths in "${SCALING_PATHS[@]}"; do
            run_churnsim churnsim-scaling "$paths" "$NPROC"
        done
    done
fi

# ---------------------------------------------------------------------------------------------
# 4. Survival fits: churnsim vs R survival vs lifelines (Benchmarks/survival/bench.py runs,
#    times and checks them; its exit status is 1 on disagreement)
# ---------------------------------------------------------------------------------------------
echo "== survival fits: churnsim vs R survival vs lifelines ($MODE)"
SURVIVAL_STATUS=0
python3 "$ROOT/Benchmarks/survival/bench.py" "$SCRATCH" --mode "$MODE" --churnsim "$CHURNSIM" \
    --markdown "$SCRATCH/survival.md" || SURVIVAL_STATUS=$?

# ---------------------------------------------------------------------------------------------
# 5. Causal effect: churnsim effect vs R (glm + weighted robust coxph + weighted survfit;
#    Benchmarks/causal/bench.py, exit status 1 on disagreement)
# ---------------------------------------------------------------------------------------------
echo "== causal effect: churnsim effect vs R ($MODE)"
CAUSAL_STATUS=0
python3 "$ROOT/Benchmarks/causal/bench.py" "$SCRATCH" --mode "$MODE" --churnsim "$CHURNSIM" \
    --markdown "$SCRATCH/causal.md" || CAUSAL_STATUS=$?
cat "$SCRATCH/survival.md" "$SCRATCH/causal.md" >"$SCRATCH/extra.md" 2>/dev/null || true

# ---------------------------------------------------------------------------------------------
# Monte Carlo table, agreement check and (full mode) RESULTS.md with every part
# ---------------------------------------------------------------------------------------------
echo
SUMMARY_ARGS=("$SCRATCH" --command "Benchmarks/run.sh${1:+ $1}")
if [[ $MODE == full ]]; then
    SUMMARY_ARGS+=(--results-md "$ROOT/Benchmarks/RESULTS.md")
    [[ -s $SCRATCH/extra.md ]] && SUMMARY_ARGS+=(--extra-section "$SCRATCH/extra.md")
fi
MONTE_CARLO_STATUS=0
python3 "$BENCH/summarize.py" "${SUMMARY_ARGS[@]}" || MONTE_CARLO_STATUS=$?
if ((SURVIVAL_STATUS != 0 || CAUSAL_STATUS != 0 || MONTE_CARLO_STATUS != 0)); then
    echo "FAILED: survival exit $SURVIVAL_STATUS, causal exit $CAUSAL_STATUS, Monte Carlo exit $MONTE_CARLO_STATUS" >&2
    exit 1
fi
