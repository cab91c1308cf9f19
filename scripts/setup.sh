#!/usr/bin/env bash
# Installs the system packages churnsim builds against (Debian/Ubuntu), only if missing.
# Runs apt-get as root, or through sudo when not root. Swift 6 itself must be on PATH.
set -euo pipefail

packages=(libopenblas-dev liblapacke-dev liblapack-dev pkg-config zlib1g-dev)
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

if ((${#missing[@]})); then
    echo "Installing missing system packages: ${missing[*]}"
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if ! command -v swift >/dev/null 2>&1; then
    echo "error: swift (6.0 or later) is not on PATH; install it from swift.org first." >&2
    exit 1
fi
