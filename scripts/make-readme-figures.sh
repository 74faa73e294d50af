#!/usr/bin/env bash
# Regenerates the README's figures (docs/figures/brief-*.png) from the built-in brief experiment.
#
#   scripts/make-readme-figures.sh [--rerun] [RESULTS.h5]
#
# RESULTS.h5 defaults to results/seccoop-brief.h5. An existing file is reused; when it is
# missing (or with --rerun) the brief experiment is run into it with `seccoop run --force`.
# The executable is $SECCOOP, else build/release/app/seccoop (built with scripts/setup.sh
# release when missing). Plots with Debian's /usr/bin/python3 (python3-xarray, python3-h5netcdf,
# python3-matplotlib); see analysis/README.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

rerun=0
results=""
for arg in "$@"; do
  case "$arg" in
    --rerun) rerun=1 ;;
    -h|--help) sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "make-readme-figures: unknown option $arg" >&2; exit 2 ;;
    *) results="$arg" ;;
  esac
done
results="${results:-$root/results/seccoop-brief.h5}"

if [ "$rerun" -eq 1 ] || [ ! -f "$results" ]; then
  exe="${SECCOOP:-$root/build/release/app/seccoop}"
  if [ ! -x "$exe" ]; then
    echo "make-readme-figures: no $exe; building it (scripts/setup.sh release)" >&2
    "$root/scripts/setup.sh" release
  fi
  mkdir -p "$(dirname "$results")"
  echo "make-readme-figures: running the brief experiment into $results" >&2
  "$exe" run -o "$results" --force --quiet
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cd "$root"
/usr/bin/python3 -m analysis.report "$results" -o "$tmp" --time-axis dates \
  --only fans,states >/dev/null

mkdir -p "$root/docs/figures"
cp "$tmp/fan_homicides.png" "$root/docs/figures/brief-homicides.png"
cp "$tmp/fan_trust.png" "$root/docs/figures/brief-trust.png"
cp "$tmp/violence_by_state.png" "$root/docs/figures/brief-violence-by-state.png"
echo "make-readme-figures: wrote docs/figures/brief-homicides.png, brief-trust.png," \
  "brief-violence-by-state.png (from $results)"
