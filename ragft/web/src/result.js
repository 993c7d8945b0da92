/*
 * result.js: the recommendation card, what would flip it, and the decision record to print
 * or download as Markdown.
 */

Walker.prototype.renderResult = function (state) {
  var self = this;
  var walkKey = key(state.path);
  var entry = this.data.walks[walkKey];
  var ex = this.exits[state.exit];
  if (!entry || entry.exit !== state.exit) {
    // The payload was not made by one engine run: say so rather than guess.
    this.showNotice("The walker's data has no finished walk for '" + walkKey + "'; export it again with `ragft export`.");
  }
  var kind = this.kinds[ex.kind] || { label: ex.kind, color: "", description: "" };
  var heading = el("h2", { tabindex: "-1", "class": "ragft-rec-title" }, [
    el("span", { "class": "ragft-rec-label", text: "Recommendation: " }), ex.title]);
  var swatch = el("span", { "class": "ragft-swatch", "aria-hidden": "true" });
  if (kind.color) { swatch.style.backgroundColor = kind.color; }
  this.result.appendChild(el("div", { "class": "ragft-rec kind-" + ex.kind, "data-exit": ex.id, "data-kind": ex.kind }, [
    heading,
    el("p", { "class": "ragft-kind" }, [swatch, el("strong", { text: kind.label }), kind.description ? " · " + kind.description : ""]),
    el("p", { "class": "ragft-summary", text: ex.summary })
  ]));

  var parts = [];
  parts.push(el("h3", { text: "What you will build" }));
  parts.push(el("ul", null, ex.build.map(function (b) { return el("li", { text: b }); })));
  if ((ex.warnings || []).length) {
    parts.push(el("h3", { text: "Warnings" }));
    parts.push(el("ul", null, ex.warnings.map(function (w) { return el("li", { text: w }); })));
  }
  if (entry && entry.flips.length) {
    parts.push(el("h3", { text: "What would flip it" }));
    parts.push(el("ul", { "class": "ragft-flips" }, entry.flips.map(function (f) { return self.flipItem(state, f); })));
  }
  var text = entry ? recordText(this.data, walkKey) : null;
  if (text) {
    var print = el("button", { type: "button", "class": "ragft-button ragft-secondary", text: "Print the decision record" });
    var download = el("button", { type: "button", "class": "ragft-button", text: "Download as Markdown" });
    print.addEventListener("click", function () { window.print(); });
    download.addEventListener("click", function () { self.download(state.exit, recordText(self.data, walkKey)); });
    parts.push(el("div", { "class": "ragft-record-actions ragft-no-print" }, [download, " ", print]));
    var record = el("section", { "class": "ragft-record", "aria-label": "Decision record" });
    record.appendChild(renderMarkdown(text));
    parts.push(record);
    document.body.classList.add("ragft-has-record");
  }
  parts.forEach(function (p) { self.details.appendChild(p); });
  return heading;
};

Walker.prototype.flipItem = function (state, flip) {
  var gate = this.gates[flip.gate];
  var alt = gate.answers.filter(function (a) { return a.id === flip.alternative; })[0];
  var answers = state.path.map(function (p) { return p[0] === flip.gate ? [p[0], flip.alternative] : p; });
  var target;
  if (flip.exit) {
    target = el("a", { href: "#" + key(answers) }, [this.exits[flip.exit].title]);
  } else {
    var next = this.gates[flip.leads_to];
    var upTo = [];
    for (var i = 0; i < answers.length && answers[i][0] !== flip.gate; i++) { upTo.push(answers[i]); }
    upTo.push([flip.gate, flip.alternative]);
    target = el("a", { href: "#" + key(upTo) }, [next.label + ": " + next.question]);
  }
  return el("li", null, [
    gate.label + " (" + gate.title + "): answering ", el("em", { text: alt.label }),
    flip.exit ? " would lead to " : " would continue to ", target
  ]);
};

Walker.prototype.download = function (exitId, text) {
  var blob = new Blob([text], { type: "text/markdown;charset=utf-8" });
  var url = URL.createObjectURL(blob);
  var link = el("a", { href: url, download: "decision-record-" + exitId + "-" + today() + ".md", hidden: true });
  document.body.appendChild(link);
  link.click();
  document.body.removeChild(link);
  window.setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
};
