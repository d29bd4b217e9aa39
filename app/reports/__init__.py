"""Documents written from the models' data, headless (no Qt): the after-action report of an incident or drill.

reportlab writes vector PDF with Chinese text through its built-in Adobe-GB1 CID font, so the CLI and a
headless drill write the report without a display, a QGuiApplication or a font file of our own."""
