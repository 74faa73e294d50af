"""Checks that a seccoop results file opens in xarray (both netCDF engines) as documented.

Usage: /usr/bin/python3 tests/python/check_results.py RESULTS.h5
Exits non-zero with a message on the first failed check.
"""
import sys

import numpy as np
import xarray as xr


def check(path):
    for engine in ("h5netcdf", "netcdf4"):
        ds = xr.open_dataset(path, engine=engine)
        assert not any(d.startswith("phony_dim") for d in ds.sizes), ds.sizes
        assert ds.members.dims == ("run", "week", "cartel"), ds.members.dims
        assert ds.homicides.dims == ("run", "week"), ds.homicides.dims
        raw = xr.open_dataset(path, engine=engine, decode_times=False)
        for name, var in raw.variables.items():
            assert "units" in var.attrs and "long_name" in var.attrs, name
        raw.close()
        assert (ds.completed == 1).all(), "every run completed"
        assert np.issubdtype(ds.time.dtype, np.datetime64), ds.time.dtype
        total = ds.members.sum("cartel")
        assert float(total.isel(week=0).min()) > 100000, float(total.isel(week=0).min())
        assert "experiment_yaml" in ds.attrs and "source_revision" in ds.attrs
        ds.close()
    print(f"ok: {path}")


if __name__ == "__main__":
    check(sys.argv[1])
