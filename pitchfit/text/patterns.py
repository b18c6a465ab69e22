"""Regular expressions compiled on first use.

Python's ``re`` compiler is written in Python: a rule module with dozens of large patterns
costs tens of milliseconds to import. A one-email ``pitchfit check`` runs only the rules whose
trigger words occur in it, so patterns of the rules that never run should never be compiled.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from typing import Any


class LazyPattern:
    """A stand-in for ``re.Pattern[str]`` that compiles itself the first time it is used.

    Once compiled, the compiled pattern's own methods are put in the instance's ``__dict__``
    (where they shadow the methods below): later calls go straight to ``re``, with no Python
    frame in between. The hot path of a check calls these a few dozen times per email.
    """

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        """The real compiled pattern."""
        rx = self._compiled
        if rx is None:
            rx = re.compile(self.pattern, self.flags)
            own = self.__dict__
            for name in _METHODS:
                own[name] = getattr(rx, name)
            self._compiled = rx
        return rx

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.search(string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.match(string, pos, endpos)

    def fullmatch(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> re.Match[str] | None:
        return self.compiled.fullmatch(string, pos, endpos)

    def finditer(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(string, pos, endpos)

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        return self.compiled.findall(string, pos, endpos)

    def sub(self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0) -> str:
        return self.compiled.sub(repl, string, count)

    def split(self, string: str, maxsplit: int = 0) -> list[str | Any]:
        return self.compiled.split(string, maxsplit)


# The methods above, replaced by the compiled pattern's own once it exists.
_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "split")


def lazy_compile(pattern: str, flags: int = 0) -> LazyPattern:
    """Like ``re.compile`` but compiled on first use (module level, many patterns)."""
    return LazyPattern(pattern, flags)
