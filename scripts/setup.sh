#!/usr/bin/env bash
# Installs seccoop's build and test dependencies from Debian 12 packages and builds it.
# Safe to run any number of times: apt skips what is installed, CMake rebuilds what changed.
#
#   scripts/setup.sh [PRESET]     PRESET is a CMake preset (default: release)
set -euo pipefail
preset="${1:-release}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

packages=(
  build-essential cmake ninja-build git pkg-config
  libboost-graph-dev libtbb-dev libyaml-cpp-dev libhdf5-dev hdf5-tools
  librandom123-dev libcli11-dev libfmt-dev libdeflate-dev libisal-dev libgtest-dev libbenchmark-dev
  python3 python3-numpy python3-xarray python3-h5netcdf python3-netcdf4 netcdf-bin
  python3-matplotlib python3-scipy python3-h5py
  # Clusters (docs/cluster.md): MPI for `run --mpi` (the dev preset builds with it), and a
  # private one-node Slurm that tests/cluster/slurm_array_test.sh starts for its job array.
  libopenmpi-dev openmpi-bin slurm-wlm munge
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${#missing[@]} Debian packages: ${missing[*]}" >&2
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

cd "$root"
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset"
