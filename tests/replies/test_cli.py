"""``pitchfit replies parse|classify``: formats, per-message errors and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from pitchfit.cli.main import cli

OOO = """\
From: Kim <kim@acme.example>
To: me@us.example
Subject: Automatic reply: Offer
Date: Wed, 09 Apr 2025 08:00:00 +0000
Message-ID: <ooo-1@acme.example>
Auto-Submitted: auto-replied
Content-Type: text/plain; charset=x-made-up

I am away until Monday. Urgent matters: desk@acme.example
"""
TRUNCATED = """\
From: a@b.example
To: c@d.example
Subject: Re: hi
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary="XX"

--XX
Content-Type: text/plain

Sounds good, let's ta"""


def _files(tmp_path: Path) -> dict[str, Path]:
    files = {
        "ooo": tmp_path / "ooo.eml",
        "no": tmp_path / "no.txt",
        "empty": tmp_path / "empty.txt",
        "truncated": tmp_path / "cut.eml",
        "jsonl": tmp_path / "r.jsonl",
    }
    files["ooo"].write_text(OOO, encoding="utf-8")
    files["no"].write_text(
        "No thanks.\n\nOn Mon, 7 Apr 2025, Sam <sam@us.example> wrote:\n> Demo?\n", encoding="utf-8"
    )
    files["empty"].write_text("", encoding="utf-8")
    files["truncated"].write_text(TRUNCATED, encoding="utf-8")
    files["jsonl"].write_text(
        '{"text": "Take me off your list."}\nnot json\n'
        '{"text": "Je suis absent jusqu\'au 14 avril inclus.", "received_at": "2025-04-09"}\n',
        encoding="utf-8",
    )
    return files


def test_classify_jsonl_output_and_errors(tmp_path: Path) -> None:
    f = _files(tmp_path)
    result = CliRunner().invoke(
        cli, ["replies", "classify", "--format", "jsonl", *(str(p) for p in f.values())]
    )
    assert result.exit_code == 2
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    by_loc = {Path(r["location"]).name: r for r in rows}
    assert by_loc["ooo.eml"]["intent"] == "out_of_office"
    assert by_loc["ooo.eml"]["return_date"] == "2025-04-14"
    assert by_loc["no.txt"]["intent"] == "not_interested"
    assert by_loc["r.jsonl:1"]["next_action"] == "suppress"
    assert by_loc["r.jsonl:3"]["return_date"] == "2025-04-15"
    errors = [line for line in result.stderr.splitlines() if "error" in line]
    assert len(errors) == 3  # empty file, truncated .eml, bad JSON line
    assert all(line.startswith("pitchfit: error: ") for line in errors)
    assert any("empty.txt" in e for e in errors) and any("cut.eml" in e for e in errors)
    assert any("r.jsonl:2" in e for e in errors)
    assert "x-made-up" in result.stderr  # the guessed charset is reported, not fatal
    assert "Traceback" not in result.output


def test_clean_input_exits_zero_with_a_table(tmp_path: Path) -> None:
    f = _files(tmp_path)
    result = CliRunner().invoke(cli, ["replies", "classify", str(f["no"])])
    assert result.exit_code == 0
    header, row = result.stdout.splitlines()
    assert header.split()[:4] == ["location", "intent", "conf", "next_action"]
    assert "not_interested" in row and "ask_once_then_stop" in row


def test_parse_formats_and_output_file(tmp_path: Path) -> None:
    f = _files(tmp_path)
    out = tmp_path / "parsed.json"
    result = CliRunner().invoke(
        cli, ["replies", "parse", "--format", "json", "-o", str(out), str(f["no"]), str(f["ooo"])]
    )
    assert result.exit_code == 0, result.output
    rows = json.loads(out.read_text(encoding="utf-8"))
    assert rows[0]["body"] == "No thanks."
    assert rows[1]["is_auto_reply"] is True and rows[1]["message_id"] == "<ooo-1@acme.example>"
    text = CliRunner().invoke(cli, ["replies", "parse", str(f["no"])])
    assert "No thanks." in text.stdout and "Demo?" not in text.stdout


def test_parse_maildir_and_mbox(tmp_path: Path) -> None:
    maildir = tmp_path / "Mail"
    (maildir / "cur").mkdir(parents=True)
    (maildir / "new").mkdir()
    (maildir / "new" / "1.x").write_text(OOO, encoding="utf-8")
    box = tmp_path / "in.mbox"
    box.write_text(
        "From kim@acme.example Wed Apr  9 08:00:00 2025\n" + OOO + "\n"
        "From lo@acme.example Wed Apr  9 09:00:00 2025\nFrom: lo@acme.example\nTo: me@us.example\n"
        "Subject: Re: Offer\n\nYes, call me.\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        cli, ["replies", "parse", "--format", "jsonl", str(maildir), str(box)]
    )
    assert result.exit_code == 0, result.output
    bodies = [json.loads(line)["body"] for line in result.stdout.splitlines()]
    assert bodies[0].startswith("I am away") and bodies[-1] == "Yes, call me."
    assert len(bodies) == 3
