#!/usr/bin/env python3
"""Authenticated calls through a SIP server on a lossy network, with SIPp as caller and callee.

Everything runs inside a network namespace this script creates (as root) and deletes again: the
server, the SIPp callee (UAS) and the SIPp caller (UAC), all on 127.0.0.1 of that namespace. Loss is
made there with iptables: each of the three drops the given share of the UDP datagrams it receives
(`-m statistic --mode random --probability P -j DROP` on the server's port and on each SIPp port),
so every hop loses P in each direction. Nothing leaves the namespace.

The server is Switchboard (the shaded jar) or Kamailio (the performance anchor; give its
configuration with --kamailio-cfg), started fresh for each run and pinned to --server-cpu; both
SIPp processes are pinned to --sipp-cpu. The scenarios are loss/caller.xml (INVITE, 407, ACK,
INVITE with credentials, [100], [180], 200, ACK, 1 s, BYE, 200) and loss/callee.xml. The caller
runs the calls in --segments consecutive SIPp runs on the same server (the first shows a fresh
server, the later ones a warm one); each segment reports SIPp's successful and failed calls, its
retransmissions and timeouts, and the server's CPU per 1000 calls, with the part its JIT compiler
threads took. Neither SIPp aborts a call on an unexpected message (-default_behaviors
all,-abortunexp): on a lossy network a retransmitted 407 or 200 after SIPp moved on, or an INVITE
the proxy retransmitted because the 180 and 200 were lost, is legitimate. A call fails when an
answer does not come within 10 s (-recv_timeout).

Example (docs/performance.md, "Calls on a lossy network"):

    python3 benchmarks/sipp/loss_run.py --server switchboard --rate 1000 --calls 30000 --segments 4 \
        --loss 0.05
"""
import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

import heap_dump
from sipp_bench import (injection_row, last_stats, process_cpu_seconds, rcvbuf_errors, sipp_command,
                        start_logged, stop, switchboard_command, switchboard_server, thread_cpu_seconds, user_row,
                        wait_for_line)

HERE = os.path.dirname(os.path.abspath(__file__))
SERVER_PORT = 5060
CALLEE_PORT = 5070
CALLER_PORT = 5080
CALLEE = "1999"


def sh(*cmd, check=True, **kw):
    return subprocess.run(list(cmd), check=check, **kw)


class Namespace:
    """A network namespace with only its loopback up, and loss rules on chosen UDP ports."""

    def __init__(self, name):
        self.name = name

    def __enter__(self):
        sh("ip", "netns", "add", self.name)
        self.run("ip", "link", "set", "lo", "up")
        return self

    def __exit__(self, *exc):
        sh("ip", "netns", "delete", self.name, check=False)

    def prefix(self):
        return ["ip", "netns", "exec", self.name]

    def run(self, *cmd, **kw):
        return sh(*self.prefix(), *cmd, **kw)

    def drop_received(self, port, probability):
        if probability > 0:
            self.run("iptables", "-A", "INPUT", "-p", "udp", "--dport", str(port), "-m", "statistic",
                     "--mode", "random", "--probability", str(probability), "-j", "DROP")

    def rcvbuf_errors(self):
        """UDP datagrams the namespace's kernel dropped for a full socket receive buffer."""
        return rcvbuf_errors(self.run("cat", "/proc/net/snmp", capture_output=True, text=True).stdout)

    def dropped(self):
        """Datagrams dropped by the loss rules so far, per destination port."""
        out = self.run("iptables", "-L", "INPUT", "-v", "-n", "-x", capture_output=True, text=True).stdout
        counts = {}
        for line in out.splitlines():
            parts = line.split()
            if "DROP" in parts and any(p.startswith("dpt:") for p in parts):
                port = next(p for p in parts if p.startswith("dpt:"))[4:]
                counts[port] = int(parts[0])
        return counts


def summed(pids, seconds):
    """seconds(pid) summed over the processes, leaving out those that ended."""
    total = 0.0
    for pid in pids:
        try:
            total += seconds(pid)
        except OSError:
            pass  # the process ended
    return total


def jit_seconds(pids):
    """CPU seconds of the JVM's JIT compiler threads (C1 and C2 CompilerThreadN)."""
    return summed(pids, lambda pid: sum(s for name, s in thread_cpu_seconds(pid) if "CompilerThre" in name))


def cpu_seconds(pids):
    return summed(pids, process_cpu_seconds)


def process_tree(pid):
    """pid and its descendants (Kamailio forks its workers)."""
    pids, todo = [], [pid]
    while todo:
        p = todo.pop()
        pids.append(p)
        try:
            with open(f"/proc/{p}/task/{p}/children") as f:
                todo.extend(int(c) for c in f.read().split())
        except OSError:
            pass
    return pids


def password(args, user):
    """Kamailio's anchor configuration takes pw-USER; Switchboard wants at least 8 characters."""
    return f"pw-{user}" if args.server == "kamailio" else f"pw-{user}-bench"


def start_switchboard(args, ns, data, log):
    users = os.path.join(data, "users.csv")
    with open(users, "w") as f:
        for i in range(args.users):
            f.write(user_row(1000 + i, password(args, 1000 + i), f"Caller {i}"))
        f.write(user_row(CALLEE, password(args, CALLEE), "Callee"))
    sh(*switchboard_command(args.jar, ["domain", "add", args.domain], data), stdout=subprocess.DEVNULL)
    sh(*switchboard_command(args.jar, ["user", "import", users, "--domain", args.domain], data),
       stdout=subprocess.DEVNULL)
    server = start_logged(ns.prefix() + switchboard_server(
        args.jar, args.server_cpu, args.jvm_arg, SERVER_PORT,
        ["--transports", "udp", "--http-port", "0", "--no-pnp", "--digest-algorithms", "md5"], data, args.server_arg),
        log)
    if not wait_for_line(log, "Switchboard started", 60):
        server.kill()
        sys.exit("Switchboard did not start; see " + log)
    return server


def start_kamailio(args, ns, data, log):
    cmd = ns.prefix() + ["taskset", "-c", str(args.server_cpu), "kamailio", "-f", os.path.abspath(args.kamailio_cfg),
                         "-E", "-DD", "-m", "1024", "-M", "16", "-x", "fm", "-X", "fm",
                         "-l", f"udp:127.0.0.1:{SERVER_PORT}", "-A", "WITH_AUTH",
                         "-A", f'CTL_SOCK="unixs:{os.path.join(data, "kamailio_ctl")}"',
                         "-Y", data]
    server = start_logged(cmd, log)
    time.sleep(3)
    if server.poll() is not None:
        sys.exit("Kamailio did not start; see " + log)
    return server


def sipp(args, ns, scenario, port, extra, work):
    return ns.prefix() + sipp_command(args.sipp, args.sipp_cpu, os.path.join(HERE, scenario), [
        f"127.0.0.1:{SERVER_PORT}", "-i", "127.0.0.1", "-p", str(port), "-t", "u1",
        "-buff_size", "4194304", "-nostdin", "-max_socket", "50000"] + extra)


def register_callee(args, ns, work):
    inf = os.path.join(work, "callee.csv")
    with open(inf, "w") as f:
        f.write("SEQUENTIAL\n" + injection_row(CALLEE, password(args, CALLEE), args.domain))
    sh(*sipp(args, ns, "callee/register.xml", CALLEE_PORT,
             ["-m", "1", "-inf", inf, "-auth_uri", args.domain, "-timeout", "20s", "-timeout_error"], work),
       cwd=work, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=30)


def run_segment(args, ns, work, server_pids, index):
    inf = os.path.join(work, "callers.csv")
    with open(inf, "w") as f:
        f.write("SEQUENTIAL\n")
        for i in range(args.users):
            f.write(injection_row(1000 + i, password(args, 1000 + i), args.domain))
    stat = os.path.join(work, f"stat-{index}.csv")
    seconds = args.calls / args.rate
    cmd = sipp(args, ns, "loss/caller.xml", CALLER_PORT + index,
               ["-s", CALLEE, "-inf", inf, "-auth_uri", f"{CALLEE}@{args.domain}", "-r", str(args.rate),
                "-m", str(args.calls), "-l", str(int(args.rate * 40)), "-aa",
                "-default_behaviors", "all,-abortunexp", "-recv_timeout", "10s", "-trace_stat", "-stf", stat,
                "-fd", "1", "-timeout", f"{int(seconds + 60)}s"] + args.sipp_arg, work)
    ns.drop_received(CALLER_PORT + index, args.loss)
    cpu_before, jit_before = cpu_seconds(server_pids()), jit_seconds(server_pids())
    rcvbuf_before = ns.rcvbuf_errors()
    started = time.time()
    proc = subprocess.Popen(cmd, cwd=work, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        _, err = proc.communicate(timeout=seconds + 80)
    except subprocess.TimeoutExpired:
        proc.terminate()  # calls still running count as failed below
        _, err = proc.communicate(timeout=30)
    wall = time.time() - started
    cpu = cpu_seconds(server_pids()) - cpu_before
    jit = jit_seconds(server_pids()) - jit_before
    s = last_stats(stat)
    ok = int(s["SuccessfulCall(C)"])
    failed = args.calls - ok
    return {
        "segment": index + 1, "calls": args.calls, "rate": args.rate, "successful": ok, "failed": failed,
        "failed_pct": round(100.0 * failed / max(1, args.calls), 2),
        "timeouts": int(s.get("FailedMaxUDPRetrans(C)", 0)) + int(s.get("FailedTimeoutOnRecv(C)", 0)),
        "unexpected": int(s.get("FailedUnexpectedMessage(C)", 0)),
        "retransmissions": int(s["Retransmissions(C)"]), "wall_s": round(wall, 1),
        "server_cpu_s": round(cpu, 2), "cpu_ms_per_1000": round(1e6 * cpu / max(1, ok + failed), 1),
        "jit_cpu_s": round(jit, 2), "udp_rcvbuf_errors": ns.rcvbuf_errors() - rcvbuf_before,
        "sipp_exit": proc.returncode, "sipp_stderr": err.decode(errors="replace")[-500:],
    }


def report_heap(args, server, work, heap_before, name, when):
    """Waits --settle seconds, dumps the heap and prints what grew since the first call."""
    if args.settle:
        time.sleep(args.settle)
    heap_dump.dump(server.pid, os.path.join(work, name))
    heap_after = heap_dump.bytes_by_class(os.path.join(work, name))
    print(f"heap before the first call and {args.settle} s {when} (reachable objects, from heap"
          " dumps), the classes that grew most:", flush=True)
    print("\n".join(heap_dump.difference(heap_before, heap_after)), flush=True)
    if args.keep_dumps:
        os.makedirs(args.keep_dumps, exist_ok=True)
        for dumped in ("before.hprof", name):
            shutil.copyfile(os.path.join(work, dumped), os.path.join(args.keep_dumps, dumped))


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--server", choices=["switchboard", "kamailio"], default="switchboard")
    p.add_argument("--jar", default="server/target/switchboard.jar")
    p.add_argument("--kamailio-cfg", help="Kamailio's configuration (the anchor's kamailio.cfg)")
    p.add_argument("--jvm-arg", action="append", default=[])
    p.add_argument("--server-arg", action="append", default=[])
    p.add_argument("--rate", type=int, default=200, help="calls per second")
    p.add_argument("--calls", type=int, default=3000, help="calls per segment")
    p.add_argument("--segments", type=int, default=1, help="consecutive SIPp runs on the same server")
    p.add_argument("--loss", type=float, default=0.05, help="share of received datagrams each side drops")
    p.add_argument("--users", type=int, default=100)
    p.add_argument("--callee", choices=["loss", "answer"], default="loss",
                   help="loss: loss/callee.xml, tolerant as a phone; answer: callee/answer.xml with SIPp's defaults, "
                        "which aborts a call on a retransmitted INVITE and forgets it 4 s after the BYE")
    p.add_argument("--domain", default=None, help="default: bench.example.com, 127.0.0.1 for Kamailio")
    p.add_argument("--server-cpu", type=int, default=0)
    p.add_argument("--sipp-cpu", type=int, default=1)
    p.add_argument("--sipp", default=shutil.which("sipp") or "sipp")
    p.add_argument("--sipp-arg", action="append", default=[])
    p.add_argument("--pcap", help="capture the namespace's loopback into this file (tcpdump)")
    p.add_argument("--keep-log", help="copy the server's log here")
    p.add_argument("--settle", type=int, default=0, help="seconds to wait after the last segment (tables drain); with --heap-check after each")
    p.add_argument("--heap-check", action="store_true",
                   help="Switchboard: the reachable objects before the first call and --settle s after each segment, "
                        "from heap dumps")
    p.add_argument("--keep-dumps", help="with --heap-check: keep the heap dumps in this folder")
    p.add_argument("--json")
    args = p.parse_args()
    if os.geteuid() != 0:
        sys.exit("needs root: creates a network namespace and iptables rules in it")
    if args.domain is None:
        args.domain = "127.0.0.1" if args.server == "kamailio" else "bench.example.com"
    args.sipp_arg = [a for arg in args.sipp_arg for a in arg.split()]
    data = tempfile.mkdtemp(prefix="loss-data-")
    work = tempfile.mkdtemp(prefix="loss-sipp-")
    log = os.path.join(data, "server.log")
    results = []
    with Namespace(f"sbloss{os.getpid()}") as ns:
        dump = None
        if args.pcap:
            dump = subprocess.Popen(ns.prefix() + ["tcpdump", "-i", "lo", "-s", "0", "-w", args.pcap, "udp"],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        start = start_switchboard if args.server == "switchboard" else start_kamailio
        server = start(args, ns, data, log)
        callee = None
        try:
            register_callee(args, ns, work)
            callee_run = (["loss/callee.xml", ["-default_behaviors", "all,-abortunexp"]] if args.callee == "loss"
                          else ["callee/answer.xml", []])
            callee = subprocess.Popen(sipp(args, ns, callee_run[0], CALLEE_PORT, callee_run[1], work), cwd=work,
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            ns.drop_received(SERVER_PORT, args.loss)
            ns.drop_received(CALLEE_PORT, args.loss)
            time.sleep(1)
            heap_before = None
            if args.heap_check:
                heap_dump.dump(server.pid, os.path.join(work, "before.hprof"))
                heap_before = heap_dump.bytes_by_class(os.path.join(work, "before.hprof"))
            for i in range(args.segments):
                r = run_segment(args, ns, work, lambda: process_tree(server.pid), i)
                results.append(r)
                print(json.dumps({k: v for k, v in r.items() if k != "sipp_stderr"}), flush=True)
                if args.heap_check and i < args.segments - 1:
                    report_heap(args, server, work, heap_before, f"after-{i + 1}.hprof",
                                f"after segment {i + 1}")
            r_drop = ns.dropped()
            print("datagrams dropped by the loss rules, per port:", r_drop, flush=True)
            if args.heap_check:
                report_heap(args, server, work, heap_before, "after.hprof", "after the last segment")
            elif args.settle:
                time.sleep(args.settle)
        finally:
            stop(server, callee, 30)
            if dump:
                dump.send_signal(signal.SIGINT)
                dump.wait(timeout=10)
    total = {k: sum(r[k] for r in results) for k in ("calls", "successful", "failed", "retransmissions",
                                                      "server_cpu_s")}
    total["cpu_ms_per_1000"] = round(1e6 * total["server_cpu_s"] / max(1, total["successful"] + total["failed"]), 1)
    print("total:", json.dumps(total), flush=True)
    if args.keep_log:
        shutil.copyfile(log, args.keep_log)
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"server": args.server, "loss": args.loss, "segments": results, "total": total}, f, indent=2)
    shutil.rmtree(work, ignore_errors=True)
    shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    main()
