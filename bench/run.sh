#!/usr/bin/env bash
# mocpress vs Hugo, side by side, in one run (issue 6).
#
# Generates the benchmark corpora with ../shared/bench/gen_corpus.py (one
# corpus that both generators build), times Hugo and mocpress with hyperfine
# in the same run, reads peak RSS with /usr/bin/time -v, and prints a Markdown
# table of ratios (bench/report.py), also written to bench/results/latest.md.
# See usage() below, or `bench/run.sh --help`.
set -euo pipefail
{ # bash reads a script as it runs: the braces make it read all of it first, so
  # an edit (or a git checkout) during a long run cannot change the running one.

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$SCRIPT_DIR/.." && pwd)

RUNS=3
WARMUP=1
WORK=/tmp/mocpress-bench
BIN=
COMMIT=
QUICK=0
WITH_BIG=0
REGEN=0
GEN="$REPO/../shared/bench/gen_corpus.py"
OUT_MD=
NOTE=
CASES="build,portals,floor,rebuild,audit,scale"
AS_OF=2023-12-31
SEED=1

usage() {
  cat <<EOF
Usage: bench/run.sh [options]

Times Hugo and mocpress on the same generated corpora, with hyperfine, in one
run, and prints a Markdown table of ratios (also written to
bench/results/latest.md, or bench/results/latest-quick.md with --quick).

Cases (full mode; --quick uses smaller corpora, shown in brackets):
  build    full build, 10,000 pages in 1 portal [1,000]: Hugo vs mocpress,
           wall time and peak RSS
  portals  full build, 20 portals x 500 pages [20 x 50]: Hugo vs mocpress
  floor    the cmark CLI over the same Markdown, one process
           (find -name '*.md' | xargs cat | cmark > /dev/null; front matter is
           fed as-is), and cmark plus a copy of the content tree (cp -R: reads
           and writes every file) -- vs the mocpress full build of "build"
  rebuild  a second build with nothing changed (output folder left in place),
           mocpress and Hugo, vs their full builds of "build"; mocpress also
           with --no-cache (if the binary has it: .mocpress-cache/ off)
  audit    mocpress check and mocpress audit --output DIR over
           2,000 portals x 50 pages [40 x 50], --as-of $AS_OF
  scale    mocpress (and Hugo) at 1,000 and 10,000 pages [200, 1,000],
           plus 50,000 [5,000] with --with-50k

Options:
  --runs N        timed runs per command (default $RUNS; plus $WARMUP warm-up run)
  --work DIR      corpora, outputs and raw results (default $WORK);
                  corpora are kept and reused while their parameters and
                  gen_corpus.py are unchanged
  --bin PATH      mocpress binary to time (default: swift build -c release in
                  the repository, then its .build/release/mocpress)
  --commit REV    build this git revision of the repository instead of the
                  working tree (git archive into WORK/src/<sha>; the working
                  tree and its .build are not touched)
  --quick         smaller corpora, for a smoke run (a few minutes)
  --with-50k      add the 50,000-page scaling point (slow to generate: ~500 MB)
  --cases LIST    comma-separated subset of: $CASES
  --gen PATH      corpus generator (default ../shared/bench/gen_corpus.py)
  --out FILE      write the table here (default bench/results/latest.md,
                  or bench/results/latest-quick.md with --quick)
  --regen         regenerate the corpora even if cached ones match
  --note TEXT     a line for the table's header (e.g. what else ran on the machine)
  -h, --help      this text

Needs: hugo, hyperfine, cmark, /usr/bin/time (GNU time), python3, and swift
unless --bin is given. The script installs nothing; on Debian:
  apt-get install -y hugo hyperfine cmark time

Rules kept: every timed run starts with the previous output folder renamed
away (mv into WORK/trash, then sync), never deleted -- deleting 100 MB of small
files right before a run puts the disk's discard work into the timed run; the
renamed folders are deleted at the very end, outside timing. Each command is
run once before timing and its exit code checked. mocpress's warnings (the
generated methodical pages have no direction:) go to /dev/null in timed runs.
Raw hyperfine exports and /usr/bin/time -v logs: bench/results/raw[-quick]/.
EOF
}

die() { echo "run.sh: $*" >&2; exit 2; }
log() { echo "== $*" >&2; }

while [ $# -gt 0 ]; do
  case $1 in
    --runs) RUNS=${2:?}; shift 2 ;;
    --runs=*) RUNS=${1#*=}; shift ;;
    --work) WORK=${2:?}; shift 2 ;;
    --work=*) WORK=${1#*=}; shift ;;
    --bin) BIN=${2:?}; shift 2 ;;
    --bin=*) BIN=${1#*=}; shift ;;
    --commit) COMMIT=${2:?}; shift 2 ;;
    --commit=*) COMMIT=${1#*=}; shift ;;
    --quick) QUICK=1; shift ;;
    --with-50k) WITH_BIG=1; shift ;;
    --cases) CASES=${2:?}; shift 2 ;;
    --cases=*) CASES=${1#*=}; shift ;;
    --gen) GEN=${2:?}; shift 2 ;;
    --gen=*) GEN=${1#*=}; shift ;;
    --out) OUT_MD=${2:?}; shift 2 ;;
    --out=*) OUT_MD=${1#*=}; shift ;;
    --regen) REGEN=1; shift ;;
    --note) NOTE=${2:?}; shift 2 ;;
    --note=*) NOTE=${1#*=}; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown option: $1" ;;
  esac
done
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "--runs needs a positive number, got '$RUNS'"
[ -z "$BIN" ] || [ -z "$COMMIT" ] || die "--bin and --commit exclude each other"
for c in ${CASES//,/ }; do
  case $c in build|portals|floor|rebuild|audit|scale) ;; *) die "unknown case '$c' (known: build,portals,floor,rebuild,audit,scale)" ;; esac
done
want() { [[ ",$CASES," == *",$1,"* ]]; }

# ---------------------------------------------------------------- what is missing
missing=() pkgs=()
for tool in hugo hyperfine cmark python3; do
  command -v "$tool" >/dev/null 2>&1 || { missing+=("$tool"); [ "$tool" = python3 ] || pkgs+=("$tool"); }
done
if ! /usr/bin/time -v -o /dev/null /bin/sh -c : >/dev/null 2>&1; then missing+=("/usr/bin/time (GNU time)"); pkgs+=(time); fi
[ -n "$BIN" ] || command -v swift >/dev/null 2>&1 || missing+=("swift (or give --bin PATH)")
[ -f "$GEN" ] || missing+=("corpus generator $GEN (give --gen PATH)")
if [ ${#missing[@]} -gt 0 ]; then
  echo "run.sh: missing: ${missing[*]}" >&2
  [ ${#pkgs[@]} -eq 0 ] || echo "run.sh: install with: apt-get install -y ${pkgs[*]}" >&2
  exit 2
fi
GEN=$(cd "$(dirname "$GEN")" && pwd)/$(basename "$GEN")

# ---------------------------------------------------------------- sizes
if [ "$QUICK" = 1 ]; then
  MODE=quick
  MAIN_PAGES=1000
  MULTI_PORTALS=20 MULTI_PER=50
  AUDIT_PORTALS=40 AUDIT_PER=50
  SCALE="200 1000"; [ "$WITH_BIG" = 0 ] || SCALE="$SCALE 5000"
  RESULTS_NAME=latest-quick RAW_NAME=raw-quick
else
  MODE=full
  MAIN_PAGES=10000
  MULTI_PORTALS=20 MULTI_PER=500
  AUDIT_PORTALS=2000 AUDIT_PER=50
  SCALE="1000 10000"; [ "$WITH_BIG" = 0 ] || SCALE="$SCALE 50000"
  RESULTS_NAME=latest RAW_NAME=raw
fi
OUT_MD=${OUT_MD:-$SCRIPT_DIR/results/$RESULTS_NAME.md}
RAW=$SCRIPT_DIR/results/$RAW_NAME

mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)
exec 9> "$WORK/.lock"
flock -n 9 || die "another bench/run.sh is using $WORK (two runs at once would time each other)"
RUN_ID=$(date +%Y%m%d-%H%M%S)-$$
TRASH=$WORK/trash/$RUN_ID
OUT=$WORK/out
mkdir -p "$TRASH" "$OUT" "$WORK/corpora"
rm -rf "$RAW"   # small files only (JSON and text); nothing is timed yet
mkdir -p "$RAW" "$(dirname "$OUT_MD")"

avail_gb=$(df -Pk "$WORK" | awk 'NR==2 {printf "%d", $4/1048576}')
need_gb=2; [ "$MODE" = quick ] || need_gb=5
[ "$WITH_BIG" = 0 ] || [ "$MODE" = quick ] || need_gb=$((need_gb + 2))
if [ "$avail_gb" -lt "$need_gb" ]; then
  echo "run.sh: warning: only ${avail_gb} GB free under $WORK; the $MODE run wants about ${need_gb} GB (corpora + outputs)" >&2
fi

# ---------------------------------------------------------------- the binary
BIN_NOTE=
if [ -n "$BIN" ]; then
  [ -x "$BIN" ] || die "--bin $BIN is not an executable file"
  BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
  BIN_NOTE="given with --bin"
elif [ -n "$COMMIT" ]; then
  sha=$(git -C "$REPO" rev-parse --verify "$COMMIT^{commit}") || die "no such revision: $COMMIT"
  src=$WORK/src/$sha
  if [ ! -f "$src/Package.swift" ]; then
    log "snapshot of $COMMIT ($sha) in $src"
    mkdir -p "$src.tmp" && git -C "$REPO" archive "$sha" | tar -x -C "$src.tmp" && mv "$src.tmp" "$src"
    # Package.resolved is not tracked: pin the same dependency versions as the working tree.
    [ ! -f "$REPO/Package.resolved" ] || cp "$REPO/Package.resolved" "$src/"
  fi
  log "swift build -c release ($src)"
  (cd "$src" && swift build -c release >&2)
  BIN=$(cd "$src" && swift build -c release --show-bin-path)/mocpress
  BIN_NOTE="commit ${sha:0:12}"
else
  log "swift build -c release ($REPO)"
  (cd "$REPO" && swift build -c release >&2)
  BIN=$(cd "$REPO" && swift build -c release --show-bin-path)/mocpress
  sha=$(git -C "$REPO" rev-parse --short=12 HEAD 2>/dev/null || echo unknown)
  dirty=$(git -C "$REPO" status --porcelain -- Sources Package.swift 2>/dev/null | head -1)
  BIN_NOTE="working tree at ${sha}${dirty:+ + uncommitted changes in Sources/}"
fi
[ -x "$BIN" ] || die "no mocpress binary at $BIN"

# ---------------------------------------------------------------- machine
cpu=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)
ram_gb=$(awk '/^MemTotal/ {printf "%.1f", $2/1048576}' /proc/meminfo)
{
  echo "mode=$MODE"
  echo "date=$(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "host_nproc=$(nproc)"
  echo "cpu=${cpu:-unknown}"
  echo "ram=${ram_gb} GB"
  echo "kernel=$(uname -sr)"
  echo "disk=$(df -PT "$WORK" | awk 'NR==2 {print $2}') ($(awk -v m="$(df -P "$WORK" | awk 'NR==2 {print $6}')" '$2 == m {print $4; exit}' /proc/mounts))"
  echo "hugo=$(hugo version | awk '{print $2}')"
  echo "hyperfine=$(hyperfine --version | awk '{print $2}')"
  echo "cmark=$(cmark --version | awk 'NR==1 {print $2}')"
  echo "mocpress=$("$BIN" --version 2>/dev/null || echo '?') ($BIN_NOTE)"
  echo "runs=$RUNS"
  echo "warmup=$WARMUP"
  echo "as_of=$AS_OF"
  echo "load_start=$(cut -d' ' -f1-3 /proc/loadavg)"
  [ -z "$NOTE" ] || echo "note=$NOTE"
} > "$RAW/machine.txt"

# CPU the rest of the machine uses while we measure: busy time of all CPUs
# (/proc/stat) minus the CPU time of this script's own children (bash `times`).
busy_seconds() { awk -v hz="$(getconf CLK_TCK)" '/^cpu / {printf "%.2f", ($2+$3+$4+$7+$8+$9)/hz}' /proc/stat; }
own_seconds() {  # `times` in this shell (a pipe would run it in a subshell with no children)
  times > "$WORK/.times"
  awk 'NR==2 {s=0; for (i=1;i<=2;i++) {split($i,a,/[ms]/); s+=a[1]*60+a[2]} printf "%.2f", s}' "$WORK/.times"
}
own_seconds > "$WORK/.own"; OWN0=$(cat "$WORK/.own") BUSY0=$(busy_seconds) WALL0=$(date +%s.%N)
: > "$RAW/cases.tsv"

# ---------------------------------------------------------------- corpora
# corpus NAME PAGES PORTALS: generate (or reuse) WORK/corpora/NAME, with the
# repository's themes/ copied in (mocpress looks for themes/<name> under --source).
corpus() {
  local name=$1 pages=$2 portals=$3 dir=$WORK/corpora/$1
  local stamp="pages=$pages portals=$portals seed=$SEED gen=$(sha256sum "$GEN" | cut -c1-16)"
  if [ "$REGEN" = 1 ] || [ ! -f "$dir/.stamp" ] || [ "$(cat "$dir/.stamp")" != "$stamp" ]; then
    [ ! -e "$dir" ] || mv "$dir" "$TRASH/corpus-$name"
    log "corpus $name: --pages $pages --portals $portals"
    python3 "$GEN" "$dir" --pages "$pages" --portals "$portals" --seed "$SEED" --mocpress --hugo-site >&2
    echo "$stamp" > "$dir/.stamp"
  fi
  [ ! -e "$dir/themes" ] || mv "$dir/themes" "$TRASH/themes-$name-$RANDOM$RANDOM"
  cp -R "$REPO/themes" "$dir/themes"
  printf '%s\n' "$dir"
}

# md_stats DIR -> "files bytes" of the Markdown under DIR/content
md_stats() {
  find "$1/content" -name '*.md' -printf '%s\n' | awk '{n++; b+=$1} END {printf "%d\t%d", n, b}'
}

# out_stats DIR -> "html_files all_files bytes"
out_stats() {
  local html files bytes
  html=$(find "$1" -type f -name '*.html' | wc -l)
  files=$(find "$1" -type f | wc -l)
  bytes=$(du -sb "$1" | cut -f1)
  echo "$html $files $bytes"
}

# prep OUTDIR -> the hyperfine --prepare command: rename the old output away, flush.
prep() { printf '[ ! -e %q ] || mv %q %q/$(basename %q).$(date +%%s%%N); sync' "$1" "$1" "$TRASH" "$1"; }
# timed RSSLOG CMD... -> the command, under /usr/bin/time -v appending to RSSLOG
timed() { local log=$1; shift; printf '/usr/bin/time -v -a -o %q' "$log"; printf ' %q' "$@"; }

# once NAME OK_CODES OUTDIR CMD... : run outside timing, check the exit code,
# keep stderr in RAW/NAME.stderr and the output's statistics in RAW/NAME.out
once() {
  local name=$1 ok=$2 outdir=$3 rc=0; shift 3
  [ -z "$outdir" ] || [ ! -e "$outdir" ] || mv "$outdir" "$TRASH/$(basename "$outdir").once"
  "$@" > "$RAW/$name.stdout" 2> "$RAW/$name.stderr" || rc=$?
  if [[ " $ok " != *" $rc "* ]]; then
    echo "run.sh: $name exited with $rc (expected $ok): $*" >&2
    tail -5 "$RAW/$name.stderr" >&2
    exit 1
  fi
  echo "$rc" > "$RAW/$name.rc"
  [ -z "$outdir" ] || out_stats "$outdir" > "$RAW/$name.out"
}

# hf ID ARGS... : hyperfine with the common options, export to RAW/ID.json
hf() {
  local id=$1; shift
  log "hyperfine: $id"
  hyperfine --warmup "$WARMUP" --runs "$RUNS" --style basic --export-json "$RAW/$id.json" "$@" >&2
}

# build_case KIND ID LABEL CORPUS : Hugo vs mocpress full build of CORPUS
build_case() {
  local kind=$1 id=$2 label=$3 src=$4 ho=$OUT/$2-hugo mo=$OUT/$2-mocpress
  rm -f "$RAW/$id".*.rss
  once "$id.hugo" 0 "$ho" hugo -s "$src" -d "$ho" --quiet
  once "$id.mocpress" 0 "$mo" "$BIN" build --source "$src" --output "$mo"
  hf "$id" \
    -n hugo --prepare "$(prep "$ho")" "$(timed "$RAW/$id.hugo.rss" hugo -s "$src" -d "$ho" --quiet)" \
    -n mocpress --prepare "$(prep "$mo")" "$(timed "$RAW/$id.mocpress.rss" "$BIN" build --source "$src" --output "$mo") 2>/dev/null"
  out_stats "$ho" > "$RAW/$id.hugo.out"
  out_stats "$mo" > "$RAW/$id.mocpress.out"
  printf '%s\t%s\t%s\t%s\n' "$kind" "$id" "$label" "$(md_stats "$src")" >> "$RAW/cases.tsv"
}

fmt() { python3 -c 'import sys; print(f"{int(sys.argv[1]):,}")' "$1"; }

# ---------------------------------------------------------------- cases
log "mocpress: $BIN ($BIN_NOTE); work: $WORK; mode: $MODE; runs: $RUNS"
MAIN=$(corpus "p$MAIN_PAGES" "$MAIN_PAGES" 1)
MAIN_ID=build-$MAIN_PAGES

if want build || want floor || want rebuild || { want scale && [[ " $SCALE " == *" $MAIN_PAGES "* ]]; }; then
  build_case build "$MAIN_ID" "full build, $(fmt "$MAIN_PAGES") pages, 1 portal" "$MAIN"
fi

if want portals; then
  C=$(corpus "p$((MULTI_PORTALS * MULTI_PER))x$MULTI_PORTALS" $((MULTI_PORTALS * MULTI_PER)) "$MULTI_PORTALS")
  build_case build "build-${MULTI_PORTALS}x$MULTI_PER" "full build, $MULTI_PORTALS portals × $(fmt "$MULTI_PER") pages" "$C"
fi

if want floor; then
  id=floor-$MAIN_PAGES fo=$OUT/floor-copy
  md=$(printf 'find %q -name %q -print0 | xargs -0 cat | cmark > /dev/null' "$MAIN/content" '*.md')
  mdfile=$(printf 'find %q -name %q -print0 | xargs -0 cat | cmark > %q/all.html' "$MAIN/content" '*.md' "$fo")
  once "$id.cmark" 0 "" sh -c "$md"
  hf "$id" \
    -n cmark --prepare sync "$md" \
    -n cmark+cp --prepare "$(prep "$fo")" "cp -R $(printf %q "$MAIN/content") $(printf %q "$fo") && $mdfile"
  out_stats "$fo" > "$RAW/$id.cmark+cp.out"
  printf 'floor\t%s\t%s\t%s\t%s\n' "$id" "floor, $(fmt "$MAIN_PAGES") pages" "$MAIN_ID" "$(md_stats "$MAIN")" >> "$RAW/cases.tsv"
fi

if want rebuild; then
  # Nothing changed, output folders left in place (the warm-up run makes sure they exist).
  # mocpress keeps .mocpress-cache/ in the corpus folder; where the binary has
  # --no-cache, the same rebuild without the cache is timed too.
  id=rebuild-$MAIN_PAGES ho=$OUT/$MAIN_ID-hugo mo=$OUT/$MAIN_ID-mocpress
  rm -f "$RAW/$id".*.rss
  nocache=()
  if "$BIN" build --help 2>/dev/null | grep -q -- --no-cache; then
    nocache=(-n "mocpress --no-cache" --prepare sync
      "$(timed "$RAW/$id.mocpress-no-cache.rss" "$BIN" build --no-cache --source "$MAIN" --output "$mo") 2>/dev/null")
  fi
  once "$id.hugo" 0 "" hugo -s "$MAIN" -d "$ho" --quiet
  once "$id.mocpress" 0 "" "$BIN" build --source "$MAIN" --output "$mo"
  hf "$id" \
    -n hugo --prepare sync "$(timed "$RAW/$id.hugo.rss" hugo -s "$MAIN" -d "$ho" --quiet)" \
    -n mocpress --prepare sync "$(timed "$RAW/$id.mocpress.rss" "$BIN" build --source "$MAIN" --output "$mo") 2>/dev/null" \
    "${nocache[@]}"
  out_stats "$ho" > "$RAW/$id.hugo.out"
  out_stats "$mo" > "$RAW/$id.mocpress.out"
  printf 'rebuild\t%s\t%s\t%s\n' "$id" "no-change rebuild, $(fmt "$MAIN_PAGES") pages" "$MAIN_ID" >> "$RAW/cases.tsv"
fi

if want audit; then
  pages=$((AUDIT_PORTALS * AUDIT_PER))
  C=$(corpus "p${pages}x$AUDIT_PORTALS" "$pages" "$AUDIT_PORTALS")
  id=audit-${AUDIT_PORTALS}x$AUDIT_PER ao=$OUT/audit
  rm -f "$RAW/$id".*.rss
  # check and audit exit 1 when some portal has an overdue media-plan item: that counts as success here.
  once "$id.check" "0 1" "" "$BIN" check --source "$C" --as-of "$AS_OF"
  once "$id.audit" "0 1" "$ao" "$BIN" audit --source "$C" --output "$ao" --as-of "$AS_OF"
  hf "$id" \
    -n check --prepare sync "$(timed "$RAW/$id.check.rss" "$BIN" check --source "$C" --as-of "$AS_OF") >/dev/null 2>&1 || [ \$? -eq 1 ]" \
    -n audit --prepare "$(prep "$ao")" "$(timed "$RAW/$id.audit.rss" "$BIN" audit --source "$C" --output "$ao" --as-of "$AS_OF") >/dev/null 2>&1 || [ \$? -eq 1 ]"
  out_stats "$ao" > "$RAW/$id.audit.out"
  printf 'audit\t%s\t%s\t%s\t%s\t%s\n' "$id" "$(fmt "$AUDIT_PORTALS") portals × $AUDIT_PER pages" "$(md_stats "$C")" \
    "$(cat "$RAW/$id.check.rc")" "$(cat "$RAW/$id.audit.rc")" >> "$RAW/cases.tsv"
fi

if want scale; then
  for n in $SCALE; do
    if [ "$n" = "$MAIN_PAGES" ]; then  # timed above
      printf 'scale\t%s\t%s\t%s\n' "$MAIN_ID" "$(fmt "$n") pages" "$(md_stats "$MAIN")" >> "$RAW/cases.tsv"
    else
      build_case scale "build-$n" "$(fmt "$n") pages" "$(corpus "p$n" "$n" 1)"
    fi
  done
fi

echo "load_end=$(cut -d' ' -f1-3 /proc/loadavg)" >> "$RAW/machine.txt"
own_seconds > "$WORK/.own"; OWN1=$(cat "$WORK/.own") BUSY1=$(busy_seconds) WALL1=$(date +%s.%N)
awk -v b0="$BUSY0" -v b1="$BUSY1" -v o0="$OWN0" -v o1="$OWN1" -v w0="$WALL0" -v w1="$WALL1" -v n="$(nproc)" \
  'BEGIN {o = (b1-b0) - (o1-o0); if (o < 0) o = 0; w = w1-w0;
          printf "other_cpu=%.0f core-seconds in %.0f s of measuring (%.0f%% of %d cores)\n", o, w, 100*o/(w*n), n}' >> "$RAW/machine.txt"

# ---------------------------------------------------------------- report
python3 "$SCRIPT_DIR/report.py" "$RAW" > "$OUT_MD"
cat "$OUT_MD"
log "table written to $OUT_MD; raw exports in $RAW"

# Renamed-away outputs and corpora go now, outside any timing.
log "removing renamed-away folders ($WORK/trash)"
rm -rf "$WORK/trash"
exit
}
