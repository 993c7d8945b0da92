"""The tree as a diagram: DOT text from the data (:mod:`~ragft.diagram.dot`), the path marks a
page highlights (:mod:`~ragft.diagram.marks`, no graphviz needed), rendering with a cache
(:mod:`~ragft.diagram.render`) and the one module that runs a Graphviz binary
(:mod:`~ragft.diagram.backend`)."""
