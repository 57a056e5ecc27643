; Inno Setup script: per-user installer of the PyInstaller one-folder build.
;   iscc /DAppVersion=0.1.0 /DSourceDir=..\..\build\dist\Annotator installers\windows\annotator.iss
; build.ps1 passes both. No administrator rights are needed: everything goes under the user's
; profile (%LOCALAPPDATA%\Programs\Annotator) and HKCU.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\build\dist\Annotator"
#endif

[Setup]
AppId={{6B1E2E0C-6F0B-4C55-9C1A-5A0A7E4B2D11}
AppName=Annotator
AppVersion={#AppVersion}
AppVerName=Annotator {#AppVersion}
AppPublisher=Annotator contributors
DefaultDirName={autopf}\Annotator
DefaultGroupName=Annotator
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=Annotator-Setup-{#AppVersion}
SetupIconFile=..\..\resources\icons\annotator.ico
UninstallDisplayIcon={app}\Annotator.exe
LicenseFile=..\..\LICENSE
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "french"; MessagesFile: "compiler:Languages\French.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "association"; Description: "Open .annotator project files with Annotator"; GroupDescription: "File types:"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "..\..\LICENSE"; DestDir: "{app}"; DestName: "LICENSE.txt"
Source: "..\THIRD_PARTY.md"; DestDir: "{app}"

[Icons]
Name: "{autoprograms}\Annotator"; Filename: "{app}\Annotator.exe"
Name: "{autodesktop}\Annotator"; Filename: "{app}\Annotator.exe"; Tasks: desktopicon

[Registry]
; .annotator -> Annotator.Project, opened by Annotator.exe "%1" (HKCU via HKA: no admin rights).
Root: HKA; Subkey: "Software\Classes\.annotator"; ValueType: string; ValueName: ""; ValueData: "Annotator.Project"; Flags: uninsdeletevalue; Tasks: association
Root: HKA; Subkey: "Software\Classes\.annotator"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-annotator-project"; Flags: uninsdeletevalue; Tasks: association
Root: HKA; Subkey: "Software\Classes\Annotator.Project"; ValueType: string; ValueName: ""; ValueData: "Annotator project"; Flags: uninsdeletekey; Tasks: association
Root: HKA; Subkey: "Software\Classes\Annotator.Project\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\Annotator.exe,0"; Tasks: association
Root: HKA; Subkey: "Software\Classes\Annotator.Project\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\Annotator.exe"" open ""%1"""; Tasks: association
Root: HKA; Subkey: "Software\Classes\Applications\Annotator.exe\SupportedTypes"; ValueType: string; ValueName: ".annotator"; ValueData: ""; Flags: uninsdeletekey; Tasks: association

[Run]
Filename: "{app}\Annotator.exe"; Description: "{cm:LaunchProgram,Annotator}"; Flags: nowait postinstall skipifsilent
