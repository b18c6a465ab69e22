"""pitchfit.rules."""
