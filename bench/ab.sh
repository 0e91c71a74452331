#!/usr/bin/env bash
# Compares two mocpress binaries on the same command by alternating runs:
# A, B, A, B, … so that a machine that speeds up or slows down between
# minutes (this one drifts by 10–40 %) affects both alike.
#
#   bench/ab.sh [--runs N] [--dir DIR] BIN_A BIN_B -- ARGS...
#
# Runs `BIN ARGS` in DIR (default: the current folder) N times each (default
# 5), after one untimed run of each. Before every run `DIR/site` is renamed
# away (never deleted: deleting 100 MB of small files right before a run
# lands the disk's discard work in it) and `sync` is called. Prints wall
# time min / median / max and the median CPU time per binary. Exit codes 0
# and 1 count as success (check and audit exit 1 for an overdue item).
#
# Example:
#   bench/ab.sh --dir /tmp/corpus ./old-mocpress .build/release/mocpress -- build --no-cache
set -euo pipefail

runs=5
dir=.
while [ $# -gt 0 ]; do
  case $1 in
    --runs) runs=$2; shift 2 ;;
    --dir) dir=$2; shift 2 ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) break ;;
  esac
done
[ $# -ge 3 ] || { echo "usage: bench/ab.sh [--runs N] [--dir DIR] BIN_A BIN_B -- ARGS..." >&2; exit 2; }
a=$(realpath "$1"); b=$(realpath "$2"); shift 2
[ "${1:-}" = "--" ] && shift
[ -x "$a" ] && [ -x "$b" ] || { echo "ab.sh: both binaries must be executable files" >&2; exit 2; }
command -v /usr/bin/time >/dev/null || { echo "ab.sh: needs /usr/bin/time (apt-get install -y time)" >&2; exit 2; }
cd "$dir"
trash=$(mktemp -d "${TMPDIR:-/tmp}/mocpress-ab-trash.XXXXXX")
timing=$(mktemp)
# Removed at the end, in the foreground: on ext4 without a journal every new
# file is slower for minutes after a large delete (seen: 1.2 -> 7.6 s of system
# time for a 10,000-page build), so a delete behind the next timed command
# would land in it. Wait a few minutes after ab.sh before timing anything else.
trap 'rm -f "$timing"; echo "ab.sh: removing the renamed-away outputs ($trash)" >&2; rm -rf "$trash"' EXIT

run() { # BIN ARGS... -> "wall cpu"
  local bin=$1 code=0
  shift
  if [ -d site ]; then mv site "$trash/site-$RANDOM$RANDOM"; fi
  sync
  /usr/bin/time -f "%e %U %S" -o "$timing" "$bin" "$@" >/dev/null 2>&1 || code=$?
  if [ "$code" -gt 1 ]; then echo "ab.sh: $bin $* exited with $code" >&2; exit 1; fi
  tail -1 "$timing" | awk '{ printf "%s %.2f\n", $1, $2 + $3 }'
}

run "$a" "$@" >/dev/null
run "$b" "$@" >/dev/null
walls_a=(); walls_b=(); cpus_a=(); cpus_b=()
for i in $(seq "$runs"); do
  read -r w c < <(run "$a" "$@"); walls_a+=("$w"); cpus_a+=("$c")
  read -r w c < <(run "$b" "$@"); walls_b+=("$w"); cpus_b+=("$c")
  echo "run $i: A ${walls_a[-1]} s, B ${walls_b[-1]} s" >&2
done

stats() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { printf "%s %s %s\n", v[1], v[int((NR + 1) / 2)], v[NR] }'; }
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
read -r amin amed amax < <(stats "${walls_a[@]}")
read -r bmin bmed bmax < <(stats "${walls_b[@]}")
echo "A $a: wall min $amin / median $amed / max $amax s, CPU median $(median "${cpus_a[@]}") s"
echo "B $b: wall min $bmin / median $bmed / max $bmax s, CPU median $(median "${cpus_b[@]}") s"
awk -v a="$amed" -v b="$bmed" 'BEGIN { printf "B / A (medians): %.3f\n", b / a }'
