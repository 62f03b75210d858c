"""The HTML reader on the HTML pages of the shared corpus (read in place, never copied)."""

from __future__ import annotations

import json

import pytest

from communique.html import parse_html
from tests.shared import shared_path

PAGES = ["de-apache-001", "en-openoffice-001", "fr-apache-001", "fr-fsfe-001"]


@pytest.mark.parametrize("name", PAGES)
def test_corpus_date_and_headline(name: str):
    """The date and headline of every corpus page match the ground truth."""
    folder = shared_path("corpus")
    expected = json.loads((folder / f"{name}.expected.json").read_text(encoding="utf-8"))
    release = parse_html((folder / f"{name}.html").read_bytes(), name=name).communique
    actual_date = release.dateline.date.isoformat() if release.dateline and release.dateline.date else None
    assert (expected["date"], expected["headline"].strip().lower()) == (
        actual_date, release.headline.strip().lower())
