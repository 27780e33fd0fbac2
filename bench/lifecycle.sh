#!/bin/bash
# Times the container lifecycle (create, start, delete of /bin/true) with jrun, runc and crun on
# one bundle, splits jrun's create into its stages, and measures the memory a created container
# holds while it waits for start. It reports; it asserts no target. Run as root.
#
# Every sample is taken in the same round-robin loop, so that a busy machine slows the three
# runtimes alike. The clock is bash's $EPOCHREALTIME (microseconds, no fork), comparable with the
# epoch milliseconds of jrun's "create stage" debug lines.
set -u
export LC_ALL=C # $EPOCHREALTIME with a decimal point

usage() {
    echo "usage: $0 [-n N] [--json FILE]"
    echo "  -n N         repetitions of each measurement (default 20); medians are printed"
    echo "  --json FILE  also write the results to FILE as JSON"
}

die() {
    echo "lifecycle.sh: $*" >&2
    exit 1
}

runs=20
json=
runtimes=(jrun runc crun)
tmp=
hello=()
declare -A samples # "runtime.what" -> microseconds (or kB), space-separated

# --- set-up and clean-up ------------------------------------------------------------------------

# crun refuses a hybrid cgroup host whose cgroup2 hierarchy has controllers (here: hugetlb, which
# no v1 hierarchy claims). main re-executes the script in a private mount namespace, where an empty
# file is bound over unified/cgroup.controllers for crun's check; jrun and runc run in the same
# namespace, so all three see the same host, and the host's own mounts are left alone.
cgroup2_controllers=/sys/fs/cgroup/unified/cgroup.controllers

cgroup2_has_controllers() {
    [ -n "$(cat "$cgroup2_controllers" 2>/dev/null)" ] # cgroupfs files have size 0: test -s cannot tell
}

hide_cgroup2_controllers() {
    cgroup2_has_controllers || return 0
    : >"$tmp/empty"
    mount --bind "$tmp/empty" "$cgroup2_controllers" || die "cannot hide $cgroup2_controllers from crun"
}

cleanup() {
    trap - EXIT INT TERM
    [ -n "$tmp" ] && [ -d "$tmp" ] || return 0
    local rt dir
    for rt in "${runtimes[@]}"; do
        for dir in "$tmp/root-$rt"/*/; do
            [ -d "$dir" ] && "$rt" --root "$tmp/root-$rt" delete --force "$(basename "$dir")" >/dev/null 2>&1
        done
    done
    rm -rf --one-file-system "$tmp"
}

# The bundle: a busybox rootfs and runc's default config, not a terminal, running /bin/true.
# runc 1.1's `runc spec` lists ambient capabilities without the inheritable ones the kernel needs
# to raise them; runc silently skips them and runc 1.2 removed them from its spec (runc#4367), so
# the bundle leaves them out too and every runtime gets a config it can apply as written.
make_bundle() {
    local dir=$1
    mkdir -p "$dir"
    "$repo/scripts/make-rootfs.sh" "$dir/rootfs" || die "make-rootfs.sh failed"
    (cd "$dir" && runc spec) || die "runc spec failed"
    python3 - "$dir/config.json" <<'EOF' || die "cannot edit config.json"
import json, sys
path = sys.argv[1]
with open(path) as f:
    config = json.load(f)
config["process"]["terminal"] = False
config["process"]["args"] = ["/bin/true"]
config["process"]["capabilities"].pop("ambient", None)
with open(path, "w") as f:
    json.dump(config, f, indent=2)
EOF
}

# The reference JVM: hello-world with the flags jrun's launcher uses.
make_hello() {
    hello=(java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -Xshare:auto -cp "$tmp/hello" Hello)
    mkdir -p "$tmp/hello"
    printf 'public class Hello {\n    public static void main(String[] a) {\n        System.out.println("hello");\n    }\n}\n' \
        >"$tmp/hello/Hello.java"
    javac -d "$tmp/hello" "$tmp/hello/Hello.java" || die "javac failed"
}

# --- measuring ----------------------------------------------------------------------------------

# timed KEY CMD...: runs CMD with its output discarded and records its wall time under KEY.
# A command that fails stops the benchmark with its error output.
timed() {
    local key=$1 t0 t1 rc
    shift
    t0=${EPOCHREALTIME/./}
    "$@" >/dev/null 2>"$tmp/stderr"
    rc=$?
    t1=${EPOCHREALTIME/./}
    [ $rc -eq 0 ] || die "$* exited $rc: $(cat "$tmp/stderr")"
    samples[$key]+=" $((t1 - t0))"
}

# timed_failing KEY CMD...: the same for a command that is expected to fail (state of a missing id).
timed_failing() {
    local key=$1 t0 t1
    shift
    t0=${EPOCHREALTIME/./}
    "$@" >/dev/null 2>&1 && die "$* succeeded, expected an error"
    t1=${EPOCHREALTIME/./}
    samples[$key]+=" $((t1 - t0))"
}

# field RUNTIME ID NAME: a field of `state` (runc, crun and jrun all print the same JSON shape).
field() {
    "$1" --root "$tmp/root-$1" state "$2" 2>/dev/null |
        sed -n "s/^ *\"$3\": *\"\{0,1\}\([^\",]*\)\"\{0,1\},\{0,1\}\$/\1/p"
}

wait_stopped() {
    local rt=$1 id=$2 i
    for i in $(seq 500); do
        [ "$(field "$rt" "$id" status)" = stopped ] && return 0
        sleep 0.01
    done
    die "$rt: container $id did not stop"
}

# Rss and Pss in kB of a pid, from smaps_rollup.
record_memory() {
    local rt=$1 pid=$2 rss pss
    rss=$(awk '$1 == "Rss:" { print $2 }' "/proc/$pid/smaps_rollup")
    pss=$(awk '$1 == "Pss:" { print $2 }' "/proc/$pid/smaps_rollup")
    [ -n "$rss" ] && [ -n "$pss" ] || die "$rt: cannot read /proc/$pid/smaps_rollup"
    samples[$rt.rss]+=" $rss"
    samples[$rt.pss]+=" $pss"
}

# One create + start + delete. The memory of the waiting init is read between create and start,
# and the wait for "stopped" between start and delete; neither is timed.
lifecycle() {
    local rt=$1 id=$2 root="$tmp/root-$1" pid
    timed "$rt.create" "$rt" --root "$root" create --bundle "$bundle" "$id"
    pid=$(field "$rt" "$id" pid)
    [ -n "$pid" ] && [ "$pid" -gt 0 ] || die "$rt: no pid for created container $id"
    record_memory "$rt" "$pid"
    timed "$rt.start" "$rt" --root "$root" start "$id"
    wait_stopped "$rt" "$id"
    timed "$rt.delete" "$rt" --root "$root" delete "$id"
    local c=${samples[$rt.create]##* } s=${samples[$rt.start]##* } d=${samples[$rt.delete]##* }
    samples[$rt.lifecycle]+=" $((c + s + d))"
}

# jrun create with its debug log: the wall clock around the call and the stage marks in the log
# give the CLI JVM, helper, init JVM, hand-off and finish times.
staged_create() {
    local id=$1 root="$tmp/root-jrun" log="$tmp/create.log" t0 t1 name ms
    local spawn= idmaps= started= handoff= ready=
    rm -f "$log"
    t0=${EPOCHREALTIME/./}
    jrun --root "$root" --debug --log "$log" --log-format json create --bundle "$bundle" "$id" \
        >/dev/null 2>"$tmp/stderr" || die "jrun create --debug failed: $(cat "$tmp/stderr")"
    t1=${EPOCHREALTIME/./}
    while IFS='=' read -r name ms; do
        case $name in
            "spawn helper") spawn=$((ms * 1000)) ;;
            "write id maps") idmaps=$((ms * 1000)) ;;
            "init started") started=$((ms * 1000)) ;;
            "init handoff") handoff=$((ms * 1000)) ;;
            "init ready") ready=$((ms * 1000)) ;;
        esac
    done < <(sed -n 's/.*create stage \\"\([^\\]*\)\\" at \([0-9]*\) ms.*/\1=\2/p' "$log")
    [ -n "$spawn" ] && [ -n "$started" ] && [ -n "$handoff" ] && [ -n "$ready" ] ||
        die "jrun create --debug did not log every stage: $(cat "$log")"
    samples[stage.cli]+=" $((spawn - t0))"
    if [ -n "$idmaps" ]; then # user namespace: the helper waits while jrun writes the maps
        samples[stage.helper]+=" $((idmaps - spawn))"
        samples[stage.idmaps]+=" $((started - idmaps))"
    else
        samples[stage.helper]+=" $((started - spawn))"
    fi
    samples[stage.init]+=" $((handoff - started))"
    samples[stage.handoff]+=" $((ready - handoff))"
    samples[stage.finish]+=" $((t1 - ready))"
    samples[stage.total]+=" $((t1 - t0))"
    jrun --root "$root" delete --force "$id" >/dev/null 2>&1 || die "jrun delete --force $id failed"
}

# One sample of everything, runtimes in turn.
round() {
    local rt
    for rt in "${runtimes[@]}"; do
        lifecycle "$rt" "bench-$1-$rt"
    done
    staged_create "stages-$1"
    timed ref.hello "${hello[@]}"
    timed_failing ref.state jrun --root "$tmp/root-jrun" state "missing-$1"
    timed ref.version jrun --version
}

# --- reporting ----------------------------------------------------------------------------------

median() {
    printf '%s\n' ${samples[$1]:-} | sort -n |
        awk '{ v[NR] = $1 } END { if (NR == 0) print ""; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

ms() { # microseconds -> milliseconds, one decimal
    [ -n "$1" ] && awk -v us="$1" 'BEGIN { printf "%.1f", us / 1000 }' || printf -- -
}

kb() { # a median of kB values, whole
    [ -n "$1" ] && awk -v kb="$1" 'BEGIN { printf "%.0f", kb }' || printf -- -
}

ratio() {
    awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1fx", a / b; else printf "-" }'
}

report() {
    local what rt
    echo "lifecycle of /bin/true, medians of $runs (ms)"
    printf '  %-10s %9s %9s %9s %10s %10s\n' "" jrun runc crun jrun/runc jrun/crun
    for what in create start delete lifecycle; do
        local j r c
        j=$(median "jrun.$what") r=$(median "runc.$what") c=$(median "crun.$what")
        printf '  %-10s %9s %9s %9s %10s %10s\n' "$what" "$(ms "$j")" "$(ms "$r")" "$(ms "$c")" \
            "$(ratio "$j" "$r")" "$(ratio "$j" "$c")"
    done
    echo
    echo "jrun create by stage, with --debug --log, medians of $runs (ms)"
    stage_line cli "CLI JVM" "start -> spawn helper"
    if [ -n "${samples[stage.idmaps]:-}" ]; then
        stage_line helper "helper" "spawn helper -> write id maps"
        stage_line idmaps "id maps" "write id maps -> init started"
    else
        stage_line helper "helper" "spawn helper -> init started"
    fi
    stage_line init "init JVM" "init started -> init handoff"
    stage_line handoff "hand-off" "init handoff -> init ready"
    stage_line finish "finish" "init ready -> exit"
    stage_line total "create" "whole call"
    echo
    echo "reference, medians of $runs (ms)"
    printf '  %-26s %9s\n' "hello-world JVM" "$(ms "$(median ref.hello)")"
    printf '  %-26s %9s\n' "jrun state <missing id>" "$(ms "$(median ref.state)")"
    printf '  %-26s %9s\n' "jrun --version" "$(ms "$(median ref.version)")"
    echo
    echo "memory of a created container's init (waiting on exec.fifo), medians of $runs (kB)"
    printf '  %-6s %9s %9s\n' "" RSS PSS
    for rt in "${runtimes[@]}"; do
        printf '  %-6s %9s %9s\n' "$rt" "$(kb "$(median "$rt.rss")")" "$(kb "$(median "$rt.pss")")"
    done
}

stage_line() {
    printf '  %-9s %-32s %9s\n' "$2" "$3" "$(ms "$(median "stage.$1")")"
}

write_json() {
    local file=$1 rt what first
    {
        printf '{\n  "runs": %s,\n' "$runs"
        printf '  "machine": {"cores": %s, "kernel": "%s", "java": "%s", "runc": "%s", "crun": "%s",\n' \
            "$(nproc)" "$(uname -r)" "$java_version" "$runc_version" "$crun_version"
        printf '    "loadavg_before": "%s", "loadavg_after": "%s"},\n' "$load_before" "$load_after"
        printf '  "lifecycle_ms": {\n'
        first=1
        for rt in "${runtimes[@]}"; do
            [ $first = 1 ] || printf ',\n'
            first=0
            printf '    "%s": {' "$rt"
            for what in create start delete; do
                printf '"%s": %s, ' "$what" "$(ms "$(median "$rt.$what")")"
            done
            printf '"lifecycle": %s}' "$(ms "$(median "$rt.lifecycle")")"
        done
        printf '\n  },\n  "jrun_create_stages_ms": {'
        first=1
        for what in cli helper idmaps init handoff finish total; do
            [ -n "${samples[stage.$what]:-}" ] || continue
            [ $first = 1 ] || printf ', '
            first=0
            printf '"%s": %s' "$what" "$(ms "$(median "stage.$what")")"
        done
        printf '},\n  "reference_ms": {"hello_jvm": %s, "jrun_state_missing": %s, "jrun_version": %s},\n' \
            "$(ms "$(median ref.hello)")" "$(ms "$(median ref.state)")" "$(ms "$(median ref.version)")"
        printf '  "created_init_kb": {'
        first=1
        for rt in "${runtimes[@]}"; do
            [ $first = 1 ] || printf ', '
            first=0
            printf '"%s": {"rss": %s, "pss": %s}' "$rt" "$(kb "$(median "$rt.rss")")" "$(kb "$(median "$rt.pss")")"
        done
        printf '}\n}\n'
    } >"$file"
}

# --- main ---------------------------------------------------------------------------------------

main() {
    local args=("$@")
    while [ $# -gt 0 ]; do
        case $1 in
            -n) [ $# -ge 2 ] || { usage >&2; exit 2; }; runs=$2; shift 2 ;;
            --json) [ $# -ge 2 ] || { usage >&2; exit 2; }; json=$2; shift 2 ;;
            -h | --help) usage; exit 0 ;;
            *) usage >&2; exit 2 ;;
        esac
    done
    case $runs in '' | *[!0-9]* | 0) die "-n: expected a positive number, got \"$runs\"" ;; esac
    [ "$(id -u)" = 0 ] || die "run as root"
    local tool
    for tool in jrun runc crun java javac python3 unshare busybox; do
        command -v "$tool" >/dev/null || die "$tool is not installed"
    done
    [ -n "$json" ] && json=$(realpath -m "$json")

    if cgroup2_has_controllers && [ -z "${LIFECYCLE_BENCH_NS:-}" ]; then
        exec env LIFECYCLE_BENCH_NS=1 unshare --mount --propagation slave -- "$BASH" "$0" "${args[@]}"
    fi

    repo=$(cd "$(dirname "$0")/.." && pwd)
    tmp=$(mktemp -d /tmp/jrun-lifecycle.XXXXXX)
    trap cleanup EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    hide_cgroup2_controllers

    bundle="$tmp/bundle"
    make_bundle "$bundle"
    make_hello
    local rt
    for rt in "${runtimes[@]}"; do
        mkdir -p "$tmp/root-$rt"
    done
    java_version=$(java -version 2>&1 | head -n 1 | tr -d '"')
    runc_version=$(runc --version | head -n 1)
    crun_version=$(crun --version | head -n 1)
    echo "$(nproc) cores, Linux $(uname -r), $java_version, $runc_version, $crun_version"
    echo "$(jrun --version | head -n 1) at $(readlink -f "$(command -v jrun)")"
    echo
    load_before=$(cut -d' ' -f1-3 /proc/loadavg)

    local i
    # one round first, then forgotten: page cache, binaries and CDS archives warm for everyone
    round warm
    samples=()
    for i in $(seq "$runs"); do
        printf '\rround %d/%d' "$i" "$runs" >&2
        round "$i"
    done
    printf '\r%*s\r' 20 '' >&2

    report
    # other work on the machine shows up in every number: say how busy it was
    echo
    load_after=$(cut -d' ' -f1-3 /proc/loadavg)
    echo "load average before: $load_before, after: $load_after"
    if [ -n "$json" ]; then
        write_json "$json"
        echo
        echo "wrote $json"
    fi
}

main "$@"
