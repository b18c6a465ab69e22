"""pitchfit.learn."""
