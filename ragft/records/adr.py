"""Numbered ADR files, as MADR keeps them: ``docs/decisions/NNNN-title-with-dashes.md``.

Example:
    >>> import tempfile
    >>> folder = tempfile.mkdtemp()
    >>> adr_path(folder, "RAG: dynamic knowledge needs dynamic retrieval").name
    '0001-rag-dynamic-knowledge-needs-dynamic-retrieval.md'
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from .._io import write_atomic
from ..errors import OutputExistsError, RagftError

__all__ = ["adr_path", "slug", "write_adr"]

_NUMBERED = re.compile(r"^(\d{4,})-")
_SLUG_LENGTH = 60


def slug(title: str) -> str:
    """Lower-case words joined by dashes, ASCII only, at most 60 characters.

    >>> slug("Fine-tune for behaviour, keep RAG for knowledge (größer)")
    'fine-tune-for-behaviour-keep-rag-for-knowledge-groer'
    """
    ascii_ = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    words = re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")
    return words[:_SLUG_LENGTH].rstrip("-") or "decision"


def _folder(folder: str | Path) -> Path:
    path = Path(folder)
    if path.exists() and not path.is_dir():
        msg = f"{path} is a file, not a folder of decision records"
        raise RagftError(msg)
    return path


def adr_path(folder: str | Path, title: str) -> Path:
    """``folder/NNNN-slug.md`` with the number after the highest one there (0001 when none).

    Raises:
        RagftError: ``folder`` is a file.
    """
    path = _folder(folder)
    numbers = [int(m.group(1)) for p in (path.iterdir() if path.is_dir() else ())
               if (m := _NUMBERED.match(p.name))]
    return path / f"{max(numbers, default=0) + 1:04d}-{slug(title)}.md"


def write_adr(folder: str | Path, title: str, text: str) -> Path:
    """Write ``text`` as the next numbered record in ``folder``; never replaces a file.

    Raises:
        RagftError: ``folder`` is a file, or another writer took the number first.
    """
    target = adr_path(folder, title)
    try:
        return write_atomic(target, text)
    except OutputExistsError:
        msg = f"{target} appeared while writing; run the command again for the next number"
        raise RagftError(msg) from None
