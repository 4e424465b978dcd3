"""From bytes to (format, parts): the one place that knows which extractor reads what."""

from __future__ import annotations

import zipfile

from tokki_desktop.scanner.extract import Encrypted, MemberPart, Parts, ScanContext, Skipped, Unreadable
from tokki_desktop.scanner.extract import (
    archive, code_records, html_tables, json_records, latex, ldif, legacy_office, mail, office_xml, ole_package, pdf,
    plain_text, ppt, protection, sql_dump, sqlite_db, vcard, xlsb, yaml_records, zengin,
)
from tokki_desktop.scanner.extract.zipparts import open_zip
from tokki_desktop.scanner.sniff import ooxml_kind, sniff


def _with_embedded(parts: Parts, zf: zipfile.ZipFile, ctx: ScanContext) -> Parts:
    yield from parts
    yield from office_xml.embedded_files(zf, ctx)


def open_parts(data: bytes, name: str, ctx: ScanContext) -> tuple[str, Parts]:
    """The format (by content) and a lazy stream of parts; raises ScanProblem subclasses."""
    kind = sniff(data[:8192], name)
    if kind == "zip":
        zf = open_zip(data)
        if "xl/workbook.bin" in zf.namelist():
            return "xlsb", xlsb.extract_xlsb(data, ctx)
        fmt = ooxml_kind(zf)
        if fmt == "xlsx":
            ext = name.rsplit(".", 1)[-1].lower()
            return ("xlsm" if ext == "xlsm" else "xlsx"), _with_embedded(office_xml.extract_xlsx(zf, ctx), zf, ctx)
        if fmt == "docx":
            return "docx", _with_embedded(office_xml.extract_docx(zf, ctx), zf, ctx)
        if fmt == "pptx":
            return "pptx", _with_embedded(office_xml.extract_pptx(zf, ctx), zf, ctx)
        return "zip", archive.extract_zip(zf, ctx)
    if kind == "ole":
        ole = legacy_office.open_ole(data)
        okind = legacy_office.ole_kind(ole)
        if okind == "ooxml-encrypted":
            raise Encrypted("パスワードで保護されたOfficeファイルです（中身は確認できません）。",
                            "Password-protected Office file (contents cannot be checked).")
        if okind == "xls":
            return "xls", protection.checked_legacy_office(data, "xls", legacy_office.extract_xls(data, ole, ctx))
        if okind == "doc":
            return "doc", protection.checked_legacy_office(data, "doc", legacy_office.extract_doc(ole, ctx))
        if okind == "ppt":
            return "ppt", protection.checked_legacy_office(data, "ppt", ppt.extract_ppt(ole, ctx))
        if ole.exists(ole_package.STREAM):
            return "ole", ole_package.extract_package(ole)
        if ole.exists("Package"):
            # An Office file embedded as an OLE object keeps the file itself in "Package".
            data_ = ole.openstream("Package").read()
            return "ole", iter([MemberPart("Package", data_, size=len(data_))])
        raise Unreadable("種類の分からないOffice（旧形式）ファイルです。", "Unknown OLE compound file.")
    if kind == "pdf":
        return "pdf", protection.checked_pdf(data, pdf.extract_pdf(data, ctx))
    if kind == "eml":
        return "eml", mail.extract_eml(data, ctx)
    if kind == "binary:sqlite":
        return "sqlite", sqlite_db.extract_sqlite(data, ctx)
    if kind.startswith("binary:"):
        raise Skipped(f"文字を含まない形式（{kind[7:]}）のため検査対象外です（画像の文字認識は行いません）。",
                      f"A format without text ({kind[7:]}); not scanned (no OCR).")
    if kind in ("csv", "tsv"):
        return kind, plain_text.extract_delimited(data, ctx, "\t" if kind == "tsv" else ",")
    if kind == "html":
        return "html", html_tables.extract_html(data, ctx)
    if kind == "json":
        return "json", json_records.extract_json(data, ctx)
    if kind == "sql":
        return "sql", sql_dump.extract_sql(data, ctx)
    if zengin.looks_like_zengin(data):
        return "zengin", zengin.extract_zengin(data, ctx)
    if name.lower().endswith((".tex", ".ltx")):
        return "tex", latex.extract_latex(data, ctx)
    if name.lower().endswith(".ldif"):
        return "ldif", ldif.extract_ldif(data, ctx)
    if name.lower().endswith((".vcf", ".vcard")) or vcard.looks_like_vcard(data):
        return "vcard", vcard.extract_vcard(data, ctx)
    if name.lower().endswith((".yaml", ".yml", ".toml")):
        toml = name.lower().endswith(".toml")
        return ("toml" if toml else "yaml"), yaml_records.extract_yaml(data, ctx, toml)
    return "text", code_records.extract_text_or_records(data, ctx, name)
