"""Reading import files: CSV as spreadsheets export it, and JSON Lines."""

import pytest

from kennisbank.importing.sources import FileError, read_source

HEADER = "external_id;type;title;summary;body;themes;visibility;published"


def write(tmp_path, name, content: bytes):
    path = tmp_path / name
    path.write_bytes(content)
    return path


def test_csv_with_semicolons_bom_and_a_cell_over_several_lines(tmp_path):
    content = (
        f"{HEADER}\r\n"
        'kb-1;handreiking;Titel;Samenvatting;"Eerste alinea.\r\n\r\nTweede; met puntkomma.";'
        "APV|Bibob;public;2025-06-01\r\n"
        ";;;;;;;\r\n"
        "kb-2;factsheet;Tweede;Samenvatting;Tekst;APV;members;nee\r\n"
    )
    source = read_source(write(tmp_path, "items.csv", b"\xef\xbb\xbf" + content.encode()))

    assert source.unit == "Rij"
    first, second = source.records
    assert first.number == 2 and first.data["external_id"] == "kb-1"
    assert first.data["body"] == "Eerste alinea.\n\nTweede; met puntkomma."
    assert first.data["themes"] == "APV|Bibob"
    # Row 3 is empty in the spreadsheet: skipped, but still counted.
    assert second.number == 4 and second.data["published"] == "nee"


def test_csv_with_commas_and_excel_windows_encoding(tmp_path):
    content = (
        HEADER.replace(";", ",") + '\nkb-1,tool,"Financiële tool, versie 2",S,B,APV,public,ja\n'
    )
    source = read_source(write(tmp_path, "items.csv", content.encode("cp1252")))

    assert source.records[0].data["title"] == "Financiële tool, versie 2"
    assert "Windows-1252" in source.notes[0]


def test_csv_row_with_more_cells_than_columns_is_an_error_of_that_row(tmp_path):
    content = f"{HEADER}\nkb-1;tool;T;S;B;APV;public;ja;over\n"
    record = read_source(write(tmp_path, "items.csv", content.encode())).records[0]

    assert record.number == 2 and "meer cellen (9) dan er kolommen zijn (8)" in record.error


@pytest.mark.parametrize(
    ("header", "message"),
    [
        (HEADER + ";onwer", "Onbekende kolommen: onwer"),
        ("external_id;type;title", "Ontbrekende kolommen: summary, body, published"),
        (HEADER + ";title", "Dubbele kolommen: title"),
        ("", "Het bestand is leeg"),
    ],
)
def test_csv_with_wrong_columns_is_refused_as_a_whole(tmp_path, header, message):
    with pytest.raises(FileError, match=message):
        read_source(write(tmp_path, "items.csv", f"{header}\n".encode()))


def test_json_lines_keep_their_line_numbers_and_report_unreadable_lines(tmp_path):
    content = b'{"external_id": "kb-1"}\n\n[1, 2]\n{kapot\n'
    records = read_source(write(tmp_path, "items.jsonl", content)).records

    assert [record.number for record in records] == [1, 3, 4]
    assert records[0].data == {"external_id": "kb-1"}
    assert records[1].error == "verwacht een JSON-object"
    assert records[2].error.startswith("geen geldige JSON")


def test_format_from_option_or_extension(tmp_path):
    path = write(tmp_path, "export.txt", f"{HEADER}\nkb-1;tool;T;S;B;APV;public;ja\n".encode())

    with pytest.raises(FileError, match="--format"):
        read_source(path)
    assert read_source(path, "csv").records[0].data["type"] == "tool"
