"""Scanning one file: read, extract, detect, judge. Never raises for a bad file."""

from __future__ import annotations

import hashlib
import logging
import os
import re
import time
from typing import Iterable

from tokki_desktop.scanner.columns import plan_headerless, scan_columns, scan_table
from tokki_desktop.scanner.detectors import Evidence, detect
from tokki_desktop.scanner.extract import (
    ColumnTablePart, MemberPart, Part, ScanContext, ScanProblem, TablePart, TextPart, Unreadable,
)
from tokki_desktop.scanner.extract.formats import open_parts
from tokki_desktop.scanner.fingerprints import FingerprintMatcher, FingerprintStore, MatchTally, line_rows
from tokki_desktop.scanner.labels import addressees
from tokki_desktop.scanner.normalize import normalize_text
from tokki_desktop.scanner.resume import HEAD_CHARS, resume_owner, titled_as_resume
from tokki_desktop.scanner.result import (
    CLEAN, ENCRYPTED, PERSONAL_DATA, SKIPPED, UNREADABLE, VERDICT_RANK, REPRESENTATIVES_ALL, ScanLimits, ScanResult,
)
from tokki_desktop.scanner.tables import is_form_layout, rows_as_text
from tokki_desktop.scanner.text_lists import names_one_a_line
from tokki_desktop.scanner.verdict import judge, settle_unlabelled_my_numbers

log = logging.getLogger(__name__)
_NEWLINE = re.compile("\n")
_OUT_OF_MEMORY = Unreadable("メモリの上限を超えるため読み切れませんでした。", "Ran out of memory (over the limit) while reading.")

# Table rows are detected in slices so one huge sheet never becomes one huge string.
_ROWS_PER_SLICE = 5_000
_TEXT_SLICE = 4 * 1024 * 1024
# The rows of a table without a header read for a résumé's fields (a form fits on a page).
_HEAD_ROWS = 80
# What a Japanese or English document's characters are: ASCII, Latin-1, general punctuation,
# CJK symbols, kana, kanji, full-width forms, and white space. A text layer mostly outside
# them is a font without a character map (■■■, or letters of unrelated scripts). Counted by
# what is outside them (few characters: a short list) rather than by what is inside.
_UNUSUAL = re.compile(r"[^\s\x20-\x7e\xa0-\xff\u2010-\u206f\u2190-\u21ff\u2460-\u24ff\u3000-\u30ff"
                      r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
GARBLED_SHARE = 0.3


def _as_matcher(fingerprints: FingerprintMatcher | FingerprintStore | None) -> FingerprintMatcher | None:
    if fingerprints is None:
        return None
    m = fingerprints if isinstance(fingerprints, FingerprintMatcher) else fingerprints.matcher()
    return m if m else None


def scan_file(path: str | os.PathLike[str], *, fingerprints: FingerprintMatcher | FingerprintStore | None = None,
              limits: ScanLimits | None = None) -> ScanResult:
    """The verdict on one file. Thread-safe; a missing, damaged or hostile file is a verdict."""
    t0 = time.perf_counter()
    limits = limits or ScanLimits()
    shown = str(path)
    try:
        st = os.stat(path)
        size = st.st_size
        if not os.path.isfile(path):
            return _problem_result(shown, "", 0, t0, ScanProblem(
                "通常のファイルではありません。", "Not a regular file."), SKIPPED)
        if size > limits.max_file_bytes:
            mb = limits.max_file_bytes // (1024 * 1024)
            return _problem_result(shown, "", size, t0, Unreadable(
                f"ファイルが大きすぎるため検査していません（上限{mb}MB）。",
                f"File is larger than the limit ({mb} MB); not scanned."))
        with open(path, "rb") as fh:
            # read(n) reserves n bytes at once: ask for the size seen, plus one byte to
            # notice a file that grew past the cap since stat().
            data = fh.read(min(size, limits.max_file_bytes) + 1)
        if len(data) > limits.max_file_bytes:
            mb = limits.max_file_bytes // (1024 * 1024)
            return _problem_result(shown, "", len(data), t0, Unreadable(
                f"ファイルが大きすぎるため検査していません（上限{mb}MB）。",
                f"File is larger than the limit ({mb} MB); not scanned."))
    except OSError as exc:
        return _problem_result(shown, "", 0, t0, Unreadable(
            "ファイルを開けません（権限がないか、使用中です）。",
            f"The file cannot be opened ({type(exc).__name__})."))
    except MemoryError:
        return _problem_result(shown, "", 0, t0, _OUT_OF_MEMORY)
    return scan_bytes(data, shown, matcher=_as_matcher(fingerprints), limits=limits, started=t0)


def scan_bytes(data: bytes, shown: str, *, matcher: FingerprintMatcher | None = None,
               limits: ScanLimits | None = None, ctx: ScanContext | None = None,
               started: float | None = None) -> ScanResult:
    """The verdict on bytes named ``shown`` (a path, or ``archive.zip!member``)."""
    t0 = started if started is not None else time.perf_counter()
    ctx = ctx or ScanContext.start(limits or ScanLimits())
    sha = hashlib.sha256(data).hexdigest()
    name = shown.rsplit("!", 1)[-1]
    fmt = ""
    try:
        if not data:
            return ScanResult(shown, CLEAN, format="empty", sha256=sha, ms=_ms(t0),
                              reason="空のファイルです。", reason_en="Empty file.")
        fmt, parts = open_parts(data, name, ctx)
        dataset = matcher.file_match(sha) if matcher else None
        return _analyse(shown, fmt, data, sha, parts, matcher, dataset, ctx, t0)
    except ScanProblem as problem:
        return _problem_result(shown, fmt, len(data), t0, problem, sha=sha)
    except MemoryError:
        return _problem_result(shown, fmt, len(data), t0, _OUT_OF_MEMORY, sha=sha)
    except RecursionError:
        return _problem_result(shown, fmt, len(data), t0, Unreadable(
            "構造の入れ子が深すぎて読めません。", "Structure nested too deeply."), sha=sha)
    except Exception as exc:  # a bug of ours or of a library: never a clean verdict, never a crash
        log.warning("scanner bug while reading a %s file: %s", fmt or "?", type(exc).__name__)
        return _problem_result(shown, fmt, len(data), t0, Unreadable(
            "読み取り中に想定外のエラーが起きました（ファイルの破損か、本ソフトの不具合）。",
            f"Unexpected error while reading ({type(exc).__name__})."), sha=sha)


def _ms(t0: float) -> float:
    return (time.perf_counter() - t0) * 1000.0


def _problem_result(shown: str, fmt: str, size: int, t0: float, problem: ScanProblem,
                    verdict: str | None = None, sha: str = "") -> ScanResult:
    return ScanResult(shown, verdict or problem.verdict, format=fmt, bytes=size, ms=_ms(t0),
                      reason=problem.ja, reason_en=problem.en, sha256=sha)


def _analyse(shown: str, fmt: str, data: bytes, sha: str, parts: Iterable[Part], matcher: FingerprintMatcher | None,
             dataset: str | None, ctx: ScanContext, t0: float) -> ScanResult:
    ev = Evidence(all_representatives=ctx.limits.representatives == REPRESENTATIVES_ALL)
    tally: MatchTally | None = matcher.tally() if matcher else None
    members: list[ScanResult] = []
    text_chars = 0
    garbled = 0  # characters of a PDF's text layer outside every script a Japanese document uses
    squares = 0  # of them, ■: what a PDF maker draws for a character its font lacks
    any_text = False
    head: list[str] = []  # the document's first text, where a résumé's fields are
    head_chars = 0
    for part in parts:
        if isinstance(part, MemberPart):
            members.append(_member(shown, part, matcher, ctx))
            continue
        if isinstance(part, TextPart):
            any_text = any_text or bool(part.text.strip())
            text_chars += len(part.text)
            if fmt == "pdf":
                garbled += len(_UNUSUAL.findall(part.text))
                squares += part.text.count("\u25a0")
            for piece in _slices(part.text):
                ctx.check_time()
                piece = normalize_text(piece)
                detect(piece, ev)
                if head_chars < HEAD_CHARS:
                    head.append(piece[:HEAD_CHARS - head_chars])
                    head_chars += len(head[-1])
            if tally:
                tally.add_rows(line_rows(part.text))
        elif isinstance(part, TablePart):
            columns = part.columns if isinstance(part, ColumnTablePart) else None
            n = part.row_count if isinstance(part, ColumnTablePart) else len(part.rows)
            any_text = any_text or bool(n)
            if not part.header and head_chars < HEAD_CHARS and not is_form_layout(part.rows):
                # A résumé laid out over a sheet's cells, wider than label | value: its first
                # rows join the texts a résumé is looked for in.
                head.append(normalize_text(rows_as_text(part.rows[:_HEAD_ROWS], None))[:HEAD_CHARS - head_chars])
                head_chars += len(head[-1])
            if part.header:
                # The header names the columns: each column is checked as what it claims to be.
                for i in range(0, n, _ROWS_PER_SLICE * 4):
                    ctx.check_time()
                    if columns is not None:
                        piece = [c[i:i + _ROWS_PER_SLICE * 4] for c in columns]
                        text_chars += scan_columns(piece, len(piece[0]), part.header, ev)
                    else:
                        text_chars += scan_table(part.rows[i:i + _ROWS_PER_SLICE * 4], part.header, ev)
            elif is_form_layout(part.rows):
                # One person over several "label | value" rows (a résumé): read as one text.
                ctx.check_time()
                text = normalize_text(rows_as_text(part.rows, None))
                text_chars += len(text)
                detect(text, ev)
                if head_chars < HEAD_CHARS:
                    head.append(text[:HEAD_CHARS - head_chars])
                    head_chars += len(head[-1])
            elif plan_headerless(part.rows) is not None:
                # No header, but the values say what the columns hold (姓 and 名, organisations,
                # postal codes): read column by column as under a header.
                for i in range(0, n, _ROWS_PER_SLICE * 4):
                    ctx.check_time()
                    text_chars += scan_table(part.rows[i:i + _ROWS_PER_SLICE * 4], None, ev)
            else:
                # No header: every detector over the rows, one line per row (records by line).
                for i in range(0, len(part.rows), _ROWS_PER_SLICE):
                    ctx.check_time()
                    text = normalize_text(rows_as_text(part.rows[i:i + _ROWS_PER_SLICE], None))
                    text_chars += len(text)
                    starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]
                    detect(text, ev, line_starts=starts)
            if tally:
                tally.add_rows(part.rows)
        if text_chars > ctx.limits.max_text_chars:
            raise Unreadable("文字量が上限を超えたため、最後まで検査できませんでした。",
                             "Too much text to scan completely.")
    _judge_documents(head, ev)
    settle_unlabelled_my_numbers(ev)
    fp_detail = ""
    if dataset is None and tally:
        best = tally.best()
        if best:
            dataset = best[0]
            fp_detail = f"（値{best[1]}件・レコード{best[2]}件）"
    elif dataset:
        fp_detail = "（ファイル全体が同一）"
    verdict, score, reason, reason_en = judge(ev, dataset, fp_detail)
    res = ScanResult(shown, verdict, score, {k: v for k, v in ev.counts.items() if v}, [], fmt, len(data),
                     0.0, reason, reason_en, dataset, sha, members, ev.records)
    res.examples = [v for k, v in ev.examples.items() if k in res.findings]
    garbled_pdf = fmt == "pdf" and any_text and verdict == CLEAN and garbled > GARBLED_SHARE * text_chars
    # ■ drawn in place of characters the font lacked (ReportLab with a font that has no Japanese
    # draws ZapfDingbats "n"): the characters were never written, anyone opening the file sees ■.
    drawn = (fmt == "pdf" and verdict == CLEAN and squares >= max(_MIN_SQUARES, _SQUARE_SHARE * text_chars)
             and garbled - squares <= _OTHER_GARBLED * garbled and _drawn_as_squares(data))
    found = any(ev.counts.values())
    if drawn and not found:
        res.reason = ("個人情報なしと判定: 一部の文字がフォントにない文字の代わりの■で印字されており、"
                      "元の文字はファイルに含まれていません。読める部分に個人情報はありません。")
        res.reason_en = ("No personal data: some characters are printed as ■ (drawn in place of characters the "
                         "font lacks; the characters themselves are not in the file), and the readable text has none.")
    elif drawn and found:
        # A person's particulars beside the ■ (a résumé whose name was lost): never clean.
        res.verdict = UNREADABLE
        res.reason = ("一部の文字が■で印字されていて読めず、読める部分に個人の項目があります。"
                      "目視で確認してください。")
        res.reason_en = ("Some characters are printed as ■ and cannot be read, and the readable text holds a "
                         "person's particulars; check it by eye.")
    elif garbled_pdf:
        res.verdict = UNREADABLE
        res.reason = ("PDFの文字情報が正しく取り出せません（フォントに文字の対応表がありません）。"
                      "目視で確認してください。")
        res.reason_en = "The PDF's text layer does not decode to readable characters (fonts without a character map); check it by eye."
    elif fmt == "pdf" and not any_text and verdict == CLEAN:
        res.verdict = UNREADABLE
        res.reason = "文字情報のないPDFです（スキャン画像の可能性）。文字認識は行わないため、目視で確認してください。"
        res.reason_en = "The PDF has no text layer (a scanned image?); no OCR is done, check it by eye."
    if members:
        _fold_members(res)
    res.ms = _ms(t0)
    return res


# Garbled characters other than ■ allowed in a PDF whose ■ stand for characters never written.
_OTHER_GARBLED = 0.02
# ■ standing for lost characters, not bullets: at least this many, and this share of the text
# (a bullet a line is about 2 % of a page's characters).
_MIN_SQUARES = 4
_SQUARE_SHARE = 0.05


def _drawn_as_squares(data: bytes) -> bool:
    """True when the PDF's pages use the ZapfDingbats symbol font, whose "n" is the ■ a PDF
    maker draws for a character its font lacks (the text layer then decodes: to ■). Read only
    for a PDF whose text is mostly ■, so the second opening costs nothing elsewhere."""
    import io

    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        for page in reader.pages[:50]:
            resources = page.get("/Resources")
            fonts = resources.get_object().get("/Font") if resources is not None else None
            for ref in (fonts.get_object().values() if fonts is not None else ()):
                if "ZapfDingbats" in str(ref.get_object().get("/BaseFont", "")):
                    return True
    except Exception:  # noqa: BLE001 - a PDF pypdf cannot walk is judged as before (unreadable)
        return False
    return False


def _judge_documents(head: list[str], ev: Evidence) -> None:
    """What the layout of the file's first text says: one person's résumé or personal form
    (scanner.resume), addressees written in parts on labels and postcards (scanner.labels),
    a list of whole names one a line (scanner.text_lists)."""
    if not head:
        return
    text = "\n".join(head)
    owner = resume_owner(text)
    if owner is not None:
        ev.resumes += 1
        ev.add("name", owner, "氏名（履歴書・個人の書式）")
    elif ev.organisation_rows and titled_as_resume(text):
        # A résumé form's career table lists companies: they are one person's history (or a
        # template's), never a list of facilities, whatever its rows look like.
        ev.organisation_rows = 0
    for name in addressees(text):
        ev.add("name", name, "氏名（宛名の行・敬称）")
        ev.persons += 1
    listed = names_one_a_line(text)
    if listed > ev.listed_names:
        ev.listed_names = listed


def _slices(text: str) -> list[str]:
    """Text in slices of about _TEXT_SLICE characters, cut after a newline when there is one."""
    if len(text) <= _TEXT_SLICE:
        return [text]
    out = []
    i = 0
    while i < len(text):
        j = min(len(text), i + _TEXT_SLICE)
        if j < len(text):
            nl = text.rfind("\n", i + _TEXT_SLICE // 2, j)
            j = nl + 1 if nl >= 0 else j
        out.append(text[i:j])
        i = j
    return out


def _member(parent: str, part: MemberPart, matcher: FingerprintMatcher | None, ctx: ScanContext) -> ScanResult:
    shown = f"{parent}!{part.name}"
    if part.problem is not None or part.data is None:
        problem = part.problem or Unreadable("中身を取り出せません。", "Member cannot be extracted.")
        return ScanResult(shown, problem.verdict, bytes=part.size, reason=problem.ja, reason_en=problem.en)
    return scan_bytes(part.data, shown, matcher=matcher, ctx=ctx.nested())


def _fold_members(res: ScanResult) -> None:
    """An archive carries the strongest verdict of its members (and their counts)."""
    strongest = max(res.members, key=lambda m: VERDICT_RANK[m.verdict])
    counts: dict[str, int] = dict(res.findings)
    for m in res.members:
        for k, v in m.findings.items():
            counts[k] = counts.get(k, 0) + v
        res.records += m.records
    res.findings = counts
    if VERDICT_RANK[strongest.verdict] > VERDICT_RANK[res.verdict]:
        res.verdict = strongest.verdict
        res.score = max(res.score, strongest.score)
        res.dataset = res.dataset or strongest.dataset
        n = sum(1 for m in res.members if m.verdict == strongest.verdict)
        label = {PERSONAL_DATA: "個人情報あり", ENCRYPTED: "暗号化", UNREADABLE: "読めない", SKIPPED: "対象外"}[strongest.verdict]
        res.reason = f"中のファイル{len(res.members)}件のうち{n}件が「{label}」です。最も重い判定: {strongest.reason}"
        res.reason_en = f"{n} of {len(res.members)} members are {strongest.verdict.replace('_', ' ')}. {strongest.reason_en}"
        res.examples = res.examples or list(strongest.examples)
