#!/usr/bin/env bash
# End-to-end tests through the real window: builds the UI and the debug app, then drives the
# app with WebDriver (tauri-driver + WebKitWebDriver) under Xvfb. Screenshots of the main
# screens, in Spanish and English, land in artifacts/screenshots/.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

[ -d ui/node_modules ] || npm --prefix ui ci --no-audit --no-fund
npm --prefix ui run build

if ! command -v tauri-driver >/dev/null 2>&1; then
  cargo install tauri-driver --locked --version '^2'
fi
for tool in WebKitWebDriver xvfb-run; do
  command -v "$tool" >/dev/null 2>&1 || { echo "missing $tool (apt-get install webkit2gtk-driver xvfb xauth)" >&2; exit 1; }
done

# Same targets as `cargo test --workspace`, so features unify alike and only the app crate is
# rebuilt, with its test doors (the `e2e` feature: dialogs answered from ENLACE_TEST_*).
# The suite runs a private copy of the binary: another checkout sharing the target folder may
# rebuild it meanwhile (the lock keeps the build and the copy together). Specs find the
# `enlace` CLI beside the app, to prepare files as another office would.
TARGET_DIR="$(cargo metadata --format-version 1 --no-deps | node -pe 'JSON.parse(require("fs").readFileSync(0)).target_directory')"
mkdir -p "$TARGET_DIR"
RUN_DIR="$(mktemp -d)"
trap 'rm -rf "$RUN_DIR"' EXIT
flock "$TARGET_DIR/.e2e-build.lock" sh -c "cargo build --workspace --all-targets --locked --features enlace-app/e2e && cp '$TARGET_DIR/debug/enlace-app' '$TARGET_DIR/debug/enlace' '$RUN_DIR/'"
export ENLACE_E2E_APP="$RUN_DIR/enlace-app"
export ENLACE_E2E_SCREENSHOTS="$ROOT/artifacts/screenshots"
mkdir -p "$ENLACE_E2E_SCREENSHOTS"
xvfb-run -a -s "-screen 0 1280x800x24" node ui/e2e/harness.mjs "$@"
