#!/usr/bin/env bash
# Fails when the committed TypeScript bindings differ from what the Rust types generate now.
# The folder is emptied first, so a binding whose Rust type was removed is caught too.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
BINDINGS=ui/src/lib/bindings
rm -rf "$BINDINGS"
# ts-rs writes each exported type from its generated `export_bindings_*` test.
cargo test -q -p enlace --lib export_bindings >/dev/null
cargo test -q -p enlace-app --lib export_bindings >/dev/null
if [ -n "$(git status --porcelain -- "$BINDINGS")" ]; then
  git status --short -- "$BINDINGS"
  echo "TypeScript bindings are out of date: run ui/scripts/check-bindings.sh and commit $BINDINGS" >&2
  exit 1
fi
echo "bindings up to date ($(ls "$BINDINGS" | wc -l) files)"
