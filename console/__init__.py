"""Roadside-assistance dispatcher console (全国24小时道路救援调度台)."""

__version__ = "0.1.0"
