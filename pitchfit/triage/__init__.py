"""pitchfit.triage."""
