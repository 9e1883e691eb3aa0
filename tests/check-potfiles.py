#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Translation checks for Dossier (test tooling only, never used by the app).

  check-potfiles.py SRCDIR
      po/POTFILES.in is sorted, has no duplicates, names only existing files,
      and lists every file under src/ and data/ that holds a translatable
      string: _(, N_(, C_(, NC_(, g_dngettext (, ngettext (, or
      translatable="yes" in a GtkBuilder file.

  check-potfiles.py SRCDIR --complete LANG
      Extracts a fresh template from the files in POTFILES.in (the same
      xgettext keywords as meson's glib preset), merges po/LANG.po with it in
      a temporary directory and fails if any message is untranslated or fuzzy,
      or if the merged catalogue does not pass msgfmt --check. This catches a
      translation that was complete once but fell behind the sources.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile

C_MARKERS = re.compile(r'(?<![A-Za-z0-9_])(?:N?C?_|g_dngettext|ngettext|g_dpgettext2)\s*\(\s*"')
UI_MARKER = re.compile(r'translatable\s*=\s*"(?:yes|true|1)"')
C_EXTENSIONS = ('.c', '.h')
UI_EXTENSIONS = ('.ui',)
# data/ templates that carry their own translatable fields
DATA_SUFFIXES = ('.desktop.in', '.desktop.in.in', '.metainfo.xml.in',
                 '.metainfo.xml.in.in', '.gschema.xml')

XGETTEXT_ARGS = [
    '--from-code=UTF-8', '--add-comments',
    '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3',
    '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format', '--flag=C_:2:pass-c-format',
    '--flag=NC_:2:pass-c-format', '--flag=g_dngettext:2:pass-c-format',
    '--flag=g_strdup_printf:1:c-format', '--flag=g_string_printf:2:c-format',
    '--flag=g_string_append_printf:2:c-format', '--flag=g_error_new:3:c-format',
    '--flag=g_set_error:4:c-format', '--flag=g_markup_printf_escaped:1:c-format',
    '--flag=g_log:3:c-format', '--flag=g_print:1:c-format',
    '--flag=g_printerr:1:c-format', '--flag=g_printf:1:c-format',
    '--flag=g_fprintf:2:c-format', '--flag=g_sprintf:2:c-format',
    '--flag=g_snprintf:3:c-format',
]


def read_potfiles(srcdir):
    path = os.path.join(srcdir, 'po', 'POTFILES.in')
    entries = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith('#'):
                entries.append(line)
    return entries


def has_translatable_strings(path):
    try:
        with open(path, encoding='utf-8') as f:
            text = f.read()
    except (UnicodeDecodeError, OSError):
        return False
    if path.endswith(UI_EXTENSIONS):
        return UI_MARKER.search(text) is not None
    return C_MARKERS.search(text) is not None


def candidates(srcdir):
    found = []
    src = os.path.join(srcdir, 'src')
    for root, dirs, files in os.walk(src):
        dirs.sort()
        for name in sorted(files):
            if not name.endswith(C_EXTENSIONS + UI_EXTENSIONS):
                continue
            path = os.path.join(root, name)
            if has_translatable_strings(path):
                found.append(os.path.relpath(path, srcdir))
    data = os.path.join(srcdir, 'data')
    for name in sorted(os.listdir(data)):
        if name.endswith(DATA_SUFFIXES):
            found.append(os.path.join('data', name))
    return found


def check_potfiles(srcdir):
    errors = []
    entries = read_potfiles(srcdir)
    if entries != sorted(entries):
        errors.append('po/POTFILES.in is not sorted')
    seen = set()
    for entry in entries:
        if entry in seen:
            errors.append(f'po/POTFILES.in lists {entry} twice')
        seen.add(entry)
        if not os.path.isfile(os.path.join(srcdir, entry)):
            errors.append(f'po/POTFILES.in lists {entry}, which does not exist')
    for path in candidates(srcdir):
        if path not in seen:
            errors.append(f'{path} has translatable strings but is missing from po/POTFILES.in')
    for e in errors:
        print(e, file=sys.stderr)
    if not errors:
        print(f'po/POTFILES.in: {len(entries)} files, complete and sorted')
    return 1 if errors else 0


def run(cmd, **kw):
    return subprocess.run(cmd, check=False, text=True, capture_output=True, **kw)


def msgids(catalogue):
    """The msgids of a PO file's text, without the header entry."""
    ids, current = [], None
    for line in catalogue.splitlines() + ['']:
        if line.startswith('msgid '):
            current = line[6:].strip()[1:-1]
        elif current is not None and line.startswith('"'):
            current += line.strip()[1:-1]
        elif current is not None:
            if current:
                ids.append(current)
            current = None
    return ids


def check_complete(srcdir, lang):
    for tool in ('xgettext', 'msgmerge', 'msgfmt', 'msgattrib'):
        if shutil.which(tool) is None:
            print(f'{tool} not found', file=sys.stderr)
            return 77
    env = dict(os.environ, LC_ALL='C')
    po = os.path.join(srcdir, 'po', f'{lang}.po')
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, 'dossier.pot')
        listing = os.path.join(tmp, 'POTFILES')
        with open(listing, 'w', encoding='utf-8') as f:
            f.write('\n'.join(read_potfiles(srcdir)) + '\n')
        r = run(['xgettext', '--package-name=dossier', '-p', tmp, '-o', 'dossier.pot',
                 '-D', srcdir, '-f', listing] + XGETTEXT_ARGS, env=env)
        if r.returncode != 0:
            print(r.stderr, file=sys.stderr)
            return 1
        merged = os.path.join(tmp, f'{lang}.po')
        r = run(['msgmerge', '--quiet', '--no-fuzzy-matching', '-o', merged, po, pot], env=env)
        if r.returncode != 0:
            print(r.stderr, file=sys.stderr)
            return 1
        r = run(['msgfmt', '--check', '--statistics', '-o', os.devnull, merged], env=env)
        print(f'{lang}.po against the current sources: {r.stderr.strip()}')
        if r.returncode != 0:
            return 1
        missing = msgids(run(['msgattrib', '--untranslated', '--no-obsolete', merged], env=env).stdout)
        fuzzy = msgids(run(['msgattrib', '--only-fuzzy', '--no-obsolete', merged], env=env).stdout)
        for l in missing:
            print(f'untranslated: {l}', file=sys.stderr)
        for l in fuzzy:
            print(f'fuzzy: {l}', file=sys.stderr)
        if missing or fuzzy:
            print(f'po/{lang}.po is behind the sources: run "meson compile dossier-update-po" '
                  'and translate the new messages', file=sys.stderr)
            return 1
    return 0


def main(argv):
    if len(argv) == 2:
        return check_potfiles(argv[1])
    if len(argv) == 4 and argv[2] == '--complete':
        return check_complete(argv[1], argv[3])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == '__main__':
    sys.exit(main(sys.argv))
