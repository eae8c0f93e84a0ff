"""Where a slip is on its way to paper, as the ticket and guide screens show it.

A module of its own (no Qt, no core) so the window can compare states before the screens that
show them are imported (they load after the first frame).
"""

PRINTING = "printing"
PRINTED = "printed"
FAILED = "failed"
