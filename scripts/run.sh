#!/usr/bin/env bash
# Sets up everything (see setup.sh), builds the UI and the desktop app, and launches it.
# The database lives in the platform's data folder; ENLACE_DATA_DIR overrides it.
# Pass --debug for a faster first build.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
profile=(--release)
[ "${1:-}" = "--debug" ] && profile=()
echo "==> Construyendo la interfaz (ui/)"
npm --prefix ui run build
echo "==> Construyendo y abriendo Enlace"
exec cargo run --locked -p enlace-app "${profile[@]}"
