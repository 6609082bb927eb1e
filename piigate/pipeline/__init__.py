"""The whole job on a laptop or a CI runner: ``piigate demo`` and ``piigate run``.

* :mod:`.runner`: :class:`~.runner.Pipeline` runs the steps (restore -> scan -> propose
  -> review -> tokenize -> verify -> share -> import -> report) and fills a
  :class:`~.record.RunRecord`;
* :mod:`.report`: ``report.json`` and ``report.html``, built from the record alone;
* :mod:`.demo`: the sample database and the labelled demo secret;
* :mod:`.cli`: the ``demo`` and ``run`` subcommands.

Nothing is imported here, so that ``piigate --help`` (which registers :mod:`.cli`)
stays fast; import from the modules.
"""
