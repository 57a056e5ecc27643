"""Suite-wide set-up: no display needed, and never the researcher's real data folder."""

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# platformdirs honours XDG_DATA_HOME on Linux: keep demo projects and settings out of ~/.
os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="annotator-tests-")

# A real Dask cluster and a small corpus built on it, for the corpus tests (services, ui).
pytest_plugins = ["tests.corpus_fixtures"]
