#!/usr/bin/env python3
"""Runs the reference harnesses (libolm, libsignal-protocol-c) and our
ratchet_bench in the same run and prints their medians side by side.

  compare.py [--bin DIR] [--reps N] [--messages N]

DIR holds olm_bench, signal_bench and ratchet_bench (default: build/bin). A
missing anchor is reported and skipped. Times are microseconds per message
(stream, ping-pong) or per session (establish); ratio = theirs / ours, so
higher is better for us.
"""
import argparse
import json
import os
import re
import subprocess
import sys

# SUMMARY line names printed by the anchors, per row of the table.
ANCHOR_ROWS = {
    "olm": {
        "stream": "olm stream enc+dec",
        "pingpong": "olm pingpong enc+dec (DH ratchet each msg)",
        "establish": "olm establish (otk gen+outbound+inbound+2 msgs)",
    },
    "signal": {
        "stream": "signal stream enc+dec",
        "pingpong": "signal pingpong enc+dec (DH ratchet each msg)",
        "establish": "signal establish (2 identities+bundle+X3DH+2 msgs)",
    },
}
OUR_ROWS = {"stream": "BM_Stream", "pingpong": "BM_PingPong", "establish": "BM_Establish"}
ROW_TITLES = {
    "stream": "stream enc+dec (us/msg)",
    "pingpong": "ping-pong enc+dec (us/msg)",
    "establish": "establish (us/session)",
}
SUMMARY = re.compile(r"^SUMMARY (.+?)\s+median=\s*([0-9.]+)")


def run_anchor(path, reps, messages):
    if not os.path.exists(path):
        print("skipped (not built): %s" % path, file=sys.stderr)
        return None
    out = subprocess.run([path, str(reps), str(messages)], check=True, capture_output=True,
                         text=True).stdout
    medians = {}
    for line in out.splitlines():
        match = SUMMARY.match(line)
        if match:
            medians[match.group(1).strip()] = float(match.group(2))
    return medians


def run_ours(path, reps):
    out = subprocess.run([path, "--benchmark_format=json",
                          "--benchmark_repetitions=%d" % reps,
                          "--benchmark_report_aggregates_only=true"],
                         check=True, capture_output=True, text=True).stdout
    medians = {}
    for bench in json.loads(out)["benchmarks"]:
        if bench.get("aggregate_name") != "median":
            continue
        scale = {"ns": 1e-3, "us": 1.0, "ms": 1e3}[bench["time_unit"]]
        medians[bench["run_name"].split("/")[0]] = bench["real_time"] * scale
    return medians


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", default="build/bin")
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--messages", type=int, default=20000)
    args = parser.parse_args()

    anchors = {name: run_anchor(os.path.join(args.bin, name + "_bench"), args.reps,
                                args.messages)
               for name in ("olm", "signal")}
    ours = run_ours(os.path.join(args.bin, "ratchet_bench"), args.reps)

    header = "%-28s %12s %12s %12s %16s %14s" % ("median", "parley", "libsignal", "libolm",
                                                  "libsignal/ours", "libolm/ours")
    print(header)
    print("-" * len(header))
    for row, title in ROW_TITLES.items():
        mine = ours.get(OUR_ROWS[row])
        cells = [title, "%.2f" % mine if mine else "-"]
        ratios = []
        for name in ("signal", "olm"):
            value = anchors[name].get(ANCHOR_ROWS[name][row]) if anchors[name] else None
            cells.append("%.2f" % value if value else "-")
            ratios.append("%.2fx" % (value / mine) if value and mine else "-")
        print("%-28s %12s %12s %12s %16s %14s" % tuple(cells + ratios))


if __name__ == "__main__":
    main()
