#!/usr/bin/env bash
# Writes assets/licenses/third-party.json: the name, version and license of everything Enlace
# ships that others wrote — the fonts in assets/fonts, the world map's shapes, every Rust crate the desktop app
# (enlace-app) links on this platform, and the UI's production npm packages. "Acerca de
# Enlace" shows it grouped by license. `--print` writes it to stdout instead (the test
# tests/third_party_licenses.rs compares the two, so a dependency change without a rerun fails).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
OUT=assets/licenses/third-party.json

HOST="$(rustc -vV | sed -n 's/^host: //p')"
METADATA="$(mktemp)"
trap 'rm -f "$METADATA"' EXIT
cargo metadata --format-version 1 --locked --filter-platform "$HOST" >"$METADATA"

json="$(node - "$METADATA" <<'JS'
const fs = require('fs');
const path = require('path');
const meta = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const entries = [];

// Fonts: each file under assets/fonts, under the license file beside it (OFL.txt: SIL OFL 1.1).
const fonts = 'assets/fonts';
const fontLicense = fs.existsSync(path.join(fonts, 'OFL.txt')) ? 'OFL-1.1' : 'UNKNOWN';
for (const file of fs.readdirSync(fonts).filter((f) => /\.(ttf|otf|woff2?)$/i.test(f))) {
  entries.push({ source: 'font', name: file.replace(/\.[^.]+$/, ''), version: '', license: fontLicense });
}

// Data: the world map's shapes, whose file names where they come from (world-atlas, ISC, from
// Natural Earth's public-domain countries).
const map = JSON.parse(fs.readFileSync('assets/map/world-110m.json', 'utf8'));
const atlas = /world-atlas ([\d.]+)/.exec(map.source);
entries.push({ source: 'data', name: 'world-atlas (map of the countries)', version: atlas ? atlas[1] : '', license: 'ISC' });
entries.push({ source: 'data', name: 'Natural Earth 1:110m countries', version: '', license: 'Public domain' });

// Crates: what enlace-app reaches through normal (shipped) dependencies, itself and the
// workspace's own crates left out.
const byId = new Map(meta.packages.map((p) => [p.id, p]));
const nodes = new Map(meta.resolve.nodes.map((n) => [n.id, n]));
const workspace = new Set(meta.workspace_members);
const app = meta.packages.find((p) => p.name === 'enlace-app');
const seen = new Set();
const queue = [app.id];
while (queue.length) {
  const id = queue.pop();
  if (seen.has(id)) continue;
  seen.add(id);
  for (const dep of nodes.get(id).deps) {
    if (dep.dep_kinds.some((k) => k.kind === null)) queue.push(dep.pkg);
  }
}
for (const id of seen) {
  if (workspace.has(id)) continue;
  const p = byId.get(id);
  entries.push({ source: 'crate', name: p.name, version: p.version, license: p.license ?? (p.license_file ? 'see its license file' : 'UNKNOWN') });
}

// npm: the UI's production packages (what the built window contains).
const lock = JSON.parse(fs.readFileSync('ui/package-lock.json', 'utf8'));
for (const [where, p] of Object.entries(lock.packages)) {
  if (!where || p.dev || p.optional) continue;
  entries.push({ source: 'npm', name: where.replace(/^.*node_modules\//, ''), version: p.version, license: p.license ?? 'UNKNOWN' });
}

const order = { font: 0, data: 1, crate: 2, npm: 3 };
entries.sort((a, b) => order[a.source] - order[b.source] || a.name.localeCompare(b.name, 'en') || a.version.localeCompare(b.version, 'en'));
// One component a line, so a dependency change reads as a one-line diff.
process.stdout.write('[\n' + entries.map((e) => JSON.stringify(e)).join(',\n') + '\n]\n');
JS
)"

if [ "${1:-}" = "--print" ]; then
  printf '%s\n' "$json"
else
  mkdir -p "$(dirname "$OUT")"
  printf '%s\n' "$json" >"$OUT"
  echo "wrote $OUT ($(grep -c '"source"' "$OUT") components)"
fi
