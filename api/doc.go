// Package api is kinerja's facade: one call per thing a user does, each
// in two forms in the manner of pdfcpu's api package. The stream form
// (Render, Report, ...) reads from io.Readers and writes to io.Writers and
// holds the pipeline; the file form (RenderFile, ReportFile, ...) only
// opens files around it and writes every output through internal/outfile,
// so that no output replaces an input or another output, no partial file
// is ever left at an output path, and an existing file survives a failed
// run. cmd/kinerja parses flags and prints; batch runs call the file forms.
//
// The pairs: Render/RenderFile (agreement TOML → PDF), Report/ReportFile
// (agreement + realisasi → report PDF, CSV, JSON, XLSX), Sign/SignFile
// (both parties, in order), and for reading a PDF proof.Check/CheckFile,
// which give the one verdict (package proof owns it; the facade does not
// wrap it again). Detect and AgreementOf tell a realisasi file from an
// agreement and find the agreement a realisasi file names.
//
// The pipeline it strings together: data (TOML → agreement), report
// (realisasi → capaian), layout and render (→ PDF), sign, proof (reading
// and judging a PDF) and archive.
package api
