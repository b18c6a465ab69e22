"""Delivery-status reports: permanent failures name the recipient; delays are not bounces."""

from __future__ import annotations

from pitchfit.store.bounce import find_bounce

DSN = """From: Mail Delivery System <MAILER-DAEMON@mx.example>
To: seller@us.io
Subject: Undelivered Mail Returned to Sender
Message-ID: <dsn-1@mx.example>
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="RPT"

--RPT
Content-Type: text/plain

I'm sorry to have to inform you that your message could not be delivered.

--RPT
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.example

Final-Recipient: rfc822; Gone.Person@Acme.io
Original-Recipient: rfc822;gone.person@acme.io
Action: {action}
Status: {status}
Diagnostic-Code: smtp; 550 5.1.1 <gone.person@acme.io>: Recipient address rejected

--RPT--
"""


def test_permanent_failure_names_the_recipient() -> None:
    bounce = find_bounce(DSN.format(action="failed", status="5.1.1").encode())
    assert bounce is not None
    assert bounce.recipients == ("gone.person@acme.io",)
    assert bounce.status == "5.1.1"
    assert "Recipient address rejected" in bounce.diagnostic


def test_delayed_delivery_is_not_a_bounce_for_the_ledger() -> None:
    bounce = find_bounce(DSN.format(action="delayed", status="4.4.1"))
    assert bounce is not None
    assert bounce.recipients == ()
    assert bounce.permanent is False


def test_x_failed_recipients_from_a_mailer_daemon() -> None:
    raw = (
        "From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>\n"
        "X-Failed-Recipients: left@acme.io\n"
        "Subject: Delivery Status Notification (Failure)\n\n"
        "Address not found\n"
    )
    bounce = find_bounce(raw)
    assert bounce is not None and bounce.recipients == ("left@acme.io",)


def test_an_ordinary_reply_is_not_a_bounce() -> None:
    raw = "From: Ann <ann@acme.io>\nX-Failed-Recipients: x@y.io\nSubject: Re: hi\n\nNo thanks\n"
    assert find_bounce(raw) is None
    assert find_bounce(b"\xff\xfe garbage") is None
