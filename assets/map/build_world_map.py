#!/usr/bin/env python3
"""Builds world-110m.json, the country shapes Enlace draws its maps with (Python 3.11, stdlib).

Run:  bash scripts/world_map.sh   (fetches the npm package world-atlas 2.0.2 with `npm pack`
      and runs this script on its countries-110m.json)
or:   python3 assets/map/build_world_map.py PATH/TO/countries-110m.json

world-atlas packages Natural Earth's 1:110m countries (public domain) as TopoJSON, each country
named by its ISO 3166-1 numeric code. This script decodes the topology, keeps the countries of
the reference data (matched by `numeric` in ../reference/countries.json), projects them
equirectangularly (longitude −180…180, latitude 84…−58: Antarctica left out), rounds the points
to a grid of WIDTH × HEIGHT units and drops points that round onto the one before. The output
is committed and embedded in the binary: no network at run time.
"""
import json
import pathlib
import sys

WIDTH = 1080
NORTH, SOUTH = 84.0, -58.0
UNIT = WIDTH / 360.0
HEIGHT = round((NORTH - SOUTH) * UNIT)


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """The arcs as lists of (longitude, latitude): delta-decoded and un-quantized."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(arcs: list, indexes: list[int]) -> list[tuple[float, float]]:
    """A closed ring from its arcs (a negative index ~i is arc i reversed)."""
    points: list[tuple[float, float]] = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        points.extend(arc[1:] if points else arc)
    return points


def project(lon: float, lat: float) -> tuple[int, int]:
    lat = max(SOUTH, min(NORTH, lat))
    return round((lon + 180.0) * UNIT), round((NORTH - lat) * UNIT)


def flat(points: list[tuple[float, float]]) -> list[int]:
    """The ring projected, without repeated points, as x0, y0, x1, y1, … (empty if degenerate).

    A ring that touches the antimeridian on both sides (Russia's east, Fiji) keeps to the side
    most of it lies on: its points across the line are put on the line, so no edge crosses the
    whole map."""
    west = sum(1 for lon, _ in points if lon < 0) * 2 > len(points)
    out: list[tuple[int, int]] = []
    for lon, lat in points:
        if abs(lon) > 90 and (lon < 0) != west:
            lon = -180.0 if west else 180.0
        p = project(lon, lat)
        if not out or out[-1] != p:
            out.append(p)
    if len(out) > 1 and out[0] == out[-1]:
        out.pop()
    return [v for p in out for v in p] if len(out) >= 3 else []


def main() -> None:
    source = pathlib.Path(sys.argv[1])
    topology = json.loads(source.read_text(encoding="utf-8"))
    here = pathlib.Path(__file__).parent
    countries = json.loads((here.parent / "reference" / "countries.json").read_text(encoding="utf-8"))
    by_numeric = {c["numeric"]: c["code"] for c in countries if c["code"] != "AQ"}
    arcs = decode_arcs(topology)
    shapes: dict[str, list[list[int]]] = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        code = by_numeric.get(geometry.get("id"))
        if code is None:
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        rings = [flat(ring(arcs, r)) for polygon in polygons for r in polygon]
        shapes.setdefault(code, []).extend(r for r in rings if r)
    out = here / "world-110m.json"
    data = {
        "source": "Natural Earth 1:110m countries (public domain), from the npm package world-atlas 2.0.2",
        "width": WIDTH,
        "height": HEIGHT,
        "countries": dict(sorted(shapes.items())),
    }
    out.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{len(shapes):4} countries -> {out.name} ({out.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
