#!/usr/bin/env bash
# Makes sure Debian's headless browser for the Web Console test is installed: /usr/bin/chromium and
# /usr/bin/chromedriver (packages chromium and chromium-driver). Installs them with apt-get when
# missing and run as root; otherwise fails, saying what to install. Exit 0 only when both are there.
set -euo pipefail

missing() {
  [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]
}

if ! missing; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: /usr/bin/chromium or /usr/bin/chromedriver is missing and this is not root on Debian;" \
    "install the packages chromium and chromium-driver (sudo apt-get install chromium chromium-driver)" >&2
  exit 1
fi
echo "ensure-chromium: installing Debian's chromium and chromium-driver"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q || echo "ensure-chromium: apt-get update failed; trying the package lists already here" >&2
apt-get install -y -q --no-install-recommends chromium chromium-driver
if missing; then
  echo "ensure-chromium: apt-get ran but /usr/bin/chromium or /usr/bin/chromedriver is still missing" >&2
  exit 1
fi
