"""Scenario Explorer's domain, pure Python (it never imports streamlit), in subpackages by job:
content, analysis, views, figures, voting, cib, uploads and publish (see docs/architecture.md)."""
