# The two commands (README): `make run` and `make test`. Both install what is missing first.
SHELL := /bin/bash
JOBS ?= 2

.PHONY: run test deps build-debug build-release layers bench clean

deps:
	@scripts/install-deps.sh

build-debug: deps
	cmake --preset debug >/dev/null
	cmake --build --preset debug -j $(JOBS)

build-release: deps
	cmake --preset release >/dev/null
	cmake --build --preset release -j $(JOBS)

layers:
	scripts/check-layers

# Unit, storage conformance and integration tests under ASan+UBSan, plus the layer check.
test: build-debug layers
	ctest --preset debug

# Builds the optimised binary, creates the embedded database on first use and shows the registry.
run: build-release
	@scripts/run.sh build/release/ordo

clean:
	rm -rf build
