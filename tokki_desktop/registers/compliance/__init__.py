"""The compliance engine: the ledger turned into a status per article (ok / due soon / overdue / violation).

``evaluate(session, now)`` reads the registers once and runs every registered rule
(:mod:`.registry`); ``evaluate_data(data, now)`` does the same on rows already in hand.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from tokki_desktop.registers.catalog import SPECS
from tokki_desktop.registers.compliance.data import ComplianceData
from tokki_desktop.registers.compliance.model import (
    ARTICLE_TITLES,
    ArticleStatus,
    ComplianceReport,
    Finding,
    RecordRef,
    Severity,
)
from tokki_desktop.registers.compliance.registry import RULES, Rule, load_rules, rule


def load_data(session: Any) -> ComplianceData:
    """Every register's rows, read in one pass (closed rows too: references may point at them)."""
    ledger = session.ledger
    rows = {kind: [dict(r) for r in ledger.read(f"SELECT * FROM {spec.table}")] for kind, spec in SPECS.items()}

    def extra(table: str) -> list[dict[str, Any]]:
        ledger.columns(table)  # refuses a name that is not a table of the ledger
        return [dict(r) for r in ledger.read(f"SELECT * FROM {table}")]

    return ComplianceData(rows, extra)


def evaluate_data(data: ComplianceData, now: dt.datetime) -> ComplianceReport:
    """Run every rule on ``data`` at ``now``; a status for each of Articles 1–19."""
    rules = load_rules()
    articles = {
        n: ArticleStatus(n, ja, en, checked=any(n in r.articles for r in rules.values()))
        for n, (ja, en) in ARTICLE_TITLES.items()
    }
    for r in rules.values():
        for f in r.func(data, now):
            articles[f.article].findings.append(f)
    for a in articles.values():
        a.findings.sort(key=Finding.sort_key)
        _mark_unregistered(a, [r for r in rules.values() if a.article in r.articles], data)
    return ComplianceReport(now, articles)


def _mark_unregistered(article: ArticleStatus, rules: list[Rule], data: ComplianceData) -> None:
    """Nothing registered yet: every rule of the article needs records its registers lack."""
    if not rules or any(not r.needs for r in rules):
        return  # some rule judges the contract itself (or the monitor): the article is judged
    needed = tuple(dict.fromkeys(kind for r in rules for kind in r.needs))
    if any(data.rows(kind) for kind in needed):
        return
    names_ja = "・".join(f"「{SPECS[k].label_ja}」" for k in needed)
    names_en = ", ".join(f"'{SPECS[k].label_en}'" for k in needed)
    article.missing_registers = needed
    article.todo_ja = f"{names_ja}に記録がないため確認できません。まず登録してください。"
    article.todo_en = f"Nothing to check: nothing is registered in {names_en} yet. Register it first."


def evaluate(session: Any, now: dt.datetime | None = None) -> ComplianceReport:
    """The compliance report of the ledger at ``now`` (default: the session's clock)."""
    return evaluate_data(load_data(session), now or session.clock.now())


__all__ = [
    "ARTICLE_TITLES",
    "RULES",
    "ArticleStatus",
    "ComplianceData",
    "ComplianceReport",
    "Finding",
    "RecordRef",
    "Rule",
    "Severity",
    "evaluate",
    "evaluate_data",
    "load_data",
    "rule",
]
