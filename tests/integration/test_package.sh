#!/bin/sh
# The Debian package: packaging/build-deb makes a .deb from a release build inside WORK_DIR
# (the program target only, configured for /usr). The .deb holds every expected file and
# nothing else, marks the config as a conffile, has its Depends, and lintian reports no error.
# Unpacked into a temporary root (dpkg -x: no root needed), the installed program checks the
# installed config using only the installed tree.
# Usage: test_package.sh PLANKIOSK SOURCE_DIR WORK_DIR   (PLANKIOSK is not used: the package
# needs its own build, for /usr)
set -u
src=$2 out=$3
rm -rf "$out" && mkdir -p "$out"
fail=0
started=$(date +%s)

for tool in dpkg-deb lintian; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "FAIL $tool is not installed: run packaging/install-deps (it installs lintian and dpkg-dev)"
    exit 1
  fi
done

# --- Build --------------------------------------------------------------------------------
if ! "$src/packaging/build-deb" "$out/build" >"$out/build.log" 2>&1; then
  echo "FAIL packaging/build-deb:"; tail -n 40 "$out/build.log"; exit 1
fi
deb=$(tail -n 1 "$out/build.log")
[ -f "$deb" ] || { echo "FAIL build-deb printed no .deb:"; tail -n 20 "$out/build.log"; exit 1; }
built=$(date +%s)
echo "built $(basename "$deb") in $((built - started)) s"

# --- Contents: every expected file, nothing else --------------------------------------------
dpkg-deb -c "$deb" >"$out/contents" || { echo "FAIL dpkg-deb -c"; exit 1; }
awk '$1 !~ /^d/ { print $6 }' "$out/contents" | sed 's#^\./#/#' | sort >"$out/files"
{
  echo /usr/bin/plankiosk
  (cd "$src/assets" && find . -type f) | sed 's#^\./#/usr/share/plankiosk/#'
  (cd "$src/config" && find . -type f) | sed 's#^\./#/usr/share/plankiosk/config/#'
  echo /etc/plankiosk/config.yaml
  echo /lib/systemd/system/plankiosk.service
  echo /usr/share/man/man1/plankiosk.1.gz
  echo /usr/share/doc/plankiosk/copyright
  echo /usr/share/doc/plankiosk/changelog.Debian.gz
  echo /usr/share/lintian/overrides/plankiosk
} | sort >"$out/expected"
missing=$(comm -23 "$out/expected" "$out/files")
extra=$(comm -13 "$out/expected" "$out/files")
[ -z "$missing" ] || { echo "FAIL missing from the .deb:"; echo "$missing"; fail=1; }
[ -z "$extra" ] || { echo "FAIL unexpected in the .deb:"; echo "$extra"; fail=1; }
grep -q '^-rwxr-xr-x root/root .* \./usr/bin/plankiosk$' "$out/contents" || { echo "FAIL /usr/bin/plankiosk is not 0755 root:root"; fail=1; }
if awk '$2 != "root/root"' "$out/contents" | grep -q .; then echo "FAIL files not owned by root:"; awk '$2 != "root/root"' "$out/contents"; fail=1; fi

# --- Control: name, version, architecture, Depends, conffile, maintainer scripts -----------
field() { dpkg-deb -f "$deb" "$1"; }
version=$(sed -n 's/^project(plankiosk VERSION \([0-9.]*\).*/\1/p' "$src/CMakeLists.txt")
[ "$(field Package)" = plankiosk ] || { echo "FAIL Package: $(field Package)"; fail=1; }
case "$(field Version)" in "$version"-[0-9]*) ;; *) echo "FAIL Version: $(field Version), expected $version-N"; fail=1 ;; esac
[ "$(field Architecture)" = "$(dpkg --print-architecture)" ] || { echo "FAIL Architecture: $(field Architecture)"; fail=1; }
depends=$(field Depends)
for p in adduser libc6 libsdl2-2.0-0 libsdl2-ttf-2.0-0 libsdl2-image-2.0-0 libyaml-0-2 libjansson4 libsodium23 libsystemd0 libespeak-ng1 espeak-ng-data libxlsxwriter4; do
  echo ", $depends," | grep -q "[, ]${p}[ ,(]" || { echo "FAIL Depends lacks $p: $depends"; fail=1; }
done
dpkg-deb -I "$deb" >"$out/info"
conffiles=$(dpkg-deb -I "$deb" conffiles 2>/dev/null)
[ "$conffiles" = /etc/plankiosk/config.yaml ] || { echo "FAIL conffiles: '$conffiles'"; fail=1; }
for script in postinst prerm postrm; do
  grep -q "^ *[0-9]* bytes, *[0-9]* lines *\* *$script " "$out/info" || { echo "FAIL no executable $script"; fail=1; }
done

# --- lintian: no errors ---------------------------------------------------------------------
lintian --display-info "$deb" >"$out/lintian" 2>&1
grep -v '^running with root privileges' "$out/lintian" >"$out/lintian.tags" || true
if grep -q '^E:' "$out/lintian.tags"; then
  echo "FAIL lintian reports errors:"; grep '^E:' "$out/lintian.tags"; fail=1
fi
if grep -q '^[WI]:' "$out/lintian.tags"; then
  echo "lintian (warnings and notes, not failures):"; grep '^[WI]:' "$out/lintian.tags"
fi

# --- Installed: the program checks the installed config with the installed assets -----------
root="$out/root"
dpkg-deb -x "$deb" "$root" || { echo "FAIL dpkg-deb -x"; exit 1; }
cmp -s "$root/etc/plankiosk/config.yaml" "$src/config/rotherham-2025.yaml" || { echo "FAIL /etc/plankiosk/config.yaml is not the shipped config"; fail=1; }
cmp -s "$root/lib/systemd/system/plankiosk.service" "$src/packaging/plankiosk.service" || { echo "FAIL the packaged unit differs from packaging/plankiosk.service"; fail=1; }
if PLANKIOSK_ASSETS="$root/usr/share/plankiosk" "$root/usr/bin/plankiosk" check "$root/etc/plankiosk/config.yaml" >"$out/check" 2>&1; then
  grep -q ': OK: ' "$out/check" || { echo "FAIL check said:"; cat "$out/check"; fail=1; }
else
  echo "FAIL the installed program rejects the installed config:"; cat "$out/check"; fail=1
fi
v=$("$root/usr/bin/plankiosk" version 2>&1)
[ "$v" = "plankiosk $version" ] || { echo "FAIL version printed '$v'"; fail=1; }
zcat "$root/usr/share/man/man1/plankiosk.1.gz" | grep -q '^\.SH FILES' || { echo "FAIL man page has no FILES section"; fail=1; }

[ $fail -eq 0 ] && echo "ok: $(basename "$deb"), $(wc -l <"$out/files") files, lintian: $(grep -c '^E:' "$out/lintian.tags") errors, $(grep -c '^W:' "$out/lintian.tags") warnings; $(date +%s | awk -v s="$started" '{print $1 - s}') s"
exit $fail
