"""The engine: what the tree decides (:mod:`~ragft.engine.decision`), one architecture for a use
case's requirements (:mod:`~ragft.engine.architecture`), the calculators' arithmetic
(:mod:`~ragft.engine.calc`) and one request's cost and wait on each path
(:mod:`~ragft.engine.cost`). Nothing here words anything for people: see :mod:`ragft.present`."""
