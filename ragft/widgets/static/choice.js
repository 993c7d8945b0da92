// One question's answers as a native radio group (fieldset, legend, radios sharing a name),
// or, once answered and folded, one line with the answer and a Change button.
//
// Keys: the arrow keys, Home and End move between the answers without choosing; Space or
// Enter chooses the focused answer (Space or Enter on the answer already chosen confirms it).
// Those keys stop here, so JupyterLab's notebook shortcuts (arrow keys select cells, Enter
// edits one) do not also act on them. Python decides what a choice does; this view only
// reports it: a new answer through the synced `value`, a confirmed one as a message.
// anywidget may import this module once per widget, so a counter alone could repeat: the
// random part keeps two groups on one page (a self-check's questions) from sharing a name.
let groups = 0;
const page = Math.random().toString(36).slice(2, 10);

function render({ model, el }) {
  const name = `ragft-choice-${page}-${++groups}`;
  el.classList.add("ragft-choice");

  // A saved view reopened without its kernel: ipywidgets marks it disconnected. Its answers
  // are shown, but nothing may act as if they could change (the kernel would not hear it).
  const offline = () => Boolean(el.closest(".jupyter-widgets-disconnected"));
  const markOffline = () => {
    for (const control of el.querySelectorAll("input, button")) control.disabled = offline();
  };
  new MutationObserver(markOffline).observe(el, { attributes: true, attributeFilter: ["class"] });

  const choose = (id) => {
    if (offline()) return;
    if (id === model.get("value")) {
      model.send({ event: "confirm", value: id });
    } else {
      model.set("value", id);
      model.save_changes();
    }
  };

  // The view may be drawn before ipywidgets attaches it to the page: retry for a second.
  const focusNow = (tries = 20) => {
    const target = el.querySelector("input:checked") || el.querySelector("input, button");
    if (target && el.isConnected) {
      target.focus();
    } else if (tries > 0) {
      setTimeout(() => focusNow(tries - 1), 50);
    }
  };

  let radios = [];

  const draw = () => {
    const options = model.get("options");
    const value = model.get("value");
    const hadFocus = el.contains(document.activeElement);
    el.replaceChildren();
    radios = [];
    if (hadFocus) setTimeout(() => focusNow(), 0);  // a redraw keeps the keyboard here
    if (model.get("folded")) {
      const row = document.createElement("div");
      row.className = "ragft-choice-folded";
      const summary = document.createElement("span");
      summary.className = "ragft-choice-summary";
      summary.textContent = model.get("summary");
      const chosen = document.createElement("strong");
      chosen.className = "ragft-choice-chosen";
      const picked = options.find(([id]) => id === value);
      chosen.textContent = picked ? picked[1] : "";
      const change = document.createElement("button");
      change.type = "button";
      change.className = "ragft-choice-change";
      change.textContent = "Change";
      const context = document.createElement("span");
      context.className = "ragft-visually-hidden";
      context.textContent = ` the answer to ${model.get("summary")}`;
      change.append(context);
      change.addEventListener("click", () => {
        if (offline()) return;
        model.set("focus_pending", true);
        model.set("folded", false);
        model.save_changes();
      });
      const text = document.createElement("span");
      text.className = "ragft-choice-text";
      text.append(summary, " ", chosen);
      row.append(text, change);
      el.append(row);
      markOffline();
      return;
    }
    const group = document.createElement("fieldset");
    group.className = "ragft-choice-group";
    const legend = document.createElement("legend");
    legend.textContent = model.get("legend");
    group.append(legend);
    for (const [id, label] of options) {
      const option = document.createElement("label");
      option.className = "ragft-choice-option";
      const radio = document.createElement("input");
      radio.type = "radio";
      radio.name = name;
      radio.value = id;
      radio.checked = id === value;
      radio.addEventListener("change", () => radio.checked && choose(id));
      const text = document.createElement("span");
      text.textContent = label;
      option.append(radio, text);
      group.append(option);
      radios.push(radio);
    }
    if (model.get("hint")) {
      const hint = document.createElement("p");
      hint.className = "ragft-choice-hint";
      hint.id = `${name}-hint`;
      hint.textContent = model.get("hint");
      group.setAttribute("aria-describedby", hint.id);
      group.append(hint);
    }
    group.addEventListener("keydown", (event) => {
      const at = radios.indexOf(event.target);
      if (at < 0 || event.altKey || event.ctrlKey || event.metaKey) return;
      const last = radios.length - 1;
      const moves = {
        ArrowDown: at === last ? 0 : at + 1, ArrowRight: at === last ? 0 : at + 1,
        ArrowUp: at === 0 ? last : at - 1, ArrowLeft: at === 0 ? last : at - 1,
        Home: 0, End: last,
      };
      if (event.shiftKey && event.key !== " ") return;  // Shift+Enter still runs the cell
      if (event.key in moves) {
        radios[moves[event.key]].focus();
      } else if (event.key === "Enter" || event.key === " ") {
        const radio = radios[at];
        if (!radio.checked) radio.checked = true;
        choose(radio.value);
      } else {
        return;
      }
      event.preventDefault();
      event.stopPropagation();
    });
    // A click on an answer already chosen (editing an earlier gate) confirms it.
    group.addEventListener("click", (event) => {
      const radio = event.target.closest("input");
      if (radio && radio.value === model.get("value") && event.detail > 0) choose(radio.value);
    });
    el.append(group);
    markOffline();
  };

  const focusIfAsked = () => {
    if (!model.get("focus_pending")) return;
    model.set("focus_pending", false);
    model.save_changes();
    focusNow();
  };

  model.on("change:options change:folded change:legend change:summary change:hint", () => {
    draw();
    focusIfAsked();
  });
  // A new answer only moves the check mark (a redraw would take the focus away).
  model.on("change:value", () => {
    if (model.get("folded") || radios.length === 0) {
      draw();
    } else {
      for (const radio of radios) radio.checked = radio.value === model.get("value");
    }
  });
  model.on("change:focus_pending", focusIfAsked);
  draw();
  focusIfAsked();
}

export default { render };
