"""The JSON Schema of claims.yaml, shipped with the package.

Editors (yaml-language-server, VS Code, JetBrains) read it to complete keys and
flag typos as you type; the loader in claims.py stays the authority, and
tests/test_schema.py keeps the two in agreement.
"""
from __future__ import annotations

import json
from importlib import resources

SCHEMA_NAME = "claims.schema.json"


def schema_text() -> str:
    """The schema exactly as shipped (what `verifier schema` prints)."""
    return resources.files("verifier").joinpath(SCHEMA_NAME).read_text(encoding="utf-8")


def load_schema() -> dict:
    return json.loads(schema_text())
