"""The house rules, checked on the code: a folder per concern, one home per word, one import
path per name, a small public surface, docstrings that say something.

Each rule reads the package itself (its files, their syntax trees, their ``__all__``), so a new
module or word is checked with no new test code.
"""

from __future__ import annotations

import ast
import dataclasses
import importlib
import inspect
import json
import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import pytest

import ragft
from conftest import ROOT

PACKAGE = ROOT / "ragft"
FOLDERS = ("tree", "engine", "present", "terminal", "records", "diagram", "web", "widgets",
           "guide")
MODULES = sorted(m.name for m in pkgutil.walk_packages(ragft.__path__, "ragft."))
PUBLIC = [m for m in MODULES if not any(p.startswith("_") for p in m.split("."))]
MAX_LOOSE, MAX_TOP, MAX_ALL = 8, 15, 80


def _path(module: str) -> Path:
    return Path(str(importlib.import_module(module).__file__))


def _is_package(module: str) -> bool:
    return _path(module).name == "__init__.py"


# -- layout ------------------------------------------------------------------------------------

def test_each_concern_has_a_folder_and_few_modules_are_loose() -> None:
    folders = sorted(p.name for p in PACKAGE.iterdir()
                     if p.is_dir() and (p / "__init__.py").exists())
    assert folders == sorted(FOLDERS)
    loose = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(loose) <= MAX_LOOSE, loose


@pytest.mark.parametrize("module", [m for m in MODULES if m != "ragft" and _is_package(m)])
def test_a_folder_init_only_describes_its_folder(module: str) -> None:
    """No re-exports: a name has one import path (its module), besides ``import ragft``."""
    body = ast.parse(_path(module).read_text(encoding="utf-8")).body
    assert body, f"{module} is empty"
    assert isinstance(body[0], ast.Expr), f"{module} has no docstring"
    rest = [n for n in body[1:]
            if not (isinstance(n, ast.ImportFrom) and n.module == "__future__")]
    assert rest == [], f"{module}/__init__.py binds names: move them to their module"


# -- the public surface ------------------------------------------------------------------------

def _all(module: str) -> list[str]:
    return list(getattr(importlib.import_module(module), "__all__", []))


def test_the_public_surface_is_small() -> None:
    assert len(ragft.__all__) <= MAX_TOP, ragft.__all__
    sizes = {m: len(_all(m)) for m in PUBLIC}
    assert sum(sizes.values()) <= MAX_ALL, sorted(sizes.items(), key=lambda kv: -kv[1])


@pytest.mark.parametrize("name", sorted(ragft._LAZY))
def test_lazy_names_stay_the_same_object_after_their_modules_load(name: str) -> None:
    first = getattr(ragft, name)
    importlib.import_module(ragft._LAZY[name])
    assert getattr(ragft, name) is first
    assert callable(first)


def test_import_ragft_loads_neither_graphviz_nor_ipywidgets() -> None:
    code = ("import sys, ragft; ragft.decide({'prompting': 'no'}); "
            "print(sorted(m for m in ('graphviz', 'ipywidgets') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"


@pytest.mark.parametrize("module", [m for m in MODULES if m not in PUBLIC])
def test_private_modules_declare_no_all(module: str) -> None:
    assert not hasattr(importlib.import_module(module), "__all__")


@pytest.mark.parametrize("module", [m for m in PUBLIC if not _is_package(m)])
def test_public_modules_declare_all_and_document_it(module: str) -> None:
    mod = importlib.import_module(module)
    assert mod.__doc__, f"{module} has no docstring"
    assert hasattr(mod, "__all__"), f"{module} has no __all__ (use [] for none)"
    for name in mod.__all__:
        obj = getattr(mod, name)
        if not (callable(obj) or inspect.isclass(obj)):
            continue
        doc = inspect.getdoc(obj) or ""
        generated = dataclasses.is_dataclass(obj) and doc.startswith(f"{name}(")
        assert doc, f"{module}.{name} has no docstring"
        assert not generated, f"{module}.{name} has only the docstring dataclass makes"


def _code_outside(module_file: Path) -> list[str]:
    """Python source outside a module: the package, site scripts, tools, benchmarks, and the
    notebooks' code cells (tests do not count: they may reach for anything)."""
    files = [*PACKAGE.rglob("*.py"), *(ROOT / "site").glob("*.py"),
             *(ROOT / "tools").glob("*.py"), *(ROOT / "benchmarks").glob("*.py")]
    texts = [p.read_text(encoding="utf-8") for p in files if p.resolve() != module_file]
    for nb in (ROOT / "notebooks").glob("*.ipynb"):
        cells = json.loads(nb.read_text(encoding="utf-8"))["cells"]
        texts += ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]
    return texts


def _used_names(module: str, texts: list[str]) -> set[str]:
    """Names imported from ``module`` (absolute or relative) or read as ``alias.name``."""
    used: set[str] = set()
    short = module.rsplit(".", 1)[-1]
    for text in texts:
        lines = [ln for ln in text.splitlines() if not ln.lstrip().startswith(("%", "!"))]
        try:
            tree = ast.parse("\n".join(lines))
        except SyntaxError:
            continue
        aliases = {short}
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and (
                    node.module == module or node.module.endswith(f".{short}")
                    or node.module == short):
                used |= {a.name for a in node.names}
            if isinstance(node, ast.ImportFrom):
                aliases |= {a.asname or a.name for a in node.names if a.name == short}
        for node in ast.walk(tree):
            if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                    and node.value.id in aliases):
                used.add(node.attr)
    return used


@pytest.mark.parametrize("module", [m for m in PUBLIC if not _is_package(m)])
def test_every_export_is_used_outside_its_module(module: str) -> None:
    """What ``__all__`` offers, something else imports (an unused export is a private name)."""
    used = _used_names(module, _code_outside(_path(module).resolve()))
    unused = [n for n in _all(module) if n not in used]
    assert unused == [], f"{module} exports names nothing else imports: {unused}"


# -- words -------------------------------------------------------------------------------------

# Where fixed words may live: the presentation layer. Outside it, only the messages of errors
# (worded where the problem is found, in one shape by ragft.errors) and what is not words for
# people: rich's style names, and the walker's script scaffolding.
WORDS_HOME = ("present",)
WORDY = re.compile(r"[A-Za-z]{2,}[,.:;!?')]*\s+\(?[A-Za-z]{2,}")
MESSAGE_NAMES = {"msg", "problem", "hint"}  # a variable holding an error message
# Calls that word an error message from their arguments (the case file's readers name the
# place: ``f.text(node, "the answer to 'knowledge'")``).
MESSAGE_CALLS = {"fail", "bad", "error", "require_exit", "check_amount", "unfinished", "say_err",
                 "text", "texts", "mapping"}
STYLE_WORDS = {"bold", "italic", "underline", "dim", "reverse", "not", "on", "red", "green",
               "yellow", "blue", "magenta", "cyan", "white", "black", "bright"}
CODE = ("/*", "(function", "var ")  # the walker's script, assembled in ragft/web/page.py


def _called(node: ast.Call) -> str:
    func = node.func
    return func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")


def _wording(path: Path) -> list[tuple[int, str]]:
    """String literals of a module that read as words for people, outside docstrings and error
    messages (``raise ...``, ``msg = ...``, an ``...Error(...)`` call, a message helper)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if (isinstance(body, list) and body and isinstance(body[0], ast.Expr)
                and isinstance(body[0].value, ast.Constant)):
            skip.add(id(body[0].value))
        message = (isinstance(node, ast.Raise)
                   or (isinstance(node, ast.Assign) and any(
                       isinstance(t, ast.Name) and t.id in MESSAGE_NAMES for t in node.targets))
                   or (isinstance(node, ast.Call) and (_called(node).endswith("Error")
                                                       or _called(node) in MESSAGE_CALLS)))
        if message:
            skip |= {id(sub) for sub in ast.walk(node)}
        if isinstance(node, ast.arguments):  # a ``what=`` default names a thing in a message
            named = [*node.posonlyargs, *node.args][-len(node.defaults):] if node.defaults else []
            skip |= {id(d) for a, d in zip(named, node.defaults, strict=True) if a.arg == "what"}
    found = []
    for node in ast.walk(tree):
        if (isinstance(node, ast.Constant) and isinstance(node.value, str)
                and id(node) not in skip and not node.value.startswith(CODE)
                and not set(re.findall(r"[a-z]+", node.value.lower())) <= STYLE_WORDS
                | {"ansi" + w for w in STYLE_WORDS} | {"ansibright" + w for w in STYLE_WORDS}):
            text = re.sub(r"<[^>]*>|\{[^}]*\}|&\w+;", " ", node.value)
            if WORDY.search(text):
                found.append((node.lineno, node.value))
    return found


def test_the_wording_scan_finds_words_and_skips_messages(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        'def f(x):\n    """A docstring says things."""\n'
        '    label = "Paths to watch"\n'
        '    if x:\n        msg = "the file is empty"\n        raise ValueError(msg)\n'
        '    return f"<p>Watch out: {x}</p>", "bold cyan", "ragft-gate-label"\n',
        encoding="utf-8")
    assert [text for _, text in _wording(sample)] == ["Paths to watch", "<p>Watch out: "]


RENDERERS = sorted(p for p in PACKAGE.rglob("*.py")
                   if p.relative_to(PACKAGE).parts[0] not in WORDS_HOME
                   and p.relative_to(PACKAGE).parts[0] not in ("tree",)
                   and p.name not in ("errors.py",))


@pytest.mark.parametrize("path", RENDERERS, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_fixed_wording_outside_the_presentation_layer(path: Path) -> None:
    found = _wording(path)
    assert found == [], "words for people belong in ragft/present: " + "; ".join(
        f"line {n}: {text[:60]!r}" for n, text in found[:8])
