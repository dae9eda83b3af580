"""boletin-tui: read and annotate press bulletins in the terminal."""


def __getattr__(name: str) -> str:
    # `__version__` on demand: `importlib.metadata` costs 20-100 ms of every launch otherwise.
    if name != "__version__":
        raise AttributeError(name)
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("boletin-tui")  # written once, in pyproject.toml
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "0+unknown"
