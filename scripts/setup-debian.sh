#!/bin/sh
# Installs what jrun needs to build, run and be tested on Debian 12, from Debian's packages:
# the JDK and Maven, a C compiler and static libc for the helper, busybox-static for rootfs
# images, libseccomp, uidmap (newuidmap/newgidmap), bubblewrap, the peers runc and crun, podman
# (the integration tests drive jrun through it as its --runtime), and
# the tools of the tests and benchmarks.
set -eu

packages="openjdk-17-jdk-headless maven gcc libc6-dev busybox-static libseccomp2 uidmap \
bubblewrap runc crun python3 unzip hyperfine procps util-linux bsdutils"
# podman wants its recommended packages (networking, catatonit) to run containers
with_recommends="podman"

missing() {
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || printf ' %s' "$p"
  done
}

# shellcheck disable=SC2086
lean=$(missing $packages)
# shellcheck disable=SC2086
full=$(missing $with_recommends)
if [ -n "$lean$full" ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # shellcheck disable=SC2086
  [ -z "$lean" ] || apt-get install -y -qq --no-install-recommends $lean >/dev/null
  # shellcheck disable=SC2086
  [ -z "$full" ] || apt-get install -y -qq $full >/dev/null
fi
