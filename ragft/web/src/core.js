/*
 * core.js: the walker's pure functions, no DOM. boot.js exposes them as window.ragftWalker.
 * They read the payload only; what a finished walk means comes from payload.walks.
 */

function gateIndex(data) {
  var byId = {};
  data.gates.forEach(function (g) { byId[g.id] = g; });
  return byId;
}

function exitIndex(data) {
  var byId = {};
  data.exits.forEach(function (e) { byId[e.id] = e; });
  return byId;
}

// Python's repr of a sorted list of ids, so messages read as the CLI's do.
function allowed(values) {
  var sorted = values.slice().sort();
  return "(must be one of [" + sorted.map(function (v) { return "'" + v + "'"; }).join(", ") + "])";
}

/**
 * Parse a URL hash ("#gate=answer&gate=answer") into {answers, error}.
 * On any problem `answers` is empty and `error` says what was wrong, naming the allowed ids.
 */
function parseHash(hash, data) {
  var text = String(hash || "").replace(/^#/, "");
  var answers = {};
  if (!text) { return { answers: answers, error: null }; }
  var gates = gateIndex(data);
  var parts = text.split("&");
  for (var i = 0; i < parts.length; i++) {
    if (!parts[i]) { continue; }
    var pair;
    try {
      pair = parts[i].split("=").map(decodeURIComponent);
    } catch (e) {
      return { answers: {}, error: "bad answer '" + parts[i] + "': not valid URL text" };
    }
    if (pair.length !== 2 || !pair[0] || !pair[1]) {
      return { answers: {}, error: "bad answer '" + pair.join("=") + "': expected gate=answer" };
    }
    var gateId = pair[0], answerId = pair[1];
    var gate = Object.prototype.hasOwnProperty.call(gates, gateId) ? gates[gateId] : null;
    if (!gate) {
      return { answers: {}, error: "unknown gate '" + gateId + "' " + allowed(Object.keys(gates)) };
    }
    var ids = gate.answers.map(function (a) { return a.id; });
    if (ids.indexOf(answerId) < 0) {
      return { answers: {}, error: "unknown answer '" + answerId + "' for gate '" + gateId + "' " + allowed(ids) };
    }
    if (Object.prototype.hasOwnProperty.call(answers, gateId) && answers[gateId] !== answerId) {
      return { answers: {}, error: "bad answer '" + parts[i] + "': gate '" + gateId + "' is already answered '" + answers[gateId] + "'" };
    }
    answers[gateId] = answerId;
  }
  return { answers: answers, error: null };
}

/**
 * Follow the answers from the root along `answers[].next`. Answers off the path are ignored,
 * as the engine ignores them. Returns {path: [[gate, answer], ...], node, exit, next}.
 */
function walk(data, answers) {
  var gates = gateIndex(data);
  var path = [];
  var node = data.root;
  while (Object.prototype.hasOwnProperty.call(gates, node) &&
         Object.prototype.hasOwnProperty.call(answers, node)) {
    var gate = gates[node];
    var chosen = null;
    for (var i = 0; i < gate.answers.length; i++) {
      if (gate.answers[i].id === answers[node]) { chosen = gate.answers[i]; }
    }
    if (!chosen) { break; }
    path.push([node, chosen.id]);
    node = chosen.next;
  }
  var isGate = Object.prototype.hasOwnProperty.call(gates, node);
  return { path: path, node: node, exit: isGate ? null : node, next: isGate ? node : null };
}

/** The "gate=answer" texts of answers the walk never reached, in the hash's order. */
function offPath(answers, path) {
  var walked = {};
  path.forEach(function (p) { walked[p[0]] = true; });
  return Object.keys(answers).filter(function (g) { return !walked[g]; })
    .map(function (g) { return g + "=" + answers[g]; });
}

/** The canonical key of a path: "gate=answer&..." in path order (engine.answers_key). */
function key(path) {
  return path.map(function (p) { return p[0] + "=" + p[1]; }).join("&");
}

function today() {
  var d = new Date();
  var pad = function (n) { return (n < 10 ? "0" : "") + n; };
  return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
}

/** The Markdown decision record of a finished walk, dated today (= `ragft record`). */
function recordText(data, walkKey, date) {
  var entry = data.walks[walkKey];
  if (!entry) { return null; }
  return entry.record.split(data.date_placeholder).join(date || today());
}
