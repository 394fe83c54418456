#!/bin/sh
# The kiosk image's staff files (packaging/image/rootfs/usr/libexec/plankiosk-image/staff-files):
# plankiosk/network.txt on the card's FAT partition turns on Wi-Fi and ssh. Each case runs the
# script against a fake root (PK_ROOT) with a fake systemctl first on PATH that only logs its
# arguments, and checks what a kiosk would do: the wpa_supplicant config it writes (byte for
# byte), what it starts, the ssh keys and host key it puts in place, and the
# `plankiosk/network.txt:LINE: ...` messages staff would read. ssh-keygen is the real one when
# installed, else a stub. Also: the example file on the card is valid and changes nothing; the
# paths in the units and the sshd drop-in are the ones the script writes; where installed, the
# real wpa_supplicant reads the passphrase as typed, sshd -T accepts the drop-in and host key,
# and systemd-analyze verify passes the units.
# Usage: test_image_staff_files.sh [PLANKIOSK SOURCE_DIR WORK_DIR] (as ctest runs every
# tests/integration/test_*.sh; the first argument is not used). Needs root (the script makes
# root-owned files and checks owners): exits 77 (skip) otherwise.
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
