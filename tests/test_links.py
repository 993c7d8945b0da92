"""Every address of the published site, the repository and Binder agrees with ragft.web.links.

A fork changes ``ragft.web.links.REPOSITORY`` (and ``SITE``); these tests then list each file and
address that still points at the old place.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from ragft.web import links

# Files people or tools read addresses from; generated and installed folders are left out.
SCANNED = ["README.md", "_quarto.yml", "environment.yml", "postBuild", "*.qmd", "docs/*.md",
           "notebooks/*.ipynb", "ragft/**/*.py", "site/*.py", "site/_includes/*.md"]
PAGES_URL = re.compile(r"https?://[A-Za-z0-9-]+\.github\.io/[A-Za-z0-9._-]+/?")
BINDER_URL = re.compile(r"https?://mybinder\.org/v2/gh/[A-Za-z0-9._-]+/[A-Za-z0-9._-]+/[^\s)\"'<>\\]*")
REPO_NAME = links.REPOSITORY.split("/")[1]
# A GitHub address of a repository with our name (other repositories are cited as sources).
OUR_REPO = re.compile(r"https?://github\.com/[A-Za-z0-9._-]+/" + re.escape(REPO_NAME) + r"\b")


def scanned_files() -> Iterator[Path]:
    for pattern in SCANNED:
        yield from sorted(ROOT.glob(pattern))


def found(pattern: re.Pattern[str]) -> list[tuple[str, str]]:
    return [(path.relative_to(ROOT).as_posix(), m.group(0)) for path in scanned_files()
            for m in pattern.finditer(path.read_text(encoding="utf-8"))]


def test_the_constants_are_one_repository() -> None:
    owner, name = links.REPOSITORY.split("/")
    assert f"https://github.com/{owner}/{name}" == links.REPO_URL
    assert links.SITE.endswith("/")
    assert links.BINDER.startswith("https://mybinder.org/v2/gh/" + links.REPOSITORY + "/")
    assert links.binder_url() == links.BINDER
    assert links.site_page("walk.html", "a=b") == links.SITE + "walk.html#a=b"


def test_quarto_config_names_the_same_places() -> None:
    config = yaml.safe_load((ROOT / "_quarto.yml").read_text(encoding="utf-8"))
    site = config["website"]
    assert site["site-url"] == links.SITE
    assert site["repo-url"] == links.REPO_URL
    right = {item["text"]: item["href"] for item in site["navbar"]["right"]}
    assert right == {"Run on Binder": links.BINDER, "Source": links.REPO_URL}


@pytest.mark.parametrize("kind", ["site", "binder", "repository"])
def test_every_file_links_the_configured_places(kind: str) -> None:
    if kind == "site":
        wrong = [(f, url) for f, url in found(PAGES_URL) if url.rstrip("/") + "/" != links.SITE]
        assert found(PAGES_URL), "no link to the site at all: the pattern is broken"
    elif kind == "binder":
        wrong = [(f, url) for f, url in found(BINDER_URL) if not url.startswith(links.BINDER)]
        assert found(BINDER_URL)
    else:
        wrong = [(f, url) for f, url in found(OUR_REPO) if url != links.REPO_URL]
        assert found(OUR_REPO)
    assert wrong == [], f"links that disagree with ragft.web.links: {wrong}"


def test_binder_links_open_files_that_exist() -> None:
    for where, url in found(BINDER_URL):
        path = url.removeprefix(links.BINDER).removeprefix("?urlpath=lab/tree/")
        path = path.split("?")[0].split("#")[0]
        if path and "{" not in path:  # a template such as notebooks/{name} is filled elsewhere
            assert (ROOT / path).exists(), f"{where}: {url} opens {path}, which is not there"
