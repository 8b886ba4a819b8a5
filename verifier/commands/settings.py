"""Show the settings a run uses and where they come from: [tool.verifier] of the nearest pyproject.toml.

  verifier config              the settings for ./claims.yaml
  verifier config FILE         the settings for that claims file (the pyproject.toml above it)

The first line is the one every report prints (`verifier: config from pyproject.toml [tool.verifier]`,
or the defaults); then each key, as TOML, marked `# set` where the file sets it. Exit 0, or 2 when the
pyproject.toml cannot be read.
"""
from __future__ import annotations

import json

VERB = "config"

# what an unset key means
UNSET = {"cache_dir": "your user cache folder, or $VERIFIER_CACHE_DIR",
         "root": "the git top level, else the working directory",
         "collect_check": '"fail" under CI, else "warn"',
         "stub_check": '"fail" under CI, else "warn"'}


def configure(parser) -> None:
    from .options import add_claims_argument
    add_claims_argument(parser)
    parser.set_defaults(run=run)


def run(args) -> int:
    from .. import config
    from ..outputs.safe_text import echo
    from .options import prepare

    settings = prepare(args)
    echo("\n".join(lines(settings, config.shown_path(settings.source))))
    return 0


def lines(settings, shown: str | None) -> list[str]:
    """The origin line, then `key = value  # set` or `# default` for each [tool.verifier] key."""
    from ..config import KEYS, origin_line
    out = [origin_line(shown)]
    for key in KEYS:
        value = getattr(settings, key)
        mark = "# set" if key in settings.explicit else "# default"
        if value is None:
            out.append(f"# {key} unset: {UNSET.get(key, 'none')}")
        else:
            out.append(f"{key} = {_toml(value)}  {mark}")
    return out


def _toml(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, tuple):
        value = list(value)
    return json.dumps(value, ensure_ascii=False)
