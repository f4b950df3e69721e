"""Dialogs of the main window, one module each."""
