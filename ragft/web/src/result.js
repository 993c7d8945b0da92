/*
 * result.js: the recommendation card (a Card of ragft.present), the team's optional words for
 * the record, and the decision record to print or download as Markdown (recordText in
 * core.js fills the exported template exactly as `ragft record` does).
 */

Walker.prototype.renderResult = function (state) {
  var self = this;
  var card = state.card;
  var heading = el("h2", { tabindex: "-1", "class": "ragft-rec-title" }, [
    el("span", { "class": "ragft-rec-label", text: card.kicker + ": " }), card.title]);
  var swatch = el("span", { "class": "ragft-swatch", "aria-hidden": "true" });
  if (card.color) { swatch.style.backgroundColor = card.color; }
  var rec = el("div", { "class": "ragft-rec kind-" + card.kind, "data-exit": state.exit, "data-kind": card.kind }, [
    heading,
    el("p", { "class": "ragft-kind" }, [swatch, el("strong", { text: card.line })]),
    el("p", { "class": "ragft-summary", text: card.summary })
  ]);
  var record = el("section", { "class": "ragft-record", "aria-label": this.label("recommendation") }, [rec]);
  var text = recordText(this.data, state);
  if (text) {
    record.appendChild(this.renderTeamFields(state));
    var print = el("button", { type: "button", "class": "ragft-button ragft-secondary", text: this.label("print") });
    var download = el("button", { type: "button", "class": "ragft-button", text: this.label("download") });
    print.addEventListener("click", function () { window.print(); });
    download.addEventListener("click", function () {
      var fields = self.teamFields(state);
      self.download(recordName(self.data, state, fields), recordText(self.data, state, fields));
    });
    var tree = el("input", { type: "checkbox", "class": "ragft-print-tree" });
    tree.checked = document.body.classList.contains("ragft-print-tree");
    tree.addEventListener("change", function () { document.body.classList.toggle("ragft-print-tree", tree.checked); });
    record.appendChild(el("div", { "class": "ragft-record-actions ragft-no-print" }, [download, " ", print, " ",
      el("label", null, [tree, " " + this.label("print_tree")])]));
    // What prints: the record the download saves (walker.css shows it in print only).
    var printed = el("div", { "class": "ragft-print-record" });
    var fill = function () {
      printed.textContent = "";
      recordNodes(recordText(self.data, state, self.teamFields(state))).forEach(function (n) { printed.appendChild(n); });
    };
    record.querySelector(".ragft-team").addEventListener("input", fill);
    record.querySelector(".ragft-team").addEventListener("change", fill);
    fill();
    record.appendChild(printed);
    document.body.classList.add("ragft-has-record");
  }
  // Sections side by side where the panel is wide (walker.css), one after another otherwise.
  record.appendChild(el("div", { "class": "ragft-sections" }, card.sections.map(function (section) {
    var list = el(section.ordered ? "ol" : "ul", { "class": "ragft-section-" + section.id },
      section.items.map(function (item) { return el("li", null, [spans(item)]); }));
    return el("div", { "class": "ragft-section", "data-section": section.id },
      [el("h3", { text: section.heading }), list]);
  })));
  this.result.appendChild(record);
  return heading;
};

/** The team's words as they stand, for this walk: reasons only for the answers it gave. */
Walker.prototype.teamFields = function (state) {
  var team = this.team || {};
  var why = {};
  state.card.path.forEach(function (item) {
    var reason = (team.why || {})[item.gate + "=" + item.answer];
    if (reason) { why[item.gate] = reason; }
  });
  return { use_case: team.use_case, requirement: team.requirement, status: team.status,
    decision_makers: team.decision_makers ? [team.decision_makers] : [], why: why };
};

/*
 * The optional fields (use case, requirement, status, decision-makers, a reason per answer),
 * in a disclosure that stays closed until used. What is typed is kept while the reader walks
 * on, so a changed answer keeps the use case; a reason belongs to one gate's one answer.
 */
Walker.prototype.renderTeamFields = function (state) {
  var words = this.data.records.form;
  var team = this.team = this.team || { why: {} };
  var uid = this.uid + "-team";
  var filled = false;
  var field = function (name, labelText, control) {
    control.id = uid + "-" + name.replace(/[^a-z0-9_-]/gi, "-");
    return el("div", { "class": "ragft-field" }, [el("label", { "for": control.id, text: labelText }), control]);
  };
  var input = function (get, set) {
    var node = el("input", { type: "text", autocomplete: "off", spellcheck: "true" });
    node.value = get() || "";
    filled = filled || !!node.value;
    node.addEventListener("input", function () { set(node.value); });
    return node;
  };
  var text = function (name) {
    return field(name, words[name], input(function () { return team[name]; },
      function (v) { team[name] = v; }));
  };
  var status = el("select", null, this.data.records.statuses.map(function (s) {
    return el("option", { value: s, text: s });
  }));
  status.value = team.status || this.data.records.statuses[0];
  filled = filled || !!team.status;
  status.addEventListener("change", function () { team.status = status.value; });
  var reasons = state.card.path.map(function (item) {
    var key = item.gate + "=" + item.answer;
    var labelText = words.why.split("{answer}").join(item.answer_label).split("{gate}").join(item.gate_label);
    return field("why-" + item.gate, labelText, input(function () { return team.why[key]; },
      function (v) { team.why[key] = v; }));
  });
  var body = el("div", { "class": "ragft-team-fields" }, [
    el("p", { "class": "ragft-team-hint", text: words.hint }),
    text("use_case"), text("requirement"), field("status", words.status, status), text("decision_makers"),
    el("fieldset", { "class": "ragft-team-reasons" }, [el("legend", { text: words.reasons })].concat(reasons))
  ]);
  var details = el("details", { "class": "ragft-team ragft-no-print" },
    [el("summary", { text: words.legend }), body]);
  details.open = filled;
  return details;
};

Walker.prototype.download = function (name, text) {
  var blob = new Blob([text], { type: "text/markdown;charset=utf-8" });
  var url = URL.createObjectURL(blob);
  var link = el("a", { href: url, download: name, hidden: true });
  document.body.appendChild(link);
  link.click();
  document.body.removeChild(link);
  window.setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
};

/** The Markdown record as elements for print: front matter as it is, blocks as their elements. */
function recordNodes(text) {
  var head = /^---\n([\s\S]*?)\n---\n/.exec(text);
  var nodes = [];
  var list = null;
  var inline = function (s) {
    return s.replace(/\[([^\]]*)\]\(([^)]*)\)/g, "$1 ($2)").replace(/\*\*|\*|`/g, "").replace(/\\\$/g, "$")
      .replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  };
  text.slice(head ? head[0].length : 0).split("\n").forEach(function (line) {
    var m = /^(#{1,4}) (.*)|^(- |\d+\. )(.*)/.exec(line);
    if (m && m[3]) {
      if (!list) { nodes.push(list = el(m[3] === "- " ? "ul" : "ol")); }
      list.appendChild(el("li", { text: inline(m[4]) }));
      return;
    }
    list = null;
    if (line) { nodes.push(el(m ? "h" + (m[1].length + 1) : "p", { text: inline(m ? m[2] : line) })); }
  });
  // The front matter (status, date, decision-makers, answers) under the title and its kind.
  if (head) { nodes.splice(2, 0, el("pre", { text: head[1] })); }
  return nodes;
}
