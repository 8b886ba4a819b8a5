"""The one error of the numbers package."""


class FigureError(ValueError):
    """A figure string held no figure, or more than one; the message says which."""
