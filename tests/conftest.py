"""Shared test configuration: Hypothesis profiles and the shared data folder."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

# CI runs every property at least 500 times; a developer's run is quicker.
settings.register_profile("ci", max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=100, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") == "true" else "dev"))
