"""The `boletin-tui` subcommands, one module per area. Each exposes `register(subparsers)`."""
