#!/usr/bin/env bash
# Installs what `make run` / `make test` need on a bare Debian machine of this project's kind:
# the Debian packages named as arguments (only those missing), and checks the Swift toolchain.
set -euo pipefail
missing=()
for package in "$@"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if ((${#missing[@]})); then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "installing Debian packages: ${missing[*]}" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if ! command -v swift >/dev/null 2>&1; then
    echo "error: the Swift toolchain (6.x) is not on PATH; install it from swift.org first" >&2
    exit 1
fi
