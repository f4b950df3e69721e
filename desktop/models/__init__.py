"""Qt item models (data for views; no widgets)."""
