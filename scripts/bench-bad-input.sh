#!/usr/bin/env bash
# The hardening issue's bad-input batch, timed with the release build: the five seed articles among random bytes,
# invalid UTF-8, an empty file, a 200,000-deep page, a page with a million attributes, a 60 MB text file, gzip bombs
# (1 GiB of zeros compressed once and twice), a FIFO, directory link loops and huge numbers. Prints wall time, peak
# memory (GNU time's maximum resident set) and what stderr named. Needs ../shared (the seeds).
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${TRIANGULATE_SHARED:-$PWD/../shared}
BIN=$PWD/.build/release/triangulate
DIR=$(mktemp -d /tmp/triangulate-bad-XXXXXX)
OUT=$(mktemp -d /tmp/triangulate-bad-out-XXXXXX)
trap 'rm -rf "$DIR" "$OUT"' EXIT
cp "$SHARED"/seeds/ford-xiaomi/*.txt "$DIR/"
python3 - "$DIR" <<'PY'
import random, sys
d = sys.argv[1]
random.seed(7)
open(f"{d}/random.txt", "wb").write(bytes(random.getrandbits(8) for _ in range(65536)))
open(f"{d}/invalid-utf8.txt", "wb").write(b"Mayor Lena Ortiz said the bridge will reopen.\n\nThe city paid \xff\xfe\xed\xa0\x80\xc0\xaf dollars.\n")
open(f"{d}/empty.txt", "wb").close()
open(f"{d}/deep.html", "w").write("<html><body><p>" + "<div>" * 200000 + "deep</p></body></html>")
open(f"{d}/attributes.html", "w").write("<html><body><div" + "".join(f" a{i}" for i in range(1000000)) + "><p>text</p></div></body></html>")
line = "The committee met again and the vote was postponed to a later session.\n"
with open(f"{d}/huge.txt", "w") as f:
    for _ in range((60 << 20) // len(line) + 1): f.write(line)
open(f"{d}/huge-number.txt", "w").write("Officials counted 10000000000000000000 votes and 1e999 ballots, a 99999999999999999999-1 tally.\n")
PY
head -c 1073741824 /dev/zero | gzip -1 > "$DIR/bomb.txt.gz"
gzip -9 -c "$DIR/bomb.txt.gz" > "$DIR/bomb2.txt.gz"
mkfifo "$DIR/fifo.txt"
mkdir "$DIR/loop" && ln -s .. "$DIR/loop/up" && ln -s . "$DIR/self"
echo "batch: $(ls "$DIR" | wc -l) entries, $(du -sh "$DIR" | cut -f1)" >&2
/usr/bin/time -f "wall %e s, peak memory %M KiB" "$BIN" analyze "$DIR" --format json --verbose > "$OUT/out.json" 2> "$OUT/err.txt" || true
grep -v "^wall" "$OUT/err.txt" | sed "s|$DIR/||" >&2
grep "^wall" "$OUT/err.txt"
python3 -c "import json,sys; r=json.load(open(sys.argv[1])); print('articles:', sorted(a['id'] for a in r['articles']))" "$OUT/out.json"
