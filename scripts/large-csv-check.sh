#!/usr/bin/env bash
# Streams a large customer-history CSV through `churnsim fit` and checks that a bad row at the
# very end is reported with its row number (exit 2) while peak memory stays bounded.
#
#   scripts/large-csv-check.sh [GB]     # default 10; fractions such as 0.5 work
#
# The file has 9 columns (~85 bytes a row, one of them quoted free text); the fit uses two
# (tenure_months, churned). Only those two are kept, as one 8-byte number per cell, so memory
# grows with rows × used columns, not with the file's bytes: peak RSS must stay under
# 256 MiB + 16 bytes per used cell (MAX_RSS_MB overrides the bound). The file goes to
# LARGE_CSV_DIR (default: $TMPDIR or /tmp) and is deleted on exit. Needs the release build
# (`make build`) and GNU time (/usr/bin/time, Debian package `time`).
set -euo pipefail

size_gb="${1:-10}"
root="$(cd "$(dirname "$0")/.." && pwd)"
binary="$root/.build/release/churnsim"
work="$(mktemp -d "${LARGE_CSV_DIR:-${TMPDIR:-/tmp}}/churnsim-large.XXXXXX")"
trap 'rm -rf "$work"' EXIT

[ -x "$binary" ] || { echo "error: build first: make build" >&2; exit 1; }
if [ ! -x /usr/bin/time ]; then
    sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq time
fi

# One block of 100,000 rows, repeated until the file reaches the requested size.
block_rows=100000
awk -v n="$block_rows" 'BEGIN {
    srand(7)
    split("SMB,Mid-market,Enterprise", segment, ",")
    for (i = 1; i <= n; i++) {
        tenure = int(rand() * 60) + 1
        printf "c%07d,%s,2021-%02d-%02d,%s,%d,%d,%.2f,%d,\"renewal call, %s; owner %d\"\n",
            i, segment[i % 3 + 1], i % 12 + 1, i % 28 + 1, (rand() < 0.4 ? "2025-06-30" : ""), tenure,
            (rand() < 0.4), 100 + rand() * 900, int(rand() * 50), (rand() < 0.5 ? "no issues" : "asked for discount"), i % 97
    }
}' > "$work/block.csv"
file="$work/history.csv"
echo "customer_id,segment,start_date,end_date,tenure_months,churned,mrr,seats,notes" > "$file"
target_bytes=$(awk -v g="$size_gb" 'BEGIN { printf "%.0f", g * 1024 * 1024 * 1024 }')
block_bytes=$(stat -c %s "$work/block.csv")
blocks=$(( (target_bytes + block_bytes - 1) / block_bytes ))
echo "Writing $blocks blocks of $block_rows rows ($(( blocks * block_bytes / 1024 / 1024 )) MiB) to $file"
generate_start=$(date +%s)
for ((b = 0; b < blocks; b++)); do cat "$work/block.csv"; done >> "$file"
rm "$work/block.csv"
bad_row=$(( blocks * block_rows + 1 ))
max_rss_mb="${MAX_RSS_MB:-$(( 256 + bad_row * 2 * 16 / 1024 / 1024 ))}"
echo "c9999999,SMB,2021-01-01,,twelve,0,100.00,1,\"the bad row\"" >> "$file"
echo "Generated $(du -h "$file" | cut -f1) with $bad_row data rows in $(( $(date +%s) - generate_start )) s; row $bad_row is bad."

set +e
/usr/bin/time -v "$binary" fit "$file" --model km --duration tenure_months --event churned \
    --output "$work/report" > "$work/stdout" 2> "$work/stderr"
status=$?
set -e
elapsed=$(grep "Elapsed (wall clock)" "$work/stderr" | awk '{ print $NF }')
rss_kb=$(grep "Maximum resident set size" "$work/stderr" | awk '{ print $NF }')
message=$(grep -m1 "^error:" "$work/stderr" || true)
file_mb=$(( $(stat -c %s "$file") / 1024 / 1024 ))
echo "exit $status after $elapsed (m:ss), peak RSS $(( rss_kb / 1024 )) MiB (file $file_mb MiB, bound $max_rss_mb MiB)"
echo "$message"

failed=0
[ "$status" -eq 2 ] || { echo "FAIL: expected exit 2, got $status" >&2; failed=1; }
case "$message" in
    *"row $bad_row (line $(( bad_row + 1 ))): column 'tenure_months'"*) ;;
    *) echo "FAIL: the error does not name row $bad_row" >&2; failed=1 ;;
esac
[ "$(( rss_kb / 1024 ))" -lt "$max_rss_mb" ] || { echo "FAIL: peak RSS above $max_rss_mb MiB" >&2; failed=1; }
[ ! -e "$work/report" ] || { echo "FAIL: a report was written" >&2; failed=1; }
[ "$failed" -eq 0 ] && echo "OK"
exit "$failed"
