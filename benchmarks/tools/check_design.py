#!/usr/bin/env python3
"""Independent check of a territory design (python3 standard library only).

Reads the units file given to `Territories.Quality design` (GeoJSON polygons or points, or a CSV of
points with id,lat,lon columns) and the `unit_id,territory_id` file it wrote, and recomputes:

* coverage: every unit in exactly one territory, no unknown unit, the territory count (--k);
* balance: per attribute, each territory's sum from the input's attribute column, and the maximum
  relative deviation from the mean (total / K), against --tolerance;
* contiguity, for polygon units: two units are neighbours when their boundaries share more than
  1 metre of length (SNAP_METRES, the same tolerance as UnitGraphBuilder's), measured in the design
  code's local projection as the sum of the overlaps of their segments that lie on one another
  within 1 metre; so borders whose vertices do not coincide (one side densified, coordinates off by
  1e-9 degrees) still count, and a contact at a corner point never does; each
  territory must be one connected piece of that graph, or of that graph plus the accepted island
  links (below);
* island links: polygons in separate pieces (islands, a unit touching the rest only at a corner)
  are joined by the design command with island links, listed in its JSON output. Given that output
  (--design-output FILE, the JSON line `design` printed) or the links themselves (--island-links
  A:B,C:D), each link is accepted only when its two units really lie in different pieces of the
  border graph above; a territory that is in one piece only through accepted links passes and is
  listed under contiguousOnlyByIslandLinks, one that is split even with them fails;
* contiguity, for point units: the rule documented in src/Territories/Design/UnitGraphBuilder.cs is
  the Delaunay triangulation of the points (points at the same place are linked); it is rebuilt
  here with an own Bowyer-Watson triangulation and each territory must be one piece of it.
  With --territories FILE.geojson (territory polygons), each territory must also be one polygon
  that holds its points, and no two territories may overlap.

Prints one JSON object and exits 0 when every check passes, 1 when one fails, 2 on unusable input.
Example:
  python3 benchmarks/tools/check_design.py --design-output design.json ...
  python3 benchmarks/tools/check_design.py --units examples/data/sample-ohio/counties.geojson \
      --id-property GEOID --attribute population_zip --assignment out.csv --k 10 --tolerance 0.09
"""

import argparse
import csv
import json
import math
import sys
from collections import defaultdict

# The library's one Earth model (Territories.Spatial.Spherical): a sphere of the IUGG mean radius
# R1 = 6,371,008.8 m; the design's local projection has this many metres per degree on both axes.
EARTH_RADIUS_METRES = 6_371_008.8
METRES_PER_DEGREE = EARTH_RADIUS_METRES * math.pi / 180


class InputError(Exception):
    pass


# ----------------------------------------------------------------------------- reading

def read_units(path, id_property, attributes):
    """Returns (ids, values{id: [float|None]}, kind, shapes{id: [rings]} or points{id: (x, y)})."""
    if path.lower().endswith(".csv"):
        return read_csv_units(path, id_property, attributes)
    try:
        with open(path, encoding="utf-8-sig") as f:
            doc = json.load(f)
    except (OSError, ValueError) as e:
        raise InputError(f"cannot read GeoJSON '{path}': {e}")
    features = doc.get("features") if isinstance(doc, dict) else None
    if not isinstance(features, list):
        raise InputError(f"'{path}' is not a GeoJSON FeatureCollection")
    ids, values, shapes, points = [], {}, {}, {}
    for n, feat in enumerate(features):
        props = feat.get("properties") or {}
        lower = {k.lower(): v for k, v in props.items()}
        uid = props.get(id_property, lower.get(id_property.lower()))
        if uid is None:
            uid = feat.get("id")
        if uid is None or str(uid).strip() == "":
            raise InputError(f"feature #{n} has no '{id_property}'")
        uid = str(uid)
        ids.append(uid)
        values[uid] = [to_float(props.get(a, lower.get(a.lower()))) for a in attributes]
        geom = feat.get("geometry") or {}
        kind = geom.get("type")
        if kind == "GeometryCollection":
            parts = [g for g in geom.get("geometries") or [] if g.get("type") in ("Polygon", "MultiPolygon")]
            geom = {"type": "MultiPolygon", "coordinates": [p for g in parts for p in ([g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"])]}
            kind = "MultiPolygon"
        elif kind == "MultiPoint" and len(geom.get("coordinates") or []) == 1:
            geom = {"type": "Point", "coordinates": geom["coordinates"][0]}
            kind = "Point"
        if kind == "Polygon":
            shapes[uid] = [closed(geom["coordinates"])]
        elif kind == "MultiPolygon":
            shapes[uid] = [closed(poly) for poly in geom["coordinates"]]
        elif kind == "Point":
            points[uid] = tuple(geom["coordinates"][:2])
        else:
            raise InputError(f"feature '{uid}' has geometry {kind!r}, not a polygon or point")
    if shapes and points:
        raise InputError("the file mixes polygons and points")
    return ids, values, ("polygons" if shapes else "points"), (shapes if shapes else points)


def closed(rings):
    """Rings with the first position repeated at the end where a file left it out."""
    return [ring + [ring[0]] if ring and ring[0][:2] != ring[-1][:2] else ring for ring in rings]


def read_csv_units(path, id_property, attributes):
    try:
        with open(path, encoding="utf-8-sig", newline="") as f:
            rows = list(csv.reader(f))
    except OSError as e:
        raise InputError(f"cannot read '{path}': {e}")
    if not rows:
        raise InputError(f"'{path}' is empty")
    header = [h.strip().lower() for h in rows[0]]

    def column(*names):
        for name in names:
            if name.lower() in header:
                return header.index(name.lower())
        raise InputError(f"'{path}' has no column '{names[0]}'")

    id_col, lat_col, lon_col = column(id_property), column("lat", "latitude"), column("lon", "lng", "long", "longitude")
    attr_cols = [column(a) for a in attributes]

    def get(row, c):
        return row[c].strip() if c < len(row) else None

    ids, values, points = [], {}, {}
    for n, row in enumerate(rows[1:]):
        if not any(v.strip() for v in row):
            continue
        uid = get(row, id_col) or ""
        if not uid:
            raise InputError(f"row {n + 2} has no '{id_property}'")
        ids.append(uid)
        values[uid] = [to_float(get(row, c)) for c in attr_cols]
        lat, lon = to_float(get(row, lat_col)), to_float(get(row, lon_col))
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


SNAP_METRES = 1.0


def collinear_overlap(s, t, tol=SNAP_METRES):
    """Length of the stretch of segment s that t lies on, within tol of s's line (projected metres)."""
    (ax, ay), (bx, by) = s
    (cx, cy), (dx, dy) = t
    ux, uy = bx - ax, by - ay
    length = math.hypot(ux, uy)
    if length == 0:
        return 0.0
    if abs(ux * (cy - ay) - uy * (cx - ax)) / length > tol or abs(ux * (dy - ay) - uy * (dx - ax)) / length > tol:
        return 0.0
    tc = ((cx - ax) * ux + (cy - ay) * uy) / length
    td = ((dx - ax) * ux + (dy - ay) * uy) / length
    lo, hi = max(0.0, min(tc, td)), min(length, max(tc, td))
    return max(0.0, hi - lo)


def projector(shapes):
    """The local equirectangular projection in metres used by the design code (around the mean position)."""
    xs = [p[0] for rings in shapes.values() for poly in rings for ring in poly for p in ring]
    ys = [p[1] for rings in shapes.values() for poly in rings for ring in poly for p in ring]
    lon0, lat0 = central_longitude(xs), sum(ys) / len(ys)
    kx, ky = METRES_PER_DEGREE * math.cos(lat0 * math.pi / 180), METRES_PER_DEGREE
    return lambda p: (wrap(p[0] - lon0) * kx, (p[1] - lat0) * ky)


def central_longitude(xs):
    """The mean longitude, or the circular mean for positions spread over more than 180 degrees."""
    if max(xs) - min(xs) <= 180:
        return sum(xs) / len(xs)
    s = sum(math.sin(math.radians(x)) for x in xs) / len(xs)
    c = sum(math.cos(math.radians(x)) for x in xs) / len(xs)
    return math.degrees(math.atan2(s, c))


def wrap(dl):
    """A longitude difference taken the short way round (as the design code's projection does)."""
    return dl - 360 if dl > 180 else dl + 360 if dl < -180 else dl


def polygon_adjacency(ids, shapes):
    """Units whose boundaries share more than SNAP_METRES of length: the sum, over pairs of their
    segments lying on one another within SNAP_METRES, of the overlaps (identical segments included)."""
    adj = {u: set() for u in ids}
    project = projector(shapes)
    psegs = {u: [(project(a), project(b)) for a, b in segments(shapes[u])] for u in ids}
    boxes = {u: seg_box(psegs[u]) for u in ids if psegs[u]}
    order = sorted(boxes, key=lambda u: boxes[u][0])
    tol = SNAP_METRES
    for i, u in enumerate(order):
        bu = boxes[u]
        for v in order[i + 1:]:
            bv = boxes[v]
            if bv[0] > bu[2] + tol:
                break
            if bv[1] > bu[3] + tol or bv[3] < bu[1] - tol:
                continue
            near_u = [s for s in psegs[u] if box_near(s, bv, tol)]
            near_v = [t for t in psegs[v] if box_near(t, bu, tol)]
            shared = 0.0
            for s in near_u:
                for t in near_v:
                    if seg_near(s, t, tol):
                        # measured along the longer of the two, so that a short piece of a long segment counts once
                        shared += collinear_overlap(s, t) if seg_len(s) >= seg_len(t) else collinear_overlap(t, s)
                if shared > tol:
                    break
            if shared > tol:
                adj[u].add(v)
                adj[v].add(u)
    return adj


def seg_len(s):
    return math.hypot(s[1][0] - s[0][0], s[1][1] - s[0][1])


def seg_box(segs):
    xs = [c for s in segs for c in (s[0][0], s[1][0])]
    ys = [c for s in segs for c in (s[0][1], s[1][1])]
    return min(xs), min(ys), max(xs), max(ys)


def box_near(s, box, tol):
    return not (max(s[0][0], s[1][0]) < box[0] - tol or min(s[0][0], s[1][0]) > box[2] + tol
                or max(s[0][1], s[1][1]) < box[1] - tol or min(s[0][1], s[1][1]) > box[3] + tol)


def seg_near(s, t, tol):
    return box_near(s, (min(t[0][0], t[1][0]), min(t[0][1], t[1][1]), max(t[0][0], t[1][0]), max(t[0][1], t[1][1])), tol)


# ----------------------------------------------------------------------------- Delaunay (Bowyer-Watson)

def delaunay_adjacency(ids, points):
    """Delaunay links of the points (projected locally), plus links between points at the same place."""
    lon0 = central_longitude([points[u][0] for u in ids])
    lat0 = sum(points[u][1] for u in ids) / len(ids)
    # The same local projection as the design code (metres around the mean position), because a
    # Delaunay triangulation changes under unequal scaling of the axes.
    kx = METRES_PER_DEGREE * math.cos(lat0 * math.pi / 180)
    ky = METRES_PER_DEGREE
    adj = {u: set() for u in ids}
    site_of = {}
    sites = []
    for u in ids:
        p = (wrap(points[u][0] - lon0) * kx, (points[u][1] - lat0) * ky)
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


def read_island_links(design_output, listed):
    """(a, b) pairs from the design command's JSON line (islandLinks) and from 'A:B,C:D', and the
    territories that line says are in one piece only through them (None without a line)."""
    links = []
    claimed = None
    if design_output:
        try:
            with open(design_output, encoding="utf-8-sig") as f:
                lines = [ln for ln in f.read().splitlines() if ln.strip()]
            doc = json.loads(lines[-1]) if lines else {}
        except (OSError, ValueError) as e:
            raise InputError(f"cannot read the design output '{design_output}': {e}")
        for link in doc.get("islandLinks") or []:
            links.append((str(link["from"]), str(link["to"])))
        if "contiguousOnlyByIslandLinks" in doc:
            claimed = sorted(str(t) for t in doc["contiguousOnlyByIslandLinks"] or [])
    for pair in (listed or "").split(","):
        if pair.strip():
            a, sep, b = pair.strip().partition(":")
            if not sep:
                raise InputError(f"island link '{pair}' is not A:B")
            links.append((a.strip(), b.strip()))
    return links, claimed


def piece_of(ids, adj):
    piece = {}
    n = 0
    for s in ids:
        if s in piece:
            continue
        stack = [s]
        piece[s] = n
        while stack:
            u = stack.pop()
            for v in adj[u]:
                if v not in piece:
                    piece[v] = n
                    stack.append(v)
        n += 1
    return piece


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--units", required=True)
    ap.add_argument("--id-property", default="id")
    ap.add_argument("--attribute", required=True, help="A[,A2,...]")
    ap.add_argument("--assignment", required=True, help="unit_id,territory_id CSV")
    ap.add_argument("--tolerance", type=float, required=True)
    ap.add_argument("--k", type=int)
    ap.add_argument("--territories", help="territory polygons GeoJSON (point units)")
    ap.add_argument("--design-output", help="the JSON line printed by `design`: its islandLinks are accepted (after checking them)")
    ap.add_argument("--island-links", help="accepted island links A:B,C:D (checked like --design-output's)")
    args = ap.parse_args(argv)
    attributes = [a.strip() for a in args.attribute.split(",") if a.strip()]
    try:
        ids, values, kind, geo = read_units(args.units, args.id_property, attributes)
        rows = read_assignment(args.assignment)
        offered, claimed = read_island_links(args.design_output, args.island_links)
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
        rule = "shared polygon boundary longer than 1 m (segments within 1 m of one another)"
    else:
        adj = delaunay_adjacency(ids, geo)
        rule = "Delaunay triangulation of the points (as documented in UnitGraphBuilder)"
    graph_pieces = components(ids, adj)
    piece = piece_of(ids, adj)
    accepted = []
    for a, b in offered:
        if a not in piece or b not in piece:
            problems.append(f"island link {a}:{b} names a unit that is not in the input")
        elif piece[a] == piece[b]:
            problems.append(f"island link {a}:{b} joins two units of one piece of the border graph: not an island link")
        else:
            accepted.append((a, b))
    linked = {u: set(vs) for u, vs in adj.items()}
    for a, b in accepted:
        linked[a].add(b)
        linked[b].add(a)
    strict = {t: components(us, adj) for t, us in territory_units.items()}
    pieces = {t: components(us, linked) for t, us in territory_units.items()}
    split = sorted(t for t, c in pieces.items() if c != 1)
    only_by_links = sorted(t for t in territory_units if strict[t] != 1 and pieces[t] == 1)
    if claimed is not None and claimed != only_by_links:
        problems.append(f"the design output says {claimed} are in one piece only through island links; this check finds {only_by_links}")
    if split:
        problems.append(f"{len(split)} territory(ies) not in one piece: " + ", ".join(f"{t} ({pieces[t]} pieces)" for t in split[:10])
                        + (" even with the accepted island links" if accepted else ""))
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
        "islandLinksOffered": len(offered),
        "islandLinksAccepted": len(accepted),
        "graphPiecesWithIslandLinks": components(ids, linked),
        "contiguousOnlyByIslandLinks": only_by_links,
        "balance": balance,
        "contiguousTerritories": sum(1 for c in pieces.values() if c == 1),
        "problems": problems,
    }))
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
