"""The examples in the Python layer's docstrings are true."""

from __future__ import annotations

import doctest

import pytest

import factsift
import factsift.frames
import factsift.pandas


@pytest.mark.parametrize(
    "obj", [factsift.frame, factsift.schema, factsift.pandas], ids=lambda o: o.__name__
)
def test_docstring_examples(obj):
    finder = doctest.DocTestFinder(recurse=False)
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    tests = finder.find(obj, globs={"factsift": factsift, **vars(factsift)})
    assert sum(len(t.examples) for t in tests) > 0
    for test in tests:
        runner.run(test)
    assert runner.failures == 0
