# Shared by the bench-*.sh scripts (sourced, not run): the throwaway virtualenv for PyPI peers and whole-process
# timing with GNU time. Peers are measured against, never a dependency of Triangulate.

bench_venv=.build/bench-venv

# bench_peers CHECK PACKAGE...: install PACKAGEs into the virtualenv unless Python code CHECK already succeeds there.
bench_peers() {
    local check=$1
    shift
    "$bench_venv/bin/python" -c "$check" 2>/dev/null && return 0
    echo "installing $* into $bench_venv (PyPI)" >&2
    [ -x "$bench_venv/bin/python" ] || python3 -m venv "$bench_venv"
    "$bench_venv/bin/pip" install -q --disable-pip-version-check "$@" >&2
}

# timed OUT COMMAND...: run COMMAND with its standard output to OUT; print "seconds peak-RSS-KiB".
timed() {
    local out=$1
    shift
    /usr/bin/time -f "%e %M" -o "$out.time" "$@" > "$out"
    cat "$out.time"
}

# best_of_3 OUT COMMAND...: the fastest of three runs (the first also warms the page cache), as `timed` prints it.
best_of_3() {
    local best_s="" best_k="" s k
    for _ in 1 2 3; do
        read -r s k < <(timed "$@")
        if [ -z "$best_s" ] || awk "BEGIN{exit !($s < $best_s)}"; then best_s=$s; best_k=$k; fi
    done
    echo "$best_s $best_k"
}
