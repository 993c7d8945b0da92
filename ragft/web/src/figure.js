/*
 * figure.js: the tree beside the questions. The diagram with the path marked in the contract's
 * classes (on-path, current), the path in one line of text, and the tree in words.
 */

/**
 * The tree in words (ragft.diagram.text_alternative: a summary line, then each question
 * followed by its "- answer: go to ..." lines) as a disclosure next to the diagram.
 */
function treeInWords(lines) {
  var list = el("ul"), answers = null;
  lines.slice(1).forEach(function (line) {
    if (!line) { return; }
    if (line.slice(0, 2) === "- " && answers) {
      answers.appendChild(el("li", { text: line.slice(2) }));
    } else {
      answers = el("ul");
      list.appendChild(el("li", null, [line, answers]));
    }
  });
  return el("details", { "class": "ragft-tree-text" }, [
    el("summary", { text: "The tree in words" }), el("p", { text: lines[0] }), list]);
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
    "aria-label": "Tree diagram" });
  figure.insertBefore(this.scroller, figure.firstChild);
  if (this.svg) { this.scroller.appendChild(this.svg); }
  var caption = el("figcaption", { id: uid + "-cap",
    text: "The whole tree. Your answers so far are drawn in bold; the question waiting for an answer is shaded." });
  // Not a live region: focus already moves to the next question or the recommendation,
  // which a screen reader reads out; announcing this line too would say it all twice.
  this.pathText = el("p", { id: uid + "-path", "class": "ragft-path-text" });
  figure.appendChild(caption);
  figure.appendChild(this.pathText);
  var alt = String(this.data.text_alternative || "").split("\n");
  if (alt[0]) { figure.appendChild(treeInWords(alt)); }
  figure.classList.add("ragft-no-print");
  if (this.svg) {
    this.svg.setAttribute("role", "img");
    this.svg.setAttribute("focusable", "false");
    if (alt[0]) {
      this.svg.setAttribute("aria-label", alt[0] + " Below it: your path, and the tree in words.");
    } else {
      this.svg.setAttribute("aria-labelledby", uid + "-cap");
    }
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
    box.setAttribute("aria-label", "Tree diagram, wider than the screen: scroll sideways");
  } else {
    box.removeAttribute("tabindex");
    box.setAttribute("aria-label", "Tree diagram");
  }
};

/** One line of text for the path drawn on the tree (the words of ragft.diagram's). */
Walker.prototype.describePath = function (state) {
  var self = this;
  var said = state.path.map(function (step) {
    var gate = self.gates[step[0]];
    var answer = gate.answers.filter(function (a) { return a.id === step[1]; })[0];
    return gate.label + ": " + answer.label;
  }).join("; ");
  var text = "Your path: " + (said || "no answers yet") + ".";
  if (state.exit) {
    var ex = this.exits[state.exit];
    var kind = this.kinds[ex.kind];
    text += ' It ends at recommendation "' + ex.title + '"' + (kind ? " (" + kind.label + ")" : "") + ".";
  } else {
    var next = this.gates[state.next];
    text += " Next question, " + next.label + ": " + next.question;
  }
  return text;
};

/** Mark the path on the tree SVG with the contract's classes: on-path, current. */
Walker.prototype.highlight = function (state) {
  var svg = this.svg;
  if (!svg) { return; }
  Array.prototype.slice.call(svg.querySelectorAll(".on-path, .current")).forEach(function (n) {
    n.classList.remove("on-path");
    n.classList.remove("current");
  });
  var find = function (id) {
    var found = svg.querySelectorAll("g[id]");
    for (var i = 0; i < found.length; i++) { if (found[i].getAttribute("id") === id) { return found[i]; } }
    return null;
  };
  var mark = function (id, cls) { var n = find(id); if (n) { n.classList.add(cls); } };
  state.path.forEach(function (step) {
    mark(step[0], "on-path");
    mark(step[0] + "-" + step[1], "on-path");
  });
  if (state.exit) { mark(state.exit, "on-path"); } else { mark(state.next, "current"); }
  svg.classList.toggle("has-path", state.path.length > 0);
};
