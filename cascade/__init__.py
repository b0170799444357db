"""Alignment, diff, graph and reports over parsed letters. Never reads input files."""
