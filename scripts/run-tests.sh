#!/usr/bin/env bash
# Quick start: install dependencies (Debian 12), build in developer mode (warnings are errors),
# and run the whole test suite (SECCOOP_SANITIZERS=1: also under the sanitizers).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/setup.sh" dev
cd "$root"
# The packages behind the netCDF compatibility checks are installed above: never skip them.
export SECCOOP_REQUIRE_NETCDF_CHECK=1
ctest --preset dev -j "$(nproc)"
# Then, when asked (CI asks), the suite under ASan+UBSan and the threaded tests under TSan.
if [[ "${SECCOOP_SANITIZERS:-0}" == 1 ]]; then
  "$root/scripts/run-sanitizers.sh"
fi
