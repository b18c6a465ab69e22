"""Reading CRM exports: every row becomes a prospect or a row-numbered error, never nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pitchfit.errors import InputError
from pitchfit.prospect_io import detect_encoding, iter_prospect_rows, parse_mapping, read_prospects

HEADER = "First Name,Last Name,Email Address,Job Title,Company Name,Employees,Language,Hook\n"


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_common_headers_are_matched_and_unknown_columns_kept(tmp_path: Path) -> None:
    path = write(
        tmp_path, "p.csv", HEADER + "Anne,Dupont,anne@acme.fr,VP Sales,Acme,51-200,French,Saw X\n"
    )
    [row] = read_prospects(path)
    p = row.prospect
    assert p is not None
    assert (p.first_name, p.name, p.email, p.title, p.company) == (
        "Anne",
        "Anne Dupont",
        "anne@acme.fr",
        "VP Sales",
        "Acme",
    )
    assert p.company_size == 125  # a range becomes its midpoint
    assert p.languages == ["fr"]
    assert p.custom == {"hook": "Saw X", "last_name": "Dupont"}


def test_empty_first_name_stays_empty_instead_of_becoming_the_surname(tmp_path: Path) -> None:
    path = write(tmp_path, "p.csv", HEADER + ",Okafor,n@vantapay.com,VP Sales,Vantapay,400,en,\n")
    [row] = read_prospects(path)
    assert row.prospect is not None
    assert row.prospect.first_name == ""
    assert row.prospect.name == "Okafor"


@pytest.mark.parametrize("delimiter", [";", "\t", "|"])
def test_any_delimiter(tmp_path: Path, delimiter: str) -> None:
    text = f"Email{delimiter}Company Name\nbob@x.com{delimiter}X, Inc.\n"
    [row] = read_prospects(write(tmp_path, "p.csv", text))
    assert row.prospect is not None and row.prospect.company == "X, Inc."


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [("utf-8-sig", "utf-8-sig"), ("utf-16", "utf-16"), ("cp1252", "cp1252")],
)
def test_encodings_crms_write(tmp_path: Path, encoding: str, expected: str) -> None:
    text = "Name,Email,Company\nRené Müller,rene@x.de,Société Générale\n"
    path = write(tmp_path, "p.csv", text, encoding)
    assert detect_encoding(path) == expected
    [row] = read_prospects(path)
    assert row.prospect is not None
    assert (row.prospect.name, row.prospect.company) == ("René Müller", "Société Générale")


def test_a_broken_byte_in_a_utf8_file_is_an_error_on_that_row_only(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_bytes(
        "Name,Email\nRené,rene@x.de\n".encode() + b"Bad\xe9 Row,b@x.de\nZoe,zoe@x.de\n"
    )
    rows = read_prospects(path)
    assert [r.row for r in rows] == [1, 2, 3]
    assert rows[0].ok and rows[2].ok
    assert rows[1].error is not None and "encoding" in rows[1].error
    assert rows[1].line == 3


def test_bad_address_duplicate_and_invalid_fields_are_row_errors(tmp_path: Path) -> None:
    text = (
        "Email,Company,Employees,Status\n"
        "a@x.com,X,10,Open\n"
        "dana.at.northwind.com,N,10,Open\n"
        "A@X.com,X,10,Open\n"
        "c@y.com,Y,lots,Open\n"
        "d@y.com,Y,10,Frozen\n"
        ",Z,10,Open\n"
    )
    rows = list(iter_prospect_rows(write(tmp_path, "p.csv", text)))
    assert [r.row for r in rows] == [1, 2, 3, 4, 5, 6]
    assert rows[0].ok
    assert "bad e-mail address" in (rows[1].error or "")
    assert rows[1].email == "dana.at.northwind.com"
    assert "duplicate" in (rows[2].error or "") and "row 1" in (rows[2].error or "")
    assert "employees" in (rows[3].error or "")
    assert "status" in (rows[4].error or "")
    assert rows[5].error == "no e-mail address"


def test_status_words_from_crms_map_to_prospect_statuses(tmp_path: Path) -> None:
    text = "Email,Lead Status\na@x.com,Do Not Contact\nb@x.com,Opted Out\nc@x.com,New\n"
    rows = read_prospects(write(tmp_path, "p.csv", text))
    assert [r.prospect.status for r in rows if r.prospect] == ["declined", "unsubscribed", "active"]


def test_map_overrides_automatic_matching(tmp_path: Path) -> None:
    text = "Mail,Role Name,Org\na@x.com,VP Sales,Acme\n"
    mapping = parse_mapping("email=Mail, title=Role Name,company=org")
    [row] = read_prospects(write(tmp_path, "p.csv", text), mapping=mapping)
    assert row.prospect is not None
    assert (row.prospect.title, row.prospect.company) == ("VP Sales", "Acme")


@pytest.mark.parametrize("spec", ["title", "titel=Job Title", "title="])
def test_parse_mapping_rejects_nonsense(spec: str) -> None:
    with pytest.raises(InputError) as info:
        parse_mapping(spec)
    assert info.value.where == "--map"


def test_map_naming_a_missing_column_is_an_input_error(tmp_path: Path) -> None:
    path = write(tmp_path, "p.csv", "Email\na@x.com\n")
    with pytest.raises(InputError, match="no column"):
        read_prospects(path, mapping={"title": "Job Title"})


def test_jsonl_rows_with_nested_facts_and_a_broken_line(tmp_path: Path) -> None:
    lines = [
        json.dumps({"email": "a@x.com", "facts": [{"text": "Hiring", "source": "site"}]}),
        "{not json",
        json.dumps({"Email Address": "b@x.com", "Job Title": "CRO", "Plan": "pro"}),
    ]
    rows = read_prospects(write(tmp_path, "p.jsonl", "\n".join(lines) + "\n"))
    assert [r.row for r in rows] == [1, 2, 3]
    assert rows[0].prospect is not None and rows[0].prospect.facts[0].source == "site"
    assert rows[1].error is not None and "JSON" in rows[1].error
    assert rows[2].prospect is not None and rows[2].prospect.title == "CRO"
    assert rows[2].prospect.custom == {"plan": "pro"}


def test_xlsx(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["First Name", "Email", "Employees"])
    sheet.append(["Ana", "ana@x.com", 250])
    sheet.append(["Bo", "not-an-address", 10])
    book.save(tmp_path / "p.xlsx")
    rows = read_prospects(tmp_path / "p.xlsx")
    assert rows[0].prospect is not None and rows[0].prospect.company_size == 250
    assert rows[1].error is not None and "bad e-mail" in rows[1].error


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_prospects(tmp_path / "nope.csv")
