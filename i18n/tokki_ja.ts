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
        <source>Re&amp;peat passphrase</source>
        <translation>パスフレーズ（確認）(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>追加(&amp;A)</translation>
    </message>
    <message>
        <source>Type a login name.</source>
        <translation>ログイン名を入力してください。</translation>
    </message>
    <message>
        <source>Login names use only letters, digits, '.', '_' and '-'.</source>
        <translation>ログイン名には英数字と「.」「_」「-」だけが使えます。</translation>
    </message>
    <message>
        <source>Type the person's name.</source>
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
        <source>There is no ledger in this folder yet. Set up a new one, or start with --demo to try the app.</source>
        <translation>このフォルダにはまだ台帳がありません。新しく作成するか、--demo を付けて起動するとデモで試せます。</translation>
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
    <name>Screens</name>
    <message>
        <source>Users</source>
        <translation>利用者</translation>
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
</context>
</TS>
