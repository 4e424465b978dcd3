"""From evidence to a verdict, a score and an explanation a 従事者 can read."""

from __future__ import annotations

from tokki_desktop.scanner.detectors import STRONG_IDS, Evidence
from tokki_desktop.scanner.result import CLEAN, KIND_LABELS_EN, KIND_LABELS_JA, KINDS, PERSONAL_DATA

# Unlabelled 12-digit numbers are My Numbers only when nearly all pass the check digit:
# random ids pass it about 1 time in 11.
UNLABELLED_MY_NUMBER_MIN = 3
UNLABELLED_MY_NUMBER_SHARE = 0.8
# A table column naming at least this many people is a list of people (personal data by
# itself: a staff list, a class list), even with nothing else about them.
NAME_LIST_MIN = 3


def settle_unlabelled_my_numbers(ev: Evidence) -> None:
    """Count valid but unlabelled 12-digit numbers as My Numbers when they cannot be chance."""
    valid = ev.counts["my_number"] + ev.my_number_unlabelled
    if (ev.my_number_unlabelled >= UNLABELLED_MY_NUMBER_MIN and ev.twelve_digit_total
            and valid / ev.twelve_digit_total >= UNLABELLED_MY_NUMBER_SHARE):
        ev.counts["my_number"] += ev.my_number_unlabelled
        ev.rules["個人番号（検査数字が一致する12桁が大半）"] += ev.my_number_unlabelled
        if "my_number" not in ev.examples and "my_number?" in ev.examples:
            ev.examples["my_number"] = ev.examples["my_number?"]
        ev.my_number_unlabelled = 0


def judge(ev: Evidence, dataset: str | None, fp_detail: str = "") -> tuple[str, float, str, str]:
    """(verdict, score 0..1, reason in Japanese, reason in English)."""
    found = [k for k in KINDS if ev.counts.get(k)]
    summary_ja = "、".join(f"{KIND_LABELS_JA[k]}{ev.counts[k]}件" for k in found)
    summary_en = ", ".join(f"{KIND_LABELS_EN.get(k, k)} {ev.counts[k]}" for k in found)
    strong = [k for k in STRONG_IDS if ev.counts.get(k)]
    why_ja: list[str] = []
    why_en: list[str] = []
    if dataset:
        why_ja.append(f"登録済みデータ「{dataset}」と一致{fp_detail}")
        why_en.append(f"matches registered dataset '{dataset}'")
    if strong:
        why_ja.append("・".join(KIND_LABELS_JA[k] for k in strong) + "を検出")
        why_en.append("identifier numbers found: " + ", ".join(KIND_LABELS_EN.get(k, k) for k in strong))
    if ev.records:
        why_ja.append(f"個人単位の行（レコード）{ev.records}件")
        why_en.append(f"{ev.records} person records in tables")
    if ev.persons:
        why_ja.append(f"氏名と住所・連絡先等の組み合わせ{ev.persons}件")
        why_en.append(f"{ev.persons} names next to an address, contact or date of birth")
    if ev.resumes:
        why_ja.append("一人分の履歴書・個人の書式（氏名と経歴・連絡先等）")
        why_en.append("one person's résumé or personal form (a name with their history or particulars)")
    if not why_ja and ev.listed_names >= NAME_LIST_MIN:
        why_ja.append(f"氏名の一覧（表の氏名欄、または一行に一名）{ev.listed_names}名")
        why_en.append(f"a list of {ev.listed_names} people's names (a table's name column, or one a line)")
    if not why_ja and ev.listed_contacts >= NAME_LIST_MIN:
        why_ja.append(f"個人のメールアドレス・携帯電話番号の一覧{ev.listed_contacts}件")
        why_en.append(f"a list of {ev.listed_contacts} individuals' e-mail addresses or mobile numbers")
    if why_ja:
        score = 1.0 if dataset else min(1.0, 0.6 + 0.05 * len(found) + 0.01 * (ev.records + ev.persons + len(strong)))
        examples = " ".join(ev.examples[k] for k in found if k in ev.examples)
        ja = "個人情報あり: " + "、".join(why_ja) + (f"（{summary_ja}）" if summary_ja else "") + "。"
        if examples:
            ja += f" 例: {examples}"
        en = "Personal data: " + "; ".join(why_en) + (f" ({summary_en})." if summary_en else ".")
        return PERSONAL_DATA, score, ja, en
    score = min(0.45, 0.1 * len(found))
    if ev.organisation_rows and not ev.my_number_unlabelled:
        ja = (f"個人情報なしと判定: 施設・団体の名称と連絡先のみです（{ev.organisation_rows}行"
              + (f"、{summary_ja}" if summary_ja else "") + "）。個人の氏名や個人番号等はありません。")
        en = (f"No personal data: names and contacts of facilities and organisations only "
              f"({ev.organisation_rows} rows" + (f"; {summary_en}" if summary_en else "") + ").")
        return CLEAN, score, ja, en
    if found:
        rejected = ""
        if ev.my_number_unlabelled:
            rejected = f" 検査数字が一致する12桁{ev.my_number_unlabelled}件は、個人番号の見出しや記載がなく件数の割合も偶然の範囲のため数えていません。"
        ja = (f"個人情報なしと判定: {summary_ja}はありますが、個人を特定する組み合わせ（氏名＋住所・連絡先、"
              f"個人番号等）ではありません。{rejected}")
        en = f"No personal data: {summary_en} found, but not in combinations that identify a person."
        return CLEAN, score, ja, en
    ja = "個人情報は見つかりませんでした。"
    if ev.my_number_unlabelled:
        ja += f"（検査数字が一致する12桁{ev.my_number_unlabelled}件は文脈がないため個人番号とみなしていません）"
    return CLEAN, score, ja, "No personal data found."
