"""Round 4 of the rules for unseen shapes of tables: invented files in the shape of a kind,
never a copy of a corpus file (see docs/DETECTION.md, sections 8 and "Examples")."""

from __future__ import annotations

import io

import openpyxl
import pytest

from tokki_desktop.scanner import CLEAN, PERSONAL_DATA, scan_bytes


def _csv(rows: list[list[str]], bom: bool = False) -> bytes:
    return ("\ufeff" if bom else "").encode() + ("\n".join(",".join(r) for r in rows) + "\n").encode("utf-8")


def _xlsx(rows: list[list[str]]) -> bytes:
    wb = openpyxl.Workbook()
    for r in rows:
        wb.active.append(r)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


FACILITIES = [["中央公民館", "高松市番町1-1-1", "087-811-1111"], ["番町小学校", "高松市番町2-2-2", "087-811-2222"],
              ["東部集会所", "高松市東町1-1", "087-811-3333"], ["みどり保育園", "高松市西町4-4", "087-811-4444"]]


@pytest.mark.parametrize("home", ["佐藤健一宅", "高橋美咲様方", "田中次郎邸"])
def test_a_private_home_named_by_its_owner_among_shelters(home: str) -> None:
    rows = [["名称", "住所", "電話番号"]] + FACILITIES[:2] + [[home, "高松市番町3-3-3", ""]] + FACILITIES[2:]
    res = scan_bytes(_csv(rows), "hinanjo.csv")
    assert res.verdict == PERSONAL_DATA and res.records == 1
    assert home[1:] not in res.reason and home not in " ".join(res.examples)  # masked


def test_a_private_home_in_an_xlsx_with_english_headers() -> None:
    rows = [["Name", "Address", "Phone"]] + FACILITIES + [["村井正行宅", "浜田市旭町1-2", "0855-22-1111"]]
    assert scan_bytes(_xlsx(rows), "shelters.xlsx").verdict == PERSONAL_DATA


@pytest.mark.parametrize("person", ["新田佳代子", "峰村百合", "安井洋子"])
def test_a_childminder_written_without_a_space_among_nurseries(person: str) -> None:
    rows = [["施設名", "住所", "電話"]] + FACILITIES + [[person, "八王子市3-3", "042-111-3333"]]
    res = scan_bytes(_csv(rows), "hoiku.csv")
    assert res.verdict == PERSONAL_DATA and res.records == 1


def test_streets_clinics_and_shrines_without_a_space_stay_facilities() -> None:
    # The dictionary reads 上沢通 and 小田内科 as surname + a one-character given name.
    rows = [["名称", "住所", "電話"], ["上沢通", "神戸市兵庫区1", "078-111-1111"], ["小田内科", "神戸市2", "078-111-2222"],
            ["金刀比羅神社", "浜田市松原町586", "0855-22-0001"], ["八幡宮", "浜田市3", ""], ["市民病院", "神戸市4", "078-111-4444"],
            ["浜田浄苑", "浜田市5", ""], ["山田商店", "高松市6", "087-811-5555"]]
    res = scan_bytes(_csv(rows), "aed.csv")
    assert res.verdict == CLEAN and "施設・団体" in res.reason


@pytest.mark.parametrize("rows,bom", [
    ([["氏名", "点数"], ["山田太郎", "85"], ["佐藤花子", "92"]], False),
    ([["name", "score"], ["山田太郎", "85"], ["佐藤花子", "92"]], True),
    ([["名前", "成績"], ["高橋 美咲", "優"]], False),
])
def test_one_or_two_people_with_their_scores(rows: list[list[str]], bom: bool) -> None:
    assert scan_bytes(_csv(rows, bom), "test.csv").verdict == PERSONAL_DATA


@pytest.mark.parametrize("rows", [
    [["name", "score"], ["Widget Pro", "4.5"], ["Gadget Max", "3.9"]],   # products rated
    [["名前", "点数"], ["太郎", "85"], ["花子", "92"]],                   # given names alone
    [["名前", "点数"], ["山田", "85"], ["佐藤", "92"]],                   # surnames alone
    [["team", "score"], ["Tigers", "85"], ["Giants", "92"]],             # teams
    [["氏名", "点数"], ["", ""], ["", ""]],                               # a blank sheet
])
def test_scores_of_things_that_are_not_people_stay_clean(rows: list[list[str]]) -> None:
    assert scan_bytes(_csv(rows), "scores.csv").verdict == CLEAN


def test_town_names_split_with_a_one_character_part_stay_places() -> None:
    # Towns among facility names: the dictionary reads 西舞子 as 西 + 舞子.
    towns = ["西舞子", "南五葉", "本多聞", "明和通"]
    rows = [["名称", "所在地", "電話"]] + FACILITIES[:2] + [[t, f"神戸市垂水区{t}1-1", f"078-111-11{i}1"]
                                                      for i, t in enumerate(towns)] + FACILITIES[2:]
    assert scan_bytes(_csv(rows), "aed.csv").verdict == CLEAN


@pytest.mark.parametrize("first,head", [("施設", "町名"), ("設置場所", "地区名"), ("name", "town")])
def test_a_column_of_town_names_is_places_not_people(first: str, head: str) -> None:
    towns = ["西舞子", "南五葉", "本多聞", "明和通", "住吉本町", "上沢通"]
    rows = [[first, head, "電話"]] + [[f"AED設置所{i}", t, f"078-111-11{i}1"] for i, t in enumerate(towns)]
    assert scan_bytes(_csv(rows), "aed.csv").verdict == CLEAN
    # A list of people with their district stays a list of people.
    people = [["氏名", head, "電話"]] + [[n, t, f"090-1111-22{i}3"] for i, (n, t) in enumerate(
        zip(["山田 太郎", "佐藤 花子", "鈴木 一郎", "高橋 美咲"], towns))]
    assert scan_bytes(_csv(people), "jichikai.csv").verdict == PERSONAL_DATA
