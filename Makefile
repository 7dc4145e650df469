# The two commands (README): `make run` and `make test`. Both install what is missing first.
SHELL := /bin/bash
JOBS ?= 2

.PHONY: run test deps build-debug build-release web layers bench stress fuzz clean

deps:
	@scripts/install-deps.sh

build-debug: deps
	cmake --preset debug >/dev/null
	cmake --build --preset debug -j $(JOBS)

build-release: deps
	cmake --preset release >/dev/null
	cmake --build --preset release -j $(JOBS)

# The web application (web/, Vite + TypeScript) built into web/dist, which `ordo serve` serves.
web: deps
	@if [ -f web/package.json ]; then cd web && npm run --silent build; fi

layers:
	scripts/check-layers

# Unit, storage conformance and integration tests under ASan+UBSan, plus the layer check.
test: build-debug web layers
	ctest --preset debug

# Builds the optimised binary and the web app, creates the embedded database on first use and
# starts the web application on http://127.0.0.1:8080/.
run: build-release web
	@scripts/run.sh build/release/ordo

# Benchmarks, each against a peer in the same run (bench/README.md); not tests. HTTP: Ordo's server
# against a bare Beast handler under wrk, and Ordo on PostgreSQL against Ordo on SQLite (relations
# and a 2-hop expansion). Seizures: importing a million simulated rows against sqlite3's .import of
# the same CSV, and hotspots and trends against a plain read of the same rows.
# Graph: Ordo's graph kernels against igraph on one generated 1M-node, 10M-edge R-MAT graph.
bench: deps web
	cmake --preset release -DORDO_BUILD_BENCHMARKS=ON >/dev/null
	cmake --build --preset release -j $(JOBS)
	bench/http/run.sh
	bench/http/backends.sh
	bench/seizures/run.sh
	bench/graph/run.sh

# Reliability runs (issue #7), longer than `make test`: the long crash-safety run (SIGKILL during
# imports) and wrk against the read routes while imports run.
stress: build-release
	scripts/stress.sh

# A bounded libFuzzer run per target (clang from Debian); `make test` replays the saved corpus.
fuzz: deps
	scripts/fuzz.sh

clean:
	rm -rf build
