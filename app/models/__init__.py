"""Qt-free domain logic: layers, selection, indicators, warnings, tracing, dispatch."""
