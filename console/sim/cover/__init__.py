"""Coverage-aware dispatch, ``simulate --policy cover``: keep areas covered, fill the gaps.

Two decisions, both scored by expected coverage (MEXCLP, Daskin 1983; in real
time DMEXCLP, Jagtenberg, Bhulai and van der Mei 2015): a demand point with
``k`` free capable crews within its arrival target is covered with probability
``1 - q**k``, ``q`` being the share of the province's crews busy now (at least
5 %), so the ``k``-th crew adds ``(1 - q) q**(k-1)`` times the point's expected
calls. Free crews count at their station (home depot or the depot they were
moved to), also while driving there.

* **Dispatch.** In queue order, each request weighs its candidates no more
  than ``tolerance_minutes`` slower than the nearest (and, when the nearest
  would meet the request's arrival target, only those that would too) and
  takes the one with the smallest ETA + ``minutes_per_call`` x the expected
  calls of the coming hour that would lose their cover if the crew left. P1
  requests always take the nearest crew: they are the safety calls, their
  30-minute town target leaves no minutes to trade, and the centre's goal
  for them (95 % on time) is the strictest.
* **Move-up.** Every ``rebalance_minutes`` each province is reviewed: crews
  moved out earlier go home once that costs no expected cover (or after
  ``max_away_hours``), then up to ``moves_per_interval`` idle crews based at
  their home depot are moved, greedily, to the depot where they add the most expected
  cover (at least ``min_gain`` calls of the coming hour, at most
  ``max_drive_minutes`` away, each crew moved out at most once per
  ``cooldown_hours``). Moved crews stay free and dispatchable while they drive.

Expected demand comes from the scenario's rates and hourly profile
(:mod:`console.sim.cover.forecast`): what a centre knows from its history,
never the day's calls.

Measured with ``simulate --compare nearest,optimise,cover --seed 1
--replications 5`` (mean, and the paired difference to nearest with its 95 %
CI): national day arrival SLA 94.1 % vs 86.9 % (+7.2 +/- 0.6), P1 93.8 % vs
86.8 % (+6.9 +/- 1.4), mean time to arrival 34.6 vs 51.1 min (-16.5 +/- 1.6,
-32 %), p90 49 vs 108 min, 2-minute assignment SLA 100 % for both, never
reached 19 vs 31, about 1,700 move orders a day (one per crew); Shanghai
95.1 % vs 91.9 % (+3.2 +/- 2.2; P1 95.9 %), mean -3.3 +/- 1.7 min; live demo
(200 calls) 98.0 % vs 90.8 % (+7.2 +/- 2.6), mean -14.8 +/- 4.6 min. What is
left are calls whose near capable crews are all out or still on their way
back, and towns too far from any spare crew of the needed kind: the
stationing plan (``plan --move-only``) closes most of the second, and there
``cover`` adds little to nearest (see ``min_gain`` below).

Parameters (:class:`console.sim.cover.policy.CoverSettings`), chosen on the
national day (``national-day``, seed 1, two or three replications, against
nearest's 87.0 % arrival SLA and 50.1 min mean time to arrival), checked on
``shanghai-day`` (five replications) and on the national day's planned fleet
(``simulate --what-if`` of ``plan --move-only``):

* The gain is in the move-up. Dispatch weighing alone adds 0.1-0.3 points of
  arrival SLA: with ``q`` near 0.12, only a crew that is its area's *sole*
  cover weighs much, and the nearest crew seldom is one.
* ``only_at_depot`` = False: any free crew based at home may be moved, also
  one standing near its depot or driving back from a job. No crew starts the
  day exactly at its depot (the seeded positions scatter up to 6 km), so
  moving only crews at the depot left most of the idle fleet unmovable:
  90.8 % against 93.1 % with everything else equal (180-minute drives).
* ``max_drive_minutes`` = 300, ``moves_per_interval`` = 10: the gaps are
  mostly capability holes between cities (a busy town whose depots lack a van
  for lockouts or a flatbed for EV tows), often hours from a depot with spare
  crews of that kind. Drives of at most 180 / 240 / 300 / 420 minutes gave
  93.1 / 93.7 / 94.1 / 94.1 % (P1 92.4 / 93.6 / 94.4 / 94.2 %). A move that
  long is a stationing question in practice (the ``plan`` command's); the twin
  shows what it is worth. 20 moves per review instead of 10 changed nothing.
* ``min_gain`` = 0.012 % of the whole twin's expected calls in the coming hour
  (``relative_gain``; about 0.02 calls on the national day's average hour),
  chosen with the stationing plan in view. An absolute threshold of 0.005 /
  0.01 / 0.02 calls gave 93.6 / 93.4 / 93.4 % on today's fleet (three
  replications, 3,600 / 2,900 / 2,000 moves a day) but 96.5 / 96.6 / 97.1 %
  on the fleet as ``plan --move-only`` stations it, against nearest's 96.8 %:
  small gains are moves that pull crews out of place once the holes are
  closed. An absolute threshold also stops moves on a quiet day (0.02 moved
  two crews on the live demo's 200 calls, with no gain). Relative, 0.012 %
  gave 93.8 % today with 1,700 moves, 97.1 % on the planned fleet, 98.0 % on
  the live demo and 95.1 % on Shanghai; 0.006 % moved more for no more cover.
* ``return_slack`` = 0 and ``max_away_hours`` = 24: a crew goes home only when
  that costs no cover (typically late in the evening when demand falls).
  Slack 0.02 made crews shuttle home and out (5,300 moves a day, -1 point);
  a forced return after 4 h lost a point; after 8 h it equalled 24 h with 16 %
  more moves.
* ``minutes_per_call`` (lambda) = 200 with ``tolerance_minutes`` = 20: lambda
  30/5, 60/10 and 200/20 all lie within 0.3 points of each other (noise at two
  replications); 200/20 was best for P1 and overall on the national day and
  equal on Shanghai. In its units, keeping a town's sole cover with 0.05
  expected calls in the coming hour is worth 10 minutes of ETA.
* ``p1_weight`` = 1 (P1 cover counts like any other): 3 gave +0.1 to +0.8
  points of P1 SLA on the national day but cost overall SLA there (300-minute
  drives: 93.7 % against 94.1 %) and -0.1 to -0.9 P1 points on Shanghai; 6
  lost a point there. The plain expected-calls objective stays.
  A ``min_gain`` relative to the province's own demand (0.1 % of its coming
  hour) lost 0.5 points on Shanghai, where one province carries all demand.
* ``p1_nearest`` = True: weighing P1 requests' cover as well gave the same P1
  attainment (93.5 % against 93.5 %, three replications), so a safety call
  never waits for the sake of cover.
* ``rebalance_minutes`` 10 or 15, ``cooldown_hours`` 1 or 2, ``busy_floor``
  0.05 or 0.1, and covering with 80 % or 65 % of the target (``reach``) made
  no difference beyond noise; the cheaper or simpler value was kept.
"""
