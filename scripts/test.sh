#!/usr/bin/env bash
# Runs every test of Enlace: core unit and integration tests (with the CLI and the app's
# commands), the generated TypeScript types' drift check, UI component tests (Vitest) and the
# end-to-end suite that drives the real app window.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

# The app crate embeds the built UI at compile time, so the UI is built first.
echo "==> npm run build (ui/)"
npm --prefix ui run build

echo "==> cargo test (core, CLI, app commands)"
cargo test --workspace --locked

echo "==> TypeScript types generated from Rust are up to date"
bash ui/scripts/check-bindings.sh

echo "==> UI component tests"
npm --prefix ui test

echo "==> End-to-end tests in the real app window (tauri-driver + WebKitWebDriver under Xvfb)"
bash ui/e2e/run.sh
