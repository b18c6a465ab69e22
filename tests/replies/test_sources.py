"""iter_messages: files, mbox, Maildir and .jsonl; a broken message never stops the rest."""

from __future__ import annotations

from pathlib import Path

import pytest

from pitchfit.errors import InputError
from pitchfit.replies.sources import iter_messages, iter_records


def _msg(n: int, body: str) -> str:
    head = f"From: p{n}@acme.example\nTo: me@us.example\nSubject: Re {n}\nMessage-ID: <m{n}@acme>"
    return f"{head}\n\n{body}\n"


def test_mbox_split_and_from_unescaped(tmp_path: Path) -> None:
    box = tmp_path / "in.mbox"
    box.write_text(
        "From p1@acme.example Mon Mar  3 10:00:00 2025\n"
        + _msg(1, "Yes please.\n>From the top, go.")
        + "\nFrom p2@acme.example Mon Mar  3 11:00:00 2025\n"
        + _msg(2, "No thanks.")
        + "\nFrom p3@acme.example Mon Mar  3 12:00:00 2025\n"
        + _msg(3, "Later."),
        encoding="utf-8",
    )
    got = list(iter_messages(box))
    assert [label for label, _ in got] == [f"{box}#1", f"{box}#2", f"{box}#3"]
    first = got[0][1]
    assert isinstance(first, bytes)
    assert b"\nFrom the top, go." in first and b">From" not in first


def test_big_mbox_streams_every_message(tmp_path: Path) -> None:
    box = tmp_path / "big.mbox"
    with box.open("w", encoding="utf-8") as handle:
        for n in range(2000):
            handle.write(f"From p{n}@x Mon Mar  3 10:00:00 2025\n" + _msg(n, "Body line.\n" * 50))
            handle.write("\n")
    assert sum(1 for _ in iter_messages(box)) == 2000


def test_maildir_reads_cur_and_new(tmp_path: Path) -> None:
    for sub in ("cur", "new", "tmp"):
        (tmp_path / sub).mkdir()
    (tmp_path / "cur" / "1.host:2,S").write_text(_msg(1, "one"), encoding="utf-8")
    (tmp_path / "new" / "2.host").write_text(_msg(2, "two"), encoding="utf-8")
    (tmp_path / "tmp" / "3.host").write_text(_msg(3, "half-delivered"), encoding="utf-8")
    raws = [raw for _, raw in iter_messages(tmp_path)]
    assert len(raws) == 2
    assert all(b"half-delivered" not in r for r in raws if isinstance(r, bytes))


def test_jsonl_bad_lines_are_reported_and_skipped(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    path.write_text(
        '{"text": "Yes, call me.", "received_at": "2025-03-03"}\n{oops\n{"body": "no text"}\n'
        '\n{"text": "   "}\n{"text": "Remove me."}\n',
        encoding="utf-8",
    )
    errors: list[InputError] = []
    got = list(iter_records(path, on_error=errors.append))
    assert [(label, raw) for label, raw, _ in got] == [
        (f"{path}:1", "Yes, call me."),
        (f"{path}:6", "Remove me."),
    ]
    assert got[0][2] == {"received_at": "2025-03-03"}
    assert [e.where for e in errors] == [f"{path}:2", f"{path}:3", f"{path}:5"]


def test_without_on_error_the_first_problem_is_raised(tmp_path: Path) -> None:
    empty = tmp_path / "empty.eml"
    empty.write_bytes(b"")
    with pytest.raises(InputError, match="empty file"):
        list(iter_messages(empty))


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    errors: list[InputError] = []
    assert list(iter_messages(tmp_path / "nope.eml", on_error=errors.append)) == []
    assert errors and errors[0].message == "no such file"


def test_single_file_is_one_message(tmp_path: Path) -> None:
    path = tmp_path / "reply.txt"
    path.write_text("From what I see, this fits.\n\nFrom Monday on I can talk.\n", encoding="utf-8")
    assert len(list(iter_messages(path))) == 1


def test_plain_folder_inside_a_hidden_folder(tmp_path: Path) -> None:
    folder = tmp_path / ".mail" / "replies"
    (folder / ".cache").mkdir(parents=True)
    (folder / "a.eml").write_text(_msg(1, "one"), encoding="utf-8")
    (folder / ".cache" / "b.eml").write_text(_msg(2, "hidden"), encoding="utf-8")
    assert [Path(label).name for label, _ in iter_messages(folder)] == ["a.eml"]
