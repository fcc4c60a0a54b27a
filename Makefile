# pressd - a WordPress REST API server in C.
#   make run    install missing Debian packages, build, serve the demo site on 127.0.0.1:8080
#   make test   install, build, run every test (unit, HTTP, comparison with WordPress 6.9.4)
#   make asan   the same tests under AddressSanitizer + UndefinedBehaviorSanitizer
#   make bench  wrk benchmarks (bench/)
#   make bench-render  render micro-benchmark (MB/s of title/content/excerpt input)
#   make fuzz   libFuzzer targets (tests/fuzz/)

PKGS      := libmicrohttpd jansson sqlite3 libsodium libxml-2.0 libpcre2-8 nettle
DEB_PKGS  := libmicrohttpd-dev libjansson-dev libsqlite3-dev libsodium-dev libxml2-dev \
             libpcre2-dev nettle-dev pkg-config python3 curl sqlite3
# The sanitizer and fuzzing builds use clang and its runtime libraries.
SAN_PKGS  := clang libclang-rt-14-dev
VERSION   := 0.1.0

CC        ?= cc
BUILD     ?= build
# CFLAGS is yours to set (make asan does); the project's own flags are always added.
CFLAGS    ?= -O2 -g
override CFLAGS += -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror -Iinclude \
             -DPCRE2_CODE_UNIT_WIDTH=8 -DPRESSD_VERSION='"$(VERSION)"' $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
LDLIBS    += $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lpthread -lm

SRCS      := $(wildcard server/*.c server/*/*.c)
OBJS      := $(SRCS:%.c=$(BUILD)/%.o) $(BUILD)/server/assets_data.o
LIB_OBJS  := $(filter-out $(BUILD)/server/main.o,$(OBJS))
UNIT_SRCS := $(wildcard tests/unit/*.c tests/unit/*/*.c)
UNIT_OBJS := $(UNIT_SRCS:%.c=$(BUILD)/%.o)
ASSETS    := $(wildcard schema/*.sql schema/*.json data/demo/*)

PORT      ?= 8080
DB        ?= data/pressd.db

.PHONY: all deps run test unit api compare asan bench bench-render fuzz clean

all: $(BUILD)/pressd

# Installs only the Debian packages whose pkg-config module or program is missing.
deps:
	@./tools/deps.sh $(DEB_PKGS)

$(BUILD)/pressd: $(OBJS)
	$(CC) $(CFLAGS) -o $@ $^ $(LDFLAGS) $(LDLIBS)

# -MMD: each object depends on exactly the headers it includes.
$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -MMD -MP -c -o $@ $<

-include $(OBJS:.o=.d) $(UNIT_OBJS:.o=.d) $(BUILD)/bench/render.d

# schema/ and the demo site are compiled into the binary (see server/assets_data.S).
$(BUILD)/server/assets_data.o: server/assets_data.S $(ASSETS)
	@mkdir -p $(dir $@)
	$(CC) -c -o $@ $<

$(BUILD)/unit-tests: $(UNIT_OBJS) $(LIB_OBJS)
	$(CC) $(CFLAGS) -o $@ $^ $(LDFLAGS) $(LDLIBS)

run: deps $(BUILD)/pressd
	$(BUILD)/pressd serve --db $(DB) --listen 127.0.0.1:$(PORT) --demo

test: deps $(BUILD)/pressd $(BUILD)/unit-tests
	@BUILD=$(BUILD) ./tests/run.sh

unit: $(BUILD)/unit-tests
	$(BUILD)/unit-tests

asan:
	@./tools/deps.sh $(SAN_PKGS)
	$(MAKE) test BUILD=build-asan CC=clang \
	  CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all"

bench: deps $(BUILD)/pressd
	./bench/run.sh

# Renders every item of the theme unit test data BENCH_ROUNDS times.
BENCH_WXR    ?= ../shared/data/themeunittestdata.wordpress.xml
BENCH_ROUNDS ?= 20
$(BUILD)/bench-render: $(BUILD)/bench/render.o $(LIB_OBJS)
	$(CC) $(CFLAGS) -o $@ $^ $(LDFLAGS) $(LDLIBS)

bench-render: $(BUILD)/bench-render
	$(BUILD)/bench-render $(BENCH_WXR) $(BENCH_ROUNDS)

fuzz:
	@./tools/deps.sh $(SAN_PKGS)
	$(MAKE) -C tests/fuzz

clean:
	rm -rf build build-asan build-fuzz
