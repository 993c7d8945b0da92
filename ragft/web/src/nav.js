/*
 * nav.js: the URL hash is the walk's state. Reading it (links, reloads, Back in the browser)
 * and writing it (each answer is a history entry; a corrected hash replaces the entry).
 */

Walker.prototype.fromHash = function () {
  var hash = window.location.hash;
  if (this.currentKey !== null && hash.replace(/^#/, "") === this.currentKey) { return; }
  var parsed = parseHash(hash, this.data);
  if (parsed.error) {
    this.hideNotice();
    this.showNotice("This link's answers could not be used (" + parsed.error + "). The walk starts again from the first question.");
    this.setHash("");
    this.render(walk(this.data, {}), false);
    return;
  }
  this.hideNotice();
  var state = walk(this.data, parsed.answers);
  var ignored = offPath(parsed.answers, state.path);
  if (ignored.length) {
    // Same words as `ragft decide`: the walk starts at the first question, so an answer to
    // a gate it never reaches cannot count.
    this.offPath.textContent = "Not on the path, so not used: " + ignored.join(", ") +
      ". The walk follows your answers from the first question, and it does not reach " +
      (ignored.length === 1 ? "that gate." : "those gates.");
    this.offPath.hidden = false;
  }
  var canonical = key(state.path);
  if (canonical !== hash.replace(/^#/, "")) { this.setHash(canonical); }
  // A "Change" or "flip" link inside the walker keeps keyboard focus in the walk.
  this.render(state, this.root.contains(document.activeElement));
};

Walker.prototype.setHash = function (value) {
  this.currentKey = value;
  var url = window.location.pathname + window.location.search + (value ? "#" + value : "");
  try {
    window.history.replaceState(null, "", url);
  } catch (e) {
    window.location.hash = value;  // pages where replaceState is refused
  }
};

Walker.prototype.go = function (path, focus) {
  var answers = {};
  path.forEach(function (p) { answers[p[0]] = p[1]; });
  var state = walk(this.data, answers);
  var value = key(state.path);
  this.currentKey = value;
  this.hideNotice();
  if (window.location.hash.replace(/^#/, "") !== value) {
    try {
      window.history.pushState(null, "", window.location.pathname + window.location.search + (value ? "#" + value : ""));
    } catch (e) {
      window.location.hash = value;
    }
  }
  this.render(state, focus);
};

Walker.prototype.goBack = function () {
  if (this.state && this.state.path.length) { this.go(this.state.path.slice(0, -1), true); }
};
