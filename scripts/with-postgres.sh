#!/usr/bin/env bash
# Runs a command beside a throwaway PostgreSQL cluster: Debian's server binaries, initdb into a temporary folder (as
# the postgres user when run as root: initdb refuses root), listening on 127.0.0.1 at a free port with password
# (SCRAM) authentication, stopped and deleted when the command ends. The command sees the server's address in
# TRIANGULATE_TEST_POSTGRES (postgresql://postgres:PASSWORD@127.0.0.1:PORT/postgres). PG_FSYNC=on keeps fsync on
# (benchmarks); tests run with it off.
set -euo pipefail
bin=$( (ls -d /usr/lib/postgresql/*/bin 2>/dev/null || true) | sort -V | tail -1)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "error: PostgreSQL's server is not installed (Debian package postgresql); run make deps" >&2
    exit 1
fi
dir=$(mktemp -d /tmp/triangulate-pg.XXXXXX)
as_postgres=()
stop() {
    if [ -f "$dir/data/postmaster.pid" ]; then
        (cd "$dir" && "${as_postgres[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1) || true
    fi
    rm -rf "$dir"
}
trap stop EXIT
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
password=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
printf '%s\n' "$password" >"$dir/password"
if [ "$(id -u)" -eq 0 ]; then
    chown -R postgres "$dir"
    as_postgres=(runuser -u postgres --)
fi
chmod 700 "$dir"
chmod 600 "$dir/password"
cd "$dir"
"${as_postgres[@]}" "$bin/initdb" -D "$dir/data" -U postgres -E UTF8 --locale=C.UTF-8 --auth-local=trust \
    --auth-host=scram-sha-256 --pwfile="$dir/password" >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; exit 1; }
"${as_postgres[@]}" "$bin/pg_ctl" -D "$dir/data" -w -l "$dir/server.log" \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=${PG_FSYNC:-off}" start >/dev/null ||
    { cat "$dir/server.log" >&2; exit 1; }
cd "$OLDPWD"
export TRIANGULATE_TEST_POSTGRES="postgresql://postgres:$password@127.0.0.1:$port/postgres?sslmode=disable"
"$@"
