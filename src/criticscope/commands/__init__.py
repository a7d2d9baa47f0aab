"""CLI command groups registered on the main ``criticscope`` command."""
