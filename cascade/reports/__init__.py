"""One renderer per output format."""
