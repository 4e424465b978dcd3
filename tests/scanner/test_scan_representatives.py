"""The representative setting: whose name in a 代表者 / 開設者 column makes a row a person's.

``sole_proprietors`` (the default) counts a sole proprietor (開設者 of 白石医院) and leaves a
corporation's representative (代表者 of a 株式会社) to the corporation; ``all`` counts every
representative. The setting lives in the ledger, travels in the site policy, and is a flag
of ``tokki scan``.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from tests.conftest import HANDLER, OFFICER
from tokki_desktop.scanner import ScanLimits, scan_bytes
from tokki_desktop.scanner.result import CLEAN, PERSONAL_DATA

CORPORATIONS = [("株式会社さぬき介護サービス", "山田 太郎"), ("社会福祉法人みどり会", "佐藤 花子"),
                ("有限会社高松ケア", "鈴木 一郎"), ("医療法人健康会", "田中 次郎"), ("特定非営利活動法人ひまわり", "高橋 美咲")]


def _csv(rows: list[list[str]]) -> bytes:
    return ("\n".join(",".join(r) for r in rows) + "\n").encode("utf-8")


def _corporate_list(head: list[str]) -> bytes:
    rows = [head] + [[org, rep, f"香川県高松市番町{i}丁目{i}-1", f"087-83{i}-12{i}4"]
                     for i, (org, rep) in enumerate(CORPORATIONS, 1)]
    return _csv(rows)


def _all() -> ScanLimits:
    return ScanLimits(representatives="all")


@pytest.mark.parametrize("head", [["事業所名", "代表者", "所在地", "電話番号"],
                                  ["法人名称", "理事長", "住所", "TEL"],
                                  ["名称", "代表者氏名", "所在地", "電話"]])
def test_corporate_representatives_are_clean_by_default_and_personal_with_all(head: list[str]) -> None:
    data = _corporate_list(head)
    res = scan_bytes(data, "jigyosho.csv")
    assert res.verdict == CLEAN and "施設・団体" in res.reason
    strict = scan_bytes(data, "jigyosho.csv", limits=_all())
    assert strict.verdict == PERSONAL_DATA and strict.records == len(CORPORATIONS)


def test_a_sole_proprietor_is_a_person_under_either_setting() -> None:
    head = ["施設名称", "所在地", "電話番号", "開設者"]
    rows = [[f"サンプル保育園{i}", f"高松市番町{i}-8-15", "087-839-2111", f"株式会社サンプル{i}"] for i in range(1, 9)]
    rows.append(["白石医院", "高松市番町9-1-1", "087-839-2119", "白石 芳郎"])
    for limits in (None, _all()):
        res = scan_bytes(_csv([head] + rows), "b.csv", limits=limits)
        assert res.verdict == PERSONAL_DATA and res.records == 1


def test_a_representative_column_of_companies_is_clean_under_either_setting() -> None:
    # 開設者 holding the corporations themselves names no one, however strict the site.
    head = ["施設名称", "所在地", "電話番号", "開設者"]
    rows = [[f"サンプル保育園{i}", f"高松市番町{i}-8-15", "087-839-2111", f"株式会社サンプル{i}"] for i in range(1, 9)]
    for limits in (None, _all()):
        assert scan_bytes(_csv([head] + rows), "a.csv", limits=limits).verdict == CLEAN


def test_english_owner_column_of_a_company_list() -> None:
    rows = [["Company", "Representative", "Address", "Phone"]] + [
        [org, rep, f"高松市番町{i}-1-1", f"087-821-00{i}0"] for i, (org, rep) in enumerate(CORPORATIONS, 1)]
    assert scan_bytes(_csv(rows), "companies.csv").verdict == CLEAN
    assert scan_bytes(_csv(rows), "companies.csv", limits=_all()).verdict == PERSONAL_DATA


def test_an_unknown_setting_is_refused() -> None:
    with pytest.raises(ValueError):
        ScanLimits(representatives="everyone")


def test_the_setting_is_an_officers_audited_choice(officer_session, handler_session) -> None:
    from tokki_desktop.errors import InvalidInput
    from tokki_desktop.monitor import settings

    assert settings.representatives(officer_session.ledger) == "sole_proprietors"
    assert settings.scan_limits(officer_session.ledger).representatives == "sole_proprietors"
    with pytest.raises(Exception) as refused:
        settings.set_representatives(handler_session, "all")
    assert "取扱責任者" in str(refused.value) or "officer" in str(refused.value)
    with pytest.raises(InvalidInput):
        settings.set_representatives(officer_session, "everyone")
    settings.set_representatives(officer_session, "all")
    assert settings.scan_limits(officer_session.ledger).representatives == "all"
    actions = [r["action"] for r in officer_session.ledger.read("SELECT action FROM audit_log")]
    assert "scanner_representatives" in actions


def test_the_setting_travels_in_the_site_policy(officer_session) -> None:
    from tokki_desktop.monitor import settings
    from tokki_desktop.site.policy import TerminalPolicy, policy_hash, site_policy

    before = site_policy(officer_session.ledger, [], 300)
    assert before["representatives"] == "sole_proprietors"
    settings.set_representatives(officer_session, "all")
    after = site_policy(officer_session.ledger, [], 300)
    assert policy_hash(after) != policy_hash(before)  # a change is a new policy for the terminals
    held = TerminalPolicy.from_dict({**after, "version": 2})
    assert held.representatives == "all" and held.scan_limits().representatives == "all"
    # A policy written before the setting existed means the default.
    old = {k: v for k, v in after.items() if k != "representatives"}
    assert TerminalPolicy.from_dict(old).scan_limits().representatives == "sole_proprietors"


def test_the_monitor_scans_with_the_sites_setting(tmp_path: Path) -> None:
    from tokki_desktop.monitor.scanning import scan

    path = tmp_path / "jigyosho.csv"
    path.write_bytes(_corporate_list(["事業所名", "代表者", "所在地", "電話番号"]))
    assert scan(path).verdict == CLEAN
    assert scan(path, limits=_all()).verdict == PERSONAL_DATA


def _run(argv: list[str]) -> tuple[int, str]:
    from tokki_desktop.cli import main

    out = io.StringIO()
    return main(argv, out=out), out.getvalue()


def test_tokki_scan_flag_and_the_ledgers_setting(created_ledger, tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "jigyosho.csv"
    path.write_bytes(_corporate_list(["事業所名", "代表者", "所在地", "電話番号"]))
    code, out = _run(["scan", "--json", str(path)])
    assert code == 0 and json.loads(out)["verdict"] == "clean"
    code, out = _run(["scan", "--json", "--representatives", "all", str(path)])
    assert code == 1 and json.loads(out)["verdict"] == "personal_data"
    # Without the flag, the ledger's setting when the ledger can be opened without asking.
    data_dir, _ = created_ledger
    monkeypatch.setenv("TOKKI_PASSPHRASE", OFFICER[2])
    base = ["--data-dir", str(data_dir), "--user", OFFICER[0]]
    assert _run(["monitor", *base, "--representatives", "all"])[0] == 0
    code, out = _run(["scan", *base, "--json", "--no-fingerprints", str(path)])
    assert code == 1 and json.loads(out)["verdict"] == "personal_data"
    code, out = _run(["scan", *base, "--json", "--representatives", "sole_proprietors", str(path)])
    assert code == 0
    monkeypatch.setenv("TOKKI_PASSPHRASE", HANDLER[2])
    code, _ = _run(["monitor", "--data-dir", str(data_dir), "--user", HANDLER[0], "--representatives", "all"])
    assert code != 0  # only an officer changes it


def test_a_wrong_value_of_the_flag_is_refused(tmp_path: Path, capsys) -> None:
    with pytest.raises(SystemExit):
        _run(["scan", "--representatives", "everyone", str(tmp_path)])
    assert "sole_proprietors" in capsys.readouterr().err
