"""The figures of the report. Each function draws one figure and saves it as a 150 dpi PNG.

Only matplotlib (Agg backend) and NumPy; data comes through analysis.load and analysis.stats.
"""

import dataclasses
import math
import warnings

import matplotlib

matplotlib.use("Agg")
import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.patches import FancyArrowPatch, Patch  # noqa: E402

from analysis import load, stats  # noqa: E402

DPI = 150
REFERENCE_SCENARIO = "baseline"

plt.rcParams.update({
    "font.size": 9,
    "axes.titlesize": 10,
    "axes.labelsize": 9,
    "legend.fontsize": 8,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.alpha": 0.3,
})


def scenario_colours(names):
    """A stable colour per scenario (tab10 in file order; the reference scenario dark grey)."""
    cycle = plt.get_cmap("tab10").colors
    colours, k = {}, 0
    for name in names:
        if name == REFERENCE_SCENARIO:
            colours[name] = "0.25"
        else:
            colours[name] = cycle[k % len(cycle)] if k != 7 else cycle[8]  # skip tab10's grey
            k += 1
    return colours


def _save(fig, path):
    fig.savefig(path, dpi=DPI)
    plt.close(fig)
    return path


# --- fan charts ----------------------------------------------------------------------------


@dataclasses.dataclass
class Curve:
    """One series of a fan chart: how to get its (run, week) values for a scenario."""

    label: str
    get: object  # callable (ds, scenario) -> DataArray (run, week)
    colour: object = None  # fixed colour (multi-series charts); None: the scenario's colour


@dataclasses.dataclass
class FanSpec:
    stem: str  # file name without extension
    title: str
    ylabel: str
    curves: list
    rolling: int = 1  # weeks in a rolling window (1: the weekly value)
    rolling_how: str = "sum"  # "sum" (e.g. homicides per 4 weeks) or "mean" (per week)
    ylim: tuple = None  # fixed y range, e.g. (0, 1) for trust
    reference: bool = True  # draw the reference scenario's median in each panel (one curve only)
    zero_based: bool = True  # y axis from 0 (False: fit the data, to see small differences)


def fan_data(ds, scenario, curve, rolling=1, how="sum"):
    """(dates, weeks since start, Bands) of one curve in one scenario: the numbers a fan chart
    draws. With ``rolling`` > 1, each run's series is summed (``how="sum"``) or averaged
    (``"mean"``) over its last ``rolling`` weeks before taking quantiles over runs."""
    da = curve.get(ds, scenario)
    values = np.asarray(da.values, dtype=float)
    if rolling > 1:
        values = stats.rolling_sum(values, rolling)
        if how == "mean":
            values = values / rolling
    return np.asarray(da["date"].values), np.asarray(da["weeks_since_start"].values), \
        stats.bands(values)


def _grid(n, width=4.6, height=3.0, extra_height=1.3):
    ncols = min(3, n) if n != 4 else 2
    nrows = math.ceil(n / ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(width * ncols + 0.6, height * nrows + extra_height),
                             sharey=True, squeeze=False)
    return fig, axes.ravel()


def _date_axis(ax):
    locator = mdates.AutoDateLocator(minticks=3, maxticks=6)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))


def _draw_fan(ax, x, bands, colour, label=None):
    ok = ~np.isnan(bands.median)
    if not ok.any():
        return None
    x, lo90, lo50, med, hi50, hi90 = (np.asarray(v)[ok] for v in (
        x, bands.q05, bands.q25, bands.median, bands.q75, bands.q95))
    ax.fill_between(x, lo90, hi90, color=colour, alpha=0.15, linewidth=0)
    ax.fill_between(x, lo50, hi50, color=colour, alpha=0.35, linewidth=0)
    (line,) = ax.plot(x, med, color=colour, linewidth=1.4, label=label, zorder=3)
    return line


def fan_chart(ds, spec, path, time_axis="dates"):
    """Small multiples: one panel per scenario with the median and the 50% and 90% bands of
    the runs; with a single curve, a first panel overlays every scenario's median and each
    panel repeats the reference scenario's median (dashed) for comparison.

    ``time_axis``: "dates" (calendar dates at the end of each week) or "weeks" (weeks since
    each scenario's start, which aligns scenarios that start on different dates).
    """
    scenarios = load.scenario_names(ds)
    colours = scenario_colours(scenarios)
    single = len(spec.curves) == 1
    overview = single and len(scenarios) > 1
    n = len(scenarios) + (1 if overview else 0)
    fig, axes = _grid(n)
    use_dates = time_axis == "dates"
    data = {s: [fan_data(ds, s, c, spec.rolling, spec.rolling_how) for c in spec.curves]
            for s in scenarios}

    def x_of(entry):
        return entry[0] if use_dates else entry[1]

    reference = REFERENCE_SCENARIO if REFERENCE_SCENARIO in scenarios else None
    panels = list(axes)
    if overview:
        ax = panels.pop(0)
        for s in scenarios:
            entry = data[s][0]
            ok = ~np.isnan(entry[2].median)
            ax.plot(x_of(entry)[ok], entry[2].median[ok], color=colours[s], linewidth=1.2,
                    label=s, linestyle="--" if s == reference else "-")
        ax.set_title("all scenarios: medians", fontweight="bold")
        ax.legend(loc="best", fontsize=7, ncol=1 if len(scenarios) <= 5 else 2, framealpha=0.8)
    for ax, s in zip(panels, scenarios):
        runs = data[s][0][2].runs
        if single and spec.reference and reference and s != reference:
            entry = data[reference][0]
            ok = ~np.isnan(entry[2].median)
            ax.plot(x_of(entry)[ok], entry[2].median[ok], color="0.35", linewidth=1.0,
                    linestyle="--")
        for curve, entry in zip(spec.curves, data[s]):
            _draw_fan(ax, x_of(entry), entry[2], curve.colour or colours[s])
        ax.set_title(f"{s}  ({runs} runs)", color=colours[s] if single else "black")
        # Each panel shows its own scenario's span (scenarios may start on different dates).
        x = x_of(data[s][0])
        valid = ~np.isnan(data[s][0][2].median) if not use_dates else ~np.isnat(x)
        if valid.any():
            lo, hi = x[valid][0], x[valid][-1]
            if not use_dates:
                lo = 0
            ax.set_xlim(lo, hi)
    for ax in axes[n:]:
        ax.set_visible(False)
    for i, ax in enumerate(axes[:n]):
        if use_dates:
            _date_axis(ax)
        if i % axes_ncols(axes, fig) == 0:
            ax.set_ylabel(spec.ylabel)
        if spec.ylim:
            ax.set_ylim(*spec.ylim)
        elif spec.zero_based:
            ax.set_ylim(bottom=0)
    # x labels on the bottom row of visible panels
    ncols = axes_ncols(axes, fig)
    for i in range(n):
        if i + ncols >= n:
            axes[i].set_xlabel("date (end of week)" if use_dates else "weeks since scenario start")

    handles = []
    if single:
        handles.append(Line2D([], [], color="0.2", linewidth=1.4, label="median of runs"))
    else:
        handles += [Line2D([], [], color=c.colour, linewidth=1.4, label=f"{c.label} (median)")
                    for c in spec.curves]
    handles += [Patch(color="0.2", alpha=0.35, label="50% of runs"),
                Patch(color="0.2", alpha=0.15, label="90% of runs")]
    if single and spec.reference and reference and len(scenarios) > 1:
        handles.append(Line2D([], [], color="0.35", linestyle="--",
                              label=f"{reference} median (for comparison)"))
    fig.legend(handles=handles, loc="lower center", ncol=len(handles), frameon=False,
               bbox_to_anchor=(0.5, 0.0))
    note = ("calendar dates" if use_dates
            else "x axis: weeks since each scenario's start (scenarios start on different dates)")
    fig.suptitle(f"{spec.title}\nmedian and 50% / 90% bands over replications; {note}",
                 fontsize=11)
    fig.tight_layout(rect=(0, 0.035, 1, 1))
    return _save(fig, path)


def axes_ncols(axes, fig):
    gs = axes[0].get_subplotspec().get_gridspec()
    return gs.ncols


# --- violence by state ---------------------------------------------------------------------


def _by_region(ds, scenario, weeks):
    """homicides_by_region of the scenario's runs over its first ``weeks`` recorded weeks,
    (run, week, region) with regions in the order of the scenario's region codes."""
    runs = load.runs_of(ds, scenario)
    da = runs["homicides_by_region"].transpose("run", "week", "region").isel(week=slice(0, weeks))
    return np.asarray(da.values, dtype=float)


def state_violence(ds, reference):
    """Homicides per year by state, mean over runs (total over the weeks / weeks x 52).

    Returns (codes, names, reference per state over its whole horizon, {scenario: (weeks,
    scenario per state, reference per state over the same weeks since start)}): each scenario
    is compared with the reference over the same weeks since start, the shorter of the two
    horizons, so that a scenario of 52 weeks is set against the reference's first 52 weeks.
    """
    scenarios = load.scenario_names(ds)
    codes = load.axis_names(ds, "region", reference)
    names = load._strings(ds["region_name"].isel(scenario=load.scenario_position(ds, reference))
                          .values)

    def per_year(scenario, weeks):
        scenario_codes = load.axis_names(ds, "region", scenario)
        order = [scenario_codes.index(c) for c in codes]
        values = _by_region(ds, scenario, weeks)[:, :, order]
        per_run = stats.per_year_over_run(np.moveaxis(values, 1, 2))  # (run, region)
        return np.nanmean(per_run, axis=0)

    ref_weeks = load.horizon(ds, reference)
    comparisons = {}
    for s in scenarios:
        if s == reference:
            continue
        weeks = min(load.horizon(ds, s), ref_weeks)
        comparisons[s] = (weeks, per_year(s, weeks), per_year(reference, weeks))
    return codes, names, per_year(reference, ref_weeks), comparisons


def state_violence_chart(ds, path, reference=None):
    """Left: homicides per year by state in the reference scenario (mean over runs). Right:
    every other scenario's change relative to it over the same weeks since start, in percent,
    as a heat map."""
    scenarios = load.scenario_names(ds)
    reference = reference or (REFERENCE_SCENARIO if REFERENCE_SCENARIO in scenarios
                              else scenarios[0])
    codes, names, ref, comparisons = state_violence(ds, reference)
    order = np.argsort(-np.nan_to_num(ref), kind="stable")
    others = list(comparisons)
    labels = [f"{names[i]} ({codes[i]})" for i in order]
    height = 0.24 * len(codes) + 2.4
    if others:
        fig, (ax_bar, ax_map) = plt.subplots(
            1, 2, figsize=(4.0 + 0.85 * len(others) + 3.2, height),
            gridspec_kw={"width_ratios": [2.2, max(2.0, 0.75 * len(others))]}, sharey=True)
    else:
        fig, ax_bar = plt.subplots(figsize=(6, height))
    y = np.arange(len(codes))
    ax_bar.barh(y, ref[order], color="0.45")
    ax_bar.set_yticks(y, labels)
    ax_bar.invert_yaxis()
    ax_bar.set_xlabel("homicides per year")
    ax_bar.set_title(f"{reference}: homicides per year\n(mean over runs, "
                     f"{load.horizon(ds, reference)} weeks)")
    ax_bar.grid(axis="y", visible=False)
    ax_bar.xaxis.set_major_formatter(matplotlib.ticker.StrMethodFormatter("{x:,.0f}"))
    if others:
        with np.errstate(invalid="ignore", divide="ignore"):
            change = np.array([(comparisons[s][1][order] - comparisons[s][2][order])
                               / comparisons[s][2][order] * 100.0 for s in others]).T
        finite = np.abs(change[np.isfinite(change)])
        limit = max(5.0, float(np.percentile(finite, 95))) if finite.size else 5.0
        limit = float(np.ceil(limit / 5.0) * 5.0)
        image = ax_map.imshow(change, aspect="auto", cmap="RdBu_r", vmin=-limit, vmax=limit,
                              interpolation="nearest")
        ref_weeks = load.horizon(ds, reference)
        ax_map.set_xticks(np.arange(len(others)),
                          [s if comparisons[s][0] == ref_weeks
                           else f"{s}\n(first {comparisons[s][0]} weeks)" for s in others],
                          rotation=35, ha="right", rotation_mode="anchor")
        ax_map.tick_params(axis="y", left=False)
        ax_map.grid(False)
        for spine in ax_map.spines.values():
            spine.set_visible(False)
        for (r, c), value in np.ndenumerate(change):
            if np.isfinite(value):
                dark = abs(value) > 0.6 * limit
                ax_map.text(c, r, f"{value:+.0f}", ha="center", va="center", fontsize=6.5,
                            color="white" if dark else "black")
        bar = fig.colorbar(image, ax=ax_map, fraction=0.05, pad=0.02, extend="both")
        bar.set_label(f"change in homicides vs {reference} (%)")
        ax_map.set_title(f"change vs {reference} (%)\nover the same weeks since start")
    fig.suptitle("Homicides by state, per year of each run (total over the run's weeks / weeks "
                 "x 52)", fontsize=10.5)
    fig.tight_layout()
    return _save(fig, path)


# --- trust and coordination graph ----------------------------------------------------------


def _median_at(ds, scenario, variable, row):
    runs = load.runs_of(ds, scenario)
    values = np.asarray(runs[variable].isel(week=row).values, dtype=float)  # (run, edge)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", category=RuntimeWarning)
        return np.nanmedian(values, axis=0)


def graph_data(ds, scenario, week):
    """Median over the scenario's runs, at ``week`` (a week number), of every trust and
    coordination edge. Returns dict with us, mx (actor names), trust [(from, to, value)],
    coordination [(us, mx, value)]."""
    weeks = list(np.asarray(ds["week"].values))
    if week not in weeks:
        raise KeyError(f"week {week} is not recorded (recorded: {weeks[0]}..{weeks[-1]})")
    row = weeks.index(week)
    if row >= load.horizon(ds, scenario):
        raise KeyError(f"week {week} is past the horizon of '{scenario}' "
                       f"({load.horizon(ds, scenario)} recorded weeks)")
    p = load.scenario_position(ds, scenario)
    strings = lambda name: load._strings(ds[name].isel(scenario=p).values)  # noqa: E731
    result = {"trust": [], "coordination": []}
    us, mx = [], []
    if "coordination" in ds.variables:
        cu, cm = strings("coordination_edge_us"), strings("coordination_edge_mx")
        values = _median_at(ds, scenario, "coordination", row)
        for a, b, v in zip(cu, cm, values):
            if a and b:
                result["coordination"].append((a, b, v))
                us += [a] if a not in us else []
                mx += [b] if b not in mx else []
    if "trust" in ds.variables:
        tf, tt = strings("trust_edge_from"), strings("trust_edge_to")
        values = _median_at(ds, scenario, "trust", row)
        for a, b, v in zip(tf, tt, values):
            if a and b:
                result["trust"].append((a, b, v))
    actors = [a for a in strings("actor_name") if a]
    if not us:  # no coordination channels recorded: split the trust graph in two sides
        us = _us_side(actors, [(a, b) for a, b, _ in result["trust"]])
    us = [a for a in actors if a in us]
    mx = [a for a in actors if a not in us]
    result.update(us=us, mx=mx, date=load.dates(ds, scenario)[row])
    return result


US_NAME_HINTS = ("DEA", "FBI", "CBP", "HSI", "DoD", "INL", "Treasury", "US")


def _us_side(actors, edges):
    """Two-colour the (bipartite) trust graph; the side with US-sounding names is the US."""
    side = {}
    for start in actors:
        if start in side:
            continue
        side[start], stack = 0, [start]
        while stack:
            a = stack.pop()
            for f, t in edges:
                for u, v in ((f, t), (t, f)):
                    if u == a and v not in side:
                        side[v] = 1 - side[a]
                        stack.append(v)
    score = [0, 0]
    for a, sd in side.items():
        score[sd] += any(h in a for h in US_NAME_HINTS)
    us_side = 0 if score[0] >= score[1] else 1
    return [a for a in actors if side.get(a) == us_side]


def _positions(us, mx):
    pos = {}
    for names, (a0, a1) in ((us, (115, 245)), (mx, (65, -65))):
        angles = np.radians(np.linspace(a0, a1, len(names))) if len(names) > 1 \
            else np.radians([(a0 + a1) / 2])
        for name, t in zip(names, angles):
            pos[name] = np.array([np.cos(t), np.sin(t)])
    return pos


TRUST_CMAP = "coolwarm_r"  # red: distrust, blue: trust; 0.5 (no evidence either way) grey


def trust_graph_chart(ds, scenario, weeks, path):
    """One panel per week: actors on a circle (US agencies left, Mexican bodies right);
    coordination channels as grey bands (width by kappa); directed trust as curved arrows
    (colour and width by tau, median over runs). Arrows from the US bow downward, arrows from
    Mexico bow upward (matplotlib's arc3 bends to the right of the direction of travel)."""
    panels = []
    skipped = []
    for w in weeks:
        try:
            panels.append((w, graph_data(ds, scenario, w)))
        except KeyError as error:
            skipped.append(f"week {w}: {error.args[0]}")
    if not panels:
        return None, skipped
    cmap = plt.get_cmap(TRUST_CMAP)
    fig, axes = plt.subplots(1, len(panels), figsize=(5.6 * len(panels), 6.4), squeeze=False)
    for ax, (w, g) in zip(axes[0], panels):
        pos = _positions(g["us"], g["mx"])
        for a, b, v in g["coordination"]:
            if np.isfinite(v) and a in pos and b in pos:
                (x0, y0), (x1, y1) = pos[a], pos[b]
                ax.plot([x0, x1], [y0, y1], color="0.6", alpha=0.22,
                        linewidth=0.3 + 9.0 * v, solid_capstyle="round", zorder=1)
        # weakest first, so that strong ties are drawn on top
        for a, b, v in sorted(g["trust"], key=lambda e: (np.nan_to_num(e[2]), e[0], e[1])):
            if not (np.isfinite(v) and a in pos and b in pos):
                continue
            tau = float(np.clip(v, 0, 1))
            arrow = FancyArrowPatch(pos[a], pos[b], connectionstyle="arc3,rad=0.18",
                                    arrowstyle="-|>", mutation_scale=6 + 8 * tau,
                                    color=cmap(tau), linewidth=0.25 + 2.6 * tau ** 1.5,
                                    alpha=0.45 + 0.5 * tau, shrinkA=9, shrinkB=9, zorder=2)
            ax.add_patch(arrow)
        for side, colour, names in (("us", "#1f3c88", g["us"]), ("mx", "#146c2e", g["mx"])):
            for name in names:
                x, y = pos[name]
                ax.scatter([x], [y], s=150, color=colour, zorder=3, edgecolor="white",
                           linewidth=1.2)
                ax.text(x * 1.1, y * 1.1, name, ha="right" if side == "us" else "left",
                        va="center", fontsize=9, zorder=4, color=colour)
        ax.text(-1.0, 1.22, "United States", ha="center", fontsize=10.5, color="#1f3c88",
                fontweight="bold")
        ax.text(1.0, 1.22, "Mexico", ha="center", fontsize=10.5, color="#146c2e",
                fontweight="bold")
        trust_us = np.nanmean([v for a, b, v in g["trust"] if a in g["us"]] or [np.nan])
        trust_mx = np.nanmean([v for a, b, v in g["trust"] if a in g["mx"]] or [np.nan])
        kappa = np.nanmean([v for *_, v in g["coordination"]] or [np.nan])
        ax.set_title(f"week {w}, ending {g['date']}\nmean trust: US in Mexico {trust_us:.2f}, "
                     f"Mexico in US {trust_mx:.2f}\nmean coordination κ {kappa:.2f}",
                     fontsize=9.5)
        ax.set_xlim(-1.75, 1.75)
        ax.set_ylim(-1.15, 1.32)
        ax.set_aspect("equal")
        ax.axis("off")
    fig.subplots_adjust(left=0.01, right=0.99, top=0.86, bottom=0.2, wspace=0.02)
    mappable = matplotlib.cm.ScalarMappable(norm=matplotlib.colors.Normalize(0, 1), cmap=cmap)
    cax = fig.add_axes([0.08, 0.11, 0.5, 0.025])
    cax.grid(False)
    bar = fig.colorbar(mappable, cax=cax, orientation="horizontal")
    bar.set_label("trust τ of the arrow's tail in its head (median over runs; 0.5 = no "
                  "evidence either way)")
    handles = [Line2D([], [], color="0.6", alpha=0.4, linewidth=0.3 + 9.0 * k,
                      label=f"coordination κ = {k:g}") for k in (0.1, 0.5, 1.0)]
    fig.legend(handles=handles, loc="lower left", bbox_to_anchor=(0.64, 0.04), frameon=False,
               fontsize=8.5, title="channel US agency–Mexican body", title_fontsize=8.5)
    fig.text(0.08, 0.02, "Arrows from US agencies bow downward, arrows from Mexican bodies "
             "bow upward; wider and darker = more trust.", fontsize=8.5)
    fig.suptitle(f"Trust and coordination between state actors, scenario {scenario} "
                 f"(median of {load.runs_of(ds, scenario).sizes['run']} runs)", fontsize=11.5)
    return _save(fig, path), skipped


# --- sensitivity ---------------------------------------------------------------------------


def sobol_chart(results, scenario, path):
    """``results``: list of (outcome label, Indices). One panel per outcome: first-order and
    total indices per parameter with their bootstrap intervals."""
    n = len(results)
    k = len(results[0][1].paths)
    ncols = min(n, 2)
    nrows = math.ceil(n / ncols)
    label_width = max(len(p) for p in results[0][1].paths) * 0.065
    fig, axes = plt.subplots(nrows, ncols, figsize=(4.6 * ncols + label_width + 0.6,
                                                    (0.5 * k + 1.3) * nrows + 1.2),
                             sharey=True, squeeze=False)
    y = np.arange(k)
    flat = axes.ravel()
    for ax, (label, ind) in zip(flat, results):
        for offset, value, low, high, colour, name in (
                (-0.18, ind.first_order, ind.first_order_low, ind.first_order_high, "#1f77b4",
                 "first order S_i (alone)"),
                (0.18, ind.total, ind.total_low, ind.total_high, "#d62728",
                 "total ST_i (alone and in interactions)")):
            err = np.array([value - low, high - value])
            err = np.where(np.isfinite(err), np.maximum(err, 0), 0)
            ax.barh(y + offset, value, height=0.34, color=colour, alpha=0.85, label=name,
                    xerr=err, error_kw={"elinewidth": 0.9, "capsize": 2})
        ax.axvline(0, color="0.3", linewidth=0.8)
        ax.axvline(1, color="0.6", linewidth=0.6, linestyle=":")
        ax.set_title(label, fontsize=9.5)
        ax.set_xlabel("share of the output's variance")
        ax.grid(axis="y", visible=False)
    flat[0].set_yticks(y, results[0][1].paths)
    flat[0].invert_yaxis()  # shared: once for all panels
    for ax in flat[n:]:
        ax.set_visible(False)
    handles, labels = flat[0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="lower center", ncol=2, frameon=False)
    fig.suptitle(f"Sobol sensitivity indices, scenario {scenario}: "
                 f"N = {results[0][1].base_samples} base samples, "
                 "outcome per sweep point = mean over its replicates\n"
                 "error bars: 95% bootstrap intervals; wide intervals mean too few samples",
                 fontsize=10)
    fig.tight_layout(rect=(0, 0.06, 1, 1))
    return _save(fig, path)
