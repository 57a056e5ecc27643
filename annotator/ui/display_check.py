"""Before Qt loads its X11 plugin: are the system libraries it needs installed?

Qt's xcb plugin aborts the process when a library it links against is missing, with a
message that names at most one of them (often xcb-cursor). Asking the dynamic loader
(``ldd``) about the plugin first lets us name every missing library, and the packages
that bring them, in one message.
"""

from __future__ import annotations

import ctypes.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

_NOT_FOUND = re.compile(r"^\s*(\S+)\s*=>\s*not found", re.MULTILINE)


def xcb_plugin() -> Path | None:
    """The xcb platform plugin of the installed PySide6, if there is one."""
    import PySide6  # the package only: this loads no Qt plugin

    plugin = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    return plugin if plugin.is_file() else None


def missing_libraries(ldd_output: str) -> list[str]:
    """The libraries ``ldd`` reports as not found, each once, in its order."""
    return list(dict.fromkeys(_NOT_FOUND.findall(ldd_output)))


def debian_package(soname: str) -> str:
    """The Debian/Ubuntu package of a library: libxcb-icccm.so.4 → libxcb-icccm4.

    Debian names a library's package after its soname, with a hyphen before the version
    when the name itself ends in a digit (libxkbcommon-x11.so.0 → libxkbcommon-x11-0).
    """
    name, _, version = soname.partition(".so.")
    name = name.lower()
    if not version:
        return name
    major = version.split(".")[0]
    return f"{name}-{major}" if name[-1].isdigit() else f"{name}{major}"


def missing_packages(plugin: Path) -> list[str]:
    """Debian packages of the libraries the plugin needs and the loader cannot find."""
    ldd = shutil.which("ldd")
    missing: list[str] = []
    if ldd:
        try:
            out = subprocess.run(
                [ldd, str(plugin)], capture_output=True, text=True, timeout=20, check=False
            ).stdout
        except (OSError, subprocess.SubprocessError):
            out = ""
        missing = missing_libraries(out)
    # Qt 6.5+ also needs xcb-cursor, which older plugins load at run time rather than link.
    if not ctypes.util.find_library("xcb-cursor") and "libxcb-cursor.so.0" not in missing:
        missing.append("libxcb-cursor.so.0")
    return [debian_package(lib) for lib in missing]


def missing_display_library() -> str:
    """Why Qt's X11 plugin would abort on this Linux desktop, or "" when it can start."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return ""
    if not os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return ""
    plugin = xcb_plugin()
    packages = missing_packages(plugin) if plugin else []
    if not packages:
        return ""
    names = " ".join(packages)
    return (
        f"The window needs system libraries that are not installed: {names}.\n"
        f"Install them with\n"
        f"  sudo apt-get install {names}    (Debian, Ubuntu)\n"
        "(on Fedora: sudo dnf install xcb-util-cursor xcb-util-wm xcb-util-keysyms)\n"
        "then start annotator again."
    )
