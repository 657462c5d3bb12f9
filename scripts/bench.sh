#!/usr/bin/env bash
# Every figure of issue 16 in one table: builds release, runs the store benchmark (with its anchor,
# the same rows in one table plus an FTS5 index over title and summary, measured in the same run),
# the sync and report benchmarks, and prints each measure with its goal, anchor, figure and
# PASS/MISS. The app's start-up and memory need a display and the UI build: only with --with-app
# (scripts/bench-startup.sh --release).
#   scripts/bench.sh [--with-app]
# ENLACE_BENCH_N sets the store benchmark's size (default 100,000; the goals are for 100,000).
set -euo pipefail
cd "$(dirname "$0")/.."

with_app=false
[ "${1:-}" = "--with-app" ] && with_app=true

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
# Quiet: build and run output goes to the log, shown only when a step fails.
step() {
  if ! "$@" >>"$log" 2>&1; then
    cat "$log" >&2
    echo "bench.sh: failed: $*" >&2
    exit 1
  fi
}

step cargo bench --locked --bench store --no-run
step cargo test --locked --release --test sync_bench --test report_bench --no-run

rows="$(mktemp)"
trap 'rm -f "$log" "$rows"' EXIT
step cargo bench --locked -q --bench store
step cargo test --locked -q --release --test sync_bench -- --ignored --nocapture
step cargo test --locked -q --release --test report_bench -- --ignored --nocapture --exact period_report_of_a_thousand_activities
grep '^| ' "$log" >"$rows"

app_rows() {
  if ! $with_app; then
    echo "| app start to first screen (empty copy; 100,000 activities) | ≤ 0.8 s; ≤ 1 s | — | not measured (run with --with-app) | — |"
    echo "| app memory (app and WebKit processes) | report it | — | not measured (run with --with-app) | — |"
    return
  fi
  : >"$log"
  step bash scripts/bench-startup.sh --release
  # "first-start  release build, 5 runs: startup … median 1090; memory MiB […] median 493"
  awk '
    /^first-start|^sample-day/ {
      split($0, halves, "; memory")
      n = split(halves[1], t, " "); ms = t[n]
      m = split(halves[2], r, " "); mib = r[m]
      if ($1 == "first-start") printf "| app start to first screen, empty copy (median) | ≤ 0.8 s | — | %.2f s | %s |\n", ms / 1000, (ms <= 800 ? "PASS" : "MISS")
      else printf "| app start to first screen, 407-activity sample (median; 100,000 not scripted) | ≤ 1 s | — | %.2f s | %s |\n", ms / 1000, (ms <= 1000 ? "PASS" : "MISS")
      printf "| app memory (app and WebKit processes), %s | report it | — | %s MiB | — |\n", $1, mib
    }' "$log"
}

echo "Enlace benchmarks ($(git rev-parse --short HEAD), release, $(nproc) cores, ${ENLACE_BENCH_N:-100000} activities)"
echo
echo "| measure | goal | anchor (same run) | figure | verdict |"
echo "|---|---|---|---|---|"
cat "$rows"
app_rows
echo "| \`bash scripts/test.sh\` on a clean clone, 2 cores | < 45 min | — | not measured by this script (time \`bash scripts/test.sh\`) | — |"
