#!/usr/bin/env bash
# The test command of the README: installs Debian's headless Chromium and its driver when they are missing (the
# browser tests drive Camunda Tasklist with them), then runs the whole suite with Maven.
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

exec mvn -B verify "$@"
