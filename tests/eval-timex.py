#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Runs the shared TempEval-3 scorer on dossier-cli and checks the timeline's thresholds.

  eval-timex.py [CLI [GOLD.jsonl]]

Thresholds: value F1 >= 0.80 and relaxed span F1 >= 0.90 (the bar of the unseen
TempEval-3 test set). Exits 77 (skip) when ../shared is absent.
"""
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.environ.get("DOSSIER_SHARED", os.path.join(HERE, "..", "..", "shared"))
CLI = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("DOSSIER_CLI", "dossier-cli")
GOLD = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
    SHARED, "corpora", "tempeval3-dev", "timex-gold.jsonl")
EVAL = os.path.join(SHARED, "tools", "dossier-eval")


def main():
    if not (os.path.exists(GOLD) and os.path.exists(EVAL)):
        print("TempEval data not found, skipping")
        return 77
    p = subprocess.run([sys.executable, EVAL, "timex", CLI, GOLD], capture_output=True, text=True)
    print(p.stdout, end="")
    m = re.search(r"value_f1=([\d.]+) relaxed_f1=([\d.]+)", p.stdout)
    if not m:
        print(p.stderr, end="")
        return 1
    value, relaxed = float(m.group(1)), float(m.group(2))
    return 0 if value >= 0.80 and relaxed >= 0.90 else 1


if __name__ == "__main__":
    sys.exit(main())
