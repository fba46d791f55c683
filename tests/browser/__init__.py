"""Browser tests: the built site served on 127.0.0.1 and driven with Debian's headless Chromium (chromium-headless-shell)."""
