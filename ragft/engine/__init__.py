"""The engine: what the tree decides (:mod:`~ragft.engine.decision`), one architecture for a use
case's requirements (:mod:`~ragft.engine.architecture`) and the calculators' arithmetic
(:mod:`~ragft.engine.calc`). Nothing here words anything for people: see :mod:`ragft.present`."""
