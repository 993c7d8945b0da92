"""The fixed words of the notebook widgets (walker, case builder, gate questions, record
preview, the calculators and their break-even chart): button labels and tips, status lines,
placeholders, a calculator's inputs and verdicts, worded once.

What the widgets show about the tree itself (questions, cards, where an answer leads) comes from
:mod:`ragft.present.content` and its headings from :mod:`ragft.present.words`; the fields a
decision record takes from the team are named as the site walker's form names them
(:data:`ragft.present.record_words.FORM`). Templates have named ``{slots}``, filled by
:meth:`str.format` in the widget, which adds only the markup (a slot may hold it).
"""

from __future__ import annotations

from typing import Final

__all__: list[str] = []

WORDS: Final = {
    # The text/plain line a notebook stores in place of a widget that has not run.
    "widget": "A ragft widget",
    "walker": "Walker",
    "case_builder": "Case builder",
    "placeholder": "{widget}: run this cell to use it (Run > Run All Cells runs them all).",
    "gate_placeholder": "{gate}: run this cell to answer it here.",
    # A gate question.
    "choose": "Choose an answer to see what it means and where it leads.",
    "gate_more": "Why this gate matters",
    # Under a question's answers: the keys its radio group takes.
    "keys_help": "Keys: the arrow keys move between the answers; Space or Enter chooses one.",
    # A changed answer that leaves later answers off the path.
    "dropped_one": "Your new answer to {gate}, {answer}, takes the walk another way: the earlier "
                   "answer to {gates} no longer applies and was cleared.",
    "dropped_many": "Your new answer to {gate}, {answer}, takes the walk another way: the "
                    "earlier answers to {gates} no longer apply and were cleared.",
    # After writing a record: where it went, or why it could not go.
    "write_failed": "Could not write the record: {error}",
    "wrote": "Wrote {what} to {path}.",
    # The walker.
    "back_tip": "Undo the last answer",
    "restart_tip": "Clear every answer and start again",
    "undo_restart": "Undo Restart",
    "undo_restart_tip": "Bring back the answers Restart cleared",
    "restarted": "Every answer was cleared.",
    "optional": "{field} (optional)",
    "why_answer": "Why {gate}",
    "use_case_example": "e.g. support bot",
    "write_record": "Write decision record",
    "write_record_tip": "Save this decision as a Markdown file",
    "the_record": "the decision record",
    # The record preview.
    "preview": "Preview the decision record",
    "preview_label": "Decision record preview",
    "undated": "the day you write it",
    # The case builder.
    "case_title": "Build a use case",
    "case_intro": "{title}: name each requirement and walk it through the gates; the combined "
                  "architecture just below follows every answer.",
    "requirement_n": "Requirement {number}",
    "requirement_example": "e.g. answer from the product docs",
    "answers": "Answers",
    "hide_answers": "Hide answers",
    "answers_tip": "Show or hide this requirement's answers",
    "remove": "Remove",
    "remove_tip": "Remove this requirement",
    "undo_remove": "Undo Remove",
    "undo_remove_tip": "Bring back the requirement you removed, with its answers",
    "removed": "Removed {name}.",
    "add_requirement": "Add requirement",
    "write_case_record": "Write the use case's ADR",
    "write_case_record_tip": "Save one numbered decision record (MADR) for every finished "
                             "requirement",
    "case_record": "the use case's record",
    "case_assumed": "Our assumption, since the source leaves it unstated: the answers to "
                    "{gates}.",
    "row_unfinished": "Unfinished: answer {gate}",
    "case_empty": "Add a requirement to start.",
    "case_none_finished": "Walk a requirement to a recommendation to see the combined "
                          "architecture.",
    "combined": "Combined architecture: {summary}",
    "case_partly": "{done} of {total} requirements are finished; the others join in when they "
                   "reach a recommendation",
    "case_from": "From {ends}.",
    "watch_for": "Watch out for ({count})",
    # The calculators: what an input out of range says.
    "check_inputs": "Check the inputs:",
    "input_error": "{check} {error}.",
    # The context calculator.
    "context_calculator": "Context calculator",
    "fit_question": "Does it fit in context?",
    "fit_intro": "{question} Enter the size of your knowledge base and pick a context window. "
                 "Every default here is an illustration: put in your own figures and check your "
                 "model's documentation for its real window.",
    "corpus_size": "Corpus size (illustration):",
    "unit": "Unit:",
    "context_window": "Context window (illustrative preset):",
    "headroom": "Headroom: instructions, question, answer (tokens):",
    "fit_notes": "Rough illustrative conversions: about {words_per_page} words a page and about "
                 "{tokens_per_word} tokens a word (so about {tokens_per_page} tokens a page). "
                 "Real ratios depend on the layout, the language and the model's tokenizer. The "
                 "headroom is counted with the corpus, as in notebook 00's table: both use one "
                 "rule, so the same sizes get the same verdict. The yardstick comes from "
                 "{citation}: a knowledge base under about {yardstick_tokens} tokens, roughly "
                 "{yardstick_pages} pages, can go into the prompt whole, with prompt caching.",
    # A source cited by name (the title slot holds its markup).
    "article": "{author}'s article {title} ({year})",
    "n_tokens": "{count} tokens",
    "about_tokens": "About {tokens}.",
    "token_window": "{size}-token window",
    "with_headroom": "With {headroom} tokens of headroom",
    "does_not_fit": "Does not fit.",
    "fit_no": "{verdict} {room} it needs {share} of the {window}. Retrieval becomes the "
              "knowledge layer, and the five gates decide what else to build.",
    "fits_tightly": "Fits, but tightly.",
    "fit_tight": "{verdict} {room} it fills {share} of the {window}: a longer question or next "
                 "month's documents would not fit (more than {tight} is our illustrative "
                 "warning line).",
    "fits": "Fits.",
    "fit_yes": "{verdict} {room} it fills {share} of the {window}.",
    "under": "under",
    "over": "over",
    "yardstick": "That is {side} the contextual-retrieval yardstick of about {tokens} tokens "
                 "(about {pages} pages).",
    # The break-even calculator (its phrases of a result also word the notebooks' summary).
    "break_even_calculator": "Break-even calculator",
    "pays_question": "Does fine-tuning pay off?",
    "break_even_intro": "{question} A fine-tuned model can save on each request (a shorter "
                        "prompt, no retrieval step, a smaller model, fewer escalations), but "
                        "serving it usually costs more per token than its base model, and it "
                        "costs engineering time to build, retraining runs, and engineering hours "
                        "every month to keep its data, evaluations and pipeline in shape. Every "
                        "default below is an illustration, not a benchmark: replace it with your "
                        "own figures.",
    "requests": "Requests per month:",
    "saving": "Saving per request ($):",
    "premium": "Serving premium per request ($):",
    "hours": "Engineering hours:",
    "rate": "Hourly rate ($):",
    "maintenance": "Maintenance hours per month:",
    "training": "Training cost per run ($):",
    "retrains": "Retrains per year:",
    "break_even_notes": "How it is worked out: the one-off cost is the engineering hours times "
                        "the rate plus the first training run. The monthly upkeep is the "
                        "maintenance hours times the rate (curating data, running evaluations, "
                        "fixing the pipeline) plus the retraining runs spread over the months, "
                        "plus the serving premium times the requests. The saving is requests "
                        "times the saving per request. The default premium prices a request of "
                        "{tokens_in} tokens in and {tokens_out} out at OpenAI's published "
                        "2024-2025 prices for gpt-4o-mini: {tuned_in} and {tuned_out} per "
                        "million input and output tokens fine-tuned, against {base_in} and "
                        "{base_out} for the base model. A self-hosted model has no per-token "
                        "price: spread its GPU bill over the requests. Compute is usually the "
                        "small part; the maintenance hours are the real bill. The other "
                        "defaults are made up for illustration.",
    "never_breaks_even": "Never breaks even",
    "never_detail": "{lead}: the monthly saving ({saving}) does not exceed the monthly upkeep "
                    "({upkeep}).",
    "pays_at_once": "Pays off at once",
    "at_once_detail": "{lead}: there is no one-off cost to recover.",
    "breaks_even_after": "Breaks even after about {months} months",
    "after_detail": "{lead}, when {net} a month has recovered the one-off {upfront}.",
    "one_off_cost": "One-off cost",
    "saving_per_month": "Saving per month",
    "upkeep_per_month": "Upkeep per month",
    "upkeep_parts": "{upkeep} (maintenance work {maintenance}, retraining runs {retraining}, "
                    "serving premium {serving})",
    # The break-even chart and its text alternative.
    "months_axis": "Months after the first training run",
    "break_even_mark": "break-even ≈ {months} months",
    "cost_line": "Cumulative cost of fine-tuning",
    "saving_line": "Cumulative saving",
    "chart_description": "Cumulative cost starts at {upfront} and grows by {upkeep} a month; "
                         "cumulative saving grows by {saving} a month; {cross}.",
    "lines_cross": "the lines cross after about {months} months",
    "never_catches_up": "the saving never catches up with the cost",
}
