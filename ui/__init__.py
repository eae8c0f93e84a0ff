"""The PySide6 user interface: app start-up, task runner, theme, widgets, one module per screen."""

from ui.import_hook import skip_source_scans

# Before any other module of the UI is imported: each one would be read as source again.
skip_source_scans()
