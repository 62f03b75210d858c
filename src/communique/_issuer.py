"""Who issues a release, when no issuer header names it: the announcer, the "About X" subject.

Shared by the readers (the HTML reader uses it; it was taken out of the
text reader's ``_announcer`` so that the text reader can import it too).
"""

from __future__ import annotations

import re

from . import _recognize as rec

# Verbs that follow the announcer in a first sentence ("Acme Corp. today announced ...").
# German separable verbs print their stem only ("X kündigt heute ... an").
_ANNOUNCE_VERBS = (
    "announced", "announces", "announce", "launches", "unveils", "a annoncé", "annonce", "annoncent", "lance",
    "anuncia", "anunció", "anuncian", "lanza", "gibt bekannt", "gab bekannt", "teilt mit", "hat bekanntgegeben",
    "kündigt", "startet",
    # Other verbs of what an organisation does in a release's first sentence or headline (nouns with the same
    # spelling, "releases", "reports", "awards", "signs", "firma", are left out).
    "introduces", "unveiled", "launched", "calls for", "calls on", "urges", "welcomes", "appoints", "joins",
    "publishes", "celebrates", "expands", "acquires", "completes", "présente", "publie", "appelle", "dévoile",
    "inaugure", "accueille", "nomme", "rejoint", "demande", "veröffentlicht", "präsentiert", "fordert", "ruft",
    "begrüßt", "eröffnet", "feiert", "übernimmt", "presenta", "publica", "pide", "reclama", "celebra", "inaugura",
    "nombra", "adquiere",
)
_TODAY = r"(?:today\s+|yesterday\s+|has\s+|hoy\s+|ayer\s+|heute\s+|gestern\s+|aujourd'hui\s+|aujourd’hui\s+|hier\s+)?"
_ANNOUNCE = re.compile(
    r"^(?P<subject>[A-ZÀ-Þ][\w&.,'’ -]{2,90}?(?:\s\([^()]{2,40}\))?)(?:,[^,]{3,120},)?\s+" + _TODAY
    + r"(?:" + "|".join(re.escape(v) for v in _ANNOUNCE_VERBS) + r")\b"
    r"|,\s*(?P<tail>[A-ZÀ-Þ][\w&.'’ -]{2,90}?)\s+(?:announced|announces|said today|a annoncé|anunció)\s*\.?$"
    # "Acme Inc. (NASDAQ: ACME) ("Acme") today highlighted ...": any verb after "today".
    r"|^(?P<today>[A-ZÀ-Þ][\w&.,'’ -]{2,60}?)(?:\s*\([^()]{1,80}\))*\s+today\s+[a-z]{3,}(?:ed|s)\b",
)
# Every way _ANNOUNCE matches holds one of its verbs or "today": a sentence with none needs no try.
_ANNOUNCE_HINT = re.compile("|".join(re.escape(word) for word in (*_ANNOUNCE_VERBS, "today")))
_OF = re.compile(r"^(?:de\s+|von\s+)", re.IGNORECASE)


def announcer(paragraph: str) -> str | None:
    """Who announces, from a first sentence such as "Acme Corp. today announced ...".

    >>> announcer("Acme Corp. today announced a new plant in Lyon.")
    'Acme Corp.'
    >>> announcer("Das Beispiel Projekt kündigt heute die Verfügbarkeit von Version 2 an.")
    'Das Beispiel Projekt'
    >>> announcer("The company said nothing.") is None
    True
    >>> announcer("Die Beispiel Stiftung (BS) ruft alle auf, mitzumachen.")
    'Die Beispiel Stiftung (BS)'
    >>> announcer("The company today announced a plant.") is None, announcer("The Example Community announces 2.2.")
    (True, 'Example Community')
    >>> announcer('Acme Inc. (NASDAQ: ACME) ("Acme") today highlighted new data.')
    'Acme Inc.'

    """
    for sentence in rec.split_sentences(paragraph)[:2]:
        match = _ANNOUNCE.search(sentence.strip()) if _ANNOUNCE_HINT.search(sentence) else None
        if match:
            subject = (match.group("subject") or match.group("tail") or match.group("today") or "").strip(" ,")
            if subject.startswith(("The ", "the ")) and any(word[0].isupper() for word in subject.split()[1:]):
                subject = subject[4:].lstrip()  # "The Example Community announced": a name after its article
            if 1 <= len(subject.split()) <= 9 and not subject.lower().startswith(("the ", "this ", "it ", "we ")) and (
                _named(subject)
            ):
                return subject
    return None


# Small words that may stand inside an organisation's name.
_NAME_JOINERS = frozenset("of for and on in at to the de du des la le les et pour für und der die das von zu del y "
                          "el los las para en".split())


def _named(subject: str) -> bool:
    """Whether the subject reads as a name: capitalised words, the small words that join them, one noun at most.

    ``Example community``, ``El proyecto Example``; not ``Today marks a pivotal moment as Example``.
    """
    words = subject.split()
    common = sum(1 for word in words if word[0].islower() and word.lower() not in _NAME_JOINERS)
    return words[0][0].isupper() and common <= 1


def headline_subject(headline: str) -> str | None:
    """The organisation a headline opens with, before an announcing verb, without its article.

    >>> headline_subject("La Fondation Exemple lance une campagne")
    'Fondation Exemple'
    >>> headline_subject("New rules for everyone") is None
    True
    """
    found = announcer(headline)
    if found is None:
        return None
    return without_article(found) or None


def without_article(name: str) -> str:
    """The name without the article before it, when a capital follows (``Das Beispiel Projekt``).

    >>> without_article("Das Beispiel Projekt"), without_article("El proyecto Beispiel")
    ('Beispiel Projekt', 'El proyecto Beispiel')
    """
    stripped = rec.ARTICLE.sub("", name).strip()
    return stripped if stripped[:1].isupper() else name


def boilerplate_subject(heading: str, language: str | None) -> str | None:
    """The organisation an "About X" heading is about, without its article.

    >>> boilerplate_subject("About Acme Corp.", "en")
    'Acme Corp.'
    >>> boilerplate_subject("À propos de l’Exemple", "fr")
    'Exemple'
    """
    found = rec.match_boilerplate_heading(heading, language, heading=True)
    if found is None or not found.subject:
        return None
    subject = _OF.sub("", found.subject)
    return rec.ARTICLE.sub("", subject).strip(" :") or None
