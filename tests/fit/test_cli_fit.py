"""``pitchfit fit``: the table, the machine formats, CRM exports and one-line errors."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from pitchfit.cli.main import main

from .conftest import EXAMPLES

OFFER = str(EXAMPLES / "offer.yaml")
PROSPECTS = str(EXAMPLES / "prospects.yaml")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(["fit", *args])
    except SystemExit as exc:
        code = exc.code
    out, err = capsys.readouterr()
    return int(code or 0), out, err


def test_table_shows_segments_and_reasons(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--prospects", PROSPECTS, "--offer", OFFER, "--fast")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split()[:2] == ["SEG", "SCORE"]
    maria = next(line for line in lines if "Maria Lopez" in line)
    assert maria.startswith("B") and "wrong person" in maria
    assert "23 prospects for RampUp: A 8 · B 5 · C 4 · X 6" in out
    assert "method lexical" in out


def test_json_and_jsonl(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(
        capsys, "--prospects", PROSPECTS, "--offer", OFFER, "--fast", "--format", "json"
    )
    data = json.loads(out)
    assert len(data) == 23 and data[0]["id"] == "p01" and data[0]["segment"] == "A"
    _, out, _ = run(
        capsys,
        "--prospects",
        PROSPECTS,
        "--offer",
        OFFER,
        "--fast",
        "--format",
        "jsonl",
        "--segment",
        "X",
    )
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["segment"] for r in rows] == ["X"] * 6


def test_one_prospect_in_detail(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    cfo = tmp_path / "cfo.yaml"
    cfo.write_text(
        "name: Maria Lopez\ntitle: CFO\ncompany: Brightloop\nindustry: SaaS\n"
        "company_size: 240\nfacts:\n  - We are hiring 12 account executives.\n"
    )
    code, out, _ = run(capsys, "--prospect", str(cfo), "--offer", OFFER, "--fast")
    assert code == 0
    assert "segment B" in out and "ask for: VP Sales" in out
    assert "who at Brightloop owns this problem" in out
    _, out, _ = run(capsys, "--prospect", str(cfo), "--offer", OFFER, "--fast", "--format", "json")
    data = json.loads(out)
    assert data["wrong_person"] is True and data["ask_for"] == "VP Sales"


def test_crm_csv_with_mapped_columns(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    export = tmp_path / "crm.csv"
    export.write_text(
        "Full Name;Job Title;Account Name;Vertical;Employees;Notes\n"
        "Sarah Chen;VP Sales;Brightloop;SaaS;240;Hiring 12 account executives in Austin\n"
        "Mia Rossi;Head of Sales;Pixelcraft;SaaS;15;\n",
        encoding="utf-8-sig",
    )
    code, out, err = run(
        capsys,
        "--prospects",
        str(export),
        "--offer",
        OFFER,
        "--fast",
        "--map",
        "industry=Vertical,facts=Notes",
        "--format",
        "csv",
    )
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["name"], r["segment"]) for r in rows] == [("Sarah Chen", "A"), ("Mia Rossi", "X")]
    assert rows[1]["disqualified_by"] == "company_size"


def test_output_file_is_written(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "out" / "fit.jsonl"
    code, out, _ = run(
        capsys,
        "--prospects",
        PROSPECTS,
        "--offer",
        OFFER,
        "--fast",
        "--format",
        "jsonl",
        "-o",
        str(target),
    )
    assert code == 0 and out == ""
    assert len(target.read_text().splitlines()) == 23


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--prospects", "missing.csv", "--offer", OFFER], "missing.csv: no such file"),
        (["--offer", OFFER], "exactly one of --prospect"),
        (["--prospects", PROSPECTS, "--offer", OFFER, "--segment", "Q"], "--segment"),
    ],
)
def test_user_errors_are_one_line(
    capsys: pytest.CaptureFixture[str], args: list[str], needle: str
) -> None:
    code, _, err = run(capsys, *args)
    assert code == 2
    assert needle in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_bad_offer_names_the_field(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    offer = tmp_path / "offer.yaml"
    offer.write_text("name: X\ncompany_size: {min: -3}\n")
    code, _, err = run(capsys, "--prospects", PROSPECTS, "--offer", str(offer))
    assert code == 2 and "company_size.min" in err


def test_workers_give_the_same_answers() -> None:
    from pitchfit.fit.batch import fit_all
    from pitchfit.io import load_offer

    from .conftest import load_prospects

    offer = load_offer(OFFER)
    people = load_prospects(EXAMPLES / "prospects.yaml") * 3
    one = fit_all(people, offer, method="lexical", workers=1)
    two = fit_all(people, offer, method="lexical", workers=2, chunk=20)
    assert [r.to_dict() for r in one] == [r.to_dict() for r in two]


def test_the_crm_example_reads_without_a_map(capsys: pytest.CaptureFixture[str]) -> None:
    crm = str(EXAMPLES / "fit" / "crm-export.csv")
    code, out, err = run(
        capsys, "--prospects", crm, "--offer", OFFER, "--fast", "--format", "jsonl"
    )
    assert code == 0
    assert [json.loads(line)["segment"] for line in out.splitlines()] == [
        "A",
        "B",
        "X",
        "C",
        "X",
        "A",
    ]
    assert "row 7 skipped: bad e-mail address" in err


def test_an_offer_without_needs_is_warned_about(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    offer = tmp_path / "offer.yaml"
    offer.write_text("name: Thing\nroles: [VP Sales]\n")
    code, out, err = run(capsys, "--prospects", PROSPECTS, "--offer", str(offer), "--fast")
    assert code == 0 and "lists no needs" in err
    assert " A 0 · B 0 " in out


def test_the_ledger_makes_a_listed_person_x(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from pitchfit.store.ledger import suppress

    db = f"sqlite:///{tmp_path / 'ledger.db'}"
    suppress("sarah.chen@brightloop.io", reason="declined", evidence="no thanks", db=db)
    code, out, err = run(
        capsys,
        "--prospects",
        PROSPECTS,
        "--offer",
        OFFER,
        "--fast",
        "--format",
        "jsonl",
        "--db",
        db,
    )
    assert code == 0, err
    rows = {r["id"]: r for r in map(json.loads, out.splitlines())}
    assert rows["p01"]["segment"] == "X"
    assert rows["p01"]["disqualified_by"] == ["suppressed:declined"]
    assert "suppression ledger" in rows["p01"]["reasons"][0]
    assert rows["p02"]["segment"] == "A"


def test_no_store_means_nothing_suppressed(tmp_path: Path) -> None:
    from pitchfit.fit.batch import load_ledger

    assert load_ledger(f"sqlite:///{tmp_path / 'absent.db'}") == {}
    assert not (tmp_path / "absent.db").exists()


def test_fit_method_comes_from_the_config_like_check(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    config = tmp_path / "pitchfit.toml"
    config.write_text('fit-method = "lexical"\n')
    _, out, _ = run(capsys, "--prospects", PROSPECTS, "--offer", OFFER, "--config", str(config))
    assert out.rstrip().endswith("method lexical")


def test_sort_by_segment_puts_a_first(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(
        capsys,
        "--prospects",
        PROSPECTS,
        "--offer",
        OFFER,
        "--fast",
        "--format",
        "jsonl",
        "--sort",
        "segment",
    )
    rows = [json.loads(line) for line in out.splitlines()]
    segments = [r["segment"] for r in rows]
    assert segments == sorted(segments, key="ABCX".index)
    b_scores = [r["score"] for r in rows if r["segment"] == "B"]
    assert b_scores == sorted(b_scores, reverse=True)
