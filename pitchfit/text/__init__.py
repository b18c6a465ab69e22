"""pitchfit.text."""
