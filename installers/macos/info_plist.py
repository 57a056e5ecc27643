"""Info.plist entries of Annotator.app: the .annotator document type and its exported UTI.

The spec imports ``info_plist()`` on macOS; tests/installers check it against the Linux
MIME type and the Windows registry entries.
"""

from __future__ import annotations

import re
from pathlib import Path

UTI = "org.annotator.project"
EXTENSION = "annotator"
MIME_TYPE = "application/x-annotator-project"


def app_version() -> str:
    init = Path(__file__).resolve().parents[2] / "annotator" / "__init__.py"
    match = re.search(r'__version__ = "([^"]+)"', init.read_text(encoding="utf-8"))
    return match.group(1) if match else "0.0.0"


def info_plist() -> dict[str, object]:
    version = app_version()
    return {
        "CFBundleName": "Annotator",
        "CFBundleDisplayName": "Annotator",
        "CFBundleShortVersionString": version,
        "CFBundleVersion": version,
        "LSMinimumSystemVersion": "12.0",
        "NSHighResolutionCapable": True,
        "NSHumanReadableCopyright": "Apache-2.0; Qt for Python under LGPLv3",
        "CFBundleDocumentTypes": [
            {
                "CFBundleTypeName": "Annotator project",
                "CFBundleTypeRole": "Editor",
                "LSHandlerRank": "Owner",
                "LSItemContentTypes": [UTI],
                "CFBundleTypeIconFile": "annotator.icns",
            }
        ],
        "UTExportedTypeDeclarations": [
            {
                "UTTypeIdentifier": UTI,
                "UTTypeDescription": "Annotator project",
                "UTTypeConformsTo": ["public.database", "public.data"],
                "UTTypeIconFile": "annotator.icns",
                "UTTypeTagSpecification": {
                    "public.filename-extension": [EXTENSION],
                    "public.mime-type": [MIME_TYPE],
                },
            }
        ],
    }
