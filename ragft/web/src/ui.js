/*
 * ui.js: the Walker. Builds the panel once, then render() fills it for each state of the walk:
 * the trail of answers, a question (gate.js) or a recommendation (result.js), the notices.
 */

function Walker(root, data, svg) {
  this.root = root;
  this.data = data;
  this.gates = gateIndex(data);
  this.exits = exitIndex(data);
  this.kinds = {};
  var kinds = this.kinds;
  data.kinds.forEach(function (k) { kinds[k.id] = k; });
  this.svg = svg;
  this.state = null;
  this.currentKey = null;
  this.build();
}

Walker.prototype.build = function () {
  var self = this;
  var uid = "ragft-" + Math.random().toString(36).slice(2, 8);
  this.uid = uid;
  this.root.classList.add("ragft-walker");
  this.notice = el("p", { "class": "ragft-notice ragft-error", role: "alert", hidden: true });
  this.offPath = el("p", { "class": "ragft-notice ragft-offpath", role: "status", hidden: true });
  this.trail = el("ol", { "class": "ragft-trail", "aria-label": "Your answers so far" });
  this.formSlot = el("div", { "class": "ragft-step" });
  this.status = el("p", { "class": "ragft-status", role: "status" });
  this.result = el("div", { "class": "ragft-result", "aria-live": "polite" });
  this.details = el("div", { "class": "ragft-details" });
  this.back = el("button", { type: "button", "class": "ragft-button ragft-secondary", text: "Back" });
  this.restart = el("button", { type: "button", "class": "ragft-button ragft-secondary", text: "Restart" });
  this.back.addEventListener("click", function () { self.goBack(); });
  this.restart.addEventListener("click", function () { self.go([], true); });
  var nav = el("div", { "class": "ragft-nav ragft-no-print" }, [this.back, " ", this.restart]);
  var panel = el("div", { "class": "ragft-panel" },
    [this.notice, this.offPath, this.trail, this.formSlot, this.status, this.result, this.details, nav]);

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

Walker.prototype.render = function (state, focus) {
  this.state = state;
  this.currentKey = key(state.path);
  this.status.textContent = "";
  this.renderTrail(state);
  this.formSlot.textContent = "";
  this.result.textContent = "";
  this.details.textContent = "";
  document.body.classList.remove("ragft-has-record");
  var target;
  if (state.exit) {
    target = this.renderResult(state);
  } else {
    target = this.renderGate(this.gates[state.next], state);
  }
  this.back.disabled = state.path.length === 0;
  this.restart.disabled = state.path.length === 0;
  this.highlight(state);
  this.pathText.textContent = this.describePath(state);
  if (focus && target) { target.focus(); }
  this.root.dispatchEvent(new CustomEvent("ragft:render", {
    bubbles: true, detail: { key: this.currentKey, exit: state.exit, next: state.next }
  }));
};

Walker.prototype.renderTrail = function (state) {
  var self = this;
  this.trail.textContent = "";
  this.trail.hidden = state.path.length === 0;
  state.path.forEach(function (step, i) {
    var gate = self.gates[step[0]];
    var answer = gate.answers.filter(function (a) { return a.id === step[1]; })[0];
    var change = el("a", { href: "#" + key(state.path.slice(0, i)), "class": "ragft-change" },
      ["Change", srOnly(" the answer to " + gate.label)]);
    self.trail.appendChild(el("li", null, [
      el("span", { "class": "ragft-trail-gate", text: gate.label + ", " + gate.title + ": " }),
      el("span", { "class": "ragft-trail-answer", text: answer.label }), " ", change
    ]));
  });
};
