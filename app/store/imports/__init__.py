"""Reading department files and writing what they hold: readers per format (``sources``), and the batch writes,
provenance and undo of import runs (``runs``)."""
