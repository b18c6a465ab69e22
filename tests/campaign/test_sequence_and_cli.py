"""Template sequences (step by step, follow-up rules included) and the CLI's exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pitchfit.campaign.template import Renderer, load_template
from pitchfit.cli.main import main
from pitchfit.errors import InputError
from pitchfit.models import Prospect

from .conftest import EXAMPLE, OFFER
from .test_preflight import ROWS, make_campaign, run

SEQUENCE = """
steps:
  - day: 0
    subject: "{{ company }}: new reps to quota sooner"
    body: |
      Hi {{ first_name }},

      {{ hook }} When a team adds reps that fast, ramp time decides the year.

      RampUp got Northwind Cloud's new AEs to quota in 3.5 months instead of 6,
      because managers coach from real calls.

      Worth a 20-minute look at how they did it on Thursday?

      Sam
  - day: 1
    body: |
      Hi {{ first_name }}, following up on the below.

      Sam
"""


def test_sequence_steps_are_checked_with_earlier_steps_as_history(tmp_path: Path) -> None:
    template = tmp_path / "sequence.yaml"
    template.write_text(SEQUENCE, "utf-8")
    prospects = make_campaign(tmp_path, ROWS[:2])
    _, results = run(tmp_path, prospects, template=template)
    first = results[0]
    assert [e["day"] for e in first["emails"]] == [0, 1]
    assert [s["step"] for s in first["steps"]] == [1, 2]
    too_soon = [f for f in first["findings"] if f["name"] == "followup-too-soon"]
    assert too_soon and all(f["step"] == 2 for f in too_soon)
    # the empty first name is found in both steps, each at its own place
    gaps = [f for f in results[1]["findings"] if "first_name" in f["message"]]
    assert sorted(f["step"] for f in gaps) == [1, 2]


def test_example_sequence_loads_with_increasing_days() -> None:
    template = load_template(EXAMPLE / "sequence.yaml")
    assert [s.day for s in template.steps] == [0, 4, 11]
    assert template.steps[1].subject is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("steps: []\n", "non-empty list"),
        ("steps:\n  - day: 0\n", "needs a body"),
        ("steps:\n  - {day: 3, body: a}\n  - {day: 1, body: b}\n", "before the previous"),
        ("steps:\n  - {day: 0, body: a, sent: x}\n", "unknown key"),
    ],
)
def test_broken_sequences_are_input_errors(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(text, "utf-8")
    with pytest.raises(InputError, match=message):
        load_template(path)


def test_the_sandbox_refuses_to_reach_python_internals(tmp_path: Path) -> None:
    path = tmp_path / "t.j2"
    path.write_text("Hi {{ first_name.__class__.__mro__[1].__subclasses__() }}", "utf-8")
    renderer = Renderer(load_template(path))
    out = renderer.render(0, renderer.context(Prospect(first_name="Ann", email="a@x.com"), None))
    assert out.error is not None and "subclasses" not in out.body


def test_default_filter_fills_an_empty_field_without_a_finding(tmp_path: Path) -> None:
    path = tmp_path / "t.j2"
    path.write_text("Hi {{ first_name | default('there', true) }}, {{ company }}", "utf-8")
    renderer = Renderer(load_template(path))
    out = renderer.render(0, renderer.context(Prospect(email="a@x.com", company="Acme"), None))
    assert out.body == "Hi there, Acme" and out.empty == ()


def cli(args: list[str]) -> int:
    """The exit code the console script would give (``run()`` exits with main's return)."""
    try:
        code = main(args)
    except SystemExit as exc:
        return int(exc.code or 0)
    return code if isinstance(code, int) else 0


def test_cli_exit_codes_and_json_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    prospects = make_campaign(tmp_path, ROWS[:1])
    base = ["campaign", "preflight", "--prospects", str(prospects), "--offer", str(OFFER)]
    base += ["--template", str(EXAMPLE / "template.txt.j2"), "--start", "2026-11-23"]
    assert cli([*base, "--out", str(tmp_path / "a"), "--format", "json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["rows"] == 1 and summary["exit_code"] == 0
    # a stricter --fail-on turns a suggestion-level finding into exit 1 (if there is one)
    strict = cli([*base, "--out", str(tmp_path / "b"), "-q", "--fail-on", "suggestion"])
    findings = json.loads((tmp_path / "b" / "results.jsonl").read_text("utf-8"))["findings"]
    assert strict == (1 if findings else 0)
    flawed = make_campaign(tmp_path, ROWS)
    args = [*base, "--out", str(tmp_path / "c"), "-q"]
    args[args.index(str(prospects))] = str(flawed)
    assert cli(args) == 1


def test_cli_unusable_input_exits_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["campaign", "preflight", "--prospects", str(tmp_path / "missing.csv")]
    args += ["--template", str(EXAMPLE / "template.txt.j2"), "--offer", str(OFFER)]
    args += ["--out", str(tmp_path / "out")]
    assert cli(args) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "missing.csv" in err and "no such file" in err
    assert not (tmp_path / "out").exists()


def test_cli_map_option(tmp_path: Path) -> None:
    prospects = tmp_path / "p.csv"
    prospects.write_text("Mail,Given,Org\nsam@brightloop.io,Sam,Brightloop\n", "utf-8")
    template = tmp_path / "t.j2"
    template.write_text("Hi {{ first_name }} at {{ company }}", "utf-8")
    args = ["campaign", "preflight", "--prospects", str(prospects), "--template", str(template)]
    args += ["--offer", str(OFFER), "--out", str(tmp_path / "out"), "-q"]
    args += ["--map", "email=Mail,first_name=Given,company=Org"]
    cli(args)
    result = json.loads((tmp_path / "out" / "results.jsonl").read_text("utf-8"))
    assert result["emails"][0]["body"] == "Hi Sam at Brightloop"


def test_inline_ignore_comments_in_the_template_apply_to_every_row(tmp_path: Path) -> None:
    source = (EXAMPLE / "template.txt.j2").read_text("utf-8")
    plain = tmp_path / "plain.j2"
    plain.write_text(source, "utf-8")
    silenced = tmp_path / "silenced.j2"
    silenced.write_text(
        source.rstrip("\n")
        + "{# pitchfit: ignore[unfilled-placeholder,shallow-personalization] CRM fills it #}\n",
        "utf-8",
    )
    prospects = make_campaign(tmp_path, ROWS[:3])
    _, before = run(tmp_path, prospects, template=plain, out="plain")
    _, after = run(tmp_path, prospects, template=silenced, out="silenced")
    assert "unfilled-placeholder" in {f["name"] for f in before[1]["findings"]}
    for row in after:
        assert not {"unfilled-placeholder", "shallow-personalization"} & {
            f["name"] for f in row["findings"]
        }
    assert after[0]["emails"][0]["body"] == before[0]["emails"][0]["body"]


def test_a_row_the_template_cannot_render_is_blocked_with_the_reason(tmp_path: Path) -> None:
    template = tmp_path / "t.j2"
    template.write_text("Hi {{ first_name }}, {{ custom.plan.upper() }}\n", "utf-8")
    prospects = tmp_path / "p.jsonl"
    rows = [{"email": "a@x.com", "first_name": "Ann", "Plan": "pro"}, {"email": "b@x.com"}]
    prospects.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    _, results = run(tmp_path, prospects, template=template, history=None)
    assert results[0]["emails"][0]["body"] == "Hi Ann, PRO\n"
    assert results[1]["band"] == "block" and results[1]["score"] == 0
    [finding] = results[1]["findings"]
    assert finding["severity"] == "error" and "could not be rendered" in finding["message"]


def test_a_template_cannot_change_the_offer_for_later_rows(tmp_path: Path) -> None:
    from pitchfit.io import load_offer

    path = tmp_path / "t.j2"
    path.write_text("{{ offer.update({'name': 'Hacked'}) }}{{ offer.name }}", "utf-8")
    renderer = Renderer(load_template(path))
    offer = load_offer(OFFER)
    for email in ("a@x.com", "b@x.com"):
        out = renderer.render(0, renderer.context(Prospect(email=email), offer))
        assert out.error is not None and "Hacked" not in out.body
    assert renderer.context(Prospect(email="c@x.com"), offer)["offer"]["name"] == "RampUp"


def test_a_template_sample_values_cannot_render_is_still_run_row_by_row(tmp_path: Path) -> None:
    template = tmp_path / "t.j2"
    template.write_text("Hi {{ first_name }}, I read that {{ facts[0].text }}\n", "utf-8")
    prospects = tmp_path / "p.jsonl"
    rows = [{"email": "a@x.com", "first_name": "Ann", "facts": ["you hire 12 AEs"]}]
    prospects.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    result, results = run(tmp_path, prospects, template=template, history=None)
    [step] = result.summary["template"]
    assert step["note"].startswith("not checked on its own") and step["score"] is None
    assert results[0]["emails"][0]["body"] == "Hi Ann, I read that you hire 12 AEs\n"
    assert "not checked on its own" in (result.out / "report.html").read_text("utf-8")
