# Build the Windows installer: PyInstaller one-folder build, smoke test, Inno Setup.
#
#   powershell -ExecutionPolicy Bypass -File installers\windows\build.ps1
#
# Needs Python 3.11+ (py launcher or PYTHON env var) and Inno Setup 6 (iscc.exe on PATH or
# in its default folder; CI installs it with choco). Signing runs when WINDOWS_SIGN_PFX
# (path to a .pfx) and WINDOWS_SIGN_PASSWORD are set.
# Output: dist\Annotator-Setup-<version>.exe, build\dist\Annotator\.
$ErrorActionPreference = "Stop"
$Root = Resolve-Path (Join-Path $PSScriptRoot "..\..")
Set-Location $Root

$Python = if ($env:PYTHON) { $env:PYTHON } else { "py" }
$PyArgs = if ($Python -eq "py") { @("-3.11") } else { @() }
if (-not (Test-Path ".venv\Scripts\python.exe")) { & $Python @PyArgs -m venv .venv }
$Venv = ".venv\Scripts\python.exe"
& $Venv -m pip install --quiet --upgrade pip
& $Venv -m pip install --quiet -e ".[installers]"
if ($LASTEXITCODE) { throw "pip install failed" }
$Version = (& $Venv -c "import annotator; print(annotator.__version__)").Trim()

if (Test-Path "build\dist\Annotator") { Remove-Item -Recurse -Force "build\dist\Annotator" }
& $Venv -m PyInstaller --noconfirm --log-level WARN --distpath build\dist --workpath build\pyinstaller installers\annotator.spec
if ($LASTEXITCODE) { throw "PyInstaller failed" }

# Smoke test with the console executable (Annotator.exe is windowed and prints nothing).
$Cli = "build\dist\Annotator\annotator-cli.exe"
$Work = Join-Path ([IO.Path]::GetTempPath()) ("annotator-smoke-" + [guid]::NewGuid())
New-Item -ItemType Directory $Work | Out-Null
$env:QT_QPA_PLATFORM = "offscreen"
& $Cli analyze resources\demo\fr-01-logement-lyon.txt
if ($LASTEXITCODE) { throw "smoke test: analyze failed" }
& $Cli import "$Work\demo.annotator" resources\demo
if ($LASTEXITCODE) { throw "smoke test: import failed" }
& $Cli open "$Work\demo.annotator" --screenshot "$Work\window.png"
if ($LASTEXITCODE -or -not (Test-Path "$Work\window.png")) { throw "smoke test: screenshot failed" }
Remove-Item Env:QT_QPA_PLATFORM
Remove-Item -Recurse -Force $Work
$SizeMB = [math]::Round((Get-ChildItem -Recurse "build\dist\Annotator" | Measure-Object Length -Sum).Sum / 1MB)
Write-Host "bundle: $SizeMB MB unpacked"

$Iscc = (Get-Command iscc.exe -ErrorAction SilentlyContinue).Source
if (-not $Iscc) { $Iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
& $Iscc "/DAppVersion=$Version" "/DSourceDir=$Root\build\dist\Annotator" installers\windows\annotator.iss
if ($LASTEXITCODE) { throw "Inno Setup failed" }
$Setup = "dist\Annotator-Setup-$Version.exe"

if ($env:WINDOWS_SIGN_PFX) {
    signtool sign /f $env:WINDOWS_SIGN_PFX /p $env:WINDOWS_SIGN_PASSWORD /fd SHA256 /tr http://timestamp.digicert.com /td SHA256 $Setup
    if ($LASTEXITCODE) { throw "signing failed" }
}
Write-Host "built $Setup"
