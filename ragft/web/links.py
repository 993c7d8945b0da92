"""Where ragft is published: the one place that names the site, the repository and Binder.

A fork that publishes elsewhere changes :data:`REPOSITORY` (and :data:`SITE`, if its Pages
address is not the GitHub default); ``tests/test_links.py`` then names every file that still
spells the old address: ``_quarto.yml`` (``website.site-url``, ``repo-url``, the navbar), the
README, the site's pages and the notebooks' stored links. Nothing here is read at run time
from another file: these are constants, so importing them costs nothing and never fails.

Example:
    >>> site_page("walk.html", "prompting=yes")
    'https://ragft.github.io/ragft/walk.html#prompting=yes'
    >>> binder_url("notebooks/00_start_here.ipynb") == (
    ...     BINDER + "?urlpath=lab/tree/notebooks/00_start_here.ipynb")
    True
"""

from __future__ import annotations

__all__: list[str] = []

REPOSITORY = "ragft/ragft"  # owner/name on GitHub
REPO_URL = f"https://github.com/{REPOSITORY}"
# GitHub Pages of that repository; also `website.site-url` in _quarto.yml.
SITE = "https://{}.github.io/{}/".format(*REPOSITORY.split("/"))
# What Binder builds: "HEAD" (the default branch as it is at launch) or, for a workshop, a tag
# or commit, so that a merge on the morning does not force a rebuild for the whole room. The one
# place it is set: `python tools/binder_ref.py REF` writes it here and rewrites every stored
# launch link to match (tests/test_links.py names any file that still links another).
BINDER_REF = "HEAD"
# Binder's launch address, without a file to open.
BINDER = f"https://mybinder.org/v2/gh/{REPOSITORY}/{BINDER_REF}"


def site_page(page: str = "", fragment: str = "") -> str:
    """The published address of ``page`` (``walk.html``; empty for the home page)."""
    return SITE + page + (f"#{fragment}" if fragment else "")


def binder_url(path: str | None = None) -> str:
    """Binder's address, opening ``path`` (relative to the repository) in JupyterLab if given."""
    return f"{BINDER}?urlpath=lab/tree/{path}" if path else BINDER
