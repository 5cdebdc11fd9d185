#!/bin/sh
# Checks the built .deb: control fields, every lock-down file at its place with its mode, no setuid file, the
# app's jars; then lintian when it is installed (errors fail the build). Run by Maven in the verify phase.
set -eu
deb="$1"
[ -f "$deb" ] || { echo "check-deb: $deb was not built" >&2; exit 1; }
command -v dpkg-deb >/dev/null 2>&1 || { echo "check-deb: dpkg-deb missing, only the build was checked" >&2; exit 0; }
list=$(dpkg-deb -c "$deb")
fail=0
need() { # mode path
  echo "$list" | awk '{print $1, $6}' | grep -qx -- "$1 \\./${2#/}" || { echo "check-deb: missing $2 with mode $1" >&2; fail=1; }
}
need -rwxr-xr-x /usr/bin/onetrip-kiosk
need -rwxr-xr-x /usr/bin/onetrip-provision
need -rwxr-xr-x /usr/bin/onetrip-kiosk-session
need -rwxr-xr-x /usr/bin/onetrip-watchdog
need -rwxr-xr-x /usr/bin/onetrip-screen
need -rwxr-xr-x /usr/share/onetrip/bin/onetrip-java
for u in onetrip.service onetrip-kiosk.service onetrip-watchdog.service onetrip-watchdog.timer \
         onetrip-screen-off.timer onetrip-screen-on.timer var-lib-onetrip-logs.mount; do
  need -rw-r--r-- "/lib/systemd/system/$u"
done
need -rw-r--r-- /lib/udev/rules.d/60-onetrip.rules
need -rw-r--r-- /usr/lib/systemd/journald.conf.d/60-onetrip.conf
need -rw-r--r-- /etc/chromium/policies/managed/onetrip.json
need -rw-r--r-- /etc/onetrip/kiosk.conf
need -rw-r--r-- /usr/share/doc/onetrip/operations.md
echo "$list" | grep -q 'usr/share/onetrip/lib/kiosk-app-.*\.jar' || { echo "check-deb: the app jar is missing" >&2; fail=1; }
echo "$list" | grep -q 'usr/share/onetrip/lib/provisioning-.*\.jar' || { echo "check-deb: provisioning jar missing" >&2; fail=1; }
if echo "$list" | awk '{print $1}' | grep -q '^...[sS]\|^......[sS]'; then echo "check-deb: setuid/setgid file" >&2; fail=1; fi
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = onetrip ] || { echo "check-deb: Package field" >&2; fail=1; }
[ "$(field Architecture)" = all ] || { echo "check-deb: Architecture field" >&2; fail=1; }
dpkg-deb -I "$deb" postinst | grep -q 'adduser --system' || { echo "check-deb: postinst makes no service user" >&2; fail=1; }
[ "$fail" = 0 ] || exit 1
echo "check-deb: $(echo "$list" | wc -l) entries, lock-down files and jars in place"
if command -v lintian >/dev/null 2>&1; then
  # Errors fail the build; warnings (no manual pages, jars without classes of their own, maintainer scripts
  # calling systemctl, Java 21 class files lintian does not know) are shown, not fatal.
  status=0
  report=$(lintian --fail-on error "$deb" 2>&1) || status=$?
  echo "$report" | grep -v 'running with root privileges' || true
  [ "$status" = 0 ] || { echo "check-deb: lintian found errors" >&2; exit 1; }
  echo "check-deb: lintian passed (errors fail the build)"
else
  echo "check-deb: lintian not installed (apt-get install lintian): skipped"
fi
