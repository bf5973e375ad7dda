; Inno Setup script of the homecheck installer for Windows (built by .github/workflows/release.yml):
;   ISCC.exe /DAppVersion=0.1.0 /DSourceDir=<the PyInstaller bundle folder> packaging\windows\homecheck.iss
; Installs for the current user without administrator rights (or for everyone, when chosen), adds a
; Start menu entry (and a desktop one, when ticked), and lets check files (.json) be opened with
; homecheck from Explorer's "Open with" (homecheck does not take over .json files: other programs
; keep opening them by default). Uninstalling keeps the data folder with the checks
; (%LOCALAPPDATA%\homecheck); the README says how to delete it.
; UNTESTED here: no Windows machine was available; the release workflow runs it on a hosted runner.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\homecheck"
#endif

[Setup]
AppId={{7C1E5C2A-4F0B-4E8B-9A77-2D5B8C3F1A10}
AppName=homecheck
AppVersion={#AppVersion}
AppPublisher=homecheck
AppPublisherURL=https://github.com/homecheck-app/homecheck
DefaultDirName={autopf}\homecheck
DefaultGroupName=homecheck
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputBaseFilename=homecheck-{#AppVersion}-windows-setup
SetupIconFile=..\icons\homecheck.ico
UninstallDisplayIcon={app}\homecheck-app.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes

[Languages]
Name: "nl"; MessagesFile: "compiler:Languages\Dutch.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\homecheck"; Filename: "{app}\homecheck-app.exe"
Name: "{autodesktop}\homecheck"; Filename: "{app}\homecheck-app.exe"; Tasks: desktopicon

[Registry]
; "Open with > homecheck" for .json check files, without becoming their default program.
Root: HKA; Subkey: "Software\Classes\homecheck.checkfile"; ValueType: string; ValueName: ""; ValueData: "homecheck check"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\homecheck.checkfile\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\homecheck-app.exe,0"
Root: HKA; Subkey: "Software\Classes\homecheck.checkfile\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\homecheck-app.exe"" ""%1"""
Root: HKA; Subkey: "Software\Classes\.json\OpenWithProgids"; ValueType: string; ValueName: "homecheck.checkfile"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\Applications\homecheck-app.exe\SupportedTypes"; ValueType: string; ValueName: ".json"; ValueData: ""; Flags: uninsdeletekey

[Run]
Filename: "{app}\homecheck-app.exe"; Description: "{cm:LaunchProgram,homecheck}"; Flags: nowait postinstall skipifsilent
