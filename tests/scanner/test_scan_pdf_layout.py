"""PDF text from PDFium laid out by character positions (extract/pdf_layout.py): table cells
stay apart, rows stay rows, nothing drawn is dropped, and a password is still a password."""

from __future__ import annotations

import io
from pathlib import Path
from types import ModuleType

import pypdfium2 as pdfium
import pytest
from stdnum.jp import in_ as my_number

from tokki_desktop.scanner import CLEAN, ENCRYPTED, PERSONAL_DATA, ScanLimits, scan_bytes
from tokki_desktop.scanner.extract import Encrypted, ScanContext, Unreadable
from tokki_desktop.scanner.extract.pdf import extract_pdf, page_texts
from tokki_desktop.scanner.extract.pdf_layout import CELL

FONT = Path(__file__).resolve().parents[2] / "resources" / "fonts" / "ipaexg.ttf"
POPULATION_COLUMNS = (40, 170, 230, 300, 350)
ROSTER_COLUMNS = (40, 110, 190, 290, 350)


def _canvas(buf: io.BytesIO, font: str = "IPAexGothic"):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if font not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(font, str(FONT)) if font == "IPAexGothic" else UnicodeCIDFont(font))
    c = canvas.Canvas(buf, invariant=1)
    c.setFont(font, 10)
    return c


def _cells_pdf(rows: list[list[str]], columns: tuple[int, ...], *, by_column: bool = False,
               font: str = "IPAexGothic") -> bytes:
    """A table as a spreadsheet prints it: each cell drawn on its own at its column, no spaces."""
    buf = io.BytesIO()
    c = _canvas(buf, font)
    cells = [(r, k) for r in range(len(rows)) for k in range(len(rows[r]))]
    if by_column:
        cells.sort(key=lambda rk: (rk[1], rk[0]))
    for r, k in cells:
        c.drawString(columns[k], 800 - 16 * r, rows[r][k])
    c.save()
    return buf.getvalue()


def _text(data: bytes) -> str:
    return "\n".join(p.text for p in extract_pdf(data, ScanContext.start(ScanLimits())))


def _my_number_in_three_cells() -> list[str]:
    body = "19172543162"
    number = body + my_number.calc_check_digit(body)
    return [number[:4], number[4:8], number[8:]]


def _population(corpus_module: ModuleType) -> list[list[str]]:
    rows = corpus_module.population_rows(corpus_module.Gen(7))[:12]
    # Households, population and men of one district read as a valid My Number when joined.
    rows[3][1:4] = _my_number_in_three_cells()
    return rows


def test_population_cells_do_not_join_into_a_my_number(corpus_module: ModuleType) -> None:
    data = _cells_pdf(_population(corpus_module), POPULATION_COLUMNS)
    a, b, c = _my_number_in_three_cells()
    document = pdfium.PdfDocument(data)
    try:
        page = document[0]
        plain = page.get_textpage().get_text_range()
    finally:
        document.close()
    # Why the layout step exists: PDFium's own text joins the cells with single spaces.
    assert f"{a} {b} {c}" in plain
    text = _text(data)
    assert f"{a}{CELL}{b}{CELL}{c}" in text
    res = scan_bytes(data, "population.pdf")
    assert res.verdict == CLEAN and "my_number" not in res.findings, res.findings


def test_a_my_number_written_in_groups_is_still_found() -> None:
    a, b, c = _my_number_in_three_cells()
    buf = io.BytesIO()
    canvas = _canvas(buf)
    canvas.drawString(40, 800, f"個人番号 {a} {b} {c}")
    canvas.save()
    assert f"{a} {b} {c}" in _text(buf.getvalue())
    res = scan_bytes(buf.getvalue(), "note.pdf")
    assert res.findings.get("my_number") == 1 and res.verdict == PERSONAL_DATA


def test_cells_drawn_with_two_spaces_keep_both(corpus_module: ModuleType, tmp_path: Path) -> None:
    # The corpus writes table rows as one string with two spaces; PDFium keeps only one glyph.
    rows = _population(corpus_module)
    path = tmp_path / "population.pdf"
    corpus_module.write_pdf(path, corpus_module.rows_text(rows, "  "))
    lines = _text(path.read_bytes()).splitlines()
    assert lines[:4] == [CELL.join(r) for r in rows[:4]]
    assert "my_number" not in scan_bytes(path.read_bytes(), "population.pdf").findings


def test_a_table_drawn_column_by_column_is_read_row_by_row(corpus_module: ModuleType) -> None:
    people = corpus_module.roster_rows(corpus_module.Gen(5), "basic", 6)
    rows = [r[:len(ROSTER_COLUMNS)] for r in people]
    data = _cells_pdf(rows, ROSTER_COLUMNS, by_column=True)
    lines = _text(data).splitlines()
    assert lines == [CELL.join(r) for r in rows]
    # The same table drawn row by row gives the same text, and the same verdict.
    assert _text(_cells_pdf(rows, ROSTER_COLUMNS)).splitlines() == lines
    records = scan_bytes(data, "roster.pdf").records
    assert records > 0 and records == scan_bytes(_cells_pdf(rows, ROSTER_COLUMNS), "roster.pdf").records


def test_a_single_character_cell_in_a_font_the_pdf_does_not_embed_is_not_lost() -> None:
    # A lone 男 in a non-embedded Japanese font: PDFium drops it when no system font has it.
    rows = [["氏名", "性別", "生年月日"], ["山田 太郎", "男", "昭和50年1月1日"], ["鈴木 花子", "女", "平成2年3月4日"]]
    text = _text(_cells_pdf(rows, ROSTER_COLUMNS, font="HeiseiKakuGo-W5"))
    assert "男" in text and "女" in text and "昭和50年1月1日" in text


def test_pdfium_refusing_a_password_is_encrypted(corpus, tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    root, _ = corpus
    writer = PdfWriter(clone_from=PdfReader(root / "pos/letter.pdf"))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-256")
    buf = io.BytesIO()
    writer.write(buf)
    # Asked directly, without pypdf's check before it.
    with pytest.raises(Encrypted):
        list(page_texts(buf.getvalue(), ScanContext.start(ScanLimits())))
    assert scan_bytes(buf.getvalue(), "locked.pdf").verdict == ENCRYPTED


def test_damaged_pdf_is_unreadable_without_text_in_the_reason(corpus) -> None:
    root, _ = corpus
    data = (root / "pos/letter.pdf").read_bytes()
    with pytest.raises(Unreadable) as info:
        list(page_texts(b"%PDF-1.4\n" + bytes(range(256)) * 8, ScanContext.start(ScanLimits())))
    assert "PDF" in info.value.ja and "PDF" in info.value.en
    # Cut in the middle: whatever PDFium repairs is scanned, never called clean unread.
    res = scan_bytes(data[: len(data) // 2], "cut.pdf")
    assert res.verdict != CLEAN or res.findings


def test_pdfs_scanned_from_several_threads_at_once_give_the_same_results(corpus) -> None:
    from concurrent.futures import ThreadPoolExecutor

    root, labels = corpus
    pdfs = sorted(rel for rel in labels if rel.endswith(".pdf"))
    alone = {rel: scan_bytes((root / rel).read_bytes(), rel) for rel in pdfs}
    with ThreadPoolExecutor(max_workers=4) as pool:
        together = list(pool.map(lambda rel: (rel, scan_bytes((root / rel).read_bytes(), rel)), pdfs * 4))
    assert len(pdfs) >= 5
    for rel, res in together:
        assert (res.verdict, res.findings, res.records) == (alone[rel].verdict, alone[rel].findings, alone[rel].records)


def _turned_pdf(angle: int) -> bytes:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, invariant=1)
    c.setFont("Helvetica", 10)
    c.saveState()
    c.translate(300, 400)
    c.rotate(angle)
    c.drawString(0, 0, "1917  2543  1626")
    c.drawString(0, -14, "Tel 03-1234-5678")
    c.restoreState()
    c.save()
    return buf.getvalue()


@pytest.mark.parametrize("angle", [0, 90, 180, 270])
def test_cells_of_a_turned_table_stay_apart(angle: int) -> None:
    # A landscape table printed on a portrait page, or a page upside down.
    lines = _text(_turned_pdf(angle)).splitlines()
    assert sorted(lines) == sorted([f"1917{CELL}2543{CELL}1626", "Tel 03-1234-5678"])


def test_a_word_hyphenated_at_a_line_end_keeps_its_hyphen_and_break() -> None:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, invariant=1)
    c.setFont("Helvetica", 10)
    c.drawString(40, 800, "please send the infor-")
    c.drawString(40, 786, "mation by mail")
    c.save()
    assert _text(buf.getvalue()).splitlines() == ["please send the infor-", "mation by mail"]


def _real_corpus_file(rel: str) -> Path:
    import os

    root = os.environ.get("TOKKI_REAL_CORPUS")
    path = Path(root) / rel if root else None
    if path is None or not path.is_file():
        pytest.skip(f"needs {rel} of the real-world corpus under TOKKI_REAL_CORPUS")
    return path


def test_vertical_writing_keeps_its_lines() -> None:
    # 縦書き in a font the PDF does not embed (pdfminer.six's sample of Miyazawa Kenji): PDFium
    # reads it line by line, pypdf gives mojibake without the font's code map, and a layout
    # by baseline would cut across the lines.
    text = _text(_real_corpus_file("dev/pdfminer-six/jo.pdf").read_bytes())
    assert "宇宙塵をたべ、または空気や塩水を呼吸しながら" in text.splitlines()
