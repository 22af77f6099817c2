# sahifa: GNU make, pkg-config for every dependency, objects under $(BUILD).
#   make                 build/sahifa
#   make DEV=1           warnings are errors
#   make check           every test; ends with "N passed, N failed, N skipped"
#   make check SANITIZE=address,undefined
#   make check-tsan      the threaded stages' tests under ThreadSanitizer
#   make demo | bench | bench-lid | fuzz | deps | install | uninstall   (V=1: verbose)
#   make bench-extract | bench-text | bench-warc | bench-clean   (on ../shared/eval)
#   make check-cluster | bench-cluster   (a Slurm cluster on this machine)

PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
MANDIR  ?= $(PREFIX)/share/man
DATADIR ?= $(PREFIX)/share/sahifa
DESTDIR ?=

CC      ?= cc
CXX     ?= c++
CFLAGS  ?= -O2 -g
CXXFLAGS ?= -O2 -g
PKG_CONFIG ?= pkg-config

ifeq ($(origin CC),default)
CC = cc
endif

SANITIZE ?=
ifneq ($(SANITIZE),)
BUILD   ?= build/sanitize
SANFLAGS = -fsanitize=$(SANITIZE) -fno-omit-frame-pointer -fno-sanitize-recover=all
else
BUILD   ?= build
SANFLAGS =
endif

# Debian packages the build, the tests and the benchmarks need.
DEB_PKGS = pkg-config libicu-dev libarchive-dev libcjson-dev libcsv-dev libcld2-dev libxml2-dev zlib1g-dev libdeflate-dev libzstd-dev \
	   libssl-dev python3 python3-jsonschema time xz-utils zstd zip bc
# The consumer test (tests/scripts/consumers.sh) reads releases with these; its npm
# readers install themselves into $(BUILD)/consumers (tests/consumers/deps.sh).
DEB_PKGS += python3-pandas python3-yaml
FUZZ_PKGS = clang libclang-rt-14-dev
# make check-cluster / bench-cluster: a Slurm cluster on this machine (installed by the
# scripts, which SKIP where it cannot run).
CLUSTER_PKGS = slurm-wlm munge

PKGS = icu-uc icu-i18n libarchive libcjson libcrypto libxml-2.0 zlib libdeflate libzstd
# Recursive (=) so that pkg-config is asked only when a recipe runs, after `deps`.
PKG_CFLAGS = $(shell $(PKG_CONFIG) --cflags $(PKGS))
PKG_LIBS   = $(shell $(PKG_CONFIG) --libs $(PKGS)) -lcsv -Wl,--no-as-needed -lcld2_full -Wl,--as-needed -lcld2 -lstdc++ -lpthread -lm

WARN = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wformat=2 -Wvla \
       -Wno-unused-parameter
ifeq ($(DEV),1)
WARN += -Werror
endif

CPPFLAGS_ALL = -Iinclude -Isrc -I$(BUILD)/gen -D_GNU_SOURCE
ALL_CFLAGS   = -std=c11 $(WARN) $(CPPFLAGS_ALL) -include src/core/banned.h $(CFLAGS) $(SANFLAGS) $(PKG_CFLAGS)
ALL_CXXFLAGS = -std=c++11 -Wall -Wextra $(if $(filter 1,$(DEV)),-Werror) $(CPPFLAGS_ALL) \
	       $(CXXFLAGS) $(SANFLAGS)
ALL_LDFLAGS  = $(LDFLAGS) $(SANFLAGS)

ifeq ($(V),1)
Q =
else
Q = @
endif

LIB_C   = $(sort $(wildcard src/*/*.c))
LIB_CXX = $(sort $(wildcard src/*/*.cc))
TOOL_C  = $(sort $(wildcard tools/*.c))
UNIT_C  = $(sort $(wildcard tests/unit/test_*.c))
# Files built into the binary: the default rules and the schemas in force.
EMBED   = $(sort $(wildcard rules/*.rules) $(wildcard rules/stopwords/*.txt) $(wildcard schema/*.json))

LIB_OBJ  = $(LIB_C:%.c=$(BUILD)/obj/%.o) $(LIB_CXX:%.cc=$(BUILD)/obj/%.o) $(BUILD)/obj/gen/embed.o
TOOL_OBJ = $(TOOL_C:%.c=$(BUILD)/obj/%.o)
UNIT_BIN = $(UNIT_C:tests/unit/%.c=$(BUILD)/tests/%)
LIB      = $(BUILD)/libsahifa.a
SAHIFA   = $(BUILD)/sahifa

.PHONY: check-cluster bench-cluster
.PHONY: all deps check test demo bench bench-lid bench-extract bench-warc fuzz install uninstall clean unit

all: $(SAHIFA)

$(SAHIFA): $(TOOL_OBJ) $(LIB)
	@echo "  LD      $@"
	$(Q)$(CC) $(ALL_LDFLAGS) -o $@ $(TOOL_OBJ) $(LIB) $(PKG_LIBS)

$(LIB): $(LIB_OBJ)
	@echo "  AR      $@"
	$(Q)rm -f $@ && ar rcs $@ $^

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/obj/%.o: %.cc
	@mkdir -p $(dir $@)
	@echo "  CXX     $<"
	$(Q)$(CXX) $(ALL_CXXFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/obj/gen/embed.o: $(BUILD)/gen/embed.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/gen/embed.c: tools/gen-embed.sh $(EMBED)
	@mkdir -p $(dir $@)
	@echo "  GEN     $@"
	$(Q)sh tools/gen-embed.sh $(EMBED) > $@.tmp && mv $@.tmp $@

$(BUILD)/tests/%: tests/unit/%.c tests/unit/check.h $(LIB)
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(ALL_CFLAGS) -Itests/unit $(ALL_LDFLAGS) -o $@ $< $(LIB) $(PKG_LIBS)

unit: $(UNIT_BIN)

-include $(shell find $(BUILD)/obj -name '*.d' 2>/dev/null)

# Install what is missing: with apt-get as root, else print the command to run.
deps:
	@sh tools/deps.sh $(DEB_PKGS)

check: deps
	$(Q)$(MAKE) --no-print-directory $(SAHIFA) unit
	$(Q)BUILD=$(BUILD) SAHIFA=$(SAHIFA) sh tests/run.sh

test: check

demo: deps
	$(Q)$(MAKE) --no-print-directory $(SAHIFA)
	$(Q)SAHIFA=$(SAHIFA) BUILD=$(BUILD) sh tests/demo.sh

# The tests of the threaded stages (the pool, convert's ring, validate's batches, the
# corpus stage, sharded runs) under ThreadSanitizer, in their own build: a data race
# there fails the run (about two minutes on two cores).
TSAN_TESTS = unit/test_core scripts/convert scripts/limits scripts/validate scripts/shard scripts/corpus
.PHONY: check-tsan
check-tsan: deps
	$(Q)$(MAKE) --no-print-directory BUILD=build/tsan SANITIZE=thread build/tsan/sahifa unit
	$(Q)TSAN_OPTIONS=halt_on_error=1 BUILD=build/tsan SAHIFA=build/tsan/sahifa ONLY="$(TSAN_TESTS)" sh tests/run.sh

bench: deps
	$(Q)$(MAKE) --no-print-directory $(SAHIFA)
	$(Q)SAHIFA=$(SAHIFA) BUILD=$(BUILD) sh tests/bench/bench.sh

bench-lid: deps
	$(Q)$(MAKE) --no-print-directory $(SAHIFA)
	$(Q)SAHIFA=$(SAHIFA) BUILD=$(BUILD) sh tests/bench/bench-lid.sh

# The corpus stage: near-duplicate precision/recall, dedup speed and memory at 1x, 10x,
# 50x, filter presets, learned boilerplate (tests/bench/bench-clean.sh).
.PHONY: bench-clean
bench-clean: deps
	$(Q)$(MAKE) --no-print-directory $(SAHIFA)
	$(Q)SAHIFA=$(SAHIFA) BUILD=$(BUILD) sh tests/bench/bench-clean.sh

# Sharded convert on a Slurm cluster of this machine (tests/cluster/, contrib/slurm/).
check-cluster: deps
	$(Q)$(MAKE) --no-print-directory $(SAHIFA)
	$(Q)BUILD=$(BUILD) SAHIFA=$(SAHIFA) CLUSTER_PKGS="$(CLUSTER_PKGS)" sh tests/cluster/check-cluster.sh

bench-cluster: deps
	$(Q)$(MAKE) --no-print-directory $(SAHIFA)
	$(Q)BUILD=$(BUILD) SAHIFA=$(SAHIFA) CLUSTER_PKGS="$(CLUSTER_PKGS)" sh tests/bench/bench-cluster.sh

# HTML extraction against the public test sets of ../shared/eval.
bench-extract: deps
	$(Q)$(MAKE) --no-print-directory $(SAHIFA)
	$(Q)SAHIFA=$(SAHIFA) BUILD=$(BUILD) sh tests/bench/bench-extract.sh

# WARC input: throughput and flat memory on a crawl built from ../shared/eval pages.
bench-warc: deps
	$(Q)$(MAKE) --no-print-directory $(SAHIFA)
	$(Q)SAHIFA=$(SAHIFA) BUILD=$(BUILD) sh tests/bench/bench-warc.sh

fuzz:
	@sh tools/deps.sh $(DEB_PKGS) $(FUZZ_PKGS)
	$(Q)$(MAKE) --no-print-directory -f tests/fuzz/fuzz.mk BUILD=build/fuzz PKGS="$(PKGS)" run

install: $(SAHIFA)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(DATADIR)/rules \
		$(DESTDIR)$(DATADIR)/schema
	install -m 755 $(SAHIFA) $(DESTDIR)$(BINDIR)/sahifa
	install -m 644 man/*.1 $(DESTDIR)$(MANDIR)/man1/
	install -m 644 rules/*.rules $(DESTDIR)$(DATADIR)/rules/
	install -d $(DESTDIR)$(DATADIR)/rules/stopwords
	install -m 644 rules/stopwords/* $(DESTDIR)$(DATADIR)/rules/stopwords/
	install -m 644 schema/* $(DESTDIR)$(DATADIR)/schema/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/sahifa
	for m in man/*.1; do rm -f $(DESTDIR)$(MANDIR)/man1/$${m#man/}; done
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build

# --- whole-page text benchmark (tests/bench/bench-text.sh) ---
.PHONY: bench-text
BENCH_TEXT_PKGS = w3m lynx html2text python3-html2text links elinks python3-bs4
bench-text: deps
	@sh tools/deps.sh $(BENCH_TEXT_PKGS)
	$(Q)$(MAKE) --no-print-directory $(SAHIFA)
	$(Q)SAHIFA=$(SAHIFA) BUILD=$(BUILD) sh tests/bench/bench-text.sh
