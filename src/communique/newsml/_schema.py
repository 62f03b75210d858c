"""Where the IPTC NewsML-G2 schema is found, how it is fetched, and its compiled form.

communique does not ship IPTC's schema. :func:`find_schema` looks for it in
this order: the path given, the ``COMMUNIQUE_NEWSML_SCHEMA`` environment
variable, and the per-user cache that :func:`download` fills
(``$XDG_CACHE_HOME/communique/newsml-g2/2.35/``). A path may name the
``.xsd`` file or the folder that holds it; ``xml.xsd`` must sit next to it.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import tempfile
import threading
import urllib.request
from pathlib import Path
from typing import Final

from lxml import etree

from ..exceptions import SourceError

__all__ = [
    "CATALOG_FILE",
    "ENVIRONMENT_VARIABLE",
    "FILES",
    "SCHEMA_FILE",
    "cache_dir",
    "catalog_aliases",
    "compiled_schema",
    "download",
    "find_schema",
    "resolve_schema",
]

#: The file name of the NewsML-G2 2.35 All-Power schema.
SCHEMA_FILE: Final = "NewsML-G2_2.35-spec-All-Power.xsd"
#: The IPTC catalog that the items we write refer to.
CATALOG_FILE: Final = "catalog.IPTC-G2-Standards_41.xml"
#: The environment variable that names the schema (file or folder).
ENVIRONMENT_VARIABLE: Final = "COMMUNIQUE_NEWSML_SCHEMA"

_SPECIFICATION: Final = "https://iptc.org/std/NewsML-G2/2.35/specification/"

#: file name -> (official URL, SHA-256 of the expected content).
FILES: Final = {
    SCHEMA_FILE: (_SPECIFICATION + SCHEMA_FILE, "06ef1c5076a32f2568ac8955994029890afac0268f795e3c26642ded52cf0181"),
    "xml.xsd": (_SPECIFICATION + "xml.xsd", "61960fb3131e38022caad5360e2f33a3382578ab3c80cd58bd74320ede61b20c"),
    CATALOG_FILE: ("https://www.iptc.org/std/catalog/" + CATALOG_FILE,
                   "bd35fd40dbdc565e9e1590faca981cb7d8ac28c34eb9a90b78ff8060d282ce71"),
}

_MAX_DOWNLOAD: Final = 8 * 1024 * 1024


def cache_dir() -> Path:
    """The per-user folder that :func:`download` fills."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "communique" / "newsml-g2" / "2.35"


def _as_schema_file(path: Path) -> Path:
    return path / SCHEMA_FILE if path.is_dir() else path


def find_schema(schema: str | os.PathLike[str] | None = None) -> Path | None:
    """The schema file to validate against, or ``None`` when there is none.

    A *schema* given but missing is an error (:class:`~communique.SourceError`),
    as is a missing file named by the environment variable: a typo must not
    silently turn XSD validation off.
    """
    if schema is not None:
        path = _as_schema_file(Path(schema))
        if not path.is_file():
            msg = f"{path}: no NewsML-G2 schema there"
            raise SourceError(msg)
        return path
    named = os.environ.get(ENVIRONMENT_VARIABLE)
    if named:
        path = _as_schema_file(Path(named))
        if not path.is_file():
            msg = f"{path}: no NewsML-G2 schema there (named by {ENVIRONMENT_VARIABLE})"
            raise SourceError(msg)
        return path
    cached = cache_dir() / SCHEMA_FILE
    return cached if cached.is_file() else None


_lock = threading.Lock()


@functools.lru_cache(maxsize=8)
def _compile(path: str) -> etree.XMLSchema:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        return etree.XMLSchema(etree.parse(path, parser))
    except (etree.XMLSchemaParseError, etree.XMLSyntaxError, OSError) as exc:
        msg = f"{path}: cannot compile the schema: {exc}"
        raise SourceError(msg) from None


def compiled_schema(path: Path) -> etree.XMLSchema:
    """The schema at *path*, compiled once per process."""
    with _lock:
        return _compile(os.fspath(path))


@functools.lru_cache(maxsize=8)
def _aliases(path: str) -> frozenset[str] | None:
    catalog = Path(path).parent / CATALOG_FILE
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        root = etree.parse(str(catalog), parser).getroot()
    except (etree.XMLSyntaxError, OSError):
        return None
    return frozenset(alias for scheme in root.iter("{http://iptc.org/std/nar/2006-10-01/}scheme")
                     if (alias := scheme.get("alias")))


def catalog_aliases(schema: Path | None) -> frozenset[str] | None:
    """The scheme aliases of the IPTC catalog next to *schema* (read once), or ``None`` when it is not there."""
    return None if schema is None else _aliases(os.fspath(schema))


class ResolvedSchema:
    """A schema file that :func:`resolve_schema` found, with its compiled form and catalog, each built once."""

    __slots__ = ("_aliases", "_compiled", "_read", "path")

    def __init__(self, path: Path) -> None:
        self.path = path
        self._compiled: etree.XMLSchema | None = None
        self._aliases: frozenset[str] | None = None
        self._read = False

    def compiled(self) -> etree.XMLSchema:
        """The compiled schema (see :func:`compiled_schema`)."""
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = compiled_schema(self.path)
        return compiled

    def aliases(self) -> frozenset[str] | None:
        """The aliases of the IPTC catalog next to the schema (see :func:`catalog_aliases`)."""
        if not self._read:
            self._aliases = catalog_aliases(self.path)
            self._read = True
        return self._aliases


#: (where the schema was named, the name, the working directory for a relative name) -> what it resolved to.
_resolved: dict[tuple[str | None, ...], ResolvedSchema] = {}
#: The same for an absolute path given as the argument, keyed by the argument itself (the fastest look-up).
_resolved_arguments: dict[object, ResolvedSchema] = {}
_MAX_RESOLVED: Final = 64


def resolve_schema(schema: str | os.PathLike[str] | None = None) -> ResolvedSchema | None:
    """:func:`find_schema`, remembered: once a name has resolved to a file, the file system is not asked again.

    The answer is remembered per argument, per value of the environment
    variable, and per cache folder (and per working directory for a relative
    name), so a different path is looked up afresh. Only schemas that were
    found are remembered: a missing one is looked for, and reported, on every
    call, and one that :func:`download` fetches later is found.
    """
    if schema is not None:
        try:
            found = _resolved_arguments.get(schema)
        except TypeError:  # an unhashable path-like object
            found = None
        if found is not None:
            return found
    name: str | None
    if schema is not None:
        kind, name = "argument", os.fspath(schema)
    elif named := os.environ.get(ENVIRONMENT_VARIABLE):
        kind, name = "environment", named
    else:
        home = os.environ.get("HOME")
        kind, name = "cache", os.environ.get("XDG_CACHE_HOME") or (home and os.path.join(home, ".cache"))
    key: tuple[str | None, ...] = (kind, name)
    if not (name and os.path.isabs(name)):
        try:
            key = (kind, name, os.getcwd())
        except OSError:  # the working directory is gone: look the schema up, remember nothing
            path = find_schema(schema)
            return None if path is None else ResolvedSchema(path)
    found = _resolved.get(key)
    if found is None:
        path = find_schema(schema)
        if path is None:
            return None
        if len(_resolved) >= _MAX_RESOLVED:
            _resolved.clear()
        found = _resolved[key] = ResolvedSchema(path.absolute())
    if kind == "argument" and len(key) == 2:  # an absolute path: the argument alone is the key
        if len(_resolved_arguments) >= _MAX_RESOLVED:
            _resolved_arguments.clear()
        with contextlib.suppress(TypeError):
            _resolved_arguments[schema] = found
    return found


def download(*, base_url: str | None = None, target: Path | None = None, timeout: float = 60) -> list[Path]:
    """Fetch the NewsML-G2 2.35 schema, ``xml.xsd`` and the IPTC catalog into *target*.

    The files come from IPTC's official URLs, or from *base_url* (a folder
    URL that serves the same files, for mirrors and tests); each file's
    SHA-256 is checked before it is written, atomically, into *target*
    (:func:`cache_dir` by default). Raises :class:`~communique.SourceError`
    on a network error or a checksum mismatch, leaving no partial file.
    """
    folder = target or cache_dir()
    fetched: dict[str, bytes] = {}
    for name, (official, expected) in FILES.items():
        url = base_url.rstrip("/") + "/" + name if base_url else official
        if not url.startswith(("https://", "http://")):
            msg = f"{url}: only http and https URLs are fetched"
            raise SourceError(msg)
        try:
            with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - scheme checked above
                data = response.read(_MAX_DOWNLOAD + 1)
        except OSError as exc:
            msg = f"{url}: cannot download: {exc}"
            raise SourceError(msg) from exc
        digest = hashlib.sha256(data).hexdigest()
        if digest != expected:
            msg = f"{url}: checksum mismatch (SHA-256 {digest}, expected {expected}); nothing was written"
            raise SourceError(msg)
        fetched[name] = data
    try:
        folder.mkdir(parents=True, exist_ok=True)
        written = []
        for name, data in fetched.items():
            handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".tmp")
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(data)
                Path(temporary).replace(folder / name)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
            written.append(folder / name)
    except OSError as exc:
        msg = f"{folder}: cannot write: {exc.strerror or exc}"
        raise SourceError(msg) from exc
    return written
