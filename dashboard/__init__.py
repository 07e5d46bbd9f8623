"""Shared core of the Huizhou civil-affairs dashboard."""
