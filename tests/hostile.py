#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The hostile input catalogue (issue 8).

Every case is generated in a temporary directory at test time and fed to
`dossier-cli analyze` (and the notes cases to `export --format json` and
`annotate`), each in its own child process:

  - it ends within the time limit (2 s by default; HOSTILE_TIME_SCALE
    multiplies it for sanitizer or valgrind builds), killed otherwise;
  - it is never ended by a signal;
  - it exits 0 with valid JSON on stdout, or 1 with a
    `dossier-cli: FILE: reason` message on stderr;
  - its peak resident memory stays under 10x the input + 100 MB;
  - a notes file that could not be read is never written over.

With DOSSIER_APP set and a display, a subset is also opened in the app
(DOSSIER_PROFILE_STARTUP=quit: it quits after its first frame or after
reporting why nothing could be shown): it must end by itself, no signal.

Prints TAP, one line per case with its time and peak memory.
"""

import json
import os
import random
import shutil
import signal
import socket
import stat
import sys
import tempfile
import time

CLI = os.environ.get("DOSSIER_CLI")
APP = os.environ.get("DOSSIER_APP")
SCALE = float(os.environ.get("HOSTILE_TIME_SCALE", "1"))
LIMIT = 2.0 * SCALE
APP_LIMIT = 20.0 * SCALE
MB = 1024 * 1024
# Sanitizers reserve shadow memory and quarantine freed blocks: there the
# peak is reported, not checked.
CHECK_MEMORY = os.environ.get("HOSTILE_CHECK_MEMORY", "1") == "1"

ARTICLE = """Tidal turbines reach the open sea

By Jane Example

ORKNEY — Engineers lowered the first turbine into the water on Tuesday,
three days after the storm. Dr. Maria Lopez of the European Marine Energy
Centre said the array would power two thousand homes by March 2026.

The project began in February 2022 with a grant from Scotland.
"""

results = []

# Open findings, reported as TAP TODO (expected failures) until fixed: each
# names who owns the fix. Remove an entry when its case passes.
KNOWN = {
}

# Opened in the app too: one of each kind of trouble.
APP_SUBSET = {"empty file", "random bytes", "NUL bytes in text", "invalid UTF-8",
              "UTF-16LE without BOM", "10 MB single line", "sparse 1 GB file",
              "HTML nested 100,000 deep", "element with a million attributes",
              "billion laughs XHTML", "external entity (.xhtml)", "directory", "FIFO",
              "symlink loop"}


def run_here(argv, limit, out_path, err_path, env=None):
    """Runs argv in a fresh child of this process; its CPU time is held to
    limit (the machine may be shared: wall time is only a backstop at 5x,
    for children blocked on I/O). Returns (status, cpu seconds, wall
    seconds, maxrss bytes, killed)."""
    start = time.monotonic()
    pid = os.fork()
    if pid == 0:
        try:
            os.setsid()
            fd = os.open(os.devnull, os.O_RDONLY)
            os.dup2(fd, 0)
            os.dup2(os.open(out_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), 1)
            os.dup2(os.open(err_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), 2)
            os.execve(argv[0], argv, env or os.environ)
        finally:
            os._exit(127)
    killed = False
    while True:
        wpid, status, usage = os.wait4(pid, os.WNOHANG)
        if wpid == pid:
            break
        try:
            with open("/proc/%d/stat" % pid) as f:
                fields = f.read().rsplit(")", 1)[1].split()
            cpu = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, IndexError, ValueError):
            cpu = 0
        if cpu > limit or time.monotonic() - start > 5 * limit:
            killed = True
            os.killpg(pid, signal.SIGKILL)
            wpid, status, usage = os.wait4(pid, 0)
            break
        time.sleep(0.01)
    try:
        os.killpg(pid, signal.SIGKILL)  # nothing the child started outlives it
    except (ProcessLookupError, PermissionError):
        pass
    return (status, usage.ru_utime + usage.ru_stime, time.monotonic() - start,
            usage.ru_maxrss * 1024, killed)


def start_launcher():
    """Forks, while this script is still small, the process that starts
    every case: a child's peak memory counts what it inherited at fork."""
    to_r, to_w = os.pipe()
    from_r, from_w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(to_w)
        os.close(from_r)
        with os.fdopen(to_r) as requests, os.fdopen(from_w, "w") as replies:
            for line in requests:
                req = json.loads(line)
                replies.write(json.dumps(run_here(**req)) + "\n")
                replies.flush()
        os._exit(0)
    os.close(to_r)
    os.close(from_w)
    return os.fdopen(to_w, "w"), os.fdopen(from_r)


launcher = None


def run(argv, limit, env=None):
    """Runs argv through the launcher; returns (status, out, err, cpu seconds,
    maxrss_bytes, killed)."""
    global launcher
    if launcher is None:
        launcher = start_launcher()
    fd, out_path = tempfile.mkstemp()
    os.close(fd)
    fd, err_path = tempfile.mkstemp()
    os.close(fd)
    try:
        launcher[0].write(json.dumps(dict(argv=argv, limit=limit, out_path=out_path,
                                          err_path=err_path, env=env)) + "\n")
        launcher[0].flush()
        status, cpu, wall, rss, killed = json.loads(launcher[1].readline())
        with open(out_path, "rb") as f:
            out = f.read()
        with open(err_path, "rb") as f:
            err = f.read().decode("utf-8", "replace")
    finally:
        os.unlink(out_path)
        os.unlink(err_path)
    return status, out, err, cpu, rss, killed


def describe(status):
    if os.WIFSIGNALED(status):
        return "signal %d (%s)" % (os.WTERMSIG(status), signal.Signals(os.WTERMSIG(status)).name)
    return "exit %d" % os.WEXITSTATUS(status)


def check(name, argv, input_size, path_shown, validate=None, skip=None, limit=None):
    """Runs one case and records a TAP line."""
    if skip:
        results.append((True, "%s # SKIP %s" % (name, skip)))
        return None
    limit = limit or LIMIT
    status, out, err, seconds, rss, killed = run(argv, limit)
    budget = 10 * input_size + 100 * MB
    problems = []
    if killed:
        problems.append("did not end within %.1f s of CPU time" % limit)
    elif os.WIFSIGNALED(status):
        problems.append("ended by " + describe(status))
    else:
        code = os.WEXITSTATUS(status)
        if code == 0 and argv[1] == "annotate":
            if not out.strip():
                problems.append("exit 0 without an annotation id")
        elif code == 0:
            try:
                json.loads(out)
            except ValueError as e:
                problems.append("exit 0 without valid JSON: %s" % e)
        elif code == 1:
            shown = path_shown if isinstance(path_shown, tuple) else (path_shown,)
            prefix = "dossier-cli: %s: " % shown[0]
            if not any(line.startswith(prefix) and len(line) > len(prefix)
                       and all(p in line for p in shown) for line in err.splitlines()):
                problems.append("exit 1 without a '%s<reason>' message: %r" % (prefix, err[-300:]))
            if out:
                problems.append("exit 1 with output on stdout")
        else:
            problems.append("%s (%r)" % (describe(status), err[-300:]))
    if CHECK_MEMORY and rss > budget:
        problems.append("peak memory %d MB over %d MB" % (rss // MB, budget // MB))
    if validate and not problems:
        problems += validate(status, out, err)
    detail = "%s, %.2f s CPU, %d MB" % (describe(status) if not killed else "killed",
                                     seconds, rss // MB)
    first_err = err.strip().splitlines()[0] if err.strip() else ""
    if first_err:
        detail += ", %s" % first_err[:120]
    ok = not problems
    line = "%s (%s)" % (name, detail)
    if not ok:
        line += ": " + "; ".join(problems)
        if name in KNOWN:
            line += " # TODO " + KNOWN[name]
    results.append((ok, line))
    return status, out, err


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)
    return path


def write_line(path):
    """10 MB of news prose on one line, with no line break at all."""
    sentence = " ".join(ARTICLE.split()) + " "
    with open(path, "wb") as f:
        f.write((sentence * (10 * MB // len(sentence) + 1))[: 10 * MB].encode())
    return path


def write_soup(path):
    """Names and dates every few words and never a sentence end: every
    date used to carry a copy of one sentence as long as the text."""
    rnd = random.Random(8)
    words = ["tide", "turbine", "Orkney", "said", "on", "Tuesday", "the", "energy", "sea",
             "and", "of", "a", "water", "Maria", "Lopez"]
    with open(path, "wb") as f:
        f.write(" ".join(rnd.choice(words) for _ in range(220000))[:MB].encode())
    return path


def analyze_cases(tmp, secret):
    """Yields (name, path, size) for the clipping cases."""
    rnd = random.Random(8)

    yield "empty file", write(os.path.join(tmp, "empty.txt"), b""), 0

    png = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06"
           + bytes(rnd.getrandbits(8) for _ in range(64 * 1024)))
    yield "PNG image", write(os.path.join(tmp, "image.png"), png), len(png)

    with open(sys.executable, "rb") as f:
        elf = f.read(2 * MB)
    yield "ELF executable", write(os.path.join(tmp, "program"), elf), len(elf)

    noise = os.urandom(4 * MB)
    yield "random bytes", write(os.path.join(tmp, "noise.txt"), noise), len(noise)

    nul = ARTICLE.encode().replace(b" ", b"\0", 20) + b"\0" * 1000 + ARTICLE.encode()
    yield "NUL bytes in text", write(os.path.join(tmp, "nul.txt"), nul), len(nul)

    bad = ARTICLE.encode() + b"\xff\xfe\xc3\x28\xa0\xa1\xe2\x28\xa1\xf0\x28\x8c\xbc\xed\xa0\x80" \
        + ARTICLE.encode().replace(b"e", b"\xc3")
    yield "invalid UTF-8", write(os.path.join(tmp, "invalid.txt"), bad), len(bad)

    utf16 = (ARTICLE * 4).encode("utf-16-le")
    yield "UTF-16LE without BOM", write(os.path.join(tmp, "utf16.txt"), utf16), len(utf16)
    utf16be = (ARTICLE * 4).encode("utf-16-be")
    yield "UTF-16BE without BOM", write(os.path.join(tmp, "utf16be.txt"), utf16be), len(utf16be)

    yield "10 MB single line", write_line(os.path.join(tmp, "line.txt")), 10 * MB
    yield "1 MB of names and dates, no sentence end", \
        write_soup(os.path.join(tmp, "soup.txt")), MB
    yield "10 MB single word", write(os.path.join(tmp, "word.txt"), b"a" * (10 * MB)), 10 * MB

    sparse = os.path.join(tmp, "sparse.txt")
    with open(sparse, "wb") as f:
        f.truncate(1024 * MB)
    yield "sparse 1 GB file", sparse, 1024 * MB

    deep = b"<html><body>" + b"<div>" * 100000 + b"deep text" + b"</div>" * 100000 + \
        b"</body></html>"
    yield "HTML nested 100,000 deep", write(os.path.join(tmp, "deep.html"), deep), len(deep)
    deep_open = b"<!DOCTYPE html><html><body>" + b"<b><i><span>" * 100000 + b"text"
    yield "HTML 300,000 unclosed inline", write(os.path.join(tmp, "unclosed.html"), deep_open), \
        len(deep_open)

    attrs = b"<html><body><p " + b" ".join(b"a%d=\"x\"" % i for i in range(1000000)) + \
        b">text</p></body></html>"
    yield "element with a million attributes", write(os.path.join(tmp, "attrs.html"), attrs), \
        len(attrs)
    same = b"<html><body><p " + b"a=\"x\" " * 1000000 + b">text</p></body></html>"
    yield "a million copies of one attribute", write(os.path.join(tmp, "same.html"), same), len(same)

    laughs = b"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html [
<!ENTITY lol "lol">
<!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Laughs</title></head>
<body><h1>Laughs</h1><p>&lol9;</p><p>Reporters said on Tuesday the tide turned.</p></body></html>
"""
    yield "billion laughs XHTML", write(os.path.join(tmp, "laughs.xhtml"), laughs), len(laughs)

    for ext in ("xhtml", "html"):
        xxe = ('<?xml version="1.0" encoding="UTF-8"?>\n'
               '<!DOCTYPE html [\n'
               '<!ENTITY xxe SYSTEM "file://' + secret + '">\n'
               '<!ENTITY % remote SYSTEM "file://' + secret + '">\n'
               '%remote;\n'
               ']>\n'
               '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>External &xxe;</title>'
               '</head>\n<body><h1>Leak &xxe;</h1><p>Secret: &xxe;</p>'
               '<p>Reporters said on Tuesday the tide turned.</p>\n'
               '<img src="http://127.0.0.1:9/x.png"/></body></html>\n').encode()
        yield "external entity (.%s)" % ext, write(os.path.join(tmp, "xxe." + ext), xxe), len(xxe)

    yield "directory", os.path.join(tmp, "folder.txt"), 0

    yield "FIFO", os.path.join(tmp, "fifo.txt"), 0

    yield "symlink loop", os.path.join(tmp, "loop-a.txt"), 0

    yield "dangling symlink", os.path.join(tmp, "dangling.txt"), 0

    yield "unix socket", os.path.join(tmp, "socket.txt"), 0

    yield "unreadable file", os.path.join(tmp, "unreadable.txt"), len(ARTICLE)

    yield "/dev/zero", "/dev/zero", 0


def prepare_special(tmp):
    os.mkdir(os.path.join(tmp, "folder.txt"))
    os.mkfifo(os.path.join(tmp, "fifo.txt"))
    os.symlink("loop-b.txt", os.path.join(tmp, "loop-a.txt"))
    os.symlink("loop-a.txt", os.path.join(tmp, "loop-b.txt"))
    os.symlink("nowhere.txt", os.path.join(tmp, "dangling.txt"))
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(os.path.join(tmp, "socket.txt"))
    unreadable = write(os.path.join(tmp, "unreadable.txt"), ARTICLE.encode())
    os.chmod(unreadable, 0)
    try:
        with open(unreadable, "rb"):
            readable = True
    except PermissionError:
        readable = False
    return sock, readable


def secret_check(secret_text):
    def validate(status, out, err):
        if secret_text.encode() in out or secret_text in err:
            return ["the external entity was resolved: the secret is in the output"]
        return []
    return validate


def write_big(path, good, member):
    """The notes file with 100 MB more in the string after member,
    written in pieces so that this script stays small."""
    at = good.index(member) + len(member)
    with open(path, "wb") as f:
        f.write(good[:at])
        for _ in range(100):
            f.write(b"x" * MB)
        f.write(good[at:])
    return path


def notes_cases(tmp, clipping):
    """Yields (name, path, expect_ok) for the notes files; None expect_ok means either."""
    base = os.path.join(tmp, "base.notes.json")
    status, out, err, _, _, _ = run([CLI, "annotate", clipping, "--quote", "first turbine",
                                     "--note", "A note", "--tag", "energy", "--notes", base],
                                    LIMIT * 5)
    if status != 0:
        raise SystemExit("Bail out! cannot write a notes file: %s" % err)
    with open(base, "rb") as f:
        good = f.read()
    doc = json.loads(good)

    yield "notes: valid", write(os.path.join(tmp, "valid.json"), good), True
    yield "notes: empty", write(os.path.join(tmp, "empty.json"), b""), False
    yield "notes: truncated", write(os.path.join(tmp, "truncated.json"), good[: len(good) // 2]), False
    yield "notes: not UTF-8", write(os.path.join(tmp, "latin1.json"),
                                    good.replace(b"A note", b"A n\xf6te")), False
    yield "notes: binary", write(os.path.join(tmp, "binary.json"), os.urandom(64 * 1024)), False

    def variant(name, change):
        d = json.loads(good)
        change(d)
        return write(os.path.join(tmp, name + ".json"), json.dumps(d).encode())

    yield "notes: version is a string", variant("vstring", lambda d: d.update(version="1")), False
    yield "notes: version is huge", variant("vhuge", lambda d: d.update(version=2 ** 70)), False
    yield "notes: annotations is an object", variant("aobj", lambda d: d.update(annotations={})), False
    yield "notes: annotations hold numbers", variant("anum", lambda d: d.update(annotations=[1, None, "x"])), False
    yield "notes: notes is a number", variant("nnum", lambda d: d.update(notes=5)), False
    yield "notes: root is an array", write(os.path.join(tmp, "array.json"), b"[1,2,3]"), False

    def bad_target(d):
        a = d["annotations"][0]
        a["target"] = {"selector": [{"type": "TextPositionSelector", "start": -5, "end": 2 ** 40},
                                    {"type": "TextQuoteSelector", "exact": 42}]}
    yield "notes: annotation with wrong selector types", variant("selector", bad_target), None

    def dup(d):
        d["annotations"] = d["annotations"] * 3
    yield "notes: duplicate ids", variant("dup", dup), True

    yield "notes: newer version", variant("newer", lambda d: d.update(version=99)), False

    depth = 1000000
    nested = b'{"version":1,"annotations":[],"extra":' + b"[" * depth + b"]" * depth + b"}"
    yield "notes: nested a million deep", write(os.path.join(tmp, "nested.json"), nested), False
    nested_obj = b'{"version":1,"extra":' + b'{"a":' * depth + b"1" + b"}" * depth + b"}"
    yield "notes: objects nested a million deep", write(os.path.join(tmp, "nestobj.json"), nested_obj), False
    in_ann = dict(doc)
    in_ann_bytes = json.dumps(in_ann).encode().replace(
        b'"annotations": [', b'"annotations": [' + b"[" * depth + b"]" * depth + b",", 1)
    yield "notes: nested a million deep in annotations", \
        write(os.path.join(tmp, "nestann.json"), in_ann_bytes), False

    yield "notes: a 100 MB string", write_big(os.path.join(tmp, "bignotes.json"), good,
                                               b'"notes" : "'), True
    yield "notes: a 100 MB note", write_big(os.path.join(tmp, "bignote.json"), good,
                                            b'"note" : "'), True

    yield "notes: a directory", os.path.join(tmp, "folder.txt"), False
    yield "notes: FIFO", os.path.join(tmp, "fifo.txt"), False
    yield "notes: symlink loop", os.path.join(tmp, "loop-a.txt"), False


def main():
    if not CLI:
        print("1..0 # SKIP DOSSIER_CLI is not set")
        return 0
    run([CLI, "--help"], LIMIT)  # the launcher starts small
    tmp = tempfile.mkdtemp(prefix="dossier-hostile-")
    try:
        secret_text = "SECRET-%08x" % random.getrandbits(32)
        secret = write(os.path.join(tmp, "secret.txt"), secret_text.encode())
        sock, readable = prepare_special(tmp)
        clipping = write(os.path.join(tmp, "clipping.txt"), ARTICLE.encode())
        app_subset = []

        for name, path, size in analyze_cases(tmp, secret):
            skip = None
            if name == "unreadable file" and readable:
                skip = "running as root: permissions do not stop reads"
            validate = secret_check(secret_text) if "entity" in name or "laughs" in name else None
            check("analyze: " + name, [CLI, "analyze", path], size, path,
                  validate=validate, skip=skip)
            if name in APP_SUBSET:
                app_subset.append((name, path))

        for name, path, expect in notes_cases(tmp, clipping):
            size = os.path.getsize(path) if os.path.isfile(path) else 0
            before = open(path, "rb").read() if os.path.isfile(path) else None

            def validate_export(status, out, err, expect=expect):
                code = os.WEXITSTATUS(status)
                if expect is True and code != 0:
                    return ["expected the notes to load: %s" % err.strip()]
                if expect is False and code != 1:
                    return ["expected a refusal"]
                return []
            check(name + " (export)", [CLI, "export", clipping, "--format", "json",
                                       "--notes", path], size, (clipping, path),
                  validate=validate_export)

            def validate_annotate(status, out, err, expect=expect, path=path, before=before):
                problems = validate_export(status, out, err)
                if before is None:
                    return problems
                after = open(path, "rb").read()
                if os.WEXITSTATUS(status) != 0 and after != before:
                    problems.append("the notes file was changed although it could not be read")
                if os.WEXITSTATUS(status) == 0:
                    try:
                        json.loads(after)
                    except ValueError:
                        problems.append("the saved notes file is not JSON")
                return problems
            # annotate reports errors about the notes file or the clipping
            check(name + " (annotate)", [CLI, "annotate", clipping, "--quote", "Tuesday",
                                         "--note", "n", "--notes", path], size,
                  (clipping, path),
                  validate=validate_annotate, limit=LIMIT * (3 if size > 50 * MB else 1))
            if name in ("notes: duplicate ids", "notes: newer version", "notes: truncated") \
                    and before is not None:
                # restore for the app run
                write(path, before)

        if APP and (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            home = os.path.join(tmp, "home")
            os.mkdir(home)
            env = dict(os.environ, DOSSIER_PROFILE_STARTUP="quit", GSK_RENDERER="cairo",
                       GSETTINGS_BACKEND="memory", HOME=home,
                       XDG_DATA_HOME=os.path.join(home, "data"),
                       XDG_CONFIG_HOME=os.path.join(home, "config"),
                       XDG_CACHE_HOME=os.path.join(home, "cache"))
            for name, path in app_subset:
                status, out, err, seconds, rss, killed = run([APP, path], APP_LIMIT, env=env)
                detail = "%s, %.2f s CPU, %d MB" % (describe(status) if not killed else "killed",
                                                 seconds, rss // MB)
                problems = []
                if killed:
                    problems.append("did not end within %.0f s of CPU time" % APP_LIMIT)
                elif os.WIFSIGNALED(status):
                    problems.append("ended by " + describe(status))
                elif "first-frame-ms" not in err:
                    problems.append("no first frame nor error reported: %r" % err[-300:])
                if secret_text in err:
                    problems.append("the external entity was resolved")
                line = "app: %s (%s)" % (name, detail)
                if problems:
                    line += ": " + "; ".join(problems) + " " + err[-500:].replace("\n", " | ")
                    if "app: " + name in KNOWN:
                        line += " # TODO " + KNOWN["app: " + name]
                results.append((not problems, line))
        else:
            results.append((True, "app # SKIP no DOSSIER_APP or no display"))
        sock.close()
    finally:
        for root, dirs, files in os.walk(tmp):
            for d in dirs:
                try:
                    os.chmod(os.path.join(root, d), 0o700)
                except OSError:
                    pass
        try:
            os.chmod(os.path.join(tmp, "unreadable.txt"), 0o600)
        except OSError:
            pass
        shutil.rmtree(tmp, ignore_errors=True)

    print("1..%d" % len(results))
    failed = 0
    for i, (ok, line) in enumerate(results, 1):
        print("%s %d - %s" % ("ok" if ok else "not ok", i, line))
        failed += not ok and "# TODO" not in line
    sys.stdout.flush()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
