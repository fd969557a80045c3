"""The layering rules, checked on every run by reading ``viewer/`` with ``ast``:

- the core (``viewer/core``) imports no Qt, not even through another module of ours;
- all SQL of the project runs in the store (``viewer/core/store/``): nothing else calls ``execute``,
  ``executemany`` or ``executescript`` or opens a SQLite connection;
- no import cycles among our modules. Function-level imports count (they close the circle at run time)
  and so do imports under ``if TYPE_CHECKING:`` (a circle of types is still two modules that each need
  the other: pass a narrower type, or a callback, instead);
- no module is over 400 lines: one that grows past it does more than one thing and is split by behaviour.

A failure lists every offence with its file and line, so the fix starts from the message.
"""

from __future__ import annotations

import ast
import itertools
import subprocess
import sys
from collections import deque
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "viewer"
CORE = "viewer.core"
STORE = "viewer.core.store"
QT_PACKAGES = ("PySide6", "shiboken6")
SQL_CALLS = {"execute", "executemany", "executescript"}
MAX_LINES = 400  # DEVELOPERS.md: no module over 400 lines
# Modules outside the store allowed to run SQL themselves. Keep this list short, each with its reason.
SQL_ALLOWED = {
    "viewer.bench.peers",  # the benchmark's peer: raw SQLite timed beside the store, on purpose
}


@dataclass(frozen=True)
class Import:
    """One import statement, resolved: the module it names and, for ``from X import a``, the names."""

    module: str
    names: tuple[str, ...]
    line: int


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def package_modules() -> dict[str, Path]:
    """Every module of the package by dotted name (a package by its own name, not ``__init__``)."""
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


MODULES = package_modules()
TREES = {name: ast.parse(path.read_text("utf-8"), str(path)) for name, path in MODULES.items()}


def relative(path: Path) -> str:
    return str(path.relative_to(ROOT))


def imports(name: str) -> list[Import]:
    """The imports of one module anywhere in it (top level, functions, classes), relative ones resolved."""
    is_package = MODULES[name].name == "__init__.py"
    found: list[Import] = []
    for node in sorted(ast.walk(TREES[name]), key=lambda node: getattr(node, "lineno", 0)):
        if isinstance(node, ast.Import):
            found.extend(Import(alias.name, (), node.lineno) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".") if is_package else name.split(".")[:-1]
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            found.append(Import(target, tuple(alias.name for alias in node.names), node.lineno))
    return found


def edges(name: str) -> dict[str, int]:
    """The modules of ours that ``name`` imports, each with the first line that does so.

    ``from X import y`` goes to the module ``X.y`` when there is one, else to ``X``; ``import a.b``
    goes to ``a.b``. Importing ``a.b.c`` first runs the packages ``a`` and ``a.b``, so those count
    too, except the packages ``name`` itself lives in (they are already running by then)."""
    targets: dict[str, int] = {}
    for statement in imports(name):
        if statement.module != "viewer" and not statement.module.startswith("viewer."):
            continue
        named = [f"{statement.module}.{item}" for item in statement.names if f"{statement.module}.{item}" in MODULES]
        if len(named) < len(statement.names) or not statement.names:
            named.append(statement.module)
        for target in named:
            parts = target.split(".")
            for package in (".".join(parts[:end]) for end in range(1, len(parts))):
                if not (name == package or name.startswith(package + ".")) and package in MODULES:
                    targets.setdefault(package, statement.line)
            if target in MODULES and target != name:
                targets.setdefault(target, statement.line)
    return targets


GRAPH = {name: edges(name) for name in MODULES}


def qt_imports(name: str) -> list[int]:
    return [statement.line for statement in imports(name) if statement.module.split(".")[0] in QT_PACKAGES]


def path_between(start: str, goal: str, allowed: set[str] | None = None) -> list[str] | None:
    """A shortest import path from ``start`` to ``goal`` (breadth first), within ``allowed`` if given."""
    previous: dict[str, str | None] = {start: None}
    queue = deque([start])
    while queue:
        current = queue.popleft()
        for target in GRAPH[current]:
            if allowed is not None and target not in allowed:
                continue
            if target == goal:
                chain = [goal, current]
                while previous[chain[-1]] is not None:
                    chain.append(previous[chain[-1]])  # type: ignore[arg-type]
                return chain[::-1]
            if target not in previous:
                previous[target] = current
                queue.append(target)
    return None


def show_chain(chain: list[str]) -> str:
    steps = [chain[0]]
    for source, target in itertools.pairwise(chain):
        steps.append(f"-> {target} ({relative(MODULES[source])}:{GRAPH[source][target]})")
    return " ".join(steps)


def strongly_connected(graph: dict[str, dict[str, int]]) -> list[list[str]]:
    """Tarjan's algorithm, iterative: the groups of modules that can each reach every other."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    counter = 0
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                groups.append(sorted(group))
    return groups


# -- the rules ---------------------------------------------------------------------------------------


def test_the_core_imports_no_qt():
    """Directly, or through a module of ours that does (a core module importing the GUI)."""
    with_qt = {name for name in MODULES if qt_imports(name)}
    offences = []
    for name in sorted(MODULES):
        if name != CORE and not name.startswith(CORE + "."):
            continue
        offences += [f"{relative(MODULES[name])}:{line} imports Qt" for line in qt_imports(name)]
        for target in sorted(with_qt - {name}):
            chain = path_between(name, target)
            if chain:
                offences.append(f"{show_chain(chain)}, which imports Qt")
    assert not offences, "\n".join(offences)


def test_importing_every_core_module_loads_no_qt():
    """The same rule at run time, in a fresh interpreter: it catches what a reading of the source cannot
    (an import made by name, a dependency that pulls Qt in)."""
    core = sorted(name for name in MODULES if name == CORE or name.startswith(CORE + "."))
    code = (
        "import importlib, sys\n"
        f"for name in {core!r}:\n"
        "    importlib.import_module(name)\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {QT_PACKAGES!r}))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]", f"importing the core loaded Qt: {done.stdout}"


def sql_offences(name: str) -> list[str]:
    """Calls that run SQL or open a database, with their lines: ``x.execute(…)`` and its kin,
    ``sqlite3.connect(…)`` however sqlite3 or connect was imported, and sqlite-utils' ``Database(…)``."""
    connects: set[str] = set()  # names bound to sqlite3.connect or sqlite_utils.Database
    modules: set[str] = set()  # names bound to the sqlite3 or sqlite_utils modules
    tree = TREES[name]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in ("sqlite3", "sqlite_utils", "sqlite_utils.db"):
                    modules.add((alias.asname or alias.name).split(".")[0])
        elif isinstance(node, ast.ImportFrom) and node.module in ("sqlite3", "sqlite_utils", "sqlite_utils.db"):
            connects.update(alias.asname or alias.name for alias in node.names if alias.name in ("connect", "Database"))
    offences = []
    for node in sorted((node for node in ast.walk(tree) if isinstance(node, ast.Call)), key=lambda n: n.lineno):
        function = node.func
        where = f"{relative(MODULES[name])}:{node.lineno}"
        if isinstance(function, ast.Attribute) and function.attr in SQL_CALLS:
            offences.append(f"{where} calls {function.attr}()")
        elif (
            isinstance(function, ast.Attribute)
            and function.attr in ("connect", "Database")
            and isinstance(function.value, ast.Name)
            and function.value.id in modules
        ):
            offences.append(f"{where} calls {function.value.id}.{function.attr}()")
        elif isinstance(function, ast.Name) and function.id in connects:
            offences.append(f"{where} calls {function.id}()")
    return offences


def test_all_sql_runs_in_the_store():
    offences = []
    for name in sorted(MODULES):
        if name == STORE or name.startswith(STORE + ".") or name in SQL_ALLOWED:
            continue
        offences += sql_offences(name)
    assert not offences, "SQL outside viewer/core/store/:\n" + "\n".join(offences)


def test_the_allowed_list_names_modules_that_exist_and_need_it():
    for name in SQL_ALLOWED:
        assert name in MODULES, f"{name} is allowed to run SQL but no longer exists"
        assert sql_offences(name), f"{name} runs no SQL any more: take it off the list"


def test_no_module_is_over_400_lines():
    lengths = {relative(path): len(path.read_text("utf-8").splitlines()) for path in MODULES.values()}
    long = [f"{path}: {count} lines" for path, count in sorted(lengths.items()) if count > MAX_LINES]
    assert not long, f"modules over {MAX_LINES} lines (split them by behaviour):\n" + "\n".join(long)


def test_no_import_cycles():
    cycles = []
    for group in strongly_connected(GRAPH):
        if len(group) < 2:
            continue
        chain = path_between(group[0], group[0], allowed=set(group))
        assert chain is not None
        cycles.append(f"{len(group)} modules: {', '.join(group)}\n  e.g. {show_chain(chain)}")
    assert not cycles, "import cycles among viewer modules:\n" + "\n".join(cycles)


# -- the checker checks itself -------------------------------------------------------------------------


def test_the_graph_sees_function_level_and_relative_imports():
    """The readers above find what they must, so an empty list of offences means something."""
    assert "viewer" in GRAPH["viewer.paths"]  # `from . import APP_NAME` in a module of the package
    source = (
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .gui import settings\n"
        "def f():\n    from .core.folding import fold\n    from . import paths\n"
    )
    TREES["viewer.probe"], MODULES["viewer.probe"] = ast.parse(source), PACKAGE / "probe.py"
    try:
        assert imports("viewer.probe")[1:] == [
            Import("viewer.gui", ("settings",), 3),
            Import("viewer.core.folding", ("fold",), 5),
            Import("viewer", ("paths",), 6),
        ]
        assert edges("viewer.probe") == {
            "viewer.gui": 3,  # run on the way to its settings module
            "viewer.gui.settings": 3,
            "viewer.core": 5,
            "viewer.core.folding": 5,
            "viewer.paths": 6,
        }
    finally:
        del TREES["viewer.probe"], MODULES["viewer.probe"]
    assert strongly_connected({"a": {"b": 1}, "b": {"a": 1}, "c": {"a": 1}}) == [["a", "b"], ["c"]]


def test_the_sql_reader_finds_each_form():
    source = (
        "import sqlite3 as lite\nfrom sqlite3 import connect as open_db\nfrom sqlite_utils import Database\n"
        "def f(conn):\n    conn.execute('x')\n    conn.executescript('x')\n    lite.connect(':memory:')\n"
        "    open_db('a')\n    Database('b')\n"
    )
    TREES["viewer.probe"], MODULES["viewer.probe"] = ast.parse(source), PACKAGE / "probe.py"
    try:
        found = sql_offences("viewer.probe")
    finally:
        del TREES["viewer.probe"], MODULES["viewer.probe"]
    assert [offence.split(" ", 1)[1] for offence in found] == [
        "calls execute()",
        "calls executescript()",
        "calls lite.connect()",
        "calls open_db()",
        "calls Database()",
    ]
