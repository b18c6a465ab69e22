"""pitchfit.scoring."""
