"""Round 4 for documents: PDFs whose maker drew ■ for the characters its font lacked (invented
files made here with ReportLab's standard fonts, never a corpus file)."""

from __future__ import annotations

import io

from reportlab.pdfgen import canvas

from tokki_desktop.scanner import CLEAN, PERSONAL_DATA, UNREADABLE, scan_bytes


def _helvetica_pdf(lines: list[str]) -> bytes:
    """ReportLab with a standard font: every character it lacks is drawn as ZapfDingbats ■."""
    out = io.BytesIO()
    c = canvas.Canvas(out)
    c.setFont("Helvetica", 11)
    for i, line in enumerate(lines):
        c.drawString(40, 800 - i * 18, line)
    c.save()
    return out.getvalue()


def test_a_report_printed_as_squares_is_clean_and_says_why() -> None:
    lines = ["2024年度 売上報告", "製品 第1四半期 第2四半期"] + [f"製品{i} {1000 + i * 37} +{i}.5%" for i in range(20)]
    res = scan_bytes(_helvetica_pdf(lines), "report.pdf")
    assert res.verdict == CLEAN and "■" in res.reason and "not in the file" in res.reason_en


def test_a_list_whose_names_were_never_written_is_clean() -> None:
    # The names were drawn as ■: the file holds no name for anyone to read.
    lines = ["社員名簿"] + [f"EMP{i:03d} 山田 太郎 営業部 2017年06月 {30 + i}" for i in range(20)]
    assert scan_bytes(_helvetica_pdf(lines), "staff.pdf").verdict == CLEAN


def test_particulars_beside_the_squares_are_never_clean() -> None:
    for lines in (["履歴書", "氏名 山田 太郎", "Email: taro.yamada@example.com", "Date of Birth: 1992-08-18",
                   "Phone: 090-1234-5678", "住所 東京都千代田区千代田1-1-1"],
                  ["職務経歴書 鈴木花子", "生年月日 1988-02-03", "連絡先 hanako.suzuki@example.jp"]):
        assert scan_bytes(_helvetica_pdf(lines), "cv.pdf").verdict == UNREADABLE


def test_readable_personal_data_beside_squares_is_still_personal() -> None:
    lines = ["名簿"] + [f"Taro Yamada{i} taro{i}@example.com 090-1234-56{i:02d}" for i in range(10)]
    assert scan_bytes(_helvetica_pdf(lines), "list.pdf").verdict == PERSONAL_DATA


def test_square_bullets_in_a_latin_notice_change_nothing() -> None:
    lines = [f"■ Item {i}: the office opens at 9:00." for i in range(30)] + ["City office 087-839-2111"]
    res = scan_bytes(_helvetica_pdf(lines), "notice.pdf")
    assert res.verdict == CLEAN and "■" not in res.reason
