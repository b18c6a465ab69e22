"""``python -m pitchfit``."""

from .cli import run

run()
