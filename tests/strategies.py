"""Hypothesis strategies for every model class.

One shared module, extended with every new field: a field that no strategy
fills is a field no property test covers. ``test_strategies.py`` checks that
every attrs class of :mod:`communique.model` has a strategy here and that
the strategies reach every field.
"""

from __future__ import annotations

import datetime
import string
from typing import Any

from hypothesis import strategies as st

from communique import model
from communique.vocabulary import Genre

# Any character a text format can carry (the model refuses the others).
_CHARACTERS = st.characters(
    blacklist_categories=("Cs",),
    blacklist_characters="".join(chr(c) for c in range(0x20) if c not in (0x09, 0x0A, 0x0D)) + "\ufffe\uffff",
)


def texts(max_size: int = 40) -> st.SearchStrategy[str]:
    """Non-blank strings of any carriable character."""
    return st.text(_CHARACTERS, min_size=1, max_size=max_size).filter(lambda s: s.strip() != "")


def optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """The strategy's values, or None."""
    return st.none() | strategy


def tuples(strategy: st.SearchStrategy[Any], max_size: int = 3) -> st.SearchStrategy[tuple[Any, ...]]:
    """Short tuples of the strategy's values."""
    return st.lists(strategy, max_size=max_size).map(tuple)


urls = st.builds(
    lambda host, path: f"https://{host}.example/{path}",
    st.text(string.ascii_lowercase, min_size=1, max_size=10),
    st.text(string.ascii_lowercase + string.digits + "-/", max_size=12),
)
dates = st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2100, 12, 31))
aware_datetimes = st.datetimes(
    min_value=datetime.datetime(1900, 1, 1),
    max_value=datetime.datetime(2100, 12, 31),
    timezones=st.sampled_from([datetime.UTC, datetime.timezone(datetime.timedelta(hours=2)),
                               datetime.timezone(datetime.timedelta(hours=-5, minutes=-30))]),
)
language_tags = st.sampled_from(["fr", "en", "de", "es", "en-US", "fr-CA", "de-CH"])
e164 = st.from_regex(r"\+[1-9][0-9]{6,14}", fullmatch=True)

inlines: st.SearchStrategy[model.Inline] = st.deferred(
    lambda: st.one_of(
        st.builds(model.Text, st.text(_CHARACTERS, min_size=1, max_size=40)),
        st.just(model.LineBreak()),
        st.builds(model.Emphasis, tuples(inlines, 2)),
        st.builds(model.Strong, tuples(inlines, 2)),
        st.builds(model.Hyperlink, tuples(inlines, 2), url=urls),
    ),
)
runs = tuples(inlines, 3)

list_items: st.SearchStrategy[model.ListItem] = st.deferred(
    lambda: st.builds(model.ListItem, runs, blocks=tuples(blocks, 1)),
)
table_cells = st.builds(model.TableCell, runs, header=st.booleans())
table_rows = st.builds(model.TableRow, tuples(table_cells, 3))

blocks: st.SearchStrategy[model.Block] = st.deferred(
    lambda: st.one_of(
        st.builds(model.Paragraph, runs),
        st.builds(model.Heading, runs, level=st.integers(1, 6)),
        st.builds(model.BulletList, tuples(list_items, 2)),
        st.builds(model.OrderedList, tuples(list_items, 2), start=st.integers(0, 20)),
        st.builds(model.Quote, tuples(blocks, 2), attribution=optional(texts())),
        st.builds(model.Table, tuples(table_rows, 2), caption=optional(texts())),
    ),
)

issuers = st.builds(model.Issuer, name=texts(), title=optional(texts()), organization=optional(texts()),
                    text=optional(texts()))
kinds = st.builds(model.Kind, label=texts(), genre=optional(st.sampled_from(Genre)))
datelines = st.builds(model.Dateline, text=texts(), place=optional(texts()), region=optional(texts()),
                      date=optional(dates), wire=optional(texts()))
references = st.builds(model.Reference, number=texts(10), text=texts())
embargoes = st.builds(model.Embargo, text=texts(), until=optional(aware_datetimes))


@st.composite
def contacts(draw: st.DrawFn) -> model.Contact:
    """A contact whose E.164 forms, when present, pair up with its phones."""
    phones = draw(tuples(texts(20)))
    normalised = draw(st.booleans())
    return model.Contact(
        name=draw(optional(texts())),
        role=draw(optional(texts())),
        organization=draw(optional(texts())),
        phones=phones,
        phones_e164=tuple(draw(optional(e164)) for _ in phones) if normalised else (),
        emails=draw(tuples(texts(20))),
        urls=draw(tuples(urls)),
        text=draw(optional(texts())),
    )


links = st.builds(model.Link, url=urls, text=optional(texts()))
boilerplates = st.builds(model.Boilerplate, heading=optional(texts()), blocks=tuples(blocks, 2))
attachments = st.builds(model.Attachment, url=urls, title=optional(texts()),
                        media_type=optional(st.sampled_from(["image/jpeg", "application/pdf"])))
metadata = st.builds(model.MetaField, name=texts(20), value=st.text(_CHARACTERS, max_size=20))
provenances = st.builds(model.Provenance, source=optional(texts()), format=optional(texts(10)), url=optional(urls))

communiques = st.builds(
    model.Communique,
    language=optional(language_tags),
    kind=optional(kinds),
    issuer=optional(issuers),
    dateline=optional(datelines),
    reference=optional(references),
    embargo=optional(embargoes),
    headline=optional(texts()),
    subheadline=optional(texts()),
    summary=tuples(texts()),
    body=tuples(blocks, 4),
    contacts=tuples(contacts()),
    links=tuples(links),
    boilerplate=tuples(boilerplates, 2),
    attachments=tuples(attachments, 2),
    end_marker=optional(texts(5)),
    metadata=tuples(metadata),
    unclassified=tuples(texts()),
    provenance=optional(provenances),
)

#: The strategy for each model class, for tests that go over all of them.
BY_CLASS: dict[type, st.SearchStrategy[Any]] = {
    model.Text: st.builds(model.Text, st.text(_CHARACTERS, min_size=1, max_size=40)),
    model.LineBreak: st.just(model.LineBreak()),
    model.Emphasis: st.builds(model.Emphasis, runs),
    model.Strong: st.builds(model.Strong, runs),
    model.Hyperlink: st.builds(model.Hyperlink, runs, url=urls),
    model.Paragraph: st.builds(model.Paragraph, runs),
    model.Heading: st.builds(model.Heading, runs, level=st.integers(1, 6)),
    model.ListItem: list_items,
    model.BulletList: st.builds(model.BulletList, tuples(list_items, 2)),
    model.OrderedList: st.builds(model.OrderedList, tuples(list_items, 2), start=st.integers(0, 20)),
    model.Quote: st.builds(model.Quote, tuples(blocks, 2), attribution=optional(texts())),
    model.TableCell: table_cells,
    model.TableRow: table_rows,
    model.Table: st.builds(model.Table, tuples(table_rows, 2), caption=optional(texts())),
    model.Issuer: issuers,
    model.Kind: kinds,
    model.Dateline: datelines,
    model.Reference: references,
    model.Embargo: embargoes,
    model.Contact: contacts(),
    model.Link: links,
    model.Boilerplate: boilerplates,
    model.Attachment: attachments,
    model.MetaField: metadata,
    model.Provenance: provenances,
    model.Communique: communiques,
}
