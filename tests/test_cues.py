"""Tests for communique.cues: the per-language tables and language detection."""

from __future__ import annotations

import subprocess
import sys

import attrs
import pytest

from communique import cues
from communique._recognize import is_end_marker, match_contact_heading, match_embargo
from communique.cues import LANGUAGES, LanguageCues, UnknownLanguageError, cues_for, detect_language, find_cues
from communique.exceptions import CommuniqueError
from communique.vocabulary import Genre

TUPLE_CUES = [
    "reference_markers",
    "contact_headings",
    "boilerplate_prefixes",
    "end_markers",
    "embargo_markers",
    "date_connectors",
    "ordinal_suffixes",
    "time_words",
]


class TestRegistry:
    def test_languages_sorted(self):
        """The registry lists its languages sorted, so that additions are easy to review."""
        assert sorted(LANGUAGES) == list(LANGUAGES)

    @pytest.mark.parametrize("language", LANGUAGES)
    def test_each_module_defines_its_language(self, language):
        """Each language module holds the cues of its own language."""
        assert language == cues_for(language).language

    @pytest.mark.parametrize(("tag", "expected"), [("fr-FR", "fr"), ("EN", "en"), ("de_AT", "de"), (" es-419 ", "es")])
    def test_tags(self, tag, expected):
        """Region subtags, case and underscores do not matter."""
        assert expected == cues_for(tag).language

    def test_cached(self):
        """A language's cues are loaded once and shared."""
        assert cues_for("fr") is cues_for("fr-BE")

    def test_unknown_is_none(self):
        """find_cues answers None for a language without cues."""
        assert find_cues("pt-BR") is None

    def test_unknown_raises(self):
        """cues_for raises a LookupError that is also a CommuniqueError."""
        with pytest.raises(UnknownLanguageError) as caught:
            cues_for("pt")
        assert isinstance(caught.value, LookupError)
        assert isinstance(caught.value, CommuniqueError)

    def test_no_arbitrary_module(self):
        """A tag naming another module of the package is not imported as a language."""
        assert find_cues("__init__") is None


class TestImmutability:
    @pytest.mark.parametrize("language", LANGUAGES)
    def test_frozen(self, language):
        """Cues cannot be reassigned."""
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            cues_for(language).language = "xx"  # type: ignore[misc]

    @pytest.mark.parametrize("language", LANGUAGES)
    def test_mappings_read_only(self, language):
        """Month, weekday and label tables cannot be changed in place."""
        found = cues_for(language)
        for table in (found.months, found.weekday_numbers, found.kind_labels):
            with pytest.raises(TypeError):
                table["x"] = 1  # type: ignore[index]

    def test_given_dict_copied(self):
        """Changing the dict given to the constructor does not change the cues."""
        months = dict(cues_for("en").months)
        made = attrs.evolve(cues_for("en"), months=months)
        months["smarch"] = 13
        assert "smarch" not in made.months


class TestContent:
    @pytest.mark.parametrize("language", LANGUAGES)
    @pytest.mark.parametrize("name", TUPLE_CUES)
    def test_every_kind_of_cue(self, language, name):
        """Every language has every kind of cue, in lower case."""
        values = getattr(cues_for(language), name)
        assert values
        assert [] == [v for v in values if v != v.lower()]

    @pytest.mark.parametrize("language", LANGUAGES)
    def test_sets_and_tables_filled(self, language):
        """Labels cover every genre, and the word sets are not empty."""
        found = cues_for(language)
        assert set(Genre) == set(found.kind_labels.values())
        assert found.common_words
        assert len(found.weekdays) >= 7

    @pytest.mark.parametrize("language", LANGUAGES)
    def test_twelve_months(self, language):
        """Each month table names the twelve months, each also without a dot."""
        months = cues_for(language).months
        assert set(range(1, 13)) == set(months.values())
        assert set(range(1, 13)) == {number for name, number in months.items() if not name.endswith(".")}

    @pytest.mark.parametrize("language", LANGUAGES)
    def test_abbreviations_with_and_without_dot(self, language):
        """An abbreviation with a dot has the same month as the bare one, when both are listed."""
        months = cues_for(language).months
        dotted = [name for name in months if name.endswith(".")]
        assert [] == [name for name in dotted if months.get(name[:-1], months[name]) != months[name]]

    def test_no_name_means_two_months_across_languages(self):
        """A month name shared by languages means the same month in all of them."""
        seen: dict[str, int] = {}
        clashes = []
        for language in LANGUAGES:
            for name, number in cues_for(language).months.items():
                if seen.setdefault(name, number) != number:
                    clashes.append(name)
        assert [] == clashes

    @pytest.mark.parametrize(
        ("language", "name", "number"),
        [
            ("fr", "juillet", 7),
            ("fr", "juil.", 7),
            ("fr", "juil", 7),
            ("fr", "sept.", 9),
            ("fr", "févr.", 2),
            ("fr", "fevrier", 2),
            ("fr", "août", 8),
            ("de", "märz", 3),
            ("de", "maerz", 3),
            ("en", "jan.", 1),
            ("en", "sept.", 9),
            ("es", "septiembre", 9),
            ("es", "dic.", 12),
        ],
    )
    def test_known_months(self, language, name, number):
        """Names, abbreviations and accent-less spellings map to their month."""
        assert number == cues_for(language).months[name]

    @pytest.mark.parametrize(("language", "order"), [("en", None), ("fr", "DMY"), ("de", "DMY"), ("es", "DMY")])
    def test_numeric_order(self, language, order):
        """English numeric dates have no single order (US and UK differ); the others are day first."""
        assert order == cues_for(language).numeric_date_order

    @pytest.mark.parametrize(
        ("language", "label", "genre"),
        [
            ("fr", "communiqué de presse", Genre.PRESS_RELEASE),
            ("fr", "avis aux médias", Genre.MEDIA_ADVISORY),
            ("en", "for immediate release", Genre.PRESS_RELEASE),
            ("en", "media advisory", Genre.MEDIA_ADVISORY),
            ("en", "statement", Genre.STATEMENT),
            ("de", "pressemitteilung", Genre.PRESS_RELEASE),
            ("de", "medienmitteilung", Genre.PRESS_RELEASE),
            ("es", "nota de prensa", Genre.PRESS_RELEASE),
            ("es", "comunicado", Genre.PRESS_RELEASE),
        ],
    )
    def test_labels(self, language, label, genre):
        """Printed labels map to the genre they announce."""
        assert genre == cues_for(language).kind_labels[label]

    def test_bad_order_rejected(self):
        """A numeric order other than DMY or MDY is refused."""
        with pytest.raises(ValueError, match="DMY"):
            attrs.evolve(cues_for("fr"), numeric_date_order="YMD")

    def test_missing_month_rejected(self):
        """A month table that misses a month is refused."""
        with pytest.raises(ValueError, match="twelve"):
            attrs.evolve(cues_for("fr"), months={"janvier": 1})

    def test_public_class(self):
        """LanguageCues is exported by the package."""
        assert LanguageCues is cues.LanguageCues
        assert sorted(cues.__all__) == cues.__all__


class TestDetectLanguage:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            (
                "Communiqué de presse\nParis, le 3 mars 2025\nLa société annonce l'ouverture de son usine.",
                "fr",
            ),
            ("FOR IMMEDIATE RELEASE\nAcme today announced that it will open a plant in the city of Lyon.", "en"),
            ("Pressemitteilung\nBerlin, 3. März 2025\nDie Firma hat heute bekannt gegeben, dass sie eröffnet.", "de"),
            (
                "Nota de prensa\nMadrid, 3 de marzo de 2025\nLa empresa ha anunciado hoy la apertura de una planta.",
                "es",
            ),
            ("the and of the to in", "en"),
        ],
    )
    def test_clear_cases(self, text, expected):
        """Short releases in each language are recognised."""
        assert expected == detect_language(text)

    @pytest.mark.parametrize("text", ["", "12345 67 89", "OK", "Acme GmbH", "la de en"])
    def test_unclear_is_none(self, text):
        """Too little evidence, or a tie between languages, gives None."""
        assert detect_language(text) is None

    def test_mixed_is_none(self):
        """A text half in one language and half in another gives None."""
        text = "The company and the city of Lyon. Die Firma und die Stadt haben das Werk."
        assert detect_language(text) is None

    def test_candidates(self):
        """Only the candidates are considered; unknown candidates are ignored."""
        text = "Nota de prensa. La empresa ha anunciado hoy la apertura de una planta."
        assert detect_language(text, candidates=("fr", "de", "xx")) is None
        assert "es" == detect_language(text, candidates=("es", "xx"))

    def test_reads_only_the_head(self):
        """Words beyond the detection window are not counted."""
        text = "x " * cues.DETECTION_WINDOW + "the and of the to in the and of"
        assert detect_language(text) is None


class TestLayering:
    def test_light_imports(self):
        """The cues package and every language module load neither cattrs, lxml nor dateutil."""
        statement = "import communique.cues\n" + "\n".join(f"import communique.cues.{tag}" for tag in LANGUAGES)
        code = (
            f"import sys\n{statement}\n"
            "print(' '.join(sorted(m for m in ('cattrs', 'lxml', 'dateutil') if m in sys.modules)))"
        )
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        assert [] == out.stdout.split()

    def test_language_modules_loaded_lazily(self):
        """Importing the package loads no language module until one is asked for."""
        code = (
            "import sys, communique.cues as c\n"
            "before = sorted(m for m in sys.modules if m.startswith('communique.cues.'))\n"
            "c.cues_for('de')\n"
            "after = sorted(m for m in sys.modules if m.startswith('communique.cues.'))\n"
            "print(before, after)"
        )
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        assert "[] ['communique.cues.de']" == out.stdout.strip()


class TestRecognisedVariants:
    """Headings, embargo lines and end markers that press offices print, read by the recognition layer."""

    @pytest.mark.parametrize(("line", "language"), [
        ("Press office:", "en"), ("Media office", "en"), ("For further information:", "en"),
        ("Rückfragehinweis:", "de"), ("Presseanfragen:", "de"), ("Gabinete de prensa", "es"),
        ("Oficina de prensa:", "es"),
    ])
    def test_contact_headings(self, line, language):
        """Each opens a contact block."""
        assert match_contact_heading(line, language) is not None

    @pytest.mark.parametrize(("line", "language"), [
        ("Weitere Informationen über das Produkt gibt es auf der Webseite.", "de"),
        ("Press office hours are nine to five.", "en"),
    ])
    def test_running_text_is_no_contact_heading(self, line, language):
        """A sentence that starts with such words does not."""
        assert match_contact_heading(line, language) is None

    @pytest.mark.parametrize(("line", "language"), [
        ("Not for publication before 5 March 2024, 10:00 CET", "en"),
        ("EMBARGADA HASTA el 5 de marzo de 2024 a las 10:00 CET", "es"),
    ])
    def test_embargo_lines(self, line, language):
        """Each is an embargo notice, with its end."""
        found = match_embargo(line, language)
        assert found is not None
        assert "2024-03-05T10:00:00+01:00" == found.embargo.until.isoformat()

    @pytest.mark.parametrize(("line", "language"), [("– ENDS –", "en"), ("— FIN —", "fr"), ("–ENDE–", "de")])
    def test_end_markers_with_any_dash(self, line, language):
        """End markers between dashes of any length."""
        assert is_end_marker(line, language)
