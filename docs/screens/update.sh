#!/usr/bin/env bash
# Refreshes the screenshots in docs/screens from a real run: the browser tests drive Debian's Chromium
# against the real server and saves each screen, plus the receipt rendered from the printer's ESC/POS bytes.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
./onetrip test >/dev/null 2>&1 || true   # builds everything and installs the modules
(cd kiosk-app && mvn -B -q -o test '-Dtest=ResidentJourneyBrowserTest,CatalogBrowserTest,EveryScreenBrowserTest,IdleWipeBrowserTest,AgencyJourneyBrowserTest,AgencyScreensBrowserTest,CameraAndHelpBrowserTest')
cp kiosk-app/target/screens/*.png docs/screens/
ls -l docs/screens/*.png
