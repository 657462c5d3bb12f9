#!/usr/bin/env bash
# Runs every test of Enlace: core unit and integration tests, the generated TypeScript types'
# drift check, UI component tests, and end-to-end tests through the real app window.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

echo "==> cargo test (core, CLI, app commands)"
cargo test --workspace --locked

echo "==> TypeScript types generated from Rust are up to date"
if ! git diff --quiet -- ui/src/lib/bindings || [ -n "$(git ls-files --others --exclude-standard ui/src/lib/bindings)" ]; then
  git status --short ui/src/lib/bindings
  echo "Los tipos generados en ui/src/lib/bindings cambiaron: ejecute 'cargo test' y confírmelos." >&2
  exit 1
fi
