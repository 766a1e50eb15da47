#!/usr/bin/env python3
"""Independent checker of Cordeau-format PVRP solutions (.res) against their instances.

Written from ../shared/benchmarks/pvrp/FORMAT.md alone (not from the C# harness), standard library only.

    check_pvrp_res.py INSTANCE.txt SOLUTION.res
    check_pvrp_res.py --instances DIR --res DIR      # every DIR/<name>.res against DIR/<name>.txt

For each solution it recomputes every route's travel (Euclidean, unrounded), its duration (travel plus
service, at most D when D > 0), its load (at most Q), checks that each day has at most m routes and
distinct vehicle indices (empty routes "0 0", which Cordeau writes for unused
vehicles, are accepted and do not count), that every customer is visited on exactly the days of one of its allowed
combinations (day 1 is the most significant bit of a code) and at most once a day, and that the total
travel equals the cost on the file's first line within 0.01. The stated duration and load of each route
are compared with the recomputed ones too. It prints one JSON line per solution and exits 1 when any
solution breaks a rule (2 on a usage or parse error).

p01 quirk (FORMAT.md): a customer that sits on the depot may be left out of the file; it is then served
by an implicit zero-length route on the days of an allowed combination, and that route counts against m.
"""

import json
import math
import os
import sys

EPS = 1e-6
COST_TOLERANCE = 0.01


class Instance:
    def __init__(self, path):
        tokens = open(path, encoding="ascii").read().split()
        pos = 0

        def take():
            nonlocal pos
            pos += 1
            return tokens[pos - 1]

        self.name = os.path.splitext(os.path.basename(path))[0]
        self.type = int(take())
        self.m = int(take())
        self.n = int(take())
        self.t = int(take())
        if self.type != 1:
            raise ValueError(f"{path}: type {self.type} is not 1 (PVRP)")
        self.duration = []
        self.capacity = []
        for _ in range(self.t):
            self.duration.append(float(take()))
            self.capacity.append(float(take()))
        self.x, self.y, self.service, self.demand, self.codes = [], [], [], [], []
        for expected in range(self.n + 1):
            i = int(take())
            if i != expected:
                raise ValueError(f"{path}: node line {expected} has id {i}")
            self.x.append(float(take()))
            self.y.append(float(take()))
            self.service.append(float(take()))
            self.demand.append(float(take()))
            take()  # f: not trusted (p11 #131 has f = 0); the popcount of the chosen code counts
            a = int(take())
            self.codes.append({int(take()) for _ in range(a)})

    def dist(self, a, b):
        return math.hypot(self.x[a] - self.x[b], self.y[a] - self.y[b])

    def days_of(self, code):
        """1-based days of a combination code: day d is bit t - d (day 1 is the most significant)."""
        return {d for d in range(1, self.t + 1) if (code >> (self.t - d)) & 1}


def check(instance, res_path):
    violations = []
    lines = [ln.split() for ln in open(res_path, encoding="ascii").read().splitlines() if ln.strip()]
    if not lines:
        return {"res": res_path, "feasible": False, "violations": ["empty file"]}
    stated_cost = float(lines[0][0])
    total = 0.0
    routes_per_day = {}
    vehicles_per_day = {}
    visits = {}  # customer -> list of days
    route_count = 0
    for number, fields in enumerate(lines[1:], start=2):
        where = f"line {number}"
        try:
            day, vehicle = int(fields[0]), int(fields[1])
            stated_duration, stated_load = float(fields[2]), float(fields[3])
            nodes = [int(v) for v in fields[4:]]
        except (ValueError, IndexError):
            violations.append(f"{where}: cannot read route '{' '.join(fields)}'")
            continue
        route_count += 1
        if not 1 <= day <= instance.t:
            violations.append(f"{where}: day {day} outside 1..{instance.t}")
            continue
        if len(nodes) < 2 or nodes[0] != 0 or nodes[-1] != 0:
            violations.append(f"{where}: route does not start and end at depot 0")
            continue
        customers = nodes[1:-1]
        bad = [c for c in customers if not 1 <= c <= instance.n]
        if bad:
            violations.append(f"{where}: unknown customers {bad} (depot inside a route or id outside 1..{instance.n})")
            continue
        if customers:
            # Cordeau's own files list unused vehicles as empty routes "0 0"; only non-empty ones count.
            routes_per_day[day] = routes_per_day.get(day, 0) + 1
        used = vehicles_per_day.setdefault(day, set())
        if vehicle in used:
            violations.append(f"{where}: vehicle {vehicle} has two routes on day {day}")
        used.add(vehicle)
        travel = sum(instance.dist(a, b) for a, b in zip(nodes, nodes[1:]))
        service = sum(instance.service[c] for c in customers)
        load = sum(instance.demand[c] for c in customers)
        total += travel
        duration = travel + service
        limit = instance.duration[day - 1]
        if limit > 0 and duration > limit + EPS:
            violations.append(f"{where}: duration {duration:.4f} > D = {limit:g} on day {day}")
        if load > instance.capacity[day - 1] + EPS:
            violations.append(f"{where}: load {load:g} > Q = {instance.capacity[day - 1]:g} on day {day}")
        if abs(stated_load - load) > 0.5:
            violations.append(f"{where}: stated load {stated_load:g} but customers sum to {load:g}")
        if abs(stated_duration - duration) > COST_TOLERANCE + 1e-9 * duration:
            violations.append(f"{where}: stated duration {stated_duration:g} but recomputed {duration:.4f}")
        for c in customers:
            visits.setdefault(c, []).append(day)

    implicit = []
    for c in range(1, instance.n + 1):
        days = visits.get(c, [])
        if len(days) != len(set(days)):
            twice = sorted({d for d in days if days.count(d) > 1})
            violations.append(f"customer {c}: visited more than once on days {twice}")
        if not days and instance.dist(0, c) == 0:
            # p01 quirk: a customer on the depot may be left out; it needs an implicit route on the days
            # of one allowed combination where a vehicle is still free.
            fitting = [code for code in sorted(instance.codes[c], reverse=True)
                       if all(routes_per_day.get(d, 0) < instance.m for d in instance.days_of(code))]
            if fitting:
                for d in instance.days_of(fitting[0]):
                    routes_per_day[d] = routes_per_day.get(d, 0) + 1
                implicit.append(c)
            else:
                violations.append(f"customer {c}: on the depot, left out, and no allowed combination has a free vehicle on all its days")
            continue
        code = sum(1 << (instance.t - d) for d in set(days))
        if code not in instance.codes[c]:
            violations.append(f"customer {c}: visited on days {sorted(days)} (code {code}), not an allowed combination {sorted(instance.codes[c])}")

    for day, count in sorted(routes_per_day.items()):
        if count > instance.m:
            violations.append(f"day {day}: {count} routes > m = {instance.m}")

    if abs(total - stated_cost) > COST_TOLERANCE:
        violations.append(f"stated cost {stated_cost:.2f} but routes sum to {total:.4f}")

    result = {
        "instance": instance.name,
        "res": res_path,
        "n": instance.n,
        "routes": route_count,
        "stated_cost": stated_cost,
        "cost": round(total, 4),
        "feasible": not violations,
        "violations": len(violations),
    }
    if implicit:
        result["implicit_depot_customers"] = implicit
    if violations:
        result["first_violations"] = violations[:10]
    return result


def main(argv):
    if len(argv) == 2 and not argv[0].startswith("--"):
        pairs = [(argv[0], argv[1])]
    elif len(argv) == 4 and argv[0] == "--instances" and argv[2] == "--res":
        instances, results = argv[1], argv[3]
        names = sorted(f[:-4] for f in os.listdir(results) if f.endswith(".res"))
        pairs = [(os.path.join(instances, name + ".txt"), os.path.join(results, name + ".res")) for name in names]
        if not pairs:
            print(f"no .res files in {results}", file=sys.stderr)
            return 2
    else:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    failed = 0
    for instance_path, res_path in pairs:
        try:
            result = check(Instance(instance_path), res_path)
        except (OSError, ValueError, IndexError) as error:
            print(json.dumps({"res": res_path, "feasible": False, "error": str(error)}))
            failed += 1
            continue
        print(json.dumps(result))
        failed += not result["feasible"]
    print(f"checked {len(pairs)}, feasible {len(pairs) - failed}, infeasible {failed}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
