"""The inline layer shared by the readers: addresses and phone numbers found in plain text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from communique import _contacts
from communique._inline import _MAYBE_ADDRESS, Collected, _may_hold_address, collect_addresses

# Letters, digits and every character an address spot is made of, so that spots and near misses abound.
TEXTS = st.text(alphabet="ab1_ .@:/é\n", max_size=40)


@given(TEXTS)
def test_quick_test_misses_no_spot(text: str) -> None:
    """Every text in which the full search finds a spot passes the quick test that spares the search."""
    if _MAYBE_ADDRESS.search(text) is not None:
        assert _may_hold_address(text)


@given(TEXTS)
def test_addresses_found_around_any_text(text: str) -> None:
    """Whatever text comes before them, an e-mail address and a domain name are found."""
    found = Collected()
    collect_addresses(f"{text} write to press@acme.example or see www.acme.example", found)
    assert {"mailto:press@acme.example", "www.acme.example"} <= {link.url for link in found.links}


def test_prose_without_address_passes_over() -> None:
    """Sentence ends, decimals and times are not spots: the search is spared."""
    assert not _may_hold_address("Sales rose 3.5 % in 2024. The plant opens at 9:30.\nIt employs 120.")


# Digits, blanks and the punctuation phone numbers are printed with, and letters around them.
PHONE_TEXTS = st.text(alphabet="0123456789 .-/()+ax\n\t\u00a0", max_size=60)


@given(PHONE_TEXTS)
def test_phone_runs_find_what_the_pattern_finds(text: str) -> None:
    """Looking for phone numbers in runs of phone characters finds exactly what the pattern finds everywhere."""
    assert [m.span() for m in _contacts._PHONE.finditer(text)] == [
        m.span() for m in _contacts._phone_matches(text)]
