#!/usr/bin/env python3
"""Synthetic news stream with true story labels, for `make bench-clustering` at scale.

Usage: synthetic-stream.py N [--seed S] [--source ecbplus.jsonl] > stream.jsonl

Each synthetic story is an instance of one ECB+ event: it draws 15 of the event's sentences, and its articles
recombine those (3 to 8 each, in random order), with the event's names replaced by invented ones fixed for the instance (so two instances
of the same event are look-alike stories told about different people), numbers changed per instance, words dropped
per article, and now and then a sentence from another event. Stories start over time (about 150 a day), their
articles spread over four days, and the stream is in publication order. Output lines:
{"id", "title", "text", "published", "story"} — `story` is the label, which `triangulate cluster` ignores.
Standard library only; the same N and seed always give the same stream.
"""
import argparse
import datetime
import json
import random
import re
import sys

SYLLABLES = ["ka", "lo", "mi", "ran", "tes", "vo", "dre", "ul", "sen", "bar", "ti", "nos", "gal", "fe", "mor",
             "zi", "pa", "quin", "el", "dor", "sha", "ven", "ru", "cal"]
NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-Z][a-z]{2,})\b")
NUMBER = re.compile(r"\b\d+\b")


def invented(rng):
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("n", type=int)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--source", default="../shared/bench/clustering/ecbplus.jsonl")
    args = parser.parse_args()
    rng = random.Random(args.seed)

    events = {}
    for line in open(args.source, encoding="utf-8"):
        row = json.loads(line)
        sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n", row["text"]) if len(s.split()) >= 5]
        events.setdefault(row["event"], []).extend(sentences)
    names = sorted(events)
    start = datetime.date(2024, 1, 1)
    out = sys.stdout
    written = 0
    pending = []  # (day, sequence, line) of stories already started
    story_number = 0
    sequence = 0
    day = 0
    per_day = 150
    while written < args.n:
        # Start today's stories; write every article dated today.
        for _ in range(per_day):
            story_number += 1
            event = rng.choice(names)
            pool = rng.sample(events[event], min(len(events[event]), 15))  # the facts this story's outlets share
            rename = {}
            renumber = {}
            size = max(1, int(rng.expovariate(1 / 18)))
            for index in range(size):
                picked = rng.sample(pool, min(len(pool), rng.randint(3, 8)))
                if rng.random() < 0.1:
                    picked.insert(rng.randrange(len(picked) + 1), rng.choice(events[rng.choice(names)]))
                words = []
                for sentence in picked:
                    sentence = NAME.sub(lambda m: rename.setdefault(m.group(1), invented(rng)), sentence)
                    sentence = NUMBER.sub(lambda m: renumber.setdefault(m.group(0), str(rng.randint(2, 999))),
                                          sentence)
                    words.append(" ".join(w for w in sentence.split() if rng.random() > 0.05))
                text = "\n".join(words)
                title = " ".join(words[0].split()[:10])
                published = start + datetime.timedelta(days=day + rng.randint(0, 3))
                sequence += 1
                pending.append((published, sequence, {
                    "id": f"syn-{story_number}-{index}", "title": title, "text": text,
                    "published": published.isoformat(), "story": f"s{story_number}"}))
        today = start + datetime.timedelta(days=day)
        ready = sorted(p for p in pending if p[0] <= today)
        pending = [p for p in pending if p[0] > today]
        for _, _, row in ready:
            if written >= args.n:
                break
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            written += 1
        day += 1


if __name__ == "__main__":
    main()
