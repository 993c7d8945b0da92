"""The fixed words of the notebook pages (:mod:`ragft.guide`): headings, table headers, chart
labels and the sentences of the cases, quizzes, lessons and glossary, worded once.

What the pages say about the tree itself comes from the tree and :mod:`ragft.present.content`,
its headings from :mod:`ragft.present.words`; a gate's name is always
:func:`ragft.present.content.gate_name`. Templates have named ``{slots}``, filled by
:meth:`str.format` in the page's module, which adds only the Markdown (a slot may hold it).
"""

from __future__ import annotations

from typing import Final

__all__: list[str] = []

WORDS: Final = {
    # Said on several pages.
    "step": "{gate}: {answer}",
    "and": "{items} and {last}",
    "right": "Right",
    "rag": "RAG",
    "fine_tuning": "Fine-tuning",
    "hybrid": "Hybrid",
    # Where in a guide data file (quizzes.yaml, glossary.yaml) its top mapping is.
    "top_level": "top level",
    # A gate and its answers (show).
    "why_matters": "Why it matters",
    "warning": "Warning",
    "if_answer": "If you answer {answer}",
    "would_build": "What you would build",
    "kind": "Kind",
    "reached_by": "Reached by",
    "caveat": "Caveat: {caveat}",
    # The running example and the named cases (cases).
    "not_walked": "The running example is not walked through {gate}.",
    "example_assumed": "Our assumption: the post leaves it unstated.",
    "example_answer": "Answer: {answer} ({id}).",
    "invented": "An invented case: every answer in it is ours.",
    "all_ours": "Every answer in it is ours.",
    "none_stated": "Every answer here is our assumption; the source states none of them.",
    "stated_one": "The source states the answer at {gates}; the others are our assumptions.",
    "stated_many": "The source states the answers at {gates}; the others are our assumptions.",
    "told_at": "told at {gate}",
    "recall": "{case} ({told}) answers {answers} here ({id}).",
    "source": "Source: {sources}.",
    "no_cases": "No named case is discussed at this gate.",
    "all_stated": "Every answer in this walk is stated by the source post.",
    "assumed_intro": "Our assumptions in this walk (the source post does not state these "
                     "answers):",
    # The self-checks (quiz).
    "ask_exit": "Where does the tree send it? Open each choice to see its feedback.",
    "ask_architecture": "Which architecture do its requirements combine into? Open each choice "
                        "to see its feedback.",
    "question": "Question {number}",
    "wrong": "Not this one",
    "decided": "Decided at {gate}. The walk: {walk}.",
    "out_of_reach": "Decided at {step}. From there, this recommendation is out of reach.",
    "combines_into": "The tree combines these requirements into {architecture}.",
    "requirements_end": "The requirements: {ends}.",
    "ends_at": "{requirement} ends at {exit}",
    # The worked examples' helpers (lesson).
    "yes": "yes",
    "no": "no",
    # The graded sorting's key, folded: the reader sorts first, then opens it.
    "key_fold": "The key, question by question (open it once you have sorted them)",
    "sorted": "{right} of {total} sorted as the key sorts them.",
    "not_sorted": "Not sorted yet",
    "not_quite": "Not quite (you said {label})",
    "key_says": "The key says {kind}.",
    # The charts (charts).
    "rag_on_top": "RAG added on top",
    "fine_tuning_then_rag": "Fine-tuning\nthen RAG added",
    "gain_axis": "Accuracy gain (points)",
    "gains_stack": "The gains stack",
    "over": "over {points:g}",
    "over_then": "over {points:g}, then about {more:g} more",
    "before_fine_tuning": "Before fine-tuning",
    "fine_tuned": "Fine-tuned",
    "similarity_axis": "Answer similarity (%)",
    "other_regions": "Knowledge from other regions",
    "one_domain": "{author}, {year}: one domain only",
    "records_ended_one": "Where {total} decision record ended",
    "records_ended_many": "Where {total} decision records ended",
    # The worked examples (worked); a break-even result's leads and its one-off cost and saving
    # are the calculator's (:data:`ragft.present.widget_words.WORDS`).
    "fit_no": "no ({share})",
    "fit_no_times": "no ({times} times)",
    "fit_tight": "tight ({share})",
    "fit_yes": "yes ({share})",
    "fit_yes_tiny": "yes (under 1%)",
    "knowledge_base": "Knowledge base",
    "estimated_tokens": "Estimated tokens",
    "fits_in": "Fits in {window}?",
    "headroom_note": "Each share counts the corpus plus {headroom} tokens of headroom.",
    "fit_key": "Yes up to {tight} of the window, tight above that, no beyond 100%. Token counts "
               "are estimates.",
    "never_summary": "{lead}: the saving per month ({saving}) does not cover the upkeep "
                     "({upkeep}).",
    "after_summary": "{lead}, once {net} a month has paid back {upfront}.",
    "upkeep_summary": "{upkeep}, of which maintenance work {maintenance}, retraining runs "
                      "{retraining} and the fine-tuned model's serving premium {serving}",
    "scenario": "Scenario",
    "saving_a_month": "Saving a month",
    "premium_a_month": "Serving premium a month",
    "upkeep_a_month": "Upkeep a month, premium included",
    "breaks_even": "Breaks even",
    "never": "never",
    "after_about": "after about {months} months",
    "watch_out": "Watch out for",
    "warnings_of": "{watch} the warnings of:",
}


#: The graded self-checks (:mod:`ragft.guide.quiz`, the notebook widget and the site's form).
QUIZ: Final = {
    "question": "Question {number}",
    "form_label": "Self-check",
    "kind_lands": "where it lands",
    "kind_flip": "what would flip it",
    "kind_assumption": "what the plan gets wrong",
    "kind_number": "work it out",
    "ask_exit": "Where does the tree send it?",
    "ask_architecture": "Which architecture do its requirements combine into?",
    "ask_flip": "Which single fact, if it were different, would send it to another exit?",
    "ask_assumption": "The team's plan only holds if the walk ends at “{plan}”. Which "
                      "assumption behind it is wrong?",
    "ask_context_fit": "Does the corpus fit in the window, with the room a request needs?",
    "ask_break_even": "In which month does fine-tuning pay for itself?",
    "verdict_yes": "It fits, with room to spare",
    "verdict_tight": "It fits, but tightly (over 80% of the window)",
    "verdict_no": "It does not fit",
    "in_month": "In month {month}",
    "never": "Never: the upkeep eats the saving",
    "fit_line": "Worked out: {tokens} tokens plus {headroom} of headroom is {share} of a "
                "{window}-token window, so: {verdict}.",
    "months_line": "Worked out: {upfront} up front; each month saves {saving} and costs {upkeep} "
                   "to keep, {net} net; so it pays back after {months} months, in month "
                   "{month}.",
    "never_line": "Worked out: {upfront} up front; each month saves {saving} but costs {upkeep} "
                  "to keep ({net} net), so it never pays back.",
    "flip_moves": "With {change}, the walk ends at {exit} instead of {was}.",
    "flip_same": "With {change}, the walk still ends at {exit}.",
    "answered": "{gate} answered {answer}",
    "answer_is": "the answer to {gate} is {answer}",
    "assumption_wrong": "In the scenario {facts}, so its walk ends at {exit}, not at {plan}.",
    "assumption_holds": "In the scenario {facts}, as the plan assumes.",
    "key": "Answer key (open after you choose)",
    "static_note": "Choose an answer to each question, then check it. In Jupyter, run this "
                   "cell to be graded here; on the course site the page grades it.",
    "check": "Check",
    "retry": "Try again",
    "pick_first": "Choose an answer first.",
    "score": "{right} of {total} right",
    "score_label": "Score",
    "quiz": "Self-check",
    # The text/plain form stored beside the static form (no "run this cell": the quiz is not
    # a control the site removes, it keeps its form there).
    "placeholder": "Self-check, {count} questions: graded here once the cell has run.",
}


#: The scenario cards (``ragft/guide/cards.yaml``, :mod:`ragft.guide.practice`): the printable
#: pack's sheets (``site/prerender.py``) and notebook 08's cards and keys.
CARDS: Final = {
    "cards": "Scenario cards",
    "card_of": "Scenario card {n} of {total}",
    "decide_for": "Decide, one walk each:",
    "knows": "What the team knows",
    "task": ("Walk the tree on the poster: agree on an answer to every question it asks, in "
             "order, and note the fact that decided each one. Write your walk on the "
             "worksheet."),
    "keys": "Answer keys",
    "key_of": "Answer key for card {n}: keep it back until the group has agreed",
    "question": "Question",
    "answer": "Answer",
    "because": "Because (from the card)",
    "assumed": "assumed by us, not stated by the source",
    "ends_at": "Ends at",
    "offline": "In the offline walker:",
    "poster": "The tree",
    "poster_a4": "Poster, A4",
    "poster_a3": "Poster, A3",
    "poster_caption": ("Start at pre-check 1 and follow the answers; the coloured boxes are the "
                       "recommendations. For a dot vote, each group puts a dot on the box its "
                       "walk reached."),
    "worksheet": "Worksheet",
    "worksheet_intro": ("One sheet per walk. Each field is one option of `ragft record`, so the "
                        "sheet can be typed in as it is (the command at the bottom)."),
    "gate": "Question",
    "circle": "Circle one answer",
    "why": "Why (--why)",
    "command": "Type it in:",
    # Notebook 08: the card on screen, its key folded under it.
    "key_fold": "The key to card {n}: open it once you have walked the card",
}
