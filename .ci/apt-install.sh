#!/usr/bin/env bash
# Installs the Debian packages listed in .ci/apt-packages.txt that are not installed yet.
# A line may offer alternatives, `a|b`: the first one installed counts; otherwise the first one
# the distribution has is installed (Debian 12 has postgresql-15, Ubuntu 24.04 postgresql-16).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
mapfile -t wanted < <(grep -v '^\s*#' "$here/apt-packages.txt" | sed 's/\s.*//' | grep -v '^$' || true)

# Output is captured before matching: with pipefail, `grep -q` closing the pipe early would fail it.
installed() { [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)" == *"install ok installed"* ]]; }
available() { [[ "$(apt-cache policy "$1" 2>/dev/null || true)" =~ Candidate:\ [0-9] ]]; }

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
missing=()
updated=no
for line in "${wanted[@]}"; do
  IFS='|' read -r -a choices <<<"$line"
  found=no
  for pkg in "${choices[@]}"; do installed "$pkg" && found=yes && break; done
  [ "$found" = yes ] && continue
  if [ "$updated" = no ]; then
    $sudo apt-get update -qq
    updated=yes
  fi
  pick=""
  for pkg in "${choices[@]}"; do available "$pkg" && pick=$pkg && break; done
  if [ -z "$pick" ]; then
    echo "No package of '$line' is available here." >&2
    exit 1
  fi
  missing+=("$pick")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "Debian packages: all ${#wanted[@]} present."
  exit 0
fi
echo "Installing Debian packages: ${missing[*]}"
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
