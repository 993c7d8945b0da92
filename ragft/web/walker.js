/*
 * ragft walker: the decision tree, one gate at a time, in a page without a kernel.
 *
 * Plain JavaScript, no framework, nothing fetched from another origin. It reads the export
 * payload (`ragft export`, schema "ragft-tree"): gates with their answers' `next` node, exits,
 * kinds, and every complete walk precomputed by the Python engine (exit, flips, decision record).
 * The walker only follows `answers[].next` from the root; what a finished walk means is looked
 * up in `payload.walks`, so it never decides anything the engine did not.
 *
 * Data comes either inline (<script type="application/json" id="ragft-data">, in walker.html)
 * or from the URLs in the root element's data-tree / data-svg attributes (the site's page).
 * Every text from the payload goes into the page through textContent, never as markup.
 */
(function () {
  "use strict";

  var SVG_NS = "http://www.w3.org/2000/svg";

  // ---- pure functions (exposed as window.ragftWalker for tests and other pages) ----

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

  // ---- DOM helpers: every text goes in as a text node ----

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (name) {
        var value = attrs[name];
        if (value === null || value === undefined || value === false) { return; }
        if (name === "text") { node.textContent = value; } else { node.setAttribute(name, value === true ? "" : value); }
      });
    }
    (children || []).forEach(function (child) {
      if (child === null || child === undefined) { return; }
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function srOnly(text) { return el("span", { "class": "ragft-sr", text: text }); }

  // Inline Markdown of a record line: **strong**, *em*, `code`, <https://link>.
  var INLINE = /(\*\*[^*]+\*\*|\*[^*\s][^*]*\*|`[^`]+`|<https?:\/\/[^>\s]+>)/;

  function inline(target, text) {
    text.split(INLINE).forEach(function (part, i) {
      if (!part) { return; }
      if (i % 2 === 0) { target.appendChild(document.createTextNode(part)); return; }
      if (part.slice(0, 2) === "**") { target.appendChild(el("strong", { text: part.slice(2, -2) })); }
      else if (part[0] === "*") { target.appendChild(el("em", { text: part.slice(1, -1) })); }
      else if (part[0] === "`") { target.appendChild(el("code", { text: part.slice(1, -1) })); }
      else { var url = part.slice(1, -1); target.appendChild(el("a", { href: url, text: url })); }
    });
    return target;
  }

  /** Render the record's Markdown (the subset ragft.record writes) as DOM, text-only. */
  function renderMarkdown(markdown) {
    var out = document.createDocumentFragment();
    var list = null, para = null;
    markdown.split("\n").forEach(function (line) {
      var m;
      if ((m = /^(#{1,2}) (.*)$/.exec(line))) {
        list = para = null;
        out.appendChild(inline(el(m[1].length === 1 ? "h3" : "h4"), m[2]));
      } else if ((m = /^(- |\d+\. )(.*)$/.exec(line))) {
        para = null;
        var tag = m[1] === "- " ? "ul" : "ol";
        if (!list || list.tagName.toLowerCase() !== tag) { list = out.appendChild(el(tag)); }
        list.appendChild(inline(el("li"), m[2]));
      } else if (!line.trim()) {
        list = para = null;
      } else {
        list = null;
        if (para) { para.appendChild(document.createTextNode(" ")); } else { para = out.appendChild(el("p")); }
        inline(para, line);
      }
    });
    return out;
  }

  /**
   * The tree in words (ragft.diagram.text_alternative: a summary line, then each question
   * followed by its "- answer: go to ..." lines) as a disclosure next to the diagram.
   */
  function treeInWords(lines) {
    var list = el("ul"), answers = null;
    lines.slice(1).forEach(function (line) {
      if (!line) { return; }
      if (line.slice(0, 2) === "- " && answers) {
        answers.appendChild(el("li", { text: line.slice(2) }));
      } else {
        answers = el("ul");
        list.appendChild(el("li", null, [line, answers]));
      }
    });
    return el("details", { "class": "ragft-tree-text" }, [
      el("summary", { text: "The tree in words" }), el("p", { text: lines[0] }), list]);
  }

  /** Parse an SVG file's text and drop anything that could run (scripts, handlers, links out). */
  function safeSvg(text) {
    var doc = new DOMParser().parseFromString(text, "image/svg+xml");
    var svg = doc.documentElement;
    if (!svg || svg.namespaceURI !== SVG_NS || doc.getElementsByTagName("parsererror").length) { return null; }
    Array.prototype.slice.call(svg.querySelectorAll("script, foreignObject, iframe, object, embed"))
      .forEach(function (n) { n.parentNode.removeChild(n); });
    Array.prototype.slice.call(svg.querySelectorAll("*")).concat([svg]).forEach(function (n) {
      Array.prototype.slice.call(n.attributes).forEach(function (a) {
        var name = a.name.toLowerCase();
        if (name.slice(0, 2) === "on" || (/href$/.test(name) && a.value.charAt(0) !== "#")) {
          n.removeAttribute(a.name);
        }
      });
    });
    return document.importNode(svg, true);
  }

  // ---- the walker ----

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

    var figure = this.root.querySelector(".ragft-tree");
    if (!figure) { figure = el("figure", { "class": "ragft-tree" }); }
    // The diagram keeps a readable size on narrow screens and scrolls sideways in this box.
    this.scroller = el("div", { "class": "ragft-tree-scroll", role: "group",
      "aria-label": "Tree diagram" });
    figure.insertBefore(this.scroller, figure.firstChild);
    if (this.svg) { this.scroller.appendChild(this.svg); }
    var caption = el("figcaption", { id: uid + "-cap",
      text: "The whole tree. Your answers so far are drawn in bold; the question waiting for an answer is shaded." });
    // Not a live region: focus already moves to the next question or the recommendation,
    // which a screen reader reads out; announcing this line too would say it all twice.
    this.pathText = el("p", { id: uid + "-path", "class": "ragft-path-text" });
    figure.appendChild(caption);
    figure.appendChild(this.pathText);
    var alt = String(this.data.text_alternative || "").split("\n");
    if (alt[0]) { figure.appendChild(treeInWords(alt)); }
    figure.classList.add("ragft-no-print");
    if (this.svg) {
      this.svg.setAttribute("role", "img");
      this.svg.setAttribute("focusable", "false");
      if (alt[0]) {
        this.svg.setAttribute("aria-label", alt[0] + " Below it: your path, and the tree in words.");
      } else {
        this.svg.setAttribute("aria-labelledby", uid + "-cap");
      }
      this.svg.setAttribute("aria-describedby", uid + "-path");
      this.svg.removeAttribute("width");
      this.svg.removeAttribute("height");
    }
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

  /** A scroller that holds a wider diagram is a tab stop, so the keyboard can scroll it. */
  Walker.prototype.fitScroller = function () {
    var box = this.scroller;
    if (box.scrollWidth > box.clientWidth + 1) {
      box.setAttribute("tabindex", "0");
      box.setAttribute("aria-label", "Tree diagram, wider than the screen: scroll sideways");
    } else {
      box.removeAttribute("tabindex");
      box.setAttribute("aria-label", "Tree diagram");
    }
  };

  /** One line of text for the path drawn on the tree (the words of ragft.diagram's). */
  Walker.prototype.describePath = function (state) {
    var self = this;
    var said = state.path.map(function (step) {
      var gate = self.gates[step[0]];
      var answer = gate.answers.filter(function (a) { return a.id === step[1]; })[0];
      return gate.label + ": " + answer.label;
    }).join("; ");
    var text = "Your path: " + (said || "no answers yet") + ".";
    if (state.exit) {
      var ex = this.exits[state.exit];
      var kind = this.kinds[ex.kind];
      text += ' It ends at recommendation "' + ex.title + '"' + (kind ? " (" + kind.label + ")" : "") + ".";
    } else {
      var next = this.gates[state.next];
      text += " Next question, " + next.label + ": " + next.question;
    }
    return text;
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

  Walker.prototype.renderGate = function (gate, state) {
    var self = this;
    var id = this.uid + "-" + gate.id;
    var legend = el("legend", { tabindex: "-1" }, [
      el("span", { "class": "ragft-gate-label", text: gate.label + " · " + gate.title }),
      el("span", { "class": "ragft-question", text: gate.question })
    ]);
    var fieldset = el("fieldset", { "data-gate": gate.id }, [legend]);
    if (gate.explanation) { fieldset.appendChild(el("p", { "class": "ragft-explanation", text: gate.explanation })); }
    var options = el("div", { "class": "ragft-options" });
    gate.answers.forEach(function (answer) {
      var inputId = id + "-" + answer.id;
      var input = el("input", { type: "radio", name: gate.id, value: answer.id, id: inputId,
        "aria-describedby": inputId + "-meaning" });
      var signals = (answer.signals || []).length
        ? el("ul", { "class": "ragft-signals" }, answer.signals.map(function (s) { return el("li", { text: s }); }))
        : null;
      options.appendChild(el("div", { "class": "ragft-option" }, [
        input,
        el("label", { "for": inputId, text: answer.label }),
        el("div", { id: inputId + "-meaning", "class": "ragft-meaning" }, [el("p", { text: answer.meaning }), signals])
      ]));
    });
    fieldset.appendChild(options);
    if (gate.why) { fieldset.appendChild(el("p", { "class": "ragft-why" }, [el("strong", { text: "Why this question here: " }), gate.why])); }
    if ((gate.warnings || []).length) {
      fieldset.appendChild(el("div", { "class": "ragft-warnings" }, [
        el("p", null, [el("strong", { text: "Watch out" })]),
        el("ul", null, gate.warnings.map(function (w) { return el("li", { text: w }); }))
      ]));
    }
    if (gate.example) {
      var answerLabel = gate.answers.filter(function (a) { return a.id === gate.example.answer; })[0];
      fieldset.appendChild(el("p", { "class": "ragft-example" }, [
        el("strong", { text: "Running example: " }),
        (answerLabel ? answerLabel.label + ". " : "") + gate.example.note,
        gate.example.assumed ? el("em", { text: " (an assumption: the source leaves this answer unstated)" }) : null
      ]));
    }
    var submit = el("button", { type: "submit", "class": "ragft-button", text: "Continue" });
    var form = el("form", { "class": "ragft-form", "data-gate": gate.id, novalidate: true },
      [fieldset, el("div", { "class": "ragft-actions" }, [submit])]);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var checked = form.querySelector("input[type=radio]:checked");
      if (!checked) {
        self.status.textContent = "Choose one of the answers first.";
        form.querySelector("input[type=radio]").focus();
        return;
      }
      self.go(state.path.concat([[gate.id, checked.value]]), true);
    });
    // Enter on a radio answers the question, as Enter in a text field submits a form.
    form.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && event.target.type === "radio") {
        event.preventDefault();
        event.target.checked = true;
        form.requestSubmit ? form.requestSubmit(submit) : submit.click();
      }
    });
    this.formSlot.appendChild(form);
    return legend;
  };

  Walker.prototype.renderResult = function (state) {
    var self = this;
    var walkKey = key(state.path);
    var entry = this.data.walks[walkKey];
    var ex = this.exits[state.exit];
    if (!entry || entry.exit !== state.exit) {
      // The payload was not made by one engine run: say so rather than guess.
      this.showNotice("The walker's data has no finished walk for '" + walkKey + "'; export it again with `ragft export`.");
    }
    var kind = this.kinds[ex.kind] || { label: ex.kind, color: "", description: "" };
    var heading = el("h2", { tabindex: "-1", "class": "ragft-rec-title" }, [
      el("span", { "class": "ragft-rec-label", text: "Recommendation: " }), ex.title]);
    var swatch = el("span", { "class": "ragft-swatch", "aria-hidden": "true" });
    if (kind.color) { swatch.style.backgroundColor = kind.color; }
    this.result.appendChild(el("div", { "class": "ragft-rec kind-" + ex.kind, "data-exit": ex.id, "data-kind": ex.kind }, [
      heading,
      el("p", { "class": "ragft-kind" }, [swatch, el("strong", { text: kind.label }), kind.description ? " · " + kind.description : ""]),
      el("p", { "class": "ragft-summary", text: ex.summary })
    ]));

    var parts = [];
    parts.push(el("h3", { text: "What you will build" }));
    parts.push(el("ul", null, ex.build.map(function (b) { return el("li", { text: b }); })));
    if ((ex.warnings || []).length) {
      parts.push(el("h3", { text: "Warnings" }));
      parts.push(el("ul", null, ex.warnings.map(function (w) { return el("li", { text: w }); })));
    }
    if (entry && entry.flips.length) {
      parts.push(el("h3", { text: "What would flip it" }));
      parts.push(el("ul", { "class": "ragft-flips" }, entry.flips.map(function (f) { return self.flipItem(state, f); })));
    }
    var text = entry ? recordText(this.data, walkKey) : null;
    if (text) {
      var print = el("button", { type: "button", "class": "ragft-button ragft-secondary", text: "Print the decision record" });
      var download = el("button", { type: "button", "class": "ragft-button", text: "Download as Markdown" });
      print.addEventListener("click", function () { window.print(); });
      download.addEventListener("click", function () { self.download(state.exit, recordText(self.data, walkKey)); });
      parts.push(el("div", { "class": "ragft-record-actions ragft-no-print" }, [download, " ", print]));
      var record = el("section", { "class": "ragft-record", "aria-label": "Decision record" });
      record.appendChild(renderMarkdown(text));
      parts.push(record);
      document.body.classList.add("ragft-has-record");
    }
    parts.forEach(function (p) { self.details.appendChild(p); });
    return heading;
  };

  Walker.prototype.flipItem = function (state, flip) {
    var gate = this.gates[flip.gate];
    var alt = gate.answers.filter(function (a) { return a.id === flip.alternative; })[0];
    var answers = state.path.map(function (p) { return p[0] === flip.gate ? [p[0], flip.alternative] : p; });
    var target;
    if (flip.exit) {
      target = el("a", { href: "#" + key(answers) }, [this.exits[flip.exit].title]);
    } else {
      var next = this.gates[flip.leads_to];
      var upTo = [];
      for (var i = 0; i < answers.length && answers[i][0] !== flip.gate; i++) { upTo.push(answers[i]); }
      upTo.push([flip.gate, flip.alternative]);
      target = el("a", { href: "#" + key(upTo) }, [next.label + ": " + next.question]);
    }
    return el("li", null, [
      gate.label + " (" + gate.title + "): answering ", el("em", { text: alt.label }),
      flip.exit ? " would lead to " : " would continue to ", target
    ]);
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

  /** Mark the path on the tree SVG with the contract's classes: on-path, current. */
  Walker.prototype.highlight = function (state) {
    var svg = this.svg;
    if (!svg) { return; }
    Array.prototype.slice.call(svg.querySelectorAll(".on-path, .current")).forEach(function (n) {
      n.classList.remove("on-path");
      n.classList.remove("current");
    });
    var find = function (id) {
      var found = svg.querySelectorAll("g[id]");
      for (var i = 0; i < found.length; i++) { if (found[i].getAttribute("id") === id) { return found[i]; } }
      return null;
    };
    var mark = function (id, cls) { var n = find(id); if (n) { n.classList.add(cls); } };
    state.path.forEach(function (step) {
      mark(step[0], "on-path");
      mark(step[0] + "-" + step[1], "on-path");
    });
    if (state.exit) { mark(state.exit, "on-path"); } else { mark(state.next, "current"); }
    svg.classList.toggle("has-path", state.path.length > 0);
  };

  // ---- theme toggle (standalone page; the site follows Quarto's own toggle) ----

  function wireThemeToggle(button) {
    var html = document.documentElement;
    var media = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
    var isDark = function () {
      var set = html.getAttribute("data-theme");
      return set ? set === "dark" : !!(media && media.matches);
    };
    var sync = function () { button.setAttribute("aria-pressed", isDark() ? "true" : "false"); };
    button.addEventListener("click", function () {
      html.setAttribute("data-theme", isDark() ? "light" : "dark");
      sync();
    });
    if (media && media.addEventListener) { media.addEventListener("change", sync); }
    sync();
  }

  // ---- start ----

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
        if (!r.ok) { throw new Error(root.getAttribute("data-tree") + ": HTTP " + r.status); }
        return r.json();
      });
    var svgPromise = svgInline || !root.getAttribute("data-svg")
      ? Promise.resolve(svgInline)
      : fetch(root.getAttribute("data-svg")).then(function (r) { return r.ok ? r.text() : ""; })
        .then(function (text) { return text ? safeSvg(text) : null; });
    return Promise.all([dataPromise, svgPromise]).then(function (loaded) {
      var data = loaded[0];
      if (!data || data.schema !== "ragft-tree") {
        throw new Error("not a ragft tree export (schema " + (data && data.schema) + ")");
      }
      var walker = new Walker(root, data, loaded[1]);
      walker.fromHash();
      root.setAttribute("data-ready", "true");
      // Milliseconds from navigation to the first answerable question (benchmarks read it).
      window.ragftWalker.readyAt = window.performance ? performance.now() : null;
      return walker;
    }).catch(function (error) {
      fail(root, "The walker could not load its data: " + error.message);
      throw error;
    });
  }

  window.ragftWalker = {
    parseHash: parseHash, walk: walk, key: key, offPath: offPath, recordText: recordText,
    renderMarkdown: renderMarkdown, today: today, start: start
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
})();
