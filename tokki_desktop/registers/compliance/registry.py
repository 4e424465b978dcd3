"""The list of compliance rules, open for other parts to add to.

A rule is a plain function ``(data: ComplianceData, now: datetime) -> Iterable[Finding]``
declared with :func:`rule`. Other parts (the monitor) add rules from their own module by
decorating functions the same way; the module only has to be named in :data:`RULE_MODULES`
so that :func:`load_rules` imports it.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tokki_desktop.registers.compliance.data import ComplianceData
    from tokki_desktop.registers.compliance.model import Finding

RuleFunc = Callable[["ComplianceData", dt.datetime], Iterable["Finding"]]

#: Modules whose import registers rules. A module that is not there (yet) is skipped;
#: an error *inside* one is a bug and is raised.
RULE_MODULES: tuple[str, ...] = (
    "tokki_desktop.registers.compliance.rules",
    "tokki_desktop.monitor.compliance_rules",
    "tokki_desktop.site.compliance_rules",
)


@dataclass(frozen=True)
class Rule:
    """One registered rule: a stable code, the article it speaks for, the function."""

    code: str
    article: int
    func: RuleFunc
    summary_ja: str
    summary_en: str
    also_articles: tuple[int, ...] = ()
    #: Registers that must hold an open record before the rule has anything to judge (no
    #: person registered: "every person pledged" is not true, it is not known yet).
    needs: tuple[str, ...] = ()

    @property
    def articles(self) -> tuple[int, ...]:
        """Every article the rule may report under."""
        return (self.article, *self.also_articles)


RULES: dict[str, Rule] = {}


def rule(code: str, article: int, summary_ja: str, summary_en: str, *,
         also_articles: tuple[int, ...] = (), needs: tuple[str, ...] = ()) -> Callable[[RuleFunc], RuleFunc]:
    """Register the decorated function as rule ``code`` for ``article`` (and ``also_articles``).

    ``needs``: the registers without whose records the rule has nothing to judge; an article
    all of whose rules have nothing to judge is "nothing registered yet", not ok."""

    def deco(func: RuleFunc) -> RuleFunc:
        if code in RULES and RULES[code].func is not func:
            raise ValueError(f"compliance rule {code} registered twice")
        RULES[code] = Rule(code, article, func, summary_ja, summary_en, also_articles, needs)
        return func

    return deco


def load_rules() -> dict[str, Rule]:
    """Import every rule module (once) and return the registered rules."""
    for name in RULE_MODULES:
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as e:
            if e.name is None or not name.startswith(e.name):
                raise
    return RULES
