#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Faults and security through dossier-cli (issue 8).

  - no network: an HTML clipping whose page references external images,
    scripts, stylesheets, iframes, an external DTD and external entities is
    analysed under `strace -f -e trace=network`: no socket of an inet
    family, no connect to one; a listener on 127.0.0.1 that the page points
    to gets no connection; the content of /etc/passwd (an external entity)
    is not in the output. Without strace those cases are skipped.
  - file names with any characters (spaces, quotes, a newline, bytes that
    are not UTF-8, a leading dash, shell syntax) work in analyze, annotate,
    export and notes-path.
  - the disk is full while `annotate` saves (RLIMIT_FSIZE, SIGXFSZ
    ignored, so the write fails with EFBIG): exit 1, a message on stderr
    naming the notes file, the previous notes file intact byte for byte.
  - 16 `annotate` processes at once on one notes file: none is lost.

Prints TAP.
"""

import json
import os
import re
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading

CLI = os.environ.get("DOSSIER_CLI")
SCALE = float(os.environ.get("HOSTILE_TIME_SCALE", "1"))

ARTICLE = """Harbour Board Delays the Crane Contract

By Jane Example

The harbour board postponed its vote on the new container cranes on Thursday.
Board members asked for a second opinion on the foundations of the north quay,
said Maria Lopez, who chairs the board in Aberdeen.

The vote is now expected in March 2026.
"""

count = 0


def report(name, problems=None, skip=None):
    global count
    count += 1
    if skip:
        print("ok %d - %s # SKIP %s" % (count, name, skip), flush=True)
    elif problems:
        print("not ok %d - %s" % (count, name))
        for p in problems:
            print("# " + str(p).replace("\n", "\n# "))
        sys.stdout.flush()
    else:
        print("ok %d - %s" % (count, name), flush=True)


def cli(args, cwd=None, preexec_fn=None, timeout=30):
    return subprocess.run([os.fsencode(CLI)] + [a if isinstance(a, bytes) else os.fsencode(a)
                                                for a in args],
                          cwd=cwd, capture_output=True, timeout=timeout * SCALE,
                          preexec_fn=preexec_fn)


def page(port, secret_uri):
    return ("""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html SYSTEM "http://127.0.0.1:%(port)d/dtd/xhtml1-strict.dtd" [
<!ENTITY leak SYSTEM "%(secret)s">
<!ENTITY remote SYSTEM "http://127.0.0.1:%(port)d/entity.txt">
<!ENTITY %% param SYSTEM "http://127.0.0.1:%(port)d/param.dtd">
%%param;
]>
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<title>Harbour Board Delays the Crane Contract &leak;</title>
<link rel="stylesheet" href="http://127.0.0.1:%(port)d/style.css"/>
<link rel="preload" href="https://127.0.0.1:%(port)d/font.woff2"/>
<script src="http://127.0.0.1:%(port)d/script.js"></script>
<style>@import url("http://127.0.0.1:%(port)d/import.css"); body { background: url(http://127.0.0.1:%(port)d/bg.png); }</style>
<meta http-equiv="refresh" content="0; url=http://127.0.0.1:%(port)d/refresh"/>
<base href="http://127.0.0.1:%(port)d/"/>
</head>
<body>
<h1>Harbour Board Delays the Crane Contract</h1>
<p>Leak: &leak; Remote: &remote;</p>
<img src="http://127.0.0.1:%(port)d/photo.jpg" srcset="http://127.0.0.1:%(port)d/photo-2x.jpg 2x"/>
<iframe src="http://127.0.0.1:%(port)d/frame.html"></iframe>
<object data="http://127.0.0.1:%(port)d/object.swf"></object>
<video src="http://127.0.0.1:%(port)d/video.mp4" poster="http://127.0.0.1:%(port)d/poster.jpg"></video>
<svg xmlns="http://www.w3.org/2000/svg"><image href="http://127.0.0.1:%(port)d/svg.png"/></svg>
<p>The harbour board postponed its vote on the new container cranes on Thursday.
Board members asked for a second opinion on the foundations of the north quay.</p>
<p>The vote is now expected in March 2026.</p>
</body>
</html>
""" % {"port": port, "secret": secret_uri}).encode()


class Listener:
    """A TCP server on 127.0.0.1 that counts the connections it gets."""

    def __init__(self):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self.running = True
        self.thread = threading.Thread(target=self.serve, daemon=True)
        self.thread.start()

    def serve(self):
        while self.running:
            try:
                conn, _ = self.sock.accept()
                self.connections += 1
                conn.close()
            except socket.timeout:
                pass
            except OSError:
                return

    def close(self):
        self.running = False
        self.thread.join()
        self.sock.close()


INET_CALL = re.compile(r"(AF_INET6?|PF_INET6?)\b")


def no_network_cases(tmp):
    strace = shutil.which("strace")
    listener = Listener()
    try:
        with open("/etc/passwd", "rb") as f:
            passwd = f.read()
        # A line of /etc/passwd that could not come from anywhere else.
        marker = next((l for l in passwd.split(b"\n") if l.startswith(b"root:")), b"root:x:0:0")

        for ext in ("html", "xhtml", "htm"):
            name = "external resources (.%s)" % ext
            path = os.path.join(tmp, "remote." + ext)
            with open(path, "wb") as f:
                f.write(page(listener.port, "file:///etc/passwd"))
            problems = []
            before = listener.connections

            if strace:
                log = os.path.join(tmp, "strace-%s.log" % ext)
                # LeakSanitizer cannot run under ptrace (sanitizer builds).
                env = dict(os.environ)
                env["ASAN_OPTIONS"] = env.get("ASAN_OPTIONS", "") + ":detect_leaks=0"
                proc = subprocess.run([strace, "-f", "-qq", "-e", "trace=network", "-o", log,
                                       CLI, "analyze", path],
                                      capture_output=True, timeout=60 * SCALE, env=env)
                with open(log, errors="replace") as f:
                    calls = [l.strip() for l in f if INET_CALL.search(l)]
                if calls:
                    problems.append("network calls:\n" + "\n".join(calls[:10]))
            else:
                proc = cli(["analyze", path])

            if proc.returncode not in (0, 1):
                problems.append("exit status %d: %s" % (proc.returncode, proc.stderr[-500:]))
            if proc.returncode == 0:
                try:
                    article = json.loads(proc.stdout)["article"]
                    if "container cranes" not in article["text"]:
                        problems.append("the article text is missing")
                except (ValueError, KeyError) as e:
                    problems.append("not the analysis JSON: %s" % e)
            if marker in proc.stdout or marker in proc.stderr:
                problems.append("the content of /etc/passwd is in the output")
            if listener.connections != before:
                problems.append("%d connections to the listener" % (listener.connections - before))
            report("no network: " + name + ("" if strace else " (listener only)"), problems)

        if not strace:
            report("no network: strace", skip="strace is not installed")
    finally:
        listener.close()


NAMES = [
    "with spaces in it.txt",
    "quote\"double and 'single'.txt",
    "new\nline.txt",
    "tab\tand\rreturn.txt",
    b"latin1-caf\xe9-not-utf8.txt",
    b"\xff\xfe-broken-\xc3.txt",
    "-leading-dash.txt",
    "--looks-like-an-option.txt",
    "$(touch pwned) `touch pwned` ; rm -rf nothing &.txt",
    "*glob?[x].txt",
    "back\\slash.txt",
    "émoji 📰 ąčęėįšųūž.txt",
    " leading and trailing space .txt",
    "%s%n%x format.txt",
    ".hidden.txt",
    "no-extension",
]


def filename_cases(tmp):
    base = os.path.join(tmp, "names")
    os.makedirs(base)
    for name in NAMES:
        bname = name if isinstance(name, bytes) else name.encode()
        shown = bname.decode("utf-8", "backslashreplace")
        path = os.path.join(base.encode(), bname)
        with open(path, "wb") as f:
            f.write(ARTICLE.encode())
        notes = os.path.join(base.encode(), b"notes of " + bname + b".json")
        out = os.path.join(base.encode(), b"export of " + bname + b".md")
        problems = []

        # Relative, after "--" (for a leading dash), and absolute.
        for argv in (["analyze", "--", bname], ["analyze", path]):
            proc = cli(argv, cwd=base)
            if proc.returncode != 0:
                problems.append("%r: exit %d: %s" % (argv, proc.returncode, proc.stderr[-300:]))
            else:
                try:
                    if "container cranes" not in json.loads(proc.stdout)["article"]["text"]:
                        problems.append("%r: text missing" % argv)
                except ValueError as e:
                    problems.append("%r: bad JSON: %s" % (argv, e))

        proc = cli(["annotate", path, "--quote", "container cranes", "--note", shown,
                    "--notes", notes])
        if proc.returncode != 0:
            problems.append("annotate: exit %d: %s" % (proc.returncode, proc.stderr[-300:]))
        proc = cli(["export", path, "--format", "markdown", "--notes", notes, "-o", out])
        if proc.returncode != 0 or not os.path.exists(out):
            problems.append("export: exit %d: %s" % (proc.returncode, proc.stderr[-300:]))
        elif b"container cranes" not in open(out, "rb").read():
            problems.append("export: the highlight is missing")
        proc = cli(["notes-path", path])
        if proc.returncode != 0 or not proc.stdout.strip():
            problems.append("notes-path: exit %d: %s" % (proc.returncode, proc.stderr[-300:]))

        # Missing: a clear error that names it, no crash.
        proc = cli(["analyze", path + b".missing"])
        if proc.returncode != 1 or not proc.stderr.startswith(b"dossier-cli: "):
            problems.append("missing file: exit %d: %s" % (proc.returncode, proc.stderr[-300:]))

        if os.path.exists(os.path.join(base, "pwned")):
            problems.append("a shell ran the name")
        report("file name %r" % shown, problems)


def limit_file_size(limit):
    def child():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))
    return child


def disk_full_case(tmp):
    folder = os.path.join(tmp, "full")
    os.makedirs(folder)
    clipping = os.path.join(folder, "clipping.txt")
    notes = os.path.join(folder, "clipping notes.json")
    with open(clipping, "w") as f:
        f.write(ARTICLE)
    problems = []

    proc = cli(["annotate", clipping, "--quote", "container cranes", "--note", "first",
                "--notes", notes])
    if proc.returncode != 0:
        report("disk full during annotate", ["first annotate failed: %s" % proc.stderr])
        return
    with open(notes, "rb") as f:
        before = f.read()

    proc = cli(["annotate", clipping, "--quote", "north quay", "--note", "x" * 20000,
                "--notes", notes], preexec_fn=limit_file_size(len(before) + 300))
    if proc.returncode != 1:
        problems.append("exit status %d, not 1" % proc.returncode)
    err = proc.stderr.decode(errors="replace")
    if not err.startswith("dossier-cli: "):
        problems.append("stderr: %r" % err)
    if notes not in err:
        problems.append("the message does not name the notes file: %r" % err)
    if proc.stdout:
        problems.append("an id was printed though nothing was saved: %r" % proc.stdout)
    with open(notes, "rb") as f:
        if f.read() != before:
            problems.append("the notes file changed")
    left = sorted(n for n in os.listdir(folder)
                  if n not in ("clipping.txt", "clipping notes.json", "clipping notes.json.bak"))
    if left:
        problems.append("left behind: %r" % left)
    print("# " + err.strip().replace("\n", "\n# "))
    report("disk full during annotate: exit 1, the file named, the notes intact", problems)

    # Room again: it saves, both annotations there.
    proc = cli(["annotate", clipping, "--quote", "north quay", "--notes", notes])
    with open(notes) as f:
        n = len(json.load(f)["annotations"])
    report("disk full: the next annotate saves", [] if proc.returncode == 0 and n == 2
           else ["exit %d, %d annotations" % (proc.returncode, n)])


def concurrent_case(tmp):
    folder = os.path.join(tmp, "concurrent")
    os.makedirs(folder)
    clipping = os.path.join(folder, "clipping.txt")
    notes = os.path.join(folder, "notes.json")
    with open(clipping, "w") as f:
        f.write(ARTICLE)
    quotes = ["container cranes", "north quay", "second opinion", "March 2026"]
    procs = [subprocess.Popen([CLI, "annotate", clipping, "--quote", quotes[i % 4],
                               "--note", "writer %d" % i, "--notes", notes],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
             for i in range(16)]
    ids = set()
    problems = []
    for p in procs:
        out, err = p.communicate(timeout=60 * SCALE)
        if p.returncode != 0:
            problems.append("exit %d: %s" % (p.returncode, err))
        ids.add(out.decode().strip())
    with open(notes) as f:
        saved = {a["id"] for a in json.load(f)["annotations"]}
    if saved != ids:
        problems.append("%d annotations saved of %d" % (len(saved & ids), len(ids)))
    report("16 annotate processes at once: all 16 saved", problems)


def main():
    if not CLI or not os.path.exists(CLI):
        print("1..0 # SKIP DOSSIER_CLI is not set")
        return 77
    tmp = tempfile.mkdtemp(prefix="dossier-faults-")
    try:
        no_network_cases(tmp)
        filename_cases(tmp)
        disk_full_case(tmp)
        concurrent_case(tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("1..%d" % count)
    return 0


if __name__ == "__main__":
    sys.exit(main())
