"""The field link's network edge: vehicles' positions and job status in, over HTTP and MQTT.

A separate long-running process (``roadside-console gateway``) with no state of
its own: several can run behind a load balancer. It parses reports, resolves
devices, limits each device's rate and batches fixes into the data layer
through the interfaces of :mod:`console.core.field.ports`. No Qt.
"""
