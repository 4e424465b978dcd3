"""Write a SECOND independent holdout corpus for the personal-data scanner (new templates only).

    python bench/make_holdout2.py bench/corpus/holdout2 [--seed 11]
    python bench/scanner_holdout.py bench/corpus/holdout2

The first holdout (``bench/make_holdout.py``) has been used to fix the scanner, so it is no
longer independent.  This round reuses only its helpers (people, containers, 和暦) and writes
documents that round did not have: 介護保険 and 国民健康保険 card copies and lists, a 住民票
transcription, a 児童手当 application form with bank lines, spreadsheets whose people sit in
column AZ or below row 5000, real Excel date cells, CSVs whose header is on row 4, My Numbers in
running text, a zip whose member name is Shift_JIS, a multipart mail with a CSV attachment,
text boxes and footers in Word; and hard negatives: 12-digit 商品コード and 伝票番号 (some of
which pass the My Number check digit), timetables, shelter lists, a press release, postal-code
and fare tables, an English licence, a clinic notice, birth statistics, a blank contract, a
manual with example phone numbers, a league table.  The manifest has the same shape as the
first round's, so ``bench/scanner_holdout.py`` scores it unchanged.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import make_holdout as h
from make_holdout import (
    CITIES,
    CLEAN,
    ENC,
    FIXED_TIME,
    GIVEN_F,
    PD,
    SURNAMES,
    Corpus,
    Rows,
    csv_text,
    docx_bytes,
    full,
    half_kana,
    pdf_bytes,
    pptx_bytes,
    table_lines,
    text_bytes,
    wareki,
    xls_bytes,
    xlsx_bytes,
    zip_bytes,
)
from stdnum.jp import in_ as my_number

# People per table ("one roster row is one person"); informational only.
RECORDS2 = {
    "xlsx/介護保険_被保険者一覧.xlsx": 15, "xls/要介護認定者.xls": 12, "csv/国保_記号番号一覧_sjis.csv": 20,
    "xlsx/far_column_AZ.xlsx": 10, "xlsx/far_below_row5000.xlsx": 8, "csv/ボランティア登録_header4.csv": 18,
    "xlsx/職員名簿_Excel日付.xlsx": 20, "txt/和暦生年月日一覧_eucjp.txt": 12, "zip/名簿_sjis名.zip": 15,
    "eml/参加申込_CSV添付.eml": 11, "pptx/研修参加者.pptx": 8, "tsv/被扶養者_utf16.tsv": 9,
    "csv/患者一覧.csv": 25, "txt/年賀状宛名_sjis.txt": 14, "docx/住民票写し.docx": 3, "log/コールセンター受付.log": 10,
    "xlsx/ボランティア保険_加入者.xlsx": 16, "csv/和暦生年月日_headerless.csv": 12, "csv/姓名分割_生年月日.csv": 15,
}


class Corpus2(Corpus):
    """The first round's corpus writer with this round's record counts."""

    def put(self, rel: str, data: bytes, verdict: str, why: str, fmt: str, debatable: bool = False) -> None:
        super().put(rel, data, verdict, why, fmt, debatable)
        if rel in RECORDS2:
            self.expected[rel]["records"] = RECORDS2[rel]


# --------------------------------------------------------------------------------------------
# Extra writers
# --------------------------------------------------------------------------------------------

def xlsx_cells(sheets: list[tuple[str, list[tuple[int, int, object, str | None]]]]) -> bytes:
    """Sheets given as (row, column, value, number_format) cells, for far columns, far rows and date cells."""
    import openpyxl
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, cells in sheets:
        ws = wb.create_sheet(name)
        for r, col, v, fmtcode in cells:
            cell = ws.cell(row=r, column=col, value=h._cell_value(v))
            if fmtcode:
                cell.number_format = fmtcode
    wb.properties.created = wb.properties.modified = FIXED_TIME
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def grid(rows: Rows, top: int = 1, left: int = 1) -> list[tuple[int, int, object, str | None]]:
    return [(top + i, left + j, v, None) for i, r in enumerate(rows) for j, v in enumerate(r)]


def docx_with_extras(paragraphs: list[str], footer: str = "", textbox: list[str] = (), tables: list[Rows] = ()) -> bytes:
    """A Word file with a footer and a floating text box (written both as DrawingML and VML fallback, as Word does)."""
    import docx
    from docx.oxml import parse_xml
    d = docx.Document()
    if footer:
        d.sections[0].footer.paragraphs[0].text = footer
    for p in paragraphs:
        d.add_paragraph(p)
    if textbox:
        from xml.sax.saxutils import escape
        runs = "".join(f'<w:p><w:r><w:t xml:space="preserve">{escape(t)}</w:t></w:r></w:p>' for t in textbox)
        ns = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
              'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
              'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
              'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
              'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
              'xmlns:v="urn:schemas-microsoft-com:vml"')
        xml = (f'<w:p {ns}><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
               '<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="251659264" '
               'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
               '<wp:positionH relativeFrom="column"><wp:posOffset>3200400</wp:posOffset></wp:positionH>'
               '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
               '<wp:extent cx="2286000" cy="1143000"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapSquare wrapText="bothSides"/>'
               '<wp:docPr id="1" name="テキスト ボックス 1"/><wp:cNvGraphicFramePr/>'
               '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
               '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="2286000" cy="1143000"/></a:xfrm>'
               '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr>'
               f'<wps:txbx><w:txbxContent>{runs}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp>'
               '</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>'
               '<mc:Fallback><w:pict><v:shape id="TextBox1" type="#_x0000_t202" style="width:180pt;height:90pt">'
               f'<v:textbox><w:txbxContent>{runs}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>'
               '</mc:AlternateContent></w:r></w:p>')
        d.element.body.insert(0, parse_xml(xml))
    for t in tables:
        tab = d.add_table(rows=len(t), cols=max(len(r) for r in t))
        for i, r in enumerate(t):
            for j, v in enumerate(r):
                tab.cell(i, j).text = str(v)
    d.core_properties.created = d.core_properties.modified = FIXED_TIME
    d.core_properties.author = "tokki"
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def zip_cp932_names(members: list[tuple[str, bytes]]) -> bytes:
    """A zip whose member names are Shift_JIS without the UTF-8 flag, as Windows Explorer writes them."""
    placeholders = []
    safe = []
    for i, (name, data) in enumerate(members):
        raw = name.encode("cp932")
        ph = (f"m{i:02d}" + "x" * len(raw))[: len(raw)]
        assert len(ph) == len(raw) and len(ph) >= 3
        placeholders.append((ph.encode("ascii"), raw))
        safe.append((ph, data))
    out = zip_bytes(safe)
    for ph, raw in placeholders:
        assert out.count(ph) == 2, ph
        out = out.replace(ph, raw)
    return out


def multipart_eml(subject: str, sender: str, to: str, text: str, html: str, attachments: list[tuple[str, bytes, str]]) -> bytes:
    """multipart/mixed with a text+HTML alternative body and attachments (Outlook-style MIME types)."""
    msg = EmailMessage()
    msg["Subject"] = subject
    msg["From"] = sender
    msg["To"] = to
    msg["Date"] = format_datetime(FIXED_TIME.replace(tzinfo=dt.timezone(dt.timedelta(hours=9))))
    msg["Message-ID"] = "<holdout2-multipart@example.jp>"
    msg.set_content(text)
    msg.add_alternative(html, subtype="html")
    for name, data, mime in attachments:
        maintype, subtype = mime.split("/")
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    msg.set_boundary("==holdout2-mixed==")  # fixed boundaries keep the output byte-stable
    msg.get_payload()[0].set_boundary("==holdout2-alt==")
    return bytes(msg)


def spaced(n: str) -> str:
    return f"{n[:4]} {n[4:8]} {n[8:]}"


def passing_12(w: h.World) -> str:
    """A 12-digit number that happens to pass the My Number check digit (a code, not a person)."""
    return w.my_number()


# --------------------------------------------------------------------------------------------
# Positives
# --------------------------------------------------------------------------------------------

def insurance_docs(c: Corpus2) -> None:
    w = c.w
    # One 介護保険 被保険者証 transcribed as text (a care manager's copy).
    p = w.person(born=(1930, 1950), encodable="cp932")
    card = (f"介護保険被保険者証（写）\n\n被保険者　番号　　{w.digits(10)}\n"
            f"　　　　　住所　　{p.address()}\n　　　　　フリガナ　{p.kana}\n　　　　　氏名　　{p.name}\n"
            f"　　　　　生年月日　{wareki(p.birth)}　　性別　{'男' if p.sex == 'M' else '女'}\n"
            f"交付年月日　{wareki(dt.date(2025, 8, 1))}\n保険者番号並びに保険者の名称及び印　{w.digits(6)}　{p.city}\n\n"
            f"要介護状態区分等　要介護{w.rng.randint(1, 5)}\n認定年月日　{wareki(dt.date(2025, 7, 18))}\n"
            "居宅介護支援事業者　ケアプランセンターひだまり\n")
    c.put("txt/介護保険証_写し_sjis.txt", text_bytes(card, "cp932", True), PD,
          "transcription of one 介護保険被保険者証: 10-digit 被保険者番号, name, kana, address, 和暦 birth date", "txt")
    # 介護保険 list in xlsx.
    rows = [["被保険者番号", "氏名", "性別", "生年月日", "要介護度", "認定有効期間（終期）", "担当ケアマネ"]]
    for p in w.people(15, born=(1925, 1955)):
        rows.append([f"0{w.digits(9)}", p.name, "男" if p.sex == "M" else "女", wareki(p.birth, "short"), f"要介護{w.rng.randint(1, 5)}",
                     f"R{w.rng.randint(8, 10)}.{w.rng.randint(1, 12)}.{w.rng.choice([30, 31, 28])}", w.rng.choice(SURNAMES)[0]])
    c.put("xlsx/介護保険_被保険者一覧.xlsx", xlsx_bytes([("利用者", rows)]), PD,
          "care-insurance client list: 被保険者番号 (leading 0), names, sex, S/T-era short birth dates, care level", "xlsx")
    # 要介護認定者 as legacy xls, no 被保険者番号 header word, kana in half width.
    rows = [["No", "ｶﾅ氏名", "漢字氏名", "生年月日", "住所", "電話"]]
    for i, p in enumerate(w.people(12, born=(1925, 1950)), 1):
        rows.append([str(i), half_kana(p.kana), p.name, p.birth.strftime("%Y/%m/%d"), p.address("hyphen"), p.landline])
    c.put("xls/要介護認定者.xls", xls_bytes([("R8.4", rows)]), PD,
          "legacy xls of 12 care-level recipients: half-width kana, names, birth dates, addresses, phones", "xls")
    # 国民健康保険 記号番号 list, Shift_JIS.
    rows = [["記号", "番号", "世帯主氏名", "被保険者氏名", "続柄", "生年月日", "資格取得日"]]
    for _ in range(10):
        head = w.person(encodable="cp932", born=(1950, 1985))
        kigo = f"{w.rng.choice(['世', '練', '港'])}{w.rng.randint(10, 99)}"
        bango = w.digits(6)
        rows.append([kigo, bango, head.name, head.name, "世帯主", head.birth.strftime("%Y/%m/%d"), f"R{w.rng.randint(1, 7)}.4.1"])
        mate = w.person(encodable="cp932", born=(1950, 1990))
        rows.append([kigo, bango, head.name, f"{head.sei}　{mate.mei}", w.rng.choice(["妻", "夫", "子"]), mate.birth.strftime("%Y/%m/%d"), f"R{w.rng.randint(1, 7)}.4.1"])
    c.put("csv/国保_記号番号一覧_sjis.csv", text_bytes(csv_text(rows), "cp932", True), PD,
          "国民健康保険 記号・番号 list: 20 insured people (householder + family), birth dates, Shift_JIS", "csv")
    # 被扶養者 list, UTF-16 TSV.
    rows = [["保険者番号", "被保険者記号", "被保険者番号", "被扶養者氏名", "続柄", "生年月日"]]
    for _ in range(9):
        p = w.person(born=(1960, 2020))
        rows.append([f"0613{w.digits(4)}", w.digits(5), str(w.rng.randint(1, 999)), p.name, w.rng.choice(["妻", "長男", "長女", "次男", "母"]), wareki(p.birth)])
    c.put("tsv/被扶養者_utf16.tsv", text_bytes(csv_text(rows, sep="\t"), "utf-16", True), PD,
          "health-insurance dependants: 保険者番号, 記号, 番号, names, relations, 和暦 births (UTF-16 TSV)", "tsv")
    # 住民票の写し transcribed into Word.
    hh = w.person(born=(1960, 1975))
    fam = [hh] + [w.person(born=(1962, 1978)), w.person(born=(2005, 2015))]
    fam[1].sei = fam[2].sei = hh.sei
    rows = [["氏名", "生年月日", "性別", "続柄", "住民となった年月日", "個人番号"]]
    for p, rel in zip(fam, ["世帯主", "妻", "子"]):
        rows.append([p.name, wareki(p.birth), "男" if p.sex == "M" else "女", rel, wareki(dt.date(2012, 4, 1)), p.my_number])
    paras = ["住民票の写し（写しの転記・人事記録用）", f"住所　{hh.address('kanji')}", f"世帯主　{hh.name}",
             f"前住所　{w.rng.choice(CITIES)[0]}{w.rng.choice(CITIES)[1]}から転入", ""]
    c.put("docx/住民票写し.docx", docx_bytes(paras, [rows], after_tables=[f"この写しは住民票の原本と相違ないことを証明する。　{wareki(dt.date(2026, 3, 30))}　{hh.city}長"]), PD,
          "住民票の写し transcribed into Word: household address, 3 members with 和暦 births, 続柄 and 個人番号", "docx")
    # 児童手当 認定請求書 with a form table including bank lines.
    p = w.person(born=(1985, 1995))
    bank, branch, kind, acct = w.account()
    kids = [w.person(born=(2015, 2025)) for _ in range(2)]
    form = [["請求者氏名", p.name, "フリガナ", p.kana], ["生年月日", wareki(p.birth), "個人番号", spaced(p.my_number)],
            ["住所", f"〒{p.postal}　{p.address()}", "電話番号", p.mobile],
            ["金融機関名", bank[1], "支店名", branch[1]], ["預金種別", kind, "口座番号", acct],
            ["口座名義（カナ）", half_kana(p.kana), "", ""]]
    kid_rows = [["児童氏名", "生年月日", "続柄", "同居・別居"]] + [[f"{p.sei}　{k.mei}", wareki(k.birth), w.rng.choice(["長男", "長女", "次男", "次女"]), "同居"] for k in kids]
    c.put("docx/児童手当_認定請求書.docx", docx_bytes(["児童手当・特例給付　認定請求書", f"{p.city}長　様", f"請求日　{wareki(dt.date(2026, 4, 8))}"], [form, kid_rows]), PD,
          "child-allowance application form filled in: applicant, My Number 4-4-4, address, bank/支店/口座番号 in a form table, two children", "docx")


def layout_docs(c: Corpus2) -> None:
    w = c.w
    # People only in columns AZ..BD; A..C hold a small summary.
    ps = w.people(10)
    cells = grid([["地区別集計"], ["地区", "件数"], ["北部", "4"], ["南部", "6"]])
    cells += grid([["氏名", "電話", "住所", "生年月日", "メール"]] + [[p.name, p.mobile, p.address(), p.birth.isoformat(), p.email] for p in ps], top=1, left=52)
    c.put("xlsx/far_column_AZ.xlsx", xlsx_cells([("集計", cells)]), PD,
          "sheet shows a 2-row district summary in A-B; the 10-person list sits in columns AZ-BD", "xlsx")
    # People below row 5000.
    ps = w.people(8)
    cells = grid([["月次集計（個票は下部）"], ["月", "申請件数"]] + [[f"{m}月", str(w.rng.randint(3, 40))] for m in range(1, 13)])
    cells += grid([["申請者氏名", "住所", "電話番号", "生年月日"]] + [[p.name, p.address(), p.landline, p.birth.strftime("%Y/%m/%d")] for p in ps], top=5201)
    c.put("xlsx/far_below_row5000.xlsx", xlsx_cells([("申請", cells)]), PD,
          "monthly counts at the top; an 8-person applicant list starting at row 5201 of the same sheet", "xlsx")
    # CSV whose header is on row 4 (Excel export with trailing commas).
    ps = w.people(18, encodable="cp932")
    rows = [["令和8年度　災害ボランティア登録者一覧", "", "", "", "", ""], ["", "", "", "", "", ""], ["", "", "", "", "", ""],
            ["登録No", "氏名", "ふりがな", "携帯電話", "住所", "生年月日"]]
    for i, p in enumerate(ps, 1):
        rows.append([f"V{i:03d}", p.name, p.kana, p.mobile, p.address(), p.birth.strftime("%Y/%m/%d")])
    c.put("csv/ボランティア登録_header4.csv", text_bytes(csv_text(rows), "utf-8-sig", True), PD,
          "Excel-exported CSV: title row, two empty rows, header on row 4, then 18 volunteers", "csv")
    # 姓/名 split columns, birth dates as real Excel date cells (one column 和暦 display format).
    ps = w.people(20, born=(1960, 2003))
    hdr = ["職員番号", "姓", "名", "セイ", "メイ", "生年月日", "入職日", "所属"]
    cells = [(1, j + 1, v, None) for j, v in enumerate(hdr)]
    for i, p in enumerate(ps, 2):
        vals = [str(w.rng.randint(10000, 99999)), p.sei, p.mei, p.sei_kana, p.mei_kana]
        cells += [(i, j + 1, v, None) for j, v in enumerate(vals)]
        cells.append((i, 6, dt.datetime(p.birth.year, p.birth.month, p.birth.day), '[$-ja-JP]ggge"年"m"月"d"日"' if i % 2 else "yyyy/m/d"))
        cells.append((i, 7, dt.datetime(2000 + w.rng.randint(0, 25), 4, 1), "yyyy/m/d"))
        cells.append((i, 8, w.rng.choice(["総務課", "保育課", "税務課", "福祉課"]), None))
    c.put("xlsx/職員名簿_Excel日付.xlsx", xlsx_cells([("職員", cells)]), PD,
          "staff roster: 姓/名/セイ/メイ in separate columns, 生年月日 as real Excel date cells (half shown in 和暦 format)", "xlsx")
    # 和暦 birth list in EUC-JP text with mixed spellings.
    lines = ["老人クラブ会員　生年月日一覧（敬老会名簿照合用）", "", "氏名　　　　　生年月日"]
    for i in range(12):
        p = w.person(born=(1935, 1989), encodable="euc_jp")
        if i == 3:
            p.birth = dt.date(1989, w.rng.randint(2, 12), w.rng.randint(1, 28))
            b = f"平成元年{p.birth.month}月{p.birth.day}日"
        elif i % 3 == 0:
            b = wareki(p.birth, "short")
        elif i % 3 == 1:
            b = wareki(p.birth, "long")
        else:
            b = wareki(p.birth, "short").replace(".", "/")
        lines.append(f"{p.sei} {p.mei}　　{b}")
    c.put("txt/和暦生年月日一覧_eucjp.txt", text_bytes("\n".join(lines) + "\n", "euc_jp"), PD,
          "12 names with birth dates written S45.3.12, 昭和45年3月12日, S45/3/12 and 平成元年 (EUC-JP)", "txt")


def id_docs(c: Corpus2) -> None:
    w = c.w
    # My Numbers in running text in a docx.
    me, wife, son = w.person(born=(1975, 1985), sex="M"), w.person(born=(1975, 1988), sex="F"), w.person(born=(2010, 2015))
    para = (f"総務課　御中　　年末調整の書類に記入漏れがありましたので補足します。私（{me.sei}{me.mei}）のマイナンバーは{spaced(me.my_number)}、"
            f"妻{wife.mei}のマイナンバーは{full(wife.my_number[:4])}－{full(wife.my_number[4:8])}－{full(wife.my_number[8:])}、"
            f"長男{son.mei}は{son.my_number}です。どうぞよろしくお願いいたします。")
    c.put("docx/マイナンバー補足.docx", docx_bytes(["年末調整　扶養親族の個人番号の補足", para]), PD,
          "one paragraph giving three family members' My Numbers: 4-4-4 with spaces, full-width with full-width hyphens, plain", "docx")
    # Full-width My Number in a mail body.
    p = w.person()
    n = p.my_number
    body = (f"人事労務課　ご担当者様\n\nお世話になっております。{p.sei}です。\n先日ご依頼いただいた件ですが、マイナンバーは"
            f"{full(n[:4])}－{full(n[4:8])}－{full(n[8:])}になります。\n番号確認書類の写しは社内便でお送りしました。\n\n{p.name}\n")
    c.put("eml/マイナンバー全角.eml", h.eml_bytes("個人番号の件", "someone@example.jp", "jinji@example.jp", body), PD,
          "employee's mail with own name and a full-width My Number (full-width hyphens) mid-sentence after マイナンバーは", "eml")
    # Driver licence after 免許証番号.
    p = w.person(encodable="cp932")
    memo = (f"レンタカー貸渡記録\n貸渡日　2026年4月9日　車両　品川500わ{w.rng.randint(10, 99)}-{w.rng.randint(10, 99)}\n"
            f"借受人　{p.name}　（{p.address()}）\n免許証番号　第{w.licence()}号　　有効期限　令和10年{w.rng.randint(1, 12)}月{w.rng.randint(1, 28)}日まで\n"
            f"連絡先　{p.mobile}\n")
    c.put("txt/貸渡記録_sjis.txt", text_bytes(memo, "cp932", True), PD,
          "car-rental record: borrower name, address, 免許証番号 第…号, mobile", "txt")
    # Residence card check record as PDF.
    p = w.person()
    nm = w.rng.choice(["NGUYEN THI MAI", "RAI BIKASH", "DELA CRUZ ANA", "ZHANG WEI"])
    lines = ["在留カード確認記録（雇入れ時）", "", f"氏名　{nm}", f"国籍・地域　{w.rng.choice(['ベトナム', 'ネパール', 'フィリピン', '中国'])}",
             f"生年月日　{w.rng.randint(1990, 2004)}年{w.rng.randint(1, 12)}月{w.rng.randint(1, 28)}日", f"在留カード番号　{w.residence_card()}",
             "在留資格　特定技能1号　　就労制限の有無　指定書記載機関での在留資格に基づく就労活動のみ可",
             f"住居地　{p.address('hyphen')}", "確認者　人事課　確認日　2026年4月1日"]
    c.put("pdf/在留カード確認記録.pdf", pdf_bytes(lines), PD,
          "residence-card check record for one foreign employee: romanised name, birth date, 在留カード番号, address", "pdf")
    # Pension number inquiry (one person).
    p = w.person(born=(1958, 1966))
    txt = (f"年金見込額照会票\n\n基礎年金番号　{w.pension()}\n氏名　{p.name}（{p.kana}）\n生年月日　{wareki(p.birth)}\n"
           f"住所　〒{p.postal}　{p.address()}\n電話　{p.landline}\n照会理由　退職予定のため\n")
    c.put("txt/年金見込額照会_utf16.txt", text_bytes(txt, "utf-16", True), PD, "pension estimate request: 基礎年金番号, name, birth date, address (UTF-16)", "txt")
    # Clinic patient list.
    rows = [["診察券番号", "患者氏名", "カナ", "性別", "生年月日", "電話番号", "最終来院日"]]
    for p in w.people(25):
        rows.append([str(w.rng.randint(100000, 999999)), p.name, p.kana, "男" if p.sex == "M" else "女", p.birth.strftime("%Y-%m-%d"), p.mobile, f"2026-0{w.rng.randint(1, 4)}-{w.rng.randint(1, 28):02d}"])
    c.put("csv/患者一覧.csv", text_bytes(csv_text(rows, quote=True)), PD, "clinic patient list: 25 patients with birth dates and phones", "csv")
    # Volunteer insurance enrolment with birth dates only as age.
    rows = [["加入者氏名", "フリガナ", "年齢", "住所（市町村まで）", "連絡先"]]
    for p in w.people(16):
        rows.append([p.name, p.kana, str(2026 - p.birth.year), p.city, p.mobile])
    c.put("xlsx/ボランティア保険_加入者.xlsx", xlsx_bytes([("加入者", rows)], title_rows={"加入者": ["ボランティア活動保険　加入者名簿", "社会福祉協議会 提出用"]}), PD,
          "volunteer-insurance enrolment: 16 names, kana, age, city only, mobile", "xlsx")


def minimal_pairs(c: Corpus2) -> None:
    """Small documents holding exactly two identifying items, each a combination the requirements name."""
    w = c.w
    rows = []
    for p in w.people(12, born=(1930, 1988)):
        rows.append([p.sei + " " + p.mei, wareki(p.birth, w.rng.choice(["long", "short"]))])
    c.put("csv/和暦生年月日_headerless.csv", text_bytes(csv_text(rows)), PD,
          "12 rows of name + 和暦 birth date (昭和45年3月12日 / S45.3.12), no header row", "csv")
    rows = [["姓", "名", "生年月日"]] + [[p.sei, p.mei, p.birth.strftime("%Y/%m/%d")] for p in w.people(15, born=(1950, 2005))]
    c.put("csv/姓名分割_生年月日.csv", text_bytes(csv_text(rows), "utf-8-sig"), PD,
          "15 people with 姓 and 名 in separate columns and 生年月日 (nothing else)", "csv")
    p = w.person()
    bank, branch, kind, acct = w.account()
    form = [["氏名", p.name, "", ""], ["金融機関名", bank[1], "支店名", branch[1]], ["預金種別", kind, "口座番号", acct], ["口座名義（カナ）", half_kana(p.kana), "", ""]]
    c.put("docx/口座振込依頼書.docx", docx_bytes(["謝礼金　口座振込依頼書", "下記口座へのお振込みをお願いします。"], [form]), PD,
          "honorarium transfer request: one payee's name with bank, 支店名, 預金種別 and 口座番号 in a Word form table", "docx")
    head = w.person(born=(1950, 1980))
    txt = (f"国民健康保険被保険者証（写）\n記号　{w.rng.choice(['世', '練'])}{w.rng.randint(10, 99)}　番号　{w.digits(6)}\n"
           f"氏名　{head.name}\n世帯主氏名　{head.name}\n有効期限　令和9年7月31日\n交付年月日　{wareki(dt.date(2025, 8, 1))}\n")
    c.put("txt/国保証_写し.txt", text_bytes(txt), PD, "copy of one 国民健康保険 card: 記号・番号 and the insured's name (no address, no birth date)", "txt")


def container_docs(c: Corpus2) -> None:
    w = c.w
    # Zip with a Shift_JIS CSV whose member name is also Shift_JIS.
    ps = w.people(15, encodable="cp932")
    csvb = text_bytes(csv_text([["氏名", "住所", "電話番号", "生年月日"]] + [[p.name, p.address(), p.landline, wareki(p.birth)] for p in ps]), "cp932", True)
    c.put("zip/名簿_sjis名.zip", zip_cp932_names([("町内会名簿.csv", csvb), ("説明.txt", "名簿です。".encode("cp932"))]), PD,
          "zip made on Windows: member names in Shift_JIS (no UTF-8 flag) holding a 15-person Shift_JIS CSV with 和暦 births", "zip")
    # Multipart mail with a CSV attachment sent as application/vnd.ms-excel.
    ps = w.people(11)
    csvb = text_bytes(csv_text([["お名前", "フリガナ", "電話番号", "メールアドレス", "参加人数"]] + [[p.name, p.kana, p.mobile, p.email, str(w.rng.randint(1, 4))] for p in ps]), "utf-8-sig", True)
    c.put("eml/参加申込_CSV添付.eml", multipart_eml("【集計】親子料理教室 申込者一覧", "event@example.jp", "staff@example.jp",
                                                   "担当各位\n\n申込者一覧を添付します。\n", "<p>担当各位</p><p>申込者一覧を添付します。</p>",
                                                   [("申込者一覧.csv", csvb, "application/vnd.ms-excel")]), PD,
          "text+HTML mail whose only personal data is an 11-row CSV attachment (UTF-8 BOM, MIME type vnd.ms-excel)", "eml")
    # Participants table in pptx.
    ps = w.people(8)
    table = [["No.", "氏名", "地区", "電話番号", "生年月日"]] + [[str(i), p.name, p.town, p.landline, p.birth.strftime("%Y/%m/%d")] for i, p in enumerate(ps, 1)]
    c.put("pptx/研修参加者.pptx", pptx_bytes([{"title": "防災リーダー研修", "bullets": ["第1回　4月25日（土）"]}, {"title": "参加者一覧", "table": table}]), PD,
          "training deck with an 8-person participant table: names, district, phone, birth date", "pptx")
    # Word: body generic, people in a text box and the footer.
    ps = w.people(3)
    tb = ["【当番連絡先】"] + [f"{p.name}　{p.mobile}" for p in ps]
    boss = w.person()
    c.put("docx/textbox_footer.docx", docx_with_extras(["ごみ集積所の清掃当番について", "4月から当番表が変わります。清掃は毎週月曜の朝8時までにお願いします。",
                                                         "当番は班ごとに持ち回りです。ご協力をお願いします。"],
                                                        footer=f"班長　{boss.name}　{boss.address('hyphen', with_pref=False)}　TEL {boss.landline}", textbox=tb), PD,
          "neighbourhood notice: body has no data; a text box lists 3 names with mobiles and the footer has the 班長's name, home address and phone", "docx")
    # New-year card address list (blocks, no header), Shift_JIS.
    blocks = []
    for p in w.people(14, encodable="cp932"):
        blocks.append(f"〒{p.postal}\n{p.address(w.rng.choice(['std', 'hyphen', 'kanji']))}\n{p.name}　様")
    c.put("txt/年賀状宛名_sjis.txt", text_bytes("\n\n".join(blocks) + "\n", "cp932", True), PD,
          "new-year card address blocks: 14 × (〒, address, name 様), separated by blank lines", "txt")
    # Call-centre log in Shift_JIS.
    lines = []
    for i in range(30):
        ts = f"2026/04/0{w.rng.randint(1, 9)} {w.rng.randint(9, 17):02d}:{w.rng.randint(0, 59):02d}"
        if i % 3 == 0:
            p = w.person(encodable="cp932")
            lines.append(f"{ts}\t受付\t発信者={p.name}\t電話={p.mobile}\t用件=住所変更\t新住所={p.address('hyphen')}")
        else:
            lines.append(f"{ts}\tIVR\t選択={w.rng.randint(1, 9)}\t待ち時間={w.rng.randint(5, 400)}秒")
    c.put("log/コールセンター受付.log", text_bytes("\n".join(lines) + "\n", "cp932", True), PD,
          "call-centre log (Shift_JIS, tab-separated key=value): 10 of 30 lines record a caller's name, mobile and new address", "log")
    # Letter (one resident) as pdf: 内容証明-style notice.
    p = w.person()
    lines = [f"〒{p.postal}", p.address(), f"{p.name}　殿", "", "通知書", "",
             "　貴殿に賃貸しております下記物件の賃料について、令和8年1月分から3月分までの合計金額が未払いとなっております。",
             "　本書面到達後14日以内にお支払いくださいますよう通知いたします。", "", "物件　コーポ松風 203号室", "",
             f"{wareki(dt.date(2026, 4, 6))}", "東京都港区芝公園2丁目4番1号　みなと不動産管理株式会社"]
    c.put("pdf/賃料催告書.pdf", pdf_bytes(lines), PD, "rent-arrears notice to one tenant: postal code, address, name 殿", "pdf")


# --------------------------------------------------------------------------------------------
# Hard negatives
# --------------------------------------------------------------------------------------------

GOODS = ["有機栽培 緑茶 100g", "国産はちみつ 300g", "こしひかり 5kg", "乾しいたけ 80g", "昆布だし 10袋", "梅干し 500g", "焼きのり 10枚",
         "切り干し大根 100g", "黒豆 200g", "本みりん 500ml", "醤油 1L", "味噌 750g", "そば乾麺 3束", "うどん乾麺 3束", "甘酒 6本", "煎餅 詰合せ"]


def negatives_codes(c: Corpus2) -> None:
    w = c.w
    # Price list, 12-digit 商品コード, several of which pass the My Number check digit.
    rows = [["商品コード", "商品名", "規格", "入数", "卸単価", "希望小売価格"]]
    for i in range(64):
        code = passing_12(w) if i % 6 == 0 else w.digits(12)
        g = w.rng.choice(GOODS)
        price = w.rng.randint(180, 3800)
        rows.append([code, g, w.rng.choice(["常温", "冷蔵"]), str(w.rng.choice([6, 12, 24])), str(price), str(int(price * 1.4))])
    n_pass = sum(my_number.is_valid(r[0]) for r in rows[1:])
    c.put("csv/価格表_商品コード.csv", text_bytes("2026年春夏 卸価格表（税抜）\n" + csv_text(rows), "cp932", True), CLEAN,
          f"wholesale price list: 64 twelve-digit 商品コード ({n_pass} pass the My Number check digit), product names, prices", "csv")
    # Accounting ledger, 12-digit 伝票番号 with some passing the check digit.
    rows = [["計上日", "伝票番号", "勘定科目", "取引先", "借方", "貸方", "摘要"]]
    for i in range(80):
        no = passing_12(w) if i % 5 == 0 else w.digits(12)
        rows.append([f"2026/03/{w.rng.randint(1, 31):02d}", no, w.rng.choice(["売上高", "仕入高", "消耗品費", "水道光熱費", "地代家賃"]),
                     w.fake.company(), str(w.rng.randint(1, 900) * 100), "", w.rng.choice(["3月分", "月末締め", "振替", "現金払い"])])
    n_pass = sum(my_number.is_valid(r[1]) for r in rows[1:])
    c.put("xlsx/総勘定元帳_伝票番号.xlsx", xlsx_bytes([("元帳", rows)]), CLEAN,
          f"general ledger: 80 rows with 12-digit 伝票番号 ({n_pass} pass the My Number check digit), account titles, company names", "xlsx")
    # Lot management TSV with 12-digit lot numbers and 和暦 manufacturing dates.
    rows = [["ロット番号", "製造日", "賞味期限", "製造工場", "数量"]]
    for i in range(40):
        d = dt.date(2026, w.rng.randint(1, 3), w.rng.randint(1, 28))
        rows.append([passing_12(w) if i % 4 == 0 else w.digits(12), wareki(d, "short"), wareki(d + dt.timedelta(days=365), "long"),
                     w.rng.choice(["静岡第一工場（静岡県島田市御仮屋町8800番地）", "北海道工場（北海道帯広市西20条北1丁目3番）"]), str(w.rng.randint(100, 5000))])
    c.put("tsv/ロット管理.tsv", text_bytes(csv_text(rows, sep="\t"), "utf-8"), CLEAN,
          "lot register: 12-digit ロット番号 (some pass the check digit), R-era production dates, factory addresses", "tsv")
    # POS journal log with 12-digit receipt numbers and JAN codes.
    lines = []
    for _ in range(150):
        lines.append(f"2026-04-10 {w.rng.randint(9, 20):02d}:{w.rng.randint(0, 59):02d}:{w.rng.randint(0, 59):02d} POS03 レシート番号={w.my_number() if w.rng.random() < 0.2 else w.digits(12)} "
                     f"JAN={w.jan()} 数量={w.rng.randint(1, 3)} 金額={w.rng.randint(98, 2980)} 担当=レジ{w.rng.randint(1, 4)}")
    c.put("log/pos_journal.log", text_bytes("\n".join(lines) + "\n", "cp932", True), CLEAN,
          "POS journal: 150 lines of 12-digit レシート番号 (about 20% pass the check digit), JAN codes, amounts", "log")


def negatives_public2(c: Corpus2) -> None:
    w = c.w
    # School timetable.
    subj = ["国語", "数学", "英語", "理科", "社会", "音楽", "美術", "保体", "技家", "道徳", "学活", "総合"]
    rows = [["", "月", "火", "水", "木", "金"]] + [[f"{k}限"] + [w.rng.choice(subj) for _ in range(5)] for k in range(1, 7)]
    c.put("xlsx/時間割_2年3組.xlsx", xlsx_bytes([("前期", rows)], title_rows={"前期": ["令和8年度 前期 2年3組 時間割", "担任：佐藤　副担任：山口", "教室：本館3階"]}), CLEAN,
          "school timetable (subjects by period), title row naming the homeroom teacher by surname only", "xlsx")
    # Evacuation shelter list.
    rows = [["番号", "避難所名", "所在地", "電話番号", "収容人数", "種別"]]
    pref, city, towns, pz, area = CITIES[4]
    for i, name in enumerate(["船橋小学校", "夏見中学校", "前原公民館", "習志野台高等学校", "本町児童ホーム", "中央体育館", "夏見台保育園", "前原西小学校",
                              "市民文化ホール", "北部福祉会館"], 1):
        rows.append([str(i), name, f"〒{pz}-{w.digits(4)} {pref}{city}{w.rng.choice(towns)}{w.rng.randint(1, 7)}丁目{w.rng.randint(1, 30)}番{w.rng.randint(1, 20)}号",
                     w.phone(area), str(w.rng.randint(80, 900)), w.rng.choice(["指定避難所", "福祉避難所", "指定緊急避難場所"])])
    c.put("pdf/指定避難所一覧.pdf", pdf_bytes(["船橋市　指定避難所一覧（令和8年4月1日現在）", ""] + table_lines(rows)), CLEAN,
          "city list of evacuation shelters: schools and halls with 〒, full addresses, phone numbers", "pdf")
    c.put("csv/指定避難所一覧_eucjp.csv", text_bytes(csv_text(rows), "euc_jp"), CLEAN, "same shelter list as EUC-JP CSV", "csv")
    # Press release.
    pr = ["報道関係者各位", "2026年4月10日", "株式会社みなと精機", "", "新型精密ポンプ「MS-700」を発売",
          "　株式会社みなと精機（本社：東京都港区、代表取締役社長：遠藤 誠）は、医療機器向け精密ポンプ「MS-700」を5月1日に発売します。",
          "　従来品に比べ消費電力を30%削減し、流量精度±0.5%を実現しました。",
          "【会社概要】", "商号：株式会社みなと精機", "所在地：〒105-0011 東京都港区芝公園2丁目4番1号", "代表電話：03-5432-1000", "設立：1970年3月",
          "【本件に関するお問い合わせ先】", "株式会社みなと精機　広報部　担当：鈴木", "TEL：03-5432-1010（広報直通）　E-mail：pr@minato-seiki.example.jp"]
    c.put("docx/プレスリリース.docx", docx_bytes(pr), CLEAN,
          "company press release: head-office address, 代表電話, president's name, PR contact 担当：鈴木 with a department line", "docx")
    # Postal codes by 町域.
    rows = [["郵便番号", "町域", "町域（カナ）", "備考"]]
    for pref, city, towns, pz, _ in CITIES[:8]:
        for t in towns:
            rows.append([f"〒{pz}-{w.digits(4)}", f"{pref}{city}{t}", "", w.rng.choice(["", "", "（次のビルを除く）", "（地階・階層不明）"])])
    c.put("xlsx/町域別郵便番号.xlsx", xlsx_bytes([("郵便番号", rows)]), CLEAN, "postal-code table by 町域 (〒NNN-NNNN, prefecture+city+town), no people", "xlsx")
    # Train fare table (xls and text).
    stations = ["東京", "新橋", "品川", "川崎", "横浜", "戸塚", "大船", "藤沢", "茅ヶ崎", "平塚"]
    rows = [["発駅＼着駅"] + stations]
    for i, s in enumerate(stations):
        rows.append([s] + [("" if i == j else str(150 + 30 * abs(i - j) * (2 if abs(i - j) > 3 else 1))) for j in range(len(stations))])
    c.put("xls/運賃表.xls", xls_bytes([("普通運賃", rows)]), CLEAN, "train fare matrix between 10 stations (xls)", "xls")
    lines = ["東海道線　普通運賃表（IC運賃／きっぷ運賃）", "2026年3月14日改定"] + [f"東京 → {s}　{150 + 30 * i} 円 ／ {160 + 30 * i} 円　営業キロ {i * 6.8:.1f} km" for i, s in enumerate(stations[1:], 1)]
    lines += ["お問い合わせ　JR東日本お問い合わせセンター　050-2016-1600"]
    c.put("txt/運賃表.txt", text_bytes("\n".join(lines) + "\n", "utf-8"), CLEAN, "fare list from Tokyo with km, and the rail operator's inquiry number", "txt")
    # Births by mother's age group.
    rows = [["母の年齢階級", "令和5年", "令和6年", "令和7年"]] + [[a, str(w.rng.randint(10, 900)), str(w.rng.randint(10, 900)), str(w.rng.randint(10, 900))]
                                                          for a in ["15～19歳", "20～24歳", "25～29歳", "30～34歳", "35～39歳", "40～44歳", "45歳以上"]]
    c.put("xlsx/出生数_母の年齢階級別.xlsx", xlsx_bytes([("出生", rows)], title_rows={"出生": ["人口動態統計　出生数（母の年齢5歳階級別）", "単位：人"]}), CLEAN,
          "vital statistics: births by mother's 5-year age group over three 和暦 years", "xlsx")
    c.put("csv/出生数_母の年齢階級別_utf16.csv", text_bytes(csv_text(rows), "utf-16"), CLEAN, "same birth statistics as UTF-16 CSV", "csv")
    # Clinic opening-hours notice.
    notice = ["診療時間変更のお知らせ", "", "いつも当院をご利用いただきありがとうございます。", "5月より診療時間を下記のとおり変更いたします。",
              "月・火・木・金　9:00～12:30 ／ 15:00～18:30", "水・土　9:00～12:30（午後休診）", "日曜・祝日　休診", "",
              "ひまわり内科クリニック　院長　高橋 誠", "〒223-0061　神奈川県横浜市港北区日吉2丁目5番8号　日吉メディカルビル2F", "TEL 045-561-0123　FAX 045-561-0124"]
    c.put("pdf/診療時間のお知らせ.pdf", pdf_bytes(notice), CLEAN, "clinic notice of opening hours: clinic address, phone/fax, director's name", "pdf")
    # Sports league table.
    teams = ["桜台ブルーウェーブ", "港北フェニックス", "日吉SC", "鈴木工業サッカー部", "豊中ユナイテッド", "松本山雅クラブ", "那覇FCレキオス", "千種イーグルス"]
    rows = [["順位", "チーム名", "試合", "勝", "分", "敗", "得点", "失点", "勝点"]]
    for i, t in enumerate(teams, 1):
        wi, d, l = w.rng.randint(2, 9), w.rng.randint(0, 4), w.rng.randint(0, 6)
        rows.append([str(i), t, str(wi + d + l), str(wi), str(d), str(l), str(w.rng.randint(10, 30)), str(w.rng.randint(5, 25)), str(wi * 3 + d)])
    c.put("xlsx/リーグ順位表.xlsx", xlsx_bytes([("順位", rows)]), CLEAN, "amateur football league standings of 8 teams (team names, a company team 鈴木工業)", "xlsx")
    c.put("pptx/リーグ順位表.pptx", pptx_bytes([{"title": "2026 春季リーグ 第6節終了時点", "table": rows}]), CLEAN, "same league standings as a pptx table", "pptx")
    # Evacuation deck in pptx.
    c.put("pptx/防災マップ説明.pptx", pptx_bytes([{"title": "地域の避難所", "bullets": ["船橋小学校　船橋市本町3丁目1番1号　047-431-0000", "前原公民館　船橋市前原西2丁目14番1号　047-472-0000"]},
                                                 {"title": "備蓄のすすめ", "bullets": ["飲料水 1人1日3リットル×3日分", "非常食・携帯トイレ・常備薬"]}]), CLEAN,
          "disaster-preparedness deck: two shelters with addresses and phones, stockpile advice", "pptx")


def negatives_text2(c: Corpus2) -> None:
    w = c.w
    lic = ("MIT License\n\nCopyright (c) 2026 Minato Seiki Co., Ltd.\n\nPermission is hereby granted, free of charge, to any person obtaining a copy\n"
           "of this software and associated documentation files (the \"Software\"), to deal\nin the Software without restriction, including without limitation the rights\n"
           "to use, copy, modify, merge, publish, distribute, sublicense, and/or sell\ncopies of the Software, and to permit persons to whom the Software is\n"
           "furnished to do so, subject to the following conditions:\n\nThe above copyright notice and this permission notice shall be included in all\n"
           "copies or substantial portions of the Software.\n\nTHE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR\n"
           "IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,\nFITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT.\n\n"
           "Contact: oss@minato-seiki.example.jp, 2-4-1 Shibakoen, Minato-ku, Tokyo 105-0011, Japan. Tel +81-3-5432-1000\n")
    c.put("txt/LICENSE.txt", text_bytes(lic), CLEAN, "English MIT licence with the company's copyright, office address and phone", "txt")
    # Contract template with blank name/address fields.
    tbl = [["", "甲", "乙"], ["住所", "", ""], ["氏名", "", ""], ["生年月日", "　　年　　月　　日", "　　年　　月　　日"], ["電話番号", "（　　　）　　－", "（　　　）　　－"], ["印", "", ""]]
    paras = ["業務委託契約書（ひな形）", "委託者（以下「甲」という。）と受託者（以下「乙」という。）は、次のとおり業務委託契約を締結する。",
             "第1条（目的）甲は乙に対し、別紙に定める業務を委託し、乙はこれを受託する。", "第2条（委託料）委託料は月額　　　　円（消費税別）とする。",
             "第3条（秘密保持）乙は、本業務を通じて知り得た個人情報（氏名、住所、生年月日、個人番号等）を第三者に開示してはならない。",
             "本契約の成立を証するため本書2通を作成し、甲乙記名押印の上、各1通を保有する。", "令和　　年　　月　　日"]
    c.put("docx/業務委託契約書_ひな形.docx", docx_bytes(paras, [tbl]), CLEAN,
          "contract template: 甲/乙 signature table with empty 住所/氏名/生年月日/電話番号 cells; clause lists personal-data words", "docx")
    # Manual with example values labelled 例.
    man = ["会員登録システム　操作マニュアル　第3章　入力項目", "3.1 電話番号欄　半角数字とハイフンで入力します。（例：03-1234-5678、090-1234-5678）",
           "3.2 郵便番号欄　7桁で入力すると住所が自動表示されます。（例：100-0001 → 東京都千代田区千代田）",
           "3.3 メールアドレス欄　（例：user@example.com）　携帯メールの場合は受信設定をご確認ください。",
           "3.4 生年月日欄　西暦で入力します。（例：1980/01/01）　和暦は使用できません。",
           "3.5 個人番号欄　本システムでは個人番号は入力しないでください。", "エラーコード一覧：E101 必須項目未入力　E102 桁数不正　E205 重複登録",
           "問い合わせ：システム管理課 内線 4410"]
    c.put("pdf/操作マニュアル_入力例.pdf", pdf_bytes(man), CLEAN,
          "system manual: example phone 03-1234-5678, postal code, example.com mail and 1980/01/01, all labelled 例", "pdf")
    # Privacy policy with every keyword.
    pol = ["個人情報取扱規程", "第1条　この規程は、当法人が取り扱う個人情報（氏名、住所、電話番号、生年月日、個人番号、口座番号、旅券番号、運転免許証番号、在留カード番号、基礎年金番号、被保険者番号等）の適正な取扱いを定める。",
           "第2条　個人番号は、社会保障、税及び災害対策に関する事務に限り利用する。", "第3条　個人情報を記録した媒体は施錠できる書庫に保管する。",
           "第4条　漏えい等が発生した場合は、個人情報保護委員会へ速やかに報告する。", "附則　この規程は令和8年4月1日から施行する。"]
    c.put("docx/個人情報取扱規程.docx", docx_bytes(pol), CLEAN, "privacy policy naming every kind of personal data and number, but holding none", "docx")
    # Investor deck.
    c.put("pptx/決算説明資料.pptx", pptx_bytes([{"title": "2026年3月期 決算説明資料", "bullets": ["株式会社みなと精機", "代表取締役社長 遠藤 誠", "2026年5月12日"]},
                                               {"title": "業績ハイライト", "table": [["項目", "2025/3期", "2026/3期", "増減率"], ["売上高", "12,480", "13,902", "+11.4%"], ["営業利益", "1,022", "1,310", "+28.2%"], ["当期純利益", "688", "901", "+31.0%"]]}]),
          CLEAN, "investor results deck: financial table, the president's name on the cover", "pptx")
    # Train service e-mail.
    body = ("お客さま各位\n\n4月12日（日）終日、線路工事のため下記区間で運転を見合わせます。\n区間：大船〜藤沢\n振替輸送：江ノ島電鉄線、神奈川中央交通バス\n\n"
            "JR東日本 横浜支社　お問い合わせ 050-2016-1600（6:00〜24:00）\n")
    c.put("eml/運休のお知らせ.eml", h.eml_bytes("【運休】4月12日 大船～藤沢", "info@rail.example.jp", "members@rail.example.jp", body, charset="iso-2022-jp"), CLEAN,
          "rail operator's service notice mail: sections, times, the operator's call-centre number", "eml")
    # Meeting-room booking by department.
    rows = [["日付", "時間", "会議室", "予約部署", "用途", "内線"]]
    for _ in range(30):
        rows.append([f"2026/04/{w.rng.randint(13, 24)}", f"{w.rng.randint(9, 16)}:00-{w.rng.randint(10, 18)}:00", w.rng.choice(["301", "402", "大会議室"]),
                     w.rng.choice(["総務課", "税務課", "福祉課", "企画課"]), w.rng.choice(["定例会", "打合せ", "面談", "研修"]), str(w.rng.randint(2000, 2999))])
    c.put("csv/会議室予約.csv", text_bytes(csv_text(rows), "utf-8-sig"), CLEAN, "meeting-room bookings by department with extension numbers", "csv")
    # Zip of negatives (UTF-16 text inside).
    fares = "東京 → 横浜 490円\n東京 → 大船 820円\n"
    c.put("zip/時刻表と運賃.zip", zip_bytes([("運賃表.txt", text_bytes(fares, "utf-16")),
                                              ("避難所.csv", text_bytes(csv_text([["避難所名", "電話"], ["船橋小学校", "047-431-0000"]]), "cp932"))]), CLEAN,
          "zip of a UTF-16 fare note and a two-row shelter CSV", "zip")


def debatable2(c: Corpus2) -> None:
    w = c.w
    # Published award list: names and districts only.
    rows = [["部門", "氏名", "地区", "功績"]]
    for _ in range(10):
        p = w.person()
        rows.append([w.rng.choice(["社会福祉", "教育文化", "防災"]), p.name, p.town, w.rng.choice(["民生委員30年", "少年野球指導25年", "消防団員20年"])])
    c.put("docx/市政功労者表彰.docx", docx_bytes(["令和8年度　市政功労者表彰　受賞者一覧（広報掲載用）"], [rows]), PD,
          "published award list: 10 names with district and merit (meant for the city newsletter)", "docx", debatable=True)
    # Lottery winners with initials and prefecture.
    lines = ["春のプレゼントキャンペーン　当選者発表", "A賞　国産はちみつセット"] + [f"{w.rng.choice(CITIES)[0]}　{w.rng.choice('ASTKMHYNI')}.{w.rng.choice('ASTKMHYNI')}様" for _ in range(20)]
    lines.append("※賞品の発送をもって発表に代えさせていただく場合があります。")
    c.put("txt/当選者発表.txt", text_bytes("\n".join(lines) + "\n"), CLEAN, "prize-winner announcement: prefecture and initials only (S.T様)", "txt", debatable=True)
    # Licence with an individual author.
    lic = ("BSD 2-Clause License\n\nCopyright (c) 2021, Kenta Yamaguchi <kenta.yamaguchi@example.net>\nAll rights reserved.\n\n"
           "Redistribution and use in source and binary forms, with or without modification, are permitted provided that the following conditions are met:\n"
           "1. Redistributions of source code must retain the above copyright notice, this list of conditions and the following disclaimer.\n"
           "2. Redistributions in binary form must reproduce the above copyright notice.\n\nTHIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS \"AS IS\".\n")
    c.put("txt/LICENSE_individual.txt", text_bytes(lic), CLEAN, "BSD licence naming an individual author with a personal e-mail", "txt", debatable=True)
    # Staff duty roster of a clinic: names with shift only.
    rows = [["日付"] + [f"4/{d}" for d in range(13, 20)]]
    for _ in range(6):
        rows.append([w.rng.choice(SURNAMES)[0] + " " + w.rng.choice(GIVEN_F)[0]] + [w.rng.choice(["日", "夜", "休", "明"]) for _ in range(7)])
    c.put("xlsx/看護師勤務表.xlsx", xlsx_bytes([("勤務表", rows)]), CLEAN, "nurse shift roster: 6 staff names with day/night/off codes only", "xlsx", debatable=True)


def protected2(c: Corpus2) -> None:
    w = c.w
    ps = w.people(10, born=(1930, 1950))
    rows = [["被保険者番号", "氏名", "生年月日"]] + [[f"0{w.digits(9)}", p.name, wareki(p.birth)] for p in ps]
    c.put("enc/介護保険_locked.dat", h.office_encrypt(xlsx_bytes([("一覧", rows)]), "Kaigo2026"), ENC,
          "password-protected xlsx saved with a .dat extension", "xlsx")
    from pypdf import PdfReader, PdfWriter
    wr = PdfWriter()
    for page in PdfReader(io.BytesIO(pdf_bytes(["在留カード確認記録", "氏名 NGUYEN VAN AN"]))).pages:
        wr.add_page(page)
    wr.encrypt(user_password="open", owner_password="owner", algorithm="AES-256")
    buf = io.BytesIO()
    wr.write(buf)
    c.put("enc/在留カード_AES256.pdf", buf.getvalue(), ENC, "PDF needing a password (AES-256)", "pdf")
    docx_locked = h.office_encrypt(docx_bytes(["児童手当 認定請求書", f"請求者 {ps[0].name}"]), "pw")
    c.put("enc/申請書送付.eml", multipart_eml("申請書（パスワード付）", "a@example.jp", "b@example.jp", "添付をご確認ください。パスワードは別途。\n",
                                             "<p>添付をご確認ください。</p>", [("申請書.docx", docx_locked, "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]),
          ENC, "mail whose only attachment is a password-protected docx", "eml")


def build(c: Corpus2) -> None:
    for step in (insurance_docs, layout_docs, id_docs, minimal_pairs, container_docs, negatives_codes, negatives_public2, negatives_text2, debatable2, protected2):
        step(c)


def main() -> None:
    h.generate(__doc__.split("\n")[0], Corpus2, build, 11)


if __name__ == "__main__":
    main()
