#!/usr/bin/env python3
"""Start time and memory of the assembled distribution (bin/victor on Felix) and of Apache Karaf.

Measures, in scratch copies (the built directories are never touched):
  - a one-shot `bin/victor workflow:run examples/linear.yaml '{"name": "Ada"}'`, N times: the
    wall time from the spawn to the run's last line ("finished COMPLETED") and to the exit, and
    the peak resident memory (the kernel's maxrss of the process);
  - the interactive shell (`bin/victor` reading a pipe): the time to its prompt, then its resident
    memory (VmRSS in /proc) after it has idled for a few seconds;
  - Karaf (the directory the karaf profile prepares: Karaf from the local Maven repository with
    the features' bundles in its system/ repository), with the features of the Karaf test booted:
    its first boot (features resolved and installed), then N warm starts (bundle cache kept in
    data/, as Karaf runs) of its console reading a pipe, each running the same workflow:run as
    soon as the command exists, to that run's last line; and its memory idle after a few seconds.
Prints a Markdown section for BENCHMARKS.md, with the load (/proc/loadavg) before and after.

    benchmarks/start/measure.py [--runs 10] [--idle 5] [--shells 3] [--victor DIR]
        [--karaf DIR | --no-karaf] [--java-opts '...'] [--env NAME=VALUE]

Prepare first: `mvn -B -o -DskipTests -pl distribution -am package` (bin/victor), and for Karaf
`mvn -B -o -DskipTests -Pkaraf -pl distribution -am pre-integration-test`. No network is used.
"""

import argparse
import os
import re
import select
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
KARAF_VERSION = "4.4.10"
STATE = '{"name": "Ada"}'
DONE = b"finished COMPLETED"
KARAF_FEATURES = ["victor-workflows-yaml", "victor-workflows-json", "victor-workflows-http",
                  "victor-workflows-db", "victor-workflows-examples"]
TIMEOUT = 120.0


def main():
    parser = argparse.ArgumentParser(description="start time and memory of bin/victor and of Karaf")
    parser.add_argument("--runs", type=int, default=10, help="one-shot runs (and Karaf warm starts)")
    parser.add_argument("--idle", type=float, default=5.0, help="seconds a shell idles before its memory is read")
    parser.add_argument("--shells", type=int, default=3, help="interactive shells started")
    parser.add_argument("--victor", type=Path, default=ROOT / "distribution/target/victor")
    parser.add_argument("--karaf", type=Path,
                        default=ROOT / f"distribution/target/karaf/apache-karaf-{KARAF_VERSION}")
    parser.add_argument("--features", type=Path, default=ROOT / "distribution/target/features/features.xml")
    parser.add_argument("--no-karaf", action="store_true", help="measure bin/victor only")
    parser.add_argument("--java-opts", default=None, help="VICTOR_JAVA_OPTS for bin/victor (added to a free HTTP port)")
    parser.add_argument("--env", action="append", default=[], metavar="NAME=VALUE",
                        help="an environment variable for bin/victor (VICTOR_CDS=off: without class-data sharing)")
    args = parser.parse_args()

    if not (args.victor / "bin/victor").is_file():
        sys.exit(f"measure: no {args.victor}/bin/victor: build it (mvn -B -o -DskipTests -pl distribution -am package)")
    if not args.no_karaf and not (args.karaf / "bin/karaf").is_file():
        sys.exit(f"measure: no {args.karaf}/bin/karaf: prepare it (mvn -B -o -DskipTests -Pkaraf -pl distribution"
                 " -am pre-integration-test), or pass --no-karaf")

    load_before = loadavg()
    rows = []
    with tempfile.TemporaryDirectory(prefix="victor-start-") as scratch:
        victor = Path(scratch) / "victor"
        shutil.copytree(args.victor, victor, symlinks=True)
        rows += measure_victor(victor, args)
        if not args.no_karaf:
            karaf = Path(scratch) / "karaf"
            shutil.copytree(args.karaf, karaf, symlinks=True)
            rows += measure_karaf(karaf, args.features.resolve(), victor, args)
    load_after = loadavg()

    print(f"### Start and memory ({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())})")
    print()
    print(f"`benchmarks/start/measure.py --runs {args.runs} --idle {args.idle:g}`; {java_version()}, "
          f"{os.cpu_count()} cores; load (1, 5, 15 min) before {load_before}, after {load_after}."
          + (f" VICTOR_JAVA_OPTS: `{args.java_opts}`." if args.java_opts else "")
          + "".join(f" `{assignment}`." for assignment in args.env))
    print()
    print("| runtime | measure | n | median | min | max |")
    print("|---|---|---:|---:|---:|---:|")
    for row in rows:
        print(row)


# ---------------------------------------------------------------- bin/victor

def victor_env(args):
    env = dict(os.environ)
    opts = f"-Dorg.osgi.service.http.port={free_port()}"
    if args.java_opts:
        opts += " " + args.java_opts
    env["VICTOR_JAVA_OPTS"] = opts
    for assignment in args.env:
        name, _, value = assignment.partition("=")
        env[name] = value
    return env


def measure_victor(home, args):
    command = [str(home / "bin/victor"), "workflow:run", "examples/linear.yaml", STATE]
    # a fresh copy: its first start writes the class-data archive that the next ones map
    first_done, first_exit, _, _, status, text = run_to_exit(command, home, victor_env(args))
    if status != 0 or first_done is None:
        sys.exit(f"measure: bin/victor workflow:run failed (status {status}):\n{text}")
    output, exits, peaks, cpus = [], [], [], []
    for _ in range(args.runs):
        first_done, exited, peak, cpu, status, text = run_to_exit(command, home, victor_env(args))
        if status != 0 or first_done is None:
            sys.exit(f"measure: bin/victor workflow:run failed (status {status}):\n{text}")
        output.append(first_done)
        exits.append(exited)
        peaks.append(peak)
        cpus.append(cpu)
    prompts, idles = [], []
    for _ in range(args.shells):
        prompt, rss = idle_shell(home, args)
        prompts.append(prompt)
        idles.append(rss)
    return [
        row("Felix, bin/victor", "first start after unpacking: `workflow:run`'s output", seconds([first_done])),
        row("Felix, bin/victor", "first start after unpacking: exit", seconds([first_exit])),
        row("Felix, bin/victor", "one-shot `workflow:run`: its output", seconds(output)),
        row("Felix, bin/victor", "one-shot `workflow:run`: exit", seconds(exits)),
        row("Felix, bin/victor", "one-shot `workflow:run`: CPU (user + system)", seconds(cpus)),
        row("Felix, bin/victor", "one-shot `workflow:run`: peak RSS", mebibytes(peaks)),
        row("Felix, bin/victor", "shell: its prompt", seconds(prompts)),
        row("Felix, bin/victor", f"shell: RSS idle after {args.idle:g} s", mebibytes(idles)),
    ]


def run_to_exit(command, cwd, env):
    """Runs a command to its end: seconds to the line DONE, seconds to the exit, peak RSS (bytes),
    CPU seconds, status, output."""
    start = time.monotonic()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    text = b""
    first_done = None
    while True:
        chunk = os.read(process.stdout.fileno(), 65536)
        if not chunk:
            break
        text += chunk
        if first_done is None and DONE in text:
            first_done = time.monotonic() - start
    _, status, usage = os.wait4(process.pid, 0)
    exited = time.monotonic() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    cpu = usage.ru_utime + usage.ru_stime
    return first_done, exited, usage.ru_maxrss * 1024, cpu, process.returncode, text.decode(errors="replace")


def idle_shell(home, args):
    """bin/victor reading a pipe: seconds to its prompt, and its VmRSS (bytes) after idling."""
    start = time.monotonic()
    process = subprocess.Popen([str(home / "bin/victor")], cwd=home, env=victor_env(args),
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        text = read_until(process, [b"victor> "], start + TIMEOUT)
        prompt = time.monotonic() - start
        if b"victor> " not in text:
            sys.exit("measure: bin/victor opened no prompt:\n" + text.decode(errors="replace"))
        time.sleep(args.idle)
        rss = status_field(process.pid, "VmRSS")
        process.stdin.write(b"exit\n")
        process.stdin.close()
        process.wait(TIMEOUT)
        return prompt, rss
    finally:
        stop(process)


# ---------------------------------------------------------------- Karaf

def measure_karaf(karaf, features, victor, args):
    configure_karaf(karaf, features)
    env = dict(os.environ)
    env["JAVA_HOME"] = env.get("JAVA_HOME") or str(Path(os.path.realpath(shutil.which("java"))).parents[1])
    env.pop("KARAF_DEBUG", None)
    run = f"workflow:run {victor}/examples/linear.yaml '{STATE}'\n".encode()

    first = karaf_session(karaf, env, run, idle=0)[0]
    outputs, peaks, cpus = [], [], []
    for _ in range(args.runs):
        output, _, peak, cpu = karaf_session(karaf, env, run, idle=0)
        outputs.append(output)
        peaks.append(peak)
        cpus.append(cpu)
    prompts, idles = [], []
    for _ in range(args.shells):
        _, prompt, rss, _ = karaf_session(karaf, env, None, idle=args.idle)
        prompts.append(prompt)
        idles.append(rss)
    name = f"Karaf {KARAF_VERSION}"
    return [
        row(name, "first boot (features installed) to `workflow:run`'s output", seconds([first])),
        row(name, "warm start to `workflow:run`'s output", seconds(outputs)),
        row(name, "warm start to `workflow:run`'s output: CPU (user + system)", seconds(cpus)),
        row(name, "warm start and `workflow:run`: peak RSS", mebibytes(peaks)),
        row(name, "warm start: console prompt", seconds(prompts)),
        row(name, f"console: RSS idle after {args.idle:g} s", mebibytes(idles)),
    ]


def configure_karaf(karaf, features):
    """Boots the Karaf test's features, on ports of our own; an empty data/ (the first boot installs them)."""
    shutil.rmtree(karaf / "data", ignore_errors=True)
    cfg = karaf / "etc/org.apache.karaf.features.cfg"
    text = cfg.read_text()
    text = text.replace("featuresRepositories = \\\n", f"featuresRepositories = \\\n    {features.as_uri()}, \\\n", 1)
    text = text.replace("featuresBoot = \\\n", "featuresBoot = \\\n    " + ", ".join(KARAF_FEATURES) + ", \\\n", 1)
    cfg.write_text(text)
    shell = karaf / "etc/org.apache.karaf.shell.cfg"
    shell.write_text(shell.read_text().replace("sshPort = 8101", f"sshPort = {free_port()}"))
    management = karaf / "etc/org.apache.karaf.management.cfg"
    management.write_text(management.read_text()
                          .replace("rmiRegistryPort = 1099", f"rmiRegistryPort = {free_port()}")
                          .replace("rmiServerPort = 44444", f"rmiServerPort = {free_port()}"))


def karaf_session(karaf, env, command, idle):
    """bin/karaf with its console on a pipe: seconds to the command's DONE line (resent while the
    command is not there yet), seconds to the first prompt, and RSS (peak, or current after idling)."""
    start = time.monotonic()
    process = subprocess.Popen([str(karaf / "bin/karaf")], cwd=karaf, env=env, stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = start + 5 * TIMEOUT
        text = read_until(process, [b"karaf@root()>"], deadline)
        prompt = time.monotonic() - start
        if b"karaf@root()>" not in text:
            sys.exit("measure: Karaf opened no console:\n" + text.decode(errors="replace")[-4000:])
        done = None
        if command is not None:
            while done is None:
                process.stdin.write(command)
                process.stdin.flush()
                reply = read_until(process, [DONE, b"Command not found", b"rror"], deadline)
                if DONE in reply:
                    done = time.monotonic() - start
                elif time.monotonic() > deadline or process.poll() is not None:
                    sys.exit("measure: workflow:run never ran in Karaf:\n" + reply.decode(errors="replace")[-4000:])
                else:
                    time.sleep(0.02)
        time.sleep(idle)
        java = java_descendant(process.pid)
        rss = status_field(java, "VmHWM" if command is not None else "VmRSS")
        cpu = cpu_seconds(java)
        process.stdin.write(b"shutdown -f\n")
        process.stdin.flush()
        process.stdin.close()
        drain(process, time.monotonic() + TIMEOUT)
        process.wait(TIMEOUT)
        return done, prompt, rss, cpu
    finally:
        stop(process)


def java_descendant(pid):
    """The java process under bin/karaf (a shell script that may keep running as its parent)."""
    pending = [pid]
    while pending:
        current = pending.pop()
        try:
            if Path(f"/proc/{current}/comm").read_text().strip() == "java":
                return current
            for task in Path(f"/proc/{current}/task").iterdir():
                pending += [int(child) for child in (task / "children").read_text().split()]
        except FileNotFoundError:
            continue
    sys.exit(f"measure: no java process under {pid}")


# ---------------------------------------------------------------- helpers

def read_until(process, markers, deadline):
    """Output of the process until one of the markers appears (or it ends, or the deadline)."""
    text = b""
    fd = process.stdout.fileno()
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if not ready:
            continue
        chunk = os.read(fd, 65536)
        if not chunk:
            break
        text += chunk
        if any(marker in text for marker in markers):
            break
    return text


def drain(process, deadline):
    read_until(process, [], deadline)


def stop(process):
    if process.poll() is None:
        try:
            if os.getpgid(process.pid) == process.pid:
                os.killpg(process.pid, signal.SIGKILL)   # bin/karaf and its java
            else:
                process.kill()
        except ProcessLookupError:
            pass
        process.wait()


def cpu_seconds(pid):
    """User and system CPU time of a running process so far (/proc/PID/stat)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def status_field(pid, name):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(name + ":"):
            return int(line.split()[1]) * 1024
    sys.exit(f"measure: no {name} in /proc/{pid}/status")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def loadavg():
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def java_version():
    out = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr
    match = re.search(r'version "([^"]+)"', out)
    return f"JDK {match.group(1)}" if match else "JDK ?"


def seconds(values):
    return [f"{v:.2f} s" for v in sorted(values)], statistics.median(values), "s"


def mebibytes(values):
    return [f"{v / 1048576:.0f} MiB" for v in sorted(values)], statistics.median(values) / 1048576, "MiB"


def row(runtime, measure, figures):
    shown, median, unit = figures
    median_text = f"{median:.2f} s" if unit == "s" else f"{median:.0f} MiB"
    return f"| {runtime} | {measure} | {len(shown)} | {median_text} | {shown[0]} | {shown[-1]} |"


if __name__ == "__main__":
    main()
