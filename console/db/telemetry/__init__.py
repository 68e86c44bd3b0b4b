"""Vehicle telemetry in the database: registered devices, batched fixes, the trail and its retention.

Implements :mod:`console.core.field.ports` for the gateway. Fixes are not
business state: a batch is one transaction that stores each crew's newest fix,
appends the trail to ``position_fixes`` and appends one ledger event carrying
the batch's digest, bumping ``position_revision`` rather than the business
revision.
"""
