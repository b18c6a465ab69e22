"""pitchfit.output."""
