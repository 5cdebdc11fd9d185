#!/usr/bin/env bash
# Re-signs the shipped demo catalog bundles with the DEMO authority key (writes catalog-*.json.sig).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
bundles="$root/offline-store/src/main/resources/org/onetrip/store/catalog/bundles"
exec "$root/bench/run.sh" offline-store org.onetrip.store.catalog.tools.SignCatalogBundles \
  "$root/tools/demo-authority/demo-authority-PRIVATE-DEMO-ONLY.pem" "$bundles"/catalog-*.json
