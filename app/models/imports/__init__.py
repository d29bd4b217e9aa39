"""Importing department data: kinds of file and their fields, column mappings guessed from headers, validation
of each row with reasons in the UI language, and the import run itself (batches, provenance, undo)."""
