package data_test

import (
	"fmt"
	"time"

	"kinerja/data"
)

func ExampleGroupThousands() {
	fmt.Println(data.GroupThousands("1234567"))
	fmt.Println(data.GroupThousands("-1000"))
	fmt.Println(data.GroupThousands("999"))
	// Output:
	// 1.234.567
	// -1.000
	// 999
}

func ExampleFormatTanggal() {
	fmt.Println(data.FormatTanggal(time.Date(2021, time.August, 17, 0, 0, 0, 0, time.UTC)))
	// Output: 17 Agustus 2021
}
