"""The PDF exports' machinery (Qt's own writer, no browser): fonts, the paged document, the comparison sheet
in it and charts as document objects. ``desktop.export_pdf`` writes the comparison sheet with it;
``desktop.export_worksheet`` the worksheets."""
