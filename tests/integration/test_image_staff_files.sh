#!/bin/sh
# The kiosk image's staff files (packaging/image/rootfs/usr/libexec/plankiosk-image/staff-files):
# plankiosk/network.txt on the card's FAT partition turns on Wi-Fi and ssh, and
# plankiosk/staff-pin.txt sets the staff PIN. Each case runs the script against a fake root
# (PK_ROOT) with fakes first on PATH that only log their arguments (systemctl, mount, sync,
# plankiosk hash-pin), and checks what a kiosk would do: the wpa_supplicant config it writes
# (byte for byte), what it starts, the ssh keys and host key it puts in place, the PIN's hash
# written and the PIN's file removed in the right order (the card made writable only for that,
# and read-only again on every way out, a stop and failures included; a power cut at each sync
# and a damaged hash made good at the next boot; the PIN never in a log), and the
# `plankiosk/FILE:LINE: ...` messages staff would read. ssh-keygen is the real one when
# installed, else a stub. Also: the example file on the card is valid and changes nothing; the
# paths in the units and the sshd drop-in are the ones the script writes; where installed, the
# real wpa_supplicant reads the passphrase as typed, sshd -T accepts the drop-in and host key,
# the real plankiosk hash-pin's line is taken, and systemd-analyze verify passes the units.
# Usage: test_image_staff_files.sh [PLANKIOSK SOURCE_DIR WORK_DIR] (as ctest runs every
# tests/integration/test_*.sh; the first argument, the plankiosk binary, is used for one case
# if it is there). Needs root (the script makes
# root-owned files and checks owners): exits 77 (skip) otherwise.
# shellcheck disable=SC2317 # the checks are called through expect
set -u
src=${2:-$(cd "$(dirname "$0")/../.." && pwd)}
out=${3:-${TMPDIR:-/tmp}/test_image_staff_files.out}
image=$src/packaging/image
script=$image/rootfs/usr/libexec/plankiosk-image/staff-files
if [ "$(id -u)" -ne 0 ]; then
  echo "SKIP the staff-files script makes root-owned files: run as root"
  exit 77
fi
rm -rf "$out" && mkdir -p "$out/bin"
fail=0

# ---- stubs ----------------------------------------------------------------------------------
cat >"$out/bin/systemctl" <<'EOF'
#!/bin/sh
echo "$*" >>"$SYSTEMCTL_LOG"
EOF
if ! command -v ssh-keygen >/dev/null 2>&1; then
  echo "note: no ssh-keygen here, a stub makes the host key"
  cat >"$out/bin/ssh-keygen" <<'EOF'
#!/bin/sh
# -f FILE makes FILE and FILE.pub with a random line; -l prints a fingerprint.
while [ $# -gt 0 ]; do
  case $1 in -f) f=$2; shift ;; -l) l=1 ;; esac
  shift
done
[ -n "${l:-}" ] && { echo "256 SHA256:stub $f (ED25519)"; exit 0; }
od -An -N16 -tx1 /dev/urandom | tr -d ' \n' >"$f" && echo "ssh-ed25519 stub" >"$f.pub"
EOF
fi
chmod +x "$out/bin"/*

# ---- helpers --------------------------------------------------------------------------------
# new_root NAME: a fake kiosk root in $r: the card's folder, the feedback partition (owned by
# an unprivileged user, 0750, as in the image) and /run.
new_root() {
  r=$out/$1
  mkdir -p "$r/boot/firmware/plankiosk" "$r/var/lib/plankiosk" "$r/run"
  chown 65534:65534 "$r/var/lib/plankiosk" && chmod 0750 "$r/var/lib/plankiosk"
}
# card FILE TEXT: write TEXT (printf format, so \r\n and \357 work) to the card's FILE.
# shellcheck disable=SC2059 # TEXT is the format, on purpose
card() { printf "$2" >"$r/boot/firmware/plankiosk/$1"; }
# boot [ENV...]: run the script on $r as a boot would (a fresh /run each time).
boot() {
  rm -rf "$r/run/plankiosk-staff" "$r/systemctl.log"
  env PK_ROOT="$r" SYSTEMCTL_LOG="$r/systemctl.log" PATH="$out/bin:$PATH" "$@" \
    sh "$script" >"$r/stdout" 2>"$r/stderr"
  rc=$?
}
ok() { echo "ok   $case_name: $1"; }
bad() { echo "FAIL $case_name: $1"; fail=1; }
# expect DESCRIPTION COMMAND...: the command must succeed.
expect() {
  what=$1; shift
  if "$@"; then ok "$what"; else bad "$what"; fi
}
has_line() { grep -qxF -- "$2" "$1" 2>/dev/null; }
# said MESSAGE: the problem is in the journal (stderr) and in problems.txt, word for word.
said() { has_line "$r/stderr" "$1" && has_line "$r/run/plankiosk-staff/problems.txt" "$1"; }
started() { has_line "$r/systemctl.log" "start --no-block $1"; }
nothing_started() { [ ! -e "$r/systemctl.log" ]; }
no_problems() { [ ! -s "$r/stderr" ] && [ ! -e "$r/run/plankiosk-staff/problems.txt" ]; }
owner_mode() { [ "$(stat -c '%u:%g %a' "$1")" = "$2" ]; }
wpa=run/plankiosk-staff/wpa_supplicant-wlan0.conf
show() { for f in stdout stderr systemctl.log "$wpa"; do [ -e "$r/$f" ] && { echo "--- $f"; cat "$r/$f"; }; done; }

# ---- 1. no file ---------------------------------------------------------------------------
case_name="no file"
new_root none
boot
expect "exits 0" [ "$rc" -eq 0 ]
expect "nothing started" nothing_started
expect "no problems said" no_problems
expect "no Wi-Fi config" [ ! -e "$r/$wpa" ]

# ---- 2. Wi-Fi, a passphrase with spaces, quotes, a backslash and # -------------------------
case_name="wifi passphrase"
new_root wifi
card network.txt '# the library\nwifi_name = "Library Staff"\n  wifi_password =  my "pass" \\ word #1  \nwifi_country=gb\n'
boot
expect "exits 0" [ "$rc" -eq 0 ]
expect "no problems said" no_problems
expect "ssid line exact" has_line "$r/$wpa" '	ssid="Library Staff"'
expect "psk line exact" has_line "$r/$wpa" '	psk="my "pass" \ word #1"'
expect "key_mgmt WPA-PSK" has_line "$r/$wpa" '	key_mgmt=WPA-PSK'
expect "country upper case" has_line "$r/$wpa" 'country=GB'
expect "ctrl_interface" has_line "$r/$wpa" 'ctrl_interface=DIR=/run/wpa_supplicant'
expect "config root 0600" owner_mode "$r/$wpa" "0:0 600"
expect "run folder root 0755" owner_mode "$r/run/plankiosk-staff" "0:0 755"
expect "one network block" [ "$(grep -c '^network={$' "$r/$wpa")" -eq 1 ]
expect "plankiosk-wifi started" started plankiosk-wifi.service
expect "ssh not started (default off)" [ "$(wc -l <"$r/systemctl.log")" -eq 1 ]
[ "$fail" -eq 0 ] || show

# ---- 3. a 64-hex-digit key, and an open network --------------------------------------------
case_name="wifi hex psk"
new_root hex
hex=0123456789abcdef0123456789ABCDEF0123456789abcdef0123456789abcdef
card network.txt "wifi_name=Hall\nwifi_password=$hex\nwifi_country=IE\n"
boot
expect "raw psk unquoted" has_line "$r/$wpa" "	psk=$hex"
expect "no problems said" no_problems
expect "plankiosk-wifi started" started plankiosk-wifi.service
case_name="wifi open"
new_root open
card network.txt 'wifi_name = Free Wifi\nwifi_country = FR\n'
boot
expect "key_mgmt NONE" has_line "$r/$wpa" '	key_mgmt=NONE'
expect "no psk line" [ "$(grep -c psk "$r/$wpa")" -eq 0 ]
expect "plankiosk-wifi started" started plankiosk-wifi.service

# ---- 4. a 7-character password -------------------------------------------------------------
case_name="short password"
new_root short
card network.txt 'wifi_name = Hall\n\nwifi_password = 1234567\nwifi_country = GB\n'
boot
expect "exits 0" [ "$rc" -eq 0 ]
expect "said with its line" said "plankiosk/network.txt:3: wifi_password has 7 characters; a Wi-Fi password has 8 to 63 (or is 64 hex digits): Wi-Fi stays off"
expect "no Wi-Fi config" [ ! -e "$r/$wpa" ]
expect "nothing started" nothing_started

# ---- 5. Windows: CRLF and a byte order mark ------------------------------------------------
case_name="crlf bom"
new_root crlf
card network.txt '\357\273\277wifi_name = Cafe\r\n# note\r\nwifi_password = abcdefgh\r\nwifi_country = FR\r\n'
boot
expect "no problems said" no_problems
expect "ssid without CR" has_line "$r/$wpa" '	ssid="Cafe"'
expect "psk without CR" has_line "$r/$wpa" '	psk="abcdefgh"'
expect "country" has_line "$r/$wpa" 'country=FR'
expect "plankiosk-wifi started" started plankiosk-wifi.service

case_name="utf-16"
new_root utf16
card network.txt '\377\376w\000i\000f\000i\000_\000n\000a\000m\000e\000=\000x\000\n\000'
boot
expect "said, on line 1" said 'plankiosk/network.txt:1: the file is saved as UTF-16 ("Unicode"): save it as UTF-8 (Notepad: Save as, Encoding: UTF-8); no Wi-Fi, no ssh'
expect "nothing started" nothing_started

# ---- 6. an unknown key, and a line without = -----------------------------------------------
case_name="unknown key"
new_root unknown
card network.txt 'wifi_name = Hall\nwifi_country = GB\nwifi_nmae = Hall\nssh on\n'
boot
expect "exits 0" [ "$rc" -eq 0 ]
expect "unknown key with its line" said "plankiosk/network.txt:3: unknown name 'wifi_nmae' (known: wifi_name, wifi_password, wifi_country, ssh)"
expect "line without = with its line" said "plankiosk/network.txt:4: expected 'name = value', found 'ssh on'"
expect "the rest still works (open Wi-Fi)" started plankiosk-wifi.service
card network.txt 'wifi_name = x\nwifi_password = abcdefgh\nwifi_country = GBR\n'
boot
expect "a bad country with its line" said "plankiosk/network.txt:3: wifi_country 'GBR' is not two letters (GB, FR, DE...): Wi-Fi uses world-wide settings and may not find every network"
expect "Wi-Fi still on without country=" [ "$(grep -c '^country=' "$r/$wpa")" -eq 0 ]

# ---- 7. ssh on with keys -------------------------------------------------------------------
case_name="ssh on"
new_root ssh
card network.txt 'ssh = on\n'
card ssh_authorized_keys '\357\273\277# Alice\r\nssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGJ4 alice@laptop\r\nnot a key\r\nfrom="10.0.0.0/8" ssh-rsa AAAAB3Nza bob\r\n'
boot
key=$r/var/lib/plankiosk/.system/ssh/ssh_host_ed25519_key
expect "exits 0" [ "$rc" -eq 0 ]
expect "ssh started" started ssh.service
expect "only ssh started" [ "$(wc -l <"$r/systemctl.log")" -eq 1 ]
expect "keys in place, root 0644" owner_mode "$r/run/plankiosk-staff/authorized_keys" "0:0 644"
expect "keys without CR, BOM, comments or non-keys" [ "$(cat "$r/run/plankiosk-staff/authorized_keys")" = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGJ4 alice@laptop
from="10.0.0.0/8" ssh-rsa AAAAB3Nza bob' ]
expect "a non-key line said" said "plankiosk/ssh_authorized_keys:3: not an OpenSSH public key (a line starting ssh-ed25519, ssh-rsa or ecdsa-...): left out"
expect ".system root 0700" owner_mode "$r/var/lib/plankiosk/.system" "0:0 700"
expect "host key made" [ -s "$key" ]
expect "its public half too" [ -s "$key.pub" ]
expect "no half-made key left" [ ! -e "$key.new" ]
expect "feedback folder left as it was" owner_mode "$r/var/lib/plankiosk" "65534:65534 750"
sum1=$(cksum <"$key")
boot
expect "second boot: ssh started" started ssh.service
expect "second boot: same host key" [ "$(cksum <"$key")" = "$sum1" ]
expect "second boot: keys in place" [ -s "$r/run/plankiosk-staff/authorized_keys" ]
# The kiosk's user owns the feedback partition: a .system it swapped in is not trusted.
mv "$r/var/lib/plankiosk/.system" "$r/var/lib/plankiosk/.system-root"
mkdir "$r/var/lib/plankiosk/.system" && chown 65534 "$r/var/lib/plankiosk/.system"
boot
expect "a .system not root's: ssh stays off" nothing_started
expect "and no keys are left for sshd" [ ! -e "$r/run/plankiosk-staff/authorized_keys" ]
expect "said with the ssh line" grep -q "^plankiosk/network.txt:1: ssh is on but the kiosk cannot keep its host key" "$r/stderr"
rm -rf "$r/var/lib/plankiosk/.system" && ln -s /tmp "$r/var/lib/plankiosk/.system"
boot
expect "a .system link: ssh stays off" nothing_started
# Dry run: says what it would start.
rm -f "$r/var/lib/plankiosk/.system" && mv "$r/var/lib/plankiosk/.system-root" "$r/var/lib/plankiosk/.system"
boot PK_DRY_RUN=1
expect "dry run: nothing run" nothing_started
expect "dry run: says it" has_line "$r/stdout" "dry run: systemctl start --no-block ssh.service"

# ---- 8. ssh on without keys ----------------------------------------------------------------
case_name="ssh no keys"
new_root nokeys
card network.txt '# remote login\r\nssh = ON\r\n'
boot
expect "exits 0" [ "$rc" -eq 0 ]
expect "nothing started" nothing_started
expect "said with its line" said "plankiosk/network.txt:2: ssh is on but there is no plankiosk/ssh_authorized_keys on the card: ssh stays off"
expect "no host key made" [ ! -e "$r/var/lib/plankiosk/.system" ]
card ssh_authorized_keys '# nobody yet\n'
boot
expect "a keys file with no key: said" said "plankiosk/network.txt:2: ssh is on but plankiosk/ssh_authorized_keys holds no public key: ssh stays off"
expect "a keys file with no key: nothing started" nothing_started

# ---- 9. the example on the card, and Windows' network.txt.txt -------------------------------
case_name="example"
new_root example
cp "$image/boot/plankiosk/network.txt.example" "$r/boot/firmware/plankiosk/network.txt"
boot
expect "every line a comment: no problems" no_problems
expect "nothing started" nothing_started
# Each commented setting, uncommented, is a valid line (the open network has no country).
sed 's/^#\([a-z_]* = \)/\1/' "$image/boot/plankiosk/network.txt.example" >"$r/boot/firmware/plankiosk/network.txt.txt"
rm "$r/boot/firmware/plankiosk/network.txt"
boot
expect "uncommented: no problems" no_problems
expect "uncommented: Wi-Fi started, not ssh" [ "$(cat "$r/systemctl.log")" = "start --no-block plankiosk-wifi.service" ]

# ---- 10. the units and the sshd drop-in name the paths the script writes ---------------------
case_name="paths"
rootfs=$image/rootfs
expect "sshd HostKey is the key made" grep -qx "HostKey /var/lib/plankiosk/.system/ssh/ssh_host_ed25519_key" "$rootfs/etc/ssh/sshd_config.d/plankiosk.conf"
expect "sshd AuthorizedKeysFile is the keys copied" grep -qx "AuthorizedKeysFile /run/plankiosk-staff/authorized_keys" "$rootfs/etc/ssh/sshd_config.d/plankiosk.conf"
expect "sshd: no passwords" grep -qx "PasswordAuthentication no" "$rootfs/etc/ssh/sshd_config.d/plankiosk.conf"
expect "plankiosk-wifi reads the config written" grep -q " -c /$wpa\$" "$rootfs/etc/systemd/system/plankiosk-wifi.service"
expect "the boot unit runs the script" grep -qx "ExecStart=/usr/libexec/plankiosk-image/staff-files" "$rootfs/etc/systemd/system/plankiosk-staff-files.service"
expect "the boot unit runs before the kiosk (the PIN's hash)" grep -qx "Before=.* plankiosk.service" "$rootfs/etc/systemd/system/plankiosk-staff-files.service"
expect "networkd matches eth0 and wlan0" grep -qx "Name=eth0 wlan0" "$rootfs/etc/systemd/network/50-plankiosk.network"

# ---- 11. where the real programs are installed: they read what was written as meant -----------
# wpa_supplicant: the passphrase of case 2, read back from its config, gives the key that
# wpa_passphrase derives from the same text (so quotes, backslash and # came through as typed).
case_name="real wpa_supplicant"
wpa_supplicant=$(command -v wpa_supplicant || echo /sbin/wpa_supplicant)
if [ -x "$wpa_supplicant" ] && command -v wpa_passphrase >/dev/null 2>&1; then
  want=$(wpa_passphrase "Library Staff" 'my "pass" \ word #1' | sed -n 's/^\tpsk=//p')
  got=$(timeout 5 "$wpa_supplicant" -dd -K -i lo -D wext -c "$out/wifi/$wpa" 2>&1 |
    sed -n 's/^PSK (from passphrase) - hexdump(len=32): //p' | tr -d ' ')
  expect "the key from the config is wpa_passphrase's ($want)" [ "${want:-none}" = "$got" ]
else
  echo "note: wpa_supplicant/wpa_passphrase not installed (Debian package wpasupplicant): not checked"
fi
# sshd: Debian's sshd_config including our drop-in (first value wins) with the host key the
# script made: sshd -T loads the key and says root only, keys only.
case_name="real sshd"
if [ -x /usr/sbin/sshd ] && [ -e /etc/ssh/sshd_config ]; then
  d=$out/sshd && mkdir -p "$d/conf.d" /run/sshd
  sed -e "s#^HostKey /#HostKey $out/ssh/#" "$image/rootfs/etc/ssh/sshd_config.d/plankiosk.conf" >"$d/conf.d/plankiosk.conf"
  sed "s#^Include .*#Include $d/conf.d/*.conf#" /etc/ssh/sshd_config >"$d/sshd_config"
  /usr/sbin/sshd -T -f "$d/sshd_config" -C user=root,host=kiosk,addr=192.0.2.1 >"$d/effective" 2>&1
  expect "sshd -T accepts the drop-in and the host key" [ $? -eq 0 ]
  for want in "hostkey $out/ssh/var/lib/plankiosk/.system/ssh/ssh_host_ed25519_key" \
    "authorizedkeysfile /run/plankiosk-staff/authorized_keys" "allowusers root" \
    "permitrootlogin without-password" "passwordauthentication no" \
    "kbdinteractiveauthentication no" "authenticationmethods publickey" "strictmodes yes"; do
    expect "$want" has_line "$d/effective" "$want"
  done
else
  echo "note: openssh-server is not installed: sshd -T not run"
fi

# ---- 12. the staff PIN: plankiosk/staff-pin.txt becomes plankiosk/staff-pin.hash ----------------
# Fakes on PATH log to $EVENTS, in order: `plankiosk hash-pin`, each `mount` and each `sync`,
# and after each mount and sync what the card's folder holds then (file=old/new: the old or the
# new hash; other: anything else), so the log shows what was on the card at each step. The
# fake hash-pin keeps the PIN it was given in pin.got (for the test, not a log); FAKE_HASH=fail
# or junk makes it fail or print something that is not a hash. FAKE_SYNC_SIGNAL=N:SIG sends SIG
# to the script at its Nth sync: TERM is a stop (systemd's timeout), KILL a power cut.
case_name="pin"
# shellcheck disable=SC2016 # the $ are the hashes' own
hash_old='$argon2id$v=19$m=16384,t=2,p=1$b2xkLXNhbHQtMTZieXRlcw$b2xkLWhhc2gtMzJieXRlcy1vbGQtaGFzaC0zMmJ5dGU'
# shellcheck disable=SC2016
hash_new='$argon2id$v=19$m=16384,t=2,p=1$bmV3LXNhbHQtMTZieXRlcw$bmV3LWhhc2gtMzJieXRlcy1uZXctaGFzaC0zMmJ5dGU'
export HASH_OLD="$hash_old" HASH_NEW="$hash_new"
cat >"$out/bin/pk-card-state" <<'EOS'
#!/bin/sh
s=""
for f in "$CARD"/*; do
  [ -e "$f" ] || continue
  case $(cat "$f" 2>/dev/null) in "$HASH_OLD") t=old ;; "$HASH_NEW") t=new ;; *) t=other ;; esac
  [ -d "$f" ] && t=folder
  s="$s ${f##*/}=$t"
done
echo "  card:$s" >>"$EVENTS"
EOS
cat >"$out/bin/mount" <<'EOS'
#!/bin/sh
[ -n "${EVENTS:-}" ] || exit 0
echo "mount $*" >>"$EVENTS" && pk-card-state
[ "${FAKE_MOUNT_FAIL:-}" != "$2" ]
EOS
cat >"$out/bin/sync" <<'EOS'
#!/bin/sh
[ -n "${EVENTS:-}" ] || exit 0
echo "sync${1:+ ${1##*/}}" >>"$EVENTS" && pk-card-state
n=$(($(cat "$EVENTS.syncs" 2>/dev/null || echo 0) + 1)) && echo "$n" >"$EVENTS.syncs"
[ "${FAKE_SYNC_SIGNAL%%:*}" = "$n" ] && kill -s "${FAKE_SYNC_SIGNAL#*:}" "$PPID"
exit 0
EOS
cat >"$out/bin/plankiosk" <<'EOS'
#!/bin/sh
echo "plankiosk $*" >>"$EVENTS"
[ "$1" = hash-pin ] || exit 2
IFS= read -r pin
printf '%s' "$pin" >"$PIN_GOT"
case ${FAKE_HASH:-ok} in
  fail) echo "plankiosk hash-pin: libsodium could not start" >&2; exit 1 ;;
  junk) echo "Put this line in the config"; exit 0 ;;
esac
echo "$HASH_NEW"
EOS
chmod +x "$out/bin"/*
# pin_boot [ENV...]: boot with the fakes logging to $r/events.log.
pin_boot() {
  rm -f "$r/events.log" "$r/events.log.syncs" "$r/pin.got"
  boot EVENTS="$r/events.log" CARD="$r/boot/firmware/plankiosk" PIN_GOT="$r/pin.got" FAKE_SYNC_SIGNAL=0:none "$@"
}
pin_root() { new_root "$1"; pk=$r/boot/firmware/plankiosk; }
events_are() { [ "$(cat "$r/events.log" 2>/dev/null)" = "$1" ]; }
hash_is() { [ "$(cat "$pk/staff-pin.hash")" = "$1" ] && [ "$(wc -l <"$pk/staff-pin.hash")" -eq 1 ]; }
gone() { [ ! -e "$pk/$1" ]; }
kept() { [ -e "$pk/$1" ]; }
no_mount() { ! grep -q '^mount' "$r/events.log" 2>/dev/null; }
last_mount_ro() { [ "$(grep '^mount' "$r/events.log" | tail -n 1)" = "mount -o remount,ro $r/boot/firmware" ]; }
# never_said TEXT: TEXT is in no file under the fake root but the card's own staff-pin.txt and
# what the fake hash-pin received: not in the journal (stdout, stderr), problems.txt, the logs.
# old_hash_and TEXT: the card holds the old hash and a staff-pin.txt of TEXT (printf format).
old_hash_and() { printf '%s\n' "$hash_old" >"$pk/staff-pin.hash" && card staff-pin.txt "$1"; }
# unchanged: the old hash and staff-pin.txt both still there. changed: the new hash, and
# neither staff-pin.txt nor the temporary file left.
unchanged() { kept staff-pin.txt && hash_is "$hash_old"; }
changed() { hash_is "$hash_new" && gone staff-pin.txt && gone staff-pin.hash.new; }
never_said() { ! grep -rqF --exclude=pin.got --exclude=staff-pin.txt --exclude=staff-pin.txt.txt -- "$1" "$r"; }
pin_show() { show; for f in events.log pin.got; do [ -e "$r/$f" ] && { echo "--- $f"; cat "$r/$f"; echo; }; done; ls -la "$pk"; }
changed_line="staff-files: staff PIN changed from plankiosk/staff-pin.txt; the file was removed and only its hash kept (plankiosk/staff-pin.hash)"
f0=$fail

case_name="pin good"
pin_root pin-good
old_hash_and '48213579\n'
pin_boot
expect "exits 0" [ "$rc" -eq 0 ]
expect "no problems said" no_problems
expect "hash-pin got the PIN on stdin" [ "$(cat "$r/pin.got")" = 48213579 ]
expect "the new hash, one line; staff-pin.txt and the temporary gone" changed
expect "hash first, then rw, write+sync, rename+sync, rm+sync, ro" events_are "plankiosk hash-pin
mount -o remount,rw $r/boot/firmware
  card: staff-pin.hash=old staff-pin.txt=other
sync staff-pin.hash.new
  card: staff-pin.hash=old staff-pin.hash.new=new staff-pin.txt=other
sync staff-pin.hash
  card: staff-pin.hash=new staff-pin.txt=other
sync
  card: staff-pin.hash=new
mount -o remount,ro $r/boot/firmware
  card: staff-pin.hash=new"
expect "the journal line" has_line "$r/stdout" "$changed_line"
expect "the PIN is in no log or file" never_said 48213579
pin_boot
expect "next boot: the card is not made writable" no_mount
expect "next boot: hash-pin not run" [ ! -e "$r/pin.got" ]
expect "next boot: the hash kept" hash_is "$hash_new"
expect "next boot: no problems said" no_problems
[ "$fail" -eq "$f0" ] || pin_show

case_name="pin first"
pin_root pin-first
pin_boot
expect "no PIN, no file: said in the journal" has_line "$r/stdout" "staff-files: no staff PIN on the card (plankiosk/staff-pin.hash): the staff screen stays shut until staff write one in plankiosk/staff-pin.txt"
expect "not made writable" no_mount
card staff-pin.txt '5555\n'
pin_boot
expect "the first PIN: hash written, staff-pin.txt removed" changed
expect "the first PIN: back to read-only" last_mount_ro

f0=$fail
case_name="pin refused"
pin_root pin-short
old_hash_and '907\n'
pin_boot
expect "exits 0" [ "$rc" -eq 0 ]
expect "3 digits: said with its line" said "plankiosk/staff-pin.txt:1: the PIN has 3 digits; a PIN has 4 to 12; the PIN is unchanged"
expect "hash-pin not run, the card not made writable" [ ! -e "$r/events.log" ]
expect "staff-pin.txt and the old hash kept" unchanged
expect "what was written is not said" never_said 907
card staff-pin.txt '\n\n  1234567890123 \n'
pin_boot
expect "13 digits: said on line 3" said "plankiosk/staff-pin.txt:3: the PIN has 13 digits; a PIN has 4 to 12; the PIN is unchanged"
card staff-pin.txt 'PIN 4821\n'
pin_boot
expect "not digits: said" said "plankiosk/staff-pin.txt:1: a PIN is digits only (0-9): no letters, spaces or other signs; the PIN is unchanged"
expect "not digits: nothing run" [ ! -e "$r/events.log" ]
expect "not digits: what was written is not said" never_said 4821
card staff-pin.txt '4821\n1234\n'
pin_boot
expect "two PINs: said on line 2" said "plankiosk/staff-pin.txt:2: only one line, the PIN, belongs in this file (the PIN is on line 1): the PIN is unchanged"
expect "two PINs: not said" never_said 1234
card staff-pin.txt ' \r\n'
pin_boot
expect "empty: said" said "plankiosk/staff-pin.txt:1: the file is empty: write the new PIN in it, 4 to 12 digits; the PIN is unchanged"
card staff-pin.txt '\377\3764\0008\0002\0001\000'
pin_boot
expect "UTF-16: said" said 'plankiosk/staff-pin.txt:1: the file is saved as UTF-16 ("Unicode"): save it as UTF-8 (Notepad: Save as, Encoding: UTF-8); the PIN is unchanged'
expect "after all that, the old hash kept" hash_is "$hash_old"
expect "and the card never made writable" [ ! -e "$r/events.log" ]
[ "$fail" -eq "$f0" ] || pin_show

case_name="pin crlf bom"
pin_root pin-crlf
card staff-pin.txt '\357\273\277 \t0042 \r\n\r\n'
pin_boot
expect "no problems said" no_problems
expect "hash-pin got the digits alone" [ "$(cat "$r/pin.got")" = 0042 ]
expect "hash written, staff-pin.txt removed" changed

case_name="pin txt.txt"
pin_root pin-txttxt
card staff-pin.txt.txt '2580'
pin_boot
expect "hash-pin got the PIN (no line end)" [ "$(cat "$r/pin.got")" = 2580 ]
expect "hash written" hash_is "$hash_new"
expect "staff-pin.txt.txt removed" gone staff-pin.txt.txt
expect "the journal names it" has_line "$r/stdout" "staff-files: staff PIN changed from plankiosk/staff-pin.txt.txt; the file was removed and only its hash kept (plankiosk/staff-pin.hash)"
card staff-pin.txt '1111\n'
card staff-pin.txt.txt '2222\n'
pin_boot
expect "both names: said" said "plankiosk/staff-pin.txt:1: both staff-pin.txt and staff-pin.txt.txt are on the card: delete the one you did not mean; the PIN is unchanged"
expect "both names: nothing run" [ ! -e "$r/events.log" ]
expect "both names: staff-pin.txt kept" kept staff-pin.txt
expect "both names: staff-pin.txt.txt kept" kept staff-pin.txt.txt

f0=$fail
case_name="pin hash fails"
pin_root pin-fail
old_hash_and '13579\n'
for how in fail junk; do
  pin_boot FAKE_HASH=$how
  expect "$how: exits 0" [ "$rc" -eq 0 ]
  expect "$how: said" said "plankiosk/staff-pin.txt:1: the kiosk could not make the PIN's hash (plankiosk hash-pin failed, see the journal): the PIN is unchanged; it tries again at the next start"
  expect "$how: the card never made writable (read-only all along)" events_are "plankiosk hash-pin"
  expect "$how: staff-pin.txt and the old hash kept" unchanged
  expect "$how: the PIN not said" never_said 13579
done
# The write fails once the card is writable (here: the temporary name is taken by a folder that
# cannot be removed, as a full or damaged card would fail it): read-only again, txt kept.
mkdir -p "$pk/staff-pin.hash.new/x"
pin_boot
expect "write fails: said" said "plankiosk/staff-pin.txt:1: the PIN's hash could not be written on the card (full, or damaged?): the PIN is unchanged; the kiosk tries again at the next start"
expect "write fails: rw then ro, nothing else written" events_are "plankiosk hash-pin
mount -o remount,rw $r/boot/firmware
  card: staff-pin.hash=old staff-pin.hash.new=folder staff-pin.txt=other
mount -o remount,ro $r/boot/firmware
  card: staff-pin.hash=old staff-pin.hash.new=folder staff-pin.txt=other"
expect "write fails: staff-pin.txt and the old hash kept" unchanged
rm -rf "$pk/staff-pin.hash.new"
pin_boot FAKE_MOUNT_FAIL=remount,rw
expect "remount rw fails: said" said "plankiosk/staff-pin.txt:1: the card could not be made writable (mount -o remount,rw failed): the PIN is unchanged; the kiosk tries again at the next start"
expect "remount rw fails: no ro attempted" [ "$(grep -c '^mount' "$r/events.log")" -eq 1 ]
expect "remount rw fails: staff-pin.txt and the old hash kept" unchanged
# Stopped (SIGTERM, as systemd's timeout) after the temporary file is written: the trap makes
# the card read-only again.
pin_boot FAKE_SYNC_SIGNAL=1:TERM
expect "stopped: read-only again" last_mount_ro
expect "stopped: staff-pin.txt and the old hash kept" unchanged
pin_boot FAKE_MOUNT_FAIL=remount,ro
expect "ro fails: said in the journal" has_line "$r/stderr" "staff-files: cannot make the card read-only again (mount -o remount,ro $r/boot/firmware failed): it stays writable until the kiosk is switched off"
expect "ro fails: the PIN set all the same" hash_is "$hash_new"
[ "$fail" -eq "$f0" ] || pin_show

f0=$fail
case_name="pin power cut"
# Cut (SIGKILL, no trap) at the first sync: the new hash under its temporary name, the old hash
# and staff-pin.txt still there. The next boot does it all again.
pin_root pin-cut
old_hash_and '8642\n'
pin_boot FAKE_SYNC_SIGNAL=1:KILL
expect "cut at the first sync: the new hash only under its temporary name" [ "$(cat "$pk/staff-pin.hash.new")" = "$hash_new" ]
expect "cut at the first sync: staff-pin.txt and the old hash kept" unchanged
pin_boot
expect "next boot: the new hash; txt and temporary gone" changed
expect "next boot: read-only again" last_mount_ro
# Cut at the second sync (after the rename): the new hash, and staff-pin.txt still there; the
# next boot makes it again.
old_hash_and '8642\n'
pin_boot FAKE_SYNC_SIGNAL=2:KILL
expect "cut at the second sync: the new hash" hash_is "$hash_new"
expect "cut at the second sync: staff-pin.txt kept" kept staff-pin.txt
pin_boot
expect "next boot: made again, txt gone" changed
# Cut at the third sync (after the removal): done; the next boot leaves it.
old_hash_and '8642\n'
pin_boot FAKE_SYNC_SIGNAL=3:KILL
expect "cut at the third sync: the new hash, txt gone" changed
pin_boot
expect "next boot: nothing to do" no_mount
expect "next boot: no problems said" no_problems
[ "$fail" -eq "$f0" ] || pin_show

f0=$fail
case_name="pin damaged hash"
# FAT's rename is not atomic: a staff-pin.hash cut short, or zeroed, with staff-pin.txt still
# there is made again.
pin_root pin-damaged
printf '%s' "${hash_old%??????????}" >"$pk/staff-pin.hash"
card staff-pin.txt '3141\n'
pin_boot
expect "cut short + txt: made again, txt removed" changed
printf '%s\000\000\000\n' "$hash_old" >"$pk/staff-pin.hash"
pin_boot
expect "zero bytes, no txt: said" said "plankiosk/staff-pin.hash:1: this is not a whole PIN hash (damaged?): the staff screen cannot be opened; write the PIN again in plankiosk/staff-pin.txt"
expect "zero bytes, no txt: the card not made writable" no_mount
printf '%s\n' "${hash_old%?}" >"$pk/staff-pin.hash"
pin_boot
expect "one character short, no txt: said" said "plankiosk/staff-pin.hash:1: this is not a whole PIN hash (damaged?): the staff screen cannot be opened; write the PIN again in plankiosk/staff-pin.txt"
card staff-pin.txt '3141\n'
pin_boot
expect "zero bytes + txt: made again" hash_is "$hash_new"
expect "zero bytes + txt: no problems said" no_problems
# As plankiosk's config loader reads it: a byte order mark, blanks and line ends after it.
printf '\357\273\277%s \r\n\r\n' "$hash_old" >"$pk/staff-pin.hash"
pin_boot
expect "a hash with a BOM and Windows line ends is whole" no_problems
printf '%s\n%s\n' "$hash_old" "$hash_old" >"$pk/staff-pin.hash"
pin_boot
expect "two lines: said" said "plankiosk/staff-pin.hash:1: this is not a whole PIN hash (damaged?): the staff screen cannot be opened; write the PIN again in plankiosk/staff-pin.txt"
[ "$fail" -eq "$f0" ] || pin_show

case_name="pin dry run"
pin_root pin-dry
card staff-pin.txt '1234\n'
pin_boot PK_DRY_RUN=1
expect "says the remount rw" has_line "$r/stdout" "dry run: mount -o remount,rw $r/boot/firmware"
expect "says the remount ro" has_line "$r/stdout" "dry run: mount -o remount,ro $r/boot/firmware"
expect "runs neither" no_mount

# With the real plankiosk (the first argument, as ctest passes it): its hash is one the script
# takes, and a wrong PIN is refused by the script before hash-pin.
case_name="pin real hash-pin"
if [ -x "${1:-}" ]; then
  mkdir -p "$out/realbin" && ln -sf "$(cd "$(dirname "$1")" && pwd)/$(basename "$1")" "$out/realbin/plankiosk"
  pin_root pin-real
  card staff-pin.txt '\357\273\2779753\r\n'
  pin_boot PATH="$out/realbin:$out/bin:$PATH"
  expect "no problems said" no_problems
  # shellcheck disable=SC2016
  expect "a hash written" grep -q '^\$argon2id\$v=19\$' "$pk/staff-pin.hash"
  expect "staff-pin.txt removed" gone staff-pin.txt
  pin_boot PATH="$out/realbin:$out/bin:$PATH"
  expect "next boot: the hash is whole (no problem said)" no_problems
  expect "the PIN is in no log or file" never_said 9753
else
  echo "note: no plankiosk binary given: the real hash-pin not run"
fi

# systemd-analyze verify: both units, with their programs pointed at ones present here.
case_name="units"
if command -v systemd-analyze >/dev/null 2>&1; then
  u=$out/units && mkdir -p "$u"
  sed "s#^ExecStart=/usr/libexec/plankiosk-image/staff-files#ExecStart=$script#" \
    "$image/rootfs/etc/systemd/system/plankiosk-staff-files.service" >"$u/plankiosk-staff-files.service"
  [ -x /sbin/wpa_supplicant ] && wpa_bin=/sbin/wpa_supplicant || wpa_bin=/bin/true
  sed "s#^ExecStart=/sbin/wpa_supplicant#ExecStart=$wpa_bin#" \
    "$image/rootfs/etc/systemd/system/plankiosk-wifi.service" >"$u/plankiosk-wifi.service"
  systemd-analyze verify --man=no "$u/plankiosk-staff-files.service" "$u/plankiosk-wifi.service" >"$u/verify.log" 2>&1
  st=$?
  quiet_and_ok() { [ "$st" -eq 0 ] && [ ! -s "$u/verify.log" ]; }
  expect "systemd-analyze verify says nothing" quiet_and_ok
  if [ -s "$u/verify.log" ]; then cat "$u/verify.log"; fi
else
  echo "note: systemd-analyze is not installed: units not verified"
fi

case_name="paths"
if command -v shellcheck >/dev/null 2>&1; then
  expect "shellcheck staff-files" shellcheck -s sh "$script"
else
  echo "note: shellcheck is not installed, not run"
fi

[ "$fail" -eq 0 ] && echo "PASS" && exit 0
echo "FAIL (work files in $out)"
exit 1
