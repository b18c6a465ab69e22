"""SARIF 2.1.0 with a rules table, so code-scanning tools show findings in place."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import IO, TYPE_CHECKING, Any

from .. import __version__

if TYPE_CHECKING:
    from ..engine import CheckedEmail

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "suggestion": "note"}


def _rules_table() -> tuple[list[dict[str, Any]], dict[str, int]]:
    from ..rules.registry import all_rules

    rules: list[dict[str, Any]] = []
    index: dict[str, int] = {}
    for cls in all_rules():
        if cls.kind != "finding":
            continue
        d = cls.describe()
        index[cls.code] = len(rules)
        rules.append(
            {
                "id": cls.code,
                "name": cls.name,
                "shortDescription": {"text": d["summary"]},
                "fullDescription": {"text": d["doc"]["what"]},
                "help": {"text": f"{d['doc']['why']}\n\nPrinciple: {d['doc']['principle']}"},
                "defaultConfiguration": {"level": _LEVEL[d["severity"]]},
                "properties": {"family": d["family"], "needs": d["needs"]},
            }
        )
    return rules, index


def _region(item: CheckedEmail, start: int, end: int, line: int, column: int) -> dict[str, Any]:
    if line == 0:  # a subject-line finding: point at the file's first line
        return {"startLine": 1, "startColumn": 1}
    text = item.body
    end_line = line + text[start:end].count("\n")
    last_nl = text.rfind("\n", 0, end)
    end_col = end - last_nl if end_line > line else column + (end - start)
    return {
        "startLine": line + item.line_offset,
        "startColumn": column,
        "endLine": end_line + item.line_offset,
        "endColumn": end_col,
        "snippet": {"text": text[start:end]},
    }


def sarif_document(results: Sequence[CheckedEmail]) -> dict[str, Any]:
    """The SARIF log as a dict."""
    rules, index = _rules_table()
    out_results = []
    for item in results:
        for f in item.report.findings:
            location = {
                "physicalLocation": {
                    "artifactLocation": {"uri": item.path},
                    "region": _region(item, f.span.start, f.span.end, f.span.line, f.span.column),
                }
            }
            result: dict[str, Any] = {
                "ruleId": f.code,
                "level": _LEVEL[f.severity],
                "message": {"text": f.message},
                "locations": [location],
                "properties": {"name": f.name, "points": f.points},
            }
            if f.code in index:
                result["ruleIndex"] = index[f.code]
            if f.fix is not None and f.fix.edits and f.span.line:
                result["fixes"] = [
                    {
                        "description": {"text": f.fix.title},
                        "artifactChanges": [
                            {
                                "artifactLocation": {"uri": item.path},
                                "replacements": [
                                    {
                                        "deletedRegion": {
                                            "charOffset": e.start,
                                            "charLength": e.end - e.start,
                                        },
                                        "insertedContent": {"text": e.replacement},
                                    }
                                    for e in f.fix.edits
                                ],
                            }
                        ],
                    }
                ]
            out_results.append(result)
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "pitchfit",
                        "version": __version__,
                        "informationUri": "https://github.com/pitchfit/pitchfit",
                        "rules": rules,
                    }
                },
                "results": out_results,
                "properties": {
                    "reports": [
                        {"uri": i.path, "score": i.report.score, "band": i.report.band}
                        for i in results
                    ]
                },
            }
        ],
    }


def write_sarif(results: Sequence[CheckedEmail], stream: IO[str]) -> None:
    json.dump(sarif_document(results), stream, indent=2, ensure_ascii=False)
    stream.write("\n")
