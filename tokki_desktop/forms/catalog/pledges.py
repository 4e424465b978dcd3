"""誓約書 (Art. 2, 11): one per person, signed by hand; officer and handler wording."""

from __future__ import annotations

from tokki_desktop.forms.model import Field, FormSpec, Note, Signature, Source

_OPENING = (
    "私は、{profile.contractor_name}が{profile.client}から受託した「{profile.title}」に{role}として"
    "従事するに当たり、個人情報取扱特記事項を遵守し、次の事項を誓約します。"
)
_COMMON = (
    ("1　本業務に関して知り得た個人情報を他に漏らし、又は本業務以外の目的で持ち出し、若しくは使用しません。"
     "本業務に従事している間はもとより、従事しなくなった後及び退職した後においても同様とします。（第2条）"),
    ("2　委託者から引き渡された原票、資料等を許可なく複写又は複製せず、個人情報を定められた場所から持ち出しません。"
     "私用の機器や媒体で個人情報を取り扱いません。（第5条～第7条）"),
    "3　個人情報は施錠できる保管庫等で厳重に保管し、作業場所では身分証明書を常時携帯します。（第7条、第9条）",
)
_OFFICER = (
    "4　取扱責任者として、従事者に個人情報の保護に必要な事項を周知させ、その遵守状況を監督します。（第2条第2項）",
    ("5　個人情報の漏えい、紛失、毀損、改ざんその他の事故が発生し、又はそのおそれがあることを知ったときは、"
     "直ちに委託者に報告し、その指示に従います。（第19条）"),
    "6　上記に違反したときは、法令及び契約に基づく責任を負うことを承知しています。",
)
_HANDLER = (
    "4　取扱責任者の指示に従い、個人情報を適正に取り扱います。",
    ("5　個人情報の漏えい、紛失、毀損、改ざんその他の事故が発生し、又はそのおそれがあることを知ったときは、"
     "直ちに取扱責任者に報告します。（第19条）"),
    "6　上記に違反したときは、法令及び契約に基づく責任を負うことを承知しています。",
)
_SIGN = Signature((
    Field("所属", "record.affiliation", required=False),
    Field("区分", "record.role", required=False),
    Field("氏名（自署）", "", required=False),
))


def _pledge(form_id: str, role: str, role_code: str, clauses: tuple[str, ...], en: str) -> FormSpec:
    return FormSpec(
        id=form_id, title="誓約書", article="第2条・第11条", summary_en=en,
        source=Source(register="people", per_record=True, where=(("role", role_code),)),
        intro=_OPENING.replace("{role}", role),
        blocks=(*(Note(c) for c in _COMMON + clauses), _SIGN),
        contractor=False, doc_number=False, kiki=False, hand_date=True,
        menu_title=f"誓約書（{role}）",
    )


FORMS = (
    _pledge("pledge_officer", "取扱責任者", "officer", _OFFICER, "Pledge of the responsible officer (one per person)"),
    _pledge("pledge_handler", "従事者", "handler", _HANDLER, "Pledge of a handler (one per person)"),
)
