/*
 * nav.js: the URL hash is the walk's state. Reading it (links, reloads, Back in the browser)
 * and writing it (each answer is a history entry; a corrected hash replaces the entry).
 */

Walker.prototype.fromHash = function () {
  var hash = window.location.hash.replace(/^#/, "");
  if (this.currentKey !== null && hash === this.currentKey) { return; }
  var parsed = parseHash(hash, this.data);
  this.hideNotice();
  if (parsed.error) {
    this.showNotice(this.label("bad_link", { error: parsed.error }));
    this.setHash("");
    this.render("", false);
    return;
  }
  var found = lookup(this.data, parsed);
  if (!found.state) {
    this.showNotice(this.label("stale", { key: found.key }));
    this.setHash("");
    this.render("", false);
    return;
  }
  if (found.unused.length) {
    spans(offPathNotice(this.data, found.unused), this.offPath);
    this.offPath.hidden = false;
  }
  if (found.key !== hash) { this.setHash(found.key); }
  // A "Change" or "flip" link inside the walker keeps keyboard focus in the walk.
  this.render(found.key, this.root.contains(document.activeElement));
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

Walker.prototype.go = function (key, focus) {
  this.currentKey = key;
  this.hideNotice();
  if (window.location.hash.replace(/^#/, "") !== key) {
    try {
      window.history.pushState(null, "", window.location.pathname + window.location.search + (key ? "#" + key : ""));
    } catch (e) {
      window.location.hash = key;
    }
  }
  this.render(key, focus);
};

Walker.prototype.goBack = function () {
  var path = this.state ? this.state.card.path : [];
  if (path.length) { this.go(path[path.length - 1].change.replace(/^#/, ""), true); }
};
