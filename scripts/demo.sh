#!/bin/sh
# The main job on a fresh Debian 12 machine, as root: installs what jrun needs, builds and
# installs it, then runs containers from a busybox rootfs that show the Kubernetes security
# context at work: no_new_privs, a user namespace, masked and read-only /proc paths, and a nested
# sandbox that only procMount: Unmasked with a user namespace allows.
set -eu

repo=$(cd "$(dirname "$0")/.." && pwd)
work=${JRUN_DEMO_DIR:-/tmp/jrun-demo}
host_id=100000

[ "$(id -u)" = 0 ] || { echo "demo.sh: run as root (sudo $0)" >&2; exit 1; }

"$repo/scripts/setup-debian.sh"
echo "== building jrun"
(cd "$repo" && mvn -q -B package -DskipTests)
"$repo/scripts/install.sh"

rm -rf "$work"
mkdir -p "$work"
chmod 755 "$work"
state="$work/state"

# What the container prints about itself.
probe='
echo "  pid inside the container: $$"
echo "  uid map: $(cat /proc/self/uid_map | tr -s " " | sed "s/^ //")"
echo "  $(grep NoNewPrivs /proc/self/status | tr -s "\t" " ")"
echo "  $(grep CapEff /proc/self/status | tr -s "\t" " ")"
for p in /proc/kcore /proc/keys /proc/timer_list /proc/sched_debug; do
  [ -e "$p" ] && echo "  $p: $(cat $p 2>/dev/null | wc -c) bytes readable"
done
for d in /proc/acpi /proc/scsi /sys/firmware; do
  [ -d "$d" ] && echo "  $d: $(ls -A $d 2>/dev/null | wc -l) entries visible"
done
if (echo x >/proc/sys/kernel/domainname) 2>/dev/null; then echo "  /proc/sys: writable"; else echo "  /proc/sys: read-only"; fi
if out=$(unshare -r -p -f --mount-proc sh -c "echo pid \$\$" 2>&1); then
  echo "  nested sandbox (unshare -r -p --mount-proc): works, its shell is $out of its own PID namespace"
else
  echo "  nested sandbox (unshare -r -p --mount-proc): refused ($out)"
fi
'

# bundle NAME OWNER [jrun spec options...]: a bundle whose process runs the probe.
bundle() {
  name=$1 owner=$2
  shift 2
  dir="$work/$name"
  mkdir -p "$dir"
  chmod 755 "$dir"
  "$repo/scripts/make-rootfs.sh" "$dir/rootfs" "$owner"
  (cd "$dir" && jrun spec "$@")
  python3 - "$dir/config.json" "$probe" <<'PY'
import json, sys
path, script = sys.argv[1], sys.argv[2]
config = json.load(open(path))
config["process"]["terminal"] = False
config["process"]["args"] = ["/bin/sh", "-c", script]
json.dump(config, open(path, "w"), indent=2)
PY
}

echo
echo "== 1. a default container: jrun spec (runc's defaults: no_new_privs, masked /proc)"
bundle default 0
jrun --root "$state" run --bundle "$work/default" demo-default

# What a nested sandbox (bubblewrap, rootless BuildKit) needs besides the defaults.
nested_caps="--cap-add SETUID --cap-add SETGID --cap-add SETFCAP"

echo
echo "== 2. hostUsers: false, default procMount: the masks keep a nested /proc out"
echo "   jrun spec --userns $host_id:65536 $nested_caps"
# shellcheck disable=SC2086
bundle masked "$host_id" --userns "$host_id:65536" $nested_caps
jrun --root "$state" run --bundle "$work/masked" demo-masked

echo
echo "== 3. hostUsers: false + procMount: Unmasked: the nested sandbox works"
echo "   jrun spec --userns $host_id:65536 --proc-mount Unmasked $nested_caps"
# shellcheck disable=SC2086
bundle unmasked "$host_id" --userns "$host_id:65536" --proc-mount Unmasked $nested_caps
jrun --root "$state" run --bundle "$work/unmasked" demo-unmasked

echo
echo "== 4. the lifecycle by hand: create, state, start, delete"
bundle lifecycle 0
python3 - "$work/lifecycle/config.json" <<'PY'
import json, sys
config = json.load(open(sys.argv[1]))
config["process"]["args"] = ["/bin/sleep", "30"]
json.dump(config, open(sys.argv[1], "w"), indent=2)
PY
jrun --root "$state" create --bundle "$work/lifecycle" demo-lifecycle
echo "  after create: $(jrun --root "$state" state demo-lifecycle | grep '"status"' | tr -s ' ')"
jrun --root "$state" start demo-lifecycle
echo "  after start:  $(jrun --root "$state" state demo-lifecycle | grep '"status"' | tr -s ' ')"
jrun --root "$state" list
jrun --root "$state" delete --force demo-lifecycle
echo "  deleted"
rm -rf "$work"
