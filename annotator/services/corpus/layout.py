"""A corpus folder: one Parquet file per partition and table, and a manifest.

::

    CORPUS_DIR/manifest.json
    CORPUS_DIR/articles/part-00000.parquet   (one row per article)
    CORPUS_DIR/entities/part-00000.parquet   (one row per entity)
    CORPUS_DIR/quotes/part-00000.parquet     (one row per quote)
    CORPUS_DIR/actors/part-00000.parquet     (one row per actor, with its mentions)
    CORPUS_DIR/left_out.csv                  (duplicates left out, and why)

A partition's four files are written under hidden temporary names and renamed into place,
and the manifest lists a partition only once its four files are there: a killed build
leaves finished partitions and nothing half-written that a reader would see.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pyarrow as pa

MANIFEST = "manifest.json"
LEFT_OUT = "left_out.csv"
#: The manifest's format; a newer one is refused.
FORMAT = 1

_MENTION = pa.struct([("start", pa.int32()), ("end", pa.int32()), ("text", pa.string())])

#: The columns of each table (the store's columns, plus ``month`` and ``text_hash``).
SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema(
        [
            ("id", pa.string()),
            ("title", pa.string()),
            ("outlet", pa.string()),
            ("author", pa.string()),
            ("date", pa.string()),
            ("month", pa.string()),
            ("language", pa.string()),
            ("url", pa.string()),
            ("source_file", pa.string()),
            ("section", pa.string()),
            ("text", pa.string()),
            ("original_text", pa.string()),
            ("near_duplicate_of", pa.string()),
            ("text_hash", pa.string()),
            ("words", pa.int32()),
            ("partition", pa.int32()),
        ]
    ),
    "entities": pa.schema(
        [
            ("article_id", pa.string()),
            ("start", pa.int32()),
            ("end", pa.int32()),
            ("text", pa.string()),
            ("label", pa.string()),
        ]
    ),
    "quotes": pa.schema(
        [
            ("article_id", pa.string()),
            ("start", pa.int32()),
            ("end", pa.int32()),
            ("text", pa.string()),
            ("kind", pa.string()),
            ("speaker", pa.string()),
            ("speaker_start", pa.int32()),
            ("speaker_end", pa.int32()),
            ("cue", pa.string()),
            ("actor_id", pa.string()),
            ("speaker_type", pa.string()),
        ]
    ),
    "actors": pa.schema(
        [
            ("article_id", pa.string()),
            ("id", pa.string()),
            ("name", pa.string()),
            ("type", pa.string()),
            ("gender", pa.string()),
            ("mentions", pa.list_(_MENTION)),
        ]
    ),
}
TABLES = tuple(SCHEMAS)


class CorpusError(Exception):
    """A corpus that cannot be built, read or sampled, with a message for the researcher."""


def part_name(index: int) -> str:
    return f"part-{index:05d}.parquet"


def part_path(corpus: Path, table: str, index: int) -> Path:
    return corpus / table / part_name(index)


def write_json_atomic(path: Path, data: Any) -> None:
    """Write JSON under a temporary name, then rename it: readers see the old or the new."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, path)


def read_manifest(corpus: Path) -> dict[str, Any]:
    """The manifest of a corpus folder; CorpusError when there is none or it is damaged."""
    path = corpus / MANIFEST
    if not corpus.is_dir():
        raise CorpusError(f"{corpus}: no such corpus folder")
    if not path.is_file():
        raise CorpusError(f"{corpus}: not a corpus folder (no {MANIFEST}; build it first)")
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise CorpusError(f"{path}: cannot be read ({exc})") from exc
    if not isinstance(data, dict) or not isinstance(data.get("partitions"), dict):
        raise CorpusError(f"{path}: not an Annotator corpus manifest")
    if int(data.get("format", 0)) > FORMAT:
        raise CorpusError(f"{path}: made by a newer version of Annotator; update Annotator")
    return data
