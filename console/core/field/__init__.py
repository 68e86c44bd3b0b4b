"""The field link's pure parts: what a vehicle reports, and the rules a report must pass.

No network, no database: the gateway (``console.gateway``) parses requests into
:class:`~console.core.field.fix.Report` values, the data layer
(``console.db.telemetry``) stores resolved :class:`~console.core.field.fix.Fix`
values in batches, and both judge a fix by the same rules.
"""
