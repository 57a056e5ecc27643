"""Render resources/icons/annotator.svg to the PNG, ICO and ICNS files the app and installers use.

Run after changing the SVG: ``python installers/make_icons.py``. Uses Qt's SVG renderer and
image writers, so it needs nothing beyond the app's own dependencies.
"""

from __future__ import annotations

import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def main() -> int:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QImageWriter, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    renderer = QSvgRenderer(str(ICONS / "annotator.svg"))
    if not renderer.isValid():
        print("annotator.svg: not a valid SVG", file=sys.stderr)
        return 1
    images = {}
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        image.save(str(ICONS / f"annotator-{size}.png"), "PNG")
        images[size] = image
    for fmt, name, size in (("ico", "annotator.ico", 256), ("icns", "annotator.icns", 512)):
        writer = QImageWriter(str(ICONS / name), fmt.encode())
        if not writer.write(images[size]):
            print(f"{name}: {writer.errorString()}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
