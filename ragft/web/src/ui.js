/*
 * ui.js: the Walker. Builds the panel once, then render() fills it for each state of the walk:
 * the trail of answers, a question (gate.js) or a recommendation (result.js), the notices.
 */

function Walker(root, data, svg) {
  this.root = root;
  this.data = data;
  this.svg = svg;
  this.state = null;
  this.currentKey = null;
  this.build();
}

Walker.prototype.label = function (name, values) { return label(this.data, name, values); };

Walker.prototype.build = function () {
  var self = this;
  var uid = "ragft-" + Math.random().toString(36).slice(2, 8);
  this.uid = uid;
  this.root.classList.add("ragft-walker");
  this.notice = el("p", { "class": "ragft-notice ragft-error", role: "alert", hidden: true });
  this.offPath = el("p", { "class": "ragft-notice ragft-offpath", role: "status", hidden: true });
  this.trail = el("ol", { "class": "ragft-trail", "aria-label": this.data.walker.headings.path });
  this.formSlot = el("div", { "class": "ragft-step" });
  this.status = el("p", { "class": "ragft-status", role: "status" });
  this.result = el("div", { "class": "ragft-result", "aria-live": "polite" });
  this.details = el("div", { "class": "ragft-details" });
  this.back = el("button", { type: "button", "class": "ragft-button ragft-secondary", text: this.label("back") });
  this.restart = el("button", { type: "button", "class": "ragft-button ragft-secondary", text: this.label("restart") });
  this.back.addEventListener("click", function () { self.goBack(); });
  this.restart.addEventListener("click", function () { self.go("", true); });
  var nav = el("div", { "class": "ragft-nav ragft-no-print" }, [this.back, " ", this.restart]);
  var panel = el("div", { "class": "ragft-panel" },
    [this.notice, this.offPath, nav, this.trail, this.formSlot, this.status, this.result, this.details]);

  var figure = this.buildFigure(uid);
  var layout = el("div", { "class": "ragft-layout" }, [panel, figure]);
  // Keep author markup (a heading, the theme toggle) that sits before the walker's own parts.
  Array.prototype.slice.call(this.root.querySelectorAll(".ragft-loading, noscript"))
    .forEach(function (n) { n.parentNode.removeChild(n); });
  this.root.appendChild(layout);

  var fit = function () { self.fitScroller(); };
  if (window.ResizeObserver) { new ResizeObserver(fit).observe(this.scroller); }
  window.addEventListener("resize", fit);
  fit();

  window.addEventListener("hashchange", function () { self.fromHash(); });
  window.addEventListener("popstate", function () { self.fromHash(); });
};

Walker.prototype.showNotice = function (text) {
  this.notice.textContent = text;
  this.notice.hidden = false;
};

Walker.prototype.hideNotice = function () {
  this.notice.hidden = true;
  this.notice.textContent = "";
  this.offPath.hidden = true;
  this.offPath.textContent = "";
};

/** Draw the state at `key`: its question or its card, the trail, the marks on the tree. */
Walker.prototype.render = function (key, focus) {
  var state = this.data.states[key];
  this.state = state;
  this.currentKey = key;
  this.status.textContent = "";
  this.renderTrail(state);
  this.formSlot.textContent = "";
  this.result.textContent = "";
  this.details.textContent = "";
  document.body.classList.remove("ragft-has-record");
  var target = state.exit ? this.renderResult(state) : this.renderGate(this.data.walker.gates[state.ask], state);
  this.back.disabled = state.card.path.length === 0;
  this.restart.disabled = state.card.path.length === 0;
  this.highlight(state.marks);
  this.pathText.textContent = spanText(state.card.path_text);
  if (focus && target) { target.focus(); }
  this.root.dispatchEvent(new CustomEvent("ragft:render", {
    bubbles: true, detail: { key: key, exit: state.exit, next: state.ask }
  }));
};

Walker.prototype.renderTrail = function (state) {
  var self = this;
  var path = state.card.path;
  this.trail.textContent = "";
  this.trail.hidden = path.length === 0;
  path.forEach(function (item) {
    var name = self.data.walker.gates[item.gate].name;  // ragft.present.content.gate_name
    var change = el("a", { href: item.change, "class": "ragft-change" },
      [self.label("change"), srOnly(" " + self.label("change_what", { gate: name }))]);
    self.trail.appendChild(el("li", null, [
      el("span", { "class": "ragft-trail-gate", text: name + ": " }),
      el("span", { "class": "ragft-trail-answer", text: item.answer_label }), " ", change
    ]));
  });
};
