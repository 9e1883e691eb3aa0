#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Scores dossier-cli's timeline on the chrono-node English test cases.

  eval-chrono.py [CLI [CASES.jsonl]]

A single-date case passes when some timeline entry of the text resolves to the
expected calendar day: its value starts with that day, or its resolved
interval starts on it, or, for an entry at week, weekend, month or quarter
precision, its interval contains it (TimeML gives "next month" the value
2016-11 where chrono picks a day in it, 2016-11-07), or, for a duration
counted from the reference ("the next two weeks"), its interval ends on it. Cases whose expectation
names no calendar day (only a time of day or a time zone) are left out of the
percentage. A no-date case is a false positive when the timeline holds an
entry finer than a year: TimeML (and so Dossier) annotates a bare year such as
"2020" as a date, which chrono does not; durations and sets are not dates.

Thresholds: >= 90 % single-date cases, <= 10 % false positives. Exits 77
(skip) when the corpus is absent, 1 when a threshold is missed.
"""
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.environ.get("DOSSIER_SHARED", os.path.join(HERE, "..", "..", "shared"))
CLI = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("DOSSIER_CLI", "dossier-cli")
CASES = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
    SHARED, "corpora", "chrono-en-cases", "chrono-en-cases.simple.jsonl")


def expected_day(exp):
    if exp.get("start_date"):
        return exp["start_date"][:10]
    st = exp.get("start") or {}
    if all(k in st for k in ("year", "month", "day")):
        return "%04d-%02d-%02d" % (st["year"], st["month"], st["day"])
    return None


def reference_day(ref):
    if isinstance(ref, dict):
        ref = ref.get("instant")
    return ref[:10] if ref else None


def analyze(text, ref):
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as f:
        f.write(text)
        path = f.name
    try:
        args = [CLI, "analyze", "--as-body"] + (["--published", ref] if ref else []) + [path]
        p = subprocess.run(args, capture_output=True, text=True, timeout=60)
        if p.returncode != 0:
            return []
        return json.loads(p.stdout).get("timeline", [])
    finally:
        os.unlink(path)


def main():
    if not os.path.exists(CASES):
        print("chrono cases not found, skipping")
        return 77
    single = single_ok = none = none_fp = 0
    failures = []
    for line in open(CASES, encoding="utf-8"):
        case = json.loads(line)
        if case["kind"] not in ("single", "none", "direct"):
            continue
        ref = reference_day(case.get("reference"))
        timeline = analyze(case["text"], ref)
        if case["kind"] == "none":
            none += 1
            dated = [t for t in timeline if t.get("type") in ("date", "time") and
                     t.get("precision") not in ("year", "decade", "century", None)]
            if dated:
                none_fp += 1
                failures.append(f"FP   {case['text']!r}: {[t['text'] for t in dated]}")
            continue
        day = expected_day(case["expected"])
        if day is None:
            continue
        single += 1
        if any(str(t.get("value", "")).startswith(day) or t.get("interval_start") == day or
               (t.get("precision") in ("week", "weekend", "month", "quarter") and
                t.get("interval_start", "") <= day <= t.get("interval_end", "")) or
               (t.get("type") == "duration" and t.get("interval_end") == day)
               for t in timeline):
            single_ok += 1
        else:
            failures.append(f"MISS {case['text']!r} (ref {ref}) want {day}: "
                            f"{[(t['text'], t['value']) for t in timeline]}")
    for f in failures:
        print(f)
    acc = single_ok / single if single else 0.0
    fpr = none_fp / none if none else 0.0
    print(f"single-date cases: {single_ok}/{single} = {acc:.3f}; "
          f"false positives on no-date cases: {none_fp}/{none} = {fpr:.3f}")
    return 0 if acc >= 0.90 and fpr <= 0.10 else 1


if __name__ == "__main__":
    sys.exit(main())
