; Inno Setup script for Archive Viewer (Windows). Not built or tested in this repository; see README.md.
; Build: ISCC.exe /DAppVersion=0.1.0 packaging\windows\archive-viewer.iss  (run from the checkout)
; Input: build\dist\archive-viewer\ made by PyInstaller from packaging\archive-viewer.spec.

#ifndef AppVersion
  #error Pass the version from pyproject.toml: ISCC /DAppVersion=x.y.z
#endif

[Setup]
AppId=org.archiveviewer.ArchiveViewer
AppName=Archive Viewer
AppVersion={#AppVersion}
AppPublisher=The Archive Viewer developers
DefaultDirName={autopf}\Archive Viewer
DefaultGroupName=Archive Viewer
DisableProgramGroupPage=yes
OutputDir=..\..\build\installer
OutputBaseFilename=ArchiveViewer-{#AppVersion}-setup
UninstallDisplayIcon={app}\archive-viewer.exe
; SetupIconFile=archive-viewer.ico  (convert resources\icons\hicolor PNGs to .ico first)
Compression=lzma2/max
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequiredOverridesAllowed=dialog

[Files]
; the whole one-folder bundle; _internal\archive.db is read-only and copied on first start
Source: "..\..\build\dist\archive-viewer\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Archive Viewer"; Filename: "{app}\archive-viewer.exe"; AppUserModelID: "org.archiveviewer.ArchiveViewer"
Name: "{autodesktop}\Archive Viewer"; Filename: "{app}\archive-viewer.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Run]
Filename: "{app}\archive-viewer.exe"; Description: "{cm:LaunchProgram,Archive Viewer}"; Flags: nowait postinstall skipifsilent
