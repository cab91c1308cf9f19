#!/usr/bin/env bash
# Coverage-guided fuzzing (libFuzzer) of churnsim's scenario parser and CSV loaders.
#
#   scripts/fuzz.sh [SECONDS]      # per target, default 60
#
# Builds Fuzz/ (its own package, depending on this one by path) with AddressSanitizer and
# libFuzzer's coverage instrumentation, linked against the toolchain's
# libclang_rt.fuzzer_no_main. Each target starts from the malformed-input corpus and the
# valid examples, runs for SECONDS, and fails on any crash (a trap or a sanitizer report) or
# hang (an input taking over 2 s). Findings land in Fuzz/.build/findings/<target>/; the grown
# corpus is kept in Fuzz/.build/corpus/<target>/ for the next run.
set -euo pipefail

seconds="${1:-60}"
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
bash scripts/setup.sh

toolchain="$(dirname "$(readlink -f "$(command -v swiftc)")")/.."
runtime="$(find "$toolchain/lib/clang" "$toolchain/lib/swift/clang" -name "libclang_rt.fuzzer_no_main-$(uname -m).a" 2>/dev/null | head -n 1)"
if [ -z "$runtime" ]; then
    echo "error: libclang_rt.fuzzer_no_main-$(uname -m).a is not in the Swift toolchain at $toolchain" >&2
    exit 1
fi

echo "Building the fuzzer (AddressSanitizer + libFuzzer coverage)…"
swift build --package-path Fuzz -c debug --sanitize=address \
    -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp \
    -Xlinker "$runtime" -Xlinker -lstdc++ 2>&1 | grep -E "error|Compiling FuzzInputs|Build complete" || true
fuzzer="$(swift build --package-path Fuzz -c debug --show-bin-path)/FuzzInputs"
[ -x "$fuzzer" ] || { echo "error: the fuzzer did not build" >&2; exit 1; }

malformed="Tests/ChurnModelTests/Fixtures/Malformed"
declare -A seeds=(
    [scenario]="$malformed/scenarios Scenarios"
    [csv]="$malformed/csv Scenarios/data Tests/ChurnModelTests/Fixtures/aml.csv Tests/ChurnModelTests/Fixtures/sbg_regular.csv"
)
failed=0
for target in scenario csv; do
    corpus="Fuzz/.build/corpus/$target" findings="Fuzz/.build/findings/$target"
    mkdir -p "$corpus" "$findings"
    # libFuzzer takes folders of seeds; the single files go into the working corpus.
    seed_dirs=()
    for seed in ${seeds[$target]}; do
        if [ -d "$seed" ]; then seed_dirs+=("$seed"); else cp "$seed" "$corpus/"; fi
    done
    echo "Fuzzing $target for $seconds s…"
    set +e
    FUZZ_TARGET="$target" "$fuzzer" -max_total_time="$seconds" -timeout=2 -rss_limit_mb=4096 -max_len=8192 \
        -print_final_stats=1 -artifact_prefix="$findings/" "$corpus" "${seed_dirs[@]}" > "$findings/log.txt" 2>&1
    status=$?
    set -e
    grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb|^#[0-9]+ +DONE" "$findings/log.txt" || true
    if [ "$status" -ne 0 ]; then
        echo "FAIL: $target: the fuzzer stopped with status $status; see $findings/log.txt:" >&2
        grep -E "ERROR|Fatal error|SUMMARY|Test unit written" "$findings/log.txt" | head -n 10 >&2
        failed=1
    fi
done
[ "$failed" -eq 0 ] && echo "OK: no crash or hang found"
exit "$failed"
