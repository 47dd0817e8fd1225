"""The Spanish catalogues are complete, keep every placeholder and match the source.

After adding or changing strings, in ``wagtail_spcp/`` and in ``site/spcp_demo/``:
``django-admin makemessages -l es --no-wrap``, translate what is new or fuzzy, then
``msgfmt --check -o django.mo django.po`` in ``locale/es/LC_MESSAGES/``.
"""

import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import polib
import pytest

from tests.utils import require

ROOT = Path(__file__).resolve().parents[2]

# Each folder that makemessages runs in; its catalogue is locale/es/LC_MESSAGES/django.po.
SOURCE_DIRS = {
    "app": ROOT / "wagtail_spcp",
    "demo": ROOT / "site" / "spcp_demo",
}

# The files makemessages reads for the "django" domain.
SOURCE_SUFFIXES = {".py", ".html", ".txt"}

# printf-style (python-format) and str.format-style (python-brace-format) placeholders.
PERCENT = re.compile(r"%(?:\([^)]*\))?[#0+\-]*(?:\d+|\*)?(?:\.\d+)?[diouxXeEfFgGcrsa%]")
BRACE = re.compile(r"\{[^{}\s]*\}")
HTML_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)")


def catalogue_path(source_dir: Path) -> Path:
    return source_dir / "locale" / "es" / "LC_MESSAGES" / "django.po"


def load(source_dir: Path) -> polib.POFile:
    return polib.pofile(str(catalogue_path(source_dir)), wrapwidth=0)


def live_entries(catalogue):
    return [entry for entry in catalogue if not entry.obsolete]


def describe(entry) -> str:
    where = entry.occurrences[0][0] if entry.occurrences else "?"
    context = f"[{entry.msgctxt}] " if entry.msgctxt else ""
    return f"{where}: {context}{entry.msgid!r}"


def tokens(text: str) -> Counter:
    """Placeholders and HTML tag names, counted: a translation keeps the same ones."""
    found = PERCENT.findall(text) + BRACE.findall(text)
    found += [f"<{name.lower()}>" for name in HTML_TAG.findall(text)]
    return Counter(found)


def translations(entry):
    """Each translation of ``entry`` with the English text it must match."""
    if entry.msgid_plural:
        for index, text in sorted(entry.msgstr_plural.items()):
            yield text, entry.msgid if index == 0 else entry.msgid_plural
    else:
        yield entry.msgstr, entry.msgid


def nplurals(catalogue) -> int:
    match = re.search(r"nplurals\s*=\s*(\d+)", catalogue.metadata.get("Plural-Forms", ""))
    assert match, "the catalogue's header has no Plural-Forms"
    return int(match.group(1))


@pytest.fixture(params=sorted(SOURCE_DIRS), ids=str)
def source_dir(request) -> Path:
    return SOURCE_DIRS[request.param]


def test_every_entry_is_translated(source_dir):
    entries = live_entries(load(source_dir))
    fuzzy = [describe(e) for e in entries if "fuzzy" in e.flags]
    untranslated = [describe(e) for e in entries if "fuzzy" not in e.flags and not e.translated()]
    assert not (untranslated or fuzzy), (
        "untranslated:\n"
        + "\n".join(untranslated)
        + "\nfuzzy (check the translation, then remove the flag):\n"
        + "\n".join(fuzzy)
    )


def test_plural_entries_have_every_form(source_dir):
    catalogue = load(source_dir)
    forms = nplurals(catalogue)
    wrong = [
        f"{describe(e)} has {len(e.msgstr_plural)} forms, not {forms}"
        for e in live_entries(catalogue)
        if e.msgid_plural and sorted(e.msgstr_plural) != list(range(forms))
    ]
    assert not wrong, "\n".join(wrong)


def test_translations_keep_placeholders_and_tags(source_dir):
    problems = []
    for entry in live_entries(load(source_dir)):
        for text, english in translations(entry):
            if text and tokens(text) != tokens(english):
                expected = sorted(tokens(english).elements())
                got = sorted(tokens(text).elements())
                problems.append(f"{describe(entry)}\n    expected {expected}, got {got}")
    assert not problems, "placeholders or tags differ:\n" + "\n".join(problems)


def test_compiled_catalogue_matches_the_po_file(source_dir):
    po_path = catalogue_path(source_dir)
    compiled = polib.mofile(str(po_path.with_suffix(".mo")))
    have = {(e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural) for e in compiled if e.msgid}
    want = {
        (e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural)
        for e in live_entries(load(source_dir))
        if e.translated() and "fuzzy" not in e.flags
    }
    stale = sorted(
        repr(key[1]) for key in have.keys() | want.keys() if have.get(key) != want.get(key)
    )
    assert not stale, (
        f"django.mo is out of date; cd {po_path.parent.relative_to(ROOT)} &&"
        " msgfmt --check -o django.mo django.po\n" + "\n".join(stale)
    )


def test_catalogue_has_every_string_of_the_source(source_dir, tmp_path):
    require(
        shutil.which("xgettext") is not None,
        "needs GNU gettext (xgettext) for makemessages",
    )
    copy = tmp_path / source_dir.name
    shutil.copytree(
        source_dir,
        copy,
        ignore=lambda folder, names: [
            name
            for name in names
            if name in ("__pycache__", "locale", "node_modules")
            or (Path(folder, name).is_file() and Path(name).suffix not in SOURCE_SUFFIXES)
        ],
    )
    (copy / "locale").mkdir()
    # Run as documented, outside any settings: with settings, LOCALE_PATHS would point
    # makemessages at the real catalogues.
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    subprocess.run(  # noqa: S603 - fixed local command
        [sys.executable, "-m", "django", "makemessages", "-l", "es", "--no-wrap", "-v", "0"],
        cwd=copy,
        env=env,
        check=True,
        capture_output=True,
        timeout=120,
    )
    fresh = polib.pofile(str(catalogue_path(copy)), wrapwidth=0)

    def keys(catalogue):
        return {(e.msgctxt, e.msgid, e.msgid_plural) for e in live_entries(catalogue)}

    missing = keys(fresh) - keys(load(source_dir))
    listed = "\n".join(
        f"{describe(e)}"
        for e in live_entries(fresh)
        if (e.msgctxt, e.msgid, e.msgid_plural) in missing
    )
    assert not missing, (
        f"strings in the source but not in {catalogue_path(source_dir).relative_to(ROOT)};"
        f" run `django-admin makemessages -l es --no-wrap` in {source_dir.relative_to(ROOT)}/"
        f" and translate them:\n{listed}"
    )
