"""Queue tickets and slips for ESC/POS thermal printers: layout, raster, transport, worker."""
