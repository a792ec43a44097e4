"""Qt-free heart of Stretch Coach: catalog, figure kinematics, session engine, store.

Nothing under this package may import Qt; a test enforces it.
"""
