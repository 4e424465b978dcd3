"""Every form filled from a real (SQLCipher) ledger, read back; the audit event; bad requests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tokki_desktop.errors import NotFound
from tokki_desktop.forms import list_forms, record_choices, render, render_all
from tokki_desktop.forms.errors import (
    NotForThisForm,
    OutputNotWritable,
    RecordRequired,
    SecretRequired,
    UnknownForm,
)
from tokki_desktop.registers import repository as repo

from .conftest import pdf_text, png_pages

# What each form must show, read back from its PDF (spaces removed by the extraction helper).
EXPECTED: dict[str, tuple[str, ...]] = {
    "pledge_officer": ("誓約書", "小金井市長様", "取扱責任者として", "情報処理部", "氏名（自署）", "令和年月日"),
    "pledge_handler": ("誓約書", "従事者として", "入力課", "取扱責任者の指示に従い"),
    "copy_approval": ("複写・複製承認申請書", "課税資料の一部を照合用に1部複写する", "令和8年度課税資料",
                      "令和8年4月20日"),
    "media_use": ("電磁的記録媒体使用届・承諾申請書", "USB-001", "USBメモリ", "あり（AES-256ハードウェア暗号化）",
                  "SN12345678"),
    "takeout_approval": ("個人情報持出し承認申請書", "照合のため市役所へ課税資料を持ち出す", "令和8年4月25日"),
    "transmission_approval": ("電磁的方法による送信承諾申請書", "第6条第5号", "暗号化ファイル交換で送信"),
    "media_inspection": ("電磁的記録媒体点検記録", "令和8年7月1日", "USB-001", "異常なし", "90日ごと",
                         "棚卸しスキャンの結果（証跡）", "令和8年6月30日10時05分", "検査1,234件／個人情報3件",
                         "暗号化2件／読取不可1件", "完了（スキャンNo.1）"),
    "inventory_scans": ("棚卸しスキャン結果（定期点検の証跡）", "第6条第2号の定期点検の証跡", "媒体の点検", "定期スキャン",
                        "監視フォルダ（全体）", "令和8年6月30日9時40分", "10,250件", "中断（未完了）"),
    "takeout_log": ("個人情報持出し・移送記録", "移送", "令和8年5月1日9時00分", "小金井市役所",
                    "2名で施錠ケースにより移送"),
    "asset_ledger": ("個人情報管理台帳", "令和8年度課税資料", "氏名、住所、生年月日、税額", "1,200件", "紙（USB-001）",
                     "利用中"),
    "staff_report": ("個人情報取扱責任者・従事者報告書", "責任太郎", "従事花子", "ジュウジハナコ",
                     "派遣（派遣元:派遣サンプル株式会社）", "令和8年4月1日から令和9年3月31日まで"),
    "staff_change": ("変更承認申請書", "追加", "従事花子", "入力件数の増加に伴い従事者を1名追加する。", "令和8年4月10日"),
    "workplace_report": ("作業場所報告書", "本社第二作業室", "4階402号室", "ICカード", "ID-0012"),
    "training_record": ("研修実施記録", "個人情報保護研修", "90分", "従事花子", "令和8年4月8日"),
    "implementation_report": ("実施状況報告書", "自己点検", "第8条", "第19条", "改善指示への対応",
                              "取扱責任者1人、従事者1人", "苦情1件、事故1件"),
    "subcontract_application": ("再委託承認申請書", "1再委託先の名称", "株式会社サンプル入力", "8再委託の期間", "添付書類",
                                "月1回の立入確認と作業報告書の提出", "ISMS認証取得"),
    "supervision_report": ("再委託先監督状況報告書", "株式会社サンプル入力", "立入確認を2回実施し、問題なし。"),
    "receipt": ("預り証", "令和8年4月15日10時30分", "小金井市役所第二庁舎", "1,200件", "市民税課担当者"),
    "disposal_application": ("返還・廃棄申請書", "■廃棄", "物理破壊", "令和9年3月25日"),
    "disposal_report": ("廃棄（消去）報告書", "令和9年3月25日15時00分", "物理的な破壊又は判読不可能とする措置を講じた"),
    "complaint_report": ("苦情処理報告書", "電話応対の際の確認が不十分との指摘", "■対応中"),
    "incident_report": ("事故報告書", "■速報□確報", "誤って別の資料に1枚混入した。", "1人", "照合手順の省略",
                        "9その他参考となる事項"),
    "emergency_plan": ("緊急時対応計画", "個人情報漏えい等事故対応計画", "証拠保全、被害拡大防止、復旧、再発防止の各手順"),
    "audit_checkpoint": ("監査記録チェックポイント票", "責任太郎"),
}


def test_render_all_makes_every_form_with_its_values(filled: dict[str, Any], tmp_path: Path) -> None:
    session = filled["session"]
    results, skipped = render_all(session, tmp_path / "out")
    made = {r.form_id for r in results}
    assert skipped == ["recovery_key"]
    assert made == {f.id for f in list_forms()} - {"recovery_key"}
    assert set(EXPECTED) == made
    for r in results:
        text = pdf_text(r.path)
        for expected in EXPECTED[r.form_id]:
            assert expected in text, (r.form_id, expected)
        assert f"1/{r.pages}" in text
        assert r.unsupported == []
    # One pledge per person: the officer's and the handler's version each go to the right one.
    pledges = sorted((r.form_id, r.record_id) for r in results if r.form_id.startswith("pledge"))
    assert pledges == [("pledge_handler", filled["handler"]), ("pledge_officer", filled["officer"])]


def test_every_page_of_every_form_renders_to_png(filled: dict[str, Any], tmp_path: Path) -> None:
    results, _ = render_all(filled["session"], tmp_path / "out")
    for r in results:
        assert len(png_pages(r.path, tmp_path / "png" / r.form_id, dpi=20)) == r.pages


def test_rendering_is_audited_without_personal_data(filled: dict[str, Any], tmp_path: Path) -> None:
    session = filled["session"]
    render(session, "pledge_handler", filled["handler"], out_path=tmp_path / "p.pdf")
    render(session, "asset_ledger", out_path=tmp_path / "a.pdf")
    rows = session.ledger.read("SELECT actor, action, tbl, row_id, change FROM audit_log WHERE action = 'form_rendered'"
                               " ORDER BY seq")
    assert [(r["tbl"], r["row_id"]) for r in rows] == [("people", filled["handler"]), ("assets", None)]
    first = json.loads(rows[0]["change"])
    assert first["form"] == "pledge_handler" and first["pages"] == 1 and first["personal_data"] is True
    assert rows[0]["actor"] == session.user.login
    everything = " ".join(r["change"] for r in rows)
    for personal in ("従事", "花子", "入力課", "課税資料"):
        assert personal not in everything


def test_incident_becomes_a_final_report_once_recorded(filled: dict[str, Any], tmp_path: Path) -> None:
    session = filled["session"]
    repo.update(session, "incidents", filled["incident"], {"final_report_at": "2026-09-20 10:00"})
    text = pdf_text(render(session, "incident_report", filled["incident"], out_path=tmp_path / "i.pdf").path)
    assert "□速報■確報" in text and "令和8年9月20日" in text


def test_recovery_key_sheet_needs_the_key_and_prints_it(filled: dict[str, Any], tmp_path: Path) -> None:
    session = filled["session"]
    with pytest.raises(SecretRequired):
        render(session, "recovery_key", out_path=tmp_path / "k.pdf")
    assert not (tmp_path / "k.pdf").exists()
    key = "ABCD-EFGH-JKLM-NPQR-STUV-WXYZ-2345-6789"
    result = render(session, "recovery_key", out_path=tmp_path / "k.pdf", recovery_key=key)
    assert key in pdf_text(result.path)
    change = session.ledger.read("SELECT change FROM audit_log WHERE action = 'form_rendered'")[-1]["change"]
    assert "ABCD" not in change  # the key is never in the ledger


def test_audit_checkpoint_sheet_shows_the_head_of_the_chain(filled: dict[str, Any], tmp_path: Path) -> None:
    session = filled["session"]
    expected = session.checkpoint().text()
    text = pdf_text(render(session, "audit_checkpoint", out_path=tmp_path / "c.pdf").path)
    assert expected in text


def test_bad_requests_are_known_errors_and_write_nothing(filled: dict[str, Any], tmp_path: Path) -> None:
    session = filled["session"]
    before = session.ledger.audit_head()
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    with pytest.raises(UnknownForm):
        render(session, "no_such_form", out_path=tmp_path / "x.pdf")
    with pytest.raises(RecordRequired):
        render(session, "pledge_officer", out_path=tmp_path / "x.pdf")
    with pytest.raises(NotForThisForm):
        render(session, "pledge_officer", filled["handler"], out_path=tmp_path / "x.pdf")
    with pytest.raises(NotFound):
        render(session, "receipt", 9999, out_path=tmp_path / "x.pdf")
    with pytest.raises(OutputNotWritable):
        render(session, "staff_report", out_path=tmp_path / "missing" / "x.pdf")
    assert session.ledger.audit_head() == before  # no event for a PDF that was not written
    assert list(tmp_path.iterdir()) == []


def test_a_handler_can_print_forms_too(handler_session: Any, tmp_path: Path) -> None:
    result = render(handler_session, "staff_report", out_path=tmp_path / "s.pdf")
    assert result.pages == 1 and "該当なし" in pdf_text(result.path)


def test_record_choices_list_what_a_per_record_form_is_made_for(filled: dict[str, Any]) -> None:
    session = filled["session"]
    assert record_choices(session, "pledge_handler") == [(filled["handler"], "従事 花子")]
    assert record_choices(session, "pledge_officer") == [(filled["officer"], "責任 太郎")]
    assert record_choices(session, "media_use") == [(filled["media"], "USB-001")]
    assert record_choices(session, "asset_ledger") == []
