"""The layers of the package: cheap imports, no registration at import time."""

from __future__ import annotations

import subprocess
import sys

import pytest

import communique


def _loaded_after(statement: str) -> list[str]:
    code = (
        f"import sys\n{statement}\n"
        "print(' '.join(sorted(m for m in ('cattrs', 'lxml', 'dateutil') if m in sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return out.stdout.split()


class TestLayers:
    @pytest.mark.parametrize(
        "statement",
        ["import communique", "import communique.formats", "import communique.reading",
         "import communique._cli", "import communique.api"],
    )
    def test_light_imports(self, statement):
        """The facade, the registry, the CLI and the API load no format library."""
        assert [] == _loaded_after(statement)

    def test_lazy_name_loads_its_module(self):
        """Touching a JSON function loads cattrs, and only then."""
        assert ["cattrs"] == _loaded_after("import communique; communique.to_json")


class TestFacade:
    def test_all_sorted(self):
        """__all__ is sorted, so that additions are easy to review."""
        assert sorted(communique.__all__) == communique.__all__

    @pytest.mark.parametrize("name", communique.__all__)
    def test_every_public_name_resolves(self, name):
        """Every name in __all__ can be fetched and is documented."""
        value = getattr(communique, name)
        assert value is not None
        if callable(value) and not isinstance(value, type(communique.Block)):
            assert value.__doc__, name

    def test_version_from_metadata(self):
        """__version__ comes from the installed package's metadata."""
        from importlib.metadata import version

        assert version("communique") == communique.__version__

    def test_unknown_name(self):
        """An unknown attribute raises AttributeError."""
        with pytest.raises(AttributeError, match="no_such_name"):
            communique.no_such_name  # noqa: B018

    def test_dir_lists_public_names(self):
        """dir() shows the public surface and __version__."""
        assert sorted([*communique.__all__, "__version__"]) == dir(communique)
