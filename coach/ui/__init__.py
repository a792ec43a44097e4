"""Qt widgets and windows. Imports coach.core, never the reverse."""
