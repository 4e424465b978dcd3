"""Generate the scanner's evaluation corpus deterministically (same seed, same files).

Every file is labelled in ``labels.json``: whether it holds personal data, which finding
kinds it holds, and what it is (roster, letter, catalogue…). Hard negatives sit beside the
positives: product catalogues, invoice numbers failing the My Number check digit, logs of
12-digit job ids, population statistics by district, minutes with the city office's own
address and switchboard number, and bare name lists (personal only with fingerprints).

    python bench/make_corpus.py OUT_DIR [--seed 7] [--size-mb 200]

Without ``--size-mb`` only the evaluation set (~100 files) is written; with it, bulk copies
of larger rosters and documents are added until the corpus reaches that size (throughput).
"""

from __future__ import annotations

import argparse
import codecs
import datetime as dt
import io
import json
import random
import shutil
import struct
import zipfile
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path

import phonenumbers
from faker import Faker
from stdnum.jp import in_ as my_number_check

FONT = Path(__file__).resolve().parents[1] / "resources" / "fonts" / "ipaexg.ttf"
ERAS = [("令和", "R", dt.date(2019, 5, 1)), ("平成", "H", dt.date(1989, 1, 8)),
        ("昭和", "S", dt.date(1926, 12, 25)), ("大正", "T", dt.date(1912, 7, 30))]
FULL = str.maketrans("0123456789-", "０１２３４５６７８９－")


@dataclass
class Person:
    name: str
    kana: str
    birth: dt.date
    address: str
    postal: str
    phone: str
    email: str
    my_number: str
    bank_branch: str
    bank_account: str
    passport: str
    license: str
    residence: str
    pension: str
    insurance: str


class Gen:
    """Seeded generators of people and of the documents they appear in."""

    def __init__(self, seed: int) -> None:
        self.r = random.Random(seed)
        self.f = Faker("ja_JP")
        self.f.seed_instance(seed)

    def my_number(self, valid: bool = True) -> str:
        body = "".join(str(self.r.randrange(10)) for _ in range(11))
        check = int(my_number_check.calc_check_digit(body))
        if not valid:
            check = (check + self.r.randrange(1, 10)) % 10
        return body + str(check)

    def phone(self) -> str:
        """A number faker makes that is also allocated in the JP plan (faker also makes 090-0…)."""
        for _ in range(50):
            number = self.f.phone_number()
            digits = "".join(c for c in number if c.isdigit())
            if not digits.startswith("0"):
                continue  # faker also writes 70-6652-2631, without the trunk prefix
            try:
                if phonenumbers.is_valid_number(phonenumbers.parse(digits, "JP")):
                    return number
            except phonenumbers.NumberParseException:
                pass
        return "090-1234-5678"

    def person(self) -> Person:
        f, r = self.f, self.r
        birth = dt.date(1930, 1, 1) + dt.timedelta(days=r.randrange(0, 80 * 365))
        addr = f.address()
        up = "".join(r.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(2))
        return Person(
            name=f.name(), kana=f.kana_name(), birth=birth, address=addr, postal=f.zipcode(),
            phone=self.phone(), email=f.email(), my_number=self.my_number(),
            bank_branch=f.city().rstrip("市区町村") + "支店", bank_account=f"{r.randrange(10**6, 10**7):07d}",
            passport=up + f"{r.randrange(10**7):07d}", license=f"{r.randrange(10**11, 10**12)}",
            residence=up + f"{r.randrange(10**8):08d}" + "".join(r.choice("ABCDEFGHJKLMN") for _ in range(2)),
            pension=f"{r.randrange(1000, 9999)}-{r.randrange(10**5, 10**6):06d}",
            insurance=f"{r.randrange(10**7, 10**8)}",
        )

    def birth_text(self, d: dt.date) -> str:
        style = self.r.randrange(5)
        if style == 0:
            return d.strftime("%Y/%m/%d")
        if style == 1:
            return f"{d.year}年{d.month}月{d.day}日"
        for name, letter, start in ERAS:
            if d >= start:
                y = d.year - start.year + 1
                if style == 2:
                    return f"{name}{'元' if y == 1 else y}年{d.month}月{d.day}日"
                if style == 3:
                    return f"{letter}{y}.{d.month}.{d.day}"
                return f"{name}{y}年{d.month}月{d.day}日".translate(FULL)
        return d.isoformat()


# -- table and text content ----------------------------------------------------------------
ROSTER_COLUMNS = {
    "basic": ["氏名", "フリガナ", "生年月日", "郵便番号", "住所", "電話番号"],
    "mynumber": ["氏名", "個人番号", "生年月日", "住所"],
    "contact": ["お名前", "メールアドレス", "携帯電話"],
    "bank": ["氏名", "金融機関", "支店名", "口座番号"],
    "ids": ["氏名", "旅券番号（パスポート）", "在留カード番号", "基礎年金番号", "被保険者番号"],
}
ROSTER_KINDS = {
    "basic": ["name", "birth_date", "postal_code", "address", "phone"],
    "mynumber": ["name", "my_number", "birth_date", "address"],
    "contact": ["name", "email", "phone"],
    "bank": ["name", "bank_account"],
    "ids": ["name", "passport", "residence_card", "pension_number", "health_insurance"],
}


def roster_rows(g: Gen, kind: str, n: int) -> list[list[str]]:
    rows = [list(ROSTER_COLUMNS[kind])]
    for _ in range(n):
        p = g.person()
        if kind == "basic":
            rows.append([p.name, p.kana, g.birth_text(p.birth), p.postal, p.address, p.phone])
        elif kind == "mynumber":
            mn = p.my_number if g.r.random() < 0.7 else f"{p.my_number[:4]} {p.my_number[4:8]} {p.my_number[8:]}"
            rows.append([p.name, mn, g.birth_text(p.birth), p.address])
        elif kind == "contact":
            rows.append([p.name, p.email, p.phone])
        elif kind == "bank":
            rows.append([p.name, "みどり銀行", p.bank_branch, p.bank_account])
        else:
            rows.append([p.name, p.passport, p.residence, p.pension, p.insurance])
    return rows


def letter_text(g: Gen, p: Person) -> str:
    return (f"〒{p.postal}\n{p.address}\n{p.name} 様\n\n"
            f"令和8年{g.r.randrange(1, 12)}月{g.r.randrange(1, 28)}日\n小金井市 市民部 保険年金課\n\n"
            "国民健康保険料の納付についてのお知らせ\n\n拝啓 時下ますますご清栄のこととお喜び申し上げます。"
            "さて、令和8年度の保険料について、下記のとおりお知らせします。ご不明な点はお問い合わせください。\n")


def labelled_ids_text(g: Gen, p: Person, which: str) -> tuple[str, list[str]]:
    if which == "my_number":
        mn = p.my_number.translate(FULL) if g.r.random() < 0.5 else p.my_number
        return f"申請者 個人番号（マイナンバー）：{mn}\n", ["my_number"]
    if which == "license":
        return f"本人確認書類: 運転免許証 番号 {p.license}\n", ["drivers_license"]
    if which == "passport":
        return f"旅券（パスポート）番号: {p.passport}\n", ["passport"]
    if which == "residence":
        return f"在留カード番号 {p.residence}\n", ["residence_card"]
    if which == "pension":
        return f"基礎年金番号 {p.pension}\n", ["pension_number"]
    if which == "insurance":
        return f"被保険者証 被保険者番号: {p.insurance}\n", ["health_insurance"]
    return (f"振込先: みどり銀行 {p.bank_branch} 普通 口座番号 {p.bank_account} 口座名義: {p.kana}\n",
            ["bank_account", "name"])


def kanji_numerals(address: str) -> str:
    """東京都…14丁目4番16号 -> 東京都…十四丁目四番十六号 (the formal way of writing it)."""
    import re

    digits = "〇一二三四五六七八九"

    def kanji(m: re.Match[str]) -> str:
        n = int(m.group(0))
        if n < 10:
            return digits[n]
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")

    head, sep, tail = address.partition("丁目")
    if not sep:
        return address
    num = re.search(r"\d+$", head)
    head = head[: num.start()] + kanji(num) if num else head
    return head + sep + re.sub(r"\d+", kanji, tail.split(" ")[0]) + (" " + " ".join(tail.split(" ")[1:]) if " " in tail else "")


def catalogue_rows(g: Gen, n: int) -> list[list[str]]:
    rows = [["商品コード", "品名", "規格", "単価", "メーカー"]]
    goods = ["コピー用紙 A4", "ボールペン 黒", "クリアファイル", "封筒 長3", "トナー", "ホチキス", "付箋", "USBメモリ 32GB"]
    for _ in range(n):
        jan = "49" + "".join(str(g.r.randrange(10)) for _ in range(11))
        rows.append([jan, g.r.choice(goods), f"{g.r.randrange(1, 50)}個入", f"{g.r.randrange(100, 9000)}",
                     g.f.company()])
    return rows


def invoice_rows(g: Gen, n: int) -> list[list[str]]:
    rows = [["請求番号", "請求日", "取引先", "金額", "摘要"]]
    for _ in range(n):
        rows.append([g.my_number(valid=False), f"2026/{g.r.randrange(1, 12)}/{g.r.randrange(1, 28)}",
                     g.f.company(), f"{g.r.randrange(1000, 900000)}", "業務委託料"])
    return rows


def population_rows(g: Gen) -> list[list[str]]:
    rows = [["地区", "世帯数", "人口総数", "男", "女"]]
    for town in ("本町", "貫井北町", "貫井南町", "前原町", "東町", "梶野町", "関野町", "緑町", "中町"):
        for chome in range(1, 6):
            m, w = g.r.randrange(300, 3000), g.r.randrange(300, 3000)
            rows.append([f"小金井市{town}{chome}丁目", str(g.r.randrange(300, 2500)), str(m + w), str(m), str(w)])
    return rows


def jobs_log(g: Gen, n: int) -> str:
    lines = []
    for i in range(n):
        lines.append(f"2026-11-{g.r.randrange(1, 28):02d} 0{g.r.randrange(10)}:{g.r.randrange(60):02d}:00 INFO "
                     f"batch job {g.r.randrange(10**11, 10**12)} finished in {g.r.randrange(1, 900)} ms (worker {i % 8})")
    return "\n".join(lines) + "\n"


def minutes_text(g: Gen) -> str:
    return ("第3回 小金井市情報システム調達検討会 議事録\n"
            f"日時: 令和8年{g.r.randrange(1, 12)}月{g.r.randrange(1, 28)}日 14時00分〜15時30分\n"
            "会場: 小金井市役所 本庁舎 第一会議室（〒184-8504 東京都小金井市本町6丁目6番3号）\n"
            "問合せ: 小金井市役所 代表電話 042-383-1111\n"
            "出席者: 情報政策課長、市民課長、受託者 担当者2名\n"
            "議題1: 住民情報システムの更改スケジュールについて。令和9年4月稼働に向けて、移行計画を確認した。\n"
            "議題2: 個人情報の取扱いに関する研修の実施について。年1回以上実施することを確認した。\n"
            "次回: 令和8年12月10日 同会場\n")


def prose_text(g: Gen, paragraphs: int) -> str:
    out = []
    for _ in range(paragraphs):
        out.append(g.f.text(max_nb_chars=400).replace("\n", ""))
    return "\n".join(out) + "\n"


def name_list_text(g: Gen, n: int) -> str:
    return "\n".join(g.f.name() for _ in range(n)) + "\n"


# -- writers -----------------------------------------------------------------------------
def write_xlsx(path: Path, rows: list[list[str]], date_col: int | None = None) -> None:
    from openpyxl import Workbook

    # Normal mode writes a shared-string table as Excel does (write-only mode writes inline
    # strings as numeric character references, which no Excel file looks like).
    wb = Workbook()
    ws = wb.active
    ws.title = "名簿"
    for i, row in enumerate(rows):
        if date_col is not None and i > 0:
            row = list(row)
            try:
                row[date_col] = dt.datetime.strptime(row[date_col], "%Y/%m/%d")
            except ValueError:
                pass
        ws.append(row)
    wb.save(path)


def write_xlsx_excel_like(path: Path, rows: list[list[str]]) -> None:
    """A workbook laid out as Excel saves it: UTF-8 shared strings, numbers as numbers.

    openpyxl writes every string inline as numeric character references (&#12345;), which
    no file saved by Excel looks like; the throughput corpus uses this writer instead.
    """
    from xml.sax.saxutils import escape

    index: dict[str, int] = {}
    strings: list[str] = []
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/'
           'spreadsheetml/2006/main"><sheetData>']
    for r, row in enumerate(rows, 1):
        out.append(f'<row r="{r}">')
        for c, v in enumerate(row):
            col = chr(65 + c) if c < 26 else chr(64 + c // 26) + chr(65 + c % 26)
            if v.isdigit() and len(v) < 12 and not v.startswith("0"):
                out.append(f'<c r="{col}{r}"><v>{v}</v></c>')
            else:
                i = index.setdefault(v, len(strings))
                if i == len(strings):
                    strings.append(v)
                out.append(f'<c r="{col}{r}" t="s"><v>{i}</v></c>')
        out.append("</row>")
    out.append("</sheetData></worksheet>")
    sst = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/'
           f'spreadsheetml/2006/main" count="{len(strings)}" uniqueCount="{len(strings)}">']
    sst.extend(f"<si><t>{escape(s)}</t></si>" for s in strings)
    sst.append("</sst>")
    ns = "http://schemas.openxmlformats.org"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   f'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="{ns}/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                   '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                   '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
                   "</Types>")
        z.writestr("_rels/.rels", f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{ns}/package/2006/relationships">'
                   f'<Relationship Id="rId1" Type="{ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
                   "</Relationships>")
        z.writestr("xl/workbook.xml", f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{ns}/spreadsheetml/2006/main" '
                   f'xmlns:r="{ns}/officeDocument/2006/relationships"><sheets><sheet name="名簿" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{ns}/package/2006/relationships">'
                   f'<Relationship Id="rId1" Type="{ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
                   f'<Relationship Id="rId2" Type="{ns}/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
                   "</Relationships>")
        z.writestr("xl/worksheets/sheet1.xml", "".join(out))
        z.writestr("xl/sharedStrings.xml", "".join(sst))


# -- a minimal Word 97 file: no library writes .doc ------------------------------------------
FREE, END, FATSECT, NOSTREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
TEXT_AT = 0x800


def _word_streams(text: str, encrypted: bool) -> tuple[bytes, bytes]:
    body = text.encode("utf-16-le")
    word = bytearray(max(4608, TEXT_AT + len(body) + 512))
    struct.pack_into("<HH", word, 0, 0xA5EC, 0x00C1)  # wIdent, nFib (Word 97)
    flags = 0x0200 | (0x0100 if encrypted else 0)       # fWhichTblStm = 1Table, fEncrypted
    struct.pack_into("<H", word, 0x0A, flags)
    word[TEXT_AT:TEXT_AT + len(body)] = body
    n_chars = len(text)
    plc = struct.pack("<II", 0, n_chars) + struct.pack("<HIH", 0, TEXT_AT, 0)
    clx = b"\x02" + struct.pack("<I", len(plc)) + plc
    table = bytearray(4096)
    table[0:len(clx)] = clx
    struct.pack_into("<II", word, 0x1A2, 0, len(clx))   # fcClx, lcbClx
    return bytes(word), bytes(table)


def _dir_entry(name: str, kind: int, start: int, size: int, left: int = NOSTREAM, child: int = NOSTREAM) -> bytes:
    raw = (name + "\0").encode("utf-16-le") if name else b""
    return (raw.ljust(64, b"\0") + struct.pack("<HBB", len(raw), kind, 1) + struct.pack("<III", left, NOSTREAM, child)
            + bytes(16) + bytes(4) + bytes(16) + struct.pack("<II", start, size) + bytes(4))


def write_cfb(path: Path, streams: list[tuple[str, bytes]]) -> None:
    """A compound file (CFB v3) with one or two streams of at least 4096 bytes each."""
    assert 1 <= len(streams) <= 2 and all(len(d) >= 4096 for _, d in streams)
    fat = [FATSECT, END]
    starts, body = [], b""
    for _name, data in streams:
        secs = len(data) // 512 + (len(data) % 512 > 0)
        starts.append(len(fat))
        fat += [len(fat) + i + 1 for i in range(secs - 1)] + [END]
        body += data.ljust(secs * 512, b"\0")
    assert len(fat) <= 128, "one FAT sector holds 128 entries"
    fat += [FREE] * (128 - len(fat))
    header = bytearray(512)
    header[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", header, 24, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<IIIIIIIII", header, 40, 0, 1, 1, 0, 4096, END, 0, END, 0)
    header[76:512] = struct.pack("<109I", *([0] + [FREE] * 108))
    entries = [_dir_entry("Root Entry", 5, END, 0, child=1)]
    for i, (name, data) in enumerate(streams):
        entries.append(_dir_entry(name, 2, starts[i], len(data), left=2 if i == 0 and len(streams) == 2 else NOSTREAM))
    while len(entries) < 4:
        entries.append(_dir_entry("", 0, 0, 0))
    path.write_bytes(bytes(header) + struct.pack("<128I", *fat) + b"".join(entries) + body)


def write_doc(path: Path, text: str, encrypted: bool = False) -> None:
    """A minimal Word 97 .doc (CFB v3: WordDocument with FIB and UTF-16 text, 1Table with the CLX)."""
    word, table = _word_streams(text.replace("\n", "\r"), encrypted)
    write_cfb(path, [("WordDocument", word), ("1Table", table)])


def write_xls(path: Path, rows: list[list[str]]) -> None:
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("Sheet1")
    for i, row in enumerate(rows):
        for j, v in enumerate(row):
            ws.write(i, j, v)
    wb.save(str(path))


def write_docx(path: Path, text: str, rows: list[list[str]] | None = None) -> None:
    from docx import Document

    doc = Document()
    for para in text.split("\n"):
        doc.add_paragraph(para)
    if rows:
        t = doc.add_table(rows=0, cols=len(rows[0]))
        for row in rows:
            cells = t.add_row().cells
            for c, v in zip(cells, row):
                c.text = v
    doc.save(str(path))


def write_pptx(path: Path, text: str) -> None:
    from pptx import Presentation
    from pptx.util import Inches

    prs = Presentation()
    chunks = [text[i:i + 600] for i in range(0, len(text), 600)] or [""]
    for chunk in chunks:
        slide = prs.slides.add_slide(prs.slide_layouts[6])
        box = slide.shapes.add_textbox(Inches(0.5), Inches(0.5), Inches(9), Inches(6))
        tf = box.text_frame
        lines = chunk.split("\n")
        tf.text = lines[0]
        for line in lines[1:]:
            tf.add_paragraph().text = line
    prs.save(str(path))


def write_pdf(path: Path, text: str) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if "IPAexGothic" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("IPAexGothic", str(FONT)))
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    y = 800
    c.setFont("IPAexGothic", 10)
    for line in text.split("\n"):
        for piece in _wrap(line, 45):
            c.drawString(40, y, piece)
            y -= 14
            if y < 40:
                c.showPage()
                c.setFont("IPAexGothic", 10)
                y = 800
    c.save()


def _wrap(line: str, width: int) -> list[str]:
    """Break at spaces where possible, so values are not cut in two."""
    out: list[str] = []
    while len(line) > width:
        cut = line.rfind(" ", 0, width)
        cut = cut if cut > 0 else width
        out.append(line[:cut])
        line = line[cut:].lstrip()
    out.append(line)
    return out


def write_text(path: Path, text: str, encoding: str) -> None:
    data = text.encode(encoding.replace("-bom", ""), "strict") if encoding != "utf-8-bom" else codecs.BOM_UTF8 + text.encode()
    path.write_bytes(data)


def write_eml(path: Path, body: str, attachment: tuple[str, bytes] | None = None) -> None:
    msg = EmailMessage()
    msg["From"] = "受託者 担当 <tantou@example.co.jp>"
    msg["To"] = "hoken@example.lg.jp"
    msg["Subject"] = "送付資料について"
    msg.set_content(body)
    if attachment:
        msg.add_attachment(attachment[1], maintype="application", subtype="octet-stream", filename=attachment[0])
    path.write_bytes(bytes(msg))


def rows_text(rows: list[list[str]], sep: str) -> str:
    return "\n".join(sep.join(r) for r in rows) + "\n"


# -- the corpus ----------------------------------------------------------------------------
class Corpus:
    """Writes files and their labels."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.labels: dict[str, dict[str, object]] = {}
        out.mkdir(parents=True, exist_ok=True)

    def add(self, rel: str, personal: bool, kinds: list[str], what: str) -> Path:
        path = self.out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        self.labels[rel] = {"personal": personal, "kinds": sorted(set(kinds)), "what": what}
        return path

    def save(self) -> None:
        (self.out / "labels.json").write_text(json.dumps(self.labels, ensure_ascii=False, indent=1), "utf-8")


def make_eval(out: Path, seed: int = 7, rows: int = 30) -> Corpus:
    """The labelled evaluation set: every format, encoding and detector, with hard negatives."""
    g = Gen(seed)
    c = Corpus(out)
    encodings = ["utf-8", "utf-8-bom", "utf-16", "cp932", "euc_jp"]
    # Rosters in every table format.
    for kind in ROSTER_COLUMNS:
        rows_ = roster_rows(g, kind, rows)
        k = ROSTER_KINDS[kind]
        write_xlsx(c.add(f"pos/roster_{kind}.xlsx", True, k, "roster"), rows_)
        write_xls(c.add(f"pos/roster_{kind}.xls", True, k, "roster"), rows_)
        write_docx(c.add(f"pos/roster_{kind}.docx", True, k, "roster"), "名簿（取扱注意）", rows_)
        write_pdf(c.add(f"pos/roster_{kind}.pdf", True, k, "roster"),
                  "\n".join("  ".join(f"{h}:{v}" for h, v in zip(rows_[0], r)) for r in rows_[1:12]))
        for enc in encodings:
            write_text(c.add(f"pos/roster_{kind}_{enc}.csv", True, k, "roster"), rows_text(rows_, ","), enc)
        write_text(c.add(f"pos/roster_{kind}.tsv", True, k, "roster"), rows_text(rows_, "\t"), "utf-8")
    # A roster with real Excel date cells for the birth date.
    rows_ = [["氏名", "生年月日", "住所"]] + [[p.name, p.birth.strftime("%Y/%m/%d"), p.address]
                                         for p in (g.person() for _ in range(rows))]
    write_xlsx(c.add("pos/roster_datecells.xlsm", True, ["name", "birth_date", "address"], "roster"), rows_, date_col=1)
    # Letters to one resident in every prose format and encoding.
    for i, enc in enumerate(encodings):
        p = g.person()
        write_text(c.add(f"pos/letter_{enc}.txt", True, ["name", "address", "postal_code"], "letter"),
                   letter_text(g, p), enc)
    for ext, writer in (("docx", write_docx), ("pdf", write_pdf), ("pptx", write_pptx), ("doc", write_doc)):
        p = g.person()
        writer(c.add(f"pos/letter.{ext}", True, ["name", "address", "postal_code"], "letter"), letter_text(g, p))
    # Labelled identifiers, one kind per file, inside ordinary prose.
    for which in ("my_number", "license", "passport", "residence", "pension", "insurance", "bank"):
        p = g.person()
        line, kinds = labelled_ids_text(g, p, which)
        text = prose_text(g, 2) + line + prose_text(g, 1)
        write_text(c.add(f"pos/id_{which}.txt", True, kinds, "identifier"), text, "utf-8")
        write_docx(c.add(f"pos/id_{which}.docx", True, kinds, "identifier"), text)
    # A person in a slide deck (name, birth date, phone).
    p = g.person()
    write_pptx(c.add("pos/profile.pptx", True, ["name", "birth_date", "phone"], "profile"),
               f"担当者紹介\n氏名: {p.name}\n生年月日: {g.birth_text(p.birth)}\n連絡先 電話 {p.phone}\n")
    # Unlabelled but check-digit-valid My Numbers, many of them (an export with a bare column).
    write_text(c.add("pos/numbers_export.txt", True, ["my_number"], "my numbers"),
               "\n".join(g.my_number() for _ in range(40)) + "\n", "utf-8")
    # Archives and mail.
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        inner = io.BytesIO()
        write_xlsx_bytes = _bytes_of(write_xlsx, roster_rows(g, "basic", rows))
        z.writestr("資料/名簿.xlsx", write_xlsx_bytes)
        z.writestr("readme.txt", "送付資料です。\n")
        with zipfile.ZipFile(inner, "w") as z2:
            z2.writestr("内側/letter.txt", letter_text(g, g.person()))
        z.writestr("nested.zip", inner.getvalue())
    c.add("pos/bundle.zip", True, ROSTER_KINDS["basic"], "archive").write_bytes(buf.getvalue())
    write_eml(c.add("pos/mail_with_roster.eml", True, ROSTER_KINDS["mynumber"], "mail"), "名簿を添付します。",
              ("名簿.csv", rows_text(roster_rows(g, "mynumber", rows), ",").encode("cp932")))
    p = g.person()
    write_eml(c.add("pos/mail_body.eml", True, ["name", "address", "phone"], "mail"),
              f"お世話になっております。転居のご連絡です。\n新住所: {p.address}\n氏名: {p.name}\n電話: {p.phone}\n")

    # Tables without a header row and names written in katakana.
    people = [g.person() for _ in range(rows)]
    write_text(c.add("pos/headerless_roster.csv", True, ["name", "address", "phone"], "roster"),
               "".join(f"{p.name},{p.address},{p.phone}\n" for p in people), "cp932")
    write_text(c.add("pos/headerless_contacts.csv", True, ["address", "phone"], "contacts"),
               "".join(f"{p.address},{p.phone}\n" for p in people), "utf-8")
    p = g.person()
    write_text(c.add("pos/letter_katakana.txt", True, ["name", "address", "postal_code"], "letter"),
               letter_text(g, p).replace(f"{p.name} 様", f"{p.kana} 様"), "utf-8")

    p = g.person()
    write_docx(c.add("pos/letter_kanji_numerals.docx", True, ["name", "address", "postal_code"], "letter"),
               letter_text(g, p).replace(p.address, kanji_numerals(p.address)))

    # Hard negatives.
    cat = catalogue_rows(g, rows * 2)
    write_xlsx(c.add("neg/catalogue.xlsx", False, [], "catalogue"), cat)
    write_text(c.add("neg/catalogue_cp932.csv", False, [], "catalogue"), rows_text(cat, ","), "cp932")
    write_pdf(c.add("neg/catalogue.pdf", False, [], "catalogue"), rows_text(cat[:30], "  "))
    inv = invoice_rows(g, rows * 2)
    write_xlsx(c.add("neg/invoices.xlsx", False, [], "invoices"), inv)
    write_xls(c.add("neg/invoices.xls", False, [], "invoices"), inv)
    write_text(c.add("neg/invoices_euc.csv", False, [], "invoices"), rows_text(inv, ","), "euc_jp")
    # 12-digit numbers labelled 個人番号 whose check digit fails: never reported.
    write_text(c.add("neg/mynumber_wrong_check.txt", False, [], "invalid my numbers"),
               "".join(f"個人番号: {g.my_number(valid=False)}\n" for _ in range(20)), "utf-8")
    write_text(c.add("neg/jobs.log", False, [], "job log"), jobs_log(g, 400), "utf-8")
    pop = population_rows(g)
    write_xlsx(c.add("neg/population.xlsx", False, [], "statistics"), pop)
    write_text(c.add("neg/population_sjis.csv", False, [], "statistics"), rows_text(pop, ","), "cp932")
    write_pdf(c.add("neg/population.pdf", False, [], "statistics"), rows_text(pop, "  "))
    for ext, writer in (("docx", write_docx), ("pdf", write_pdf), ("pptx", write_pptx), ("doc", write_doc)):
        writer(c.add(f"neg/minutes.{ext}", False, [], "minutes"), minutes_text(g))
    for enc in encodings:
        write_text(c.add(f"neg/minutes_{enc}.txt", False, [], "minutes"), minutes_text(g), enc)
    write_text(c.add("neg/prose.txt", False, [], "prose"), prose_text(g, 20), "utf-8")
    write_pptx(c.add("neg/prose.pptx", False, [], "prose"), prose_text(g, 6))
    write_docx(c.add("neg/prose.docx", False, [], "prose"), prose_text(g, 10))
    write_text(c.add("neg/names_only.txt", False, [], "bare names"), name_list_text(g, 40), "utf-8")
    # An invoice with the contractor's own bank details, a notice to customers, a catalogue
    # with the maker's switchboard: numbers and honorifics, but nobody's personal data.
    write_text(c.add("neg/invoice_bank.txt", False, [], "invoice"),
               f"請求書\n株式会社テスト 御中\n請求金額 123,400円\n振込先: みどり銀行 本店営業部 普通 口座番号 {g.r.randrange(10**6, 10**7)}"
               " 株式会社テスト\nお問い合わせ: 株式会社テスト 代表 03-3333-1111\n", "utf-8")
    write_docx(c.add("neg/notice.docx", False, [], "notice"),
               "お客様各位\n平素よりご利用いただき誠にありがとうございます。担当者様におかれましては、"
               "下記のとおりシステム停止をご確認ください。\n皆様のご協力をお願いいたします。\n")
    cat2 = catalogue_rows(g, 20)
    write_text(c.add("neg/catalogue_contact.txt", False, [], "catalogue"),
               rows_text(cat2, "\t") + "製造元 株式会社サンプル 本社 代表電話 06-6543-2100 受付時間 9時〜17時\n", "utf-8")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("stats/population.csv", rows_text(pop, ",").encode("cp932"))
        z.writestr("minutes.txt", minutes_text(g))
    c.add("neg/clean_bundle.zip", False, [], "archive").write_bytes(buf.getvalue())
    write_eml(c.add("neg/mail_notice.eml", False, [], "mail"), minutes_text(g))
    c.save()
    return c


def _bytes_of(writer, rows: list[list[str]]) -> bytes:
    buf = io.BytesIO()
    writer(buf, rows)  # openpyxl saves to file-like objects too
    return buf.getvalue()


def make_bulk(out: Path, size_mb: int, seed: int = 11) -> dict[str, int]:
    """Larger files, a few unique ones copied under new names until ``size_mb`` is reached.

    Unique files per format are generated once; the copies keep generation time short and
    measure the scanner, which does not skip identical content unless an index is used.
    """
    g = Gen(seed)
    uniq = out / "unique"
    uniq.mkdir(parents=True, exist_ok=True)
    made: list[Path] = []
    for i in range(3):
        rows_ = roster_rows(g, "basic", 20000)
        for name, writer, arg in (
            (f"roster{i}.xlsx", write_xlsx_excel_like, rows_),
            (f"roster_mynumber{i}.xlsx", write_xlsx_excel_like, roster_rows(g, "mynumber", 10000)),
            (f"roster{i}.xls", write_xls, rows_[:5000]),
            (f"catalogue{i}.xlsx", write_xlsx_excel_like, catalogue_rows(g, 20000)),
            (f"invoices{i}.xlsx", write_xlsx_excel_like, invoice_rows(g, 10000)),
            (f"population{i}.xlsx", write_xlsx_excel_like, population_rows(g) * 50),
        ):
            writer(uniq / name, arg)
            made.append(uniq / name)
        write_docx(uniq / f"roster{i}.docx", prose_text(g, 5), rows_[:1500])
        write_pptx(uniq / f"deck{i}.pptx", prose_text(g, 120))
        write_docx(uniq / f"report{i}.docx", prose_text(g, 600))
        write_docx(uniq / f"minutes{i}.docx", minutes_text(g) * 40)
        write_pdf(uniq / f"letters{i}.pdf", "\n".join(letter_text(g, g.person()) for _ in range(40)))
        write_text(uniq / f"roster{i}.csv", rows_text(rows_[:5000], ","), "cp932")
        write_text(uniq / f"jobs{i}.log", jobs_log(g, 8000), "utf-8")
        made += [uniq / f"roster{i}.docx", uniq / f"deck{i}.pptx", uniq / f"report{i}.docx", uniq / f"minutes{i}.docx",
                 uniq / f"letters{i}.pdf", uniq / f"roster{i}.csv", uniq / f"jobs{i}.log"]
    total = sum(p.stat().st_size for p in made)
    n = 0
    while total < size_mb * 1024 * 1024:
        for src in list(made):
            dst = out / "copies" / f"{n // 100:03d}" / f"{n:05d}_{src.name}"
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, dst)
            total += src.stat().st_size
            n += 1
            if total >= size_mb * 1024 * 1024:
                break
    return {"unique_files": len(made), "copies": n, "bytes": total}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--rows", type=int, default=30)
    ap.add_argument("--size-mb", type=int, default=0)
    args = ap.parse_args()
    c = make_eval(args.out / "eval", args.seed, args.rows)
    print(f"evaluation set: {len(c.labels)} files in {args.out / 'eval'}")
    if args.size_mb:
        print("bulk:", make_bulk(args.out / "bulk", args.size_mb))


if __name__ == "__main__":
    main()
