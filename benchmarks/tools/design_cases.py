#!/usr/bin/env python3
"""Odd real-region inputs for `Territories.Quality design`, made from the Ohio sample, run end to end.

Every case is a transformation of examples/data/sample-ohio (counties.geojson, zips.csv) into the
same formats, imitating what other US regions do differently: island counties, corner-only contacts,
enclaves and holes, borders whose vertices do not coincide, odd attribute values and CSV dialects,
GeoJSON variants, and Texas-sized regions (Ohio mirrored east and west). Nothing is committed: the
files are written to OUT_DIR at run time (standard library only).

  python3 benchmarks/tools/design_cases.py generate OUT_DIR
  python3 benchmarks/tools/design_cases.py run OUT_DIR [--quality "dotnet .../Territories.Quality.dll"] [--only NAME] [--large]
  python3 benchmarks/tools/design_cases.py region REGION_DIR [--k 2,10] [--tolerance-counties 0.1] [--tolerance-zips 0.03] [--seconds 10]

`run` generates the files, runs `design` on each case, then benchmarks/tools/check_design.py on its
output (with the island links the command reported), and prints one JSON line per case plus a
summary; it exits 1 when any case does not end as expected (exit code, error code, check verdict).
`region` does the same for a real region built like the sample (examples/data/sample-ohio/README.md:
scripts/build.js on other states): counties.geojson and zips.csv at each K (ZIPs with --boundaries,
checked with --territories); it fails when the
checker disagrees with the command (a split territory, a rejected island link, a verdict that
differs from the exit code).
"""

import copy
import json
import math
import os
import random
import shlex
import subprocess
import sys
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OHIO = os.path.join(ROOT, "examples", "data", "sample-ohio")
CHECK = os.path.join(ROOT, "benchmarks", "tools", "check_design.py")
DEFAULT_QUALITY = "dotnet " + os.path.join(ROOT, "benchmarks", "Territories.Quality", "bin", "Release", "net10.0", "Territories.Quality.dll")


# ----------------------------------------------------------------------------- helpers

def load_counties():
    with open(os.path.join(OHIO, "counties.geojson"), encoding="utf-8") as f:
        return json.load(f)


def load_zips():
    import csv
    with open(os.path.join(OHIO, "zips.csv"), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def polygons(geom):
    return [geom["coordinates"]] if geom["type"] == "Polygon" else geom["coordinates"]


def map_coords(geom, fn):
    """A copy of a polygon geometry with every position replaced by fn(position)."""
    g = copy.deepcopy(geom)
    if g["type"] == "Polygon":
        g["coordinates"] = [[fn(p) for p in ring] for ring in g["coordinates"]]
    else:
        g["coordinates"] = [[[fn(p) for p in ring] for ring in poly] for poly in g["coordinates"]]
    return g


def map_rings(geom, fn):
    g = copy.deepcopy(geom)
    if g["type"] == "Polygon":
        g["coordinates"] = [fn(ring) for ring in g["coordinates"]]
    else:
        g["coordinates"] = [[fn(ring) for ring in poly] for poly in g["coordinates"]]
    return g


def square(x0, y0, size):
    """A counter-clockwise closed square ring."""
    return [[x0, y0], [x0 + size, y0], [x0 + size, y0 + size], [x0, y0 + size], [x0, y0]]


def feature(uid, geom, pop, name=None):
    return {"type": "Feature", "id": uid,
            "properties": {"GEOID": uid, "NAME": name or uid, "population_zip": pop}, "geometry": geom}


def write_geojson(path, doc):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, separators=(",", ":"))


def write_text(path, text, encoding="utf-8", newline="\n"):
    with open(path, "w", encoding=encoding, newline="") as f:
        f.write(text.replace("\n", newline))


def csv_field(v):
    v = str(v)
    return '"' + v.replace('"', '""') + '"' if any(c in v for c in ',"\r\n') else v


def zips_csv(rows, columns):
    lines = [",".join(columns)]
    for r in rows:
        lines.append(",".join(csv_field(r.get(c, "")) for c in columns))
    return "\n".join(lines) + "\n"


# ----------------------------------------------------------------------------- polygon cases

def case_islands(doc):
    """Ohio plus island units in Lake Erie: a lone county, a two-county island piece, a MultiPolygon
    of two islands, and one island touching another only at a corner."""
    out = copy.deepcopy(doc)
    by_id = {f["properties"]["GEOID"]: f for f in doc["features"]}

    def shifted(uid, dx, dy, new_id):
        f = by_id[uid]
        g = map_coords(f["geometry"], lambda p: [round(p[0] + dx, 5), round(p[1] + dy, 5)])
        return feature(new_id, g, f["properties"]["population_zip"], "Island " + new_id)

    # Ottawa (39123) and Sandusky (39143) share a border: moved together they make a two-unit island piece.
    out["features"].append(shifted("39123", 0.0, 0.9, "15001"))
    out["features"].append(shifted("39143", 0.0, 0.9, "15003"))
    # Lorain (39093) alone, far out.
    out["features"].append(shifted("39093", 0.3, 1.2, "15005"))
    # One unit made of two separate islands.
    out["features"].append(feature("15007", {"type": "MultiPolygon", "coordinates": [
        [square(-81.6, 42.3, 0.1)], [square(-81.3, 42.35, 0.08)]]}, 40000, "Two islands"))
    # A unit touching 15007's first island only at its corner (-81.5, 42.4): still an island of its own.
    out["features"].append(feature("15009", {"type": "Polygon", "coordinates": [square(-81.5, 42.4, 0.1)]}, 30000, "Corner island"))
    return out


def case_archipelago():
    """Hawaii-like: six units, each its own island, two of them touching at a corner only."""
    feats = []
    for i, (x, y) in enumerate([(-160, 21), (-159.2, 21.4), (-158.4, 21.0), (-157.6, 21.3), (-157.5, 21.1), (-156.5, 20.7)]):
        size = 0.1 if i in (3, 4) else 0.4
        if i == 4:
            x, y = -157.6 + 0.1, 21.3 - size  # touches island 3 at (-157.5, 21.3) only
        feats.append(feature(f"1500{i}", {"type": "Polygon", "coordinates": [square(x, y, size)]}, 10000 * (i + 1)))
    return {"type": "FeatureCollection", "features": feats}


def case_corners():
    """A 6 x 6 checkerboard where the 'black' squares touch each other only at corners and the 'white'
    ones are present only in the first column, plus a Four-Corners cross; the builder and the checker
    must both see corner contacts as no contact."""
    feats = []
    for r in range(6):
        for c in range(6):
            if (r + c) % 2 == 0 or c == 0:
                feats.append(feature(f"C{r}{c}", {"type": "Polygon", "coordinates": [square(-100 + 0.2 * c, 37 + 0.2 * r, 0.2)]}, 1000 + 37 * r + 11 * c))
    # Four Corners: four squares meeting at (-109.05, 37.0), only two pairs of them sharing an edge.
    for n, (dx, dy) in enumerate([(-0.5, 0), (0, 0), (-0.5, -0.5), (0, -0.5)]):
        feats.append(feature(f"F{n}", {"type": "Polygon", "coordinates": [square(-109.05 + dx, 37.0 + dy, 0.5)]}, 5000))
    return {"type": "FeatureCollection", "features": feats}


def case_enclaves(doc):
    """Ohio with an independent city inside Franklin (a hole filled by a unit), a lake hole in Delaware
    with nothing inside, and an enclave with its own hole holding a further enclave."""
    out = copy.deepcopy(doc)
    by_id = {f["properties"]["GEOID"]: f for f in out["features"]}
    # Franklin 39049 centre near (-83.0, 39.97); holes are clockwise.
    hole = [[-83.05, 39.93], [-83.05, 40.01], [-82.95, 40.01], [-82.95, 39.93], [-83.05, 39.93]]
    inner = [[-83.02, 39.96], [-83.02, 39.98], [-82.98, 39.98], [-82.98, 39.96], [-83.02, 39.96]]
    frank = by_id["39049"]["geometry"]
    assert frank["type"] == "Polygon"
    frank["coordinates"].append(hole)
    out["features"].append(feature("51510", {"type": "Polygon", "coordinates": [list(reversed(hole)), inner]}, 150000, "Independent City"))
    out["features"].append(feature("51520", {"type": "Polygon", "coordinates": [list(reversed(inner))]}, 20000, "Enclave in enclave"))
    dela = by_id["39041"]["geometry"]
    cx = sum(p[0] for p in dela["coordinates"][0]) / len(dela["coordinates"][0])
    cy = sum(p[1] for p in dela["coordinates"][0]) / len(dela["coordinates"][0])
    dela["coordinates"].append([[cx - 0.03, cy - 0.03], [cx - 0.03, cy + 0.03], [cx + 0.03, cy + 0.03], [cx + 0.03, cy - 0.03], [cx - 0.03, cy - 0.03]])
    return out


def case_offset(doc, seed=1):
    """Every other county's vertices moved by up to 1e-9 degrees (what reprojection round trips do)."""
    rnd = random.Random(seed)
    out = copy.deepcopy(doc)
    for n, f in enumerate(out["features"]):
        if n % 2 == 1:
            f["geometry"] = map_coords(f["geometry"], lambda p: [p[0] + rnd.choice((-1, 1)) * 1e-9, p[1] + rnd.choice((-1, 1)) * 1e-9])
    return out


def case_densified(doc):
    """Every other county's rings densified (three points inserted on every edge), so its borders have
    vertices its neighbours lack, off the neighbour's segment by floating-point rounding only."""
    out = copy.deepcopy(doc)

    def densify(ring):
        res = []
        for a, b in zip(ring, ring[1:]):
            res.append(a)
            for t in (0.25, 0.5, 0.75):
                res.append([a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])])
        res.append(ring[-1])
        return res

    for n, f in enumerate(out["features"]):
        if n % 2 == 0:
            f["geometry"] = map_rings(f["geometry"], densify)
    return out


def case_attributes(doc):
    """Zero population, the attribute as a string, ids as numbers."""
    out = copy.deepcopy(doc)
    for n, f in enumerate(out["features"]):
        p = f["properties"]
        if n % 3 == 0:
            p["population_zip"] = str(p["population_zip"])
        if n % 17 == 5:
            p["population_zip"] = 0
    return out


def with_bad(doc, mutate):
    out = copy.deepcopy(doc)
    mutate(out["features"])
    return out


def case_crs(doc):
    out = copy.deepcopy(doc)
    out["crs"] = {"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}}
    out["bbox"] = [-84.82069, 38.40342, -80.51713, 41.97752]
    return out


def case_feature_ids(doc):
    """Ids only as Feature ids (half strings, half numbers); the GEOID property removed."""
    out = copy.deepcopy(doc)
    for n, f in enumerate(out["features"]):
        f["id"] = int(f["properties"]["GEOID"]) if n % 2 else f["properties"]["GEOID"]
        del f["properties"]["GEOID"]
    return out


def case_numeric_ids(doc):
    out = copy.deepcopy(doc)
    for f in out["features"]:
        f["properties"]["GEOID"] = int(f["properties"]["GEOID"])
        f.pop("id", None)
    return out


def case_3d(doc):
    out = copy.deepcopy(doc)
    for f in out["features"]:
        f["geometry"] = map_coords(f["geometry"], lambda p: [p[0], p[1], 183.5])
    return out


def case_collections(doc):
    """Geometries wrapped in GeometryCollections, property names in lower case."""
    out = copy.deepcopy(doc)
    for f in out["features"]:
        f["properties"] = {k.lower(): v for k, v in f["properties"].items()}
        f["geometry"] = {"type": "GeometryCollection", "geometries": [f["geometry"]]}
        f.pop("id", None)
    return out


def mirrored(doc, copies=3):
    """Ohio and its mirror images across its straight Indiana (west) and Pennsylvania (east) borders:
    88 x copies counties in one connected region. Border vertices within 0.02 degrees of the mirror
    line are put on it first (in every copy the same way, so shared borders stay identical)."""
    east, west = -80.51713, -84.82069

    def snap(p):
        x = p[0]
        if x > east - 0.02:
            x = east
        elif x < west + 0.02:
            x = west
        return [x, p[1]]

    base = [dict(f, geometry=map_coords(f["geometry"], snap)) for f in doc["features"]]
    out = {"type": "FeatureCollection", "features": []}
    plans = [("", None), ("E", east), ("W", west)][:copies]
    for prefix, axis in plans:
        for f in base:
            g = f["geometry"]
            if axis is not None:
                g = map_rings(g, lambda ring, a=axis: [[round(2 * a - p[0], 5) if p[0] != a else a, p[1]] for p in reversed(ring)])
            uid = prefix + f["properties"]["GEOID"]
            out["features"].append(feature(uid, g, f["properties"]["population_zip"]))
    return out


def mirrored_zips(rows, keep=0.7):
    east, west = -80.51713, -84.82069
    out = []
    for prefix, axis in [("", None), ("E", east), ("W", west)]:
        for n, r in enumerate(rows):
            if (n * 7919) % 100 >= keep * 100:
                continue
            lon = float(r["lon"])
            if axis is not None:
                lon = round(2 * axis - lon, 5)
            out.append(dict(r, id=prefix + r["id"], lon=lon))
    return out


# ----------------------------------------------------------------------------- CSV cases

def csv_cases(rows):
    cols = ["id", "name", "lat", "lon", "population", "county_id"]
    cases = {}
    cases["zips_bom_crlf.csv"] = ("\ufeff" + zips_csv(rows, cols), "\r\n")
    quoted = [dict(r) for r in rows]
    for n, r in enumerate(quoted):
        if n % 10 == 0:
            r["name"] = r["name"] + ", OH \"North\""
        r["region"] = "Mid-West, US"
        r["population"] = "0" if n % 41 == 3 else r["population"]
    cases["zips_quoted_reordered.csv"] = (zips_csv(quoted, ["county_id", "population", "name", "region", "lon", "id", "lat"]), "\n")
    strings = [dict(r, population=f"{r['population']}") for r in rows]
    text = zips_csv(strings, cols)
    # Attribute values quoted as strings ("1234") and a few written as 1234.0 / 1.2e3.
    lines = text.split("\n")
    for i in range(1, len(lines) - 1, 5):
        parts = lines[i].split(",")
        parts[4] = '"' + parts[4] + '"'
        lines[i] = ",".join(parts)
    cases["zips_string_numbers.csv"] = ("\n".join(lines), "\n")
    bad = [dict(r) for r in rows]
    bad[3]["lat"] = "n/a"
    bad[7]["lon"] = ""
    cases["bad_latlon.csv"] = (zips_csv(bad, cols), "\n")
    bad = [dict(r) for r in rows]
    bad[5]["population"] = ""
    bad[9]["population"] = "NULL"
    bad[11]["population"] = "-5"
    cases["bad_population.csv"] = (zips_csv(bad, cols), "\n")
    dup = [dict(r) for r in rows] + [dict(rows[0], name="Duplicate")]
    cases["duplicate_ids.csv"] = (zips_csv(dup, cols), "\n")
    cases["short_row.csv"] = (zips_csv(rows[:20], cols) + "45999,Short\n", "\n")
    return cases


# ----------------------------------------------------------------------------- generate

def generate(out_dir, large=False):
    os.makedirs(out_dir, exist_ok=True)
    doc = load_counties()
    rows = load_zips()
    files = {
        "islands.geojson": case_islands(doc),
        "archipelago.geojson": case_archipelago(),
        "corners.geojson": case_corners(),
        "enclaves.geojson": case_enclaves(doc),
        "offset.geojson": case_offset(doc),
        "densified.geojson": case_densified(doc),
        "densified_offset.geojson": case_offset(case_densified(doc), seed=2),
        "attributes.geojson": case_attributes(doc),
        "crs.geojson": case_crs(doc),
        "feature_ids.geojson": case_feature_ids(doc),
        "numeric_ids.geojson": case_numeric_ids(doc),
        "xyz.geojson": case_3d(doc),
        "collections.geojson": case_collections(doc),
        "null_attribute.geojson": with_bad(doc, lambda fs: fs[4]["properties"].__setitem__("population_zip", None)),
        "missing_attribute.geojson": with_bad(doc, lambda fs: fs[6]["properties"].pop("population_zip")),
        "text_attribute.geojson": with_bad(doc, lambda fs: fs[8]["properties"].__setitem__("population_zip", "about 5000")),
        "duplicate_ids.geojson": with_bad(doc, lambda fs: fs.append(copy.deepcopy(fs[10]))),
        "zip_points.geojson": {"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": {"id": r["id"], "population": int(r["population"])},
             "geometry": {"type": "Point", "coordinates": [float(r["lon"]), float(r["lat"])]}} for r in rows]},
    }
    if large:
        files["texas_counties.geojson"] = mirrored(doc)
    for name, content in files.items():
        write_geojson(os.path.join(out_dir, name), content)
    for name, (text, newline) in csv_cases(rows).items():
        write_text(os.path.join(out_dir, name), text, newline=newline)
    if large:
        write_text(os.path.join(out_dir, "texas_zips.csv"), zips_csv(mirrored_zips(rows), ["id", "name", "lat", "lon", "population", "county_id"]))
    return sorted(files) + sorted(csv_cases(rows))


# ----------------------------------------------------------------------------- run

COUNTY = ["--id-property", "GEOID", "--attribute", "population_zip"]
ZIP = ["--id-property", "id", "--attribute", "population"]

# name, file, args, expected exit code (None: 0 or 1), expected error codes (one of them), check expected ok (None: no check)
CASES = [
    ("islands", "islands.geojson", COUNTY + ["--k", "10", "--tolerance", "0.1"], 0, [], True),
    ("archipelago", "archipelago.geojson", COUNTY + ["--k", "2", "--tolerance", "0.35"], 0, [], True),
    ("corners", "corners.geojson", COUNTY + ["--k", "3", "--tolerance", "0.3"], 0, [], True),
    ("enclaves", "enclaves.geojson", COUNTY + ["--k", "10", "--tolerance", "0.25"], 0, [], True),
    ("offset", "offset.geojson", COUNTY + ["--k", "10", "--tolerance", "0.09"], 0, [], True),
    ("densified", "densified.geojson", COUNTY + ["--k", "10", "--tolerance", "0.09"], 0, [], True),
    ("densified_offset", "densified_offset.geojson", COUNTY + ["--k", "10", "--tolerance", "0.09"], 0, [], True),
    ("attributes", "attributes.geojson", COUNTY + ["--k", "10", "--tolerance", "0.2"], 0, [], True),
    ("crs", "crs.geojson", COUNTY + ["--k", "10", "--tolerance", "0.09"], 0, [], True),
    ("feature_ids", "feature_ids.geojson", COUNTY + ["--k", "10", "--tolerance", "0.09"], 0, [], True),
    ("numeric_ids", "numeric_ids.geojson", COUNTY + ["--k", "10", "--tolerance", "0.09"], 0, [], True),
    ("xyz", "xyz.geojson", COUNTY + ["--k", "10", "--tolerance", "0.09"], 0, [], True),
    ("collections", "collections.geojson", COUNTY + ["--k", "10", "--tolerance", "0.09"], 0, [], True),
    ("null_attribute", "null_attribute.geojson", COUNTY + ["--k", "10", "--tolerance", "0.09"], 1, ["MissingValue"], None),
    ("missing_attribute", "missing_attribute.geojson", COUNTY + ["--k", "10", "--tolerance", "0.09"], 1, ["MissingValue"], None),
    ("text_attribute", "text_attribute.geojson", COUNTY + ["--k", "10", "--tolerance", "0.09"], 1, ["InvalidNumber"], None),
    ("duplicate_ids_geojson", "duplicate_ids.geojson", COUNTY + ["--k", "10", "--tolerance", "0.09"], 1, ["DuplicateId"], None),
    ("zip_points_geojson", "zip_points.geojson", ZIP + ["--k", "10", "--tolerance", "0.03"], 0, [], True),
    ("zips_bom_crlf", "zips_bom_crlf.csv", ZIP + ["--k", "10", "--tolerance", "0.03"], 0, [], True),
    ("zips_quoted_reordered", "zips_quoted_reordered.csv", ZIP + ["--k", "10", "--tolerance", "0.03"], 0, [], True),
    ("zips_string_numbers", "zips_string_numbers.csv", ZIP + ["--k", "10", "--tolerance", "0.03"], 0, [], True),
    ("bad_latlon", "bad_latlon.csv", ZIP + ["--k", "10", "--tolerance", "0.03"], 1, ["InvalidNumber", "MissingValue"], None),
    ("bad_population", "bad_population.csv", ZIP + ["--k", "10", "--tolerance", "0.03"], 1, ["MissingValue", "InvalidNumber", "InvalidAttribute"], None),
    ("duplicate_ids_csv", "duplicate_ids.csv", ZIP + ["--k", "10", "--tolerance", "0.03"], 1, ["DuplicateId"], None),
    ("short_row", "short_row.csv", ZIP + ["--k", "3", "--tolerance", "0.1"], 1, ["MissingValue"], None),
]

LARGE = [
    ("texas_counties_k10", "texas_counties.geojson", COUNTY + ["--k", "10", "--tolerance", "0.05"], 0, [], True),
    ("texas_counties_k30", "texas_counties.geojson", COUNTY + ["--k", "30", "--tolerance", "0.1"], 0, [], True),
    ("texas_zips_k10", "texas_zips.csv", ZIP + ["--k", "10", "--tolerance", "0.03"], 0, [], True),
    ("texas_zips_k30", "texas_zips.csv", ZIP + ["--k", "30", "--tolerance", "0.03"], 0, [], True),
    # Out of reach (Franklin and its mirror images are each 10 % of a k = 30 target already): the
    # run must stop at --seconds and still write a contiguous best plan; the checker then fails it on balance only.
    ("texas_counties_k30_tight", "texas_counties.geojson", COUNTY + ["--k", "30", "--tolerance", "0.01"], 1, ["ToleranceNotMet"], False),
    # Out of reach and above the lower bound: the search runs into its own --seconds 3.
    ("texas_counties_k30_time", "texas_counties.geojson", COUNTY + ["--k", "30", "--tolerance", "0.05", "--seconds", "3"], 1, ["ToleranceNotMet"], False),
    ("texas_zips_k30_time", "texas_zips.csv", ZIP + ["--k", "30", "--tolerance", "0.0002", "--seconds", "3"], None, [], None),
]


def run(out_dir, quality, only=None, large=False, seconds=10):
    generate(out_dir, large)
    failures = 0
    for name, file, args, want_exit, want_codes, want_ok in CASES + (LARGE if large else []):
        if only and name != only:
            continue
        units = os.path.join(out_dir, file)
        plan = os.path.join(out_dir, name + ".plan.csv")
        if os.path.exists(plan):
            os.remove(plan)
        cmd = shlex.split(quality) + ["design", "--units", units] + args + ([] if "--seconds" in args else ["--seconds", str(seconds)]) + ["--out", plan]
        started = time.monotonic()
        proc = subprocess.run(cmd, capture_output=True, text=True)
        wall = time.monotonic() - started
        line = proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else ""
        try:
            out = json.loads(line)
        except ValueError:
            out = {}
        codes = sorted({e.get("code") for e in (out.get("errors") or [])})
        verdict = {"case": name, "exit": proc.returncode, "codes": codes, "seconds": out.get("seconds"), "wall": round(wall, 2),
                   "maxDeviation": out.get("maxDeviation"), "contiguous": out.get("contiguous"), "islandLinks": len(out.get("islandLinks") or [])}
        ok = (want_exit is None or proc.returncode == want_exit) and "Unhandled" not in proc.stderr and bool(out)
        limit = float(args[args.index("--seconds") + 1]) if "--seconds" in args else seconds
        verdict["stoppedEarly"] = out.get("stoppedEarly")
        if out.get("seconds") is not None and out["seconds"] > limit + 1.0:
            ok = False  # the design call overran its own time limit by more than a second
        if want_codes and not any(c in codes for c in want_codes):
            ok = False
        if want_ok is not None and os.path.exists(plan):
            design_json = os.path.join(out_dir, name + ".design.json")
            with open(design_json, "w", encoding="utf-8") as f:
                f.write(line)
            tol = args[args.index("--tolerance") + 1]
            k = args[args.index("--k") + 1]
            check = subprocess.run([sys.executable, CHECK, "--units", units] + args[:4] + ["--assignment", plan, "--k", k, "--tolerance", tol,
                                    ] + (["--design-output", design_json] if "--design-output" in open(CHECK).read() else []), capture_output=True, text=True)
            try:
                verdict["check"] = json.loads(check.stdout)
            except ValueError:
                verdict["check"] = {"ok": False, "error": check.stdout + check.stderr}
            checked = verdict["check"]
            verdict["check"] = {k2: checked.get(k2) for k2 in ("ok", "links", "graphPieces", "contiguousTerritories", "islandLinksAccepted", "problems", "error")}
            if checked.get("ok") != want_ok:
                ok = False
        elif want_ok is not None:
            ok = False
        if not ok:
            verdict["stdout"] = proc.stdout[-2000:]
            verdict["stderr"] = proc.stderr[-2000:]
            failures += 1
        verdict["asExpected"] = ok
        print(json.dumps(verdict), flush=True)
    print(json.dumps({"failures": failures}))
    return 1 if failures else 0


def run_region(region_dir, quality, ks, tolerance_counties, tolerance_zips, seconds):
    """Designs a region built like the Ohio sample (counties.geojson, zips.csv) at each K and checks it."""
    failures = 0
    runs = [("counties.geojson", COUNTY, tolerance_counties), ("zips.csv", ZIP, tolerance_zips)]
    for file, id_args, tol in runs:
        units = os.path.join(region_dir, file)
        for k in ks:
            name = f"{os.path.basename(os.path.normpath(region_dir))}-{file.split('.')[0]}-k{k}"
            plan = os.path.join(region_dir, name + ".plan.csv")
            design_json = os.path.join(region_dir, name + ".design.json")
            shapes = os.path.join(region_dir, name + ".territories.geojson") if file.endswith(".csv") else None
            cmd = shlex.split(quality) + ["design", "--units", units] + id_args + ["--k", str(k), "--tolerance", str(tol), "--seconds", str(seconds), "--out", plan] \
                + (["--boundaries", shapes] if shapes else [])
            started = time.monotonic()
            proc = subprocess.run(cmd, capture_output=True, text=True)
            wall = time.monotonic() - started
            line = proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else "{}"
            with open(design_json, "w", encoding="utf-8") as f:
                f.write(line)
            out = json.loads(line) if line.startswith("{") else {}
            verdict = {"run": name, "exit": proc.returncode, "codes": sorted({e.get("code") for e in (out.get("errors") or [])}),
                       "units": out.get("units"), "maxDeviation": out.get("maxDeviation"), "lowerBound": out.get("deviationLowerBound"),
                       "contiguous": out.get("contiguous"), "pieces": out.get("pieces"), "islandLinks": len(out.get("islandLinks") or []),
                       "contiguousOnlyByIslandLinks": out.get("contiguousOnlyByIslandLinks"), "seconds": out.get("seconds"), "wall": round(wall, 2)}
            if os.path.exists(plan):
                check = subprocess.run([sys.executable, CHECK, "--units", units] + id_args + ["--assignment", plan, "--k", str(k), "--tolerance", str(tol),
                                        "--design-output", design_json] + (["--territories", shapes] if shapes else []), capture_output=True, text=True)
                try:
                    c = json.loads(check.stdout)
                except ValueError:
                    c = {"ok": False, "error": check.stdout + check.stderr}
                verdict["check"] = {key: c.get(key) for key in ("ok", "links", "graphPieces", "islandLinksAccepted", "contiguousOnlyByIslandLinks", "problems", "error")}
                # A plan that misses a tolerance it cannot reach is fine as long as the checker agrees on everything else.
                contiguity_ok = not any("piece" in p or "island link" in p or "unit" in p or "territory" in p for p in (c.get("problems") or []))
                if not contiguity_ok or c.get("error") or (proc.returncode == 0) != bool(c.get("ok")):
                    failures += 1
                    verdict["disagreement"] = True
            elif proc.returncode != 1 or not verdict["codes"]:
                # No plan is fine only as a structured refusal (e.g. TooManyTerritories), never as a crash.
                failures += 1
                verdict["stdout"] = proc.stdout[-1500:]
                verdict["stderr"] = proc.stderr[-1500:]
            print(json.dumps(verdict), flush=True)
    print(json.dumps({"failures": failures}))
    return 1 if failures else 0


def main(argv):
    if len(argv) >= 2 and argv[0] == "generate":
        for name in generate(argv[1], large="--large" in argv):
            print(name)
        return 0
    if len(argv) >= 2 and argv[0] == "run":
        quality = DEFAULT_QUALITY
        only = None
        seconds = 10
        if "--quality" in argv:
            quality = argv[argv.index("--quality") + 1]
        if "--only" in argv:
            only = argv[argv.index("--only") + 1]
        if "--seconds" in argv:
            seconds = float(argv[argv.index("--seconds") + 1])
        return run(argv[1], quality, only, "--large" in argv, seconds)
    if len(argv) >= 2 and argv[0] == "region":
        opt = lambda name, default: argv[argv.index(name) + 1] if name in argv else default
        ks = [int(k) for k in opt("--k", "2,10").split(",")]
        return run_region(argv[1], opt("--quality", DEFAULT_QUALITY), ks, float(opt("--tolerance-counties", "0.1")),
                          float(opt("--tolerance-zips", "0.03")), float(opt("--seconds", "10")))
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
