"""pitchfit.replies."""
