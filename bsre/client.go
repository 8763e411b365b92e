package bsre

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"strconv"
	"strings"
	"time"
)

// maxAnswer bounds what is read of one answer (a signed PDF, base64 in
// JSON for v2).
const maxAnswer = 200 << 20

// Backoff bounds of the retries: the first wait, doubled per attempt up to
// the ceiling.
const (
	firstBackoff = 500 * time.Millisecond
	maxBackoff   = 8 * time.Second
)

// Client talks to one esign-client server as its Profile says.
type Client struct {
	Profile *Profile
	HTTP    *http.Client // nil: http.DefaultClient's transport; each attempt is bounded by Profile.Timeout
	Log     io.Writer    // notes of retries; nil = none. Never given the passphrase.
	// Sleep waits d between attempts (tests make it instant); nil waits
	// for real, ending early when ctx is done.
	Sleep func(ctx context.Context, d time.Duration) error
}

// Placement is where the visible signature goes, in the units and origin
// the profile says (points, whole numbers), or the tag to look for.
type Placement struct {
	Page          int // 1-based
	X, Y          int // lower-left (kiri_bawah) or upper-left (kiri_atas) corner
	Width, Height int
	Tag           string // tag mode: the marker text; X and Y are not sent
}

// SignRequest is one signature to ask for.
type SignRequest struct {
	PDF        []byte
	NIK        string
	Passphrase Passphrase
	Place      Placement
}

// SignPDF sends the document and returns the service's answer: the
// signed PDF as it came (nothing is checked here but the transport and
// the service's own errors; see Sign). Timeouts and 5xx answers are
// retried Profile.Retries times with a growing wait; the service's
// refusals (wrong passphrase, unknown NIK, expired certificate) are not.
func (c *Client) SignPDF(ctx context.Context, r SignRequest) ([]byte, error) {
	if r.Passphrase.Empty() {
		return nil, fail(KindPassphrase, "no passphrase given")
	}
	if c.Profile.Version == 1 {
		body, ctype, err := r.multipart(c.Profile)
		if err != nil {
			return nil, err
		}
		pdf, err := c.send(ctx, "/api/sign/pdf", ctype, body, rawPDF)
		return pdf, scrub(err, r.Passphrase)
	}
	body, err := r.jsonV2(c.Profile)
	if err != nil {
		return nil, err
	}
	pdf, err := c.send(ctx, "/api/v2/sign/pdf", "application/json", body, filePDF)
	return pdf, scrub(err, r.Passphrase)
}

// scrub removes the passphrase from the detail of err, should the
// service have echoed it.
func scrub(err error, p Passphrase) error {
	var e *Error
	if err == nil || p.Empty() || !errors.As(err, &e) {
		return err
	}
	e.Detail = strings.ReplaceAll(e.Detail, p.reveal(), redacted)
	return err
}

// multipart is the v1 form.
func (r SignRequest) multipart(p *Profile) ([]byte, string, error) {
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	h := textproto.MIMEHeader{}
	h.Set("Content-Disposition", `form-data; name="file"; filename="dokumen.pdf"`)
	h.Set("Content-Type", "application/pdf")
	fw, err := mw.CreatePart(h)
	if err != nil {
		return nil, "", err
	}
	if _, err := fw.Write(r.PDF); err != nil {
		return nil, "", err
	}
	for _, f := range r.fieldsV1(p) {
		if err := mw.WriteField(f[0], f[1]); err != nil {
			return nil, "", err
		}
	}
	if err := mw.Close(); err != nil {
		return nil, "", err
	}
	return b.Bytes(), mw.FormDataContentType(), nil
}

// fieldsV1 are the v1 form fields after the file.
func (r SignRequest) fieldsV1(p *Profile) [][2]string {
	pl := r.Place
	f := [][2]string{{"nik", r.NIK}, {"passphrase", r.Passphrase.reveal()}, {"tampilan", "visible"}, {"image", "false"},
		{"page", strconv.Itoa(pl.Page)}, {"width", strconv.Itoa(pl.Width)}, {"height", strconv.Itoa(pl.Height)}}
	if pl.Tag != "" {
		f = append(f, [2]string{"tag_koordinat", pl.Tag})
	} else {
		f = append(f, [2]string{"xAxis", strconv.Itoa(pl.X)}, [2]string{"yAxis", strconv.Itoa(pl.Y)})
	}
	if p.Reason != "" {
		f = append(f, [2]string{"reason", p.Reason})
	}
	if p.Location != "" {
		f = append(f, [2]string{"location", p.Location})
	}
	return f
}

// sigProps is one element of v2's signatureProperties.
type sigProps struct {
	Tampilan string `json:"tampilan"`
	Page     int    `json:"page"`
	OriginX  *int   `json:"originX,omitempty"`
	OriginY  *int   `json:"originY,omitempty"`
	Width    int    `json:"width"`
	Height   int    `json:"height"`
	Tag      string `json:"tag,omitempty"`
	Reason   string `json:"reason,omitempty"`
	Location string `json:"location,omitempty"`
}

// jsonV2 is the v2 body.
func (r SignRequest) jsonV2(p *Profile) ([]byte, error) {
	pl := r.Place
	sp := sigProps{Tampilan: "VISIBLE", Page: pl.Page, Width: pl.Width, Height: pl.Height, Tag: pl.Tag,
		Reason: p.Reason, Location: p.Location}
	if pl.Tag == "" {
		sp.OriginX, sp.OriginY = &pl.X, &pl.Y
	}
	return json.Marshal(struct {
		NIK        string     `json:"nik"`
		Passphrase string     `json:"passphrase"`
		Props      []sigProps `json:"signatureProperties"`
		File       []string   `json:"file"`
	}{r.NIK, r.Passphrase.reveal(), []sigProps{sp}, []string{base64.StdEncoding.EncodeToString(r.PDF)}})
}

// rawPDF takes a v1 answer: the PDF itself.
func rawPDF(body []byte) ([]byte, error) { return body, nil }

// filePDF takes a v2 answer: {"file": [base64 PDF]}.
func filePDF(body []byte) ([]byte, error) {
	var a struct {
		File []string `json:"file"`
	}
	if err := json.Unmarshal(body, &a); err != nil || len(a.File) != 1 {
		return nil, fail(KindNotPDF, "the answer is not {\"file\": [one base64 PDF]} (%d bytes, starts %q)", len(body), head(body))
	}
	pdf, err := base64.StdEncoding.DecodeString(a.File[0])
	if err != nil {
		return nil, fail(KindNotPDF, "file[0] is not base64")
	}
	return pdf, nil
}

// CheckStatus asks whether the NIK can sign (v2: POST
// /api/v2/user/check/status; v1: GET /api/user/status/{nik}) and returns
// nil when its certificate is issued (status ISSUE).
func (c *Client) CheckStatus(ctx context.Context, nik string) error {
	var (
		body []byte
		err  error
	)
	if c.Profile.Version == 1 {
		body, err = c.do(ctx, http.MethodGet, "/api/user/status/"+nik, "", nil)
	} else {
		js, _ := json.Marshal(map[string]string{"nik": nik})
		body, err = c.do(ctx, http.MethodPost, "/api/v2/user/check/status", "application/json", js)
	}
	if err != nil {
		return err
	}
	var a answer
	if json.Unmarshal(body, &a) != nil {
		return fail(KindOther, "the status answer is not JSON (%q)", head(body))
	}
	if strings.EqualFold(a.word(), "ISSUE") {
		return nil
	}
	return &Error{Kind: classify(a), Detail: a.detail()}
}

// send posts body with retries and turns the answer into a PDF by take.
func (c *Client) send(ctx context.Context, path, ctype string, body []byte, take func([]byte) ([]byte, error)) ([]byte, error) {
	ans, err := c.do(ctx, http.MethodPost, path, ctype, body)
	if err != nil {
		return nil, err
	}
	return take(ans)
}

// do makes the request, retrying what is worth retrying, and returns the
// body of a 2xx answer.
func (c *Client) do(ctx context.Context, method, path, ctype string, body []byte) ([]byte, error) {
	wait := firstBackoff
	for attempt := 0; ; attempt++ {
		ans, err := c.once(ctx, method, path, ctype, body)
		if err == nil || !KindOf(err).retried() || attempt >= c.Profile.Retries || ctx.Err() != nil {
			if err != nil && attempt > 0 {
				err = fmt.Errorf("after %d attempts: %w", attempt+1, err)
			}
			return ans, err
		}
		c.logf("bsre: %s %s: %v; trying again in %v (%d of %d)\n", method, path, err, wait, attempt+2, c.Profile.Retries+1)
		if err := c.sleep(ctx, wait); err != nil {
			return nil, &Error{Kind: KindUnavailable, Err: err}
		}
		wait = min(2*wait, maxBackoff)
	}
}

// once makes one attempt bounded by the profile's timeout.
func (c *Client) once(ctx context.Context, method, path, ctype string, body []byte) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, c.Profile.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, method, c.Profile.URL+path, bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("bsre request: %w", err)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	req.SetBasicAuth(c.Profile.User, c.Profile.password)
	resp, err := c.httpClient().Do(req)
	if err != nil {
		return nil, &Error{Kind: KindUnavailable, Detail: transportDetail(err, c.Profile.Timeout)}
	}
	defer resp.Body.Close()
	ans, err := io.ReadAll(io.LimitReader(resp.Body, maxAnswer+1))
	if err != nil {
		return nil, &Error{Kind: KindUnavailable, Detail: transportDetail(err, c.Profile.Timeout)}
	}
	if len(ans) > maxAnswer {
		return nil, fail(KindOther, "the answer is larger than %d MB", maxAnswer>>20)
	}
	if resp.StatusCode/100 == 2 {
		return ans, nil
	}
	return nil, statusError(resp.StatusCode, ans)
}

// transportDetail says why no answer came, without the URL's query.
func transportDetail(err error, timeout time.Duration) string {
	if errors.Is(err, context.DeadlineExceeded) {
		return fmt.Sprintf("no answer within %v", timeout)
	}
	var ue interface{ Unwrap() error }
	if errors.As(err, &ue) && ue.Unwrap() != nil {
		return ue.Unwrap().Error()
	}
	return err.Error()
}

// httpClient returns the client's HTTP client.
func (c *Client) httpClient() *http.Client {
	if c.HTTP != nil {
		return c.HTTP
	}
	return http.DefaultClient
}

// sleep waits d or until ctx is done.
func (c *Client) sleep(ctx context.Context, d time.Duration) error {
	if c.Sleep != nil {
		return c.Sleep(ctx, d)
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// logf writes a note to Log.
func (c *Client) logf(format string, args ...any) {
	if c.Log != nil {
		fmt.Fprintf(c.Log, format, args...)
	}
}

// head is the start of an answer, for messages.
func head(b []byte) string {
	return string(b[:min(len(b), 40)])
}
