// The sidebar toggles a reader sees work (book/_ext/book_html_fixes.py, fix 4). The themes' scripts
// bind the first .primary-toggle and .secondary-toggle of the page, which are the header's (hidden
// in sphinx-book-theme's layout); the visible ones in the article's header pass their clicks on.
document.addEventListener("DOMContentLoaded", () => {
  for (const kind of ["primary", "secondary"]) {
    const [bound, ...others] = document.querySelectorAll(`.${kind}-toggle`);
    for (const other of others) {
      other.addEventListener("click", (event) => {
        event.preventDefault();
        bound.click();
      });
    }
  }
});
