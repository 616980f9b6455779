#!/bin/sh
# ui-ssh.sh: the workbench over SSH, as a remote coder uses it. Starts
# OpenSSH's sshd on a loopback port with its own host key, config and
# authorized key (nothing of the system's is used or changed), connects
# with ssh -t inside tmux, codes a segment, quits; then drops a connection
# with axial running and checks that axial exits (SIGHUP) instead of
# lingering. Fails loudly when sshd cannot start: no silent skip.
. "$AXIAL_SRC/tests/cli/lib.sh"
. "$AXIAL_SRC/tests/e2e/lib.sh"

SSHD=/usr/sbin/sshd
if [ ! -x "$SSHD" ] || ! command -v ssh >/dev/null 2>&1 ||
    ! command -v ssh-keygen >/dev/null 2>&1; then
	echo "not ok - OpenSSH server and client installed (scripts/deps.sh: openssh-server openssh-client)"
	exit 1
fi

P="$T/project.axial"
cp "$BUILD/remote-work-en.axial" "$P"
chmod 755 "$T"
ssh-keygen -q -t ed25519 -N '' -f "$T/host_key" </dev/null
ssh-keygen -q -t ed25519 -N '' -f "$T/user_key" </dev/null
cp "$T/user_key.pub" "$T/authorized_keys"
# privilege separation needs this directory when sshd runs as root
[ "$(id -u)" -eq 0 ] && mkdir -p /run/sshd

SSHD_PID=""
cleanup_sshd() {
	[ -n "$SSHD_PID" ] && kill "$SSHD_PID" 2>/dev/null
	[ -f "$T/sshd.pid" ] && kill "$(cat "$T/sshd.pid")" 2>/dev/null
	e2e_cleanup
}
trap cleanup_sshd EXIT

started=""
for try in 1 2 3 4 5 6 7 8; do
	PORT=$(( 20000 + ($$ * 7 + try * 131) % 30000 ))
	cat >"$T/sshd_config" <<EOC
Port $PORT
ListenAddress 127.0.0.1
HostKey $T/host_key
PidFile $T/sshd.pid
AuthorizedKeysFile $T/authorized_keys
StrictModes no
UsePAM no
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
AllowTcpForwarding no
X11Forwarding no
PrintMotd no
PrintLastLog no
LogLevel VERBOSE
EOC
	"$SSHD" -D -f "$T/sshd_config" -E "$T/sshd.log" &
	SSHD_PID=$!
	i=0
	while [ $i -lt 50 ]; do
		if grep -q "Server listening" "$T/sshd.log" 2>/dev/null; then
			started=1
			break
		fi
		kill -0 "$SSHD_PID" 2>/dev/null || break
		sleep 0.1
		i=$((i + 1))
	done
	[ -n "$started" ] && break
	kill "$SSHD_PID" 2>/dev/null
	wait "$SSHD_PID" 2>/dev/null
	SSHD_PID=""
done
if [ -z "$started" ]; then
	notok "sshd starts on a loopback port" "$(cat "$T/sshd.log" 2>/dev/null)"
	exit 1
fi
ok "sshd started on 127.0.0.1:$PORT"

USER_NAME=$(id -un)
SSH="ssh -t -o StrictHostKeyChecking=no -o UserKnownHostsFile=$T/known_hosts -o BatchMode=yes -o LogLevel=ERROR -i $T/user_key -p $PORT $USER_NAME@127.0.0.1"
check_rc "ssh runs a command on the server" 0 $SSH -T true

# An interactive session, as a remote coder: the remote shell runs axial
start "$SSH \"cd '$T' && LC_ALL=C.UTF-8 TERM=xterm-256color '$AXIAL' '$P' --as coder-b\""
check_screen "the workbench opens over ssh" "Interviewer: Can you tell me how remote working" 20
check_screen "code tree over ssh" "[causal] Pressures toward remote work"
keys w v w w a
check_screen "finder over ssh" "apply code"
literal "daily check"
keys Enter
check_screen "coded over ssh" "coded 13-20 as Daily check-in calls"
n=$("$AXIAL" codings "$P" --code "Daily check-in calls" --coder coder-b --json |
    python3 -c "import json,sys; print(len([c for c in json.load(sys.stdin) if c['start']==13 and c['end']==20]))")
check "the coding is in the project" 1 "$n"
keys '?'
check_screen "help over ssh" "Everywhere"
keys q q
check_screen "quit over ssh returns to the client" "AXIAL-EXIT=0" 20

# A dropped connection: kill the ssh client; axial gets SIGHUP and exits
start "$SSH \"cd '$T' && LC_ALL=C.UTF-8 TERM=tmux-256color '$AXIAL' '$P' --theme dark\""
check_screen "second session opens" "codes (" 20
pane_pid=$($TM display-message -p -t t '#{pane_pid}')
ssh_pid=$(pgrep -P "$pane_pid" -x ssh | head -1)
if pgrep -f -- "^$AXIAL $P --theme dark" >/dev/null 2>&1; then
	ok "the remote axial is running"
else
	notok "the remote axial is running" "$(pgrep -af axial)"
fi
if [ -n "$ssh_pid" ]; then
	kill -9 "$ssh_pid"
	gone=""
	i=0
	while [ $i -lt 100 ]; do
		# the remote axial's own command line (the tmux and ssh ones quote it)
		if ! pgrep -f -- "^$AXIAL $P --theme dark" >/dev/null 2>&1; then
			gone=1
			break
		fi
		sleep 0.1
		i=$((i + 1))
	done
	if [ -n "$gone" ]; then ok "axial exits when the connection drops (SIGHUP)"; else
		notok "axial exits when the connection drops (SIGHUP)" "$(pgrep -af -- "^$AXIAL $P")"; fi
else
	notok "found the ssh client to drop" "pane pid $pane_pid"
fi
check_rc "the project is intact after the drop" 0 "$AXIAL" info "$P"
