"""What a table column holds, from its header (Japanese, English or romaji) and from a sample
of its values, with or without a header.

The header gives a first word (氏名, last_name, sei, tel, mail, birthday…); the values have
the last one. Japanese text values are read with the Sudachi dictionary
(:mod:`tokki_desktop.scanner.japanese`): a column whose values are written as people's names
(姓, 名, 姓 名) is a person-name column even without a header, and a column headed 名前 or 氏名
whose values are facilities and companies (山王小学校, 有限会社山本商事) is an organisation
column, the subject of its rows, not a person. Other kinds (phone, e-mail, postal code,
address, date, number) are told by their shape on the same sample.

Only a sample is read (:data:`SAMPLE` non-empty values, each distinct one once): the typing
costs the same on a roster of 50 rows or of 500,000.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Sequence

from tokki_desktop.scanner import japanese
from tokki_desktop.scanner.normalize import normalize_text

# Kinds of column. The personal ones are the finding kinds of the detectors.
NAME = "name"
ORGANISATION = "organisation"
PLACE = "place"
PHONE = "phone"
EMAIL = "email"
POSTAL = "postal_code"
ADDRESS = "address"
DATE = "date"
NUMBER = "number"
TEXT = "text"
EMPTY = "empty"
KANA = "kana"  # a reading in katakana (ヤマダ タロウ): a furigana column, or a product's name

SAMPLE = 120
# Fewer distinct values than this type nothing by content (two ids are not a phone column).
MIN_VALUES = 3
# Share of the sampled values that must agree for the column to be typed by content.
SHARE = 0.6
# People's names are typed on a lower share: the dictionary misses some given names and most
# hiragana spellings (ひうち 優子), and a column of anything else reaches nowhere near it.
NAME_SHARE = 0.5
# Organisation values are fewer in a person column than this share (a roster may list a
# company or two among its people); a column with more is the rows' subject.
ORG_SHARE = 0.3
# A column with at least this share of people's names beside organisations is mixed (a sheet
# of statistics above a list of people): it is not typed, and every value is read as it is.
MIXED_SHARE = 0.2

# Headers in English and romaji, folded to lower case with spaces and hyphens as "_".
_LATIN_HEADERS: dict[str, str] = {}
for _kind, _words in {
    NAME: ("name", "full_name", "fullname", "last_name", "lastname", "first_name", "firstname", "family_name",
           "given_name", "middle_name", "surname", "sei", "mei", "shimei", "simei", "namae", "kana", "furigana",
           "yomi", "sei_kana", "mei_kana", "name_kana", "kana_name", "kana_sei", "kana_mei", "last_name_kana",
           "first_name_kana", "person_name", "customer_name", "member_name", "user_name_kana", "contact_name",
           "familyname", "givenname", "kana_familyname", "kana_givenname", "family_name_kana", "given_name_kana",
           # The same fields in other European languages (a German or French sample roster).
           "vorname", "nachname", "familienname", "prenom", "prénom", "nom_de_famille", "nombre", "apellido",
           "apellidos", "cognome", "voornaam", "achternaam"),
    PHONE: ("tel", "phone", "telephone", "phone_number", "phonenumber", "tel_no", "telno", "tel_number", "mobile",
            "mobile_phone", "cell", "cellphone", "keitai", "denwa", "telefon", "telefonnummer", "telefono",
            "teléfono", "téléphone", "handy"),
    EMAIL: ("mail", "email", "e_mail", "mail_address", "mailaddress", "email_address", "emailaddress", "e_mail_address",
            "courriel", "correo"),
    "birth_date": ("birthday", "birth_day", "birthdate", "birth_date", "date_of_birth", "dob", "born", "born_on",
                   "birthdate_at", "birth", "birth_ymd", "birthymd",
                   "seinengappi", "tanjobi", "geburtsdatum", "geburtstag", "date_de_naissance",
                   "fecha_de_nacimiento", "data_di_nascita"),
    POSTAL: ("zip", "zipcode", "zip_code", "postal_code", "postalcode", "postcode", "post_code", "yubin",
             "yubin_bango", "postal", "plz", "postleitzahl", "code_postal", "codigo_postal"),
    ADDRESS: ("address", "address1", "address_1", "addr", "street", "street_address", "jusho", "juusho", "home_address",
              "strasse", "straße", "adresse", "anschrift", "direccion", "dirección", "indirizzo"),
    ORGANISATION: ("company", "company_name", "corporation", "facility", "facility_name", "organization",
                   "organisation", "organization_name", "shop_name", "store_name", "office_name", "school_name",
                   "hospital_name", "station_name", "spot_name", "place_name"),
}.items():
    for _w in _words:
        _LATIN_HEADERS[_w] = _kind
# Japanese headers naming the organisation or facility a row is about (the subject).
_ORG_HEADER = re.compile(r"名称|施設名|会社名|法人名|事業所名|団体名|機関名|店名|店舗名|学校名|園名|病院名|医療機関|事業者名|商号|屋号")
# A person named in an organisation's row by the office they hold (開設者, 代表者): personal
# data when the body is a sole proprietor, debatable for a corporation (see DETECTION.md).
REPRESENTATIVE_HEADER = re.compile(r"代表者|開設者|設置者|経営主体|運営者|経営者|事業主|理事長|院長|園長|校長|施設長|管理者|代表取締役")
# The same in English and romaji (the papamama map's Owner, an export's operator_name).
_LATIN_REPRESENTATIVE = frozenset({"owner", "owner_name", "operator", "operator_name", "founder", "proprietor",
                                   "representative", "representative_name", "setter", "secchisha", "kaisetsusha"})
_FOLD = re.compile(r"[\s\-]+")
_CAMEL = re.compile(r"([a-z0-9])([A-Z])")
# Words before a field name that say whose it is (employee_name, member_email).
_WHOSE = frozenset({"user", "customer", "member", "employee", "emp", "staff", "student", "person", "contact",
                    "client", "patient", "applicant", "owner", "guest", "parent", "guardian", "child", "resident"})

_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+")
_POSTAL = re.compile(r"〒? ?\d{3}-\d{4}")
_DATE = re.compile(r"(?:(?:明治|大正|昭和|平成|令和|[MTSHR])\s?(?:元|\d{1,2})|(?:18|19|20)\d{2})\s?[年.\-/]\s?\d{1,2}"
                   r"\s?[月.\-/]\s?\d{1,2}日?(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?")
_NUMBER = re.compile(r"[+\-]?[\d,]+(?:\.\d+)?[%円]?")
_PHONE = re.compile(r"\(?0\d{1,4}\)?[\-\s]?\d{1,4}[\-\s]?\d{3,4}")
_KANA_PAIR = re.compile(r"[ァ-ヶー]{1,10}[ 　][ァ-ヶー]{1,10}")
_KATAKANA = re.compile(r"[ァ-ヶー・]+(?:[ 　][ァ-ヶー・]+)?")
# Two words (Taro Tanaka, TANAKA Taro): a single capitalised word is as often a product.
_ROMAJI_FULL_NAME = re.compile(r"[A-Z][a-z]+[ ,]+[A-Z][a-z]+|[A-Z]+ [A-Z][a-z]+|[A-Z][a-z]+ [A-Z]+")
_ROMAJI_NAME = re.compile(r"[A-Z][a-z]+(?:[ ,]+[A-Z][a-z]+)?|[A-Z]+(?: [A-Z]+)?")
# A word spelled in romaji syllables (Satou, Syuuichi, Hattori, Kanno): a consonant (or
# a digraph) and a vowel, a syllabic n, the first of a doubled consonant. English words break
# it (Finance: "nce", Omnium: "mn"), so two such words are a Japanese name, not a phrase.
_ROMAJI_WORD = re.compile(
    r"(?:(?:ky|gy|sh|sy|jy|ch|cy|ty|ts|ny|hy|by|py|my|ry|dy|zy|[kgsztdnhbpmyrwfj])?[aiueo]|n(?![aiueoy])"
    r"|([kstpgdbcm])(?=\1))+", re.IGNORECASE)
_TWO_WORDS = re.compile(r"([A-Z][a-z]+|[A-Z]+) ([A-Z][a-z]+|[A-Z]+)")


def is_romaji_full_name(v: str) -> bool:
    """Surname and given name in romaji, two words of Japanese syllables (Satou Syuuichi)."""
    m = _TWO_WORDS.fullmatch(v.strip())
    return m is not None and all(_ROMAJI_WORD.fullmatch(w) is not None for w in m.groups())


# English headers that say "a name" without saying whose (a product's, a facility's, a
# person's): the values must show people before the column counts as names.
AMBIGUOUS_NAME_HEADERS = frozenset({"name", "kana", "yomi", "furigana", "namae"})


def is_ambiguous_name_header(label: str) -> bool:
    """True for name, kana… in Latin letters: whose name the values must tell."""
    key = _fold(label).rsplit(".", 1)[-1]
    head, _, rest = key.partition("_")
    return key in AMBIGUOUS_NAME_HEADERS or (head in _WHOSE and rest in AMBIGUOUS_NAME_HEADERS)


def _fold(label: str) -> str:
    # dateOfBirth → date_of_birth, "Last Name" → last_name, user.name → user.name
    snake = _CAMEL.sub(r"\1_\2", label.strip())
    return _FOLD.sub("_", snake.lower())


def folded_key(label: str) -> str:
    """A header as a key: lower case, words by "_" (dateOfBirth → date_of_birth)."""
    return _fold(label)


def latin_header_kind(label: str) -> str | None:
    """The kind an English or romaji header names (last_name → name, tel → phone,
    dateOfBirth → birth_date, user.email → email, employee_name → name…)."""
    key = _fold(label)
    kind = _LATIN_HEADERS.get(key)
    if kind is None and "." in key:
        key = key.rsplit(".", 1)[1]  # a nested key of a JSON export: user.email
        kind = _LATIN_HEADERS.get(key)
    if kind is None:
        head, _, rest = key.partition("_")
        if head in _WHOSE and rest:
            kind = _LATIN_HEADERS.get(rest)  # employee_name, member_tel, user_birthday
    if kind is None and key[-1:].isdigit():
        # A numbered field of a schema (name1, tel_2, email2): the same field, once more.
        kind = latin_header_kind(_NUMBERED.sub("", key)) if _NUMBERED.search(key) else None
    return kind


_NUMBERED = re.compile(r"_?\d{1,2}$")
# Headers naming one part of a name: beside one, a bare "name" column is the other part
# (Name;Vorname, nom;prénom, name,lastname), a person's whatever its values look like.
NAME_PART_HEADERS = frozenset({"first_name", "firstname", "given_name", "givenname", "vorname", "prenom", "prénom",
                               "voornaam", "last_name", "lastname", "family_name", "familyname", "surname",
                               "nachname", "familienname", "nom_de_famille", "apellido", "apellidos", "cognome",
                               "achternaam", "middle_name"})


def is_representative_header(label: str) -> bool:
    """True for a header naming who runs the row's organisation (開設者, 代表者, Owner)."""
    return bool(REPRESENTATIVE_HEADER.search(label)) or _fold(label).rsplit(".", 1)[-1] in _LATIN_REPRESENTATIVE


def is_organisation_header(label: str) -> bool:
    """True for a header naming the organisation or facility of the row (名称, 施設名, 会社名…)."""
    return bool(_ORG_HEADER.search(label)) or latin_header_kind(label) == ORGANISATION


# A note in brackets after a value (田中 太郎 (管理者), 佐藤 花子（担当）) says the person's role,
# not what the value is; a legal form in brackets ((株), (有), (医)) is part of the name.
_NOTE_AFTER = re.compile(r"\s*\((?![株有合資名財社医学福宗特]\))[^()]{2,16}\)$")


def without_note(value: str) -> str:
    """``value`` without a bracketed note at its end (a role, a remark)."""
    return _NOTE_AFTER.sub("", value) if value.endswith(")") else value


def sample(values: Sequence[str]) -> list[str]:
    """Up to SAMPLE non-empty values from the top of the column (each distinct one once)."""
    out: list[str] = []
    seen: set[str] = set()
    for v in values[: SAMPLE * 4]:
        v = without_note(normalize_text(v or "").strip())
        if v and v not in seen:
            seen.add(v)
            out.append(v)
            if len(out) >= SAMPLE:
                break
    return out


class ColumnSample:
    """The kinds of a column's sampled values: ``share(kind)`` of the non-empty ones."""

    __slots__ = ("kinds", "n", "spelled_names", "romaji")

    def __init__(self, values: Sequence[str]) -> None:
        vals = sample(values)
        self.n = len(vals)
        self.kinds = Counter(value_kind(v) for v in vals)
        # Names spelled out in two parts, in katakana or Latin letters (ヤマダ タロウ, Taro Tanaka):
        # the dictionary does not read them, their shape does.
        self.spelled_names = sum(1 for v in vals if _KANA_PAIR.fullmatch(v) or _ROMAJI_FULL_NAME.fullmatch(v))
        self.romaji = sum(1 for v in vals if v.isascii() and is_romaji_full_name(v)) if vals and vals[0].isascii() else 0

    def person_like(self) -> float:
        """Share of the values that are written as people's names, in any script."""
        return (self.kinds[NAME] + self.spelled_names) / self.n if self.n else 0.0

    def share(self, kind: str) -> float:
        return self.kinds[kind] / self.n if self.n else 0.0

    def names(self) -> bool:
        """Most values are people's names, and far more than organisations."""
        return (self.n >= MIN_VALUES and self.share(NAME) >= NAME_SHARE
                and self.kinds[NAME] > 2 * (self.kinds[ORGANISATION] + self.kinds[PLACE]))

    def romaji_names(self) -> bool:
        """Most values are whole names in romaji syllables (a class list: Satou Syuuichi)."""
        return self.n >= MIN_VALUES and self.romaji >= SHARE * self.n

    def main(self) -> tuple[str, float]:
        """The kind most values have, and its share (EMPTY, 0.0 with fewer than MIN_VALUES)."""
        if self.n < MIN_VALUES:
            return EMPTY, 0.0
        kind, k = self.kinds.most_common(1)[0]
        return kind, k / self.n

    def organisations(self) -> bool:
        """The values name organisations or facilities: the rows' subject.

        Organisations count even as a minority among other words (a list of clinics with a
        note or two), but not in a column where people's names are more than a few."""
        return self.n >= MIN_VALUES and self.share(ORGANISATION) >= ORG_SHARE and self.share(NAME) < MIXED_SHARE

    def places(self) -> bool:
        return self.n >= MIN_VALUES and self.share(PLACE) >= SHARE


def content_kind(values: Sequence[str]) -> tuple[str, float]:
    """The kind most of the sampled values have, and its share (EMPTY, 0.0 with no value)."""
    col = ColumnSample(values)
    return (ORGANISATION, col.share(ORGANISATION)) if col.organisations() else col.main()


def value_kind(v: str) -> str:
    """The kind of one value by its shape, or by the dictionary for Japanese words."""
    if _EMAIL.fullmatch(v):
        return EMAIL
    if _POSTAL.fullmatch(v):
        return POSTAL
    if _DATE.fullmatch(v):
        return DATE
    if _PHONE.fullmatch(v):
        return PHONE
    if _NUMBER.fullmatch(v):
        return NUMBER
    if v.isascii():
        return TEXT  # Latin words are not read with the Japanese dictionary (romaji: by header)
    if _looks_like_address(v):
        return ADDRESS
    if _KATAKANA.fullmatch(v):
        # The dictionary knows readings of surnames, not of given names (ユイ, ハルト come out
        # as common nouns): a katakana value says "a reading", and the header says whose.
        return KANA
    kind = japanese.name_kind(v)
    if kind == japanese.PERSON:
        return NAME
    if kind == japanese.ORGANISATION:
        return ORGANISATION
    if kind == japanese.PLACE:
        return PLACE
    return TEXT


_PREFECTURE_START = re.compile(r"(?:北海道|東京都|京都府|大阪府|.{2,3}県)")
_ADDRESS_NUMBER = re.compile(r"\d+(?:丁目|番地?|号|-\d+)")


def _looks_like_address(v: str) -> bool:
    # A municipality and a block number, or a prefecture at the start: 高松市番町1-8-15.
    return bool(_ADDRESS_NUMBER.search(v)) and bool(re.search(r"[市区町村郡]", v)) or \
        bool(_PREFECTURE_START.match(v)) and len(v) > 5


def is_romaji_name(v: str) -> bool:
    """A name in Latin letters as a roster writes it: Tanaka, Taro Tanaka, TANAKA TARO."""
    return _ROMAJI_NAME.fullmatch(v.strip()) is not None
