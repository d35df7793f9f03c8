"""Times scipy.optimize.linear_sum_assignment on a benchmark instance.

Usage: scipy_lsa.py MATRIX.bin ROWS COLS REPEATS [WARMUPS]
The matrix is float64, row-major, scores (higher is better). Prints one JSON line:
{"seconds": [...], "total": ..., "matched": ...}. Only the solve call is timed, after
WARMUPS (default 1) untimed calls, as the JavaScript solvers get.
"""
import json
import sys
import time

import numpy as np
from scipy.optimize import linear_sum_assignment


def main() -> None:
    path, rows, cols, repeats = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    matrix = np.fromfile(path, dtype=np.float64).reshape(rows, cols)
    warmups = int(sys.argv[5]) if len(sys.argv) > 5 else 1
    for _ in range(warmups):
        linear_sum_assignment(matrix, maximize=True)
    seconds = []
    for _ in range(repeats):
        start = time.perf_counter()
        r, c = linear_sum_assignment(matrix, maximize=True)
        seconds.append(time.perf_counter() - start)
    chosen = matrix[r, c]
    allowed = chosen > -1e6  # forbidden pairs carry a -1e7 penalty
    print(json.dumps({"seconds": seconds, "total": float(chosen[allowed].sum()), "matched": int(allowed.sum())}))


if __name__ == "__main__":
    main()
