# Shared by scripts that run `triangulate serve` on loopback (sourced, not run): start_server DATABASE LOG starts it
# on a free port in the background and sets $server (its pid) and $port; stop_server ends it.

start_server() {
    "$bin" serve --database "$1" --port 0 2>"$2" &
    server=$!
    for _ in $(seq 1 200); do
        grep -q "on http://127.0.0.1:" "$2" && break
        sleep 0.05
    done
    port=$(grep -o "on http://127.0.0.1:[0-9]*" "$2" | head -1 | sed 's/.*://')
    [ -n "$port" ] || { echo "the server did not start: $(cat "$2")" >&2; exit 1; }
}

stop_server() {
    kill "$server"
    wait "$server" 2>/dev/null || true
    server=""
}
