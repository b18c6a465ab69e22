"""parse_reply: new text apart from quotes and signatures, across clients and languages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pitchfit import ParsedReply, parse_reply

QUOTE_HEADERS = [
    "On Tue, 4 Mar 2025 at 09:12, Lena Park <lena@northwind.example> wrote:",
    "Le mar. 4 mars 2025 à 09:12, Lena Park <lena@northwind.example> a écrit :",
    "Am Di., 4. März 2025 um 09:12 Uhr schrieb Lena Park <lena@northwind.example>:",
    "El mar, 4 mar 2025 a las 9:12, Lena Park (<lena@northwind.example>) escribió:",
    "Op di 4 mrt. 2025 om 09:12 schreef Lena Park <lena@northwind.example>:",
    "-----Original Message-----",
    "-----Ursprüngliche Nachricht-----",
    "---------- Forwarded message ---------",
]


@pytest.mark.parametrize("header", QUOTE_HEADERS)
def test_quote_header_cuts_history_in_each_language(header: str) -> None:
    raw = f"Works for us, send the contract.\n\n{header}\n> Hi Lena, here is our offer.\n"
    parsed = parse_reply(raw)
    assert parsed.body == "Works for us, send the contract."
    assert parsed.quoted is not None and "here is our offer" in parsed.quoted


@pytest.mark.parametrize(
    "block",
    [
        "From: Sam <sam@us.example>\nSent: Tuesday, March 4, 2025 9:12 AM\nTo: Lena\nSubject: X",
        "De : Sam <sam@us.example>\nEnvoyé : mardi 4 mars 2025 09:12\nÀ : Lena\nObjet : Offre",
        "Von: Sam <sam@us.example>\nGesendet: Dienstag, 4. März 2025 09:12\nAn: Lena\nBetreff: X",
        "De: Sam <sam@us.example>\nEnviado: martes, 4 de marzo de 2025 9:12\nPara: Lena\nAsunto: X",
        "Van: Sam <sam@us.example>\nVerzonden: dinsdag 4 maart 2025 09:12\nAan: Lena\nOnderwerp: X",
    ],
)
def test_outlook_header_block_without_quote_marks(block: str) -> None:
    raw = f"Not now, thanks.\n\n________________________________\n{block}\n\nHi Lena, our offer.\n"
    parsed = parse_reply(raw)
    assert parsed.body == "Not now, thanks."
    assert "our offer" in (parsed.quoted or "")


def test_header_wrapped_over_lines_is_one_header() -> None:
    raw = (
        "Sounds good.\n\nOn Tue, Mar 4, 2025 at 9:12 AM Lena Park\n<lena@northwind.example>\n"
        "wrote:\n\n> The old text\n"
    )
    assert parse_reply(raw).body == "Sounds good."


def test_text_starting_with_on_is_not_a_header() -> None:
    raw = "On second thought, yes: Thursday at 3pm works.\n\nOn Monday we can sign.\n"
    assert parse_reply(raw).body == raw.strip()


@pytest.mark.parametrize(
    ("sig", "kept"),
    [
        ("-- \nLena Park\nHead of Ops", None),
        ("Sent from my iPhone", None),
        ("Envoyé de mon iPhone", None),
        ("Von meinem iPhone gesendet", None),
        ("Enviado desde mi Android", None),
        ("Verzonden vanaf mijn iPad", None),
        ("Sent from my desk, where it is much quieter than the office.", "kept"),
    ],
)
def test_signatures(sig: str, kept: str | None) -> None:
    parsed = parse_reply(f"Yes, let's talk on Friday.\n\n{sig}\n")
    if kept:
        assert sig in parsed.body
    else:
        assert parsed.body == "Yes, let's talk on Friday."
        assert parsed.signature is not None and sig.splitlines()[-1] in parsed.signature


def test_interleaved_reply_below_quote_is_kept() -> None:
    raw = "On 4 Mar 2025, Sam <sam@us.example> wrote:\n> Can you do Friday?\nFriday works.\n"
    assert parse_reply(raw).body == "Friday works."


def test_dashes_inside_a_sentence_are_not_a_signature() -> None:
    raw = "We tried it -- twice -- and it did not work.\n\nAnna\n"
    assert parse_reply(raw).body == raw.strip()


EML = """\
From: "Lena Park" <Lena@Northwind.example>
To: sam@us.example
Subject: Re: Offer
Date: Tue, 04 Mar 2025 09:12:00 +0100
Message-ID: <r1@northwind.example>
In-Reply-To: <o1@us.example>
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary="b1"

--b1
Content-Type: text/plain; charset=iso-8859-1
Content-Transfer-Encoding: quoted-printable

Gr=FC=DFe, passt gut. Wann haben Sie Zeit?

Am 03.03.2025 um 10:00 schrieb Sam <sam@us.example>:
> Hallo Lena
--b1
Content-Type: text/html; charset=utf-8

<p>ignored because text/plain exists</p>
--b1--
"""


def test_eml_multipart_headers_and_charset() -> None:
    parsed = parse_reply(EML.encode("ascii"))
    assert isinstance(parsed, ParsedReply)
    assert parsed.body == "Grüße, passt gut. Wann haben Sie Zeit?"
    assert parsed.message_id == "<r1@northwind.example>"
    assert parsed.in_reply_to == "<o1@us.example>"
    assert parsed.from_address == "lena@northwind.example"
    assert parsed.headers["Subject"] == "Re: Offer"
    assert not parsed.is_auto_reply
    assert parse_reply(EML).body == parsed.body  # same result from str


def test_html_only_mail_becomes_text_and_blockquote_is_quoted() -> None:
    raw = (
        "From: a@b.example\nTo: c@d.example\nSubject: Re: hi\nContent-Type: text/html; "
        "charset=utf-8\n\n<html><head><style>p{color:red}</style></head><body>"
        "<div>Thanks &amp; yes,<br>call me Friday.</div>"
        '<div class="gmail_quote">On Mon, 3 Mar 2025 Sam &lt;sam@us.example&gt; wrote:'
        "<blockquote>Old pitch text</blockquote></div></body></html>"
    )
    parsed = parse_reply(raw)
    assert parsed.body == "Thanks & yes,\ncall me Friday."
    assert "Old pitch text" in (parsed.quoted or "")
    assert "color" not in parsed.body


OUTLOOK_HTML = """\
From: jo@acme.example
To: sam@us.example
Subject: RE: Offer
MIME-Version: 1.0
Content-Type: text/html; charset="windows-1252"
Content-Transfer-Encoding: quoted-printable

<html><body><div>Yes please, send it over.</div><div id=3D"appendonsend"></div>
<hr style=3D"display:inline-block;width:98%"><div id=3D"divRplyFwdMsg"><font>
<b>From:</b> Sam &lt;sam@us.example&gt;<br><b>Sent:</b> Monday, 7 April 2025 10:00<br>
<b>To:</b> Jo<br><b>Subject:</b> Offer</font></div><div>Old pitch, caf=E9 included</div>
</body></html>
"""


def test_outlook_html_reply_header_block_is_quoted() -> None:
    parsed = parse_reply(OUTLOOK_HTML.encode("ascii"))
    assert parsed.body == "Yes please, send it over."
    assert "café" in (parsed.quoted or "")


def test_signoff_block_becomes_the_signature() -> None:
    parsed = parse_reply("Happy to talk Thursday.\n\nBest regards,\nAnna Berg\nHead of Ops\n")
    assert parsed.body == "Happy to talk Thursday.\n\nBest regards,"
    assert parsed.signature == "Anna Berg\nHead of Ops"


@pytest.mark.parametrize(
    "header",
    [
        "Auto-Submitted: auto-replied",
        "X-Autoreply: yes",
        "Precedence: auto_reply",
        "Subject: Automatic reply: Offer",
        "Subject: Réponse automatique : Offre",
        "Subject: Automatische Antwort: Angebot",
    ],
)
def test_auto_reply_headers(header: str) -> None:
    raw = f"From: a@b.example\nTo: c@d.example\nMessage-ID: <x@b>\n{header}\n\nAway.\n"
    assert parse_reply(raw).is_auto_reply


def test_normal_headers_are_not_auto_reply() -> None:
    raw = "From: a@b.example\nTo: c@d.example\nSubject: Re: Offer\nAuto-Submitted: no\n\nYes.\n"
    assert not parse_reply(raw).is_auto_reply


def test_unknown_charset_is_guessed_not_fatal() -> None:
    raw = (
        b"From: a@b.example\nTo: c@d.example\nSubject: x\n"
        b"Content-Type: text/plain; charset=x-no-such-charset\n\nMerci, \xc3\xa7a marche.\n"
    )
    parsed = parse_reply(raw)
    assert parsed.body == "Merci, ça marche."
    assert any("unknown charset" in p for p in parsed.problems)


def test_undecodable_bytes_never_raise() -> None:
    parsed = parse_reply(b"Oui \xff\xfe merci\n")
    assert "merci" in parsed.body


def test_plain_text_looking_like_a_header_is_not_a_message() -> None:
    parsed = parse_reply("Note: we are interested.\nTiming: next week.\n")
    assert parsed.headers == {}
    assert "interested" in parsed.body


def _fixtures(shared: Path) -> list[dict[str, object]]:
    path = shared / "data" / "reply-parsing" / "fixtures.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _norm(text: str | None) -> str:
    return " ".join((text or "").split())


def test_conformance_suite_passes_at_least_90_percent(shared_dir: Path) -> None:
    scored = [r for r in _fixtures(shared_dir) if r["expected_visible"] is not None]
    passed = 0
    for rec in scored:
        parsed = parse_reply(str(rec["raw"]))
        want = _norm(str(rec["expected_visible"]))
        body = _norm(parsed.body)
        passed += want in (body, _norm(f"{parsed.body}\n{parsed.signature or ''}"))
    assert passed / len(scored) >= 0.9


def test_pathological_and_huge_fixtures_parse(shared_dir: Path) -> None:
    by_id = {r["id"]: r for r in _fixtures(shared_dir)}
    patho = parse_reply(str(by_id["github-erp-pathological"]["raw"]))
    assert patho.body.startswith("I think you're onto something.")
    assert "John Sullivan" not in patho.body
    long_quote = parse_reply(str(by_id["github-erp-email_long_quote"]["raw"]))
    assert long_quote.body.startswith("Hi folks")
