"""How every command ends on an error: one line on stderr and an exit code, no traceback."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from ..errors import PitchfitError


def guarded(call: Callable[[], Any]) -> Any:
    """Run ``call``; a PitchfitError becomes ``pitchfit: error: …`` and exit code 2, Ctrl-C
    exit code 130, and a closed pipe (``pitchfit check … | head``) a quiet exit 0."""
    try:
        return call()
    except PitchfitError as exc:
        sys.stderr.write(f"pitchfit: error: {exc}\n")
        sys.exit(2)
    except KeyboardInterrupt:
        sys.stderr.write("pitchfit: interrupted\n")
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
