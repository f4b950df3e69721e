"""Data only (lexicons, styles, icons, fonts): a package so importlib.resources can find it."""
