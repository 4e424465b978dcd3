"""Context keywords of the detectors, shared with the Hyperscan prefilter.

The prefilter compiles the very pattern the detectors use, so "no keyword in this text"
from one pass over the bytes is exact and the keyword scan can be skipped (logs, CSV).
"""

from __future__ import annotations

import re

# Keywords and the kind of context each gives. Matched by one group-free alternation: named
# groups or IGNORECASE disable the regex engine's first-character scan and cost 5× in speed.
KEYWORD_KINDS: dict[str, tuple[str, ...]] = {
    "kw_my": ("個人番号", "マイナンバー", "mynumber"),
    "kw_license": ("運転免許", "免許証"),
    "kw_passport": ("旅券", "パスポート", "passport"),
    "kw_residence": ("在留カード", "在留番号"),
    "kw_pension": ("基礎年金", "年金番号", "年金手帳"),
    "kw_health": ("被保険者", "保険者番号", "保険証"),
    "kw_bank": ("口座", "普通預金", "当座預金"),
    "kw_branch": ("支店", "銀行", "信用金庫", "ゆうちょ", "出張所"),
    "kw_birth": ("生年月日", "誕生日", "生まれ", "birth"),
    "kw_org": ("市役所", "区役所", "役場", "庁舎", "本庁舎", "所在地", "代表電話", "代表", "株式会社",
               "有限会社", "(株)", "本社", "支社", "営業所", "事務局", "事務所", "窓口", "会場", "受付時間",
               "内線"),
}
# Labels that put a person's name after them (氏名: 山田太郎). Shared with the prefilter.
NAME_LABELS = ("氏名", "お名前", "名前", "受取人", "申請者", "届出人", "世帯主", "宛名", "被保険者氏名", "口座名義",
               "名義人", "name", "Name", "NAME")
# Roles a person is named by in forms and notes; taken only with a colon (講師: 宇佐美 愛), since
# in running text they are followed by ordinary words (保護者の方, 利用者負担).
ROLE_LABELS = ("講師", "申込者", "受給者", "運転者", "保護者", "契約者", "利用者", "相談者", "依頼者", "差出人",
               "患者", "児童", "生徒", "本人", "連絡者", "緊急連絡先")
_KEYWORD_OF = {w: kind for kind, words in KEYWORD_KINDS.items() for w in words}
# The ASCII keywords in the spellings matched (the detectors fold them to the listed word).
_ASCII_FORMS = ("my number", "mynumber", "My Number", "MyNumber", "MY NUMBER", "passport", "Passport", "PASSPORT",
                "birth", "Birth", "BIRTH")


def kind_of(word: str) -> str:
    """The context kind of a word matched by KEYWORD_PATTERN."""
    return _KEYWORD_OF.get(word) or _KEYWORD_OF.get(word.lower().replace(" ", ""), "")


def keyword_pattern(kinds: frozenset[str] | None = None) -> str:
    """KEYWORD_PATTERN, or its alternatives for the words of ``kinds`` only, in the same order.

    Leaving out words that do not occur in a text changes no match of the alternation (an
    alternative that never matches is never taken), and every left-out first character is
    one place fewer where the regex engine stops to try it: half the time on prose.
    """
    # Longest first by the escaped spelling's length, as the pattern always was.
    words = sorted((w for w in _KEYWORD_OF if not w.isascii()), key=lambda w: len(re.escape(w)), reverse=True)
    return ("|".join(re.escape(w) for w in words if kinds is None or _KEYWORD_OF[w] in kinds)
            + "|" + "|".join(w for w in _ASCII_FORMS if kinds is None or kind_of(w) in kinds)).strip("|")


KEYWORD_PATTERN = keyword_pattern()


# Each kind's words on their own, for the prefilter: a kind whose words do not occur in a
# text has no keyword position there, so the detectors need not index the keywords to know.
KIND_PATTERNS: dict[str, str] = {
    kind: "|".join([re.escape(w) for w in words if not w.isascii()] + [w for w in _ASCII_FORMS if kind_of(w) == kind])
    for kind, words in KEYWORD_KINDS.items()
}
