"""The X11 library check: every library the xcb plugin lacks, named with its package."""

from __future__ import annotations

import ctypes
import shutil
import subprocess
import sys

import pytest

from annotator.ui.display_check import (
    debian_package,
    missing_display_library,
    missing_libraries,
    missing_packages,
    xcb_plugin,
)

LDD = """\
\tlinux-vdso.so.1 (0x00007ffd)
\tlibQt6XcbQpa.so.6 => /venv/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007f5f)
\tlibxcb-cursor.so.0 => /lib/x86_64-linux-gnu/libxcb-cursor.so.0 (0x00007f5f)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibxcb-icccm.so.4 => not found
"""


def test_libraries_reported_not_found_are_listed_once_in_order() -> None:
    assert missing_libraries(LDD) == ["libxcb-icccm.so.4", "libxcb-keysyms.so.1"]


@pytest.mark.parametrize(
    ("soname", "package"),
    [
        ("libxcb-icccm.so.4", "libxcb-icccm4"),
        ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
        ("libxcb-cursor.so.0", "libxcb-cursor0"),
        ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
        ("libX11-xcb.so.1", "libx11-xcb1"),
        ("libxcb-render-util.so.0", "libxcb-render-util0"),
    ],
)
def test_debian_package_names(soname: str, package: str) -> None:
    assert debian_package(soname) == package


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the xcb plugin is Linux's")
@pytest.mark.skipif(shutil.which("ldd") is None, reason="no ldd")
def test_the_check_agrees_with_the_loader_on_this_machine() -> None:
    plugin = xcb_plugin()
    assert plugin is not None
    out = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True).stdout
    needed = [line.split()[0] for line in out.splitlines() if "=>" in line]
    reported = set(missing_packages(plugin))
    for soname in needed:
        try:
            ctypes.CDLL(soname)
            loads = True
        except OSError:
            loads = False
        # The loader is asked directly: what it cannot load is named, what it loads is not.
        if not soname.startswith("libQt6"):
            assert (debian_package(soname) in reported) == (not loads), soname


def test_message_names_every_missing_package(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("DISPLAY", ":99")
    plugin = xcb_plugin()
    packages = missing_packages(plugin) if plugin else []
    message = missing_display_library()
    if packages:
        assert "sudo apt-get install " + " ".join(packages) in message
    else:
        assert message == ""
