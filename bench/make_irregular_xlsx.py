"""Generate irregular Excel workbooks deterministically (same seed, same files).

The throughput corpus (make_corpus.py) writes only regular sheets: every row full, one cell
type per column. Sheets people actually keep are not like that, and the scanner reads them
on another path. These workbooks have what real ones have: a title row and merged cells
above the header, empty cells (a missing phone or e-mail), formula columns (=A2&B2,
=DATEDIF(…)), date cells with number formats (yyyy/m/d and 和暦), numbers stored as numbers,
hidden columns, several sheets per book, some sheets of statistics only, styled cells, and
inline strings next to shared strings.

    python bench/make_irregular_xlsx.py OUT_DIR [--seed 11]

openpyxl writes every string inline; Excel writes a shared-string table. Most books are
rewritten to shared strings as Excel saves them; the ``inline`` books keep openpyxl's
inline strings. File names start with their kind (roster_, wareki_, members_, stats_,
sales_, inline_), which bench/scanner_irregular.py reports on.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import io
import random
import re
import sys
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_corpus import Gen, Person  # noqa: E402  (a script beside this one)

WAREKI = '[$-ja-JP]ggge"年"m"月"d"日"'
SLASH = "yyyy/m/d"
DEPTS = ["総務課", "経理課", "営業一課", "営業二課", "人事課", "企画室", "製造部", "品質管理課", "情報システム課"]
ITEMS = ["コピー用紙A4", "ボールペン黒", "トナーカートリッジ", "クリアファイル", "ホチキス針", "付箋", "封筒長3",
         "USBメモリ", "ノートPC", "モニター", "会議用テーブル", "名刺印刷", "清掃委託", "電気料金"]


class Book:
    """One workbook being written with openpyxl."""

    def __init__(self) -> None:
        from openpyxl import Workbook

        self.wb = Workbook()
        self.wb.remove(self.wb.active)

    def sheet(self, title: str):
        return self.wb.create_sheet(title)

    def save(self, path: Path, shared_strings: bool) -> None:
        buf = io.BytesIO()
        self.wb.save(buf)
        data = buf.getvalue()
        path.write_bytes(_rewrite(data, shared_strings))


def _styles():
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    thin = Side(style="thin")
    return {
        "title": Font(size=14, bold=True),
        "head_font": Font(bold=True, color="FFFFFF"),
        "head_fill": PatternFill("solid", fgColor="4472C4"),
        "stripe": PatternFill("solid", fgColor="DDEBF7"),
        "border": Border(left=thin, right=thin, top=thin, bottom=thin),
        "center": Alignment(horizontal="center", vertical="center"),
        "wrap": Alignment(wrap_text=True),
    }


def _title(ws, text: str, width: int, st, note: str | None = None) -> int:
    """A title row merged across the table, maybe a note row; returns the header's row."""
    ws.cell(1, 1, text).font = st["title"]
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    row = 2
    if note:
        ws.cell(2, width - 1, "作成日")
        ws.cell(2, width, dt.datetime(2024, 4, 1)).number_format = SLASH
        row = 3
    return row + 1


def _header(ws, row: int, labels: list[str], st, group: list[tuple[str, int, int]] | None = None) -> int:
    """The header row (styled), with a merged group row above it when given."""
    if group:
        for text, c0, c1 in group:
            ws.cell(row, c0, text).alignment = st["center"]
            if c1 > c0:
                ws.merge_cells(start_row=row, start_column=c0, end_row=row, end_column=c1)
        row += 1
    for c, label in enumerate(labels, 1):
        cell = ws.cell(row, c, label)
        cell.font, cell.fill, cell.border = st["head_font"], st["head_fill"], st["border"]
    return row + 1


def _maybe(r: random.Random, value, p_empty: float):
    return None if r.random() < p_empty else value


def _people(g: Gen, n: int) -> list[Person]:
    return [g.person() for _ in range(n)]


def roster_book(g: Gen, pool: list[Person], rows: int, wareki: bool) -> Book:
    """職員名簿: title, merged group header, formulas, date formats, gaps, a hidden column."""
    r = g.r
    st = _styles()
    book = Book()
    ws = book.sheet("職員名簿")
    labels = ["社員番号", "姓", "名", "氏名", "フリガナ", "所属", "生年月日", "年齢", "入社日", "郵便番号", "住所",
              "電話番号", "メールアドレス", "備考"]
    top = _title(ws, "令和6年度 職員名簿（社外秘）", len(labels), st, note="yes")
    first = _header(ws, top, labels, st, group=[("基本情報", 1, 6), ("個人情報", 7, 14)])
    fmt = WAREKI if wareki else SLASH
    for i in range(rows):
        p = pool[r.randrange(len(pool))]
        rn = first + i
        family, _, given = p.name.partition(" ")
        ws.cell(rn, 1, 10000 + i)
        ws.cell(rn, 2, family)
        ws.cell(rn, 3, given or None)
        ws.cell(rn, 4, f"=B{rn}&C{rn}")
        ws.cell(rn, 5, _maybe(r, p.kana, 0.2))
        ws.cell(rn, 6, r.choice(DEPTS))
        birth = ws.cell(rn, 7, dt.datetime.combine(p.birth, dt.time()))
        birth.number_format = fmt
        ws.cell(rn, 8, f'=DATEDIF(G{rn},TODAY(),"Y")')
        joined = ws.cell(rn, 9, _maybe(r, dt.datetime(2000, 4, 1) + dt.timedelta(days=r.randrange(8000)), 0.1))
        joined.number_format = fmt
        ws.cell(rn, 10, _maybe(r, p.postal, 0.15))
        ws.cell(rn, 11, p.address)
        ws.cell(rn, 12, _maybe(r, p.phone, 0.3))
        ws.cell(rn, 13, _maybe(r, p.email, 0.45))
        if r.random() < 0.05:
            ws.cell(rn, 14, r.choice(["休職中", "産休", "異動予定", "再雇用", "要確認"]))
        if i % 2:
            for c in (1, 2, 3):
                ws.cell(rn, c).fill = st["stripe"]
    ws.column_dimensions["B"].hidden = True
    ws.column_dimensions["C"].hidden = True
    ws.freeze_panes = ws.cell(first, 1)
    # A second, smaller sheet: the department heads, and a summary by department.
    heads = book.sheet("所属長")
    hrow = _header(heads, 1, ["所属", "所属長", "内線", "携帯"], st)
    for j, dept in enumerate(DEPTS):
        p = pool[r.randrange(len(pool))]
        heads.cell(hrow + j, 1, dept)
        heads.cell(hrow + j, 2, p.name)
        heads.cell(hrow + j, 3, 2000 + j)
        heads.cell(hrow + j, 4, _maybe(r, p.phone, 0.3))
    summary = book.sheet("集計")
    srow = _header(summary, 1, ["所属", "人数", "平均年齢"], st)
    for j, dept in enumerate(DEPTS):
        summary.cell(srow + j, 1, dept)
        summary.cell(srow + j, 2, f'=COUNTIF(職員名簿!F:F,A{srow + j})')
        summary.cell(srow + j, 3, f'=AVERAGEIF(職員名簿!F:F,A{srow + j},職員名簿!H:H)')
    return book


def members_book(g: Gen, pool: list[Person], rows: int) -> Book:
    """会員名簿 over several sheets (one per district), sparse contact columns, numbers as numbers."""
    r = g.r
    st = _styles()
    book = Book()
    districts = ["北地区", "南地区", "東地区", "西地区", "中央地区"][: r.randint(2, 5)]
    labels = ["No.", "お名前", "ふりがな", "〒", "住所", "TEL", "携帯", "E-mail", "会費", "入会日", "連絡可否"]
    for district in districts:
        ws = book.sheet(district)
        first = _header(ws, _title(ws, f"自治会 会員名簿（{district}）", len(labels), st), labels, st)
        n = rows // len(districts)
        gap = 0
        for i in range(n):
            p = pool[r.randrange(len(pool))]
            if r.random() < 0.01:
                gap += 1  # a blank row between entries
            rn = first + i + gap
            ws.cell(rn, 1, i + 1)
            ws.cell(rn, 2, p.name)
            ws.cell(rn, 3, _maybe(r, p.kana, 0.5))
            ws.cell(rn, 4, p.postal)
            ws.cell(rn, 5, p.address)
            ws.cell(rn, 6, _maybe(r, p.phone, 0.5))
            ws.cell(rn, 7, _maybe(r, g.phone() if r.random() < 0.02 else p.phone, 0.7))
            ws.cell(rn, 8, _maybe(r, p.email, 0.8))
            fee = ws.cell(rn, 9, _maybe(r, r.choice([3000, 3600, 6000]), 0.1))
            fee.number_format = "#,##0"
            ws.cell(rn, 10, dt.datetime(2010, 1, 1) + dt.timedelta(days=r.randrange(5000))).number_format = SLASH
            ws.cell(rn, 11, r.choice(["可", "可", "否", None]))
        ws.column_dimensions["K"].hidden = True
        total = first + n + gap + 1
        ws.cell(total, 8, "会費合計")
        ws.cell(total, 9, f"=SUM(I{first}:I{total - 2})")
    return book


def stats_book(g: Gen, rows: int) -> Book:
    """Statistics only: population by district and age group, merged headers, numbers and ratios."""
    from openpyxl.utils import get_column_letter

    r = g.r
    st = _styles()
    book = Book()
    for year in range(2019, 2019 + r.randint(2, 4)):
        ws = book.sheet(f"{year}年")
        groups = ["0-14歳", "15-64歳", "65歳以上"]
        labels = ["地区コード", "町名", "世帯数"] + [f"{a}{s}" for a in groups for s in ("男", "女")] + ["合計", "高齢化率"]
        top = _title(ws, f"{year}年 町丁別人口・世帯数（各年10月1日現在）", len(labels), st)
        first = _header(ws, top, labels, st, group=[("地区", 1, 3)] + [(a, 4 + 2 * k, 5 + 2 * k)
                                                                         for k, a in enumerate(groups)])
        for i in range(rows):
            rn = first + i
            ws.cell(rn, 1, 13101000 + i * 10)
            ws.cell(rn, 2, f"{g.f.town()}{r.randint(1, 5)}丁目")
            ws.cell(rn, 3, r.randint(10, 3000))
            for c in range(4, 10):
                ws.cell(rn, c, _maybe(r, r.randint(0, 2000), 0.03))
            ws.cell(rn, 10, f"=SUM(D{rn}:I{rn})")
            ratio = ws.cell(rn, 11, f"=IFERROR((H{rn}+I{rn})/J{rn},0)")
            ratio.number_format = "0.0%"
            if r.random() < 0.01:
                ws.cell(rn, 12, "※秘匿")
        ws.cell(first + rows + 1, 2, "合計")
        for c in range(3, 11):
            col = get_column_letter(c)
            ws.cell(first + rows + 1, c, f"=SUM({col}{first}:{col}{first + rows - 1})")
        ws.cell(first + rows + 3, 1, "出典：住民基本台帳")
    return book


def sales_book(g: Gen, pool: list[Person], rows: int) -> Book:
    """売上明細 with a customer contact column now and then: amounts, formulas, dates."""
    r = g.r
    st = _styles()
    book = Book()
    ws = book.sheet("売上明細")
    labels = ["伝票番号", "日付", "得意先", "担当者", "品名", "数量", "単価", "金額", "消費税", "税込", "備考"]
    first = _header(ws, _title(ws, "2024年度 売上明細表", len(labels), st, note="yes"), labels, st)
    for i in range(rows):
        rn = first + i
        ws.cell(rn, 1, f"S{240000 + i:06d}")
        ws.cell(rn, 2, dt.datetime(2024, 4, 1) + dt.timedelta(days=r.randrange(365))).number_format = SLASH
        ws.cell(rn, 3, g.f.company() if r.random() < 0.05 else f"株式会社{r.choice(DEPTS)[:2]}商事")
        ws.cell(rn, 4, _maybe(r, pool[r.randrange(len(pool))].name, 0.6))
        ws.cell(rn, 5, r.choice(ITEMS))
        ws.cell(rn, 6, r.randint(1, 200))
        ws.cell(rn, 7, r.choice([120, 980, 1500, 4800, 12800, 98000])).number_format = "#,##0"
        ws.cell(rn, 8, f"=F{rn}*G{rn}").number_format = "#,##0"
        ws.cell(rn, 9, f"=ROUNDDOWN(H{rn}*0.1,0)")
        ws.cell(rn, 10, f"=H{rn}+I{rn}")
        if r.random() < 0.03:
            ws.cell(rn, 11, f"連絡先 {pool[r.randrange(len(pool))].phone}")
    ws.column_dimensions["I"].hidden = True
    return book


def inline_book(g: Gen, pool: list[Person], rows: int) -> Book:
    """An export written with inline strings (as openpyxl and some tools write): a contact list."""
    r = g.r
    st = _styles()
    book = Book()
    ws = book.sheet("連絡先一覧")
    labels = ["ID", "氏名", "生年月日", "電話番号", "メールアドレス", "住所", "登録日時"]
    first = _header(ws, _title(ws, "顧客連絡先一覧", len(labels), st), labels, st)
    for i in range(rows):
        p = pool[r.randrange(len(pool))]
        rn = first + i
        ws.cell(rn, 1, i + 1)
        ws.cell(rn, 2, p.name)
        ws.cell(rn, 3, dt.datetime.combine(p.birth, dt.time())).number_format = WAREKI
        ws.cell(rn, 4, _maybe(r, p.phone, 0.25))
        ws.cell(rn, 5, _maybe(r, p.email, 0.4))
        ws.cell(rn, 6, _maybe(r, p.address, 0.1))
        ws.cell(rn, 7, dt.datetime(2023, 1, 1) + dt.timedelta(minutes=r.randrange(600000))).number_format = \
            "yyyy/m/d h:mm"
    return book


# -- shared strings as Excel writes them, fixed timestamps -----------------------------------
_INLINE = re.compile(rb'(<c r="[A-Z]+\d+"(?: s="\d+")?) t="inlineStr"><is><t(?: xml:space="preserve")?>([^<]*)</t></is></c>')
_CHARREF = re.compile(r"&#(\d+);")


_STAMP = (2024, 4, 1, 9, 0, 0)
_W3CDTF = re.compile(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")


def _rewrite(data: bytes, shared_strings: bool) -> bytes:
    """The workbook with fixed timestamps (same seed, same bytes) and, when asked, its inline
    strings moved to a shared-string table (UTF-8 text, as Excel writes it)."""
    index: dict[bytes, int] = {}
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == "docProps/core.xml":
                body = _W3CDTF.sub(b"2024-04-01T09:00:00Z", body)
            if shared_strings and info.filename.startswith("xl/worksheets/sheet"):
                def shared(m: re.Match[bytes]) -> bytes:
                    i = index.setdefault(m.group(2), len(index))
                    return m.group(1) + b' t="s"><v>' + str(i).encode() + b"</v></c>"
                body = _INLINE.sub(shared, body)
            elif shared_strings and info.filename == "[Content_Types].xml":
                body = body.replace(b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                                    b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
            elif shared_strings and info.filename == "xl/_rels/workbook.xml.rels":
                body = body.replace(b"</Relationships>", b'<Relationship Id="rIdSst" Type="http://schemas.openxmlformats'
                                    b'.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
                                    b"</Relationships>")
            dst.writestr(zipfile.ZipInfo(info.filename, _STAMP), body, zipfile.ZIP_DEFLATED)
        if shared_strings:
            _write_shared_strings(dst, index)
    return out.getvalue()


def _write_shared_strings(dst: zipfile.ZipFile, index: dict[bytes, int]) -> None:
    """The shared-string table of the texts in ``index`` (in index order), UTF-8 as Excel writes it."""
    texts = [_CHARREF.sub(lambda m: chr(int(m.group(1))), t.decode()) for t in index]
    sst = "".join(f"<si><t>{html.escape(html.unescape(t), quote=False)}</t></si>" for t in texts)
    dst.writestr(zipfile.ZipInfo("xl/sharedStrings.xml", _STAMP),
                 '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats'
                 f'.org/spreadsheetml/2006/main" count="{len(texts)}" uniqueCount="{len(texts)}">{sst}</sst>',
                 zipfile.ZIP_DEFLATED)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--seed", type=int, default=11)
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    g = Gen(args.seed)
    pool = _people(g, 3000)
    r = g.r
    # (kind, how many, rows range): about 30 books of 0.2-5 MB.
    plan = [("roster", 6, (3000, 60000)), ("wareki", 5, (3000, 50000)), ("members", 5, (4000, 60000)),
            ("stats", 4, (2000, 20000)), ("sales", 5, (4000, 60000)), ("inline", 5, (3000, 40000))]
    for kind, count, (lo, hi) in plan:
        for i in range(count):
            rows = int(lo * (hi / lo) ** (i / max(1, count - 1)))  # spread from small to large
            if kind == "roster":
                book = roster_book(g, pool, rows, wareki=False)
            elif kind == "wareki":
                book = roster_book(g, pool, rows, wareki=True)
            elif kind == "members":
                book = members_book(g, pool, rows)
            elif kind == "stats":
                book = stats_book(g, rows)
            elif kind == "sales":
                book = sales_book(g, pool, rows)
            else:
                book = inline_book(g, pool, rows)
            path = args.out / f"{kind}_{i:02d}.xlsx"
            book.save(path, shared_strings=kind != "inline")
            print(f"{path.name}: {rows} rows, {path.stat().st_size / 1e6:.2f} MB", flush=True)
            r.random()


if __name__ == "__main__":
    main()
