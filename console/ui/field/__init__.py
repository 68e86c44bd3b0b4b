"""The selected job's field view: its crew's trail on the map, the live ETA, "arrived?"."""
