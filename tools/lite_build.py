#!/usr/bin/env python3
"""Build the in-browser course: JupyterLite with a Pyodide kernel, served from static files.

    python tools/lite_build.py                    # into _site/lite
    python tools/lite_build.py --out DIR          # anywhere else

Everything the course needs at run time is copied into the output, so a learner's browser asks
nothing of any other host: JupyterLab's build and the widget extensions (from this environment's
``jupyterlite-core``, ``jupyterlite-pyodide-kernel``, ``jupyterlab_widgets`` and ``anywidget``),
the Pyodide runtime (npm ``pyodide``, from ``node_modules``), the notebooks with their data, and
every Python package the notebooks import, as pure wheels written into Pyodide's lock file so
that ``import ragft`` loads them from the site. The wheels are fetched from PyPI at build time
(pins in ``lite/requirements.txt``); ragft's own wheel is built from this checkout.

Built into a rendered site's ``lite/`` (the default), it also shows the site's "run it in your
browser" links, which the notebook pages carry hidden (``site/strip_widgets.py``, page_note).

Two packages have no pure wheel: PyYAML's C speed-up is dropped (its pure-Python code is the
same library), and matplotlib and graphviz-pure are not shipped: in the browser ragft draws its
charts as SVG and its diagrams with Graphviz compiled to WebAssembly (``ragft.diagram.backend``).
"""

from __future__ import annotations

import argparse
import base64
import csv
import hashlib
import io
import json
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Sequence
from email.parser import Parser
from pathlib import Path

import lite_fixes  # beside this script, so on its path
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name, parse_wheel_filename

ROOT = Path(__file__).resolve().parent.parent
LITE = ROOT / "lite"
PYODIDE_NPM = ROOT / "node_modules" / "pyodide"
PYODIDE_VERSION = "314.0.6"  # what jupyterlite-pyodide-kernel 0.8.6 was released against
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip",
                 "pyodide.js", "package.json")
PYYAML = "pyyaml==6.0.3"
VIZ_NPM = ROOT / "node_modules" / "@viz-js" / "viz" / "dist" / "viz-global.js"
VIZ_OUT = Path("static") / "viz" / "viz-global.js"  # ragft.diagram.wasm.VIZ_PATH reads it
# ragft's dependencies that the browser does without, and why (any other missing one fails).
NOT_IN_BROWSER = {
    "matplotlib": "charts are drawn as SVG by ragft itself",
    "graphviz-pure": "diagrams are drawn by Graphviz compiled to WebAssembly",
    "rich": "the terminal interface only", "argcomplete": "the terminal interface only",
    # the kernel provides these: a stand-in widgetsnbextension, and the lab extension
    "widgetsnbextension": "provided by the Pyodide kernel",
    "jupyterlab-widgets": "the lab extension is part of the JupyterLite build",
}
# What Pyodide's kernel reports for environment markers (PEP 508).
MARKERS = {"sys_platform": "emscripten", "platform_system": "Emscripten", "os_name": "posix",
           "platform_machine": "wasm32", "python_version": "3.14", "python_full_version": "3.14.2",
           "implementation_name": "cpython", "platform_python_implementation": "CPython",
           "extra": ""}

# A notebook page's hidden "run it in your browser" span (site/strip_widgets.py, LITE_LINK).
LITE_LINK = re.compile(r"<span\b[^>]*\bragft-run-lite\b[^>]*>")
HIDDEN = re.compile(r"""\s+hidden(?:=(?:"[^"]*"|'[^']*'|[^\s>]*))?(?=[\s/>])""")

__all__ = ["build", "lock_entry", "main", "pure_pyyaml", "show_run_links"]


def run(cmd: Sequence[str], cwd: Path | None = None) -> None:
    """Run a build step; stop with its own output when it fails."""
    done = subprocess.run(list(cmd), check=False, capture_output=True, text=True, cwd=cwd)
    if done.returncode != 0:
        sys.stderr.write(done.stdout + done.stderr)
        msg = f"lite build: step failed: {' '.join(cmd[:4])} ..."
        raise SystemExit(msg)


def pip_download(dest: Path, *args: str) -> None:
    run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--only-binary=:all:",
         "-d", str(dest), *args])


def _rewrite_wheel(source: Path, dest_dir: Path, drop: str) -> Path:
    """A copy of a wheel without the members ending in ``drop``, tagged pure (py3-none-any)."""
    name, version, _, _ = parse_wheel_filename(source.name)
    target = dest_dir / f"{name.replace('-', '_')}-{version}-py3-none-any.whl"
    records: list[list[str]] = []
    buf = io.BytesIO()
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        members = [m for m in src.namelist() if not m.endswith(drop)]
        record_name = next(m for m in members if m.endswith(".dist-info/RECORD"))
        for member in members:
            if member == record_name:
                continue
            data = src.read(member)
            if member.endswith(".dist-info/WHEEL"):
                data = b"Wheel-Version: 1.0\nGenerator: ragft lite_build\n" \
                       b"Root-Is-Purelib: true\nTag: py3-none-any\n"
            out.writestr(member, data)
            digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=")
            records.append([member, f"sha256={digest.decode()}", str(len(data))])
        records.append([record_name, "", ""])
        text = io.StringIO()
        csv.writer(text, lineterminator="\n").writerows(records)
        out.writestr(record_name, text.getvalue())
    target.write_bytes(buf.getvalue())
    return target


def pure_pyyaml(dest: Path, cache: Path) -> Path:
    """PyYAML as a pure wheel: a binary wheel's Python files, without the C extension."""
    binary = cache / "pyyaml-binary"
    if not any(binary.glob("*.whl")):
        pip_download(binary, "--platform", "manylinux_2_17_x86_64", "--python-version", "3.14",
                     "--implementation", "cp", "--abi", "cp314", PYYAML)
    return _rewrite_wheel(next(binary.glob("*.whl")), dest, ".so")


def _metadata(wheel: Path) -> tuple[list[str], list[str]]:
    """A wheel's top-level import names and its Requires-Dist lines."""
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
        meta = zf.read(next(n for n in names if n.endswith(".dist-info/METADATA")))
    tops = sorted({n.split("/")[0].removesuffix(".py") for n in names
                   if not n.split("/")[0].endswith((".dist-info", ".data"))
                   and (n.endswith(".py") or "/" in n)})
    message = Parser().parsestr(meta.decode("utf-8"))
    return tops, message.get_all("Requires-Dist") or []


def lock_entry(wheel: Path, shipped: set[str]) -> dict[str, object]:
    """The Pyodide lock entry of ``wheel``; its dependencies must be shipped or explained.

    Raises:
        SystemExit: a dependency the browser needs is not shipped.
    """
    name, version, _, _ = parse_wheel_filename(wheel.name)
    tops, requires = _metadata(wheel)
    depends: list[str] = []
    for line in requires:
        req = Requirement(line)
        if req.marker is not None and not Marker(str(req.marker)).evaluate(MARKERS):
            continue
        dep = canonicalize_name(req.name)
        if dep in shipped:
            depends.append(dep)
        elif dep not in NOT_IN_BROWSER and dep not in ("ipykernel", "pyodide-kernel"):
            msg = (f"lite build: {name} needs {dep!r}, which lite/requirements.txt does not "
                   "ship (add it, or say why in NOT_IN_BROWSER)")
            raise SystemExit(msg)
    return {"name": name, "version": str(version), "file_name": wheel.name, "install_dir": "site",
            "sha256": hashlib.sha256(wheel.read_bytes()).hexdigest(), "package_type": "package",
            "imports": [t for t in tops if t.isidentifier()], "depends": sorted(set(depends)),
            "unvendored_tests": False, "shared_library": False}


def wheels(work: Path) -> list[Path]:
    """Every wheel the kernel serves: pinned downloads, pure PyYAML and ragft from this tree."""
    cache = work / "cache"
    pinned = cache / "pinned"
    stamp = pinned / ".requirements"
    wanted = (LITE / "requirements.txt").read_text(encoding="utf-8")
    if not stamp.is_file() or stamp.read_text(encoding="utf-8") != wanted:
        shutil.rmtree(pinned, ignore_errors=True)
        pip_download(pinned, "--platform", "any", "--python-version", "3.14",
                     "--implementation", "py", "--abi", "none",
                     "-r", str(LITE / "requirements.txt"))
        stamp.write_text(wanted, encoding="utf-8")
    out = work / "wheels"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    for wheel in pinned.glob("*.whl"):
        shutil.copy2(wheel, out)
    pure_pyyaml(out, cache)
    run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(out), str(ROOT)])
    return sorted(out.glob("*.whl"))


def pyodide_dir(dest: Path, served: list[Path]) -> None:
    """Pyodide's runtime from npm, with the served wheels written into its lock file."""
    package = json.loads((PYODIDE_NPM / "package.json").read_text(encoding="utf-8"))
    if package["version"] != PYODIDE_VERSION:
        msg = (f"lite build: node_modules has pyodide {package['version']}, "
               f"the kernel needs {PYODIDE_VERSION} (run npm ci)")
        raise SystemExit(msg)
    dest.mkdir(parents=True)
    for name in PYODIDE_FILES:
        shutil.copy2(PYODIDE_NPM / name, dest / name)
    lock = json.loads((PYODIDE_NPM / "pyodide-lock.json").read_text(encoding="utf-8"))
    shipped = {str(canonicalize_name(parse_wheel_filename(w.name)[0])) for w in served}
    # Only what is served stays in the lock: an entry whose file is absent would 404.
    packages: dict[str, object] = {}
    for wheel in served:
        entry = lock_entry(wheel, shipped)
        packages[str(entry["name"])] = entry
        shutil.copy2(wheel, dest / wheel.name)
    lock["packages"] = dict(sorted(packages.items()))
    (dest / "pyodide-lock.json").write_text(json.dumps(lock, indent=1) + "\n", encoding="utf-8")


def lite_dir(work: Path, served: list[Path]) -> Path:
    """The folder ``jupyter lite build`` reads: config, settings overrides and the runtime."""
    src = work / "lite-dir"
    shutil.rmtree(src, ignore_errors=True)
    src.mkdir(parents=True)
    shutil.copy2(LITE / "jupyter-lite.json", src / "jupyter-lite.json")
    # The same JupyterLab settings as `make guide` (widget state saved with the notebook).
    overrides = json.loads((ROOT / "jupyter" / "overrides.d" / "ragft.json").read_text("utf-8"))
    # Every cell drawn soon after opening, not only those in view, so a test sees every output;
    # "defer" (not "none") still lands a glossary link's first click on its term.
    overrides.setdefault("@jupyterlab/notebook-extension:tracker", {}).setdefault(
        "windowingMode", "defer")
    (src / "overrides.json").write_text(json.dumps(overrides, indent=2) + "\n", encoding="utf-8")
    pyodide_dir(src / "static" / "pyodide", served)
    return src


def build(out: Path, work: Path) -> Path:
    """Build the course into ``out`` (replaced); return it."""
    served = wheels(work)
    src = lite_dir(work, served)
    contents = work / "contents"
    shutil.rmtree(contents, ignore_errors=True)
    shutil.copytree(ROOT / "notebooks", contents, ignore=shutil.ignore_patterns(
        ".ipynb_checkpoints", "decision-record*.md", "decisions"))
    for notebook in contents.glob("*.ipynb"):
        _join_sources(notebook)
    shutil.rmtree(out, ignore_errors=True)
    jupyter = Path(sys.executable).parent / "jupyter-lite"
    # doit keeps its record of done tasks in the working folder; a stale one skips steps.
    (work / ".jupyterlite.doit.db").unlink(missing_ok=True)
    run([str(jupyter), "build", "--lite-dir", str(src), "--contents", str(contents),
         "--output-dir", str(out), "--no-sourcemaps"], cwd=work)
    lite_fixes.apply(out)  # a saved walk survives a reload
    (out / VIZ_OUT).parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(VIZ_NPM, out / VIZ_OUT)
    return out


def show_run_links(site: Path) -> list[Path]:
    """Unhide the "run it in your browser" links of the rendered notebook pages in ``site``
    (whose ``lite/`` now holds the course); return the pages changed."""
    changed = []
    for page in sorted((site / "notebooks").glob("*.html")):
        text = page.read_text(encoding="utf-8")
        shown = LITE_LINK.sub(lambda m: HIDDEN.sub("", m.group()), text)
        if shown != text:
            page.write_text(shown, encoding="utf-8")
            changed.append(page)
    return changed


def _join_sources(notebook: Path) -> None:
    """Store sources and outputs as whole strings, as JupyterLab's server hands notebooks out.

    JupyterLite serves the file as it is, and its table of contents fails on Markdown stored as
    a list of lines (both forms are valid nbformat).
    """
    def joined(value: object) -> object:
        return "".join(value) if isinstance(value, list) else value

    nb = json.loads(notebook.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        cell["source"] = joined(cell.get("source", ""))
        for output in cell.get("outputs", []):
            if "text" in output:
                output["text"] = joined(output["text"])
            for mime, value in output.get("data", {}).items():
                if not mime.endswith("json"):
                    output["data"][mime] = joined(value)
    notebook.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "_site" / "lite",
                        help="output folder (default: _site/lite)")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "lite",
                        help="working folder, with the wheel cache (default: build/lite)")
    args = parser.parse_args(argv)
    out = build(args.out.resolve(), args.work.resolve())
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    print(f"in-browser course built: {out} ({size / 1e6:.0f} MB)")
    if out.name == "lite":  # where the notebook pages link it
        pages = show_run_links(out.parent)
        if pages:
            print(f"'run it in your browser' links shown on {len(pages)} notebook pages")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
