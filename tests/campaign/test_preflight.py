"""Preflight per-row results on a CSV with the flaws real campaigns have; nothing dropped."""

from __future__ import annotations

import csv
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from pitchfit.campaign import preflight
from pitchfit.errors import InputError

from .conftest import EXAMPLE, OFFER

START = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
TEMPLATE = EXAMPLE / "template.txt.j2"
HEADER = ["First Name", "Last Name", "Email", "Job Title", "Company", "Industry", "Employees"]
HEADER += ["Language", "Status", "Research", "Hook"]
GOOD = "Saw {c} has 12 open AE roles across Austin and London."


def row(first: str, email: str, **kw: str) -> list[str]:
    company = kw.get("company", "Brightloop")
    return [
        first,
        kw.get("last", "Chen"),
        email,
        kw.get("title", "VP Sales"),
        company,
        kw.get("industry", "B2B software"),
        kw.get("size", "240"),
        kw.get("lang", "en"),
        kw.get("status", "Open"),
        kw.get("research", "Careers page lists 12 open Account Executive roles."),
        kw.get("hook", GOOD.format(c=company)),
    ]


ROWS = [
    row("Sarah", "sarah@brightloop.io"),  # 1: fine
    row("", "okafor@vantapay.com", company="Vantapay", last="Okafor"),  # 2: empty first name
    row("Camille", "camille@finora.fr", company="Finora", lang="fr", last="Lefèvre"),  # 3: French
    row("Daniel", "dkim@orbitly.io", company="Orbitly", last="Kim"),  # 4: said no in history
    row("Dana", "dana.at.northwind.com", company="Northwind"),  # 5: malformed address
    row("Sarah", "SARAH@brightloop.io"),  # 6: duplicate of 1
    row("Peter", "peter@ledgerstack.cz", company="Ledgerstack", status="Declined"),  # 7
    row("Ben", "ben@tinytask.io", company="Tinytask", size="15"),  # 8: too small -> X
]

NO_HISTORY = [
    {
        "direction": "out",
        "sent_at": "2026-06-02T09:14:00Z",
        "subject": "Orbitly's hiring",
        "body": "Hi Daniel, RampUp gets new reps to quota in half the time. Worth a look?",
    },
    {
        "direction": "in",
        "sent_at": "2026-06-03T16:40:00Z",
        "subject": "Re: Orbitly's hiring",
        "body": "Thanks, but we're not interested. Please don't contact me again.",
    },
]


def make_campaign(tmp_path: Path, rows: list[list[str]] = ROWS, encoding: str = "utf-8") -> Path:
    path = tmp_path / "prospects.csv"
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(rows)
    history = tmp_path / "history"
    history.mkdir(exist_ok=True)
    (history / "dkim@orbitly.io.json").write_text(json.dumps(NO_HISTORY), "utf-8")
    return path


def run(
    tmp_path: Path, prospects: Path, out: str = "out", **kw: Any
) -> tuple[Any, list[dict[str, Any]]]:
    kw.setdefault("history", tmp_path / "history")
    kw.setdefault("template", TEMPLATE)
    kw.setdefault("workers", 1)
    result = preflight(
        prospects, offer=OFFER, out=tmp_path / out, start=START, progress=False, **kw
    )
    lines = (tmp_path / out / "results.jsonl").read_text("utf-8").splitlines()
    return result, [json.loads(line) for line in lines]


@pytest.fixture(scope="module")
def flawed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, list[dict[str, Any]]]:
    tmp = tmp_path_factory.mktemp("flawed")
    return run(tmp, make_campaign(tmp))


def names(result: dict[str, Any]) -> set[str]:
    return {f["name"] for f in result["findings"]}


def test_one_line_per_input_row_in_input_order(flawed: Any) -> None:
    _, results = flawed
    assert [r["row"] for r in results] == list(range(1, len(ROWS) + 1))
    assert [r["email"] for r in results] == [r[2] for r in ROWS]
    for r in results:
        assert {
            "row",
            "id",
            "email",
            "segment",
            "score",
            "band",
            "findings",
            "blocked_reason",
        } <= set(r)


def test_a_clean_row_goes_to_send_csv_with_its_rendered_email(flawed: Any) -> None:
    result, results = flawed
    assert results[0]["blocked_reason"] is None and results[0]["band"] == "send"
    with (result.out / "send.csv").open(encoding="utf-8", newline="") as handle:
        sent = list(csv.DictReader(handle))
    assert [s["email"] for s in sent] == ["sarah@brightloop.io"]
    assert sent[0]["subject"] == "Brightloop: new reps to quota sooner"
    assert sent[0]["body"].startswith("Hi Sarah,\n\nSaw Brightloop has 12 open AE roles")


def test_empty_first_name_is_a_finding_at_the_gap_and_blocks(flawed: Any) -> None:
    _, results = flawed
    r = results[1]
    gaps = [f for f in r["findings"] if "first_name" in f["message"]]
    assert len(gaps) == 1
    assert gaps[0]["name"] == "unfilled-placeholder" and gaps[0]["severity"] == "error"
    body = r["emails"][0]["body"]
    assert body.startswith("Hi ,")
    assert gaps[0]["span"]["start"] == 3 and gaps[0]["span"]["line"] == 1
    assert r["band"] == "block" and r["blocked_reason"]


def test_french_speaker_under_an_english_template_gets_wrong_language(flawed: Any) -> None:
    _, results = flawed
    assert "wrong-language" in names(results[2])
    assert "wrong-language" not in names(results[0])


def test_a_no_in_history_blocks_with_its_date_and_words(flawed: Any) -> None:
    _, results = flawed
    r = results[3]
    assert r["band"] == "block"
    assert r["blocked_reason"].startswith("said no on 2026-06-03")
    assert "not interested" in r["blocked_reason"]
    assert r["suppression"]["at"] == "2026-06-03"


def test_malformed_address_and_duplicate_are_reported_not_dropped(flawed: Any) -> None:
    _, results = flawed
    assert results[4]["blocked_reason"] == (
        "unreadable row: bad e-mail address 'dana.at.northwind.com'"
    )
    assert results[5]["blocked_reason"] == (
        "unreadable row: duplicate prospect: same e-mail address as row 1"
    )
    assert results[4]["score"] is None and results[4]["findings"] == []


def test_declined_status_and_disqualified_rows_are_blocked(flawed: Any) -> None:
    _, results = flawed
    assert results[6]["blocked_reason"] == "status declined in the prospects file"
    assert results[7]["segment"] == "X"
    assert results[7]["blocked_reason"].startswith("disqualified (segment X)")


def test_summary_counts_every_row_and_exit_code_is_1(flawed: Any) -> None:
    result, results = flawed
    summary = json.loads((result.out / "summary.json").read_text("utf-8"))
    assert summary["rows"] == len(ROWS)
    assert summary["unreadable"] == 2
    assert summary["blocked"] == sum(1 for r in results if r["blocked_reason"])
    assert summary["blocked"] >= 6
    assert summary["to_send"] + summary["blocked"] + summary["bands"].get("revise", 0) <= len(ROWS)
    assert result.exit_code == 1 and summary["exit_code"] == 1


def test_non_utf8_file_reads_names_correctly(tmp_path: Path) -> None:
    rows = [row("René", "rene@brightloop.io", last="Müller", company="Société Générale")]
    prospects = make_campaign(tmp_path, rows, encoding="cp1252")
    _, results = run(tmp_path, prospects)
    assert results[0]["name"] == "René Müller"
    assert results[0]["emails"][0]["body"].startswith("Hi René,")
    assert results[0]["emails"][0]["subject"].startswith("Société Générale:")


def test_suppression_ledger_blocks_with_date_and_reply(tmp_path: Path) -> None:
    from pitchfit.store.ledger import suppress

    db = f"sqlite:///{tmp_path / 'ledger.db'}"
    suppress(
        "sarah@brightloop.io",
        reason="declined",
        at=datetime(2026, 5, 4, tzinfo=UTC),
        evidence="Not for us, thanks. Please stop emailing.",
        db=db,
    )
    prospects = make_campaign(tmp_path, ROWS[:1])
    result, results = run(tmp_path, prospects, db=db)
    assert results[0]["blocked_reason"] == (
        'suppressed (declined) on 2026-05-04: "Not for us, thanks. Please stop emailing."'
    )
    assert "suppressed-contact" in names(results[0])
    assert result.exit_code == 1


def test_two_workers_give_the_same_results_as_one(tmp_path: Path) -> None:
    prospects = make_campaign(tmp_path)
    _, one = run(tmp_path, prospects, out="one", chunk_size=2)
    _, two = run(tmp_path, prospects, out="two", workers=2, chunk_size=2)
    assert one == two


def test_a_clean_campaign_exits_0(tmp_path: Path) -> None:
    prospects = make_campaign(tmp_path, ROWS[:1])
    result, _ = run(tmp_path, prospects)
    assert result.exit_code == 0


def test_refuses_to_write_into_a_folder_holding_other_files(tmp_path: Path) -> None:
    prospects = make_campaign(tmp_path, ROWS[:1])
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "notes.txt").write_text("mine", "utf-8")
    with pytest.raises(InputError, match="other files"):
        run(tmp_path, prospects)
    assert not (tmp_path / "out" / "results.jsonl").exists()
    run(tmp_path, prospects, force=True)
    assert (tmp_path / "out" / "notes.txt").read_text("utf-8") == "mine"
    assert (tmp_path / "out" / "results.jsonl").exists()


def test_interrupt_leaves_no_half_written_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pitchfit.campaign import outputs

    prospects = make_campaign(tmp_path)
    real_add = outputs.Summary.add

    def interrupting_add(self: outputs.Summary, result: dict[str, Any], *, sendable: bool) -> None:
        if self.rows == 3:
            raise KeyboardInterrupt
        real_add(self, result, sendable=sendable)

    monkeypatch.setattr(outputs.Summary, "add", interrupting_add)
    with pytest.raises(KeyboardInterrupt):
        run(tmp_path, prospects)
    assert list((tmp_path / "out").iterdir()) == []


def test_template_syntax_error_is_an_input_error_naming_the_line(tmp_path: Path) -> None:
    template = tmp_path / "t.j2"
    template.write_text("Hi {{ first_name },\n\nthanks\n", "utf-8")
    with pytest.raises(InputError) as info:
        run(tmp_path, make_campaign(tmp_path, ROWS[:1]), template=template)
    assert "line 1" in (info.value.where or "")


def test_history_as_one_file_keyed_by_email_and_a_broken_history(tmp_path: Path) -> None:
    prospects = make_campaign(tmp_path, [ROWS[0], ROWS[3]])
    history = tmp_path / "history.yaml"
    history.write_text(
        json.dumps(
            {
                "DKIM@orbitly.io": NO_HISTORY,
                "sarah@brightloop.io": [{"direction": "sideways", "sent_at": "2026-01-01"}],
            }
        ),
        "utf-8",
    )
    _, results = run(tmp_path, prospects, history=history)
    assert results[0]["blocked_reason"].startswith("history could not be read:")
    assert "direction" in results[0]["blocked_reason"]
    assert results[1]["blocked_reason"].startswith("said no on 2026-06-03")


def test_summary_counts_empty_merge_fields(flawed: Any) -> None:
    result, results = flawed
    summary = json.loads((result.out / "summary.json").read_text("utf-8"))
    assert summary["empty_fields"] == {"first_name": 1}
    assert results[1]["empty_fields"] == ["first_name"]


def test_right_company_wrong_person_is_not_pitched(tmp_path: Path) -> None:
    rows = [row("Sarah", "sarah@brightloop.io"), row("Omar", "omar@brightloop.io", title="CFO")]
    result, results = run(tmp_path, make_campaign(tmp_path, rows))
    cfo = results[1]
    assert cfo["fit"]["wrong_person"] is True
    assert cfo["band"] == "revise" and cfo["blocked_reason"] is None
    assert "ask who owns" in cfo["revise_reason"]
    with (result.out / "send.csv").open(encoding="utf-8", newline="") as handle:
        assert [s["email"] for s in csv.DictReader(handle)] == ["sarah@brightloop.io"]
