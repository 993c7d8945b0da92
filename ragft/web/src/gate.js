/*
 * gate.js: one question as a form of radio buttons, with its explanation, warnings and the
 * running example.
 */

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
