#!/usr/bin/env python3
"""directory_spread: how fast a new endorsement reaches every member.

    spread.py --bin build-bench/bin [--nodes 50] [--links 2] [--reps 3] [--seed 7]

Starts `nodes` real parleyd processes on 127.0.0.1 (ephemeral ports, cheap
KDF) in one network; node 0 is the secretariat (the anchor). Every other node
befriends `links` random earlier nodes through the real client (contacts add
both ways), so the contact graph is connected and sparse, as a real one is;
each endorsed expert is also the secretariat's contact (one endorses whom one
knows). Every node sets a profile, unendorsed: nobody beyond its contacts
sees it.

Each repetition, the secretariat endorses one more expert (`parley endorse`),
and pollers ask every node (`parley directory search NAME`) until it shows
the expert as endorsed. Reported per repetition: the time until the first
node and until the last node saw it, and the median, next to the contact
graph's hop distances from the secretariat (the baseline: the flood cannot be
faster than hops × one link's latency). Polling is round-robin over the nodes
not reached yet, so times are upper bounds, off by at most one sweep.

Prints "SUMMARY <name> median= min= max= <unit> (N=reps)" lines.
"""
import argparse
import collections
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor

PASSPHRASE = "spread bench passphrase"
STATES = ["AM", "GE", "AZ", "MD", "UA", "UZ", "KZ", "KG", "TJ", "TM", "RS", "AL"]


class Node:
    def __init__(self, bin_dir, root, index):
        self.bin = bin_dir
        self.index = index
        self.name = f"Expert {index:03d}"
        self.home = os.path.join(root, f"n{index:03d}")
        self.env = dict(os.environ, PARLEY_PASSPHRASE=PASSPHRASE, LANG="C.UTF-8")
        self.env.pop("PARLEY_HOME", None)
        self.daemon = None
        self.log = None

    def parleyd(self, *args):
        return subprocess.run([os.path.join(self.bin, "parleyd"), "--home", self.home, *args],
                              env=self.env, capture_output=True, text=True, check=False)

    def client(self, *args):
        return subprocess.run([os.path.join(self.bin, "parley"), "--home", self.home, *args],
                              env=self.env, capture_output=True, text=True, check=False,
                              timeout=60)

    def json(self, *args):
        result = self.client("--json", *args)
        if result.returncode != 0:
            raise RuntimeError(f"{self.name}: parley {' '.join(args)}: {result.stderr.strip()}")
        return json.loads(result.stdout)

    def start(self):
        self.log = open(self.home + ".log", "w")
        self.daemon = subprocess.Popen([os.path.join(self.bin, "parleyd"), "--home", self.home,
                                        "--log-level", "warn"],
                                       env=self.env, stdout=self.log, stderr=self.log)
        deadline = time.monotonic() + 30
        while self.client("status").returncode != 0:
            if time.monotonic() > deadline or self.daemon.poll() is not None:
                self.log.flush()
                with open(self.home + ".log") as log:
                    tail = log.read()[-2000:]
                raise RuntimeError(f"{self.name}: parleyd did not start:\n{tail}")
            time.sleep(0.05)

    def stop(self):
        if self.daemon and self.daemon.poll() is None:
            self.daemon.terminate()
            try:
                self.daemon.wait(20)
            except subprocess.TimeoutExpired:
                self.daemon.kill()
        if self.log:
            self.log.close()


def befriend(a, b, cards):
    for x, y in ((a, b), (b, a)):
        result = x.client("contacts", "add", cards[y.index], "--alias", f"n{y.index:03d}")
        if result.returncode != 0:
            raise RuntimeError(f"{x.name} cannot add {y.name}: {result.stderr.strip()}")


def hops_from(origin, edges, count):
    graph = collections.defaultdict(set)
    for a, b in edges:
        graph[a].add(b)
        graph[b].add(a)
    distance = {origin: 0}
    queue = collections.deque([origin])
    while queue:
        here = queue.popleft()
        for there in graph[here]:
            if there not in distance:
                distance[there] = distance[here] + 1
                queue.append(there)
    return [distance.get(i, -1) for i in range(count)]


def endorsed_at(node, name):
    try:
        found = node.json("directory", "search", name)
    except (RuntimeError, ValueError):
        return False
    return any(entry.get("name_latin") == name and entry.get("endorsements")
               for entry in found)


def one_spread(nodes, target, org, pollers):
    start = time.monotonic()
    nodes[0].json("endorse", f"n{target.index:03d}", "--org", org)
    reached = {}
    lock = threading.Lock()
    waiting = collections.deque(n for n in nodes if n is not target)

    def poll():
        while True:
            with lock:
                if not waiting:
                    return
                node = waiting.popleft()
            if endorsed_at(node, target.name):
                with lock:
                    reached[node.index] = time.monotonic() - start
            elif time.monotonic() - start > 60:
                with lock:
                    reached[node.index] = float("inf")
            else:
                with lock:
                    waiting.append(node)

    threads = [threading.Thread(target=poll) for _ in range(pollers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return reached


def summary(name, values, unit):
    print(f"SUMMARY {name} median={statistics.median(values):.3f} min={min(values):.3f} "
          f"max={max(values):.3f} {unit} (N={len(values)})")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    parser.add_argument("--nodes", type=int, default=50)
    parser.add_argument("--links", type=int, default=2)
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--pollers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    bin_dir = os.path.abspath(args.bin)

    with tempfile.TemporaryDirectory(prefix="parley-spread-") as root:
        nodes = [Node(bin_dir, root, i) for i in range(args.nodes)]
        charter = os.path.join(root, "charter.parley")
        setup = time.monotonic()
        first = nodes[0].parleyd("init", "--name", "Secretariat", "--kdf", "interactive",
                                 "--listen", "tcp://127.0.0.1:0")
        created = nodes[0].parleyd("network", "create", "--name", "Prague Process", "--out", charter)
        if first.returncode or created.returncode:
            sys.exit(f"cannot create the network: {first.stderr}{created.stderr}")
        with ThreadPoolExecutor(2) as pool:
            results = list(pool.map(
                lambda n: n.parleyd("init", "--name", n.name, "--kdf", "interactive", "--listen",
                                    "tcp://127.0.0.1:0", "--charter", charter), nodes[1:]))
        for node, result in zip(nodes[1:], results):
            if result.returncode:
                sys.exit(f"{node.name}: init failed: {result.stderr}")
        try:
            for node in nodes:
                node.start()
            cards = {}
            for node in nodes:
                state = rng.choice(STATES)
                node.json("profile", "set", "--name-latin", node.name, "--state", state,
                          "--areas", "legal-migration", "--languages", "ru,en",
                          "--org", "Ministry", "--role", "Expert")
                cards[node.index] = node.json("invite")["card"]
            edges = set()
            for i in range(1, args.nodes):
                for j in rng.sample(range(i), min(args.links, i)):
                    edges.add((j, i))
            targets = nodes[-args.reps:]
            for target in targets:
                edges.add((0, target.index))
            for a, b in sorted(edges):
                befriend(nodes[a], nodes[b], cards)
            # The secretariat must hold each target's profile before it endorses.
            for target in targets:
                deadline = time.monotonic() + 60
                while nodes[0].client("profile", "show", f"n{target.index:03d}").returncode:
                    if time.monotonic() > deadline:
                        sys.exit(f"the secretariat never got {target.name}'s profile")
                    time.sleep(0.1)
            time.sleep(3)  # first syncs settle
            hops = hops_from(0, edges, args.nodes)
            print(f"{args.nodes} daemons, {len(edges)} contact pairs, set up in "
                  f"{time.monotonic() - setup:.1f} s; hops from the secretariat: "
                  f"max {max(hops)}, median {statistics.median(hops):.0f}")

            all_reached, medians, firsts = [], [], []
            for rep, target in enumerate(targets):
                reached = one_spread(nodes, target, f"Organisation {rep}", args.pollers)
                times = sorted(reached.values())
                last = times[-1]
                print(f"rep {rep}: {target.name} endorsed; first node after {times[0]:.3f} s, "
                      f"median {statistics.median(times):.3f} s, last ({len(times)} nodes) after "
                      f"{last:.3f} s")
                all_reached.append(last)
                medians.append(statistics.median(times))
                firsts.append(times[0])
            summary("endorsement_reaches_all", all_reached, "s")
            summary("endorsement_reaches_half", medians, "s")
            summary("endorsement_first_node", firsts, "s")
        finally:
            for node in nodes:
                node.stop()


if __name__ == "__main__":
    main()
