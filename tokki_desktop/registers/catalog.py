"""Every register of the ledger, declared as data (see :mod:`tokki_desktop.registers.spec`).

Field names are the column names (migration ``m0002_registers`` creates them); labels are the
words the city's forms use. Choice codes are stored; labels are what people see and type.
"""

from __future__ import annotations

from tokki_desktop.registers.spec import (
    Choice,
    FieldSpec,
    OrderCheck,
    RegisterSpec,
    contract_ref,
)

F = FieldSpec
C = Choice


def doc_no() -> FieldSpec:
    """文書番号: the number the contractor gives the document it submits from this record.

    Only registers whose records become documents handed to the client carry it; the forms
    print it above the date (a blank 「第　　号」 to write by hand while it is empty).
    """
    return F("doc_no", "文書番号", "Document number", max_length=100,
             hint_ja="委託者へ提出する文書の番号（例: と業第12号）。様式の右上に印字されます",
             hint_en="number of the document submitted to the client; printed at the top of the form")

ROLES = (C("officer", "取扱責任者", "responsible officer"), C("handler", "従事者", "handler"))
EMPLOYMENT = (
    C("regular", "正社員", "regular"),
    C("dispatched", "派遣", "dispatched"),
    C("contract", "契約", "fixed-term contract"),
    C("other", "その他", "other"),
)
MEDIA_TYPES = (
    C("usb", "USBメモリ", "USB stick"),
    C("hdd", "外付けHDD", "external HDD"),
    C("ssd", "外付けSSD", "external SSD"),
    C("sd", "SDカード", "SD card"),
    C("optical", "光ディスク", "optical disc"),
    C("pc", "パソコン", "computer"),
    C("server", "サーバ", "server"),
    C("other", "その他", "other"),
)
#: Media that leave the desk easily; the encryption check (Art. 6(1)) looks at these.
REMOVABLE_MEDIA = frozenset({"usb", "hdd", "ssd", "sd", "optical"})
APPROVAL_TYPES = (
    C("copy", "複写・複製", "copy"),
    C("takeout", "持出し", "take-out"),
    C("transmission", "電磁的送信", "electronic transmission"),
    C("media_use", "電磁記録媒体の使用", "media use"),
    C("software", "ソフトウェアの導入", "software"),
)
APPROVAL_STATUS = (
    C("requested", "申請中", "requested"),
    C("approved", "承認", "approved"),
    C("refused", "不承認", "refused"),
)
ACTIVITIES = (
    C("takeout", "持出し", "take-out"),
    C("transport", "移送", "transport"),
    C("copy", "複写・複製", "copy"),
    C("transmission", "電磁的送信", "electronic transmission"),
)
#: Which approval type covers which activity (a transport is a take-out to a designated place).
APPROVAL_FOR_ACTIVITY = {"takeout": "takeout", "transport": "takeout", "copy": "copy",
                         "transmission": "transmission"}
HANDLING = (
    C("in_use", "利用中", "in use"),
    C("stored", "保管中", "stored"),
    C("returned", "返還済", "returned"),
    C("disposed", "廃棄済", "disposed"),
)
DIRECTIONS = (C("receive", "受領", "received from the client"), C("return", "返還", "returned to the client"))
DISPOSAL_ACTIONS = (C("return", "返還", "return"), C("dispose", "廃棄", "disposal"), C("erase", "消去", "erasure"))
RESULTS = (C("ok", "異常なし", "no issue"), C("issue", "要対応", "needs action"))
CHANGE_KINDS = (
    C("add", "追加", "addition"),
    C("remove", "削除", "removal"),
    C("change", "変更", "change"),
)

CONTRACTS = RegisterSpec(
    kind="contracts", table="contracts", label_ja="契約", label_en="Contracts", article=1,
    contract_scoped=False, add_requires_officer=True, title_field="title",
    description_ja="委託契約の情報（委託者、受託者、期間、目的、点検の間隔）",
    description_en="the outsourcing contract: client, contractor, period, purpose, check intervals",
    fields=(
        F("title", "契約件名", "Contract title", required=True, max_length=300),
        F("client", "委託者", "Client", required=True, default="小金井市", max_length=200),
        F("client_head", "委託者の長", "Client's head (addressee)", required=True, default="小金井市長",
          max_length=200, hint_ja="様式の宛名（例: 小金井市長）", hint_en="addressee on forms"),
        F("client_department", "担当課", "Client department", max_length=200),
        F("period_start", "契約期間（開始）", "Period start", "date", required=True),
        F("period_end", "契約期間（終了）", "Period end", "date", required=True),
        F("purpose", "業務の目的", "Purpose of the work", "longtext", required=True),
        F("purpose_items", "業務に必要な個人情報の項目", "Personal data items the purpose needs",
          hint_ja="読点・カンマ区切り（例: 氏名、住所、生年月日）", hint_en="comma separated"),
        F("contractor_address", "受託者 所在地", "Contractor address", required=True, max_length=300),
        F("contractor_name", "受託者 商号又は名称", "Contractor name", required=True, max_length=200),
        F("contractor_representative", "受託者 代表者職氏名", "Contractor representative", required=True,
          max_length=200),
        F("contractor_contact_person", "受託者 担当者", "Contractor contact person", max_length=200),
        F("contractor_contact", "受託者 連絡先", "Contractor contact (phone, mail)", max_length=200),
        F("media_inspection_days", "媒体点検の間隔（日）", "Media inspection interval (days)", "int",
          default=90, minimum=1),
        F("training_interval_days", "研修の間隔（日）", "Training interval (days)", "int",
          default=365, minimum=1),
        F("complaint_report_hours", "苦情報告の期限（時間）", "Complaint report deadline (hours)", "int",
          default=24, minimum=1),
        F("incident_first_report_hours", "事故速報の期限（発覚から時間）",
          "Incident first report deadline (hours after discovery)", "int", default=24, minimum=1),
        F("incident_final_report_days", "事故確報の期限（発覚から日）",
          "Incident final report deadline (days after discovery)", "int", default=30, minimum=1),
        F("disposal_report_days", "廃棄報告の期限（実施から日）", "Disposal report deadline (days after)",
          "int", default=7, minimum=1),
        F("supervision_report_days", "再委託先監督報告の間隔（日）", "Subcontractor supervision report interval (days)",
          "int", default=90, minimum=1),
        F("return_grace_days", "終了後の返還・廃棄の猶予（日）", "Days after the end to return or dispose",
          "int", default=14, minimum=0),
        F("due_soon_days", "期限前の注意（日）", "Warn this many days before a deadline", "int",
          default=14, minimum=0),
        F("seal_box", "様式に押印欄を設ける", "Seal box on forms", "bool", default=True),
        F("seireki_in_brackets", "和暦に西暦を併記する", "Western year in brackets", "bool", default=False),
    ),
    order_checks=(OrderCheck("period_start", "period_end"),),
)

PEOPLE = RegisterSpec(
    kind="people", table="people", label_ja="取扱責任者・従事者名簿", label_en="People", article=8,
    add_requires_officer=True, title_field="name",
    description_ja="取扱責任者及び従事者（派遣・契約社員を含む）", description_en="officer and handlers, all employment types",
    fields=(
        contract_ref(),
        F("name", "氏名", "Name", required=True, max_length=200),
        F("name_kana", "フリガナ", "Name (kana)", max_length=200),
        F("role", "区分", "Role", "choice", required=True, choices=ROLES, default="handler"),
        F("affiliation", "所属", "Department", max_length=200),
        F("employment_type", "雇用形態", "Employment type", "choice", required=True, choices=EMPLOYMENT,
          default="regular"),
        F("dispatch_agency", "派遣元", "Dispatching agency", max_length=200),
        F("login", "端末のログイン名", "Terminal login", max_length=100),
        F("reported_on", "委託者への報告日", "Reported to the client on", "date"),
        F("approved_on", "委託者の承認日", "Approved by the client on", "date", officer_only=True),
        F("started_on", "従事開始日", "Starts handling on", "date"),
        F("ended_on", "従事終了日", "Stops handling on", "date"),
        F("notes", "備考", "Notes", "longtext"),
    ),
    order_checks=(OrderCheck("started_on", "ended_on"), OrderCheck("reported_on", "ended_on")),
)

CHANGE_REQUESTS = RegisterSpec(
    kind="change_requests", table="change_requests", label_ja="取扱責任者・従事者変更承認申請",
    label_en="Staff change requests", article=8, title_field="description", decision_field="approved_on",
    fields=(
        contract_ref(),
        F("change", "変更の種類", "Change", "choice", required=True, choices=CHANGE_KINDS),
        F("person_id", "対象者", "Person", "ref", ref="people"),
        F("description", "変更の内容", "What changes", "longtext", required=True),
        F("applied_on", "申請日", "Applied on", "date", required=True),
        F("effective_on", "変更予定日", "Takes effect on", "date"),
        F("approved_on", "承認日", "Approved on", "date", officer_only=True),
        doc_no(),
    ),
    order_checks=(OrderCheck("applied_on", "approved_on"),),
)

PLEDGES = RegisterSpec(
    kind="pledges", table="pledges", label_ja="誓約書", label_en="Pledges", article=11, title_field="person_id",
    fields=(
        contract_ref(),
        F("person_id", "署名者", "Signed by", "ref", required=True, ref="people"),
        F("signed_on", "署名日", "Signed on", "date", required=True),
        F("submitted_on", "委託者への提出日", "Submitted to the client on", "date"),
        F("copy_location", "写しの保管場所", "Where the copy is kept", max_length=300),
        F("notes", "備考", "Notes", "longtext"),
    ),
    order_checks=(OrderCheck("signed_on", "submitted_on"),),
)

TRAININGS = RegisterSpec(
    kind="trainings", table="trainings", label_ja="研修実施記録", label_en="Training sessions", article=10,
    title_field="title",
    fields=(
        contract_ref(),
        F("title", "研修名", "Title", required=True, max_length=300),
        F("held_on", "実施日", "Held on", "date", required=True),
        F("trainer", "講師", "Trainer", max_length=200),
        F("minutes", "時間（分）", "Length (minutes)", "int", minimum=1),
        F("content", "内容", "Content", "longtext"),
        doc_no(),  # the 研修実施記録 is handed to the client with the implementation report
    ),
)

TRAINING_ATTENDANCE = RegisterSpec(
    kind="training_attendance", table="training_attendance", label_ja="研修受講者", label_en="Training attendance",
    article=10, contract_scoped=False, title_field="person_id",
    fields=(
        F("training_id", "研修", "Training", "ref", required=True, ref="trainings"),
        F("person_id", "受講者", "Attendee", "ref", required=True, ref="people"),
        F("notes", "備考", "Notes", "longtext"),
    ),
)

WORKPLACES = RegisterSpec(
    kind="workplaces", table="workplaces", label_ja="作業場所", label_en="Work places", article=9,
    title_field="name",
    fields=(
        contract_ref(),
        F("name", "名称", "Name", required=True, max_length=200),
        F("address", "所在地", "Address", required=True, max_length=300),
        F("room", "室", "Room", max_length=200),
        F("in_client_building", "委託者の庁舎内", "Inside the client's building", "bool", default=False),
        F("lockable_storage", "施錠できる保管庫", "Lockable storage", "bool", default=False),
        F("entry_control", "入退室管理", "Entry control", max_length=300,
          hint_ja="例: ICカード、入退室記録簿", hint_en="e.g. card reader, entry log"),
        F("reported_on", "委託者への報告日", "Reported to the client on", "date"),
        F("first_used_on", "使用開始日", "First used on", "date"),
        F("notes", "備考", "Notes", "longtext"),
    ),
)

ID_CARDS = RegisterSpec(
    kind="id_cards", table="id_cards", label_ja="身分証明書の発行", label_en="ID cards", article=9,
    title_field="card_no",
    fields=(
        contract_ref(),
        F("person_id", "携帯者", "Holder", "ref", required=True, ref="people"),
        F("workplace_id", "作業場所", "Work place", "ref", ref="workplaces"),
        F("card_no", "証明書番号", "Card number", required=True, max_length=100),
        F("issued_on", "発行日", "Issued on", "date", required=True),
        F("returned_on", "返却日", "Returned on", "date"),
    ),
    order_checks=(OrderCheck("issued_on", "returned_on"),),
)

MEDIA = RegisterSpec(
    kind="media", table="media", label_ja="電磁記録媒体管理簿", label_en="Electronic media", article=6,
    title_field="control_no",
    fields=(
        contract_ref(),
        F("control_no", "管理番号", "Control number", required=True, max_length=100),
        F("media_type", "種別", "Type", "choice", required=True, choices=MEDIA_TYPES),
        F("maker", "メーカー", "Maker", max_length=200),
        F("model", "型番", "Model", max_length=200),
        F("serial", "製造番号", "Serial number", max_length=200),
        F("volume_id", "ボリュームID", "Volume id", max_length=200),
        F("capacity", "容量", "Capacity", max_length=100),
        F("encrypted", "暗号化", "Encrypted", "bool", default=False),
        F("encryption_method", "暗号化の方式", "Encryption method", max_length=200),
        F("private_device", "私物", "Privately owned", "bool", default=False),
        F("storage_place", "保管場所", "Storage place", max_length=300),
        F("consent_on", "委託者の承諾日", "Client's consent on", "date", officer_only=True),
        F("first_used_on", "使用開始日", "First used on", "date"),
        F("notes", "備考", "Notes", "longtext"),
        doc_no(),
    ),
)

MEDIA_INSPECTIONS = RegisterSpec(
    kind="media_inspections", table="media_inspections", label_ja="媒体点検記録", label_en="Media inspections",
    article=6, contract_scoped=False, title_field="inspected_on",
    fields=(
        F("media_id", "媒体", "Medium", "ref", required=True, ref="media"),
        F("inspected_on", "点検日", "Inspected on", "date", required=True),
        F("inspector", "点検者", "Inspector", required=True, max_length=200),
        F("storage_ok", "保管状況", "Storage as recorded", "bool", default=True),
        F("backup_ok", "バックアップの保管状況", "Backups as recorded", "bool", default=True),
        F("accuracy_ok", "データの正確性", "Data accurate", "bool", default=True),
        F("result", "結果", "Result", "choice", required=True, choices=RESULTS, default="ok"),
        F("notes", "備考", "Notes", "longtext"),
    ),
)

ASSETS = RegisterSpec(
    kind="assets", table="assets", label_ja="個人情報管理台帳", label_en="Personal data assets", article=7,
    title_field="name",
    description_ja="第7条(5)の台帳：情報名、項目、件数、媒体、利用者、保管場所、取扱状況",
    description_en="the ledger of Art. 7(5): items, count, medium, users, storage place, handling",
    fields=(
        contract_ref(),
        F("name", "情報名", "Name of the information", required=True, max_length=300),
        F("items", "項目", "Items", required=True, hint_ja="読点・カンマ区切り", hint_en="comma separated"),
        F("record_count", "件数", "Number of records", "int", minimum=0),
        F("medium", "媒体", "Medium", max_length=200, hint_ja="例: 紙、電子", hint_en="e.g. paper, electronic"),
        F("media_id", "記録媒体", "Electronic medium", "ref", ref="media"),
        F("users", "利用者", "Users", max_length=1000),
        F("storage_place", "保管場所", "Storage place", max_length=300),
        F("handling", "取扱状況", "Handling status", "choice", choices=HANDLING, default="in_use"),
        F("received_on", "受領日", "Received on", "date"),
        F("handover_id", "受渡し（預り証）", "Handover (receipt)", "ref", ref="handovers"),
        F("returned_on", "返還日", "Returned on", "date"),
        F("disposed_on", "廃棄日", "Disposed of on", "date"),
        F("notes", "備考", "Notes", "longtext"),
    ),
    order_checks=(OrderCheck("received_on", "returned_on"), OrderCheck("received_on", "disposed_on")),
)

APPROVALS = RegisterSpec(
    kind="approvals", table="approvals", label_ja="承認（複写・持出し・送信・媒体・ソフトウェア）",
    label_en="Approvals", article=5, title_field="scope", decision_field="status",
    fields=(
        contract_ref(),
        F("approval_type", "種別", "Type", "choice", required=True, choices=APPROVAL_TYPES),
        F("scope", "範囲", "Scope", "longtext", required=True),
        F("asset_id", "対象の個人情報", "Asset", "ref", ref="assets"),
        F("media_id", "対象の媒体", "Medium", "ref", ref="media"),
        F("requested_on", "申請日", "Requested on", "date", required=True),
        F("requested_by", "申請者", "Requested by", max_length=200),
        F("status", "状態", "Status", "choice", required=True, choices=APPROVAL_STATUS, default="requested",
          officer_only=True),
        F("decided_on", "決定日", "Decided on", "date", officer_only=True),
        F("valid_until", "有効期限", "Valid until", "date"),
        F("client_reference", "委託者の文書番号", "Client's reference", max_length=200),
        doc_no(),
    ),
    order_checks=(OrderCheck("requested_on", "decided_on"), OrderCheck("decided_on", "valid_until")),
)

TAKEOUTS = RegisterSpec(
    kind="takeouts", table="takeouts", label_ja="持出し・移送・複写・送信記録", label_en="Take-outs and copies",
    article=7, title_field="destination",
    fields=(
        contract_ref(),
        F("activity", "区分", "Activity", "choice", required=True, choices=ACTIVITIES),
        F("asset_id", "個人情報", "Asset", "ref", ref="assets"),
        F("media_id", "媒体", "Medium", "ref", ref="media"),
        F("person_id", "実施者", "Done by", "ref", ref="people"),
        F("approval_id", "承認", "Approval", "ref", ref="approvals"),
        F("destination", "持出先・送信先", "Destination", required=True, max_length=300),
        F("purpose", "目的", "Purpose", "longtext"),
        F("transport", "移送の体制・方法", "Transport arrangements", "longtext"),
        F("started_at", "実施日時", "Started at", "datetime", required=True),
        F("expected_return_at", "返却予定日時", "Expected back at", "datetime"),
        F("returned_at", "返却日時", "Back at", "datetime"),
    ),
    order_checks=(OrderCheck("started_at", "returned_at"), OrderCheck("started_at", "expected_return_at")),
)

HANDOVERS = RegisterSpec(
    kind="handovers", table="handovers", label_ja="受渡し（預り証）", label_en="Handovers (receipts)", article=16,
    title_field="documents",
    fields=(
        contract_ref(),
        F("direction", "区分", "Direction", "choice", required=True, choices=DIRECTIONS, default="receive"),
        F("handed_at", "日時", "Date and time", "datetime", required=True),
        F("place", "場所", "Place", required=True, max_length=300),
        F("method", "方法", "Means", required=True, max_length=300),
        F("documents", "資料", "Documents", required=True, max_length=1000),
        F("items", "項目", "Items", max_length=1000),
        F("record_count", "件数", "Number of records", "int", minimum=0),
        F("medium", "媒体", "Medium", max_length=200),
        F("handed_by", "引渡者", "Handed over by", required=True, max_length=200),
        F("received_by", "受領者", "Received by", required=True, max_length=200),
        F("receipt_submitted_on", "預り証の提出日", "Receipt submitted on", "date"),
        doc_no(),
    ),
)

SUBCONTRACTS = RegisterSpec(
    kind="subcontracts", table="subcontracts", label_ja="再委託", label_en="Subcontracts", article=14,
    title_field="name", decision_field="approved_on",
    fields=(
        contract_ref(),
        F("name", "再委託先の名称", "Subcontractor", required=True, max_length=200),
        F("address", "再委託先の所在地", "Subcontractor's address", required=True, max_length=300),
        F("reason", "再委託する理由", "Reason", "longtext", required=True),
        F("content", "再委託して処理する内容", "Work subcontracted", "longtext", required=True),
        F("information", "再委託先において取り扱う情報", "Information handled", "longtext", required=True),
        F("safety_measures", "安全性及び信頼性を確保する対策", "Safety and reliability measures", "longtext",
          required=True),
        F("supervision_method", "管理及び監督の方法", "Supervision method", "longtext", required=True),
        F("period", "再委託の期間", "Period", max_length=200),
        F("applied_on", "申請日", "Applied on", "date"),
        F("approved_on", "承認日", "Approved on", "date", officer_only=True),
        F("work_started_on", "着手日", "Work started on", "date"),
        F("ended_on", "終了日", "Ended on", "date"),
        doc_no(),
    ),
    order_checks=(OrderCheck("applied_on", "approved_on"), OrderCheck("work_started_on", "ended_on")),
)

SUPERVISION_REPORTS = RegisterSpec(
    kind="supervision_reports", table="supervision_reports", label_ja="再委託先監督状況報告",
    label_en="Supervision reports", article=14, contract_scoped=False, title_field="reported_on",
    fields=(
        F("subcontract_id", "再委託", "Subcontract", "ref", required=True, ref="subcontracts"),
        F("reported_on", "報告日", "Reported on", "date", required=True),
        F("period", "対象期間", "Period covered", max_length=200),
        F("content", "管理・監督の状況", "Supervision done", "longtext", required=True),
        F("issues", "課題", "Issues", "longtext"),
        doc_no(),
    ),
)

DISPOSALS = RegisterSpec(
    kind="disposals", table="disposals", label_ja="返還・廃棄", label_en="Returns and disposals", article=17,
    title_field="items",
    fields=(
        contract_ref(),
        F("action", "区分", "Action", "choice", required=True, choices=DISPOSAL_ACTIONS),
        F("asset_id", "個人情報", "Asset", "ref", ref="assets"),
        F("items", "項目", "Items", required=True, max_length=1000),
        F("media_name", "媒体名", "Media", max_length=300),
        F("quantity", "数量", "Quantity", required=True, max_length=100),
        F("method", "方法", "Method", required=True, max_length=300),
        F("planned_on", "処理予定日", "Planned on", "date", required=True),
        F("applied_on", "申請日", "Applied on", "date"),
        F("approved_on", "承諾日", "Approved on", "date", officer_only=True),
        F("witness_requested", "委託者の立会い", "Client witnesses", "bool", default=False),
        F("executed_at", "実施日時", "Carried out at", "datetime"),
        F("executed_by", "担当者", "Carried out by", max_length=200),
        F("witness", "立会人", "Witness", max_length=200),
        F("physical_destruction", "物理的破壊・判読不能化", "Physically destroyed / unreadable", "bool",
          default=False),
        F("reported_on", "報告日", "Reported on", "date"),
        doc_no(),
    ),
    order_checks=(OrderCheck("applied_on", "approved_on"),),
)

COMPLAINTS = RegisterSpec(
    kind="complaints", table="complaints", label_ja="苦情処理", label_en="Complaints", article=18,
    title_field="content",
    fields=(
        contract_ref(),
        F("received_at", "受付日時", "Received at", "datetime", required=True),
        F("received_by", "受付者", "Received by", max_length=200),
        F("content", "内容", "Content", "longtext", required=True),
        F("progress", "対応経過", "Progress", "longtext"),
        F("reported_at", "委託者への報告日時", "Reported to the client at", "datetime"),
        F("resolved_on", "完了日", "Resolved on", "date"),
        doc_no(),
    ),
    order_checks=(OrderCheck("received_at", "reported_at"),),
)

INCIDENTS = RegisterSpec(
    kind="incidents", table="incidents", label_ja="事故報告", label_en="Incidents", article=19,
    title_field="summary",
    fields=(
        contract_ref(),
        F("occurred_at", "発生日時", "Occurred at", "datetime"),
        F("discovered_at", "発覚日時", "Discovered at", "datetime", required=True),
        F("place", "発生場所", "Place", max_length=300),
        F("summary", "概要", "Summary", "longtext", required=True),
        F("items", "個人情報の項目", "Items involved", max_length=1000),
        F("affected_count", "本人の数", "People affected", "int", minimum=0),
        F("cause", "原因", "Cause", "longtext"),
        F("secondary_damage", "二次被害", "Secondary damage", "longtext"),
        F("response_to_individuals", "本人への対応", "Response to the people affected", "longtext"),
        F("publication", "公表", "Publication", "longtext"),
        F("prevention", "再発防止策", "Prevention", "longtext"),
        # Item 9 of the personal information protection commission's leak report.
        F("other", "その他参考となる事項", "Other relevant matters", "longtext"),
        F("first_report_at", "速報の日時", "First report at", "datetime"),
        F("final_report_at", "確報の日時", "Final report at", "datetime"),
        doc_no(),
    ),
    order_checks=(OrderCheck("occurred_at", "discovered_at"), OrderCheck("first_report_at", "final_report_at")),
)

EMERGENCY_PLANS = RegisterSpec(
    kind="emergency_plans", table="emergency_plans", label_ja="緊急時対応計画", label_en="Emergency plans",
    article=19, title_field="title",
    fields=(
        contract_ref(),
        F("title", "名称", "Title", required=True, max_length=300),
        F("established_on", "策定日", "Established on", "date", required=True),
        F("contacts", "連絡体制", "Contacts", "longtext"),
        F("content", "内容（証拠保全、被害拡大防止、復旧、再発防止）", "Content", "longtext"),
        F("reviewed_on", "見直し日", "Reviewed on", "date"),
        doc_no(),
    ),
)

INSPECTIONS = RegisterSpec(
    kind="inspections", table="inspections", label_ja="委託者の調査", label_en="Client inspections", article=12,
    title_field="inspected_on",
    fields=(
        contract_ref(),
        F("inspected_on", "調査日", "Inspected on", "date", required=True),
        F("inspectors", "調査者", "Inspectors", max_length=300),
        F("scope", "調査の範囲", "Scope", "longtext"),
        F("findings", "指摘事項", "Findings", "longtext"),
    ),
)

IMPROVEMENT_ORDERS = RegisterSpec(
    kind="improvement_orders", table="improvement_orders", label_ja="改善指示", label_en="Improvement orders",
    article=12, title_field="content",
    fields=(
        contract_ref(),
        F("inspection_id", "調査", "Inspection", "ref", ref="inspections"),
        F("ordered_on", "指示日", "Ordered on", "date", required=True),
        F("content", "指示の内容", "What to improve", "longtext", required=True),
        F("due_on", "期限", "Due on", "date", required=True),
        F("response", "対応内容", "Response", "longtext"),
        F("responded_on", "対応日", "Responded on", "date"),
        F("doc_no", "対応報告の文書番号", "Response document number", max_length=100,
          hint_ja="改善の対応を委託者へ報告する文書の番号", hint_en="number of the response report to the client"),
    ),
    order_checks=(OrderCheck("ordered_on", "due_on"), OrderCheck("ordered_on", "responded_on")),
)

RECORD_REQUESTS = RegisterSpec(
    kind="record_requests", table="record_requests", label_ja="資料の提出依頼", label_en="Requests for records",
    article=13, title_field="request",
    description_ja="第13条：委託者から求められた資料等の提出（受付、期限、提出日、提出方法）",
    description_en="Art. 13: the client's requests for records, their deadline and the submission",
    fields=(
        contract_ref(),
        F("received_on", "受付日", "Received on", "date", required=True),
        F("requested_by", "依頼者", "Requested by", max_length=200, hint_ja="例: 課税課 担当者",
          hint_en="e.g. the client's department"),
        F("request", "依頼内容", "What was requested", "longtext", required=True),
        F("due_on", "期限", "Due on", "date", required=True,
          hint_ja="期限の指定がないときは委託者と確認した日", hint_en="the date agreed with the client if none was set"),
        F("submitted_on", "提出日", "Submitted on", "date"),
        F("submission_method", "提出方法", "Submitted by what means", max_length=300,
          hint_ja="例: 暗号化ZIP（tokki export）を手渡し、紙の写しを郵送", hint_en="e.g. encrypted export handed over"),
        doc_no(),
        F("notes", "備考", "Notes", "longtext"),
    ),
    order_checks=(OrderCheck("received_on", "due_on"), OrderCheck("received_on", "submitted_on")),
)

#: Every register, by kind, in the order screens and the export list them.
SPECS: dict[str, RegisterSpec] = {
    s.kind: s
    for s in (
        CONTRACTS, PEOPLE, CHANGE_REQUESTS, PLEDGES, TRAININGS, TRAINING_ATTENDANCE, WORKPLACES, ID_CARDS,
        MEDIA, MEDIA_INSPECTIONS, ASSETS, APPROVALS, TAKEOUTS, HANDOVERS, SUBCONTRACTS, SUPERVISION_REPORTS,
        DISPOSALS, COMPLAINTS, INCIDENTS, EMERGENCY_PLANS, INSPECTIONS, IMPROVEMENT_ORDERS, RECORD_REQUESTS,
    )
}
