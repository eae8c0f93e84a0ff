"""The visitor kiosk: home, choose, priority and ticket screens, and the window holding them."""
