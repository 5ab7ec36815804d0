"""Peer run for `make bench-extraction`: trafilatura's default extraction over the benchmark's pages.

Reads every *.html.gz under the directory given, writes one JSON line {"id", "text"} per page, in name order,
to standard output — the same work `triangulate extract` does, so that the two whole-process times compare.
"""
import gzip
import json
import os
import sys

import trafilatura


def main(directory):
    for name in sorted(os.listdir(directory)):
        if not name.endswith(".html.gz"):
            continue
        with gzip.open(os.path.join(directory, name), "rb") as handle:
            html = handle.read()
        text = trafilatura.extract(html) or ""
        page_id = name[: -len(".html.gz")]
        sys.stdout.write(json.dumps({"id": page_id, "text": text}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
