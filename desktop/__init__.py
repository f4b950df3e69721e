"""Slant's desktop application (all Qt code lives in this package)."""
