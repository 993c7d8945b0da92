/*
 * core.js: the walker's pure functions, no DOM. boot.js exposes them as window.ragftWalker.
 * The walker decides nothing and words nothing: every state of a walk, with its card, marks
 * and record, comes precomputed from the Python engine in payload.states, and every message
 * comes from payload.walker (ragft.present and ragft.errors).
 */

// A value quoted as Python's repr quotes a string, so messages read as the CLI's do.
function quote(value) {
  var text = String(value);
  var mark = text.indexOf("'") >= 0 && text.indexOf('"') < 0 ? '"' : "'";
  text = text.replace(/\\/g, "\\\\");
  if (mark === "'") { text = text.replace(/'/g, "\\'"); }
  return mark + text + mark;
}

function fill(template, value) {
  return String(template).split("{value}").join(quote(value));
}

function has(object, name) { return Object.prototype.hasOwnProperty.call(object, name); }

/**
 * Parse a URL hash ("#gate=answer&gate=answer") into {answers, order, error}.
 * Only the ids are checked here (against the export's gates); on any problem `answers` is empty
 * and `error` is the engine's own message for it.
 */
function parseHash(hash, data) {
  var text = String(hash || "").replace(/^#/, "");
  var messages = data.walker.messages;
  var answers = {}, order = [];
  var fail = function (template, value) { return { answers: {}, order: [], error: fill(template, value) }; };
  if (!text) { return { answers: answers, order: order, error: null }; }
  var ids = {};
  Object.keys(data.walker.gates).forEach(function (g) {
    ids[g] = data.walker.gates[g].answers.map(function (a) { return a.id; });
  });
  var parts = text.split("&");
  for (var i = 0; i < parts.length; i++) {
    if (!parts[i]) { continue; }
    var pair;
    try {
      pair = parts[i].split("=").map(decodeURIComponent);
    } catch (e) {
      return fail(messages.syntax, parts[i]);
    }
    if (pair.length !== 2 || !pair[0] || !pair[1]) { return fail(messages.syntax, pair.join("=")); }
    if (!has(ids, pair[0])) { return fail(messages.gate, pair[0]); }
    if (ids[pair[0]].indexOf(pair[1]) < 0) { return fail(messages.answer[pair[0]], pair[1]); }
    if (has(answers, pair[0])) {
      if (answers[pair[0]] !== pair[1]) { return fail(messages.repeated, parts[i]); }
      continue;
    }
    answers[pair[0]] = pair[1];
    order.push(pair[0]);
  }
  return { answers: answers, order: order, error: null };
}

/**
 * The precomputed state the answers reach: from the first state, take the transition each
 * state lists for the answer given to the gate it asks, until a state asks a gate with no
 * answer or is finished. Returns {key, state, unused: ["gate=answer", ...]}.
 */
function lookup(data, parsed) {
  var key = "", state = data.states[key], used = {};
  while (state && state.ask && has(parsed.answers, state.ask)) {
    used[state.ask] = true;
    key = state.next[parsed.answers[state.ask]];
    state = data.states[key];
  }
  var unused = parsed.order.filter(function (g) { return !used[g]; })
    .map(function (g) { return g + "=" + parsed.answers[g]; });
  return { key: key, state: state || null, unused: unused };
}

function today() {
  var d = new Date();
  var pad = function (n) { return (n < 10 ? "0" : "") + n; };
  return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
}

/** The Markdown decision record of a finished state, dated (= `ragft record`). */
function recordText(data, state, date) {
  if (!state || !state.record) { return null; }
  return state.record.split(data.date_placeholder).join(date || today());
}
