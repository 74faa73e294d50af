#!/usr/bin/env bash
# Quick start: install dependencies (Debian 12), build in developer mode (warnings are errors),
# and run the whole test suite.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/setup.sh" dev
cd "$root"
# The packages behind the netCDF compatibility checks are installed above: never skip them.
export SECCOOP_REQUIRE_NETCDF_CHECK=1
exec ctest --preset dev -j "$(nproc)"
