"""The rating wizard (faces, reasons, thanks), shared by the kiosk tile and the counter tablet."""
