#!/bin/sh
# Builds $HOME_DIR/lib/jrun.jsa, the class-data-sharing archive of the CLI, and
# $HOME_DIR/lib/jrun-init.jsa, the one of the container init, for the JDK on PATH (or $JRUN_JAVA).
# The class lists come from real calls: jrun spec/state/list/create/start/delete of a tiny
# container, so each archive holds what those commands load and nothing else.
set -eu

home=$1
java=${JRUN_JAVA:-java}
work=$(mktemp -d /tmp/jrun-cds.XXXXXX)
trap 'rm -rf "$work"' EXIT

read -r classpath <"$home/lib/classpath"
rm -f "$home/lib/jrun.jsa" "$home/lib/jrun-init.jsa"

# Every call appends the classes it loaded; the init JVM writes its own list.
export JRUN_CLASSLIST="$work/cli.classlist"
export JRUN_INIT_CLASSLIST="$work/init.classlist"
jrun="$home/bin/jrun --root $work/state"

mkdir -p "$work/bundle/rootfs/bin"
busybox=$(command -v busybox || true)
if [ -n "$busybox" ]; then
  cp "$busybox" "$work/bundle/rootfs/bin/busybox"
  ln -s busybox "$work/bundle/rootfs/bin/true"
  (cd "$work/bundle" && $jrun spec && sed -i 's/"terminal": true/"terminal": false/; s/"sh"$/"true"/' config.json)
  $jrun create --bundle "$work/bundle" cds-probe >/dev/null 2>&1 || true
  $jrun state cds-probe >/dev/null 2>&1 || true
  $jrun start cds-probe >/dev/null 2>&1 || true
  $jrun list >/dev/null 2>&1 || true
  $jrun delete --force cds-probe >/dev/null 2>&1 || true
else
  $jrun list >/dev/null 2>&1 || true
fi
$jrun state no-such-container >/dev/null 2>&1 || true

# Each JVM wrote its own list; keep the class names (lambda and id entries are per-run).
merge() {
  cat "$1".* 2>/dev/null | grep -v '^@' | sed 's/ .*//' | grep -v '^#' | sort -u >"$1" || true
}
merge "$JRUN_CLASSLIST"
merge "$JRUN_INIT_CLASSLIST"

dump() {
  list=$1 archive=$2
  [ -s "$list" ] || { echo "make-cds-archive.sh: no class list for $archive: skipped" >&2; return 0; }
  "$java" -Xshare:dump -XX:SharedClassListFile="$list" -XX:SharedArchiveFile="$archive" \
    -cp "$classpath" >"$work/dump.log" 2>&1 \
    || { echo "make-cds-archive.sh: could not build $archive (see below); jrun runs without it" >&2; tail -5 "$work/dump.log" >&2; rm -f "$archive"; }
}
dump "$work/cli.classlist" "$home/lib/jrun.jsa"
dump "$work/init.classlist" "$home/lib/jrun-init.jsa"
