# kinerja: see README.md. Every target works on a fresh machine with Go 1.26.
GO      ?= go
BIN     := bin/kinerja
SAMPLE  := data/pk-2021-bppbj.toml
REALISASI := data/realisasi-2021-bppbj.toml
KEYS    := out/keys

.PHONY: all build demo test check bench clean

all: build

build:
	$(GO) build -o $(BIN) ./cmd/kinerja

# demo: render the sample agreement, create throwaway development keys,
# sign it for both parties, verify and archive it, and make the quarterly report.
demo: build
	@mkdir -p out
	$(BIN) check $(SAMPLE)
	$(BIN) render $(SAMPLE) -o out/pk-2021-bppbj.pdf
	@test -f $(KEYS)/ca.pem || $(BIN) keys dev $(KEYS) --agreement $(SAMPLE)
	$(BIN) sign out/pk-2021-bppbj.pdf \
		--pertama $(KEYS)/pertama.p12 --pertama-password-file $(KEYS)/pertama.p12.pass \
		--kedua $(KEYS)/kedua.p12 --kedua-password-file $(KEYS)/kedua.p12.pass \
		-o out/pk-2021-bppbj-signed.pdf
	$(BIN) verify out/pk-2021-bppbj-signed.pdf --trust $(KEYS)/ca.pem
	$(BIN) archive add out/pk-2021-bppbj-signed.pdf --trust $(KEYS)/ca.pem
	$(BIN) report $(SAMPLE) $(REALISASI) --triwulan 2 -o out/laporan-tw2-2021.pdf --csv out/laporan-tw2-2021.csv --json out/laporan-tw2-2021.json

test:
	$(GO) test ./...

check:
	@fmt=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$fmt" ]; then echo "gofmt needed:"; echo "$$fmt"; exit 1; fi
	$(GO) vet ./...
	$(GO) tool staticcheck ./...
	$(GO) test -race ./...

bench:
	$(GO) test -run '^$$' -bench . -benchmem -benchtime 200x ./...

clean:
	rm -rf bin out
