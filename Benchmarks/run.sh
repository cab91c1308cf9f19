#!/usr/bin/env bash
# Benchmark of `churnsim run` against a plain vectorized NumPy peer of the same portfolio model.
#
# Usage: Benchmarks/run.sh [--quick]
#   --quick  1 repetition at 20 paths, prints only (finishes in well under 2 minutes after the build)
#   (full)   5 alternating repetitions at 1,000 paths, churnsim 1 vs 2 threads, scaling over 4 path
#            counts with peak memory (/usr/bin/time -v), and writes Benchmarks/RESULTS.md
#
# Exits non-zero when churnsim and the NumPy peer disagree (portfolio NPV mean or survival at 12
# months further apart than 4 combined standard errors), or when any step fails.
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
CHURNSIM="$ROOT/.build/release/churnsim"
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
if [[ ! -x /usr/bin/time ]]; then
    echo "== installing GNU time (apt)"
    apt-get update -qq && apt-get install -y -qq time >/dev/null
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
    printf 'swift\t%s\n' "$(swift --version 2>&1 | head -1)"
    printf 'churnsim commit\t%s\n' "$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
} >"$SCRATCH/environment.tsv"
echo "== environment"
column -t -s $'\t' "$SCRATCH/environment.tsv"

# ---------------------------------------------------------------------------------------------
# Build
# ---------------------------------------------------------------------------------------------
echo "== building churnsim (release)"
(cd "$ROOT" && swift build -c release 2>&1 | tail -1)

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
    echo "== churnsim scaling: ${SCALING_PATHS[*]} paths, $SCALING_REPS repetitions each"
    for ((rep = 1; rep <= SCALING_REPS; rep++)); do
        for paths in "${SCALING_PATHS[@]}"; do
            run_churnsim churnsim-scaling "$paths" "$NPROC"
        done
    done
fi

# ---------------------------------------------------------------------------------------------
# Table, agreement check and (full mode) RESULTS.md
# ---------------------------------------------------------------------------------------------
echo
SUMMARY_ARGS=("$SCRATCH" --command "Benchmarks/run.sh${1:+ $1}")
[[ $MODE == full ]] && SUMMARY_ARGS+=(--results-md "$ROOT/Benchmarks/RESULTS.md")
python3 "$BENCH/summarize.py" "${SUMMARY_ARGS[@]}"
