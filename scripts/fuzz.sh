#!/usr/bin/env bash
# Coverage-guided fuzzing of every parser that reads outside data, with AFL++ through afl.rs
# on the stable toolchain. Long: not part of scripts/test.sh.
#
#   bash scripts/fuzz.sh [MINUTES_PER_TARGET] [TARGET...]     (default: 5 minutes, every target)
#
# Targets are the functions of src/fuzzing.rs (bundle, manifest, interchange, spreadsheet,
# dates, amounts, report_text, archive); their seeds and every case found so far are in
# fuzz/corpus/<target>/, which `cargo test` replays (tests/fuzz_corpus.rs). Each crash or hang
# found is copied there as crash-<target>-<hash> or hang-<target>-<hash>: fix it, keep the file.
# Findings and per-target figures go to fuzz/out/ (ignored by git); the summary is printed.
set -euo pipefail

AFL_VERSION=0.18.2
cd "$(dirname "$0")/.."
ROOT=$PWD
MINUTES=${1:-5}
shift || true
ALL=(bundle manifest interchange spreadsheet dates amounts report_text archive)
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=("${ALL[@]}")
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR_AFL:-$ROOT/target-afl}
OUT=${FUZZ_OUT:-$ROOT/fuzz/out}

if [ "$(cargo afl --version 2>/dev/null | awk '{print $2}')" != "$AFL_VERSION" ]; then
  nice -n 10 cargo install cargo-afl --version "$AFL_VERSION" --locked
fi
# AFL++ itself (afl-fuzz and its LLVM runtime), built once per Rust version.
if ! log=$(nice -n 10 cargo afl config --build 2>&1) && ! grep -q "already built" <<<"$log"; then
  echo "$log" >&2
  exit 1
fi

(cd fuzz && nice -n 10 cargo afl build --release --locked $(printf -- '--bin %s ' "${TARGETS[@]}"))

export AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1 AFL_NO_AFFINITY=1
export ENLACE_FUZZ_SCRATCH=${ENLACE_FUZZ_SCRATCH:-$(mktemp -d)}
mkdir -p "$OUT"
SUMMARY="$OUT/summary.txt"
printf '%-12s %8s %12s %10s %8s %8s %6s\n' target minutes execs execs/s corpus crashes hangs | tee "$SUMMARY"
for t in "${TARGETS[@]}"; do
  out="$OUT/$t"
  rm -rf "$out"
  # -t: a case running over a second is a hang (a seed that slow is skipped); -m none: the targets open SQLite and zip files.
  nice -n 10 cargo afl fuzz -V $((MINUTES * 60)) -t 1000+ -m none -i "fuzz/corpus/$t" -o "$out" \
    "$CARGO_TARGET_DIR/release/$t" > "$out.log" 2>&1 || { echo "afl-fuzz failed for $t, see $out.log" >&2; tail -20 "$out.log" >&2; }
  stats="$out/default/fuzzer_stats"
  get() { awk -F' *: *' -v k="$1" '$1 == k { print $2 }' "$stats" 2>/dev/null; }
  found=0
  for kind in crashes hangs; do
    for f in "$out"/default/"$kind"/id:*; do
      [ -f "$f" ] || continue
      name="${kind%es}"; name="${name%s}-$t-$(sha256sum "$f" | cut -c1-12)"
      cp "$f" "fuzz/corpus/$t/$name"
      found=$((found + 1))
    done
  done
  printf '%-12s %8s %12s %10s %8s %8s %6s\n' "$t" "$MINUTES" "$(get execs_done)" "$(get execs_per_sec)" \
    "$(get corpus_count)" "$(get saved_crashes)" "$(get saved_hangs)" | tee -a "$SUMMARY"
  [ "$found" -eq 0 ] || echo "  $found case(s) copied to fuzz/corpus/$t/" | tee -a "$SUMMARY"
done
rm -rf "$ENLACE_FUZZ_SCRATCH"
