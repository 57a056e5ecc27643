"""After the build (Linux): drop the debug symbols of compiled Python modules.

spaCy, thinc, blis and friends ship their extension modules with debug information, which
is about half of their size. PyInstaller's own ``strip`` option strips every library, which
breaks the ones that auditwheel patched (numpy.libs' OpenBLAS: "ELF load command address/
offset not page-aligned"); those live in ``*.libs`` folders and are left alone here.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path


def strip_debug(folder: Path) -> int:
    """Strip debug sections from the .so files under folder; return the bytes saved."""
    strip = shutil.which("strip")
    if strip is None:
        print("postbuild: no strip command; debug symbols kept")
        return 0
    saved = 0
    for path in folder.rglob("*.so*"):
        if not path.is_file() or path.is_symlink():
            continue
        if any(part.endswith(".libs") for part in path.relative_to(folder).parts):
            continue
        before = path.stat().st_size
        done = subprocess.run([strip, "--strip-debug", str(path)], capture_output=True)
        if done.returncode == 0:
            saved += before - path.stat().st_size
    return saved
