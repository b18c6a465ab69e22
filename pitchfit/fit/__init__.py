"""pitchfit.fit."""
