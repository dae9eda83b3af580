"""The Textual interface. The only package that imports Textual; the CLI imports it lazily."""

from boletin_tui.tui.app import BoletinApp
from boletin_tui.tui.make import make_app

__all__ = ["BoletinApp", "make_app"]
