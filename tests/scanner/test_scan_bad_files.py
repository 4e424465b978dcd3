"""Encrypted, damaged and hostile files: each is a verdict with a reason, quickly, never clean."""

from __future__ import annotations

import io
import struct
import time
import zipfile
from pathlib import Path

import pytest

from tokki_desktop.scanner import (
    CLEAN, ENCRYPTED, PERSONAL_DATA, SKIPPED, UNREADABLE, ScanLimits, scan_file,
)


def _encrypt_ooxml(src: Path, dst: Path) -> None:
    from msoffcrypto.format.ooxml import OOXMLFile

    with open(src, "rb") as fin, open(dst, "wb") as fout:
        OOXMLFile(fin).encrypt("secret-pass", fout)


@pytest.mark.parametrize("rel", ["pos/roster_basic.xlsx", "pos/letter.docx", "neg/minutes.pptx"])
def test_password_protected_office_files_are_encrypted(corpus, tmp_path: Path, rel: str) -> None:
    root, _ = corpus
    dst = tmp_path / Path(rel).name
    _encrypt_ooxml(root / rel, dst)
    res = scan_file(dst)
    assert res.verdict == ENCRYPTED and "パスワード" in res.reason


def test_rc4_protected_legacy_excel_is_encrypted(corpus, tmp_path: Path) -> None:
    """A FILEPASS record after the BOF marks RC4/XOR encryption in BIFF8 (crafted in place)."""
    import olefile

    root, _ = corpus
    dst = tmp_path / "locked.xls"
    dst.write_bytes((root / "pos/roster_basic.xls").read_bytes())
    with olefile.OleFileIO(str(dst), write_mode=True) as ole:
        wb = bytearray(ole.openstream("Workbook").read())
        bof_len = struct.unpack_from("<H", wb, 2)[0]
        pos = 4 + bof_len
        # Turn the record after BOF into a FILEPASS of the same length (stream size unchanged).
        struct.pack_into("<H", wb, pos, 0x002F)
        ole.write_stream("Workbook", bytes(wb))
    assert scan_file(dst).verdict == ENCRYPTED


def test_encrypted_pdf_is_encrypted(corpus, tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    root, _ = corpus
    writer = PdfWriter()
    for page in PdfReader(root / "pos/letter.pdf").pages:
        writer.add_page(page)
    writer.encrypt(user_password="secret-pass", algorithm="AES-256")
    dst = tmp_path / "locked.pdf"
    with open(dst, "wb") as fh:
        writer.write(fh)
    assert scan_file(dst).verdict == ENCRYPTED


def test_encrypted_zip_member_is_encrypted_and_archive_too(tmp_path: Path) -> None:
    import pyzipper

    dst = tmp_path / "locked.zip"
    with pyzipper.AESZipFile(dst, "w", compression=pyzipper.ZIP_DEFLATED, encryption=pyzipper.WZ_AES) as z:
        z.setpassword(b"secret-pass")
        z.writestr("名簿.csv", "氏名,住所\n山田 太郎,東京都小金井市本町1-2-3\n")
    res = scan_file(dst)
    assert res.verdict == ENCRYPTED
    assert res.members[0].verdict == ENCRYPTED and res.members[0].path.endswith("locked.zip!名簿.csv")


@pytest.mark.parametrize("rel", ["pos/roster_basic.xlsx", "pos/letter.docx", "pos/letter.pdf",
                                 "pos/bundle.zip", "pos/profile.pptx", "pos/roster_basic.xls"])
def test_truncated_files_are_unreadable_not_clean(corpus, tmp_path: Path, rel: str) -> None:
    root, _ = corpus
    data = (root / rel).read_bytes()
    dst = tmp_path / Path(rel).name
    dst.write_bytes(data[: len(data) // 2])
    t0 = time.monotonic()
    res = scan_file(dst)
    assert time.monotonic() - t0 < 5
    assert res.verdict in (UNREADABLE, PERSONAL_DATA), (res.verdict, res.reason)
    assert res.verdict != CLEAN and res.reason


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buf.getvalue()


def test_zip_bomb_by_ratio_is_unreadable_fast(tmp_path: Path) -> None:
    dst = tmp_path / "bomb.zip"
    dst.write_bytes(_zip({"zeros.txt": b"0" * (60 * 1024 * 1024)}))
    t0 = time.monotonic()
    res = scan_file(dst)
    assert time.monotonic() - t0 < 3
    assert res.verdict == UNREADABLE and "圧縮" in res.members[0].reason


def test_total_decompressed_size_is_capped(tmp_path: Path) -> None:
    dst = tmp_path / "many.zip"
    dst.write_bytes(_zip({f"part{i}.txt": bytes(range(256)) * 4096 for i in range(8)}))  # 8 × 1 MiB
    res = scan_file(dst, limits=ScanLimits(max_total_bytes=3 * 1024 * 1024))
    assert res.verdict == UNREADABLE and "合計サイズ" in res.reason


def test_nesting_depth_is_capped(tmp_path: Path) -> None:
    data = _zip({"letter.txt": "〒184-0004 東京都小金井市本町2丁目3番4号 山田 太郎 様".encode()})
    for level in range(4):
        data = _zip({f"level{level}.zip": data})
    dst = tmp_path / "deep.zip"
    dst.write_bytes(data)
    res = scan_file(dst)
    assert res.verdict == UNREADABLE
    assert any("入れ子" in r.reason for r in res.walk())


def test_billion_laughs_in_an_xlsx_is_refused(corpus, tmp_path: Path) -> None:
    root, _ = corpus
    laughs = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
              + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i else b"&lol;") * 10)
                         for i in range(1, 10))
              + b']><sst><si><t>&lol9;</t></si></sst>')
    src = zipfile.ZipFile(root / "pos/roster_basic.xlsx")
    members = {n: src.read(n) for n in src.namelist()}
    members["xl/sharedStrings.xml"] = laughs
    dst = tmp_path / "laughs.xlsx"
    dst.write_bytes(_zip(members))
    t0 = time.monotonic()
    res = scan_file(dst)
    assert time.monotonic() - t0 < 2
    assert res.verdict == UNREADABLE and "DTD" in res.reason


def test_size_and_time_caps(corpus, tmp_path: Path) -> None:
    root, _ = corpus
    res = scan_file(root / "pos/roster_basic.xlsx", limits=ScanLimits(max_file_bytes=1000))
    assert res.verdict == UNREADABLE and "大きすぎる" in res.reason
    res = scan_file(root / "neg/jobs.log", limits=ScanLimits(max_seconds=0.0))
    assert res.verdict == UNREADABLE and "制限時間" in res.reason


def test_odd_things_on_disk(tmp_path: Path) -> None:
    assert scan_file(tmp_path / "missing.txt").verdict == UNREADABLE
    assert scan_file(tmp_path).verdict == SKIPPED
    png = tmp_path / "photo.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    assert scan_file(png).verdict == SKIPPED
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert scan_file(empty).verdict == CLEAN
    garbage = tmp_path / "garbage.xlsx"
    garbage.write_bytes(bytes(range(256)) * 10)
    assert scan_file(garbage).verdict in (SKIPPED, UNREADABLE)


def test_scanned_image_pdf_is_not_clean(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    dst = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(dst))
    c.rect(100, 100, 200, 200, fill=1)
    c.save()
    res = scan_file(dst)
    assert res.verdict == UNREADABLE and "文字情報のないPDF" in res.reason


def test_type_is_decided_by_content_not_extension(corpus, tmp_path: Path) -> None:
    root, _ = corpus
    for rel, fmt in (("pos/letter.docx", "docx"), ("pos/roster_basic.xlsx", "xlsx"), ("pos/letter.pdf", "pdf"),
                     ("pos/roster_basic.xls", "xls"), ("pos/bundle.zip", "zip")):
        disguised = tmp_path / (Path(rel).stem + ".txt")
        disguised.write_bytes((root / rel).read_bytes())
        res = scan_file(disguised)
        assert (res.format, res.verdict) == (fmt, PERSONAL_DATA), rel


def test_excel_rich_text_and_furigana_in_shared_strings(corpus, tmp_path: Path) -> None:
    """Excel keeps ルビ (rPh) and rich-text runs in shared strings: text read once, in order."""
    root, _ = corpus
    sst = ('<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
           '<si><t>氏名</t></si><si><t>住所</t></si><si><t>電話番号</t></si>'
           '<si><r><t>山田</t></r><r><rPr><b/></rPr><t xml:space="preserve"> 太郎</t></r>'
           '<rPh sb="0" eb="2"><t>ヤマダ</t></rPh><phoneticPr fontId="1"/></si>'
           '<si><t>東京都小金井市本町2丁目3番4号</t><rPh sb="0" eb="3"><t>トウキョウト</t></rPh></si>'
           '<si><t>090-1234-5678</t></si></sst>')
    sheet = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
             'spreadsheetml/2006/main"><sheetData>'
             '<row r="1"><c r="A1" s="1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>'
             '<row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2" t="s"><v>4</v></c><c r="C2" t="s"><v>5</v></c></row>'
             '</sheetData></worksheet>')
    src = zipfile.ZipFile(root / "neg/catalogue.xlsx")
    members = {n: src.read(n) for n in src.namelist() if not n.startswith("xl/worksheets/")}
    members["xl/sharedStrings.xml"] = sst.encode()
    members["xl/worksheets/sheet1.xml"] = sheet.encode()
    dst = tmp_path / "furigana.xlsx"
    dst.write_bytes(_zip(members))
    res = scan_file(dst)
    assert res.verdict == PERSONAL_DATA and res.records == 1
    assert res.findings == {"name": 1, "address": 1, "phone": 1}


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="RLIMIT_DATA cap is Linux-only")
def test_memory_cap_in_worker_processes(tmp_path: Path) -> None:
    from tokki_desktop.scanner import scan_paths

    big = tmp_path / "big.txt"
    big.write_bytes(("〒184-0004 東京都小金井市本町2丁目3番4号 山田 太郎 様\n" * 400_000).encode("utf-8"))  # ~30 MB
    small = tmp_path / "small.txt"
    small.write_text("山田 太郎 様 〒184-0004 東京都小金井市本町2丁目3番4号\n", "utf-8")
    tight = ScanLimits(max_memory_bytes=24 * 1024 * 1024)
    got = {Path(r.path).name: r for r in scan_paths([big, small], jobs=2, limits=tight)}
    assert got["big.txt"].verdict == UNREADABLE and "メモリ" in got["big.txt"].reason
    assert got["small.txt"].verdict == PERSONAL_DATA  # the scan goes on


def test_files_embedded_in_office_documents_are_scanned(corpus, tmp_path: Path) -> None:
    root, _ = corpus
    src = zipfile.ZipFile(root / "neg/minutes.docx")
    members = {n: src.read(n) for n in src.namelist()}
    members["word/embeddings/Microsoft_Excel_Worksheet.xlsx"] = (root / "pos/roster_basic.xlsx").read_bytes()
    dst = tmp_path / "minutes_with_table.docx"
    dst.write_bytes(_zip(members))
    res = scan_file(dst)
    assert res.verdict == PERSONAL_DATA and res.format == "docx"
    assert res.members[0].path.endswith("minutes_with_table.docx!word/embeddings/Microsoft_Excel_Worksheet.xlsx")
    assert res.members[0].records == 30


def test_office_file_embedded_as_ole_package(corpus, corpus_module, tmp_path: Path) -> None:
    """Word keeps an embedded workbook as oleObject.bin: a compound file whose Package is the xlsx."""
    root, _ = corpus
    ole = tmp_path / "oleObject1.bin"
    corpus_module.write_cfb(ole, [("Package", (root / "pos/roster_basic.xlsx").read_bytes())])
    src = zipfile.ZipFile(root / "neg/minutes.docx")
    members = {n: src.read(n) for n in src.namelist()}
    members["word/embeddings/oleObject1.bin"] = ole.read_bytes()
    dst = tmp_path / "minutes_with_object.docx"
    dst.write_bytes(_zip(members))
    res = scan_file(dst)
    assert res.verdict == PERSONAL_DATA
    assert any(r.path.endswith("!word/embeddings/oleObject1.bin!Package") and r.records == 30 for r in res.walk())
