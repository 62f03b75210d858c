"""The convert command over files, folders, globs, feeds and processes, run for real in a subprocess."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from tests.shared import shared_path
from tests.test_cli import assert_no_traceback, cli

FIXTURES = Path(__file__).parent / "fixtures"
RELEASES = FIXTURES / "cli" / "releases"
FEEDS = FIXTURES / "feeds"


def _tree(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


@pytest.fixture
def bad_folder(tmp_path) -> Path:
    """A folder with one good release and every kind of bad input."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-good.txt").write_bytes((RELEASES / "en" / "harbourview.txt").read_bytes())
    (folder / "b-empty.txt").write_bytes(b"")
    (folder / "c-binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "d-latin1.json").write_bytes('{"headline": "Café"}'.encode("latin-1"))
    (folder / "e-truncated.xml").write_bytes(b'<?xml version="1.0"?>\n<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/">')
    shutil.copy(FEEDS / "broken-entry.rss", folder / "f-broken.rss")
    (folder / "g-good.md").write_bytes((RELEASES / "fr" / "saint-aubrac.md").read_bytes())
    return folder


class TestInputs:
    def test_folder_to_mirrored_folder(self, tmp_path):
        """A folder is walked recursively; the output folder mirrors its names with the new extension."""
        out = tmp_path / "out"
        result = cli("convert", str(RELEASES), "--to", "json", "-o", str(out))
        assert (0, ["drafts/unfinished.json", "en/harbourview.json", "fr/saint-aubrac.json"]) == (
            result.returncode, _tree(out))

    def test_outputs_are_native_json(self, tmp_path):
        """Each mirrored output is the release's native JSON."""
        out = tmp_path / "out"
        cli("convert", str(RELEASES), "--to", "json", "-o", str(out))
        headline = json.loads((out / "en" / "harbourview.json").read_text(encoding="utf-8"))["headline"]
        assert "Harbourview Ferries adds a night crossing to Kestrel Island" == headline

    def test_exclude(self, tmp_path):
        """--exclude leaves out matching folders."""
        out = tmp_path / "out"
        cli("convert", str(RELEASES), "--to", "json", "-o", str(out), "--exclude", "drafts")
        assert ["en/harbourview.json", "fr/saint-aubrac.json"] == _tree(out)

    def test_include(self, tmp_path):
        """--include keeps only matching files."""
        out = tmp_path / "out"
        cli("convert", str(RELEASES), "--to", "json", "-o", str(out), "--include", "*.md")
        assert ["fr/saint-aubrac.json"] == _tree(out)

    def test_glob(self, tmp_path):
        """A glob names files; outputs mirror their paths below the glob's fixed part."""
        out = tmp_path / "out"
        result = cli("convert", str(RELEASES / "**" / "*.txt"), "--to", "json", "-o", str(out))
        assert (0, ["drafts/unfinished.json", "en/harbourview.json"]) == (result.returncode, _tree(out))

    def test_glob_without_match(self, tmp_path):
        """A glob that matches nothing is an I/O error naming it, and the other inputs are still converted."""
        out = tmp_path / "out"
        pattern = str(tmp_path / "*.nothing")
        result = cli("convert", pattern, str(RELEASES / "en" / "harbourview.txt"), "--to", "json", "-o", str(out))
        assert (2, ["harbourview.json"]) == (result.returncode, _tree(out))
        assert f"communique: error: {pattern}: no file matches this pattern".encode() in result.stderr

    def test_stdin_to_stdout(self):
        """- reads standard input, with --from, and writes standard output."""
        data = (RELEASES / "en" / "harbourview.txt").read_bytes()
        result = cli("convert", "-", "--from", "text", "--to", "json", stdin=data)
        assert (0, "en") == (result.returncode, json.loads(result.stdout)["language"])

    def test_unknown_extension_named(self, tmp_path):
        """An explicitly named file whose format cannot be told is an error naming it; the others go on."""
        result = cli("convert", str(RELEASES / "en" / "notes.docx"), str(RELEASES / "en" / "harbourview.txt"),
                     "--to", "json", "-o", str(tmp_path / "out"))
        assert (2, ["harbourview.json"]) == (result.returncode, _tree(tmp_path / "out"))
        assert b"notes.docx" in result.stderr


class TestOutputs:
    @pytest.mark.parametrize(("target", "marker"), [("text", b"Harbourview Ferries adds"),
                                                    ("markdown", b"# Harbourview Ferries adds"),
                                                    ("html", b"<h1>Harbourview Ferries adds"),
                                                    ("newsml", b"<newsItem")])
    def test_every_writer(self, target, marker):
        """Every writable format can be the target."""
        result = cli("convert", str(RELEASES / "en" / "harbourview.txt"), "--to", target)
        assert (0, True) == (result.returncode, marker in result.stdout)

    def test_feed_cannot_be_written(self):
        """A read-only format as --to is a usage error."""
        assert 2 == cli("convert", str(RELEASES / "en" / "harbourview.txt"), "--to", "feed").returncode

    def test_existing_output_folder(self, tmp_path):
        """An existing folder as -o takes a single input's output under the input's name."""
        out = tmp_path / "out"
        out.mkdir()
        cli("convert", str(RELEASES / "en" / "harbourview.txt"), "--to", "markdown", "-o", str(out))
        assert ["harbourview.md"] == _tree(out)

    def test_collision_refused(self, tmp_path):
        """Two inputs that would write the same output: the second is refused, the first is written."""
        folder = tmp_path / "in"
        folder.mkdir()
        (folder / "a.txt").write_bytes((RELEASES / "en" / "harbourview.txt").read_bytes())
        (folder / "a.md").write_bytes((RELEASES / "fr" / "saint-aubrac.md").read_bytes())
        out = tmp_path / "out"
        result = cli("convert", str(folder), "--to", "json", "-o", str(out))
        assert (2, ["a.json"]) == (result.returncode, _tree(out))
        assert b"refusing to overwrite" in result.stderr

    def test_output_folder_inside_input_is_skipped(self, tmp_path):
        """An output folder inside the input folder is not read as input on a second run."""
        folder = tmp_path / "in"
        shutil.copytree(RELEASES / "en", folder)
        for _ in range(2):
            result = cli("convert", str(folder), "--to", "markdown", "-o", str(folder / "out"))
        assert (0, ["harbourview.txt", "notes.docx", "out/harbourview.md"]) == (result.returncode, _tree(folder))

    def test_output_folder_same_as_input_refused(self, tmp_path):
        """The output folder may not be an input folder."""
        folder = tmp_path / "in"
        shutil.copytree(RELEASES / "en", folder)
        result = cli("convert", str(folder), "--to", "json", "-o", str(folder))
        assert (2, ["harbourview.txt", "notes.docx"]) == (result.returncode, _tree(folder))

    def test_never_overwrites_another_input(self, tmp_path):
        """An output whose name is another input of the run is refused, and that input is left alone."""
        (tmp_path / "in").mkdir()
        (tmp_path / "out").mkdir()
        (tmp_path / "in" / "one.txt").write_bytes((RELEASES / "en" / "harbourview.txt").read_bytes())
        (tmp_path / "out" / "one.md").write_bytes(b"original")
        result = cli("convert", str(tmp_path / "in" / "one.txt"), str(tmp_path / "out" / "one.md"),
                     "--to", "markdown", "-o", str(tmp_path / "out"))
        assert (2, b"original") == (result.returncode, (tmp_path / "out" / "one.md").read_bytes())
        assert b"refusing to overwrite" in result.stderr

    def test_no_temporary_files_left(self, tmp_path):
        """Atomic writes leave only the outputs behind."""
        out = tmp_path / "out"
        cli("convert", str(RELEASES), "--to", "html", "-o", str(out))
        assert all(not name.split("/")[-1].startswith(".") for name in _tree(out))


class TestFeeds:
    def test_feed_to_stdout(self):
        """A feed converts to one output per entry, one after the other."""
        result = cli("convert", str(FEEDS / "releases.atom"), "--to", "markdown")
        headlines = [line for line in result.stdout.decode().splitlines() if line.startswith("# ")]
        assert (0, ["# La médiathèque ouvre le dimanche", "# Travaux rue des Tanneurs",
                    "# Conseil municipal du 12 mars"]) == (result.returncode, headlines)

    def test_feed_to_folder(self, tmp_path):
        """In a folder, a feed's entries go to <feed name>/<n>.<ext>."""
        out = tmp_path / "out"
        result = cli("convert", str(FEEDS / "releases.atom"), "--to", "json", "-o", f"{out}/")
        assert (0, ["releases/1.json", "releases/2.json", "releases/3.json"]) == (result.returncode, _tree(out))

    def test_feed_to_one_file_refused(self, tmp_path):
        """Several releases cannot go to one file: nothing is written."""
        target = tmp_path / "one.json"
        result = cli("convert", str(FEEDS / "releases.rss"), "--to", "json", "-o", str(target))
        assert (2, False) == (result.returncode, target.exists())
        assert b"give a folder" in result.stderr

    def test_xml_feed_sniffed(self, tmp_path):
        """A feed saved as .xml is recognised as a feed, not NewsML-G2."""
        feed = tmp_path / "news.xml"
        feed.write_bytes((FEEDS / "releases.rss").read_bytes())
        result = cli("convert", str(feed), "--to", "json", "-o", f"{tmp_path / 'out'}/")
        assert (0, ["news/1.json", "news/2.json"]) == (result.returncode, _tree(tmp_path / "out"))

    def test_broken_entry(self, tmp_path):
        """A broken entry: one line naming the feed and its line; the other entries are converted; exit 1."""
        out = tmp_path / "out"
        result = cli("convert", str(FEEDS / "broken-entry.rss"), "--to", "json", "-o", f"{out}/")
        lines = result.stderr.decode().splitlines()
        assert (1, ["broken-entry/1.json", "broken-entry/3.json"]) == (result.returncode, _tree(out))
        expected = (f"{FEEDS / 'broken-entry.rss'}:13: error: feed-entry-unreadable: entry 2: "
                    "the entry has neither a title nor any content")
        assert [expected] == lines


class TestBadInputs:
    def test_every_bad_input_one_line(self, bad_folder, tmp_path):
        """Each bad input gives one line naming it, no traceback, and the good files are still converted."""
        out = tmp_path / "out"
        result = cli("convert", str(bad_folder), "--to", "json", "-o", str(out), "-q")
        lines = result.stderr.decode().splitlines()
        named = sorted({Path(line.split(":")[0]).name for line in lines})
        assert (1, ["a-good.json", "f-broken/1.json", "f-broken/3.json", "g-good.json"]) == (
            result.returncode, _tree(out))
        assert ["b-empty.txt", "c-binary.txt", "d-latin1.json", "e-truncated.xml", "f-broken.rss"] == named
        assert 5 == len(lines)
        assert_no_traceback(result)

    def test_messages(self, bad_folder, tmp_path):
        """The bad inputs' lines say what is wrong with each."""
        result = cli("convert", str(bad_folder), "--to", "json", "-o", str(tmp_path / "out"), "-q")
        codes = [line.split(": ")[2] for line in result.stderr.decode().splitlines()]
        assert ["empty", "binary", "syntax", "syntax", "feed-entry-unreadable"] == codes

    def test_missing_file_among_others(self, tmp_path):
        """A missing file is an I/O error (exit 2) naming it; the other files are still converted."""
        missing = tmp_path / "missing.txt"
        out = tmp_path / "out"
        result = cli("convert", str(missing), str(RELEASES / "en" / "harbourview.txt"), "--to", "json", "-o", str(out))
        assert (2, ["harbourview.json"]) == (result.returncode, _tree(out))
        assert f"communique: error: {missing}: cannot read: No such file or directory".encode() in result.stderr

    @pytest.mark.skipif(sys.platform == "win32", reason="needs POSIX permissions")
    def test_unreadable_folder(self):
        """A folder that cannot be read is an I/O error naming it; the rest of the tree is converted."""
        # Root reads any folder: run the command as nobody, in a folder nobody may enter.
        prefix: list[str] = []
        if os.geteuid() == 0:
            setpriv = shutil.which("setpriv")
            if setpriv is None:
                pytest.skip("running as root without setpriv: no folder can be made unreadable")
            prefix = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]
            probe = subprocess.run([*prefix, sys.executable, "-c", "import communique"], capture_output=True,
                                   check=False, timeout=60)
            if probe.returncode != 0:
                pytest.skip("the unprivileged user cannot run this interpreter or import the package here")
        base = Path(tempfile.mkdtemp())
        try:
            base.chmod(0o777)
            folder = base / "in"
            shutil.copytree(RELEASES, folder)
            (folder / "b-locked").mkdir()
            (folder / "b-locked").chmod(0)
            result = subprocess.run([*prefix, sys.executable, "-m", "communique", "convert", str(folder), "--to",
                                     "json", "-o", str(base / "out")], capture_output=True, check=False, timeout=60)
            assert (2, 3) == (result.returncode, len(_tree(base / "out")))
            assert f"communique: error: {folder / 'b-locked'}: cannot read folder: Permission denied".encode() in (
                result.stderr)
        finally:
            (base / "in" / "b-locked").chmod(0o755)
            shutil.rmtree(base)

    def test_unwritable_output_folder(self, tmp_path):
        """An output folder that cannot be created is an I/O error per file, without a traceback."""
        blocker = tmp_path / "file"
        blocker.write_bytes(b"")
        result = cli("convert", str(RELEASES), "--to", "json", "-o", f"{blocker}/out/")
        assert 2 == result.returncode
        assert_no_traceback(result)


class TestRun:
    def test_summary_for_folders(self, tmp_path):
        """A folder run ends with a one-line summary on standard error."""
        result = cli("convert", str(RELEASES), "--to", "json", "-o", str(tmp_path / "out"))
        assert [b"communique: converted 3 files into 3 outputs: no problems"] == result.stderr.splitlines()

    def test_quiet(self, tmp_path):
        """-q leaves out the summary."""
        result = cli("convert", str(RELEASES), "--to", "json", "-o", str(tmp_path / "out"), "-q")
        assert (0, b"") == (result.returncode, result.stderr)

    def test_no_progress_off_terminal(self, tmp_path):
        """Off a terminal, no progress line is drawn (no carriage return)."""
        result = cli("convert", str(RELEASES), "--to", "json", "-o", str(tmp_path / "out"))
        assert b"\r" not in result.stderr

    @pytest.mark.parametrize("jobs", ["-1", "x"])
    def test_bad_jobs(self, jobs):
        """--jobs takes a number of processes."""
        assert 2 == cli("convert", str(RELEASES), "--to", "json", "--jobs", jobs).returncode

    def test_jobs_same_output(self, tmp_path, bad_folder):
        """--jobs 3 gives the same stdout, stderr and exit code as --jobs 1, with feeds and bad files mixed in."""
        runs = [cli("convert", str(bad_folder), str(RELEASES), str(FEEDS), "--to", "json", "-j", jobs)
                for jobs in ("1", "3")]
        assert (runs[0].returncode, runs[0].stdout, runs[0].stderr) == (
            runs[1].returncode, runs[1].stdout, runs[1].stderr)

    def test_corpus_jobs_identical(self, tmp_path):
        """Converting the whole shared corpus folder with --jobs 2 is byte for byte the run with --jobs 1."""
        corpus = shared_path("corpus")
        outputs = []
        for jobs in ("1", "2"):
            out = tmp_path / f"out{jobs}"
            result = cli("convert", str(corpus), "--to", "json", "-o", str(out), "--jobs", jobs)
            outputs.append((result.returncode, result.stderr,
                            {name: (out / name).read_bytes() for name in _tree(out)}))
        assert outputs[0] == outputs[1]
        assert len(outputs[0][2]) > 20

    def test_corpus_jobs_identical_stdout(self):
        """The corpus converted to standard output is the same with 1 and 2 processes."""
        corpus = shared_path("corpus")
        runs = [cli("convert", str(corpus), "--to", "markdown", "--exclude", "*.expected.json", "-j", jobs)
                for jobs in ("1", "2")]
        assert (0, runs[0].stdout) == (runs[1].returncode, runs[1].stdout)
