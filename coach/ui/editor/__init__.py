"""The routine editor: make, change, share and remove the user's own
routines (shipped routines are read-only and can be duplicated)."""
