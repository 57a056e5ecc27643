"""spaCy for the bundle: its code and data, without its tests and the languages we do not ship.

Replaces the generic hook, which collects every submodule (about seventy languages and the
test suite). Kept languages: see ``KEEP_LANGUAGES`` in bundle_filter.py.
"""

import os
import sys

from PyInstaller.utils.hooks import collect_data_files, collect_submodules, copy_metadata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bundle_filter import wanted_module, wanted_spacy_data  # noqa: E402

hiddenimports = collect_submodules("spacy", filter=wanted_module)
datas = [d for d in collect_data_files("spacy") if wanted_spacy_data(d[0])]
datas += copy_metadata("spacy")
