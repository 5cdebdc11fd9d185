#!/bin/sh
# The update, as dpkg does it, without touching this machine: the built .deb is installed over an "older" one (the
# same package rebuilt with a lower version) by the real dpkg, maintainer scripts included, inside a throw-away
# root: a private mount namespace (unshare -m) whose /usr is this machine's under a throw-away overlay (what the
# packages write there lands in the temporary directory), and whose /etc (users),
# /var (dpkg database, /var/lib/onetrip) and /run are fresh directories under a temporary directory. Checks:
#   - the version installed is the newer one, the program files are replaced;
#   - /var/lib/onetrip (keys, config, queue database) is left byte for byte as it was;
#   - a technician's edit of the conffile /etc/onetrip/kiosk.conf is kept;
#   - postinst restarts the app (which runs the store's migrations at start; the migration itself is tested by
#     kiosk-app's ProductionStartTest) and does not stop or disable anything; prerm/postrm of an upgrade remove
#     nothing.
# Needs root (for chroot and mount in the private namespace), unshare and dpkg; says why it is skipped otherwise.
set -eu
deb="$1"
skip() { echo "check-upgrade: skipped: $*"; exit 0; }
[ -f "$deb" ] || { echo "check-upgrade: $deb was not built" >&2; exit 1; }
[ "$(id -u)" = 0 ] || skip "not root (chroot in a private mount namespace needs it)"
command -v dpkg >/dev/null 2>&1 && command -v unshare >/dev/null 2>&1 || skip "dpkg or unshare missing"
unshare -m true 2>/dev/null || skip "unshare -m is not allowed here"
grep -qw overlay /proc/filesystems || skip "no overlay file system"
[ -L /bin ] || skip "this check expects a merged /usr (/bin -> usr/bin)"

work=$(mktemp -d /tmp/onetrip-upgrade.XXXXXX)
trap 'rm -rf "$work"' EXIT
new_version=$(dpkg-deb -f "$deb" Version)
old_version=0.0.1
dpkg --compare-versions "$old_version" lt "$new_version"

# The "older" package: the same files, a lower version, one program file that the newer one does not have.
dpkg-deb -R "$deb" "$work/old-src"
sed -i "s/^Version: .*/Version: $old_version/" "$work/old-src/DEBIAN/control"
echo "older release" > "$work/old-src/usr/share/onetrip/lib/onetrip-old-only.txt"
dpkg-deb -b -Znone --root-owner-group "$work/old-src" "$work/old.deb" >/dev/null
rm -rf "$work/old-src"
cp "$deb" "$work/new.deb"

root="$work/root"
mkdir -p "$work/usr-upper" "$work/usr-work" "$root/usr" "$root/etc" "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates" "$root/var/log" \
  "$root/tmp" "$root/run/systemd/system" "$root/dev" "$root/pkgs" "$root/stubs"
ln -s usr/bin "$root/bin"; ln -s usr/sbin "$root/sbin"; ln -s usr/lib "$root/lib"; ln -s usr/lib64 "$root/lib64"
for f in passwd group shadow gshadow adduser.conf login.defs nsswitch.conf deluser.conf; do
  [ -e "/etc/$f" ] && cp -p "/etc/$f" "$root/etc/$f"
done
: > "$root/var/lib/dpkg/status"; : > "$root/var/lib/dpkg/available"
touch "$root/dev/null"
cp "$work/old.deb" "$work/new.deb" "$root/pkgs/"
# systemctl and udevadm record what the maintainer scripts ask of them (there is no systemd in the chroot).
for tool in systemctl udevadm; do
  printf '#!/bin/sh\necho "%s $*" >> /var/log/stub-calls\nexit 0\n' "$tool" > "$root/stubs/$tool"
  chmod 755 "$root/stubs/$tool"
done

inside() { # runs "$@" in the throw-away root
  unshare -m sh -c '
    set -e
    mount --make-rprivate /
    mount -t overlay overlay -o "lowerdir=/usr,upperdir=$0/../usr-upper,workdir=$0/../usr-work" "$0/usr"
    mount --bind /dev/null "$0/dev/null"
    root="$0"
    exec chroot "$root" env -i PATH=/stubs:/usr/sbin:/usr/bin HOME=/root LANG=C.UTF-8 "$@"
  ' "$root" "$@"
}

fail=0
check() { # message; the rest is the test
  msg="$1"; shift
  if "$@"; then echo "check-upgrade: ok: $msg"; else echo "check-upgrade: FAILED: $msg" >&2; fail=1; fi
}

inside dpkg --force-depends -i /pkgs/old.deb > "$work/install-old.log" 2>&1 \
  || { cat "$work/install-old.log" >&2; echo "check-upgrade: the older package did not install" >&2; exit 1; }
# A terminal in service: enrolled, provisioned, a queue in its store, a technician's edit of kiosk.conf.
data="$root/var/lib/onetrip"
mkdir -p "$data/keys" "$data/config"
echo "private key" > "$data/keys/terminal-key.pem"; chmod 600 "$data/keys/terminal-key.pem"
echo "terminal.id=ot-340121100004-t1" > "$data/config/terminal.properties"
head -c 65536 /dev/urandom > "$data/onetrip.db"
sed -i 's/^ONETRIP_JAVA_OPTS=.*/ONETRIP_JAVA_OPTS=-Xmx384m/' "$root/etc/onetrip/kiosk.conf"
(cd "$data" && find . -type f -exec sha256sum {} + | sort) > "$work/data-before"
: > "$root/var/log/stub-calls"

inside dpkg --force-depends --force-confold -i /pkgs/new.deb > "$work/install-new.log" 2>&1 \
  || { cat "$work/install-new.log" >&2; echo "check-upgrade: the newer package did not install over the older" >&2; exit 1; }
(cd "$data" && find . -type f -exec sha256sum {} + | sort) > "$work/data-after"

status=$(inside dpkg-query -W -f '${Version} ${Status}' onetrip)
check "dpkg reports $new_version installed" [ "$status" = "$new_version install ok installed" ]
usr="$work/usr-upper" # what the packages wrote under /usr
check "the newer program files are in place" sh -c "ls '$usr'/share/onetrip/lib/kiosk-app-*.jar >/dev/null"
check "the older release's own file is gone" [ ! -e "$usr/share/onetrip/lib/onetrip-old-only.txt" ]
check "the app starts the enrolled terminal (Main run)" grep -q 'Main run' "$usr/bin/onetrip-kiosk"
check "/var/lib/onetrip (keys, config, queue) is unchanged" cmp -s "$work/data-before" "$work/data-after"
check "the technician's kiosk.conf is kept" grep -q '^ONETRIP_JAVA_OPTS=-Xmx384m' "$root/etc/onetrip/kiosk.conf"
check "postinst restarts the app after the update" grep -q 'systemctl try-restart onetrip.service' "$root/var/log/stub-calls"
check "nothing is stopped or disabled by the update" sh -c "! grep -Eq 'disable|stop' '$root/var/log/stub-calls'"
check "the service user exists in the updated root" grep -q '^onetrip:' "$root/etc/passwd"
[ "$fail" = 0 ] || { echo "--- dpkg output:" >&2; cat "$work/install-new.log" >&2; exit 1; }
echo "check-upgrade: $old_version -> $new_version installed over by dpkg in a throw-away root: data and settings kept"
