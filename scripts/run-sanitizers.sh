#!/usr/bin/env bash
# Builds seccoop with AddressSanitizer + UndefinedBehaviorSanitizer and with ThreadSanitizer
# (CMake presets asan and tsan, in build/asan and build/tsan) and runs tests under them.
#
#   scripts/run-sanitizers.sh [asan|tsan|all]      (default: all)
#
# ASan+UBSan: the whole C++ suite (the tests also run the instrumented `seccoop`), except
#   SobolSweep (a 1024-point design: 105 s under ASan, the code of the other sweep tests), the
#   Python test (an uninstrumented interpreter; it checks plots, not memory) and the tests
#   labelled `cluster` (a local Slurm: daemons and ports, shards and merge are tested without).
# TSan: the threaded tests: the run pipeline and nested blocks in-process, a run's results
#   across thread counts, and nested parallelism in a large world.
# Measured on 2 busy cores (docs/reliability.md): ASan build 4 min + tests 2-3.5 min; TSan
# build 3.5 min + tests 10 s. Dependencies come from scripts/setup.sh (run-tests.sh runs it first).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
which="${1:-all}"
suppressions="$root/tests/sanitizers"

# The options reach every instrumented process, the `seccoop` the tests start included.
export ASAN_OPTIONS="detect_leaks=1:detect_stack_use_after_return=1:check_initialization_order=1:strict_string_checks=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:suppressions=$suppressions/tsan.supp"

# Runs a step, printing how long it took (for the CI time budget) and whether it failed; a
# failure is remembered, so that both sanitizers run before the script fails.
status=0
timed() {
  local label="$1" start=$SECONDS
  shift
  if "$@"; then
    echo "sanitizers: $label: $((SECONDS - start)) s"
  else
    echo "sanitizers: $label FAILED after $((SECONDS - start)) s" >&2
    status=1
  fi
}

build() {
  cmake --preset "$1" >/dev/null
  cmake --build --preset "$1"
}

if [[ "$which" == asan || "$which" == all ]]; then
  timed "asan build" build asan
  timed "asan tests" ctest --preset asan -j "$(nproc)" -E '^(python_analysis|SobolSweep\.)' -LE cluster
fi
if [[ "$which" == tsan || "$which" == all ]]; then
  timed "tsan build" build tsan
  timed "tsan tests" ctest --preset tsan -j "$(nproc)" \
    -R '^(RunPipeline\.|ParallelBlocks\.|NestedParallelism\.|RunCommand\.SameSeed)'
fi
exit "$status"
