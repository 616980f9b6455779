#!/bin/sh
# terminal-check.sh [AXIAL [PROJECT]]: the manual terminal check behind the
# matrix of docs/bidi.md §2.4 (`make terminal-check`; not part of `make
# check`: it needs X terminals, Xvfb and fonts no CI image has).
#
# Starts a private Xvfb, opens the workbench on the Persian sample in each
# installed terminal (the real binary, NO_COLOR so palettes do not count),
# takes a screenshot of the terminal's window and compares it, cell by cell,
# with xterm's: xterm does no bidi, so it shows axial's cells exactly as
# sent, in the visual order axial computed (itself checked against
# BidiCharacterTest and by the tmux tests). scripts/terminal-compare.py
# turns each window into a grid of mean ink per cell and correlates rows; a
# terminal that reorders again shows right-to-left rows reversed. The
# screenshots stay in the output folder for a person to look at.
#
# Limits: a match says the cells are where xterm puts them, not that every
# glyph is right (a terminal drawing a wrong glyph of similar ink passes);
# shaping done by the terminal on top of axial's shaped letters, or glyphs
# from other fallback fonts, lower the score without meaning the order is
# wrong; a terminal that cannot start here (no OpenGL for kitty or
# alacritty, no D-Bus session for a VTE terminal) is reported as skipped.
#
# Output: OUT/NAME.png per terminal, OUT/report.txt. OUT is
# $TERMINAL_CHECK_OUT, default build/terminal-check.
set -u
AXIAL=${1:-build/axial}
PROJECT=${2:-build/egov-fa.axial}
OUT=${TERMINAL_CHECK_OUT:-build/terminal-check}
COLS=100 ROWS=30
case $AXIAL in /*) ;; *) AXIAL=$(pwd)/$AXIAL ;; esac
case $PROJECT in /*) ;; *) PROJECT=$(pwd)/$PROJECT ;; esac
HERE=$(cd "$(dirname "$0")" && pwd)

for tool in Xvfb xterm import xwininfo convert python3; do
	command -v $tool >/dev/null 2>&1 || {
		echo "terminal-check: $tool is needed (Debian: xvfb xterm imagemagick x11-utils python3)" >&2
		exit 2
	}
done
[ -x "$AXIAL" ] || { echo "terminal-check: no $AXIAL (make)" >&2; exit 2; }
[ -f "$PROJECT" ] || { echo "terminal-check: no $PROJECT (make samples)" >&2; exit 2; }
mkdir -p "$OUT"
WORK=$(mktemp -d)
XPID= TPID=
cleanup() {
	[ -n "$TPID" ] && kill -- "-$TPID" 2>/dev/null
	[ -n "$XPID" ] && kill "$XPID" 2>/dev/null
	rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

# a display number nobody uses
d=90
while [ -e /tmp/.X11-unix/X$d ] || [ -e /tmp/.X$d-lock ]; do d=$((d + 1)); done
Xvfb :$d -screen 0 1600x1000x24 -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
XPID=$!
export DISPLAY=:$d
i=0
until xwininfo -root >/dev/null 2>&1; do
	i=$((i + 1)); [ $i -gt 50 ] && { echo "terminal-check: Xvfb did not start" >&2; exit 2; }
	sleep 0.1
done

# the workbench as each terminal runs it; a copy of the project, so
# nothing in it changes
cp "$PROJECT" "$WORK/p.axial"
cat >"$WORK/run.sh" <<EOF
#!/bin/sh
echo "\$TERM" >"$WORK/term.\$\$"
NO_COLOR=1 XDG_CONFIG_HOME="$WORK/config" "$AXIAL" "$WORK/p.axial" 2>"$WORK/err.\$\$"
sleep 600
EOF
chmod +x "$WORK/run.sh"
RUN="$WORK/run.sh"

# the largest viewable top-level window: the terminal, there is no other
window() {
	xwininfo -root -children 2>/dev/null | sed -n 's/^ *\(0x[0-9a-f]*\) .* \([0-9]*\)x\([0-9]*\)+.*/\1 \2 \3/p' |
	while read -r id w h; do
		xwininfo -id "$id" 2>/dev/null | grep -q 'IsViewable' &&
		    echo "$((w * h)) $id"
	done | sort -n | tail -1 | cut -d' ' -f2
}

# shot NAME PROGRAM CMD...: runs CMD (PROGRAM's terminal) in a session of
# its own, waits for its window to draw, takes the screenshot, ends it
shot() {
	name=$1 prog=$2; shift 2
	if ! command -v "$prog" >/dev/null 2>&1; then
		echo "$name: skipped, not installed" >>"$OUT/report.txt"
		return 1
	fi
	setsid "$@" >"$WORK/$name.log" 2>&1 &
	TPID=$!
	i=0 id=
	while [ $i -lt 150 ]; do
		id=$(window)
		[ -n "$id" ] && break
		kill -0 $TPID 2>/dev/null || break
		sleep 0.2; i=$((i + 1))
	done
	if [ -z "$id" ]; then
		echo "$name: skipped, no window ($(tail -1 "$WORK/$name.log"))" >>"$OUT/report.txt"
		kill -- -$TPID 2>/dev/null; TPID=
		return 1
	fi
	sleep 4	# the terminal starts the workbench, which draws
	import -window "$id" "$OUT/$name.png" 2>/dev/null
	convert "$OUT/$name.png" "$WORK/$name.ppm"
	kill -- -$TPID 2>/dev/null; wait $TPID 2>/dev/null; TPID=
	sleep 0.5
	return 0
}

FONT="DejaVu Sans Mono"
: >"$OUT/report.txt"
echo "terminal-check $(date -u +%Y-%m-%d), $COLS x $ROWS, $(basename "$PROJECT")" >>"$OUT/report.txt"
shot xterm xterm xterm -fa "$FONT" -fs 11 -geometry ${COLS}x$ROWS+0+0 -e "$RUN" ||
    { cat "$OUT/report.txt"; echo "terminal-check: the xterm reference failed" >&2; exit 1; }
echo "xterm: the reference" >>"$OUT/report.txt"

compare() {	# NAME: compares NAME's screenshot with xterm's
	r=$(python3 "$HERE/terminal-compare.py" $COLS $ROWS "$WORK/xterm.ppm" "$WORK/$1.ppm" 2>&1)
	echo "$1: $(echo "$r" | tail -1)" >>"$OUT/report.txt"
	echo "$r" | sed '$d' | sed 's/^/    /' >>"$OUT/report.txt"
}

shot mlterm-noctl mlterm mlterm --ctl=false -g ${COLS}x$ROWS+0+0 -e "$RUN" && compare mlterm-noctl
shot mlterm mlterm mlterm -g ${COLS}x$ROWS+0+0 -e "$RUN" && compare mlterm
shot kitty kitty kitty -o remember_window_size=no -o initial_window_width=${COLS}c \
    -o initial_window_height=${ROWS}c -o "font_family=$FONT" -o font_size=11 "$RUN" && compare kitty
shot alacritty alacritty alacritty -o window.dimensions.columns=$COLS \
    -o window.dimensions.lines=$ROWS -e "$RUN" && compare alacritty
shot xfce4-terminal xfce4-terminal dbus-run-session -- xfce4-terminal --disable-server \
    --geometry=${COLS}x$ROWS+0+0 -x "$RUN" && compare xfce4-terminal
shot gnome-terminal gnome-terminal dbus-run-session -- gnome-terminal --wait \
    --geometry=${COLS}x$ROWS+0+0 -- "$RUN" && compare gnome-terminal
# Konsole with no menu, tab or tool bar, so its window is the terminal
mkdir -p "$WORK/konsole"
printf '[MainWindow][Toolbar mainToolBar]\nHidden=true\n\n[MainWindow][Toolbar sessionToolbar]\nHidden=true\n' \
    >"$WORK/konsole/konsolerc"
KONSOLE="env XDG_CONFIG_HOME=$WORK/konsole konsole --nofork --hide-menubar --hide-tabbar"
shot konsole konsole $KONSOLE -p TerminalColumns=$COLS -p TerminalRows=$ROWS \
    -p "Font=$FONT,11" -e "$RUN" && compare konsole
# the profile's "Bi-Directional text rendering" unticked, as axial doctor says
shot konsole-nobidi konsole $KONSOLE -p TerminalColumns=$COLS \
    -p TerminalRows=$ROWS -p "Font=$FONT,11" -p BidiRenderingEnabled=false \
    -e "$RUN" && compare konsole-nobidi
cat "$OUT/report.txt"
