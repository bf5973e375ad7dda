"""PDF action list rendering (no Qt): domain objects in, bytes out."""
