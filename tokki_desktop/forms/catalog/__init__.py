"""Every printable form, declared as data and looked up by id."""

from __future__ import annotations

import re

from tokki_desktop.forms.catalog import (
    handovers,
    incidents,
    media,
    pledges,
    reports,
    staff,
    subcontracts,
    vault,
)
from tokki_desktop.forms.model import FormSpec


def _article_number(spec: FormSpec) -> int:
    digits = re.match(r"第(\d+)条", spec.article)
    return int(digits.group(1)) if digits else 99  # the vault's own sheets come last


#: Forms in the order of the articles (how `tokki forms list` shows them).
FORMS: dict[str, FormSpec] = {
    spec.id: spec
    for spec in sorted(
        (s for module in (pledges, media, staff, reports, subcontracts, handovers, incidents, vault)
         for s in module.FORMS),
        key=_article_number,
    )
}
