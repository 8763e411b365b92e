package pesan

// programHints are the hints of the program table's rows.
var _ = add(map[string]string{
	`the program name, e.g. program = "Program Penunjang Urusan Pemerintahan Daerah"`: `nama program, misalnya program = "Program Penunjang Urusan Pemerintahan Daerah"`,
	`the kegiatan name, e.g. kegiatan = "Penyediaan Jasa Penunjang"`:                  `nama kegiatan, misalnya kegiatan = "Penyediaan Jasa Penunjang"`,
	`the sub-kegiatan name, e.g. sub_kegiatan = "Penyediaan Jasa Kebersihan Kantor"`:  `nama sub kegiatan, misalnya sub_kegiatan = "Penyediaan Jasa Kebersihan Kantor"`,
})
