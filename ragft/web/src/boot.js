/*
 * boot.js: start-up. Loads the data (inline in walker.html, fetched on the site), starts the
 * Walker on #ragft-walker and publishes window.ragftWalker. Comes last: it may run at once.
 * Before the data is there its words are BOOT's (ragft.web.page.boot_words).
 */

function words(name, values) { return label({ walker: { labels: BOOT } }, name, values); }

function fail(root, message) {
  root.textContent = "";
  root.appendChild(el("p", { "class": "ragft-notice", role: "alert", text: message }));
}

function start(root) {
  var inline = document.getElementById("ragft-data");
  var svgInline = root.querySelector(".ragft-tree svg");
  var dataPromise = inline
    ? Promise.resolve(JSON.parse(inline.textContent))
    : fetch(root.getAttribute("data-tree")).then(function (r) {
      if (!r.ok) { throw new Error(words("http_failed", { url: root.getAttribute("data-tree"), status: r.status })); }
      return r.json();
    });
  var svgPromise = svgInline || !root.getAttribute("data-svg")
    ? Promise.resolve(svgInline)
    : fetch(root.getAttribute("data-svg")).then(function (r) { return r.ok ? r.text() : ""; })
      .then(function (text) { return text ? safeSvg(text) : null; });
  return Promise.all([dataPromise, svgPromise]).then(function (loaded) {
    var data = unshare(loaded[0]);
    if (!data || data.schema !== BOOT.schema) {
      throw new Error(fill(BOOT.not_export, data && data.schema));
    }
    var walker = new Walker(root, data, loaded[1]);
    walker.fromHash();
    root.setAttribute("data-ready", "true");
    // Milliseconds from navigation to the first answerable question (benchmarks read it).
    window.ragftWalker.readyAt = window.performance ? performance.now() : null;
    return walker;
  }).catch(function (error) {
    fail(root, words("load_failed", { error: error.message }));
    throw error;
  });
}

window.ragftWalker = {
  parseHash: parseHash, lookup: lookup, recordText: recordText, today: today, start: start
};

function boot() {
  Array.prototype.slice.call(document.querySelectorAll("[data-ragft-theme-toggle]")).forEach(wireThemeToggle);
  var root = document.getElementById("ragft-walker");
  if (root) {
    window.ragftWalker.ready = start(root);
  }
}

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", boot);
} else {
  boot();
}
