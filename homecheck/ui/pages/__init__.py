"""The wizard pages: start, about you, your home, one page per area, summary and finish."""
