#!/usr/bin/env bash
# churnsim on Slurm: an array job simulates the shards, a dependent job merges them.
#   bash docs/slurm-array.sh Scenarios/example.yaml 8
# Each array task gets SLURM_ARRAY_TASK_ID (0 … N−1); `churnsim run --shard N` reads it.
set -euo pipefail
scenario=${1:?usage: slurm-array.sh SCENARIO SHARDS [OUTPUT]}
shards=${2:?usage: slurm-array.sh SCENARIO SHARDS [OUTPUT]}
output=${3:-Reports/merged}
work=${CHURNSIM_WORK:-shards}

array_job=$(sbatch --parsable --array=0-$((shards - 1)) --cpus-per-task=2 --mem=1G \
    --job-name=churnsim-shard --output="$work/slurm-%A_%a.log" \
    --wrap="churnsim run '$scenario' --shard $shards --output '$work/'\$SLURM_ARRAY_TASK_ID")

sbatch --dependency=afterok:"$array_job" --job-name=churnsim-merge --output="$work/slurm-merge-%j.log" \
    --wrap="churnsim merge '$work'/* --output '$output'"
echo "Submitted shards as job $array_job; the merge runs when all $shards succeed and writes $output/"
