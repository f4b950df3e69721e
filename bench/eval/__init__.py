"""Slant's evaluation harness (``make eval``): how right the findings are on annotated news.

One module per corpus (``babe``, ``newsmtsc``, ``polnear``), each with ``evaluate(folder, limit=None)``;
``scoring`` holds the shared scoring functions; ``run.py`` the registry and the command line.
Not part of ``make test``; ``tests/analysis/test_eval_harness.py`` checks it on a few items.
"""
