"""What ships, not the dev environment: the layer and the image's packages, built the way
``sam build`` gets them, and every handler imported from those artifacts alone.

* The layer: ``sam build`` copies ``build/layer/`` as it is (``SharedLayer`` has no
  BuildMethod), so the artifact is what ``make -C functions layer`` writes. We run that
  recipe twice: for Lambda's Python 3.12 (``manylinux2014_x86_64``, binary wheels only)
  to measure its size and check its binaries, and for the interpreter running the tests,
  because a 3.11 interpreter cannot load the 3.12 extension modules (numpy, pydantic-core,
  psycopg-binary, SQLAlchemy). Both come from the same recipe and the same resolution
  of pyproject.toml; only the wheels' Python tag differs.
* The zip functions' code: ``CodeUri: functions/`` has no requirements.txt, so
  ``sam build`` copies the folder; Lambda puts it first on ``sys.path`` and the layer's
  ``python/`` after it.
* The image: the Dockerfile's ``pip install --target $LAMBDA_TASK_ROOT src[discovery]``
  and its ``handlers`` copy, reproduced with the local interpreter (docker is not
  available to the tests); and the same requirements resolved for CPython 3.12
  manylinux binary wheels (``--dry-run``), which is what the image build installs.

Each handler is imported in a fresh ``python -I -S`` whose ``sys.path`` is the standard
library plus the artifact folders, nothing else. Our modules import many things lazily
(inside functions, to keep cold starts and the zip layer small), so importing the
handler is not enough: the child also imports every module reachable from the handler
through our packages' imports, module-level and lazy. The one exception is the lazy
imports inside functions only image handlers call (:data:`IMAGE_ONLY`), which
:func:`test_image_only_steps_are_called_by_image_functions_only` holds to.

pip downloads from the package index: slow (a minute or more), marked ``slow``, run in CI.
"""

from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from samtranslator.yaml_helper import yaml_parse

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
OURS = ("piigate", "classifiers", "approval_ui", "handlers")
LOCAL_PY = f"{sys.version_info.major}.{sys.version_info.minor}"
RUNTIME_PY = "3.12"
# Lambda: 250 MB unzipped for the function and all its layers together.
LAMBDA_UNZIPPED_LIMIT = 250 * 1024 * 1024
# The layer must leave room for the function code and growth.
LAYER_BUDGET = 200 * 1024 * 1024

# Functions whose lazy imports need the image's ``discovery`` extra (Presidio, spaCy):
# only image handlers may call them. ``Pipeline._scan`` is the local CLI's discovery;
# Lambda code uses piigate.pipeline for ``safe_reason`` only.
IMAGE_ONLY: dict[str, set[str]] = {"piigate.aws.steps": {"scan"}, "piigate.pipeline": {"_scan"}}


def _functions() -> dict[str, dict[str, Any]]:
    template = yaml_parse((ROOT / "template.yaml").read_text())
    return {
        name: res["Properties"]
        for name, res in template["Resources"].items()
        if res["Type"] == "AWS::Serverless::Function"
    }


def zip_handlers() -> dict[str, str]:
    """Logical name -> handler module of every zip function on the shared layer."""
    out = {}
    for name, props in _functions().items():
        if props.get("PackageType") == "Image":
            continue
        assert props["CodeUri"] == "functions/", name
        assert props["Layers"] == [{"Ref": "SharedLayer"}], name
        out[name] = props["Handler"].rsplit(".", 1)[0]
    return out


def image_handlers() -> dict[str, str]:
    return {
        name: props["ImageConfig"]["Command"][0].rsplit(".", 1)[0]
        for name, props in _functions().items()
        if props.get("PackageType") == "Image"
    }


# -- the import closure ------------------------------------------------------------------


def _source(module: str) -> Path | None:
    base = ROOT / "functions" if module.split(".")[0] == "handlers" else ROOT
    path = base.joinpath(*module.split("."))
    if (path / "__init__.py").is_file():
        return path / "__init__.py"
    if path.with_suffix(".py").is_file():
        return path.with_suffix(".py")
    return None


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(module: str, *, image: bool) -> set[str]:
    """Every module ``module`` may import, at load time or inside its functions (but the
    :data:`IMAGE_ONLY` functions' unless ``image``)."""
    path = _source(module)
    assert path is not None, module
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    skip = set() if image else IMAGE_ONLY.get(module, set())
    out: set[str] = set()

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef) and child.name in skip:
                continue
            if isinstance(child, ast.If) and _is_type_checking(child):
                continue
            if isinstance(child, ast.Import):
                out.update(a.name for a in child.names)
            elif isinstance(child, ast.ImportFrom):
                if child.level:
                    parts = package.split(".")
                    parts = parts[: len(parts) - child.level + 1]
                    base = ".".join(parts + ([child.module] if child.module else []))
                else:
                    base = child.module or ""
                out.add(base)
                # ``from . import names``: a submodule, not an attribute
                out.update(f"{base}.{a.name}" for a in child.names if _source(f"{base}.{a.name}"))
            visit(child)

    visit(ast.parse(path.read_text(), str(path)))
    return {m for m in out if m and m != "__future__"}


def closure(module: str, *, image: bool = False) -> list[str]:
    """``module`` and everything reachable through our packages' imports."""
    seen: set[str] = set()
    todo = [module]
    while todo:
        mod = todo.pop()
        if mod in seen:
            continue
        seen.add(mod)
        if mod.split(".")[0] in OURS and _source(mod):
            todo.extend(_imports(mod, image=image))
    return sorted(seen)


# -- building ---------------------------------------------------------------------------


def _pip() -> str:
    return f"{sys.executable} -m pip"


def build_layer(out: Path, python_version: str) -> Path:
    """``make -C functions layer`` into ``out``; returns the layer's ``python/`` folder."""
    subprocess.run(
        ["make", "-s", "-C", str(ROOT / "functions"), "layer",
         f"PIP={_pip()}", f"OUT={out}", f"PYVER={python_version}"],
        check=True, capture_output=True, text=True,
    )
    return out / "layer" / "python"


def function_code(out: Path) -> Path:
    """What ``sam build`` puts in each zip function: a copy of functions/."""
    dest = out / "function"
    shutil.copytree(ROOT / "functions", dest, ignore=shutil.ignore_patterns("__pycache__"))
    return dest


def build_image_root(out: Path) -> Path:
    """The Dockerfile's COPY + ``pip install --target`` + handlers, for the local Python."""
    src, task_root = out / "src", out / "task"
    src.mkdir(parents=True)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    for pkg in ("piigate", "classifiers", "approval_ui"):
        shutil.copytree(ROOT / pkg, src / pkg, ignore=shutil.ignore_patterns("__pycache__"))
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--target", str(task_root),
         f"{src}[discovery]"],
        check=True, capture_output=True, text=True,
    )
    shutil.copytree(ROOT / "functions" / "handlers", task_root / "handlers",
                    ignore=shutil.ignore_patterns("__pycache__"))
    return task_root


def import_in_isolation(paths: list[Path], modules: list[str]) -> dict[str, str]:
    """Import ``modules`` in a clean interpreter that sees only the stdlib and ``paths``.

    Returns module -> error for those that fail. ``-I``: no PYTHON* variables, no user
    site; ``-S``: no site-packages (so not the dev virtualenv either).
    """
    script = (
        "import importlib, json, sys\n"
        f"sys.path[:0] = {[str(p) for p in paths]!r}\n"
        "bad = {}\n"
        f"for m in {modules!r}:\n"
        "    try:\n"
        "        importlib.import_module(m)\n"
        "    except Exception as e:\n"
        "        bad[m] = f'{type(e).__name__}: {e}'\n"
        "site = [p for p in sys.path if 'site-packages' in p]\n"
        "print(json.dumps({'bad': bad, 'site': site}))\n"
    )
    env = {"PATH": os.environ.get("PATH", ""), "HOME": os.environ.get("HOME", "/tmp"),
           "PIIGATE_CACHE_DIR": str(paths[0].parent / "cache"), "AWS_DEFAULT_REGION": "eu-west-1"}
    proc = subprocess.run([sys.executable, "-I", "-S", "-c", script], env=env,
                          capture_output=True, text=True, check=True)
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["site"] == [], result["site"]  # nothing from the dev environment
    return dict(result["bad"])


def _size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


@pytest.fixture(scope="module")
def layer_runtime(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_layer(tmp_path_factory.mktemp("layer312"), RUNTIME_PY)


@pytest.fixture(scope="module")
def zip_artifact(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    out = tmp_path_factory.mktemp("zip")
    layer = build_layer(out / "build", LOCAL_PY)
    return [function_code(out), layer]


# -- tests ------------------------------------------------------------------------------


def test_closure_follows_lazy_imports():
    """The closure must see imports inside functions: that is where the Presidio one hid."""
    reach = closure("handlers.cleanup")
    assert "classifiers.macie" in reach  # piigate.aws.macie imports it inside functions
    assert "classifiers.verdict" in reach
    assert "classifiers.scan" not in closure("handlers.work")  # IMAGE_ONLY: steps.scan


def test_image_only_steps_are_called_by_image_functions_only():
    zips = set(zip_handlers().values())
    for module, funcs in IMAGE_ONLY.items():
        alias = module.rsplit(".", 1)[1]
        for handler in zips:
            path = _source(handler)
            assert path is not None
            tree = ast.parse(path.read_text())
            used = {
                n.attr for n in ast.walk(tree)
                if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name)
                and n.value.id == alias
            }
            used |= {
                a.name for n in ast.walk(tree)
                if isinstance(n, ast.ImportFrom) and (n.module or "").endswith(alias)
                for a in n.names
            }
            assert not used & funcs, (handler, used & funcs)


def test_zip_handlers_import_from_the_layer_alone(zip_artifact: list[Path]):
    handlers = zip_handlers()
    assert {"CleanupFunction", "MacieFunction"} <= set(handlers)
    modules = sorted({m for h in handlers.values() for m in closure(h)})
    bad = import_in_isolation(zip_artifact, modules)
    assert bad == {}


def test_layer_for_the_runtime_fits_and_holds_runtime_binaries(layer_runtime: Path):
    size = _size(layer_runtime.parent)
    print(f"\nlayer for python{RUNTIME_PY}: {size / 2**20:.1f} MiB unzipped")
    assert size < LAYER_BUDGET < LAMBDA_UNZIPPED_LIMIT
    # --no-compile: no bytecode for the build machine's Python in the zip
    assert not list(layer_runtime.rglob("__pycache__"))
    tag = "cpython-" + RUNTIME_PY.replace(".", "")
    binaries = [p.name for p in layer_runtime.rglob("*.so")]
    assert binaries
    wrong = [b for b in binaries if "cpython-" in b and tag not in b]
    assert wrong == []
    assert all("x86_64" in b or "abi3" in b or "cpython-" not in b for b in binaries)
    # the layer is the core install: no discovery extra
    assert not (layer_runtime / "presidio_analyzer").exists()
    for pkg in ("piigate", "classifiers", "approval_ui"):
        assert (layer_runtime / pkg / "__init__.py").is_file(), pkg


def test_image_handlers_import_from_the_image_packages_alone(tmp_path: Path):
    task_root = build_image_root(tmp_path)
    handlers = image_handlers()
    assert set(handlers.values()) == {"handlers.scan"}
    # no IMAGE_ONLY exclusions here: follow everything, discovery included; the Fargate
    # tasks run the same image with `python3 -m piigate task ...` (piigate.aws.tasks)
    roots = [*handlers.values(), "piigate.aws.tasks", "piigate.aws.units", "piigate.cli"]
    modules = sorted({m for h in roots for m in closure(h, image=True)})
    assert "classifiers.engine" in modules and "piigate.writer" in modules
    bad = import_in_isolation([task_root], modules)
    assert bad == {}
    # the task definition's entrypoint and working directory, from the image alone
    # (-E -s -S: no PYTHON* variables, no user or system site-packages)
    template = yaml_parse((ROOT / "template.yaml").read_text())
    (container,) = template["Resources"]["WorkerTaskDefinition"]["Properties"][
        "ContainerDefinitions"
    ]
    assert container["EntryPoint"][1:] == ["-m", "piigate"]
    proc = subprocess.run(
        [sys.executable, "-E", "-s", "-S", *container["EntryPoint"][1:], "task", "--help"],
        cwd=task_root, capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "{hygiene,plan,tokenize,verify}" in proc.stdout


def test_image_requirements_resolve_as_runtime_wheels(tmp_path: Path):
    """The Dockerfile installs ``src[discovery]`` inside python:3.12 (no docker here):
    every requirement must exist as a CPython 3.12 manylinux x86_64 wheel, so the image
    build needs no compiler and resolves the same set as the local install above."""
    report = tmp_path / "report.json"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--dry-run", "--quiet", "--ignore-installed",
         "--target", str(tmp_path / "t"), "--platform", "manylinux2014_x86_64",
         "--implementation", "cp", "--python-version", RUNTIME_PY, "--only-binary=:all:",
         "--report", str(report), f"{ROOT}[discovery]"],
        check=True, capture_output=True, text=True,
    )
    names = {i["metadata"]["name"].lower().replace("_", "-")
             for i in json.loads(report.read_text())["install"]}
    assert {"presidio-analyzer", "spacy", "piigate"} <= names
