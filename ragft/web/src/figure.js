/*
 * figure.js: the tree beside the questions. The diagram with the path marked in the contract's
 * classes (on-path, current), the path in one line of text, and the tree in words.
 */

/** The tree in words (ragft.present.tree_words) as a disclosure next to the diagram. */
function treeInWords(words, summaryLabel) {
  var list = el("ul", null, words.questions.map(function (q) {
    return el("li", null, [q[0], el("ul", null, q[1].map(function (a) { return el("li", { text: a }); }))]);
  }));
  return el("details", { "class": "ragft-tree-text" }, [
    el("summary", { text: summaryLabel }), el("p", { text: words.summary }), list]);
}

/**
 * The figure beside the questions: the diagram in a sideways scroller, its caption, the path
 * in words and the tree in words. Reuses the page's <figure class="ragft-tree"> when there is one.
 */
Walker.prototype.buildFigure = function (uid) {
  var figure = this.root.querySelector(".ragft-tree");
  if (!figure) { figure = el("figure", { "class": "ragft-tree" }); }
  // The diagram keeps a readable size on narrow screens and scrolls sideways in this box.
  this.scroller = el("div", { "class": "ragft-tree-scroll", role: "group",
    "aria-label": this.label("diagram") });
  figure.insertBefore(this.scroller, figure.firstChild);
  if (this.svg) { this.scroller.appendChild(this.svg); }
  var caption = el("figcaption", { id: uid + "-cap", text: this.label("diagram_caption") });
  // Not a live region: focus already moves to the next question or the recommendation,
  // which a screen reader reads out; announcing this line too would say it all twice.
  this.pathText = el("p", { id: uid + "-path", "class": "ragft-path-text" });
  figure.appendChild(caption);
  figure.appendChild(this.pathText);
  var words = this.data.tree_words;
  figure.appendChild(treeInWords(words, this.label("tree_in_words")));
  if (this.svg) {
    this.svg.setAttribute("role", "img");
    this.svg.setAttribute("focusable", "false");
    this.svg.setAttribute("aria-label", this.label("diagram_name", { summary: words.summary }));
    this.svg.setAttribute("aria-describedby", uid + "-path");
    this.svg.removeAttribute("width");
    this.svg.removeAttribute("height");
  }
  return figure;
};

/** A scroller that holds a wider diagram is a tab stop, so the keyboard can scroll it. */
Walker.prototype.fitScroller = function () {
  var box = this.scroller;
  if (box.scrollWidth > box.clientWidth + 1) {
    box.setAttribute("tabindex", "0");
    box.setAttribute("aria-label", this.label("diagram_wide"));
  } else {
    box.removeAttribute("tabindex");
    box.setAttribute("aria-label", this.label("diagram"));
  }
};

/** Mark the path on the tree SVG with the contract's classes (ragft.diagram.marks). */
Walker.prototype.highlight = function (marks) {
  var svg = this.svg;
  if (!svg) { return; }
  Array.prototype.slice.call(svg.querySelectorAll(".on-path, .current")).forEach(function (n) {
    n.classList.remove("on-path");
    n.classList.remove("current");
  });
  var byId = {};
  Array.prototype.slice.call(svg.querySelectorAll("g[id]")).forEach(function (n) { byId[n.getAttribute("id")] = n; });
  var mark = function (id, cls) { if (byId[id]) { byId[id].classList.add(cls); } };
  marks.nodes.concat(marks.edges).forEach(function (id) { if (id !== marks.current) { mark(id, "on-path"); } });
  if (marks.current) { mark(marks.current, "current"); }
  svg.classList.toggle("has-path", marks.edges.length > 0);
};
