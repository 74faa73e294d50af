#!/usr/bin/python3
"""Exit 0 when two seccoop results files hold the same data bit for bit.

Every dataset is compared by its bytes (NaN payloads and signed zeros included; strings by
value), except wall_time, the measured time of each run; the global attribute experiment_yaml
must match too. Used by the cluster tests (a merged file against a single-process run).

    compare_results.py A.h5 B.h5
"""
import sys

import h5py
import numpy as np

IGNORED = {"wall_time"}


def datasets(group):
    names = []
    group.visititems(lambda name, item: names.append(name) if isinstance(item, h5py.Dataset) else None)
    return sorted(names)


def main(left_path, right_path):
    problems = []
    with h5py.File(left_path, "r") as left, h5py.File(right_path, "r") as right:
        names = datasets(left)
        if names != datasets(right):
            problems.append(f"variables differ: {names} vs {datasets(right)}")
        for name in names:
            if name in IGNORED or name not in right:
                continue
            a, b = left[name][()], right[name][()]
            if isinstance(a, np.ndarray) and a.dtype.kind in "fiub":
                same = a.shape == b.shape and a.dtype == b.dtype and a.tobytes() == b.tobytes()
            else:
                same = np.array_equal(np.asarray(a, dtype=object), np.asarray(b, dtype=object))
            if not same:
                problems.append(f"variable '{name}' differs")
        if left.attrs["experiment_yaml"] != right.attrs["experiment_yaml"]:
            problems.append("experiment_yaml differs")
    for problem in problems:
        print(f"{left_path} vs {right_path}: {problem}", file=sys.stderr)
    print(f"compared {len(names)} variables: {'identical' if not problems else 'DIFFERENT'}")
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
