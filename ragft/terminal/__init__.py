"""ragft in a terminal: the presentation layer's content through ``rich``, and the CLI's parts.

- :mod:`ragft.terminal.render`: cards, sections and questions, wrapped and styled;
- :mod:`ragft.terminal.menu`: the arrow-key list ``ragft walk`` answers with;
- :mod:`ragft.terminal.args`: argument parsing, help texts and shell completion;
- :mod:`ragft.present.cli_words`: the phrases only the terminal says (key hints, exit codes).

The walk itself is :mod:`ragft.terminal.walk`, the command :mod:`ragft.terminal.cli`.
"""
