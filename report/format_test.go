package report

import (
	"fmt"
	"testing"
)

func TestFormatPercent(t *testing.T) {
	tests := []struct {
		v    float64
		want string
	}{
		{91.5, "91,5%"}, {100, "100%"}, {0, "0%"}, {102.469135, "102,47%"}, {87.5, "87,5%"},
		{90.996, "91%"}, {33.333333, "33,33%"}, {1234.5, "1.234,5%"}, {-0.001, "0%"},
	}
	for _, tt := range tests {
		if got := FormatPercent(tt.v); got != tt.want {
			t.Errorf("FormatPercent(%v) = %q; want %q", tt.v, got, tt.want)
		}
	}
}

func TestFormatRupiah(t *testing.T) {
	tests := []struct {
		n    int64
		want string
	}{
		{1234567, "Rp 1.234.567"}, {0, "Rp 0"}, {999, "Rp 999"}, {1000, "Rp 1.000"},
		{12_500_000_000, "Rp 12.500.000.000"}, {-50000, "-Rp 50.000"},
	}
	for _, tt := range tests {
		if got := FormatRupiah(tt.n); got != tt.want {
			t.Errorf("FormatRupiah(%d) = %q; want %q", tt.n, got, tt.want)
		}
	}
}

func TestFormatNumberAndFixed(t *testing.T) {
	if got := FormatNumber(3.5); got != "3,5" {
		t.Errorf("FormatNumber(3.5) = %q", got)
	}
	if got := FormatNumber(1250); got != "1.250" {
		t.Errorf("FormatNumber(1250) = %q", got)
	}
	if got := fixed(94.875); got != "94.88" {
		t.Errorf("fixed(94.875) = %q", got)
	}
	if got := fixed(100); got != "100.00" {
		t.Errorf("fixed(100) = %q", got)
	}
}

func TestValueText(t *testing.T) {
	tests := []struct {
		v    Value
		want string
	}{
		{Value{Status: StatusOK, Raw: 130, Capped: 120}, "120%"},
		{Value{Status: StatusNA}, "N/A"},
		{Value{Status: StatusNotEvaluable}, "tidak dapat dievaluasi"},
		{Value{Status: StatusNotReleased}, "belum dirilis"},
		{Value{Status: StatusNotReported}, "belum dilaporkan"},
	}
	for _, tt := range tests {
		if got := tt.v.Text(); got != tt.want {
			t.Errorf("%+v.Text() = %q; want %q", tt.v, got, tt.want)
		}
	}
}

func ExampleFormatPercent() {
	fmt.Println(FormatPercent(91.5), FormatPercent(100), FormatRupiah(1234567))
	// Output: 91,5% 100% Rp 1.234.567
}
