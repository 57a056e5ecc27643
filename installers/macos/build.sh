#!/usr/bin/env bash
# Build Annotator.app and wrap it in a .dmg (run on macOS 12+ with Python 3.11+).
#
#   installers/macos/build.sh
#
# Signing and notarisation run when their secrets are in the environment:
#   MACOS_SIGN_IDENTITY   "Developer ID Application: …" in the login keychain
#   MACOS_NOTARY_PROFILE  a notarytool keychain profile (xcrun notarytool store-credentials)
# Without them the .dmg is unsigned: Gatekeeper then asks the user to allow it in
# System Settings > Privacy & Security (the README says how).
#
# Output: dist/Annotator-<version>-macos-<arch>.dmg, build/dist/Annotator.app.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
cd "$ROOT"
PYTHON=${PYTHON:-python3}
ARCH=$(uname -m)

if [ ! -x .venv/bin/python ]; then "$PYTHON" -m venv .venv; fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".[installers]"
VERSION=$(.venv/bin/python -c "import annotator; print(annotator.__version__)")

rm -rf build/dist/Annotator build/dist/Annotator.app
.venv/bin/python -m PyInstaller --noconfirm --log-level WARN \
    --distpath build/dist --workpath build/pyinstaller installers/annotator.spec
APP=build/dist/Annotator.app
[ -d "$APP" ] || { echo "no $APP built" >&2; exit 1; }

# Smoke test: the command line inside the bundle, and the window offscreen.
WORK=$(mktemp -d)
"$APP/Contents/MacOS/Annotator" analyze resources/demo/en-01-eu-climate-summit.txt
"$APP/Contents/MacOS/Annotator" import "$WORK/demo.annotator" resources/demo
QT_QPA_PLATFORM=offscreen "$APP/Contents/MacOS/Annotator" open "$WORK/demo.annotator" \
    --screenshot "$WORK/window.png"
[ -s "$WORK/window.png" ] || { echo "no screenshot" >&2; exit 1; }
rm -rf "$WORK"

if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
    codesign --force --deep --options runtime --timestamp \
        --sign "$MACOS_SIGN_IDENTITY" "$APP"
    codesign --verify --strict --verbose=2 "$APP"
fi

# The .dmg: the app and a link to /Applications, to drag it onto.
mkdir -p dist
STAGE=build/dmg
rm -rf "$STAGE" && mkdir -p "$STAGE"
cp -R "$APP" "$STAGE/"
ln -s /Applications "$STAGE/Applications"
cp LICENSE "$STAGE/LICENSE.txt"
cp installers/THIRD_PARTY.md "$STAGE/THIRD_PARTY.md"
DMG="dist/Annotator-$VERSION-macos-$ARCH.dmg"
rm -f "$DMG"
hdiutil create -volname "Annotator $VERSION" -srcfolder "$STAGE" -fs HFS+ -format UDZO "$DMG"

if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
    codesign --force --timestamp --sign "$MACOS_SIGN_IDENTITY" "$DMG"
fi
if [ -n "${MACOS_NOTARY_PROFILE:-}" ]; then
    xcrun notarytool submit "$DMG" --keychain-profile "$MACOS_NOTARY_PROFILE" --wait
    xcrun stapler staple "$DMG"
fi
echo "built $DMG ($(du -m "$DMG" | cut -f1) MB; $(du -sm "$APP" | cut -f1) MB unpacked)"
