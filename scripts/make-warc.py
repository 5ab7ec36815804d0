#!/usr/bin/env python3
"""Writes a synthetic web archive for `make bench-warc`: COUNT response records of invented news pages (about 20 KB
of HTML each: navigation, an article of made-up sentences, a footer), each preceded by its request record, every
record its own gzip member as CC-NEWS ships them. Usage: make-warc.py COUNT OUT.warc.gz"""
import gzip
import random
import sys
import uuid

WORDS = ("council harbor ferry bridge vote budget mayor plan school river storm road board port "
         "tax clinic station market library union park water power rail court fire").split()
NAMES = "Velmora Quillby Tarsen Ombre Lisket Harrow Pelm Drayke Osterly Wenlow".split()


def sentence(rng):
    words = [rng.choice(WORDS) for _ in range(rng.randint(10, 22))]
    return f"{rng.choice(NAMES)} {rng.choice(NAMES)} said the {' '.join(words)} would cost {rng.randint(2, 90)} million."


def page(rng, index):
    nav = "".join(f'<li><a href="/section/{w}">{w.title()}</a></li>' for w in WORDS)
    paragraphs = "".join(f"<p>{' '.join(sentence(rng) for _ in range(4))}</p>" for _ in range(12))
    footer = "".join(f'<a href="/about/{w}">{w}</a> ' for w in WORDS * 3)
    return (f'<!doctype html><html><head><meta charset="utf-8"><title>{rng.choice(NAMES)} {rng.choice(WORDS)} story '
            f'{index}</title></head><body><nav><ul>{nav}</ul></nav><main><article><h1>{rng.choice(NAMES)} '
            f'{rng.choice(WORDS)} {index}</h1>{paragraphs}</article></main><footer>{footer}</footer></body></html>')


def record(kind, uri, content_type, block):
    header = (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2025-03-05T10:00:00Z\r\n"
              f"WARC-Record-ID: <urn:uuid:{uuid.UUID(int=random.getrandbits(128))}>\r\n"
              f"Content-Type: {content_type}\r\nContent-Length: {len(block)}\r\n\r\n")
    return header.encode() + block + b"\r\n\r\n"


def main():
    count, out = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(7)
    random.seed(7)
    with open(out, "wb") as handle:
        for index in range(count):
            uri = f"https://news{index % 40}.example/story/{index}"
            request = f"GET /story/{index} HTTP/1.1\r\nHost: news{index % 40}.example\r\n\r\n".encode()
            body = page(rng, index).encode()
            response = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body
            handle.write(gzip.compress(record("request", uri, "application/http;msgtype=request", request), 6))
            handle.write(gzip.compress(record("response", uri, "application/http;msgtype=response", response), 6))


main()
