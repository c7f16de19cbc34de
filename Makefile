# ppo-book: `make` installs what is missing, builds in release mode and renders
# every notebook in notebooks/ into output/; `make test` installs, builds and tests.

SWIFT        ?= swift
CONFIG       := release
BIN          := .build/$(CONFIG)
APT_PACKAGES := pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev
SUDO         := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps build test clean bench-engine bench-agents

all: build

## deps: install the Debian packages that are missing (nothing when all are present)
deps:
	@missing=""; \
	for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

## build: the command line and the BookKit library that cells link against
build: deps
	$(SWIFT) build -c $(CONFIG) --product BookKit
	$(SWIFT) build -c $(CONFIG) --product ppo-book

## test: every test, against the same release build
test: build
	$(SWIFT) test -c $(CONFIG) --disable-testable-imports

## bench-engine: time the engine on the lesson's network (and PyTorch, when installed)
bench-engine:
	cd bench && $(SWIFT) run -c release engine-bench

## bench-agents: train every agent over several seeds; table on screen, rows in bench/results/agents.json
bench-agents:
	cd bench && $(SWIFT) run -c release agents-bench

clean:
	rm -rf .build
