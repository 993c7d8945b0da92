/*
 * gate.js: one question as a form of radio buttons, with its explanation, warnings and the
 * running example (a GateView of ragft.present).
 */

Walker.prototype.renderGate = function (view, state) {
  var self = this;
  var id = this.uid + "-" + view.id;
  var legend = el("legend", { tabindex: "-1" }, [
    el("span", { "class": "ragft-gate-label", text: view.name }),
    el("span", { "class": "ragft-question", text: view.question })
  ]);
  var fieldset = el("fieldset", { "data-gate": view.id }, [legend]);
  if (view.explanation) { fieldset.appendChild(el("p", { "class": "ragft-explanation", text: view.explanation })); }
  var options = el("div", { "class": "ragft-options" });
  // Where the column is narrow (a phone) each answer's signals fold, so the question and all
  // its answers fit on the first screen; where there is room they are open.
  var roomy = this.formSlot.clientWidth >= 512;
  view.answers.forEach(function (answer) {
    var inputId = id + "-" + answer.id;
    var input = el("input", { type: "radio", name: view.id, value: answer.id, id: inputId,
      "aria-describedby": inputId + "-meaning" });
    var signals = answer.signals.length
      ? el("details", { "class": "ragft-signals", open: roomy }, [el("summary", { text: self.label("signals") }),
          el("ul", null, answer.signals.map(function (s) { return el("li", { text: s }); }))])
      : null;
    options.appendChild(el("div", { "class": "ragft-option" }, [
      input,
      el("label", { "for": inputId, text: answer.label }),
      el("div", { id: inputId + "-meaning", "class": "ragft-meaning" }, [
        el("p", { text: answer.meaning }), signals, el("p", { "class": "ragft-leads" }, [spans(state.leads[answer.id] || answer.leads_to)])])
    ]));
  });
  fieldset.appendChild(options);
  if (view.why) {
    fieldset.appendChild(el("p", { "class": "ragft-why" }, [el("strong", { text: this.label("why") + ": " }), view.why]));
  }
  if (view.warnings.length) {
    fieldset.appendChild(el("div", { "class": "ragft-warnings" }, [
      el("p", null, [el("strong", { text: this.label("watch") })]),
      el("ul", null, view.warnings.map(function (w) { return el("li", { text: w }); }))
    ]));
  }
  if (view.example.length) { fieldset.appendChild(el("p", { "class": "ragft-example" }, [spans(view.example)])); }
  var submit = el("button", { type: "submit", "class": "ragft-button", text: this.label("continue") });
  var form = el("form", { "class": "ragft-form", "data-gate": view.id, novalidate: true },
    [fieldset, el("div", { "class": "ragft-actions" }, [submit])]);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var checked = form.querySelector("input[type=radio]:checked");
    if (!checked) {
      self.status.textContent = self.label("choose_first");
      form.querySelector("input[type=radio]").focus();
      return;
    }
    self.go(state.next[checked.value], true);
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
