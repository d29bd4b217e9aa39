"""Incidents and drills (平战结合): zones from a case, a plan dispatched as tasks in one action, the incident clock
and its milestones, the recorded timeline and its replay, synthetic drill completions. Qt-free."""
