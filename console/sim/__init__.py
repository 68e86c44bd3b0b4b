"""The digital twin: a discrete-event simulation of a day of roadside calls.

Everything here except :mod:`console.sim.live` is pure Python (+ numpy/scipy):
no Qt, no SQLAlchemy. The simulator dispatches through the console's own
:class:`console.core.dispatch.DispatchEngine`.
"""
