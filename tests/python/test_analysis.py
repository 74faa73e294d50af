"""Tests of the analysis package (analysis/): the report's figures and the numbers behind them.

    /usr/bin/python3 -m unittest -v tests.python.test_analysis      (from the source root)

Makes its own small results file with the seccoop executable: $SECCOOP_EXECUTABLE (CTest sets
it), else the first of build/*/app/seccoop. Two short scenarios that start on different dates
and run for different horizons (the shipped baseline cut to 30 weeks, el-paso-2024 cut to 20),
3 replications each. Skips (does not fail) only when no executable is found outside CTest.
"""

import csv
import glob
import io
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

import numpy as np

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from analysis import load, plots, report, sobol, stats  # noqa: E402

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
REPLICATIONS = 3
HORIZONS = {"baseline": 30, "el-paso-short": 20}


def find_executable():
    path = os.environ.get("SECCOOP_EXECUTABLE")
    if path:
        return path
    for candidate in sorted(glob.glob(os.path.join(ROOT, "build", "*", "app", "seccoop"))):
        if os.access(candidate, os.X_OK):
            return candidate
    return None


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


_SHARED = {}


def shared_results():
    """(executable, temp dir, results file): made once for every test class of this module."""
    if not _SHARED:
        exe = find_executable()
        if exe is None:
            raise unittest.SkipTest("no seccoop executable: set SECCOOP_EXECUTABLE or build it")
        tmp = tempfile.mkdtemp(prefix="seccoop-analysis-")
        scenarios = os.path.join(ROOT, "configs", "scenarios")
        write(os.path.join(tmp, "baseline-short.yaml"),
              f"schema_version: 1\nextends: {os.path.join(scenarios, 'baseline.yaml')}\n"
              f"name: baseline\nweeks: {HORIZONS['baseline']}\n")
        write(os.path.join(tmp, "el-paso-short.yaml"),
              f"schema_version: 1\nextends: {os.path.join(scenarios, 'el-paso-2024.yaml')}\n"
              f"name: el-paso-short\nweeks: {HORIZONS['el-paso-short']}\n")
        write(os.path.join(tmp, "experiment.yaml"),
              "schema_version: 1\nname: analysis-test\nscenarios:\n  - baseline-short.yaml\n"
              f"  - el-paso-short.yaml\nreplications: {REPLICATIONS}\nseed: 12345\n")
        results = os.path.join(tmp, "x.h5")
        subprocess.run([exe, "run", os.path.join(tmp, "experiment.yaml"), "-o", results,
                        "--quiet", "--threads", "2"], check=True, stdout=subprocess.DEVNULL)
        _SHARED.update(exe=exe, tmp=tmp, results=results)
    return _SHARED["exe"], _SHARED["tmp"], _SHARED["results"]


def tearDownModule():
    if _SHARED.get("tmp"):
        shutil.rmtree(_SHARED["tmp"], ignore_errors=True)


class ResultsFileTest(unittest.TestCase):
    """Shares one small results file among the tests."""

    @classmethod
    def setUpClass(cls):
        cls.exe, cls.tmp, cls.results = shared_results()
        cls.ds = load.completed_runs(load.open_results(cls.results))

    @classmethod
    def tearDownClass(cls):
        cls.ds.close()

    def summarize(self):
        """seccoop summarize --csv: {(scenario, outcome): row}."""
        out = subprocess.run([self.exe, "summarize", self.results, "--csv"], check=True,
                             capture_output=True, text=True).stdout
        return {(r["scenario"], r["outcome"]): r for r in csv.DictReader(io.StringIO(out))}


class LoadTest(ResultsFileTest):
    def test_scenarios_dates_and_horizons(self):
        ds = self.ds
        self.assertEqual(load.scenario_names(ds), ["baseline", "el-paso-short"])
        self.assertFalse(load.common_start(ds))
        self.assertEqual(str(load.start_date(ds, "baseline")), "2025-01-20")
        self.assertEqual(str(load.start_date(ds, "el-paso-short")), "2024-06-01")
        for scenario, weeks in HORIZONS.items():
            self.assertEqual(load.horizon(ds, scenario), weeks)
            h = load.series(ds, "homicides", scenario)
            self.assertEqual(h.shape, (REPLICATIONS, weeks))
            self.assertFalse(np.isnan(h.values).any(), "no NaN within the horizon")
            # week 1 ends 7 days after the start
            self.assertEqual(h["date"].values[0] - load.start_date(ds, scenario),
                             np.timedelta64(7, "D"))
            self.assertEqual(list(h["weeks_since_start"].values), list(range(1, weeks + 1)))

    def test_region_and_mode_selection(self):
        ds = self.ds
        sin = load.series(ds, "homicides_by_region", "baseline", region="SIN")
        allr = load.series(ds, "homicides_by_region", "baseline")
        index = load.axis_index(ds, "region", "baseline", "SIN")
        raw = load.runs_of(ds, "baseline")["homicides_by_region"].values[:, :30, index]
        np.testing.assert_array_equal(sin.values, raw)
        # the regions add up to the national homicides
        np.testing.assert_allclose(allr.values, load.series(ds, "homicides", "baseline").values,
                                   rtol=1e-9)
        joint = load.series(ds, "operations", "baseline", mode="joint")
        self.assertEqual(joint.shape, (REPLICATIONS, 30))
        with self.assertRaises(KeyError):
            load.series(ds, "homicides_by_region", "baseline", region="XXX")


class AgreesWithSummarizeTest(ResultsFileTest):
    """The fan charts' numbers equal what `seccoop summarize --csv` prints for the same file."""

    def check_final_mean(self, rows, scenario, variable, **pick):
        curve = plots.Curve(variable, lambda d, s: load.series(d, variable, s, **pick))
        dates, weeks, bands = plots.fan_data(self.ds, scenario, curve)
        self.assertEqual(int(weeks[-1]), HORIZONS[scenario])
        self.assertEqual(bands.runs, REPLICATIONS)
        row = rows[(scenario, f"{variable}_final")]
        self.assertEqual(int(row["runs"]), REPLICATIONS)
        self.assertAlmostEqual(bands.mean[-1], float(row["mean"]),
                               delta=1e-9 * max(1.0, abs(float(row["mean"]))),
                               msg=f"{scenario} {variable}")
        values = curve.get(self.ds, scenario).values
        mean, low, high = stats.mean_with_95_interval(stats.final_values(values))
        self.assertAlmostEqual(low, float(row["ci95_low"]), delta=1e-6 * max(1.0, abs(low)))
        self.assertAlmostEqual(high, float(row["ci95_high"]), delta=1e-6 * max(1.0, abs(high)))
        # the median drawn is the median of the same numbers
        self.assertAlmostEqual(bands.median[-1], float(np.median(values[:, -1])))

    def test_last_week_means_per_scenario(self):
        rows = self.summarize()
        for scenario in HORIZONS:
            for variable in ("homicides", "fentanyl_flow_kg", "trust_mx_in_us",
                             "trust_us_in_mx"):
                with self.subTest(scenario=scenario, variable=variable):
                    self.check_final_mean(rows, scenario, variable)

    def test_homicides_per_year(self):
        rows = self.summarize()
        for scenario in HORIZONS:
            h = load.series(self.ds, "homicides", scenario)
            per_year = stats.per_year_last_52_weeks(h.values, h["weeks_since_start"].values)
            row = rows[(scenario, "homicides_per_year_last_52_weeks")]
            self.assertAlmostEqual(float(np.mean(per_year)), float(row["mean"]),
                                   delta=1e-9 * float(row["mean"]))

    def test_rolling_sum_is_the_last_four_weeks(self):
        h = load.series(self.ds, "homicides", "baseline").values
        rolled = stats.rolling_sum(h, 4)
        self.assertTrue(np.isnan(rolled[:, :3]).all())
        np.testing.assert_allclose(rolled[:, -1], h[:, -4:].sum(axis=1), rtol=1e-12)
        np.testing.assert_allclose(rolled[:, 3], h[:, :4].sum(axis=1), rtol=1e-12)


class ReportTest(ResultsFileTest):
    def test_every_figure_is_a_png(self):
        outdir = os.path.join(self.tmp, "figures")
        messages = []
        written = report.make_report(self.results, outdir, weeks=(1, 20, 30),
                                     log=messages.append)
        expected = {f"{stem}{suffix}.png" for stem in (
            "fan_homicides", "fan_homicides_sinaloa", "fan_fentanyl_flow", "fan_trust",
            "fan_operations") for suffix in ("", "_weeks")}
        expected |= {"violence_by_state.png", "trust_graph_baseline.png"}
        self.assertEqual({os.path.basename(p) for p in written}, expected)
        for path in written:
            with self.subTest(figure=os.path.basename(path)):
                self.assertTrue(os.path.isfile(path))
                with open(path, "rb") as f:
                    head = f.read(8)
                self.assertEqual(head, PNG_SIGNATURE)
                self.assertGreater(os.path.getsize(path), 10_000)
        self.assertTrue(any("sobol: skipped" in m for m in messages), messages)

    def test_command_line_and_graph_weeks_past_a_horizon(self):
        outdir = os.path.join(self.tmp, "cli")
        result = subprocess.run(
            [sys.executable, "-m", "analysis.report", self.results, "-o", outdir, "--only",
             "graph", "--graph-scenarios", "el-paso-short", "--weeks", "1,20,30"],
            cwd=ROOT, capture_output=True, text=True, check=True)
        self.assertIn("past the horizon", result.stdout)
        path = os.path.join(outdir, "trust_graph_el-paso-short.png")
        self.assertIn(f"wrote {path}", result.stdout)
        with open(path, "rb") as f:
            self.assertEqual(f.read(8), PNG_SIGNATURE)


# --- Sobol indices -------------------------------------------------------------------------


def ishigami(x, a=7.0, b=0.1):
    return np.sin(x[..., 0]) + a * np.sin(x[..., 1]) ** 2 + b * x[..., 2] ** 4 * np.sin(x[..., 0])


# Analytical indices of the Ishigami function (a = 7, b = 0.1).
ISHIGAMI_FIRST = np.array([0.3139, 0.4424, 0.0])
ISHIGAMI_TOTAL = np.array([0.5576, 0.4424, 0.2437])


def saltelli_points(n, k, rng):
    """Points in the engine's order: per base sample j, A_j, B_j, AB^(1)_j .. AB^(k)_j."""
    a = rng.uniform(-np.pi, np.pi, (n, k))
    b = rng.uniform(-np.pi, np.pi, (n, k))
    rows = []
    for j in range(n):
        rows += [a[j], b[j]]
        for i in range(k):
            ab = a[j].copy()
            ab[i] = b[j, i]
            rows.append(ab)
    return np.array(rows)


class SobolTest(unittest.TestCase):
    def test_ishigami_indices(self):
        points = saltelli_points(4096, 3, np.random.default_rng(1))
        ind = sobol.sobol_indices(ishigami(points), 3, ["x1", "x2", "x3"], resamples=300)
        np.testing.assert_allclose(ind.first_order, ISHIGAMI_FIRST, atol=0.04)
        np.testing.assert_allclose(ind.total, ISHIGAMI_TOTAL, atol=0.04)
        self.assertTrue(np.all(ind.first_order_low <= ind.first_order))
        self.assertTrue(np.all(ind.total_high >= ind.total))

    def test_uncentred_is_the_engines_formula(self):
        """center=False: S_i = mean f_B (f_ABi - f_A) / V, ST_i = mean (f_A - f_ABi)^2 / 2V,
        V the variance (divisor 2N) of the A and B outputs, as sim/experiment/sensitivity.cpp."""
        points = saltelli_points(64, 3, np.random.default_rng(3))
        y = ishigami(points) + 100.0  # an offset: centring changes S_i's noise, not ST_i
        table = y.reshape(64, 5)
        a, b, ab = table[:, 0], table[:, 1], table[:, 2:]
        v = np.concatenate([a, b]).var()
        raw = sobol.sobol_indices(y, 3, resamples=0, center=False)
        np.testing.assert_allclose(raw.first_order,
                                   (b[:, None] * (ab - a[:, None])).mean(axis=0) / v, rtol=1e-12)
        np.testing.assert_allclose(raw.total, ((a[:, None] - ab) ** 2).mean(axis=0) / (2 * v),
                                   rtol=1e-12)
        centred = sobol.sobol_indices(y, 3, resamples=0)
        np.testing.assert_allclose(centred.total, raw.total, rtol=1e-9)

    def test_constant_output_gives_nan(self):
        ind = sobol.sobol_indices(np.ones(4 * 5), 3, resamples=10)
        self.assertTrue(np.isnan(ind.first_order).all() and np.isnan(ind.total).all())

    def test_wrong_size_is_an_error(self):
        with self.assertRaises(ValueError):
            sobol.sobol_indices(np.ones(7), 3)

    def test_yaml_sweep_block(self):
        text = ("schema_version: 1\nname: s\nsweep:\n  method: sobol\n  samples: 8\n"
                "  parameters:\n    core.a: {min: 0, max: 1}\n    core.b:\n      min: 1\n"
                "      max: 2\nscenarios:\n  - name: x\n    parameters:\n      core:\n")
        self.assertEqual(sobol._yaml_sweep(text), ("sobol", ["core.a", "core.b"]))
        flow = "sweep:\n  method: lhs\n  parameters: {p.q: {min: 0, max: 1}, r.s: {min: 1, max: 2}}\n"
        self.assertEqual(sobol._yaml_sweep(flow), ("lhs", ["p.q", "r.s"]))
        self.assertIsNone(sobol._yaml_sweep("name: x\nscenarios: []\n"))

    def test_report_on_a_sobol_results_file(self):
        """A file laid out like the engine's, with a sobol sweep over three parameters."""
        import xarray as xr

        n, k, reps, weeks = 256, 3, 2, 2
        points = saltelli_points(n, k, np.random.default_rng(2))
        paths = ["core.a", "core.b", "core.c"]
        runs = len(points) * reps
        point_of = np.repeat(np.arange(len(points)), reps)
        f = ishigami(points)[point_of]
        yaml = ("schema_version: 1\nname: t\nreplications: 2\nseed: 1\nsweep:\n  method: sobol\n"
                f"  samples: {n}\n  parameters:\n"
                + "".join(f"    {p}: {{min: -3.14159, max: 3.14159}}\n" for p in paths)
                + "scenarios:\n  - name: baseline\n")
        ds = xr.Dataset(
            {
                "scenario": ("scenario", np.array(["baseline"], dtype=object)),
                "date": (("scenario", "week"), np.array([["2025-01-27", "2025-02-03"]],
                                                        dtype=object)),
                "run_scenario": ("run", np.array(["baseline"] * runs, dtype=object)),
                "scenario_index": ("run", np.zeros(runs, np.int32)),
                "sweep_point": ("run", point_of.astype(np.int32)),
                "replicate": ("run", np.tile(np.arange(reps), len(points)).astype(np.int32)),
                "completed": ("run", np.ones(runs, np.int8)),
                "homicides": (("run", "week"), np.repeat(f[:, None], weeks, axis=1)),
                **{p: ("run", points[point_of, i]) for i, p in enumerate(paths)},
            },
            coords={"run": np.arange(runs), "week": np.arange(1, weeks + 1, dtype=np.int32)},
            attrs={"experiment_yaml": yaml, "sweep_method": "sobol", "sweep_base_samples": n,
                   "sweep_parameters": " ".join(paths)},
        )
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "sobol.h5")
            ds.to_netcdf(path, engine="h5netcdf", invalid_netcdf=True)
            opened = load.open_results(path)
            design, reason = sobol.read_design(opened)
            self.assertIsNone(reason)
            self.assertEqual(design.paths, paths)
            self.assertEqual(design.points, n * (k + 2))
            self.assertEqual(sobol.check_design(opened, design), [])
            opened.close()
            messages = []
            written = report.make_report(path, tmp, only=("sobol",), log=messages.append)
            self.assertEqual(sorted(os.path.basename(p) for p in written),
                             ["sobol_baseline.png", "sobol_indices.csv"])
            with open(os.path.join(tmp, "sobol_indices.csv")) as csv_file:
                rows = [r for r in csv.DictReader(csv_file) if r["outcome"].startswith("homicides")]
            self.assertEqual([r["parameter"] for r in rows], paths)
            # the report's indices are those of the per-point outputs (the replicates agree)
            direct = sobol.sobol_indices(ishigami(points), k, paths, resamples=0)
            np.testing.assert_allclose([float(r["first_order"]) for r in rows],
                                       direct.first_order, rtol=1e-9)
            np.testing.assert_allclose([float(r["total"]) for r in rows], direct.total,
                                       rtol=1e-9)
            with open(written[0], "rb") as png:
                self.assertEqual(png.read(8), PNG_SIGNATURE)


class EngineSobolTest(unittest.TestCase):
    """A sobol sweep run by the engine: the report finds its design and draws its indices."""

    def test_report_on_an_engine_sobol_sweep(self):
        exe = find_executable()
        if exe is None:
            self.skipTest("no seccoop executable: set SECCOOP_EXECUTABLE or build it")
        baseline = os.path.join(ROOT, "configs", "scenarios", "baseline.yaml")
        with tempfile.TemporaryDirectory(prefix="seccoop-sobol-") as tmp:
            write(os.path.join(tmp, "short.yaml"),
                  f"schema_version: 1\nextends: {baseline}\nname: baseline\nweeks: 20\n")
            write(os.path.join(tmp, "sweep.yaml"),
                  "schema_version: 1\nname: sobol-test\nscenarios: [short.yaml]\n"
                  "replications: 1\nseed: 3\n"
                  "outputs: {variables: [homicides, fentanyl_flow_kg, trust_mx_in_us]}\n"
                  "sweep:\n  method: sobol\n  samples: 8\n  parameters:\n"
                  "    core.recruitment_rate_per_week: {min: 0.0018, max: 0.0026}\n"
                  "    core.conflict_lethality: {min: 6.0e-9, max: 1.2e-8}\n")
            results = os.path.join(tmp, "sobol.h5")
            subprocess.run([exe, "run", os.path.join(tmp, "sweep.yaml"), "-o", results,
                            "--quiet", "--threads", "2"], check=True, stdout=subprocess.DEVNULL)
            ds = load.completed_runs(load.open_results(results))
            design, reason = sobol.read_design(ds)
            self.assertIsNone(reason)
            self.assertEqual(design.paths, ["core.recruitment_rate_per_week",
                                            "core.conflict_lethality"])
            self.assertEqual(design.points, 8 * 4)
            self.assertEqual(sobol.check_design(ds, design), [])
            ds.close()
            messages = []
            written = report.make_report(results, tmp, only=("sobol",), log=messages.append)
            self.assertEqual(sorted(os.path.basename(p) for p in written),
                             ["sobol_baseline.png", "sobol_indices.csv"], messages)
            with open(os.path.join(tmp, "sobol_indices.csv")) as f:
                outcomes = {r["outcome"] for r in csv.DictReader(f)}
            # trust_us_in_mx was not recorded: three of the four outcomes
            self.assertEqual(len(outcomes), 3, outcomes)


if __name__ == "__main__":
    unittest.main()
