#!/bin/sh
# deps.sh: install what axial needs to build and test, and nothing else.
#
#   scripts/deps.sh          build and test dependencies (make run, make check)
#   scripts/deps.sh bench    also what the benchmarks compare against (make bench)
#
# On Debian and Ubuntu it installs the missing packages with apt-get, as root
# or through sudo. Elsewhere it prints the package names for the system's own
# package manager and stops, so a build never half-succeeds on guessed names.
set -eu

# Debian package names. Keep in step with the README's dependency list.
DEB_BUILD="make gcc pkg-config libncurses-dev libsqlite3-dev libfribidi-dev
libunistring-dev libcmocka-dev libssl-dev libxml2-dev libzip-dev libpoppler-glib-dev
gettext"
DEB_TEST="sqlite3 tmux unicode-data libxml2-utils openssh-server openssh-client
clang libclang-rt-14-dev graphviz valgrind python3 procps screen"
DEB_BENCH="libfribidi-bin python3-sklearn"

want="$DEB_BUILD $DEB_TEST"
[ "${1:-}" = bench ] && want="$want $DEB_BENCH"

others() {
	cat >&2 <<'EOF'
axial: this is not a Debian or Ubuntu system; install these yourself:
  Fedora:   sudo dnf install make gcc pkgconf ncurses-devel sqlite-devel fribidi-devel
            libunistring-devel libcmocka-devel openssl-devel libxml2 libzip-devel
            poppler-glib-devel sqlite tmux unicode-ucd openssh-server gettext clang graphviz valgrind
  Arch:     sudo pacman -S make gcc pkgconf ncurses sqlite fribidi libunistring cmocka
            openssl libxml2 libzip poppler-glib tmux unicode-character-database openssh gettext
            clang graphviz valgrind
  Alpine:   apk add make gcc musl-dev pkgconf ncurses-dev sqlite-dev fribidi-dev
            libunistring-dev cmocka-dev openssl-dev libxml2-dev libxml2-utils
            libzip-dev poppler-dev sqlite tmux openssh gettext clang graphviz valgrind
  Homebrew: brew install pkg-config ncurses sqlite fribidi libunistring cmocka
            openssl libxml2 libzip poppler tmux gettext graphviz
then run make again.
EOF
	exit 1
}

command -v dpkg-query >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 || others

missing=""
for p in $want; do
	s=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
	[ "$s" = installed ] || missing="$missing $p"
done
[ -z "$missing" ] && exit 0

echo "axial: installing missing packages:$missing" >&2
if [ "$(id -u)" -eq 0 ]; then
	SUDO=""
elif command -v sudo >/dev/null 2>&1; then
	SUDO="sudo"
else
	echo "axial: need root or sudo to install:$missing" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
