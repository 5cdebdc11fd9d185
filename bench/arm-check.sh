#!/usr/bin/env bash
# Issue 11: does the packaged app start and serve its home screen on ARM? Runs the .deb's jars on Debian's
# openjdk-21 for arm64 (and armhf) under qemu-user emulation, on this x86 machine:
#   bench/arm-check.sh [arm64|armhf ...]        (default: arm64 armhf)
# It makes a Debian trixie sysroot per architecture with debootstrap (first stage only, nothing runs as ARM
# during it), unpacks openjdk-21-jre-headless and the OneTrip .deb into it, then under qemu-ARCH-static:
#   1. `Main demo` starts: the SQLite native library (sqlite-jdbc, ARM build) opens the database, /health answers,
#      and the x86 headless Chromium renders the home screen (its tiles are in the DOM);
#   2. `onetrip-provision detect --port PTY` opens a socat pseudo-terminal through jSerialComm (its ARM native
#      library) and probes it (nothing answers at the other end: NOTHING_ANSWERED is the expected result).
# Needs root (apt-get install debootstrap qemu-user-static socat) and the network to deb.debian.org once.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
emu="${ONETRIP_EMU_DIR:-/var/tmp/onetrip-emu}"
archs=("$@"); [ ${#archs[@]} -gt 0 ] || archs=(arm64 armhf)
for tool in debootstrap qemu-aarch64-static qemu-arm-static socat curl chromium; do
  command -v "$tool" >/dev/null || { [ "$(id -u)" = 0 ] && apt-get install -y -q debootstrap qemu-user-static socat curl chromium >/dev/null; break; }
done
for tool in debootstrap qemu-aarch64-static socat curl chromium; do
  command -v "$tool" >/dev/null || { echo "arm-check: $tool is missing: apt-get install debootstrap qemu-user-static socat curl chromium" >&2; exit 2; }
done

deb="$(ls -t "$root"/packaging/target/onetrip_*.deb 2>/dev/null | head -n1 || true)"
if [ -z "$deb" ]; then
  (cd "$root" && mvn -B -q -o -pl packaging -am package -DskipTests >/dev/null)
  deb="$(ls -t "$root"/packaging/target/onetrip_*.deb | head -n1)"
fi
echo "package: $(basename "$deb")"

sysroot() { # $1 = arch: a trixie sysroot with openjdk-21 unpacked (cached)
  local dir="$emu/$1"
  # the .deb's Depends that the app loads natively: the JDK's font manager needs freetype, fontconfig, harfbuzz
  # (only Recommends of openjdk-21-jre-headless) to draw receipts
  if [ ! -x "$dir/usr/lib/jvm/java-21-openjdk-$1/bin/java" ] || ! ls "$dir"/usr/lib/*/libharfbuzz.so.0 >/dev/null 2>&1; then
    rm -rf "$dir"; mkdir -p "$dir"
    # ONETRIP_DEBIAN_MIRROR: another mirror (a local one, e.g. when deb.debian.org's index for an architecture does
    # not match its Release file, as armhf's did on 2026-11-24); its Release file is then trusted without gpg
    debootstrap --arch="$1" --foreign --variant=minbase ${ONETRIP_DEBIAN_MIRROR:+--no-check-gpg} \
      --include=openjdk-21-jre-headless,libfreetype6,libfontconfig1,libharfbuzz0b trixie "$dir" \
      "${ONETRIP_DEBIAN_MIRROR:-http://deb.debian.org/debian}" >"$emu/$1.debootstrap.log" 2>&1
    for d in "$dir"/var/cache/apt/archives/*.deb; do dpkg -x "$d" "$dir"; done
  fi
  # Debian's JDK links its configuration with absolute links (conf/security -> /etc/java-21-openjdk/...), which
  # the kernel resolves on this host, not in the sysroot: point them into the sysroot.
  find "$dir/usr/lib/jvm" -type l -lname '/*' | while read -r l; do
    t="$(readlink "$l")"; while [ "${t#"$dir"/}" != "$t" ]; do t="/${t#"$dir"/}"; done
    ln -sfn "$dir$t" "$l"
  done
  echo "$dir"
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

status=0
for arch in "${archs[@]}"; do
  case "$arch" in arm64) qemu=qemu-aarch64-static ;; armhf) qemu=qemu-arm-static ;; *) echo "unknown arch $arch" >&2; exit 2 ;; esac
  dir="$(sysroot "$arch")"
  # the package goes beside the sysroot, not into it: its /lib/systemd would replace trixie's /lib -> usr/lib link
  pkg="$emu/$arch-onetrip"; rm -rf "$pkg"; dpkg -x "$deb" "$pkg"
  java=("$qemu" -L "$dir" "$dir/usr/lib/jvm/java-21-openjdk-$arch/bin/java")
  # sqlite-jdbc tells armv6/armv7 (hard-float) from armel by running `uname -m` (a device says armv7l, armv6l, or
  # aarch64 with a 32-bit JVM: all right). Under qemu-user without binfmt_misc a JVM cannot start any process, so
  # it falls back to armel, whose library an armhf JVM cannot load: name the architecture, as the device would.
  [ "$arch" = armhf ] && java+=(-Dorg.sqlite.osinfo.architecture=armv7)
  cp="$pkg/usr/share/onetrip/lib/*"
  echo "== $arch: $("${java[@]}" -version 2>&1 | sed -n 2p)"
  work="$(mktemp -d)"; port="$(free_port)"
  start=$(date +%s%N)
  "${java[@]}" -Xmx256m --enable-native-access=ALL-UNNAMED -Djava.io.tmpdir="$work" -cp "$cp" org.onetrip.kiosk.Main demo \
    --port "$port" --data-dir "$work/data" >"$work/app.log" 2>&1 &
  pid=$!
  ok_health=""; for _ in $(seq 1200); do
    curl -fsS --max-time 2 "http://127.0.0.1:$port/health" 2>/dev/null | grep -q '"status":"ok"' && { ok_health=1; break; }
    kill -0 "$pid" 2>/dev/null || break; sleep 0.5
  done
  t_health=$(( ($(date +%s%N) - start) / 1000000 ))
  rendered=""
  if [ -n "$ok_health" ]; then
    dom="$(timeout 300 chromium --headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run \
      --disable-background-networking --disable-component-update --disable-sync --user-data-dir="$work/profile" \
      --virtual-time-budget=120000 --dump-dom "http://127.0.0.1:$port/" 2>/dev/null || true)"
    grep -q 'id="tile-apply"' <<<"$dom" && rendered=1
  fi
  t_render=$(( ($(date +%s%N) - start) / 1000000 ))
  sqlite=""; [ -s "$work/data/onetrip.db" ] && grep -rqs "started database" "$work/app.log" "$work/data/logs" && sqlite=1
  kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
  # serial: jSerialComm's ARM library opens a pseudo-terminal made by socat
  socat -d -d pty,raw,echo=0,link="$work/ttyA" pty,raw,echo=0,link="$work/ttyB" 2>/dev/null & spid=$!
  for _ in $(seq 50); do [ -e "$work/ttyA" ] && break; sleep 0.1; done
  detect="$("${java[@]}" -Djava.io.tmpdir="$work" -DjSerialComm.library.path="$work/native" -cp "$cp" \
    org.onetrip.provisioning.cli.ProvisionCli detect --dev "$work/none" --port "$(readlink -f "$work/ttyA")" \
    --baud 115200 --timeout-ms 1500 2>&1 || true)"
  kill "$spid" 2>/dev/null || true
  # the probe opened the port and waited for an answer (nobody is at the other end): jSerialComm's native code ran
  serial=""; grep -q "NOTHING_ANSWERED" <<<"$detect" && ! grep -q -i "UnsatisfiedLink\|could not load" <<<"$detect" \
    && serial=1
  printf '%s: /health %s after %d ms; home rendered %s (%d ms from exec); sqlite native %s; serial native %s\n' \
    "$arch" "${ok_health:+ok}" "$t_health" "${rendered:+yes}" "$t_render" "${sqlite:+loaded}" "${serial:+loaded}"
  [ -n "$ok_health" ] && [ -n "$rendered" ] && [ -n "$sqlite" ] && [ -n "$serial" ] || {
    status=1; echo "--- $arch app log (tail)"; tail -20 "$work/app.log"; echo "--- detect"; echo "$detect"; }
  rm -rf "$work"
done
exit "$status"
