"""The type hints (`__init__.pyi`) name what the package has."""

import ast
import inspect
from pathlib import Path

import membership_history as mh


def stub():
    return ast.parse((Path(mh.__file__).parent / "__init__.pyi").read_text(encoding="utf-8"))


def names(body):
    out = set()
    for node in body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            out.add(node.name)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            out.add(node.target.id)
    return out


def test_every_public_name_is_typed():
    assert set(mh.__all__) <= names(stub().body)


def test_every_dataset_method_is_typed():
    cls = next(n for n in stub().body if isinstance(n, ast.ClassDef) and n.name == "Dataset")
    public = {n for n, _ in inspect.getmembers(mh.Dataset) if not n.startswith("_")}
    assert public == names(cls.body)


def test_the_package_is_marked_typed():
    assert (Path(mh.__file__).parent / "py.typed").exists()
