"""boletin-tui: read and annotate press bulletins in the terminal."""

__version__ = "0.1.0"
