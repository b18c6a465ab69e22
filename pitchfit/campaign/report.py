"""``report.html``: one self-contained page a sales lead reads before pressing send.

No scripts, fonts or images from anywhere: the charts are SVG drawn here, the styles inline,
so the page renders the same offline, in a mail attachment or in a CI artifact.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Any

_CSS = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1d2430;
background:#f6f7f9}
main{max-width:1100px;margin:0 auto;padding:24px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:19px;margin:32px 0 10px}
.muted{color:#5b6473}.cards{display:flex;flex-wrap:wrap;gap:12px;margin:16px 0}
.card{background:#fff;border:1px solid #dde1e7;border-radius:8px;padding:10px 16px;min-width:110px}
.card b{display:block;font-size:24px}.charts{display:flex;flex-wrap:wrap;gap:16px}
figure{background:#fff;border:1px solid #dde1e7;border-radius:8px;margin:0;padding:12px}
figcaption{font-weight:600;margin-bottom:6px}
table{border-collapse:collapse;width:100%;background:#fff;font-size:14px}
th,td{border:1px solid #dde1e7;padding:6px 8px;text-align:left;vertical-align:top}
th{background:#eef1f5}pre{white-space:pre-wrap;background:#fff;border:1px solid #dde1e7;
border-radius:8px;padding:12px;margin:6px 0;font:14px/1.5 ui-monospace,Menlo,Consolas,monospace}
mark{background:#ffe08a;border-bottom:2px solid #d29b00}mark.error{background:#ffc9c9;
border-color:#c92a2a}mark.gap{padding:0 3px}
.sev-error{color:#c92a2a;font-weight:600}.sev-warning{color:#b35c00}.sev-suggestion{color:#3b5bdb}
.email{background:#fff;border:1px solid #dde1e7;border-radius:8px;padding:12px;margin:12px 0}
"""

_BAND_COLOUR = {"send": "#2f9e44", "revise": "#f08c00", "block": "#c92a2a"}
_SEGMENT_COLOUR = {"A": "#2f9e44", "B": "#74b816", "C": "#f08c00", "X": "#c92a2a"}


def bar_chart(
    items: Sequence[tuple[str, int, str]], *, chart_id: str, title: str, width: int = 500
) -> str:
    """A horizontal bar chart as inline SVG: one (label, value, colour) per bar."""
    bar, gap, label_w = 20, 6, 190
    height = max(1, len(items)) * (bar + gap) + 10
    top = max((value for _, value, _ in items), default=0) or 1
    parts = [
        f'<svg class="chart" id="{chart_id}" role="img" aria-label="{escape(title)}" '
        f'xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}">'
    ]
    span = width - label_w - 60
    for i, (label, value, colour) in enumerate(items):
        y = 5 + i * (bar + gap)
        w = round(span * value / top) if value else 0
        parts.append(
            f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end" font-size="12">'
            f"{escape(label[:30])}</text>"
            f'<rect x="{label_w}" y="{y}" width="{w}" height="{bar}" fill="{colour}">'
            f"<title>{escape(label)}: {value}</title></rect>"
            f'<text x="{label_w + w + 5}" y="{y + 15}" font-size="12">{value}</text>'
        )
    if not items:
        parts.append('<text x="10" y="20" font-size="12">nothing to show</text>')
    parts.append("</svg>")
    return "".join(parts)


def histogram_chart(bins: Sequence[dict[str, int]], *, chart_id: str) -> str:
    """Score distribution as vertical SVG bars, 0–9 … 90–100, coloured by band region."""
    width, height, pad = 500, 220, 30
    top = max((b["rows"] for b in bins), default=0) or 1
    bar_w = (width - 2 * pad) / max(1, len(bins))
    parts = [
        f'<svg class="chart" id="{chart_id}" role="img" aria-label="score distribution" '
        f'xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}">'
        f'<line x1="{pad}" y1="{height - pad}" x2="{width - pad}" y2="{height - pad}" '
        'stroke="#5b6473"/>'
    ]
    for i, item in enumerate(bins):
        h = round((height - 2 * pad - 10) * item["rows"] / top)
        x = pad + i * bar_w
        colour = "#c92a2a" if item["from"] < 50 else "#f08c00" if item["from"] < 80 else "#2f9e44"
        parts.append(
            f'<rect x="{x + 2:.1f}" y="{height - pad - h}" width="{bar_w - 4:.1f}" height="{h}" '
            f'fill="{colour}"><title>{item["from"]}–{item["to"]}: {item["rows"]} rows'
            "</title></rect>"
            f'<text x="{x + bar_w / 2:.1f}" y="{height - pad + 14}" text-anchor="middle" '
            f'font-size="11">{item["from"]}</text>'
        )
        if item["rows"]:
            parts.append(
                f'<text x="{x + bar_w / 2:.1f}" y="{height - pad - h - 4}" text-anchor="middle" '
                f'font-size="11">{item["rows"]}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)


def highlight(text: str, findings: Sequence[dict[str, Any]], *, subject: bool = False) -> str:
    """Escape ``text`` and wrap each finding's span in <mark> (gaps show the missing field)."""
    spans = sorted(
        (f for f in findings if (f["span"]["line"] == 0) == subject),
        key=lambda f: (f["span"]["start"], -f["span"]["end"]),
    )
    out: list[str] = []
    pos = 0
    for finding in spans:
        start, end = finding["span"]["start"], finding["span"]["end"]
        if start < pos or start > len(text):
            continue
        out.append(escape(text[pos:start]))
        cls = "error" if finding["severity"] == "error" else "warn"
        tip = escape(f"{finding['code']} {finding['name']}: {finding['message']}")
        if end <= start:
            out.append(f'<mark class="{cls} gap" title="{tip}">∅</mark>')
        else:
            out.append(f'<mark class="{cls}" title="{tip}">{escape(text[start:end])}</mark>')
        pos = max(pos, end)
    out.append(escape(text[pos:]))
    return "".join(out)


def _findings_table(findings: Sequence[dict[str, Any]]) -> str:
    if not findings:
        return '<p class="muted">No findings.</p>'
    rows = "".join(
        f"<tr><td>{escape(f['code'])}</td><td>{escape(f['name'])}</td>"
        f'<td class="sev-{escape(f["severity"])}">{escape(f["severity"])}</td>'
        f"<td>{escape(f['message'])}</td>"
        f"<td>{escape((f.get('fix') or {}).get('title') or '')}</td></tr>"
        for f in findings
    )
    return (
        "<table><tr><th>code</th><th>rule</th><th>severity</th><th>message</th><th>fix</th></tr>"
        f"{rows}</table>"
    )


def _email_block(email: dict[str, Any], findings: Sequence[dict[str, Any]]) -> str:
    mine = [f for f in findings if f.get("step", email["step"]) == email["step"]]
    subject = email.get("subject")
    head = (
        f"<div><b>Subject:</b> {highlight(subject, mine, subject=True)}</div>"
        if subject is not None
        else ""
    )
    return f"{head}<pre>{highlight(email['body'], mine)}</pre>{_findings_table(mine)}"


def _empty_fields(summary: dict[str, Any]) -> str:
    fields = summary.get("empty_fields") or {}
    if not fields:
        return ""
    rows = "".join(
        f"<tr><td>{escape(name)}</td><td>{count}</td></tr>" for name, count in fields.items()
    )
    return (
        "<h3>Merge fields that came out empty</h3><table id=empty-fields>"
        f"<tr><th>field</th><th>rows</th></tr>{rows}</table>"
    )


def _template_section(template_reports: Sequence[dict[str, Any]]) -> str:
    parts = [
        '<section id="template"><h2>The template itself</h2><p class="muted">Checked once with '
        "neutral sample values: a problem here repeats in every email.</p>"
    ]
    for item in template_reports:
        label = f"Step {item['step']} (day {item['day']})" if len(template_reports) > 1 else ""
        score = escape(item.get("note") or f"score {item['score']}, band {item['band']}")
        parts.append(f'<div class="email"><b>{escape(label)}</b> <span class=muted>{score}</span>')
        parts.append(_email_block(item, item["findings"]) + "</div>")
    parts.append("</section>")
    return "".join(parts)


def _blocked_section(summary: dict[str, Any]) -> str:
    rows = summary["blocked_rows"]
    if not rows:
        return (
            '<section id="blocked"><h2>Blocked rows</h2><table id="blocked-rows">'
            "<tr><th>row</th><th>e-mail</th><th>why</th></tr></table>"
            '<p class="muted">No row is blocked.</p></section>'
        )
    body = "".join(
        f"<tr><td>{r['row']}</td><td>{escape(r.get('email') or '')}</td>"
        f"<td>{escape(r['reason'])}</td></tr>"
        for r in rows
    )
    more = (
        '<p class="muted">Only the first rows are listed; results.jsonl has them all.</p>'
        if summary["blocked_rows_truncated"]
        else ""
    )
    return (
        f'<section id="blocked"><h2>Blocked rows ({summary["blocked"]})</h2>'
        '<table id="blocked-rows"><tr><th>row</th><th>e-mail</th><th>why</th></tr>'
        f"{body}</table>{more}</section>"
    )


def _worst_section(worst: Sequence[dict[str, Any]]) -> str:
    parts = ['<section id="worst"><h2>The worst emails</h2>']
    if not worst:
        parts.append('<p class="muted">No email was rendered.</p>')
    for result in worst:
        why = f" — blocked: {escape(result['blocked_reason'])}" if result["blocked_reason"] else ""
        parts.append(
            f'<div class="email"><b>Row {result["row"]}: {escape(result.get("email") or "")}</b> '
            f'<span class="muted">score {result["score"]}, band {result["band"]}, segment '
            f"{escape(str(result.get('segment')))}{why}</span>"
        )
        fit = result.get("fit") or {}
        notes = list(fit.get("reasons") or [])[:2]
        if fit.get("wrong_person") and fit.get("ask_for"):
            notes.append(f"Wrong person: ask who owns this ({fit['ask_for']}).")
        if notes:
            items = "".join(f"<li>{escape(str(n))}</li>" for n in notes)
            parts.append(f'<ul class="muted">{items}</ul>')
        for email in result["emails"]:
            parts.append(_email_block(email, result["findings"]))
        parts.append("</div>")
    parts.append("</section>")
    return "".join(parts)


def render_report(
    summary: dict[str, Any],
    template_reports: Sequence[dict[str, Any]],
    worst: Sequence[dict[str, Any]],
) -> str:
    """The whole page as one string."""
    inputs = summary.get("inputs", {})
    bands = summary["bands"]
    cards = [
        ("rows", summary["rows"]),
        ("ready to send", summary["to_send"]),
        ("to revise", bands.get("revise", 0)),
        ("blocked", summary["blocked"]),
        ("unreadable", summary["unreadable"]),
        ("mean score", summary["score"]["mean"] if summary["score"]["mean"] is not None else "–"),
    ]
    rules = [
        (f"{r['code']} {r['name']}", r["rows"], _severity_colour(r["severity"]))
        for r in summary["findings_by_rule"][:15]
    ]
    segments = [
        (name, count, _SEGMENT_COLOUR.get(name, "#868e96"))
        for name, count in sorted(summary["segments"].items())
    ]
    band_items = [(name, bands.get(name, 0), colour) for name, colour in _BAND_COLOUR.items()]
    title = f"Campaign preflight: {inputs.get('template', '')}"
    return "".join(
        [
            '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{escape(title)}</title><style>{_CSS}</style></head><body><main>",
            f"<h1>{escape(title)}</h1>",
            f'<p class="muted">{escape(inputs.get("prospects", ""))} × '
            f"{escape(inputs.get('offer', ''))} — generated {escape(summary.get('generated', ''))}"
            "</p>",
            '<div class="cards">',
            "".join(f"<div class=card><b>{v}</b>{escape(k)}</div>" for k, v in cards),
            "</div>",
            _template_section(template_reports),
            _empty_fields(summary),
            '<section id="charts"><h2>Overview</h2><div class="charts">',
            "<figure><figcaption>Score distribution</figcaption>",
            histogram_chart(summary["score"]["histogram"], chart_id="chart-scores"),
            "</figure><figure><figcaption>Findings by rule (rows)</figcaption>",
            bar_chart(rules, chart_id="chart-rules", title="findings by rule"),
            "</figure><figure><figcaption>Fit segments</figcaption>",
            bar_chart(segments, chart_id="chart-segments", title="segments", width=360),
            "</figure><figure><figcaption>Bands</figcaption>",
            bar_chart(band_items, chart_id="chart-bands", title="bands", width=360),
            "</figure></div></section>",
            _blocked_section(summary),
            _worst_section(worst),
            "</main></body></html>\n",
        ]
    )


def _severity_colour(severity: str) -> str:
    return {"error": "#c92a2a", "warning": "#f08c00"}.get(severity, "#3b5bdb")
