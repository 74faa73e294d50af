"""Sobol sensitivity indices from a sobol sweep (Saltelli design), with bootstrap intervals.

The engine's design (sim/experiment/sweep_design.hpp) interleaves the points per base sample
j = 0..N-1: A_j, B_j, AB^(1)_j, ..., AB^(k)_j, i.e. point index j*(k+2) + m with m = 0 for A,
1 for B and 1 + i for AB^(i) (axis i = 1..k; AB^(i) is A with column i taken from B).

Estimators (those of sim/experiment/sensitivity.cpp):
    V    = variance (divisor 2N) of the 2N outputs at A and B
    S_i  = mean_j f(B_j) (f(AB^(i)_j) - f(A_j)) / V           (Saltelli et al. 2010)
    ST_i = mean_j (f(A_j) - f(AB^(i)_j))^2 / (2 V)             (Jansen 1999)
By default the outputs are first centred on the mean of the A and B outputs (as SALib does).
That leaves ST_i unchanged and S_i's expectation too (E f(AB^(i)) = E f(A)), but removes the
noise S_i gets from an output whose mean is large against its spread (fentanyl flows of
70,000 kg a year varying by 1%); ``center=False`` gives the engine's numbers exactly.
Intervals: percentile bootstrap over base samples (a resample keeps each j's A, B and AB rows
together).
"""

import dataclasses
import re

import numpy as np

from analysis import load


@dataclasses.dataclass
class Indices:
    """Sensitivity indices per swept parameter (arrays of length k)."""

    paths: list
    first_order: np.ndarray
    first_order_low: np.ndarray
    first_order_high: np.ndarray
    total: np.ndarray
    total_low: np.ndarray
    total_high: np.ndarray
    base_samples: int


def _estimate(a, b, ab, center=True):
    """S_i and ST_i for outputs a (..., N), b (..., N), ab (..., N, k)."""
    both = np.concatenate([a, b], axis=-1)
    if center:
        mean = both.mean(axis=-1, keepdims=True)
        a, b, ab, both = a - mean, b - mean, ab - mean[..., None], both - mean
    variance = both.var(axis=-1)  # divisor 2N
    with np.errstate(invalid="ignore", divide="ignore"):
        first = np.mean(b[..., None] * (ab - a[..., None]), axis=-2) / variance[..., None]
        total = np.mean((a[..., None] - ab) ** 2, axis=-2) / (2.0 * variance[..., None])
    bad = ~(variance > 0)
    first[bad] = np.nan
    total[bad] = np.nan
    return first, total


def sobol_indices(outputs, axis_count, paths=None, resamples=1000, confidence=0.95, seed=0,
                  center=True):
    """Indices from one output per design point, in design order (length N * (k + 2))."""
    outputs = np.asarray(outputs, dtype=float)
    k = int(axis_count)
    if outputs.ndim != 1 or outputs.size % (k + 2) != 0 or outputs.size == 0:
        raise ValueError(f"a sobol design over {k} parameters has N*(k+2) points; got "
                         f"{outputs.size} outputs")
    n = outputs.size // (k + 2)
    table = outputs.reshape(n, k + 2)
    a, b, ab = table[:, 0], table[:, 1], table[:, 2:]
    first, total = _estimate(a, b, ab, center)
    low_first = high_first = low_total = high_total = np.full(k, np.nan)
    if resamples > 0:
        rng = np.random.default_rng(seed)
        rows = rng.integers(0, n, size=(resamples, n))
        first_r, total_r = _estimate(a[rows], b[rows], ab[rows], center)
        tail = (1.0 - confidence) / 2.0
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore", category=RuntimeWarning)
            low_first, high_first = np.nanquantile(first_r, [tail, 1 - tail], axis=0)
            low_total, high_total = np.nanquantile(total_r, [tail, 1 - tail], axis=0)
    return Indices(paths=list(paths) if paths is not None else [f"x{i + 1}" for i in range(k)],
                   first_order=first, first_order_low=low_first, first_order_high=high_first,
                   total=total, total_low=low_total, total_high=high_total, base_samples=n)


# --- reading the design of a results file -------------------------------------------------


@dataclasses.dataclass
class Design:
    method: str
    paths: list  # swept parameter paths, in design (axis) order
    variables: dict  # path -> name of the file's per-run variable holding its value (if any)
    points: int  # number of sweep points


def _yaml_sweep(text):
    """(method, [parameter paths]) of the top-level ``sweep:`` block of the stored experiment
    YAML, read line by line (Debian's Python has no YAML parser among our dependencies; the
    engine writes block style). None when there is no sweep."""
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if re.match(r"^sweep:\s*(#.*)?$", line)), None)
    if start is None:
        return None
    block = []
    for line in lines[start + 1:]:
        if line.strip() and not line.startswith((" ", "\t", "#")):
            break
        block.append(line)
    method = None
    paths = []
    params_indent = None
    child_indent = None
    for line in block:
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        indent = len(line) - len(line.lstrip())
        if params_indent is not None and indent > params_indent:
            if child_indent is None:
                child_indent = indent
            if indent == child_indent:
                m = re.match(r"\s*([^\s:#{][^:]*?|\"[^\"]+\"|'[^']+')\s*:", line)
                if m:
                    paths.append(m.group(1).strip("\"'"))
            continue
        params_indent = None
        m = re.match(r"\s*method:\s*([A-Za-z_]+)", line)
        if m and method is None:
            method = m.group(1)
        m = re.match(r"(\s*)parameters:\s*(\{.*\})?\s*(#.*)?$", line)
        if m:
            if m.group(2):  # flow style: {a.b: {...}, c.d: {...}}
                paths += re.findall(r"[{,]\s*([A-Za-z_][\w.]*)\s*:\s*[{\[]", m.group(2))
            else:
                params_indent = len(m.group(1))
    return method, paths


def _swept_variables(ds):
    """Per-run numeric variables that are neither identifiers nor per-run summaries (seccoop
    names them by the parameter path, long_name "swept parameter: ...")."""
    found = []
    for name, var in ds.data_vars.items():
        if var.dims != ("run",) or name in load.RUN_IDENTIFIERS:
            continue
        if name.endswith(("_final", "_mean")) or not np.issubdtype(var.dtype, np.number):
            continue
        found.append(name)
    return found


def _variable_for(path, candidates, ds):
    sanitized = re.sub(r"\W", "_", path)
    for name in candidates:
        attrs = {str(v) for v in ds[name].attrs.values() if isinstance(v, str)}
        if name in (path, sanitized) or name.endswith(sanitized) or path in attrs:
            return name
    return None


def read_design(ds):
    """The sweep design of a results file, or (None, reason) when it has no sobol sweep.

    seccoop records a sweep in the global attributes ``sweep_method`` ("none", "grid", "list",
    "lhs" or "sobol"), ``sweep_base_samples`` and ``sweep_parameters`` (the swept paths in axis
    order, space separated), and each run's swept values in one variable along ``run`` per
    parameter, named by its path. Files without those attributes fall back on the stored
    experiment YAML's ``sweep:`` block.
    """
    if "sweep_point" not in ds.variables:
        return None, "the file has no sweep_point variable"
    points = int(np.max(ds["sweep_point"].values)) + 1 if ds.sizes.get("run", 0) else 0
    method = ds.attrs.get("sweep_method")
    paths = str(ds.attrs.get("sweep_parameters", "")).split()
    if method is None or not paths:
        parsed = _yaml_sweep(ds.attrs.get("experiment_yaml", ""))
        if parsed is not None:
            method = method or parsed[0]
            paths = paths or parsed[1]
    candidates = _swept_variables(ds)
    variables = {p: _variable_for(p, candidates, ds) for p in paths}
    if method in (None, "none") and points <= 1:
        return None, "the file has no sweep (sweep_method: none)"
    if method != "sobol":
        return None, f"the sweep is not a sobol design (sweep_method: {method or 'not recorded'})"
    if not paths:
        return None, "the sobol sweep's parameters are not recorded in the file"
    base = ds.attrs.get("sweep_base_samples")
    if base is not None and int(base) > 0:
        points = max(points, int(base) * (len(paths) + 2))
    if points % (len(paths) + 2) != 0:
        return None, (f"{points} sweep points do not form a sobol design over {len(paths)} "
                      f"parameters (N*(k+2) points)")
    return Design(method=method, paths=paths, variables=variables, points=points), None


def check_design(ds, design):
    """Where the swept values are in the file, check the interleaved Saltelli structure:
    AB^(i)_j equals A_j except parameter i, which is B_j's. Returns a list of problems."""
    k = len(design.paths)
    problems = []
    if not all(design.variables.values()):
        return problems
    point_of = np.asarray(ds["sweep_point"].values)
    values = np.full((design.points, k), np.nan)
    for i, path in enumerate(design.paths):
        v = np.asarray(ds[design.variables[path]].values, dtype=float)
        values[point_of, i] = v
    table = values.reshape(-1, k + 2, k)
    for i in range(k):
        ab, a, b = table[:, 2 + i, :], table[:, 0, :], table[:, 1, :]
        expected = a.copy()
        expected[:, i] = b[:, i]
        if not np.allclose(ab, expected, equal_nan=True):
            problems.append(f"AB^({i + 1}) rows are not A with '{design.paths[i]}' from B")
    return problems
