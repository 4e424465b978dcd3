; Inno Setup script for Tokki Desktop (Windows). Built by installer/build.py after the
; frozen app in dist\TokkiDesktop passed its smoke test. Japanese first, English second.
#define AppName "Tokki Desktop"
#define AppVersion "0.1.0"
#define AppPublisher "Tokki Desktop team"

[Setup]
AppId={{6B0B3F5E-4C1D-4E55-9C1B-7A0C2F3D8E21}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher={#AppPublisher}
DefaultDirName={autopf}\TokkiDesktop
DefaultGroupName={#AppName}
OutputDir=..\..\dist
OutputBaseFilename=TokkiDesktop-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequired=admin
WizardStyle=modern
; The ledger lives in each user's local data folder (%LOCALAPPDATA%\TokkiDesktop) and is
; never touched by install, upgrade or uninstall.
UninstallDisplayName={#AppName}

[Languages]
Name: "japanese"; MessagesFile: "compiler:Languages\Japanese.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
japanese.StartMonitor=ログオン時に監視を開始する（端末用の鍵が設定されている場合）
english.StartMonitor=Start the monitor at logon (when the terminal key is set up)
japanese.LedgerKept=台帳（%LOCALAPPDATA%\TokkiDesktop）は削除されません。
english.LedgerKept=The ledger (%LOCALAPPDATA%\TokkiDesktop) is not removed.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"
Name: "monitoratlogon"; Description: "{cm:StartMonitor}"

[Files]
Source: "..\..\dist\TokkiDesktop\*"; DestDir: "{app}"; Flags: recursesubdirs createallsubdirs ignoreversion
Source: "..\..\resources\fonts\LICENSE"; DestDir: "{app}\licenses"; DestName: "IPA_Font_License.txt"; Flags: skipifsourcedoesntexist

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\tokki-desktop.exe"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\tokki-desktop.exe"; Tasks: desktopicon

[Registry]
; The monitor runs per user at logon, before anyone unlocks the window (terminal slot).
Root: HKCU; Subkey: "Software\Microsoft\Windows\CurrentVersion\Run"; ValueType: string; ValueName: "TokkiMonitor"; ValueData: """{app}\tokki.exe"" monitor"; Tasks: monitoratlogon; Flags: uninsdeletevalue

[Run]
Filename: "{app}\tokki-desktop.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

