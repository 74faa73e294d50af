#!/usr/bin/env bash
# Measures seccoop's performance and writes the measured table of docs/performance.md (between
# its benchmark-table markers) and docs/figures/scaling.png.
#
#   scripts/run-benchmarks.sh
#
# 1. Builds Release (no -march: figures must hold for any build) into build/perf.
# 2. Runs the Google Benchmark suite with repetitions; the table quotes medians.
# 3. Times whole processes with /usr/bin/time -v: `seccoop run` of the baseline on 1 and
#    2 threads, alternating so that both see the same machine load, and the peak RSS of
#    sweeps of growing length (memory must not grow with the number of runs), up to 1,000,000
#    runs of the baseline cut to 2 weeks (the same variables and one chunk per run for the
#    weekly series, so the file's chunk indexes grow per run as in a full sweep: about 5
#    minutes and a 2 GB temporary file for the million).
#
# Environment: BUILD_DIR (build/perf), REPETITIONS (5), PROCESS_REPETITIONS (3), TIME_RUNS
# (200), MEMORY_RUNS ("200 2000 6000"), LONG_MEMORY_RUNS ("1000 10000 100000 1000000"). The
# machine is usually shared, so ratios measured side by side mean more than absolute times; the
# load average is recorded.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${BUILD_DIR:-$root/build/perf}"
repetitions="${REPETITIONS:-5}"
process_repetitions="${PROCESS_REPETITIONS:-3}"
time_runs="${TIME_RUNS:-200}"
read -r -a memory_runs <<<"${MEMORY_RUNS:-200 2000 6000}"
read -r -a long_memory_runs <<<"${LONG_MEMORY_RUNS:-1000 10000 100000 1000000}"
python=/usr/bin/python3

launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
CCACHE_BASEDIR="$(dirname "$root")" cmake -S "$root" -B "$build" -G Ninja \
  -DCMAKE_BUILD_TYPE=Release -DSECCOOP_BUILD_BENCHMARKS=ON -DSECCOOP_BUILD_TESTS=ON \
  "${launcher[@]}" >/dev/null
CCACHE_BASEDIR="$(dirname "$root")" cmake --build "$build" --target seccoop_benchmarks seccoop

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"

echo "run-benchmarks: Google Benchmark suite, $repetitions repetitions" >&2
"$build/benchmarks/seccoop_benchmarks" --benchmark_repetitions="$repetitions" \
  --benchmark_report_aggregates_only=true --benchmark_out="$work/benchmarks.json" \
  --benchmark_out_format=json

# One `seccoop run` of RUNS runs of SCENARIO (the baseline) on THREADS threads: prints a JSON
# object.
measure() {
  local runs="$1" threads="$2" scenario="${3:-$root/configs/scenarios/baseline.yaml}"
  /usr/bin/time -v -o "$work/time.txt" "$build/app/seccoop" run \
    "$scenario" --replications "$runs" -o "$work/sweep.h5" \
    --threads "$threads" --quiet --force
  awk -v runs="$runs" -v threads="$threads" -F': ' '
    /Elapsed \(wall clock\)/ {  # m:ss.ss or h:mm:ss
      n = split($2, t, ":"); wall = t[n] + 60 * t[n - 1] + (n == 3 ? 3600 * t[1] : 0)
    }
    /User time \(seconds\)|System time \(seconds\)/ { cpu += $2 }
    /Maximum resident set size/ { rss = $2 }
    END {
      printf "{\"runs\": %d, \"threads\": %d, \"wall_s\": %.3f, \"cpu_s\": %.3f, \"rss_kib\": %d}",
        runs, threads, wall, cpu, rss
    }
  ' "$work/time.txt"
}

echo "run-benchmarks: whole processes, $time_runs runs on 1 and 2 threads" >&2
records=()
for ((i = 0; i < process_repetitions; ++i)); do
  records+=("$(measure "$time_runs" 1)" "$(measure "$time_runs" 2)")
done
echo "run-benchmarks: peak memory, ${memory_runs[*]} runs on 2 threads" >&2
for runs in "${memory_runs[@]}"; do
  [ "$runs" = "$time_runs" ] || records+=("$(measure "$runs" 2)")
done
cat >"$work/short.yaml" <<EOF
schema_version: 1
name: baseline-2-weeks
description: the baseline cut to 2 weeks, for the memory of long sweeps
extends: $root/configs/scenarios/baseline.yaml
weeks: 2
EOF
echo "run-benchmarks: peak memory, ${long_memory_runs[*]} runs of 2 weeks on 2 threads" >&2
long_records=()
for runs in "${long_memory_runs[@]}"; do
  long_records+=("$(measure "$runs" 2 "$work/short.yaml")")
done

compiler="$(sed -n 's/^CMAKE_CXX_COMPILER:[A-Z]*=//p' "$build/CMakeCache.txt")"
revision="$(git -C "$root" rev-parse --short HEAD)"
git -C "$root" diff --quiet HEAD -- agents sim app benchmarks || revision+="+changes"
cat >"$work/process.json" <<EOF
{
  "repetitions": $repetitions,
  "process_repetitions": $process_repetitions,
  "time_runs": $time_runs,
  "memory_runs": [$(IFS=,; echo "${memory_runs[*]}")],
  "runs": [$(IFS=,; echo "${records[*]}")],
  "long_runs": [$(IFS=,; echo "${long_records[*]}")],
  "machine": {
    "date": "$(date -u +%Y-%m-%d)",
    "revision": "$revision",
    "nproc": $(nproc),
    "cpu": "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)",
    "compiler": "$("$compiler" --version | head -1)",
    "benchmark": "$(dpkg-query -W -f='${Version}' libbenchmark-dev 2>/dev/null || echo unknown)",
    "load_before": "$load_before",
    "load_after": "$(cut -d' ' -f1-3 /proc/loadavg)"
  }
}
EOF

mkdir -p "$root/docs/figures"
"$python" "$root/scripts/benchmark_report.py" "$work/benchmarks.json" "$work/process.json" \
  "$root/docs/performance.md" "$root/docs/figures/scaling.png"
cp "$work/benchmarks.json" "$work/process.json" "$build/"
echo "run-benchmarks: wrote docs/performance.md and docs/figures/scaling.png" \
  "(raw results in $build/benchmarks.json and process.json)" >&2
