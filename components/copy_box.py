"""A line of text in a box with a copy button, for the view's link.

``st.code`` draws the same box, but its syntax highlighter is 1.5 MB of script: on a fresh page
the browser spent about 0.4 s evaluating it before it evaluated plotly's, and the first chart
waited. This box is a few lines of our own script (a Streamlit v2 component): the text is set
as text, never as markup.
"""

from __future__ import annotations

import streamlit as st

_HTML = """<div class="box"><code class="text"></code>
<button type="button" class="copy" title="Copy to clipboard">Copy</button></div>"""

_CSS = """
.box {
  display: flex; align-items: center; gap: 0.5rem;
  background: var(--st-code-background-color, var(--st-secondary-background-color));
  border-radius: var(--st-base-radius, 0.5rem); padding: 0.625rem 0.625rem 0.625rem 1rem;
}
.text {
  flex: 1; min-width: 0; overflow-x: auto; white-space: nowrap;
  font-family: var(--st-code-font, monospace); font-size: 0.875rem;
  color: var(--st-text-color);
}
.copy {
  flex: none; cursor: pointer; font: inherit; font-size: 0.875rem;
  font-family: var(--st-font, sans-serif); color: var(--st-text-color);
  background: var(--st-background-color); border: 1px solid var(--st-border-color, #ccc);
  border-radius: var(--st-button-radius, var(--st-base-radius, 0.5rem)); padding: 0.125rem 0.5rem;
}
.copy:hover, .copy:focus-visible {
  border-color: var(--st-primary-color); color: var(--st-primary-color);
}
"""

_JS = """
export default function ({ parentElement, data }) {
  const text = parentElement.querySelector(".text");
  const button = parentElement.querySelector(".copy");
  text.textContent = data.text;
  button.textContent = "Copy";
  button.onclick = async () => {
    try {
      await navigator.clipboard.writeText(data.text);
      button.textContent = "Copied";
    } catch {
      const range = document.createRange();
      range.selectNodeContents(text);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      button.textContent = "Selected: press Ctrl+C";
    }
  };
}
"""

_COPY_BOX = st.components.v2.component("scenario_explorer.copy_box", html=_HTML, css=_CSS, js=_JS)


def copy_box(text: str, key: str) -> None:
    """Show ``text`` on one line (scrolling sideways when longer) with a button that copies it."""
    _COPY_BOX(data={"text": text}, key=key)
