"""Reading files and YAML (microcred.reading): one set of clear messages, in en, fi and sv."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

import microcred
from microcred.errors import UserError
from microcred.reading import expect, parse_yaml, read_text, safe_load
from tests.helpers.cli_fuzz import Fuzzer, damaged_text


def test_text_is_read_without_its_byte_order_mark(tmp_path):
    (tmp_path / "a.yaml").write_text("\ufeffa: 1\n", encoding="utf-8")
    assert read_text(tmp_path / "a.yaml") == "a: 1\n"


@pytest.mark.parametrize("lang, words", [
    ("en", ["no such file", "is a folder", "too large", "not UTF-8"]),
    ("fi", ["tiedostoa ei ole", "on kansio", "liian suuri", "UTF-8"]),
    ("sv", ["filen finns inte", "är en mapp", "för stor", "UTF-8"]),
])
def test_what_cannot_be_read_says_why_in_the_language(tmp_path, lang, words):
    (tmp_path / "big.txt").write_text("x" * 101, encoding="utf-8")
    (tmp_path / "bin.txt").write_bytes(b"\xff\xfe\x00\x81")
    cases = [lambda: read_text(tmp_path / "none.txt", lang), lambda: read_text(tmp_path, lang),
             lambda: read_text(tmp_path / "big.txt", lang, max_bytes=100),
             lambda: read_text(tmp_path / "bin.txt", lang)]
    for case, word in zip(cases, words):
        with pytest.raises(UserError, match=word):
            case()


@pytest.mark.parametrize("text, words", [
    ("a:\n  b: 1\n\tc: 2\n", ["x.yaml, line 3", "tab"]),
    ("title: 'open\nnext: 2\n", ["x.yaml, line 1 (to line 3)", "quotes"]),
    ("a: [1, 2\n", ["line 1 (to line 2)"]),
])
def test_broken_yaml_names_the_lines_and_what_to_check(text, words):
    with pytest.raises(UserError) as err:
        parse_yaml(text, "x.yaml")
    for word in words:
        assert word in str(err.value)
    with pytest.raises(UserError, match="rivi"):
        parse_yaml(text, "x.yaml", "fi")


def test_yaml_is_read_with_the_safe_loader():
    assert parse_yaml("\ufeffa: [1, 2]\n", "x") == {"a": [1, 2]}
    with pytest.raises(UserError):
        parse_yaml("!!python/object/apply:os.system ['true']\n", "x")


def _outcome(load, text):
    """What ``load(text)`` gives: the data, or the kind and words of its error."""
    try:
        return ("data", repr(load(text)))
    except RecursionError:
        return ("too deep",)
    except yaml.YAMLError as exc:
        return ("yaml error", str(exc))


ODD_CHARACTERS = ["\x85", "\u2028", "\u2029", "\ufeff", "\x00", "\x07", "\x1b", "\x7f", "\x9f",
                  "\ud800", "\U0001F600", "\r", "\r\n", "\x0b", "\xa0", "\ue000", "\ufffe", "\t"]
PLACES = ["a: {c}b\n", "a: b{c}\n", "- {c}\n", "a: '{c}'\n", 'a: "{c}"\n', "a:\n  - x{c}y\n",
          "{c}a: 1\n", "a: |\n  x{c}\n", "# {c}\na: 1\n", "a: 1{c}b: 2\n", 'a: "\\{c}"']


@pytest.mark.parametrize("place", PLACES)
def test_safe_load_reads_odd_characters_as_pyyaml_safe_load(place):
    for c in ODD_CHARACTERS:
        text = place.format(c=c)
        assert _outcome(safe_load, text) == _outcome(yaml.safe_load, text), repr(text)


def test_safe_load_reads_damaged_files_as_pyyaml_safe_load(tmp_path):
    """The C parser's data or the pure parser's errors: the same as yaml.safe_load on the CLI
    fuzz's damaged files (tabs, cut texts, alias bombs, huge numbers and texts ...)."""
    fuzzer = Fuzzer(tmp_path, seed=16)
    kinds = sorted(fuzzer.seeds)
    compared = 0
    while compared < 150:
        path = Path(fuzzer.file(fuzzer.rng.choice(kinds), fuzzer.rng.choice([".yaml", ".json"])))
        text = path.read_text(encoding="utf-8", errors="surrogatepass")
        if fuzzer.rng.random() < 0.5:
            text = damaged_text(text, fuzzer.rng)
        if text.startswith(DEEP[:20]):
            continue  # the pure parser takes half a second on each: the test below, once
        assert _outcome(safe_load, text) == _outcome(yaml.safe_load, text), repr(text[:300])
        compared += 1


DEEP = "a: " + "[" * 5000 + "]" * 5000  # the fuzz's nesting (tests/helpers/cli_fuzz.py)


@pytest.mark.parametrize("text", [DEEP, "a:\n" + "".join(" " * n + "- \n" for n in range(1200))])
def test_safe_load_refuses_deep_nesting_as_pyyaml_safe_load(text):
    assert _outcome(safe_load, text) == _outcome(yaml.safe_load, text) == ("too deep",)


def test_expect_raises_the_message():
    expect(True, "never")
    with pytest.raises(ValueError, match="must be a list"):
        expect(False, "must be a list")


# --- no second reader ---------------------------------------------------------------------------

# Wording a YAML error or a missing file by hand: microcred.reading does it, in three languages.
# (Quietly probing a file, catching UnicodeDecodeError and moving on, is allowed.)
_HAND_MADE = re.compile(r"problem_mark|context_mark|not valid YAML|no such file\"")
# Modules that may, and why.
ALLOWED = {
    "reading.py": "the reader itself",
    "trainer/vet.py": "reads participants' notebooks (nbformat), reporting each as a finding",
}


def test_no_module_words_read_errors_by_hand():
    package = Path(microcred.__file__).parent
    found = []
    for path in sorted(package.rglob("*.py")):
        rel = path.relative_to(package).as_posix()
        if rel in ALLOWED:
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if _HAND_MADE.search(line):
                found.append(f"microcred/{rel}:{n}: {line.strip()}")
    assert found == [], "use microcred.reading (read_text, parse_yaml) instead:\n" + "\n".join(found)
    assert all((package / rel).exists() for rel in ALLOWED)
