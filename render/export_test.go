package render

import "kinerja/internal/testsample"

// Exported for the external tests (package render_test), which read the
// rendered PDFs back with package proof (a package above render).
var (
	HandDoc         = handDoc
	HandMeta        = handMeta
	RenderAgreement = renderAgreement
	Decode          = decode
	CheckPDFTools   = checkPDFTools
	RunTool         = runTool
	WriteTemp       = writeTemp
	SampleReport    = testsample.Report
	RenderReport    = renderReport
	TextBytes       = textBytes
	ReadInfo        = readInfo
)

// Constants of the internal tests, for the external ones.
const (
	SamplePath    = samplePath
	DescAgreement = descAgreement
)
