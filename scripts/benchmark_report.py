#!/usr/bin/python3
"""Writes the measured table of docs/performance.md and docs/figures/scaling.png.

Usage: benchmark_report.py BENCH_JSON PROCESS_JSON DOC FIGURE

BENCH_JSON is Google Benchmark's JSON output (--benchmark_out, with repetitions and
aggregates); PROCESS_JSON is what scripts/run-benchmarks.sh measured with /usr/bin/time and
its machine description. The table replaces what lies between the marker comments of DOC.
"""
import json
import math
import statistics
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

BEGIN = "<!-- benchmark-table:begin -->"
END = "<!-- benchmark-table:end -->"
TO_SECONDS = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}


def medians(path):
    """Median aggregates by benchmark name (run_name), times in seconds."""
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    found = {}
    for entry in data["benchmarks"]:
        if entry.get("aggregate_name", "median") != "median":
            continue
        if entry.get("run_type") == "aggregate" or entry["name"] not in found:
            row = dict(entry)
            scale = TO_SECONDS[entry["time_unit"]]
            row["real_s"] = entry["real_time"] * scale
            row["cpu_s"] = entry["cpu_time"] * scale
            found[entry.get("run_name", entry["name"])] = row
    return data["context"], found


def fmt_time(seconds):
    for unit, scale in (("s", 1.0), ("ms", 1e-3), ("µs", 1e-6)):
        if seconds >= scale:
            return f"{seconds / scale:.3g} {unit}"
    return f"{seconds / 1e-9:.3g} ns"


def scaling_points(bench):
    points = []
    for name, row in bench.items():
        if name.startswith("BM_GeneratedWorldWeek/"):
            elements = row["cartels"] + row["edges"]
            points.append((elements, row["cpu_s"], row["cartels"], row["edges"]))
    return sorted(points)


def plot_scaling(points, figure):
    n = [p[0] for p in points]
    t = [p[1] * 1e3 for p in points]
    k = statistics.median(p[1] / p[0] for p in points) * 1e3
    fig, ax = plt.subplots(figsize=(5.5, 4))
    ax.loglog(n, t, "o-", label="one week, measured (median CPU time)")
    ax.loglog(n, [k * x for x in n], "--", color="grey", label="linear: median ms per element × n")
    ax.set_xlabel("cartels + edges")
    ax.set_ylabel("CPU time per simulated week (ms)")
    ax.set_title("One week of a generated world, 1 thread")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(figure, dpi=120)


def log_slope(points):
    xs = [math.log(p[0]) for p in points]
    ys = [math.log(p[1]) for p in points]
    mx, my = statistics.mean(xs), statistics.mean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


def process_rows(proc):
    """Whole-process medians: wall seconds, peak RSS and CPU seconds by (runs, threads)."""
    rows = {}
    for m in proc["runs"]:
        rows.setdefault((m["runs"], m["threads"]), []).append(m)
    return {
        key: (
            statistics.median(m["wall_s"] for m in ms),
            statistics.median(m["rss_kib"] for m in ms),
            statistics.median(m["cpu_s"] for m in ms),
        )
        for key, ms in rows.items()
    }


def target_table(bench, proc, points):
    core = bench["BM_CoreRunPublishedNetwork520Weeks"]
    run = bench["BM_BaselineRunDefaultWorld208Weeks"]
    sweep1, sweep2 = bench["BM_Sweep/threads:1/real_time"], bench["BM_Sweep/threads:2/real_time"]
    writer = bench["BM_WriteResults/50/real_time"]
    whole = process_rows(proc)
    w1, w2 = whole[(proc["time_runs"], 1)], whole[(proc["time_runs"], 2)]
    memory = ", ".join(
        f"{whole[(n, 2)][1] / 1024:.1f} MiB for {n} runs" for n in proc["memory_runs"]
    )
    long_memory = ", ".join(
        f"{m['rss_kib'] / 1024:.1f} MiB for {m['runs']:,}" for m in proc.get("long_runs", [])
    )
    if long_memory:
        memory += f"; the baseline cut to 2 weeks: {long_memory} runs"
    per_element = [p[1] / p[0] * 1e9 for p in points]
    simulate_only = 50 * run["cpu_s"]
    lines = [
        "| measure | target | measured (median) |",
        "|---|---|---|",
        f"| core-only run, published network, 520 weeks, `expected` | ≤ 0.5 ms | "
        f"{fmt_time(core['cpu_s'])} CPU (`BM_CoreRunPublishedNetwork520Weeks`) |",
        f"| default world, full model, 208 weeks, `stochastic`, 1 thread | ≥ 250 runs/s | "
        f"{1 / run['cpu_s']:.0f} runs/s one run in process "
        f"(`BM_BaselineRunDefaultWorld208Weeks`, {fmt_time(run['cpu_s'])} CPU/run); "
        f"{50 / sweep1['cpu_s']:.0f} runs per CPU second in a sweep writing every series "
        f"(`BM_Sweep/threads:1`, {sweep1['items_per_second']:.0f} runs/s wall); whole process, "
        f"{proc['time_runs']} runs: {proc['time_runs'] / w1[2]:.0f} runs per CPU second, "
        f"{proc['time_runs'] / w1[0]:.0f} runs/s wall ({w1[0]:.2f} s) |",
        f"| same, 2 threads | ≥ 1.8 × the 1-thread rate | "
        f"{sweep1['real_s'] / sweep2['real_s']:.2f} × in process (`BM_Sweep`); "
        f"{w1[0] / w2[0]:.2f} × whole process ({w2[0]:.2f} s against {w1[0]:.2f} s wall; "
        f"CPU {w2[2]:.2f} s against {w1[2]:.2f} s) |",
        f"| time writing HDF5 | ≤ 10% | {writer['cpu_s'] / sweep1['cpu_s']:.1%} of the CPU time, "
        f"{writer['real_s'] / sweep1['real_s']:.1%} of the wall time of a 1-thread sweep "
        f"(`BM_WriteResults/50` {fmt_time(writer['cpu_s'])} CPU over `BM_Sweep/threads:1` "
        f"{fmt_time(sweep1['cpu_s'])} CPU); cross-check, sweep minus 50 runs simulated alone: "
        f"{(sweep1['cpu_s'] - simulate_only) / sweep1['cpu_s']:.1%} |",
        f"| one week of a generated world | linear in cartels + edges | "
        f"{' / '.join(f'{x:.0f}' for x in per_element)} ns per (cartel + edge) at "
        f"{' / '.join(f'{p[0]:,.0f}' for p in points)} elements; log-log slope "
        f"{log_slope(points):.2f} (`BM_GeneratedWorldWeek`) |",
        f"| peak memory of a long sweep | flat in the number of runs | {memory} "
        f"(2 threads, peak RSS) |",
    ]
    return lines


def phase_table(bench):
    week = bench["BM_WeekDefaultWorld"]["cpu_s"]
    lines = ["| phase | CPU time per week (median) | share of a week |", "|---|---|---|"]
    for name, row in bench.items():
        if name.startswith("BM_Phase/"):
            phase = name.split("/")[1]
            lines.append(f"| {phase} | {fmt_time(row['real_s'])} | {row['real_s'] / week:.0%} |")
    lines.append(f"| whole week (`BM_WeekDefaultWorld`) | {fmt_time(week)} | 100% |")
    return lines


def all_medians(bench):
    lines = ["| benchmark | real time | CPU time | rate |", "|---|---|---|---|"]
    for name, row in bench.items():
        rate = ""
        if "bytes_per_second" in row:
            rate = f"{row['bytes_per_second'] / 2**20:.0f} MiB/s, "
        if "items_per_second" in row:
            rate += f"{row['items_per_second']:.4g} items/s"
        times = f"{fmt_time(row['real_s'])} | {fmt_time(row['cpu_s'])}"
        lines.append(f"| `{name}` | {times} | {rate} |")
    return lines


def render(context, bench, proc, points):
    machine = proc["machine"]
    lines = [
        f"Measured {machine['date']} at revision `{machine['revision']}` by "
        "`scripts/run-benchmarks.sh`.",
        "",
        f"Machine: {machine['nproc']} cores ({machine['cpu']}), load average "
        f"{machine['load_before']} before and {machine['load_after']} after; "
        f"{machine['compiler']}, Release (`-O3`, no `-march`); Google Benchmark "
        f"{machine['benchmark']} (Debian's, built as {context.get('library_build_type', '?')}: "
        "it warns so, but only its own code is affected), "
        f"medians of {proc['repetitions']} repetitions; whole-process figures medians of "
        f"{proc['process_repetitions']} runs of `/usr/bin/time -v`, 1 and 2 threads alternating.",
        "",
    ]
    lines += target_table(bench, proc, points)
    lines += ["", "Weekly phases, default world, baseline, weeks 53-208 (`BM_Phase/*`):", ""]
    lines += phase_table(bench)
    lines += ["", "<details><summary>Every benchmark (medians)</summary>", ""]
    lines += all_medians(bench)
    lines += ["", "</details>"]
    return "\n".join(lines)


def main():
    bench_json, process_json, doc, figure = sys.argv[1:5]
    context, bench = medians(bench_json)
    with open(process_json, encoding="utf-8") as f:
        proc = json.load(f)
    points = scaling_points(bench)
    plot_scaling(points, figure)
    table = render(context, bench, proc, points)
    with open(doc, encoding="utf-8") as f:
        text = f.read()
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    with open(doc, "w", encoding="utf-8") as f:
        f.write(f"{head}{BEGIN}\n{table}\n{END}{tail}")


if __name__ == "__main__":
    main()
