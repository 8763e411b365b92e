package bsre

import (
	"crypto/x509"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"kinerja/docinfo"
	"kinerja/internal/infile"
)

// Placement modes and origins of a Profile.
const (
	PlaceCoordinates = "koordinat"  // send page, x, y, width and height
	PlaceTag         = "tag"        // send docinfo.Tag(party); the service finds it in the text
	OriginBottomLeft = "kiri_bawah" // y measured up from the page's bottom edge (PDF)
	OriginTopLeft    = "kiri_atas"  // y measured down from the top edge to the box's top
)

// Defaults of a Profile.
const (
	DefaultTimeout = 60 * time.Second
	DefaultRetries = 2
	maxRetries     = 10
	maxConfigSize  = 1 << 20
)

// Profile is one named BSrE Esign Client Service setting of the
// configuration file (see the package documentation for the format).
type Profile struct {
	Name        string
	URL         string        // base URL of the esign-client server
	Version     int           // API version: 1 or 2
	User        string        // HTTP Basic user (client id)
	password    string        // HTTP Basic password; never printed
	Timeout     time.Duration // one request
	Retries     int           // extra attempts after a timeout or a 5xx
	Placement   string        // PlaceCoordinates or PlaceTag
	Origin      string        // OriginBottomLeft or OriginTopLeft
	Reason      string        // signature reason ("" = none)
	Location    string        // signature location ("" = none)
	NIK         map[docinfo.Party]string
	Roots       *x509.CertPool // trusted roots for the check after signing; nil = system roots
	RootsSource string         // the file Roots came from
}

// fileProfile is a profile as written in TOML.
type fileProfile struct {
	URL            string            `toml:"url"`
	Versi          int               `toml:"versi"`
	Pengguna       string            `toml:"pengguna"`
	Sandi          string            `toml:"sandi"`
	KredensialFile string            `toml:"kredensial_file"`
	BatasWaktu     string            `toml:"batas_waktu"`
	Ulang          *int              `toml:"ulang"`
	Penempatan     string            `toml:"penempatan"`
	Asal           string            `toml:"asal"`
	Alasan         string            `toml:"alasan"`
	Lokasi         string            `toml:"lokasi"`
	NIK            map[string]string `toml:"nik"`
	Akar           string            `toml:"akar"`
}

// DefaultConfigPath is ~/.config/kinerja/bsre.toml (os.UserConfigDir).
func DefaultConfigPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "kinerja", "bsre.toml"), nil
}

// LoadProfile reads the configuration file at path and returns the
// profile called name. Relative file names inside it (kredensial_file,
// akar) are taken from the file's directory.
func LoadProfile(path, name string) (*Profile, error) {
	b, err := infile.ReadFile(path, maxConfigSize)
	if err != nil {
		return nil, fmt.Errorf("bsre config: %w", err)
	}
	var f struct {
		Profil map[string]fileProfile `toml:"profil"`
	}
	md, err := toml.Decode(string(b), &f)
	if err != nil {
		return nil, fmt.Errorf("bsre config %s: %w", path, err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		return nil, fmt.Errorf("bsre config %s: unknown key %s", path, und[0])
	}
	fp, ok := f.Profil[name]
	if !ok {
		return nil, fmt.Errorf("bsre config %s: no profile %q (have: %s)", path, name, strings.Join(names(f.Profil), ", "))
	}
	p, err := fp.profile(name, filepath.Dir(path))
	if err != nil {
		return nil, fmt.Errorf("bsre config %s: profile %q: %w", path, name, err)
	}
	return p, nil
}

// names lists the profiles, sorted.
func names(m map[string]fileProfile) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// profile checks fp and resolves its files against dir.
func (fp fileProfile) profile(name, dir string) (*Profile, error) {
	p := &Profile{Name: name, URL: strings.TrimRight(fp.URL, "/"), Version: fp.Versi, User: fp.Pengguna, password: fp.Sandi,
		Timeout: DefaultTimeout, Retries: DefaultRetries, Placement: fp.Penempatan, Origin: fp.Asal,
		Reason: fp.Alasan, Location: fp.Lokasi, NIK: map[docinfo.Party]string{}}
	if err := p.checkBasics(); err != nil {
		return nil, err
	}
	if err := p.setLimits(fp); err != nil {
		return nil, err
	}
	if err := p.setCredentials(fp, dir); err != nil {
		return nil, err
	}
	if err := p.setNIK(fp.NIK); err != nil {
		return nil, err
	}
	if fp.Akar != "" {
		return p, p.setRoots(resolve(dir, fp.Akar))
	}
	return p, nil
}

// checkBasics checks the URL, version and placement.
func (p *Profile) checkBasics() error {
	switch {
	case !strings.HasPrefix(p.URL, "http://") && !strings.HasPrefix(p.URL, "https://"):
		return fmt.Errorf("url %q is not an http(s) URL", p.URL)
	case p.Version == 0:
		p.Version = 2
	case p.Version != 1 && p.Version != 2:
		return fmt.Errorf("versi = %d: the API versions are 1 and 2", p.Version)
	}
	if p.Placement == "" {
		p.Placement = PlaceCoordinates
	}
	if p.Origin == "" {
		p.Origin = OriginBottomLeft
	}
	if p.Placement != PlaceCoordinates && p.Placement != PlaceTag {
		return fmt.Errorf("penempatan = %q: expected %q or %q", p.Placement, PlaceCoordinates, PlaceTag)
	}
	if p.Origin != OriginBottomLeft && p.Origin != OriginTopLeft {
		return fmt.Errorf("asal = %q: expected %q or %q", p.Origin, OriginBottomLeft, OriginTopLeft)
	}
	return nil
}

// setLimits reads the timeout and the retries.
func (p *Profile) setLimits(fp fileProfile) error {
	if fp.BatasWaktu != "" {
		d, err := time.ParseDuration(fp.BatasWaktu)
		if err != nil || d <= 0 {
			return fmt.Errorf("batas_waktu = %q: expected a duration such as \"60s\"", fp.BatasWaktu)
		}
		p.Timeout = d
	}
	if fp.Ulang != nil {
		if *fp.Ulang < 0 || *fp.Ulang > maxRetries {
			return fmt.Errorf("ulang = %d: expected 0 to %d", *fp.Ulang, maxRetries)
		}
		p.Retries = *fp.Ulang
	}
	return nil
}

// setCredentials takes the HTTP Basic credentials from the profile or
// from kredensial_file (one line "user:password").
func (p *Profile) setCredentials(fp fileProfile, dir string) error {
	if fp.KredensialFile == "" {
		if p.User == "" {
			return errors.New("no client credentials: set pengguna and sandi, or kredensial_file")
		}
		return nil
	}
	if fp.Sandi != "" {
		return errors.New("sandi and kredensial_file both set: keep one")
	}
	b, err := infile.ReadFile(resolve(dir, fp.KredensialFile), 4096)
	if err != nil {
		return fmt.Errorf("kredensial_file: %w", err)
	}
	line, _, _ := strings.Cut(string(b), "\n")
	user, pass, ok := strings.Cut(strings.TrimRight(line, "\r"), ":")
	if !ok || user == "" {
		return fmt.Errorf("kredensial_file %s: expected one line user:password", fp.KredensialFile)
	}
	p.User, p.password = user, pass
	return nil
}

// setNIK reads the NIK of each party.
func (p *Profile) setNIK(m map[string]string) error {
	for k, v := range m {
		party, err := docinfo.ParseParty(k)
		if err != nil {
			return fmt.Errorf("nik.%s: %w", k, err)
		}
		if err := CheckNIK(v); err != nil {
			return fmt.Errorf("nik.%s: %w", k, err)
		}
		p.NIK[party] = v
	}
	return nil
}

// setRoots reads the trusted roots (PEM) from path.
func (p *Profile) setRoots(path string) error {
	b, err := infile.ReadFile(path, maxConfigSize)
	if err != nil {
		return fmt.Errorf("akar: %w", err)
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(b) {
		return fmt.Errorf("akar %s: no PEM certificate", path)
	}
	p.Roots, p.RootsSource = pool, path
	return nil
}

// resolve makes a relative path relative to dir.
func resolve(dir, path string) string {
	if filepath.IsAbs(path) {
		return path
	}
	return filepath.Join(dir, path)
}

// CheckNIK checks that s is a NIK: 16 decimal digits.
func CheckNIK(s string) error {
	if len(s) != 16 || strings.Trim(s, "0123456789") != "" {
		return fmt.Errorf("NIK %q is not 16 digits", s)
	}
	return nil
}
