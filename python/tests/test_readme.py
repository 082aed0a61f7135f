"""The README's Python examples run as written."""

import re

import pytest

from conftest import REPO


def python_blocks():
    readme = REPO / "README.md"
    if not readme.exists():
        return []
    return re.findall(r"```python\n(.*?)```", readme.read_text(encoding="utf-8"), re.S)


def test_the_readme_has_python_examples():
    if not (REPO / "README.md").exists():
        pytest.skip("not in a checkout")
    assert python_blocks(), "the README's Python section has a ```python block"


@pytest.mark.parametrize("block", python_blocks())
def test_readme_example(block):
    exec(compile(block, "README.md", "exec"), {})
