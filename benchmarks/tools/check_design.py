#!/usr/bin/env python3
"""Independent check of a territory design (python3 standard library only).

Reads the units file given to `Territories.Quality design` (GeoJSON polygons or points, or a CSV of
points with id,lat,lon columns) and the `unit_id,territory_id` file it wrote, and recomputes:

* coverage: every unit in exactly one territory, no unknown unit, the territory count (--k);
* balance: per attribute, each territory's sum from the input's attribute column, and the maximum
  relative deviation from the mean (total / K), against --tolerance;
* contiguity, for polygon units: two units are neighbours when their boundaries share a stretch of
  positive length (same segment, or collinear overlapping segments); each territory must be one
  connected piece of that graph;
* contiguity, for point units: the rule documented in src/Territories/Design/UnitGraphBuilder.cs is
  the Delaunay triangulation of the points (points at the same place are linked); it is rebuilt
  here with an own Bowyer-Watson triangulation and each territory must be one piece of it.
  With --territories FILE.geojson (territory polygons), each territory must also be one polygon
  that holds its points, and no two territories may overlap.

Prints one JSON object and exits 0 when every check passes, 1 when one fails, 2 on unusable input.
Example:
  python3 benchmarks/tools/check_design.py --units examples/data/sample-ohio/counties.geojson \
      --id-property GEOID --attribute population_zip --assignment out.csv --k 10 --tolerance 0.09
"""

import argparse
import csv
import json
import math
import sys
from collections import defaultdict


class InputError(Exception):
    pass


# ----------------------------------------------------------------------------- reading

def read_units(path, id_property, attributes):
    """Returns (ids, values{id: [float|None]}, kind, shapes{id: [rings]} or points{id: (x, y)})."""
    if path.lower().endswith(".csv"):
        return read_csv_units(path, id_property, attributes)
    try:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
    except (OSError, ValueError) as e:
        raise InputError(f"cannot read GeoJSON '{path}': {e}")
    features = doc.get("features") if isinstance(doc, dict) else None
    if not isinstance(features, list):
        raise InputError(f"'{path}' is not a GeoJSON FeatureCollection")
    ids, values, shapes, points = [], {}, {}, {}
    for n, feat in enumerate(features):
        props = feat.get("properties") or {}
        uid = props.get(id_property, feat.get("id"))
        if uid is None or str(uid).strip() == "":
            raise InputError(f"feature #{n} has no '{id_property}'")
        uid = str(uid)
        ids.append(uid)
        values[uid] = [to_float(props.get(a)) for a in attributes]
        geom = feat.get("geometry") or {}
        kind = geom.get("type")
        if kind == "Polygon":
            shapes[uid] = [geom["coordinates"]]
        elif kind == "MultiPolygon":
            shapes[uid] = geom["coordinates"]
        elif kind == "Point":
            points[uid] = tuple(geom["coordinates"][:2])
        else:
            raise InputError(f"feature '{uid}' has geometry {kind!r}, not a polygon or point")
    if shapes and points:
        raise InputError("the file mixes polygons and points")
    return ids, values, ("polygons" if shapes else "points"), (shapes if shapes else points)


def read_csv_units(path, id_property, attributes):
    try:
        with open(path, encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
    except OSError as e:
        raise InputError(f"cannot read '{path}': {e}")
    ids, values, points = [], {}, {}
    for n, row in enumerate(rows):
        uid = (row.get(id_property) or "").strip()
        if not uid:
            raise InputError(f"row {n + 2} has no '{id_property}'")
        ids.append(uid)
        values[uid] = [to_float(row.get(a)) for a in attributes]
        lat, lon = to_float(row.get("lat")), to_float(row.get("lon"))
        if lat is None or lon is None:
            raise InputError(f"unit '{uid}' has no usable lat/lon")
        points[uid] = (lon, lat)
    return ids, values, "points", points


def to_float(v):
    if v is None:
        return None
    try:
        f = float(v)
    except (TypeError, ValueError):
        return None
    return f if math.isfinite(f) else None


def read_assignment(path):
    try:
        with open(path, encoding="utf-8", newline="") as f:
            reader = csv.reader(f)
            header = next(reader, None)
            if header is None or [h.strip() for h in header[:2]] != ["unit_id", "territory_id"]:
                raise InputError(f"'{path}' must start with the header unit_id,territory_id")
            return [(r[0], r[1]) for r in reader if r]
    except OSError as e:
        raise InputError(f"cannot read '{path}': {e}")


# ----------------------------------------------------------------------------- polygon adjacency

def key(p):
    return (round(p[0], 7), round(p[1], 7))


def segments(rings_list):
    for polygon in rings_list:
        for ring in polygon:
            for a, b in zip(ring, ring[1:]):
                if key(a) != key(b):
                    yield (a[0], a[1]), (b[0], b[1])


def bbox(rings_list):
    xs = [p[0] for poly in rings_list for ring in poly for p in ring]
    ys = [p[1] for poly in rings_list for ring in poly for p in ring]
    return min(xs), min(ys), max(xs), max(ys)


def collinear_overlap(s, t, eps=1e-9):
    """Length of the overlap of two segments when they lie on one line, else 0."""
    (ax, ay), (bx, by) = s
    (cx, cy), (dx, dy) = t
    ux, uy = bx - ax, by - ay
    length = math.hypot(ux, uy)
    if length == 0:
        return 0.0
    # distance of c and d from the line through s
    if abs(ux * (cy - ay) - uy * (cx - ax)) / length > 1e-7 or abs(ux * (dy - ay) - uy * (dx - ax)) / length > 1e-7:
        return 0.0
    tc = ((cx - ax) * ux + (cy - ay) * uy) / length
    td = ((dx - ax) * ux + (dy - ay) * uy) / length
    lo, hi = max(0.0, min(tc, td)), min(length, max(tc, td))
    return hi - lo if hi - lo > eps else 0.0


def polygon_adjacency(ids, shapes):
    adj = {u: set() for u in ids}
    owner = defaultdict(set)
    segs = {}
    for u in ids:
        segs[u] = list(segments(shapes[u]))
        for a, b in segs[u]:
            owner[tuple(sorted((key(a), key(b))))].add(u)
    for us in owner.values():
        for u in us:
            adj[u] |= us - {u}
    # Borders drawn with different vertices on each side: collinear overlapping segments.
    boxes = {u: bbox(shapes[u]) for u in ids}
    order = sorted(ids, key=lambda u: boxes[u][0])
    for i, u in enumerate(order):
        bu = boxes[u]
        for v in order[i + 1:]:
            bv = boxes[v]
            if bv[0] > bu[2] + 1e-9:
                break
            if v in adj[u] or bv[1] > bu[3] + 1e-9 or bv[3] < bu[1] - 1e-9:
                continue
            if any(collinear_overlap(s, t) > 0 for s in segs[u] for t in segs[v]):
                adj[u].add(v)
                adj[v].add(u)
    return adj


# ----------------------------------------------------------------------------- Delaunay (Bowyer-Watson)

def delaunay_adjacency(ids, points):
    """Delaunay links of the points (projected locally), plus links between points at the same place."""
    lon0 = sum(points[u][0] for u in ids) / len(ids)
    lat0 = sum(points[u][1] for u in ids) / len(ids)
    # The same local projection as the design code (metres around the mean position), because a
    # Delaunay triangulation changes under unequal scaling of the axes.
    kx = 111_320 * math.cos(lat0 * math.pi / 180)
    ky = 110_574
    adj = {u: set() for u in ids}
    site_of = {}
    sites = []
    for u in ids:
        p = ((points[u][0] - lon0) * kx, (points[u][1] - lat0) * ky)
        k = (p[0], p[1])
        if k in site_of:
            first = site_of[k]
            adj[first].add(u)
            adj[u].add(first)
        else:
            site_of[k] = u
            sites.append((p, u))
    if len(sites) < 3:
        chain = sorted(ids, key=lambda u: points[u])
        for a, b in zip(chain, chain[1:]):
            adj[a].add(b)
            adj[b].add(a)
        return adj
    for a, b in triangulate([p for p, _ in sites]):
        ua, ub = sites[a][1], sites[b][1]
        adj[ua].add(ub)
        adj[ub].add(ua)
    return adj


def triangulate(pts):
    """Edges (i, j) of the Delaunay triangulation of pts; O(n^1.5) on average with a point grid walk."""
    n = len(pts)
    xs = [p[0] for p in pts]
    ys = [p[1] for p in pts]
    minx, maxx, miny, maxy = min(xs), max(xs), min(ys), max(ys)
    d = max(maxx - minx, maxy - miny) or 1.0
    mx, my = (minx + maxx) / 2, (miny + maxy) / 2
    P = list(pts) + [(mx - 1000 * d, my - d), (mx, my + 1000 * d), (mx + 1000 * d, my - d)]
    # triangles: dict id -> (a, b, c, cx, cy, r2)
    tris = {}
    next_id = [0]

    def add(a, b, c):
        (ax, ay), (bx, by), (cx, cy) = P[a], P[b], P[c]
        den = 2 * (ax * (by - cy) + bx * (cy - ay) + cx * (ay - by))
        if den == 0:
            ux, uy, r2 = ax, ay, float("inf")
        else:
            ux = ((ax * ax + ay * ay) * (by - cy) + (bx * bx + by * by) * (cy - ay) + (cx * cx + cy * cy) * (ay - by)) / den
            uy = ((ax * ax + ay * ay) * (cx - bx) + (bx * bx + by * by) * (ax - cx) + (cx * cx + cy * cy) * (bx - ax)) / den
            r2 = (ax - ux) ** 2 + (ay - uy) ** 2
        tid = next_id[0]
        next_id[0] += 1
        tris[tid] = (a, b, c, ux, uy, r2)
        for e in ((a, b), (b, c), (c, a)):
            edge_tris[frozenset(e)].add(tid)
        return tid

    edge_tris = defaultdict(set)

    def remove(tid):
        a, b, c = tris[tid][:3]
        for e in ((a, b), (b, c), (c, a)):
            s = edge_tris[frozenset(e)]
            s.discard(tid)
            if not s:
                del edge_tris[frozenset(e)]
        del tris[tid]

    last = add(n, n + 1, n + 2)
    # Insert in a spatially coherent order so that the walk from the last triangle is short.
    order = sorted(range(n), key=lambda i: hilbert_key(xs[i], ys[i], minx, miny, d))
    for i in order:
        px, py = P[i]
        # find a triangle whose circumcircle holds the point: start near the last one, then flood
        start = None
        if last in tris and in_circle(tris[last], px, py):
            start = last
        else:
            for tid, t in tris.items():
                if in_circle(t, px, py):
                    start = tid
                    break
        bad = {start}
        stack = [start]
        while stack:
            tid = stack.pop()
            a, b, c = tris[tid][:3]
            for e in ((a, b), (b, c), (c, a)):
                for other in edge_tris[frozenset(e)]:
                    if other not in bad and in_circle(tris[other], px, py):
                        bad.add(other)
                        stack.append(other)
        boundary = defaultdict(int)
        for tid in bad:
            a, b, c = tris[tid][:3]
            for e in ((a, b), (b, c), (c, a)):
                boundary[frozenset(e)] += 1
        for tid in bad:
            remove(tid)
        for e, count in boundary.items():
            if count == 1:
                a, b = tuple(e)
                last = add(a, b, i)
    edges = set()
    for a, b, c, *_ in tris.values():
        for u, v in ((a, b), (b, c), (c, a)):
            if u < n and v < n:
                edges.add((min(u, v), max(u, v)))
    # The finite super-triangle can cut off a few convex-hull edges; they are always Delaunay edges.
    hull = convex_hull(pts)
    for u, v in zip(hull, hull[1:] + hull[:1]):
        edges.add((min(u, v), max(u, v)))
    return edges


def convex_hull(pts):
    """Indices of the convex hull vertices (monotone chain, collinear points kept off)."""
    order = sorted(range(len(pts)), key=lambda i: pts[i])

    def cross(o, a, b):
        return (pts[a][0] - pts[o][0]) * (pts[b][1] - pts[o][1]) - (pts[a][1] - pts[o][1]) * (pts[b][0] - pts[o][0])

    lower, upper = [], []
    for i in order:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], i) <= 0:
            lower.pop()
        lower.append(i)
    for i in reversed(order):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], i) <= 0:
            upper.pop()
        upper.append(i)
    return lower[:-1] + upper[:-1]


def in_circle(t, px, py):
    return (px - t[3]) ** 2 + (py - t[4]) ** 2 < t[5] * (1 - 1e-12)


def hilbert_key(x, y, minx, miny, d, order=16):
    side = 1 << order
    xi = min(side - 1, int((x - minx) / d * (side - 1)))
    yi = min(side - 1, int((y - miny) / d * (side - 1)))
    h = 0
    s = side >> 1
    while s > 0:
        rx = 1 if xi & s else 0
        ry = 1 if yi & s else 0
        h += s * s * ((3 * rx) ^ ry)
        if ry == 0:
            if rx == 1:
                xi, yi = side - 1 - xi, side - 1 - yi
            xi, yi = yi, xi
        s >>= 1
    return h


# ----------------------------------------------------------------------------- territory polygons

def point_in_ring(x, y, ring):
    inside = False
    for (ax, ay), (bx, by) in zip(ring, ring[1:]):
        if (ay > y) != (by > y) and x < ax + (y - ay) * (bx - ax) / (by - ay):
            inside = not inside
    return inside


def point_in_polygon(x, y, polygon):
    return point_in_ring(x, y, polygon[0]) and not any(point_in_ring(x, y, h) for h in polygon[1:])


def proper_cross(p1, p2, p3, p4):
    def orient(a, b, c):
        v = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
        return 0 if abs(v) < 1e-15 else (1 if v > 0 else -1)
    o1, o2, o3, o4 = orient(p1, p2, p3), orient(p1, p2, p4), orient(p3, p4, p1), orient(p3, p4, p2)
    return o1 * o2 < 0 and o3 * o4 < 0


def check_territory_polygons(path, territory_units, points):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    polys = {}
    problems = []
    for feat in doc.get("features", []):
        props = feat.get("properties") or {}
        tid = str(props.get("territory_id", feat.get("id")))
        geom = feat.get("geometry") or {}
        if geom.get("type") == "Polygon":
            polys[tid] = geom["coordinates"]
        elif geom.get("type") == "MultiPolygon" and len(geom["coordinates"]) == 1:
            polys[tid] = geom["coordinates"][0]
        else:
            problems.append(f"territory {tid}: geometry {geom.get('type')} with {len(geom.get('coordinates') or [])} parts, not one polygon")
    for tid, units in territory_units.items():
        if tid not in polys:
            problems.append(f"territory {tid}: no polygon")
            continue
        outside = [u for u in units if not point_in_polygon(points[u][0], points[u][1], polys[tid])]
        if outside:
            problems.append(f"territory {tid}: {len(outside)} of its points lie outside its polygon, e.g. {outside[0]}")
    tids = sorted(polys)
    boxes = {t: bbox([polys[t]]) for t in tids}
    for i, a in enumerate(tids):
        for b in tids[i + 1:]:
            ba, bb = boxes[a], boxes[b]
            if ba[0] > bb[2] or bb[0] > ba[2] or ba[1] > bb[3] or bb[1] > ba[3]:
                continue
            sa = list(segments([polys[a]]))
            sb = list(segments([polys[b]]))
            if any(proper_cross(s[0], s[1], t[0], t[1]) for s in sa for t in sb):
                problems.append(f"territories {a} and {b} overlap (their boundaries cross)")
                continue
            # no crossing: one inside the other would still overlap; test a point of each unit set
            for x, y in ([points[u] for u in territory_units.get(a, [])[:3]]):
                if point_in_polygon(x, y, polys[b]):
                    problems.append(f"territories {a} and {b} overlap (a point of {a} lies in {b})")
                    break
    return problems


# ----------------------------------------------------------------------------- checks

def components(units, adj):
    units = set(units)
    seen = set()
    pieces = 0
    for s in units:
        if s in seen:
            continue
        pieces += 1
        stack = [s]
        seen.add(s)
        while stack:
            u = stack.pop()
            for v in adj[u]:
                if v in units and v not in seen:
                    seen.add(v)
                    stack.append(v)
    return pieces


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--units", required=True)
    ap.add_argument("--id-property", default="id")
    ap.add_argument("--attribute", required=True, help="A[,A2,...]")
    ap.add_argument("--assignment", required=True, help="unit_id,territory_id CSV")
    ap.add_argument("--tolerance", type=float, required=True)
    ap.add_argument("--k", type=int)
    ap.add_argument("--territories", help="territory polygons GeoJSON (point units)")
    args = ap.parse_args(argv)
    attributes = [a.strip() for a in args.attribute.split(",") if a.strip()]
    try:
        ids, values, kind, geo = read_units(args.units, args.id_property, attributes)
        rows = read_assignment(args.assignment)
    except InputError as e:
        print(json.dumps({"ok": False, "error": str(e)}))
        return 2

    problems = []
    missing_values = [(u, attributes[a]) for u in ids for a, v in enumerate(values[u]) if v is None]
    if missing_values:
        problems.append(f"{len(missing_values)} missing or non-numeric attribute value(s), e.g. unit {missing_values[0][0]} {missing_values[0][1]} (counted as 0)")
    known = set(ids)
    territory_of = {}
    for uid, tid in rows:
        if uid not in known:
            problems.append(f"unknown unit {uid} in the assignment")
        elif uid in territory_of:
            problems.append(f"unit {uid} assigned twice")
        else:
            territory_of[uid] = tid
    unassigned = [u for u in ids if u not in territory_of]
    if unassigned:
        problems.append(f"{len(unassigned)} unit(s) without a territory, e.g. {unassigned[0]}")
    territory_units = defaultdict(list)
    for u in ids:
        if u in territory_of:
            territory_units[territory_of[u]].append(u)
    k = len(territory_units)
    if args.k is not None and k != args.k:
        problems.append(f"{k} territories, expected {args.k}")

    balance = {}
    for a, name in enumerate(attributes):
        total = sum(values[u][a] or 0.0 for u in ids)
        mean = total / k if k else 0.0
        sums = {t: sum(values[u][a] or 0.0 for u in us) for t, us in territory_units.items()}
        worst = max((abs(s - mean) / mean for s in sums.values()), default=0.0) if mean > 0 else 0.0
        balance[name] = {"mean": round(mean, 6), "maxDeviation": round(worst, 6),
                         "min": round(min(sums.values(), default=0.0), 6), "max": round(max(sums.values(), default=0.0), 6)}
        if worst > args.tolerance + 1e-9:
            problems.append(f"{name}: max deviation {worst:.4%} exceeds ±{args.tolerance:.2%}")

    if kind == "polygons":
        adj = polygon_adjacency(ids, geo)
        rule = "shared polygon boundary of positive length"
    else:
        adj = delaunay_adjacency(ids, geo)
        rule = "Delaunay triangulation of the points (as documented in UnitGraphBuilder)"
    graph_pieces = components(ids, adj)
    pieces = {t: components(us, adj) for t, us in territory_units.items()}
    split = sorted(t for t, c in pieces.items() if c != 1)
    if split:
        problems.append(f"{len(split)} territory(ies) not in one piece: " + ", ".join(f"{t} ({pieces[t]} pieces)" for t in split[:10]))
    if args.territories:
        if kind != "points":
            problems.append("--territories is checked for point units only")
        else:
            try:
                problems.extend(check_territory_polygons(args.territories, territory_units, geo))
            except (OSError, ValueError, KeyError, TypeError) as e:
                problems.append(f"territory polygons unreadable: {e}")

    print(json.dumps({
        "ok": not problems,
        "units": len(ids),
        "unitKind": kind,
        "territories": k,
        "adjacency": rule,
        "links": sum(len(v) for v in adj.values()) // 2,
        "graphPieces": graph_pieces,
        "balance": balance,
        "contiguousTerritories": sum(1 for c in pieces.values() if c == 1),
        "problems": problems,
    }))
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
