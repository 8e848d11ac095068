#!/usr/bin/env bash
# The test command of the README: installs Debian's headless Chromium, its driver and a Chinese font when they are
# missing (the browser tests drive the portal and Camunda Tasklist with them; without a CJK font the screenshots
# show boxes instead of Chinese), then runs the whole suite with Maven.
#
#   scripts/test.sh                 # H2 (default)
#   SPRING_PROFILES_ACTIVE=postgres DB_NAME=mydb scripts/test.sh   # against PostgreSQL
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium > /dev/null || ! command -v chromedriver > /dev/null; then
  echo "Installing chromium and chromium-driver for the browser tests..."
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver > /dev/null
fi
if command -v fc-list > /dev/null && [ -z "$(fc-list :lang=zh 2> /dev/null)" ]; then
  echo "Installing a Chinese font (fonts-wqy-microhei) for the browser tests' screenshots..."
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq fonts-wqy-microhei > /dev/null
fi

exec mvn -B verify "$@"
