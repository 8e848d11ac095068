#!/usr/bin/env bash
# Refreshes the README's screenshots (docs/screenshots/) by running the portal's end-to-end browser test with
# -Ddocs.screenshots=true. Needs what scripts/test.sh installs (chromium, chromium-driver, a Chinese font).
set -euo pipefail
cd "$(dirname "$0")/.."
exec mvn -B -q test -Dtest='PortalJourneyBrowserTests' -Dsurefire.failIfNoSpecifiedTests=false -Ddocs.screenshots=true "$@"
