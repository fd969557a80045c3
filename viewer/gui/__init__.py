"""The window: Qt widgets that present the archive; every query goes through viewer.core.store."""
