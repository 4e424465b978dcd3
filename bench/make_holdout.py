"""Write an independent HOLDOUT corpus for the personal-data scanner, with the verdict each file should get.

    python bench/make_holdout.py bench/corpus/holdout [--seed 7]
    python bench/scanner_holdout.py bench/corpus/holdout

The documents are written from the product's requirements only (the detectors and the
scanner's own evaluation corpus were not read): letters to residents, rosters with unusual
headers or none at all, bank-transfer and pension lists, e-mails, nested archives, and hard
negatives such as catalogues with 12-digit codes, job logs, statistics by 町丁目, minutes
quoting the city hall's switchboard, and facility lists.  ``OUTDIR/expected.json`` maps each
relative path to ``{"verdict", "why", "format"}`` (and ``"records"``, the people in a table) plus ``"debatable": true`` for documents a
data-protection officer could reasonably judge either way.

Everything is drawn from ``random.Random(seed)`` and a seeded ``Faker("ja_JP")``, so the
same seed gives the same documents (Office and PDF containers carry fixed timestamps).
"""

from __future__ import annotations

import argparse
import binascii
import datetime as dt
import io
import json
import random
import struct
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

from faker import Faker
from stdnum.jp import cn as corporate_number
from stdnum.jp import in_ as my_number

PD, CLEAN, ENC, UNREAD = "personal_data", "clean", "encrypted", "unreadable"
FIXED_TIME = dt.datetime(2026, 4, 10, 9, 30, 0)
Rows = list[list[str]]

# --------------------------------------------------------------------------------------------
# Reference data (written for this holdout; readings given so フリガナ columns are coherent)
# --------------------------------------------------------------------------------------------

SURNAMES = [
    ("佐藤", "サトウ"), ("鈴木", "スズキ"), ("高橋", "タカハシ"), ("田中", "タナカ"), ("伊藤", "イトウ"),
    ("渡辺", "ワタナベ"), ("山本", "ヤマモト"), ("中村", "ナカムラ"), ("小林", "コバヤシ"), ("加藤", "カトウ"),
    ("吉田", "ヨシダ"), ("山田", "ヤマダ"), ("佐々木", "ササキ"), ("山口", "ヤマグチ"), ("松本", "マツモト"),
    ("井上", "イノウエ"), ("木村", "キムラ"), ("林", "ハヤシ"), ("斎藤", "サイトウ"), ("清水", "シミズ"),
    ("山崎", "ヤマザキ"), ("森", "モリ"), ("池田", "イケダ"), ("橋本", "ハシモト"), ("阿部", "アベ"),
    ("石川", "イシカワ"), ("前田", "マエダ"), ("藤田", "フジタ"), ("後藤", "ゴトウ"), ("岡田", "オカダ"),
    ("長谷川", "ハセガワ"), ("村上", "ムラカミ"), ("近藤", "コンドウ"), ("石井", "イシイ"), ("坂本", "サカモト"),
    ("遠藤", "エンドウ"), ("青木", "アオキ"), ("藤井", "フジイ"), ("西村", "ニシムラ"), ("福田", "フクダ"),
    ("五十嵐", "イガラシ"), ("東海林", "ショウジ"), ("薬師寺", "ヤクシジ"), ("比嘉", "ヒガ"), ("金城", "キンジョウ"),
    ("宇佐美", "ウサミ"), ("一ノ瀬", "イチノセ"), ("小野寺", "オノデラ"), ("熊谷", "クマガイ"), ("大和田", "オオワダ"),
    ("神田", "カンダ"), ("菅原", "スガワラ"), ("千葉", "チバ"), ("桑原", "クワバラ"), ("土屋", "ツチヤ"),
]
GIVEN_M = [
    ("太郎", "タロウ"), ("一郎", "イチロウ"), ("健太", "ケンタ"), ("翔太", "ショウタ"), ("大輔", "ダイスケ"),
    ("拓也", "タクヤ"), ("誠", "マコト"), ("浩", "ヒロシ"), ("茂", "シゲル"), ("勝", "マサル"), ("蓮", "レン"),
    ("湊", "ミナト"), ("陽翔", "ハルト"), ("悠真", "ユウマ"), ("和夫", "カズオ"), ("正雄", "マサオ"),
    ("清", "キヨシ"), ("隆之", "タカユキ"), ("直樹", "ナオキ"), ("達也", "タツヤ"), ("修", "オサム"),
]
GIVEN_F = [
    ("花子", "ハナコ"), ("陽子", "ヨウコ"), ("恵子", "ケイコ"), ("美咲", "ミサキ"), ("由美", "ユミ"), ("愛", "アイ"),
    ("さくら", "サクラ"), ("結衣", "ユイ"), ("陽葵", "ヒマリ"), ("凛", "リン"), ("芽依", "メイ"), ("久美子", "クミコ"),
    ("幸子", "サチコ"), ("和子", "カズコ"), ("トメ", "トメ"), ("ハル", "ハル"), ("千代", "チヨ"), ("真由美", "マユミ"),
    ("智子", "トモコ"), ("紬", "ツムギ"), ("明美", "アケミ"),
]

# prefecture, municipality, town names, postal prefix, (area code, local digits, subscriber digits)
CITIES = [
    ("東京都", "世田谷区", ["桜新町", "経堂", "上馬", "北沢", "成城"], "154", ("03", 4, 4)),
    ("東京都", "練馬区", ["石神井町", "光が丘", "大泉学園町", "豊玉北"], "177", ("03", 4, 4)),
    ("神奈川県", "横浜市港北区", ["日吉本町", "綱島西", "大倉山", "菊名"], "223", ("045", 3, 4)),
    ("埼玉県", "さいたま市浦和区", ["常盤", "高砂", "岸町", "北浦和"], "330", ("048", 3, 4)),
    ("千葉県", "船橋市", ["本町", "夏見", "前原西", "習志野台"], "273", ("047", 3, 4)),
    ("大阪府", "豊中市", ["上野坂", "服部元町", "庄内東町", "新千里東町"], "560", ("06", 4, 4)),
    ("愛知県", "名古屋市千種区", ["今池", "覚王山通", "星が丘元町", "仲田"], "464", ("052", 3, 4)),
    ("福岡県", "福岡市博多区", ["博多駅前", "住吉", "千代", "美野島"], "812", ("092", 3, 4)),
    ("宮城県", "仙台市青葉区", ["一番町", "国分町", "上杉", "八幡"], "980", ("022", 3, 4)),
    ("広島県", "広島市中区", ["紙屋町", "大手町", "白島北町", "舟入本町"], "730", ("082", 3, 4)),
    ("長野県", "松本市", ["中央", "深志", "蟻ケ崎", "旭"], "390", ("0263", 2, 4)),
    ("沖縄県", "那覇市", ["久茂地", "牧志", "首里儀保町", "小禄"], "900", ("098", 3, 4)),
    ("新潟県", "新潟市中央区", ["古町通", "東大通", "学校町通", "関屋"], "951", ("025", 3, 4)),
]
BUILDINGS = ["グランメゾン桜", "コーポ松風", "サンハイツ", "パークサイド日吉", "メゾン・ド・フルール", "第二清風荘", "ライオンズマンション"]
BANKS = [("0001", "みずほ銀行", "ﾐｽﾞﾎ"), ("0005", "三菱UFJ銀行", "ﾐﾂﾋﾞｼﾕ-ｴﾌｼﾞｴｲ"), ("0009", "三井住友銀行", "ﾐﾂｲｽﾐﾄﾓ"),
         ("9900", "ゆうちょ銀行", "ﾕｳﾁﾖ"), ("0138", "横浜銀行", "ﾖｺﾊﾏ"), ("0177", "福岡銀行", "ﾌｸｵｶ")]
BRANCHES = [("101", "本店営業部", "ﾎﾝﾃﾝｴｲｷﾞﾖｳﾌﾞ"), ("215", "桜新町支店", "ｻｸﾗｼﾝﾏﾁ"), ("342", "日吉支店", "ﾋﾖｼ"),
            ("408", "博多駅前支店", "ﾊｶﾀｴｷﾏｴ"), ("517", "豊中支店", "ﾄﾖﾅｶ"), ("623", "松本支店", "ﾏﾂﾓﾄ")]
HALF_KANA = str.maketrans(
    "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲンァィゥェォッャュョー",
    "ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝｧｨｩｪｫｯｬｭｮｰ")
DAKUTEN = {"ガ": "ｶﾞ", "ギ": "ｷﾞ", "グ": "ｸﾞ", "ゲ": "ｹﾞ", "ゴ": "ｺﾞ", "ザ": "ｻﾞ", "ジ": "ｼﾞ", "ズ": "ｽﾞ", "ゼ": "ｾﾞ",
           "ゾ": "ｿﾞ", "ダ": "ﾀﾞ", "ヂ": "ﾁﾞ", "ヅ": "ﾂﾞ", "デ": "ﾃﾞ", "ド": "ﾄﾞ", "バ": "ﾊﾞ", "ビ": "ﾋﾞ", "ブ": "ﾌﾞ",
           "ベ": "ﾍﾞ", "ボ": "ﾎﾞ", "パ": "ﾊﾟ", "ピ": "ﾋﾟ", "プ": "ﾌﾟ", "ペ": "ﾍﾟ", "ポ": "ﾎﾟ", "ヴ": "ｳﾞ"}
ERAS = [("令和", "R", dt.date(2019, 5, 1)), ("平成", "H", dt.date(1989, 1, 8)), ("昭和", "S", dt.date(1926, 12, 25)),
        ("大正", "T", dt.date(1912, 7, 30)), ("明治", "M", dt.date(1868, 1, 25))]
KANJI_DIGITS = "〇一二三四五六七八九"
FULL = str.maketrans("0123456789-ABCDEFGHIJKLMNOPQRSTUVWXYZ", "０１２３４５６７８９－ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ")


ZENGIN_LARGE = str.maketrans("ｧｨｩｪｫｯｬｭｮ", "ｱｲｳｴｵﾂﾔﾕﾖ")  # 全銀 records have no small kana


def half_kana(s: str) -> str:
    """Katakana to the half-width form banks and 全銀 files use."""
    return "".join(DAKUTEN.get(c, c) for c in s).translate(HALF_KANA).replace("　", " ")


def full(s: str) -> str:
    """ASCII digits, hyphens and capitals to their full-width forms."""
    return s.translate(FULL)


def kanji_num(n: int) -> str:
    """1..99 in kanji (二十三), as old-style letters write 丁目 and dates."""
    if n < 10:
        return KANJI_DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else KANJI_DIGITS[tens]) + "十" + (KANJI_DIGITS[ones] if ones else "")


def wareki(d: dt.date, style: str = "long") -> str:
    """A date in the Japanese era calendar: long 昭和45年3月12日 (元年 for year 1), short S45.3.12, slash H02/05/01."""
    for name, letter, start in ERAS:
        if d >= start:
            y = d.year - start.year + 1
            if style == "long":
                return f"{name}{'元' if y == 1 else y}年{d.month}月{d.day}日"
            if style == "short":
                return f"{letter}{y}.{d.month}.{d.day}"
            return f"{letter}{y:02d}/{d.month:02d}/{d.day:02d}"
    raise ValueError(d)


# --------------------------------------------------------------------------------------------
# People
# --------------------------------------------------------------------------------------------

@dataclass
class Person:
    """One invented resident with everything a Japanese office might hold about them."""

    sei: str
    mei: str
    sei_kana: str
    mei_kana: str
    sex: str
    birth: dt.date
    postal: str
    pref: str
    city: str
    town: str
    chome: int
    ban: int
    go: int
    building: str
    landline: str
    mobile: str
    email: str
    my_number: str

    @property
    def name(self) -> str:
        return f"{self.sei}　{self.mei}"

    @property
    def kana(self) -> str:
        return f"{self.sei_kana}　{self.mei_kana}"

    def address(self, style: str = "std", with_pref: bool = True) -> str:
        """The address written the way various offices write it."""
        head = (self.pref if with_pref else "") + self.city + self.town
        if style == "hyphen":
            body = f"{self.chome}-{self.ban}-{self.go}"
        elif style == "kanji":
            body = f"{kanji_num(self.chome)}丁目{kanji_num(self.ban)}番{kanji_num(self.go)}号"
        elif style == "full":
            body = full(f"{self.chome}-{self.ban}-{self.go}")
        else:
            body = f"{self.chome}丁目{self.ban}番{self.go}号"
        return head + body + (f"　{self.building}" if self.building else "")


class World:
    """Seeded source of people, numbers and prose for every document."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.fake = Faker("ja_JP")
        self.fake.seed_instance(seed)

    def digits(self, n: int) -> str:
        return "".join(self.rng.choice("0123456789") for _ in range(n))

    def my_number(self) -> str:
        body = str(self.rng.randint(1, 9)) + self.digits(10)
        return body + my_number.calc_check_digit(body)

    def bad_my_number(self) -> str:
        """Twelve digits that fail the My Number check digit."""
        while True:
            n = str(self.rng.randint(1, 9)) + self.digits(11)
            if not my_number.is_valid(n):
                return n

    def phone(self, area: tuple[str, int, int]) -> str:
        code, local, sub = area
        return f"{code}-{self.rng.randint(10 ** (local - 1) * 2, 10 ** local - 1)}-{self.digits(sub)}"

    def mobile(self) -> str:
        return f"{self.rng.choice(['090', '080', '070'])}-{self.rng.randint(1000, 9999)}-{self.digits(4)}"

    def person(self, *, born: tuple[int, int] = (1940, 2005), sex: str | None = None,
               encodable: str | None = None, faker_name: bool = False) -> Person:
        """A new person; ``encodable`` re-draws until every field fits that codec (EUC-JP, CP932)."""
        while True:
            sx = sex or self.rng.choice("MF")
            sei, sei_k = self.rng.choice(SURNAMES)
            mei, mei_k = self.rng.choice(GIVEN_M if sx == "M" else GIVEN_F)
            if faker_name:
                sei, mei = (self.fake.last_name(), self.fake.first_name_male() if sx == "M" else self.fake.first_name_female())
                sei_k, mei_k = self.fake.last_kana_name(), self.fake.first_kana_name()
            y = self.rng.randint(*born)
            birth = dt.date(y, self.rng.randint(1, 12), self.rng.randint(1, 28))
            pref, city, towns, pz, area = self.rng.choice(CITIES)
            bld = ""
            if self.rng.random() < 0.35:
                bld = f"{self.rng.choice(BUILDINGS)}{self.rng.randint(1, 9)}0{self.rng.randint(1, 9)}"
            romaji = self.rng.choice(["taro", "hana", "k.sato", "yuki", "m-ito", "t_yamada", "satoshi", "nao"])
            email = f"{romaji}{self.rng.randint(1, 999)}@{self.rng.choice(['gmail.com', 'yahoo.co.jp', 'docomo.ne.jp', 'ezweb.ne.jp', 'icloud.com', 'nifty.com'])}"
            p = Person(sei, mei, sei_k, mei_k, sx, birth, f"{pz}-{self.digits(4)}", pref, city, self.rng.choice(towns),
                       self.rng.randint(1, 5), self.rng.randint(1, 30), self.rng.randint(1, 25), bld,
                       self.phone(area), self.mobile(), email, self.my_number())
            if encodable is None:
                return p
            try:
                for v in vars(p).values():
                    str(v).encode(encodable)
                return p
            except UnicodeEncodeError:
                continue

    def people(self, n: int, **kw) -> list[Person]:
        return [self.person(**kw) for _ in range(n)]

    def account(self) -> tuple[tuple[str, str, str], tuple[str, str, str], str, str]:
        return self.rng.choice(BANKS), self.rng.choice(BRANCHES), self.rng.choice(["普通", "普通", "当座"]), self.digits(7)

    def pension(self) -> str:
        return f"{self.digits(4)}-{self.digits(6)}"

    def passport(self) -> str:
        return self.rng.choice(["TK", "TR", "TZ", "MZ"]) + self.digits(7)

    def residence_card(self) -> str:
        letters = "ABCDEFGHJKLMNPRSTUVWXYZ"
        return "".join(self.rng.choice(letters) for _ in range(2)) + self.digits(8) + "".join(self.rng.choice(letters) for _ in range(2))

    def licence(self) -> str:
        return self.rng.choice(["30", "45", "50", "62"]) + self.digits(10)

    def jan(self) -> str:
        body = "49" + self.digits(10)
        total = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(body))
        return body + str((10 - total % 10) % 10)

    def corp_number(self) -> str:
        body = self.digits(12)
        return corporate_number.calc_check_digit(body) + body


# --------------------------------------------------------------------------------------------
# Container writers (each returns bytes so documents can be nested in archives and mails)
# --------------------------------------------------------------------------------------------

def text_bytes(text: str, encoding: str = "utf-8", crlf: bool = False) -> bytes:
    if crlf:
        text = text.replace("\r\n", "\n").replace("\n", "\r\n")
    if encoding in ("euc_jp", "iso-2022-jp"):
        text = text.replace("－", "−")  # these codecs spell the full-width hyphen as MINUS SIGN (U+2212)
    return text.encode(encoding)


def csv_text(rows: Rows, sep: str = ",", quote: bool = False) -> str:
    def cell(v: str) -> str:
        v = str(v)
        if quote or sep in v or '"' in v:
            return '"' + v.replace('"', '""') + '"'
        return v
    return "\n".join(sep.join(cell(c) for c in r) for r in rows) + "\n"


def xlsx_bytes(sheets: Sequence[tuple[str, Rows]], hidden: Iterable[str] = (), title_rows: dict[str, list[str]] | None = None) -> bytes:
    import openpyxl
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets:
        ws = wb.create_sheet(name)
        for line in (title_rows or {}).get(name, []):
            ws.append([line])
        for r in rows:
            ws.append([_cell_value(v) for v in r])
        if name in hidden:
            ws.sheet_state = "hidden"
    wb.properties.created = wb.properties.modified = FIXED_TIME
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _cell_value(v: object) -> object:
    """Numbers stay numbers in spreadsheets (as people type them); codes with leading zeros stay text."""
    if isinstance(v, str) and v.isdigit() and not v.startswith("0") and len(v) < 16:
        return int(v)
    return v


def xls_bytes(sheets: Sequence[tuple[str, Rows]]) -> bytes:
    import xlwt
    wb = xlwt.Workbook(encoding="utf-8")
    for name, rows in sheets:
        ws = wb.add_sheet(name)
        for i, r in enumerate(rows):
            for j, v in enumerate(r):
                ws.write(i, j, v)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def docx_bytes(paragraphs: Sequence[str], tables: Sequence[Rows] = (), header: str = "", after_tables: Sequence[str] = ()) -> bytes:
    import docx
    d = docx.Document()
    if header:
        d.sections[0].header.paragraphs[0].text = header
    for p in paragraphs:
        d.add_paragraph(p)
    for t in tables:
        tab = d.add_table(rows=len(t), cols=max(len(r) for r in t))
        for i, r in enumerate(t):
            for j, v in enumerate(r):
                tab.cell(i, j).text = str(v)
    for p in after_tables:
        d.add_paragraph(p)
    d.core_properties.created = d.core_properties.modified = FIXED_TIME
    d.core_properties.author = "tokki"
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def pptx_bytes(slides: Sequence[dict]) -> bytes:
    """Slides as dicts: title, bullets (list), table (rows), notes (str)."""
    from pptx import Presentation
    from pptx.util import Inches, Pt
    prs = Presentation()
    for s in slides:
        slide = prs.slides.add_slide(prs.slide_layouts[5])
        slide.shapes.title.text = s.get("title", "")
        if s.get("bullets"):
            box = slide.shapes.add_textbox(Inches(0.6), Inches(1.6), Inches(8.8), Inches(4.5)).text_frame
            box.text = s["bullets"][0]
            for b in s["bullets"][1:]:
                box.add_paragraph().text = b
        if s.get("table"):
            rows = s["table"]
            shape = slide.shapes.add_table(len(rows), len(rows[0]), Inches(0.4), Inches(1.6), Inches(9.2), Inches(0.3 * len(rows)))
            for i, r in enumerate(rows):
                for j, v in enumerate(r):
                    cell = shape.table.cell(i, j)
                    cell.text = str(v)
                    cell.text_frame.paragraphs[0].runs[0].font.size = Pt(10)
        if s.get("notes"):
            slide.notes_slide.notes_text_frame.text = s["notes"]
    prs.core_properties.created = prs.core_properties.modified = FIXED_TIME
    buf = io.BytesIO()
    prs.save(buf)
    return buf.getvalue()


def pdf_bytes(lines: Sequence[str]) -> bytes:
    """A text-layer PDF in the standard Japanese CID font (no font files needed)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas
    if "HeiseiKakuGo-W5" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("HeiseiKakuGo-W5"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    y = 800
    for line in lines:
        if y < 50:
            c.showPage()
            y = 800
        c.setFont("HeiseiKakuGo-W5", 10)
        c.drawString(40, y, line)
        y -= 16
    c.save()
    return buf.getvalue()


def table_lines(rows: Rows, sep: str = "  ") -> list[str]:
    return [sep.join(str(v) for v in r) for r in rows]


def zip_bytes(members: Sequence[tuple[str, bytes]]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members:
            z.writestr(zipfile.ZipInfo(name, date_time=FIXED_TIME.timetuple()[:6]), data, zipfile.ZIP_DEFLATED)
    return buf.getvalue()


def aes_zip_bytes(members: Sequence[tuple[str, bytes]], password: bytes) -> bytes:
    import pyzipper
    buf = io.BytesIO()
    with pyzipper.AESZipFile(buf, "w", compression=pyzipper.ZIP_DEFLATED, encryption=pyzipper.WZ_AES) as z:
        z.setpassword(password)
        for name, data in members:
            z.writestr(name, data)
    return buf.getvalue()


class _ZipCryptoKeys:
    """The three rolling keys of traditional PKWARE encryption."""

    def __init__(self, password: bytes) -> None:
        self.k = [0x12345678, 0x23456789, 0x34567890]
        for b in password:
            self.update(b)

    @staticmethod
    def _crc(crc: int, b: int) -> int:
        c = (crc ^ b) & 0xFF
        for _ in range(8):
            c = (c >> 1) ^ 0xEDB88320 if c & 1 else c >> 1
        return (crc >> 8) ^ c

    def update(self, b: int) -> None:
        k0, k1, k2 = self.k
        k0 = self._crc(k0, b)
        k1 = ((k1 + (k0 & 0xFF)) * 134775813 + 1) & 0xFFFFFFFF
        k2 = self._crc(k2, k1 >> 24)
        self.k = [k0, k1, k2]

    def encrypt(self, b: int) -> int:
        t = (self.k[2] | 2) & 0xFFFF
        c = b ^ (((t * (t ^ 1)) >> 8) & 0xFF)
        self.update(b)
        return c


def zipcrypto_bytes(members: Sequence[tuple[str, bytes]], password: bytes, rng: random.Random) -> bytes:
    """A legacy PKWARE (ZipCrypto) password zip, the kind mailed in 'PPAP' with the password sent separately."""
    out = io.BytesIO()
    central = []
    for name, data in members:
        keys = _ZipCryptoKeys(password)
        crc = binascii.crc32(data) & 0xFFFFFFFF
        header = bytes(rng.randrange(256) for _ in range(11)) + bytes([crc >> 24])
        payload = bytes(keys.encrypt(b) for b in header + data)
        fname = name.encode("utf-8")
        dos_time = (FIXED_TIME.hour << 11) | (FIXED_TIME.minute << 5)
        dos_date = ((FIXED_TIME.year - 1980) << 9) | (FIXED_TIME.month << 5) | FIXED_TIME.day
        offset = out.tell()
        flags = 0x1 | 0x800
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, flags, 0, dos_time, dos_date, crc, len(payload), len(data), len(fname), 0))
        out.write(fname)
        out.write(payload)
        central.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, flags, 0, dos_time, dos_date, crc,
                                   len(payload), len(data), len(fname), 0, 0, 0, 0, 0, offset) + fname)
    cd_start = out.tell()
    for c in central:
        out.write(c)
    cd_size = out.tell() - cd_start
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(central), len(central), cd_size, cd_start, 0))
    return out.getvalue()


def office_encrypt(data: bytes, password: str) -> bytes:
    """Password-protect an OOXML document (Agile encryption, as Office does)."""
    from msoffcrypto.format.ooxml import OOXMLFile
    out = io.BytesIO()
    OOXMLFile(io.BytesIO(data)).encrypt(password, out)
    return out.getvalue()


def pdf_encrypt(data: bytes, user: str, owner: str) -> bytes:
    from pypdf import PdfReader, PdfWriter
    w = PdfWriter()
    for page in PdfReader(io.BytesIO(data)).pages:
        w.add_page(page)
    w.encrypt(user_password=user, owner_password=owner, algorithm="AES-128")
    buf = io.BytesIO()
    w.write(buf)
    return buf.getvalue()


def eml_bytes(subject: str, sender: str, to: str, body: str, charset: str = "utf-8",
              attachments: Sequence[tuple[str, bytes, str]] = ()) -> bytes:
    msg = EmailMessage()
    msg["Subject"] = subject
    msg["From"] = sender
    msg["To"] = to
    msg["Date"] = format_datetime(FIXED_TIME.replace(tzinfo=dt.timezone(dt.timedelta(hours=9))))
    msg["Message-ID"] = f"<{binascii.crc32(subject.encode()):08x}.holdout@example.jp>"
    msg.set_content(body, charset=charset)
    for name, data, mime in attachments:
        maintype, subtype = mime.split("/")
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return bytes(msg)


# --------------------------------------------------------------------------------------------
# The corpus
# --------------------------------------------------------------------------------------------

# People per table, for the record-count check ("one roster row is one person"); informational only.
EXPECTED_RECORDS = {
    "csv/3名リスト.csv": 3, "csv/no_header_3rows.csv": 3, "tsv/緊急連絡先.tsv": 4, "xlsx/受給者台帳.xlsx": 28,
    "xlsx/no_header.xlsx": 15, "csv/会員名簿_sjis.csv": 40, "csv/customers_eucjp.csv": 25, "tsv/社員名簿.tsv": 30,
    "xls/自治会名簿.xls": 20, "xlsx/講座申込集計.xlsx": 42, "xlsx/hidden_sheet.xlsx": 12, "xlsx/住所様式いろいろ.xlsx": 10,
    "csv/kana_only.csv": 12, "docx/百寿者名簿.docx": 8, "pdf/名簿.pdf": 20, "csv/顧客マスタ_大.csv": 1500,
    "xlsx/お客様一覧_faker.xlsx": 15, "xlsx/技能実習生_在留カード.xlsx": 8, "docx/扶養控除等申告書.docx": 6,
    "xlsx/謝金振込一覧.xlsx": 14, "csv/口座振替_sjis.csv": 9, "xlsx/年金番号一覧.xlsx": 16, "csv/保険証情報.csv": 10,
    "xlsx/社用車運転者.xlsx": 7, "docx/海外研修_旅券.docx": 6, "zip/二重圧縮.zip": 20, "zip/三重圧縮.zip": 20,
    "zip/資料一式.zip": 10, "misc/export_20260410.dat": 10, "misc/名簿.xls": 10, "eml/名簿送付.eml": 10,
    "txt/SOUGOU0410.txt": 12, "csv/名刺リスト.csv": 20, "xlsx/那覇_受給者名簿.xlsx": 12,
}


class Corpus:
    """Collects files and their expectations, then writes both."""

    def __init__(self, out: Path, seed: int) -> None:
        self.out = out
        self.w = World(seed)
        self.expected: dict[str, dict] = {}

    def put(self, rel: str, data: bytes, verdict: str, why: str, fmt: str, debatable: bool = False) -> None:
        if rel in self.expected:
            raise ValueError(f"duplicate {rel}")
        path = self.out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        entry = {"verdict": verdict, "why": why, "format": fmt}
        if debatable:
            entry["debatable"] = True
        if rel in EXPECTED_RECORDS:
            entry["records"] = EXPECTED_RECORDS[rel]
        self.expected[rel] = entry

    def write_manifest(self) -> None:
        (self.out / "expected.json").write_text(json.dumps(self.expected, ensure_ascii=False, indent=1, sort_keys=True), "utf-8")


def build(c: Corpus) -> None:
    """Every document of the holdout, positives first, then hard negatives, then protected/broken files."""
    for step in (letters, small_lists, rosters, free_text, finance_and_ids, containers_positive,
                 negatives_commerce, negatives_public, negatives_misc, debatable_docs, protected_and_broken):
        step(c)


# ----- positives ------------------------------------------------------------------------------

def letter_text(c: Corpus, p: Person, kind: int) -> str:
    w = c.w
    date = wareki(dt.date(2026, 4, w.rng.randint(1, 20)))
    addr_style = ["std", "hyphen", "kanji", "full", "std"][kind % 5]
    head = f"〒{p.postal if kind % 2 else full(p.postal)}\n{p.address(addr_style)}\n\n{p.name}　様\n\n"
    bodies = [
        (f"{date}\n{p.city}長\n\n　　　国民健康保険料の納付について（お知らせ）\n\n"
         "　日頃より市政にご理解とご協力を賜り、厚くお礼申し上げます。\n"
         "　令和7年度の国民健康保険料のうち、下記の期別分が納期限を過ぎても未納となっております。\n"
         "　行き違いで納付済みの場合はご容赦ください。\n\n記\n\n"
         f"　通知番号　　　第{w.digits(6)}号\n　未納額　　　　{w.rng.randint(8, 60)},{w.digits(3)}円\n　納期限　　　　{wareki(dt.date(2026, 4, 30))}\n\n以上\n"),
        (f"{date}\n\n拝啓　春暖の候、ますますご清祥のこととお喜び申し上げます。\n"
         "　このたびは当店をご利用いただき、誠にありがとうございました。\n"
         "　ご注文の品は本日発送いたしました。到着まで今しばらくお待ちくださいませ。\n"
         "　今後とも変わらぬお引き立てのほど、よろしくお願い申し上げます。\n敬具\n\n"
         "　　　　　　　　　　　　　　　　　　　　　手づくり雑貨の店　こもれび\n"),
        (f"{date}\n\n　　　　　敬老祝金の支給について\n\n"
         f"　{p.sei}様におかれましては、ますますご健勝のこととお喜び申し上げます。\n"
         f"　本年度、満{2026 - p.birth.year}歳を迎えられる方に敬老祝金を贈呈いたします。\n"
         f"　生年月日　{wareki(p.birth)}\n　支給額　　10,000円\n"
         "　民生委員がご自宅へお届けにあがりますので、ご在宅をお願いいたします。\n\n　　　　　　　　　　　　　　　　　　　高齢福祉課\n"),
        (f"{date}\n\n　　　　　　採用内定のご通知\n\n"
         "拝啓　時下ますますご清祥のこととお喜び申し上げます。\n"
         "　先日は弊社の採用選考にご応募いただき、誠にありがとうございました。\n"
         "　厳正なる選考の結果、貴殿を採用することに内定いたしましたのでご通知申し上げます。\n"
         f"　つきましては、同封の入社承諾書に必要事項をご記入の上、{wareki(dt.date(2026, 5, 8))}までにご返送ください。\n敬具\n\n"
         "　　　　　　　　　　　　　　　　株式会社みなと精機　人事部\n"),
        (f"{date}\n\n　　　　　水道料金のお支払いについて（督促）\n\n"
         f"　お客様番号　{w.digits(3)}-{w.digits(5)}\n"
         "　下記の料金について、お支払いの確認ができておりません。同封の納付書により至急お支払いください。\n"
         f"　請求金額　{w.rng.randint(2, 19)},{w.digits(3)}円（2か月分）\n\n　　　　　　　　　　　　上下水道局　お客さまセンター\n"),
    ]
    return head + bodies[kind % len(bodies)]


def letters(c: Corpus) -> None:
    w = c.w
    plans = [
        ("txt/letter_kokuho_utf8.txt", "utf-8", False, 0, "municipal reminder about unpaid health-insurance premium, sent to one resident (name + address)"),
        ("txt/お礼状_sjis.txt", "cp932", True, 1, "shop thank-you letter to one customer: postal code, address, name only"),
        ("txt/keirou_eucjp.txt", "euc_jp", False, 2, "letter to one elderly resident about a longevity gift, with birth date in 和暦"),
        ("txt/naitei_utf8bom.txt", "utf-8-sig", False, 3, "job offer letter to one candidate, address with full-width digits"),
        ("txt/suido_tokusoku_utf16.txt", "utf-16", True, 4, "water-bill reminder to one resident, UTF-16"),
    ]
    for rel, enc, crlf, kind, why in plans:
        p = w.person(encodable=enc if enc in ("cp932", "euc_jp") else None, born=(1925, 1960) if kind == 2 else (1940, 2003))
        c.put(rel, text_bytes(letter_text(c, p, kind), enc, crlf), PD, why, "txt")
    p = w.person()
    c.put("docx/letter_resident.docx", docx_bytes(letter_text(c, p, 0).split("\n")), PD,
          "same reminder letter as a Word document to one resident", "docx")
    p = w.person()
    c.put("pdf/letter_resident.pdf", pdf_bytes(letter_text(c, p, 4).split("\n")), PD,
          "water-bill reminder to one resident as a PDF", "pdf")
    # Envelope label: nothing but the address block.
    p = w.person()
    c.put("txt/宛名ラベル.txt", text_bytes(f"〒{p.postal}\n{p.address('hyphen')}\n{p.name} 様\n", "cp932", True), PD,
          "a single envelope label: postal code, address and name of one private person", "txt")


def small_lists(c: Corpus) -> None:
    w = c.w
    ps = w.people(3)
    text = "見学会　参加者（3名）\n\n" + "\n".join(
        f"{i}. {p.name}（{p.kana}）　{p.mobile}　{p.address('hyphen', with_pref=False)}" for i, p in enumerate(ps, 1))
    text += "\n\n当日は9時45分に正門前に集合。雨天決行。\n"
    c.put("txt/見学会参加者.txt", text_bytes(text), PD, "3-person participant list in prose lines: name, kana, mobile, address", "txt")
    ps = w.people(3)
    rows = [["氏名", "電話番号", "住所"]] + [[p.name, p.landline, p.address()] for p in ps]
    c.put("csv/3名リスト.csv", text_bytes(csv_text(rows), "utf-8"), PD, "3-row CSV: name, landline, address", "csv")
    ps = w.people(3)
    rows = [[p.sei + p.mei, p.postal, p.address("hyphen"), p.mobile, p.birth.strftime("%Y/%m/%d")] for p in ps]
    c.put("csv/no_header_3rows.csv", text_bytes(csv_text(rows), "cp932", True), PD,
          "3 rows without any header: name, postal code, address, mobile, birth date (Shift_JIS)", "csv")
    # Phone memo: one caller, one phone number.
    p = w.person()
    memo = (f"伝言メモ　4/10 14:20　受付：総務\n\n{p.sei}様（{p.city}{p.town}在住）より電話あり。\n"
            f"先日の申請書の件で確認したいことがあるとのこと。\n折り返し　{p.mobile}　までお願いします（17時以降が良いそうです）。\n")
    c.put("txt/伝言メモ.txt", text_bytes(memo), PD, "phone message: a resident's surname, district and mobile number to call back", "txt", debatable=True)
    ps = w.people(4)
    text = "緊急連絡先\n" + "\n".join(f"{p.name}\t{p.mobile}" for p in ps) + "\n"
    c.put("tsv/緊急連絡先.tsv", text_bytes(text, "utf-8"), PD, "4 names with mobile numbers, tab separated, one title line", "tsv")


def rosters(c: Corpus) -> None:
    w = c.w
    # Unusual headers, 和暦 birth dates.
    ps = w.people(28, born=(1928, 1960))
    rows = [["No.", "受給者名", "ﾌﾘｶﾞﾅ", "ご住所", "連絡先TEL", "生年月日(和暦)", "備考"]]
    for i, p in enumerate(ps, 1):
        rows.append([str(i), p.name, half_kana(p.kana), p.address(w.rng.choice(["std", "hyphen"])), p.landline,
                     wareki(p.birth, w.rng.choice(["long", "short", "slash"])), w.rng.choice(["", "要介護2", "独居", "施設入所中"])])
    c.put("xlsx/受給者台帳.xlsx", xlsx_bytes([("台帳", rows)], title_rows={"台帳": ["令和8年度 給付金受給者台帳", ""]}), PD,
          "28-row benefit-recipient register, headers 受給者名/ご住所/連絡先TEL/生年月日(和暦), title rows above", "xlsx")
    # Rows without any header in xlsx.
    ps = w.people(15)
    rows = [[p.sei, p.mei, p.postal, p.address(), p.mobile] for p in ps]
    c.put("xlsx/no_header.xlsx", xlsx_bytes([("Sheet1", rows)]), PD, "15-row list with no header row: surname, given name, postal code, address, mobile", "xlsx")
    # Shift_JIS and EUC-JP CSVs.
    ps = w.people(40, encodable="cp932")
    rows = [["会員番号", "氏名", "フリガナ", "郵便番号", "住所", "電話番号", "生年月日", "入会日"]]
    for i, p in enumerate(ps, 1):
        rows.append([f"M{i:05d}", p.name, p.kana, p.postal, p.address(), p.landline, p.birth.strftime("%Y/%m/%d"), f"2024/{w.rng.randint(1, 12)}/{w.rng.randint(1, 28)}"])
    c.put("csv/会員名簿_sjis.csv", text_bytes(csv_text(rows, quote=True), "cp932", True), PD, "40-member roster exported as quoted Shift_JIS CSV", "csv")
    ps = w.people(25, encodable="euc_jp")
    rows = [["id", "name", "kana", "zip", "address", "tel", "birthday", "mail"]]
    for i, p in enumerate(ps, 1):
        rows.append([str(1000 + i), p.name, p.kana, p.postal.replace("-", ""), p.address(), p.landline.replace("-", ""), p.birth.isoformat(), p.email])
    c.put("csv/customers_eucjp.csv", text_bytes(csv_text(rows), "euc_jp"), PD,
          "25 customers from an old Unix system, EUC-JP, English column names, phone and postal code without hyphens", "csv")
    # TSV staff roster.
    ps = w.people(30, born=(1960, 2003))
    rows = [["社員番号", "氏名", "所属", "入社年月日", "生年月日", "現住所", "携帯"]]
    for p in ps:
        rows.append([w.digits(6), p.name, w.rng.choice(["営業部", "総務部", "製造部", "経理部"]), f"20{w.rng.randint(0, 25):02d}/04/01",
                     p.birth.strftime("%Y/%m/%d"), p.address("hyphen"), p.mobile])
    c.put("tsv/社員名簿.tsv", text_bytes(csv_text(rows, sep="\t"), "utf-8"), PD, "30-employee roster: birth dates, home addresses, mobiles", "tsv")
    # Legacy xls.
    ps = w.people(20, born=(1950, 2000))
    rows = [["氏名", "ふりがな", "〒", "住所", "TEL", "年齢"]]
    for p in ps:
        rows.append([p.name, p.kana, p.postal, p.address(), p.landline, str(2026 - p.birth.year)])
    c.put("xls/自治会名簿.xls", xls_bytes([("名簿", rows)]), PD, "neighbourhood-association roster as legacy .xls (name, kana, postal, address, phone, age)", "xls")
    # Personal data only in the third sheet.
    summary = [["項目", "件数"], ["申込総数", "42"], ["うち新規", "17"], ["キャンセル", "3"]]
    price = [["コース", "料金"], ["初級", "12000"], ["中級", "15000"], ["上級", "18000"]]
    ps = w.people(42)
    detail = [["申込者", "連絡先", "メール", "コース"]] + [[p.name, p.mobile, p.email, w.rng.choice(["初級", "中級", "上級"])] for p in ps]
    c.put("xlsx/講座申込集計.xlsx", xlsx_bytes([("集計", summary), ("料金表", price), ("申込者一覧", detail)]), PD,
          "course sign-ups: sheet 1 totals, sheet 2 prices, personal data only in sheet 3", "xlsx")
    # Hidden sheet.
    ps = w.people(12)
    detail = [["氏名", "生年月日", "住所"]] + [[p.name, p.birth.strftime("%Y年%m月%d日"), p.address()] for p in ps]
    c.put("xlsx/hidden_sheet.xlsx", xlsx_bytes([("表紙", [["令和8年度　事業報告"], ["作成：地域振興課"]]), ("data", detail)], hidden=["data"]), PD,
          "report cover on sheet 1; 12-person list on a hidden sheet", "xlsx")
    # Sapporo / Kyoto / rural address styles, separate 姓/名 columns.
    rows = [["姓", "名", "セイ", "メイ", "住所", "電話"]]
    for _ in range(10):
        p = w.person()
        style = w.rng.choice(["sapporo", "kyoto", "rural"])
        if style == "sapporo":
            addr = f"北海道札幌市中央区北{w.rng.randint(1, 20)}条西{w.rng.randint(1, 20)}丁目{w.rng.randint(1, 30)}番地{w.rng.randint(1, 9)}"
            tel = w.phone(("011", 3, 4))
        elif style == "kyoto":
            addr = f"京都府京都市中京区{w.rng.choice(['烏丸通御池下る虎屋町', '河原町通三条上る下丸屋町', '室町通蛸薬師下る山伏山町'])}{w.rng.randint(100, 600)}番地"
            tel = w.phone(("075", 3, 4))
        else:
            addr = f"群馬県吾妻郡草津町大字草津{w.rng.randint(1, 999)}番地"
            tel = w.phone(("0279", 2, 4))
        rows.append([p.sei, p.mei, p.sei_kana, p.mei_kana, addr, tel])
    c.put("xlsx/住所様式いろいろ.xlsx", xlsx_bytes([("一覧", rows)]), PD,
          "10 people with Sapporo 条丁目, Kyoto 通り上る/下る and rural 大字 addresses; 姓/名 in separate columns", "xlsx")
    # Katakana-only names with phones.
    rows = [["フリガナ", "TEL"]] + [[p.kana, p.mobile] for p in w.people(12)]
    c.put("csv/kana_only.csv", text_bytes(csv_text(rows), "utf-8-sig"), PD, "12 names in katakana only, with mobile numbers (UTF-8 BOM)", "csv")
    # Birthday list.
    rows = [["名前", "誕生日"]] + [[p.sei + " " + p.mei, f"{p.birth.month}月{p.birth.day}日"] for p in w.people(18)]
    rows2 = [["名前", "誕生日", "生年"]] + [[p.name, f"{p.birth.month}/{p.birth.day}", str(p.birth.year)] for p in w.people(10)]
    c.put("xlsx/誕生日リスト.xlsx", xlsx_bytes([("4月以降", rows), ("中途", rows2)]), PD,
          "staff birthday list: names with month/day (sheet 2 adds birth year)", "xlsx", debatable=True)
    # Welfare list with old eras (明治/大正) for a centenarian gift.
    rows = [["対象者氏名", "性別", "生年月日", "満年齢", "住所", "担当民生委員"]]
    for _ in range(8):
        p = w.person(born=(1911, 1926))
        rows.append([p.name, "男" if p.sex == "M" else "女", wareki(p.birth), f"{2026 - p.birth.year}歳", p.address("kanji"), w.rng.choice(SURNAMES)[0] + "委員"])
    c.put("docx/百寿者名簿.docx", docx_bytes(["令和8年度　百寿・長寿お祝い対象者名簿", "（取扱注意）"], [rows]), PD,
          "centenarian list in a Word table: births in 明治/大正, kanji-numeral addresses", "docx")
    # Birth registrations with R8.4.1-style dates and 元年.
    lines = ["出生届受理一覧（令和8年4月分）", ""]
    for _ in range(6):
        parent = w.person(born=(1985, 2000))
        d = dt.date(2026, 4, w.rng.randint(1, 9))
        child = w.rng.choice(GIVEN_M + GIVEN_F)[0]
        lines.append(f"子 {parent.sei} {child}　生年月日 R8.{d.month}.{d.day}　届出人 {parent.name}（父母）　住所 {parent.address('hyphen')}")
    p = w.person(born=(2019, 2019))
    lines.append(f"参考（転入）: {p.name}　令和元年{p.birth.month}月{p.birth.day}日生　前住所 {p.address()}")
    c.put("pdf/出生届一覧.pdf", pdf_bytes(lines), PD, "birth registrations: child names, R8.4.x dates, parents' names and addresses (PDF)", "pdf")
    # PDF roster table.
    ps = w.people(20)
    rows = [["氏名", "住所", "電話番号", "生年月日"]] + [[p.name, p.address(), p.landline, p.birth.strftime("%Y/%m/%d")] for p in ps]
    c.put("pdf/名簿.pdf", pdf_bytes(["PTA役員名簿（令和8年度）", ""] + table_lines(rows)), PD, "20-row PTA officer roster as a PDF table", "pdf")
    # Large roster.
    ps = w.people(1500)
    rows = [["顧客ID", "氏名", "性別", "生年月日", "郵便番号", "住所", "電話番号", "メールアドレス"]]
    for i, p in enumerate(ps):
        rows.append([str(500000 + i), p.name, "男" if p.sex == "M" else "女", p.birth.isoformat(), p.postal, p.address(), p.landline, p.email])
    c.put("csv/顧客マスタ_大.csv", text_bytes(csv_text(rows), "utf-8"), PD, "1,500-row customer master", "csv")
    # Faker-named roster (names outside my own lists).
    ps = w.people(15, faker_name=True)
    rows = [["お名前", "ご連絡先", "ご住所"]] + [[f"{p.sei} {p.mei}", p.mobile, p.address()] for p in ps]
    c.put("xlsx/お客様一覧_faker.xlsx", xlsx_bytes([("一覧", rows)]), PD, "15 customers with names drawn from a different name source", "xlsx")
    # Regional surnames (Okinawa) under an unusual name header: the header, not a surname list, must carry it.
    okinawa = ["比嘉", "金城", "大城", "新垣", "島袋", "玉城", "仲宗根", "上原", "宮城", "知念", "喜屋武", "照屋"]
    rows = [["受給者名", "連絡先TEL", "ご住所", "生年月日(和暦)"]]
    for sei in okinawa:
        p = w.person(born=(1930, 1955))
        rows.append([f"{sei}　{p.mei}", w.phone(("098", 3, 4)), f"沖縄県那覇市{w.rng.choice(['久茂地', '牧志', '首里儀保町', '小禄'])}{p.chome}丁目{p.ban}番{p.go}号",
                     wareki(p.birth, "short")])
    c.put("xlsx/那覇_受給者名簿.xlsx", xlsx_bytes([("R8", rows)]), PD,
          "12 Okinawan residents (比嘉, 金城, 喜屋武...) under 受給者名/連絡先TEL/ご住所/生年月日(和暦)", "xlsx")
    # Romanised foreign residents.
    rows = [["Name", "Nationality", "在留カード番号", "在留期限", "住所"]]
    for _ in range(8):
        p = w.person()
        nm = w.rng.choice(["NGUYEN VAN AN", "TRAN THI HOA", "LE MINH DUC", "SANTOS MARIA CLARA", "WANG XIAOMING", "GURUNG RAM BAHADUR", "PHAM THI LAN", "SILVA JOAO PEDRO"])
        rows.append([nm, w.rng.choice(["ベトナム", "フィリピン", "中国", "ネパール", "ブラジル"]), w.residence_card(), f"2028/0{w.rng.randint(1, 9)}/15", p.address("hyphen")])
    c.put("xlsx/技能実習生_在留カード.xlsx", xlsx_bytes([("在留管理", rows)]), PD,
          "foreign trainees: romanised names, 在留カード番号, expiry, addresses", "xlsx")


def free_text(c: Corpus) -> None:
    w = c.w
    p = w.person()
    txt = (f"総務課　{w.rng.choice(SURNAMES)[0]}さん\n\nお疲れ様です。年末調整の件です。\n"
           f"扶養に入れる妻のマイナンバーを送ります。\n\n　{p.name}　{' '.join([p.my_number[:4], p.my_number[4:8], p.my_number[8:]])}\n\n"
           "よろしくお願いします。\n")
    c.put("txt/マイナンバー連絡.txt", text_bytes(txt), PD, "chat-style note giving a spouse's My Number (spaced 4-4-4) near マイナンバー", "txt")
    n = w.my_number()
    txt = f"本人確認済。個人番号：{full(n[:4])}－{full(n[4:8])}－{full(n[8:])}（通知カードにて確認）\n"
    c.put("txt/個人番号_全角.txt", text_bytes(txt, "cp932"), PD, "one full-width hyphenated My Number after 個人番号, no name", "txt")
    ps = w.people(6)
    rows = [["氏名", "続柄", "個人番号", "生年月日", "同居"]]
    for i, p in enumerate(ps):
        rows.append([p.name, ["本人", "配偶者", "長男", "長女", "父", "母"][i], p.my_number, wareki(p.birth, "slash"), "○"])
    c.put("docx/扶養控除等申告書.docx", docx_bytes(["令和8年分　給与所得者の扶養控除等（異動）申告書", "（個人番号欄あり・取扱注意）"], [rows]), PD,
          "dependant declaration: family names with 個人番号 and 和暦 birth dates in a table", "docx")
    # My Number in an e-mail body, no label next to it except 番号.
    p = w.person()
    body = (f"人事部 ご担当者様\n\nお世話になっております。営業部の{p.sei}です。\n"
            f"ご依頼のあった番号の件、私の分を記載します。\n\n{p.my_number}\n\n"
            "（マイナンバーカードの裏面で確認しました）\n\nよろしくお願いいたします。\n")
    c.put("eml/mynumber_reply.eml", eml_bytes("Re: 個人番号のご提出について", f"{p.sei.lower()}@minato-seiki.example.jp", "jinji@minato-seiki.example.jp", body),
          PD, "employee replies to HR with own My Number on a line by itself; マイナンバー only in a later line", "eml")
    # Resident's inquiry e-mail (ISO-2022-JP).
    p = w.person(encodable="iso-2022-jp")
    body = (f"ごみ収集担当課 御中\n\n{p.city}{p.town}{p.chome}丁目に住んでおります{p.name}と申します。\n"
            "先週から粗大ごみの回収日が変わったと聞きましたが、詳細を教えていただけますでしょうか。\n"
            f"日中は電話に出られないことが多いので、こちらのメールか {p.mobile} までご連絡ください。\n\n{p.name}\n")
    c.put("eml/住民問い合わせ.eml", eml_bytes("粗大ごみの回収日について", p.email, "gomi@city.example.lg.jp", body, charset="iso-2022-jp"),
          PD, "resident's inquiry mail (ISO-2022-JP): name, district, mobile, own e-mail", "eml")
    # Email with roster attached as CSV.
    ps = w.people(10)
    rows = [["氏名", "住所", "電話"]] + [[p.name, p.address(), p.landline] for p in ps]
    c.put("eml/名簿送付.eml", eml_bytes("名簿送付の件", "office@kodomo-kai.example.jp", "kaicho@example.jp",
                                          "会長様\n\n最新の名簿をお送りします。取扱いにご注意ください。\n",
                                          attachments=[("子ども会名簿.csv", text_bytes(csv_text(rows), "cp932", True), "text/csv")]),
          PD, "short mail with a 10-row roster CSV (Shift_JIS) attached", "eml")
    # Resume as docx table.
    p = w.person(born=(1995, 2003))
    rows = [["ふりがな", p.kana], ["氏名", p.name], ["生年月日", f"{p.birth.year}年{p.birth.month}月{p.birth.day}日生（満{2026 - p.birth.year}歳）"],
            ["現住所", f"〒{p.postal}　{p.address()}"], ["電話", p.mobile], ["E-mail", p.email]]
    hist = [["年", "月", "学歴・職歴"], ["2018", "3", "県立南高等学校　卒業"], ["2022", "3", "東都大学経済学部　卒業"], ["2022", "4", "株式会社あおば商事　入社"]]
    c.put("docx/履歴書.docx", docx_bytes(["履　歴　書", f"{wareki(dt.date(2026, 4, 1))}現在"], [rows, hist]), PD, "one person's résumé in Word tables", "docx")
    # Emergency contact tree.
    ps = w.people(9)
    paras = ["3年2組　緊急連絡網", "※この連絡網は緊急時以外に使用しないでください。", ""]
    paras += [f"{p.sei} {w.rng.choice(GIVEN_M + GIVEN_F)[0]}（保護者：{p.mei}）→ {p.landline}" for p in ps]
    c.put("docx/緊急連絡網.docx", docx_bytes(paras), PD, "class emergency phone tree: pupil and guardian names with home phone numbers", "docx")
    # Web-form submission log.
    lines = []
    for i in range(30):
        ts = f"2026-04-{w.rng.randint(1, 9):02d}T{w.rng.randint(8, 22):02d}:{w.rng.randint(0, 59):02d}:{w.rng.randint(0, 59):02d}+09:00"
        if i % 3 == 0:
            p = w.person()
            lines.append(f'{ts} INFO form=contact submitted name="{p.sei} {p.mei}" email={p.email} tel={p.mobile} zip={p.postal}')
        else:
            lines.append(f"{ts} INFO GET /contact 200 {w.rng.randint(2, 90)}ms")
    c.put("log/contact_form.log", text_bytes("\n".join(lines) + "\n"), PD, "web server log where every third line records a contact-form submission (name, e-mail, phone)", "log")
    # Half-width / full-width mix.
    lines = ["お客様情報（電話受付控え）"]
    for _ in range(5):
        p = w.person()
        lines.append(f"{p.name}様　〒{full(p.postal)}　{p.address('full')}　ＴＥＬ：{full(p.mobile)}　生年月日：{full(str(p.birth.year))}年{p.birth.month}月{p.birth.day}日")
    c.put("txt/全角混在.txt", text_bytes("\n".join(lines) + "\n", "cp932", True), PD,
          "phone-order notes with full-width postal codes, addresses, phones and years mixed with half-width", "txt")
    # Filled application form as a PDF.
    p = w.person()
    lines = ["住民票の写し等交付申請書", "", f"申請日　{wareki(dt.date(2026, 4, 9))}", f"請求者　住所　{p.address()}",
             f"　　　　氏名　{p.name}　　　生年月日　{wareki(p.birth)}", f"　　　　電話　{p.landline}", "請求の理由　□就職　■各種手続き　□その他",
             "必要なもの　住民票の写し　1通（世帯全員・続柄記載）"]
    c.put("pdf/住民票申請書.pdf", pdf_bytes(lines), PD, "filled residence-certificate application (one applicant)", "pdf")


def finance_and_ids(c: Corpus) -> None:
    w = c.w
    # Bank transfer list.
    rows = [["振込先氏名", "金融機関名", "支店名", "預金種目", "口座番号", "振込金額"]]
    for p in w.people(14):
        bank, branch, kind, acct = w.account()
        rows.append([p.name, bank[1], branch[1], kind, acct, f"{w.rng.randint(5, 90) * 1000}"])
    c.put("xlsx/謝金振込一覧.xlsx", xlsx_bytes([("振込", rows)]), PD, "honorarium transfer list: payee names, bank, 支店名, 預金種目, 7-digit 口座番号", "xlsx")
    rows = [["口座名義（カナ）", "銀行コード", "支店コード", "種目", "口座番号"]]
    for p in w.people(9, encodable="cp932"):
        bank, branch, kind, acct = w.account()
        rows.append([half_kana(p.kana), bank[0], branch[0], "1" if kind == "普通" else "2", acct])
    c.put("csv/口座振替_sjis.csv", text_bytes(csv_text(rows), "cp932", True), PD,
          "direct-debit list: half-width kana account holders with bank/branch codes and account numbers, no 支店 word in the data", "csv")
    # Zengin fixed-width transfer file.
    recs = ["1210" + "1234567890" + "ｶ)ﾄﾂｷｼﾖｳｼﾞ".ljust(40) + "0410" + "0009" + "ﾐﾂｲｽﾐﾄﾓ".ljust(15) + "101" + "ﾎﾝﾃﾝｴｲｷﾞﾖｳﾌﾞ".ljust(15) + "1" + w.digits(7) + " " * 17]
    total = 0
    for p in w.people(12, encodable="cp932"):
        bank, branch, kind, acct = w.account()
        amt = w.rng.randint(180, 420) * 1000
        total += amt
        recs.append("2" + bank[0] + bank[2].ljust(15)[:15] + branch[0] + branch[2].ljust(15)[:15] + "0000" + ("1" if kind == "普通" else "2")
                    + acct + half_kana(p.kana).translate(ZENGIN_LARGE).ljust(30)[:30] + f"{amt:010d}" + "0" + " " * 20 + "7" + " " + " " * 7)
    recs.append("8" + f"{len(recs) - 1:06d}" + f"{total:012d}" + " " * 101)
    recs.append("9" + " " * 119)
    c.put("txt/SOUGOU0410.txt", text_bytes("\r\n".join(recs) + "\r\n", "cp932"), PD,
          "全銀-format salary transfer file: fixed-width records, half-width kana payee names and account numbers, no headers", "txt")
    # Pension numbers.
    rows = [["氏名", "基礎年金番号", "生年月日", "資格取得日"]]
    for p in w.people(16, born=(1960, 2004)):
        rows.append([p.name, w.pension(), wareki(p.birth, "short"), f"R{w.rng.randint(1, 8)}.4.1"])
    c.put("xlsx/年金番号一覧.xlsx", xlsx_bytes([("社会保険", rows)]), PD, "16 employees with 基礎年金番号 (4-6) and 和暦 births", "xlsx")
    # Health insurance.
    rows = [["被保険者氏名", "記号", "番号", "被保険者番号", "生年月日"]]
    for p in w.people(10):
        rows.append([p.name, w.digits(4), str(w.rng.randint(1, 300)), w.digits(8), p.birth.strftime("%Y.%m.%d")])
    c.put("csv/保険証情報.csv", text_bytes(csv_text(rows)), PD, "health-insurance card details: 記号, 番号, 被保険者番号 per insured person", "csv")
    # Driver licences.
    rows = [["運転者", "運転免許証番号", "免許の色", "有効期限"]]
    for p in w.people(7):
        rows.append([p.name, w.licence(), w.rng.choice(["ゴールド", "ブルー"]), f"令和{w.rng.randint(8, 12)}年{w.rng.randint(1, 12)}月{w.rng.randint(1, 28)}日まで"])
    c.put("xlsx/社用車運転者.xlsx", xlsx_bytes([("運転者台帳", rows)]), PD, "company-car driver register with 12-digit 運転免許証番号", "xlsx")
    # Passport list in a docx.
    rows = [["氏名（ローマ字）", "旅券番号", "生年月日", "有効期限"]]
    for p in w.people(6):
        rows.append([f"{p.sei_kana} {p.mei_kana}", w.passport(), p.birth.strftime("%d %b %Y").upper(), f"20{w.rng.randint(27, 34)}/0{w.rng.randint(1, 9)}/01"])
    c.put("docx/海外研修_旅券.docx", docx_bytes(["海外研修（ハノイ）参加者　旅券情報", "航空券手配用"], [rows]), PD,
          "overseas trip participants: names, 旅券番号, birth dates in DD MON YYYY", "docx")
    p = w.person()
    txt = f"{p.name}様の在留カード番号は {w.residence_card()} です。期限は2027年3月31日。写しを人事ファイルに保管済み。\n"
    c.put("txt/在留カードメモ.txt", text_bytes(txt), PD, "one sentence: a person's name and residence-card number", "txt")


def containers_positive(c: Corpus) -> None:
    w = c.w
    ps = w.people(20)
    roster = csv_text([["氏名", "住所", "電話"]] + [[p.name, p.address(), p.mobile] for p in ps])
    inner = zip_bytes([("名簿/2026名簿.csv", text_bytes(roster, "cp932", True))])
    c.put("zip/二重圧縮.zip", zip_bytes([("readme.txt", "資料一式です。".encode()), ("data.zip", inner)]), PD,
          "zip containing a readme and a zip that holds a Shift_JIS roster", "zip")
    inner2 = zip_bytes([("level2.zip", zip_bytes([("list.csv", text_bytes(roster))]))])
    c.put("zip/三重圧縮.zip", zip_bytes([("level1.zip", inner2)]), PD, "roster CSV three zip levels deep", "zip", debatable=True)
    pos = xlsx_bytes([("名簿", [["氏名", "生年月日"]] + [[p.name, wareki(p.birth)] for p in w.people(10)])])
    cat = xlsx_bytes([("商品", [["品名", "価格"], ["はさみ", "380"], ["のり", "120"]])])
    c.put("zip/資料一式.zip", zip_bytes([("商品一覧.xlsx", cat), ("参加者.xlsx", pos), ("案内.txt", "4月の研修資料です。".encode())]), PD,
          "zip of a price list, a 10-person list with 和暦 births, and a note", "zip")
    # pptx speaker table.
    ps = w.people(5)
    table = [["登壇者", "所属", "携帯", "メール"]] + [[p.name, w.rng.choice(["NPO法人みどりの会", "市民ボランティア", "個人参加"]), p.mobile, p.email] for p in ps]
    c.put("pptx/地域フォーラム.pptx", pptx_bytes([{"title": "第5回 地域フォーラム", "bullets": ["日時：6月14日（日）13:30～", "会場：中央公民館 大ホール"]},
                                                {"title": "登壇者一覧（事務局用）", "table": table}]), PD,
          "forum deck: slide 2 is a speaker table with names, mobiles, e-mails", "pptx")
    p = w.person()
    c.put("pptx/研修資料_notes.pptx", pptx_bytes([{"title": "新人研修　ビジネスマナー", "bullets": ["電話応対", "名刺交換"],
                                                 "notes": f"講師：{p.name}（外部）　連絡先 {p.mobile}　自宅 {p.address()}"}]), PD,
          "training deck whose speaker notes hold the external lecturer's name, mobile and home address", "pptx")
    # Type by content, not by extension.
    ps = w.people(10)
    data = xlsx_bytes([("Sheet1", [["氏名", "住所", "電話"]] + [[p.name, p.address(), p.landline] for p in ps])])
    c.put("misc/export_20260410.dat", data, PD, "xlsx roster saved with a .dat extension", "xlsx")
    ps = w.people(10)
    c.put("misc/名簿.xls", text_bytes(csv_text([["氏名", "電話", "住所"]] + [[p.name, p.mobile, p.address()] for p in ps]), "cp932", True), PD,
          "a Shift_JIS CSV that a system exported with an .xls extension", "csv")
    ps = w.people(5)
    c.put("misc/連絡先", text_bytes("\n".join(f"{p.name}\t{p.mobile}\t{p.email}" for p in ps) + "\n"), PD,
          "file without extension: 5 names, mobiles, e-mails", "txt")
    p = w.person()
    c.put("misc/letter.txt", docx_bytes(letter_text(c, p, 1).split("\n")), PD, "a .docx letter to one customer renamed .txt", "docx")


# ----- hard negatives ---------------------------------------------------------------------------

PRODUCTS = ["ボールペン 0.5mm 黒", "ボールペン 0.7mm 赤", "A4コピー用紙 500枚", "クリアファイル 10枚入", "ホッチキス針 No.10",
            "付箋 75×75mm 黄", "修正テープ 5mm", "ファイルボックス A4", "電卓 12桁", "ガムテープ 50mm", "はさみ 175mm", "朱肉 中",
            "油性マーカー 太字 黒", "キングファイル 5cm", "ラベルシール 12面", "封筒 長形3号 100枚", "名札ケース 10個入", "乾電池 単3 4本"]


def negatives_commerce(c: Corpus) -> None:
    w = c.w
    rows = [["JANコード", "社内品番", "商品名", "入数", "単価(税抜)", "在庫"]]
    for name in PRODUCTS * 3:
        rows.append([w.jan(), w.digits(12), name, str(w.rng.choice([1, 5, 10, 50])), str(w.rng.randint(80, 4800)), str(w.rng.randint(0, 900))])
    c.put("csv/商品カタログ.csv", text_bytes(csv_text(rows), "cp932", True), CLEAN,
          "stationery catalogue: 13-digit JAN and random 12-digit item codes (some pass the My Number check by chance), prices", "csv")
    c.put("xlsx/商品カタログ.xlsx", xlsx_bytes([("カタログ", rows), ("改定", [["改定日", "内容"], ["2026/04/01", "一部商品価格改定"]])]), CLEAN,
          "same catalogue as xlsx with a price-revision sheet", "xlsx")
    c.put("pdf/商品カタログ.pdf", pdf_bytes(["2026年春 オフィス用品カタログ", ""] + table_lines(rows[:30])), CLEAN, "catalogue as PDF", "pdf")
    # Invoices with numbers failing the check digit.
    for i, fmt in enumerate(["xlsx", "pdf", "docx"]):
        inv = w.bad_my_number()
        lines = [["請求書"], [f"請求書番号 {inv}"], [f"発行日 2026年4月{10 + i}日"], ["株式会社ひかり建材 御中"],
                 ["下記のとおりご請求申し上げます。"], ["品目", "数量", "単価", "金額"]]
        total = 0
        for _ in range(5):
            q, u = w.rng.randint(1, 40), w.rng.randint(200, 9000)
            total += q * u
            lines.append([w.rng.choice(PRODUCTS), str(q), str(u), str(q * u)])
        lines += [["小計", "", "", str(total)], ["消費税(10%)", "", "", str(total // 10)], ["合計", "", "", str(total + total // 10)],
                  [f"振込先 三井住友銀行 本店営業部 普通 {w.digits(7)} カ）ミナトセイキ"],
                  ["株式会社みなと精機　〒105-0011 東京都港区芝公園2丁目4番1号　TEL 03-5432-1000"],
                  [f"登録番号 T{w.corp_number()}"], [f"注文番号 {w.bad_my_number()}"]]
        why = "invoice to a company: 12-digit invoice/order numbers failing the My Number check, company bank account, issuer letterhead"
        if fmt == "xlsx":
            c.put("xlsx/請求書.xlsx", xlsx_bytes([("請求書", lines)]), CLEAN, why, "xlsx")
        elif fmt == "pdf":
            c.put("pdf/請求書.pdf", pdf_bytes(table_lines(lines)), CLEAN, why, "pdf")
        else:
            c.put("docx/請求書.docx", docx_bytes([" ".join(r) for r in lines[:5]], [lines[5:-4]], after_tables=[r[0] for r in lines[-4:]]), CLEAN, why, "docx")
    # Invoice register: 12-digit numbers, many.
    rows = [["請求番号", "請求日", "取引先", "金額", "入金状況"]]
    for _ in range(60):
        rows.append([w.bad_my_number(), f"2026/0{w.rng.randint(1, 3)}/{w.rng.randint(1, 28):02d}", w.fake.company(), str(w.rng.randint(10, 999) * 1000), w.rng.choice(["入金済", "未入金"])])
    c.put("csv/請求台帳.csv", text_bytes(csv_text(rows)), CLEAN, "60 invoices: 12-digit numbers failing the check digit, corporate customers", "csv")
    # Tracking numbers.
    rows = [["出荷日", "品名", "個数", "運送会社", "お問い合わせ伝票番号"]]
    for _ in range(50):
        rows.append([f"2026/04/{w.rng.randint(1, 9):02d}", w.rng.choice(PRODUCTS), str(w.rng.randint(1, 6)), w.rng.choice(["ヤマト運輸", "佐川急便", "日本郵便"]), w.digits(12)])
    c.put("xlsx/出荷実績.xlsx", xlsx_bytes([("出荷", rows)]), CLEAN, "shipping record with 12-digit parcel tracking numbers, no recipients", "xlsx")
    # Corporate list with 法人番号.
    rows = [["法人番号", "商号又は名称", "本店所在地", "代表電話"]]
    for _ in range(25):
        pref, city, towns, _, area = w.rng.choice(CITIES)
        rows.append([w.corp_number(), w.fake.company(), f"{pref}{city}{w.rng.choice(towns)}{w.rng.randint(1, 5)}丁目{w.rng.randint(1, 20)}番{w.rng.randint(1, 20)}号", w.phone(area)])
    c.put("csv/取引先法人一覧.csv", text_bytes(csv_text(rows), "utf-8-sig"), CLEAN, "25 companies with 13-digit 法人番号, head-office addresses and switchboard numbers", "csv")
    c.put("xls/取引先法人一覧.xls", xls_bytes([("法人", rows)]), CLEAN, "same corporate list as legacy xls", "xls")
    # Branch sales report (支店 + 7-digit figures).
    rows = [["支店名", "売上高(円)", "前年同月", "前年比"]]
    for b in BRANCHES:
        s = w.rng.randint(1_000_000, 9_999_999)
        rows.append([b[1], str(s), str(int(s * w.rng.uniform(0.8, 1.2))), f"{w.rng.uniform(80, 120):.1f}%"])
    c.put("xlsx/支店別売上.xlsx", xlsx_bytes([("4月", rows)]), CLEAN, "sales by branch: 支店名 next to 7-digit yen figures", "xlsx")
    # Bank branch list.
    rows = [["支店番号", "支店名", "所在地", "電話番号", "ATM"]]
    for b in BRANCHES:
        pref, city, towns, pz, area = w.rng.choice(CITIES)
        rows.append([b[0], b[1], f"〒{pz}-{w.digits(4)} {pref}{city}{w.rng.choice(towns)}{w.rng.randint(1, 5)}-{w.rng.randint(1, 20)}-{w.rng.randint(1, 20)}", w.phone(area), "あり"])
    c.put("csv/店舗一覧_銀行.csv", text_bytes(csv_text(rows)), CLEAN, "a bank's own branch list: branch numbers, addresses, branch phones", "csv")
    # Accounting journal.
    rows = [["日付", "伝票番号", "借方科目", "借方金額", "貸方科目", "貸方金額", "摘要"]]
    for i in range(40):
        amt = str(w.rng.randint(1, 999) * 100)
        rows.append([f"2026/03/{w.rng.randint(1, 31):02d}", f"{202603000000 + i}", w.rng.choice(["消耗品費", "旅費交通費", "通信費", "支払手数料"]), amt, "普通預金", amt, w.rng.choice(["文具購入", "切手代", "振込手数料", "タクシー代"])])
    c.put("xlsx/仕訳帳.xlsx", xlsx_bytes([("仕訳", rows)]), CLEAN, "accounting journal with 12-digit voucher numbers (YYYYMM + serial)", "xlsx")
    # Receipt.
    txt = ("　　コンビニエンスストア　ほしのや\n　　　　桜新町駅前店\n東京都世田谷区桜新町1-21-3\n電話：03-5799-0000\n\n"
           "2026年04月10日(金) 12:41  レジ#2\n\n　おにぎり　鮭　　　　　￥160\n　緑茶 500ml　　　　　　￥140\n　小計　　　　　　　　　￥300\n"
           "　(内消費税等 8%　￥22)\n　合計　　　　　　　　　￥300\n　お預り　　　　　　　￥1,000\n　お釣り　　　　　　　　￥700\n"
           "登録番号 T1234567890123\n取引番号 000184-2026-0410\n")
    c.put("txt/レシート.txt", text_bytes(txt, "cp932", True), CLEAN, "shop receipt: store address and phone, transaction numbers", "txt")


def negatives_public(c: Corpus) -> None:
    w = c.w
    # Population statistics by 町丁目.
    rows = [["町丁目名", "世帯数", "人口総数", "男", "女"]]
    for town in ["桜新町", "経堂", "上馬", "北沢", "成城", "弦巻", "駒沢"]:
        for ch in range(1, 6):
            m, f = w.rng.randint(400, 2600), w.rng.randint(400, 2700)
            rows.append([f"{town}{kanji_num(ch)}丁目", str(int((m + f) / 1.9)), str(m + f), str(m), str(f)])
    c.put("csv/町丁目別人口.csv", text_bytes("町丁目別世帯数及び人口（令和8年4月1日現在）\n" + csv_text(rows), "cp932", True), CLEAN,
          "population and households by 町丁目 (statistics, no individuals)", "csv")
    c.put("xlsx/町丁目別人口.xlsx", xlsx_bytes([("R8.4", rows)]), CLEAN, "same statistics as xlsx", "xlsx")
    c.put("pdf/町丁目別人口.pdf", pdf_bytes(["町丁目別世帯数及び人口（令和8年4月1日現在）"] + table_lines(rows)), CLEAN, "same statistics as PDF", "pdf")
    rows2 = [["年齢", "男", "女", "計"]] + [[f"{a}～{a + 4}歳", str(w.rng.randint(2000, 9000)), str(w.rng.randint(2000, 9000)), ""] for a in range(0, 100, 5)]
    c.put("xls/年齢別人口.xls", xls_bytes([("年齢5歳階級", rows2)]), CLEAN, "population by 5-year age band (statistics)", "xls")
    # Meeting minutes.
    official = lambda: w.rng.choice(SURNAMES)[0] + "　" + w.rng.choice(GIVEN_M + GIVEN_F)[0]
    minutes = [
        "令和8年度　第1回　桜台市地域福祉推進協議会　会議録", "",
        "１　日　時　令和8年4月15日（水）午後2時00分～午後3時45分",
        "２　場　所　桜台市役所　本庁舎3階　第1会議室（〒390-8620　長野県桜台市丸の内3番7号）",
        f"３　出席者　会長　{official()}（桜台大学教授）、副会長　{official()}（市社会福祉協議会）、委員12名",
        f"　　事務局　福祉部長　{official()}、福祉政策課長　{official()}、同課担当2名",
        "４　議　題　(1) 第4期地域福祉計画の進捗状況について　(2) 令和8年度事業計画について",
        "５　会議の経過",
        "　会長：定刻となりましたので開会します。本日の出席委員は12名で、定足数を満たしております。",
        "　事務局：資料1に沿って説明。見守りネットワーク登録事業所は前年度比14か所増の186か所。",
        "　委員：高齢者の移動支援について、地区ごとの状況を次回示してほしい。",
        "　事務局：次回までに地区別の利用実績を整理してお示しします。",
        "６　次回開催　令和8年7月下旬予定",
        "問い合わせ先　桜台市福祉部福祉政策課　電話 0263-34-3000（代表）内線2145　FAX 0263-34-3201",
    ]
    c.put("docx/協議会会議録.docx", docx_bytes(minutes), CLEAN, "council minutes: city hall's own address, 代表電話/内線, officials named in their roles", "docx")
    c.put("txt/協議会会議録.txt", text_bytes("\n".join(minutes) + "\n", "utf-8"), CLEAN, "same minutes as plain text", "txt")
    c.put("pdf/協議会会議録.pdf", pdf_bytes(minutes), CLEAN, "same minutes as PDF", "pdf")
    # Public facilities.
    rows = [["施設名", "所在地", "電話番号", "休館日"]]
    for name in ["中央公民館", "東部公民館", "西部公民館", "中央図書館", "南分館図書室", "市民体育館", "郷土資料館", "こども科学館", "総合福祉センター", "女性センター"]:
        pref, city, towns, pz, area = CITIES[10]
        rows.append([name, f"〒{pz}-{w.digits(4)} {city}{w.rng.choice(towns)}{w.rng.randint(1, 5)}丁目{w.rng.randint(1, 20)}番{w.rng.randint(1, 20)}号", w.phone(area), w.rng.choice(["月曜日", "火曜日", "第3水曜日"])])
    c.put("xlsx/公共施設一覧.xlsx", xlsx_bytes([("施設", rows)]), CLEAN, "public facilities (公民館, 図書館...) with addresses and phone numbers", "xlsx")
    c.put("csv/公共施設一覧.csv", text_bytes(csv_text(rows), "euc_jp"), CLEAN, "same facility list as EUC-JP CSV", "csv")
    # Emergency hospitals.
    lines = ["休日当番医（4月）", ""]
    for d in range(5, 30, 7):
        pref, city, towns, pz, area = CITIES[2]
        lines.append(f"4月{d}日(日)　{w.rng.choice(['日吉', '綱島', '大倉山'])}{w.rng.choice(['内科クリニック', '小児科医院', '中央病院', '整形外科'])}　{city}{w.rng.choice(towns)}{w.rng.randint(1, 5)}-{w.rng.randint(1, 20)}-{w.rng.randint(1, 9)}　TEL {w.phone(area)}")
    c.put("txt/休日当番医.txt", text_bytes("\n".join(lines) + "\n"), CLEAN, "holiday duty clinics with clinic addresses and phones", "txt")
    # Bus timetable.
    lines = ["市内循環バス（右回り）　桜新町三丁目 発　平日ダイヤ", "令和8年4月1日改正", ""]
    for h in range(6, 23):
        mins = sorted(w.rng.sample(range(60), w.rng.randint(2, 5)))
        lines.append(f"{h:2d}時　" + "　".join(f"{m:02d}" for m in mins))
    lines += ["", "主な停留所：桜新町三丁目 → 上馬二丁目 → 駒沢公園西口 → 市役所前 → 中央駅", "お問い合わせ：市交通局 営業所 03-3411-0000"]
    c.put("txt/バス時刻表.txt", text_bytes("\n".join(lines) + "\n", "cp932", True), CLEAN, "bus timetable: stop names with 丁目, departure times", "txt")
    c.put("pdf/バス時刻表.pdf", pdf_bytes(lines), CLEAN, "bus timetable as PDF", "pdf")
    # Legal text.
    law = [
        "行政手続における特定の個人を識別するための番号の利用等に関する法律（抄）",
        "（平成二十五年法律第二十七号）", "",
        "第一章　総則", "（目的）",
        "第一条　この法律は、行政機関、地方公共団体その他の行政事務を処理する者が、個人番号及び法人番号の有する特定の個人及び法人その他の団体を識別する機能を活用し、…",
        "（定義）",
        "第二条　この法律において「行政機関」とは、次に掲げる機関をいう。",
        "５　この法律において「個人番号」とは、第七条第一項又は第二項の規定により、住民票コードを変換して得られる番号であって、当該住民票コードが記載された住民票に係る者を識別するために指定されるものをいう。",
        "８　この法律において「特定個人情報」とは、個人番号（個人番号に対応し、当該個人番号に代わって用いられる番号、記号その他の符号であって、住民票コード以外のものを含む。）をその内容に含む個人情報をいう。",
        "第十九条　何人も、次の各号のいずれかに該当する場合を除き、特定個人情報の提供をしてはならない。",
        "附　則　（令和五年六月九日法律第四十八号）　この法律は、公布の日から起算して一年六月を超えない範囲内において政令で定める日から施行する。",
    ]
    c.put("docx/番号法抄.docx", docx_bytes(law), CLEAN, "statute excerpt defining 個人番号, article numbers and 和暦 enactment dates", "docx")
    c.put("txt/番号法抄.txt", text_bytes("\n".join(law) + "\n", "utf-16"), CLEAN, "same statute excerpt, UTF-16", "txt")
    # Blank form.
    form = ["住民票の写し等交付申請書", "", "申請日　令和　　年　　月　　日", "請求者　住所　＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿",
            "　　　　氏名　＿＿＿＿＿＿＿＿＿　　生年月日　明・大・昭・平・令　　年　　月　　日", "　　　　電話番号　（　　　）　　　－",
            "　　　　個人番号　□□□□ □□□□ □□□□（記載不要の場合は空欄）", "※本人確認書類（運転免許証、マイナンバーカード、旅券、在留カード等）をご提示ください。",
            "桜台市 市民課　〒390-8620 長野県桜台市丸の内3番7号　電話 0263-34-3000（代表）"]
    c.put("docx/申請書_様式.docx", docx_bytes(form), CLEAN, "blank application form: all the personal-data headings, no data filled in", "docx")
    c.put("pdf/申請書_様式.pdf", pdf_bytes(form), CLEAN, "blank application form as PDF", "pdf")
    # Postal-code master.
    rows = []
    for pref, city, towns, pz, _ in CITIES:
        for t in towns:
            code = f"{pz}{w.digits(4)}"
            rows.append([code, pref, city, t, "ﾄｳｷﾖｳﾄ" if pref == "東京都" else "", ""])
    c.put("csv/郵便番号マスタ.csv", text_bytes(csv_text(rows, quote=True), "cp932", True), CLEAN,
          "postal-code master (like KEN_ALL.CSV): codes and town names, no people", "csv")
    # Event flyer.
    flyer = ["春のおはなし会", "日時：5月9日（土）10:30～11:15", "会場：中央図書館 2階 おはなしのへや", "対象：3歳～小学校低学年とその保護者",
             "申込：不要（先着30名）", "問合せ：中央図書館 〒390-0811 松本市中央4丁目4番1号　TEL 0263-32-0099"]
    c.put("pptx/おはなし会チラシ.pptx", pptx_bytes([{"title": flyer[0], "bullets": flyer[1:]}]), CLEAN, "library event flyer with the library's address and phone", "pptx")
    # Holiday calendar & company history (date traps).
    cal = ["令和8年　祝日一覧", "令和8年1月1日　元日", "令和8年1月12日　成人の日", "令和8年2月11日　建国記念の日", "令和8年4月29日　昭和の日",
           "令和8年5月3日　憲法記念日", "令和8年5月5日　こどもの日", "令和8年11月3日　文化の日", "令和8年11月23日　勤労感謝の日"]
    c.put("txt/祝日一覧.txt", text_bytes("\n".join(cal) + "\n", "euc_jp"), CLEAN, "public-holiday calendar in 和暦", "txt")
    hist = ["会社沿革", "昭和45年3月　東京都大田区にて創業", "昭和52年10月　株式会社に改組", "平成元年4月　横浜工場を新設",
            "平成15年7月　本社を港区芝公園に移転", "令和元年5月　創業50周年", "令和8年4月　ベトナム現地法人を設立"]
    c.put("pptx/会社案内.pptx", pptx_bytes([{"title": "株式会社みなと精機　会社案内", "bullets": ["本社：〒105-0011 東京都港区芝公園2丁目4番1号", "TEL 03-5432-1000 / FAX 03-5432-1001", "資本金 9,800万円　従業員 214名"]},
                                          {"title": "沿革", "bullets": hist[1:]}]), CLEAN, "company profile deck: head-office address and phone, history in 和暦", "pptx")


def negatives_misc(c: Corpus) -> None:
    w = c.w
    # Job log with 12-digit ids.
    lines = []
    for _ in range(400):
        ts = f"2026-04-{w.rng.randint(1, 9):02d} {w.rng.randint(0, 23):02d}:{w.rng.randint(0, 59):02d}:{w.rng.randint(0, 59):02d},{w.digits(3)}"
        lines.append(f"{ts} {w.rng.choice(['INFO', 'INFO', 'INFO', 'WARN'])} [worker-{w.rng.randint(1, 8)}] job_id={w.rng.randint(10 ** 11, 10 ** 12 - 1)} "
                     f"status={w.rng.choice(['SUCCEEDED', 'SUCCEEDED', 'RETRY', 'FAILED'])} duration_ms={w.rng.randint(20, 90000)}")
    c.put("log/batch_jobs.log", text_bytes("\n".join(lines) + "\n"), CLEAN, "400 batch-job lines with 12-digit job ids and timestamps", "log")
    lines = []
    for _ in range(200):
        lines.append(f"{w.rng.randint(1, 223)}.{w.rng.randint(0, 255)}.{w.rng.randint(0, 255)}.{w.rng.randint(1, 254)} - - [10/Apr/2026:{w.rng.randint(0, 23):02d}:{w.rng.randint(0, 59):02d}:{w.rng.randint(0, 59):02d} +0900] "
                     f"\"GET /api/v1/orders/{w.digits(12)} HTTP/1.1\" {w.rng.choice([200, 200, 304, 404])} {w.rng.randint(200, 9000)} \"-\" \"Mozilla/5.0\"")
    c.put("log/access.log", text_bytes("\n".join(lines) + "\n"), CLEAN, "web access log with 12-digit order ids in URLs and IP addresses", "log")
    lines = []
    for i in range(120):
        ts = f"2026/04/10 02:{i // 60:02d}:{i % 60:02d}"
        lines.append(f"{ts} 個人番号連携バッチ 処理番号={w.rng.randint(10 ** 11, 10 ** 12 - 1)} 件数={w.rng.randint(0, 300)} 結果=正常終了")
    c.put("log/mynumber_batch.log", text_bytes("\n".join(lines) + "\n", "cp932", True), CLEAN,
          "My Number interface batch log: the word 個人番号 on every line, but the 12-digit values are batch run numbers, no person data",
          "log", debatable=True)
    # Random numeric table.
    rows = [["測定点", "X", "Y", "Z", "積算値"]] + [[f"P{i:03d}", f"{w.rng.uniform(-100, 100):.4f}", f"{w.rng.uniform(-100, 100):.4f}", f"{w.rng.uniform(0, 50):.3f}", w.digits(12)] for i in range(80)]
    c.put("csv/測定データ.csv", text_bytes(csv_text(rows)), CLEAN, "measurement table with coordinates and 12-digit counters", "csv")
    c.put("tsv/numbers.tsv", text_bytes(csv_text([[w.digits(w.rng.choice([4, 7, 10, 11, 12])) for _ in range(6)] for _ in range(60)], sep="\t")), CLEAN,
          "random numeric table of 4-12-digit numbers without header", "tsv")
    # Recipe.
    recipe = ["【鶏むね肉のねぎ塩焼き】（2人分）", "材料：鶏むね肉 1枚（300g）、長ねぎ 1/2本、ごま油 大さじ1、塩 小さじ1/3、レモン汁 小さじ2",
              "1. 鶏むね肉はそぎ切りにして、塩少々と酒大さじ1をもみ込み10分置く。", "2. 長ねぎはみじん切りにし、ごま油・塩・レモン汁と混ぜる。",
              "3. フライパンを中火で熱し、鶏肉を両面3分ずつ焼く。", "4. 器に盛り、ねぎ塩だれをかける。", "カロリー：1人分 約280kcal　調理時間：20分"]
    c.put("docx/レシピ.docx", docx_bytes(recipe), CLEAN, "a recipe", "docx")
    c.put("txt/レシピ.txt", text_bytes("\n".join(recipe) + "\n", "utf-8-sig"), CLEAN, "the recipe as UTF-8 BOM text", "txt")
    # Extension-only directory without names.
    rows = [["部署", "係", "内線"]] + [[d, k, str(w.rng.randint(2000, 2999))] for d in ["総務部", "財務部", "市民部"] for k in ["庶務係", "企画係", "管理係"]]
    c.put("xlsx/内線番号表_係別.xlsx", xlsx_bytes([("内線", rows)]), CLEAN, "extension numbers per section, no names", "xlsx")
    # Surname ranking.
    rows = [["順位", "名字", "読み", "推計人数"]] + [[str(i), s, k, f"{int(1_870_000 / (i ** 0.6)):,}"] for i, (s, k) in enumerate(SURNAMES[:30], 1)]
    c.put("csv/名字ランキング.csv", text_bytes(csv_text(rows)), CLEAN, "surname frequency ranking (names but no persons)", "csv")
    # Parts list with codes shaped like passport / residence-card numbers.
    rows = [["部品番号", "品名", "材質", "数量"]] + [[w.passport(), w.rng.choice(["六角ボルト M8", "平座金", "ナット M10", "ブラケット"]), "SUS304", str(w.rng.randint(1, 500))] for _ in range(20)]
    rows += [[w.residence_card(), "制御基板 Rev.C", "FR-4", str(w.rng.randint(1, 20))] for _ in range(10)]
    c.put("xlsx/部品表.xlsx", xlsx_bytes([("BOM", rows)]), CLEAN, "bill of materials with part codes shaped like passport and residence-card numbers", "xlsx")
    # Source code / config.
    conf = ("# app settings\n[server]\nhost = 192.168.10.24\nport = 8080\ntimeout = 120000\n\n[batch]\nschedule = \"0 2 * * *\"\n"
            "job_prefix = 202604100000\nmax_retry = 3\n\n[mail]\nfrom = noreply@example.jp\nsmtp = smtp.example.jp:587\n")
    c.put("txt/settings.ini.txt", text_bytes(conf), CLEAN, "an application config file with IP, ports, noreply address", "txt")
    readme = ("Tokki holdout sample README\n\nThis folder contains meeting room booking exports.\nRoom 301: capacity 12, projector.\n"
              "Room 402: capacity 30, video conference.\nSupport: helpdesk@example.com, ext. 4410\n")
    c.put("txt/README_en.txt", text_bytes(readme), CLEAN, "English readme with a helpdesk address and extension", "txt")
    # Weather table.
    rows = [["日", "最高気温", "最低気温", "降水量(mm)", "日照時間"]] + [[str(d), f"{w.rng.uniform(12, 24):.1f}", f"{w.rng.uniform(2, 12):.1f}", f"{w.rng.uniform(0, 30):.1f}", f"{w.rng.uniform(0, 11):.1f}"] for d in range(1, 31)]
    c.put("xls/気象観測.xls", xls_bytes([("4月", rows)]), CLEAN, "daily weather observations", "xls")
    # Company letterhead.
    c.put("docx/レターヘッド.docx", docx_bytes(["お取引先各位", "", "価格改定のお知らせ", "拝啓　貴社ますますご清栄のこととお慶び申し上げます。",
                                           "　原材料価格の高騰により、2026年6月1日出荷分より一部製品の価格を改定させていただきます。", "敬具", "",
                                           "株式会社みなと精機　代表取締役社長　遠藤　誠"],
                                          header="株式会社みなと精機　〒105-0011 東京都港区芝公園2丁目4番1号　TEL 03-5432-1000　FAX 03-5432-1001　info@minato-seiki.example.jp"),
          CLEAN, "company letter on letterhead: own address, phone, fax, info@ mail, signed by the president", "docx")
    # Job posting.
    post = ["【正社員募集】製造スタッフ", "勤務地：神奈川県横浜市港北区新横浜3丁目8番11号", "給与：月給24万円～", "休日：土日祝（年間休日125日）",
            "応募：履歴書を下記までご郵送ください。", "株式会社みなと精機 横浜工場　総務課 採用担当　TEL 045-474-1200（平日9-17時）"]
    c.put("pdf/求人票.pdf", pdf_bytes(post), CLEAN, "job advertisement with the factory's address and recruiting desk phone", "pdf")
    # Clean zip.
    c.put("zip/clean_bundle.zip", zip_bytes([("カタログ.csv", text_bytes(csv_text([["品名", "価格"]] + [[p, str(w.rng.randint(100, 900))] for p in PRODUCTS]))),
                                               ("inner.zip", zip_bytes([("時刻表.txt", text_bytes("8:00 8:20 8:40\n"))]))]),
          CLEAN, "zip with a price list and a nested zip holding a timetable", "zip")
    # Clean e-mail.
    body = ("各位\n\n4月の定例会議は以下のとおり開催します。\n\n日時：4月21日（火）15:00-16:00\n場所：本社5階 第2会議室\n議題：上期予算の執行状況\n\n"
            "総務部\n")
    c.put("eml/会議案内.eml", eml_bytes("4月定例会議のご案内", "soumu@minato-seiki.example.jp", "all@minato-seiki.example.jp", body), CLEAN,
          "internal meeting notice from a department mailbox", "eml")


def debatable_docs(c: Corpus) -> None:
    w = c.w
    rows = [["係", "氏名", "内線"]] + [[w.rng.choice(["庶務係", "企画係", "管理係"]), w.rng.choice(SURNAMES)[0] + "　" + w.rng.choice(GIVEN_M + GIVEN_F)[0], str(w.rng.randint(2100, 2199))] for _ in range(15)]
    c.put("xlsx/総務課_内線表.xlsx", xlsx_bytes([("内線", rows)]), CLEAN,
          "department phone directory: staff names with 4-digit extensions only (the issue lists this as NOT personal data)", "xlsx", debatable=True)
    rows = [["会社名", "部署", "役職", "氏名", "電話", "メール"]]
    for _ in range(20):
        p = w.person()
        co = w.fake.company()
        area = w.rng.choice(CITIES)[4]
        rows.append([co, w.rng.choice(["営業部", "購買部", "技術部"]), w.rng.choice(["部長", "課長", "主任", ""]), p.name, w.phone(area), f"{p.sei_kana.lower()}@example.co.jp"])
    c.put("csv/名刺リスト.csv", text_bytes(csv_text(rows), "cp932", True), PD,
          "business-card list: names of business contacts with company phone and e-mail (APPI personal information, but business context)",
          "csv", debatable=True)
    p = w.person()
    body = (f"株式会社ひかり建材\n購買部　{w.rng.choice(SURNAMES)[0]}様\n\nいつもお世話になっております。\nお見積書を添付いたしますので、ご確認ください。\n\n"
            f"--\n株式会社みなと精機　営業部\n{p.name}\nTEL 03-5432-1000（代表）　直通 03-5432-1024\nMail {p.sei_kana.lower()}@minato-seiki.example.jp\n")
    c.put("eml/見積送付.eml", eml_bytes("お見積書送付の件", f"{p.sei_kana.lower()}@minato-seiki.example.jp", "kobai@hikari.example.jp", body), CLEAN,
          "ordinary business e-mail with the sender's work signature (name, office phone, work mail)", "eml", debatable=True)
    rows = [["No.", "氏名", "所属"]] + [[str(i), p.name, w.rng.choice(["総務部", "営業部", "製造部"])] for i, p in enumerate(w.people(25), 1)]
    c.put("docx/研修出席者.docx", docx_bytes(["情報セキュリティ研修　出席者一覧"], [rows]), PD,
          "training attendance: 25 employee names with department only", "docx", debatable=True)
    ex = ["記入例", "氏名：山田　太郎（ヤマダ　タロウ）", "生年月日：昭和60年1月1日", "住所：〒100-0001　東京都千代田区千代田1-1", "電話：03-1234-5678",
          "※上記は記入例です。実在の人物ではありません。"]
    c.put("pdf/記入例.pdf", pdf_bytes(ex), CLEAN, "form-filling example with the stock placeholder 山田太郎 and dummy address", "pdf", debatable=True)
    lines = ["工事のお知らせ", "下記のお宅周辺で水道管の更新工事を行います。ご迷惑をおかけします。"]
    for _ in range(6):
        p = w.person()
        lines.append(f"・{p.city}{p.town}{p.chome}丁目{p.ban}番{p.go}号 付近")
    lines.append("施工：株式会社さくら設備　TEL 0120-000-111")
    c.put("txt/工事のお知らせ.txt", text_bytes("\n".join(lines) + "\n"), CLEAN, "street-works notice listing house-number addresses without names", "txt", debatable=True)
    internal = ["4月度 営業会議 議事録", "出席：遠藤部長、佐藤課長、鈴木、田中（記）", "1. 3月実績：売上 1.2億円（計画比 103%）",
                "2. 新規顧客：ひかり建材、あおば商事", "3. 次回：5月12日"]
    c.put("txt/営業会議議事録.txt", text_bytes("\n".join(internal) + "\n"), CLEAN, "internal minutes naming four colleagues by surname and title", "txt", debatable=True)
    p = w.person()
    data = pdf_bytes(letter_text(c, p, 0).split("\n"))
    c.put("pdf/letter_owner_password.pdf", pdf_encrypt(data, "", "owner-secret"), PD,
          "letter to one resident in a PDF with only an owner (permissions) password: opens without a password", "pdf", debatable=True)


def protected_and_broken(c: Corpus) -> None:
    w = c.w
    ps = w.people(20)
    roster = [["氏名", "住所", "電話"]] + [[p.name, p.address(), p.mobile] for p in ps]
    c.put("enc/名簿_パスワード付.xlsx", office_encrypt(xlsx_bytes([("名簿", roster)]), "Tokki2026"), ENC, "password-protected xlsx roster", "xlsx")
    c.put("enc/catalogue_locked.xlsx", office_encrypt(xlsx_bytes([("商品", [["品名", "価格"], ["はさみ", "380"]])]), "pass"), ENC,
          "password-protected xlsx that holds only a price list (still encrypted, never clean)", "xlsx")
    p = w.person()
    c.put("enc/通知_パスワード付.docx", office_encrypt(docx_bytes(letter_text(c, p, 0).split("\n")), "1234"), ENC, "password-protected docx letter", "docx")
    c.put("enc/deck_locked.pptx", office_encrypt(pptx_bytes([{"title": "社外秘", "bullets": ["中期計画"]}]), "abc"), ENC, "password-protected pptx", "pptx")
    csvb = text_bytes(csv_text(roster), "cp932", True)
    c.put("enc/名簿_AES.zip", aes_zip_bytes([("名簿.csv", csvb)], b"secret"), ENC, "AES-encrypted zip holding a roster", "zip")
    c.put("enc/PPAP_zipcrypto.zip", zipcrypto_bytes([("名簿.csv", csvb)], b"20260410", w.rng), ENC,
          "legacy ZipCrypto password zip (the 'PPAP' kind) holding a roster", "zip")
    c.put("enc/outer_plain.zip", zip_bytes([("お知らせ.txt", "パスワードは別途お送りします。".encode()), ("資料.zip", aes_zip_bytes([("名簿.csv", csvb)], b"pw"))]),
          ENC, "plain zip containing a note and an encrypted zip", "zip")
    c.put("enc/申請書_user_password.pdf", pdf_encrypt(pdf_bytes(["申請書", f"氏名 {p.name}"]), "open-me", "owner"), ENC, "PDF that needs a password to open", "pdf")
    c.put("enc/PPAP.eml", eml_bytes("【資料送付】名簿", "jimukyoku@example.jp", "kaicho@example.jp",
                                    "名簿をお送りします。パスワードは別メールにてお知らせします。\n",
                                    attachments=[("名簿.zip", zipcrypto_bytes([("名簿.csv", csvb)], b"pw2026", w.rng), "application/zip")]),
          ENC, "mail whose only attachment is a password zip (PPAP)", "eml")
    full_xlsx = xlsx_bytes([("名簿", roster)])
    c.put("broken/truncated.xlsx", full_xlsx[: len(full_xlsx) // 2], UNREAD, "xlsx cut off half-way (damaged download)", "xlsx")
    pdfb = pdf_bytes(["壊れたPDF"] * 3)
    c.put("broken/corrupt.pdf", pdfb[:40] + bytes(w.rng.randrange(256) for _ in range(400)), UNREAD, "PDF with garbage after the header", "pdf")


def generate(description: str, corpus_cls: type, build_fn, default_seed: int) -> None:
    """The command line shared by both rounds: OUTDIR [--seed N], emptied and filled again."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("outdir", type=Path)
    ap.add_argument("--seed", type=int, default=default_seed)
    args = ap.parse_args()
    if args.outdir.exists() and any(args.outdir.iterdir()):
        import shutil
        shutil.rmtree(args.outdir)
    args.outdir.mkdir(parents=True, exist_ok=True)
    corpus = corpus_cls(args.outdir, args.seed)
    build_fn(corpus)
    corpus.write_manifest()
    counts: dict[str, int] = {}
    for e in corpus.expected.values():
        counts[e["verdict"]] = counts.get(e["verdict"], 0) + 1
    print(f"wrote {len(corpus.expected)} files to {args.outdir}: {counts}")


def main() -> None:
    generate(__doc__.split("\n")[0], Corpus, build, 7)


if __name__ == "__main__":
    main()
