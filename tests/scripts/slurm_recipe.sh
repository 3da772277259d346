#!/bin/sh
# slurm_recipe.sh - the Slurm recipe of examples/slurm run on a one-node Slurm cluster
# started here: munged with its own key and socket, slurmctld and slurmd for this host
# with state in a temporary directory (proctrack/linuxproc and task/none: no cgroups,
# no systemd). submit.sh submits an sbatch array of ag-extract --emit-keyed over shards
# of a generated Zipf corpus and an afterok merge job; the merged graph must equal one
# ag-extract run byte for byte. The daemons are stopped on exit.
# Usage: slurm_recipe.sh BIN_DIR. Skips (77), saying why, only where the daemons cannot
# start: not root, Slurm or munge not installed, or a daemon that does not come up.
set -u
bin=$(cd "$1" && pwd) || exit 1
src=${AG_SOURCE:-$(cd "$(dirname "$0")/../.." && pwd)}
export PATH="$bin:$PATH:/usr/sbin:/sbin" LC_ALL=C
skip() { echo "skipped: $*"; exit 77; }
[ "$(id -u)" -eq 0 ] || skip "a one-node Slurm cluster needs root (slurmd runs jobs as their user)"
for t in munged mungekey slurmctld slurmd sbatch scontrol sinfo squeue hostname; do
    command -v $t >/dev/null || skip "$t is absent (Debian: munge slurmctld slurmd slurm-client)"
done

tmp=$(mktemp -d) || exit 1
pids=
stop() {
    # Daemons first (by the pids this script started), then their files.
    for p in $pids; do kill "$p" 2>/dev/null; done
    for p in $pids; do
        i=0
        while kill -0 "$p" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
        kill -9 "$p" 2>/dev/null
    done
    rm -rf "$tmp"
}
trap stop EXIT
trap 'exit 1' INT TERM HUP
chmod 755 "$tmp"
mkdir -p "$tmp/munge" "$tmp/state" "$tmp/spool" "$tmp/log" "$tmp/run" || exit 1
log() { # the daemons' logs, when something went wrong
    for f in "$tmp"/log/*; do echo "--- $f"; tail -n 20 "$f"; done
}
# Wait up to $1 tenths of a second for the command after it to succeed.
wait_for() {
    n=$1
    shift
    while ! "$@" >/dev/null 2>&1; do
        [ "$n" -gt 0 ] || return 1
        sleep 0.1
        n=$((n - 1))
    done
}

# munge: a fresh key; munged's socket directory must exist (and be searchable: slurmd
# and the clients connect as root, but munged checks the permissions anyway).
mungekey -c -k "$tmp/munge/munge.key" 2>"$tmp/log/mungekey.log" || skip "mungekey failed"
sock=$tmp/munge/munge.socket
munged -F -f --key-file="$tmp/munge/munge.key" --socket="$sock" --pid-file="$tmp/run/munged.pid" \
    --seed-file="$tmp/munge/seed" --log-file="$tmp/log/munged.log" 2>>"$tmp/log/munged.err" &
pids="$!"
wait_for 50 test -S "$sock" || { log; skip "munged did not start"; }

# A port pair of our own, so that two runs (or a real slurmd) do not collide.
port=$((20000 + $$ % 20000))
host=$(hostname -s)
cat >"$tmp/slurm.conf" <<EOF
ClusterName=agtest
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$port
SlurmdPort=$((port + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$sock
CredType=cred/munge
StateSaveLocation=$tmp/state
SlurmdSpoolDir=$tmp/spool
SlurmctldPidFile=$tmp/run/slurmctld.pid
SlurmdPidFile=$tmp/run/slurmd.pid
SlurmctldLogFile=$tmp/log/slurmctld.log
SlurmdLogFile=$tmp/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
SchedulerType=sched/backfill
SchedulerParameters=sched_interval=1
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
NodeName=$host NodeAddr=127.0.0.1 CPUs=$(nproc) State=UNKNOWN
PartitionName=ag Nodes=$host Default=YES MaxTime=10 State=UP
EOF
export SLURM_CONF="$tmp/slurm.conf"
slurmctld -D -i -c -f "$SLURM_CONF" 2>>"$tmp/log/slurmctld.err" &
pids="$pids $!"
wait_for 100 scontrol ping || { log; skip "slurmctld did not start"; }
slurmd -D -N "$host" -f "$SLURM_CONF" 2>>"$tmp/log/slurmd.err" &
pids="$pids $!"
idle() { sinfo -h -o %t | grep -q idle; }
wait_for 150 idle || { log; skip "slurmd did not register with slurmctld"; }

# The corpus: a Zipf feed of 600 articles in 5 shards.
cd "$tmp" || exit 1
python3 "$src/bench/gen-news.py" --zipf feed.jsonl --count 600 --actors 3000 --clusters 40 ||
    exit 1
ag-extract -q -o single.json feed.jsonl || exit 1
mkdir shards && split -n l/5 -d --additional-suffix=.jsonl feed.jsonl shards/part || exit 1

job=$(sh "$src/examples/slurm/submit.sh" -o "$tmp/merged.json" -w "$tmp/work" \
    shards/part*.jsonl) || { log; echo "FAIL: submit.sh failed"; exit 1; }
# Poll the merge job: its final state, or a timeout (jobs stay known for MinJobAge).
state=
i=0
while [ $i -lt 90 ]; do
    state=$(scontrol show job -o "$job" 2>/dev/null | sed -n 's/.*JobState=\([A-Z_]*\).*/\1/p')
    case $state in
    COMPLETED | FAILED | CANCELLED | TIMEOUT | NODE_FAIL | OUT_OF_MEMORY | BOOT_FAIL | DEADLINE) break ;;
    esac
    sleep 1
    i=$((i + 1))
done
if [ "$state" != COMPLETED ]; then
    echo "FAIL: merge job $job: ${state:-unknown} after ${i}s"
    squeue 2>&1
    cat "$tmp"/work/slurm-*.out 2>/dev/null
    log
    exit 1
fi
n=$(find work/keyed -name "*.keyed" | wc -l)
[ "$n" -eq 5 ] || { echo "FAIL: $n keyed shards, expected 5"; exit 1; }
if cmp -s single.json merged.json; then
    echo "ok: the Slurm array + afterok merge equals a single run ($n shards, ${i}s)"
else
    echo "FAIL: the Slurm recipe's graph differs from a single run"
    exit 1
fi
