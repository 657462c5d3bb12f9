#!/usr/bin/env bash
# Installs everything Enlace needs to build, run and test on Debian 12 / Ubuntu:
# system libraries (WebKitGTK for the Tauri window, Xvfb and WebKitWebDriver for end-to-end
# tests, poppler/qpdf for checking PDFs, LibreOffice Writer for checking Word documents,
# age/minisign for checking sync bundles), the UI's npm modules and tauri-driver. Safe to run
# again: it skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  build-essential pkg-config libssl-dev curl
  libwebkit2gtk-4.1-dev libgtk-3-dev librsvg2-dev libsoup-3.0-dev libjavascriptcoregtk-4.1-dev
  xvfb xauth webkit2gtk-driver imagemagick xdotool
  poppler-utils qpdf age minisign unzip
  libreoffice-writer-nogui
)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "==> Instalando paquetes del sistema: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if ! command -v cargo >/dev/null; then
  echo "Falta Rust (cargo). Instálelo con rustup: https://rustup.rs" >&2
  exit 1
fi
if ! command -v npm >/dev/null; then
  echo "Falta Node.js 20+ con npm." >&2
  exit 1
fi

if [ -f ui/package-lock.json ]; then
  if [ ! -d ui/node_modules ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
    echo "==> npm ci (ui/)"
    npm ci --prefix ui --no-audit --no-fund
  fi
fi

if ! command -v tauri-driver >/dev/null; then
  echo "==> cargo install tauri-driver"
  cargo install tauri-driver --locked --version ^2
fi
