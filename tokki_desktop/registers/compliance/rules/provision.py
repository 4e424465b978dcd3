"""Art. 4: no provision of the city's personal data to a third party without the client's consent.

What the ledger can prove is *where data went*: every take-out, transport, copy and electronic
transmission names its destination. A destination that is none of the parties the contract
knows — the client, the contractor itself and its reported work places, a subcontractor the
client approved — is a third party, and handing data to one is allowed only with the client's
approval (「委託者に無断で第三者へ提供してはならない」). The record's own approval counts as that
consent when it is granted, of the right type and in force: the client approved that very
activity, destination included.

Deliberately not checked here:
- "use outside the purpose" of an asset whose items exceed the purpose: that is collection
  beyond the need, reported once under Art. 3 (``asset_items_outside_purpose``), not twice;
- whether a free-text purpose fits the contract's purpose: words cannot be judged reliably,
  and a false violation under Art. 4 would teach people to ignore the status.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterator

from tokki_desktop.registers.compliance.data import (
    ComplianceData,
    Row,
    as_date,
    as_moment,
)
from tokki_desktop.registers.compliance.model import Finding
from tokki_desktop.registers.compliance.registry import rule
from tokki_desktop.registers.compliance.rules._common import finding, ref
from tokki_desktop.registers.compliance.rules.activities import (
    ACTIVITY_WORDS,
    approval_problem,
)

#: How people write the client's own offices without naming the city (本庁へ移送, 市役所 課税課).
#: Only at the start of the destination: 「府中市役所」 is another city, a third party.
CLIENT_OFFICE_PREFIXES = ("委託者", "本庁", "庁舎", "市役所", "区役所", "町役場", "村役場", "役場",
                          "都庁", "道庁", "府庁", "県庁")
#: Shorter names match too many unrelated destinations to be taken as the same party.
_MIN_NAME = 2


def _norm(text: object) -> str:
    """Text compared as people mean it: full-width folded, spaces and brackets ignored."""
    folded = unicodedata.normalize("NFKC", str(text or "")).lower()
    return "".join(ch for ch in folded if not ch.isspace() and ch not in "()（）「」[]")


def known_parties(data: ComplianceData, contract: Row, day: dt.date) -> list[str]:
    """Names of the parties the contract may hand data to on ``day`` (normalised)."""
    names = [contract.get(k) for k in ("client", "client_head", "client_department", "contractor_name",
                                        "contractor_address")]
    cid = int(contract["id"])
    for w in data.of_contract("workplaces", cid):
        names += [w.get("name"), w.get("room"), w.get("address")]
    for s in data.of_contract("subcontracts", cid):
        approved, ended = as_date(s.get("approved_on")), as_date(s.get("ended_on"))
        if approved is not None and approved <= day and (ended is None or ended >= day):
            names.append(s.get("name"))
    return [n for n in (_norm(x) for x in names) if len(n) >= _MIN_NAME]


def is_known_party(destination: object, parties: list[str]) -> bool:
    """Whether ``destination`` names one of ``parties`` (or the client's own office)."""
    dest = _norm(destination)
    if not dest:
        return True  # nothing to judge; the destination is a required field anyway
    if dest.startswith(CLIENT_OFFICE_PREFIXES):
        return True
    # 「作業室」 typed for the work place 「市役所第二庁舎 作業室」 counts, and the other way round.
    return any(p in dest or (len(dest) >= _MIN_NAME and dest in p) for p in parties)


@rule("third_party_provision", 4, "第三者への無断提供", "provision to a third party without consent")
def third_party_provision(data: ComplianceData, now: dt.datetime) -> Iterator[Finding]:
    """Data taken, copied or sent to a destination outside the contract without a valid approval."""
    approvals = data.by_id("approvals")
    for c in data.contracts():
        for t in data.of_contract("takeouts", int(c["id"])):
            started = as_moment(t.get("started_at"), now.tzinfo)
            if started is None or started > now:
                continue
            approval = approvals.get(int(t["approval_id"])) if t.get("approval_id") is not None else None
            if approval is not None and approval.get("closed_at"):
                approval = None  # a withdrawn approval consents to nothing
            if approval_problem(t, approval, started.date()) is None:
                continue  # the client approved this very activity, destination included
            if is_known_party(t.get("destination"), known_parties(data, c, started.date())):
                continue
            what_ja, what_en = ACTIVITY_WORDS.get(str(t.get("activity")), ("持出し", "take-out"))
            refs = (ref(data, "takeouts", t),) + ((ref(data, "approvals", approval),) if approval else ())
            yield finding(4, "violation", "third_party_provision",
                          f"{what_ja}（ID {t['id']}）の先は委託者・作業場所・承認済みの再委託先のいずれでもなく、"
                          "委託者の承認なく第三者へ提供されたおそれがあります。",
                          f"{what_en.capitalize()} {t['id']} went to a destination that is neither the client, "
                          "a work place nor an approved subcontractor: a possible provision to a third party "
                          "without the client's consent.",
                          contract=c, refs=refs, due=started,
                          next_ja="提供先を確認して回収・消去を求め、直ちに委託者へ報告してください（事故として記録）。",
                          next_en="Find out where the data went, have it returned or erased, and report it to "
                                  "the client at once (record it as an incident).")
