"""pitchfit.store."""
