#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/) with clang in build/fuzz and runs each for a fixed time,
# printing its executions per second and total executions. A crash, a leak, a sanitizer report,
# a timeout or an out-of-memory fails the script, leaving the input in build/fuzz/artifacts/
# (to be saved under tests/data/fuzz-regressions/ with a test: docs/reliability.md).
#
#   scripts/run-fuzzers.sh [SECONDS_PER_TARGET]      (default: 60)
#
# The corpora grow in build/fuzz/corpus/ (the seeds in fuzz/corpus/ are never modified).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
seconds="${1:-60}"
build="$root/build/fuzz"

# libFuzzer ships with clang; Debian splits its runtime into libclang-rt-14-dev.
missing=()
for p in clang-14 libclang-rt-14-dev; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "fuzzers: installing ${missing[*]}" >&2
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

start=$SECONDS
CC=clang-14 CXX=clang++-14 cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DSECCOOP_BUILD_FUZZERS=ON -DSECCOOP_BUILD_TESTS=OFF -DSECCOOP_BUILD_BENCHMARKS=OFF \
  -DSECCOOP_CHECK_INVARIANTS=ON >/dev/null
cmake --build "$build" --target experiment_yaml_fuzzer csv_fuzzer chunk_filter_fuzzer
echo "fuzzers: build: $((SECONDS - start)) s"

mkdir -p "$build/artifacts"
status=0
for target in experiment_yaml csv chunk_filter; do
  corpus="$build/corpus/$target"
  mkdir -p "$corpus"
  log="$build/$target.log"
  # -timeout: an input slower than 10 s is a finding; -rss_limit_mb: so is one needing 2 GB.
  if ! "$build/fuzz/${target}_fuzzer" "$corpus" "$root/fuzz/corpus/$target" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$build/artifacts/${target}-" >"$log" 2>&1; then
    status=1
    echo "fuzzers: $target FAILED; the end of $log:" >&2
    tail -n 40 "$log" >&2
  fi
  runs=$(awk '/stat::number_of_executed_units/ {print $2}' "$log")
  rate=$(awk '/stat::average_exec_per_sec/ {print $2}' "$log")
  echo "fuzzers: $target: ${runs:-?} executions in ${seconds} s (${rate:-?} per second), corpus $(ls "$corpus" | wc -l) inputs"
done
exit "$status"
