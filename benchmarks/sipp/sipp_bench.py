"""What step_load.py and loss_run.py share: the Switchboard jar's command lines, SIPp's command line
and statistics, CPU time from /proc, the kernel's UDP drop counter and the live heap of a JVM."""
import csv
import os
import re
import signal
import subprocess
import time

CLK_TCK = os.sysconf("SC_CLK_TCK")


def _stat_cpu_seconds(stat_line):
    # utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the command name
    fields = stat_line.rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def process_cpu_seconds(pid):
    """CPU seconds (user and system) the process has used so far; OSError once it has ended."""
    with open(f"/proc/{pid}/stat") as f:
        return _stat_cpu_seconds(f.read())


def thread_cpu_seconds(pid):
    """(thread name, CPU seconds) of each thread of the process, leaving out threads that ended."""
    task_dir = f"/proc/{pid}/task"
    threads = []
    for tid in os.listdir(task_dir):
        try:
            with open(f"{task_dir}/{tid}/stat") as f:
                line = f.read()
        except OSError:
            continue  # the thread ended
        threads.append((line[line.index("(") + 1:line.rindex(")")], _stat_cpu_seconds(line)))
    return threads


def rcvbuf_errors(snmp):
    """UDP datagrams dropped for a full socket receive buffer, from the text of /proc/net/snmp."""
    rows = [line.split() for line in snmp.splitlines() if line.startswith("Udp:")]
    return int(dict(zip(rows[0][1:], rows[1][1:]))["RcvbufErrors"])


def heap_used_mb(pid):
    """Live heap after a full collection (jcmd GC.run, then GC.heap_info's used total)."""
    subprocess.run(["jcmd", str(pid), "GC.run"], check=True, stdout=subprocess.DEVNULL, timeout=60)
    info = subprocess.run(["jcmd", str(pid), "GC.heap_info"], check=True, capture_output=True, text=True,
                          timeout=60).stdout
    # one line per generation (Serial, Parallel) or one for the whole heap (G1): "... total NK, used NK"
    used = re.findall(r"^\s*[\w -]*(?:generation|heap)\s+total \d+K, used (\d+)K", info, re.M)
    return round(sum(int(u) for u in used) / 1024.0, 1) if used else float("nan")


def wait_for_line(path, needle, timeout):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if os.path.exists(path) and needle in open(path, errors="replace").read():
            return True
        time.sleep(0.1)
    return False


def switchboard_command(jar, words, data_dir):
    """A switchboard command (e.g. domain add D) on the data directory."""
    return ["java", "-jar", os.path.abspath(jar)] + list(words) + ["--data-dir", data_dir]


def switchboard_server(jar, cpu, jvm_args, port, options, data_dir, server_args):
    """The server pinned to cpu, listening for SIP on 127.0.0.1 only, with the given run options."""
    return (["taskset", "-c", str(cpu), "java"] + jvm_args + ["-jar", os.path.abspath(jar), "run", "--sip-port",
            str(port), "--listen", "127.0.0.1"] + options + ["--data-dir", data_dir] + server_args)


def start_logged(cmd, log):
    """Starts cmd with its output and errors written to the file log."""
    with open(log, "w") as out:
        return subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT)


def stop(server, callee, timeout):
    """Kills the SIPp callee if any, then stops the server (SIGTERM, SIGKILL after timeout seconds)."""
    if callee:
        callee.kill()
        callee.wait()
    server.send_signal(signal.SIGTERM)
    try:
        server.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        server.kill()


def user_row(name, password, display_name):
    """A line of the users.csv that `switchboard user import` reads."""
    return f"{name},{password},{display_name}\n"


def injection_row(name, password, domain):
    """A line of a SIPp injection file: user, credentials for [authentication], domain."""
    return f"{name};[authentication username={name} password={password}];{domain}\n"


def sipp_command(sipp, cpu, scenario, args):
    """SIPp pinned to cpu running scenario with the further args."""
    return ["taskset", "-c", str(cpu), sipp, "-sf", scenario] + args


def last_stats(stat_file):
    """The last row of a SIPp -trace_stat file, by column name."""
    with open(stat_file, newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    header, last = rows[0], rows[-1]
    return {name: last[i] for i, name in enumerate(header) if name}
