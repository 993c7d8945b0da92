"""The site's files: the tree as JSON (:mod:`~ragft.web.payload`), ``ragft export``
(:mod:`~ragft.web.export`), the offline walker page (:mod:`~ragft.web.page`, with ``src/*.js``,
``walker.css`` and ``walker.html``) and where the guide is published (:mod:`~ragft.web.links`)."""
