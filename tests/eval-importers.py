#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Evaluate the importers on the shared corpora (skips with 77 without them).

  eval-importers.py readability   dossier-eval readability on corpora/readability-dev,
                                  asserting the issue's thresholds
  eval-importers.py lexisnexis    the LexisNexis sample export: every article with
                                  the source, date, title and byline of its header
"""
import datetime, json, os, re, subprocess, sys

SHARED = os.environ.get("DOSSIER_SHARED", "")
CLI = os.environ["DOSSIER_CLI"]
CORPORA = os.path.join(SHARED, "corpora")

THRESHOLDS = {"body_f1_median": 0.95, "body_ge_0.9": 0.85, "title": 0.90, "byline": 0.70}


def skip(why):
    print(f"skipping: {why}")
    sys.exit(77)


def readability():
    tool = os.path.join(SHARED, "tools", "dossier-eval")
    pages = os.path.join(CORPORA, "readability-dev")
    if not os.access(tool, os.X_OK) or not os.path.isdir(pages):
        skip("shared corpora not found")
    out = subprocess.run([tool, "readability", CLI, pages], capture_output=True, text=True, timeout=1500)
    print(out.stdout)
    print(out.stderr, file=sys.stderr)
    lines = [l for l in out.stdout.splitlines() if l.startswith("score:")]
    if not lines:
        sys.exit("no score line")
    scores = dict(kv.split("=", 1) for kv in lines[-1].split()[1:])
    failed = False
    for name, want in THRESHOLDS.items():
        got = float(scores.get(name, "nan"))
        ok = got >= want
        failed |= not ok
        print(f"{'ok' if ok else 'FAIL'}: {name}={got} (want >= {want})")
    sys.exit(1 if failed else 0)


def words(s):
    return re.findall(r"\w+", (s or "").lower())


def lexis_headers(path):
    """What each document's header says, read independently of the importer."""
    text = open(path, encoding="utf-8-sig").read().replace("\r\n", "\n")
    docs = re.split(r"(?m)^\s*\d+ of \d+ DOCUMENTS\s*$", text)[1:]
    for doc in docs:
        lines = doc.split("\n")
        centred = [l.strip() for l in lines if l.startswith("    ") and l.strip()]
        date = None
        for l in centred[1:]:
            m = re.match(r"([A-Z][a-z]+) (\d{1,2}), (\d{4})", l)
            if m:
                date = datetime.datetime.strptime(" ".join(m.groups()), "%B %d %Y").date().isoformat()
                break
        body = [l for l in lines if not l.startswith("    ")]
        title = []
        for l in body:
            if re.match(r"^[A-Z][A-Z-]{2,}:", l):
                break
            if l.strip():
                title.append(l.strip())
            elif title:
                break
        byline = re.search(r"(?m)^BYLINE: (.*)$", doc)
        yield {"source": centred[0], "published": date, "title": " ".join(title),
               "byline": byline.group(1) if byline else None}


def lexisnexis():
    path = os.path.join(CORPORA, "news-export-samples", "lexisnexis", "sample.TXT")
    if not os.path.exists(path):
        skip("shared corpora not found")
    want = list(lexis_headers(path))
    failed = 0
    for i, w in enumerate(want):
        out = subprocess.run([CLI, "analyze", "--index", str(i), path], capture_output=True, text=True, timeout=120)
        if out.returncode != 0:
            print(f"FAIL {i}: {out.stderr.strip()}")
            failed += 1
            continue
        a = json.loads(out.stdout)["article"]
        problems = []
        if a["article_count"] != len(want):
            problems.append(f"article_count {a['article_count']} != {len(want)}")
        if a["format"] != "lexisnexis":
            problems.append(f"format {a['format']}")
        if a["source"] != w["source"]:
            problems.append(f"source {a['source']!r} != {w['source']!r}")
        if a["published"] != w["published"]:
            problems.append(f"published {a['published']} != {w['published']}")
        if words(a["title"]) != words(w["title"]):
            problems.append(f"title {a['title']!r} != {w['title']!r}")
        got = set(words(" ".join(a["authors"])))
        if w["byline"]:
            if not got or not got <= set(words(w["byline"])):
                problems.append(f"authors {a['authors']} vs BYLINE {w['byline']!r}")
        elif a["authors"]:
            problems.append(f"authors {a['authors']} without a BYLINE")
        if not a["text"].strip():
            problems.append("empty body")
        print(f"{'FAIL' if problems else 'ok'} {i}: {a['title'][:50]!r} {'; '.join(problems)}")
        failed += bool(problems)
    print(f"score: lexisnexis_articles={len(want) - failed}/{len(want)}")
    sys.exit(1 if failed or len(want) != 10 else 0)


if __name__ == "__main__":
    {"readability": readability, "lexisnexis": lexisnexis}[sys.argv[1]]()
