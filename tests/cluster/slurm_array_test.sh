#!/usr/bin/env bash
# A real Slurm job array on a one-node cluster started here: munged, slurmctld and slurmd run
# from a temporary directory (their own key, sockets, ports, spool and logs: nothing of the
# machine's configuration is read or changed), a 3-task array job runs `seccoop run`, each task
# taking its shard from SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT, a job that depends on it
# (afterok) runs `seccoop merge`, and the merged file must hold, bit for bit, the data of a
# single-process run. The daemons are stopped on every exit; on failure their logs are shown.
#
#   tests/cluster/slurm_array_test.sh SECCOOP_EXECUTABLE EXPERIMENT.yaml
#
# Needs root (slurmd starts jobs as their user; exits 77, skipped, otherwise), slurm-wlm, munge
# and python3-h5py (scripts/setup.sh installs them; as root, a missing one is a failure).
set -euo pipefail

seccoop="$(realpath "$1")"
experiment="$(realpath "$2")"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
timeout_seconds="${SECCOOP_SLURM_TIMEOUT:-180}"
started=$SECONDS

[ "$(id -u)" -eq 0 ] || { echo "SKIP: a private Slurm needs root"; exit 77; }
for tool in munged mungekey slurmctld slurmd sbatch scontrol scancel squeue /usr/bin/python3; do
  command -v "$tool" >/dev/null || { echo "FAIL: $tool is not installed (run scripts/setup.sh)"; exit 1; }
done

work="$(mktemp -d /tmp/seccoop-slurm-XXXXXX)"
chmod 0755 "$work"  # munged refuses world-writable directories; jobs read the experiment
mkdir -p "$work/munge" "$work/state" "$work/spool" "$work/log" "$work/jobs"
chmod 0755 "$work/munge"  # clients need to reach the socket; the key itself is 0400
pids=()

show_logs() {
  for log in "$work"/log/*.log "$work"/jobs/*.out; do
    [ -f "$log" ] || continue
    echo "----- $log (last 40 lines)"
    tail -n 40 "$log"
  done
}

cleanup() {
  local status=$?
  set +e
  if [ -n "${SLURM_CONF:-}" ] && [ -f "$SLURM_CONF" ]; then
    scancel --quiet --user=root >/dev/null 2>&1
    for _ in $(seq 1 20); do  # let slurmd end the jobs' processes before it stops
      [ -z "$(squeue --noheader 2>/dev/null)" ] && break
      sleep 0.5
    done
  fi
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do kill "${pids[i]}" 2>/dev/null; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
  done
  if [ "$status" -ne 0 ] && [ "$status" -ne 77 ]; then show_logs; fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

fail() { echo "FAIL: $*" >&2; exit 1; }

free_port() {
  /usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# --- munge: a key of our own, a socket in the work directory
mungekey --create --keyfile="$work/munge/munge.key" --force >/dev/null
chmod 0400 "$work/munge/munge.key"
munged --foreground --force --key-file="$work/munge/munge.key" \
  --socket="$work/munge/munge.socket" --pid-file="$work/munge/munged.pid" \
  --seed-file="$work/munge/munged.seed" --log-file="$work/log/munged.log" \
  >"$work/log/munged.stdout.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 50); do [ -S "$work/munge/munge.socket" ] && break; sleep 0.1; done
[ -S "$work/munge/munge.socket" ] || fail "munged did not start"

# --- Slurm: one node, "localhost", with 2 CPUs; no accounting, no cgroups
ctld_port="$(free_port)"
slurmd_port="$(free_port)"
[ "$ctld_port" != "$slurmd_port" ] || slurmd_port="$(free_port)"
export SLURM_CONF="$work/slurm.conf"
cat >"$SLURM_CONF" <<EOF
ClusterName=seccooptest
SlurmctldHost=localhost
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$work/munge/munge.socket
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/log/slurmctld.log
SlurmdLogFile=$work/log/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/builtin
MpiDefault=none
SwitchType=switch/none
ReturnToService=2
MinJobAge=600
SlurmdParameters=config_overrides
PlugStackConfig=$work/plugstack.conf
NodeName=localhost NodeAddr=127.0.0.1 CPUs=2 State=UNKNOWN
PartitionName=test Nodes=localhost Default=YES MaxTime=INFINITE State=UP
EOF
: >"$work/plugstack.conf"

slurmctld -D -i -f "$SLURM_CONF" >"$work/log/slurmctld.stdout.log" 2>&1 &
pids+=($!)
slurmd -D -N localhost -f "$SLURM_CONF" >"$work/log/slurmd.stdout.log" 2>&1 &
pids+=($!)

node_ready=""
for _ in $(seq 1 60); do
  state="$(scontrol show node localhost 2>/dev/null | sed -n 's/.*State=\([A-Z+_]*\).*/\1/p' | head -n1)"
  case "$state" in IDLE* | MIXED* | ALLOCATED*) node_ready=1; break ;; esac
  sleep 0.5
done
[ -n "$node_ready" ] || fail "the Slurm node did not come up (state: '${state:-none}')"
echo "slurm: node up after $((SECONDS - started)) s"

# --- the jobs: a 3-task array, then a merge that waits for all of it to succeed
cd "$work/jobs"
cat >array.sbatch <<EOF
#!/bin/bash
#SBATCH --job-name=seccoop-shards
#SBATCH --array=0-2
#SBATCH --cpus-per-task=1
#SBATCH --output=$work/jobs/shard-%A_%a.out
# The shard comes from SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT, the thread count from
# SLURM_CPUS_PER_TASK.
exec "$seccoop" run "$experiment" --quiet -o "shard_\${SLURM_ARRAY_TASK_ID}.h5"
EOF
cat >merge.sbatch <<EOF
#!/bin/bash
#SBATCH --job-name=seccoop-merge
#SBATCH --output=$work/jobs/merge-%j.out
exec "$seccoop" merge shard_*.h5 -o merged.h5
EOF
array_job="$(sbatch --parsable --chdir="$work/jobs" array.sbatch)" \
  || fail "sbatch of the array job failed"
merge_job="$(sbatch --parsable --chdir="$work/jobs" --dependency=afterok:"$array_job" merge.sbatch)" \
  || fail "sbatch of the merge job failed"
echo "slurm: submitted array job $array_job (3 tasks) and merge job $merge_job (afterok)"

job_state() {
  scontrol show job "$1" 2>/dev/null | sed -n 's/.*JobState=\([A-Z_]*\).*/\1/p' | head -n1
}
deadline=$((SECONDS + timeout_seconds))
while :; do
  state="$(job_state "$merge_job")"
  case "$state" in
    COMPLETED) break ;;
    FAILED | CANCELLED | TIMEOUT | NODE_FAIL | OUT_OF_MEMORY | BOOT_FAIL | DEADLINE | PREEMPTED)
      scontrol show job "$array_job" >&2 || true
      fail "the merge job ended $state" ;;
  esac
  if [ "$(job_state "${array_job}_0")" = FAILED ] || [ "$(job_state "${array_job}_1")" = FAILED ] ||
    [ "$(job_state "${array_job}_2")" = FAILED ]; then
    fail "an array task failed"
  fi
  [ "$SECONDS" -lt "$deadline" ] || fail "the jobs did not finish within ${timeout_seconds} s (merge job: ${state:-unknown})"
  sleep 1
done
echo "slurm: jobs done after $((SECONDS - started)) s"

# --- the merged file equals a single-process run
"$seccoop" run "$experiment" --quiet --shard 0/1 --threads 2 -o "$work/jobs/single.h5" \
  || fail "the single-process run failed"
/usr/bin/python3 "$here/compare_results.py" "$work/jobs/single.h5" "$work/jobs/merged.h5" \
  || fail "the merged file differs from the single-process run"
echo "PASS: Slurm array (3 shards) + afterok merge == single-process run, in $((SECONDS - started)) s"
