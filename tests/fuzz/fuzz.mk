# libFuzzer harnesses: every tests/fuzz/fuzz_*.c is linked against the library built
# with clang, ASan and UBSan, then run for FUZZ_SECONDS each on its seed corpus
# (tests/fuzz/corpus/<name>/, grown in $(BUILD)/corpus/<name>/).  The segmenter also
# starts from samples/ and with -len_control=0, so that it reaches whole articles.
# ONLY=fuzz_name runs one harness.
BUILD ?= build/fuzz
FUZZ_SECONDS ?= 30
CC = clang
CXX = clang++
PKG_CONFIG ?= pkg-config
# PKGS: the Makefile's, passed by `make fuzz`, so that the library links the same here
$(if $(PKGS),,$(error PKGS unset: run this through `make fuzz`))
FLAGS = -g -O1 -fsanitize=address,undefined -fno-omit-frame-pointer
CFLAGS_F = -std=c11 -Iinclude -Isrc -I$(BUILD)/gen -D_GNU_SOURCE -include src/core/banned.h \
	   $(FLAGS) -fsanitize=fuzzer-no-link $(shell $(PKG_CONFIG) --cflags $(PKGS))
LIBS = $(shell $(PKG_CONFIG) --libs $(PKGS)) -lcsv -Wl,--no-as-needed -lcld2_full -Wl,--as-needed -lcld2 -lstdc++ -lpthread -lm

HARNESS = $(sort $(wildcard tests/fuzz/$(or $(ONLY),fuzz_*).c))
BINS = $(HARNESS:tests/fuzz/%.c=$(BUILD)/%)
LIB_C = $(sort $(wildcard src/*/*.c))
LIB_CXX = $(sort $(wildcard src/*/*.cc))
EMBED = $(sort $(wildcard rules/*.rules) $(wildcard rules/stopwords/*.txt) $(wildcard schema/*.json))
OBJ = $(LIB_C:%.c=$(BUILD)/obj/%.o) $(LIB_CXX:%.cc=$(BUILD)/obj/%.o) $(BUILD)/obj/gen/embed.o

.PHONY: run build
# keep the objects between runs (make would delete them as intermediates)
.SECONDARY:
build: $(BINS)
run: $(BINS)
	@set -e; for b in $(BINS); do \
		n=$$(basename $$b); mkdir -p $(BUILD)/corpus/$$n; \
		seeds=; [ -d tests/fuzz/corpus/$$n ] && seeds=tests/fuzz/corpus/$$n; \
		extra=; \
		case $$n in fuzz_segment) seeds="$$seeds samples"; extra=-len_control=0 ;; esac; \
		echo "  FUZZ    $$n ($(FUZZ_SECONDS)s)"; \
		if $$b -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -print_final_stats=1 $$extra \
			-artifact_prefix=$(BUILD)/ $(BUILD)/corpus/$$n $$seeds > $(BUILD)/$$n.log 2>&1; then \
			grep -E 'number_of_executed_units' $(BUILD)/$$n.log; \
		else \
			grep -E 'ERROR|SUMMARY|Test unit written' $(BUILD)/$$n.log; \
			echo "  FAILED  $$n: see $(BUILD)/$$n.log"; exit 1; \
		fi; \
	done

$(BUILD)/gen/embed.c: tools/gen-embed.sh $(EMBED)
	@mkdir -p $(dir $@)
	sh tools/gen-embed.sh $(EMBED) > $@

$(BUILD)/obj/gen/embed.o: $(BUILD)/gen/embed.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_F) -c -o $@ $<

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_F) -c -o $@ $<

$(BUILD)/obj/%.o: %.cc
	@mkdir -p $(dir $@)
	$(CXX) -std=c++11 -Iinclude -Isrc $(FLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

$(BUILD)/%: tests/fuzz/%.c $(OBJ)
	$(CC) $(CFLAGS_F) -fsanitize=fuzzer -o $@ $< $(OBJ) $(LIBS)
