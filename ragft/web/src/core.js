/*
 * core.js: the walker's pure functions, no DOM. boot.js exposes them as window.ragftWalker.
 * The walker decides nothing and words nothing: every state of a walk, with its card, marks
 * and record, comes precomputed from the Python engine in payload.states, and every message
 * comes from payload.walker (ragft.present and ragft.errors).
 */

// A value quoted as Python's repr quotes a string, so messages read as the CLI's do: the
// backslash, the quote and what str.isprintable refuses are escaped.
function quote(value) {
  if (value === undefined || value === null) { return "None"; }
  var text = String(value);
  var mark = text.indexOf("'") >= 0 && text.indexOf('"') < 0 ? '"' : "'";
  return mark + text.replace(/[\\'"]|(?! )[\p{C}\p{Z}]/gu, function (ch) {
    if (ch === "\\" || ch === mark) { return "\\" + ch; }
    if (ch === "'" || ch === '"') { return ch; }
    var n = ch.codePointAt(0), width = n < 0x100 ? 2 : n < 0x10000 ? 4 : 8;
    return "\\" + ({ 9: "t", 10: "n", 13: "r" }[n] ||
      { 2: "x", 4: "u", 8: "U" }[width] + ("0000000" + n.toString(16)).slice(-width));
  }) + mark;
}

function fill(template, value) {
  return String(template).split("{value}").join(quote(value));
}

function has(object, name) { return Object.prototype.hasOwnProperty.call(object, name); }

// What Python's str.strip() takes off both ends (the characters of str.isspace).
var BLANK = "[\\t-\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]+";
var STRIP = new RegExp("^" + BLANK + "|" + BLANK + "$", "g");

// difflib.SequenceMatcher(None, a, b).ratio() of Python, a and b arrays of code points. Its
// autojunk rule is left out: it acts on a b of 200 or more, where an id shorter than 86 code
// points cannot reach the 0.6 of a near miss anyway.
function ratio(a, b) {
  var b2j = {};
  b.forEach(function (ch, j) { (b2j[ch] = b2j[ch] || []).push(j); });
  var matched = function (alo, ahi, blo, bhi) {  // find_longest_match, then either side of it
    var i = alo, j = blo, k = 0, lens = {};
    for (var x = alo; x < ahi; x++) {
      var row = {};
      (b2j[a[x]] || []).forEach(function (y) {
        if (y < blo || y >= bhi) { return; }
        var n = row[y] = (lens[y - 1] || 0) + 1;
        if (n > k) { i = x - n + 1; j = y - n + 1; k = n; }
      });
      lens = row;
    }
    while (i > alo && j > blo && a[i - 1] === b[j - 1]) { i--; j--; k++; }
    while (i + k < ahi && j + k < bhi && a[i + k] === b[j + k]) { k++; }
    return k && k + matched(alo, i, blo, j) + matched(i + k, ahi, j + k, bhi);
  };
  var total = a.length + b.length;
  return total ? 2 * matched(0, a.length, 0, b.length) / total : 1;
}

// The allowed id nearest a mistyped one, or null: ragft.errors.near_miss, which is
// difflib.get_close_matches(value.lower(), ids, n=1, cutoff=0.6), a tie to the greater id.
function nearMiss(value, ids) {
  var best = null, top = 0.6, typed = Array.from(value.toLowerCase());
  ids.forEach(function (id) {
    var r = ratio(Array.from(id.toLowerCase()), typed);
    if (r > top || (r === top && (best === null || id > best))) { best = id; top = r; }
  });
  return best;
}

/**
 * Parse a URL hash ("#gate=answer&gate=answer") into {answers, order, error} by the rules of
 * ragft.engine.decision.parse_answers: each part (empty ones skipped), percent-decoded, is one
 * "gate=answer"; both sides are stripped and matched without regard to case against the ids
 * in the payload; a gate answered twice differently is refused. On the first problem `answers`
 * is empty and `error` is the engine's own message (payload.walker.messages), its "did you
 * mean" included.
 */
function parseHash(hash, data) {
  var walker = data.walker, messages = walker.messages, gates = Object.keys(walker.gates);
  var answers = {}, order = [];
  var fail = function (template, value, ids) {
    var near = ids && nearMiss(value, ids);
    var error = fill(template, value) + (near ? fill(messages.hint, near) : "");
    return { answers: {}, order: [], error: error };
  };
  var parts = String(hash || "").replace(/^#/, "").split("&");
  for (var i = 0; i < parts.length; i++) {
    if (!parts[i]) { continue; }
    var item;
    try {
      item = decodeURIComponent(parts[i]);
    } catch (e) {
      return fail(messages.syntax, parts[i]);
    }
    var at = item.indexOf("="), typedGate = item.slice(0, at).replace(STRIP, "");
    var typedAnswer = item.slice(at + 1).replace(STRIP, "");
    if (at < 0 || !typedGate || !typedAnswer) { return fail(messages.syntax, item); }
    var gate = typedGate.toLowerCase(), answer = typedAnswer.toLowerCase();
    if (gates.indexOf(gate) < 0) { return fail(messages.gate, typedGate, gates); }
    var ids = walker.gates[gate].answers.map(function (a) { return a.id; });
    if (ids.indexOf(answer) < 0) { return fail(messages.answer[gate], typedAnswer, ids); }
    if (has(answers, gate) && answers[gate] !== answer) { return fail(messages.repeated, item); }
    if (!has(answers, gate)) { order.push(gate); }
    answers[gate] = answer;
  }
  return { answers: answers, order: order, error: null };
}

/**
 * The precomputed state the answers reach: from the first state, take the transition each
 * state lists for the answer given to the gate it asks, until a state asks a gate with no
 * answer or is finished. Returns {key, state, unused: [[gate, answer], ...]}.
 */
function lookup(data, parsed) {
  var key = "", state = data.states[key], used = {};
  while (state && state.ask && has(parsed.answers, state.ask)) {
    used[state.ask] = true;
    key = state.next[parsed.answers[state.ask]];
    state = data.states[key];
  }
  var unused = parsed.order.filter(function (g) { return !used[g]; })
    .map(function (g) { return [g, parsed.answers[g]]; });
  return { key: key, state: state || null, unused: unused };
}

/**
 * The notice naming answers off the path, as spans: ragft.present.content.off_path_notice's
 * words for one answer or for two (payload.walker.off_path), the second's separator repeated.
 */
function offPathNotice(data, unused) {
  var words = data.walker.off_path[unused.length === 1 ? "one" : "many"];
  var out = [words[0]];
  unused.forEach(function (pair, n) {
    if (n) { out.push(words[2]); }
    var said = words[1][0].split("{gate}").join(pair[0]).split("{answer}").join(pair[1]);
    out.push([said].concat(words[1].slice(1)));
  });
  return out.concat([words[words.length - 1]]);
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

// The record's file name outside an ADR folder (ragft.records.adr): slug(record_title) + ".md".
function recordName(data, state, fields) {
  var given = fields || {};
  var title = cleanText(given.requirement) || cleanText(given.use_case) || state.card.title;
  var words = title.normalize("NFKD").replace(/[^\0-\x7f]/g, "").toLowerCase()
    .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  return (words.slice(0, 60).replace(/-+$/, "") || data.records.untitled) + ".md";
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
