#!/usr/bin/env bash
# A central office of fifty officers simulated (issue 16): each officer's own copy logs 2,000
# activities over five years of weeks and sends a bundle every week (some lost and sent again,
# some out of order, some twice) to one central copy; prints the time to consolidate, the
# per-bundle import p50/p95, the central database's size, memory and conflicts, and fails
# unless every officer's records read the same at central. Release build; not part of the
# test command (a small run of the same code is: tests/simulate_central.rs).
#   scripts/simulate-central.sh
# Smaller: ENLACE_SIM_OFFICERS=5 ENLACE_SIM_ACTIVITIES=200 [ENLACE_SIM_WEEKS=52] scripts/simulate-central.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --locked --release --test simulate_central --no-run
exec cargo test --locked -q --release --test simulate_central -- --ignored --nocapture --exact fifty_officers_over_five_years_consolidate_at_central
