"""The Binder and conda set-up: environment.yml, postBuild, and the launch links.

environment.yml must agree with pyproject.toml, or a workshop on Binder runs different versions
than a local ``make guide``. postBuild is run for real in a temporary prefix, as Binder would.
"""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet

from conftest import ROOT, load_script

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10: the same parser under its PyPI name (in the test extras)
    import tomli as tomllib

ENVIRONMENT = ROOT / "environment.yml"  # the learners' (Binder's)
DEV_ENVIRONMENT = ROOT / "environment-dev.yml"  # the same, plus the site and test tools
DEV_TOOLS = {"quarto", "pytest", "hypothesis", "nbval", "nbclient", "nbformat"}
POSTBUILD = ROOT / "postBuild"
OVERRIDES = ROOT / "jupyter" / "overrides.d" / "ragft.json"
SETUP = ROOT / "tools" / "guide_setup.py"
WIDGETS_PLUGIN = "@jupyter-widgets/jupyterlab-manager:plugin"

# PyPI name -> conda-forge name, where they differ.
CONDA_NAMES = {"graphviz": "python-graphviz", "matplotlib": "matplotlib-base"}
# Runtime dependencies that conda-forge lacks: environment.yml installs them with pip.
PIP_ONLY = {"graphviz-pure"}
# conda entries with no pyproject counterpart, each for a stated reason (see environment.yml).
CONDA_EXTRAS = {"python", "graphviz", "quarto", "pip"}
# Files that may carry launch links, and those that must (the README, the site home, this guide).
LINK_GLOBS = ("README.md", "_quarto.yml", "*.qmd", "docs/**/*.md", "notebooks/*.ipynb")
MUST_LINK = ("README.md", "index.qmd", "facilitators.qmd")
BINDER_URL = re.compile(r"https://mybinder\.org/[^\s\"'<>()\[\]\\]*")
BADGE = "https://mybinder.org/badge_logo.svg"


def _pyproject() -> dict[str, Any]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _requirements() -> dict[str, Requirement]:
    """Every requirement pyproject.toml names (runtime and extras), by normalised name."""
    project = _pyproject()["project"]
    reqs = list(project["dependencies"])
    for group in project.get("optional-dependencies", {}).values():
        reqs += [r for r in group if not r.startswith(project["name"] + "[")]
    return {Requirement(r).name.lower(): Requirement(r) for r in reqs}


def _runtime() -> list[Requirement]:
    return [Requirement(r) for r in _pyproject()["project"]["dependencies"]]


def _environment(path: Path = ENVIRONMENT) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), "environment.yml must be a mapping"
    return data


def _split(spec: str) -> tuple[str, str]:
    """``'jupyterlab>=4.2,<5'`` -> ``('jupyterlab', '>=4.2,<5')`` (conda or pip syntax)."""
    match = re.fullmatch(r"\s*([A-Za-z0-9_.\-]+)\s*(.*?)\s*", spec)
    assert match, f"unreadable dependency {spec!r} in environment.yml"
    return match.group(1).lower(), match.group(2)


def _conda(path: Path = ENVIRONMENT) -> dict[str, str]:
    return dict(_split(d) for d in _environment(path)["dependencies"] if isinstance(d, str))


def _pip() -> list[str]:
    lists = [d["pip"] for d in _environment()["dependencies"] if isinstance(d, dict)]
    assert len(lists) == 1, "environment.yml needs exactly one `pip:` list"
    return list(lists[0])


def _pip_names() -> dict[str, str]:
    return dict(_split(p) for p in _pip() if not p.startswith("-"))


# -- environment.yml --------------------------------------------------------------------------


def test_environment_uses_conda_forge_only() -> None:
    assert _environment()["channels"] == ["conda-forge"]


def test_environment_pins_python_within_requires_python() -> None:
    python = _conda()["python"]
    assert re.fullmatch(r"=3\.\d+", python), f"pin Python as python=3.X, not {python!r}"
    requires = SpecifierSet(_pyproject()["project"]["requires-python"])
    assert python[1:] in requires, f"python{python} is outside requires-python {requires}"


@pytest.mark.parametrize("req", _runtime(), ids=lambda r: r.name)
def test_environment_names_every_runtime_dependency(req: Requirement) -> None:
    name = req.name.lower()
    if name in PIP_ONLY:
        assert name in _pip_names(), f"{name} is not on conda-forge: list it under pip:"
    else:
        conda = CONDA_NAMES.get(name, name)
        assert conda in _conda(), f"environment.yml lacks {conda} (pyproject needs {req})"


def test_environment_versions_agree_with_pyproject() -> None:
    reqs = _requirements()
    by_conda_name = {CONDA_NAMES.get(n, n): r for n, r in reqs.items()}
    checked = {**_conda(), **_pip_names()}
    for name, spec in checked.items():
        if name in CONDA_EXTRAS:
            continue
        assert name in by_conda_name, (
            f"environment.yml installs {name}, which pyproject.toml does not name: "
            f"keep the environment small (allowed extras: {sorted(CONDA_EXTRAS)})"
        )
        wanted = by_conda_name[name].specifier
        assert SpecifierSet(spec) == wanted, f"{name}: environment.yml {spec!r}, pyproject {wanted}"


@pytest.mark.parametrize(("name", "major"), [("jupyterlab", 4), ("ipywidgets", 8)])
def test_environment_holds_one_major_version(name: str, major: int) -> None:
    spec = SpecifierSet(_conda()[name])
    assert spec.contains(f"{major}.9")
    assert not spec.contains(f"{major + 1}.0")
    assert not spec.contains(f"{major - 1}.99")


def test_learners_environment_leaves_the_tools_out() -> None:
    assert not DEV_TOOLS & set(_conda()), "the site and test tools go in environment-dev.yml"


def test_dev_environment_is_the_learners_plus_the_tools() -> None:
    learners, dev = _environment(), _environment(DEV_ENVIRONMENT)
    assert dev["channels"] == learners["channels"]
    added = [d for d in dev["dependencies"] if d not in learners["dependencies"]]
    assert [d for d in learners["dependencies"] if d not in dev["dependencies"]] == []
    assert {_split(d)[0] for d in added} == DEV_TOOLS
    reqs = _requirements()
    for name, spec in _conda(DEV_ENVIRONMENT).items():  # the tools agree with pyproject too
        if name in DEV_TOOLS - CONDA_EXTRAS:
            assert SpecifierSet(spec) == reqs[name].specifier, name


def test_environment_requires_recent_quarto() -> None:
    spec = SpecifierSet(_conda(DEV_ENVIRONMENT)["quarto"])
    assert not spec.contains("1.7.99"), "Quarto >= 1.8 is needed (widget JS, axe checks)"
    assert spec.contains("1.8.0")


def test_environment_installs_the_package_from_the_checkout() -> None:
    assert "-e ." in _pip()
    assert "graphviz-pure" in _pip_names()


def test_one_binder_config_location() -> None:
    # repo2docker reads binder/ or .binder/ first and then ignores the root files.
    assert not (ROOT / "binder").exists()
    assert not (ROOT / ".binder").exists()


# -- postBuild --------------------------------------------------------------------------------


def test_postbuild_is_an_executable_bash_script_that_stops_on_errors() -> None:
    assert POSTBUILD.stat().st_mode & stat.S_IXUSR, "postBuild must be executable"
    text = POSTBUILD.read_text(encoding="utf-8")
    assert text.startswith("#!/bin/bash\n")
    assert re.search(r"^set -[a-z]*e[a-z]*", text, re.M), "postBuild needs `set -e`"


def test_overrides_turn_on_saving_widget_state() -> None:
    assert json.loads(OVERRIDES.read_text(encoding="utf-8")) == {
        WIDGETS_PLUGIN: {"saveState": True}
    }


def _clean_env(tmp_path: Path) -> dict[str, str]:
    """The environment minus Binder's and Jupyter's variables, the notary in ``tmp_path``."""
    env = {k: v for k, v in os.environ.items()
           if k != "NB_PYTHON_PREFIX" and not k.startswith("JUPYTER")}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env["JUPYTER_DATA_DIR"] = str(tmp_path / "jupyter-data")
    return env


def _run_postbuild(script: Path, prefix: Path | None,
                   env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    if prefix is not None:
        env = {**env, "NB_PYTHON_PREFIX": str(prefix)}
    return subprocess.run(
        [str(script)], env=env, capture_output=True, text=True, timeout=120, check=False
    )


def _target(prefix: Path) -> Path:
    return prefix / "share" / "jupyter" / "lab" / "settings" / "overrides.d" / "ragft.json"


def _trusted(env: dict[str, str], paths: list[Path]) -> list[bool]:
    """Whether the notary under ``env``'s data folder trusts each notebook (a fresh process)."""
    code = ("import sys, nbformat; from nbformat.sign import NotebookNotary; n = NotebookNotary();"
            "print(' '.join(str(n.check_signature(nbformat.read(p, 4))) for p in sys.argv[1:]))")
    out = subprocess.run([sys.executable, "-c", code, *map(str, paths)], env=env,
                         capture_output=True, text=True, check=True, timeout=60).stdout
    return [word == "True" for word in out.split()]


def test_postbuild_installs_the_override_and_trusts_the_notebooks(tmp_path: Path) -> None:
    env = _clean_env(tmp_path)
    notebooks = sorted((ROOT / "notebooks").glob("*.ipynb"))
    assert _trusted(env, notebooks) == [False] * len(notebooks)
    prefix = tmp_path / "prefix"
    theirs = _target(prefix).with_name("site.json")  # another package's defaults stay
    theirs.parent.mkdir(parents=True)
    theirs.write_text("{}", encoding="utf-8")
    user = _target(prefix).parent.parent / "overrides.json"  # and so does the admin's own file
    user.write_text('{"x": {}}', encoding="utf-8")
    for _ in range(2):  # running it again changes nothing
        done = _run_postbuild(POSTBUILD, prefix, env)
        assert done.returncode == 0, done.stderr
    assert json.loads(_target(prefix).read_text(encoding="utf-8")) == json.loads(
        OVERRIDES.read_text(encoding="utf-8"))
    assert sorted(p.name for p in _target(prefix).parent.iterdir()) == ["ragft.json", "site.json"]
    assert user.read_text(encoding="utf-8") == '{"x": {}}'
    assert _trusted(env, notebooks) == [True] * len(notebooks)
    count = len(list((ROOT / "notebooks").glob("*.ipynb")))
    assert f"{count} notebooks trusted (0 newly)" in done.stdout


def test_postbuild_fails_without_a_prefix(tmp_path: Path) -> None:
    done = _run_postbuild(POSTBUILD, None, _clean_env(tmp_path))
    assert done.returncode != 0
    assert "NB_PYTHON_PREFIX" in done.stderr


def test_a_broken_override_fails_and_leaves_the_target(tmp_path: Path) -> None:
    setup = load_script(SETUP)
    broken = tmp_path / "ragft.json"
    broken.write_text("{not json", encoding="utf-8")
    target = _target(tmp_path / "prefix")
    target.parent.mkdir(parents=True)
    target.write_text('{"kept": {}}', encoding="utf-8")
    with pytest.raises(ValueError, match=r"^ragft\.json is not valid JSON \(Expecting"):
        setup.install_override(tmp_path / "prefix", broken)
    broken.write_text('{"plugin": true}', encoding="utf-8")
    with pytest.raises(ValueError, match="must map plugin ids to settings objects"):
        setup.install_override(tmp_path / "prefix", broken)
    assert target.read_text(encoding="utf-8") == '{"kept": {}}'
    assert sorted(p.name for p in target.parent.iterdir()) == ["ragft.json"]


def test_every_route_runs_the_setup() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    guide = re.search(r"^guide:.*\n((?:\t.*\n)+)", makefile, re.M)
    assert guide, "the Makefile needs a guide target"
    steps = guide.group(1).splitlines()
    assert "tools/guide_setup.py" in steps[0], "make guide sets up before JupyterLab starts"
    assert "tools/guide_lab.py" in steps[-1], "JupyterLab, and notebook 00's address"
    assert "tools/guide_setup.py" in POSTBUILD.read_text(encoding="utf-8")
    assert "python tools/guide_setup.py" in ENVIRONMENT.read_text(encoding="utf-8")


# -- launch links -----------------------------------------------------------------------------


def _repo_slug() -> str:
    source = _pyproject()["project"]["urls"]["Source"]
    parts = urlsplit(source)
    assert parts.netloc == "github.com", f"Binder links need a GitHub Source URL, not {source}"
    return parts.path.strip("/")


def _link_files() -> list[Path]:
    return sorted({p for g in LINK_GLOBS for p in ROOT.glob(g) if p.is_file()})


def _links(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".ipynb":  # read the cells, not the JSON escapes around them
        cells = json.loads(text)["cells"]
        text = "\n".join("".join(c["source"]) for c in cells)
    return BINDER_URL.findall(text)


def launch_target(url: str) -> str:
    """Check one Binder launch URL for this repository; return the repo path it opens."""
    parts = urlsplit(url)
    from ragft.web.links import BINDER_REF

    prefix = f"/v2/gh/{_repo_slug()}/{BINDER_REF}"
    assert parts.scheme == "https", url
    assert parts.path in (prefix, prefix + "/"), f"{url}: expected {prefix}"
    query = parse_qs(parts.query, strict_parsing=bool(parts.query))
    assert set(query) <= {"urlpath", "labpath"}, f"{url}: unexpected parameters {sorted(query)}"
    if "labpath" in query:
        return unquote(query["labpath"][0])
    if "urlpath" in query:
        urlpath = unquote(query["urlpath"][0])
        assert urlpath.startswith("lab/tree/"), f"{url}: open JupyterLab (lab/tree/...)"
        return urlpath.removeprefix("lab/tree/")
    return ""


def test_launch_link_checker_rejects_bad_links() -> None:
    slug = _repo_slug()
    bad = [
        f"http://mybinder.org/v2/gh/{slug}/HEAD",
        "https://mybinder.org/v2/gh/someone/else/HEAD",
        f"https://mybinder.org/v2/gh/{slug}/HEAD?urlpath=tree/notebooks/x.ipynb",
        f"https://mybinder.org/v2/gh/{slug}/HEAD?filepath=x",
    ]
    for url in bad:
        with pytest.raises(AssertionError):
            launch_target(url)
    good = f"https://mybinder.org/v2/gh/{slug}/HEAD?urlpath=lab/tree/notebooks%2F07_x.ipynb"
    assert launch_target(good) == "notebooks/07_x.ipynb"


@pytest.mark.parametrize("path", _link_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_launch_links_are_well_formed_and_open_existing_files(path: Path) -> None:
    for url in _links(path):
        if url == BADGE:
            assert path.name == "README.md", f"{path.name}: no remote images on the site"
            continue
        opened = launch_target(url)
        assert opened == "" or (ROOT / opened).is_file(), f"{url} opens a missing file {opened}"
        if path.suffix == ".ipynb" and opened:
            assert opened == path.relative_to(ROOT).as_posix(), f"{url} opens another notebook"


@pytest.mark.parametrize("name", MUST_LINK)
def test_launch_link_present(name: str) -> None:
    path = ROOT / name
    assert path.is_file(), f"{name} is missing"
    assert [u for u in _links(path) if u != BADGE], f"{name} carries no Binder launch link"
