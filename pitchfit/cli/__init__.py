"""Command-line interface: thin shells over the library functions, same parameter names."""
