#!/usr/bin/env bash
# Runs every test of Enlace: core unit and integration tests (with the CLI and the app's
# commands), the generated TypeScript types' drift check and UI component tests (Vitest).
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

# The end-to-end suite (bash ui/e2e/run.sh) drives the real window; it is not part of this
# command yet because some of its steps still fail intermittently on stale elements under
# WebKitWebDriver (see the README). Run it on its own.
