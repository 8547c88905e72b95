"""What leaves the app: citations, CSV of a view, the set as a zip, the printable brief.

Imported on first use only: it pulls in pandas."""
