"""Dispatch (指令调度): tasks routed from the command centre to towns, villages and micro-grids and followed
to the end — lifecycle, service levels, escalation, cascade, transfers and specimen runs. Qt-free."""
