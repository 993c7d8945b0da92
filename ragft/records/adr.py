"""What decision records are named: one scheme for every way of writing one.

A record is named after what it decides: the requirement, else the use case, else the
recommendation's title (:func:`ragft.records.madr.record_title`), made a file name by
:func:`slug`. In a folder of ADRs, as MADR keeps them, the name takes the next number
(``docs/decisions/0003-support-bot.md``: ``ragft record --adr``, the case builder); anywhere else
it is the name alone (``support-bot.md``: the notebook walker, which adds ``-2``, ``-3`` rather
than replace a file, and the site walker's download, which the browser keeps apart the same way).
The date and the exit are in the record's front matter, not its name.

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
from ..errors import NotAFolderError, OutputExistsError, OutputPathError

__all__: list[str] = []

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


def free_path(folder: str | Path, title: str) -> Path:
    """``folder/<slug>.md``, or ``<slug>-2.md``, ``-3``... : the first name not taken.

    >>> import tempfile
    >>> free_path(tempfile.mkdtemp(), "Support bot").name
    'support-bot.md'

    Raises:
        NotAFolderError: ``folder`` is a file.
    """
    path = _folder(folder)
    base = slug(title)
    n = 1
    while (target := path / (f"{base}.md" if n == 1 else f"{base}-{n}.md")).exists():
        n += 1
    return target


def _folder(folder: str | Path) -> Path:
    path = Path(folder)
    if path.exists() and not path.is_dir():
        raise NotAFolderError(str(path))
    return path


def adr_path(folder: str | Path, title: str) -> Path:
    """``folder/NNNN-slug.md`` with the number after the highest one there (0001 when none).

    Raises:
        NotAFolderError: ``folder`` is a file.
    """
    path = _folder(folder)
    numbers = [int(m.group(1)) for p in (path.iterdir() if path.is_dir() else ())
               if (m := _NUMBERED.match(p.name))]
    return path / f"{max(numbers, default=0) + 1:04d}-{slug(title)}.md"


def write_adr(folder: str | Path, title: str, text: str) -> Path:
    """Write ``text`` as the next numbered record in ``folder``; never replaces a file.

    Raises:
        NotAFolderError: ``folder`` is a file.
        OutputPathError: another writer took the number first, or the file cannot be written.
    """
    target = adr_path(folder, title)
    try:
        return write_atomic(target, text)
    except OutputExistsError:
        problem = "appeared while writing; run the command again for the next number"
        raise OutputPathError(str(target), problem) from None
