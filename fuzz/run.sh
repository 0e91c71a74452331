#!/usr/bin/env bash
# Builds the libFuzzer targets of fuzz/Package.swift (release, with
# -sanitize=fuzzer,address) and runs each for a bounded time.
#
#   fuzz/run.sh [SECONDS_PER_TARGET] [TARGET…]     (default: 60 s, every target)
#
# Each target starts from its seeds in fuzz/corpus/<name>/ (kept in git) and
# from what earlier runs found in fuzz/.work/corpus/<name>/ (not in git; new
# inputs go there). A crash, a trap, a leak, a timeout or a broken invariant
# stops that target and leaves the input in fuzz/.work/crashes/; the script
# goes on with the other targets and exits 1 at the end. For each target it
# prints the number of executions.
#
# Environment: FUZZ_JOBS=N runs N fuzzing processes per target (default 1);
# FUZZ_ARGS adds libFuzzer options (e.g. FUZZ_ARGS="-max_len=8192").
# Replay one input: fuzz/.build/release/FuzzSchedule fuzz/.work/crashes/FuzzSchedule-crash-…
set -euo pipefail
cd "$(dirname "$0")"

seconds=${1:-60}
shift || true
all=(FuzzPageReader FuzzSchedule FuzzMarkdown)
targets=("${@:-${all[@]}}")

declare -A corpus=([FuzzPageReader]=page [FuzzSchedule]=schedule [FuzzMarkdown]=markdown)
declare -A maxlen=([FuzzPageReader]=16384 [FuzzSchedule]=512 [FuzzMarkdown]=16384)

for target in "${targets[@]}"; do
  [[ -n "${corpus[$target]:-}" ]] || { echo "fuzz/run.sh: unknown target $target (known: ${all[*]})" >&2; exit 64; }
done
echo "== fuzz: building the targets (release, -sanitize=fuzzer,address)"
# SwiftPM's --sanitize fuzzer instruments the C code (Yams' libyaml) and links
# libFuzzer's main, but gives Swift code no coverage: -Xswiftc does.
# -enable-testing: the targets reach internal API (PageReader, URLMap) with @testable import.
build=(swift build -c release --sanitize fuzzer --sanitize address -Xswiftc -sanitize=fuzzer -Xswiftc -enable-testing)
mkdir -p .work/crashes .work/logs
if ! "${build[@]}" >.work/logs/build.log 2>&1; then
  grep -Ev '^\[[0-9]+/[0-9]+\] ' .work/logs/build.log | tail -40
  echo "fuzz/run.sh: the build failed (fuzz/.work/logs/build.log)" >&2
  exit 2
fi
# Not `swift build --show-bin-path`: planning again with it made the next build start from scratch.
bin=.build/release
jobs=()
if [[ "${FUZZ_JOBS:-1}" -gt 1 ]]; then jobs=(-jobs="$FUZZ_JOBS" -workers="$FUZZ_JOBS"); fi
extra=()
read -r -a extra <<<"${FUZZ_ARGS:-}"

failed=()
summary=()
for target in "${targets[@]}"; do
  name=${corpus[$target]}
  mkdir -p ".work/corpus/$name"
  log=".work/logs/$target.log"
  echo "== fuzz: $target for ${seconds}s (seeds: fuzz/corpus/$name, $(ls "corpus/$name" | wc -l) files)"
  status=0
  # ASan's leak check runs at exit; libFuzzer reports leaks per input as well.
  # The Swift runtime's own crash reporter would catch the trap before
  # libFuzzer can save the input (and may hang symbolicating): off.
  SWIFT_BACKTRACE=enable=no \
  ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1} \
  "$bin/$target" ".work/corpus/$name" "corpus/$name" \
    -dict="dict/$name.dict" \
    -max_total_time="$seconds" \
    -max_len="${maxlen[$target]}" \
    -timeout=10 \
    -rss_limit_mb=2048 \
    "${jobs[@]}" \
    -artifact_prefix=".work/crashes/$target-" \
    -print_final_stats=1 \
    "${extra[@]}" >"$log" 2>&1 || status=$?
  # With -jobs, libFuzzer writes each job's output to fuzz-N.log in the current folder.
  if [[ "${FUZZ_JOBS:-1}" -gt 1 ]]; then cat fuzz-*.log >>"$log" 2>/dev/null || true; rm -f fuzz-*.log; fi
  runs=$(awk '/stat::number_of_executed_units:/ {s += $2} END {print s + 0}' "$log")
  coverage=$(awk '{for (i = 1; i < NF; i++) if ($i == "cov:") c = $(i + 1)} END {print c}' "$log")
  units=$(ls ".work/corpus/$name" | wc -l)
  if [[ $status -ne 0 ]]; then
    failed+=("$target")
    echo "!! $target failed (exit $status) after $runs executions; the log's end:"
    grep -E 'ERROR|invariant|Fatal error|SUMMARY|Test unit written|^0x|^Base64|#[0-9]+ 0x' "$log" | head -40 || tail -40 "$log"
    summary+=("$target: CRASH after $runs executions (log: fuzz/$log)")
  else
    summary+=("$target: $runs executions in ${seconds}s, coverage ${coverage:-?} edges, $units inputs found so far")
  fi
done

echo "== fuzz: summary"
printf '%s\n' "${summary[@]}"
if [[ ${#failed[@]} -gt 0 ]]; then
  echo "fuzz: ${#failed[@]} target(s) crashed: ${failed[*]} (inputs in fuzz/.work/crashes/)"
  exit 1
fi
echo "fuzz: ${#targets[@]} target(s), no crash"
