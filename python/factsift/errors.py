"""The exception tree: everything factsift raises on purpose derives from :class:`FactsiftError`.

Configuration and input errors also derive from the built-in class a caller would expect
(``ValueError`` or ``TypeError``), so ``except ValueError`` keeps working.
"""

from __future__ import annotations

__all__ = [
    "FactsiftError",
    "ConfigError",
    "DataError",
    "InputTypeError",
    "InvalidTextError",
]


class FactsiftError(Exception):
    """Base class of every error factsift raises on purpose."""


class ConfigError(FactsiftError, ValueError):
    """An option has a value factsift cannot use (unknown language, bad thread count, ...)."""


class DataError(FactsiftError, ValueError):
    """A user-supplied lexicon or gazetteer entry is malformed; the message names the item."""


class InputTypeError(FactsiftError, TypeError):
    """An input is not text (``str``); the message names the type and, in batches, the position."""


class InvalidTextError(FactsiftError, ValueError):
    """A ``str`` that is not valid Unicode text (it holds a lone surrogate)."""
