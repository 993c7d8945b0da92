/*
 * result.js: the recommendation card (a Card of ragft.present), and the decision record to
 * print or download as Markdown.
 */

Walker.prototype.renderResult = function (state) {
  var self = this;
  var card = state.card;
  var heading = el("h2", { tabindex: "-1", "class": "ragft-rec-title" }, [
    el("span", { "class": "ragft-rec-label", text: card.kicker + ": " }), card.title]);
  var swatch = el("span", { "class": "ragft-swatch", "aria-hidden": "true" });
  if (card.color) { swatch.style.backgroundColor = card.color; }
  var rec = el("div", { "class": "ragft-rec kind-" + card.kind, "data-exit": card.exit, "data-kind": card.kind }, [
    heading,
    el("p", { "class": "ragft-kind" }, [swatch, el("strong", { text: card.line })]),
    el("p", { "class": "ragft-summary", text: card.summary })
  ]);
  var record = el("section", { "class": "ragft-record", "aria-label": this.label("recommendation") }, [rec]);
  var text = recordText(this.data, state);
  if (text) {
    var print = el("button", { type: "button", "class": "ragft-button ragft-secondary", text: this.label("print") });
    var download = el("button", { type: "button", "class": "ragft-button", text: this.label("download") });
    print.addEventListener("click", function () { window.print(); });
    download.addEventListener("click", function () { self.download(state.exit, recordText(self.data, state)); });
    record.appendChild(el("div", { "class": "ragft-record-actions ragft-no-print" }, [download, " ", print]));
    document.body.classList.add("ragft-has-record");
  }
  // Sections side by side where the panel is wide (walker.css), one after another otherwise.
  record.appendChild(el("div", { "class": "ragft-sections" }, card.sections.map(function (section) {
    var list = el(section.ordered ? "ol" : "ul", { "class": "ragft-section-" + section.id },
      section.items.map(function (item) { return el("li", null, [spans(item)]); }));
    return el("div", { "class": "ragft-section", "data-section": section.id },
      [el("h3", { text: section.heading }), list]);
  })));
  this.result.appendChild(record);
  return heading;
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
