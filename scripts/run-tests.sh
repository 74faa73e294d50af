#!/usr/bin/env bash
# Quick start: install dependencies (Debian 12), build in developer mode (warnings are errors),
# and run the whole test suite.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/setup.sh" dev
cd "$root"
exec ctest --preset dev -j "$(nproc)"
