#!/bin/sh
# Installs what jrun needs to build, run and be tested on Debian 12, from Debian's packages:
# the JDK and Maven, a C compiler and static libc for the helper, busybox-static for rootfs
# images, libseccomp, uidmap (newuidmap/newgidmap), bubblewrap, the peers runc and crun, and
# the tools of the tests and benchmarks.
set -eu

packages="openjdk-17-jdk-headless maven gcc libc6-dev busybox-static libseccomp2 uidmap \
bubblewrap runc crun python3 unzip hyperfine procps util-linux"

missing=""
for p in $packages; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
