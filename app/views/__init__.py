"""QWidgets: main window, docks, dialogs. They talk to models, never to the store."""
