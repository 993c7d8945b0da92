"""Find the Graphviz binary and run it on DOT text."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from ..errors import RendererError, RendererNotFoundError, UnknownOptionError
from . import wasm

__all__: list[str] = []

# engine name -> executable name. "pure" is the default and the only one with identical bytes
# everywhere; "dot" is a system Graphviz, whose output changes with its version.
ENGINES = {"pure": "graphviz-pure", "dot": "dot"}
ENGINE_ENV = "RAGFT_GRAPHVIZ"
TIMEOUT = 60


def resolve_engine(engine: str | None) -> str:
    """The engine to use: ``engine``, else ``$RAGFT_GRAPHVIZ``, else ``pure``.

    Raises:
        UnknownOptionError: the name is not one of :data:`ENGINES`.
    """
    name = engine or os.environ.get(ENGINE_ENV) or "pure"
    if name not in ENGINES:
        raise UnknownOptionError(name, "Graphviz engine", ENGINES)
    return name


def find_executable(engine: str | None = None) -> Path:
    """Path of the binary for ``engine`` (default ``pure``, or ``$RAGFT_GRAPHVIZ``).

    ``graphviz-pure`` is looked for next to the running Python first (its wheel installs it
    into the same ``bin`` folder, which need not be on ``PATH``), then on ``PATH``.

    Raises:
        RendererNotFoundError: the binary is missing, with how to install it.
    """
    name = resolve_engine(engine)
    exe = ENGINES[name]
    if name == "pure":
        for suffix in ("", ".exe"):
            beside = Path(sys.executable).parent / f"{exe}{suffix}"
            if beside.is_file() and os.access(beside, os.X_OK):
                return beside
    found = shutil.which(exe)
    if found is None:
        hint = ("pip install graphviz-pure" if name == "pure"
                else "install Graphviz, or use the default engine, graphviz-pure")
        msg = f"cannot find the Graphviz binary {exe!r} ({hint})"
        raise RendererNotFoundError(msg)
    return Path(found)


def run_layout(source: str, fmt: str, *, engine: str | None = None) -> bytes:
    """Lay out DOT ``source`` and return the output bytes in ``fmt`` (``svg``, ``png``...).

    Raises:
        RendererNotFoundError: no binary to run.
        RendererError: the binary rejected the graph; the message holds its first error line.
    """
    if wasm.IN_BROWSER:  # no processes in Pyodide: Graphviz as WebAssembly
        return wasm.layout(source, fmt)
    exe = find_executable(engine)
    try:
        proc = subprocess.run(  # a fixed binary, DOT on stdin, no shell
            [str(exe), f"-T{fmt}"], input=source.encode("utf-8"), capture_output=True,
            timeout=TIMEOUT, check=False,
        )
    except subprocess.TimeoutExpired:
        msg = f"{exe.name} took longer than {TIMEOUT} seconds to draw the diagram; gave up"
        raise RendererError(msg) from None
    except OSError:
        msg = f"{exe.name} could not be started (reinstall it: pip install graphviz-pure)"
        raise RendererError(msg) from None
    if proc.returncode != 0:
        err = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        msg = f"{exe.name} failed (exit {proc.returncode}): {err[0] if err else 'no message'}"
        raise RendererError(msg)
    return proc.stdout
