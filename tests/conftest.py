import os
import tempfile

pytest_plugins = ["pytester"]

# The figure cache and its key live in the user's folders (#13): keep test runs out of the real ones.
_HOME = tempfile.mkdtemp(prefix="verifier-test-home-")
os.environ.setdefault("XDG_CACHE_HOME", os.path.join(_HOME, "cache"))
os.environ.setdefault("XDG_CONFIG_HOME", os.path.join(_HOME, "config"))
