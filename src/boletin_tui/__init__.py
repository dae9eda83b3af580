"""boletin-tui: read and annotate press bulletins in the terminal."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("boletin-tui")  # written once, in pyproject.toml
except PackageNotFoundError:  # run from a source tree that was never installed
    __version__ = "0+unknown"
