# ppo-book: `make` installs what is missing, builds in release mode and renders
# the course in notebooks/ into output/; `make test` installs, builds and tests;
# `make pdf` renders the course with its PDF handouts into handouts/.

SWIFT        ?= swift
CONFIG       := release
BIN          := .build/$(CONFIG)
APT_PACKAGES := pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev
# Printing PDFs needs Chromium (and a font); the tests also read PDFs with poppler and check .ipynb files with nbformat.
PDF_PACKAGES := chromium fonts-dejavu-core
TEST_PACKAGES := $(PDF_PACKAGES) poppler-utils
SUDO         := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
HANDOUTS     ?= handouts

PREFIX       ?= /usr/local

.PHONY: all deps pdf-deps test-deps build render pdf test check-output fuzz install clean bench-engine bench-envs bench-agents bench-authoring bench-render

all: render

# Installs the Debian packages in $(1) that are missing (nothing when all are present).
define install-missing
	@missing=""; \
	for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi
endef

## deps: install the Debian packages the build needs
deps:
	$(call install-missing,$(APT_PACKAGES))

## pdf-deps: install Chromium, which prints the PDFs
pdf-deps:
	$(call install-missing,$(PDF_PACKAGES))

## test-deps: Chromium and poppler for the PDF tests, and nbformat for the python3 on the PATH
test-deps:
	$(call install-missing,$(TEST_PACKAGES))
	@python3 -c 'import nbformat' 2>/dev/null || python3 -m pip install -q nbformat \
		|| $(SUDO) apt-get install -y -qq --no-install-recommends python3-nbformat

## build: the command line and the BookKit library that cells link against
build: deps
	$(SWIFT) build -c $(CONFIG) --product BookKit
	$(SWIFT) build -c $(CONFIG) --product ppo-book

## render: the course in notebooks/ (its course.yml, or every notebook) into output/, with the
## numerics fingerprint of this machine
render: build
	$(BIN)/ppo-book render notebooks --output output
	$(BIN)/ppo-book numerics > output/.numerics

## pdf: the course with a PDF of each lesson and of the whole course, into handouts/
## (kept out of output/: a PDF carries its printing date, so it is not byte for byte reproducible)
pdf: build pdf-deps
	$(BIN)/ppo-book render notebooks --output $(HANDOUTS) --to pdf --to ipynb

## install: ppo-book and its engine library under PREFIX (the command finds the library beside itself)
install: build
	install -d $(PREFIX)/lib/ppo-book/Modules $(PREFIX)/bin
	install -m 755 $(BIN)/ppo-book $(PREFIX)/lib/ppo-book/ppo-book
	install -m 644 $(BIN)/libBookKit.so $(PREFIX)/lib/ppo-book/
	cp -R $(BIN)/Modules/. $(PREFIX)/lib/ppo-book/Modules/
	ln -sf ../lib/ppo-book/ppo-book $(PREFIX)/bin/ppo-book

## test: every test, against the same release build, then check that output/ is up to date
test: build test-deps
	$(SWIFT) test -c $(CONFIG) --disable-testable-imports
	$(MAKE) --no-print-directory check-output

## check-output: render every notebook afresh (no cache) and compare with the committed output/:
## byte for byte when this machine's numerics fingerprint is the one recorded in output/.numerics,
## else (another CPU or libm, whose last digits may differ) the structure, with numbers masked
check-output: build
	@fresh=$$(mktemp -d); \
	$(BIN)/ppo-book render notebooks --output $$fresh --no-cache --quiet || exit 1; \
	$(BIN)/ppo-book numerics > $$fresh/.numerics || exit 1; \
	if [ "$$(head -1 output/.numerics 2>/dev/null)" = "$$(head -1 $$fresh/.numerics)" ]; then \
		if diff -r -q -x .numerics output $$fresh; then echo "output/ is up to date"; rm -rf $$fresh; \
		else echo "output/ is stale: run 'make' and commit output/"; rm -rf $$fresh; exit 1; fi; \
	else \
		echo "numerics differ from the machine that rendered output/:"; \
		echo "  recorded: $$(cat output/.numerics 2>/dev/null | tr '\n' ' ')"; \
		echo "  here:     $$(cat $$fresh/.numerics | tr '\n' ' ')"; \
		echo "numbers may differ in their last digits, so comparing structure (numbers masked) instead of bytes"; \
		if scripts/compare-structure.sh output $$fresh; then echo "output/ has the same structure"; rm -rf $$fresh; \
		else echo "output/ differs in structure, not only in numbers: run 'make' and commit output/"; rm -rf $$fresh; exit 1; fi; \
	fi

## fuzz: the notebook parser, the cell-tag grammar and the figure sanitiser under libFuzzer for
## FUZZ_SECONDS, seeded with every notebook and document; a crash is saved under fuzz/findings/
## (Swift's backtracer is turned off so that libFuzzer's own handler saves the input)
FUZZ_SECONDS ?= 60
fuzz:
	cd fuzz && $(SWIFT) build -c release -Xswiftc -sanitize=fuzzer -Xswiftc -parse-as-library -Xswiftc -use-ld=lld
	@seeds=$$(mktemp -d); mkdir -p fuzz/findings fuzz/corpus; \
	for file in notebooks/*.md docs/*.md Tests/EndToEndTests/BadNotebooks/*.md; do \
		{ printf '\000'; cat "$$file"; } > "$$seeds/notebook-$$(basename "$$file")"; done; \
	printf '\001 id=plot caption="A \\"quoted\\" caption" timeout=2.5 expect-error="shapes" session=s hide' > $$seeds/tags; \
	for file in output/figures/*.svg; do { printf '\002'; cat "$$file"; } > "$$seeds/figure-$$(basename "$$file")"; done; \
	SWIFT_BACKTRACE=enable=no fuzz/.build/release/notebook-fuzzer fuzz/corpus $$seeds -max_total_time=$(FUZZ_SECONDS) -max_len=16384 \
		-timeout=10 -rss_limit_mb=4096 -artifact_prefix=fuzz/findings/ -print_final_stats=1; \
	status=$$?; rm -rf $$seeds; exit $$status

## bench-engine: time the engine's operations against PyTorch's in the same run (when installed)
bench-engine:
	cd bench && $(SWIFT) run -c release engine-bench

## bench-envs: environment steps per second, beside Gymnasium's when python3 can import it
bench-envs:
	cd bench && $(SWIFT) run -c release envs-bench

## bench-agents: train every agent over several seeds; PPO against the lesson's PyTorch code and a
## jitted JAX PPO (each when installed); table on screen, rows in bench/results/agents.json
bench-agents:
	cd bench && $(SWIFT) run -c release agents-bench

## bench-authoring: cold render of 109.md, then a prose edit, then an edit of its last cell (ratios to cold)
bench-authoring: build
	python3 bench/authoring.py $(BIN)/ppo-book notebooks/109.md

## bench-render: a cold (--no-cache) render of notebooks/109.md: wall, CPU, core use, each cell's share
bench-render: build
	python3 bench/render_bench.py $(BIN)/ppo-book notebooks/109.md

clean:
	rm -rf .build
