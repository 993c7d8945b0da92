// Keys pressed in a ragft widget stay in the widget. JupyterLab's notebook shortcuts act on any
// focused element that is not editable text, so ArrowDown on a dropdown (<select>) selected the
// next cell instead of the next option. Lumino skips its shortcuts for a key whose target has
// `data-lm-suppress-shortcuts`: this hidden view puts it on every dropdown of the widget it
// sits in, now and as the widget redraws.
// It also moves the keyboard focus when Python asks (`focus_count` grows): to the first element
// of the widget matching `focus_target`, made focusable (tabindex -1) if it is not already.
function render({ model, el }) {
  const mark = (root) => {
    for (const select of root.querySelectorAll("select:not([data-lm-suppress-shortcuts])")) {
      select.setAttribute("data-lm-suppress-shortcuts", "true");
    }
  };
  // The view may be drawn before ipywidgets attaches it to the page: retry for a few seconds.
  const attach = (tries = 100) => {
    const root = el.closest(".ragft-widget");
    if (!root) {
      if (tries > 0) setTimeout(() => attach(tries - 1), 50);
      return;
    }
    mark(root);
    new MutationObserver(() => mark(root)).observe(root, { childList: true, subtree: true });
  };
  attach();

  // The target may be drawn a moment after the request arrives: retry for a second.
  const focusTarget = (tries = 20) => {
    const root = el.closest(".ragft-widget");
    const target = root && root.querySelector(model.get("focus_target"));
    if (!target) {
      if (tries > 0) setTimeout(() => focusTarget(tries - 1), 50);
      return;
    }
    if (!target.matches("a[href], button, input, select, textarea, [tabindex]")) {
      target.tabIndex = -1;
    }
    target.focus();
  };
  model.on("change:focus_count", () => model.get("focus_target") && focusTarget());
}

export default { render };
