"""The labelled-data loaders: templates filled, real emails untouched, ``mixed`` left out."""

from __future__ import annotations

import json
from pathlib import Path

from pitchfit.scoring.dataset import (
    data_hash,
    fill_merge_fields,
    load_own_emails,
    load_shared_emails,
)

FIELD_SYNTAXES = (
    "{{First_Name}}",
    "{{ company }}",
    "{first_name}",
    "[First Name]",
    "[similar company]",
    "%FIRSTNAME%",
    "<COMPANY>",
    "[[Company]]",
)


def test_every_merge_field_syntax_is_filled() -> None:
    for field in FIELD_SYNTAXES:
        filled = fill_merge_fields(f"Hi {field}, quick one.")
        assert field not in filled
        assert not any(ch in filled for ch in "{}[]%<>"), filled


def test_names_go_to_names_and_companies_to_companies() -> None:
    out = fill_merge_fields("Hi {{first_name}}, saw {{Company}} and [similar company].")
    assert out == "Hi Dana, saw Northwind and Contoso."


def test_shared_templates_are_filled_and_real_emails_kept(shared_dir: Path) -> None:
    raw = {
        json.loads(line)["id"]: json.loads(line)
        for line in (shared_dir / "data" / "emails.jsonl").read_text("utf-8").splitlines()
    }
    loaded = {e.id: e for e in load_shared_emails(shared_dir)}
    assert all(raw[i]["verdict"] in ("good", "bad") for i in loaded)
    assert any(r["verdict"] == "mixed" for r in raw.values()) and not any(
        raw[i]["verdict"] == "mixed" for i in loaded
    )
    for i, email in loaded.items():
        if raw[i].get("is_template"):
            assert "{{" not in email.body
        else:
            assert email.body == raw[i]["body"]
        assert email.bad == (raw[i]["verdict"] == "bad")


def test_own_files_are_one_source_each(tmp_path: Path) -> None:
    folder = tmp_path / "examples" / "labelled"
    folder.mkdir(parents=True)
    rows = [
        {"id": "a", "verdict": "good", "body": "Hi Ana, worth a chat?"},
        {"id": "b", "verdict": "bad", "body": "Dear Sir/Madam, {first_name}"},
        {"id": "c", "verdict": "mixed", "body": "Hi"},
    ]
    (folder / "mine.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n\n", "utf-8")
    emails = list(load_own_emails(tmp_path))
    assert [e.id for e in emails] == ["a", "b"]
    assert {e.source for e in emails} == {"examples/labelled/mine.jsonl"}
    assert emails[1].body.endswith("{first_name}")  # our own emails are never filled
    before = data_hash([folder / "mine.jsonl"])
    (folder / "mine.jsonl").write_text(json.dumps(rows[0]) + "\n", "utf-8")
    assert data_hash([folder / "mine.jsonl"]) != before
