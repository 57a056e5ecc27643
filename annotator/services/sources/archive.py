"""Zip archives of articles: each member is read by the reader for its kind of file.

Archives come from strangers (colleagues, scrapers, download portals), so
nothing is extracted: each member is streamed into its own temporary folder,
under its own base name only, read, and removed. Sizes are checked before
anything is decompressed (the declared sizes) and again while decompressing
(the bytes actually produced), so a zip bomb is refused, not unpacked.
"""

from __future__ import annotations

import re
import shutil
import tempfile
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from annotator.core import Article
from annotator.services.errors import FileProblem

if TYPE_CHECKING:
    from annotator.services.sources import ReadOptions

MB = 1024 * 1024
#: Everything in one archive (nested ones included), decompressed.
MAX_TOTAL_BYTES = 500 * MB
#: Text compresses about 3-10:1; far beyond this a big member is a bomb, not articles.
MAX_RATIO = 100
RATIO_CHECKED_FROM = 4 * MB  # small members may compress very well and harm nobody
_CHUNK = MB
_ENCRYPTED = 0x1


@dataclass(slots=True)
class _Budget:
    """Decompressed bytes an archive and the archives inside it may still produce."""

    left: int = MAX_TOTAL_BYTES


class _MemberProblem(Exception):
    """One member cannot be read; the rest of the archive goes on."""


def read_zip(path: Path, options: ReadOptions) -> Iterator[Article | FileProblem]:
    """Articles in the supported files of a .zip (and of the zips in it, one level deep)."""
    yield from _read_zip(path, str(path), options, depth=0, budget=_Budget())


def _read_zip(
    path: Path, label: str, options: ReadOptions, *, depth: int, budget: _Budget
) -> Iterator[Article | FileProblem]:
    from annotator.services.sources import READERS

    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError):
        raise FileProblem(label, "not a readable zip archive") from None
    except OSError as exc:
        raise FileProblem(label, f"cannot be read ({exc.strerror or exc})") from None
    with archive, tempfile.TemporaryDirectory(prefix="annotator-zip-") as scratch:
        members = archive.infolist()
        declared = sum(info.file_size for info in members)
        if declared > budget.left:
            raise FileProblem(
                label,
                f"would expand to {declared // MB} MB, over the {MAX_TOTAL_BYTES // MB} MB limit"
                " for an archive (a zip bomb?); refused",
            )
        readable = 0
        others: set[str] = set()
        for number, info in enumerate(members):
            where = f"{label}!{info.filename}"
            name = info.filename.replace("\\", "/")
            if _unsafe(name):
                yield FileProblem(where, "unsafe path in archive")
                continue
            if _ignored(info, name):
                continue
            suffix = PurePosixPath(name).suffix.lower()
            if suffix not in READERS:
                others.add(suffix or PurePosixPath(name).name)
                continue
            readable += 1
            reason = _refusal(info, suffix, depth)
            if reason:
                yield FileProblem(where, reason)
                continue
            folder = Path(scratch) / str(number)
            folder.mkdir()
            try:
                target = _copy_member(archive, info, folder, label, budget)
                if suffix == ".zip":
                    items = _read_zip(target, where, options, depth=depth + 1, budget=budget)
                else:
                    items = READERS[suffix](target, options)
                for item in items:
                    yield _relabel(item, target, where)
            except _MemberProblem as problem:
                yield FileProblem(where, str(problem))
            except FileProblem as problem:
                if problem.path == label:
                    raise  # the whole archive is refused (its size limit is reached)
                yield _relabel(problem, folder / PurePosixPath(name).name, where)
            finally:
                shutil.rmtree(folder, ignore_errors=True)
        if not readable:
            held = f"it holds {', '.join(sorted(others))}" if others else "it is empty"
            raise FileProblem(label, f"no file Annotator can import in the archive ({held})")


def _unsafe(name: str) -> bool:
    """Names that would land outside the folder a naive unzip writes to."""
    return (
        name.startswith("/")
        or re.match(r"^[A-Za-z]:", name) is not None
        or ".." in name.split("/")
        or "\x00" in name
    )


def _ignored(info: zipfile.ZipInfo, name: str) -> bool:
    """Folders and the files macOS, Windows and Office leave behind."""
    parts = [part for part in name.split("/") if part]
    if info.is_dir() or not parts or "__MACOSX" in parts:
        return True
    return any(part.startswith(".") for part in parts) or parts[-1].startswith("~$")


def _refusal(info: zipfile.ZipInfo, suffix: str, depth: int) -> str:
    """Why a member is not even opened, or ""."""
    if info.flag_bits & _ENCRYPTED:
        return "encrypted (password-protected) in the archive; unzip it with its password first"
    if suffix == ".zip" and depth >= 1:
        return "a zip inside a zip inside a zip; Annotator reads one level of zips in a zip"
    ratio = info.file_size / max(info.compress_size, 1)
    if info.file_size > RATIO_CHECKED_FROM and ratio > MAX_RATIO:
        return (
            f"compressed {ratio:.0f}:1 ({info.file_size // MB} MB from"
            f" {max(info.compress_size // 1024, 1)} KB), which only a zip bomb does; refused"
        )
    return ""


def _copy_member(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, folder: Path, label: str, budget: _Budget
) -> Path:
    """Stream one member into ``folder`` under its base name, counting what comes out."""
    name = PurePosixPath(info.filename.replace("\\", "/")).name
    target = folder / name
    try:
        handle = target.open("xb")
    except OSError:  # a name this system cannot hold (e.g. ":" on Windows)
        target = folder / f"member{PurePosixPath(name).suffix.lower()}"
        handle = target.open("xb")
    written = 0
    try:
        with handle, archive.open(info) as member:
            while chunk := member.read(_CHUNK):
                written += len(chunk)
                budget.left -= len(chunk)
                if written > info.file_size:
                    raise _MemberProblem("holds more data than it declares (a zip bomb?); refused")
                if budget.left < 0:
                    raise FileProblem(
                        label,
                        f"expands past the {MAX_TOTAL_BYTES // MB} MB limit for an archive"
                        " (a zip bomb?); refused",
                    )
                handle.write(chunk)
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise _MemberProblem(f"damaged in the archive ({exc})") from None
    except NotImplementedError:
        raise _MemberProblem(
            "compressed with a method Annotator cannot read; re-zip it with standard settings"
        ) from None
    except RuntimeError as exc:  # zipfile's way of saying "needs a password"
        raise _MemberProblem(f"cannot be decompressed ({exc})") from None
    return target


def _relabel(item: Article | FileProblem, target: Path, where: str) -> Article | FileProblem:
    """Name the member inside the archive, not the temporary copy that was read."""
    temporary = str(target)
    if isinstance(item, FileProblem):
        path = item.path.replace(temporary, where)
        return FileProblem(path, item.reason.replace(temporary, where))
    # Members of a zip in the zip come already named ("outer.zip!inner.zip!a.txt").
    item.source_file = item.source_file.replace(temporary, where)
    return item
