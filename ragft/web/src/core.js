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

/*
 * The decision record of a finished state: its template (payload.records.lines, indexed by
 * state.record) filled with the team's fields by ragft.records.template's rules, the same
 * rules `ragft record` fills it with. fields: {use_case, requirement, status, date,
 * decision_makers: [..], why: {gate: reason}}; every one optional (date: today).
 */
// Blanks and control characters that never reach a record (ragft.records.template._BLANKS).
var BLANKS = /[\0-\x20\x7f-\x9f\u2028\u2029\ufffe\uffff\ud800-\udfff]+/gu;

function cleanText(value) {
  return String(value === undefined || value === null ? "" : value).replace(BLANKS, " ").replace(/^ | $/g, "");
}

function mdEscape(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\$/g, function () { return "\\$"; });
}

function renderField(value, escape) {
  if (Array.isArray(value)) {
    var items = value.map(cleanText).filter(function (v) { return v; });
    return items.length ? "[" + items.map(function (v) { return JSON.stringify(v); }).join(", ") + "]" : "";
  }
  var text = cleanText(value);
  if (!text) { return ""; }
  if (escape === "yaml" || (escape === "date" && !/^\d{4}-\d{2}-\d{2}$/.test(text))) { return JSON.stringify(text); }
  if (escape === "md") { return mdEscape(text); }
  return text;
}

function fieldValue(fields, name) {
  if (name.indexOf("why.") === 0) { return (fields.why || {})[name.slice(4)]; }
  return fields[name];
}

function fillRecord(lines, fields) {
  var out = [];
  lines.forEach(function (line) {
    if (typeof line !== "string") {
      var text = renderField(fieldValue(fields, line[1]), line[2]);
      if (!text) { return; }
      line = line[0] + text + line[3];
    }
    if (!line && (!out.length || !out[out.length - 1])) { return; }
    out.push(line);
  });
  while (out.length && !out[out.length - 1]) { out.pop(); }
  return out.join("\n") + "\n";
}

/** Names from a comma-separated field, as ragft.records.template._names splits them. */
function splitNames(text) {
  return String(text || "").split(",").map(cleanText).filter(function (n) { return n; });
}

/** The Markdown decision record of a finished state (= `ragft record` with the same fields). */
function recordText(data, state, fields) {
  if (!state || !state.record) { return null; }
  var given = fields || {};
  var filled = {};
  Object.keys(given).forEach(function (k) { filled[k] = given[k]; });
  filled.status = given.status || data.records.statuses[0];
  filled.date = given.date || today();
  filled.decision_makers = [].concat(given.decision_makers || []).reduce(function (all, v) {
    return all.concat(splitNames(v));
  }, []);
  return fillRecord(state.record.map(function (i) { return data.records.lines[i]; }), filled);
}
