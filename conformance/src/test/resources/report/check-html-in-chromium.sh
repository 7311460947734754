#!/bin/sh
# Looks at the HTML report in a real browser; unit tests never need one.
#
#   ./mvnw -B -o -pl spec,engine,conformance test -Dtest=HtmlReportTest -Dsurefire.failIfNoSpecifiedTests=false
#   sh conformance/src/test/resources/report/check-html-in-chromium.sh [REPORT.html ...]
#
# HtmlReportTest writes its samples to conformance/target/report-samples/ (hand.html: a hand-built
# counterexample with init, sidecar, app, probes, hooks, signals; engine/podcheck-report.html: a real
# engine run). Each page is screenshotted to PAGE.png next to it; open the PNGs and check the summary
# table, the SVG rows (pod phase band, one per container), the marks and the magenta witness rings.
# Needs chromium (Debian: apt-get install -y chromium).
set -eu
command -v chromium >/dev/null || { echo "chromium is not installed (apt-get install -y chromium)" >&2; exit 2; }
if [ "$#" -eq 0 ]; then
  set -- conformance/target/report-samples/hand.html conformance/target/report-samples/engine/podcheck-report.html
fi
for page in "$@"; do
  [ -f "$page" ] || { echo "no such report: $page (run HtmlReportTest first)" >&2; exit 2; }
  png="${page%.html}.png"
  chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
    --disable-sync --no-first-run --screenshot="$png" --window-size=1400,1000 "file://$(cd "$(dirname "$page")" && pwd)/$(basename "$page")" \
    2>/dev/null
  [ -s "$png" ] || { echo "chromium wrote no screenshot for $page" >&2; exit 1; }
  echo "$png"
done
