"""pitchfit.campaign."""
