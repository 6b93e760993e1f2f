# Benchmarks (plain scripts; figures printed, nothing asserted). Heavy on a 2-core box:
# run one at a time, e.g. `make bench-store`. bench/out/ caches archives and generated sites.
PY ?= .venv/bin/python

.PHONY: bench bench-summary bench-store bench-search bench-crawl bench-recrawl bench-memory bench-extract test lint

bench: bench-store bench-extract bench-search bench-crawl bench-recrawl bench-memory bench-summary

# the targets beside the figures of the latest runs (bench/out/figures/, written by each script)
bench-summary:
	$(PY) bench/summary.py

bench-store:
	$(PY) bench/store.py

bench-search:
	$(PY) bench/search.py --datasette

bench-crawl:
	$(PY) bench/crawl.py

bench-recrawl:
	$(PY) bench/recrawl.py

bench-memory:
	$(PY) bench/memory.py --sizes 1000,10000,100000 --crawlers c

bench-extract:
	$(PY) bench/extract_speed.py

test:
	$(PY) -m pytest -q -x

lint:
	$(PY) -m ruff check .
