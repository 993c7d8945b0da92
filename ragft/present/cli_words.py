"""The phrases only the terminal says: key hints, the walk's replies, help texts.

Everything the terminal shows about the tree (questions, cards, headings) comes from
:mod:`ragft.present`; these are the words about the command itself.
"""

from __future__ import annotations

from typing import Final

__all__: list[str] = []

WORDS: Final = {
    "keys_tty": "Choose with ↑ ↓ and Enter, or type a number or an answer's id. "
                "b back · r restart · q quit",
    "keys_lines": "Answer with a number or an answer's id; b = back, r = restart, q = quit.",
    "hint_tty": "b back · r restart · q quit",
    "result_keys_tty": "Open a part with ↑ ↓ and Enter or its number. b back · r restart · q quit",
    "result_keys_lines": "b = back, r = restart, q = quit",
    "not_understood": "Not understood: {text!r}. Type {numbers}an answer's id, b, r or q.",
    "not_understood_result": "Not understood: {text!r}. Type {numbers}b, r or q.",
    "first_question": "Already at the first question.",
    "error": "error",
    "warning": "warning",
    "force": "(pass --force to overwrite it)",
    "left_out": "{name}: left out: {reason}",
    "examples": "Examples:",
    "gates_heading": "Gates and their answers, in the order the walk asks them:",
}

# Each command's examples, as its --help shows them; {slots} are filled from the tree.
EXAMPLES: Final = {
    "ragft": ("ragft walk", "ragft decide {answers}",
              "ragft decide --help      (every gate and its answers)"),
    "decide": ("ragft decide {answers}", "ragft decide {first} --json {rest}"),
    "walk": ("ragft walk", "ragft walk -o team-blue.md", "ragft walk --tree our-tree.yaml",
             "printf '2\\n1\\n1\\n' | ragft walk"),
    "diagram": ("ragft diagram -o tree.svg", "ragft diagram {answers} -o path.png",
                "ragft diagram --focus {gate} --no-prechecks -o {gate}.dot"),
    "record": ("ragft record {answers} -o decision.md",
               "ragft record {answers} --adr docs/decisions --use-case 'Support bot' "
               '--why {last}="no team can own retraining yet"',
               "ragft record --case our-case.yaml --adr docs/decisions"),
    "revisit": ("ragft revisit docs/decisions",
                "ragft --tree our-tree.yaml revisit docs/decisions/0003-support-bot.md"),
    "tally": ("ragft tally records", "ragft tally records -o tally.svg --force"),
    "export": ("ragft export site-data", "ragft export site-data --force"),
    "completion": ('eval "$(ragft completion bash)"      (in ~/.bashrc)',
                   'eval "$(ragft completion zsh)"       (in ~/.zshrc, after compinit)',
                   "ragft completion fish > ~/.config/fish/completions/ragft.fish"),
    "schema": ("ragft schema > tree.schema.json",),
}

# The options' help, keyed "command.option" (or the option alone, where commands share it).
OPTIONS: Final = {
    "tree": "use this tree file (YAML or JSON) instead of ragft's own",
    "tree_top": "use this tree file (YAML or JSON) instead of ragft's own; also accepted after "
                "the command",
    "answers": "an answer as gate=answer, e.g. knowledge=static (ids in any case)",
    "force_file": "overwrite FILE if it exists",
    "decide.json": "print the decision as JSON (complete: false while unfinished)",
    "diagram.answers": "highlight the path of these answers; {answers}",
    "diagram.output": "output file; its suffix picks the format (.svg, .png, .dot)",
    "diagram.no_prechecks": "start at gate 1",
    "diagram.focus": "emphasise one gate and its answers",
    "diagram.engine": "graphviz-pure (default) or a system Graphviz 'dot'",
    "record.output": "write the record to FILE (default: print it)",
    "record.adr": "write DIR/NNNN-title.md with the next free number; never overwrites",
    "record.case": "a use case's requirements, answers and reasons (YAML) instead of ANSWER",
    "record.use_case": "what the system is for",
    "record.requirement": "the requirement this walk decides",
    "record.status": "the record's status: {statuses} (default: {default})",
    "record.by": "a decision-maker (repeat it, or separate names with commas)",
    "record.why": 'your reason for an answer, e.g. knowledge="policies change quarterly"',
    "record.date": "the record's date, YYYY-MM-DD (default: today)",
    "revisit.records": "record files, or folders of them (files in a folder that are not "
                       "records are named on stderr and left out)",
    "walk.output": "when the walk ends (q, or the end of the input) on a recommendation, write "
                   "its decision record to FILE (never overwritten without --force)",
    "tally.directory": "the folder of decision records (*.md)",
    "tally.output": "also write the chart to FILE: .svg for the chart, .txt for the text",
    "export.directory": "the folder to write into",
    "export.force": "overwrite files that exist",
    "completion.shell": "bash, zsh or fish",
}

# Exit codes, said once for --help texts and the README.
EXIT_CODES: Final = {
    0: "done",
    1: "the diagram renderer failed",
    2: "bad input: one line on stderr names it and what is allowed",
    3: "the answers stop before a recommendation: a line on stderr names the next question",
}


# What an exit code means where a command gives it another meaning than EXIT_CODES'.
COMMAND_EXIT_CODES: Final = {
    "revisit": {0: "every decision stands",
                1: "a decision changed, or its gate or answer is gone from the tree"},
    "walk": {3: "-o FILE was given but the walk ended before a recommendation: nothing written"},
}


def exit_status(*codes: int, command: str = "") -> str:
    """The ``Exit status:`` block of a help text, for the codes a command can return."""
    meaning = {**EXIT_CODES, **COMMAND_EXIT_CODES.get(command, {})}
    return "\n".join(["Exit status:", *(f"  {c}\t{meaning[c]}" for c in codes)])


# One line per command for `ragft --help`, then what each command's own --help starts with.
HELP: Final = {
    "ragft": (
        "",
        "RAG, fine-tuning, or both? Walk the decision tree of pre-checks and gates to a "
        "recommendation, draw it, and write the decision down.",
    ),
    "decide": (
        "the recommendation for a set of answers",
        "Print the recommendation the answers reach: what it is made of, what to build, what "
        "would flip it and the answers on its path; or, while the answers stop before a "
        "recommendation, the next question and its answers. Answers are gate=answer, in any "
        "order, ids in any case; options may come anywhere.",
    ),
    "walk": (
        "answer the questions one at a time in the terminal",
        "Ask the questions one at a time, each with what it means, then show the "
        "recommendation, folded so that it stays on screen. In a terminal, choose with the "
        "arrow keys and Enter, a number key, or an answer's id and Enter; b goes back, r "
        "restarts, q quits. Piped, it reads one answer (a number or an id) per line. With -o FILE, "
        "a walk that ends on a recommendation writes its decision record to FILE, the same "
        "record `ragft record` writes for those answers.",
    ),
    "diagram": (
        "draw the tree (.svg, .png or .dot), a walk's path highlighted",
        "Draw the tree as SVG, PNG or Graphviz DOT (the output file's suffix picks the "
        "format). Answers highlight their path; --focus makes one gate stand out.",
    ),
    "record": (
        "write a decision record (MADR 4.0 Markdown) of a finished walk",
        "Write the decision record of a finished walk, or of a use case's requirements "
        "(--case), as a MADR 4.0 file: front matter a program can read, then the context, one "
        "decision driver per answer with your reasons (--why), the options the walk passed, "
        "the outcome, what to build and how to confirm it. Prints it, or writes -o FILE (never "
        "overwritten without --force) or the next numbered ADR in --adr DIR. Writes nothing "
        "unless the answers reach a recommendation.",
    ),
    "revisit": (
        "check decision records against the current tree",
        "Decide each record's answers again, read from its front matter, against the current "
        "tree (or --tree FILE), and say per record whether the decision stands, which exit it "
        "moves to and which gate or answer caused it. Exit status as diff's: 0 when every "
        "decision stands, 1 when any changed, 2 for bad input. In a folder, files that are "
        "not decision records of the tree (meeting notes, say) are named on stderr and left "
        "out, as `ragft tally` leaves them out; a file named on the command line must be a "
        "record.",
    ),
    "tally": (
        "count where a folder of decision records ended",
        "Count the decision records (*.md) in DIR by recommendation and by kind, from their "
        "front matter, and print the counts as a bar chart in text; -o FILE also writes it "
        "(.svg: a chart that opens in any browser, offline). Files that are not decision "
        "records of the tree, such as meeting notes, are left out of the count and named on "
        "stderr with the reason.",
    ),
    "export": (
        "write tree.json, tree.svg and the offline walker into DIR",
        "Write the site's data into DIR: tree.json, tree.svg, and the walker (walker.html, "
        "and its script, style, data and diagram as the site's page loads them). Open "
        "DIR/walker.html in a browser: it works offline. Files already in DIR are not "
        "overwritten without --force (refreshing a kit needs it).",
    ),
    "schema": (
        "print the JSON Schema of a tree file",
        "Print the JSON Schema of the tree file, for an editor that checks YAML against a "
        "schema while you edit your own tree (the loader checks the rest when ragft loads it).",
    ),
    "completion": (
        "print shell completion for bash, zsh or fish",
        "Print a completion script: Tab then completes commands, options, gates and answers "
        "(the next question's answers first).",
    ),
}
