#!/bin/sh
# The whole test suite, as root on Debian 12: installs what is needed, runs the unit tests of
# every module, installs the built jrun, runs the integration tests (real containers on the
# real kernel) and, when the workplace's black-box checks sit beside the repository, those too.
set -eu

repo=$(cd "$(dirname "$0")/.." && pwd)
[ "$(id -u)" = 0 ] || { echo "test.sh: run as root (sudo $0)" >&2; exit 1; }

"$repo/scripts/setup-debian.sh"
cd "$repo"

echo "== unit tests"
mvn -B -ntp install

echo "== install"
./scripts/install.sh

echo "== integration tests against $(command -v jrun)"
mvn -B -ntp -pl integration-tests test -DskipITs=false -Djrun.binary=/usr/local/bin/jrun

acceptance="$repo/../shared/acceptance/acceptance.py"
if [ -f "$acceptance" ]; then
  echo "== black-box acceptance checks"
  python3 "$acceptance" /usr/local/bin/jrun
else
  echo "== black-box acceptance checks: skipped, $acceptance is not there"
fi
