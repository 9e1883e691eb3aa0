#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Build-time generator: compile the gazetteers into one C string table.

Usage: dossier-ner-gen.py OUTPUT.c ISO_3166_1.json ISO_3166_2.json GAZETTEER_DIR

Reads country and subdivision names from Debian's iso-codes and the
hand-written lists in GAZETTEER_DIR, and writes `_dossier_ner_data`, lines of
"TAG\\tname\\talias..." parsed once at run time by dossier-ner-gazetteer.c.
Python is build tooling only; the application never runs it.
"""
import gettext
import json
import os
import re
import sys

# Subdivisions are taken only where iso-codes spells them as English news does.
SUBDIVISION_COUNTRIES = {"US", "CA", "AU", "IN", "MX", "BR", "NG", "PK", "ZA", "CN"}
SUBDIVISION_TYPES = {"State", "Province", "Territory", "Region", "Federal district",
                     "Outlying area", "Capital territory", "Union territory",
                     "Municipality", "Autonomous region", "Special administrative region",
                     "Country", "Nation", "Federal capital territory", "District"}
# Country names in these languages too (iso-codes translations), so that
# places are found in clippings that are not English.
TRANSLATIONS = ["de", "fr", "es", "it", "pt", "nl", "pl", "lt", "lv", "et", "cs",
                "sv", "da", "nb", "fi", "ru", "uk"]
SUFFIXES = re.compile(r"\s+(Sheng|Shi|SAR|Zizhiqu|Uygur Zizhiqu|Zhuangzu Zizhiqu|Huizu Zizhiqu)$")


def read_list(path):
    out = []
    if not os.path.exists(path):
        return out
    for line in open(path, encoding="utf-8"):
        line = line.split("#", 1)[0].strip() if not line.lstrip().startswith("#") else ""
        if not line:
            continue
        forms = [f.strip() for f in line.split("|") if f.strip()]
        if forms:
            out.append(forms)
    return out


def clean(name):
    name = re.sub(r"\s*[\[(].*?[\])]", "", name).strip()
    if "," in name:
        return None
    if name.lower().startswith("the "):
        name = name[4:]
    return name or None


def main():
    out_path, iso1, iso2, gdir = sys.argv[1:5]
    non_names = {f[0].lower() for f in read_list(os.path.join(gdir, "non-names.txt"))}
    first_names = {f[0] for f in read_list(os.path.join(gdir, "first-names.txt"))}

    entries = []            # [tag, canonical, aliases(list)]
    index = {}              # lower form -> entry

    def add(tag, forms, merge=True):
        forms = [c for c in (clean(f) for f in forms) if c]
        if not forms:
            return
        hit = None
        if merge:
            for f in forms:
                e = index.get(f.lower())
                if e is not None and e[0] == tag:
                    hit = e
                    break
        if hit is None:
            hit = [tag, forms[0], []]
            entries.append(hit)
        else:
            # the hand-written first form becomes canonical
            if hit[1] != forms[0] and hit[1] not in hit[2]:
                hit[2].append(hit[1])
            hit[1] = forms[0]
        for f in forms:
            if f != hit[1] and f not in hit[2]:
                hit[2].append(f)
            index.setdefault(f.lower(), hit)

    blocked = set(non_names)
    # A country's name in another language that is also a place or a body
    # of the hand-written lists is that place: "Brasilia" is the capital,
    # not Brazil in Latvian.
    for fname in ("places.txt", "organizations.txt", "media.txt"):
        for forms in read_list(os.path.join(gdir, fname)):
            blocked.update(f.lower() for f in forms[1:] if f)
    for fname in ("place-words.txt", "org-words.txt", "titles.txt", "demonyms.txt"):
        for forms in read_list(os.path.join(gdir, fname)):
            blocked.update(f.lower() for f in forms)
    locale_dir = os.path.join(os.path.dirname(os.path.dirname(iso1)), "..", "locale")
    translators = []
    for lang in TRANSLATIONS:
        try:
            translators.append(gettext.translation("iso_3166-1", localedir=locale_dir, languages=[lang]))
        except OSError:
            pass

    countries = set()       # id() of the entries that are countries
    for c in json.load(open(iso1, encoding="utf-8"))["3166-1"]:
        forms = [c.get("common_name") or c["name"], c["name"]]
        if c.get("official_name"):
            forms.append(c["official_name"])
        for t in translators:
            for key in (c.get("common_name"), c["name"]):
                if not key:
                    continue
                tr = t.gettext(key)
                if tr != key and len(tr) > 4 and tr.lower() not in blocked and "," not in tr:
                    forms.append(tr)
        add("L", forms)
        for f in forms:
            cf = clean(f)
            if cf and cf.lower() in index:
                countries.add(id(index[cf.lower()]))
                break
    subs = json.load(open(iso2, encoding="utf-8"))["3166-2"]
    for s in subs:
        cc = s["code"].split("-")[0]
        if cc not in SUBDIVISION_COUNTRIES or s["type"] not in SUBDIVISION_TYPES:
            continue
        name = SUFFIXES.sub("", s["name"])
        if name.lower() in non_names or name in first_names:
            continue
        add("L", [name])

    for forms in read_list(os.path.join(gdir, "places.txt")):
        add("L", forms)
    for fname in ("organizations.txt", "media.txt"):
        for forms in read_list(os.path.join(gdir, fname)):
            add("O", forms)

    simple = [("F", "first-names.txt"), ("W", "non-names.txt"), ("T", "titles.txt"),
              ("M", "title-modifiers.txt"), ("R", "role-heads.txt"), ("S", "org-words.txt"),
              ("s", "org-of-words.txt"), ("Q", "place-words.txt"), ("q", "place-of-words.txt"),
              ("K", "particles.txt"), ("X", "misc-words.txt")]
    lines = []
    for entry in entries:
        tag, canon, aliases = entry
        if id(entry) in countries:
            tag = "C"   # a place that is a country
        lines.append("\t".join([tag, canon] + [a for a in aliases if a != canon]))
    for forms in read_list(os.path.join(gdir, "demonyms.txt")):
        lines.append("\t".join(["D"] + forms))
    for tag, fname in simple:
        for forms in read_list(os.path.join(gdir, fname)):
            for f in forms:
                lines.append(tag + "\t" + f)

    data = "\n".join(lines) + "\n"
    with open(out_path, "w", encoding="utf-8") as o:
        o.write("/* Generated by dossier-ner-gen.py from iso-codes and src/core/gazetteer; do not edit. */\n")
        o.write("#include \"dossier-ner-private.h\"\n\n")
        o.write("const char _dossier_ner_data[] =\n")
        for line in lines:
            esc = line.replace("\\", "\\\\").replace("\"", "\\\"").replace("\t", "\\t")
            o.write("  \"" + esc + "\\n\"\n")
        o.write("  ;\n")
        o.write("const gsize _dossier_ner_data_len = %d;\n" % len(data.encode("utf-8")))


if __name__ == "__main__":
    main()
