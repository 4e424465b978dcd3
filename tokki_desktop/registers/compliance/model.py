"""What the compliance engine reports: findings, a status per article, the whole report."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["ok", "due_soon", "overdue", "violation"]
#: An article's status: a severity, or "unregistered" when none of its rules had anything to judge.
Status = Literal["ok", "due_soon", "overdue", "violation", "unregistered"]

#: Worse is larger: an article's status is its worst finding.
SEVERITY_RANK: dict[str, int] = {"ok": 0, "due_soon": 1, "overdue": 2, "violation": 3}
SEVERITY_LABELS: dict[str, tuple[str, str]] = {
    "ok": ("適合", "ok"),
    "due_soon": ("期限間近", "due soon"),
    "overdue": ("期限超過", "overdue"),
    "violation": ("違反", "violation"),
    "unregistered": ("未登録", "nothing registered yet"),
}

#: The article headings of the 個人情報取扱特記事項 (Art. 1–19 carry obligations we check).
ARTICLE_TITLES: dict[int, tuple[str, str]] = {
    1: ("基本的事項", "Basic principles"),
    2: ("秘密の保持", "Confidentiality"),
    3: ("収集の制限", "Limits on collection"),
    4: ("目的外利用及び提供の禁止", "No use outside the purpose"),
    5: ("複写又は複製の禁止", "No copying without permission"),
    6: ("電磁記録媒体に記録する個人情報の取扱い", "Electronic media"),
    7: ("適正管理", "Proper management"),
    8: ("個人情報の取扱責任者等", "Officer and handlers"),
    9: ("作業場所の特定", "Work places"),
    10: ("社員教育", "Training"),
    11: ("誓約書の提出", "Pledges"),
    12: ("職員の立入調査等", "Client inspections"),
    13: ("個人情報の提出", "Handing records to the client"),
    14: ("委託の禁止等", "Subcontracting"),
    15: ("派遣労働者等の利用時の措置", "Dispatched and non-regular staff"),
    16: ("受渡し", "Handovers"),
    17: ("提供資料等の返還及び消去又は廃棄", "Return and disposal"),
    18: ("苦情処理", "Complaints"),
    19: ("事故報告", "Incidents"),
}


@dataclass(frozen=True)
class RecordRef:
    """A record that proves a finding: register kind, id and its one-line title."""

    kind: str
    id: int
    title: str = ""


@dataclass(frozen=True)
class Finding:
    """One thing the engine noticed, with its evidence and what to do next.

    Messages name registers, ids and dates only, never a person's or resident's data, so
    that a finding can be logged; ``refs`` carry the titles for screens.
    """

    article: int
    severity: Severity
    rule: str
    message_ja: str
    message_en: str
    refs: tuple[RecordRef, ...] = ()
    next_action_ja: str = ""
    next_action_en: str = ""
    due: dt.date | dt.datetime | None = None
    contract_id: int | None = None

    def message(self, lang: str = "ja") -> str:
        """The message in ``lang``."""
        return self.message_en if lang == "en" else self.message_ja

    def shown(self, lang: str = "ja") -> str:
        """The message for people: each record named by its title (the person's name, the
        medium's label) where the loggable message has its id (従事者（ID 8） → 従事者「山田 太郎」).

        The evidence is replaced in the order of ``refs``, which is the order the message
        names them in; a ref without a title keeps its id.
        """
        text = self.message(lang)
        start = 0
        for r in self.refs:
            if not r.title:
                continue
            if lang == "en":
                pattern = re.compile(rf"(?<![\w.:/-]){r.id}(?![\w/-]|[.:]\d)")
                named = f"“{r.title}”"
            else:
                pattern = re.compile(rf"（(?:[^（）\s]+ )?ID {r.id}）")
                named = f"「{r.title}」"
            found = pattern.search(text, start)
            if found is None:
                continue
            text = text[:found.start()] + named + text[found.end():]
            start = found.start() + len(named)
        return text

    def next_action(self, lang: str = "ja") -> str:
        """What to do next, in ``lang``."""
        return self.next_action_en if lang == "en" else self.next_action_ja

    def sort_key(self) -> tuple[int, str, str]:
        """Most urgent first: worst severity, then the earliest due date."""
        due = self.due.isoformat() if self.due is not None else "9999"
        return (-SEVERITY_RANK[self.severity], due, self.rule)

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready form (``tokki status --json``, the GUI)."""
        return {
            "article": self.article,
            "severity": self.severity,
            "rule": self.rule,
            "message_ja": self.message_ja,
            "message_en": self.message_en,
            "next_action_ja": self.next_action_ja,
            "next_action_en": self.next_action_en,
            "due": self.due.isoformat() if self.due is not None else None,
            "contract_id": self.contract_id,
            "refs": [{"kind": r.kind, "id": r.id, "title": r.title} for r in self.refs],
        }


@dataclass
class ArticleStatus:
    """The status of one article: its worst open finding, and all of them, most urgent first."""

    article: int
    title_ja: str
    title_en: str
    checked: bool
    findings: list[Finding] = field(default_factory=list)
    #: The registers whose records the article's rules wait for (empty: something was judged).
    missing_registers: tuple[str, ...] = ()
    #: What to do when nothing is registered yet (register the first records there).
    todo_ja: str = ""
    todo_en: str = ""

    @property
    def unregistered(self) -> bool:
        """Nothing to judge yet: no finding, and the registers the rules need are empty."""
        return bool(self.missing_registers) and self.open_count == 0

    @property
    def status(self) -> Status:
        """ok, the worst severity among the findings, or unregistered when nothing was judged."""
        if self.unregistered:
            return "unregistered"
        worst: Severity = "ok"
        for f in self.findings:
            if SEVERITY_RANK[f.severity] > SEVERITY_RANK[worst]:
                worst = f.severity
        return worst

    def todo(self, lang: str = "ja") -> str:
        """What to register first, in ``lang`` ('' when something was judged)."""
        if not self.unregistered:
            return ""
        return self.todo_en if lang == "en" else self.todo_ja

    @property
    def open_count(self) -> int:
        """How many findings are not ok."""
        return sum(1 for f in self.findings if f.severity != "ok")

    @property
    def most_urgent(self) -> Finding | None:
        """The finding to act on first."""
        return self.findings[0] if self.findings else None

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready form."""
        return {
            "article": self.article,
            "title_ja": self.title_ja,
            "title_en": self.title_en,
            "checked": self.checked,
            "status": self.status,
            "missing_registers": list(self.missing_registers) if self.unregistered else [],
            "open_findings": self.open_count,
            "findings": [f.to_dict() for f in self.findings],
        }


@dataclass
class ComplianceReport:
    """The engine's answer at one moment: a status for each of Articles 1–19."""

    generated_at: dt.datetime
    articles: dict[int, ArticleStatus]

    @property
    def findings(self) -> list[Finding]:
        """Every open finding, most urgent first."""
        every = [f for a in self.articles.values() for f in a.findings if f.severity != "ok"]
        return sorted(every, key=Finding.sort_key)

    def status_of(self, article: int) -> Status:
        """The status of ``article``."""
        return self.articles[article].status

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready form."""
        return {
            "generated_at": self.generated_at.isoformat(),
            "articles": [a.to_dict() for a in self.articles.values()],
        }
