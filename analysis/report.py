"""Write the standard figures of a seccoop results file.

    /usr/bin/python3 -m analysis.report RESULTS.h5 -o DIR [--weeks 1,52,208]
        [--graph-scenarios baseline,...] [--time-axis auto|dates|weeks|both]
        [--reference baseline] [--only fans,states,graph,sobol]

Figures (150 dpi PNG), for the completed runs of the file:

- fan_homicides.png, fan_homicides_sinaloa.png, fan_fentanyl_flow.png, fan_trust.png,
  fan_operations.png: per scenario, median and 50% / 90% bands over replications on dates
  (plus a ``*_weeks.png`` twin on "weeks since start" when scenarios start on different dates);
- violence_by_state.png: homicides per year by state in the reference scenario and every other
  scenario's change relative to it;
- trust_graph_<scenario>.png: the trust / coordination graph at the chosen weeks;
- sobol_<scenario>.png and sobol_indices.csv: Sobol indices, when the file holds a sobol sweep.
"""

import argparse
import csv
import os
import sys

import numpy as np

from analysis import load, plots, sobol, stats


def _has(ds, *names):
    return all(n in ds.variables for n in names)


def fan_specs(ds):
    """The fan charts this file supports, and messages for those it does not."""
    specs, skipped = [], []
    stride = load.week_stride(ds)
    rolling = 4 if stride == 1 else 1
    per = "per 4 weeks" if rolling == 4 else f"per week (every {stride}th week recorded)"
    rolling_note = ", rolling 4-week sum (about a month)" if rolling == 4 else ""
    if _has(ds, "homicides"):
        specs.append(plots.FanSpec(
            "fan_homicides", f"Homicides in Mexico{rolling_note}", f"homicides {per}",
            [plots.Curve("homicides", lambda d, s: load.series(d, "homicides", s))],
            rolling=rolling))
    else:
        skipped.append("fan_homicides: no 'homicides' in the file")
    if _has(ds, "homicides_by_region", "region_code") and all(
            "SIN" in load.axis_names(ds, "region", s) for s in load.scenario_names(ds)):
        specs.append(plots.FanSpec(
            "fan_homicides_sinaloa", f"Homicides in Sinaloa (SIN){rolling_note}",
            f"homicides {per}",
            [plots.Curve("Sinaloa", lambda d, s: load.series(d, "homicides_by_region", s,
                                                             region="SIN"))],
            rolling=rolling))
    else:
        skipped.append("fan_homicides_sinaloa: no homicides_by_region with region SIN")
    if _has(ds, "fentanyl_flow_kg"):
        specs.append(plots.FanSpec(
            "fan_fentanyl_flow", "Fentanyl reaching the US market", "kg per week",
            [plots.Curve("fentanyl", lambda d, s: load.series(d, "fentanyl_flow_kg", s))],
            zero_based=False))
    else:
        skipped.append("fan_fentanyl_flow: no 'fentanyl_flow_kg' in the file")
    if _has(ds, "trust_mx_in_us", "trust_us_in_mx"):
        specs.append(plots.FanSpec(
            "fan_trust", "Trust between US agencies and Mexican bodies (mean over trust edges)",
            "trust τ (0 = none, 1 = full)",
            [plots.Curve("Mexico's trust in the US",
                         lambda d, s: load.series(d, "trust_mx_in_us", s), "#1b9e77"),
             plots.Curve("US trust in Mexico",
                         lambda d, s: load.series(d, "trust_us_in_mx", s), "#3b5bdb")],
            ylim=(0, 1)))
    else:
        skipped.append("fan_trust: no trust_mx_in_us / trust_us_in_mx in the file")
    if _has(ds, "operations", "mode_name"):
        specs.append(plots.FanSpec(
            "fan_operations", "Operations: joint (US with Mexico) versus unilateral (US alone)",
            "operational effort per week" + (" (4-week average)" if rolling == 4 else ""),
            [plots.Curve("joint", lambda d, s: load.series(d, "operations", s, mode="joint"),
                         "#7048e8"),
             plots.Curve("unilateral",
                         lambda d, s: load.series(d, "operations", s, mode="unilateral"),
                         "#e03131")],
            rolling=rolling, rolling_how="mean"))
    else:
        skipped.append("fan_operations: no 'operations' by mode in the file")
    return specs, skipped


# --- sobol ---------------------------------------------------------------------------------

SOBOL_OUTCOMES = (
    # (label, weekly series, how to reduce a run to one number)
    ("homicides per year, last 52 weeks", "homicides", "per_year"),
    ("fentanyl reaching the US, kg per year, last 52 weeks", "fentanyl_flow_kg", "per_year"),
    ("Mexico's trust in the US, final week", "trust_mx_in_us", "final"),
    ("US trust in Mexico, final week", "trust_us_in_mx", "final"),
)


def run_outcomes(ds, scenario, variable, kind):
    """One number per run of ``scenario`` (weekly series, or the per-run summaries of a
    summaries_only file), with the runs' sweep points."""
    runs = load.runs_of(ds, scenario)
    points = np.asarray(runs["sweep_point"].values)
    if load.has_weeks(ds) and variable in ds.variables:
        da = load.series(ds, variable, scenario)
        values = np.asarray(da.values, dtype=float)
        if kind == "per_year":
            return points, stats.per_year_last_52_weeks(values, da["weeks_since_start"].values)
        return points, stats.final_values(values)
    summary = f"{variable}_mean" if kind == "per_year" else f"{variable}_final"
    if summary in ds.variables:
        values = np.asarray(runs[summary].values, dtype=float)
        if values.ndim > 1:
            values = np.nansum(values, axis=tuple(range(1, values.ndim)))
        return points, values * (52.0 if kind == "per_year" else 1.0)
    return None, None


def sobol_report(ds, outdir, resamples=1000, seed=0):
    """Figures and a CSV of Sobol indices, or ([], [reason]) when there is no sobol sweep."""
    design, reason = sobol.read_design(ds)
    if design is None:
        return [], [f"sobol: skipped ({reason})"]
    messages = [f"sobol: {p}" for p in sobol.check_design(ds, design)]
    k = len(design.paths)
    written = []
    rows = []
    for scenario in load.scenario_names(ds):
        results = []
        for label, variable, kind in SOBOL_OUTCOMES:
            points, values = run_outcomes(ds, scenario, variable, kind)
            if points is None:
                continue
            per_point = np.full(design.points, np.nan)
            for p in range(design.points):
                chosen = values[points == p]
                if chosen.size and not np.all(np.isnan(chosen)):
                    per_point[p] = np.nanmean(chosen)
            if np.isnan(per_point).any():
                messages.append(f"sobol: {scenario}, {label}: "
                                f"{int(np.isnan(per_point).sum())} sweep points without "
                                "completed runs; skipped")
                continue
            ind = sobol.sobol_indices(per_point, k, design.paths, resamples=resamples, seed=seed)
            results.append((label, ind))
            for i, path in enumerate(design.paths):
                rows.append([scenario, label, path, ind.first_order[i], ind.first_order_low[i],
                             ind.first_order_high[i], ind.total[i], ind.total_low[i],
                             ind.total_high[i], ind.base_samples])
        if results:
            written.append(plots.sobol_chart(results, scenario,
                                             os.path.join(outdir, f"sobol_{_safe(scenario)}.png")))
    if rows:
        path = os.path.join(outdir, "sobol_indices.csv")
        with open(path, "w", newline="") as f:
            out = csv.writer(f)
            out.writerow(["scenario", "outcome", "parameter", "first_order", "first_order_ci_low",
                          "first_order_ci_high", "total", "total_ci_low", "total_ci_high",
                          "base_samples"])
            out.writerows(rows)
        written.append(path)
    return written, messages


def _safe(name):
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in name)


# --- the report ----------------------------------------------------------------------------

PARTS = ("fans", "states", "graph", "sobol")


def make_report(path, outdir, weeks=(1, 52, 208), graph_scenarios=None, time_axis="auto",
                reference=None, only=PARTS, log=print):
    """Writes the figures; returns the list of files written."""
    os.makedirs(outdir, exist_ok=True)
    ds = load.completed_runs(load.open_results(path))
    if ds.sizes.get("run", 0) == 0:
        raise SystemExit(f"{path}: no completed runs")
    scenarios = load.scenario_names(ds)
    if reference:
        if reference not in scenarios:
            raise SystemExit(f"--reference {reference}: not a scenario of the file "
                             f"({', '.join(scenarios)})")
        plots.REFERENCE_SCENARIO = reference
    written = []
    weekly = load.has_weeks(ds)
    if not weekly:
        log("fans, states, graph: skipped (the file holds no weekly series: summaries_only)")
    if weekly and "fans" in only:
        if time_axis == "auto":
            views = ["dates"] if load.common_start(ds) else ["dates", "weeks"]
        elif time_axis == "both":
            views = ["dates", "weeks"]
        else:
            views = [time_axis]
        if len(views) == 2 and time_axis == "auto":
            log("scenarios start on different dates: fan charts on dates and, as *_weeks.png, "
                "on weeks since start")
        specs, skipped = fan_specs(ds)
        for message in skipped:
            log(message)
        for spec in specs:
            for view in views:
                suffix = "_weeks" if view == "weeks" and len(views) == 2 else ""
                written.append(plots.fan_chart(
                    ds, spec, os.path.join(outdir, f"{spec.stem}{suffix}.png"), time_axis=view))
    if weekly and "states" in only:
        if _has(ds, "homicides_by_region", "region_code") and load.week_stride(ds) == 1:
            written.append(plots.state_violence_chart(
                ds, os.path.join(outdir, "violence_by_state.png"), plots.REFERENCE_SCENARIO
                if plots.REFERENCE_SCENARIO in scenarios else scenarios[0]))
        else:
            log("violence_by_state: skipped (needs homicides_by_region recorded every week)")
    if weekly and "graph" in only:
        if _has(ds, "trust", "trust_edge_from", "trust_edge_to", "actor_name"):
            chosen = graph_scenarios or [plots.REFERENCE_SCENARIO
                                         if plots.REFERENCE_SCENARIO in scenarios
                                         else scenarios[0]]
            for s in chosen:
                if s not in scenarios:
                    log(f"trust graph: no scenario '{s}' (the file has: {', '.join(scenarios)})")
                    continue
                figure, skipped = plots.trust_graph_chart(
                    ds, s, list(weeks), os.path.join(outdir, f"trust_graph_{_safe(s)}.png"))
                for message in skipped:
                    log(f"trust graph {s}: {message}")
                if figure:
                    written.append(figure)
        else:
            log("trust graph: skipped (no trust edges in the file)")
    if "sobol" in only:
        files, messages = sobol_report(ds, outdir)
        for message in messages:
            log(message)
        written += files
    ds.close()
    return written


def _int_list(text):
    return [int(x) for x in text.split(",") if x.strip()]


def _name_list(text):
    return [x.strip() for x in text.split(",") if x.strip()]


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="python3 -m analysis.report",
        description="Figures of a seccoop results file (PNG, 150 dpi).")
    parser.add_argument("results", help="results file (.h5, or a .partial: completed runs only)")
    parser.add_argument("-o", "--output", required=True, help="directory for the figures")
    parser.add_argument("--weeks", type=_int_list, default=[1, 52, 208],
                        help="weeks of the trust graph (default 1,52,208)")
    parser.add_argument("--graph-scenarios", type=_name_list, default=None,
                        help="scenarios to draw the trust graph of (default: baseline)")
    parser.add_argument("--time-axis", choices=("auto", "dates", "weeks", "both"),
                        default="auto",
                        help="fan charts on calendar dates, weeks since start, or both "
                             "(auto: dates, and also weeks when scenarios start on "
                             "different dates)")
    parser.add_argument("--reference", default=None,
                        help="scenario the others are compared with (default: baseline)")
    parser.add_argument("--only", type=_name_list, default=list(PARTS),
                        help=f"parts to draw, of {','.join(PARTS)} (default: all)")
    args = parser.parse_args(argv)
    unknown = set(args.only) - set(PARTS)
    if unknown:
        parser.error(f"--only: unknown part(s) {', '.join(sorted(unknown))}")
    written = make_report(args.results, args.output, weeks=args.weeks,
                          graph_scenarios=args.graph_scenarios, time_axis=args.time_axis,
                          reference=args.reference, only=args.only)
    for path in written:
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
