"""editor_app: a desktop editorial workstation for financial-news desks."""

__version__ = "0.1.0"
APP_NAME = "editor_app"
APP_DISPLAY_NAME = "Editor App"
ORG_NAME = "editor_app"
