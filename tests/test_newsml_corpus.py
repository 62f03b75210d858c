"""The shared corpus through NewsML-G2: XSD-valid, and read back to the same native JSON."""

from __future__ import annotations

import datetime
import re

import pytest

from communique import FormatError, Severity
from communique.formats import guess_format
from communique.native_json import to_json
from communique.newsml import from_newsml, to_newsml, validate_newsml
from tests.shared import SHARED, shared_path

AT = datetime.datetime(2025, 3, 1, 9, 30, tzinfo=datetime.UTC)
# Releases are named like fr-seed-2012-046.md; ANNOTATION.md and friends are not releases.
DOCUMENTS = sorted(p for p in (SHARED / "corpus").glob("*.*")
                   if re.match(r"[a-z]{2}-", p.name) and not p.name.endswith(".expected.json"))


def test_corpus_present():
    """The corpus is there (a skip or, in CI, a failure otherwise)."""
    shared_path("corpus")
    assert DOCUMENTS


@pytest.mark.parametrize("path", DOCUMENTS, ids=[p.name for p in DOCUMENTS])
def test_corpus_document(path):
    """A corpus release converted to NewsML-G2 is XSD-valid and reads back to the same native JSON."""
    schema = shared_path("newsml-g2", "NewsML-G2_2.35-spec-All-Power.xsd")
    try:
        reader = guess_format(path).reader()
    except FormatError as exc:
        pytest.skip(f"no reader for {path.suffix} files yet: {exc}")
    communique = reader(path.read_bytes(), source=path.name).communique
    data = to_newsml(communique, versioned=AT)
    errors = [d for d in validate_newsml(data, schema=schema) if d.severity is Severity.ERROR]
    assert [] == errors
    assert to_json(communique) == to_json(from_newsml(data))
