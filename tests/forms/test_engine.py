"""The layout engine on plain data (no ledger): flow, headers, page numbers, bad input, fonts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from pdfminer.high_level import extract_text
from pypdf import PdfReader

from tokki_desktop.forms import form_spec, render_data
from tokki_desktop.forms.errors import OutputNotWritable
from tokki_desktop.forms.model import Column, Field, Fields, FormSpec, Table, TextBox

from .conftest import pdf_text, png_pages

PROFILE = {
    "title": "令和8年度 住民税課税資料入力業務委託", "client": "小金井市", "client_head": "小金井市長",
    "contractor_address": "東京都小金井市本町六丁目6番3号", "contractor_name": "株式会社テスト情報サービス",
    "contractor_representative": "代表取締役　見本　一郎", "seal_box": 1, "seireki_in_brackets": 0,
}
TODAY = dt.date(2026, 11, 26)

SPEC = FormSpec(
    id="probe", title="検査用報告書", article="第8条", summary_en="probe",
    intro="{profile.title}について下記のとおり報告します。",
    blocks=(
        Fields((Field("契約件名", "profile.title"), Field("所在", "record.place"),
                Field("区分", "record.kind", kind="choice", choices=("速報", "確報")))),
        TextBox("概要", "record.summary"),
        Table((Column("氏名", "name", 2), Column("受領日", "day", 1, "date"), Column("件数", "n", 1, "count", "right")),
              heading="一覧"),
    ),
)


def _data(**record: Any) -> dict[str, Any]:
    return {"profile": dict(PROFILE), "today": TODAY, "record": record, "rows": []}


def _pages_text(path: Path) -> list[str]:
    n = len(PdfReader(str(path)).pages)
    return ["".join(extract_text(str(path), page_numbers=[i]).split()) for i in range(n)]


def test_long_text_flows_onto_continuation_pages_and_nothing_is_clipped(tmp_path: Path) -> None:
    # Numbered markers every ~60 characters: every one of them must be in the PDF.
    summary = "".join(f"【{i:04d}】事故の経緯を記載する文章、「引用」を含む。" for i in range(300))
    result = render_data(SPEC, _data(place="第二作業室", kind="確報", summary=summary), tmp_path / "a.pdf")
    assert result.pages >= 3
    text = pdf_text(result.path)
    missing = [i for i in range(300) if f"【{i:04d}】" not in text]
    assert missing == []
    pages = _pages_text(result.path)
    assert all("検査用報告書（続き）" in p for p in pages[1:])
    assert "概要（続き）" in pages[1]


def test_page_numbers_count_every_page(tmp_path: Path) -> None:
    data = _data(place="x", kind="速報", summary="短い")
    data["rows"] = [{"name": f"氏名{i:03d}", "day": "2026-04-01", "n": i} for i in range(150)]
    result = render_data(SPEC, data, tmp_path / "b.pdf")
    pages = _pages_text(result.path)
    assert result.pages == len(pages) >= 3
    for number, text in enumerate(pages, start=1):
        assert f"{number}/{len(pages)}" in text


def test_table_header_is_repeated_on_every_page(tmp_path: Path) -> None:
    data = _data(place="x", kind="速報", summary="短い")
    data["rows"] = [{"name": f"氏名{i:03d}", "day": "2026-04-01", "n": 1200 + i} for i in range(150)]
    result = render_data(SPEC, data, tmp_path / "c.pdf")
    pages = _pages_text(result.path)
    table_pages = [p for p in pages if "氏名0" in p or "氏名1" in p]
    assert len(table_pages) >= 2
    for p in table_pages:
        assert "氏名受領日件数" in p
    text = "".join(pages)
    assert all(f"氏名{i:03d}" in text for i in range(150))
    assert "令和8年4月1日" in text and "1,349件" in text


def test_choice_marks_the_chosen_value(tmp_path: Path) -> None:
    text = pdf_text(render_data(SPEC, _data(place="x", kind="確報", summary="s"), tmp_path / "d.pdf").path)
    assert "□速報■確報" in text


def test_missing_required_value_prints_a_marked_empty_box(tmp_path: Path) -> None:
    result = render_data(SPEC, _data(kind="速報", summary=""), tmp_path / "e.pdf")
    assert "所在" in result.missing and "概要" in result.missing
    text = pdf_text(result.path)
    assert text.count("※未記入") >= 2
    assert "□速報■確報" not in text


def test_missing_profile_leaves_the_addressee_blank_and_says_so(tmp_path: Path) -> None:
    data = _data(place="x", kind="速報", summary="s")
    data["profile"] = {}
    result = render_data(SPEC, data, tmp_path / "f.pdf")
    assert "宛先（委託者の長）" in result.missing and "商号又は名称" in result.missing
    assert "※未記入" in pdf_text(result.path)


def test_characters_outside_the_font_are_reported_and_printed_as_geta(tmp_path: Path) -> None:
    # 𠮷 (U+20BB7, a rare variant of 吉) and an emoji are not in IPAex.
    result = render_data(SPEC, _data(place="𠮷野町😀", kind="速報", summary="葛\U000E0100城"),
                         tmp_path / "g.pdf")
    assert "所在: U+20BB7" in result.unsupported
    assert "所在: U+1F600" in result.unsupported
    assert "概要: U+E0100" in result.unsupported  # the variation selector; 葛 itself prints
    text = pdf_text(result.path)
    assert "〓野町〓" in text
    assert "葛城" in text
    # Reports name labels and code points only, never the value.
    assert not any("野町" in u for u in result.unsupported)


def test_a_value_too_long_for_its_box_shrinks_then_wraps_and_never_disappears(tmp_path: Path) -> None:
    place = "".join(f"〈{i:02d}〉東京都小金井市本町六丁目" for i in range(40))
    result = render_data(SPEC, _data(place=place, kind="速報", summary="s"), tmp_path / "h.pdf")
    text = pdf_text(result.path)
    assert all(f"〈{i:02d}〉" in text for i in range(40))
    slightly_long = "東京都小金井市本町六丁目6番3号 サンプルビルディング4階 北側 第二作業室"
    result = render_data(SPEC, _data(place=slightly_long, kind="速報", summary="s"), tmp_path / "i.pdf")
    assert slightly_long.replace(" ", "") in pdf_text(result.path)


def test_seal_box_and_seireki_follow_the_profile(tmp_path: Path) -> None:
    data = _data(place="x", kind="速報", summary="s")
    with_seal = pdf_text(render_data(SPEC, data, tmp_path / "j.pdf").path)
    assert "印" in with_seal and "令和8年11月26日" in with_seal and "2026年" not in with_seal
    data["profile"] = {**PROFILE, "seal_box": 0, "seireki_in_brackets": 1}
    without = pdf_text(render_data(SPEC, data, tmp_path / "k.pdf").path)
    assert "印" not in without
    assert "令和8年（2026年）11月26日" in without


def test_conventions_of_the_header(tmp_path: Path) -> None:
    text = pdf_text(render_data(SPEC, _data(place="x", kind="速報", summary="s"), tmp_path / "l.pdf").path)
    # (Extraction order follows the reader's grouping, so labels and values are looked for apart.)
    for expected in ("検査用報告書", "小金井市長様", "所在地", "東京都小金井市本町六丁目6番3号", "商号又は名称",
                     "株式会社テスト情報サービス", "代表者職氏名", "代表取締役見本一郎", "記", "以上", "第号"):
        assert expected in text


def test_every_font_is_embedded_as_a_subset(tmp_path: Path) -> None:
    spec = form_spec("pledge_handler")
    data = _data(affiliation="入力課", role="従事者")
    path = render_data(spec, data, tmp_path / "m.pdf").path
    reader = PdfReader(str(path))
    seen = 0
    for page in reader.pages:
        fonts = page["/Resources"]["/Font"]
        for ref in fonts.values():
            font = ref.get_object()
            name = str(font["/BaseFont"])
            descriptor = font["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, name  # the TrueType program is in the file
            assert name[7:8] == "+" and name[1:7].isupper(), name  # subset tag ABCDEF+
            assert name.endswith(("IPAexMincho", "IPAexGothic")), name
            seen += 1
    assert seen >= 2
    assert len(png_pages(path, tmp_path / "m")) == len(reader.pages)


def test_unwritable_output_is_a_known_error_and_leaves_nothing(tmp_path: Path) -> None:
    with pytest.raises(OutputNotWritable):
        render_data(SPEC, _data(place="x", kind="速報", summary="s"), tmp_path / "no-such-folder" / "a.pdf")
    assert not (tmp_path / "no-such-folder").exists()


def test_worker_threads_can_render_at_the_same_time(tmp_path: Path) -> None:
    # The GUI renders from a worker thread while another form may be rendering.
    from concurrent.futures import ThreadPoolExecutor

    def one(i: int) -> Path:
        return render_data(SPEC, _data(place=f"作業室{i:02d}", kind="速報", summary="同時に作成"),
                           tmp_path / f"t{i}.pdf").path

    with ThreadPoolExecutor(max_workers=4) as pool:
        paths = list(pool.map(one, range(8)))
    for i, path in enumerate(paths):
        assert f"作業室{i:02d}" in pdf_text(path)


def test_a_huge_table_cell_continues_on_the_next_page_with_the_header(tmp_path: Path) -> None:
    data = _data(place="x", kind="速報", summary="s")
    note = "".join(f"《{i:03d}》備考の長い記載、" for i in range(400))
    data["rows"] = [{"name": "前の行", "day": "2026-04-01", "n": 1}, {"name": note, "day": "2026-04-02", "n": 2},
                    {"name": "後の行", "day": "2026-04-03", "n": 3}]
    result = render_data(SPEC, data, tmp_path / "n.pdf")
    pages = _pages_text(result.path)
    assert result.pages >= 3
    text = "".join(pages)
    assert all(f"《{i:03d}》" in text for i in range(400))
    assert "前の行" in pages[0] and "後の行" in pages[-1]
    assert all("氏名受領日件数" in p for p in pages[1:])


def test_long_addressee_and_signature_values_wrap_instead_of_being_cut(tmp_path: Path) -> None:
    spec = form_spec("pledge_handler")
    long_dept = "情報システム本部 第二データ入力センター 住民税課税資料入力課 第三係 夜間作業班"
    data = _data(affiliation=long_dept, role="従事者")
    data["profile"] = {**PROFILE, "client_head": "東京都小金井市長 職務代理者 小金井市副市長 兼 総務部長事務取扱"}
    text = pdf_text(render_data(spec, data, tmp_path / "o.pdf").path)
    assert long_dept.replace(" ", "") in text
    assert "兼総務部長事務取扱" in text and "様" in text


def test_pledge_keeps_the_signature_line_when_seals_are_dropped(tmp_path: Path) -> None:
    data = _data(affiliation="入力課", role="従事者")
    data["profile"] = {**PROFILE, "seal_box": 0}
    text = pdf_text(render_data(form_spec("pledge_handler"), data, tmp_path / "p.pdf").path)
    assert "氏名（自署）" in text and "印" not in text


def test_seireki_in_brackets_reaches_table_dates_too(tmp_path: Path) -> None:
    data = _data(place="x", kind="速報", summary="s")
    data["profile"] = {**PROFILE, "seireki_in_brackets": 1}
    data["rows"] = [{"name": "甲", "day": "2027-01-05", "n": 1}]
    text = pdf_text(render_data(SPEC, data, tmp_path / "q.pdf").path)
    assert "令和9年（2027年）1月5日" in text


def test_a_missing_font_file_is_a_known_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tokki_desktop.forms import fonts
    from tokki_desktop.forms.errors import FontMissing

    monkeypatch.setattr(fonts, "_loaded", {})
    monkeypatch.setattr(fonts, "font_dir", lambda: tmp_path / "nowhere")
    with pytest.raises(FontMissing) as caught:
        fonts.ensure_fonts()
    assert "ipaex" in caught.value.message("en")


def test_frozen_builds_find_the_fonts_under_the_bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from tokki_desktop.forms import fonts

    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert fonts.font_dir() == tmp_path / "resources" / "fonts"
