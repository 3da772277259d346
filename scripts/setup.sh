#!/bin/sh
# Install the Debian packages listed in scripts/deps.txt that are not installed yet.
# Idempotent: does nothing (and needs no network) when everything is present.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
missing=
for pkg in $(sed -e 's/#.*//' "$here/deps.txt"); do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" ||
        missing="$missing $pkg"
done
[ -z "$missing" ] && exit 0
echo "setup: installing$missing" >&2
sudo=
[ "$(id -u)" = 0 ] || sudo=sudo
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q >/dev/null
# shellcheck disable=SC2086
$sudo apt-get install -y -q --no-install-recommends $missing >/dev/null
