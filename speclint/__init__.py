"""speclint: keep specs and code from drifting apart."""

__version__ = "0.1.0"
