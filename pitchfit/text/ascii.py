"""Fast paths for ASCII text: most outreach is plain ASCII, and bytes methods run in C.

``str.translate`` with a dict looks each character up; ``bytes.translate`` with a 256-byte
table copies through it. An ASCII string encodes and decodes by plain copying, so a table
applied to the encoded text gives the same string many times faster.
"""

from __future__ import annotations


def ascii_table(keep: str, *, digits: bool = True) -> bytes:
    """A ``bytes.translate`` table that lower-cases ASCII capitals, keeps the letters (and the
    digits, unless told not to) and the ``keep`` characters, and turns every other byte into a
    space. Run over the encoded text of an ASCII string it does in a fraction of a microsecond
    what ``str.translate`` with a dict does in several."""
    out = bytearray(b" " * 256)
    for b in range(128):
        ch = chr(b)
        if ch.isalpha() or (digits and ch.isdigit()) or ch in keep:
            out[b] = ord(ch.lower())
    return bytes(out)


# Letters and digits, lower-cased; anything else a space: split, the words of ASCII text as
# ``Document.vocabulary`` holds them.
WORD_CHARS = ascii_table("")
