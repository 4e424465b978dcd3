"""Cases an independent holdout corpus (bench/make_holdout.py) found: letters to residents with
surnames outside our list, names given by role, self-introductions, and office numbers."""

from __future__ import annotations

from stdnum.jp import in_ as my_number

from tokki_desktop.scanner import CLEAN, PERSONAL_DATA, scan_bytes


def _scan(text: str):
    return scan_bytes(text.encode("utf-8"), "memo.txt")


def _valid_numbers(n: int) -> list[str]:
    out, i = [], 10_000_000_000
    while len(out) < n:
        body = str(i)[:11]
        out.append(body + my_number.calc_check_digit(body))
        i += 7_919_113
    return out


def test_a_letter_to_a_resident_with_an_unlisted_surname_is_personal_data() -> None:
    letter = ("〒２２３−２４４０\n神奈川県横浜市港北区綱島西四丁目十八番十二号　第二清風荘401\n\n"
              "比嘉　幸子　様\n\n令和8年4月4日\n　敬老祝金の支給について\n　生年月日　昭和14年3月3日\n")
    res = _scan(letter)
    assert res.verdict == PERSONAL_DATA and res.findings["name"] == 1
    assert "比嘉" not in res.reason + res.reason_en + " ".join(res.examples)
    # A surname written with ノ (一ノ瀬) and a given name in katakana.
    assert _scan(letter.replace("比嘉　幸子", "一ノ瀬　トメ")).verdict == PERSONAL_DATA


def test_a_role_before_the_honorific_is_not_a_name() -> None:
    for addressee in ("市民課　担当者　様", "会員　各位　様", "保護者　各位"):
        res = _scan(f"〒184-0004\n東京都小金井市本町2丁目3番4号\n\n{addressee}\n電話 042-387-9811\n")
        assert "name" not in res.findings, addressee


def test_a_name_after_a_role_label_with_a_colon() -> None:
    notes = "講師：宇佐美　愛（外部）\n携帯 090-4412-7785\n自宅 神奈川県横浜市青葉区美しが丘2丁目14番3号\n"
    res = _scan(notes)
    assert res.verdict == PERSONAL_DATA and res.findings["name"] == 1
    # Without a colon the role word starts ordinary prose, not a name.
    prose = "保護者の方は、090-4412-7785 までご連絡ください。利用者負担は神奈川県横浜市青葉区美しが丘2丁目14番3号で。"
    assert "name" not in _scan(prose).findings


def test_self_introduction_and_signature_in_an_email() -> None:
    mail = ("ごみ収集担当課 御中\n\n福岡市博多区博多駅前5丁目に住んでおります池田　隆之と申します。\n"
            "こちらのメールか 090-6448-7168 までご連絡ください。\n\n池田　隆之\n")
    res = _scan(mail)
    assert res.verdict == PERSONAL_DATA and res.findings["name"] == 2


def test_minutes_with_officials_and_the_switchboard_are_clean() -> None:
    minutes = ("令和8年度 第1回 桜台市地域福祉推進協議会 会議録\n"
               "３　出席者　会長　菅原　太郎（桜台大学教授）、副会長　村上　幸子（市社会福祉協議会）\n"
               "　　事務局　福祉部長　田中　清、福祉政策課長　熊谷　ハル\n"
               "問い合わせ先　桜台市福祉部福祉政策課　電話 0263-34-3000（代表）内線2145\n")
    res = _scan(minutes)
    assert res.verdict == CLEAN and "phone" not in res.findings


def test_twelve_digit_numbers_labelled_as_another_number_are_not_my_numbers() -> None:
    lines = "".join(f"2026-04-{i % 28 + 1:02d} 個人番号連携バッチ 処理番号={n} 正常終了\n"
                    for i, n in enumerate(_valid_numbers(30)))
    res = _scan(lines)
    assert res.verdict == CLEAN and "my_number" not in res.findings
    # The same numbers right after 個人番号 are My Numbers.
    labelled = "".join(f"個人番号：{n}\n" for n in _valid_numbers(5))
    assert _scan(labelled).findings.get("my_number") == 5


def test_a_roster_kept_as_lines_of_text_counts_one_record_per_person() -> None:
    people = [("佐藤 健", "090-1111-2222"), ("鈴木 花子", "080-3333-4444"), ("高橋 誠", "070-5555-6666"),
              ("田中 陽子", "090-7777-8888")]
    roster = "参加者名簿\n" + "".join(f"{i + 1}  {n}  {p}  東京都小金井市本町{i + 1}丁目1番1号\n"
                                     for i, (n, p) in enumerate(people))
    assert _scan(roster).records == 4
    letter = "〒184-0004\n東京都小金井市本町2丁目3番4号\n\n佐藤 健 様\n電話 090-1111-2222\n"
    res = _scan(letter)
    assert res.verdict == PERSONAL_DATA and res.records == 0


def test_a_name_with_its_title_of_office_beside_the_office_contact_is_clean() -> None:
    notice = ("診療時間変更のお知らせ\n4月より土曜日の午後は休診といたします。\n\n院長　高橋　誠\n"
              "〒184-0004 東京都小金井市本町2丁目3番4号 さくら内科クリニック\n電話 042-387-9811　FAX 042-387-9812\n")
    assert _scan(notice).verdict == CLEAN
    # The same lines about a resident (no title) are personal data.
    assert _scan(notice.replace("院長　", "")).verdict == PERSONAL_DATA


def test_health_insurance_card_numbers() -> None:
    card = "国民健康保険被保険者証（写）\n記号　練93　番号　763204\n氏名　土屋　陽子\n"
    res = _scan(card)
    assert res.verdict == PERSONAL_DATA and res.findings["health_insurance"] == 1
    spaced = "介護保険被保険者証\n被保険者　番号　0012345678\n氏名　土屋　陽子\n"
    assert _scan(spaced).findings.get("health_insurance") == 1
    # 記号 and 番号 without any insurance word are a catalogue's, not a card's.
    assert "health_insurance" not in _scan("部品表\n記号 A12 番号 4471\n記号 B07 番号 4472\n").findings


def test_twelve_non_ascii_decimal_digits_are_no_number_and_no_error() -> None:
    res = _scan("個人番号 " + "\u0663" * 12 + " です\n")  # Arabic-Indic digit three, twelve times
    assert res.verdict == CLEAN and "my_number" not in res.findings


def test_names_with_their_reading_and_hiragana_given_names() -> None:
    listing = ("見学会　参加者（3名）\n\n"
               "1. 薬師寺　さくら（ヤクシジ　サクラ）　080-9682-9761　福岡市博多区住吉4-14-19\n"
               "2. 四月一日　勝（ワタヌキ　マサル）　090-8621-8171　福岡市博多区千代3-2-9\n"
               "3. 東海林　由美（ショウジ　ユミ）　090-5213-1781　広島市中区紙屋町5-13-17\n")
    res = _scan(listing)
    assert res.verdict == PERSONAL_DATA and res.findings["name"] == 3 and res.records == 3
    letter = "〒730-4180\n広島県広島市中区白島北町2丁目24番16号\n\n比嘉　さくら　様\n\n水道料金のお支払いについて\n"
    assert _scan(letter).verdict == PERSONAL_DATA
    # A product with its reading may look like a name, but alone it makes no personal data.
    assert _scan("新商品　特選（トクセン　ブレンド）のご案内\n電話 03-3581-0011（代表）\n").verdict == CLEAN


def test_dates_of_an_old_era_beside_names_in_a_table_are_birth_dates() -> None:
    rows = ["中村 太郎,昭和56年9月25日", "比嘉 結衣,昭和61年10月9日", "宇佐美 ハル,S6.1.18", "東海林 勝,昭和34年2月23日"]
    res = scan_bytes(("\n".join(rows) + "\n").encode("utf-8"), "list.csv")
    assert res.verdict == PERSONAL_DATA and res.findings["birth_date"] == 4
    # 昭和65年 never was (the era ended on its 64th year, 7 January); a city's history has no names.
    history = "昭和30年4月1日,市制施行\n昭和45年11月3日,市民会館開館\n昭和65年1月1日,（誤記）\n"
    assert scan_bytes(history.encode("utf-8"), "history.csv").verdict == CLEAN
