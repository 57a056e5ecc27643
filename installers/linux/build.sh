#!/usr/bin/env bash
# Build the Linux bundle: PyInstaller one-folder build, then a tar.gz with the .desktop file,
# icons, MIME type and a per-user install script; an AppImage too when appimagetool is on PATH.
#
#   installers/linux/build.sh            (from anywhere; uses .venv unless PYTHON is set)
#   installers/linux/build.sh --smoke    also runs smoke_test.sh on the result
#
# Output: dist/Annotator-<version>-linux-x86_64.tar.gz (and .AppImage), build/dist/Annotator.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
cd "$ROOT"
PYTHON=${PYTHON:-$ROOT/.venv/bin/python}
ARCH=$(uname -m)

"$PYTHON" -m pip install --quiet -e ".[installers]"
VERSION=$("$PYTHON" -c "import annotator; print(annotator.__version__)")
rm -rf build/dist/Annotator
"$PYTHON" -m PyInstaller --noconfirm --log-level WARN \
    --distpath build/dist --workpath build/pyinstaller installers/annotator.spec

# The tar.gz: Annotator/ (the bundle), share/ (desktop integration), install.sh, licences.
STAGE="build/stage/Annotator-$VERSION"
rm -rf build/stage && mkdir -p "$STAGE/share/icons" "$STAGE/share/mime"
cp -a build/dist/Annotator "$STAGE/Annotator"
cp "$HERE/annotator.desktop" "$STAGE/share/"
cp "$HERE/annotator-mime.xml" "$STAGE/share/mime/"
cp resources/icons/annotator.svg resources/icons/annotator-*.png "$STAGE/share/icons/"
cp "$HERE/install.sh" "$STAGE/"
cp LICENSE "$STAGE/LICENSE.txt"
cp installers/THIRD_PARTY.md "$STAGE/"
mkdir -p dist
TARBALL="dist/Annotator-$VERSION-linux-$ARCH.tar.gz"
tar -C build/stage -czf "$TARBALL" "Annotator-$VERSION"
echo "built $TARBALL ($(du -m "$TARBALL" | cut -f1) MB; $(du -sm build/dist/Annotator | cut -f1) MB unpacked)"

# Optional AppImage: the same bundle in an AppDir.
if command -v appimagetool >/dev/null; then
    APPDIR=build/Annotator.AppDir
    rm -rf "$APPDIR" && mkdir -p "$APPDIR/usr"
    cp -a build/dist/Annotator "$APPDIR/usr/annotator"
    cp "$HERE/annotator.desktop" "$APPDIR/annotator.desktop"
    cp resources/icons/annotator-256.png "$APPDIR/annotator.png"
    printf '#!/bin/sh\nexec "$(dirname "$(readlink -f "$0")")/usr/annotator/annotator" "$@"\n' \
        >"$APPDIR/AppRun"
    chmod +x "$APPDIR/AppRun"
    ARCH=$ARCH appimagetool --no-appstream "$APPDIR" "dist/Annotator-$VERSION-$ARCH.AppImage"
else
    echo "appimagetool not on PATH: no AppImage (the tar.gz is complete without it)"
fi

if [ "${1:-}" = "--smoke" ]; then
    "$HERE/smoke_test.sh" build/dist/Annotator
fi
