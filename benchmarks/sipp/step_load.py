#!/usr/bin/env python3
"""Step-load benchmark of a running Switchboard jar with SIPp.

Method (docs/performance.md): the server pinned to one core, SIPp to the other, SIPp with a
4 MiB socket buffer, the rate stepped up every STEP seconds. A step passes when no call failed,
retransmissions stay under 0.1 % of the messages SIPp sent and the achieved rate is at least
95 % of the target. Beside each rate the server's CPU time per 1000 operations is reported: it
is the figure that survives a noisy machine.

The achieved rate is measured from SIPp's response-time trace: the scenario must mark the
measured exchange with rtd="true" (e.g. REGISTER -> 200, INVITE -> 180).
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

from sipp_bench import (heap_used_mb, injection_row, last_stats, process_cpu_seconds, rcvbuf_errors, sipp_command,
                        start_logged, stop, switchboard_command, switchboard_server, thread_cpu_seconds, user_row,
                        wait_for_line)


def thread_kind_cpu_seconds(pid):
    """CPU seconds per thread kind (the thread name with digits folded), e.g. GC or C2 threads."""
    kinds = {}
    for name, seconds in thread_cpu_seconds(pid):
        kind = re.sub(r"\d+", "N", name)
        kinds[kind] = kinds.get(kind, 0.0) + seconds
    return kinds


def udp_drops():
    """Datagrams the kernel dropped for a full socket receive buffer (all sockets of the host)."""
    with open("/proc/net/snmp") as f:
        return rcvbuf_errors(f.read())


def sends_per_call(scenario):
    return max(1, len(re.findall(r"<send\b", open(scenario).read())))


def response_times(work):
    samples = []
    for name in os.listdir(work):
        if name.endswith("_rtt.csv"):
            with open(os.path.join(work, name)) as f:
                next(f, None)
                for line in f:
                    parts = line.strip().split(";")
                    if len(parts) >= 2:
                        samples.append((float(parts[0]), float(parts[1])))
    return samples


def percentile(sorted_values, p):
    if not sorted_values:
        return float("nan")
    return sorted_values[min(len(sorted_values) - 1, int(len(sorted_values) * p))]


def run_step(args, rate, seconds, work, server_pid):
    calls = rate * seconds
    stat_file = os.path.join(work, "stat.csv")
    cmd = sipp_command(args.sipp, args.sipp_cpu, args.scenario, [
        args.target, "-t", args.transport, "-r", str(rate), "-m", str(calls), "-buff_size", "4194304",
        "-nostdin", "-trace_stat", "-stf", stat_file, "-fd", "1", "-trace_rtt", "-rtt_freq", "1",
        "-timeout", f"{seconds * 3 + 30}s", "-max_socket", "50000"]) + args.sipp_arg
    cpu_before = process_cpu_seconds(server_pid)
    drops_before = udp_drops()
    threads_before = thread_kind_cpu_seconds(server_pid) if args.thread_cpu else None
    started = time.time()
    proc = subprocess.run(cmd, cwd=work, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          timeout=seconds * 3 + 60)
    wall = time.time() - started
    cpu = process_cpu_seconds(server_pid) - cpu_before
    threads_after = thread_kind_cpu_seconds(server_pid) if args.thread_cpu else None
    stats = last_stats(stat_file)
    successful = int(stats["SuccessfulCall(C)"])
    failed = int(stats["FailedCall(C)"])
    retrans = int(stats["Retransmissions(C)"])
    rtt = sorted(response_times(work))
    if len(rtt) >= 2:
        span = (rtt[-1][0] - rtt[0][0]) / 1000.0 + 1.0 / rate
        achieved = len(rtt) / span
    else:
        achieved = 0.0
    times = sorted(t for _, t in rtt)
    sent = calls * sends_per_call(args.scenario)
    result = {
        "target": rate, "achieved": round(achieved, 1), "calls": calls, "successful": successful,
        "failed": failed, "retransmissions": retrans, "retrans_pct": round(100.0 * retrans / max(1, sent), 3),
        "p50_ms": percentile(times, 0.50), "p99_ms": percentile(times, 0.99),
        "server_cpu_s": round(cpu, 3),
        "cpu_ms_per_1000": round(1000.0 * cpu / max(1, successful) * 1000.0 / args.ops_per_call, 1)
        if successful else float("nan"),
        "started": round(started, 3), "wall_s": round(wall, 1), "sipp_exit": proc.returncode, "udp_drops": udp_drops() - drops_before,
    }
    if threads_after is not None and successful:
        per_1000 = {k: 1e6 * (v - threads_before.get(k, 0.0)) / successful / args.ops_per_call
                    for k, v in threads_after.items()}
        result["thread_cpu_ms_per_1000"] = {k: round(v, 1) for k, v in
                                            sorted(per_1000.items(), key=lambda kv: -kv[1]) if v >= 0.5}
    result["passed"] = (failed == 0 and successful == calls and result["retrans_pct"] < 0.1
                        and achieved >= 0.95 * rate)
    for name in os.listdir(work):
        os.remove(os.path.join(work, name))
    return result


def start_callee(args, data_dir, work):
    here = os.path.dirname(os.path.abspath(__file__))
    name = str(2000000 + args.users - 1)
    callee_csv = os.path.join(data_dir, "callee.csv")
    with open(callee_csv, "w") as f:
        f.write("SEQUENTIAL\n" + injection_row(name, f"pw-{name}-bench", args.domain))
    common = ["-t", args.transport, "-p", str(args.callee_port), "-nostdin", "-buff_size", "4194304"]
    subprocess.run(sipp_command(args.sipp, args.sipp_cpu, os.path.join(here, "callee", "register.xml"),
                                [args.target, "-m", "1", "-inf", callee_csv, "-auth_uri", args.domain,
                                 "-timeout", "20s"] + common),
                   cwd=work, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=30)
    answer = subprocess.Popen(sipp_command(args.sipp, args.sipp_cpu, os.path.join(here, "callee", "answer.xml"),
                                           ["-max_socket", "50000"] + common),
                              cwd=data_dir, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    args.sipp_arg += ["-s", name, "-key", "domain", args.domain]
    # callers authenticate INVITEs, whose Request-URI is the callee's
    args.sipp_arg[args.sipp_arg.index("-auth_uri") + 1] = f"{name}@{args.domain}"
    time.sleep(1)
    return answer


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jar", default="server/target/switchboard.jar")
    parser.add_argument("--server-arg", action="append", default=[], help="extra argument for the server")
    parser.add_argument("--jvm-arg", action="append", default=[],
                        help="extra JVM flag for the server, e.g. -XX:StartFlightRecording=filename=reg.jfr")
    parser.add_argument("--setup", action="append", default=[],
                        help="a switchboard command run before the server starts, e.g. 'user import users.csv'")
    parser.add_argument("--port", type=int, default=15060)
    parser.add_argument("--scenario", required=True)
    parser.add_argument("--transport", default="u1", help="SIPp transport: u1 (UDP) or t1 (TCP)")
    parser.add_argument("--rates", required=True, help="comma-separated target rates per second")
    parser.add_argument("--step-seconds", type=int, default=10)
    parser.add_argument("--warmup-rate", type=int, default=0, help="rate of an unreported warm-up step")
    parser.add_argument("--warmup-seconds", type=int, default=0,
                        help="length of the warm-up step (default: --step-seconds); the JIT compiler needs "
                             "about 30 s of load before the CPU figures settle")
    parser.add_argument("--ops-per-call", type=float, default=1.0,
                        help="operations per SIPp call, for CPU per 1000 operations")
    parser.add_argument("--server-cpu", type=int, default=0)
    parser.add_argument("--sipp-cpu", type=int, default=1)
    parser.add_argument("--sipp", default=shutil.which("sipp") or "sipp")
    parser.add_argument("--sipp-arg", action="append", default=[], help="extra SIPp argument (repeatable)")
    parser.add_argument("--continue-after-fail", type=int, default=1,
                        help="how many steps to run after the first failing one")
    parser.add_argument("--users", type=int, default=0,
                        help="create this many users (2000000..) in --domain before the server starts and pass "
                             "them to SIPp as an injection file (user;password;domain)")
    parser.add_argument("--domain", default="bench.example.com")
    parser.add_argument("--callee-port", type=int, default=0,
                        help="run a SIPp callee (callee/register.xml, then callee/answer.xml) on this port, "
                             "registered as the last of --users; the caller scenario gets -s CALLEE -key domain D")
    parser.add_argument("--json", help="write the results as JSON to this file")
    parser.add_argument("--keep-log", metavar="FILE", help="copy the server's log to FILE at the end")
    parser.add_argument("--heap-check", type=int, default=0, metavar="SECONDS",
                        help="report the live heap after the warm-up and again SECONDS after the last step "
                             "(both after a full collection), to show that nothing of the calls stays behind")
    parser.add_argument("--restart-after-warmup", action="store_true",
                        help="stop the server after the warm-up step and start it again (a fresh JVM that loads the "
                             "warm-up's bindings from the store) before the measured steps: the cold start after "
                             "a power cut, measured from the moment the new server says it started")
    parser.add_argument("--thread-cpu", action="store_true",
                        help="also report the server's CPU per 1000 operations by thread kind (GC, JIT, event loops)")
    args = parser.parse_args()
    args.scenario = os.path.abspath(args.scenario)
    args.target = f"127.0.0.1:{args.port}"
    args.sipp_arg = [a for arg in args.sipp_arg for a in arg.split()]

    data_dir = tempfile.mkdtemp(prefix="switchboard-bench-")
    work = tempfile.mkdtemp(prefix="switchboard-sipp-")
    if args.users:
        users_csv = os.path.join(data_dir, "users.csv")
        inject_csv = os.path.join(data_dir, "sipp-users.csv")
        with open(users_csv, "w") as u, open(inject_csv, "w") as inj:
            inj.write("SEQUENTIAL\n")
            for i in range(args.users):
                name, password = str(2000000 + i), f"pw-{2000000 + i}-bench"
                u.write(user_row(name, password, f"Bench {i}"))
                inj.write(injection_row(name, password, args.domain))
        args.setup = [f"domain add {args.domain}", f"user import {users_csv} --domain {args.domain}"] + args.setup
        # SIPp puts the remote address into the digest uri unless told the Request-URI
        args.sipp_arg += ["-inf", os.path.abspath(inject_csv), "-auth_uri", args.domain]
    for setup in args.setup:
        subprocess.run(switchboard_command(args.jar, setup.split(), data_dir), check=True, stdout=subprocess.DEVNULL)
    log = os.path.join(data_dir, "server.log")
    # nothing but SIP on loopback: no HTTP, no plug-and-play multicast on the machine's interfaces
    server = start_logged(switchboard_server(args.jar, args.server_cpu, args.jvm_arg, args.port,
                                             ["--http-port", "0", "--no-pnp"], data_dir, args.server_arg), log)
    results = []
    callee = None
    try:
        if not wait_for_line(log, "Switchboard started", 60):
            sys.exit("server did not start; see " + log)
        if args.callee_port:
            callee = start_callee(args, data_dir, work)
        if args.warmup_rate:
            run_step(args, args.warmup_rate, args.warmup_seconds or args.step_seconds, work, server.pid)
        if args.restart_after_warmup:
            stop(server, None, 20)
            server = start_logged(switchboard_server(args.jar, args.server_cpu, args.jvm_arg, args.port,
                                                     ["--http-port", "0", "--no-pnp"], data_dir, args.server_arg),
                                  log)
            if not wait_for_line(log, "Switchboard started", 120):
                sys.exit("server did not start again; see " + log)
        heap_before = heap_used_mb(server.pid) if args.heap_check else None
        print("| target/s | achieved/s | failed | retrans % | p50 ms | p99 ms | server CPU ms / 1000 ops | UDP drops | pass |")
        print("|---:|---:|---:|---:|---:|---:|---:|---:|:---:|")
        remaining_after_fail = None
        for rate in (int(r) for r in args.rates.split(",")):
            r = run_step(args, rate, args.step_seconds, work, server.pid)
            results.append(r)
            print(f"| {r['target']} | {r['achieved']} | {r['failed']} | {r['retrans_pct']} | {r['p50_ms']:.0f} | "
                  f"{r['p99_ms']:.0f} | {r['cpu_ms_per_1000']} | {r['udp_drops']} | {'yes' if r['passed'] else 'no'} |", flush=True)
            if "thread_cpu_ms_per_1000" in r:
                print("  threads, CPU ms / 1000 ops: " + ", ".join(
                    f"{k} {v}" for k, v in r["thread_cpu_ms_per_1000"].items()), flush=True)
            if not r["passed"]:
                remaining_after_fail = args.continue_after_fail if remaining_after_fail is None else remaining_after_fail - 1
                if remaining_after_fail <= 0:
                    break
        if args.heap_check:
            time.sleep(args.heap_check)
            heap_after = heap_used_mb(server.pid)
            print(f"live heap after the warm-up: {heap_before} MB; {args.heap_check} s after the last step: "
                  f"{heap_after} MB", flush=True)
    finally:
        stop(server, callee, 20)
        shutil.rmtree(work, ignore_errors=True)
    if args.keep_log:
        shutil.copyfile(log, args.keep_log)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=2)
    shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
