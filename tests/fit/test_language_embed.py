"""Language detection is fast and silent when unsure; embeddings load offline from a package."""

from __future__ import annotations

import subprocess
import sys

import pytest

from pitchfit.text.language import detect

from .conftest import requires_model


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "Hi Sarah, I saw your team is hiring six account executives in Berlin. How long does "
            "ramp take today?",
            "en",
        ),
        (
            "Bonjour Marie, je vous écris au sujet de votre équipe commerciale et de vos "
            "recrutements.",
            "fr",
        ),
        (
            "Hallo Jan, ik zag dat jullie nieuwe verkopers zoeken. Hoe lang duurt het inwerken nu?",
            "nl",
        ),
        ("Hallo Frau Müller, ich habe gesehen, dass Sie drei neue Vertriebler suchen.", "de"),
        ("Ciao Marco, ho visto che state assumendo venditori a Milano e non solo.", "it"),
        ("Olá João, vi que vocês estão contratando vendedores em Lisboa e no Porto.", "pt"),
        ("Cześć Anna, widziałem, że szukacie handlowców w Warszawie i to jest dobre.", "pl"),
        ("Привет, Иван! Я видел, что вы нанимаете продавцов в Москве и Казани.", "ru"),
        ("Γεια σας, είδα ότι προσλαμβάνετε πωλητές στην Αθήνα.", "el"),
    ],
)
def test_detects_common_languages(text: str, code: str) -> None:
    lang, confidence = detect(text)
    assert lang == code
    assert 0.0 < confidence <= 1.0


@pytest.mark.parametrize(
    "text", ["Hi John, quick note", "Thanks Sarah", "", "Merci!", "Sales playbook for SaaS"]
)
def test_short_texts_make_no_call(text: str) -> None:
    assert detect(text)[0] is None


def test_european_text_does_not_load_py3langid() -> None:
    code = (
        "import sys\n"
        "from pitchfit.text.language import detect\n"
        "assert detect('Bonjour Marie, je vous écris au sujet de votre équipe.')[0] == 'fr'\n"
        "assert detect('Hi Sarah, I saw that your team is hiring in Berlin.')[0] == 'en'\n"
        "print('py3langid' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@requires_model
def test_embeddings_are_normalised_and_meaningful() -> None:
    import numpy as np

    from pitchfit.text import embed

    assert embed.available()
    vecs = embed.embed(
        [
            "We are hiring ten account executives",
            "Recruiting new salespeople this quarter",
            "The cat sat on the warm mat",
        ]
    )
    assert vecs.shape == (3, 384)
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-4)
    assert vecs[0] @ vecs[1] > vecs[0] @ vecs[2] + 0.2
    assert embed.embed([]).shape == (0, 384)
    assert embed.model_name() == "all-MiniLM-L6-v2-onnx-int8"


@requires_model
def test_model_loads_with_the_network_off() -> None:
    code = (
        "import socket\n"
        "def refuse(*a, **k):\n"
        "    raise OSError('network is off in this test')\n"
        "socket.socket.connect = refuse\n"
        "socket.create_connection = refuse\n"
        "from pitchfit.text import embed\n"
        "assert embed.available(), embed.unavailable_reason()\n"
        "print(embed.embed(['hello world']).shape)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "(1, 384)"


def test_missing_model_is_reported_not_raised(monkeypatch: pytest.MonkeyPatch) -> None:
    from pitchfit.text import embed

    monkeypatch.setenv("PITCHFIT_NO_MODEL", "1")
    monkeypatch.setattr(embed, "_state", {})
    assert not embed.available()
    assert embed.unavailable_reason()
    with pytest.raises(RuntimeError):
        embed.embed(["x"])
    monkeypatch.setattr(embed, "_state", {})
