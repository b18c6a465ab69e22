"""Word gates: the words a phrase pattern cannot match without, tested before the regex.

A large alternation of phrases is slow in Python's ``re``: every position of the text is tried
against every alternative. Most emails contain none of the phrases, and that can be told from
the words they contain (``Document.vocabulary``, computed once per email) with a few set tests.

A gate lists, for each alternative of a pattern, groups of words: a match of that alternative
must contain at least one word of every group as a whole token (``[^\\W_]+``, lower case).
``could_match`` is False only when no alternative can match, so a gate never hides a hit as
long as each group is derived from the pattern (words every path through it contains); the
tests check each gate against random strings the pattern matches. ``triggers`` (the first group
of every alternative) is what a rule can hand to the engine to be skipped outright.
"""

from __future__ import annotations

import re
from typing import Any

Group = tuple[frozenset[str], tuple[str, ...]]
_Mixed = tuple[frozenset[str], tuple[str, ...], tuple["_SubstringSearch", ...]]


def _split_subs(subs: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[_SubstringSearch, ...]]:
    """Substrings to test one by one, and one search for each four or more of them that open
    with the same character (``re`` jumps from one such character to the next; compiled on
    first use, so importing a rule module stays cheap), or two or three that open with the
    same three characters or more ("like your ", "like the ": ``re`` jumps to "like ")."""
    by_first: dict[str, list[str]] = {}
    for sub in subs:
        by_first.setdefault(sub[:1], []).append(sub)
    searched = {
        first
        for first, group in by_first.items()
        if first and (len(group) >= 4 or (len(group) >= 2 and _opening_of_three(group)))
    }
    few = tuple(s for first, group in by_first.items() if first not in searched for s in group)
    many = tuple(_SubstringSearch(by_first[first]) for first in by_first if first in searched)
    return few, many


def _opening_of_three(group: list[str]) -> bool:
    """Whether every substring of ``group`` opens with the same three characters."""
    return min(map(len, group)) >= 3 and len({s[:3] for s in group}) == 1


class _SubstringSearch:
    """Where one of many substrings occurs; its pattern (:func:`_trie`) is built and compiled
    on first use, so importing a rule module stays cheap for a one-email check."""

    __slots__ = ("_rx", "_subs")

    def __init__(self, subs: list[str]) -> None:
        self._subs = subs
        self._rx: re.Pattern[str] | None = None

    def search(self, text: str) -> re.Match[str] | None:
        rx = self._rx
        if rx is None:
            rx = self._rx = re.compile(_trie(self._subs))
        return rx.search(text)


def _trie(subs: list[str]) -> str:
    """A regex that matches where one of ``subs`` starts, written as a tree of their shared
    openings: after "is " ``re`` tries a handful of next letters, not every substring."""
    tree: dict[str, dict[str, Any]] = {}
    for sub in subs:
        node = tree
        for ch in sub:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        if "" in node:  # a substring ends here: the longer ones are not needed to match
            return ""
        parts = [re.escape(ch) + emit(child) for ch, child in node.items()]
        return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"

    return emit(tree)


class WordGate:
    """Per alternative, groups of words of which the text must hold one each.

    ``WordGate("how & help assist", "synergy synergies")``: the first alternative needs
    "how" and one of "help"/"assist", the second "synergy" or "synergies". A word written
    ``fan*`` is a substring to find in the (lower-case) text instead, for a pattern that lets
    the word run on ("fan" in "fanatic"); ``_`` in it stands for a space ("like_your*": two
    words side by side, for a text with line breaks already turned into spaces). Put the
    rarest group first: it is tested first and it makes the ``triggers``.
    """

    __slots__ = ("_by_first", "_plan", "_plans_of", "alternatives", "triggers")

    def __init__(self, *alternatives: str) -> None:
        alts: list[tuple[Group, ...]] = []
        for spec in alternatives:
            groups: list[Group] = []
            for g in spec.split("&"):
                items = g.split()
                if not items:
                    raise ValueError(f"empty group in gate alternative {spec!r}")
                words = frozenset(w for w in items if not w.endswith("*"))
                subs = tuple(w[:-1].replace("_", " ") for w in items if w.endswith("*"))
                groups.append((words, subs))
            alts.append(tuple(groups))
        self.alternatives: tuple[tuple[Group, ...], ...] = tuple(alts)
        firsts = [alt[0] for alt in alts]
        # the engine's trigger test: one word of some alternative's first group must occur
        self.triggers: frozenset[str] | None = (
            frozenset().union(*(words for words, _subs in firsts))
            if not any(subs for _words, subs in firsts)
            else None
        )
        # The same test, cheapest first: per alternative, its word-only groups (set tests)
        # before the groups with substrings (a scan of the text each, or one regex search for
        # many substrings opening alike: ``re`` jumps to that opening).
        self._plan: tuple[tuple[tuple[frozenset[str], ...], tuple[_Mixed, ...]], ...] = tuple(
            (
                tuple(words for words, subs in alt if not subs),
                tuple((words, *_split_subs(subs)) for words, subs in alt if subs),
            )
            for alt in alts
        )
        # With triggers, only the alternatives one of whose first words occurs are tested.
        by_first: dict[str, list[int]] = {}
        for i, alt in enumerate(alts):
            for word in alt[0][0]:
                by_first.setdefault(word, []).append(i)
        self._by_first = {w: tuple(ids) for w, ids in by_first.items()}
        # the plans of the alternatives each first word opens, ready for the common case of
        # one such word in the email
        self._plans_of = {w: tuple(self._plan[i] for i in ids) for w, ids in by_first.items()}

    def could_match(self, vocabulary: frozenset[str], text: str = "") -> bool:
        """False when no alternative has a word of each of its groups in ``vocabulary``
        (or, for ``word*`` items, in ``text``: the lower-case text the pattern searches)."""
        plan = self._plan
        if self.triggers is not None:
            present = self.triggers.intersection(vocabulary)
            if not present:
                return False
            if len(present) == 1:
                plan = self._plans_of[next(iter(present))]
            else:
                by_first = self._by_first
                plan = tuple(plan[i] for i in sorted({i for w in present for i in by_first[w]}))
        for plain, mixed in plan:
            for words in plain:
                if words.isdisjoint(vocabulary):
                    break
            else:
                for words, few, many in mixed:  # loops, not any(): no generator per group
                    if not words.isdisjoint(vocabulary):
                        continue
                    for sub in few:
                        if sub in text:
                            break
                    else:
                        for rx in many:
                            if rx.search(text) is not None:
                                break
                        else:
                            break  # no word, substring or search of the group: next alternative
                else:
                    return True
        return False

    def alternative(self, i: int) -> WordGate:
        """A gate of one alternative alone (for tests that check it against its pattern)."""
        return WordGate(
            " & ".join(
                " ".join([*sorted(words), *(f"{s.replace(' ', '_')}*" for s in subs)])
                for words, subs in self.alternatives[i]
            )
        )

    def __len__(self) -> int:
        return len(self.alternatives)
