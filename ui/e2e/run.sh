#!/usr/bin/env bash
# End-to-end tests through the real window: builds the UI and the debug app, then drives the
# app with WebDriver (tauri-driver + WebKitWebDriver) under Xvfb. Screenshots of the main
# screens, in Spanish and English, land in artifacts/screenshots/.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

[ -d ui/node_modules ] || npm --prefix ui ci --no-audit --no-fund
npm --prefix ui run build
# Same targets as `cargo test --workspace`, so features unify alike and nothing is rebuilt.
cargo build --workspace --all-targets --locked

if ! command -v tauri-driver >/dev/null 2>&1; then
  cargo install tauri-driver --locked --version '^2'
fi
for tool in WebKitWebDriver xvfb-run; do
  command -v "$tool" >/dev/null 2>&1 || { echo "missing $tool (apt-get install webkit2gtk-driver xvfb xauth)" >&2; exit 1; }
done

export ENLACE_E2E_APP="${CARGO_TARGET_DIR:-$ROOT/target}/debug/enlace-app"
export ENLACE_E2E_SCREENSHOTS="$ROOT/artifacts/screenshots"
mkdir -p "$ENLACE_E2E_SCREENSHOTS"
xvfb-run -a -s "-screen 0 1280x800x24" node ui/e2e/harness.mjs "$@"
