#!/bin/sh
# submit.sh - sharded extraction on a Slurm cluster: an sbatch array of
# `ag-extract --emit-keyed` (one task per shard) and a merge job that runs after every
# task succeeded (--dependency=afterok). Prints the merge job's id.
#
# Usage: submit.sh [-w WORKDIR] [-t MAX_RUNNING] [-s SBATCH_OPTS] -o GRAPH SHARD...
#   SHARD        a file (.jsonl, .txt, ...) or directory ag-extract reads; one task each
#   -o GRAPH     the merged graph (any ag-merge format by its name; -f via AG_MERGE_OPTS)
#   -w WORKDIR   shard list, keyed records and job logs (default: GRAPH.work); it and
#                every path must be on a file system the compute nodes share
#   -t N         at most N extraction tasks at once (sbatch --array=...%N)
#   -s OPTS      more sbatch options for both jobs (partition, account, time limit)
# ag-extract and ag-merge must be on the PATH of the jobs (sbatch exports the
# submitting environment by default). Paths are made absolute before submission.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
usage() { echo "usage: submit.sh [-w WORKDIR] [-t N] [-s SBATCH_OPTS] -o GRAPH SHARD..." >&2; exit 2; }
abs() { case $1 in /*) echo "$1" ;; *) echo "$PWD/$1" ;; esac; }
out='' work='' throttle='' opts=''
while getopts o:w:t:s: c; do
    case $c in
    o) out=$(abs "$OPTARG") ;;
    w) work=$(abs "$OPTARG") ;;
    t) throttle=%$OPTARG ;;
    s) opts=$OPTARG ;;
    *) usage ;;
    esac
done
shift $((OPTIND - 1))
if [ -z "$out" ] || [ $# -eq 0 ]; then usage; fi
work=${work:-$out.work}
mkdir -p "$work/keyed"
rm -f "$work"/keyed/*.keyed
for s in "$@"; do
    [ -e "$s" ] || { echo "submit.sh: $s: no such file or directory" >&2; exit 1; }
    abs "$s"
done >"$work/shards"
n=$#
export AG_SHARDS="$work/shards" AG_KEYED="$work/keyed" AG_OUTPUT="$out" AG_NSHARDS=$n
# shellcheck disable=SC2086 # opts is a list of sbatch options
array=$(sbatch --parsable $opts --chdir="$work" --array="0-$((n - 1))$throttle" \
    "$here/extract-array.sbatch")
array=${array%%;*} # "id;cluster" on federated clusters
# shellcheck disable=SC2086
sbatch --parsable $opts --chdir="$work" --dependency="afterok:$array" --kill-on-invalid-dep=yes \
    "$here/merge.sbatch"
