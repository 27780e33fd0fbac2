#!/bin/sh
# Makes a minimal busybox rootfs in DIR from Debian's busybox-static: /bin/busybox, a link per
# applet, /etc/passwd and /etc/group with root and user 1000, and the usual empty directories.
# Usage: make-rootfs.sh DIR [OWNER]   (OWNER: a host uid to chown it to, for user namespaces)
set -eu

dir=$1
owner=${2:-}
busybox=$(command -v busybox) || { echo "make-rootfs.sh: busybox is missing: apt-get install busybox-static" >&2; exit 1; }
if ldd "$busybox" >/dev/null 2>&1; then
  echo "make-rootfs.sh: $busybox is not static: apt-get install busybox-static" >&2
  exit 1
fi

mkdir -p "$dir"
for d in bin sbin usr/bin usr/sbin proc sys dev tmp etc root home/user mnt; do
  mkdir -p "$dir/$d"
done
chmod 1777 "$dir/tmp"
cp "$busybox" "$dir/bin/busybox"
for applet in $("$busybox" --list-full); do
  [ -e "$dir/$applet" ] || [ -L "$dir/$applet" ] || ln -s /bin/busybox "$dir/$applet"
done
printf 'root:x:0:0:root:/root:/bin/sh\nuser:x:1000:1000:user:/home/user:/bin/sh\n' >"$dir/etc/passwd"
printf 'root:x:0:\nuser:x:1000:\n' >"$dir/etc/group"
if [ -n "$owner" ]; then
  chown -R -h "$owner:$owner" "$dir"
fi
