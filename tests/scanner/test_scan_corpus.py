"""File-level precision and recall on the generated corpus, per format and per detector."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from tokki_desktop.scanner import PERSONAL_DATA, scan_file


def evaluate(root: Path, labels: dict) -> dict:
    tp = fp = fn = tn = 0
    wrong: list[str] = []
    per_kind_missing: dict[str, list[str]] = defaultdict(list)
    for rel, lab in sorted(labels.items()):
        res = scan_file(root / rel)
        got = res.verdict == PERSONAL_DATA
        if got and lab["personal"]:
            tp += 1
        elif got:
            fp += 1
            wrong.append(f"FP {rel}: {res.findings}")
        elif lab["personal"]:
            fn += 1
            wrong.append(f"FN {rel}: {res.verdict} {res.findings}")
        else:
            tn += 1
        for kind in lab["kinds"]:
            if not res.findings.get(kind):
                per_kind_missing[kind].append(rel)
    return {"tp": tp, "fp": fp, "fn": fn, "tn": tn, "wrong": wrong, "missing": dict(per_kind_missing)}


def test_precision_and_recall_at_least_098(corpus: tuple[Path, dict]) -> None:
    root, labels = corpus
    r = evaluate(root, labels)
    precision = r["tp"] / (r["tp"] + r["fp"])
    recall = r["tp"] / (r["tp"] + r["fn"])
    assert precision >= 0.98 and recall >= 0.98, r["wrong"]
    # The corpus must really hold both classes in numbers, or the figures mean nothing.
    assert r["tp"] >= 60 and r["tn"] >= 20


def test_every_labelled_detector_fires(corpus: tuple[Path, dict]) -> None:
    root, labels = corpus
    assert evaluate(root, labels)["missing"] == {}


def test_every_format_and_encoding_is_covered(corpus: tuple[Path, dict]) -> None:
    root, labels = corpus
    formats = {scan_file(root / rel).format for rel in labels}
    assert {"xlsx", "xlsm", "xls", "docx", "doc", "pptx", "pdf", "csv", "tsv", "text", "zip", "eml"} <= formats
    names = " ".join(labels)
    for enc in ("utf-8", "utf-8-bom", "utf-16", "cp932", "euc_jp"):
        assert enc in names


def test_every_valid_labelled_my_number_found_and_no_invalid_one(corpus: tuple[Path, dict]) -> None:
    root, labels = corpus
    # 30 people, one labelled column of valid My Numbers (with and without spaces).
    assert scan_file(root / "pos/roster_mynumber.xlsx").findings["my_number"] == 30
    assert scan_file(root / "pos/roster_mynumber_cp932.csv").findings["my_number"] == 30
    full_width = scan_file(root / "pos/id_my_number.txt")
    assert full_width.findings.get("my_number") == 1
    # 20 labelled numbers that fail the check digit, invoices that fail it, random job ids.
    for rel in ("neg/mynumber_wrong_check.txt", "neg/invoices.xlsx", "neg/invoices.xls", "neg/jobs.log"):
        assert "my_number" not in scan_file(root / rel).findings, rel


def test_tables_count_one_record_per_person(corpus: tuple[Path, dict]) -> None:
    root, _ = corpus
    for rel in ("pos/roster_basic.xlsx", "pos/roster_basic.xls", "pos/roster_basic_utf-16.csv",
                "pos/roster_basic.docx"):
        assert scan_file(root / rel).records == 30, rel


def test_archive_carries_strongest_member_verdict(corpus: tuple[Path, dict]) -> None:
    root, _ = corpus
    res = scan_file(root / "pos/bundle.zip")
    assert res.verdict == PERSONAL_DATA
    paths = [m.path for m in res.walk()]
    assert any(p.endswith("bundle.zip!資料/名簿.xlsx") for p in paths)
    assert any(p.endswith("bundle.zip!nested.zip!内側/letter.txt") for p in paths)
    inner = next(m for m in res.walk() if m.path.endswith("!readme.txt"))
    assert inner.verdict == "clean"


def test_explanations_hold_only_masked_examples(corpus: tuple[Path, dict], corpus_module) -> None:
    root, _ = corpus
    res = scan_file(root / "pos/roster_mynumber.xlsx")
    assert res.examples and all("*" in e or "＊" in e for e in res.examples)
    assert "個人番号" in res.reason
    # No 12-digit run survives anywhere in what the scanner says.
    import re

    said = res.reason + res.reason_en + " ".join(res.examples)
    assert not re.search(r"\d{5}", said)


def test_large_tables_are_read_in_batches_with_the_same_result(corpus, tmp_path: Path, monkeypatch,
                                                              roster_rows) -> None:
    """CSV batches and sheet slices keep the header and give the counts of one pass."""
    import tokki_desktop.scanner.extract.office_xml as office_xml
    import tokki_desktop.scanner.extract.plain_text as plain_text

    root, _ = corpus
    whole = scan_file(root / "pos/roster_basic.xlsx")
    monkeypatch.setattr(office_xml, "_SHEET_SLICE", 500)  # bytes: many slices of whole rows
    sliced = scan_file(root / "pos/roster_basic.xlsx")
    assert (sliced.records, sliced.findings) == (whole.records, whole.findings) and whole.records == 30
    csv_path = tmp_path / "big.csv"
    body = roster_rows[1:] * 40  # 1000 rows
    csv_path.write_text("\n".join(",".join(r) for r in [roster_rows[0], *body]) + "\n", "cp932")
    one = scan_file(csv_path)
    monkeypatch.setattr(plain_text, "ROWS_PER_PART", 97)
    monkeypatch.setattr(plain_text, "CHUNK_BYTES", 4096)
    many = scan_file(csv_path)
    assert one.records == 1000 and (many.records, many.findings) == (one.records, one.findings)
