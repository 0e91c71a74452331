#!/bin/sh
# Печатает PDF-файлы демо-порталов (нормативные акты, программы, рабочие листы)
# из HTML-исходников scripts/demo-pdfs/<портал>/<имя>.html с помощью headless Chromium.
#
#   scripts/demo-pdfs/make.sh                 все порталы
#   scripts/demo-pdfs/make.sh sosnovsky ...   только названные
#
# Куда писать PDF, каждый исходник говорит сам — путь от корня репозитория:
#   <meta name="mocpress-output" content="content/sosnovsky/info/documents/files/prikaz-12-o-moc.pdf">
# Оформление — act.css (бланк приказа, таблицы планов, класс .material для программ).
# PDF печатаются размеченными (tagged PDF: заголовки, абзацы, таблицы читаются
# экранными дикторами). Разметка раздувает файлы с большими таблицами (шахматные
# диаграммы); такой исходник может отказаться от неё:
#   <meta name="mocpress-pdf-tagging" content="off">
# Дата документа (дата акта, материала) записывается в CreationDate и ModDate PDF
# вместо момента печати — так повторный запуск даёт побайтно тот же файл
# и ту же SHA-256 в пакете документов:
#   <meta name="mocpress-pdf-date" content="2023-01-16">
# Нужны chromium и шрифты Liberation Serif, PT Sans (fonts-liberation, fonts-paratype).
# Проверка: pdftotext ФАЙЛ.pdf - ; pdftoppm -png -r 50 -f 1 -l 1 ФАЙЛ.pdf /tmp/page
#
# Переменные: CHROMIUM — команда браузера (по умолчанию chromium),
#             MAX_KB — предельный размер PDF в Кб (по умолчанию 150).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
chromium=${CHROMIUM:-chromium}
max_kb=${MAX_KB:-150}

if [ $# -eq 0 ]; then
    set -- $(cd "$here" && for d in */; do printf '%s ' "${d%/}"; done)
fi

count=0
status=0
for portal in "$@"; do
    if [ ! -d "$here/$portal" ]; then
        echo "make.sh: нет папки исходников $here/$portal" >&2
        exit 64
    fi
    for html in "$here/$portal"/*.html; do
        [ -e "$html" ] || continue
        out=$(sed -n 's/.*<meta name="mocpress-output" content="\([^"]*\)".*/\1/p' "$html" | head -n 1)
        if [ -z "$out" ]; then
            echo "$html: нет <meta name=\"mocpress-output\" content=\"…\">" >&2
            status=1
            continue
        fi
        case "$out" in
            content/"$portal"/*) ;;
            *) echo "$html: путь «$out» не внутри content/$portal/" >&2; status=1; continue ;;
        esac
        tagging=
        if grep -q '<meta name="mocpress-pdf-tagging" content="off">' "$html"; then
            tagging=--disable-pdf-tagging
        fi
        mkdir -p "$root/$(dirname "$out")"
        tmp="$root/$out.tmp"
        if ! "$chromium" --headless --no-sandbox --disable-gpu --no-pdf-header-footer $tagging \
                --print-to-pdf="$tmp" "file://$html" >/dev/null 2>&1 || [ ! -s "$tmp" ]; then
            echo "$html: Chromium не напечатал PDF" >&2
            rm -f "$tmp"
            status=1
            continue
        fi
        date=$(sed -n 's/.*<meta name="mocpress-pdf-date" content="\([0-9]\{4\}\)-\([0-9][0-9]\)-\([0-9][0-9]\)".*/\1\2\3/p' "$html" | head -n 1)
        if [ -n "$date" ]; then
            # (D:ГГГГММДДччммсс+00'00') → (D:<дата>090000+03'00'): та же длина, таблица xref не сдвигается.
            LC_ALL=C sed -i "s/(D:[0-9]\{14\}+00'00')/(D:${date}090000+03'00')/g" "$tmp"
        fi
        mv "$tmp" "$root/$out"
        kb=$(( ($(wc -c < "$root/$out") + 1023) / 1024 ))
        if [ "$kb" -gt "$max_kb" ]; then
            echo "$out: $kb Кб — больше $max_kb Кб" >&2
            status=1
        fi
        echo "$out ($kb Кб)"
        count=$((count + 1))
    done
done
echo "Напечатано PDF: $count"
exit $status
