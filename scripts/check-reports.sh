#!/usr/bin/env bash
# Browser check of the human-facing reports: builds churnsim, writes one report of each kind
# (run, fit km, fit cox, fit sbg, staffing, sensitivity, score, effect, assess), renders each report.html in headless Chromium and fails on
#   - a console message from the page (the report has no JavaScript, so any is a defect),
#   - an SVG chart with no data points (data-points="0") or drawing nothing,
#   - text overflowing its box: an element whose content is wider than itself, a table wider
#     than the page, the page wider than the window, an SVG label outside its chart, or
#     overlapping axis tick labels.
# The overflow checks run in a copy of report.html with a small inline script injected just
# before </body>; the script writes its verdict into <pre id="report-check">, which is read
# back with --dump-dom. The shipped report stays script-free.
# Screenshots (1280x4000) are kept in the output folder for people to look at.
#
# Print check, for A4 and for Letter: each report is printed to PDF with headless Chromium
# (@page size injected into a copy, --no-pdf-header-footer); pdfinfo must report that paper
# size and at least one page, and pdftotext must find the audit block (the end of the report)
# in the PDF. Then the print layout is probed: a copy with its `@media print` rules applied to
# the screen, in a window exactly as wide as the printable width (paper width minus the 12 mm
# side margins of HTMLStyle's @page rule), fails on anything wider than that width (a chart,
# table, figure or line of text that would be cut off the page) and on a chart taller than the
# printable height. The PDFs are kept in the output folder.
#
# Usage: scripts/check-reports.sh [output-folder]   (default: .build/report-check)
# Installs Debian's chromium and poppler-utils (pdfinfo, pdftotext) if missing (apt-get as
# root, or through sudo).
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-.build/report-check}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium fonts-liberation)
command -v pdfinfo >/dev/null 2>&1 || missing+=(poppler-utils)
if [ "${#missing[@]}" -gt 0 ]; then
    echo "Installing ${missing[*]}"
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

swift build --product churnsim >"$out/build.log" 2>&1 || { cat "$out/build.log"; exit 1; }
bin=.build/debug/churnsim
fixtures=Tests/ChurnModelTests/Fixtures
"$bin" run Scenarios/example.yaml --paths 200 --output "$out/run" >/dev/null
"$bin" fit "$fixtures/lung_cox.csv" --model km --duration time --event status --strata sex --time-unit days \
    --output "$out/fit-km" >/dev/null
"$bin" fit "$fixtures/lung_cox.csv" --model cox --duration time --event status --covariates age,sex,ph.ecog \
    --time-unit days --output "$out/fit-cox" >/dev/null
"$bin" fit Scenarios/data/customer_history.csv --model weibull --duration tenure_months --event churned \
    --covariates sponsor_change,login_trend,csm_assigned --time-unit months --output "$out/fit-weibull" >/dev/null
"$bin" fit "$fixtures/sbg_regular.csv" --model sbg --output "$out/fit-sbg" >/dev/null
"$bin" staffing Scenarios/example.yaml --paths 10 --output "$out/staffing" >/dev/null
"$bin" sensitivity Scenarios/example.yaml --paths 20 --output "$out/sensitivity" >/dev/null
"$bin" fit Scenarios/data/customer_history.csv --model cox --duration tenure_months --event churned --strata segment \
    --covariates sponsor_change,login_trend,csm_assigned --time-unit months --output "$out/fit-history" >/dev/null
"$bin" score Scenarios/data/current_customers.csv --model "$out/fit-history/fit.yaml" --tenure tenure_months \
    --mrr mrr --id customer_id --strata segment --output "$out/score" >/dev/null
"$bin" effect Scenarios/data/customer_history.csv --treatment csm_assigned \
    --confounders segment,sponsor_change,login_trend,seat_utilisation,support_tickets \
    --duration tenure_months --event churned --output "$out/effect" >/dev/null 2>&1
"$bin" assess Scenarios/data/customer_history.csv --model cox --duration tenure_months --event churned --strata segment \
    --covariates sponsor_change,login_trend,seat_utilisation,support_tickets,csm_assigned --times 3,6,12,24 \
    --compare weibull,km --output "$out/assess" >/dev/null

probe='<script>
(function () {
  var problems = [];
  var root = document.documentElement;
  if (root.scrollWidth > root.clientWidth + 1) problems.push("page wider than the window: " + root.scrollWidth + " > " + root.clientWidth);
  document.querySelectorAll("main h1, main h2, main li, main p, main figcaption, main caption, main td, main th, .table-block").forEach(function (el) {
    if (el.scrollWidth > el.clientWidth + 1) problems.push("overflowing " + el.tagName.toLowerCase() + ": " + el.textContent.trim().slice(0, 60));
  });
  document.querySelectorAll("svg").forEach(function (svg) {
    var name = svg.getAttribute("data-chart") || "(unnamed)";
    if (!(Number(svg.getAttribute("data-points")) > 0)) problems.push("chart without data points: " + name);
    if (svg.querySelectorAll("path, rect, circle").length === 0) problems.push("chart draws nothing: " + name);
    var box = svg.getBoundingClientRect();
    svg.querySelectorAll("text").forEach(function (t) {
      var b = t.getBoundingClientRect();
      if (b.left < box.left - 0.5 || b.top < box.top - 0.5 || b.right > box.right + 0.5 || b.bottom > box.bottom + 0.5)
        problems.push("label outside chart " + name + ": " + t.textContent);
    });
    var ticks = Array.prototype.slice.call(svg.querySelectorAll("g.ticks text"));
    for (var i = 0; i < ticks.length; i++) for (var j = i + 1; j < ticks.length; j++) {
      var a = ticks[i].getBBox(), c = ticks[j].getBBox();
      if (a.x < c.x + c.width && c.x < a.x + a.width && a.y < c.y + c.height && c.y < a.y + a.height)
        problems.push("overlapping ticks in " + name + ": " + ticks[i].textContent + " / " + ticks[j].textContent);
    }
  });
  var pre = document.createElement("pre");
  pre.id = "report-check";
  pre.textContent = problems.length ? problems.join("\n") : "OK";
  document.body.appendChild(pre);
})();
</script>'

# inject REPORT COPY SNIPPET [PAGE-SIZE]: writes COPY, REPORT with SNIPPET before </body>; with
# PAGE-SIZE (A4, letter), also an @page size rule and the @media print rules applied to the screen.
inject() {
    python3 - "$@" <<'PY'
import sys
html = open(sys.argv[1], encoding="utf-8").read()
if len(sys.argv) > 4:
    html = html.replace("@media print", "@media all").replace("</head>", "<style>@page { size: %s; }</style></head>" % sys.argv[4], 1)
open(sys.argv[2], "w", encoding="utf-8").write(html.replace("</body>", sys.argv[3] + "\n</body>", 1))
PY
}

# verdict_of DOM: the text a probe left in <pre id="report-check">.
verdict_of() {
    python3 - "$1" <<'PY'
import html, re, sys
dom = open(sys.argv[1], encoding="utf-8").read()
found = re.search(r'<pre id="report-check">(.*?)</pre>', dom, re.S)
print(html.unescape(found.group(1)) if found else "check script did not run")
PY
}

chrome=(chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --disable-extensions
    --window-size=1280,4000)
# Self-test: a page with an empty chart, an overflowing cell and a console error must fail.
mkdir -p "$out/self-test"
printf '%s' '<!DOCTYPE html><html><body><main><script>console.error("self-test")</script>
<svg data-points="0" data-chart="empty" viewBox="0 0 10 10"></svg><table><tbody><tr>
<td style="max-width:40px;white-space:nowrap;overflow:hidden">overflowing-overflowing-overflowing</td>
</tr></tbody></table><div style="width:900px">wider than A4 and Letter in print</div>
<p>churnsim version</p></main></body></html>' >"$out/self-test/report.html"

kinds=(run fit-km fit-cox fit-weibull fit-sbg staffing sensitivity score effect assess)
failed=0
for kind in self-test "${kinds[@]}"; do
    report="$out/$kind/report.html"
    check="$out/$kind.check.html"
    inject "$report" "$check" "$probe"
    "${chrome[@]}" --screenshot="$out/$kind.png" "file://$report" >/dev/null 2>&1
    "${chrome[@]}" --enable-logging=stderr --v=0 --dump-dom "file://$report" >/dev/null 2>"$out/$kind.console.log" || true
    "${chrome[@]}" --virtual-time-budget=3000 --dump-dom "file://$check" >"$out/$kind.dom.html" 2>/dev/null
    verdict="$(verdict_of "$out/$kind.dom.html")"
    console="$(grep -E 'CONSOLE' "$out/$kind.console.log" || true)"
    if [ "$kind" = self-test ]; then
        if [ "$verdict" = OK ] || [ -z "$console" ] || ! grep -q "without data" <<<"$verdict" || ! grep -q overflowing <<<"$verdict"; then
            echo "FAIL self-test: the checks did not catch a known-bad page"; failed=1
        else
            echo "ok   self-test: a known-bad page is caught"
        fi
        continue
    fi
    if [ "$verdict" != "OK" ] || [ -n "$console" ]; then
        failed=1
        echo "FAIL $kind ($report)"
        [ "$verdict" != "OK" ] && printf '%s\n' "$verdict" | sed 's/^/  /'
        [ -n "$console" ] && printf 'console: %s\n' "$console" | sed 's/^/  /'
    else
        echo "ok   $kind: $(grep -o 'data-points="[0-9]*"' "$report" | wc -l) charts, screenshot $out/$kind.png"
    fi
done
# Print: each paper as name, CSS size, PDF size in points (pdfinfo), printable width and height
# in CSS pixels (96 per inch) inside the @page margins of HTMLStyle (14 mm top/bottom, 12 mm sides).
papers=("A4 A4 595x842 703 1017" "Letter letter 612x792 725 950")
print_probe='<script>
(function () {
  var problems = [], root = document.documentElement, width = root.clientWidth, height = PRINTABLE_HEIGHT;
  if (root.scrollWidth > width + 1) problems.push("page wider than the printable width: " + root.scrollWidth + " > " + width + " px");
  document.querySelectorAll("main svg, main table, main figure, main pre, main .table-block, main h1, main h2, main p, main li, main div").forEach(function (el) {
    var box = el.getBoundingClientRect();
    var name = el.tagName.toLowerCase() + " " + (el.getAttribute("data-chart") || el.id || el.textContent.trim().slice(0, 50));
    if (box.right > width + 1 || box.left < -1) problems.push("cut in print: " + name + " spans " + Math.round(box.left) + " to " + Math.round(box.right) + " px of " + width);
    if (el.tagName.toLowerCase() === "svg" && box.height > height) problems.push("chart taller than the page: " + name);
  });
  var pre = document.createElement("pre");
  pre.id = "report-check";
  pre.textContent = problems.length ? problems.join("\n") : "OK";
  document.body.appendChild(pre);
})();
</script>'
for kind in self-test "${kinds[@]}"; do
    report="$out/$kind/report.html"
    for paper in "${papers[@]}"; do
        read -r name size points printable_width printable_height <<<"$paper"
        pdf="$out/$kind.$name.pdf"
        inject "$report" "$out/$kind.$name.print.html" "" "$size"
        "${chrome[@]}" --no-pdf-header-footer --print-to-pdf="$pdf" "file://$out/$kind.$name.print.html" >/dev/null 2>&1 || true
        inject "$report" "$out/$kind.$name.probe.html" "${print_probe/PRINTABLE_HEIGHT/$printable_height}" "$size"
        chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --disable-extensions \
            --window-size="$printable_width,$printable_height" --virtual-time-budget=3000 \
            --dump-dom "file://$out/$kind.$name.probe.html" >"$out/$kind.$name.dom.html" 2>/dev/null
        problems="$(verdict_of "$out/$kind.$name.dom.html")"
        [ "$problems" = OK ] && problems=""
        if [ ! -s "$pdf" ]; then
            problems+=$'\n'"no PDF written"
        else
            info="$(pdfinfo "$pdf")"
            pages="$(awk '/^Pages:/ {print $2}' <<<"$info")"
            actual="$(awk '/^Page size:/ {printf "%.0fx%.0f", $3, $5}' <<<"$info")"
            [ "$actual" = "$points" ] || problems+=$'\n'"PDF page size ${actual} pt, expected ${points} pt"
            [ "${pages:-0}" -ge 1 ] || problems+=$'\n'"PDF has no pages"
            # The text is read in full before the search: `pdftotext | grep -q` under pipefail fails
            # whenever grep stops at the match while pdftotext is still writing (SIGPIPE).
            pdf_text="$(pdftotext "$pdf" -)"
            grep -q "churnsim version" <<<"$pdf_text" || problems+=$'\n'"the audit block is missing from the PDF"
        fi
        problems="$(sed '/^$/d' <<<"$problems")"
        if [ "$kind" = self-test ]; then
            if ! grep -q "cut in print" <<<"$problems"; then
                echo "FAIL self-test ($name print): an element wider than the page is not caught"; failed=1
            else
                echo "ok   self-test ($name print): an element wider than the page is caught"
            fi
        elif [ -n "$problems" ]; then
            failed=1
            echo "FAIL $kind printed on $name ($pdf)"
            printf '%s\n' "$problems" | sed 's/^/  /'
        else
            echo "ok   $kind printed on $name: $pages pages, $pdf"
        fi
    done
done
# Workbooks: read each report.xlsx back with openpyxl; headers bold, no number stored as text
# in a numeric column.
python3 -c "import openpyxl" 2>/dev/null || python3 -m pip install -q openpyxl
for kind in "${kinds[@]}"; do
    if python3 - "$out/$kind/report.xlsx" <<'PY'
import sys, openpyxl
problems, sheets = [], 0
for sheet in openpyxl.load_workbook(sys.argv[1]).worksheets:
    sheets += 1
    if not all(cell.font.bold for cell in sheet[1]):
        problems.append(f"{sheet.title}: header not bold")
    # A number stored as text shows up as a numeric-looking string in a column that
    # otherwise holds numbers (labels such as stratum "1" in an all-text column are fine).
    for column in sheet.iter_cols(min_row=2):
        numeric = any(isinstance(cell.value, (int, float)) for cell in column)
        for cell in column:
            if numeric and isinstance(cell.value, str):
                try:
                    float(cell.value.replace(",", ""))
                    problems.append(f"{sheet.title}!{cell.coordinate}: number stored as text {cell.value!r}")
                except ValueError:
                    pass
print("\n".join(problems[:20]) if problems else f"ok   {sys.argv[1]}: {sheets} sheets, numbers typed")
sys.exit(1 if problems else 0)
PY
    then :; else failed=1; echo "FAIL $kind workbook"; fi
done
exit "$failed"
