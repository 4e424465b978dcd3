<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>AddUserDialog</name>
    <message>
        <source>Add a user</source>
        <translation>利用者の追加</translation>
    </message>
    <message>
        <source>&amp;Login name</source>
        <translation>ログイン名(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>氏名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>役割(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>パスフレーズ(&amp;P)</translation>
    </message>
    <message>
        <source>Con&amp;firm passphrase</source>
        <translation>パスフレーズ（確認）(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>追加(&amp;A)</translation>
    </message>
    <message>
        <source>The new user logs in with this login name and passphrase; tell them the passphrase in person. They can change it later.</source>
        <translation>新しい利用者はこのログイン名とパスフレーズでログインします。パスフレーズは本人に直接伝えてください。後から本人が変更できます。</translation>
    </message>
    <message>
        <source>Type a login name.</source>
        <translation>ログイン名を入力してください。</translation>
    </message>
    <message>
        <source>Login names use only letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;.</source>
        <translation>ログイン名には英数字と「.」「_」「-」だけが使えます。</translation>
    </message>
    <message>
        <source>Type the person&apos;s name.</source>
        <translation>氏名を入力してください。</translation>
    </message>
    <message>
        <source>The passphrase needs at least 8 characters.</source>
        <translation>パスフレーズは8文字以上にしてください。</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>2つのパスフレーズが一致しません。</translation>
    </message>
    <message>
        <source>Adding…</source>
        <translation>追加しています…</translation>
    </message>
    <message>
        <source>adding a user</source>
        <translation>利用者の追加</translation>
    </message>
</context>
<context>
    <name>ApprovalsScreen</name>
    <message>
        <source>Requests waiting for a decision</source>
        <translation>決定待ちの申請</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>台帳</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>申請</translation>
    </message>
    <message>
        <source>Requested on</source>
        <translation>申請日</translation>
    </message>
    <message>
        <source>&amp;New request…</source>
        <translation>新しい申請(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open in the registers</source>
        <translation>台帳で開く(&amp;O)</translation>
    </message>
    <message>
        <source>Record &amp;approval</source>
        <translation>承認を記録(&amp;A)</translation>
    </message>
    <message>
        <source>Record re&amp;fusal</source>
        <translation>不承認を記録(&amp;F)</translation>
    </message>
    <message>
        <source>A responsible officer records the client&apos;s decision.</source>
        <translation>委託者の決定は取扱責任者が記録します。</translation>
    </message>
    <message>
        <source>%1 waiting</source>
        <translation>決定待ち %1 件</translation>
    </message>
    <message>
        <source>recording a decision</source>
        <translation>決定の記録</translation>
    </message>
    <message>
        <source>Recorded on %1.</source>
        <translation>%1 に記録しました。</translation>
    </message>
</context>
<context>
    <name>ArticleTableModel</name>
    <message>
        <source>Article</source>
        <translation>条</translation>
    </message>
    <message>
        <source>Heading</source>
        <translation>見出し</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状況</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未対応</translation>
    </message>
    <message>
        <source>Most urgent</source>
        <translation>最も急ぐもの</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Art. %1</source>
        <translation>第%1条</translation>
    </message>
    <message>
        <source>re-checking…</source>
        <translation>再確認中…</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>確認対象外</translation>
    </message>
</context>
<context>
    <name>AuditScreen</name>
    <message>
        <source>Audit chain</source>
        <translation>監査記録（改ざん検知チェーン）</translation>
    </message>
    <message>
        <source>Show from &amp;No.:</source>
        <translation>表示開始番号(&amp;N):</translation>
    </message>
    <message>
        <source>Sho&amp;w</source>
        <translation>表示(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Newest</source>
        <translation>最新(&amp;E)</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>番号</translation>
    </message>
    <message>
        <source>When</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作者</translation>
    </message>
    <message>
        <source>What</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>記録</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>optional: a checkpoint kept on paper (No.:MAC)</source>
        <translation>任意: 紙で保管しているチェックポイント（番号:MAC）</translation>
    </message>
    <message>
        <source>&amp;Checkpoint:</source>
        <translation>チェックポイント(&amp;C):</translation>
    </message>
    <message>
        <source>&amp;Verify the chain</source>
        <translation>検証(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Take a checkpoint</source>
        <translation>チェックポイントを取得(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Print the checkpoint sheet…</source>
        <translation>チェックポイント票を印刷(&amp;P)…</translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation>検証しています…</translation>
    </message>
    <message>
        <source>verifying the audit chain</source>
        <translation>監査記録の検証</translation>
    </message>
    <message>
        <source>✔ The chain is intact: %1 records, up to No. %2; the file&apos;s pages are sound.</source>
        <translation>✔ 改ざんはありません: %1 件（番号 %2 まで）。台帳ファイルにも破損はありません。</translation>
    </message>
    <message>
        <source>damaged pages in the ledger file</source>
        <translation>台帳ファイルに破損したページがあります</translation>
    </message>
    <message>
        <source>✖ Problems found: %1. Keep the file as it is and restore from a backup.</source>
        <translation>✖ 問題が見つかりました: %1。ファイルはそのままにして、バックアップから復元してください。</translation>
    </message>
    <message>
        <source>Checkpoint taken at %1: %2</source>
        <translation>%1 のチェックポイント: %2</translation>
    </message>
</context>
<context>
    <name>CloseRecordDialog</name>
    <message>
        <source>Close record %1</source>
        <translation>記録 %1 の終了</translation>
    </message>
    <message>
        <source>A closed record stays in the ledger and in its history; it is only marked as closed. Give the reason.</source>
        <translation>終了した記録も台帳と履歴に残り、「終了」の印が付くだけです。理由を入力してください。</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>理由(&amp;R)</translation>
    </message>
    <message>
        <source>C&amp;lose record</source>
        <translation>記録を終了(&amp;L)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>closing a record</source>
        <translation>記録の終了</translation>
    </message>
</context>
<context>
    <name>DashboardScreen</name>
    <message>
        <source>Compliance by article</source>
        <translation>条項別の遵守状況</translation>
    </message>
    <message>
        <source>&amp;Check again</source>
        <translation>再確認(&amp;C)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状況</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>指摘</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>対応</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>記録</translation>
    </message>
    <message>
        <source>Double-click a finding (or press Enter) to open its record.</source>
        <translation>指摘をダブルクリック（または Enter）すると、その記録を開きます。</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>確認しています…</translation>
    </message>
    <message>
        <source>checking compliance</source>
        <translation>遵守状況の確認</translation>
    </message>
    <message>
        <source>As of %1</source>
        <translation>%1 時点</translation>
    </message>
</context>
<context>
    <name>Desktop</name>
    <message>
        <source>starting the monitor</source>
        <translation>監視の開始</translation>
    </message>
</context>
<context>
    <name>DetectionsScreen</name>
    <message>
        <source>Detections</source>
        <translation>検知</translation>
    </message>
    <message>
        <source>&amp;Open only</source>
        <translation>未処理のみ(&amp;O)</translation>
    </message>
    <message>
        <source>Found at</source>
        <translation>検知日時</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>場所</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>What was found</source>
        <translation>検出内容</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>条項</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状況</translation>
    </message>
    <message>
        <source>&amp;Approve after the fact</source>
        <translation>事後承認(&amp;A)</translation>
    </message>
    <message>
        <source>File &amp;removed</source>
        <translation>削除済み(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Quarantine</source>
        <translation>隔離(&amp;Q)</translation>
    </message>
    <message>
        <source>Report as &amp;incident</source>
        <translation>事故として報告(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Explain why the file is there…</source>
        <translation>ファイルがある理由を説明(&amp;E)…</translation>
    </message>
    <message>
        <source>Only a responsible officer resolves detections. The explanation above says what to do.</source>
        <translation>検知の処理は取扱責任者が行います。どうすればよいかは上の説明を見てください。</translation>
    </message>
    <message>
        <source>Art. %1</source>
        <translation>第%1条</translation>
    </message>
    <message>
        <source>%1 open</source>
        <translation>未処理 %1 件</translation>
    </message>
    <message>
        <source>Nothing detected.</source>
        <translation>検知はありません。</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>対応</translation>
    </message>
    <message>
        <source>Examples (masked)</source>
        <translation>例（伏せ字）</translation>
    </message>
    <message>
        <source>Explanations</source>
        <translation>説明</translation>
    </message>
    <message>
        <source>none recorded yet</source>
        <translation>まだ記録されていません</translation>
    </message>
    <message>
        <source>resolving a detection</source>
        <translation>検知の処理</translation>
    </message>
    <message>
        <source>Incident report started</source>
        <translation>事故報告を作成しました</translation>
    </message>
    <message>
        <source>An incident record (ID %1) was prefilled from the detection. Complete it in the registers and report to the client at once.</source>
        <translation>検知の内容から事故報告（ID %1）を作成しました。台帳で内容を補い、直ちに委託者へ報告してください。</translation>
    </message>
    <message>
        <source>Requested from the terminal</source>
        <translation>端末に依頼しました</translation>
    </message>
    <message>
        <source>The terminal carries this out when it next reads the drop folder; the detection stays open until it reports back (see the Terminals screen).</source>
        <translation>端末が次に受け渡しフォルダを読んだときに処理します。結果が届くまで検知は未処理のままです（端末の画面で確認できます）。</translation>
    </message>
</context>
<context>
    <name>ExplainDialog</name>
    <message>
        <source>Explain detection %1</source>
        <translation>検知 %1 の説明</translation>
    </message>
    <message>
        <source>Why is this file there? Who asked for it, what it is for, and what happens to it next. Your officer reads this before deciding; it is kept in the audit record and cannot be changed afterwards.</source>
        <translation>このファイルはなぜここにあるのですか。誰の依頼か、何のためか、この後どうするかを書いてください。取扱責任者が処理を決める前に読みます。監査記録に残り、後から変更できません。</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>説明</translation>
    </message>
    <message>
        <source>&amp;Record explanation</source>
        <translation>説明を記録(&amp;R)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>At most %1 characters.</source>
        <translation>%1 文字以内で入力してください。</translation>
    </message>
    <message>
        <source>recording an explanation</source>
        <translation>説明の記録</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export the records for the client</source>
        <translation>委託者への記録の提出（書き出し）</translation>
    </message>
    <message>
        <source>Every register as CSV (with a manifest of SHA-256 hashes) in one AES-encrypted zip. Tell the password to the client separately from the file.</source>
        <translation>すべての台帳を CSV（SHA-256 の一覧付き）にして、AES で暗号化した zip 1つに書き出します。パスワードはファイルとは別の方法で委託者に伝えてください。</translation>
    </message>
    <message>
        <source>tokki-export</source>
        <translation>台帳の書き出し</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>参照(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>ファイル(&amp;F):</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>パスワード(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>パスワード（確認）(&amp;R):</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>書き出し(&amp;E)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>書き出し先</translation>
    </message>
    <message>
        <source>Encrypted zip (*.zip)</source>
        <translation>暗号化 zip (*.zip)</translation>
    </message>
    <message>
        <source>Choose the file to write.</source>
        <translation>書き出すファイルを指定してください。</translation>
    </message>
    <message>
        <source>The password needs at least 8 characters.</source>
        <translation>パスワードは8文字以上にしてください。</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>2つのパスワードが一致しません。</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>書き出しています…</translation>
    </message>
    <message>
        <source>exporting the records</source>
        <translation>記録の書き出し</translation>
    </message>
</context>
<context>
    <name>Findings</name>
    <message>
        <source>name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <source>My Number</source>
        <translation>個人番号</translation>
    </message>
    <message>
        <source>driver&apos;s licence no.</source>
        <translation>運転免許証番号</translation>
    </message>
    <message>
        <source>passport no.</source>
        <translation>旅券番号</translation>
    </message>
    <message>
        <source>residence card no.</source>
        <translation>在留カード番号</translation>
    </message>
    <message>
        <source>pension no.</source>
        <translation>基礎年金番号</translation>
    </message>
    <message>
        <source>health insurance no.</source>
        <translation>被保険者番号</translation>
    </message>
    <message>
        <source>bank account</source>
        <translation>口座番号</translation>
    </message>
    <message>
        <source>date of birth</source>
        <translation>生年月日</translation>
    </message>
    <message>
        <source>postal code</source>
        <translation>郵便番号</translation>
    </message>
    <message>
        <source>address</source>
        <translation>住所</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>メールアドレス</translation>
    </message>
</context>
<context>
    <name>FindingsChart</name>
    <message>
        <source>Open findings by article</source>
        <translation>条項別の未対応の指摘</translation>
    </message>
    <message>
        <source>Open findings by article: click a bar to see that article</source>
        <translation>条項別の未対応の指摘数（棒をクリックするとその条項を表示）</translation>
    </message>
</context>
<context>
    <name>FormsScreen</name>
    <message>
        <source>Forms</source>
        <translation>様式</translation>
    </message>
    <message>
        <source>&amp;Record:</source>
        <translation>記録(&amp;R):</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>プレビュー(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Save PDF…</source>
        <translation>PDF で保存(&amp;S)…</translation>
    </message>
    <message>
        <source>P&amp;rint…</source>
        <translation>印刷(&amp;R)…</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>幅に合わせる</translation>
    </message>
    <message>
        <source>Whole page</source>
        <translation>ページ全体</translation>
    </message>
    <message>
        <source>&amp;Zoom:</source>
        <translation>表示倍率(&amp;Z):</translation>
    </message>
    <message>
        <source>No record for this form yet: add one in the registers first.</source>
        <translation>この様式の対象となる記録がまだありません。先に台帳で登録してください。</translation>
    </message>
    <message>
        <source>Making the form…</source>
        <translation>様式を作成しています…</translation>
    </message>
    <message>
        <source>making a form</source>
        <translation>様式の作成</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>%1 ページ</translation>
    </message>
    <message>
        <source>%1 page(s).</source>
        <translation>%1 ページ。</translation>
    </message>
    <message>
        <source>Not filled in (printed as ※未記入): %1</source>
        <translation>未記入の項目（※未記入と印字）: %1</translation>
    </message>
    <message>
        <source>Characters the font cannot print (shown as 〓): %1</source>
        <translation>印字できない文字（〓と印字）: %1</translation>
    </message>
    <message>
        <source>Save the form as PDF</source>
        <translation>様式を PDF で保存</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF ファイル (*.pdf)</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>保存しています…</translation>
    </message>
    <message>
        <source>saving a form</source>
        <translation>様式の保存</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>保存しました: %1</translation>
    </message>
    <message>
        <source>Preparing to print…</source>
        <translation>印刷の準備をしています…</translation>
    </message>
    <message>
        <source>printing a form</source>
        <translation>様式の印刷</translation>
    </message>
    <message>
        <source>The printer could not be opened.</source>
        <translation>プリンターを開けませんでした。</translation>
    </message>
    <message>
        <source>Sent to the printer: %1 page(s).</source>
        <translation>印刷しました: %1 ページ。</translation>
    </message>
</context>
<context>
    <name>LockPanel</name>
    <message>
        <source>Locked</source>
        <translation>ロック中</translation>
    </message>
    <message>
        <source>Locked for %1. Type the passphrase to continue.</source>
        <translation>%1 さんの画面をロックしています。続けるにはパスフレーズを入力してください。</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>パスフレーズ(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>ロック解除(&amp;U)</translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation>ログアウト(&amp;O)</translation>
    </message>
    <message>
        <source>Type your passphrase.</source>
        <translation>パスフレーズを入力してください。</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>確認しています…</translation>
    </message>
    <message>
        <source>unlocking</source>
        <translation>ロック解除</translation>
    </message>
    <message>
        <source>Still locked.</source>
        <translation>ロックは解除されていません。</translation>
    </message>
</context>
<context>
    <name>LoginWindow</name>
    <message>
        <source>Tokki Desktop: log in</source>
        <translation>Tokki Desktop: ログイン</translation>
    </message>
    <message>
        <source>Tokki Desktop</source>
        <translation>Tokki Desktop</translation>
    </message>
    <message>
        <source>Ledger for the personal data handling provisions</source>
        <translation>個人情報取扱特記事項 遵守管理台帳</translation>
    </message>
    <message>
        <source>&amp;Login name</source>
        <translation>ログイン名(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>パスフレーズ(&amp;P)</translation>
    </message>
    <message>
        <source>Log &amp;in</source>
        <translation>ログイン(&amp;I)</translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation>言語(&amp;G)</translation>
    </message>
    <message>
        <source>Ledger folder: %1</source>
        <translation>台帳の場所: %1</translation>
    </message>
    <message>
        <source>&amp;Set up a new ledger…</source>
        <translation>新しい台帳を作成(&amp;S)…</translation>
    </message>
    <message>
        <source>There is no ledger here yet. Start with “Set up a new ledger…” below: it asks for the contract, the first responsible officer and a passphrase.</source>
        <translation>ここにはまだ台帳がありません。下の「新しい台帳を作成」から始めてください。契約、最初の取扱責任者、パスフレーズを順に入力します。</translation>
    </message>
    <message>
        <source>Demo ledger: sample data only, for trying the app.</source>
        <translation>デモ用の台帳です（架空のデータのみ）。自由に操作を試せます。</translation>
    </message>
    <message>
        <source>Login: %1    Passphrase: %2</source>
        <translation>ログイン名: %1    パスフレーズ: %2</translation>
    </message>
    <message>
        <source>Type your login name and passphrase.</source>
        <translation>ログイン名とパスフレーズを入力してください。</translation>
    </message>
    <message>
        <source>logging in</source>
        <translation>ログイン</translation>
    </message>
    <message>
        <source>Opening the ledger…</source>
        <translation>台帳を開いています…</translation>
    </message>
    <message>
        <source>The ledger was not opened.</source>
        <translation>台帳を開けませんでした。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Tokki Desktop</source>
        <translation>Tokki Desktop</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>ロック(&amp;L)</translation>
    </message>
    <message>
        <source>Screens</source>
        <translation>画面</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Lock now</source>
        <translation>今すぐロック(&amp;L)</translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation>ログアウト(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Export for the client…</source>
        <translation>委託者への提出用に書き出し(&amp;E)…</translation>
    </message>
    <message>
        <source>E&amp;xit</source>
        <translation>終了(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation>言語(&amp;G)</translation>
    </message>
    <message>
        <source>Work in progress</source>
        <translation>処理中</translation>
    </message>
    <message>
        <source>Still working: %1. Wait for it to finish and then close?</source>
        <translation>処理中です（%1）。終わるのを待ってから閉じますか。</translation>
    </message>
</context>
<context>
    <name>MonitorTray</name>
    <message>
        <source>&amp;Open Tokki Desktop</source>
        <translation>Tokki Desktop を開く(&amp;O)</translation>
    </message>
    <message>
        <source>Show &amp;detections</source>
        <translation>検知を表示(&amp;D)</translation>
    </message>
    <message>
        <source>Monitor: watching</source>
        <translation>監視中</translation>
    </message>
    <message>
        <source>Monitor: scanning %1%</source>
        <translation>検査中 %1%</translation>
    </message>
    <message>
        <source>Monitor: scanning</source>
        <translation>検査中</translation>
    </message>
    <message>
        <source>Monitor: %1 detection(s) waiting</source>
        <translation>検知 %1 件が処理待ち</translation>
    </message>
    <message>
        <source>Monitor: stopped</source>
        <translation>監視停止中</translation>
    </message>
    <message>
        <source>Monitor: running in another process</source>
        <translation>監視: 別のプロセスで実行中</translation>
    </message>
    <message>
        <source>Personal data found</source>
        <translation>個人情報を検知しました</translation>
    </message>
    <message>
        <source>Unregistered medium</source>
        <translation>未登録の記録媒体</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>New passphrase for %1</source>
        <translation>%1 さんの新しいパスフレーズ</translation>
    </message>
    <message>
        <source>&amp;New passphrase</source>
        <translation>新しいパスフレーズ(&amp;N)</translation>
    </message>
    <message>
        <source>Con&amp;firm passphrase</source>
        <translation>パスフレーズ（確認）(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Set</source>
        <translation>設定(&amp;S)</translation>
    </message>
    <message>
        <source>The passphrase needs at least 8 characters.</source>
        <translation>パスフレーズは8文字以上にしてください。</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>2つのパスフレーズが一致しません。</translation>
    </message>
    <message>
        <source>Setting…</source>
        <translation>設定しています…</translation>
    </message>
    <message>
        <source>setting a passphrase</source>
        <translation>パスフレーズの設定</translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message>
        <source>Tokki Desktop</source>
        <translation>Tokki Desktop</translation>
    </message>
    <message>
        <source>Sorry, something went wrong</source>
        <translation>申し訳ありません。不具合が発生しました</translation>
    </message>
    <message>
        <source>Sorry: Tokki Desktop ran into an internal error and could not finish this. Nothing was written to the ledger. The details (without any personal data) were saved in the log; please tell your officer or the support desk.</source>
        <translation>申し訳ありません。Tokki Desktop の内部エラーのため、この操作を完了できませんでした。台帳には何も記録していません。詳細（個人情報を含みません）はログに保存しました。取扱責任者またはサポート窓口にお知らせください。</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>場所(&amp;L):</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>ファイルの種類(&amp;T):</translation>
    </message>
</context>
<context>
    <name>RecordEditor</name>
    <message>
        <source>New record: %1</source>
        <translation>新規登録: %1</translation>
    </message>
    <message>
        <source>%1: record %2</source>
        <translation>%1: 記録 %2</translation>
    </message>
    <message>
        <source>Only a responsible officer can set this.</source>
        <translation>この項目は取扱責任者だけが記入できます。</translation>
    </message>
    <message>
        <source>* required. Dates: 2026-04-01, R8.4.1 or 令和8年4月1日.</source>
        <translation>* は必須です。日付は 令和8年4月1日、R8.4.1、2026-04-01 のいずれの形でも入力できます。</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Discard what you typed?</source>
        <translation>入力した内容を破棄しますか？</translation>
    </message>
    <message>
        <source>What you typed in this record has not been saved. Discard it?</source>
        <translation>この記録に入力した内容はまだ保存されていません。破棄しますか？</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>破棄(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Keep editing</source>
        <translation>編集を続ける(&amp;K)</translation>
    </message>
    <message>
        <source>Still to be filled in.</source>
        <translation>未記入です（記入してください）。</translation>
    </message>
    <message>
        <source>%1 is required.</source>
        <translation>「%1」は必須です。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>保存しています…</translation>
    </message>
    <message>
        <source>saving a record</source>
        <translation>記録の保存</translation>
    </message>
</context>
<context>
    <name>RecordHistoryDialog</name>
    <message>
        <source>History of %1 record %2</source>
        <translation>%1 記録 %2 の履歴</translation>
    </message>
    <message>
        <source>added</source>
        <translation>登録</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>変更</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>番号</translation>
    </message>
    <message>
        <source>When</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作者</translation>
    </message>
    <message>
        <source>What</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>From the audit chain: entries cannot be edited or removed.</source>
        <translation>監査記録（改ざん検知付き）から表示しています。編集・削除はできません。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
</context>
<context>
    <name>RecordTableModel</name>
    <message>
        <source>Closed</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>Closed: %1</source>
        <translation>終了: %1</translation>
    </message>
</context>
<context>
    <name>RegistersScreen</name>
    <message>
        <source>Registers</source>
        <translation>台帳</translation>
    </message>
    <message>
        <source>Art. %1  %2</source>
        <translation>第%1条  %2</translation>
    </message>
    <message>
        <source>Show c&amp;losed records</source>
        <translation>終了した記録も表示(&amp;L)</translation>
    </message>
    <message>
        <source>Search (any text field)</source>
        <translation>検索（文字の項目すべて）</translation>
    </message>
    <message>
        <source>Se&amp;arch:</source>
        <translation>検索(&amp;A):</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>新規(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>編集(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>履歴(&amp;H)</translation>
    </message>
    <message>
        <source>Clo&amp;se record…</source>
        <translation>記録を終了(&amp;S)…</translation>
    </message>
    <message>
        <source>All</source>
        <translation>すべて</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>読み込んでいます…</translation>
    </message>
    <message>
        <source>%1 records</source>
        <translation>%1 件</translation>
    </message>
</context>
<context>
    <name>Resolutions</name>
    <message>
        <source>approved after the fact</source>
        <translation>事後承認済み</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>削除済み</translation>
    </message>
    <message>
        <source>quarantined</source>
        <translation>隔離済み</translation>
    </message>
    <message>
        <source>reported as an incident</source>
        <translation>事故として報告済み</translation>
    </message>
    <message>
        <source>open</source>
        <translation>未処理</translation>
    </message>
    <message>
        <source>recorded (approved)</source>
        <translation>記録のみ（承認済み）</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>処理済み</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Responsible officer</source>
        <translation>取扱責任者</translation>
    </message>
    <message>
        <source>Data handler</source>
        <translation>従事者</translation>
    </message>
    <message>
        <source>System</source>
        <translation>システム</translation>
    </message>
</context>
<context>
    <name>Rules</name>
    <message>
        <source>A copy of personal data in a place without an approval (Art. 5, 7).</source>
        <translation>承認のない場所に個人情報が複写されています（第5条・第7条）。</translation>
    </message>
    <message>
        <source>Do not open or copy the file further. Tell your officer, who will approve it after the fact, have it removed, quarantine it or report an incident.</source>
        <translation>このファイルを開いたり、さらに複写したりしないでください。取扱責任者に知らせてください。取扱責任者が事後承認・削除・隔離・事故報告のいずれかで処理します。</translation>
    </message>
    <message>
        <source>Personal data on a storage medium that is not in the media register (Art. 6).</source>
        <translation>電磁記録媒体管理簿に登録されていない媒体に個人情報があります（第6条）。</translation>
    </message>
    <message>
        <source>Unplug nothing yet. Tell your officer; the medium must be registered and consented to by the client before it holds personal data.</source>
        <translation>まだ媒体を外さず、取扱責任者に知らせてください。個人情報を記録する媒体は、登録と委託者の承諾が必要です。</translation>
    </message>
    <message>
        <source>Personal data on a registered medium the client has not consented to (Art. 6).</source>
        <translation>委託者の承諾を得ていない媒体に個人情報があります（第6条）。</translation>
    </message>
    <message>
        <source>Stop using the medium for personal data until the client&apos;s consent is recorded. Tell your officer.</source>
        <translation>委託者の承諾が記録されるまで、この媒体に個人情報を記録しないでください。取扱責任者に知らせてください。</translation>
    </message>
    <message>
        <source>Unencrypted personal data on a removable medium (Art. 6(1)).</source>
        <translation>持ち出し可能な媒体に暗号化されていない個人情報があります（第6条(1)）。</translation>
    </message>
    <message>
        <source>Personal data taken out on media must be encrypted. Tell your officer.</source>
        <translation>媒体で持ち出す個人情報は暗号化が必要です。取扱責任者に知らせてください。</translation>
    </message>
    <message>
        <source>An encrypted file that cannot be opened: it may be a copy of personal data.</source>
        <translation>開けない暗号化ファイルです。個人情報の複写かもしれません。</translation>
    </message>
    <message>
        <source>Tell your officer what the file is, so it can be approved or removed.</source>
        <translation>承認または削除ができるよう、何のファイルか取扱責任者に伝えてください。</translation>
    </message>
    <message>
        <source>A file the monitor recorded.</source>
        <translation>監視で記録されたファイルです。</translation>
    </message>
</context>
<context>
    <name>Screens</name>
    <message>
        <source>Terminals</source>
        <translation>端末</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>ダッシュボード</translation>
    </message>
    <message>
        <source>Detections</source>
        <translation>検知</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>承認</translation>
    </message>
    <message>
        <source>Registers</source>
        <translation>台帳</translation>
    </message>
    <message>
        <source>Forms</source>
        <translation>様式</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>監査記録</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>利用者</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <source>&amp;Add a folder…</source>
        <translation>フォルダを追加(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Stop watching</source>
        <translation>監視をやめる(&amp;S)</translation>
    </message>
    <message>
        <source>Watched folders</source>
        <translation>監視するフォルダ</translation>
    </message>
    <message>
        <source>Copies of personal data saved in these folders are detected. Removable media are always watched.</source>
        <translation>これらのフォルダに保存された個人情報の複写を検知します。取り外し可能な記録媒体は常に監視します。</translation>
    </message>
    <message>
        <source>Sole proprietors only (a corporation&apos;s representative acts in a public role)</source>
        <translation>個人事業主のみ（法人の代表者は公的な立場の表示とみなす）</translation>
    </message>
    <message>
        <source>Every representative, corporations&apos; too</source>
        <translation>法人の代表者を含むすべての代表者</translation>
    </message>
    <message>
        <source>&amp;Representatives (代表者, 開設者) counted as persons:</source>
        <translation>個人として数える代表者（代表者・開設者）(&amp;R):</translation>
    </message>
    <message>
        <source>&amp;Quarantine personal data found on unregistered media at once</source>
        <translation>未登録の媒体で見つかった個人情報を直ちに隔離する(&amp;Q)</translation>
    </message>
    <message>
        <source>Monitor</source>
        <translation>監視</translation>
    </message>
    <message>
        <source>&amp;Turn on</source>
        <translation>有効にする(&amp;T)</translation>
    </message>
    <message>
        <source>T&amp;urn off</source>
        <translation>無効にする(&amp;U)</translation>
    </message>
    <message>
        <source>Terminal key (lets the monitor start before anyone logs in)</source>
        <translation>端末用の鍵（ログイン前から監視を開始できるようにする）</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分</translation>
    </message>
    <message>
        <source>This terminal</source>
        <translation>この端末</translation>
    </message>
    <message>
        <source>&amp;Lock after idle time:</source>
        <translation>操作がないときロックするまでの時間(&amp;L):</translation>
    </message>
    <message>
        <source>Lan&amp;guage:</source>
        <translation>言語(&amp;G):</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>契約</translation>
    </message>
    <message>
        <source>The seal box on forms, the western year next to 和暦 and the check intervals are fields of the contract record.</source>
        <translation>様式の押印欄、和暦への西暦の併記、点検の間隔は、契約の記録で設定します。</translation>
    </message>
    <message>
        <source>Open the &amp;contract record</source>
        <translation>契約の記録を開く(&amp;C)</translation>
    </message>
    <message>
        <source>Open the &amp;media register</source>
        <translation>電磁記録媒体管理簿を開く(&amp;M)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>On: the monitor can open the ledger at login through the OS keyring.</source>
        <translation>オン: OS のキーリングを使い、ログイン前から監視が台帳を開けます。</translation>
    </message>
    <message>
        <source>Off: the monitor runs only while someone is logged in.</source>
        <translation>オフ: 監視は誰かがログインしている間だけ動きます。</translation>
    </message>
    <message>
        <source>Folder to watch</source>
        <translation>監視するフォルダ</translation>
    </message>
    <message>
        <source>Not available on this terminal: %1 Passphrases keep working.</source>
        <translation>この端末では使えません: %1 パスフレーズでの利用はこれまでどおりできます。</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Set up a new ledger</source>
        <translation>新しい台帳の作成</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>The contract this ledger is for, and you, its first responsible officer (取扱責任者). Everything else can be filled in later in the registers.</source>
        <translation>この台帳で管理する契約と、最初の取扱責任者（あなた）を入力してください。そのほかの項目は後から台帳で入力できます。</translation>
    </message>
    <message>
        <source>e.g. 小金井市</source>
        <translation>例: 小金井市</translation>
    </message>
    <message>
        <source>the contract&apos;s title, as on the contract</source>
        <translation>契約書に記載の件名</translation>
    </message>
    <message>
        <source>your company&apos;s name</source>
        <translation>貴社の商号又は名称</translation>
    </message>
    <message>
        <source>letters and digits, e.g. tanaka</source>
        <translation>英数字（例: tanaka）</translation>
    </message>
    <message>
        <source>Cl&amp;ient (委託者):</source>
        <translation>委託者(&amp;I):</translation>
    </message>
    <message>
        <source>Con&amp;tract title:</source>
        <translation>契約件名(&amp;T):</translation>
    </message>
    <message>
        <source>Contract&amp;or (受託者):</source>
        <translation>受託者(&amp;O):</translation>
    </message>
    <message>
        <source>Your &amp;login name:</source>
        <translation>ログイン名(&amp;L):</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>氏名(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>パスフレーズ(&amp;P):</translation>
    </message>
    <message>
        <source>Con&amp;firm passphrase:</source>
        <translation>パスフレーズ（確認）(&amp;F):</translation>
    </message>
    <message>
        <source>the client</source>
        <translation>委託者</translation>
    </message>
    <message>
        <source>the contract title</source>
        <translation>契約件名</translation>
    </message>
    <message>
        <source>the contractor</source>
        <translation>受託者</translation>
    </message>
    <message>
        <source>a login name</source>
        <translation>ログイン名</translation>
    </message>
    <message>
        <source>your name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <source>Type %1.</source>
        <translation>%1を入力してください。</translation>
    </message>
    <message>
        <source>Login names use only letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;.</source>
        <translation>ログイン名には英数字と「.」「_」「-」だけが使えます。</translation>
    </message>
    <message>
        <source>The passphrase needs at least 8 characters.</source>
        <translation>パスフレーズは8文字以上にしてください。</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>2つのパスフレーズが一致しません。</translation>
    </message>
    <message>
        <source>This is the recovery key. It opens the ledger when every passphrase is lost. It is shown only now: save or print its sheet and keep it locked away.</source>
        <translation>これは回復キーです。すべてのパスフレーズを忘れたときに台帳を開くためのものです。表示されるのは今だけです。保管票を保存または印刷し、施錠できる場所に保管してください。</translation>
    </message>
    <message>
        <source>&amp;Save the sheet as PDF…</source>
        <translation>保管票を PDF で保存(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Print the sheet…</source>
        <translation>保管票を印刷(&amp;P)…</translation>
    </message>
    <message>
        <source>I have &amp;kept the recovery key (sheet saved or printed, or written down)</source>
        <translation>回復キーを保管しました（保管票の保存・印刷、または書き写し）(&amp;K)</translation>
    </message>
    <message>
        <source>Save the recovery key sheet</source>
        <translation>回復キー保管票の保存</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF ファイル (*.pdf)</translation>
    </message>
    <message>
        <source>recovery-key</source>
        <translation>回復キー</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>保存しています…</translation>
    </message>
    <message>
        <source>saving the recovery key sheet</source>
        <translation>回復キー保管票の保存</translation>
    </message>
    <message>
        <source>Saved: %1. Print it, then delete the file.</source>
        <translation>保存しました: %1。印刷したら、このファイルは削除してください。</translation>
    </message>
    <message>
        <source>Preparing to print…</source>
        <translation>印刷の準備をしています…</translation>
    </message>
    <message>
        <source>printing the recovery key sheet</source>
        <translation>回復キー保管票の印刷</translation>
    </message>
    <message>
        <source>The printer could not be opened.</source>
        <translation>プリンターを開けませんでした。</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>印刷しました。</translation>
    </message>
    <message>
        <source>Folders where copies of personal data must be noticed (for example the download and desktop folders). Removable media are always watched. Optional.</source>
        <translation>個人情報の複写を検知するフォルダ（ダウンロードやデスクトップなど）。取り外し可能な記録媒体は常に監視します。省略できます。</translation>
    </message>
    <message>
        <source>&amp;Add a folder…</source>
        <translation>フォルダを追加(&amp;A)…</translation>
    </message>
    <message>
        <source>Watch this computer from the moment it starts, before anyone logs in (&amp;the key stays in this computer&apos;s password store)</source>
        <translation>この端末の起動時から、だれかがログインする前でも監視する（鍵はこのパソコンのパスワード保管庫に保存されます）(&amp;T)</translation>
    </message>
    <message>
        <source>Folder to watch</source>
        <translation>監視するフォルダ</translation>
    </message>
    <message>
        <source>Step %1 of 3</source>
        <translation>手順 %1 / 3</translation>
    </message>
    <message>
        <source>&amp;Create the ledger</source>
        <translation>台帳を作成(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>次へ(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>完了(&amp;F)</translation>
    </message>
    <message>
        <source>Keep the recovery key before going on.</source>
        <translation>先へ進む前に回復キーを保管してください。</translation>
    </message>
    <message>
        <source>Creating the ledger…</source>
        <translation>台帳を作成しています…</translation>
    </message>
    <message>
        <source>creating the ledger</source>
        <translation>台帳の作成</translation>
    </message>
    <message>
        <source>The terminal key is not available here: %1</source>
        <translation>この端末では端末用の鍵を使えません: %1</translation>
    </message>
</context>
<context>
    <name>UsersScreen</name>
    <message>
        <source>Users of this ledger</source>
        <translation>この台帳の利用者</translation>
    </message>
    <message>
        <source>Login name</source>
        <translation>ログイン名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>役割</translation>
    </message>
    <message>
        <source>&amp;Add a user…</source>
        <translation>利用者を追加(&amp;A)…</translation>
    </message>
    <message>
        <source>Change &amp;my passphrase…</source>
        <translation>自分のパスフレーズを変更(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Reset passphrase…</source>
        <translation>パスフレーズを再設定(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Disable user</source>
        <translation>利用者を無効にする(&amp;D)</translation>
    </message>
    <message>
        <source>Passphrase changed.</source>
        <translation>パスフレーズを変更しました。</translation>
    </message>
    <message>
        <source>You cannot disable yourself.</source>
        <translation>自分自身は無効にできません。</translation>
    </message>
    <message>
        <source>User disabled.</source>
        <translation>利用者を無効にしました。</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <source>Enrol a terminal</source>
        <translation>端末の登録</translation>
    </message>
    <message>
        <source>One folder per line</source>
        <translation>1行に1フォルダ</translation>
    </message>
    <message>
        <source>Terminal name</source>
        <translation>端末名</translation>
    </message>
    <message>
        <source>Drop folder</source>
        <translation>受け渡しフォルダ</translation>
    </message>
    <message>
        <source>Folders to watch</source>
        <translation>監視するフォルダ</translation>
    </message>
    <message>
        <source>Enrolment file to write</source>
        <translation>書き出す登録ファイル</translation>
    </message>
</context>
<context>
    <name>TerminalsScreen</name>
    <message>
        <source>Terminals of this work site</source>
        <translation>この作業場所の端末</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>端末</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Last heartbeat</source>
        <translation>最後の応答</translation>
    </message>
    <message>
        <source>Open detections</source>
        <translation>未処理の検知</translation>
    </message>
    <message>
        <source>Policy version (delivered / applied)</source>
        <translation>ポリシーの版（配布 / 適用）</translation>
    </message>
    <message>
        <source>Resolutions (waiting / failed)</source>
        <translation>端末での処理（依頼中 / 失敗）</translation>
    </message>
    <message>
        <source>&amp;Enrol a terminal…</source>
        <translation>端末を登録(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Revoke</source>
        <translation>登録を取消(&amp;R)</translation>
    </message>
    <message>
        <source>Refres&amp;h</source>
        <translation>再読込(&amp;H)</translation>
    </message>
    <message>
        <source>enrolled, not heard of yet</source>
        <translation>登録済み（まだ応答なし）</translation>
    </message>
    <message>
        <source>active</source>
        <translation>稼働中</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>取消済み</translation>
    </message>
    <message>
        <source>enrolling a terminal</source>
        <translation>端末の登録</translation>
    </message>
    <message>
        <source>Terminal enrolled</source>
        <translation>端末を登録しました</translation>
    </message>
    <message>
        <source>Give this one-time code to the terminal with the enrolment file. It is shown only now.</source>
        <translation>この一回限りのコードを登録ファイルと一緒に端末へ渡してください。表示されるのは今だけです。</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>登録の取消</translation>
    </message>
    <message>
        <source>Revoke terminal %1? Its bundles will be refused from now on.</source>
        <translation>端末「%1」の登録を取り消しますか？ 以後、この端末からの記録は受け付けません。</translation>
    </message>
    <message>
        <source>revoking a terminal</source>
        <translation>端末の登録の取消</translation>
    </message>
    <message>
        <source>Revoked.</source>
        <translation>取り消しました。</translation>
    </message>
</context>
</TS>
