#!/usr/bin/env bash
# Quick start: install dependencies (Debian 12), build, and run the built-in experiment.
# The results file lands in results/seccoop-brief.h5 (replaced on each run).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/setup.sh" release
mkdir -p "$root/results"
exec "$root/build/release/app/seccoop" run -o "$root/results/seccoop-brief.h5" --force "$@"
