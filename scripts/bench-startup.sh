#!/usr/bin/env bash
# Startup benchmark of the desktop app: time from launching enlace-app to its first screen shown
# with data (the window calls `startup_ready`), and the memory then held by the app's processes
# (the Rust shell plus WebKit's web and network processes), on a virtual display.
#   scripts/bench-startup.sh [--release] [RUNS]
# Two cases: a first start (empty data folder) and a day's start on the 407-activity sample.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debug: the same targets as the test command, so the run reuses its build. Release: the two
# binaries only. Either with the `e2e` feature, the app's only way to report its startup.
profile=debug
build=(--workspace --all-targets --features enlace-app/e2e)
if [ "${1:-}" = "--release" ]; then profile=release; build=(--release -p enlace-app -p enlace --bins --features enlace-app/e2e); shift; fi
runs="${1:-5}"

npm --prefix ui run build >/dev/null
cargo build --locked "${build[@]}"
target="$(cargo metadata --format-version 1 --no-deps | node -pe 'JSON.parse(require("fs").readFileSync(0)).target_directory')"
app="$target/$profile/enlace-app"
cli="$target/$profile/enlace"

work="$(mktemp -d)"
xvfb_pid=""
cleanup() {
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# The sample day: a database with the sample data and a profile, as any later start finds it.
mkdir -p "$work/sample"
"$cli" --db "$work/sample/enlace.db" sample >/dev/null
printf '{"officer":"Bench","office":"Bench","locale":"es-MX"}' >"$work/sample/profile.json"

Xvfb -displayfd 3 -screen 0 1280x800x24 3>"$work/display" 2>/dev/null &
xvfb_pid=$!
while [ ! -s "$work/display" ]; do sleep 0.05; done
export DISPLAY=":$(cat "$work/display")"

# Resident memory (KiB) of a process and all its descendants.
tree_rss() {
  ps -e -o pid=,ppid=,rss= | awk -v root="$1" '
    { parent[$1] = $2; rss[$1] = $3 }
    END {
      for (p in rss) { q = p; while (q != "" && q != root && q != 1 && q != 0) q = parent[q]; if (q == root) sum += rss[p] }
      print sum
    }'
}

measure() { # case-name source-folder
  local name="$1" source="$2" times=() mems=()
  for i in $(seq "$runs"); do
    local data="$work/run-$name-$i" ready="$work/ready"
    rm -f "$ready"
    if [ -n "$source" ]; then cp -r "$source" "$data"; else mkdir -p "$data"; fi
    local launched
    launched=$(date +%s%3N)
    ENLACE_DATA_DIR="$data" ENLACE_STARTUP_REPORT="$ready" "$app" >/dev/null 2>&1 &
    local pid=$!
    for _ in $(seq 600); do [ -s "$ready" ] && break; sleep 0.05; done
    [ -s "$ready" ] || { echo "$name: the window never reported ready" >&2; kill "$pid"; exit 1; }
    times+=($(( $(cat "$ready") - launched )))
    sleep 0.5 # let the first screen settle before reading memory
    mems+=($(( $(tree_rss "$pid") / 1024 )))
    pkill -P "$pid" 2>/dev/null || true
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  local sorted_t sorted_m
  sorted_t=$(printf '%s\n' "${times[@]}" | sort -n | tr '\n' ' ')
  sorted_m=$(printf '%s\n' "${mems[@]}" | sort -n | tr '\n' ' ')
  printf '%-12s %s build, %s runs: startup to first screen ms [%s] median %s; memory MiB [%s] median %s\n' \
    "$name" "$profile" "$runs" "${sorted_t% }" "$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")" \
    "${sorted_m% }" "$(printf '%s\n' "${mems[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")"
}

measure first-start ""
measure sample-day "$work/sample"
