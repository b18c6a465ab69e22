"""``python -m pitchfit``."""

from .cli.main import run

run()
