"""A résumé or a personal form: one person's record, whatever its layout.

The rule: a document is **one person's résumé** (履歴書, 職務経歴書, a CV, an entry sheet) when
a name field — 氏名, 名前, 姓 and 名, ``name``, ``lastname``/``firstname`` — carries a value
written as a person's name, and the document either

* calls itself a résumé (履歴書, 職務経歴書, 経歴書, CV, résumé) or has a résumé's sections
  (学歴, 職歴, 職務経歴, 資格, 自己PR, 志望動機; Education, Experience), or
* fills in two more of the owner's particulars: the reading (ふりがな), the date of birth, the
  address, a phone number, an e-mail address.

The fields are read line by line from the document's text, so one rule serves every layout
that the readers turn into lines: ``label: value`` lines (Markdown, YAML front matter, LaTeX
macros read by ``extract.latex``), a label on its own line with the value on the next (a
PDF's form cells, a table read as text), ``| label | value |`` table rows. A template whose
fields are empty, or hold placeholders (○○ ○○, your name), names no one and stays clean.
"""

from __future__ import annotations

import re

from tokki_desktop.scanner.japanese import is_full_name, is_person_name

# How much of a document is read for its fields: a résumé's particulars come first, and a
# résumé of ten pages is shorter than this.
HEAD_CHARS = 50_000
# Particulars beside the name that make a form personal without a résumé's title.
PARTICULARS_MIN = 2

_TITLE = re.compile(r"履歴書|職務経歴書|経歴書|エントリーシート")
# The English words are also ordinary ones (to resume; CV, a condition variable): they title
# a résumé only capitalised, on a short line of their own (a heading: "Resume", "CV — Haruka Ito").
# Without a leading \b the engine skips ahead to the next R, C or r; word boundaries are
# checked after the match.
_TITLE_LATIN = re.compile(r"(?:Resume|RESUME|Résumé|RÉSUMÉ|résumé|Curriculum Vitae|CURRICULUM VITAE|CV)(?!\w)")
_TITLE_WORDS = 6
_SECTION = re.compile(
    r"^(?:学歴|職歴|学歴・職歴|職務経歴|職務要約|職務内容|資格|免許・資格|免許|資格・免許|自己PR|志望動機|志望の動機|"
    r"education|experience|work experience|employment|skills)(?:$|[:\s])", re.IGNORECASE)
# Field labels, as a form prints them (the reading and script notes after them left out).
_FIELDS: dict[str, tuple[str, ...]] = {
    "name": ("氏名", "お名前", "名前", "姓名", "本名", "name", "full name", "fullname"),
    "surname": ("姓", "苗字", "名字", "lastname", "last name", "family name", "familyname", "surname"),
    "given": ("名", "firstname", "first name", "given name", "givenname"),
    "reading": ("ふりがな", "フリガナ", "よみがな", "ヨミガナ", "読み", "カナ", "かな", "kana", "furigana",
                "姓読み", "名読み", "氏名読み"),
    "birth": ("生年月日", "誕生日", "birthday", "date of birth", "birth date", "birthdate", "dob"),
    "address": ("住所", "現住所", "連絡先", "address", "home address"),
    "contact": ("電話", "電話番号", "携帯", "携帯電話", "携帯電話番号", "tel", "phone", "mobile", "メール",
                "e-mail", "email", "mail", "メールアドレス", "現住所電話番号"),
}
_LABEL_OF = {w.lower(): kind for kind, ws in _FIELDS.items() for w in ws}
# A field line: markup before the label (list marks, table bars, bold, a heading), the
# label with notes in brackets after it, then a colon, a table bar or a tab (the next cell
# of a sheet's row), then the value.
_MARKUP = " \t-*#>|・•"
_FIELD_LINE = re.compile(
    r"^(?P<label>[^:|\t]{1,20}?)[ ]*(?:[(\[（【][^)\]）】]{0,10}[)\]）】])?[ ]*(?:[:|\t]\s*(?P<value>.*?))?\s*\|?\s*$")
# A key in quotes (JSON, a JS or Python literal): "name": "山田 太郎",
_QUOTED_KEY = re.compile(r"^[\"']([^\"']{1,20})[\"']\s*:")
_QUOTES = "\"',"
_NOTE = re.compile(r"[(（][^)）]*[)）]")
_LATIN_NAME_WORD = re.compile(r"[A-Z][a-zA-Z'\-]+|[A-Z]\.")
_KANA_WORD = re.compile(r"[ァ-ヶー・]+|[ぁ-んー]+")
_PLACEHOLDER = re.compile(r"○|〇|●|◯|×|＊|\*|_{2,}|x{2,}|X{2,}|…|\.\.\.")
_PLACEHOLDER_WORDS = frozenset({"your", "name", "first", "last", "full", "family", "given", "example", "sample"})
_DIGIT = re.compile(r"\d")
# A heading that is only a name: two or three Latin words, or a Japanese name (with its space).
_HEADING_NAME = re.compile(r"[A-Z][a-z]+(?: [A-Z]\.)?(?: [A-Z][a-z]+){1,2}|[一-龥々ヶ]{1,4} ?[一-龥々ヶぁ-ん]{1,4}")
_KANJI_OR_DIGIT = re.compile(r"[一-龥\d]")
_KANA_VALUE = re.compile(r"[ぁ-んァ-ヶー・ 　]{2,}")
# In a name field, surname and given name in kanji with the form's space between them
# (孫 陽, 李 明華): the field says it is a name even where the dictionary knows neither part.
_SPACED_KANJI_NAME = re.compile(r"[一-龥々ヶ]{1,4} [一-龥々ヶ]{1,4}")
# The words a form prints spaced out over its cell (氏　　名, 履 歴 書, 学  歴, 職 務 経 歴 書):
# each is matched with any spaces between its characters and written back without them.
_SPACED_WORDS = ("職務経歴書", "履歴書", "経歴書", "氏名", "姓名", "名前", "ふりがな", "フリガナ", "生年月日",
                 "現住所", "住所", "連絡先", "電話", "学歴", "職歴", "職務経歴", "職務要約", "資格", "免許", "志望動機")
_SPACED = re.compile("|".join("[ \u3000]*".join(map(re.escape, w)) for w in _SPACED_WORDS))
_SPACE_RUN = re.compile("[ \u3000]+")


def _unspace_labels(text: str) -> str:
    """The form's labels and title without the spaces it set between their characters."""
    return _SPACED.sub(lambda m: _SPACE_RUN.sub("", m.group()), text)


def owner_name(value: str, field: bool = False) -> bool:
    """True when a name field's ``value`` is written as a person's name: by the dictionary
    (白石 芳郎), as a reading in two parts (ヤマダ タロウ), or as capitalised Latin words,
    possibly with their katakana readings (Alexis Jeandeau, Jeandeau ジャンドー Alexis アレクシ)."""
    v = _NOTE.sub(" ", value).replace("\u3000", " ").replace("~", " ").strip(" 様殿")
    if not v or len(v) > 40 or _PLACEHOLDER.search(v):
        return False
    parts = v.split()
    if all(_LATIN_NAME_WORD.fullmatch(p) or _KANA_WORD.fullmatch(p) for p in parts):
        latin = [p for p in parts if _LATIN_NAME_WORD.fullmatch(p)]
        if latin and len(latin) <= 4 and not {p.lower() for p in latin} & _PLACEHOLDER_WORDS:
            return True
        if not latin and 2 <= len(parts) <= 3 and all(_KANA_WORD.fullmatch(p) for p in parts):
            return True  # a name in kana, surname and given name apart
    if field and _SPACED_KANJI_NAME.fullmatch(v):
        return True
    return is_full_name(v) or is_person_name(v)


def _particular(kind: str, value: str) -> bool:
    """A filled-in particular (not an empty field or a placeholder)."""
    if not value or _PLACEHOLDER.search(value):
        return False
    if kind == "birth":
        return bool(_DIGIT.search(value))
    if kind == "address":
        return len(value) >= 6 and _KANJI_OR_DIGIT.search(value) is not None
    if kind == "contact":
        return "@" in value or len(_DIGIT.findall(value)) >= 8
    if kind == "reading":
        return _KANA_VALUE.fullmatch(value) is not None
    return False


def _clean(line: str) -> str:
    """A line without its markup (list marks, table bars, bold, quotes on a key)."""
    return _QUOTED_KEY.sub(r"\1:", line.strip(_MARKUP).replace("**", "").strip())


# The lines that can be fields start, after their markup, with a label: found in one pass
# over the text in C, so a long document costs no Python work per line. Searched from the
# line break before each line (over the text with one put in front) and with the labels'
# first characters checked before the labels themselves: a pattern anchored by (?m)^ is
# tried at every character, and the sixty labels one by one at every line (ten times the
# cost on a letter's prose). The matches are those of (?mi)^markup*(labels); a test
# compares both.
_LABEL_FIRSTS = "".join(sorted({w[0] for w in _LABEL_OF}))
_LABEL_START = re.compile(
    r"(?i)\n[ \t\-*#>|・•\"'`]*(?=[" + re.escape(_LABEL_FIRSTS) + "])(?:"
    + "|".join(sorted(map(re.escape, _LABEL_OF), key=len, reverse=True)) + ")"
)


def _candidate_lines(head: str) -> list[int]:
    """Indices of the lines that start with a field label, in order."""
    out: list[int] = []
    line = last = 0
    # A match starts at the break put before its line: at the line's own start in ``head``.
    for m in _LABEL_START.finditer("\n" + head):
        line += head.count("\n", last, m.start())
        last = m.start()
        if not out or out[-1] != line:
            out.append(line)
    return out


def _fields(raw: list[str], candidates: list[int]) -> list[tuple[str, str]]:
    """(field kind, value) of each field line; a label alone takes the next line as its value."""
    out: list[tuple[str, str]] = []
    for i in candidates:
        line = _clean(raw[i])
        if not line or len(line) > 120:
            continue
        m = _FIELD_LINE.match(line)
        if m is None:
            continue
        kind = _LABEL_OF.get(m.group("label").strip().lower())
        value = (m.group("value") or "").strip(_MARKUP + _QUOTES)
        if kind is None and m.group("value") is None:
            # "ふりがな さとう たろう", "現住所 〒150-0001": a form's label, a space, its value.
            label, _, value = line.partition(" ")
            kind = _LABEL_OF.get(label.lower()) if not label.isascii() else None
            value = value.strip(_MARKUP)
        if kind is None:
            continue
        if not value:
            nxt = next((ln for ln in map(_clean, raw[i + 1:i + 3]) if ln), "")
            nm = _FIELD_LINE.match(nxt) if nxt else None
            if nxt and (nm is None or _LABEL_OF.get(nm.group("label").strip().lower()) is None):
                value = nxt
        out.append((kind, value))
    return out


# A section heading on a line of its own; searched from the line break before it, the
# sections' first characters checked first (as _LABEL_START, over the text with a break put
# in front; a test compares it with the (?mi)^ form).
_SECTION_FIRSTS = "学職資免自志ewes"
_SECTION_LINE = re.compile(
    r"(?mi)\n[ \t\-*#>|・•\"'`]*(?:\*\*)?(?=[" + _SECTION_FIRSTS + r"])(?:学歴|職歴|学歴・職歴|職務経歴|職務要約|職務内容|資格|免許・資格|免許|資格・免許|"
    r"自己PR|志望動機|志望の動機|education|experience|work experience|employment|skills)(?:\*\*)?[\"']?(?:[ \t]*$|[:\s])"
)


def _titled(head: str) -> bool:
    """The document calls itself a résumé: 履歴書 anywhere, an English title as a heading."""
    if _TITLE.search(head):
        return True
    for m in _TITLE_LATIN.finditer(head):
        if m.start() and head[m.start() - 1].isalnum():
            continue  # inside a word (ACV, PreResume)
        a = head.rfind("\n", 0, m.start()) + 1
        b = head.find("\n", m.end())
        if len(head[a:b if b >= 0 else len(head)].split()) <= _TITLE_WORDS:
            return True
    return False


def titled_as_resume(text: str) -> bool:
    """The document calls itself a résumé (履歴書, 職務経歴書, CV; its labels spaced or not)."""
    return _titled(_unspace_labels(text[:HEAD_CHARS]))


def resume_owner(text: str) -> str | None:
    """The owner's name when ``text`` is one person's résumé or personal form, else None."""
    head = _unspace_labels(text[:HEAD_CHARS])
    candidates = _candidate_lines(head)
    called = _titled(head)
    titled = called or _SECTION_LINE.search("\n" + head) is not None
    if not candidates and not titled:
        return None  # no field line and no résumé's title or section (most documents): no owner
    raw = head.split("\n")
    fields = _fields(raw, candidates)
    name = next((v for k, v in fields if k == "name" and owner_name(v, field=True)), None)
    if name is None:
        surname = next((v for k, v in fields if k == "surname" and v), "")
        given = next((v for k, v in fields if k == "given" and v), "")
        if surname and given and owner_name(f"{surname} {given}"):
            name = f"{surname} {given}"
    if name is None and titled:
        # A résumé headed by its owner's name (# 山田 太郎, **Alexis Jeandeau**) without a field.
        # A Japanese name by the dictionary anywhere near the top; a Latin one only as the
        # first or second line (below them, capitalised words are headings: Work History).
        # Capitalised words are also any English heading (Release Notes): a Latin name needs
        # the document to call itself a résumé or to give a contact in a field.
        latin_ok = called or any(k == "contact" and _particular(k, v) for k, v in fields)
        top = [(_clean(ln), ln.lstrip().startswith("##")) for ln in raw[:12]]
        top = [(ln, section) for ln, section in top if ln]
        name = next((ln for i, (ln, section) in enumerate(top) if _HEADING_NAME.fullmatch(ln)
                     and not _TITLE.search(ln) and not _SECTION.match(ln) and owner_name(ln)
                     and (is_full_name(ln) or (latin_ok and ln.isascii() and i < 2 and not section))), None)
    if name is None:
        return None
    particulars = {k for k, v in fields if k in ("reading", "birth", "address", "contact") and _particular(k, v)}
    return name if titled or len(particulars) >= PARTICULARS_MIN else None
