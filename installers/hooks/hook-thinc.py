"""thinc for the bundle: its code and data without its test suite (replaces the generic hook)."""

import os
import sys

from PyInstaller.utils.hooks import collect_data_files, collect_submodules, copy_metadata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bundle_filter import wanted_module  # noqa: E402

hiddenimports = collect_submodules("thinc", filter=wanted_module)
datas = [d for d in collect_data_files("thinc") if "tests" not in d[0].split(os.sep)]
datas += copy_metadata("thinc")
