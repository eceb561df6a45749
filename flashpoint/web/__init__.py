"""The dashboard: static assets (static/) and the country outlines it draws (countries.py)."""
