#!/usr/bin/env python3
"""Point every Binder launch link at one tag or commit (a workshop's), or back at HEAD.

    git tag workshop-2026-03 && git push origin workshop-2026-03
    python tools/binder_ref.py workshop-2026-03   # before the workshop: links build that tag
    python tools/binder_ref.py HEAD               # afterwards: links follow the default branch

``ragft/web/links.py``'s ``BINDER_REF`` is the one place the ref is set; this writes it there and
rewrites the stored launch links (README, ``_quarto.yml``, the site's pages, the notebooks'
Markdown cells) from the old ref to the new, so ``tests/test_links.py`` passes again. Commit the
result and launch it once per federation member before the session (see facilitators.qmd). A
rewritten notebook must be trusted again: ``postBuild`` and ``make guide`` do that.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINKS = Path("ragft") / "web" / "links.py"
GLOBS = ("README.md", "_quarto.yml", "*.qmd", "docs/**/*.md", "notebooks/*.ipynb")
REF = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/-]{0,99}$")
CONSTANT = re.compile(r'^BINDER_REF = "([^"]*)"$', re.M)

__all__ = ["main", "set_ref"]


def set_ref(root: Path, ref: str) -> list[Path]:
    """Write ``ref`` as ``BINDER_REF`` under ``root`` and rewrite the launch links that name
    the old one; return the files changed."""
    links = root / LINKS
    text = links.read_text(encoding="utf-8")
    match = CONSTANT.search(text)
    if match is None:
        msg = f"{LINKS}: no line BINDER_REF = \"...\""
        raise ValueError(msg)
    old = match.group(1)
    repository = re.search(r'^REPOSITORY = "([^"]+)"', text, re.M)
    if repository is None:
        msg = f"{LINKS}: no line REPOSITORY = \"...\""
        raise ValueError(msg)
    prefix = f"mybinder.org/v2/gh/{repository.group(1)}/"
    changed = []
    if old != ref:
        links.write_text(CONSTANT.sub(f'BINDER_REF = "{ref}"', text, count=1), encoding="utf-8")
        changed.append(links)
    pattern = re.compile(re.escape(prefix + old) + r"(?=[?\"')\s<\]\\]|$)")
    for path in sorted({p for g in GLOBS for p in root.glob(g) if p.is_file()}):
        before = path.read_text(encoding="utf-8")
        after = pattern.sub(prefix + ref, before)
        if after != before:
            path.write_text(after, encoding="utf-8")
            changed.append(path)
    return changed


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ref", help="a tag, branch or commit of the repository, or HEAD")
    args = parser.parse_args(argv)
    if not REF.match(args.ref) or ".." in args.ref:
        parser.error(f"bad ref {args.ref!r}: a tag, branch or commit such as workshop-2026-03")
    for path in set_ref(ROOT, args.ref):
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
