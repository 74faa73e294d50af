"""Open a seccoop results file and take series out of it, with their dates.

A results file (docs/results.md) holds runs along ``run``; each run belongs to a scenario
(``run_scenario``, ``scenario_index``), a sweep point (``sweep_point``) and a replicate. Weekly
series are ``(run, week, ...)``; ``date(scenario, week)`` gives the ISO date at the end of each
week, empty past a scenario's horizon (where the series are NaN).

    from analysis import load
    ds = load.completed_runs(load.open_results("results/seccoop-brief.h5"))
    h = load.series(ds, "homicides", "baseline")          # DataArray (run, week)
    h.date                                                 # datetime64 per week
    sin = load.series(ds, "homicides_by_region", "baseline", region="SIN")
"""

import numpy as np
import xarray as xr

#: Variables along ``run`` that identify a run; anything else 1-D along ``run`` is data.
RUN_IDENTIFIERS = (
    "run",
    "run_scenario",
    "scenario_index",
    "sweep_point",
    "replicate",
    "seed",
    "wall_time",
    "status",
    "completed",
)


def open_results(path):
    """The results file as a lazily loaded xarray Dataset (engine h5netcdf).

    Works on a finished file and on an interrupted job's ``.partial`` file (then keep only
    completed runs with :func:`completed_runs`).
    """
    return xr.open_dataset(path, engine="h5netcdf")


def completed_runs(ds):
    """The runs whose ``completed`` flag is 1 (all of them in a finished file)."""
    if "completed" not in ds.variables:
        return ds
    done = np.asarray(ds["completed"].values) == 1
    return ds.isel(run=np.flatnonzero(done))


def has_weeks(ds):
    """True when the file holds weekly series (not a ``summaries_only`` file)."""
    return "week" in ds.dims


def scenario_names(ds):
    """Names of the scenarios that have runs in ``ds``, in the file's scenario order."""
    present = set(_strings(ds["run_scenario"].values))
    return [name for name in _strings(ds["scenario"].values) if name in present]


def scenario_position(ds, scenario):
    """Index of ``scenario`` along the ``scenario`` dimension."""
    names = _strings(ds["scenario"].values)
    if scenario not in names:
        raise KeyError(f"no scenario '{scenario}' in this file (it has: {', '.join(names)})")
    return names.index(scenario)


def runs_of(ds, scenario, sweep_point=None):
    """The runs of one scenario (and, when given, one sweep point)."""
    mask = np.asarray(_strings(ds["run_scenario"].values)) == scenario
    if sweep_point is not None:
        mask &= np.asarray(ds["sweep_point"].values) == sweep_point
    return ds.isel(run=np.flatnonzero(mask))


def dates(ds, scenario):
    """datetime64[D] date at the end of each recorded week of ``scenario`` (NaT past its horizon)."""
    raw = _strings(ds["date"].isel(scenario=scenario_position(ds, scenario)).values)
    return np.array([np.datetime64(d, "D") if d else np.datetime64("NaT", "D") for d in raw])


def horizon(ds, scenario):
    """Number of recorded weeks (rows along ``week``) within the scenario's horizon."""
    return int(np.count_nonzero(~np.isnat(dates(ds, scenario))))


def start_date(ds, scenario):
    """The scenario's start date (week w ends 7 w days after it)."""
    first = dates(ds, scenario)[0]
    return first - np.timedelta64(7 * int(ds["week"].values[0]), "D")


def common_start(ds):
    """True when every scenario with runs starts on the same date."""
    return len({start_date(ds, s) for s in scenario_names(ds)}) <= 1


def week_stride(ds):
    """Weeks between recorded weeks (1 when every week is recorded)."""
    weeks = np.asarray(ds["week"].values)
    return int(weeks[1] - weeks[0]) if weeks.size > 1 else 1


def axis_names(ds, axis, scenario):
    """Names along an axis in a scenario: region codes, actor names, mode names, cartel names."""
    variable = {
        "region": "region_code",
        "actor": "actor_name",
        "mode": "mode_name",
        "cartel": "cartel_name",
    }[axis]
    return _strings(ds[variable].isel(scenario=scenario_position(ds, scenario)).values)


def axis_index(ds, axis, scenario, name):
    """Index along ``axis`` of the named slot (e.g. region "SIN", mode "joint")."""
    names = axis_names(ds, axis, scenario)
    if name not in names:
        raise KeyError(f"no {axis} '{name}' in scenario '{scenario}' (it has: {', '.join(names)})")
    return names.index(name)


def series(ds, name, scenario, *, sweep_point=None, region=None, mode=None, actor=None,
           reduce="auto"):
    """One weekly series of one scenario as a DataArray ``(run, week)``.

    - ``region``/``mode``/``actor``: pick one slot by name (region code, mode name, actor name);
    - other axes (cartel, region, edges...) are reduced: ``reduce="sum"`` or ``"mean"``; the
      default "auto" sums quantities and averages dimensionless indices (units "1"), as
      ``seccoop summarize`` does, skipping NaN slots;
    - weeks past the scenario's horizon are dropped;
    - coordinates: ``date`` (datetime64 at the end of each week) and ``weeks_since_start``.
    """
    if not has_weeks(ds):
        raise ValueError("this file holds no weekly series (recorded with summaries_only)")
    runs = runs_of(ds, scenario, sweep_point)
    da = runs[name]
    picks = {"region": region, "mode": mode, "actor": actor}
    for axis, pick in picks.items():
        if pick is not None:
            if axis not in da.dims:
                raise ValueError(f"'{name}' has no {axis} axis")
            da = da.isel({axis: axis_index(ds, axis, scenario, pick)})
    extra = [d for d in da.dims if d not in ("run", "week")]
    if extra:
        how = reduce
        if how == "auto":
            how = "mean" if da.attrs.get("units") == "1" else "sum"
        attrs = da.attrs
        if how == "sum":
            da = da.sum(extra, skipna=True, min_count=1)
        elif how == "mean":
            da = da.mean(extra, skipna=True)
        else:
            raise ValueError(f"reduce must be 'auto', 'sum' or 'mean', not {reduce!r}")
        da.attrs = attrs
    da = da.transpose("run", "week")
    rows = horizon(ds, scenario)
    da = da.isel(week=slice(0, rows))
    da = da.assign_coords(
        date=("week", dates(ds, scenario)[:rows]),
        weeks_since_start=("week", np.asarray(ds["week"].values[:rows])),
    )
    if "time" in da.coords:
        da = da.drop_vars("time")
    return da


def _strings(values):
    """Decoded Python strings from an array of netCDF strings (bytes or str)."""
    return [v.decode() if isinstance(v, bytes) else str(v) for v in np.ravel(values)]
