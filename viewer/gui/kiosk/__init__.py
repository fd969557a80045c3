"""The kiosk: a touch-only, read-only window for a public terminal (`window.KioskWindow`)."""
