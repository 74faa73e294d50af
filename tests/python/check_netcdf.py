#!/usr/bin/python3
"""Checks that a seccoop results file opens as netCDF-4 in the tools researchers use.

Usage: /usr/bin/python3 tests/python/check_netcdf.py FILE

FILE is the sample written by tests/sim/io/results_test_support.cpp (change both together).
Opens it with xarray (engines "h5netcdf" and "netcdf4"), with netCDF4-python and with
`ncdump`, and asserts named dimensions (no phony_dim), sizes, values, types and attributes.

Exit codes: 0 all checks pass, 1 a check failed, 77 a tool is missing (the C++ test skips).
Run it with Debian's /usr/bin/python3, where python3-xarray, python3-h5netcdf and
python3-netcdf4 are installed.
"""

import shutil
import subprocess
import sys
import traceback

TOOL_MISSING = 77

try:
    import netCDF4
    import numpy as np
    import xarray as xr
    import h5netcdf  # noqa: F401  (xarray imports it lazily; fail early and clearly)
except ImportError as error:
    print(f"cannot check netCDF compatibility: {error}")
    sys.exit(TOOL_MISSING)

RUNS, WEEKS, CARTELS = 3, 5, 3
SEED_BASE = 0x7FFF_FFFF_FFFF_FF00
SCENARIOS = ["baseline", "sin cooperación", "joint ops"]
DATES = ["2025-01-06", "2025-01-13", "2025-01-20", "2025-01-27", "2025-02-03"]
CARTEL_NAMES = ["CJNG", "Sinaloa", "Golfo"]
DIMENSIONS = {
    "run": ("run",),
    "week": ("week",),
    "cartel": ("cartel",),
    "date": ("week",),
    "cartel_name": ("cartel",),
    "members": ("run", "week", "cartel"),
    "seed": ("run",),
    "scenario": ("run",),
    "completed": ("run",),
}
GLOBAL_TEXT = {
    "Conventions": "CF-1.8",
    "title": "seccoop io test",
    "place": "Ciudad Juárez",
    "empty_text": "",
}


def expected_members():
    run, week, cartel = np.meshgrid(
        np.arange(RUNS), np.arange(WEEKS), np.arange(CARTELS), indexing="ij"
    )
    return 1000.0 * run + 10.0 * week + cartel + 0.25


def check_dataset(ds, engine):
    where = f"[xarray engine={engine}]"
    phony = [name for name in ds.dims if str(name).startswith("phony_dim")]
    assert not phony, f"{where} phony dimensions {phony}"
    assert dict(ds.sizes) == {"run": RUNS, "week": WEEKS, "cartel": CARTELS}, (
        f"{where} sizes {dict(ds.sizes)}"
    )
    for name, dims in DIMENSIONS.items():
        assert name in ds.variables, f"{where} missing variable {name}"
        variable = ds.variables[name]
        assert variable.dims == dims, f"{where} {name} dims {variable.dims}, want {dims}"
        for attribute in ("units", "long_name"):
            value = variable.attrs.get(attribute)
            assert isinstance(value, str) and value, f"{where} {name}.{attribute} = {value!r}"
    for coordinate in ("run", "week", "cartel"):
        assert coordinate in ds.indexes, f"{where} {coordinate} is not an index coordinate"

    assert ds.members.dtype == np.float64, f"{where} members dtype {ds.members.dtype}"
    np.testing.assert_array_equal(ds.members.values, expected_members(), err_msg=where)
    assert ds.seed.dtype == np.int64, f"{where} seed dtype {ds.seed.dtype}"
    assert ds.seed.values.tolist() == [SEED_BASE + r for r in range(RUNS)], where
    assert ds.completed.dtype == np.int8, f"{where} completed dtype {ds.completed.dtype}"
    assert ds.completed.values.tolist() == [1] * RUNS, where
    flags = np.asarray(ds.completed.attrs["flag_values"])
    assert flags.tolist() == [0, 1] and flags.dtype == np.int8, f"{where} flag_values {flags!r}"
    assert ds.completed.attrs["flag_meanings"] == "incomplete complete", where
    assert ds.scenario.values.tolist() == SCENARIOS, f"{where} {ds.scenario.values}"
    assert ds.date.values.tolist() == DATES, f"{where} {ds.date.values}"
    assert ds.cartel_name.values.tolist() == CARTEL_NAMES, where
    assert ds.week.values.tolist() == list(range(WEEKS)), where

    for name, value in GLOBAL_TEXT.items():
        assert ds.attrs.get(name) == value, f"{where} :{name} = {ds.attrs.get(name)!r}"
    assert len(ds.attrs["experiment_yaml"]) == 100_000, where
    assert ds.attrs["weeks_per_year"] == 52.1775, where
    assert int(ds.attrs["master_seed"]) == 20250106, where
    assert np.asarray(ds.attrs["sweep_lower_bounds"]).tolist() == [0.5, 1.5], where
    assert np.asarray(ds.attrs["shard"]).tolist() == [1, 4], where


def check_compression(path):
    with netCDF4.Dataset(path) as nc:
        assert nc.data_model == "NETCDF4", nc.data_model
        assert nc.dimensions["run"].isunlimited(), "run is not unlimited"
        assert not nc.dimensions["week"].isunlimited(), "week is unlimited"
        filters = nc.variables["members"].filters()
        assert filters["zlib"] and filters["shuffle"] and filters["complevel"] == 1, filters
        chunks = nc.variables["members"].chunking()
        assert chunks[1:] == [WEEKS, CARTELS], f"members chunks {chunks}: a run is split"


def check_ncdump(path):
    ncdump = shutil.which("ncdump")
    if ncdump is None:
        print("cannot check with ncdump: not installed (Debian package netcdf-bin)")
        sys.exit(TOOL_MISSING)
    header = subprocess.run([ncdump, "-h", path], capture_output=True, text=True)
    assert header.returncode == 0, f"ncdump -h failed:\n{header.stderr}"
    text = header.stdout
    for expected in (
        f"run = UNLIMITED ; // ({RUNS} currently)",
        f"week = {WEEKS} ;",
        f"cartel = {CARTELS} ;",
        "double members(run, week, cartel) ;",
        "int64 seed(run) ;",
        "byte completed(run) ;",
        "string scenario(run) ;",
        "string date(week) ;",
        'members:units = "people" ;',
        ':Conventions = "CF-1.8" ;',  # text attribute, not "string :Conventions"
    ):
        assert expected in text, f"ncdump -h lacks {expected!r}:\n{text}"
    assert "phony_dim" not in text, f"ncdump -h shows phony dimensions:\n{text}"
    data = subprocess.run([ncdump, "-v", "scenario,date", path], capture_output=True, text=True)
    assert data.returncode == 0, f"ncdump -v failed:\n{data.stderr}"
    assert '"sin cooperación"' in data.stdout, data.stdout


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    path = sys.argv[1]
    try:
        for engine in ("h5netcdf", "netcdf4"):
            with xr.open_dataset(path, engine=engine) as ds:
                check_dataset(ds, engine)
        check_compression(path)
        check_ncdump(path)
    except AssertionError as error:
        print(f"{path}: netCDF compatibility check failed: {error}")
        return 1
    except Exception:  # a reader refusing the file is a failure too, with its traceback
        traceback.print_exc()
        print(f"{path}: a netCDF reader failed on the file")
        return 1
    print(f"{path}: opens as netCDF-4 with xarray (h5netcdf, netcdf4), netCDF4 and ncdump")
    return 0


if __name__ == "__main__":
    sys.exit(main())
