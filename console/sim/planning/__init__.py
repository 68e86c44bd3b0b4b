"""Coverage planning: where to station which capabilities, on the twin's own demand."""
