"""Statistics over replications: the numbers behind the figures.

Arrays are ``(run, week)`` NumPy arrays (or DataArrays from analysis.load.series); NaN marks
weeks past a run's horizon and is skipped.
"""

import dataclasses
import warnings

import numpy as np

#: Quantiles of the fan charts: 90% band, 50% band, median.
QUANTILES = (0.05, 0.25, 0.5, 0.75, 0.95)


@dataclasses.dataclass
class Bands:
    """Per-week statistics over runs: what a fan chart draws."""

    q05: np.ndarray
    q25: np.ndarray
    median: np.ndarray
    q75: np.ndarray
    q95: np.ndarray
    mean: np.ndarray
    runs: int  # number of runs the statistics are over


def bands(values):
    """Median, 50% and 90% bands and mean over runs (axis 0) of a ``(run, week)`` array."""
    values = np.asarray(values, dtype=float)
    if values.ndim != 2:
        raise ValueError(f"expected a (run, week) array, got shape {values.shape}")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", category=RuntimeWarning)  # all-NaN weeks stay NaN
        q = np.nanquantile(values, QUANTILES, axis=0)
        mean = np.nanmean(values, axis=0)
    return Bands(q05=q[0], q25=q[1], median=q[2], q75=q[3], q95=q[4], mean=mean,
                 runs=values.shape[0])


def rolling_sum(values, window):
    """Sum over the last ``window`` weeks (axis 1), NaN until a full window is available."""
    values = np.asarray(values, dtype=float)
    out = np.full(values.shape, np.nan)
    if window < 1:
        raise ValueError("window must be at least 1")
    if values.shape[1] < window:
        return out
    cumulative = np.cumsum(values, axis=1)
    out[:, window - 1] = cumulative[:, window - 1]
    out[:, window:] = cumulative[:, window:] - cumulative[:, :-window]
    return out


def last_recorded_index(values):
    """Per run (axis 0): index of the last week whose value is not NaN (-1 when none)."""
    values = np.asarray(values, dtype=float)
    recorded = ~np.isnan(values)
    last = values.shape[1] - 1 - np.argmax(recorded[:, ::-1], axis=1)
    return np.where(recorded.any(axis=1), last, -1)


def final_values(values):
    """Per run: the value in its last recorded week (``seccoop summarize``'s ``<series>_final``)."""
    values = np.asarray(values, dtype=float)
    last = last_recorded_index(values)
    out = np.full(values.shape[0], np.nan)
    ok = last >= 0
    out[ok] = values[np.flatnonzero(ok), last[ok]]
    return out


def per_year_last_52_weeks(values, weeks):
    """Per run: mean weekly value over the recorded weeks within the run's last 52 weeks,
    times 52 (``seccoop summarize``'s ``homicides_per_year_last_52_weeks``)."""
    values = np.asarray(values, dtype=float)
    weeks = np.asarray(weeks, dtype=float)
    last = last_recorded_index(values)
    out = np.full(values.shape[0], np.nan)
    for r, end in enumerate(last):
        if end < 0:
            continue
        window = (weeks <= weeks[end]) & (weeks > weeks[end] - 52)
        out[r] = np.mean(values[r, window]) * 52.0
    return out


def per_year_over_run(values):
    """Per run: total over the recorded weeks of the run, per 52 weeks (so that scenarios of
    different horizons compare). Every week must be recorded (week stride 1)."""
    values = np.asarray(values, dtype=float)
    weeks = np.count_nonzero(~np.isnan(values), axis=-1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.nansum(values, axis=-1) / weeks * 52.0


def mean_with_95_interval(values):
    """Mean and 95% interval of the mean (Student t) over runs, as ``seccoop summarize``
    reports it (no interval from a single run)."""
    values = np.asarray(values, dtype=float)
    values = values[~np.isnan(values)]
    n = values.size
    if n == 0:
        return np.nan, np.nan, np.nan
    mean = float(values.mean())
    if n == 1:
        return mean, np.nan, np.nan
    from scipy import stats as scipy_stats  # only needed here

    half = scipy_stats.t.ppf(0.975, n - 1) * values.std(ddof=1) / np.sqrt(n)
    return mean, mean - half, mean + half
