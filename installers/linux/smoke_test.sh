#!/usr/bin/env bash
# Smoke test of the Linux bundle, run as a researcher would: no Python, no PATH, a fresh
# home. Checks the command line (analyze, import, export), the window (open --screenshot,
# offscreen) and the first start, whose demo import runs in a "spawn" child process of the
# frozen executable. Then reports the unpacked size and the start-up times of the bundle
# against the development virtual environment.
#
#   installers/linux/smoke_test.sh [BUNDLE_DIR]      (default: build/dist/Annotator)
#
# Exits non-zero on the first failed check. Needs coreutils, grep and awk; python3, when
# there is one, is used to count the rows of the demo project (never to run the app).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
BUNDLE=$(cd "${1:-$ROOT/build/dist/Annotator}" && pwd)
BIN="$BUNDLE/annotator"
DEMO="$ROOT/resources/demo"
MAX_MB=500
WORK=$(mktemp -d)
APP_PID=""
cleanup() {
    if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then kill "$APP_PID" || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }
pass() { echo "ok: $*"; }

# The bundle alone: an empty PATH (no python, no venv), a fresh home and data folder.
bare() {
    /usr/bin/env -i HOME="$WORK/home" XDG_DATA_HOME="$WORK/data" XDG_CONFIG_HOME="$WORK/config" \
        XDG_RUNTIME_DIR="$WORK/run" PATH="" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen "$@"
}
mkdir -p "$WORK/home" "$WORK/data" "$WORK/config" "$WORK/run"
chmod 700 "$WORK/run"

[ -x "$BIN" ] || fail "$BIN: no bundle (build it with installers/linux/build.sh)"

# -- command line ----------------------------------------------------------------------------
version=$(bare "$BIN" --version) || fail "--version"
[[ "$version" == annotator\ * ]] || fail "--version printed: $version"
pass "$version"

bare "$BIN" analyze --json "$DEMO/fr-01-logement-lyon.txt" "$DEMO/en-01-eu-climate-summit.txt" \
    >"$WORK/analyze.jsonl" 2>"$WORK/analyze.err" || { cat "$WORK/analyze.err"; fail "analyze"; }
[ "$(wc -l <"$WORK/analyze.jsonl")" -eq 2 ] || fail "analyze: expected 2 JSON lines"
grep -q '"language": "fr"' "$WORK/analyze.jsonl" || fail "analyze: French not detected"
grep -q '"language": "en"' "$WORK/analyze.jsonl" || fail "analyze: English not detected"
grep -q '"label": "PERSON"' "$WORK/analyze.jsonl" || fail "analyze: no person found"
grep -q '"kind": "direct"' "$WORK/analyze.jsonl" || fail "analyze: no direct quote found"
pass "analyze: French and English pipelines, entities and quotes"

cat >"$WORK/page.html" <<'HTML'
<html><head><title>Council approves the new bridge</title></head><body>
<nav>Home | News | Sport</nav>
<article><h1>Council approves the new bridge</h1>
<p>The city council approved the new bridge on Tuesday after a long debate about its cost.</p>
<p>"This bridge will link two neighbourhoods that have been apart for too long," said Mayor
Anna Berg, who has backed the project since her election two years ago.</p>
<p>Opponents said the budget was too small and that the works would disrupt traffic for years.</p>
</article><footer>Comments (3)</footer></body></html>
HTML
bare "$BIN" import "$WORK/study.annotator" "$DEMO" "$WORK/page.html" >"$WORK/import.out" 2>&1 \
    || { cat "$WORK/import.out"; fail "import"; }
pass "import: $(tail -1 "$WORK/import.out")"

bare "$BIN" export "$WORK/study.annotator" "$WORK/study.xlsx" >/dev/null 2>"$WORK/export.err" \
    || { cat "$WORK/export.err"; fail "export"; }
[ "$(head -c 2 "$WORK/study.xlsx")" = "PK" ] || fail "export: not an .xlsx file"
pass "export: $(du -k "$WORK/study.xlsx" | cut -f1) KB workbook"

# -- window ----------------------------------------------------------------------------------
bare "$BIN" open "$WORK/study.annotator" --screenshot "$WORK/window.png" 2>"$WORK/open.err" \
    || { cat "$WORK/open.err"; fail "open --screenshot"; }
[ "$(head -c 4 "$WORK/window.png" | tail -c 3)" = "PNG" ] || fail "screenshot: not a PNG"
png_kb=$(du -k "$WORK/window.png" | cut -f1)
[ "$png_kb" -gt 20 ] || fail "screenshot: only $png_kb KB, the window looks empty"
pass "open --screenshot: $png_kb KB PNG (offscreen)"

# First start: creates the demo project and imports the demo articles in a spawn child
# process of the frozen executable (multiprocessing.freeze_support in installers/entry.py).
# A data folder of its own: the runs above made study.annotator the last project.
mkdir -p "$WORK/first"
bare /usr/bin/env XDG_DATA_HOME="$WORK/first" "$BIN" >"$WORK/first.out" 2>&1 &
APP_PID=$!
demo_db="$WORK/first/annotator/demo.annotator"
expected=$(find "$DEMO" -name '*.txt' | wc -l)
count_demo() {
    if command -v python3 >/dev/null; then
        python3 - "$demo_db" <<'PY' 2>/dev/null || echo 0
import sqlite3, sys
print(sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True).execute(
    "select count(*) from articles").fetchone()[0])
PY
    else  # no checker Python: the import's end is when the article titles are stored
        cat "$demo_db" "$demo_db-wal" 2>/dev/null | grep -c -a "Lyon" || true
    fi
}
imported=0
for _ in $(seq 1 120); do
    sleep 1
    kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/first.out"; fail "first start: the app quit"; }
    imported=$(count_demo)
    [ "$imported" -ge "$expected" ] && break
done
[ "$imported" -ge "$expected" ] || { cat "$WORK/first.out"; fail "first start: demo import"; }
kids=$(pgrep -P "$APP_PID" || true)  # multiprocessing's resource tracker
kill "$APP_PID" $kids 2>/dev/null || true
wait "$APP_PID" 2>/dev/null || true
APP_PID=""
pass "first start: demo project with $imported articles imported by the child process"

# -- size and start-up time ------------------------------------------------------------------
size_mb=$(du -sm "$BUNDLE" | cut -f1)
echo "bundle: $BUNDLE, $size_mb MB unpacked ($(find "$BUNDLE" -type f | wc -l) files)"
[ "$size_mb" -lt "$MAX_MB" ] || fail "bundle is $size_mb MB, over $MAX_MB MB"
pass "size under $MAX_MB MB"

drop_caches() {  # a cold start reads everything from disk; needs root, else the start is warm
    sync
    if [ -w /proc/sys/vm/drop_caches ]; then echo 3 >/proc/sys/vm/drop_caches 2>/dev/null && return 0; fi
    return 1
}
seconds() {  # "wall s (cpu s)": CPU time (user + system) is steadier on a busy machine
    local TIMEFORMAT='%R %U %S' out
    out=$({ time "$@" >/dev/null 2>&1; } 2>&1) || fail "timed command failed: $*"
    read -r real user sys <<<"$out"
    echo "${real} s (cpu $(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }') s)"
}
VENV_BIN="$ROOT/.venv/bin/annotator"
venv() { /usr/bin/env XDG_DATA_HOME="$WORK/data" QT_QPA_PLATFORM=offscreen "$VENV_BIN" "$@"; }
[ -x "$VENV_BIN" ] || VENV_BIN=""
shot="$WORK/timing.png"
open_args=(open "$WORK/study.annotator" --screenshot "$shot")
if drop_caches; then kind=cold; else kind="warm (no permission to drop the page cache)"; fi
t_bundle=$(seconds bare "$BIN" "${open_args[@]}")
t_venv="n/a (no .venv)"
if [ -n "$VENV_BIN" ]; then drop_caches || true; t_venv=$(seconds venv "${open_args[@]}"); fi
w_bundle=$(seconds bare "$BIN" "${open_args[@]}")
w_venv="n/a"
[ -n "$VENV_BIN" ] && w_venv=$(seconds venv "${open_args[@]}")
echo "start to screenshot, $kind: bundle $t_bundle, venv $t_venv"
echo "start to screenshot, warm: bundle $w_bundle, venv $w_venv"
article="$DEMO/fr-01-logement-lyon.txt"
a_bundle=$(seconds bare "$BIN" analyze "$article")
a_venv="n/a"
[ -n "$VENV_BIN" ] && a_venv=$(seconds venv analyze "$article")
echo "analyze one French article (loads the pipeline), warm: bundle $a_bundle, venv $a_venv"
echo "load average while timing: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
echo "smoke test passed"
