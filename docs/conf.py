"""Sphinx configuration for the communique documentation.

Build the HTML with ``sphinx-build -W -n --keep-going -b html docs docs/_build/html``
and run every example with ``sphinx-build -W -b doctest docs docs/_build/doctest``.
The package must be installed in the environment (``pip install -e '.[docs]'``):
autodoc imports it, and the version shown comes from its metadata.
"""

from __future__ import annotations

import doctest as _doctest
import re
from importlib.metadata import version as _version
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.addnodes import pending_xref
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

# -- Project -----------------------------------------------------------------

project = "communique"
author = "The communique developers"
copyright = "the communique developers"
release = _version("communique")
version = ".".join(release.split(".")[:2])

# -- General -----------------------------------------------------------------

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.doctest",
    "sphinx.ext.viewcode",
]
# The build machine has no network: intersphinx inventories cannot be fetched,
# so references to Python, attrs and cattrs are listed in nitpick_ignore below
# instead of being linked.

source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]
nitpicky = True

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# -- autodoc -----------------------------------------------------------------

autodoc_member_order = "bysource"
autodoc_typehints = "signature"
napoleon_google_docstring = True
napoleon_numpy_docstring = False

# Names that live outside this project. Without intersphinx they cannot be
# linked, so nitpicky mode is told not to look for them.
nitpick_ignore = [
    ("py:mod", "zoneinfo"),
    ("py:class", "cattrs.Converter"),
    ("py:class", "cattrs.converters.Converter"),
    ("py:class", "Any"),
    ("py:class", "Mapping"),
    ("py:class", "Final"),
    ("py:class", "Protocol"),
    ("py:class", "os.PathLike"),
    ("py:class", "PathLike"),
    ("py:class", "PurePath"),
]
nitpick_ignore_regex = [
    # The standard library and builtins.
    (
        r"py:.*",
        r"(builtins\.)?(str|bytes|int|bool|float|dict|list|tuple|type|object|None|Exception|ValueError|OSError)",
    ),
    (r"py:.*", r"(datetime|typing|collections\.abc|os|pathlib|enum|importlib)(\..*)?"),
    # attrs and cattrs.
    (r"py:.*", r"(attr|attrs|cattrs|cattr)\..*"),
]

# -- doctest -----------------------------------------------------------------

# The examples in docstrings assume the names of the module they live in.
doctest_global_setup = """
import datetime
from communique import *
from communique import model
from communique.formats import *
from communique.native_json import (
    FORMAT, FORMAT_VERSION, configure_converter, make_converter, schema,
)
from communique.cues import *
from communique.dates import *
from communique.newsml import *
from communique.cues.en import CUES
"""
doctest_default_flags = _doctest.ELLIPSIS | _doctest.NORMALIZE_WHITESPACE | _doctest.DONT_ACCEPT_TRUE_FOR_1

# -- HTML --------------------------------------------------------------------

html_theme = "furo"
html_title = f"communique {release}"
html_static_path: list[str] = []


# -- Cross-references to the public facade -----------------------------------


def _resolve_public_name(
    app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: nodes.TextElement
) -> nodes.reference | None:
    """Link ``communique.model.Kind`` and friends to their public name ``communique.Kind``.

    Type hints name the private module that defines a class; the reference
    documents it under the package, where users import it from.
    """
    if node.get("refdomain") != "py":
        return None
    target = node.get("reftarget", "")
    module, _, name = target.rpartition(".")
    if not module:
        # A bare name in a docstring, resolved against the docstring's module.
        module = node.get("py:module") or ""
    if module != "communique" and not (module.startswith("communique.") and module.count(".") == 1):
        return None
    import communique

    if name not in communique.__all__:
        return None
    node["reftarget"] = f"communique.{name}"
    domain = env.get_domain("py")
    return domain.resolve_xref(env, node["refdoc"], app.builder, node["reftype"], node["reftarget"], node, contnode)


# Napoleon reads the first line of an attribute's docstring as "type: text",
# but this project's attribute comments are prose ("The body: paragraphs,
# lists, ..."), so attribute docstrings are kept away from it.
_KEPT: dict[str, list[str]] = {}
_ATTRIBUTE_LIKE = frozenset({"attribute", "data", "property"})


def _keep_attribute_docstring(  # noqa: PLR0917 - the signature of a Sphinx event
    app: Sphinx, what: str, name: str, obj: object, options: object, lines: list[str]
) -> None:
    if what in _ATTRIBUTE_LIKE:
        _KEPT[name] = list(lines)


def _restore_attribute_docstring(  # noqa: PLR0917 - the signature of a Sphinx event
    app: Sphinx, what: str, name: str, obj: object, options: object, lines: list[str]
) -> None:
    if what in _ATTRIBUTE_LIKE and name in _KEPT:
        lines[:] = _KEPT.pop(name)


def _tidy_signature(  # noqa: PLR0917 - the signature of a Sphinx event
    app: Sphinx,
    what: str,
    name: str,
    obj: object,
    options: object,
    signature: str | None,
    return_annotation: str | None,
) -> tuple[str | None, str | None] | None:
    """Show the model's tuple fields as taking any iterable.

    The attrs converter that freezes sequences into tuples is typed with a
    private type variable, which would otherwise leak into the signatures.
    """
    if signature and "communique.model._T" in signature:
        return re.sub(r"\[~?communique\.model\._T\]", "", signature), return_annotation
    return None


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("autodoc-process-signature", _tidy_signature)
    app.connect("missing-reference", _resolve_public_name)
    # Napoleon listens at the default priority, 500: one hook runs before it, one after.
    app.connect("autodoc-process-docstring", _keep_attribute_docstring, priority=400)
    app.connect("autodoc-process-docstring", _restore_attribute_docstring, priority=600)
    return {"parallel_read_safe": True}
