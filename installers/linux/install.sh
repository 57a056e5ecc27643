#!/usr/bin/env bash
# Install Annotator for the current user (no root): run from the unpacked tar.gz folder.
#   ./install.sh            installs into ~/.local/opt/annotator, with menu entry and icon
#   ./install.sh --remove   removes it (projects and settings are kept)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
PREFIX="${XDG_DATA_HOME:-$HOME/.local/share}"
OPT="$HOME/.local/opt/annotator"
BIN="$HOME/.local/bin"

if [ "${1:-}" = "--remove" ]; then
    rm -rf "$OPT" "$BIN/annotator" "$PREFIX/applications/annotator.desktop"
    rm -f "$PREFIX"/icons/hicolor/*/apps/annotator.png "$PREFIX/icons/hicolor/scalable/apps/annotator.svg"
    command -v xdg-mime >/dev/null && xdg-mime uninstall "$HERE/share/mime/annotator-mime.xml" || true
    echo "Annotator removed. Your projects and settings are untouched."
    exit 0
fi

mkdir -p "$OPT" "$BIN" "$PREFIX/applications"
cp -a "$HERE/Annotator/." "$OPT/"
ln -sf "$OPT/annotator" "$BIN/annotator"
for png in "$HERE"/share/icons/annotator-*.png; do
    size=$(basename "$png" .png | cut -d- -f2)
    mkdir -p "$PREFIX/icons/hicolor/${size}x${size}/apps"
    cp "$png" "$PREFIX/icons/hicolor/${size}x${size}/apps/annotator.png"
done
mkdir -p "$PREFIX/icons/hicolor/scalable/apps"
cp "$HERE/share/icons/annotator.svg" "$PREFIX/icons/hicolor/scalable/apps/annotator.svg"
sed "s|^Exec=annotator|Exec=$OPT/annotator|" "$HERE/share/annotator.desktop" \
    >"$PREFIX/applications/annotator.desktop"
if command -v xdg-mime >/dev/null; then
    xdg-mime install --novendor "$HERE/share/mime/annotator-mime.xml" || true
    xdg-mime default annotator.desktop application/x-annotator-project || true
fi
command -v update-desktop-database >/dev/null && update-desktop-database "$PREFIX/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q "$PREFIX/icons/hicolor" || true
echo "Annotator installed: start it from the applications menu, or run $BIN/annotator"
