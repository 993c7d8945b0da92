"""The tree as data: the model (:mod:`~ragft.tree.model`), the loader and its checks
(:mod:`~ragft.tree.loader`, :mod:`~ragft.tree.checks`), the JSON Schema of the tree file
(:mod:`~ragft.tree.schema`) and ragft's own tree, ``data/tree.yaml``."""
