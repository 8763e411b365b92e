package bsre

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"mime/multipart"
	"net/http"
)

// ServiceVerdict is what the service's verify endpoint says of a PDF.
type ServiceVerdict struct {
	Conclusion  string   // e.g. VALID, NO_SIGNATURE (v2 conclusion, v1 summary)
	Signatures  int      // signatures it found
	Description string   // its explanation, if any
	Signers     []string // signer names, in its order
}

// Verify asks the service to verify pdf (v2: POST /api/v2/verify/pdf
// with {"file"}; v1: POST /api/sign/verify with the form field
// signed_file). It is a second opinion: kinerja's verdict decides.
func (c *Client) Verify(ctx context.Context, pdf []byte) (*ServiceVerdict, error) {
	if c.Profile.Version == 1 {
		var b bytes.Buffer
		mw := multipart.NewWriter(&b)
		fw, err := mw.CreateFormFile("signed_file", "dokumen.pdf")
		if err == nil {
			_, err = fw.Write(pdf)
		}
		if err != nil || mw.Close() != nil {
			return nil, fmt.Errorf("bsre verify: %v", err)
		}
		body, err := c.do(ctx, http.MethodPost, "/api/sign/verify", mw.FormDataContentType(), b.Bytes())
		if err != nil {
			return nil, err
		}
		return verdictV1(body)
	}
	js, _ := json.Marshal(map[string]string{"file": base64.StdEncoding.EncodeToString(pdf)})
	body, err := c.do(ctx, http.MethodPost, "/api/v2/verify/pdf", "application/json", js)
	if err != nil {
		return nil, err
	}
	return verdictV2(body)
}

// verdictV2 reads {"conclusion", "signatureCount", "description",
// "signatureInformations": [{"signerName"}]}.
func verdictV2(body []byte) (*ServiceVerdict, error) {
	var a struct {
		Conclusion  string `json:"conclusion"`
		Count       int    `json:"signatureCount"`
		Description string `json:"description"`
		Infos       []struct {
			SignerName string `json:"signerName"`
		} `json:"signatureInformations"`
	}
	if err := json.Unmarshal(body, &a); err != nil {
		return nil, fail(KindOther, "the verify answer is not JSON (%q)", head(body))
	}
	v := &ServiceVerdict{Conclusion: a.Conclusion, Signatures: a.Count, Description: a.Description}
	for _, in := range a.Infos {
		v.Signers = append(v.Signers, in.SignerName)
	}
	return v, nil
}

// verdictV1 reads {"summary", "jumlah_signature", "notes", "details":
// [{"info_signer": {"signer_name"}}]}.
func verdictV1(body []byte) (*ServiceVerdict, error) {
	var a struct {
		Summary string `json:"summary"`
		Count   int    `json:"jumlah_signature"`
		Notes   string `json:"notes"`
		Details []struct {
			Info struct {
				Name string `json:"signer_name"`
			} `json:"info_signer"`
		} `json:"details"`
	}
	if err := json.Unmarshal(body, &a); err != nil {
		return nil, fail(KindOther, "the verify answer is not JSON (%q)", head(body))
	}
	v := &ServiceVerdict{Conclusion: a.Summary, Signatures: a.Count, Description: a.Notes}
	for _, d := range a.Details {
		v.Signers = append(v.Signers, d.Info.Name)
	}
	return v, nil
}
