#!/bin/sh
# Installs a built jrun (mvn package) as
#   $PREFIX/lib/jrun/{bin/jrun, lib/*.jar, lib/native/libjffi-1.2.so, lib/jrun.jsa, libexec/jrun-nsexec}
# and links $PREFIX/bin/jrun to the launcher, so containerd, CRI-O and podman can be pointed
# at one absolute path. libjffi is extracted here once, so that no jrun call extracts it to /tmp.
set -eu

PREFIX=${PREFIX:-/usr/local}
repo=$(cd "$(dirname "$0")/.." && pwd)
home="$PREFIX/lib/jrun"

nsexec="$repo/native-linux/target/jrun-nsexec"
[ -x "$nsexec" ] || { echo "install.sh: $nsexec is missing: run mvn package first" >&2; exit 1; }

rm -rf "$home.new"
mkdir -p "$home.new/bin" "$home.new/lib/native" "$home.new/libexec"
cp "$repo"/cli/target/lib/*.jar "$home.new/lib/"
cp "$repo"/cli/target/cli-*.jar "$home.new/lib/"
install -m 0755 "$repo/cli/src/main/dist/jrun" "$home.new/bin/jrun"
install -m 0755 "$nsexec" "$home.new/libexec/jrun-nsexec"

# The class path in a fixed order: the CDS archive is checked against it.
(cd "$home.new/lib" && ls ./*.jar | sed "s|^\./|$home/lib/|" | sort | tr '\n' ':' | sed 's/:$//') >"$home.new/lib/classpath"
echo >>"$home.new/lib/classpath"

arch=$(uname -m)
case "$arch" in
  x86_64) jffi_dir=x86_64-Linux ;;
  aarch64) jffi_dir=aarch64-Linux ;;
  *) jffi_dir="$arch-Linux" ;;
esac
(cd "$home.new/lib/native" && unzip -q -j -o "$home.new"/lib/jffi-*-native.jar "jni/$jffi_dir/libjffi-1.2.so")

rm -rf "$home"
mv "$home.new" "$home"
mkdir -p "$PREFIX/bin"
ln -sf "$home/bin/jrun" "$PREFIX/bin/jrun"

# A class-data-sharing archive of the classes a typical call loads, made with the JDK that
# will run jrun: it is valid only for that JDK and these jars.
"$repo/scripts/make-cds-archive.sh" "$home"
echo "installed jrun in $home ($PREFIX/bin/jrun)"
