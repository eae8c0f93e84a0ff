"""The PySide6 user interface: app start-up, task runner, theme, widgets, one module per screen."""
