# kinerja: see README.md. Every target works on a fresh machine with Go 1.26.
GO      ?= go
BIN     := bin/kinerja
SAMPLE  := data/pk-2021-bppbj.toml
REALISASI := data/realisasi-2021-bppbj.toml
KEYS    := out/keys

.PHONY: all build demo demo-bsre test check bench bench-rss fuzz clean

all: build

build:
	$(GO) build -o $(BIN) ./cmd/kinerja

# demo: render the sample agreement, create throwaway development keys,
# sign it for both parties, verify and archive it, and make the quarterly report;
# then render the fictional second sample (data/contoh/) and its report.
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
	$(BIN) render data/contoh/pk-2024-dlh-contoh.toml -o out/pk-2024-dlh-contoh.pdf && $(BIN) report data/contoh/pk-2024-dlh-contoh.toml \
		data/contoh/realisasi-2024-dlh-contoh.toml --triwulan 2 -o out/laporan-tw2-2024-contoh.pdf --csv out/laporan-tw2-2024-contoh.csv

# demo-bsre: sign the sample through BSrE's Esign Client Service, played by
# the stand-in of package bsre/bsretest (a test double on 127.0.0.1 with
# development certificates, never a real signer): render a copy of the
# sample with tanda_tangan = "bsre", start the stand-in (it writes the
# profile, the client credentials, the passphrases and its CA to
# out/bsre/), sign for both parties through it, and check the result with
# kinerja verify (beside the stand-in's verify), pdfsig (trusting the
# stand-in's CA), mutool and qpdf; the stand-in is stopped at the end.
BSRE     := out/bsre
BSRE_ADDR ?= 127.0.0.1:8765
demo-bsre: build
	@mkdir -p $(BSRE) && rm -rf $(BSRE)/nss
	{ echo 'tanda_tangan = "bsre"'; cat $(SAMPLE); } > $(BSRE)/pk-2021-bppbj.toml
	$(BIN) render $(BSRE)/pk-2021-bppbj.toml -o $(BSRE)/pk-2021-bppbj.pdf
	$(GO) build -o bin/bsre-standin ./bsre/bsretest/cmd/bsre-standin
	@set -e; bin/bsre-standin --pdf $(BSRE)/pk-2021-bppbj.pdf --dir $(BSRE) --addr $(BSRE_ADDR) 2>$(BSRE)/standin.log & pid=$$!; \
	trap 'kill $$pid 2>/dev/null' EXIT; \
	for i in $$(seq 50); do grep -q serving $(BSRE)/standin.log 2>/dev/null && break; sleep 0.1; done; \
	set -x; \
	$(BIN) sign $(BSRE)/pk-2021-bppbj.pdf -o $(BSRE)/pk-2021-bppbj-signed.pdf --bsre-config $(BSRE)/bsre.toml \
		--pertama-bsre demo --pertama-passphrase-file $(BSRE)/pertama.pass \
		--kedua-bsre demo --kedua-passphrase-file $(BSRE)/kedua.pass; \
	$(BIN) verify $(BSRE)/pk-2021-bppbj-signed.pdf --bsre demo --bsre-config $(BSRE)/bsre.toml; \
	mkdir -p $(BSRE)/nss && certutil -N --empty-password -d sql:$(BSRE)/nss && \
	certutil -A -t CT,C,C -n bsre-standin -i $(BSRE)/ca.pem -d sql:$(BSRE)/nss; \
	pdfsig -nssdir sql:$(BSRE)/nss $(BSRE)/pk-2021-bppbj-signed.pdf | tee $(BSRE)/pdfsig.txt; \
	test $$(grep -c 'Signature Validation: Signature is Valid' $(BSRE)/pdfsig.txt) = 2; \
	test $$(grep -c 'Certificate Validation: Certificate is Trusted' $(BSRE)/pdfsig.txt) = 2; \
	mutool sign -v $(BSRE)/pk-2021-bppbj-signed.pdf | tee $(BSRE)/mutool.txt; \
	test $$(grep -cE 'The signature is valid|The document is unchanged since signing' $(BSRE)/mutool.txt) = 2; \
	qpdf --check $(BSRE)/pk-2021-bppbj-signed.pdf

test:
	$(GO) test ./...

check:
	@fmt=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$fmt" ]; then echo "gofmt needed:"; echo "$$fmt"; exit 1; fi
	$(GO) mod tidy -diff
	$(GO) vet ./...
	$(GO) tool staticcheck ./...
	$(GO) test -race ./...

# bench: render (one core), sign both, verify, archive add, and the batch
# pipeline over generated agreements on all cores (docs/s, peak memory).
# About two minutes on a 2-core machine. BENCHN sets the pipeline's size.
BENCHN ?= 1000
BENCH   = $(GO) test -run '^$$' -benchmem
bench:
	$(BENCH) -cpu 1 -benchtime 200x -bench 'BenchmarkAgreement$$|BenchmarkWriteSample' ./render
	$(BENCH) -cpu 1 -benchtime 200x -bench 'BenchmarkRenderGenerated' ./batch
	$(BENCH) -benchtime 300x -bench 'BenchmarkSignBoth' ./sign
	$(BENCH) -benchtime 100x -bench 'BenchmarkVerify' ./sign/verify
	$(BENCH) -benchtime 100x -bench 'BenchmarkAdd' ./archive
	$(BENCH) -benchtime $(BENCHN)x -bench 'BenchmarkPipeline/(render|render\+sign\+verify)$$' ./batch
	$(BENCH) -benchtime 200x -bench 'BenchmarkPipeline/render\+sign\+verify\+archive$$' ./batch

# bench-rss: the command line on BENCHN generated agreements in a temporary
# directory: render and sign both as batch runs, then archive add; prints
# wall time and peak resident memory of each (GNU time).
bench-rss: build
	@d=$$(mktemp -d) && trap 'rm -rf '"$$d" EXIT && \
	$(GO) test -count=1 -run '^TestWriteGenerated$$' ./batch -args -gen-dir $$d/toml -gen-n $(BENCHN) -gen-same-parties >/dev/null && \
	$(BIN) keys dev $$d/keys --agreement $$d/toml/pk-gen-00000.toml >/dev/null 2>&1 && \
	/usr/bin/time -f 'render\n  %e s wall, %M KB peak RSS' $(BIN) render $$d/toml --out-dir $$d/pdf >/dev/null 2>$$d/render.err; \
	tail -3 $$d/render.err; \
	/usr/bin/time -f 'sign both\n  %e s wall, %M KB peak RSS' $(BIN) sign $$d/pdf --out-dir $$d/signed \
		--pertama $$d/keys/pertama.p12 --pertama-password-file $$d/keys/pertama.p12.pass \
		--kedua $$d/keys/kedua.p12 --kedua-password-file $$d/keys/kedua.p12.pass >/dev/null 2>$$d/sign.err; \
	tail -3 $$d/sign.err; \
	/usr/bin/time -f 'archive add\n  %e s wall, %M KB peak RSS' $(BIN) archive add --dir $$d/arsip --trust $$d/keys/ca.pem $$d/signed/*.pdf >$$d/archive.out 2>$$d/archive.err; \
	tail -3 $$d/archive.err; echo "  $$(grep -c '^archived' $$d/archive.out) files archived (one process, one file at a time)"

# fuzz: every fuzz target for FUZZTIME each (minimising failures for at most
# 5 s, so that slow targets spend their time executing); go test prints the
# executions of each ("fuzz: elapsed: 20s, execs: N").
FUZZTIME ?= 20s
FUZZ = FuzzVerify:./sign/verify FuzzExtract:./render FuzzDecode:./data FuzzDecode:./report \
	FuzzWrap:./layout/engine FuzzReportNumbers:./layout FuzzVerifyIndex:./archive FuzzParse:./internal/pdfedit
fuzz:
	@for t in $(FUZZ); do \
		echo "== $${t%%:*} $${t#*:}"; \
		out=$$($(GO) test -run '^$$' -fuzz "^$${t%%:*}$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 5s $${t#*:} 2>&1); \
		echo "$$out" | grep -E 'execs' | tail -1; \
		echo "$$out" | grep -q '^ok' || { echo "$$out" | tail -30; exit 1; }; \
	done

clean:
	rm -rf bin out
