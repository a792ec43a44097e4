"""Stretch Coach: a desktop coach for lower-back stretching."""

__version__ = "0.1.0"
APP_NAME = "Stretch Coach"
