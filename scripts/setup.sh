#!/usr/bin/env bash
# Installs the Debian packages FaaS Lab needs to build and test (including the
# sanitizer and fuzzing runs of scripts/test.sh), and nothing else: each
# package is checked with dpkg first, so a machine that already has
# everything is left untouched and no network access is needed.
set -euo pipefail

packages=(
    cmake                # build system (3.25 or newer)
    ninja-build          # generator used by the CMake presets
    g++                  # C++20 compiler
    qt6-base-dev         # Qt Core, Widgets, SQL, Test (pulls in the OpenGL headers Qt6Gui needs)
    libqt6sql6-sqlite    # QSQLITE driver for the workspace database
    libqcustomplot-dev   # charts (QCustomPlotQt6)
    nlohmann-json3-dev   # JSON reading/writing in the model library
    clang                # the fuzz preset's compiler (libFuzzer is clang's)
    libclang-rt-14-dev   # clang's libFuzzer and sanitizer runtimes (Debian 12's clang is 14)
)

if [[ ! -r /etc/os-release ]] || ! grep -qiE '^(ID|ID_LIKE)=.*(debian|ubuntu)' /etc/os-release; then
    echo "setup.sh: this script installs Debian/Ubuntu packages with apt-get." >&2
    echo "On other systems install the equivalents of: ${packages[*]}" >&2
    echo "(Qt 6 base with SQLite driver, QCustomPlot for Qt 6, nlohmann-json 3, CMake >= 3.25, Ninja, a C++20 compiler)." >&2
    exit 1
fi

missing=()
for p in "${packages[@]}"; do
    if ! dpkg -s "$p" >/dev/null 2>&1 || ! dpkg -s "$p" 2>/dev/null | grep -q '^Status: install ok installed'; then
        missing+=("$p")
    fi
done

if ((${#missing[@]} == 0)); then
    exit 0
fi

echo "setup.sh: installing missing packages: ${missing[*]}" >&2
if [[ $(id -u) -eq 0 ]]; then
    sudo_cmd=()
elif command -v sudo >/dev/null 2>&1; then
    sudo_cmd=(sudo)
else
    echo "setup.sh: not root and sudo is not available; install as root: apt-get install ${missing[*]}" >&2
    exit 1
fi

export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -q
"${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
