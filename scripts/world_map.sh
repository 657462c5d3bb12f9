#!/usr/bin/env bash
# Rebuilds assets/map/world-110m.json from the npm package world-atlas (Natural Earth 1:110m
# countries, public domain). Needs npm and python3; the result is committed.
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent world-atlas@2.0.2 >/dev/null && tar xzf world-atlas-2.0.2.tgz)
python3 assets/map/build_world_map.py "$work/package/countries-110m.json"
