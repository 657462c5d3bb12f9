#!/usr/bin/env bash
# Linux packages of Enlace, built by Tauri's bundler through the Tauri CLI pinned in ui/ (npm):
#   bash scripts/package.sh           .deb and .rpm in <target>/release/bundle/{deb,rpm}/
#   bash scripts/package.sh --check   also installs the .deb on this machine and checks it (below)
#   bash scripts/package.sh --icons   writes every icon size in src-tauri/icons from assets/icon/enlace.svg
# The bundle settings live in src-tauri/tauri.bundle.json, passed here only: `cargo build`
# stays as it was. The AppImage is not built: its bundler downloads linuxdeploy while it runs.
#
# --check (root or sudo; not part of scripts/test.sh): lintian on the .deb, `rpm -qpl` on the
# .rpm, `apt-get install` of the .deb, the installed app started under Xvfb with a fresh home
# (screenshot in artifacts/package/), a bundle made by the CLI opened through `xdg-open` and
# handed to the running window, `apt-get remove`, and the data folder found intact. Figures
# (sizes, install-to-window time) are printed and written to artifacts/package/figures.txt.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

MODE="${1:-build}"
case "$MODE" in build | --check | --icons) ;; *) echo "usage: bash scripts/package.sh [--check | --icons]" >&2; exit 2 ;; esac

SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
[ -d ui/node_modules ] || npm --prefix ui ci --no-audit --no-fund
TAURI="$ROOT/ui/node_modules/.bin/tauri"

if [ "$MODE" = --icons ]; then
  out="$(mktemp -d)"
  trap 'rm -rf "$out"' EXIT
  "$TAURI" icon assets/icon/enlace.svg --output "$out" >/dev/null
  # The desktop sizes only (Linux, Windows .ico, macOS .icns); no phone or store logos.
  cp "$out"/{32x32,64x64,128x128,128x128@2x,icon}.png "$out"/icon.ico "$out"/icon.icns src-tauri/icons/
  echo "icons written to src-tauri/icons"
  exit 0
fi

# Tools the check uses, installed once (as scripts/setup.sh does). xdg-mime and xdg-open outside a
# desktop session read the shared MIME database only through File::MimeInfo (libfile-mimeinfo-perl).
need_apt() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "==> Instalando paquetes del sistema: ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
}
need_apt rpm
[ "$MODE" = --check ] && need_apt lintian xdg-utils libfile-mimeinfo-perl desktop-file-utils shared-mime-info xvfb xauth imagemagick xdotool dbus

echo "==> UI"
npm --prefix ui run build
# Debian looks for the changelog beside the copyright, gzipped (Tauri's own changelog field puts
# it under the product name's folder, which lintian does not find).
gzip -9nc CHANGELOG.md >src-tauri/linux/changelog.gz
echo "==> tauri build (deb, rpm)"
(cd src-tauri && "$TAURI" build --ci --config tauri.bundle.json --bundles deb,rpm)

TARGET_DIR="$(cargo metadata --format-version 1 --no-deps | node -pe 'JSON.parse(require("fs").readFileSync(0)).target_directory')"
VERSION="$(cargo metadata --format-version 1 --no-deps | node -pe 'JSON.parse(require("fs").readFileSync(0)).packages.find((p) => p.name === "enlace-app").version')"
DEB="$(ls "$TARGET_DIR"/release/bundle/deb/Enlace_"$VERSION"_*.deb)"
RPM="$(ls "$TARGET_DIR"/release/bundle/rpm/Enlace-"$VERSION"-*.rpm)"
size() { du -k "$1" | cut -f1; }
echo "deb: $DEB ($(size "$DEB") KiB)"
echo "rpm: $RPM ($(size "$RPM") KiB)"
[ "$MODE" = --check ] || exit 0

ART="$ROOT/artifacts/package"
mkdir -p "$ART"
WORK="$(mktemp -d)"
APP_PID=""; XVFB_PID=""; BUS_PID=""
cleanup() {
  for pid in $APP_PID $XVFB_PID $BUS_PID; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

echo "==> rpm -qpl"
rpm -qpl "$RPM" | tee "$ART/rpm-files.txt"
grep -q '^/usr/bin/enlace-app$' "$ART/rpm-files.txt" || fail "the .rpm has no /usr/bin/enlace-app"
grep -q '^/usr/share/mime/packages/enlace.xml$' "$ART/rpm-files.txt" || fail "the .rpm has no MIME type"

echo "==> lintian"
# lintian exits non-zero on errors; its report is kept either way.
lintian --no-tag-display-limit --info "$DEB" >"$ART/lintian.txt" 2>&1 || true
cat "$ART/lintian.txt"
if grep -q '^E: ' "$ART/lintian.txt"; then fail "lintian reports errors"; fi

echo "==> desktop entry and MIME type"
dpkg-deb -x "$DEB" "$WORK/deb"
DESKTOP="$(ls "$WORK"/deb/usr/share/applications/*.desktop)"
desktop-file-validate "$DESKTOP" || fail "the desktop entry is not valid"
grep -q '^MimeType=.*application/x-enlace;' "$DESKTOP" || fail "the desktop entry does not take .enlace files"

echo "==> apt-get install"
$SUDO dpkg -r enlace >/dev/null 2>&1 || true
started=$(date +%s%N)
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$DEB" >/dev/null
installed=$(date +%s%N)
INSTALLED_KIB="$(dpkg-query -W -f='${Installed-Size}' enlace)"
[ -x /usr/bin/enlace-app ] || fail "the package did not install /usr/bin/enlace-app"

# The CLI makes the bundle below; built while HOME is still the builder's (rustup lives there).
cargo build --release --locked -p enlace --bin enlace

# A person's session: a fresh home (so the default data folder), a display and a session bus
# (the single-instance plugin finds the running window through it).
export HOME="$WORK/home" XDG_DATA_HOME="$WORK/home/.local/share" XDG_CONFIG_HOME="$WORK/home/.config"
mkdir -p "$HOME"
unset ENLACE_DATA_DIR
DATA_DIR="$XDG_DATA_HOME/mx.gob.enlace"
display=99
while [ -e "/tmp/.X11-unix/X$display" ]; do display=$((display + 1)); done
Xvfb ":$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
XVFB_PID=$!
export DISPLAY=":$display"
eval "$(dbus-daemon --session --fork --print-address=1 --print-pid=1 | { read -r a; read -r p; echo "export DBUS_SESSION_BUS_ADDRESS='$a'; BUS_PID=$p"; })"

echo "==> first window"
/usr/bin/enlace-app >"$ART/app.log" 2>&1 &
APP_PID=$!
window=""
for _ in $(seq 1 600); do
  window="$(xdotool search --onlyvisible --name '^Enlace$' 2>/dev/null | head -n1 || true)"
  [ -n "$window" ] && break
  kill -0 "$APP_PID" 2>/dev/null || fail "the installed app exited: $(cat "$ART/app.log")"
  sleep 0.1
done
[ -n "$window" ] || fail "no Enlace window within 60 s"
shown=$(date +%s%N)
sleep 4 # the page renders after the window maps
import -window root "$ART/es-installed-first-start.png"

echo "==> the first start made the data folder"
kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
[ -f "$DATA_DIR/enlace.db" ] || fail "the first start made no database in $DATA_DIR"

echo "==> a bundle opened with xdg-open goes to the running window"
# The installed copy becomes a central office as its officer would make it (the CLI on the
# app's own database, the profile the first-start form writes), and an officer's copy made with
# the CLI sends it a bundle.
cli() { local db="$1"; shift; "$TARGET_DIR/release/enlace" --db "$db" "$@" >/dev/null; }
cli "$DATA_DIR/enlace.db" --as central identity init --name "Oficina Central" --role central
cli "$DATA_DIR/enlace.db" --as central identity show --out "$WORK/central.pub"
printf '{"officer":"Coordinación","office":"Oficina Central","locale":"es-MX"}' >"$DATA_DIR/profile.json"
cli "$WORK/ana.db" --as ana init
cli "$WORK/ana.db" --as ana identity init --name "Ana López" --role officer
cli "$WORK/ana.db" --as ana roster add "$WORK/central.pub"
cli "$WORK/ana.db" --as ana identity show --out "$WORK/ana.pub"
cli "$DATA_DIR/enlace.db" --as central roster add "$WORK/ana.pub"
printf 'Fecha,Tipo,Título,País\n27/07/2021,Reunión,Reunión con la Embajada del Perú,Perú\n' >"$WORK/ana.csv"
cli "$WORK/ana.db" --as ana import "$WORK/ana.csv"
cli "$WORK/ana.db" --as ana bundle export --to "$WORK/central.pub" --out "$WORK/de Ana.enlace"
/usr/bin/enlace-app >>"$ART/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 600); do
  xdotool search --onlyvisible --name '^Enlace$' >/dev/null 2>&1 && break
  sleep 0.1
done
sleep 3
xdg-mime default "$(basename "$DESKTOP")" application/x-enlace
[ "$(xdg-mime query filetype "$WORK/de Ana.enlace")" = application/x-enlace ] || fail "the system does not know .enlace files"
xdg-open "$WORK/de Ana.enlace"
for _ in $(seq 1 100); do
  grep -q "archivo recibido para abrir: .*de Ana.enlace (Bundle)" "$ART/app.log" && break
  sleep 0.1
done
grep -q "archivo recibido para abrir: .*de Ana.enlace (Bundle)" "$ART/app.log" || fail "the running window did not receive the bundle: $(cat "$ART/app.log")"
sleep 3
[ "$(pgrep -c -x enlace-app)" = 1 ] || fail "the second launch did not leave: one window expected"
import -window root "$ART/es-installed-opened-bundle.png"

echo "==> apt-get remove keeps the data folder"
kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
before="$(cd "$DATA_DIR" && find . -type f -print0 | sort -z | xargs -0 sha256sum)"
DEBIAN_FRONTEND=noninteractive $SUDO apt-get remove -y -qq enlace >/dev/null
[ ! -e /usr/bin/enlace-app ] || fail "apt-get remove left /usr/bin/enlace-app"
after="$(cd "$DATA_DIR" && find . -type f -print0 | sort -z | xargs -0 sha256sum)"
[ "$before" = "$after" ] || fail "apt-get remove changed the data folder"

ms() { echo $((($2 - $1) / 1000000)); }
{
  echo "version: $VERSION"
  echo "deb: $(basename "$DEB") $(size "$DEB") KiB"
  echo "rpm: $(basename "$RPM") $(size "$RPM") KiB"
  echo "installed size (dpkg Installed-Size): $INSTALLED_KIB KiB"
  echo "apt-get install: $(ms "$started" "$installed") ms"
  echo "launch to first window: $(ms "$installed" "$shown") ms"
  echo "apt-get install to first window: $(ms "$started" "$shown") ms"
  echo "lintian: $(grep -c '^E: ' "$ART/lintian.txt" || true) errors, $(grep -c '^W: ' "$ART/lintian.txt" || true) warnings"
} | tee "$ART/figures.txt"
echo "package check passed (screenshots and figures in artifacts/package/)"
