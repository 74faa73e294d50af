"""Reading and plotting seccoop results files.

Uses only Debian 12's python3-numpy, python3-xarray, python3-h5netcdf, python3-matplotlib
(and python3-scipy nowhere yet); run it with /usr/bin/python3.

- analysis.load:   open a results file, keep completed runs, pick a scenario, get a series
                   with its dates;
- analysis.stats:  fan-chart bands over replications, rolling sums, per-run outcomes;
- analysis.sobol:  Sobol sensitivity indices (Saltelli 2010 / Jansen) with bootstrap intervals;
- analysis.plots:  the figures;
- analysis.report: ``python3 -m analysis.report RESULTS.h5 -o DIR`` writes every figure.
"""
