#!/usr/bin/env python3
"""Set up the environment that opens the guide: every route runs this once it has installed.

    python tools/guide_setup.py                 # the running Python's environment, notebooks/
    python tools/guide_setup.py --prefix PREFIX notebooks

It does two things, both inside the environment or for the notebooks themselves, never in the
user's JupyterLab settings:

1. Installs ``jupyter/overrides.d/ragft.json`` as ``<prefix>/share/jupyter/lab/settings/
   overrides.d/ragft.json``. JupyterLab reads package defaults from there (jupyterlab_server
   ``_get_overrides``: ``overrides.d/*.json`` first, then the user-owned ``overrides.json``,
   then the user's own settings, each winning over the one before). The file makes JupyterLab
   save widget state with the notebook, so a learner's answers survive save and reopen. A
   wheel's data files would do the same, but editable installs (``pip install -e``) leave data
   files out, so the set-up writes it.
2. Trusts the guide's notebooks (what ``jupyter trust`` does: their signatures go into the
   notary's database), so JupyterLab shows their stored diagrams before any cell runs. An
   untrusted notebook shows ``image/svg+xml`` as ``<IPython.core.display.SVG object>``:
   JupyterLab renders only sanitizable outputs (Markdown, HTML, PNG) of untrusted cells.

Run by ``make guide`` (pip), by ``postBuild`` (Binder) and, on the conda route, by hand after
``conda activate ragft`` (see environment.yml). Running it again changes nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OVERRIDE = ROOT / "jupyter" / "overrides.d" / "ragft.json"
SETTINGS = Path("share") / "jupyter" / "lab" / "settings" / "overrides.d"

__all__ = ["install_override", "main", "trust_notebooks"]


def install_override(prefix: Path, source: Path = OVERRIDE) -> Path:
    """Copy the override into ``prefix``'s JupyterLab settings, atomically; return its path.

    Raises:
        ValueError: ``source`` is not a JSON object of plugin settings.
    """
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
    except json.JSONDecodeError as err:
        msg = f"{source.name} is not valid JSON ({err.msg}, line {err.lineno})"
        raise ValueError(msg) from None
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        msg = f"{source.name} must map plugin ids to settings objects"
        raise ValueError(msg)
    target = prefix / SETTINGS / source.name
    target.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, indent=2, sort_keys=True) + "\n"
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".ragft-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def trust_notebooks(paths: Sequence[Path]) -> list[Path]:
    """Sign the notebooks that are not trusted yet; return those it signed."""
    import nbformat
    from nbformat.sign import NotebookNotary

    notary = NotebookNotary()  # type: ignore[no-untyped-call]
    signed = []
    for path in paths:
        nb = nbformat.read(path, as_version=4)  # type: ignore[no-untyped-call]
        if not notary.check_signature(nb):  # type: ignore[no-untyped-call]
            notary.sign(nb)  # type: ignore[no-untyped-call]
            signed.append(path)
    return signed


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--prefix", type=Path, default=Path(sys.prefix),
                        help="the environment to set up (default: this Python's)")
    parser.add_argument("notebooks", nargs="?", type=Path, default=ROOT / "notebooks",
                        help="the folder of notebooks to trust (default: notebooks/)")
    args = parser.parse_args(argv)
    if not args.notebooks.is_dir():
        parser.error(f"no such folder: {args.notebooks}")
    try:
        target = install_override(args.prefix)
    except (ValueError, OSError) as err:
        print(f"guide set-up: {err}", file=sys.stderr)
        return 1
    notebooks = sorted(args.notebooks.glob("*.ipynb"))
    signed = trust_notebooks(notebooks)
    print(f"guide set-up: JupyterLab saves widget state ({target}); "
          f"{len(notebooks)} notebooks trusted ({len(signed)} newly)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
