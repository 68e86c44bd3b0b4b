"""Coverage-aware dispatch, ``simulate --policy cover``: keep areas covered, fill the gaps.

Two decisions, both scored by expected coverage (MEXCLP, Daskin 1983; in real
time DMEXCLP, Jagtenberg, Bhulai and van der Mei 2015): a demand point with
``k`` free capable crews within its arrival target is covered with probability
``1 - q**k``; ``q`` is the share of the province's crews busy now (at least 5 %).

* **Dispatch.** In queue order, each request looks at its candidates no more
  than ``tolerance_minutes`` slower than the nearest (and, when the nearest
  would meet the arrival target, only those that would too) and takes the one
  with the smallest ETA + ``minutes_per_call`` x the expected calls of the
  coming hour that would lose their cover if the crew left. P1 requests always
  take the nearest crew.
* **Move-up.** Every ``rebalance_minutes`` each province is reviewed: crews
  moved out earlier go home once that costs no cover (or after
  ``max_away_hours``), then up to ``moves_per_interval`` idle crews at their
  home depot are moved, greedily, to the depot where they add the most expected
  cover (at least ``min_gain`` calls of the coming hour, at most
  ``max_drive_minutes`` away, each crew at most once per ``cooldown_hours``).

Expected demand comes from the scenario's rates and hourly profile
(:mod:`console.sim.cover.forecast`), never from the day's calls.
"""
