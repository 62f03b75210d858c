"""Access to the shared test data next to the project (``../shared``).

The data is never copied into the project. In CI (``CI=true``) a missing
file fails the test; elsewhere the test is skipped with the reason.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def shared_path(*parts: str) -> Path:
    """The path of a shared file or folder, or a failure/skip when it is missing."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        reason = f"shared test data not found: {path}"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    return path
