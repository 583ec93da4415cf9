"""List-form outcomes ("Opiskelija osaa: - kuvata ...") read into items with a shared opening."""

from __future__ import annotations

import re

from ..lexicon import Lexicon, Token
from ._frames import _ability_frame

# Bullets, "1." "1)" "a)", "(a)" "(1)" "(iv)" and "LO1" as catalogues number their items.
_ITEM_START = re.compile(r"^\s*(?:[-•*–·▪]|\d+[.)]?(?=\s)|[a-z][.)]|\((?:\d+|[a-z]|[ivx]+)\)"
                         r"|(?:LO|ILO|CLO|MLO|PLO)\s?\d+[.):]?(?=\s))\s*")  # "LO1 Demonstrate ..."
_BULLETED = re.compile(r"\s*(?:[•·▪]|[-–]\s|\d+[.)]\s)")  # a one-line list that marks its items
_INLINE_CUT = re.compile(r";|•|\s[-–]\s|\s\d+[.)]\s|\s\((?:\d+|[a-z]|[ivx]+)\)\s")


def _list_items(text: str, lex: Lexicon) -> list[tuple[int, str, int]]:
    """The items of a list-form outcome, each as (length of the shared opening, opening + item,
    where the item starts in ``text``); [] for an outcome that is not a list. A list is either
    lines (bulleted, numbered, or each starting with a verb) under an opening line ("Opiskelija
    osaa:", "Efter avslutad kurs ska studenten kunna"), or one line "be able to: assess X,
    analyse Y" (a comma or "and" starts an item only before a verb)."""
    if "\n" in text:
        return _line_items(text, lex)
    colon = text.find(":")
    if colon < 0 and text.count("•") >= 2:
        colon = text.find("•") - 1  # "the students should • Possess ... • Be able to ...": no colon
    if colon < 0:
        return _semicolon_items(text, lex)
    head = text[:colon].rstrip()
    tokens = lex.tokens(head)
    frame = _ability_frame(head, tokens, lex, [])
    rest = text[colon + 1 :]
    # "förväntas de studerande: - kunna ... - kunna", "... expected to: assess X; analyse Y"
    bulleted = _BULLETED.match(rest) is not None or ";" in rest
    if not bulleted and (frame is None or frame[1] != len(tokens)):
        return []
    pieces, begin = [], 0
    for m in _cuts(rest, lex):
        pieces.append((begin, m.start()))
        begin = m.end()
    pieces.append((begin, len(rest)))
    items = [_item(head, rest, a, b, colon + 1, _joiner(head, lex, rest[a:b])) for a, b in pieces]
    found = [item for item in items if item is not None]
    return found if len(found) >= 2 else []


def _learner_opens(line: str, lex: Lexicon) -> int | None:
    """Where the learner who opens a line ends ("The student", "The students will ..."): the
    end of a learner word among its first three words, else None."""
    words = [tok for tok in lex.tokens(line) if tok.is_word][:3]
    return next((tok.end for tok in words if tok.text in lex.subjects), None)


def _semicolon_items(text: str, lex: Lexicon) -> list[tuple[int, str, int]]:
    """One line of outcomes parted by ";" after the learner ("The student is familiar with X;
    considers Y; can plan Z"): each part continues "The student"."""
    parts = text.split(";")
    end = _learner_opens(parts[0], lex)
    if len(parts) < 2 or end is None or not all(
            _starts_with_verb(lex.tokens(part), lex, True) or _learner_opens(part, lex) is not None
            for part in parts[1:] if part.strip()):
        return []
    head = text[:end]
    items, begin = [], end
    for part in text[end:].split(";"):
        items.append(_item(head, text, begin, begin + len(part), 0))
        begin += len(part) + 1
    found = [item for item in items if item is not None]
    return found if len(found) >= 2 else []


def _cuts(rest: str, lex: Lexicon) -> list[re.Match[str]]:
    """Where the items of a one-line list part: ";", bullets, numbers; commas and "and" only
    before a verb."""
    pattern = _INLINE_CUT.pattern + "|,"
    if lex.and_words:
        pattern += r"|\s(?:" + "|".join(map(re.escape, sorted(lex.and_words))) + r")\s"
    marked = list(_INLINE_CUT.finditer(rest))
    if marked:  # "1. ...; 2. ...": the author's own separators, and only those
        return marked
    cuts = [m for m in re.finditer(pattern, rest)
            if _starts_with_verb(lex.tokens(rest[m.end():][:80]), lex)]
    commas = [m for m in cuts if m.group(0) == ","]
    # "beskriva X samt föreslå Y, urskilja Z": with commas between the items, "och"/"samt"
    # joins two verbs of one item
    return commas if len(commas) >= 2 else cuts


def _line_items(text: str, lex: Lexicon) -> list[tuple[int, str, int]]:
    """Items of a list written one a line (see ``_list_items``); headings such as "Kunskap och
    förståelse" between them are not outcomes and are left out."""
    lines: list[tuple[int, str]] = []
    pos = 0
    for line in text.split("\n"):
        if lines and _continues(lines[-1][1], line, lex):
            lines[-1] = (lines[-1][0], f"{lines[-1][1]}\n{line}")  # a wrapped line
        else:
            lines.append((pos, line))
        pos += len(line) + 1
    marked = [bool(_ITEM_START.match(line)) and len(_ITEM_START.sub("", line)) > 0
              for _p, line in lines]
    if any(marked):
        first = marked.index(True)
        candidates = [i for i in range(first, len(lines)) if marked[i]]
    elif len(lines) > 1 and all(_learner_opens(line, lex) is not None for _p, line in lines):
        first, candidates = 0, list(range(len(lines)))  # "The students will be able to ..." a line
    else:
        colons = [n for n, (_p, line) in enumerate(lines[:3]) if line.rstrip().endswith(":")]
        first = colons[-1] + 1 if colons else (
            0 if _starts_with_verb(lex.tokens(lines[0][1]), lex, True) else 1)
        candidates = list(range(first, len(lines)))
        if not all(_starts_with_verb(lex.tokens(lines[i][1]), lex, True)
                   or (colons and (lines[i][1][:1].isupper() or lines[i][1].rstrip().endswith(";")))
                   for i in candidates):  # "... redogöra för:" + "den politiska styrelsen ...;"
            return []  # after "... be able to:" a capital letter starts an item too
    head = _opening(lines[:first], lex)
    if all(_starts_with_verb(lex.tokens(_ITEM_START.sub("", lines[i][1])), lex) for i in candidates):
        head = _frame_end(head, lex)
    colon = any(line.rstrip().endswith(":") for _p, line in lines[:first])
    if head and not colon and _ability_frame(head, lex.tokens(head), lex, []) is None and _learner_opens(
            head, lex) is None and not any(tok.text in lex.subjects for tok in lex.tokens(head)) and any(
            _starts_with_verb(lex.tokens(_ITEM_START.sub("", lines[i][1])), lex, True)
            or _learner_opens(_ITEM_START.sub("", lines[i][1]), lex) is not None
            for i in candidates):
        head = ""  # "Having completed this study unit" + "• You understand ...": a preamble
    items = [_item(head, text, p, p + len(line), 0, _joiner(head, lex, line)) for p, line in
             (lines[i] for i in candidates)]
    found = [item for item in items if item is not None]
    # one bulleted line under an opening ("... should be able to:" then "• retrieve ...") is a
    # list of one: the entry is still analysed with its opening
    single = len(found) == 1 and any(marked) and bool(head) and len(candidates) == 1
    return found if len(found) >= 2 or single else []


def _frame_end(head: str, lex: Lexicon) -> str:
    """The opening up to its ability frame when only an adverbial follows the frame ("förväntas
    studenten kunna att utifrån forskning som presenteras i kursen:" + "Reflektera över ..."):
    the items' verbs are the frame's."""
    tokens = lex.tokens(head)
    frame = _ability_frame(head, tokens, lex, [])
    if frame is None or frame[1] >= len(tokens) or any(
            tokens[k].is_word and lex.match_at(tokens, k) is not None
            and not lex.is_passive(tokens, k) for k in range(frame[1], len(tokens))):
        return head
    return head[:tokens[frame[1] - 1].end]


def _continues(previous: str, line: str, lex: Lexicon) -> bool:
    """Is ``line`` the rest of the item above it, wrapped (catalogues copied from PDFs)? It is
    when the line above stops at "and" or a preposition, or when this line starts in lower case
    with no bullet and no verb ("for collection, processing and analysis of data")."""
    if _ITEM_START.match(line) or previous.rstrip().endswith((":", ";")):
        return False  # a line ending in ";" ends its item
    if line[:1] in "/(,&+":
        return True  # "... of an interview" + "/discussion, report on ...": one item wrapped
    words = previous.split()
    if words and (words[-1].lower() in lex.and_words | lex.prepositions):
        return True
    tokens = lex.tokens(line)
    entry = lex.match_at(tokens, 0) if tokens and tokens[0].is_word else None
    verb = _starts_with_verb(tokens, lex, True) and not (
        lex.uses_position and entry is not None and tokens[0].text != entry.words[0])
    return line[:1].islower() and not verb  # "questions for your thesis": no item of its own


def _opening(lines: list[tuple[int, str]], lex: Lexicon) -> str:
    """The shared opening of a list: the last line before the items that ends in ":" or holds a
    frame or a subject ("Opiskelija osaa", "The student:"), else the first; headings are not."""
    texts = [" ".join(line.split()).rstrip(" :;") for _p, line in lines]  # wrapped: one line
    for line in reversed(texts):
        tokens = lex.tokens(line)
        if _ability_frame(line, tokens, lex, []) is not None or any(
            stem.match(line.lower()) for stem in lex.stems
        ):
            return line
    return texts[0] if texts and not _is_heading(texts[0]) else ""


def _is_heading(line: str) -> bool:
    """A heading inside a list ("Kunskap och förståelse", "Skills"): short, no verb sought."""
    return len(line.split()) <= 4


def _joiner(head: str, lex: Lexicon, body: str = "") -> str:
    """What joins the opening to an item: a space, as the item continues the opening
    ("Opiskelija osaa" + "kuvata", "ska studenten ha en grundläggande:" + "förståelse för");
    a colon when the item opens with a verb of its own, inflected ("En magister har efter
    examen:" + "förstår ..."), so that it starts a clause of its own."""
    tokens = lex.tokens(head)
    frame = _ability_frame(head, tokens, lex, [])
    ends = (frame is not None and frame[1] == len(tokens)) or (
        bool(tokens) and tokens[-1].text in ("to", "att"))  # "The purpose ... is to: • Promote"
    words = [tok for tok in lex.tokens(_ITEM_START.sub("", body.strip())[:60]) if tok.is_word]
    entry = lex.match_at(words, 0) if words else None
    own = entry is not None and words[0].text != entry.words[0]
    return ": " if head and own and not ends else " "


def _item(head: str, text: str, a: int, b: int, offset: int,
          joiner: str = " ") -> tuple[int, str, int] | None:
    """One list item as (opening length, opening + item, start of the item in the whole text)."""
    piece = text[a:b]
    stripped = piece.strip()
    body = _ITEM_START.sub("", stripped).rstrip(" .,;").replace("\n", " ")
    if not any(ch.isalpha() for ch in body):
        return None
    start = offset + a + (len(piece) - len(piece.lstrip())) + (len(stripped) - len(
        _ITEM_START.sub("", stripped)))
    prefix = f"{head}{joiner}" if head else ""
    return len(prefix), prefix + body, start


def _starts_with_verb(tokens: list[Token], lex: Lexicon, vague: bool = False) -> bool:
    """Does a list item start with a verb (a listed one, or for fi/sv an infinitive)? With
    ``vague``, "osaa"/"kan" + noun counts too (a line of its own is an item)."""
    words = [tok for tok in tokens if tok.is_word]
    if not words:
        return False
    if any(p.match(words[0].text) for p in lex.frames):
        return True
    entry = lex.match_at(words, 0)
    if entry is not None:
        return vague or not entry.vague or entry.lemma not in lex.vague_alone
    return lex.language != "en" and lex.infinitive_lemma(words[0]) is not None


def _verb_follows(tokens: list[Token], i: int, lex: Lexicon) -> bool:
    """Does a verb come within two words after a modal ("osaa analysoida", "kunna redogöra")?
    Only then is "osaa"/"kunna" a modal; before a noun it is the vague verb itself."""
    modal = lex.match_at(tokens, i) if tokens[i].is_word else None
    for j in range(i + 1, min(i + 3, len(tokens))):
        entry = lex.match_at(tokens, j) if tokens[j].is_word else None
        if entry is not None and (entry.lemma not in lex.vague_alone or (
                j == i + 1 and modal is not None and entry.lemma != modal.lemma)):
            return True  # "oppii hallitsemaan": a frame before the vague "hallita"
    return False
