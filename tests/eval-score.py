#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Run ../shared/tools/dossier-eval and assert thresholds on its score line.

  eval-score.py KIND [DATA] -- NAME>=VALUE NAME=A/B ...

Skips (exit 77) when the shared corpora are not there: they are evaluation
data kept outside the project.
"""
import os, re, subprocess, sys

shared = os.environ.get("DOSSIER_SHARED", "")
tool = os.path.join(shared, "tools", "dossier-eval")
cli = os.environ["DOSSIER_CLI"]

args = sys.argv[1:]
sep = args.index("--")
kind_args, checks = args[:sep], args[sep + 1:]
if len(kind_args) > 1:
    kind_args[1] = os.path.join(shared, "corpora", kind_args[1])

if not os.access(tool, os.X_OK) or (len(kind_args) > 1 and not os.path.exists(kind_args[1])):
    print("shared corpora not found: skipping")
    sys.exit(77)

out = subprocess.run([tool, kind_args[0], cli] + kind_args[1:], capture_output=True, text=True, timeout=1500)
print(out.stdout)
print(out.stderr, file=sys.stderr)
lines = [l for l in out.stdout.splitlines() if l.startswith("score:")]
if not lines:
    sys.exit("no score line")
scores = dict(kv.split("=", 1) for kv in lines[-1].split()[1:])

failed = False
for check in checks:
    m = re.match(r"(\w+)(>=|=)(.+)", check)
    name, op, want = m.groups()
    got = scores.get(name)
    if got is None:
        ok = False
    elif op == "=":
        ok = got == want
    else:
        ok = float(got) >= float(want)
    print(f"{'ok' if ok else 'FAIL'}: {name}={got} (want {op}{want})")
    failed |= not ok
sys.exit(1 if failed else 0)
