"""The village point's touch program (``kiosk village``): record help given at a culture house."""
